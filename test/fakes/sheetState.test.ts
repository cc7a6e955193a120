/**
 * The stand-in's Sheets.Spreadsheets.get with `ranges` and grid data (dev/fakes/advancedSheets.ts)
 * and the adapter's one-call read of a sheet's state over it (src/platform/sheetState.ts): what it
 * gives is what SpreadsheetApp's getters give (values of the data range, notes, bold cells,
 * frozen panes, size, conditional-format rules), in one call; a date or an error leaves the
 * values to SpreadsheetApp; only the sheets named come back.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import fc from 'fast-check';
import { a1GridRange, gridRangeA1, readSheetStates, type SheetState } from '../../src/platform/sheetState';

const OWNER = 'owner@example.com';

/** A workbook with a board-like sheet: texts, numbers, a note, a bold header, frozen panes, two text rules. */
function setup() {
  const wb = createFakeWorkbook({ owner: OWNER, timeZone: 'Asia/Bangkok', sheetNames: ['อื่น', 'สถานะ'] });
  const run = wb.createExecution({ user: OWNER });
  const ss = run.globals.SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName('สถานะ')!;
  sheet.getRange(1, 1, 3, 4).setValues([
    ['อำเภอ', 'ต.ค.', 'พ.ย.', 'เลยกำหนด'],
    ['ท่าบ่อ', "'ส่งแล้ว", 'เลยกำหนด ยังไม่ส่ง', 1],
    ['สังคม', '', true, 0],
  ]);
  sheet.getRange('B3').setFormula('=""'); // counts in the data range, shows nothing
  sheet.getRange('B2:C3').setNotes([
    ['ต.ค.\nกำหนดส่ง', ''],
    ['', 'พ.ย.'],
  ]);
  sheet.getRange('A1:D1').setFontWeight('bold');
  sheet.getRange('C1').setFontWeight('normal');
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(1);
  const rule = (when: 'eq' | 'starts', text: string, bg: string, fg: string) => {
    const b = run.globals.SpreadsheetApp.newConditionalFormatRule()
      .setRanges([sheet.getRange('B2:C3')])
      .setBackground(bg)
      .setFontColor(fg);
    return (when === 'eq' ? b.whenTextEqualTo(text) : b.whenTextStartsWith(text)).build();
  };
  const other = run.globals.SpreadsheetApp.newConditionalFormatRule()
    .setRanges([sheet.getRange('A1:A3'), sheet.getRange('D1:D3')])
    .whenNumberGreaterThan(0)
    .setBackground('#ff0000')
    .build();
  sheet.setConditionalFormatRules([
    rule('starts', 'ส่งแล้ว', '#b7e1cd', '#0b5d1e'),
    other,
    rule('eq', 'เลยกำหนด ยังไม่ส่ง', '#f4c7c3', '#a50e0e'),
  ]);
  ss.getSheetByName('อื่น')!.getRange('A1').setValue('x');
  run.globals.SpreadsheetApp.flush();
  return { wb, run, ss, sheet };
}

/**
 * Runs `fn` with the execution's Sheets and SpreadsheetApp services as the adapter's globals.
 * @param globals the execution's globals
 * @param fn what to run
 */
function withSheets<T>(globals: { Sheets: unknown; SpreadsheetApp: unknown }, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = [g.Sheets, g.SpreadsheetApp];
  g.Sheets = globals.Sheets;
  g.SpreadsheetApp = globals.SpreadsheetApp;
  try {
    return fn();
  } finally {
    [g.Sheets, g.SpreadsheetApp] = saved;
  }
}

test('one call gives what the SpreadsheetApp getters give', () => {
  const { wb, run, ss, sheet } = setup();
  wb.ledger.reset();
  const state = withSheets(run.globals, () => readSheetStates(ss, ['สถานะ'], { values: true })[0] as SheetState);
  // the workbook's id is asked once per execution (an action's registry read has asked it already)
  expect(wb.ledger.calls(run.id).filter((c) => c !== 'Spreadsheet.getId')).toEqual(['Sheets.Spreadsheets.get']);
  expect(state.values).toEqual(sheet.getDataRange().getValues());
  expect(state.notes(2, 2, 2, 2)).toEqual(sheet.getRange('B2:C3').getNotes());
  expect(state.notes(5, 5, 1, 1)).toEqual([['']]); // beyond what was read: no note
  const weights = sheet.getRange('A1:D1').getFontWeights()[0];
  expect(state.allBold(1, 1, 1, 4)).toBe(weights.every((w) => w === 'bold'));
  expect(state.allBold(1, 1, 1, 2)).toBe(true);
  expect(state.allBold(1, 1, 1, 4)).toBe(false); // C1 was made normal
  expect([state.maxRows, state.maxColumns]).toEqual([sheet.getMaxRows(), sheet.getMaxColumns()]);
  expect([state.frozenRows, state.frozenColumns]).toEqual([sheet.getFrozenRows(), sheet.getFrozenColumns()]);
  const rules = sheet.getConditionalFormatRules().map((r) => {
    const c = r.getBooleanCondition()!;
    return {
      ranges: r.getRanges().map((g) => g.getA1Notation()),
      // the API's names of the two text conditions (ConditionType)
      type: ({ TEXT_EQUAL_TO: 'TEXT_EQ', TEXT_STARTS_WITH: 'TEXT_STARTS_WITH' } as Record<string, string>)[
        String(c.getCriteriaType())
      ],
      values: c.getCriteriaValues().map(String),
      background: c.getBackground() ?? '',
      text: c.getFontColor() ?? '',
    };
  });
  // the two text rules exactly; the number rule's type as the API names it
  expect(state.rules[0]).toEqual(rules[0]);
  expect(state.rules[2]).toEqual(rules[2]);
  expect(state.rules[1]).toMatchObject({ ranges: rules[1].ranges, type: 'NUMBER_GREATER', background: '#ff0000' });
});

test('a date or an error in the sheet leaves its values to SpreadsheetApp', () => {
  for (const put of [
    (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange('E2').setValue(new Date(2022, 0, 31)),
    (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getRange('E2').setFormula('=1/0'),
  ]) {
    const { run, ss, sheet } = setup();
    put(sheet);
    run.globals.SpreadsheetApp.flush();
    const state = withSheets(run.globals, () => readSheetStates(ss, ['สถานะ'], { values: true })[0] as SheetState);
    expect(state.values).toBeNull();
    expect(state.notes(2, 2, 1, 1)).toEqual([['ต.ค.\nกำหนดส่ง']]); // the rest is read all the same
  }
});

test('only the sheets the ranges name come back; grid data without ranges is every sheet whole; after an unseen write it is refused', () => {
  const { run, ss, sheet } = setup();
  const api = run.globals.Sheets.Spreadsheets!;
  const got = api.get(ss.getId(), { ranges: ["'สถานะ'"], fields: 'sheets(properties(title))' }) as {
    sheets: { properties: { title: string } }[];
  };
  expect(got.sheets.map((s) => s.properties.title)).toEqual(['สถานะ']);
  // "If a field mask is set, the includeGridData parameter is ignored" (spreadsheets/get): a
  // mask naming the data gives every sheet's grid
  const all = api.get(ss.getId(), { fields: 'sheets(properties(title),data(rowData(values(effectiveValue))))' }) as {
    sheets: { properties: { title: string }; data: { rowData?: { values?: { effectiveValue?: unknown }[] }[] }[] }[];
  };
  expect(all.sheets.map((s) => s.properties.title)).toEqual(ss.getSheets().map((s) => s.getName()));
  const whole = all.sheets.find((s) => s.properties.title === 'สถานะ')?.data[0].rowData ?? [];
  expect(
    whole.map((r) => (r.values ?? []).map((c) => (c.effectiveValue ? Object.values(c.effectiveValue)[0] : ''))),
  ).toEqual(
    sheet
      .getDataRange()
      .getValues()
      .map((r) => {
        const line = r.map((v) => v);
        while (line.length > 0 && line[line.length - 1] === '') line.pop();
        return line;
      }),
  );
  sheet.getRange('A5').setValue('ใหม่');
  expect(() =>
    withSheets(run.globals, () => readSheetStates(ss, ['สถานะ'], { values: true })[0] as SheetState),
  ).toThrow('flush');
});

test('a GridRange in A1 as getA1Notation writes it', () => {
  expect(gridRangeA1({ startRowIndex: 4, endRowIndex: 13, startColumnIndex: 1, endColumnIndex: 16 })).toBe('B5:P13');
  expect(gridRangeA1({ endRowIndex: 1, endColumnIndex: 1 })).toBe('A1');
  expect(gridRangeA1({ startRowIndex: 2 })).toBe(''); // unbounded
});

test('an A1 range as a GridRange, the inverse of gridRangeA1, for every bounded range', () => {
  expect(a1GridRange(7, 'B5')).toEqual({
    sheetId: 7,
    startRowIndex: 4,
    endRowIndex: 5,
    startColumnIndex: 1,
    endColumnIndex: 2,
  });
  expect(a1GridRange(0, 'AA10:B2')).toEqual({
    sheetId: 0,
    startRowIndex: 1,
    endRowIndex: 10,
    startColumnIndex: 1,
    endColumnIndex: 27,
  });
  expect(() => a1GridRange(0, 'B:B')).toThrow('not a bounded A1 range');
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 800 }),
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 1, max: 30 }),
      (row, column, rows, columns) => {
        const range = {
          startRowIndex: row,
          endRowIndex: row + rows,
          startColumnIndex: column,
          endColumnIndex: column + columns,
        };
        expect(a1GridRange(3, gridRangeA1(range))).toEqual({ sheetId: 3, ...range });
      },
    ),
  );
});

test('with layout: number formats, backgrounds, dropdowns, the tab colour and typed values as SpreadsheetApp reads them, after a flush', () => {
  const { wb, run, ss, sheet } = setup();
  const app = run.globals.SpreadsheetApp;
  sheet.getRange('E2:E3').setNumberFormat('d/m/yyyy');
  sheet.getRange('A1').setBackground('#efefef');
  sheet.getRange('C2:C3').setDataValidation(app.newDataValidation().requireValueInList(['ก', 'ข'], true).build());
  sheet.setTabColor('#6aa84f');
  wb.ledger.reset();
  // written this execution: the read asks for the flush the API needs
  const state = withSheets(run.globals, () => readSheetStates(ss, ['สถานะ'], { layout: true, flush: true }));
  expect(wb.ledger.calls(run.id).filter((c) => c !== 'Spreadsheet.getId')).toEqual([
    'SpreadsheetApp.flush',
    'Sheets.Spreadsheets.get',
  ]);
  const s = state[0] as SheetState;
  expect(s.values).toBeNull(); // not asked
  expect(s.format(2, 5)).toBe(sheet.getRange('E2').getNumberFormat());
  expect(s.format(2, 1)).toBe(''); // none of its own
  expect(s.background(1, 1)).toBe(sheet.getRange('A1').getBackground());
  expect(s.tabColor).toBe(sheet.getTabColor());
  expect(s.validation(3, 3)?.condition).toEqual({
    type: 'ONE_OF_LIST',
    values: [{ userEnteredValue: 'ก' }, { userEnteredValue: 'ข' }],
  });
  expect(s.validation(2, 1)).toBeNull();
  expect([s.typed(1, 1), s.typed(2, 2), s.typed(2, 4), s.typed(3, 3), s.typed(3, 2), s.typed(9, 9)]).toEqual([
    'อำเภอ',
    'ส่งแล้ว',
    1,
    true,
    null, // a formula: Sheets' to compute
    '',
  ]);
  expect([s.sheetId, s.title, s.lastRow, s.lastColumn]).toEqual([
    sheet.getSheetId(),
    'สถานะ',
    sheet.getLastRow(),
    sheet.getLastColumn(),
  ]);
});
