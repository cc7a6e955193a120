/** The monthly report failing at sampled service calls in every fault mode, first and made again over an earlier one. */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

/**
 * A report is committed when its mark says current: the first marker write after its sheet
 * was made. A kill after it leaves the report complete and listed.
 */
const COMMIT = {
  committedAt: (calls: readonly string[]) =>
    calls.indexOf('DeveloperMetadata.setValue', calls.lastIndexOf('Spreadsheet.insertSheet')) + 1,
};

test('monthly report, first and again', () => {
  sweepEvery(
    'month-first',
    () => smallProvince(),
    (h) => h.gas.sidebarMakeMonthlyReport('2022-03'),
    plan({ before: 13, after: 23, outage: 19, undo: 47, late: 7 }),
    COMMIT,
  );
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
    COMMIT,
  );
});
