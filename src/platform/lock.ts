/**
 * One writing action at a time on the shared workbook: the LockService script lock. "getScriptLock:
 * Gets a lock that prevents any user from concurrently running a section of code", where
 * getDocumentLock prevents "any user of the current document" (Apps Script reference,
 * LockService): the script is bound to this one workbook, so the two exclude the same runs, and
 * the script lock is the one a web app gets too ("getDocumentLock … If this method is called
 * outside of the context of a containing document (such as from a standalone script or webapp),
 * null is returned"). Taking both, as before, cost three calls more on every action and excluded
 * nothing more: the sidebar's, the menu's, the triggers' and the mobile page's writes all come
 * one at a time under the script lock.
 */
import { BUSY_TEXT } from '../kernel/messages';
import { OfficerError } from '../kernel/officerError';
import { readPropertiesAfresh } from './properties';
import { scriptLock } from './services';

/** How long a second officer's action waits for the first one before giving up. */
const WAIT_MS = 20_000;

/**
 * Runs an action holding the workbook's lock (the script lock), or throws a Thai message when
 * another officer's action holds it longer than the wait.
 * @param fn the action
 */
export function withWorkbookLock<T>(fn: () => T): T {
  const lock = scriptLock();
  if (!lock.tryLock(WAIT_MS)) throw new OfficerError('busy', BUSY_TEXT);
  try {
    readPropertiesAfresh();
    return fn();
  } finally {
    readPropertiesAfresh();
    release_(lock);
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
