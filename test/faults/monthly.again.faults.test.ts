/**
 * The monthly report failing at sampled service calls in every fault mode: made again over an
 * earlier one (the first one: monthly.first.faults.test.ts).
 */
import { plan, REPORT_COMMITTED, smallProvince, sweepEvery } from '../support/faultSweep';

test('monthly report, made again over an earlier one', () => {
  const withMonth = () => {
    const h = smallProvince();
    h.gas.sidebarMakeMonthlyReport('2022-03');
    return h;
  };
  sweepEvery(
    'month-again',
    withMonth,
    (h) => h.gas.sidebarMakeMonthlyReport('2022-03'),
    plan({ before: 19, after: 27, outage: 23, undo: 59, late: 9 }),
    REPORT_COMMITTED,
  );
});
