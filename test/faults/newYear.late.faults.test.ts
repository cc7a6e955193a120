/** เริ่มปีงบประมาณใหม่ failing at sampled service calls, mode 'late' (test/support/sweepCases.ts). */
import { newYearSweep } from '../support/sweepCases';

newYearSweep('late');
