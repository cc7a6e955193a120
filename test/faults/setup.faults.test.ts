/** A failure at every service call of set-up (first run and repair) and of the data check. */
import { smallProvince, sweepFaults } from '../support/faultSweep';

test('set-up on a new workbook', () => {
  expect(
    sweepFaults(
      () => smallProvince(false),
      (h) => h.gas.sidebarSetUp(),
    ),
  ).toBeGreaterThan(100);
});

test('set-up repairing a workbook (a deleted formula, header, dropdown and colour rules)', () => {
  const broken = () => {
    const h = smallProvince();
    const ss = h.run.spreadsheet;
    const table = ss.getSheetByName('อำเภอ')!;
    table.getRange(2, 12).setValue('');
    table.setConditionalFormatRules([]);
    ss.getSheetByName('ออนไลน์ สังคม')!.getRange(1, 6).setValue('ช่อง');
    ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(2, 6, 39, 1).clearDataValidations();
    return h;
  };
  expect(sweepFaults(broken, (h) => h.gas.sidebarSetUp())).toBeGreaterThan(100);
});

test('data check', () => {
  expect(
    sweepFaults(
      () => smallProvince(),
      (h) => h.gas.sidebarCheckData(),
    ),
  ).toBeGreaterThan(10);
});
