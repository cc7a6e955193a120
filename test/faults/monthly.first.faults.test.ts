/**
 * The monthly report failing at sampled service calls in every fault mode: the first one (made
 * again over an earlier one: monthly.again.faults.test.ts; one file each, so that jest's two
 * workers share the sweeps evenly).
 */
import { plan, REPORT_COMMITTED, smallProvince, sweepEvery } from '../support/faultSweep';

test('monthly report, first', () => {
  sweepEvery(
    'month-first',
    () => smallProvince(),
    (h) => h.gas.sidebarMakeMonthlyReport('2022-03'),
    plan({ before: 13, after: 23, outage: 19, undo: 47, late: 7 }),
    REPORT_COMMITTED,
  );
});
