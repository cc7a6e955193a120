/**
 * Makes a sheet match its spec (header, frozen rows, widths, formats, dropdowns, notes, size)
 * with a fixed number of calls per sheet, whatever its number of rows, and never writing over
 * what officers typed: the header is written only where row 1 is blank or already is the
 * header; a missing header row gets a new row above the data; a missing column is added at the
 * end; columns are found by their header wherever officers moved them, and their own columns
 * are left alone.
 */
import { headerOf, isHeaderRow, mapColumns } from '../kernel/layout';
import { isBlank } from '../kernel/text';
import { a1 } from '../kernel/a1';
import type { ColumnSpec, SheetSpec, Validation } from '../features/setup/sheets/sheetSpecs';
import { setFrozenRows, setRowCount } from './change';
import { applyRequests, newDataValidation } from './services';
import type { Undo } from './undo';
import type { SheetState, ValidationJson } from './sheetState';
import { nameOf, parentOf, rememberName, sheetIdOf } from './sheetName';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#efefef';

/** How many blank rows an entry sheet keeps below its last entry (grown by set-up). */
export const ROW_MARGIN = 200;

/** What syncing a sheet did. */
export interface SyncReport {
  /** True when something changed. */
  readonly changed: boolean;
  /** What officers should know, in Thai. */
  readonly notes: readonly string[];
  /** The sheet's number of columns after a fresh write (it set them), when known. */
  readonly columns?: number;
}

/**
 * A new sheet at the end of the workbook, its removal registered.
 * @param ss the workbook
 * @param name a free name (no sheet has it: the undo removes the sheet of that name)
 * @param undo where its removal is registered
 */
export function newSheet(ss: Spreadsheet, name: string, undo: Undo): Sheet {
  // Registered first: the sheet is removed whatever it was renamed to since, and one made by a
  // call that then failed (no sheet came back) is found by its name.
  let made: Sheet | null = null;
  undo.add(() => {
    const sheet = made ?? ss.getSheetByName(name);
    if (sheet) ss.deleteSheet(sheet);
  }, `ชีตใหม่ "${name}"`);
  made = ss.insertSheet(name, ss.getNumSheets());
  rememberName(made, name);
  return made;
}

/**
 * Deletes what an action stopped before its commit left: its marked sheets, and the completely
 * blank sheets it had made and not yet marked (a name it would give and no content). Nothing an
 * officer typed is in either; not undoable, as a deleted sheet cannot come back.
 * @param ss the workbook
 * @param marked the stopped action's marked sheets
 * @param madeByIt whether a name is one the action gives its new sheets
 * @return how many sheets were deleted
 */
export function deleteLeftovers(
  ss: Spreadsheet,
  marked: readonly Sheet[],
  madeByIt: (name: string) => boolean,
): number {
  const markedIds = new Set(marked.map((sheet) => sheet.getSheetId()));
  let deleted = 0;
  for (const sheet of ss.getSheets()) {
    if (markedIds.has(sheet.getSheetId())) continue;
    if (madeByIt(sheet.getName()) && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) {
      ss.deleteSheet(sheet);
      deleted++;
    }
  }
  for (const sheet of marked) {
    ss.deleteSheet(sheet);
    deleted++;
  }
  return deleted;
}

/**
 * A sheet for one of the add-on's generated sheets: a completely blank sheet of its name is
 * taken (a run stopped between making and marking it leaves one; nothing typed is in it), else
 * a new sheet, under a free form of `elsewhere` when another sheet has the name.
 * @param ss the workbook
 * @param name the sheet's name
 * @param undo where the new sheet's removal is registered
 * @param elsewhere the name to number when the name is taken (default "<name> (OTOP)")
 * @param absent no sheet has the name (the caller knows it from a read of every sheet's name):
 *   it is not asked
 */
export function blankOrNewSheet(
  ss: Spreadsheet,
  name: string,
  undo: Undo,
  elsewhere = `${name} (OTOP)`,
  absent = false,
): { sheet: Sheet; name: string } {
  const existing = absent ? null : ss.getSheetByName(name);
  if (existing && existing.getLastRow() === 0 && existing.getLastColumn() === 0) return { sheet: existing, name };
  const free = existing ? freeName(ss, elsewhere) : name;
  return { sheet: newSheet(ss, free, undo), name: free };
}

/**
 * A sheet name not yet taken: the name, or the name with (2), (3), … Each candidate is looked
 * up by name, so the calls do not grow with the number of sheets.
 * @param ss the workbook
 * @param name the wanted name
 */
export function freeName(ss: Spreadsheet, name: string): string {
  let candidate = name;
  for (let n = 2; ss.getSheetByName(candidate) !== null; n++) candidate = `${name} (${n})`;
  return candidate;
}

/**
 * Sheets API requests setting a sheet's first columns' widths, one per run of equal widths.
 * @param sheetId the sheet's id
 * @param widths widths in pixels, from column A
 */
export function columnWidthRequests(
  sheetId: number,
  widths: readonly number[],
): GoogleAppsScript.Sheets.Schema.Request[] {
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  for (let start = 0; start < widths.length; ) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: start, endIndex: end },
        properties: { pixelSize: widths[start] },
        fields: 'pixelSize',
      },
    });
    start = end;
  }
  return requests;
}

/** Runs of equal widths up to which SpreadsheetApp's one call a run costs no more than the API's. */
const FEW_RUNS = 3;

/**
 * Sets the widths of a new sheet's first columns: one call per run of equal widths, or, for
 * more runs than that costs, one Sheets API batchUpdate (with a flush and, once per
 * execution, the sheet's and the workbook's ids and the sheet's workbook).
 * @param sheet the sheet
 * @param widths widths in pixels, from column A
 */
export function setColumnWidths(sheet: Sheet, widths: readonly number[]): void {
  const runs = widths.filter((w, i) => i === 0 || w !== widths[i - 1]).length;
  if (runs > FEW_RUNS) {
    applyRequests(parentOf(sheet), columnWidthRequests(sheetIdOf(sheet), widths));
    return;
  }
  for (let start = 0; start < widths.length; ) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    sheet.setColumnWidths(start + 1, end - start, widths[start]);
    start = end;
  }
}

/** How a sheet came to be: made in this run, made by a run stopped before it finished, or there before. */
export type Made = 'new' | 'unfinished' | 'existing';

/**
 * Applies a spec. A sheet created in this run is written straight, without reading it back
 * (its removal undoes everything). An existing sheet is repaired: only what differs changes
 * (so a repeat set-up changes nothing), each change registering the old state, column widths
 * are left as officers set them, and typed cells are never written.
 * A sheet a stopped run made and never finished is written straight too while it holds no rows,
 * else repaired and given its column widths (nobody set them).
 * @param sheet the sheet
 * @param spec its spec
 * @param undo where the old state is registered
 * @param made 'new' (created in this run), 'unfinished' (by a stopped run) or 'existing'
 * @param sized whether the sheet is kept to its content plus ROW_MARGIN rows (entry sheets)
 */
export function applySheetSpec(sheet: Sheet, spec: SheetSpec, undo: Undo, made: Made, sized = false): SyncReport {
  if (made === 'new' || (made === 'unfinished' && sheet.getLastRow() <= 1)) {
    return { changed: true, notes: [], columns: writeFresh_(sheet, spec, sized) };
  }
  if (made === 'unfinished') {
    setColumnWidths(
      sheet,
      spec.columns.map((c) => c.width),
    );
  }
  const notes: string[] = [];
  let changed = false;
  const width = Math.max(sheet.getLastColumn(), 1);
  let first = sheet.getRange(1, 1, 1, width).getValues()[0];
  if (first.every((v) => isBlank(v))) {
    const header = sheet.getRange(1, 1, 1, spec.columns.length);
    undo.add(() => header.clearContent(), `หัวตารางของชีต "${nameOf(sheet)}"`);
    header.setValues([spec.columns.map((c) => c.header)]);
    first = spec.columns.map((c) => c.header);
    changed = true;
  } else if (!isHeaderRow(spec.layout, first)) {
    const headers = spec.columns.map((c) => c.header);
    const rows = sheet.getMaxRows();
    // Only the row set-up added goes: the sheet has one row more, and row 1 is blank or the header.
    undo.add(
      () => {
        if (sheet.getMaxRows() !== rows + 1) return;
        const top = sheet.getRange(1, 1, 1, headers.length).getValues()[0];
        if (top.every((v, i) => isBlank(v) || v === headers[i])) sheet.deleteRow(1);
      },
      `แถวหัวตารางที่เพิ่มในชีต "${nameOf(sheet)}"`,
    );
    sheet.insertRowsBefore(1, 1);
    sheet.getRange(1, 1, 1, spec.columns.length).setValues([spec.columns.map((c) => c.header)]);
    first = spec.columns.map((c) => c.header);
    notes.push(
      `ชีต "${nameOf(sheet)}": แถวที่ 1 ไม่ใช่หัวตาราง (หัวตารางถูกลบหรือถูกเรียงลงไป) จึงแทรกแถวหัวตารางใหม่ไว้ด้านบน ข้อมูลเดิมอยู่ครบ`,
    );
    changed = true;
  }
  const map = mapColumns(spec.layout, first);
  const index = { ...map.index } as Record<string, number>;
  if (spec.fixed) {
    changed = fixedHeader_(sheet, spec, first, undo, notes) || changed;
    spec.columns.forEach((c, i) => {
      index[c.key] = i;
    });
  } else if (map.missing.length > 0) {
    const at = Math.max(first.length, lastFilled_(first) + 1);
    const need = at + map.missing.length - sheet.getMaxColumns();
    if (need > 0) {
      const max = sheet.getMaxColumns();
      undo.add(
        () => {
          if (sheet.getMaxColumns() === max + need) sheet.deleteColumns(max + 1, need);
        },
        `คอลัมน์ที่เพิ่มในชีต "${nameOf(sheet)}"`,
      );
      sheet.insertColumnsAfter(max, need);
    }
    const added = sheet.getRange(1, at + 1, 1, map.missing.length);
    undo.add(() => added.clearContent(), `หัวคอลัมน์ที่เพิ่มในชีต "${nameOf(sheet)}"`);
    added.setValues([map.missing.map((key) => headerOf(spec.layout, key))]);
    map.missing.forEach((key, i) => {
      index[key] = at + i;
    });
    notes.push(
      `ชีต "${nameOf(sheet)}": ไม่พบคอลัมน์ ${map.missing.map((k) => `"${headerOf(spec.layout, k)}"`).join(', ')} จึงเพิ่มไว้ท้ายตาราง (คอลัมน์เดิมอยู่ครบ)`,
    );
    changed = true;
  }
  changed = styleHeader_(sheet, spec, index, undo) || changed;
  changed = setFrozenRows(sheet, spec.frozenRows, undo) || changed;
  const tab = sheet.getTabColor();
  if (spec.tab && (tab ?? '').toLowerCase() !== spec.tab.toLowerCase()) {
    undo.add(() => sheet.setTabColor(tab));
    sheet.setTabColor(spec.tab);
    changed = true;
  }
  if (sized) changed = fitRows(sheet, ROW_MARGIN, undo) || changed;
  const dataRows = sheet.getMaxRows() - spec.frozenRows;
  if (dataRows > 0) changed = repairColumns_(sheet, spec, index, dataRows, undo) || changed;
  return { changed, notes };
}

/** What a sheet lacks of its spec that can be repaired from one read of it (repairGaps). */
export interface SpecGaps {
  /** The header's notes differ (a new fiscal year's labels): the columns' indexes in the header. */
  readonly notes: { readonly index: Readonly<Record<string, number>> } | null;
  /** A sized sheet has more blank rows than twice the margin (rows removed; too few is applySheetSpec's). */
  readonly size: boolean;
}

/**
 * What an existing sheet lacks of its spec, judged from one read of its facts (sheetState.ts)
 * without a call: its header (not blank, the layout's, no column missing; a fixed one with no
 * blank or other year's label), the header's bold, grey and notes, the frozen rows, the tab
 * colour, the size (sized sheets) and every data cell's number format and the dropdown of each
 * column's first and last data cells. Null when anything differs that only applySheetSpec
 * repairs, or that it cannot judge here (a formula or a number in the header, a sheet the read
 * left out, a rule written another way): the caller runs applySheetSpec, which reads and
 * repairs the SpreadsheetApp way, so a difference between the API's answer and SpreadsheetApp's
 * costs calls, never a repair left undone. Else the header's notes and the size, each when it
 * differs (neither: the spec holds, nothing to do). A fiscal year's switch changes the year in
 * the notes of every entry sheet and empties them: those two are repaired from the read
 * (repairGaps) in two calls each rather than twenty.
 * @param facts the sheet as read (undefined: not read)
 * @param spec its spec
 * @param sized whether the sheet is kept to its content plus ROW_MARGIN rows
 */
export function specGaps(facts: SheetState | undefined, spec: SheetSpec, sized = false): SpecGaps | null {
  if (!facts) return null;
  const width = Math.max(facts.lastColumn, 1);
  const first: unknown[] = [];
  for (let c = 1; c <= width; c++) {
    const v = facts.typed(1, c);
    // a string as getValues gives it; anything else is judged the SpreadsheetApp way
    if (v !== '' && typeof v !== 'string') return null;
    first.push(v);
  }
  if (first.every((v) => isBlank(v)) || !isHeaderRow(spec.layout, first)) return null;
  const index: Record<string, number> = {};
  if (spec.fixed) {
    const open = spec.columns.some((c, i) => isBlank(first[i]) || (c.forms ?? []).includes(String(first[i]).trim()));
    if (open) return null;
    spec.columns.forEach((c, i) => {
      index[c.key] = i;
    });
  } else {
    const map = mapColumns(spec.layout, first);
    if (map.missing.length > 0) return null;
    Object.assign(index, map.index);
  }
  let noted = true;
  for (const c of spec.columns) {
    const col = index[c.key] + 1;
    if (!facts.bold(1, col) || facts.background(1, col) !== HEADER_BACKGROUND) return null;
    if (facts.note(1, col) !== (c.note ?? '')) noted = false;
  }
  if (facts.frozenRows !== spec.frozenRows) return null;
  if (spec.tab && (facts.tabColor ?? '') !== spec.tab.toLowerCase()) return null;
  let size = false;
  if (sized) {
    const wanted = Math.max(facts.lastRow, 1) + ROW_MARGIN;
    // rows to add need their columns' formats and dropdowns too: only applySheetSpec adds them
    if (facts.maxRows < wanted) return null;
    size = facts.maxRows > wanted + ROW_MARGIN;
  }
  const top = spec.frozenRows + 1;
  const gaps = { notes: noted ? null : { index }, size };
  // the data cells below are judged over the rows there now (a resize adds none with content)
  if (facts.maxRows < top) return gaps;
  for (const c of spec.columns) {
    const col = index[c.key] + 1;
    if (c.format) {
      for (let r = top; r <= facts.maxRows; r++) if (facts.format(r, col) !== c.format) return null;
    }
    if (c.validation) {
      const cell = a1(top, col);
      if (!validationIs_(facts.validation(top, col), c.validation, cell, false)) return null;
      if (!validationIs_(facts.validation(facts.maxRows, col), c.validation, cell, true)) return null;
    }
  }
  return gaps;
}

/**
 * Repairs what specGaps found from the same read, without reading the sheet again: the header's
 * notes in one write (the old ones, as read, registered), and a sized sheet's surplus rows
 * removed by fitRows, which asks for its last row just before (officers type while set-up
 * runs: the read's last row may be old by then; the rows kept keep their formats).
 * @param sheet the sheet
 * @param spec its spec
 * @param facts the sheet as read
 * @param gaps what specGaps found
 * @param undo where the old state is registered
 */
export function repairGaps(sheet: Sheet, spec: SheetSpec, facts: SheetState, gaps: SpecGaps, undo: Undo): void {
  if (gaps.notes) {
    const { index } = gaps.notes;
    const width = Math.max(...Object.values(index)) + 1;
    const old = Array.from({ length: width }, (_, c) => facts.note(1, c + 1));
    const next = [...old];
    for (const c of spec.columns) next[index[c.key]] = c.note ?? '';
    const header = sheet.getRange(1, 1, 1, width);
    undo.add(() => header.setNotes([old]), `หมายเหตุหัวตารางของชีต "${nameOf(sheet)}"`);
    header.setNotes([next]);
  }
  // the last row asked again just before: rows typed or pasted since the read are kept
  if (gaps.size) fitRows(sheet, ROW_MARGIN, undo);
}

/**
 * Whether a rule read through the API is the spec's (condition, values, strictness, help; a
 * list shown as a dropdown), as validation_ builds it (Sheets API reference,
 * DataValidationRule and ConditionType: ONE_OF_LIST, NUMBER_GREATER_THAN_EQ, TEXT_IS_URL,
 * CUSTOM_FORMULA). Below the first cell a custom formula is not compared (sameValidation_).
 * @param rule the rule read (null: none)
 * @param spec the spec's rule
 * @param firstCell A1 of the column's first data cell
 * @param below the cell is below the first
 */
function validationIs_(rule: ValidationJson | null, spec: Validation, firstCell: string, below: boolean): boolean {
  if (!rule) return false;
  const values = (rule.condition?.values ?? []).map((v) => v.userEnteredValue ?? '');
  const same = (want: readonly string[]) => JSON.stringify(values) === JSON.stringify(want);
  const type = rule.condition?.type;
  const help = (rule.inputMessage ?? '') === spec.help;
  switch (spec.kind) {
    case 'list':
      return (
        type === 'ONE_OF_LIST' &&
        same(spec.values) &&
        rule.showCustomUi === true &&
        (rule.strict === true) === !spec.allowInvalid &&
        help
      );
    case 'number':
      return type === 'NUMBER_GREATER_THAN_EQ' && same([String(spec.min)]) && rule.strict !== true && help;
    case 'url':
      return type === 'TEXT_IS_URL' && values.length === 0 && rule.strict !== true && help;
    case 'formula':
      return type === 'CUSTOM_FORMULA' && (below || same([spec.formula(firstCell)])) && rule.strict !== true && help;
  }
  return false;
}

/**
 * The header of a sheet whose columns are fixed: a declared header is written where its cell
 * is blank or holds the add-on's label of another fiscal year; a cell holding something else is
 * left and pointed out.
 */
function fixedHeader_(sheet: Sheet, spec: SheetSpec, first: readonly unknown[], undo: Undo, notes: string[]): boolean {
  // Blank, or the add-on's own label in another year's form (ก.ย. ๖๔ in FY 2566): written.
  const blank = spec.columns.map((c, i) => isBlank(first[i]) || (c.forms ?? []).includes(String(first[i]).trim()));
  const other = spec.columns.filter((column, i) => !blank[i] && String(first[i]).trim() !== column.header);
  for (const c of other) {
    notes.push(`ชีต "${nameOf(sheet)}": หัวคอลัมน์ "${c.header}" ถูกเปลี่ยนเป็นอย่างอื่น (ส่วนเสริมไม่เขียนทับ ตารางยังใช้ได้)`);
  }
  if (!blank.some(Boolean)) return false;
  const header = sheet.getRange(1, 1, 1, spec.columns.length);
  const old = spec.columns.map((_, i) => first[i] ?? '');
  undo.add(
    () => header.setValues([old.map((v) => (typeof v === 'string' && v ? `'${v}` : v))]),
    `หัวตารางของชีต "${nameOf(sheet)}"`,
  );
  header.setValues([spec.columns.map((c, i) => (blank[i] ? c.header : first[i]))]);
  return true;
}

/**
 * Writes a new sheet's header, formats, dropdowns, widths and size: the header's values and
 * notes through SpreadsheetApp, the rest in one Sheets API batchUpdate, applied "together
 * atomically" (Sheets API reference, spreadsheets/batchUpdate): the header's bold and grey, the
 * frozen rows and tab colour (UpdateSheetPropertiesRequest), the columns and rows beyond the
 * layout removed (DeleteDimensionRequest), the widths, and each column's number format
 * (RepeatCellRequest) and dropdown (SetDataValidationRequest, a custom formula relative to the
 * range's first cell, as Range.setDataValidation reads it). About 35 SpreadsheetApp calls a
 * sheet before (issue 23); the sheet is new, so its removal still undoes all of it.
 */
function writeFresh_(sheet: Sheet, spec: SheetSpec, sized: boolean): number {
  const columns = spec.columns;
  const header = sheet.getRange(1, 1, 1, columns.length);
  header.setValues([columns.map((c) => c.header)]).setNotes([columns.map((c) => c.note ?? '')]);
  const sheetId = sheetIdOf(sheet);
  const frozen = spec.frozenRows;
  const maxColumns = sheet.getMaxColumns();
  const maxRows = sheet.getMaxRows();
  const rows = sized && maxRows > frozen + ROW_MARGIN ? frozen + ROW_MARGIN : maxRows;
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [
    {
      repeatCell: {
        range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: columns.length },
        cell: { userEnteredFormat: { textFormat: { bold: true }, backgroundColor: colorOf_(HEADER_BACKGROUND) } },
        fields: 'userEnteredFormat.textFormat.bold,userEnteredFormat.backgroundColor',
      },
    },
    {
      updateSheetProperties: {
        properties: {
          sheetId,
          gridProperties: { frozenRowCount: frozen },
          ...(spec.tab ? { tabColor: colorOf_(spec.tab) } : {}),
        },
        fields: spec.tab ? 'gridProperties.frozenRowCount,tabColor' : 'gridProperties.frozenRowCount',
      },
    },
  ];
  if (maxColumns > columns.length) {
    requests.push({
      deleteDimension: { range: { sheetId, dimension: 'COLUMNS', startIndex: columns.length, endIndex: maxColumns } },
    });
  }
  if (rows < maxRows) {
    requests.push({ deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: rows, endIndex: maxRows } } });
  }
  requests.push(
    ...columnWidthRequests(
      sheetId,
      columns.map((c) => c.width),
    ),
  );
  if (rows > frozen) {
    columns.forEach((c, i) => {
      const range = { sheetId, startRowIndex: frozen, endRowIndex: rows, startColumnIndex: i, endColumnIndex: i + 1 };
      if (c.format) {
        requests.push({
          repeatCell: {
            range,
            cell: { userEnteredFormat: { numberFormat: { pattern: c.format } } },
            fields: 'userEnteredFormat.numberFormat',
          },
        });
      }
      if (c.validation) {
        requests.push({ setDataValidation: { range, rule: validationRule_(c.validation, a1(frozen + 1, i + 1)) } });
      }
    });
  }
  applyRequests(parentOf(sheet), requests);
  return Math.min(maxColumns, columns.length);
}

/**
 * A '#rrggbb' colour as the API's Color (channels in [0, 1]).
 * @param hex the colour
 */
function colorOf_(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const channel = (i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return { red: channel(0), green: channel(1), blue: channel(2) };
}

/**
 * A dropdown or check as the API's DataValidationRule, the same rule validation_ builds
 * (Sheets API reference, DataValidationRule, ConditionType).
 * @param spec the rule
 * @param firstCell A1 of the column's first data cell (a custom formula is relative to it)
 */
function validationRule_(spec: Validation, firstCell: string): GoogleAppsScript.Sheets.Schema.DataValidationRule {
  const values = (list: readonly string[]) => list.map((v) => ({ userEnteredValue: v }));
  switch (spec.kind) {
    case 'list':
      return {
        condition: { type: 'ONE_OF_LIST', values: values(spec.values) },
        showCustomUi: true,
        strict: !spec.allowInvalid,
        inputMessage: spec.help,
      };
    case 'number':
      return {
        condition: { type: 'NUMBER_GREATER_THAN_EQ', values: values([String(spec.min)]) },
        inputMessage: spec.help,
      };
    case 'url':
      return { condition: { type: 'TEXT_IS_URL' }, inputMessage: spec.help };
    case 'formula':
      return {
        condition: { type: 'CUSTOM_FORMULA', values: values([spec.formula(firstCell)]) },
        inputMessage: spec.help,
      };
  }
}

/** The last non-blank cell of a row (-1 when none). */
function lastFilled_(row: readonly unknown[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i;
  return -1;
}

/** Bold, grey and annotated header cells of the layout's columns, where they are not. */
function styleHeader_(sheet: Sheet, spec: SheetSpec, index: Record<string, number>, undo: Undo): boolean {
  const width = Math.max(...Object.values(index)) + 1;
  const header = sheet.getRange(1, 1, 1, width);
  const weights = header.getFontWeights()[0];
  const backgrounds = header.getBackgrounds()[0];
  const notes = header.getNotes()[0];
  const wanted = (c: ColumnSpec) => index[c.key];
  const plain = spec.columns.some(
    (c) => weights[wanted(c)] !== 'bold' || backgrounds[wanted(c)].toLowerCase() !== HEADER_BACKGROUND,
  );
  const unnoted = spec.columns.some((c) => (notes[wanted(c)] ?? '') !== (c.note ?? ''));
  if (!plain && !unnoted) return false;
  const nextWeights = [...weights];
  const nextBackgrounds = [...backgrounds];
  const nextNotes = [...notes];
  for (const c of spec.columns) {
    nextWeights[wanted(c)] = 'bold';
    nextBackgrounds[wanted(c)] = HEADER_BACKGROUND;
    nextNotes[wanted(c)] = c.note ?? '';
  }
  undo.add(() => header.setFontWeights([weights]).setBackgrounds([backgrounds]).setNotes([notes]));
  if (plain) header.setFontWeights([nextWeights]).setBackgrounds([nextBackgrounds]);
  if (unnoted) header.setNotes([nextNotes]);
  return true;
}

/**
 * Keeps a sheet to its content plus `margin` blank rows: the formulas that read it open-ended
 * (A2:J, $A$12:$Z) pass fewer blank cells at every recalculation. Rows below the last row with
 * content are blank (getLastRow counts every column), so removing them loses no typed value; it
 * is changed only when off by more than the margin, so typing a few rows never resizes it.
 * @param sheet the sheet
 * @param margin blank rows kept below the content
 * @param undo where the old size is registered
 * @return whether the size changed
 */
export function fitRows(sheet: Sheet, margin: number, undo: Undo): boolean {
  const wanted = Math.max(sheet.getLastRow(), 1) + margin;
  const rows = sheet.getMaxRows();
  if (rows >= wanted && rows <= wanted + margin) return false;
  setRowCount(sheet, wanted, undo);
  return true;
}

/**
 * Sets the columns' number formats and dropdowns where they differ, reading the formats and
 * the dropdowns of the data cells in one call each. A format must hold on every cell; a
 * dropdown is compared on the column's first and last cells.
 */
function repairColumns_(
  sheet: Sheet,
  spec: SheetSpec,
  index: Record<string, number>,
  dataRows: number,
  undo: Undo,
): boolean {
  const width = Math.max(...Object.values(index)) + 1;
  const block = sheet.getRange(spec.frozenRows + 1, 1, dataRows, width);
  const formatted = spec.columns.some((c) => c.format);
  const validated = spec.columns.some((c) => c.validation);
  const formats = formatted ? block.getNumberFormats() : [];
  const rules = validated ? block.getDataValidations() : [];
  let changed = false;
  for (const c of spec.columns) {
    const i = index[c.key];
    const column = () => sheet.getRange(spec.frozenRows + 1, i + 1, dataRows, 1);
    if (c.format && formats.some((row) => row[i] !== c.format)) {
      const old = formats.map((row) => [row[i]]);
      const range = column();
      undo.add(() => range.setNumberFormats(old));
      range.setNumberFormat(c.format);
      changed = true;
    }
    if (c.validation) {
      const rule = validation_(c.validation, a1(spec.frozenRows + 1, i + 1));
      const first = rules[0][i];
      const last = rules[rules.length - 1][i];
      if (!sameValidation_(first, rule) || !sameValidation_(last, rule, true)) {
        const old = rules.map((row) => [row[i]]);
        const range = column();
        undo.add(() => range.setDataValidations(old));
        range.setDataValidation(rule);
        changed = true;
      }
    }
  }
  return changed;
}

/**
 * Two validations are the same rule (criteria, values, strictness, help). Below the first cell
 * a custom formula's references may be read back shifted to that cell (unconfirmed), so there
 * its formula is not compared.
 * @param below the cell is below the rule's first cell
 */
function sameValidation_(
  a: GoogleAppsScript.Spreadsheet.DataValidation | null,
  b: GoogleAppsScript.Spreadsheet.DataValidation,
  below = false,
): boolean {
  if (!a) return false;
  const formula = String(b.getCriteriaType()) === 'CUSTOM_FORMULA';
  return (
    String(a.getCriteriaType()) === String(b.getCriteriaType()) &&
    ((below && formula) || JSON.stringify(a.getCriteriaValues()) === JSON.stringify(b.getCriteriaValues())) &&
    a.getAllowInvalid() === b.getAllowInvalid() &&
    a.getHelpText() === b.getHelpText()
  );
}

/**
 * Builds a data-validation rule from its spec for a column's data cells.
 * @param spec the rule
 * @param firstCell A1 of the column's first data cell (a custom formula is relative to it)
 */
function validation_(spec: Validation, firstCell: string): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = newDataValidation();
  switch (spec.kind) {
    case 'list':
      builder.requireValueInList([...spec.values], true).setAllowInvalid(spec.allowInvalid);
      break;
    case 'number':
      builder.requireNumberGreaterThanOrEqualTo(spec.min).setAllowInvalid(true);
      break;
    case 'url':
      builder.requireTextIsUrl().setAllowInvalid(true);
      break;
    case 'formula':
      builder.requireFormulaSatisfied(spec.formula(firstCell)).setAllowInvalid(true);
      break;
  }
  return builder.setHelpText(spec.help).build();
}

/**
 * The names Google gives the first sheet of a new spreadsheet ("Sheet1"; "ชีต1" in Thai) and
 * those of sheets added with the + button.
 */
const DEFAULT_SHEET_NAME = /^(?:Sheet|ชีต|แผ่นงาน)\d+$/;

/**
 * Hides the blank sheets Google made with the file ("Sheet1"), which officers would otherwise
 * see as a stray tab: only a visible sheet of a default name, not one of the add-on's, with no
 * value in it (getLastRow and getLastColumn 0), and never the last visible sheet. Hidden, not
 * deleted: its undo (showSheet) gives back exactly what was there, and nothing of it is lost.
 * @param ss the workbook
 * @param ours the names of the add-on's sheets
 * @param undo where each change's undo is registered
 * @param titles every sheet's id, name and whether it is hidden, as the registry's read saw them
 *   (null: not known): then only the visible sheets of a default name there are fetched (by id),
 *   and the visible sheets are counted from it
 * @param madeSince the sheets made since that read (visible, none of a default name)
 * @return the names hidden
 */
export function hideBlankDefaultSheets(
  ss: Spreadsheet,
  ours: ReadonlySet<string>,
  undo: Undo,
  titles: readonly { sheetId: number; title: string; hidden: boolean }[] | null = null,
  madeSince = 0,
): string[] {
  // by name first: the other calls only for a sheet of a default name (set-up's call budget)
  const stray = (name: string) => DEFAULT_SHEET_NAME.test(name) && !ours.has(name);
  let candidates: (() => Sheet | null)[];
  let countVisible: () => number;
  if (titles) {
    candidates = titles.filter((t) => !t.hidden && stray(t.title)).map((t) => () => ss.getSheetById(t.sheetId));
    countVisible = () => titles.filter((t) => !t.hidden).length + madeSince;
  } else {
    const sheets = ss.getSheets();
    candidates = sheets.filter((sheet) => stray(nameOf(sheet))).map((sheet) => () => sheet);
    countVisible = () => sheets.filter((s) => !s.isSheetHidden()).length;
  }
  const hidden: string[] = [];
  let visible: number | null = null; // counted only when a sheet is about to be hidden
  for (const candidate of candidates) {
    const sheet = candidate();
    if (!sheet || sheet.isSheetHidden()) continue;
    if (sheet.getLastRow() !== 0 || sheet.getLastColumn() !== 0) continue;
    visible ??= countVisible();
    if (visible <= 1) continue;
    const name = nameOf(sheet);
    undo.add(() => {
      sheet.showSheet();
    }, `ชีตว่าง "${name}"`);
    sheet.hideSheet();
    visible--;
    hidden.push(name);
  }
  return hidden;
}
