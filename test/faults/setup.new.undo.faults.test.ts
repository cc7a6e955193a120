/** Set-up on a new workbook failing at sampled service calls, mode 'undo' (test/support/sweepCases.ts). */
import { setUpNewSweep } from '../support/sweepCases';

setUpNewSweep('undo');
