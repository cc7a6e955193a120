/**
 * Who calls, as Apps Script tells it: the Apps Script door's `caller` and the self-check's. The
 * rules of who may do what are pure (src/app/roles.ts); this is where the session is asked.
 */
import { activeUserEmail, effectiveUserEmail, ownerEmail } from '../../platform/services';
import type { Spreadsheet } from '../../platform/sheetIo';
import type { Settings } from '../../kernel/settings';
import { type Caller, callerOf } from '../roles';

/**
 * The caller of this execution.
 * @param ss the workbook (for its owner)
 * @param settings the editors lists
 */
export function caller(ss: Spreadsheet, settings: Settings): Caller {
  const email = activeUserEmail() || effectiveUserEmail();
  return callerOf(email, ownerEmail(ss), settings);
}
