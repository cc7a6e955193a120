/**
 * Calendar days as plain integers: days since 1970-01-01 of the proleptic Gregorian calendar.
 * A day has no time and no time zone, so comparisons and set keys are simple numbers.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Years above this one in a date are Buddhist-Era years (docs/domain.md#what-officers-type: "a year above 2400"). */
export const BE_YEAR_FLOOR = 2400;
/** BE = CE + 543. */
export const BE_OFFSET = 543;

/**
 * The day of a CE calendar date (proleptic Gregorian, any year). Integer arithmetic, no Date:
 * the tally calls this for every dated row. Algorithm: H. Hinnant, "days_from_civil"
 * (https://howardhinnant.github.io/date_algorithms.html).
 * @param year CE year
 * @param month 1–12
 * @param day 1–31 (0 or past the month's end count on from the month's first day)
 */
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // from 1 March
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The CE calendar date of a day.
 * @param day a Day
 */
export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * True when the numbers form a real calendar date (no 31 April, 29 February only in leap years).
 * @param year CE year
 * @param month 1–12
 * @param day 1–31
 */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * The number of days of a month.
 * @param year CE year
 * @param month 1–12
 */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * The day of a date value as the script's time zone sees it (Apps Script runs scripts in the
 * project's time zone, Asia/Bangkok here). A year above 2400 was typed in BE into a date cell
 * and is brought back to CE.
 * @param date a Date from a cell
 */
export function dayOfDate(date: Date): Day {
  const year = date.getFullYear();
  const ceYear = year > BE_YEAR_FLOOR ? year - BE_OFFSET : year;
  return dayOf(ceYear, date.getMonth() + 1, date.getDate());
}

/**
 * A Date at local midnight of the day, for writing into a date cell.
 * @param day a Day
 */
export function dateOfDay(day: Day): Date {
  const { year, month, day: d } = ymdOf(day);
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, d);
  return date;
}

/**
 * The ISO text yyyy-mm-dd of a day (CE), for `google.script.run`, which cannot carry Dates.
 * @param day a Day
 */
export function isoOfDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * True for a Date value, also one made in another global scope (a Date from the spreadsheet
 * service or another script file is not always `instanceof` this scope's Date).
 * @param value any value
 */
export function isDate(value: unknown): value is Date {
  // Most cells are texts or numbers: they are answered before the slower tag check.
  if (typeof value !== 'object' || value === null) return false;
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}
