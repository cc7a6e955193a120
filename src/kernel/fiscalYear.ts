/** Fiscal-year arithmetic: FY N (BE) runs 1 October of N−1 to 30 September of N. */
import { BE_OFFSET, type Day, dayOf, daysInMonth, ymdOf } from './civilDate';

/**
 * The BE fiscal year that contains a day.
 * @param day the day
 * @return e.g. 2565 for any day from 2021-10-01 to 2022-09-30
 */
export function fiscalYearOf(day: Day): number {
  const { year, month } = ymdOf(day);
  return (month >= 10 ? year + 1 : year) + BE_OFFSET;
}

/**
 * The first and last day of a BE fiscal year.
 * @param fiscalYearBE e.g. 2565
 */
export function fiscalYearBounds(fiscalYearBE: number): { start: Day; end: Day } {
  const ce = beToCe(fiscalYearBE);
  return { start: dayOf(ce - 1, 10, 1), end: dayOf(ce, 9, 30) };
}

/**
 * CE year of a BE year.
 * @param yearBE e.g. 2565
 */
export function beToCe(yearBE: number): number {
  return yearBE - BE_OFFSET;
}

/**
 * The monthly report's due date on or after a day: the `dueDay` of this month if not yet
 * past, else of next month (a due day beyond the month's length falls on its last day).
 * @param today the day
 * @param dueDay day of month, 5 in FY 2565
 */
export function nextMonthlyDue(today: Day, dueDay: number): Day {
  const { year, month, day } = ymdOf(today);
  if (day <= Math.min(dueDay, daysInMonth(year, month)))
    return dayOf(year, month, Math.min(dueDay, daysInMonth(year, month)));
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return dayOf(y, m, Math.min(dueDay, daysInMonth(y, m)));
}

/**
 * The last day of the month of a day (a monthly report covers up to it).
 * @param year CE year
 * @param month 1–12
 */
export function monthEnd(year: number, month: number): Day {
  return dayOf(year, month, daysInMonth(year, month));
}

/**
 * The twelve months of a BE fiscal year, October first, as CE year and month.
 * @param fiscalYearBE e.g. 2565
 */
export function fiscalMonths(fiscalYearBE: number): { year: number; month: number }[] {
  const ce = beToCe(fiscalYearBE);
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((9 + i) % 12) + 1;
    return { year: m >= 10 ? ce - 1 : ce, month: m };
  });
}

/**
 * The day of the week of a day: 0 Sunday … 6 Saturday (day 0, 1 Jan 1970, was a Thursday).
 * @param day the day
 */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The same weekday of the same week of the same month, some years later (or earlier): FY 2565's
 * round 1, Friday 25 March 2022 (the fourth Friday), gives Friday 24 March 2023. A fifth week
 * the month does not have gives its last such weekday.
 * @param day the day
 * @param years how many years to move (negative: back)
 */
export function sameWeekdayOfMonth(day: Day, years: number): Day {
  const { year, month, day: d } = ymdOf(day);
  const week = Math.ceil(d / 7);
  const weekday = weekdayOf(day);
  const y = year + years;
  const first = dayOf(y, month, 1);
  const firstMatch = first + ((weekday - weekdayOf(first) + 7) % 7);
  let result = firstMatch + 7 * (week - 1);
  while (result > dayOf(y, month, daysInMonth(y, month))) result -= 7;
  return result;
}
