import { createFakeWorkbook } from '../../dev/fakes';

function sheet1() {
  const wb = createFakeWorkbook();
  return { wb, sheet: wb.spreadsheet.getSheets()[0] };
}

describe('FakeRange values', () => {
  test('a new sheet is 1000 × 26 and reads "" for empty cells', () => {
    const { sheet } = sheet1();
    expect(sheet.getName()).toBe('Sheet1');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(sheet.getRange(1, 1, 2, 3).getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('values of every type round-trip, Dates as copies', () => {
    const { sheet } = sheet1();
    const when = new Date(2022, 9, 1, 8, 30);
    const range = sheet.getRange('B2:E2');
    range.setValues([['ข้อความ', 42.5, true, when]]);
    const [row] = range.getValues();
    expect(row.slice(0, 3)).toEqual(['ข้อความ', 42.5, true]);
    expect(row[3]).toBeInstanceOf(Date);
    expect((row[3] as Date).getTime()).toBe(when.getTime());
    (row[3] as Date).setFullYear(1999);
    when.setFullYear(1999);
    expect((range.getValues()[0][3] as Date).getFullYear()).toBe(2022);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(5);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E2');
  });

  test("numbers written as text become numbers unless the cell is '@'; null clears", () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:B1').setValues([['0812345678', 'x']]);
    expect(sheet.getRange('A1').getValue()).toBe(812345678);
    sheet.getRange('C1').setNumberFormat('@').setValue('0812345678');
    expect(sheet.getRange('C1').getValue()).toBe('0812345678');
    sheet.getRange('B1').setValue(null);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[812345678, '', '0812345678']]);
  });

  test("setValues refuses a wrongly shaped array with Sheets' messages and writes nothing", () => {
    const { sheet } = sheet1();
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(range.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('ranges outside the sheet throw and setValues never grows the sheet', () => {
    const { sheet } = sheet1();
    expect(() => sheet.getRange(1000, 26, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('Z1:AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(sheet.getMaxRows()).toBe(1000);
  });

  test('a string starting with "=" becomes a formula; an apostrophe forces text', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:A2').setValues([[2], [3]]);
    sheet.getRange('B1').setValue('=SUM(A1:A2)');
    sheet.getRange('B2').setValue("'=1+1");
    sheet.getRange('B3').setValue("'007");
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=SUM(A1:A2)'], [''], ['']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[5], ['=1+1'], ['007']]);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('=1+1');
  });

  test('A1 notation: open-ended, whole columns and sheet-qualified Thai names', () => {
    const { wb } = sheet1();
    const ss = wb.spreadsheet;
    const thai = ss.insertSheet('กิจกรรม เมืองหนองคาย');
    expect(thai.getRange('A2:J').getA1Notation()).toBe('A2:J1000');
    expect(thai.getRange('C:C').getNumRows()).toBe(1000);
    const r = ss.getRange("'กิจกรรม เมืองหนองคาย'!B3:C4");
    expect(r.getSheet().getName()).toBe('กิจกรรม เมืองหนองคาย');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([
      3, 2, 2, 2, 4, 3,
    ]);
    expect(() => ss.getRange("'ไม่มี'!A1")).toThrow('Range not found');
  });

  test('display values follow simple number formats', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:D1').setValues([[1234.5, 0.256, new Date(2022, 0, 5), true]]);
    sheet.getRange('A1:C1').setNumberFormats([['#,##0.00', '0.0%', 'dd/mm/yyyy']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['1,234.50', '25.6%', '05/01/2022', 'TRUE']]);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('0.###############');
  });

  test('formats, notes, clearContent / clearFormat / clear', () => {
    const { sheet } = sheet1();
    const r = sheet.getRange('A1:B1');
    r.setValues([['a', 'b']])
      .setBackground('#FF0000')
      .setFontColor('#00ff00')
      .setFontWeight('bold')
      .setNote('n');
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getNotes()).toEqual([['n', 'n']]);
    r.clearContent();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getBackground()).toBe('#ff0000');
    r.clearFormat();
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getNote()).toBe('n');
    r.setValue('x').clear();
    expect([r.getValue(), r.getNote()]).toEqual(['', 'n']);
  });

  test('insertRowsAfter / deleteRows move the cells', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    expect(() => sheet.deleteRows(1, 1000)).toThrow("You can't delete all the rows on the sheet.");
  });

  test('appendRow writes after the last row', () => {
    const { sheet } = sheet1();
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', 2]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });
});

describe('FakeSpreadsheet sheets', () => {
  test('insertSheet refuses a taken name (ignoring case) like Sheets', () => {
    const { wb } = sheet1();
    expect(() => wb.spreadsheet.insertSheet('sheet1')).toThrow(
      'A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    const s = wb.spreadsheet.insertSheet('สรุป', 0);
    expect(s.getIndex()).toBe(1);
    expect(wb.spreadsheet.getActiveSheet().getName()).toBe('สรุป');
    expect(wb.spreadsheet.getSheets().map((x) => x.getName())).toEqual(['สรุป', 'Sheet1']);
    expect(wb.spreadsheet.getSheetByName('ไม่มี')).toBeNull();
  });

  test('deleting the last visible sheet is refused', () => {
    const { wb, sheet } = sheet1();
    expect(() => wb.spreadsheet.deleteSheet(sheet)).toThrow(
      'Sorry, it is not possible to delete all non-hidden sheets in a document.',
    );
  });

  test('named ranges', () => {
    const { wb, sheet } = sheet1();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    wb.spreadsheet.setNamedRange('เป้าหมาย', sheet.getRange('A1:A2'));
    expect(wb.spreadsheet.getRangeByName('เป้าหมาย')?.getValues()).toEqual([[1], [2]]);
    const [named] = wb.spreadsheet.getNamedRanges();
    named.setRange(sheet.getRange('A2'));
    expect(wb.spreadsheet.getRangeByName('เป้าหมาย')?.getA1Notation()).toBe('A2');
    named.remove();
    expect(wb.spreadsheet.getRangeByName('เป้าหมาย')).toBeNull();
    expect(() => wb.spreadsheet.setNamedRange('A1', sheet.getRange('A1'))).toThrow('Invalid named range name');
  });
});

describe('numbers under date formats', () => {
  test('a number in a date-formatted cell shows as the day that many days after 30 Dec 1899', () => {
    const wb = createFakeWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0];
    sheet.getRange('A1:A3').setNumberFormats([['dd/mm/yyyy'], ['dd/mm/yyyy'], ['h:mm:ss']]);
    sheet.getRange('A1:A3').setValues([['12'], [44645.75], [0.5]]);
    expect(sheet.getRange('A1').getValue()).toBe(12);
    expect(sheet.getRange('A1:A3').getDisplayValues()).toEqual([['11/01/1900'], ['25/03/2022'], ['12:00:00']]);
  });
});
