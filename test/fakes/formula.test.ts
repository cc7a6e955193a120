import { createFakeWorkbook } from '../../dev/fakes';

type Fn = (...args: unknown[]) => unknown;

function workbook(functions: Record<string, Fn> = {}) {
  const wb = createFakeWorkbook();
  wb.spreadsheet.setFunctions((name) => functions[name]);
  return { wb, ss: wb.spreadsheet, main: wb.spreadsheet.getSheets()[0] };
}

describe('formula evaluation', () => {
  test('a custom function gets an open-ended range of a Thai sheet as a 2-D array ("" and Date included)', () => {
    const seen: unknown[] = [];
    const { ss, main } = workbook({
      KPI_ROWS: (rows) => {
        seen.push(rows);
        const data = (rows as unknown[][]).filter((r) => r[0] !== '');
        return data.length;
      },
    });
    const activity = ss.insertSheet('กิจกรรม เมืองหนองคาย');
    const day = new Date(2022, 0, 15);
    activity.getRange('A2:C3').setValues([
      ['ตลาดนัด', 1200, day],
      ['ออนไลน์', '', ''],
    ]);
    main.getRange('A1').setFormula("=KPI_ROWS('กิจกรรม เมืองหนองคาย'!A2:J)");
    expect(main.getRange('A1').getValue()).toBe(2);
    const rows = seen[0] as unknown[][];
    expect(rows).toHaveLength(999); // rows 2..1000: open-ended ranges run to the sheet's last row
    expect(rows[0]).toHaveLength(10);
    expect(rows[0].slice(0, 4)).toEqual(['ตลาดนัด', 1200, day, '']);
    expect(rows[0][2]).toBeInstanceOf(Date);
    expect(rows[0][2]).not.toBe(day);
    expect(rows[5]).toEqual(new Array(10).fill(''));
  });

  test('single cells arrive as values; unquoted Thai sheet names and $ references work', () => {
    const { ss, main } = workbook({ ECHO: (...args) => JSON.stringify(args) });
    const settings = ss.insertSheet('ตั้งค่า');
    settings.getRange('B3').setValue('2565'); // typed text: Sheets stores the number 2565
    settings.getRange('B4').setNumberFormat('@').setValue('2565');
    main.getRange('B2').setValue(7);
    main.getRange('A1').setFormula('=ECHO(ตั้งค่า!B3, $B$2, "x""y", TRUE, -3, B5, ตั้งค่า!B4)');
    expect(main.getRange('A1').getValue()).toBe('[2565,7,"x\\"y",true,-3,"","2565"]');
  });

  test('array literals stack ranges vertically and join horizontally', () => {
    const { ss, main } = workbook({
      COUNTROWS: (rows) => (rows as unknown[][]).length,
      WIDTH: (rows) => (rows as unknown[][])[0].length,
    });
    const a = ss.insertSheet('อำเภอ ก');
    const b = ss.insertSheet('อำเภอ ข');
    a.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    b.getRange('A1:B3').setValues([
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    main.getRange('A1').setFormula("=COUNTROWS({'อำเภอ ก'!A1:B2; 'อำเภอ ข'!A1:B3})");
    main.getRange('A2').setFormula("=WIDTH({'อำเภอ ก'!A1:A2, 'อำเภอ ก'!B1:B2, 'อำเภอ ก'!A1:A2})");
    main.getRange('A3').setFormula("=SUM({'อำเภอ ก'!A1:B2; 'อำเภอ ข'!A1:B3})");
    main.getRange('A4').setFormula("=COUNTROWS({'อำเภอ ก'!A1:B2; 'อำเภอ ข'!A1:A3})");
    expect(main.getRange('A1:A3').getValues()).toEqual([[5], [3], [55]]);
    expect(main.getRange('A4').getValue()).toBe('#VALUE!');
    expect(main.getFormulaError(4, 1)).toBe(
      'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.',
    );
  });

  test("a 2-D result spills; a blocked spill shows #REF! with Sheets' message", () => {
    let calls = 0;
    const { main } = workbook({
      TABLE: () => {
        calls++;
        return [
          ['h1', 'h2'],
          [1, 2],
          [3, 4],
        ];
      },
    });
    main.getRange('B2').setFormula('=TABLE()');
    expect(main.getRange('B2:C4').getValues()).toEqual([
      ['h1', 'h2'],
      [1, 2],
      [3, 4],
    ]);
    expect(main.getRange('B2:C4').getFormulas()).toEqual([
      ['=TABLE()', ''],
      ['', ''],
      ['', ''],
    ]);
    expect(main.getLastRow()).toBe(4);
    expect(calls).toBe(1);
    main.getRange('C4').setValue('ขวาง');
    expect(main.getRange('B2:C4').getValues()).toEqual([
      ['#REF!', ''],
      ['', ''],
      ['', 'ขวาง'],
    ]);
    expect(main.getFormulaError(2, 2)).toBe('Array result was not expanded because it would overwrite data in C4.');
    expect(calls).toBe(2);
  });

  test("a 1-D result is read as a column; a spill past the sheet's end is refused", () => {
    const { main } = workbook({ LIST: () => ['a', 'b', 'c'], LONG: () => Array.from({ length: 5 }, (_, i) => [i]) });
    main.getRange('A1').setFormula('=LIST()');
    main.getRange('B997').setFormula('=LONG()');
    expect(main.getRange('A1:A3').getValues()).toEqual([['a'], ['b'], ['c']]);
    expect(main.getRange('B997').getValue()).toBe('#REF!');
    expect(main.getFormulaError(997, 2)).toBe('Result was not automatically expanded, please insert more rows (1).');
  });

  test('a thrown error shows #ERROR! and keeps its message; unknown functions show #NAME?', () => {
    const { main } = workbook({
      FAIL: () => {
        throw new Error('ไม่พบชีต "ตั้งค่า"');
      },
    });
    main.getRange('A1').setFormula('=FAIL()');
    main.getRange('A2').setFormula('=NOPE(1)');
    main.getRange('A3').setFormula('=SUM(1,');
    main.getRange('A4').setFormula('=A1+1');
    expect(main.getRange('A1:A4').getValues()).toEqual([['#ERROR!'], ['#NAME?'], ['#ERROR!'], ['#ERROR!']]);
    expect(main.getFormulaError(1, 1)).toBe('ไม่พบชีต "ตั้งค่า"');
    expect(main.getFormulaError(2, 1)).toBe("Unknown function: 'NOPE'.");
    expect(main.getFormulaError(3, 1)).toBe('Formula parse error.');
    expect(main.getRange('A1').getDisplayValue()).toBe('#ERROR!');
  });

  test('cycles show #REF!; errors in arguments propagate without calling the function', () => {
    const called: string[] = [];
    const { main } = workbook({
      ID: (x) => {
        called.push(String(x));
        return x;
      },
    });
    main.getRange('A1').setFormula('=ID(B1)');
    main.getRange('B1').setFormula('=ID(A1)');
    main.getRange('C1').setFormula('=ID(NOPE())');
    expect(main.getRange('A1:C1').getValues()).toEqual([['#REF!', '#REF!', '#NAME?']]);
    expect(called).toEqual([]);
  });

  test('SUM, MIN, MAX, COUNTA', () => {
    const { main } = workbook();
    main.getRange('A1:A4').setValues([[3], ['x'], [''], [-2]]);
    main.getRange('B1:B4').setFormulas([['=SUM(A1:A4)'], ['=MIN(A:A)'], ['=MAX(A1:A4, 10)'], ['=COUNTA(A1:A4)']]);
    expect(main.getRange('B1:B4').getValues()).toEqual([[1], [-2], [10], [3]]);
  });

  test('results are recomputed after any write, once per read', () => {
    let calls = 0;
    const { main } = workbook({
      DOUBLE: (x) => {
        calls++;
        return (x as number) * 2;
      },
    });
    main.getRange('A1').setValue(2);
    main.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(main.getRange('B1').getValue()).toBe(4);
    expect(main.getRange('B1').getValue()).toBe(4);
    expect(calls).toBe(1);
    main.getRange('A1').setValue(5);
    expect(main.getRange('B1').getValue()).toBe(10);
    expect(calls).toBe(2);
  });

  test('a custom function cannot write to the spreadsheet', () => {
    const wb = createFakeWorkbook();
    const run = wb.createExecution({ user: 'owner@example.com' });
    const main = wb.spreadsheet.getSheets()[0];
    wb.spreadsheet.setFunctions((name) =>
      name === 'WRITE' ? () => run.globals.SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1) : undefined,
    );
    main.getRange('A1').setFormula('=WRITE()');
    expect(main.getRange('A1').getValue()).toBe('#ERROR!');
    expect(main.getFormulaError(1, 1)).toBe('You do not have permission to call Range.setValue');
    expect(main.getRange('Z1').getValue()).toBe('');
  });

  test('100 000-row ranges evaluate whole (timings belong to npm run bench, not to a test)', () => {
    const { ss, main } = workbook({
      TOTAL: (rows) => (rows as unknown[][]).reduce((s, r) => s + (Number(r[1]) || 0), 0),
    });
    const big = ss.insertSheet('ข้อมูล');
    big.insertRowsAfter(1000, 99000);
    const rows = Array.from({ length: 100000 }, (_, i) => [`r${i}`, i % 10, '', '', '']);
    big.getRange(1, 1, 100000, 5).setValues(rows);
    main.getRange('A1:A3').setFormulas([["=TOTAL('ข้อมูล'!A1:E)"], ["=SUM('ข้อมูล'!B:B)"], ["=COUNTA('ข้อมูล'!A1:A)"]]);
    expect(main.getRange('A1:A3').getValues()).toEqual([[450000], [450000], [100000]]);
  });
});

describe('operators and IF, FLOOR, TRIM (the district table’s native total row)', () => {
  test.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=2^3-1', 7],
    ['=7/2', 3.5],
    ['="a"&1&TRUE', 'a1TRUE'],
    ['=IF(1>0, "yes", "no")', 'yes'],
    ['=IF(1<0, 1/0, 5)', 5],
    ['=IF("X"="x", 1, 0)', 1],
    ['=FLOOR(7.9)', 7],
    ['=FLOOR((2*12*10000+241)/(2*241))/100', 4.98],
    ['=TRIM("  a   b  ")', 'a b'],
    ['=1/0', '#DIV/0!'],
  ])('%s', (formula, expected) => {
    const wb = createFakeWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0];
    sheet.getRange(1, 1).setFormula(formula);
    expect(sheet.getRange(1, 1).getValue()).toBe(expected);
  });
});

describe('volatile built-ins', () => {
  test('NOW and TODAY come from the workbook clock; RAND is fixed', () => {
    const { wb, main } = workbook();
    wb.clock.set(new Date('2022-03-25T10:30:00+07:00'));
    main.getRange('A1:C1').setFormulas([['=NOW()', '=TODAY()', '=RAND()']]);
    const [now, today, rand] = main.getRange('A1:C1').getValues()[0];
    expect((now as Date).toISOString()).toBe('2022-03-25T03:30:00.000Z');
    expect((today as Date).toISOString()).toBe('2022-03-24T17:00:00.000Z'); // midnight in Bangkok
    expect(rand).toBe(0.5);
  });

  test('a custom function may not depend on NOW(), RAND() or TODAY(), directly or through other cells', () => {
    let calls = 0;
    const { ss, main } = workbook({
      COUNT_ROWS: (rows) => {
        calls++;
        return (rows as unknown[][]).filter((r) => r[0] !== '').length;
      },
    });
    const entries = ss.insertSheet('กิจกรรม');
    entries.getRange('A2:A3').setValues([['ตลาดนัด'], ['งานกาชาด']]);
    main.getRange('A1').setFormula("=COUNT_ROWS('กิจกรรม'!A2:B)");
    expect(main.getRange('A1').getValue()).toBe(2);
    expect(calls).toBe(1);

    entries.getRange('D9').setFormula('=TODAY()'); // outside the referenced block: no effect
    expect(main.getRange('A1').getValue()).toBe(2);

    entries.getRange('C2').setFormula('=NOW()');
    entries.getRange('B3').setFormula('=C2+1'); // through a helper cell
    const cell = main.getRange('A1');
    expect(cell.getValue()).toBe('#ERROR!');
    expect(calls).toBe(2); // not called again
    entries.getRange('B3').setValue('');
    expect(cell.getValue()).toBe(2);
    // directly as an argument: "Loading..." indefinitely (guides/sheets/functions, Arguments)
    main.getRange('B1').setFormula('=COUNT_ROWS(RAND())');
    expect(main.getRange('B1').getValue()).toBe('Loading...');
  });
});

describe('OR, AND, NOT, REGEXMATCH (RE2), ISBLANK, TO_TEXT', () => {
  /** One sheet; `cells` written as typed (strings parsed) unless `text` is set, then formula A1 read. */
  function value(formula: string, setup?: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void) {
    const wb = createFakeWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0] as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    setup?.(sheet);
    sheet.getRange('A1').setFormula(formula);
    return { value: sheet.getRange('A1').getValue(), error: wb.spreadsheet.getSheets()[0].getFormulaError(1, 1) };
  }

  test.each([
    ['=OR(FALSE, 1>0)', true],
    ['=OR(FALSE, 0)', false],
    ['=OR("true", FALSE)', true],
    ['=AND(TRUE, 2)', true],
    ['=AND(TRUE, 0)', false],
    ['=NOT(FALSE)', true],
    ['=NOT(3)', false],
    ['=NOT(1=1)', false],
    ['=OR(FALSE, 1/0)', '#DIV/0!'],
    ['=AND(TRUE, "abc")', '#VALUE!'],
    ['=NOT(1, 2)', '#N/A'],
  ])('%s', (formula, expected) => {
    expect(value(formula).value).toBe(expected);
  });

  test('OR and AND read ranges: booleans and numbers count, text and blanks are skipped', () => {
    const setup = (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
      sheet.getRange('B1:B4').setValues([[false], ['text'], [''], [0]]);
    expect(value('=OR(B1:B4)', setup).value).toBe(false);
    expect(value('=OR(B1:B4, 5)', setup).value).toBe(true);
    expect(value('=AND(B2:B3)', setup)).toEqual({ value: '#VALUE!', error: 'AND has no valid input data.' });
    expect(value('=OR("abc")').error).toBe(
      "Function OR parameter 1 expects boolean values. But 'abc' is a text and cannot be coerced to a boolean.",
    );
  });

  test.each([
    ['=REGEXMATCH("Spreadsheets", "S.r")', true],
    ['=REGEXMATCH("Spreadsheets", "^S.e")', false],
    ['=REGEXMATCH("a\u200bb", "^a\\x{200b}b$")', true],
    ['=REGEXMATCH("a b", "^a\\x20b$")', true],
    ['=REGEXMATCH("๒๕", "^[0-9๐-๙]{1,2}$")', true],
    ['=REGEXMATCH("25/3", "^[0-9]{1,2}[/.-][0-9]{1,2}$")', true],
    ['=REGEXMATCH("25-3", "^[0-9]{1,2}[/.-][0-9]{1,2}$")', true],
    ['=REGEXMATCH("มี.ค.", "^มี\\.?ค\\.?$")', true],
    ['=REGEXMATCH("มีค", "^มี\\.?ค\\.?$")', true],
    ['=REGEXMATCH("วันที่ 2", "^(?:วันที่|วัน)\\x{20}2$")', true],
    ['=REGEXMATCH("a-b", "^a\\-b$")', true],
    ['=REGEXMATCH("a{b", "^a{b$")', true],
    ['=REGEXMATCH("a.b", "^\\Qa.b\\E$")', true],
    ['=REGEXMATCH("axb", "^\\Qa.b\\E$")', false],
    ['=REGEXMATCH("ABC", "(?i)^abc$")', true],
    ['=REGEXMATCH("ABC", "^abc$")', false],
    ['=REGEXMATCH("x9", "^[[:alpha:]][[:digit:]]$")', true],
    ['=REGEXMATCH("a\u00a0b", "^a\\sb$")', false],
    ['=REGEXMATCH("a\tb", "^a\\sb$")', true],
    ['=REGEXMATCH("a\rb", "^a.b$")', true],
    ['=REGEXMATCH("a\nb", "^a.b$")', false],
    ['=REGEXMATCH("a\nb", "(?s)^a.b$")', true],
    ['=REGEXMATCH("ab", "\\Aab\\z")', true],
  ])('%s', (formula, expected) => {
    expect(value(formula).value).toBe(expected);
  });

  test('RE2 refuses lookaround, backreferences and bad syntax: #REF!', () => {
    expect(value('=REGEXMATCH("hello", "a[b")')).toEqual({
      value: '#REF!',
      error: 'Function REGEXMATCH parameter 2 value "a[b" is not a valid regular expression.',
    });
    for (const pattern of ['(?=a)', '(a)\\1', 'a\\Z', '\\y', 'a{1001}', '(?P=x)']) {
      expect(value(`=REGEXMATCH("a", "${pattern}")`).value).toBe('#REF!');
    }
  });

  test('RE2 the stand-in does not model throws instead of answering', () => {
    expect(() => value('=REGEXMATCH("a", "\\p{L}")')).toThrow('not modelled');
    expect(() => value('=REGEXMATCH("a", "a(?i)b")')).toThrow('not modelled');
  });

  test('REGEXMATCH wants text: a number or a boolean is #VALUE!, errors pass through', () => {
    expect(value('=REGEXMATCH(12, "1")')).toEqual({
      value: '#VALUE!',
      error:
        "Function REGEXMATCH parameter 1 expects text values. But '12' is a number and cannot be coerced to a text.",
    });
    expect(value('=REGEXMATCH(TRUE, "T")').value).toBe('#VALUE!');
    expect(value('=REGEXMATCH("hello", 1)').value).toBe('#VALUE!');
    expect(value('=REGEXMATCH(1/0, "x")').value).toBe('#DIV/0!');
    expect(value('=REGEXMATCH(B1, "^$")').value).toBe(true); // a blank cell reads as ""
    expect(value('=REGEXMATCH("a")').value).toBe('#N/A');
  });

  test('ISBLANK: only a cell with no value and no formula; a formula returning "" is not blank', () => {
    const setup = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => {
      sheet.getRange('B1').setFormula('=""');
      sheet.getRange('B2').setValue('x');
      sheet.getRange('B3').setNumberFormat('dd/mm/yyyy'); // formatted, still blank
      sheet.getRange('B4').setValue('');
    };
    expect(value('=ISBLANK(B1)', setup).value).toBe(false);
    expect(value('=ISBLANK(B2)', setup).value).toBe(false);
    expect(value('=ISBLANK(B3)', setup).value).toBe(true);
    expect(value('=ISBLANK(B4)', setup).value).toBe(true);
    expect(value('=ISBLANK(B9)', setup).value).toBe(true);
    expect(value('=ISBLANK("")', setup).value).toBe(false);
    expect(value('=ISBLANK(B1:B2)', setup).value).toBe('#VALUE!');
    expect(value("=ISBLANK('Nope'!B1)", setup).value).toBe('#REF!');
  });

  test('ISBLANK sees what a formula spills: a spilled value is not blank', () => {
    const wb = createFakeWorkbook();
    wb.spreadsheet.setFunctions((name) => (name === 'PAIR' ? () => [['a', 'b']] : undefined));
    const sheet = wb.spreadsheet.getSheets()[0];
    sheet.getRange('B1').setFormula('=PAIR()');
    sheet.getRange('A1').setFormula('=ISBLANK(C1)');
    sheet.getRange('A2').setFormula('=ISBLANK(D1)');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[false], [true]]);
  });

  test('TO_TEXT: a date cell as it shows (dd/mm/yyyy), a number through its format, text and booleans unchanged', () => {
    const setup = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => {
      sheet
        .getRange('B1')
        .setNumberFormat('dd/mm/yyyy')
        .setValue(new Date(2022, 2, 25));
      sheet.getRange('B2').setValue(1234.5);
      sheet.getRange('B3').setNumberFormat('#,##0.00').setValue(1234.5);
      sheet.getRange('B4').setValue(true);
      sheet.getRange('B5').setNumberFormat('@').setValue('๒๕ มี.ค. ๖๕');
      sheet.getRange('B6').setNumberFormat('dd/mm/yyyy').setValue('12'); // typed 12: the number 12
      sheet.getRange('B7').setFormula('=1/0');
    };
    const cases: Array<[string, unknown]> = [
      ['=TO_TEXT(B1)', '25/03/2022'],
      ['=TO_TEXT(B2)', '1234.5'],
      ['=TO_TEXT(B3)', '1,234.50'],
      ['=TO_TEXT(B4)', true],
      ['=TO_TEXT(B5)', '๒๕ มี.ค. ๖๕'],
      ['=TO_TEXT(B6)', '11/01/1900'],
      ['=TO_TEXT(B7)', '#DIV/0!'],
      ['=TO_TEXT(B9)', ''],
      ['=TO_TEXT(24)', '24'],
      ['=TO_TEXT(B1:B2)', '#VALUE!'],
      ['=REGEXMATCH(TO_TEXT(B1), "^25/03/")', true],
      ['=REGEXMATCH(TO_TEXT(B4), "TRUE")', '#VALUE!'],
    ];
    for (const [formula, expected] of cases)
      expect([formula, value(formula, setup).value]).toEqual([formula, expected]);
  });

  test('a whole-column validation formula evaluates with OR(ISBLANK(...), REGEXMATCH(TO_TEXT(...)))', () => {
    const f = '=OR(ISBLANK(B1),REGEXMATCH(TO_TEXT(B1),"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"))';
    expect(value(f).value).toBe(true);
    expect(
      value(f, (s) =>
        s
          .getRange('B1')
          .setNumberFormat('dd/mm/yyyy')
          .setValue(new Date(2022, 2, 25)),
      ).value,
    ).toBe(true);
    expect(value(f, (s) => s.getRange('B1').setNumberFormat('@').setValue('hello')).value).toBe(false);
  });
});
