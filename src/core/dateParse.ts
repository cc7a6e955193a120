/** Reading dates as officers enter them: date cells, BE text dates, BE years typed into date cells. */
import { BE_OFFSET, BE_YEAR_FLOOR, type Day, dayOf, dayOfDate, isDate, isValidDate } from './civilDate';
import { fail, ok, type Parsed, quote } from './parsed';
import { cleanText } from './text';
import { THAI_MONTHS, THAI_MONTHS_SHORT } from './thaiDate';
import { toArabicDigits } from './thaiDigits';

/** Month-name key (no dots or spaces) → month number, for full and abbreviated Thai names. */
const MONTH_BY_KEY: ReadonlyMap<string, number> = new Map(
  [...THAI_MONTHS, ...THAI_MONTHS_SHORT].map((name, i) => [monthKey_(name), (i % 12) + 1]),
);

const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WITH_MONTH_NAME = /^(\d{1,2})\s*([^\d\s]+(?:\s*[^\d\s]+)*?)\s*(?:พ\.?\s*ศ\.?\s*)?(\d{2}|\d{4})$/;

/**
 * Reads a date from a cell value. Accepted: a date value (a year above 2400 is a BE year typed
 * into a date cell); text `25/03/2565`, `25-3-65`, `25.03.2022`, `2022-03-25`,
 * `25 มีนาคม 2565`, `๒๕ มี.ค. ๖๕`, `วันที่ 25 มี.ค. พ.ศ. 2565`. Four-digit years above 2400
 * are BE, others CE; two-digit years are BE (65 → 2565).
 * @param value the cell value
 * @return the day, or a Thai problem
 */
export function parseDate(value: unknown): Parsed<Day> {
  if (isDate(value)) {
    return Number.isNaN(value.getTime()) ? fail('วันที่ไม่ถูกต้อง') : ok(dayOfDate(value));
  }
  if (typeof value !== 'string') {
    if (value === '' || value === null || value === undefined) return fail('ไม่มีวันที่');
    return fail(`${quote(value)} ไม่ใช่วันที่ (ใช้รูปแบบ 25/03/2565)`);
  }
  const text = toArabicDigits(cleanText(value)).replace(/^วันที่\s*/, '');
  if (text === '') return fail('ไม่มีวันที่');
  const parts = matchParts_(text);
  if (!parts) return fail(`${quote(value)} อ่านเป็นวันที่ไม่ได้ (ใช้รูปแบบ 25/03/2565)`);
  const year = ceYear_(parts.year, parts.yearDigits);
  if (!isValidDate(year, parts.month, parts.day)) {
    return fail(`${quote(value)} ไม่มีวันที่นี้ในปฏิทิน`);
  }
  return ok(dayOf(year, parts.month, parts.day));
}

/** Splits the text into day, month and year numbers, or null. */
function matchParts_(text: string): { day: number; month: number; year: number; yearDigits: number } | null {
  let m = NUMERIC.exec(text);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), yearDigits: m[3].length };
  m = ISO.exec(text);
  if (m) return { day: Number(m[3]), month: Number(m[2]), year: Number(m[1]), yearDigits: 4 };
  m = WITH_MONTH_NAME.exec(text);
  if (m) {
    const month = MONTH_BY_KEY.get(monthKey_(m[2]));
    if (month) return { day: Number(m[1]), month, year: Number(m[3]), yearDigits: m[3].length };
  }
  return null;
}

/** A two-digit year is BE 25xx; a four-digit year above 2400 is BE; otherwise CE. */
function ceYear_(year: number, digits: number): number {
  if (digits === 2) return 2500 + year - BE_OFFSET;
  return year > BE_YEAR_FLOOR ? year - BE_OFFSET : year;
}

/** A month name without dots and spaces, so `มี.ค.`, `มีค` and `มี.ค` are one key. */
function monthKey_(name: string): string {
  return name.replace(/[.\s]/g, '');
}
