/**
 * dump(): a complete, deterministic, JSON-serialisable picture of a workbook, so tests can prove
 * that a failed action left it exactly as it was. renderSheet(): display text and effective
 * formatting of each cell, for a preview page.
 */
import { cellA1, quoteSheetName, rectA1, type Rect } from './a1';
import { displayText } from './display';
import { chartRangesA1 } from './charts';
import { effectiveFormatOf, type EffectiveFormat } from './effectiveFormat';
import { DataValidationCriteria } from './enums';
import { computedBlock, contentExtent, formulaErrorAt } from './formulaEngine';
import type { ValidationModel, WorkbookModel } from './model';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type CellData, type SheetModel } from './sheetModel';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';
import { CellError, isDate, type CellValue } from './values';

/** A value in a dump: Dates become `{ date: ISO string }`. */
export type DumpValue = string | number | boolean | null | { date: string } | DumpValue[];

/** One cell; only non-default fields are present. */
export interface CellDump {
  value?: DumpValue;
  formula?: string;
  error?: string;
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  fontFamily?: string;
  fontSize?: number;
  border?: string;
  note?: string;
  validation?: {
    criteria: string;
    values: DumpValue[];
    allowInvalid: boolean;
    helpText: string;
    /** a custom formula's cell offset from the first cell of the block the rule was set on */
    at?: [number, number];
  };
}

/** One conditional-format rule. */
export interface RuleDump {
  ranges: string[];
  criteria: string;
  values: DumpValue[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** One sheet. */
export interface SheetDump {
  name: string;
  sheetId: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Record<string, number>;
  /** embedded charts: type, ranges (sheet!A1), anchor, options (ids left out: they differ between runs) */
  charts: { type: string; ranges: string[]; at: string; options: Record<string, unknown>; transpose: boolean }[];
  /** heights of rows given one (Sheet.setRowHeights) other than the default */
  rowHeights: Record<string, number>;
  cells: Record<string, CellDump>;
  conditionalFormatRules: RuleDump[];
  /** merged blocks, e.g. "A1:C1" */
  merges: string[];
}

/** One protection. */
export interface ProtectionDump {
  type: string;
  range: string;
  description: string;
  editors: string[];
  domainEdit: boolean;
  warningOnly: boolean;
  unprotectedRanges: string[];
}

/** One developer metadata entry. */
export interface MetadataDump {
  key: string;
  value: string | null;
  visibility: string;
  /** the sheet it is on; null for the spreadsheet */
  sheet: string | null;
}

/** The whole workbook. */
export interface WorkbookDump {
  name: string;
  owner: string | null;
  editors: string[];
  timeZone: string;
  sheets: SheetDump[];
  namedRanges: Array<{ name: string; range: string }>;
  protections: ProtectionDump[];
  /**
   * developer metadata of the spreadsheet and of every sheet, in the order they were made (ids
   * left out: a run that failed and was undone still used some, so two equal workbooks can differ
   * in them)
   */
  developerMetadata: MetadataDump[];
}

function ref_(sheet: SheetModel, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${rectA1(rect)}`;
}

function value_(value: unknown): DumpValue {
  if (value instanceof CellError) return value.code;
  if (isDate(value)) return { date: value.toISOString() };
  if (value instanceof FakeRange) return ref_(value.sheet_, value.rect_);
  if (Array.isArray(value)) return value.map(value_);
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Options of dump(). */
export interface DumpOptions {
  /**
   * Gives what a validation's text value stands for in the dump (e.g. a long custom formula's
   * digest, for a quicker comparison); each rule's values are mapped once per dump.
   */
  validationText?: (text: string) => unknown;
}

/** One dump's options, and its validation rules' mapped values (DumpOptions.validationText). */
interface Dumping_ {
  validationText: ((text: string) => unknown) | null;
  rules: Map<ValidationModel, unknown[]>;
}

/**
 * A validation rule's values in a dump: each cell's own array.
 * @param v the rule
 * @param d the dump's options
 */
function validationValues_(v: ValidationModel, d: Dumping_): DumpValue[] {
  const text = d.validationText;
  if (text === null) return v.values.map(value_);
  let mapped = d.rules.get(v);
  if (mapped === undefined) {
    mapped = v.values.map(value_).map((x) => (typeof x === 'string' ? text(x) : x));
    d.rules.set(v, mapped);
  }
  return mapped.slice() as DumpValue[];
}

function cell_(
  book: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  cell: CellData | undefined,
  value: CellValue,
  d: Dumping_,
): CellDump | null {
  const out: CellDump = {};
  if (value !== '') out.value = value_(value);
  if (cell?.formula !== undefined) {
    out.formula = cell.formula;
    const error = formulaErrorAt(book, sheet, row, col);
    if (error !== null) out.error = error;
  }
  const style = cell?.style;
  if (style !== undefined) {
    if (style.numberFormat !== undefined) out.numberFormat = style.numberFormat;
    if (style.background !== undefined) out.background = style.background;
    if (style.fontColor !== undefined) out.fontColor = style.fontColor;
    if (style.fontWeight !== undefined) out.fontWeight = style.fontWeight;
    if (style.horizontalAlignment !== undefined) out.horizontalAlignment = style.horizontalAlignment;
    if (style.verticalAlignment !== undefined) out.verticalAlignment = style.verticalAlignment;
    if (style.wrap !== undefined) out.wrap = style.wrap;
    if (style.fontFamily !== undefined) out.fontFamily = style.fontFamily;
    if (style.fontSize !== undefined) out.fontSize = style.fontSize;
    if (style.border) {
      out.border = (['top', 'left', 'bottom', 'right'] as const).filter((side) => style.border?.[side]).join(' ');
    }
  }
  if (cell?.note !== undefined) out.note = cell.note;
  if (cell?.validation) {
    const v = cell.validation;
    out.validation = {
      criteria: String(v.criteria),
      values: validationValues_(v, d),
      allowInvalid: v.allowInvalid,
      helpText: v.helpText,
    };
    if (v.criteria === DataValidationCriteria.CUSTOM_FORMULA && cell.validationAt)
      out.validation.at = [...cell.validationAt];
  }
  for (const _ in out) return out; // anything to say
  return null;
}

/** The A1 names dumps have used, by row and column (cellKey_). */
const cellKeys_: string[][] = [];

/**
 * A cell's A1 name as a dump's key: made once, then the same string. A key string made anew
 * each time is hashed and looked up in V8's string table at every store into the cells object
 * (most of a dump's own time, CPU profile of a fault sweep); a kept one was looked up once.
 * @param row 1-based
 * @param col 1-based
 */
function cellKey_(row: number, col: number): string {
  let keys = cellKeys_[row];
  if (keys === undefined) {
    keys = [];
    cellKeys_[row] = keys;
  }
  let key = keys[col];
  if (key === undefined) {
    key = cellA1(row, col);
    keys[col] = key;
  }
  return key;
}

function sheet_(book: WorkbookModel, sheet: SheetModel, d: Dumping_): SheetDump {
  const { lastRow, lastColumn } = contentExtent(book, sheet);
  const values =
    lastRow > 0 && lastColumn > 0
      ? computedBlock(book, sheet, { row: 1, col: 1, numRows: lastRow, numCols: lastColumn })
      : [];
  const cells: Record<string, CellDump> = {};
  const rows = Math.max(lastRow, sheet.rows.length);
  for (let r = 1; r <= rows; r++) {
    const cols = Math.max(r <= lastRow ? lastColumn : 0, sheet.rows[r - 1]?.length ?? 0);
    for (let c = 1; c <= cols; c++) {
      const value = values[r - 1]?.[c - 1] ?? '';
      const cell = sheet.cell(r, c);
      if (cell === undefined && value === '') continue; // nothing to say (cell_ would give null)
      const dumped = cell_(book, sheet, r, c, cell, value, d);
      if (dumped) cells[cellKey_(r, c)] = dumped;
    }
  }
  const rowHeights: Record<string, number> = {};
  for (const [row, height] of [...sheet.rowHeights].sort((a, b) => a[0] - b[0])) {
    if (height !== DEFAULT_ROW_HEIGHT) rowHeights[String(row)] = height;
  }
  const columnWidths: Record<string, number> = {};
  for (const [col, width] of [...sheet.columnWidths].sort((a, b) => a[0] - b[0])) {
    if (width !== DEFAULT_COLUMN_WIDTH) columnWidths[String(col)] = width;
  }
  return {
    name: sheet.name,
    sheetId: sheet.id,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    columnWidths,
    rowHeights,
    charts: sheet.charts.map((c) => ({
      type: c.type,
      ranges: chartRangesA1(c),
      at: rectA1({ row: c.position.row, col: c.position.column, numRows: 1, numCols: 1 }),
      options: c.options,
      transpose: c.transpose,
    })),
    cells,
    conditionalFormatRules: sheet.rules.map((rule) => ({
      ranges: rule.ranges.map((r) => ref_(r.sheet, r.rect)),
      criteria: String(rule.criteria),
      values: rule.values.map(value_),
      background: rule.background,
      fontColor: rule.fontColor,
      bold: rule.bold,
    })),
    merges: sheet.merges.map(rectA1),
  };
}

/**
 * A deterministic dump of everything the fake stores about the spreadsheet (no call recorded).
 * @param spreadsheet any view of the workbook (also when typed as the real Spreadsheet)
 * @param options validationText: what a validation's text value stands for
 */
export function dump(
  spreadsheet: FakeSpreadsheet | GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: DumpOptions = {},
): WorkbookDump {
  if (!(spreadsheet instanceof FakeSpreadsheet)) throw new Error('dump: not a fake spreadsheet');
  const book = spreadsheet.ctx_.book;
  const d: Dumping_ = { validationText: options.validationText ?? null, rules: new Map() };
  return {
    name: book.name,
    owner: book.owner,
    editors: [...book.editors].sort(),
    timeZone: book.timeZone,
    sheets: book.sheets.map((s) => sheet_(book, s, d)),
    namedRanges: [...book.namedRanges.values()]
      .map((n) => ({ name: n.name, range: ref_(n.sheet, n.rect) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    protections: book.protections.map((p) => ({
      type: String(p.type),
      range: ref_(p.sheet, p.rect ?? { row: 1, col: 1, numRows: p.sheet.maxRows, numCols: p.sheet.maxColumns }),
      description: p.description,
      editors: [...new Set(p.editors)].sort(),
      domainEdit: p.domainEdit,
      warningOnly: p.warningOnly,
      unprotectedRanges: p.unprotected.map((r) => ref_(p.sheet, r)),
    })),
    developerMetadata: metadata_(book),
  };
}

/** The developer metadata of a dump (WorkbookDump.developerMetadata). */
function metadata_(book: WorkbookModel): MetadataDump[] {
  return [...book.spreadsheetMetadata, ...book.sheets.flatMap((s) => s.metadata)]
    .sort((a, b) => a.id - b.id)
    .map((m) => ({
      key: m.key,
      value: m.value,
      visibility: String(m.visibility),
      sheet: m.sheet ? m.sheet.name : null,
    }));
}

/**
 * The developer metadata part of dump() alone (the same entries, in the same order), without
 * computing every sheet's cells: for a test that looks only at the markers.
 * @param spreadsheet any view of the workbook
 */
export function dumpMetadata(spreadsheet: FakeSpreadsheet | GoogleAppsScript.Spreadsheet.Spreadsheet): MetadataDump[] {
  if (!(spreadsheet instanceof FakeSpreadsheet)) throw new Error('dumpMetadata: not a fake spreadsheet');
  return metadata_(spreadsheet.ctx_.book);
}

/** A cell as a preview shows it. */
export interface RenderedCell extends EffectiveFormat {
  /** display text */
  value: string;
}

/**
 * Rows 1..lastRow × columns 1..lastColumn with display text and effective formatting
 * (conditional formats applied). No call recorded.
 * @param sheet a fake sheet (also when typed as the real Sheet)
 * @param options blankRows: that many rows more below the content (at most the sheet's rows;
 *   an empty sheet shows its first 10 columns), for a preview to type into
 */
export function renderSheet(
  sheet: FakeSheet | GoogleAppsScript.Spreadsheet.Sheet,
  options: { blankRows?: number } = {},
): RenderedCell[][] {
  if (!(sheet instanceof FakeSheet)) throw new Error('renderSheet: not a fake sheet');
  const book = sheet.ctx_.book;
  const model = sheet.sheet_;
  const extent = contentExtent(book, model);
  const blank = options.blankRows ?? 0;
  // With blankRows, the grid goes on below the content (to type into), within the sheet's size.
  const lastRow = Math.min(model.maxRows, extent.lastRow + blank);
  const lastColumn = extent.lastColumn > 0 || blank === 0 ? extent.lastColumn : Math.min(model.maxColumns, 10);
  if (lastRow === 0 || lastColumn === 0) return [];
  const values = computedBlock(book, model, { row: 1, col: 1, numRows: lastRow, numCols: lastColumn });
  return values.map((line, i) =>
    line.map((value, j) => ({
      value: displayText(value, model.cell(i + 1, j + 1)?.style?.numberFormat, book.timeZone),
      ...effectiveFormatOf(book, model, i + 1, j + 1),
    })),
  );
}
