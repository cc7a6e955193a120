/**
 * The data check failing at sampled service calls in every fault mode: the first check (made
 * again over an earlier list: dataCheck.again.faults.test.ts; one file each, so that jest's two
 * workers share the sweeps evenly).
 */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

test('data check, first (the problem list is made)', () => {
  sweepEvery(
    'check-first',
    () => smallProvince(),
    (h) => h.gas.sidebarCheckData(),
    plan({ before: 4, after: 7, outage: 6, undo: 13, late: 2 }),
  );
});
