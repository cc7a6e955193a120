/**
 * The fault sweeps split by mode into one test file per mode (test/faults/<action>.<mode>.faults.test.ts,
 * faultSweep.ts sweepMode): each case once here, with the strides of its whole sweep.
 */
import type { FaultMode } from '../../dev/fakes';
import { plan, smallProvince, sweepMode } from './faultSweep';

/**
 * เริ่มปีงบประมาณใหม่ failing at sampled service calls in one fault mode: as before, or as one
 * clean run, never between; killed midway (outage), the same action run again ends as one clean
 * run; every message Thai.
 * @param mode the fault mode
 */
export function newYearSweep(mode: FaultMode): void {
  sweepMode(
    'new fiscal year',
    'new-year',
    () => smallProvince(),
    (h) => h.gas.sidebarStartNewFiscalYear(true),
    plan({ before: 47, after: 53, outage: 23, undo: 97, late: 37 }),
    mode,
  );
}

/**
 * Set-up failing at sampled service calls in one fault mode (faultSweep.ts, sweepEvery), on a
 * new workbook. Set-up makes about 800 calls on this workbook, so positions are sampled with a
 * stride (the output says how many were tried).
 * @param mode the fault mode
 */
export function setUpNewSweep(mode: FaultMode): void {
  sweepMode(
    'set-up on a new workbook',
    'setup-new',
    () => smallProvince(false),
    (h) => h.gas.sidebarSetUp(),
    plan({ before: 29, after: 47, outage: 41, undo: 97, late: 13 }),
    mode,
  );
}
