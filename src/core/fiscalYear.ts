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
 * BE year of a CE year.
 * @param yearCE e.g. 2022
 */
export function ceToBe(yearCE: number): number {
  return yearCE + BE_OFFSET;
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
