import { createFakeWorkbook, dump } from '../../dev/fakes';
import { PARTIAL_MERGE_MESSAGE } from '../../dev/fakes/merges';

function sheet1() {
  const wb = createFakeWorkbook();
  return { wb, sheet: wb.spreadsheet.getSheets()[0] };
}

describe('merged cells', () => {
  test('merge keeps the top-left content; getValues reads "" for the other cells', () => {
    const { sheet } = sheet1();
    const block = sheet.getRange('B2:C3');
    block.setValues([
      ['หัวข้อ', 'x'],
      ['y', 'z'],
    ]);
    expect(block.isPartOfMerge()).toBe(false);
    block.merge();
    expect(block.getValues()).toEqual([
      ['หัวข้อ', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('C3').isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange('A1:B2')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2:C3']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
  });

  test('a value written into a hidden cell of a merge is dropped', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:C1').merge();
    sheet.getRange('A1:C1').setValues([['ก', 'ข', 'ค']]);
    sheet.getRange('B1').setValue('lost');
    sheet.appendRow(['next']);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['ก', '', ''],
      ['next', '', ''],
    ]);
  });

  test('mergeAcross merges each row, mergeVertically each column; breakApart undoes', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:C2').mergeAcross();
    expect(
      sheet
        .getRange('A1:C2')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C1', 'A2:C2']);
    sheet.getRange('A1:C2').breakApart();
    sheet.getRange('E1:F3').mergeVertically();
    expect(
      sheet
        .getRange('E1:F3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['E1:E3', 'F1:F3']);
    sheet.getRange('E1:F3').breakApart();
    expect(sheet.getRange('A1:F3').isPartOfMerge()).toBe(false);
  });

  test('merging or breaking apart part of a merge is refused', () => {
    const { sheet } = sheet1();
    sheet.getRange('A1:B2').merge();
    expect(() => sheet.getRange('B2:C3').merge()).toThrow(PARTIAL_MERGE_MESSAGE);
    expect(() => sheet.getRange('A1:A2').breakApart()).toThrow(PARTIAL_MERGE_MESSAGE);
    sheet.getRange('A1:C3').merge();
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C3']);
  });

  test('merges move with inserted columns and are in the dump', () => {
    const { wb, sheet } = sheet1();
    sheet.getRange('B1:C1').merge();
    sheet.insertColumnsAfter(1, 2);
    expect(
      sheet
        .getRange('A1:Z1')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['D1:E1']);
    sheet.insertColumnsAfter(4, 1);
    expect(dump(wb.spreadsheet).sheets[0].merges).toEqual(['D1:F1']);
  });
});
