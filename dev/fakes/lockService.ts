/**
 * Fake LockService. Locks live in the workbook, so executions over the same workbook contend.
 * Executions do not run in parallel here, so a lock another execution holds stays held while
 * this one waits: tryLock lets the timeout pass on the fake clock and returns false, waitLock
 * lets it pass and throws Apps Script's timeout error (reference/lock/lock-service). The wait
 * counts toward the run's time limit. A lock is released by releaseLock() or when its
 * execution ends.
 */
import { instrument } from './callLedger';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

/** Apps Script's message when waitLock times out. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

const LOCK_METHODS = [
  'tryLock',
  'waitLock',
  'releaseLock',
  'hasLock',
] as const satisfies readonly (keyof GoogleAppsScript.Lock.Lock)[];

/** One lock (document, script or user scope). */
export class FakeLock implements FakeOf<GoogleAppsScript.Lock.Lock, (typeof LOCK_METHODS)[number]> {
  /**
   * @param ctx_ the execution
   * @param key_ which lock ("document", "script", "user:<email>")
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly key_: string,
  ) {}

  /** @param timeoutInMillis how long to wait for another execution's lock (on the fake clock) */
  tryLock(timeoutInMillis: number): boolean {
    return this.acquire_() || this.waitedInVain_(timeoutInMillis);
  }

  private waitedInVain_(timeoutInMillis: number): false {
    this.ctx_.book.clock.advance(Math.max(0, timeoutInMillis));
    return false;
  }

  private acquire_(): boolean {
    const holder = this.ctx_.book.locks.get(this.key_);
    if (holder !== undefined && holder !== this.ctx_.id) return false;
    this.ctx_.book.locks.set(this.key_, this.ctx_.id);
    return true;
  }

  /** @param timeoutInMillis how long to wait (on the fake clock) before throwing the timeout error */
  waitLock(timeoutInMillis: number): void {
    if (!this.acquire_() && !this.waitedInVain_(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  /** Releases the lock if this execution holds it. */
  releaseLock(): void {
    if (this.ctx_.book.locks.get(this.key_) === this.ctx_.id) this.ctx_.book.locks.delete(this.key_);
  }

  /** Whether this execution holds the lock. */
  hasLock(): boolean {
    return this.ctx_.book.locks.get(this.key_) === this.ctx_.id;
  }
}
instrument(FakeLock, 'Lock', LOCK_METHODS);

const SERVICE_METHODS = [
  'getDocumentLock',
  'getScriptLock',
  'getUserLock',
] as const satisfies readonly (keyof GoogleAppsScript.Lock.LockService)[];

/** LockService. */
export class FakeLockService implements FakeOf<GoogleAppsScript.Lock.LockService, (typeof SERVICE_METHODS)[number]> {
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /**
   * The lock of the document (the fake workbook); null in a web app: "If this method is called
   * outside of the context of a containing document (such as from a standalone script or webapp),
   * null is returned" (reference/lock/lock-service#getDocumentLock()).
   */
  getDocumentLock(): FakeLock {
    return (this.ctx_.webApp ? null : new FakeLock(this.ctx_, 'document')) as FakeLock;
  }

  /** The lock of the script project. */
  getScriptLock(): FakeLock {
    return new FakeLock(this.ctx_, 'script');
  }

  /** The lock of the current user. */
  getUserLock(): FakeLock {
    return new FakeLock(this.ctx_, `user:${this.ctx_.effectiveUser}`);
  }
}
instrument(FakeLockService, 'LockService', SERVICE_METHODS);

/**
 * Releases every lock an execution holds (what happens when a script ends).
 * @param ctx the execution
 */
export function releaseLocksOf(ctx: ExecutionContext): void {
  for (const [key, holder] of [...ctx.book.locks]) if (holder === ctx.id) ctx.book.locks.delete(key);
}
