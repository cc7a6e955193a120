/** The dashboard sheet: made and repaired by set-up through the bundle, live formulas, native charts. */
import { dump } from '../../../../dev/fakes';
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { newHarness } from '../../../support/workbook';
import { expectSameDump } from '../../../support/sameDump';

function workbook() {
  const h = newHarness({ editors: ['tha@district.example'] });
  h.gas.sidebarSetUp();
  return h;
}

const dashboardOf = (h: ReturnType<typeof workbook>) => h.run.spreadsheet.getSheetByName('แดชบอร์ด')!;

describe('the dashboard', () => {
  test('set-up makes it, marked as the add-on’s, with three charts over its computed range', () => {
    const h = workbook();
    const sheet = dashboardOf(h);
    const marks = sheet.getDeveloperMetadata().map((m) => m.getValue() ?? '');
    expect(marks.some((v) => v.includes('"role":"dashboard"'))).toBe(true);
    const charts = dump(h.run.spreadsheet).sheets.find((s) => s.name === 'แดชบอร์ด')!.charts;
    // 9 districts: the table A3:E12, the trend block from row 15 (months) to row 25 (the 100 % line)
    expect(charts.map((c) => [c.type, c.ranges, c.transpose])).toEqual([
      ['COLUMN', ['แดชบอร์ด!A3:C12'], false],
      ['COLUMN', ['แดชบอร์ด!A3:A12', 'แดชบอร์ด!D3:E12'], false],
      ['LINE', ['แดชบอร์ด!A15:M25'], true],
    ]);
    expect(charts[0].options.title).toBe('ผู้ประกอบการรายใหม่เทียบเป้า รายอำเภอ');
    expect(charts[2].options.series).toEqual({ 9: { lineDashStyle: [6, 4] } });
    const values = sheet.getRange('A3:M25').getValues();
    expect(values[0]).toEqual([
      'อำเภอ',
      'ผู้ประกอบการรายใหม่',
      'เป้าผู้ประกอบการ',
      'กิจกรรม (ครั้ง)',
      'เป้ากิจกรรม',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(values[12].slice(0, 3)).toEqual(['ร้อยละของเป้าผู้ประกอบการ (สะสม)', 'ต.ค. 64', 'พ.ย. 64']);
    expect(values[22]).toEqual(['เป้าหมาย (ร้อยละ 100)', ...Array(12).fill(100)]);
  });

  test('live: entries typed into a district’s sheets show in its row and its trend', () => {
    const h = workbook();
    const ss = h.run.spreadsheet;
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '25/11/2564'));
    typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 2, 2, '15/12/2564'));
    const values = dashboardOf(h).getRange('A3:M25').getValues();
    const row = values.find((r) => r[0] === 'ท่าบ่อ')!;
    expect(row.slice(1, 5)).toEqual([2, 4, 3, 5]); // 2 new operators of a target of 4; 3 activities of 5
    const trend = values.slice(13).find((r) => r[0] === 'ท่าบ่อ')!;
    expect(trend.slice(1, 4)).toEqual([0, 0, 50]); // October, November: none; December: 2 of 4
  });

  test('repair: a deleted chart and an overwritten formula come back; a second set-up changes nothing', () => {
    const h = workbook();
    const sheet = dashboardOf(h);
    sheet.removeChart(sheet.getCharts()[1]);
    sheet.getRange('B4').setValue(7);
    const report = h.gas.sidebarSetUp();
    expect(report.repaired).toContain('แดชบอร์ด');
    expect(sheet.getCharts()).toHaveLength(3);
    expect(sheet.getRange('B4').getFormula()).toMatch(/^='อำเภอ'!J\d+$/);
    const before = dump(h.run.spreadsheet);
    expect(h.gas.sidebarSetUp().message).toBe('สมุดงานครบถ้วนแล้ว ไม่มีสิ่งใดต้องแก้ไข');
    expectSameDump(h.run.spreadsheet, before);
  });
});
