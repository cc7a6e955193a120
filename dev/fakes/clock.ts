/**
 * The fake clock: one "now" per workbook, shared by its executions, its services (trigger firing,
 * mail quota windows, lock waits, Utilities.sleep) and, through fakeDateClass, by the script's
 * own `new Date()` and `Date.now()`. Until a test sets it, the clock follows the host's clock, so
 * tests that never mention time see real time; advancing it then adds an offset.
 */

/** Milliseconds in a minute, an hour and a day. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Apps Script's limit of one script run: 6 minutes (guides/services/quotas, "Script runtime"). */
export const SCRIPT_RUNTIME_MS = 6 * MINUTE_MS;

/** Time for tests: frozen at a set instant, advanced by hand or by a fixed cost per service call. */
export class FakeClock {
  private fixed_: number | null = null;
  private offset_ = 0;
  private msPerCall_ = 0;

  /** @param start the initial instant; omitted: follow the host clock */
  constructor(start?: Date | number) {
    if (start !== undefined) this.set(start);
  }

  /** The current instant in ms since the epoch (an arrow property: pass `clock.now` around). */
  readonly now = (): number => this.fixed_ ?? Date.now() + this.offset_;

  /** An independent clock in the same state (snapshot.ts: `now` is bound to its own clock). */
  copy(): FakeClock {
    const clock = new FakeClock();
    clock.fixed_ = this.fixed_;
    clock.offset_ = this.offset_;
    clock.msPerCall_ = this.msPerCall_;
    return clock;
  }

  /** The current instant as a (host) Date. */
  date(): Date {
    return new Date(this.now());
  }

  /** Whether the clock was set (frozen) rather than following the host clock. */
  get frozen(): boolean {
    return this.fixed_ !== null;
  }

  /**
   * Freezes the clock at an instant (time may go backwards: tests decide).
   * @param time the instant
   */
  set(time: Date | number): void {
    const ms = typeof time === 'number' ? time : time.getTime();
    if (!Number.isFinite(ms)) throw new Error(`FakeClock.set: not a valid time: ${String(time)}`);
    this.fixed_ = ms;
  }

  /**
   * Follows the host clock again, shifted by an offset (time passes as it does on the host): the
   * preview's "today" that officers can change, backwards too.
   * @param offsetMs added to the host clock
   */
  followHost(offsetMs = 0): void {
    if (!Number.isFinite(offsetMs)) throw new Error(`FakeClock.followHost: not a valid offset: ${offsetMs}`);
    this.fixed_ = null;
    this.offset_ = offsetMs;
  }

  /**
   * Moves the clock forward.
   * @param ms milliseconds, ≥ 0
   */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`FakeClock.advance: ms must be ≥ 0, got ${ms}`);
    if (this.fixed_ !== null) this.fixed_ += ms;
    else this.offset_ += ms;
  }

  /** Milliseconds every recorded service call takes (0 by default). */
  get msPerCall(): number {
    return this.msPerCall_;
  }

  /**
   * Makes every recorded service call take this long, to simulate slow calls and reach the
   * 6-minute limit (an Apps Script call to Sheets takes tens to hundreds of ms).
   * @param ms milliseconds per call, ≥ 0
   */
  setMsPerCall(ms: number): void {
    if (!(ms >= 0)) throw new Error(`FakeClock.setMsPerCall: ms must be ≥ 0, got ${ms}`);
    this.msPerCall_ = ms;
  }

  /** Lets one service call's time pass (called by the ledger for every recorded call). */
  tickForCall(): void {
    if (this.msPerCall_ > 0) this.advance(this.msPerCall_);
  }
}

/**
 * A Date constructor whose `new Date()` (no arguments), `Date()` and `Date.now()` read `now`;
 * every other behaviour is the native one. It shares the native prototype, so its objects are
 * native Dates: `instanceof` holds both ways and Object.prototype.toString gives '[object Date]'.
 * @param now the clock to read
 * @param NativeDate the Date to wrap (e.g. a vm context's own Date)
 */
export function fakeDateClass(now: () => number, NativeDate: DateConstructor): DateConstructor {
  // The usual `new Date(x)` is spelt out by arity, with named parameters: Reflect.construct
  // with a rest array was nine times slower than the native constructor (1.8 against 0.2 µs a
  // date), a cost real Apps Script does not have, counted as the add-on's own CPU in the bench (a
  // date cell read is a `new Date`). `new Date(2022, 0)` and `new Date(2022, 0, undefined)` differ
  // (the latter is Invalid Date), so the arguments are passed exactly as many as given.
  const D = NativeDate as unknown as new (...xs: unknown[]) => Date;
  function Date_(
    this: unknown,
    a?: unknown,
    b?: unknown,
    c?: unknown,
    d?: unknown,
    e?: unknown,
    f?: unknown,
    g?: unknown,
  ): unknown {
    // Called without `new`, Date() returns the current time as a string (ECMA-262 21.4.2.1).
    if (!new.target) return new NativeDate(now()).toString();
    // biome-ignore lint/complexity/noArguments: how many were given decides which Date is made
    const given = arguments.length;
    // A subclass (class X extends Date) needs its own prototype: the general path.
    if (new.target !== Date_) {
      const args = [a, b, c, d, e, f, g].slice(0, given);
      return Reflect.construct(NativeDate, given === 0 ? [now()] : args, new.target);
    }
    switch (given) {
      case 0:
        return new D(now());
      case 1:
        return new D(a);
      case 2:
        return new D(a, b);
      case 3:
        return new D(a, b, c);
      case 4:
        return new D(a, b, c, d);
      case 5:
        return new D(a, b, c, d, e);
      case 6:
        return new D(a, b, c, d, e, f);
      default:
        return new D(a, b, c, d, e, f, g);
    }
  }
  Object.defineProperty(Date_, 'prototype', { value: NativeDate.prototype });
  Object.defineProperty(Date_, 'name', { value: 'Date' });
  Object.defineProperty(Date_, 'length', { value: 7 });
  for (const key of ['parse', 'UTC'] as const) {
    Object.defineProperty(Date_, key, { value: NativeDate[key], writable: true, configurable: true });
  }
  Object.defineProperty(Date_, 'now', { value: () => now(), writable: true, configurable: true });
  // A function with a constructor's properties: TypeScript cannot type that without a cast.
  return Date_ as unknown as DateConstructor;
}
