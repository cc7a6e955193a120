/**
 * The board สถานะการส่งรายงาน as a submission rebuilds it: read in one Sheets API call before the
 * first write (platform/sheetState.ts), with the log it appends to, instead of a SpreadsheetApp
 * getter per check; the record sheet's rows as read with the configuration; and still
 * repaired whole when somebody changed it by hand (its values, notes, bold header, frozen
 * panes and colour rules end as on a board nobody touched).
 */
import { SHEET } from '../../../../src/features/setup/sheets/sheetNames';
import { dutiesProvince, THA_BO } from '../../../support/duties';
import type { Harness } from '../../../support/workbook';

/** The board as its getters show it: values, notes, header weights, frozen panes, colour rules. */
function boardOf(h: Harness) {
  const sheet = h.run.spreadsheet.getSheetByName(SHEET.board)!;
  const data = sheet.getDataRange();
  return {
    values: data.getValues(),
    notes: data.getNotes(),
    header: sheet.getRange(4, 1, 1, data.getNumColumns()).getFontWeights(),
    frozen: [sheet.getFrozenRows(), sheet.getFrozenColumns()],
    rules: sheet.getConditionalFormatRules().map((r) => {
      const c = r.getBooleanCondition()!;
      return [
        r.getRanges().map((g) => g.getA1Notation()),
        String(c.getCriteriaType()),
        c.getCriteriaValues(),
        c.getBackground(),
        c.getFontColor(),
      ];
    }),
  };
}

/** 3 Nov 2564, ท่าบ่อ submits October; `tamper` changes the board by hand first (as the owner). */
function submitted(
  tamper?: (board: ReturnType<Harness['run']['spreadsheet']['getSheetByName']> & object, h: Harness) => void,
) {
  const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
  const board = h.run.spreadsheet.getSheetByName(SHEET.board)!;
  tamper?.(board, h);
  h.book.ledger.reset();
  const officer = h.as(THA_BO);
  officer.gas.sidebarSubmitMonthly('2021-10', true);
  return { h, calls: h.book.ledger.calls(officer.run.id) };
}

test('a submission asks the board no getter of what is already right: one Sheets API read', () => {
  const { calls } = submitted();
  const count = (name: string) => calls.filter((c) => c === name).length;
  // each was asked once by the board's rebuild before (the log's frozen rows are its own check)
  expect({
    rules: count('Sheet.getConditionalFormatRules'),
    ranges: count('Range.getA1Notation'),
    weights: count('Range.getFontWeights'),
    frozenColumns: count('Sheet.getFrozenColumns'),
    columns: count('Sheet.getMaxColumns'),
  }).toEqual({ rules: 0, ranges: 0, weights: 0, frozenColumns: 0, columns: 0 });
});

test('a submission asks neither the log nor the record sheet again what was read before it wrote', () => {
  const { calls } = submitted();
  const count = (name: string) => calls.filter((c) => c === name).length;
  // the log's frozen row, rows and size come with the board's state; the record sheet's rows with the configuration
  expect({ frozenRows: count('Sheet.getFrozenRows'), dataRange: count('Sheet.getDataRange') }).toEqual({
    frozenRows: 0,
    dataRange: 0,
  });
  expect(count('Sheet.getLastRow')).toBeLessThanOrEqual(1); // the record sheet's, where its row goes
});

test('a board changed by hand is repaired whole by the next submission, as a board nobody touched', () => {
  const untouched = boardOf(submitted().h);
  const { h } = submitted((board, owner) => {
    board.getRange('B5').setValue('ส่งแล้ว (แก้ด้วยมือ)');
    board.getRange('C5').setNote('โน้ตที่พิมพ์เอง');
    board.getRange('A4:C4').setFontWeight('normal');
    board.setFrozenRows(0);
    board.setFrozenColumns(2);
    board.getRange(6, board.getMaxColumns()).setValue(99);
    const rules = board.getConditionalFormatRules();
    const recoloured = rules[0].copy().setBackground('#000000').build();
    board.setConditionalFormatRules([recoloured, ...rules.slice(1)]);
    owner.run.globals.SpreadsheetApp.flush();
  });
  const repaired = boardOf(h);
  expect(repaired.values).toEqual(untouched.values);
  expect(repaired.notes).toEqual(untouched.notes);
  expect(repaired.header).toEqual(untouched.header);
  expect(repaired.frozen).toEqual(untouched.frozen);
  expect(repaired.rules).toEqual(untouched.rules);
});
