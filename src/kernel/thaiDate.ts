/** Thai month names and Thai Buddhist-Era date text, from an explicit table (not Intl: see docs/platform.md#dates-and-intl). */
import { BE_OFFSET, type Day, ymdOf } from './civilDate';
import { toThaiDigits } from './thaiDigits';

/** Full Thai month names, January first. */
export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];

/** Abbreviated Thai month names, January first. */
export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];

/** How a Thai date is written. */
export interface ThaiDateStyle {
  /** `long`: ๒๕ มีนาคม ๒๕๖๕; `short`: ๒๕ มี.ค. ๖๕. */
  form?: 'long' | 'short';
  /** Thai digits (default) or Arabic digits. */
  digits?: 'thai' | 'arabic';
}

/**
 * Writes a day as a Thai BE date, e.g. `๒๕ มีนาคม ๒๕๖๕`.
 * @param day the day
 * @param style long or short form, Thai or Arabic digits
 */
export function formatThaiDate(day: Day, style: ThaiDateStyle = {}): string {
  const { year, month, day: d } = ymdOf(day);
  const be = year + BE_OFFSET;
  const text =
    style.form === 'short'
      ? `${d} ${THAI_MONTHS_SHORT[month - 1]} ${String(be).slice(-2)}`
      : `${d} ${THAI_MONTHS[month - 1]} ${be}`;
  return style.digits === 'arabic' ? text : toThaiDigits(text);
}

/**
 * Writes a month as Thai text with its BE year, e.g. `มีนาคม ๒๕๖๕`.
 * @param year CE year
 * @param month 1–12
 * @param digits Thai (default) or Arabic digits
 */
export function formatThaiMonth(year: number, month: number, digits: 'thai' | 'arabic' = 'thai'): string {
  const text = `${THAI_MONTHS[month - 1]} ${year + BE_OFFSET}`;
  return digits === 'arabic' ? text : toThaiDigits(text);
}

/**
 * A day as the BE date text officers type and read, `25/03/2565` (day/month/BE year, Arabic
 * digits): what the add-on writes into the settings sheet as plain text. No Sheets number format
 * shows a BE year (none is documented; a date cell shows its CE year, 25/03/2022), so the text is
 * the date, and every reader parses it with the one date parser (dateParse.ts parseDate).
 * @param day the day
 */
export function beDateText(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year + BE_OFFSET}`;
}
