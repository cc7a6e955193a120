/**
 * The stand-in's Sheets.Spreadsheets.Values.batchGet (dev/fakes/advancedSheets.ts) and the
 * adapter's batch reader over it (src/platform/batchRead.ts): several ranges in one call, the
 * render options, trailing empties left out, refused in a custom function and after an unseen
 * write; and blocks read through it are exactly what getValues/getFormulas give.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import { noteSpreadsheet, readBlocks } from '../../src/platform/batchRead';

const OWNER = 'owner@example.com';

/** A workbook with a sheet of dates, times, formulas, an error, text like a formula and blanks. */
function setup(timeZone = 'Asia/Bangkok') {
  const wb = createFakeWorkbook({ owner: OWNER, timeZone, sheetNames: ['ตั้งค่า', 'กิจกรรม ท่าบ่อ'] });
  const run = wb.createExecution({ user: OWNER });
  const ss = run.globals.SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName('กิจกรรม ท่าบ่อ')!;
  sheet.getRange(1, 1, 1, 4).setValues([['วันที่', 'กิจกรรม', 'จำนวน', 'หมายเหตุ']]);
  sheet.getRange(2, 1, 3, 3).setValues([
    ['25/03/2022', 'ตลาดนัด', 12],
    ['10:30', "'=ไม่ใช่สูตร", 0.5],
    [new Date(2022, 0, 31, 15, 45), '', true],
  ]);
  sheet.getRange('C5').setFormula('=C2*2');
  sheet.getRange('D3').setFormula('=1/0');
  sheet.getRange('B6').setFormula('=""');
  ss.getSheetByName('ตั้งค่า')!.getRange('B2').setValue('x');
  run.globals.SpreadsheetApp.flush();
  return { wb, run, ss, sheet, Sheets: run.globals.Sheets };
}

test('one call reads several ranges, rendered as asked, trailing empties left out', () => {
  const { wb, run, ss, Sheets } = setup();
  const id = ss.getId();
  wb.ledger.reset();
  const got = Sheets.Spreadsheets!.Values!.batchGet(id, {
    ranges: ["'กิจกรรม ท่าบ่อ'!A1:E", "'ตั้งค่า'"],
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
  });
  expect(wb.ledger.calls(run.id)).toEqual(['Sheets.Spreadsheets.Values.batchGet']);
  const [entries, settings] = got.valueRanges!;
  expect(entries.range).toBe("'กิจกรรม ท่าบ่อ'!A1:E1000"); // the whole range asked, rows to the grid's end
  expect(entries.values![1]).toEqual([44645, 'ตลาดนัด', 12]); // 25 Mar 2022 as days since 30 Dec 1899
  expect(entries.values![2]).toEqual([0.4375, '=ไม่ใช่สูตร', 0.5, '#DIV/0!']);
  expect(entries.values!).toHaveLength(5); // row 6 holds only ="" : a trailing empty row
  expect(settings).toEqual({ range: "'ตั้งค่า'!A1:Z1000", majorDimension: 'ROWS', values: [[], ['', 'x']] });
  const formulas = Sheets.Spreadsheets!.Values!.batchGet(id, {
    ranges: ["'กิจกรรม ท่าบ่อ'!C5:D5", "'กิจกรรม ท่าบ่อ'!A2"],
    valueRenderOption: 'FORMULA',
  }).valueRanges!;
  expect(formulas.map((r) => r.values)).toEqual([[['=C2*2']], [[44645]]]);
  const shown = Sheets.Spreadsheets!.Values!.batchGet(id, {
    ranges: ["'กิจกรรม ท่าบ่อ'!A2:C2"],
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'FORMATTED_STRING',
  }).valueRanges!;
  expect(typeof shown[0].values![0][0]).toBe('string'); // a date field as its format shows it
  expect(shown[0].values![0][2]).toBe(12); // a number stays a number
});

test('another spreadsheet, an unknown sheet, an unseen write and a custom function are refused', () => {
  const { ss, sheet, Sheets, wb } = setup();
  const id = ss.getId();
  const values = Sheets.Spreadsheets!.Values!;
  expect(() => values.batchGet('another-id', { ranges: ['A1'] })).toThrow('Requested entity was not found.');
  expect(() => values.batchGet(id, { ranges: ["'ไม่มีชีตนี้'!A1"] })).toThrow('Unable to parse range');
  sheet.getRange('E1').setValue('ใหม่');
  expect(() => values.batchGet(id, { ranges: ["'ตั้งค่า'"] })).toThrow('stand-in');
  ss.getRange('A1').getValue(); // a read commits the writes before it
  expect(() => values.batchGet(id, { ranges: ["'ตั้งค่า'"] })).not.toThrow();
  wb.spreadsheet.setFunctions((name) =>
    name === 'PROBE' ? () => JSON.stringify(values.batchGet(id, { ranges: ['A1'] })) : undefined,
  );
  const cell = ss.getSheetByName('ตั้งค่า')!.getRange('A1');
  cell.setFormula('=PROBE()');
  expect(String(cell.getValue())).toMatch(/permission|#ERROR!/i);
});

test('blocks read in one batch are what getValues and getFormulas give, in three calls', () => {
  const { wb, run, ss, sheet } = setup();
  const g = globalThis as Record<string, unknown>;
  const saved = { Sheets: g.Sheets };
  g.Sheets = run.globals.Sheets;
  try {
    wb.ledger.reset();
    const [range, data, grid] = readBlocks(ss, [
      { ref: "'กิจกรรม ท่าบ่อ'!A1:E" },
      { dataOf: 'กิจกรรม ท่าบ่อ' },
      { ref: "'ตั้งค่า'" },
    ]);
    expect(wb.ledger.calls(run.id).filter((c) => c.startsWith('Sheets.'))).toHaveLength(3);
    const open = ss.getRange("'กิจกรรม ท่าบ่อ'!A1:E");
    expect(range).toEqual({ values: open.getValues(), formulas: open.getFormulas() });
    const dataRange = sheet.getDataRange();
    expect(data).toEqual({ values: dataRange.getValues(), formulas: dataRange.getFormulas() });
    expect(data.values).toHaveLength(6); // down to the ="" of row 6, as getDataRange
    const settings = ss.getSheetByName('ตั้งค่า')!;
    const all = settings.getRange(1, 1, settings.getMaxRows(), settings.getMaxColumns());
    expect(grid).toEqual({ values: all.getValues(), formulas: all.getFormulas() });
    expect(Object.prototype.toString.call(data.values[1][0])).toBe('[object Date]');
  } finally {
    g.Sheets = saved.Sheets;
  }
});

test("in a spreadsheet whose time zone is not the script's, the blocks are read through SpreadsheetApp", () => {
  const { wb, run, ss, sheet } = setup('Asia/Tokyo');
  const g = globalThis as Record<string, unknown>;
  const saved = { Sheets: g.Sheets };
  g.Sheets = run.globals.Sheets;
  try {
    noteSpreadsheet(ss.getId(), 'Asia/Tokyo'); // as the registry's read notes it
    wb.ledger.reset();
    const [data] = readBlocks(ss, [{ dataOf: 'กิจกรรม ท่าบ่อ' }]);
    expect(wb.ledger.calls(run.id)).toContain('Range.getValues'); // the dates cannot be rebuilt in local time
    const dataRange = sheet.getDataRange();
    expect(data).toEqual({ values: dataRange.getValues(), formulas: dataRange.getFormulas() });
  } finally {
    g.Sheets = saved.Sheets;
    noteSpreadsheet(ss.getId(), 'Asia/Bangkok');
  }
});
