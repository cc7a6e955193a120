/**
 * Installable clock triggers: ScriptApp.newTrigger(...).timeBased()...create(), the Trigger
 * objects, and the fake-only runner that fires due triggers on the fake clock. Sources:
 * reference/script/clock-trigger-builder, guides/triggers/installable, guides/services/quotas.
 * - A trigger "always run[s] under the account of the person who created them", and "a given
 *   account cannot see triggers installed from a second account" (guides/triggers/installable):
 *   each trigger runs as its creator, getProjectTriggers lists the current user's only.
 * - It stops when its creator loses access (docs/platform.md#triggers): the runner skips it and
 *   reports so.
 * - Recurring times are "slightly randomized — for example, if you create a recurring 9 a.m.
 *   trigger, Apps Script chooses a time between 9 a.m. and 10 a.m., then keeps that timing
 *   consistent from day to day" (guides/triggers/installable); nearMinute runs "plus or minus 15
 *   minutes" (reference). The runner has no jitter unless a test gives one.
 * - 20 triggers per user per script; trigger total runtime 90 min/day (consumer) or 6 h
 *   (Workspace), reset "24 hours after the first request" (guides/services/quotas).
 */
import { instrument } from './callLedger';
import { DAY_MS, HOUR_MS, MINUTE_MS, SCRIPT_RUNTIME_MS } from './clock';
import { zonedParts } from './dates';
import { AuthMode, EventType, TriggerSource } from './enums';
import type { ExecutionContext, WorkbookModel } from './model';
import type { FakeOf } from './types';

/** Installable triggers per user per script (guides/services/quotas, "Triggers"). */
export const MAX_TRIGGERS_PER_USER = 20;
/** Trigger total runtime per day of a consumer account (guides/services/quotas). */
export const TRIGGER_RUNTIME_CONSUMER_MS = 90 * MINUTE_MS;
/** The error once that runtime is used up (webdigi/GmailScheduler#31). */
export const TRIGGER_RUNTIME_MESSAGE = 'Service using too much computer time for one day';
/** The error of a 21st trigger (quoted by projects that hit it; not on a Google page). */
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** When a trigger runs. */
export type TriggerSchedule =
  | { readonly kind: 'minutes'; readonly every: number }
  | { readonly kind: 'hours'; readonly every: number }
  | { readonly kind: 'days'; readonly every: number; readonly hour: number | null; readonly minute: number | null }
  | { readonly kind: 'once'; readonly at: number };

/** A stored trigger. */
export interface TriggerModel {
  readonly id: string;
  readonly handler: string;
  /** the effective user who created it; it runs as this user */
  readonly creator: string;
  readonly schedule: TriggerSchedule;
  readonly timeZone: string;
  readonly createdAt: number;
  /** next scheduled run (before jitter); null once a one-off trigger has run */
  next: number | null;
  /** the fixed offset the runner chose for it, once chosen */
  jitterMs: number | null;
}

/** The triggers of one script project, and the trigger runtime its users spent. */
export class TriggerStore {
  readonly list: TriggerModel[] = [];
  /** user → the current 24-hour quota window */
  readonly runtime = new Map<string, { start: number; usedMs: number }>();
  private nextId_ = 1;

  /** A new unique id (Google's are long digit strings). */
  newId(): string {
    return String(7_000_000_000 + this.nextId_++);
  }

  /**
   * The stored trigger with this id.
   * @param id Trigger.getUniqueId()
   */
  byId(id: string): TriggerModel | undefined {
    return this.list.find((t) => t.id === id);
  }
}

const TRIGGER_METHODS = [
  'getEventType',
  'getHandlerFunction',
  'getTriggerSource',
  'getTriggerSourceId',
  'getUniqueId',
] as const satisfies readonly (keyof GoogleAppsScript.Script.Trigger)[];

/** A clock trigger as the script sees it. */
export class FakeTrigger implements FakeOf<GoogleAppsScript.Script.Trigger, (typeof TRIGGER_METHODS)[number]> {
  /**
   * @param ctx_ the execution
   * @param model_ the stored trigger (kept after deletion: the object still answers)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: TriggerModel,
  ) {}

  /** ScriptApp.EventType.CLOCK. */
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType.CLOCK;
  }

  /** The function the trigger calls. */
  getHandlerFunction(): string {
    return this.model_.handler;
  }

  /** ScriptApp.TriggerSource.CLOCK. */
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource.CLOCK;
  }

  /** A clock trigger has no source object: "" (unconfirmed; the typings say string, not null). */
  getTriggerSourceId(): string {
    return '';
  }

  /** The trigger's id, stable across executions. */
  getUniqueId(): string {
    return this.model_.id;
  }
}
instrument(FakeTrigger, 'Trigger', TRIGGER_METHODS);

const BUILDER_METHODS = ['timeBased'] as const satisfies readonly (keyof GoogleAppsScript.Script.TriggerBuilder)[];

/** ScriptApp.newTrigger(functionName): only clock triggers are modelled. */
export class FakeTriggerBuilder
  implements FakeOf<GoogleAppsScript.Script.TriggerBuilder, (typeof BUILDER_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param handler_ the function name
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly handler_: string,
  ) {}

  /** A builder for a time-driven trigger. */
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.ctx_, this.handler_);
  }
}
instrument(FakeTriggerBuilder, 'TriggerBuilder', BUILDER_METHODS);

const CLOCK_METHODS = [
  'after',
  'at',
  'atHour',
  'nearMinute',
  'everyMinutes',
  'everyHours',
  'everyDays',
  'inTimezone',
  'create',
] as const satisfies readonly (keyof GoogleAppsScript.Script.ClockTriggerBuilder)[];

// everyMinutes: "n must be 1, 5, 10, 15 or 30" (reference). everyHours: the trigger editor
// offers 1, 2, 4, 6, 8, 12; whether the API takes others is unconfirmed, so the fake refuses them.
const MINUTE_STEPS_ = [1, 5, 10, 15, 30];
const HOUR_STEPS_ = [1, 2, 4, 6, 8, 12];

function integerIn_(what: string, n: number, ok: (n: number) => boolean): number {
  if (!Number.isInteger(n) || !ok(n)) throw new Error(`Invalid argument: ${what} (${n})`);
  return n;
}

/** ScriptApp.newTrigger(name).timeBased(). Invalid combinations throw at create(). */
export class FakeClockTriggerBuilder
  implements FakeOf<GoogleAppsScript.Script.ClockTriggerBuilder, (typeof CLOCK_METHODS)[number]>
{
  private kind_: TriggerSchedule['kind'] | null = null;
  private every_ = 0;
  private at_ = 0;
  private hour_: number | null = null;
  private minute_: number | null = null;
  private timeZone_: string | null = null;

  /**
   * @param ctx_ the execution
   * @param handler_ the function name
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly handler_: string,
  ) {}

  private frequency_(kind: TriggerSchedule['kind'], every: number): FakeClockTriggerBuilder {
    // Two frequencies on one builder: what Google does is unconfirmed; the fake refuses.
    if (this.kind_ !== null) throw new Error(`Fake: the trigger already has a frequency (${this.kind_})`);
    this.kind_ = kind;
    this.every_ = every;
    return this;
  }

  /** @param durationMilliseconds runs once, at least this long from now */
  after(durationMilliseconds: number): FakeClockTriggerBuilder {
    integerIn_('durationMilliseconds', durationMilliseconds, (n) => n >= 0);
    this.at_ = this.ctx_.book.clock.now() + durationMilliseconds;
    return this.frequency_('once', 0);
  }

  /** @param date runs once, at this time */
  at(date: GoogleAppsScript.Base.Date): FakeClockTriggerBuilder {
    this.at_ = date.getTime();
    return this.frequency_('once', 0);
  }

  /** @param hour 0–23, in the trigger's time zone; needs everyDays ("Frequency is required", reference) */
  atHour(hour: number): FakeClockTriggerBuilder {
    this.hour_ = integerIn_('hour', hour, (n) => n >= 0 && n <= 23);
    return this;
  }

  /** @param minute 0–59, "plus or minus 15 minutes"; needs everyDays */
  nearMinute(minute: number): FakeClockTriggerBuilder {
    this.minute_ = integerIn_('minute', minute, (n) => n >= 0 && n <= 59);
    return this;
  }

  /** @param n 1, 5, 10, 15 or 30 */
  everyMinutes(n: number): FakeClockTriggerBuilder {
    return this.frequency_(
      'minutes',
      integerIn_('minutes', n, (m) => MINUTE_STEPS_.includes(m)),
    );
  }

  /** @param n 1, 2, 4, 6, 8 or 12 */
  everyHours(n: number): FakeClockTriggerBuilder {
    return this.frequency_(
      'hours',
      integerIn_('hours', n, (h) => HOUR_STEPS_.includes(h)),
    );
  }

  /** @param n days between runs, ≥ 1 */
  everyDays(n: number): FakeClockTriggerBuilder {
    return this.frequency_(
      'days',
      integerIn_('days', n, (d) => d >= 1),
    );
  }

  /** @param timezone an IANA zone for atHour/nearMinute; default the script's time zone */
  inTimezone(timezone: string): FakeClockTriggerBuilder {
    this.timeZone_ = timezone;
    return this;
  }

  /** Registers the trigger for the current (effective) user. */
  create(): FakeTrigger {
    const book = this.ctx_.book;
    const creator = this.ctx_.effectiveUser;
    const schedule = this.schedule_();
    const own = book.triggers.list.filter((t) => t.creator === creator);
    if (own.length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    const now = book.clock.now();
    const model: TriggerModel = {
      id: book.triggers.newId(),
      handler: this.handler_,
      creator,
      schedule,
      timeZone: this.timeZone_ ?? book.timeZone,
      createdAt: now,
      next: null,
      jitterMs: null,
    };
    model.next = firstRun_(model);
    book.triggers.list.push(model);
    return new FakeTrigger(this.ctx_, model);
  }

  private schedule_(): TriggerSchedule {
    if (this.kind_ === null) throw new Error('Fake: a clock trigger needs a frequency (everyDays, everyHours, ...)');
    const timed = this.hour_ !== null || this.minute_ !== null;
    if (timed && this.kind_ !== 'days') {
      throw new Error('Fake: atHour()/nearMinute() need everyDays() (reference: "Frequency is required")');
    }
    if (this.kind_ === 'once') return { kind: 'once', at: this.at_ };
    if (this.kind_ === 'days') return { kind: 'days', every: this.every_, hour: this.hour_, minute: this.minute_ };
    return this.kind_ === 'minutes' ? { kind: 'minutes', every: this.every_ } : { kind: 'hours', every: this.every_ };
  }
}
instrument(FakeClockTriggerBuilder, 'ClockTriggerBuilder', CLOCK_METHODS);

/**
 * The instant of a wall-clock time in a zone.
 * @param y year @param mo month 1–12 @param d day @param h hour @param mi minute
 * @param timeZone IANA id or fixed offset
 */
function wallTime_(y: number, mo: number, d: number, h: number, mi: number, timeZone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - zonedParts(new Date(guess), timeZone).offsetMinutes * MINUTE_MS;
  return guess - zonedParts(new Date(first), timeZone).offsetMinutes * MINUTE_MS;
}

/**
 * The same wall-clock time `days` days later in the trigger's zone.
 * @param t the trigger @param from an instant @param days how many days
 */
function addDays_(t: TriggerModel, from: number, days: number): number {
  const p = zonedParts(new Date(from), t.timeZone);
  return wallTime_(p.year, p.month, p.day + days, p.hour, p.minute, t.timeZone);
}

/**
 * The first run of a new trigger. A daily trigger at an hour runs at the first such time from
 * now (today if it is still ahead); without atHour, a day after creation (Google's choice of
 * time is unconfirmed). Minutes and hours: one period after creation (alignment unconfirmed).
 * @param t the trigger
 */
function firstRun_(t: TriggerModel): number {
  const s = t.schedule;
  if (s.kind === 'once') return s.at;
  if (s.kind === 'minutes') return t.createdAt + s.every * MINUTE_MS;
  if (s.kind === 'hours') return t.createdAt + s.every * HOUR_MS;
  if (s.hour === null) return addDays_(t, t.createdAt, s.every);
  const p = zonedParts(new Date(t.createdAt), t.timeZone);
  const today = wallTime_(p.year, p.month, p.day, s.hour, s.minute ?? 0, t.timeZone);
  return today >= t.createdAt ? today : addDays_(t, today, 1);
}

/**
 * The run after `t.next`; null for a one-off trigger. (Whether a one-off trigger still lists in
 * getProjectTriggers after it ran is unconfirmed: the fake keeps it, counting toward the 20.)
 * @param t the trigger
 */
function followingRun_(t: TriggerModel): number | null {
  const s = t.schedule;
  if (t.next === null || s.kind === 'once') return null;
  if (s.kind === 'minutes') return t.next + s.every * MINUTE_MS;
  if (s.kind === 'hours') return t.next + s.every * HOUR_MS;
  return addDays_(t, t.next, s.every);
}

/** A handler as the runner calls it, with the time-driven event object. */
export type TriggerHandler = (event: GoogleAppsScript.Events.TimeDriven) => unknown;

/** What became of one due trigger. */
export interface TriggerRun {
  /** Trigger.getUniqueId() */
  trigger: string;
  handler: string;
  /** the creator, as whom it ran */
  user: string;
  /** when it ran (the fake clock) */
  at: Date;
  /**
   * ok; error (the handler threw, or the run failed at its end); skipped (the creator has lost
   * edit access); quota (the creator's trigger runtime for the day is used up); missing (the
   * resolver knows no such function)
   */
  outcome: 'ok' | 'error' | 'skipped' | 'quota' | 'missing';
  error: unknown;
  /** FakeExecution.id of the run, or null when none started */
  execution: number | null;
  /** how long the run took on the fake clock */
  runtimeMs: number;
}

/** Options of runDueTriggers. */
export interface RunTriggersOptions<E> {
  /** the handler of a trigger, bound to the execution it runs in (e.g. a bundle loaded with its globals) */
  resolve: (run: E, handler: string) => TriggerHandler | undefined;
  /**
   * Jitter per trigger in minutes, chosen once and kept (daily triggers only): −15…15 with
   * nearMinute, 0…59 without (the hour's window). Default none.
   */
  jitterMinutes?: (trigger: { id: string; handler: string; creator: string }) => number;
  /** time limit of each run; default 6 minutes */
  timeLimitMs?: number;
  /** trigger runtime per user per 24 hours; default 90 minutes (consumer accounts) */
  dailyRuntimeMs?: number;
}

/** What the runner needs of an execution. */
export interface RunnableExecution {
  readonly id: number;
  end(): void;
}

function jitter_<E>(t: TriggerModel, options: RunTriggersOptions<E>): number {
  if (t.jitterMs !== null) return t.jitterMs;
  const s = t.schedule;
  let ms = 0;
  if (options.jitterMinutes && s.kind === 'days' && s.hour !== null) {
    const minutes = options.jitterMinutes({ id: t.id, handler: t.handler, creator: t.creator });
    const [low, high] = s.minute === null ? [0, 59] : [-15, 15];
    if (!(minutes >= low && minutes <= high)) throw new Error(`jitterMinutes: ${minutes} is outside ${low}…${high}`);
    ms = minutes * MINUTE_MS;
  }
  t.jitterMs = ms;
  return ms;
}

function due_<E>(t: TriggerModel, options: RunTriggersOptions<E>): number {
  return (t.next ?? Number.POSITIVE_INFINITY) + jitter_(t, options);
}

/**
 * The time-driven event object. Its calendar fields are given in UTC (guides/triggers/events
 * lists "timezone"; that it is always UTC is unconfirmed); day-of-week 1 = Monday … 7 = Sunday,
 * week-of-year counted from the week of 1 January (unconfirmed).
 * @param t the trigger @param at the instant
 */
function event_(t: TriggerModel, at: number): GoogleAppsScript.Events.TimeDriven {
  const d = new Date(at);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  const jan1Weekday = new Date(jan1).getUTCDay();
  const dayOfYear = Math.floor((at - jan1) / DAY_MS);
  return {
    authMode: AuthMode.FULL,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'week-of-year': Math.floor((dayOfYear + jan1Weekday) / 7) + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: t.id,
  };
}

/**
 * The creator's quota window at an instant (a fresh one 24 hours after the window's first run).
 * @param book the workbook @param user the creator @param at the instant
 */
function window_(book: WorkbookModel, user: string, at: number): { start: number; usedMs: number } {
  const current = book.triggers.runtime.get(user);
  if (current && at < current.start + DAY_MS) return current;
  const fresh = { start: at, usedMs: 0 };
  book.triggers.runtime.set(user, fresh);
  return fresh;
}

/**
 * Fires one trigger now, as its creator.
 * @param book the workbook @param t the trigger @param options see RunTriggersOptions
 * @param start starts an execution as a user with a time limit
 */
function fire_<E extends RunnableExecution>(
  book: WorkbookModel,
  t: TriggerModel,
  options: RunTriggersOptions<E>,
  start: (user: string, timeLimitMs: number) => E,
): TriggerRun {
  const at = book.clock.now();
  const run: TriggerRun = {
    trigger: t.id,
    handler: t.handler,
    user: t.creator,
    at: new Date(at),
    outcome: 'ok',
    error: null,
    execution: null,
    runtimeMs: 0,
  };
  if (t.creator !== book.owner && !book.editors.includes(t.creator)) return { ...run, outcome: 'skipped' };
  const quota = window_(book, t.creator, at);
  if (quota.usedMs >= (options.dailyRuntimeMs ?? TRIGGER_RUNTIME_CONSUMER_MS)) {
    return { ...run, outcome: 'quota', error: new Error(TRIGGER_RUNTIME_MESSAGE) };
  }
  const execution = start(t.creator, options.timeLimitMs ?? SCRIPT_RUNTIME_MS);
  run.execution = execution.id;
  const handler = options.resolve(execution, t.handler);
  if (!handler) {
    execution.end();
    // The message Apps Script logs for a missing handler is unconfirmed.
    return { ...run, outcome: 'missing', error: new Error(`Script function not found: ${t.handler}`) };
  }
  try {
    handler(event_(t, at));
  } catch (error) {
    run.outcome = 'error';
    run.error = error;
  }
  try {
    execution.end();
  } catch (error) {
    if (run.outcome === 'ok') {
      run.outcome = 'error';
      run.error = error;
    }
  }
  run.runtimeMs = book.clock.now() - at;
  quota.usedMs += run.runtimeMs;
  return run;
}

/**
 * Advances the fake clock to `until`, running each trigger when it falls due (earliest first;
 * a run that is already overdue runs at once), each in a new execution as its creator.
 * @param book the workbook
 * @param until the instant to stop at
 * @param options resolver, jitter, limits
 * @param start starts an execution as a user with a time limit
 * @return the runs, in order
 */
export function runDueTriggers<E extends RunnableExecution>(
  book: WorkbookModel,
  until: Date,
  options: RunTriggersOptions<E>,
  start: (user: string, timeLimitMs: number) => E,
): TriggerRun[] {
  const limit = until.getTime();
  const runs: TriggerRun[] = [];
  for (;;) {
    let next: TriggerModel | null = null;
    for (const t of book.triggers.list)
      if (t.next !== null && (!next || due_(t, options) < due_(next, options))) next = t;
    if (!next || due_(next, options) > limit) break;
    const due = due_(next, options);
    if (book.clock.now() < due) book.clock.set(due);
    runs.push(fire_(book, next, options, start));
    next.next = followingRun_(next);
  }
  if (book.clock.now() < limit) book.clock.set(limit);
  return runs;
}
