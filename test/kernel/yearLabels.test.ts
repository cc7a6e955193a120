/** Labels naming a year, derived from the fiscal year (src/kernel/yearLabels.ts). */
import { defineLayout, mapColumns, yearLayout } from '../../src/kernel/layout';
import { LABEL_FISCAL_YEAR, yearForms, yearLabel, yearNeutral } from '../../src/kernel/yearLabels';

describe('a label for a fiscal year', () => {
  test('FY 2565’s labels are exactly the letter’s', () => {
    for (const text of ['ฐาน ๒๕๖๔', 'ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)', 'ส่งเสริมแล้ว ปี ๖๔', 'วันที่ เช่น 25/03/2565'])
      expect(yearLabel(text, LABEL_FISCAL_YEAR)).toBe(text);
  });

  test('another year names its own baseline year and its own example dates', () => {
    expect(yearLabel('ฐาน ๒๕๖๔', 2570)).toBe('ฐาน ๒๕๖๙');
    expect(yearLabel('ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)', 2566)).toBe('ผู้ประกอบการทั้งหมด (ก.ย. ๖๕)');
    expect(yearLabel('ส่งเสริมแล้ว ปี ๖๔', 2601)).toBe('ส่งเสริมแล้ว ปี ๐๐');
    expect(yearLabel('วันที่ เช่น 25/03/2565 หรือ ๒๕ มี.ค. ๖๕ (ปี พ.ศ. ได้)', 2570)).toBe(
      'วันที่ เช่น 25/03/2570 หรือ ๒๕ มี.ค. ๗๐ (ปี พ.ศ. ได้)',
    );
    // a number that is not a year token is left alone
    expect(yearLabel('ร้อยละ 5 ของ 12565 ราย ๑๖๔', 2570)).toBe('ร้อยละ 5 ของ 12565 ราย ๑๖๔');
  });

  test('every year’s form of a header reads as the column; labels without a year have no forms', () => {
    expect(yearForms('ส่งเสริมแล้ว ปี ๖๔')).toContain('ส่งเสริมแล้ว ปี ๗๐');
    expect(yearForms('อำเภอ')).toEqual([]);
    const layout = defineLayout('t', [
      { key: 'a', header: 'อำเภอ', width: 1 },
      { key: 'b', header: 'ส่งเสริมแล้ว ปี ๖๔', width: 1 },
    ]);
    expect(mapColumns(layout, ['อำเภอ', 'ส่งเสริมแล้ว ปี ๖๙']).missing).toEqual([]);
    const fy2570 = yearLayout(layout, 2570);
    expect(fy2570.headers).toEqual(['อำเภอ', 'ส่งเสริมแล้ว ปี ๖๙']);
    expect(mapColumns(fy2570, ['อำเภอ', 'ส่งเสริมแล้ว ปี ๖๔']).missing).toEqual([]);
    expect(yearNeutral('ฐาน ๒๕๖๔')).toBe(yearNeutral('ฐาน ๒๕๖๙'));
  });
});
