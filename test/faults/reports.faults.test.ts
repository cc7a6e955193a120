/** The round summary failing at sampled service calls in every fault mode, first and made again over an earlier one. */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

/**
 * A report is committed when its mark says current: the first marker write after its sheet
 * was made. A kill after it leaves the report complete and listed.
 */
const COMMIT = {
  committedAt: (calls: readonly string[]) =>
    calls.indexOf('DeveloperMetadata.setValue', calls.lastIndexOf('Spreadsheet.insertSheet')) + 1,
};

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
    plan({ before: 13, after: 23, outage: 19, undo: 47, late: 7 }),
    COMMIT,
  );
});

test('round summary made again over an earlier one (kept under a new name)', () => {
  sweepEvery(
    'round-again',
    withSummary,
    (h) => h.gas.sidebarMakeRoundSummary(1),
    plan({ before: 19, after: 27, outage: 23, undo: 59, late: 9 }),
    COMMIT,
  );
});
