/**
 * Sheet layouts declared once: each column's key, header, width, number format, dropdown and
 * note. Set-up builds a sheet from its layout, the readers find each column by its header
 * text wherever officers moved it (officers insert, move and add their own columns), and the
 * tests take their columns from the same declaration.
 */
import { isDate } from './civilDate';
import { Remembered } from './remembered';
import { cleanText, isBlank, nameKey } from './text';
import { namesYear, yearForms, yearLabel } from './yearLabels';

/** A dropdown or check on a column's data cells. */
export type ValidationDecl =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly allowInvalid: boolean; readonly help: string }
  /** Blank or a date the tally reads (a date cell, or a text date in a form it knows). */
  | { readonly kind: 'date'; readonly help: string }
  | { readonly kind: 'number'; readonly min: number; readonly help: string }
  | { readonly kind: 'url'; readonly help: string }
  /** A custom formula, given the A1 of the column's first data cell (rules are relative to it). */
  | { readonly kind: 'formula'; readonly formula: (firstCell: string) => string; readonly help: string }
  /** The names the sheet's own district goes by (filled in per sheet). */
  | { readonly kind: 'sheetDistrict'; readonly help: string }
  /** The names any of the workbook's districts goes by (filled in per workbook). */
  | { readonly kind: 'anyDistrict'; readonly help: string }
  /** The canonical channel names of the criteria sheet's table (filled in per workbook). */
  | { readonly kind: 'channels'; readonly help: string };

/** One column of a layout. */
export interface ColumnDecl<K extends string = string> {
  readonly key: K;
  readonly header: string;
  /** Other header texts read as this column (earlier wordings). */
  readonly aliases?: readonly string[];
  /** Width in pixels of a sheet set-up creates. */
  readonly width: number;
  /** Number format of the data cells, e.g. 'dd/mm/yyyy', '@' for text. */
  readonly format?: string;
  readonly validation?: ValidationDecl;
  /** A note on the header cell saying what to type. */
  readonly note?: string;
  /** The column decides what counts: without it the sheet cannot be counted. */
  readonly required?: boolean;
}

/** 0-based column of each key in one sheet; -1 when the sheet has no such column. */
export type ColumnIndex<K extends string> = Readonly<Record<K, number>>;

/** A declared layout. */
export interface Layout<K extends string> {
  /** What the sheet is, in Thai, for messages (e.g. กิจกรรม). */
  readonly title: string;
  readonly columns: readonly ColumnDecl<K>[];
  /** Where each column is in a sheet made by set-up (the declaration's order). */
  readonly at: ColumnIndex<K>;
  readonly width: number;
  readonly headers: readonly string[];
}

/**
 * A column whose aliases also hold every other year's form of its header, worked out when first
 * read: layouts are declared at the bundle's top level, which every custom-function
 * recalculation runs (a hundred years' forms of each such header were two thirds of it).
 * @param c the column as declared
 */
function withYearForms_<K extends string>(c: ColumnDecl<K>): ColumnDecl<K> {
  let aliases: { value: readonly string[] | undefined } | null = null;
  const column = { ...c };
  Object.defineProperty(column, 'aliases', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (aliases === null) {
        const forms = yearForms(c.header).filter((f) => !(c.aliases ?? []).includes(f));
        aliases = { value: forms.length > 0 ? [...(c.aliases ?? []), ...forms] : c.aliases };
      }
      return aliases.value;
    },
  });
  return column;
}

/**
 * Declares a layout; columns are in the order set-up writes them. Its columns are worked out
 * when first read: layouts are declared at the bundle's top level, which every custom-function
 * recalculation runs, and trying each header for a year's token there compiled the token's
 * patterns in every fresh context (docs/performance.md, "Cold start").
 * @param title what the sheet is, in Thai
 * @param declared the columns
 */
export function defineLayout<K extends string>(title: string, declared: readonly ColumnDecl<K>[]): Layout<K> {
  let columns: readonly ColumnDecl<K>[] | null = null;
  let at: ColumnIndex<K> | null = null;
  return {
    title,
    get columns() {
      // A header that names a year (the letter's ก.ย. ๖๔) is read in any year's form (yearLabels.ts).
      columns ??= declared.map((c) => (namesYear(c.header) ? withYearForms_(c) : c));
      return columns;
    },
    get at() {
      at ??= indexOf_(declared);
      return at;
    },
    width: declared.length,
    headers: declared.map((c) => c.header),
  };
}

/**
 * Each key's column in the declaration's order.
 * @param declared the columns
 */
function indexOf_<K extends string>(declared: readonly ColumnDecl<K>[]): ColumnIndex<K> {
  const at = {} as Record<K, number>;
  declared.forEach((c, i) => {
    at[c.key] = i;
  });
  return at;
}

/** Where a sheet's columns are, read from its header row. */
export interface ColumnMap<K extends string> {
  readonly index: ColumnIndex<K>;
  /** Declared columns the header row does not have. */
  readonly missing: readonly K[];
}

/** The comparison key of a header cell: spacing, case and digits ignored. */
function headerKey_(value: unknown): string {
  // Every row of a sheet is tried as a header (a sort may take the header along): a text's,
  // a number's and a date's key (its text built in the local zone) are each worked out once.
  if (typeof value === 'string') return textHeaderKeys_.of(value);
  if (typeof value === 'number') return numberHeaderKeys_.of(value);
  if (isDate(value)) return dateHeaderKeys_.of(value.getTime());
  return isBlank(value) ? '' : nameKey(cleanText(String(value)));
}

/** At most this many header keys of each kind are kept. */
const HEADER_KEYS_KEPT = 50000;
const textHeaderKeys_ = new Remembered(
  (text: string) => (isBlank(text) ? '' : nameKey(cleanText(text))),
  HEADER_KEYS_KEPT,
);
const numberHeaderKeys_ = new Remembered((n: number) => nameKey(cleanText(String(n))), HEADER_KEYS_KEPT);
const dateHeaderKeys_ = new Remembered((time: number) => nameKey(cleanText(String(new Date(time)))), HEADER_KEYS_KEPT);

/** Each layout's header and alias keys → its column (the first column that has that key). */
const headerKeysOf_ = new WeakMap<object, Map<string, string>>();

/**
 * A layout's header and alias keys, worked out once per layout.
 * @param layout the layout
 */
function headerKeys_<K extends string>(layout: Layout<K>): Map<string, K> {
  let byKey = headerKeysOf_.get(layout) as Map<string, K> | undefined;
  if (byKey === undefined) {
    byKey = new Map<string, K>();
    for (const c of layout.columns) {
      for (const text of [c.header, ...(c.aliases ?? [])]) {
        const k = headerKey_(text);
        if (!byKey.has(k)) byKey.set(k, c.key);
      }
    }
    headerKeysOf_.set(layout, byKey);
  }
  return byKey;
}

/**
 * Finds a layout's columns in a header row by their header text (or an alias); a header that
 * appears twice counts at its first place, and columns the layout does not declare are left
 * alone (officers' own columns).
 * @param layout the layout
 * @param header the sheet's header row
 */
export function mapColumns<K extends string>(layout: Layout<K>, header: readonly unknown[]): ColumnMap<K> {
  const byKey = headerKeys_(layout);
  const index = {} as Record<K, number>;
  for (const c of layout.columns) index[c.key] = -1;
  header.forEach((cell, i) => {
    const key = byKey.get(headerKey_(cell));
    if (key !== undefined && index[key] < 0) index[key] = i;
  });
  return { index, missing: layout.columns.filter((c) => index[c.key] < 0).map((c) => c.key) };
}

/** The first characters (UTF-16 units) a layout's header keys start with, and whether one is ASCII. */
interface HeaderStarts_ {
  readonly chars: ReadonlySet<number>;
  readonly ascii: boolean;
}

/** Each layout's HeaderStarts_, once per layout. */
const headerStartsOf_ = new WeakMap<object, HeaderStarts_>();

/**
 * The first characters a layout's header keys start with (see headerKeys_).
 * @param layout the layout
 */
function headerStarts_<K extends string>(layout: Layout<K>): HeaderStarts_ {
  let starts = headerStartsOf_.get(layout);
  if (starts === undefined) {
    const chars = new Set([...headerKeys_(layout).keys()].filter((k) => k !== '').map((k) => k.charCodeAt(0)));
    starts = { chars, ascii: [...chars].some((c) => c <= 0x7f) };
    headerStartsOf_.set(layout, starts);
  }
  return starts;
}

/** A character of a text outside ASCII and Thai (foldLookAlikes normalises such a text as NFKC). */
const NOT_ASCII_OR_THAI_ = /[\u0080-\u0dff\u0e80-\uffff]/;

/**
 * Whether a filled cell's header key surely starts with none of the given characters, told
 * from the cell without working out its key (most cells of a row of entries). A number's,
 * a boolean's or a date's key is its text's (String of it: digits, "Infinity", "NaN", "true",
 * an English day name first), lowercased, so it starts with an ASCII character. A text in
 * ASCII and Thai only whose first character is printable ASCII, a Thai consonant or a Thai
 * vowel written before or in line (not เ: "เเ" folds to "แ") keeps that character first
 * through cleanText (nothing to trim before it), spellingKey (it is neither dropped nor a Thai
 * digit; A–Z lowercased) and foldLookAlikes (no NFKC; each fold starts at a mark, ำ's
 * nikhahit or เ); any other text is left to its key.
 * @param cell a filled cell
 * @param starts the layout's header keys' first characters (headerStarts_)
 */
function surelyNotHeader_(cell: unknown, starts: HeaderStarts_): boolean {
  if (typeof cell === 'string') {
    const c = cell.charCodeAt(0);
    const plain = (c >= 0x21 && c <= 0x7e) || (c >= 0x0e01 && c <= 0x0e30) || (c >= 0x0e41 && c <= 0x0e46);
    if (!plain || NOT_ASCII_OR_THAI_.test(cell)) return false;
    return !starts.chars.has(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  }
  return !starts.ascii && (typeof cell === 'number' || typeof cell === 'boolean' || isDate(cell));
}

/**
 * True when a row is the layout's header row: it has at least two of the declared headers, and
 * they are at least half of its filled cells or at least half of the layout's columns (an
 * officer may have renamed or removed a few columns, and added any number of their own: the
 * year simulator's seed 4063 added eleven to a sheet of ten; a row of entries has none or one
 * cell that happens to read like a header, such as "อำเภอ" typed as the organiser).
 * @param layout the layout
 * @param row a sheet row
 */
export function isHeaderRow<K extends string>(layout: Layout<K>, row: readonly unknown[]): boolean {
  // The declared columns found (each once, as mapColumns finds them) and the filled cells,
  // counted in one pass: every row of a sheet is tried.
  const byKey = headerKeys_(layout);
  const starts = headerStarts_(layout);
  // made when a first declared column is found: most rows are data rows and find none
  let seen: Set<K> | null = null;
  let filled = 0;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell === '' || isBlank(cell)) continue;
    filled++;
    // most cells of a row of entries are told apart without their key, which would otherwise
    // be worked out (and remembered) for every distinct text of the sheet
    if (surelyNotHeader_(cell, starts)) continue;
    const key = byKey.get(headerKey_(cell));
    if (key === undefined) continue;
    if (seen === null) seen = new Set<K>();
    seen.add(key);
  }
  const found = seen === null ? 0 : seen.size;
  return found >= Math.min(2, layout.width) && (found * 2 >= filled || found * 2 >= layout.width);
}

/**
 * Why a sheet's columns cannot be read, in Thai, or '' when they can: its first row must be
 * the header row and have every required column.
 * @param layout the layout
 * @param header its first row
 * @param sheet how messages name the sheet, e.g. "ชีตกิจกรรมของ อ.ท่าบ่อ"
 */
export function columnProblem<K extends string>(layout: Layout<K>, header: readonly unknown[], sheet: string): string {
  const map = mapColumns(layout, header);
  if (!isHeaderRow(layout, header)) {
    return `แถวที่ 1 ของ${sheet}ไม่ใช่หัวตาราง (อาจถูกลบหรือถูกเรียงลงไปรวมกับข้อมูล) ให้กด "ตั้งค่า / ซ่อมแซมสมุดงาน" เพื่อใส่หัวตารางกลับ`;
  }
  const missing = layout.columns.filter((c) => c.required && map.missing.includes(c.key));
  if (missing.length === 0) return '';
  const names = missing.map((c) => `"${c.header}"`).join(', ');
  return `${sheet}ไม่มีคอลัมน์ ${names} ในแถวหัวตาราง (แถวที่ 1) จึงนับไม่ได้ ให้พิมพ์หัวคอลัมน์นี้กลับ หรือกด "ตั้งค่า / ซ่อมแซมสมุดงาน"`;
}

/**
 * The header text of a column, for messages.
 * @param layout the layout
 * @param key the column
 */
export function headerOf<K extends string>(layout: Layout<K>, key: K): string {
  return layout.columns[layout.at[key]].header;
}

/**
 * A layout as it reads for a fiscal year: its headers, notes and title with their year tokens
 * for that year (yearLabel), every year's form, the declared one included, still read as the column.
 * @param layout the layout as declared (for FY 2565, the letter's)
 * @param fiscalYear BE fiscal year
 */
export function yearLayout<K extends string>(layout: Layout<K>, fiscalYear: number): Layout<K> {
  const columns = layout.columns.map((c): ColumnDecl<K> => {
    const header = yearLabel(c.header, fiscalYear);
    const aliases = [...new Set([c.header, ...(c.aliases ?? [])])].filter((a) => a !== header);
    return { ...c, header, aliases, ...(c.note ? { note: yearLabel(c.note, fiscalYear) } : {}) };
  });
  return defineLayout(yearLabel(layout.title, fiscalYear), columns);
}
