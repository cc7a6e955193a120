/**
 * Set-up failing at sampled service calls in every fault mode (faultSweep.ts, sweepEvery): on a new workbook.
 * Set-up makes about 800 calls on this workbook, so positions are sampled with a stride (the
 * output says how many were tried). One file per case, so that jest's two workers share the
 * sweeps evenly.
 */
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';

test('set-up on a new workbook', () => {
  sweepEvery(
    'setup-new',
    () => smallProvince(false),
    (h) => h.gas.sidebarSetUp(),
    plan({ before: 29, after: 47, outage: 41, undo: 97, late: 13 }),
  );
});
