/** เริ่มปีงบประมาณใหม่ failing at sampled service calls, mode 'after' (test/support/sweepCases.ts). */
import { newYearSweep } from '../support/sweepCases';

newYearSweep('after');
