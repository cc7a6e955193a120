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
    plan({ before: 7, after: 11, outage: 9, undo: 23, late: 3 }),
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
    plan({ before: 11, after: 13, outage: 11, undo: 29, late: 4 }),
    COMMIT,
  );
});
