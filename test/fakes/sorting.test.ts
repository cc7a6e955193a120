import { createFakeWorkbook } from '../../dev/fakes';
import { SORT_MERGED_MESSAGE } from '../../dev/fakes/sorting';

function sheet1() {
  const wb = createFakeWorkbook();
  const { SpreadsheetApp } = wb.createExecution({ user: 'owner@example.com' }).services;
  return { wb, app: SpreadsheetApp, sheet: wb.spreadsheet.getSheets()[0] };
}

describe('sorting', () => {
  test('Range.sort orders mixed types: numbers and dates, text (th_TH: Thai first), booleans; blanks last', () => {
    const { sheet } = sheet1();
    const day = new Date(Date.UTC(2022, 0, 1));
    sheet.getRange('A1:A8').setValues([['ข'], [true], [''], [5], ['a'], [day], [false], ['B']]);
    sheet.getRange('A1:A8').sort(1);
    expect(
      sheet
        .getRange('A1:A8')
        .getValues()
        .map((r) => r[0]),
    ).toEqual([5, day, 'ข', 'a', 'B', false, true, '']);
    sheet.getRange('A1:A8').sort({ column: 1, ascending: false });
    expect(
      sheet
        .getRange('A1:A8')
        .getValues()
        .map((r) => r[0]),
    ).toEqual([true, false, 'B', 'a', 'ข', day, 5, '']);
  });

  test('rows move whole: values, formats, notes and validations; several keys; stable', () => {
    const { app, sheet } = sheet1();
    sheet.getRange('A1:C4').setValues([
      ['ท่าบ่อ', 2, 'x'],
      ['เมือง', 1, 'y'],
      ['ท่าบ่อ', 1, 'z'],
      ['เมือง', 1, 'w'],
    ]);
    sheet.getRange('C3').setNote('ตรวจแล้ว').setBackground('#ff0000');
    sheet.getRange('C3').setDataValidation(app.newDataValidation().requireValueInList(['z']).build());
    sheet.getRange('E1').setValue('outside');
    sheet.getRange('A1:C4').sort([2, { column: 1, ascending: true }]);
    expect(sheet.getRange('A1:C4').getValues()).toEqual([
      ['ท่าบ่อ', 1, 'z'],
      ['เมือง', 1, 'y'],
      ['เมือง', 1, 'w'],
      ['ท่าบ่อ', 2, 'x'],
    ]);
    expect(sheet.getRange('C1').getNote()).toBe('ตรวจแล้ว');
    expect(sheet.getRange('C1').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('C1').getDataValidation()?.getCriteriaValues()).toEqual([['z'], true]);
    expect(sheet.getRange('C3').getNote()).toBe('');
    expect(sheet.getRange('E1').getValue()).toBe('outside');
  });

  test('an officer sorting the whole sheet takes the header along; Sheet.sort keeps frozen rows', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:B3').setValues([
      ['อำเภอ', 'ยอด'],
      ['เมือง', 30],
      ['ท่าบ่อ', 20],
    ]);
    sheet.sort(2);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['ท่าบ่อ', 20],
      ['เมือง', 30],
      ['อำเภอ', 'ยอด'],
    ]);
    sheet.getRange('A1:B3').setValues([
      ['อำเภอ', 'ยอด'],
      ['เมือง', 30],
      ['ท่าบ่อ', 20],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(2, false);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['อำเภอ', 'ยอด'],
      ['เมือง', 30],
      ['ท่าบ่อ', 20],
    ]);
  });

  test('a key outside the range and vertical merges are refused', () => {
    const { sheet } = sheet1();
    expect(() => sheet.getRange('B1:C3').sort(1)).toThrow('outside the range');
    sheet.getRange('A1:A2').merge();
    expect(() => sheet.getRange('A1:B3').sort(2)).toThrow(SORT_MERGED_MESSAGE);
  });
});
