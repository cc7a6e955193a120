/**
 * The districts' reporting duties, in Asia/Bangkok calendar days: a monthly report for each of
 * the fiscal year's twelve months, due on the settings' due day of the next month (the 5th) and
 * open from the month's end; and a summary for each round, due on its deadline and open from a
 * week before it (the first reminder), counted up to the deadline. What is due when, whether a
 * duty was met on time, late by N days, is overdue or not yet due, and on which days a
 * district is reminded. Pure: the board, the sidebar, the submissions and the reminders share it.
 */
import { type Day, dayOf, daysInMonth } from '../../../kernel/civilDate';
import { fiscalMonths, fiscalYearOf, monthEnd } from '../../../kernel/fiscalYear';

/** A monthly report or a round summary. */
export type DutyKind = 'month' | 'round';

/** One duty of a district. */
export interface Duty {
  readonly kind: DutyKind;
  /** The BE fiscal year the duty belongs to (a month's: the year containing the month). */
  readonly fiscalYear: number;
  /** yyyy-mm (CE) for a month, '1'…'3' for a round. */
  readonly period: string;
  /** The first day it may be submitted. */
  readonly opens: Day;
  /** The figures' cut-off (inclusive): the month's last day, or the round's deadline. */
  readonly cutOff: Day;
  /** The last day it is on time. */
  readonly due: Day;
}

/** A round summary may be submitted from this many days before its deadline. */
export const ROUND_OPENS_DAYS_BEFORE = 7;
/** A monthly report is reminded of while it is due within this many days. */
export const MONTH_REMIND_DAYS = 3;
/** A round summary is reminded of this many days before its deadline. */
export const ROUND_REMIND_DAYS: readonly number[] = [7, 1];

/** The calendar the duties follow (the settings' fields). */
export interface DutyCalendar {
  /** BE fiscal year. */
  readonly fiscalYear: number;
  readonly monthlyDueDay: number;
  readonly rounds: readonly Day[];
}

/**
 * A month's report duty.
 * @param year CE year
 * @param month 1–12
 * @param dueDay the due day of the next month (beyond that month's length: its last day)
 */
export function monthDuty(year: number, month: number, dueDay: number): Duty {
  const end = monthEnd(year, month);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return {
    kind: 'month',
    fiscalYear: fiscalYearOf(end),
    period: `${year}-${String(month).padStart(2, '0')}`,
    opens: end + 1,
    cutOff: end,
    due: dayOf(nextYear, nextMonth, Math.min(dueDay, daysInMonth(nextYear, nextMonth))),
  };
}

/**
 * A round's summary duty.
 * @param round 1-based
 * @param deadline its deadline
 * @param fiscalYear the BE fiscal year it belongs to (by default the year of its deadline)
 */
export function roundDuty(round: number, deadline: Day, fiscalYear = fiscalYearOf(deadline)): Duty {
  return {
    kind: 'round',
    fiscalYear,
    period: String(round),
    opens: deadline - ROUND_OPENS_DAYS_BEFORE,
    cutOff: deadline,
    due: deadline,
  };
}

/**
 * Every duty of a fiscal year: its twelve months, October first, then its rounds.
 * @param calendar the fiscal year, due day and round deadlines
 */
export function fiscalDuties(calendar: DutyCalendar): Duty[] {
  return [
    ...fiscalMonths(calendar.fiscalYear).map(({ year, month }) => monthDuty(year, month, calendar.monthlyDueDay)),
    ...calendar.rounds.map((deadline, i) => roundDuty(i + 1, deadline, calendar.fiscalYear)),
  ];
}

/**
 * The duties a fiscal year carries over from the year before: the previous year's September
 * report, due on the due day of October, which is in this year. It is owed only when the
 * workbook kept the previous year (some district submitted anything of it): the letter's first
 * year, FY 2565, owes no report of FY 2564.
 * @param calendar this fiscal year's calendar (its monthly due day applies)
 * @param keptYears the fiscal years the workbook holds submissions of
 */
export function carriedDuties(calendar: DutyCalendar, keptYears: readonly number[]): Duty[] {
  const previous = calendar.fiscalYear - 1;
  if (!keptYears.includes(previous)) return [];
  const last = fiscalMonths(previous)[11];
  return [monthDuty(last.year, last.month, calendar.monthlyDueDay)];
}

/**
 * Every duty a fiscal year's board, sidebar, reminders and submissions deal with: the
 * previous year's September report when owed (carriedDuties), then the year's own.
 * @param calendar the fiscal year, due day and round deadlines
 * @param keptYears the fiscal years the workbook holds submissions of
 */
export function yearDuties(calendar: DutyCalendar, keptYears: readonly number[]): Duty[] {
  return [...carriedDuties(calendar, keptYears), ...fiscalDuties(calendar)];
}

/**
 * Whether a duty's due day falls in a later fiscal year than its own (FY N's September
 * report, due in October of FY N+1).
 * @param duty the duty
 */
export function dueInNextYear(duty: Pick<Duty, 'due' | 'fiscalYear'>): boolean {
  return fiscalYearOf(duty.due) > duty.fiscalYear;
}

/**
 * A duty's key, naming its fiscal year: `month:2021-10` (a month names its year by its date),
 * `round:2565:1`.
 * @param duty the duty (or its kind, fiscal year and period)
 */
export function dutyKey(duty: Pick<Duty, 'kind' | 'period' | 'fiscalYear'>): string {
  return duty.kind === 'round' ? `round:${duty.fiscalYear}:${duty.period}` : `${duty.kind}:${duty.period}`;
}

/** A duty's key read back: its fiscal year is null for a round key of earlier versions (`round:1`). */
export interface ParsedDutyKey {
  readonly kind: DutyKind;
  readonly period: string;
  readonly fiscalYear: number | null;
}

/**
 * The kind, period and fiscal year of a key, or null when it is not a duty's key. A month's
 * fiscal year follows from its date; a round key of earlier versions (`round:1`) names none,
 * and its record decides (submissions.ts: the fiscal year of its figures' cut-off).
 * @param key e.g. `month:2021-10`, `round:2565:1`, `round:1`
 */
export function parseDutyKey(key: string): ParsedDutyKey | null {
  const m = /^month:(\d{4})-(0[1-9]|1[0-2])$|^round:(?:(2[4-6]\d\d):)?([1-9]\d*)$/.exec(key.trim());
  if (!m) return null;
  if (m[1]) {
    const fiscalYear = fiscalYearOf(monthEnd(Number(m[1]), Number(m[2])));
    return { kind: 'month', period: `${m[1]}-${m[2]}`, fiscalYear };
  }
  return { kind: 'round', period: m[4], fiscalYear: m[3] ? Number(m[3]) : null };
}

/**
 * Whether two duties (or records) are the same duty: kind, period and fiscal year.
 * @param a one
 * @param b the other
 */
export function sameDuty(
  a: Pick<Duty, 'kind' | 'period' | 'fiscalYear'>,
  b: Pick<Duty, 'kind' | 'period' | 'fiscalYear'>,
): boolean {
  return a.kind === b.kind && a.period === b.period && a.fiscalYear === b.fiscalYear;
}

/** Where a duty stands. */
export type DutyState = 'notYetDue' | 'onTime' | 'late' | 'overdue';

/** A duty's standing on a day. */
export interface DutyStatus {
  readonly state: DutyState;
  /** The day it was first submitted, or null. */
  readonly submitted: Day | null;
  /** late: days after the due day it was submitted; overdue: days past the due day; else 0. */
  readonly daysLate: number;
  /** Days from today to the due day (negative once past). */
  readonly daysLeft: number;
  /** Whether it may be submitted today. */
  readonly open: boolean;
}

/**
 * How many days after its due day a duty submitted on a day is (0 when on time).
 * @param duty the duty
 * @param day the day of submission
 */
export function daysLateOn(duty: Duty, day: Day): number {
  return Math.max(0, day - duty.due);
}

/**
 * A duty's standing on a day. Met on time or late is decided by its first submission (a
 * resubmission corrects figures, not the day the duty was met).
 * @param duty the duty
 * @param submitted the day of its first submission, or null
 * @param today the day
 */
export function dutyStatus(duty: Duty, submitted: Day | null, today: Day): DutyStatus {
  const daysLeft = duty.due - today;
  const open = today >= duty.opens;
  if (submitted !== null) {
    const late = daysLateOn(duty, submitted);
    return { state: late > 0 ? 'late' : 'onTime', submitted, daysLate: late, daysLeft, open };
  }
  if (today > duty.due) return { state: 'overdue', submitted: null, daysLate: today - duty.due, daysLeft, open };
  return { state: 'notYetDue', submitted: null, daysLate: 0, daysLeft, open };
}

/** Why a district is reminded of a duty. */
export type ReminderReason = 'dueSoon' | 'roundAhead' | 'overdue';

/**
 * Why a district is reminded of a duty today, or null: a monthly report not yet submitted that
 * is open and due within MONTH_REMIND_DAYS days; a round summary not yet submitted whose
 * deadline is one of ROUND_REMIND_DAYS days ahead; any duty overdue (every day until met).
 * @param duty the duty
 * @param status its standing today
 */
export function reminderReason(duty: Duty, status: DutyStatus): ReminderReason | null {
  if (status.state === 'overdue') return 'overdue';
  if (status.state !== 'notYetDue') return null;
  if (duty.kind === 'month') return status.open && status.daysLeft <= MONTH_REMIND_DAYS ? 'dueSoon' : null;
  return ROUND_REMIND_DAYS.includes(status.daysLeft) ? 'roundAhead' : null;
}

/**
 * The days over which one reminder of a duty is owed: a reminder that is due and not sent (the
 * mail quota ran out, MailApp failed, the run was killed) is still owed at the next run inside
 * the window, and a reminder sent inside it is not sent again. A round's windows run from each
 * of ROUND_REMIND_DAYS to the day before the next one (its deadline for the last); a monthly
 * report due soon and any overdue duty are reminded every day, so each day is its own window.
 */
export interface ReminderWindow {
  /** Names the window among the duty's windows: `ahead7`, `ahead1`, or the day's number. */
  readonly id: string;
  readonly reason: ReminderReason;
  /** The window's last day. */
  readonly last: Day;
}

/**
 * The reminder window a day falls in, or null when no reminder of the duty is owed that day.
 * Agrees with reminderReason on the days a window opens; a round's window also covers the
 * following days, so a reminder missed on the day it opened goes the next run before the
 * deadline.
 * @param duty the duty
 * @param status its standing today
 * @param today the day
 */
export function reminderWindow(duty: Duty, status: DutyStatus, today: Day): ReminderWindow | null {
  const reason = reminderReason(duty, status);
  if (reason === 'overdue' || reason === 'dueSoon') return { id: `day${today}`, reason, last: today };
  if (duty.kind !== 'round' || status.state !== 'notYetDue') return null;
  const openers = [...ROUND_REMIND_DAYS].sort((a, b) => a - b);
  const at = openers.findIndex((d) => d >= status.daysLeft);
  if (at < 0) return null;
  const next = openers[at - 1];
  return { id: `ahead${openers[at]}`, reason: 'roundAhead', last: duty.due - (next === undefined ? 0 : next + 1) };
}
