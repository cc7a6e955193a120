/** How every menu and sidebar action runs: one writer at a time, failures explained in Thai. */
import { thaiErrorMessage } from '../kernel/errorText';
import { isOfficerError, OfficerError } from '../kernel/officerError';
import { withWorkbookLock } from '../platform/lock';

/**
 * Runs an action that writes: holding the workbook lock, with any error turned into a Thai
 * message (the action itself undoes its partial changes before the error gets here).
 * @param action the action
 */
export function writingAction<T>(action: () => T): T {
  return inThai(() => withWorkbookLock(action));
}

/**
 * Runs an action that only reads, with any error turned into a Thai message.
 * @param action the action
 */
export function inThai<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    // Ours already speaks Thai (and an outer inThai must not take it for Google's).
    if (isOfficerError(error)) throw error;
    throw new OfficerError('google', thaiErrorMessage(error));
  }
}
