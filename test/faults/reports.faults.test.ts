/** The round summary failing at sampled service calls in every fault mode, first and made again over an earlier one. */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

/** A report is committed by its rename to its final name; a kill after it leaves it complete. */
const COMMIT = { committedBy: 'Sheet.setName' };

const withSummary = () => {
  const h = smallProvince();
  h.gas.sidebarMakeRoundSummary(1);
  return h;
};

test('round summary, first', () => {
  sweepEvery(
    'round-first',
    () => smallProvince(),
    (h) => h.gas.sidebarMakeRoundSummary(1),
    plan({ before: 6, after: 11, outage: 9, undo: 23, late: 3 }),
    COMMIT,
  );
});

test('round summary made again over an earlier one (kept under a new name)', () => {
  sweepEvery(
    'round-again',
    withSummary,
    (h) => h.gas.sidebarMakeRoundSummary(1),
    plan({ before: 9, after: 13, outage: 11, undo: 29, late: 4 }),
    COMMIT,
  );
});
