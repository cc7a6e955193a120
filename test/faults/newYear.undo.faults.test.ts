/** เริ่มปีงบประมาณใหม่ failing at sampled service calls, mode 'undo' (test/support/sweepCases.ts). */
import { newYearSweep } from '../support/sweepCases';

newYearSweep('undo');
