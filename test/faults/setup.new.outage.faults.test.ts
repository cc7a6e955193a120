/** Set-up on a new workbook failing at sampled service calls, mode 'outage' (test/support/sweepCases.ts). */
import { setUpNewSweep } from '../support/sweepCases';

setUpNewSweep('outage');
