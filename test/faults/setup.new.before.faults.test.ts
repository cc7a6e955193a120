/** Set-up on a new workbook failing at sampled service calls, mode 'before' (test/support/sweepCases.ts). */
import { setUpNewSweep } from '../support/sweepCases';

setUpNewSweep('before');
