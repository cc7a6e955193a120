/**
 * The data check failing at sampled service calls in every fault mode: a check made again over
 * an earlier list (the first check: dataCheck.first.faults.test.ts).
 */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

test('data check made again over an earlier list', () => {
  const checked = () => {
    const h = smallProvince();
    h.gas.sidebarCheckData();
    // a fix and a new problem since: the list is rewritten
    h.run.spreadsheet.getSheetByName('ออนไลน์ สังคม')!.getRange(2, 6).setValue('Facebook');
    h.run.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(3, 1).setValue('เมื่อวาน');
    return h;
  };
  sweepEvery(
    'check-again',
    checked,
    (h) => h.gas.sidebarCheckData(),
    plan({ before: 4, after: 7, outage: 6, undo: 13, late: 2 }),
  );
});
