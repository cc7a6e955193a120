/**
 * How Sheets reads a string written by setValue / setValues / appendRow into a cell that is not
 * formatted as plain text ("@"): as if the user had typed it. The Sheets API states the rule for
 * its USER_ENTERED input ("strings may be converted to numbers, dates, etc. following the same
 * rules that are applied when entering text into a cell via the Google Sheets UI",
 * developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), and Apps Script writes
 * behave that way: "'01234' → 1234, '22 34' → 2234" (vlucas/sheetquery#20), "0001 → 1"
 * (theoephraim/node-google-spreadsheet#696), leading zeros lost in automatic cells
 * (burnash/gspread#231, google/hyou#4). A leading apostrophe or the "@" format keeps text.
 *
 * Modelled, in the spreadsheet's locale (day/month/year unless the locale is month-first):
 * - numbers: "0012" → 12, "1,234" → 1234 (groups of three only), "  12 " → 12, "-5", "+5",
 *   "1.5", ".5", "1e3", "22 34" → 2234 (digit groups joined by single spaces, as reported);
 *   "12%" → 0.12; a currency sign before the number ("฿1,200", "$5", "-$5") → the number;
 * - Thai digits (๐–๙) read as digits: unconfirmed whether Sheets does; modelled because it is
 *   the worse case for an add-on that copies officers' text;
 * - booleans "TRUE" / "false" (any case);
 * - dates "1/4" (1 April of the current year, th_TH), "25/03/2565" (a Date in CE year 2565:
 *   Sheets does not know Buddhist years), "25-03-2022", "1/2565" (month/year, day 1:
 *   unconfirmed, modelled as the worse case), "2022-03-25", "25 Mar 2022", "Mar 25, 2022";
 *   two-digit years 00–29 → 20xx, 30–99 → 19xx (the common spreadsheet window, unconfirmed);
 * - times "10:30", "10:30:15", "2:05 PM" (a Date on 30 Dec 1899, Sheets' day zero, as Apps Script
 *   returns time-only cells) and "date time" combinations. Dates are midnight in the
 *   spreadsheet time zone.
 * When the cell's format is automatic Sheets also gives it a number format matching the input
 * (a percent format for "12%", a date format for a date): that typed input does so is the
 * familiar UI behaviour; that script writes do too, and the exact patterns chosen here
 * ("0%", "0.00%", "d/m/yyyy", "yyyy-mm-dd", "h:mm:ss"), are unconfirmed. Currency input gets no
 * format here (Sheets applies a currency format whose pattern is unconfirmed).
 * Not modelled: Thai month names ("25 มี.ค. 2565"), durations over 24 h ("25:00"), accounting
 * negatives "(5)", locales with "," as the decimal separator.
 */
import { instantInZone, zonedParts } from './dates';
import type { Scalar } from './values';

/** Sheets' default locale for the add-on's users (File → Settings → Locale: Thailand). */
export const DEFAULT_LOCALE = 'th_TH';

/** What a typed string becomes. */
export interface ParsedInput {
  /** the stored value: the string itself when it is not parsed */
  value: Scalar;
  /** the number format Sheets gives a cell whose format is automatic, if any */
  format?: string;
}

/** The setting a string is read in. */
export interface ParseSettings {
  /** spreadsheet locale, e.g. "th_TH", "en_US" */
  locale: string;
  /** spreadsheet time zone, e.g. "Asia/Bangkok" */
  timeZone: string;
  /** "now", for the year of a date typed without one; default the real current time */
  now?: Date;
  /** false: text stays text (platform.ts `typedText: 'kept'`); default true */
  parse?: boolean;
  /** false: Thai digits are not digits (platform.ts `thaiDigits`); default true */
  thaiDigits?: boolean;
}

// Locales whose short dates put the month first (en_US: "4/1/2022" is 1 April 2022).
const MONTH_FIRST_LOCALES_ = new Set(['en_US', 'en_PH', 'es_US', 'fil_PH']);
const MONTHS_ = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const CURRENCY_ = '[$฿€£¥]';
const NUMBER_RE_ = new RegExp(
  `^([-+]?)(${CURRENCY_}?)([-+]?)((?:\\d{1,3}(?:,\\d{3})+|\\d+(?: \\d+)*)(?:\\.\\d*)?|\\.\\d+)((?:[eE][-+]?\\d+)?)(%?)$`,
);
const TIME_RE_ = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?$/;

/**
 * Thai digits (๐–๙) as ASCII digits.
 * @param text any text
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * A string as Sheets stores it when typed into a cell of automatic (or numeric/date) format.
 * @param text the written string (not a formula, no leading apostrophe)
 * @param settings locale, time zone, now
 */
export function parseTypedText(text: string, settings: ParseSettings): ParsedInput {
  if (settings.parse === false) return { value: text };
  const s = (settings.thaiDigits === false ? text : asciiDigits(text)).trim();
  if (s === '') return { value: text };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  return parseNumber_(s) ?? parseDateTime_(s, settings) ?? { value: text };
}

/**
 * A number, percentage or amount of money; null when the text is not one.
 * @param s trimmed text, ASCII digits
 */
function parseNumber_(s: string): ParsedInput | null {
  const m = NUMBER_RE_.exec(s);
  if (!m) return null;
  const [, sign1, currency, sign2, digits, exponent, percent] = m;
  if ((sign1 && sign2) || (sign2 && !currency) || (currency && percent)) return null;
  const magnitude = Number(digits.replace(/[, ]/g, '') + exponent);
  if (!Number.isFinite(magnitude)) return null;
  const value = (sign1 || sign2) === '-' ? -magnitude : magnitude;
  if (!percent) return { value: value === 0 ? 0 : value };
  return { value: value / 100, format: digits.includes('.') ? '0.00%' : '0%' };
}

interface DateFields_ {
  year: number;
  month: number;
  day: number;
  format: string;
}

interface TimeFields_ {
  hour: number;
  minute: number;
  second: number;
}

/**
 * A date, a time, or both; null when the text is none of them.
 * @param s trimmed text, ASCII digits
 * @param settings locale, time zone, now
 */
function parseDateTime_(s: string, settings: ParseSettings): ParsedInput | null {
  const time = parseTime_(s);
  if (time) {
    const value = instantInZone({ year: 1899, month: 12, day: 30, ...time }, settings.timeZone);
    return { value, format: 'h:mm:ss' };
  }
  const space = s.lastIndexOf(' ');
  const timePart = space > 0 ? parseTime_(s.slice(space + 1)) : null;
  const date = parseDate_(timePart ? s.slice(0, space).trim() : s, settings);
  if (!date) return null;
  const { year, month, day, format } = date;
  const value = instantInZone({ year, month, day, ...(timePart ?? {}) }, settings.timeZone);
  return { value, format: timePart ? `${format} h:mm:ss` : format };
}

/**
 * "10:30", "10:30:15", "2:05 PM" as clock fields; null otherwise.
 * @param s the text
 */
function parseTime_(s: string): TimeFields_ | null {
  const m = TIME_RE_.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  if (m[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/**
 * The date format Sheets gives a typed short date (unconfirmed pattern).
 * @param locale spreadsheet locale
 */
function shortDateFormat_(locale: string): string {
  return MONTH_FIRST_LOCALES_.has(locale) ? 'm/d/yyyy' : 'd/m/yyyy';
}

/**
 * A typed year: two digits map to 1930–2029.
 * @param text the digits
 */
function fullYear_(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * 1–12 for an English month name or its three-letter abbreviation ("Mar", "march"), else 0.
 * @param name the word
 */
function monthOf_(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS_.findIndex((m) => m === lower || m.slice(0, 3) === lower) + 1;
}

/**
 * A date in one of the typed forms (see the module header); null otherwise.
 * @param s the text
 * @param settings locale, time zone, now
 */
function parseDate_(s: string, settings: ParseSettings): DateFields_ | null {
  const currentYear = zonedParts(settings.now ?? new Date(), settings.timeZone).year;
  const short = shortDateFormat_(settings.locale);
  const monthFirst = MONTH_FIRST_LOCALES_.has(settings.locale);
  let m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (m) return valid_(Number(m[1]), Number(m[3]), Number(m[4]), 'yyyy-mm-dd');
  m = /^(\d{1,2})([-/])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const year = m[4] === undefined ? currentYear : fullYear_(m[4]);
    return monthFirst ? valid_(year, a, b, short) : valid_(year, b, a, short);
  }
  m = /^(\d{1,2})[/-](\d{4})$/.exec(s);
  if (m) return valid_(Number(m[2]), Number(m[1]), 1, short);
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9}\.?)(?:[ ,-]+(\d{4}|\d{2}))?$/.exec(s);
  if (m) {
    const year = m[3] === undefined ? currentYear : fullYear_(m[3]);
    return valid_(year, monthOf_(m[2]), Number(m[1]), 'd mmm yyyy');
  }
  m = /^([A-Za-z]{3,9}\.?) (\d{1,2})(?:,? (\d{4}|\d{2}))?$/.exec(s);
  if (m) {
    const year = m[3] === undefined ? currentYear : fullYear_(m[3]);
    return valid_(year, monthOf_(m[1]), Number(m[2]), 'd mmm yyyy');
  }
  return null;
}

/**
 * The fields when they name a real calendar day (31/02 is text, not 3 March).
 * @param year full year
 * @param month 1–12
 * @param day 1–31
 * @param format the number format the input implies
 */
function valid_(year: number, month: number, day: number, format: string): DateFields_ | null {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return null;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  if (probe.getUTCDate() !== day) return null;
  return { year, month, day, format };
}
