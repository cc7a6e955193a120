/**
 * Labels that name a year, derived from the fiscal year. The layouts declare their labels as the
 * letter wrote them for FY 2565, whose baseline is September 2564: `ฐาน ๒๕๖๔`,
 * `ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)`, `ส่งเสริมแล้ว ปี ๖๔`, and example dates of 2565 in notes
 * (`25/03/2565`, `๒๕ มี.ค. ๖๕`). For FY N the baseline year is N−1 and the example's N, and
 * every label the add-on writes says so (FY 2565's stay exactly the letter's); the readers accept
 * a label of any year (yearForms), so a workbook moved to another year is still read.
 */
import { toThaiDigits } from './thaiDigits';

/** The fiscal year the layouts' labels are written for (the letter's). */
export const LABEL_FISCAL_YEAR = 2565;

/** The years whose labels the readers accept: far enough either side of any year in use. */
const FORM_YEARS = { first: 2540, last: 2640 } as const;

/**
 * A year token in a label: the baseline's year (๒๕๖๔, ๖๔, 2564) or the fiscal year itself
 * (๒๕๖๕, ๖๕, 2565, as in an example date 25/03/2565), in full or its last two digits.
 */
const TOKEN = /๒๕๖[๔๕]|(?<![๐-๙])๖[๔๕](?![๐-๙])|(?<!\d)256[45](?!\d)/g;

/**
 * The baseline's BE year of a fiscal year: the year before it (FY 2565's baseline is September 2564).
 * @param fiscalYear BE fiscal year
 */
export function baselineYear(fiscalYear: number): number {
  return fiscalYear - 1;
}

/**
 * A label as it reads for a fiscal year: its baseline year tokens (๒๕๖๔, ๖๔) replaced.
 * @param text the label as declared (for FY 2565)
 * @param fiscalYear BE fiscal year
 */
export function yearLabel(text: string, fiscalYear: number): string {
  if (fiscalYear === LABEL_FISCAL_YEAR) return text;
  return text.replace(TOKEN, (token) => {
    const own = token.endsWith('๕') || token.endsWith('5');
    const year = own ? fiscalYear : baselineYear(fiscalYear);
    const text = token.length === 4 ? String(year) : String(year % 100).padStart(2, '0');
    return /\d/.test(token) ? text : toThaiDigits(text);
  });
}

/**
 * Whether a label names a year (has a year token), so that yearForms may give other forms.
 * @param text the label
 */
export function namesYear(text: string): boolean {
  // every token has digits: most labels have none, and skip the token's pattern (its lookbehinds)
  return DIGIT.test(text) && HAS_TOKEN.test(text);
}

const DIGIT = /[0-9๐-๙]/;

/** TOKEN without its g flag (test() then keeps no state between calls). */
const HAS_TOKEN = new RegExp(TOKEN.source);

/**
 * Every other year's form of a label (none when it names no year): what a reader accepts as the
 * same label.
 * @param text the label as declared (for FY 2565)
 */
export function yearForms(text: string): string[] {
  if (!namesYear(text)) return [];
  const forms: string[] = [];
  for (let y = FORM_YEARS.first; y <= FORM_YEARS.last; y++) {
    const form = yearLabel(text, y);
    if (form !== text) forms.push(form);
  }
  return [...new Set(forms)];
}

/**
 * A label with any year in Thai digits (four digits, or two standing alone) made `#`: two labels
 * that differ only in their years are equal so.
 * @param text the label
 */
export function yearNeutral(text: string): string {
  return text.replace(/[๐-๙]{4}|(?<![๐-๙])[๐-๙]{2}(?![๐-๙])|(?<!\d)2[45]\d\d(?!\d)/g, '#');
}
