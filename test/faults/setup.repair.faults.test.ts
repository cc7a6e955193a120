/**
 * Set-up failing at sampled service calls in every fault mode (faultSweep.ts, sweepEvery): repairing a workbook.
 * Set-up makes about 800 calls on this workbook, so positions are sampled with a stride (the
 * output says how many were tried). One file per case, so that jest's two workers share the
 * sweeps evenly.
 */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

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
  sweepEvery(
    'setup-repair',
    broken,
    (h) => h.gas.sidebarSetUp(),
    plan({ before: 37, after: 53, outage: 47, undo: 113, late: 11 }),
  );
});
