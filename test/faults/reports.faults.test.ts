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
