/**
 * Reading dates as officers enter them: date cells, BE text dates as the letter writes them,
 * BE years typed into date cells. The text forms are one pattern, rendered for the parser
 * (JavaScript) and for the entry sheets' validation rule (Sheets' RE2 in REGEXMATCH), so a
 * text the sheet marks is exactly a text the tally cannot read.
 */
import { BE_OFFSET, BE_YEAR_FLOOR, type Day, dayOf, dayOfDate, isDate, isValidDate } from './civilDate';
import { fail, ok, type Parsed, quote } from './parsed';
import { madeOnFirstUse, Remembered } from './remembered';
import { cleanText } from './text';
import { THAI_MONTHS, THAI_MONTHS_SHORT } from './thaiDate';
import { toArabicDigits } from './thaiDigits';

/** How officers shorten month names in speech and chat (เมษา, ธันวา), in month order. */
const COLLOQUIAL_MONTHS = [
  'มกรา',
  'กุมภา',
  'มีนา',
  'เมษา',
  'พฤษภา',
  'มิถุนา',
  'กรกฎา',
  'สิงหา',
  'กันยา',
  'ตุลา',
  'พฤศจิกา',
  'ธันวา',
];
/** Weekday names after วัน, the longer spelling of Thursday first. */
const WEEKDAYS = ['จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'พฤหัส', 'ศุกร์', 'เสาร์', 'อาทิตย์'];

/**
 * Characters the pattern reads as space: white space, no-break space, and the invisible ones
 * officers paste without seeing them (those cleanText drops).
 */
const SPACE_CODES = [
  0x20, 0x09, 0x0a, 0x0d, 0xa0, 0xad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

/** A regular-expression dialect: JavaScript with the u flag, or RE2 as Sheets' REGEXMATCH reads it. */
type Dialect = 'js' | 're2';

/** A code point escaped for the dialect (`\u{200b}` in JavaScript, `\x{200b}` in RE2). */
function codePoint_(code: number, dialect: Dialect): string {
  const hex = code.toString(16);
  return dialect === 'js' ? `\\u{${hex}}` : `\\x{${hex}}`;
}

/** The pattern's pieces in one dialect. */
function pieces_(dialect: Dialect) {
  const s = `[${SPACE_CODES.map((c) => codePoint_(c, dialect)).join('')}]*`;
  const digit = '[0-9๐-๙]';
  const sep = `${s}[/.-]${s}`;
  const dot = `\\.?${s}`;
  const shortMonth = (name: string) =>
    name
      .split('.')
      .filter((p) => p !== '')
      .join(dot) + '\\.?';
  const months = [...THAI_MONTHS, ...COLLOQUIAL_MONTHS, ...THAI_MONTHS_SHORT.map(shortMonth)]
    // Longest first, so มีนาคม is not read as มีนา followed by junk.
    .sort((a, b) => b.length - a.length)
    .join('|');
  const prefix = `(?:วัน(?:${WEEKDAYS.join('|')})${s}(?:ที่)?${s}|วันที่${s})?`;
  const be = `(?:พ${dot}ศ${dot})?`;
  const numeric = `${digit}{1,2}${sep}${digit}{1,2}${sep}(?:${digit}{4}|${digit}{2})`;
  const iso = `${digit}{4}-${digit}{1,2}-${digit}{1,2}`;
  const named = `${digit}{1,2}${s}(?:${months})${s}${be}(?:${digit}{4}|${digit}{2})`;
  return { s, prefix, numeric, iso, named };
}

/**
 * dateTextPattern's patterns, made once per dialect: set-up compares every date column's
 * validation formula with one, and assembling it from the month names each time was most of that.
 */
const patterns_ = new Remembered((dialect: Dialect) => {
  const p = pieces_(dialect);
  return `^${p.s}${p.prefix}(?:${p.numeric}|${p.iso}|${p.named})${p.s}$`;
}, 2);

/**
 * The text dates the tally reads, as one anchored pattern in the dialect.
 * @param dialect 'js' for RegExp with the u flag, 're2' for REGEXMATCH
 * @return the pattern source
 */
export function dateTextPattern(dialect: Dialect): string {
  return patterns_.of(dialect);
}

/**
 * 1 Jan 1930 as a Sheets serial number (days since 30 Dec 1899). A number below it in the
 * dd/mm/yyyy column is a bare number typed there (12 shows as 11/01/1900), not a date anyone
 * meant: the tally refuses the number, so the rule marks it although its text looks like a date.
 */
const FIRST_MEANT_SERIAL = 10_959;

/**
 * The custom formula of an entry sheet's date column: blank, or a value whose displayed text
 * the tally reads (a date cell shows as dd/mm/yyyy, which the pattern reads) and not a bare
 * small number (FIRST_MEANT_SERIAL). Relative to the rule's first cell, as Sheets reads
 * custom-formula rules.
 * @param cell A1 of the column's first data cell, e.g. A2
 * @return the formula
 */
export function dateCheckFormula(cell: string): string {
  const readable = `REGEXMATCH(TO_TEXT(${cell}),"${dateTextPattern('re2')}")`;
  return `=OR(ISBLANK(${cell}),AND(${readable},NOT(AND(ISNUMBER(${cell}),${cell}<${FIRST_MEANT_SERIAL}))))`;
}

let gateMade_: RegExp | null = null;
/**
 * The gate a text must pass to be read as a date, built on first use: its pattern is assembled from the month names, which every
 * custom-function recalculation would otherwise pay at load, date or no date.
 */
function gate_(): RegExp {
  gateMade_ ??= new RegExp(dateTextPattern('js'), 'u');
  return gateMade_;
}

/** Month-name key (no dots or spaces) → month number, for full, short and colloquial names. */
const monthByKey_ = madeOnFirstUse<ReadonlyMap<string, number>>(
  () =>
    new Map(
      [...THAI_MONTHS, ...THAI_MONTHS_SHORT, ...COLLOQUIAL_MONTHS].map((name, i) => [monthKey_(name), (i % 12) + 1]),
    ),
);
const PREFIX = new RegExp(`^(?:วัน(?:${WEEKDAYS.join('|')})\\s*(?:ที่)?|วันที่)\\s*`);
const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WITH_MONTH_NAME = /^(\d{1,2})\s*(\D+?)\s*(?:พ\.?\s*ศ\.?\s*)?(\d{2}|\d{4})$/;

/**
 * Reads a date from a cell value. Accepted: a date value from 1930 on (a year above 2400 is a BE
 * year typed into a date cell, a year of 1930–1999 a two-digit BE year Sheets read as CE:
 * shortBeYearOf; earlier ones are bare numbers or times); text `25/03/2565`, `25-3-65`, `25.03.2022`, `2022-03-25`,
 * `25 มีนาคม 2565`, `๒๕ มี.ค. ๖๕`, `3 เมษา 65`, `วันที่ 25 มี.ค. พ.ศ. 2565`,
 * `วันศุกร์ที่ ๒๕ มีนาคม ๒๕๖๕`. Four-digit years above 2400 are BE, others CE; two-digit years
 * are BE (65 → 2565).
 * @param value the cell value
 * @return the day, or a Thai problem
 */
export function parseDate(value: unknown): Parsed<Day> {
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return fail('วันที่ไม่ถูกต้อง');
    // Before 1930 a "date" cell is a bare number or a time typed there (12 → 11/01/1900,
    // 10:30 → 30/12/1899): nobody meant it (the entry sheets' rule marks it too).
    if (value.getFullYear() < SHORT_YEAR_CE.first) return fail('เซลล์นี้เป็นตัวเลขหรือเวลา ไม่ใช่วันที่ (ใช้รูปแบบ 25/03/2565)');
    return dateCellDay_(value);
  }
  if (typeof value !== 'string') {
    if (value === '' || value === null || value === undefined) return fail('ไม่มีวันที่');
    return fail(`${quote(value)} ไม่ใช่วันที่ (ใช้รูปแบบ 25/03/2565)`);
  }
  const clean = cleanText(value);
  if (clean === '') return fail('ไม่มีวันที่');
  const parts = gate_().test(value) ? matchParts_(toArabicDigits(clean).replace(PREFIX, '')) : null;
  if (!parts) return fail(`${quote(value)} อ่านเป็นวันที่ไม่ได้ (ใช้รูปแบบ 25/03/2565)`);
  const year = ceYear_(parts.year, parts.yearDigits);
  if (!isValidDate(year, parts.month, parts.day)) {
    return fail(`${quote(value)} ไม่มีวันที่นี้ในปฏิทิน`);
  }
  return ok(dayOf(year, parts.month, parts.day));
}

/**
 * The day a date cell means. A cell whose year is a BE year (typed as 29/02/2568, or as
 * 29/02/68, which Sheets made 1968) was checked by Sheets against the wrong calendar year:
 * CE 2568 and 1968 are leap years, BE 2568 (CE 2025) is not, so the day must exist in the
 * year meant, or it is refused as a text date would be.
 */
function dateCellDay_(value: Date): Parsed<Day> {
  const shortBe = shortBeYearOf(value);
  const year = value.getFullYear();
  const beYear = shortBe ?? (year > BE_YEAR_FLOOR ? year : null);
  if (beYear === null) return ok(dayOfDate(value));
  const month = value.getMonth() + 1;
  const day = value.getDate();
  if (!isValidDate(beYear - BE_OFFSET, month, day)) {
    return fail(`${day}/${String(month).padStart(2, '0')}/${beYear} ไม่มีวันที่นี้ในปฏิทิน (พ.ศ. ${beYear})`);
  }
  return ok(dayOf(beYear - BE_OFFSET, month, day));
}

/** Years Sheets gives a two-digit year typed into a date cell (25/03/65 → 1965; unconfirmed window). */
const SHORT_YEAR_CE = { first: 1930, last: 1999 } as const;

/**
 * The BE year an officer meant when a date cell holds a year of 1930–1999: Sheets read the
 * two digits of a BE year typed as 25/03/65 as 1965, and no entry of this KPI is that old, so
 * it is BE 2565. Null for other dates.
 * @param date a date value from a cell
 */
export function shortBeYearOf(date: Date): number | null {
  const year = date.getFullYear();
  return year >= SHORT_YEAR_CE.first && year <= SHORT_YEAR_CE.last ? 2500 + (year % 100) : null;
}

/** Splits a text the gate accepted into day, month and year numbers. */
function matchParts_(text: string): { day: number; month: number; year: number; yearDigits: number } | null {
  let m = NUMERIC.exec(text);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), yearDigits: m[3].length };
  m = ISO.exec(text);
  if (m) return { day: Number(m[3]), month: Number(m[2]), year: Number(m[1]), yearDigits: 4 };
  m = WITH_MONTH_NAME.exec(text);
  if (m) {
    const month = monthByKey_().get(monthKey_(m[2]));
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
