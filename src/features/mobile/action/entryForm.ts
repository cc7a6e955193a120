/**
 * Entries made on the mobile page (docs/mobile.md): a district officer adds an activity or an
 * online operator, or corrects a cell the data check pointed at, without the spreadsheet. The
 * row lands in the district's own entry sheet, in the sheet's own column order, each cell as
 * Sheets keeps what is typed there (features/mobile/rules/entryForm.ts); it is refused, in Thai and with nothing
 * written, when the data check (the same features/dataCheck/rules/dataCheck.ts, the same input as the sidebar's
 * check) finds a problem in it. Written as the caller: Google's protections of the sheet apply.
 * Whole or not at all, logged.
 */
import { columnNumber } from '../../../kernel/cellAddress';
import { dayOfDate, isDate, ymdOf } from '../../../kernel/civilDate';
import { dataCheck } from '../../dataCheck/rules/dataCheck';
import { BUDGET_VALUES } from '../../counting/rules/entryLayout';
import { cellValueOf, type EntryFormKind, entryRowOf, FORM_FIELDS, headerOf, layoutOf } from '../rules/entryForm';
import { mapColumns } from '../../../kernel/layout';
import { OfficerError } from '../../../kernel/officerError';
import { a1 } from '../../../kernel/a1';
import type { Workbook, WorkbookReads } from '../../../app/door/door';
import { nowText } from '../../../app/clock';
import { CLAIMS_KEY, dataCheckInput } from '../../dataCheck/action/dataCheck';
import { type Caller, requireOfficer } from '../../../app/roles';
import type { WorkbookRead } from '../../../app/workbookRead';

/** The data check's claims as kept (CLAIMS_KEY): the check's input. */
type Claims_ = Record<string, string[]>;

/** A field of the form. */
export interface FormField {
  readonly key: string;
  /** The sheet's header, Thai. */
  readonly label: string;
  /** What to type, Thai ('' when nothing to say). */
  readonly help: string;
  readonly required: boolean;
}

/** What the mobile page's entry form offers: sidebarEntryForm(). */
export interface EntryFormView {
  /** The districts the caller may add entries for (their own; every district for the province). */
  readonly districts: readonly string[];
  /** The channel names of the criteria sheet's table. */
  readonly channels: readonly string[];
  readonly budgetValues: readonly string[];
  readonly activities: readonly FormField[];
  readonly online: readonly FormField[];
}

/** After an entry was added or corrected. */
export interface EntryResult {
  readonly message: string;
  readonly sheet: string;
  /** The cell written first, e.g. A12. */
  readonly cell: string;
}

/** A cell the data check pointed at, as the page shows it for correcting: sidebarEntryCell(). */
export interface EntryCellView {
  readonly sheet: string;
  readonly cell: string;
  /** The column's header, Thai. */
  readonly label: string;
  /** The value as text (a date as dd/mm/yyyy BE); send it back with the correction. */
  readonly shown: string;
}

/**
 * The entry form's fields and choices.
 * @param workbook the workbook's reads, through the door
 */
export function entryFormView(workbook: WorkbookReads): EntryFormView {
  const config = workbook.readConfig();
  const who = workbook.caller(config.settings);
  const fields = (kind: EntryFormKind): FormField[] => {
    const layout = layoutOf(kind);
    return (FORM_FIELDS[kind] as readonly string[]).map((key) => {
      const column = layout.columns.find((c) => c.key === key);
      return {
        key,
        label: headerOf(layout, key),
        help: column?.validation?.help ?? column?.note ?? '',
        required: column?.required === true,
      };
    });
  };
  return {
    districts: who.role === 'province' ? [...config.districts] : [...who.districts],
    channels: config.channelRows.map((r) => String(r[0] ?? '').trim()).filter(Boolean),
    budgetValues: [...BUDGET_VALUES],
    activities: fields('activities'),
    online: fields('online'),
  };
}

/**
 * Adds a row to a district's activities or online sheet.
 * @param workbook the workbook, through the door
 * @param now the current time
 * @param kind activities or online
 * @param fields what was typed, by column key
 * @param requested the district (the province's choice, or an officer's second district)
 */
export function addEntry(
  workbook: Workbook,
  now: Date,
  kind: EntryFormKind,
  fields: Readonly<Record<string, string>>,
  requested?: string,
): EntryResult {
  return workbook.open((door) => {
    const book = door.readWorkbook();
    const what = kind === 'activities' ? 'การเพิ่มกิจกรรม' : 'การเพิ่มผู้ประกอบการออนไลน์';
    const who = door.caller(book.settings);
    const district = districtFor_(who, book, requested, what);
    // the data check below reads every district's sheets: all in one batch, the caller's with them
    book.readDistricts?.(book.districtsRead);
    const { own, read, index } = entrySheet_(book, kind, district);
    const header = read.values[0] ?? [];
    const map = mapColumns(layoutOf(kind), header);
    const width = Math.max(header.length, ...Object.values<number>(map.index).map((i) => i + 1));
    const row = entryRowOf(kind, fields, district, map.index, width);
    if (!row.ok) throw OfficerError.input(`${what}ไม่สำเร็จ:\n${row.problem}`);
    const target = door.lastEntryRow(book, own.name) + 1;
    const values: unknown[][] = read.values.map((r) => [...r]);
    while (values.length < target - 1) values.push([]);
    values[target - 1] = row.value;
    refuseProblems_(book, door.kept<Claims_>(CLAIMS_KEY, {}), now, index, kind, values, target, null, what);
    door.appendEntryRow(book, own.name, target, row.value);
    const title = kind === 'activities' ? 'เพิ่มกิจกรรม' : 'เพิ่มผู้ประกอบการออนไลน์';
    const first = String(fields[kind === 'activities' ? 'activity' : 'name'] ?? '').slice(0, 80);
    const detail = `${title} แถวที่ ${target} ชีต "${own.name}" (${first}) จากหน้าเว็บ`;
    door.appendLog(book, [[nowText(now), who.email, title, detail, 'สำเร็จ']]);
    return { message: `บันทึกแล้ว: ${title} แถวที่ ${target} ของชีต "${own.name}"`, sheet: own.name, cell: a1(target, 1) };
  });
}

/**
 * A cell of an entry sheet the caller may correct, as the page shows it.
 * @param workbook the workbook's reads, through the door
 * @param sheet the sheet's name
 * @param cell the cell, e.g. H5
 */
export function entryCell(workbook: WorkbookReads, sheet: string, cell: string): EntryCellView {
  const book = workbook.readWorkbook();
  const who = workbook.caller(book.settings);
  const found = cellOf_(book, who, sheet, cell, 'การแก้ไขข้อมูล');
  return { sheet: found.name, cell: found.cell, label: found.label, shown: shownText_(found.value) };
}

/**
 * Corrects one cell of an entry sheet: only when it still holds what the page showed (nothing
 * typed meanwhile is lost) and when the data check finds no problem left in that cell.
 * @param workbook the workbook, through the door
 * @param now the current time
 * @param sheet the sheet's name
 * @param cell the cell, e.g. H5
 * @param shown what the page showed in it (EntryCellView.shown)
 * @param typed the new value, as typed
 */
export function fixEntry(
  workbook: Workbook,
  now: Date,
  sheet: string,
  cell: string,
  shown: string,
  typed: string,
): EntryResult {
  return workbook.open((door) => {
    const what = 'การแก้ไขข้อมูล';
    const book = door.readWorkbook();
    const who = door.caller(book.settings);
    requireOfficer(who, what);
    // the data check below reads every district's sheets: all in one batch, the caller's with them
    book.readDistricts?.(book.districtsRead);
    const found = cellOf_(book, who, sheet, cell, what);
    if (shownText_(found.value) !== shown) {
      throw OfficerError.input(
        `${what}ไม่สำเร็จ: ช่อง ${found.cell} ของชีต "${found.name}" ถูกแก้เป็น ${JSON.stringify(shownText_(found.value))} ไปแล้ว ` +
          'ระหว่างที่หน้านี้เปิดอยู่ จึงไม่ได้เขียนทับ กรุณาโหลดหน้าใหม่แล้วดูอีกครั้ง',
      );
    }
    const value = cellValueOf(found.key, typed);
    if (!value.ok) throw OfficerError.input(`${what}ไม่สำเร็จ: ${found.label}: ${value.problem}`);
    const values = found.read.values.map((r) => [...r]);
    while (values.length < found.row) values.push([]);
    values[found.row - 1][found.column - 1] = value.value;
    const claims = door.kept<Claims_>(CLAIMS_KEY, {});
    refuseProblems_(book, claims, now, found.index, found.kind, values, found.row, found.column, what);
    door.writeEntryCell(book, found.name, found.row, found.column, value.value);
    const detail = `แก้ช่อง ${found.cell} ชีต "${found.name}" จาก ${JSON.stringify(shown.slice(0, 80))} จากหน้าเว็บ`;
    door.appendLog(book, [[nowText(now), who.email, 'แก้ไขข้อมูล', detail, 'สำเร็จ']]);
    return { message: `บันทึกแล้ว: แก้ช่อง ${found.cell} ของชีต "${found.name}"`, sheet: found.name, cell: found.cell };
  });
}

/**
 * The district the caller acts for: an officer's own (or another they are named for), any
 * district for the province; refused in Thai otherwise.
 */
function districtFor_(who: Caller, book: WorkbookRead, requested: string | undefined, what: string): string {
  requireOfficer(who, what);
  if (who.role === 'district') {
    if (requested === undefined || requested === who.district) return who.district;
    if (who.districts.includes(requested)) return requested;
    throw OfficerError.forbidden(
      `${what}ของ อ.${requested} ทำไม่ได้: ${who.email} ระบุไว้เฉพาะ อ.${who.districts.join(', อ.')} ในชีตตั้งค่า`,
    );
  }
  const names = book.districtsRead.map((d) => d.row.name);
  if (requested !== undefined && names.includes(requested)) return requested;
  throw OfficerError.input(`${what}: กรุณาเลือกอำเภอ (${names.join(', ')})`);
}

/** A district's entry sheet of a kind, as read, or a Thai refusal when it cannot be read. */
function entrySheet_(book: WorkbookRead, kind: EntryFormKind, district: string) {
  const index = book.districtsRead.findIndex((d) => d.row.name === district);
  const own = book.registry.one(kind, district);
  const read = index >= 0 ? book.districtsRead[index][kind] : null;
  if (!own || !read || read.name !== own.name) {
    const reason = index >= 0 ? book.districtsRead[index].unreadable : '';
    throw OfficerError.input(reason || `ไม่พบชีตของ อ.${district} ให้จังหวัดกด "ตั้งค่า / ซ่อมแซมสมุดงาน"`);
  }
  return { own, read, index };
}

/**
 * Refuses, in Thai, when the data check (with the claims as kept) finds a problem in the new row
 * (`column` null) or in the corrected cell, the sheet holding `values` instead of what it holds now.
 */
function refuseProblems_(
  book: WorkbookRead,
  claims: Claims_,
  now: Date,
  district: number,
  kind: EntryFormKind,
  values: unknown[][],
  row: number,
  column: number | null,
  what: string,
): void {
  const input = dataCheckInput(book, now, claims);
  const sheets = input.sheets.map((s) =>
    s.district === district && s.kind === kind ? { ...s, values, formulas: undefined } : s,
  );
  const target = sheets.find((s) => s.district === district && s.kind === kind)?.name;
  const problems = dataCheck({ ...input, sheets }).problems.filter(
    (p) => p.sheet === target && p.row === row && (column === null || p.column === column),
  );
  if (problems.length === 0) return;
  throw OfficerError.input(`${what}ไม่สำเร็จ ยังไม่ได้บันทึก:\n${[...new Set(problems.map((p) => p.message))].join('\n')}`);
}

/** A data cell of an entry sheet the caller may correct, or a Thai refusal. */
function cellOf_(book: WorkbookRead, who: Caller, sheet: string, cell: string, what: string) {
  requireOfficer(who, what);
  const own = book.registry.sheets.find(
    (s) => s.name === sheet && (s.mark.role === 'activities' || s.mark.role === 'online'),
  );
  if (!own) throw OfficerError.input(`${what}: "${sheet}" ไม่ใช่ชีตบันทึกข้อมูลของอำเภอ`);
  const district = own.mark.district ?? '';
  if (who.role === 'district' && !who.districts.includes(district)) {
    throw OfficerError.forbidden(
      `${what}ในชีต "${sheet}" ทำไม่ได้: ชีตนี้เป็นของ อ.${district} (${who.email} ระบุไว้เฉพาะ อ.${who.districts.join(', อ.')})`,
    );
  }
  const kind = own.mark.role as EntryFormKind;
  const { read, index } = entrySheet_(book, kind, district);
  const place = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(String(cell).trim().toUpperCase());
  const column = place ? columnNumber(place[1]) : 0;
  const row = place ? Number(place[2]) : 0;
  const header = read.values[0] ?? [];
  const map = mapColumns(layoutOf(kind), header);
  const key = (Object.entries<number>(map.index).find(([, at]) => at === column - 1) ?? [''])[0];
  if (row < 2 || !key || key === 'district') {
    throw OfficerError.input(`${what}: ช่อง ${cell} ไม่ใช่ช่องข้อมูลที่แก้จากหน้าเว็บได้ ให้แก้ในสมุดงาน`);
  }
  const value = read.values[row - 1]?.[column - 1] ?? '';
  return {
    read,
    index,
    kind,
    name: own.name,
    row,
    column,
    cell: a1(row, column),
    key,
    label: headerOf(layoutOf(kind), key),
    value,
  };
}

/** A cell's value as the page shows it: a date dd/mm/yyyy BE, anything else as text. */
function shownText_(value: unknown): string {
  if (isDate(value)) {
    const { year, month, day } = ymdOf(dayOfDate(value));
    return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year + 543}`;
  }
  return value === null || value === undefined ? '' : String(value);
}
