/**
 * เริ่มปีงบประมาณใหม่ failing at sampled service calls in every fault mode: as before, or as one
 * clean run, never between; killed midway (outage), the same action run again ends as one clean
 * run; every message Thai.
 */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

test('new fiscal year', () => {
  sweepEvery(
    'new-year',
    () => smallProvince(),
    (h) => h.gas.sidebarStartNewFiscalYear(true),
    plan({ before: 47, after: 53, outage: 23, undo: 97, late: 37 }),
  );
});
