/**
 * The naive reference: the same actions written the way officers' scripts commonly are, one
 * getValue / setValue (or format call) per cell. Only their service calls matter (a reference
 * row for the call counts); they produce the same content as the add-on, cell by cell.
 */
import { channelNames, DEFAULT_CHANNEL_ROWS } from '../src/features/counting/rules/channels';
import { ACTIVITY_WIDTH, BASELINE_WIDTH, ONLINE_WIDTH } from '../src/features/counting/rules/entryLayout';
import {
  activitySheetSpec,
  baselineSheetSpec,
  districtSheetSpec,
  onlineSheetSpec,
  type SheetSpec,
  type Validation as ValidationSpec,
} from '../src/features/setup/sheets/sheetSpecs';
import { entrySheetName, SHEET } from '../src/features/setup/sheets/sheetNames';
import type { Gas } from './bundle';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** A problem to list, as the add-on's data check found it. */
export interface NaiveProblem {
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

/**
 * Set-up, naively: every sheet's headers, notes and header formats, then each data cell's
 * number format and dropdown, one cell at a time, and the district table cell by cell.
 * @param app SpreadsheetApp
 * @param districts the district names
 * @param districtTable the district table's content (formulas as text), header first
 */
export function naiveSetUp(
  app: App,
  districts: readonly string[],
  districtTable: readonly (readonly unknown[])[],
): void {
  const ss = app.getActiveSpreadsheet();
  const channels = channelNames(DEFAULT_CHANNEL_ROWS);
  const specs: SheetSpec[] = [];
  for (const name of districts) {
    specs.push(
      activitySheetSpec(entrySheetName('activities', name), name),
      onlineSheetSpec(entrySheetName('online', name), name, channels),
    );
  }
  specs.push(baselineSheetSpec(SHEET.baseline, districts), districtSheetSpec(SHEET.districts));
  for (const spec of specs) {
    const sheet = ss.getSheetByName(spec.name) ?? ss.insertSheet(spec.name);
    naiveSpec_(app, sheet, spec);
  }
  const table = ss.getSheetByName(SHEET.districts) as Sheet;
  districtTable.forEach((row, r) => {
    row.forEach((value, c) => {
      table.getRange(r + 1, c + 1).setValue(value);
    });
  });
}

function naiveSpec_(app: App, sheet: Sheet, spec: SheetSpec): void {
  spec.columns.forEach((column, c) => {
    const cell = sheet.getRange(1, c + 1);
    cell.setValue(column.header);
    cell.setFontWeight('bold');
    cell.setBackground('#efefef');
    cell.setWrap(true);
    cell.setNote(column.note ?? '');
    sheet.setColumnWidth(c + 1, column.width);
  });
  sheet.setFrozenRows(spec.frozenRows);
  if (spec.tab) sheet.setTabColor(spec.tab);
  const rules = spec.columns.map((column) => (column.validation ? naiveRule_(app, column.validation) : null));
  const last = sheet.getMaxRows();
  for (let r = spec.frozenRows + 1; r <= last; r++) {
    spec.columns.forEach((column, c) => {
      const rule = rules[c];
      if (!column.format && !rule) return;
      const cell = sheet.getRange(r, c + 1);
      if (column.format) cell.setNumberFormat(column.format);
      if (rule) cell.setDataValidation(rule);
    });
  }
}

function naiveRule_(app: App, spec: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = app.newDataValidation();
  if (spec.kind === 'list') builder.requireValueInList([...spec.values], true).setAllowInvalid(spec.allowInvalid);
  else if (spec.kind === 'formula') builder.requireFormulaSatisfied(spec.formula('A2')).setAllowInvalid(true);
  else if (spec.kind === 'number') builder.requireNumberGreaterThanOrEqualTo(spec.min).setAllowInvalid(true);
  else builder.requireTextIsUrl().setAllowInvalid(true);
  return builder.setHelpText(spec.help).build();
}

/** The entry sheets read cell by cell: rows below the header up to getLastRow. */
interface NaiveEntries {
  activities: unknown[][];
  online: unknown[][];
  baseline: unknown[][];
}

function readCells_(sheet: Sheet | null, width: number): unknown[][] {
  if (!sheet) return [];
  const rows: unknown[][] = [];
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= width; c++) row.push(sheet.getRange(r, c).getValue());
    rows.push(row);
  }
  return rows;
}

function readEntries_(ss: Spreadsheet, districts: readonly string[]): NaiveEntries {
  const out: NaiveEntries = {
    activities: [],
    online: [],
    baseline: readCells_(ss.getSheetByName(SHEET.baseline), BASELINE_WIDTH),
  };
  for (const name of districts) {
    out.activities.push(...readCells_(ss.getSheetByName(entrySheetName('activities', name)), ACTIVITY_WIDTH));
    out.online.push(...readCells_(ss.getSheetByName(entrySheetName('online', name)), ONLINE_WIDTH));
  }
  return out;
}

/** The district names and registered counts, cell by cell from the district table. */
function readDistricts_(ss: Spreadsheet, count: number): { names: unknown[][]; registered: number[] } {
  const sheet = ss.getSheetByName(SHEET.districts) as Sheet;
  const names: unknown[][] = [];
  const registered: number[] = [];
  for (let r = 2; r < count + 2; r++) {
    names.push([sheet.getRange(r, 2).getValue()]);
    registered.push(Number(sheet.getRange(r, 3).getValue()));
  }
  return { names, registered };
}

/** Writes a grid into a (new) sheet one cell at a time. */
function writeCells_(ss: Spreadsheet, name: string, rows: readonly (readonly unknown[])[]): void {
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      sheet.getRange(r + 1, c + 1).setValue(value);
    });
  });
}

/**
 * Data check, naively: every entry cell read with its own getValue, each problem written
 * cell by cell (the problems are the add-on's own, so the output is the same size).
 * @param app SpreadsheetApp
 * @param districts the district names
 * @param problems the problems to list
 */
export function naiveCheck(app: App, districts: readonly string[], problems: readonly NaiveProblem[]): void {
  const ss = app.getActiveSpreadsheet();
  readEntries_(ss, districts);
  writeCells_(ss, SHEET.problems, [
    ['ชีต', 'เซลล์', 'ปัญหา', 'ไปที่เซลล์'],
    ...problems.map((p) => [p.sheet, p.cell, p.message, '']),
  ]);
}

/**
 * A summary up to a day, naively: entries and districts read cell by cell, counted with the
 * bundle's OTOP_TALLY in memory, and the table written cell by cell into its own sheet.
 * @param app SpreadsheetApp
 * @param gas the loaded bundle (for OTOP_TALLY and OTOP_LEVEL, pure functions)
 * @param districts the district names
 * @param sheetName the summary sheet
 * @param asOf the last day counted
 */
export function naiveSummary(app: App, gas: Gas, districts: readonly string[], sheetName: string, asOf: Date): void {
  const ss = app.getActiveSpreadsheet();
  const entries = readEntries_(ss, districts);
  const { names, registered } = readDistricts_(ss, districts.length);
  const blank = (width: number) => [new Array(width).fill('')];
  const counts = gas.OTOP_TALLY(
    names,
    entries.activities.length ? entries.activities : blank(ACTIVITY_WIDTH),
    entries.online.length ? entries.online : blank(ONLINE_WIDTH),
    entries.baseline.length ? entries.baseline : blank(BASELINE_WIDTH),
    asOf,
  ) as number[][];
  const rows: unknown[][] = [['อำเภอ', 'ผู้ประกอบการทั้งหมด', 'เป้า', 'กิจกรรม', 'ช่องทาง', 'รายใหม่', 'ร้อยละ', 'ระดับ']];
  counts.forEach(([a, c, n], i) => {
    rows.push([
      names[i][0],
      registered[i],
      gas.OTOP_TARGET(registered[i]),
      a,
      c,
      n,
      gas.OTOP_PERCENT(n, registered[i]),
      gas.OTOP_LEVEL(a, c, n, registered[i]),
    ]);
  });
  writeCells_(ss, sheetName, rows);
}
