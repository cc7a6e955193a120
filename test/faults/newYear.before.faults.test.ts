/** เริ่มปีงบประมาณใหม่ failing at sampled service calls, mode 'before' (test/support/sweepCases.ts). */
import { newYearSweep } from '../support/sweepCases';

newYearSweep('before');
