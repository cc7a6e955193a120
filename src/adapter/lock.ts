/**
 * One writing action at a time on the shared workbook: the LockService document lock, and the
 * script lock with it. The mobile page runs as a web app, where "getDocumentLock … If this
 * method is called outside of the context of a containing document (such as from a standalone
 * script or webapp), null is returned" (Apps Script reference, LockService): there the script
 * lock alone is taken, and since the sidebar's actions take it too, the page's and the
 * sidebar's writes still come one at a time (the script is bound to this one workbook, so the
 * script lock excludes nothing else).
 */
import { BUSY_TEXT } from '../core/messages';
import { OfficerError } from '../core/officerError';
import { propertiesLocked } from './properties';
import { documentLock, scriptLock } from './services';

/** How long a second officer's action waits for the first one before giving up. */
const WAIT_MS = 20_000;

/**
 * Runs an action holding the document lock, or throws a Thai message when another officer's
 * action holds it longer than the wait.
 * @param fn the action
 */
export function withDocumentLock<T>(fn: () => T): T {
  const document = documentLock();
  const locks = document ? [document, scriptLock()] : [scriptLock()];
  const held: GoogleAppsScript.Lock.Lock[] = [];
  try {
    for (const lock of locks) {
      if (!lock.tryLock(WAIT_MS)) throw new OfficerError('busy', BUSY_TEXT);
      held.push(lock);
    }
    propertiesLocked(true);
    return fn();
  } finally {
    propertiesLocked(false);
    for (const lock of held.reverse()) release_(lock);
  }
}

/** Releases a lock; the action is done, so a failed release must not report it as failed. */
function release_(lock: GoogleAppsScript.Lock.Lock): void {
  try {
    lock.releaseLock();
  } catch {
    // Apps Script releases the lock when the script ends anyway (LockService reference).
  }
}
