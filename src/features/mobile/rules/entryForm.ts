/**
 * An entry typed on the mobile page (src/features/mobile/action/entryForm.ts): what an officer types into the
 * form's fields becomes the cells of one row of the district's entry sheet, each cell the value
 * Sheets would keep had it been typed there (a date cell a date, a count a number, everything
 * else text exactly as typed). Whether the row counts is then the data check's rule
 * (features/dataCheck/rules/dataCheck.ts), not a second copy of it here.
 */
import { dateOfDay } from '../../../kernel/civilDate';
import { parseDate } from '../../../kernel/dateParse';
import {
  ACTIVITY_LAYOUT,
  type ActivityColumn,
  ONLINE_LAYOUT,
  type OnlineColumn,
} from '../../counting/rules/entryLayout';
import type { Layout } from '../../../kernel/layout';
import { parseNumber } from '../../../kernel/numbers';
import { fail, ok, type Parsed } from '../../../kernel/parsed';

/** Which entry sheet a form fills. */
export type EntryFormKind = 'activities' | 'online';

/** The largest cell Sheets keeps: "50,000 characters" in one cell (Sheets help, files you can store). */
export const MAX_CELL_CHARACTERS = 50_000;

/** The columns the form asks for, in the form's order (the district is the sheet's own). */
export const FORM_FIELDS: { readonly activities: readonly ActivityColumn[]; readonly online: readonly OnlineColumn[] } =
  {
    activities: ['date', 'activity', 'place', 'organiser', 'budget', 'operators', 'sales', 'link', 'note'],
    online: ['date', 'regNo', 'name', 'product', 'channel', 'link', 'sales', 'note'],
  };

/** Columns whose cells Sheets keeps as numbers when a number is typed there. */
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['operators', 'sales']);

/**
 * The layout of an entry sheet kind.
 * @param kind activities or online
 */
export function layoutOf(kind: EntryFormKind): Layout<string> {
  return (kind === 'activities' ? ACTIVITY_LAYOUT : ONLINE_LAYOUT) as Layout<string>;
}

/**
 * The cell value of one typed field, as Sheets keeps it when the officer types it into the cell:
 * a date (a text date the tally reads becomes a date cell), a number in the count and baht
 * columns when it reads as one, and otherwise the text as typed (a formula, markup or a long text
 * stays text: the writer makes it plain text, see kernel/cellText.ts). Blank stays blank.
 * @param column the column's key
 * @param typed what was typed
 * @return the value, or a Thai problem (a date that cannot be read, a text longer than a cell)
 */
export function cellValueOf(column: string, typed: string): Parsed<string | number | Date> {
  const text = typed.replace(/\r\n?/g, '\n');
  if (text.length > MAX_CELL_CHARACTERS) {
    return fail(
      `ข้อความยาว ${text.length.toLocaleString('en-US')} ตัวอักษร เกินที่ช่องหนึ่งเก็บได้ (${MAX_CELL_CHARACTERS.toLocaleString('en-US')} ตัวอักษร) ให้ย่อลง`,
    );
  }
  if (text.trim() === '') return ok('');
  if (column === 'date') {
    const day = parseDate(text.trim());
    return day.ok ? ok(dateOfDay(day.value)) : fail(day.problem);
  }
  if (NUMBER_COLUMNS.has(column)) {
    const number = parseNumber(text.trim());
    // What does not read as a number stays text, as typed: the data check says what is wrong.
    return ok(number.ok ? number.value : text);
  }
  return ok(text);
}

/**
 * The row of an entry sheet for a form's fields, in the sheet's own column order.
 * @param kind activities or online
 * @param fields the typed fields by column key (missing ones blank)
 * @param district the sheet's district (its district cell)
 * @param columns where the sheet has each column (-1: not there)
 * @param width the row's width (the sheet's header width, at least the layout's)
 * @return the row, or the Thai problems of fields that cannot become cells
 */
export function entryRowOf(
  kind: EntryFormKind,
  fields: Readonly<Record<string, string>>,
  district: string,
  columns: Readonly<Record<string, number>>,
  width: number,
): Parsed<unknown[]> {
  const layout = layoutOf(kind);
  const row: unknown[] = Array.from({ length: width }, () => '');
  const problems: string[] = [];
  for (const key of FORM_FIELDS[kind] as readonly string[]) {
    const at = columns[key];
    const typed = String(fields[key] ?? '');
    if (at === undefined || at < 0) {
      if (typed.trim() !== '') problems.push(`ชีตนี้ไม่มีคอลัมน์ "${headerOf(layout, key)}"`);
      continue;
    }
    const value = cellValueOf(key, typed);
    if (value.ok) row[at] = value.value;
    else problems.push(`${headerOf(layout, key)}: ${value.problem}`);
  }
  if (columns.district !== undefined && columns.district >= 0) row[columns.district] = district;
  return problems.length > 0 ? fail(problems.join('\n')) : ok(row);
}

/**
 * The header of a layout's column.
 * @param layout the layout
 * @param key the column's key
 */
export function headerOf(layout: Layout<string>, key: string): string {
  return layout.columns.find((c) => c.key === key)?.header ?? key;
}
