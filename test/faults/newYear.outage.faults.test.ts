/** เริ่มปีงบประมาณใหม่ failing at sampled service calls, mode 'outage' (test/support/sweepCases.ts). */
import { newYearSweep } from '../support/sweepCases';

newYearSweep('outage');
