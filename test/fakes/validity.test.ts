import { createFakeWorkbook, dump, invalidCells, isMarkedInvalid } from '../../dev/fakes';
import { formulaForCell } from '../../dev/fakes/validity';
import { dateCheckFormula, parseDate } from '../../src/kernel/dateParse';
import { expectSameDump } from '../support/sameDump';

const STARTS_WITH_X = '=REGEXMATCH(TO_TEXT(A2),"^x")';

function sheet1() {
  const wb = createFakeWorkbook();
  const { SpreadsheetApp } = wb.createExecution({ user: 'owner@example.com' }).services;
  const sheet = wb.spreadsheet.getSheets()[0];
  return { wb, app: SpreadsheetApp, sheet };
}

/** A2:A10 under `=REGEXMATCH(TO_TEXT(A2),"^x")`, every cell starting with x except those given. */
function column(values: Record<string, string> = {}) {
  const s = sheet1();
  const rule = s.app.newDataValidation().requireFormulaSatisfied(STARTS_WITH_X).setAllowInvalid(true).build();
  s.sheet.getRange('A2:A10').setDataValidation(rule);
  s.sheet.getRange('A2:A10').setValues(Array.from({ length: 9 }, (_, i) => [values[`A${i + 2}`] ?? `x${i + 2}`]));
  return { ...s, rule };
}

describe('custom formulas are read from the first cell of the block the rule was set on', () => {
  test('a rule set on A2:A10 marks A5 holding "y" (its own cell, by the relative shift), not "x1"', () => {
    expect(invalidCells(column({ A5: 'y' }).sheet)).toEqual(['A5']);
    expect(invalidCells(column({ A5: 'x1' }).sheet)).toEqual([]);
  });

  test('the formula decides for blank cells; absolute references are not shifted', () => {
    const { app, sheet } = column({ A7: '' });
    expect(invalidCells(sheet)).toEqual(['A7']); // TO_TEXT of a blank is "", which does not start with x
    sheet.getRange('C2:C4').setDataValidation(app.newDataValidation().requireFormulaSatisfied('=$B$1="ok"').build());
    expect(invalidCells(sheet)).toEqual(['C2', 'C3', 'C4', 'A7']); // row by row
    sheet.getRange('B1').setValue('ok');
    expect(invalidCells(sheet)).toEqual(['A7']);
    expect(formulaForCell('=AND($B$1=B1, B$1<>$B1, SUM(A1:B2)>0)', [2, 1])).toBe(
      '=AND($B$1=C3, C$1<>$B3, SUM(B3:C4)>0)',
    );
    expect(formulaForCell('=A2', [-1, 0])).toBe('=A1');
    expect(formulaForCell('=A1', [-1, 0])).toBe('=#REF!');
  });

  test('an error, or any result but TRUE, is invalid', () => {
    const { app, sheet } = sheet1();
    const rule = (f: string) => app.newDataValidation().requireFormulaSatisfied(f).build();
    sheet.getRange('A1').setValue('a').setDataValidation(rule('=1/0'));
    sheet.getRange('A2').setValue('a').setDataValidation(rule('=1'));
    sheet.getRange('A3').setValue('a').setDataValidation(rule('="TRUE"'));
    sheet.getRange('A4').setValue('a').setDataValidation(rule('=TRUE'));
    expect(invalidCells(sheet)).toEqual(['A1', 'A2', 'A3']);
  });

  test('undo: setDataValidations(getDataValidations()) restores the rules and their places', () => {
    const { app, sheet, wb } = column({ A5: 'y' });
    const before = dump(wb.spreadsheet);
    const part = sheet.getRange('A5:A6');
    const old = part.getDataValidations();
    part.setDataValidation(app.newDataValidation().requireValueInList(['z']).build());
    expect(invalidCells(sheet)).toEqual(['A5', 'A6']);
    part.setDataValidations(old);
    expect(invalidCells(sheet)).toEqual(['A5']); // A5 still reads A5, not A2 (its place came back)
    expectSameDump(wb.spreadsheet, before);
  });

  test('a freshly built rule given per cell is read from that block’s first cell (each cell checks itself)', () => {
    const { app, sheet } = sheet1();
    const rule = app.newDataValidation().requireFormulaSatisfied('=REGEXMATCH(TO_TEXT(B3),"^x")').build();
    sheet.getRange('B3:B5').setValues([['x'], ['y'], ['x']]);
    sheet.getRange('B3:B5').setDataValidations([[rule], [rule], [rule]]);
    expect(invalidCells(sheet)).toEqual(['B4']);
    expect(sheet.getRange('B4').getDataValidation()?.getCriteriaValues()).toEqual(['=REGEXMATCH(TO_TEXT(B3),"^x")']);
  });

  test('clearing validations clears the place too', () => {
    for (const clear of [
      (r: GoogleAppsScript.Spreadsheet.Range) => r.clearDataValidations(),
      (r: GoogleAppsScript.Spreadsheet.Range) => r.clear({ validationsOnly: true }),
      (r: GoogleAppsScript.Spreadsheet.Range) => r.setDataValidation(null),
    ]) {
      const { sheet } = column({ A5: 'y' });
      clear(sheet.getRange('A2:A10') as unknown as GoogleAppsScript.Spreadsheet.Range);
      expect(invalidCells(sheet)).toEqual([]);
      expect(sheet.sheet_.cell(5, 1)).toEqual({ value: 'y' });
    }
  });

  test('rows inserted above move the rule and its formula: the same cells stay marked', () => {
    const { sheet } = column({ A5: 'y' });
    sheet.insertRowsBefore(1, 1);
    expect(invalidCells(sheet)).toEqual(['A6']);
    expect(sheet.getRange('A3').getDataValidation()?.getCriteriaValues()).toEqual(['=REGEXMATCH(TO_TEXT(A3),"^x")']);
    sheet.getRange('A6').setValue('x6');
    sheet.getRange('A9').setValue('no');
    expect(invalidCells(sheet)).toEqual(['A9']);
  });

  test('rows inserted or deleted inside the block: every cell still checks itself', () => {
    const { sheet } = column({ A5: 'y', A8: 'z' });
    sheet.insertRowsAfter(6, 2); // rows 7-8 new, without a rule (the stand-in gives inserted rows none)
    expect(invalidCells(sheet)).toEqual(['A5', 'A10']);
    sheet.deleteRows(3, 2); // the old A3:A4
    expect(invalidCells(sheet)).toEqual(['A3', 'A8']);
  });

  test('columns inserted before or inside a row-wise block: every cell still checks itself', () => {
    const { app, sheet } = sheet1();
    const rule = app.newDataValidation().requireFormulaSatisfied('=REGEXMATCH(TO_TEXT(B1),"^x")').build();
    sheet.getRange('B1:F1').setDataValidation(rule);
    sheet.getRange('B1:F1').setValues([['x', 'x', 'y', 'x', 'z']]);
    sheet.insertColumnsAfter(1, 1);
    expect(invalidCells(sheet)).toEqual(['E1', 'G1']);
    sheet.insertColumnsAfter(4, 2);
    expect(invalidCells(sheet)).toEqual(['G1', 'I1']);
    expect(sheet.getRange('I1').getDataValidation()?.getCriteriaValues()).toEqual(['=REGEXMATCH(TO_TEXT(C1),"^x")']);
  });

  test('deleting the rule’s first row turns its references into #REF!: every cell is marked (worse case)', () => {
    const { sheet } = column({ A5: 'y' });
    sheet.deleteRow(2);
    expect(sheet.getRange('A2').getDataValidation()?.getCriteriaValues()).toEqual(['=REGEXMATCH(TO_TEXT(#REF!),"^x")']);
    expect(invalidCells(sheet)).toHaveLength(8);
  });

  test('a sort moves the values and keeps each cell checking itself', () => {
    const { sheet } = column({ A3: 'b', A9: 'a' });
    sheet.getRange('A2:A10').sort(1);
    expect(sheet.getRange('A2:A3').getValues()).toEqual([['a'], ['b']]);
    expect(invalidCells(sheet)).toEqual(['A2', 'A3']);
  });

  test('a copied sheet marks the same cells', () => {
    const { app, sheet } = column({ A5: 'y' });
    const copy = sheet.copyTo(app.getActive());
    expect(invalidCells(copy)).toEqual(['A5']);
  });
});

describe('the built-in criteria the add-on uses; blanks are never marked', () => {
  test('a list: the displayed text must be one of the values (case kept)', () => {
    const { app, sheet } = sheet1();
    sheet
      .getRange('A1:A5')
      .setDataValidation(app.newDataValidation().requireValueInList(['ออนไลน์', '1', 'Yes']).build());
    sheet.getRange('A1:A4').setValues([['ออนไลน์'], [1], ['yes'], ['ออฟไลน์']]);
    expect(invalidCells(sheet)).toEqual(['A3', 'A4']);
    expect(isMarkedInvalid(sheet, 5, 1)).toBe(false);
    expect(isMarkedInvalid(sheet, 4, 1)).toBe(true);
  });

  test('a list from a range', () => {
    const { app, sheet } = sheet1();
    sheet.getRange('D1:D2').setValues([['ก'], ['ข']]);
    sheet
      .getRange('A1:A3')
      .setDataValidation(app.newDataValidation().requireValueInRange(sheet.getRange('D1:D3')).build());
    sheet.getRange('A1:A2').setValues([['ข'], ['ค']]);
    expect(invalidCells(sheet)).toEqual(['A2']);
  });

  test('a number at least n: text and too small numbers are marked', () => {
    const { app, sheet } = sheet1();
    sheet.getRange('B1:B5').setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange('B1:B4').setValues([[0], [-1], ['ห้าร้อย'], [1200]]);
    expect(invalidCells(sheet)).toEqual(['B2', 'B3']);
  });

  test('a date: a number or text is marked, a date is not', () => {
    const { app, sheet } = sheet1();
    sheet.getRange('C1:C4').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange('C1:C3').setValues([[new Date(2022, 2, 25)], [44645], ['เมื่อวาน']]);
    expect(invalidCells(sheet)).toEqual(['C2', 'C3']);
  });

  test('a URL: with or without a scheme (lenient: the worse case), not free text', () => {
    const { app, sheet } = sheet1();
    sheet.getRange('D1:D5').setDataValidation(app.newDataValidation().requireTextIsUrl().build());
    sheet.getRange('D1:D4').setValues([['https://shopee.co.th/otop'], ['facebook.com/otop'], ['ร้านค้า'], ['http://x']]);
    expect(invalidCells(sheet)).toEqual(['D3', 'D4']);
  });

  test('criteria the stand-in does not model throw', () => {
    const { app, sheet } = sheet1();
    sheet.getRange('A1').setValue('x').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    expect(() => invalidCells(sheet)).toThrow('not modelled');
  });

  test('takes a fake sheet typed as the real Sheet, refuses anything else', () => {
    const { wb } = column({ A5: 'y' });
    const real = wb.createExecution({ user: 'owner@example.com' }).globals.SpreadsheetApp.getActive().getSheets()[0];
    expect(invalidCells(real)).toEqual(['A5']);
    expect(() => invalidCells({} as GoogleAppsScript.Spreadsheet.Sheet)).toThrow('invalidCells: not a fake sheet');
  });
});

describe('the entry sheets’ date rule (dateCheckFormula) marks exactly what parseDate cannot read', () => {
  const CALENDAR = 'ไม่มีวันที่นี้ในปฏิทิน';
  /** What the sheet should show: marked ⇔ the tally fails for a reason other than an impossible day. */
  const expected = (value: unknown) => {
    const parsed = parseDate(value);
    return !parsed.ok && !parsed.problem.includes(CALENDAR);
  };

  /** Column A of a fresh sheet under the rule, rows 2.., each cell formatted `format` first. */
  function dateColumn(format: string, values: unknown[]) {
    const { app, sheet } = sheet1();
    const range = sheet.getRange(2, 1, values.length, 1);
    range.setNumberFormat(format);
    range.setDataValidation(app.newDataValidation().requireFormulaSatisfied(dateCheckFormula('A2')).build());
    range.setValues(values.map((v) => [v]));
    const marked = new Set(invalidCells(sheet));
    return values.map((typed, i) => ({
      typed,
      stored: sheet.getRange(i + 2, 1).getValue(),
      marked: marked.has(`A${i + 2}`),
    }));
  }

  const TEXTS = [
    '25/03/2565',
    '๒๕ มี.ค. ๖๕',
    'วันศุกร์ที่ ๒๕ มีนาคม ๒๕๖๕',
    'วันที่ 2 เม.ย. 65',
    '3 เมษา 65',
    '2022-03-25',
    'hello',
    '25 มีนาคม',
    '25 ธนวาคม 2565',
    '12',
    '25/03/\u200b2565',
    '\u200b25 มี.ค. 2565\u200b',
    '25\u00a0มีนาคม\u00a02565',
    '25 มี. ค. 65',
    '25มี.ค.65',
    'วันที่25/3/65',
    'วันพฤหัสบดีที่ 24 มีนาคม 2565',
    'วันพฤหัสที่ 24 มี.ค. 2565',
    '25 มีนาคม พ.ศ. 2565',
    'วันที่ 25 มี.ค. พ.ศ.2565',
    '25-3-65',
    '25.03.2022',
    '1/4/2565',
    '2565-03-25',
    '31/04/2565',
    '29/02/2565',
    '29/02/2567',
    '0/3/2565',
    '25/13/2565',
    '25 ธันวา 65',
    '25 ธ.ค. 2565',
    '25 ธค 2565',
    '25 พ.ย. 2565',
    '25 มีนาคม 2565 (ส่งย้อนหลัง)',
    '25/03/2565 - 26/03/2565',
    '25 - 26 มี.ค. 65',
    'มีนาคม 2565',
    '03/2565',
    '25/03',
    'ยังไม่ได้จัด',
    ' ',
    '\u200b',
    '2565',
    '25032565',
    '๑๒',
    '25 มี\u200bนาคม 2565',
    'วัน ศุกร์ ที่ 25 มี.ค. 65',
    '25 Mar 2022',
    '25/03/65',
    '25/03/2565\n',
    '25 / 03 / 2565',
  ];

  test('texts kept as text (a cell formatted @): marked exactly when the tally cannot read them', () => {
    const rows = dateColumn('@', TEXTS);
    for (const row of rows) expect(row.stored).toBe(row.typed);
    expect(rows.filter((r) => r.marked !== expected(r.stored)).map((r) => r.typed)).toEqual([]);
    // The corpus is not trivially all one way.
    expect(rows.filter((r) => r.marked).length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.marked).length).toBeGreaterThan(20);
  });

  test('real dates in a dd/mm/yyyy cell (the rule reads their displayed text) are not marked', () => {
    const days = [
      new Date(2022, 2, 25),
      new Date(2022, 11, 31, 15, 30),
      new Date(2565 - 543, 0, 1),
      new Date(2565, 2, 25),
    ];
    const rows = dateColumn('dd/mm/yyyy', days);
    expect(rows.map((r) => r.marked)).toEqual([false, false, false, false]);
    expect(rows.every((r) => !expected(r.stored))).toBe(true);
  });

  const TYPED_NUMBERS = ['12', '2565', '1,234', '๑๒', '12%'];

  test('typed into the entry sheet’s dd/mm/yyyy column: everything but bare numbers agrees', () => {
    const rows = dateColumn('dd/mm/yyyy', TEXTS.filter((t) => !TYPED_NUMBERS.includes(t)).concat(['TRUE', '10:30']));
    expect(rows.filter((r) => r.marked !== expected(r.stored)).map((r) => r.typed)).toEqual([]);
  });

  // A number typed into the dd/mm/yyyy column stays a number that Sheets shows as a date
  // (12 → 11/01/1900): the rule marks numbers before 1930 (a serial below 10 959) and the tally
  // refuses them, whether Apps Script hands the cell over as a number (the stand-in) or as a
  // Date of 1900 (unconfirmed; parseDate refuses dates before 1930).
  test('typed into the dd/mm/yyyy column: bare numbers are marked as the tally refuses them', () => {
    const rows = dateColumn('dd/mm/yyyy', TYPED_NUMBERS);
    expect(rows.filter((r) => r.marked !== expected(r.stored)).map((r) => r.typed)).toEqual([]);
  });
});
