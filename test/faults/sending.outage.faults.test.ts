/**
 * Sending a summary to the province failing at every service call, mode 'outage' (the checks:
 * test/support/sendingFaults.ts).
 */
import { sendingAtEveryCall } from '../support/sendingFaults';

sendingAtEveryCall('outage');
