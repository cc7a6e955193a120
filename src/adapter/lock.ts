/** One writing action at a time on the shared workbook (LockService document lock). */
import { BUSY_TEXT } from '../core/messages';
import { OfficerError } from '../core/officerError';
import { documentLock } from './services';

/** How long a second officer's action waits for the first one before giving up. */
const WAIT_MS = 20_000;

/**
 * Runs an action holding the document lock, or throws a Thai message when another officer's
 * action holds it longer than the wait.
 * @param fn the action
 */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = documentLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new OfficerError('busy', BUSY_TEXT);
  }
  try {
    return fn();
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // The action is done; Apps Script releases the lock when the script ends anyway
      // (LockService reference), so a failed release must not report the action as failed.
    }
  }
}
