/**
 * The round summary failing at sampled service calls in every fault mode: made again over an
 * earlier one (the first one: reports.first.faults.test.ts).
 */
import { plan, REPORT_COMMITTED, smallProvince, sweepEvery } from '../support/faultSweep';

const withSummary = () => {
  const h = smallProvince();
  h.gas.sidebarMakeRoundSummary(1);
  return h;
};

test('round summary made again over an earlier one (kept under a new name)', () => {
  sweepEvery(
    'round-again',
    withSummary,
    (h) => h.gas.sidebarMakeRoundSummary(1),
    plan({ before: 19, after: 27, outage: 23, undo: 59, late: 9 }),
    REPORT_COMMITTED,
  );
});
