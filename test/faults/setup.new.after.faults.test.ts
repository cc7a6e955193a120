/** Set-up on a new workbook failing at sampled service calls, mode 'after' (test/support/sweepCases.ts). */
import { setUpNewSweep } from '../support/sweepCases';

setUpNewSweep('after');
