/**
 * Report sheets (round summaries, monthly reports), whole or not at all, also when a run is
 * killed midway: a report is built in a sheet marked `building`, which nothing lists or sends;
 * one call (its mark becoming `current`) commits it; only then is the earlier report of its
 * period marked `superseded` and renamed, and the new one given the report's name. The next
 * run of any action heals what a killed run left: building sheets are deleted, and of two
 * current reports of a period the newer stays current.
 */
import { FORM_FONT, type FormGrid, type StyledBlock } from '../features/reports/sheets/officialForm';
import { LEGACY_CELLS, reportLayout } from '../features/reports/sheets/reportSheets';
import { asCellText } from '../kernel/cellText';
import { bandRules } from '../features/counting/sheets/bandRules';
import { columnLetter } from '../kernel/a1';
import { type ReportMark, reportYear, sameReportPeriod } from '../features/setup/sheets/sheetMarkers';
import type { Criteria } from '../kernel/criteria';
import { applyBandRules } from './bandRulesSync';
import { setRowCount } from './change';
import { applyProtection, type ProtectionSpec } from './protections';
import { markSheet, type OwnSheet, type Registry, renameOwn, updateMark } from './sheetRegistry';
import { applyRequests } from './services';
import { blankOrNewSheet, columnWidthRequests, freeName } from './sheetSync';
import type { Undo } from './undo';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a new report is. */
export interface NewReport {
  /** The name it gets once committed. */
  readonly name: string;
  readonly grid: FormGrid;
  readonly mark: Omit<ReportMark, 'state' | 'form'>;
  readonly criteria: Criteria;
  readonly rights: ProtectionSpec;
  /** Replacement time for an earlier report's new name, e.g. "24-11-69 21.30". */
  readonly stamp: string;
  // — reports kept as records
  /** Its record's row, appended to the reports' record sheet in the form's batch (no call of its own). */
  readonly record?: RecordRow;
}

// — reports kept as records
/** A report's record row, appended below a record sheet's last row in the form's batchUpdate. */
export interface RecordRow {
  /** The record sheet (asked only to undo the row: finding it is a call). */
  readonly sheet: () => Sheet;
  readonly sheetId: number;
  readonly name: string;
  /** The record sheet's last row holding anything (the row goes below it: appendCells). */
  readonly lastRow: number;
  /** Its cells, sealed. */
  readonly line: readonly (string | number)[];
  /**
   * The record sheet's columns' widths, px: with its header row made bold, grey and frozen, set
   * in the same batch on every report (no call of their own; a sheet a stopped run made and left
   * is so finished by the next report).
   */
  readonly widths: readonly number[];
}

/**
 * Writes a report and commits it.
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param report what to write
 * @param undo where each step's undo is registered
 * @return the name it got (the report's name, or another when an officer's sheet has that
 *   name: theirs is left alone), and the name an earlier report was renamed to, or ''
 */
export function writeReport(
  ss: Spreadsheet,
  registry: Registry,
  report: NewReport,
  undo: Undo,
): { name: string; renamed: string } {
  const earlier = registry
    .all('report')
    .filter((r) => samePeriod_(r.mark.report, report.mark) && r.mark.report?.state === 'current');
  const building = `${report.name} (กำลังสร้าง)`;
  const { sheet } = blankOrNewSheet(ss, building, undo, building);
  const mark = { ...report.mark, form: report.grid.shape };
  const own = markSheet(sheet, { role: 'report', report: { ...mark, state: 'building' } }, undo);
  const appended = report.record ? appendRequest_(report.record, undo) : [];
  fill_(ss, sheet, own.mark.sheetId, report.mark, report.grid, report.criteria, undo, appended);
  applyProtection(sheet, report.rights, undo);
  const committed = updateMark(own, { ...own.mark, report: { ...mark, state: 'current' } }, undo);
  let renamed = '';
  for (const old of earlier) renamed = supersede_(ss, old, report.stamp, undo) || renamed;
  const name = ss.getSheetByName(report.name) ? freeName(ss, `${report.name} (OTOP)`) : report.name;
  rename_(ss, committed, name, undo);
  return { name, renamed };
}

/** Whether a report mark is of the same period, kind and fiscal year (provisional ones apart). */
function samePeriod_(a: ReportMark | undefined, b: Omit<ReportMark, 'state'>): boolean {
  return !!a && sameReportPeriod(a, b);
}

/** A table header's grey (#efefef) as the Sheets API's Color (0–1). */
const HEADER_GREY = { red: 239 / 255, green: 239 / 255, blue: 239 / 255 };

/**
 * The form's merges, font sizes, bold parts, alignments, bordered tables with grey headers,
 * column widths and row heights as Sheets API requests, applied in one batchUpdate (one round
 * trip instead of about two a block: some 200 calls for a province's summary).
 * @param sheetId the report sheet's id
 * @param grid the form
 */
function formRequests_(sheetId: number, grid: FormGrid): GoogleAppsScript.Sheets.Schema.Request[] {
  const range = (b: StyledBlock) => ({
    sheetId,
    startRowIndex: b.row - 1,
    endRowIndex: b.row - 1 + b.rows,
    startColumnIndex: b.column - 1,
    endColumnIndex: b.column - 1 + b.columns,
  });
  const cells = (b: StyledBlock, format: GoogleAppsScript.Sheets.Schema.CellFormat, fields: string) => ({
    repeatCell: { range: range(b), cell: { userEnteredFormat: format }, fields },
  });
  const solid = { style: 'SOLID' };
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [
    ...grid.merges.map((b) => ({ mergeCells: { range: range(b), mergeType: 'MERGE_ROWS' } })),
    ...grid.sizes.map((b) => cells(b, { textFormat: { fontSize: b.pt } }, 'userEnteredFormat.textFormat.fontSize')),
    ...grid.bold.map((b) => cells(b, { textFormat: { bold: true } }, 'userEnteredFormat.textFormat.bold')),
    ...grid.aligned.map((b) =>
      cells(b, { horizontalAlignment: b.align.toUpperCase() }, 'userEnteredFormat.horizontalAlignment'),
    ),
  ];
  for (const b of grid.tables) {
    requests.push({
      updateBorders: {
        range: range(b),
        top: solid,
        left: solid,
        bottom: solid,
        right: solid,
        innerHorizontal: solid,
        innerVertical: solid,
      },
    });
    requests.push(cells({ ...b, rows: 1 }, { backgroundColor: HEADER_GREY }, 'userEnteredFormat.backgroundColor'));
  }
  const dimension = (dim: 'ROWS', start: number, count: number, pixelSize: number) => ({
    updateDimensionProperties: {
      range: { sheetId, dimension: dim, startIndex: start, endIndex: start + count },
      properties: { pixelSize },
      fields: 'pixelSize',
    },
  });
  requests.push(...columnWidthRequests(sheetId, grid.widths));
  for (const b of grid.heightBlocks) requests.push(dimension('ROWS', b.row - 1, b.rows, b.height));
  return requests;
}

/**
 * Writes a report into its new sheet: values (text as text), Sarabun, wrapped text, then the
 * form (formRequests_) in one Sheets API call, the rows down to the table's header frozen
 * (printing repeats frozen rows on every page), and the band rules. A fixed number of calls
 * whatever the form (never one per cell or per block); the sheet is new, so its removal undoes
 * all of it.
 */
function fill_(
  ss: Spreadsheet,
  sheet: Sheet,
  sheetId: number,
  mark: Pick<ReportMark, 'kind' | 'period' | 'made' | 'fiscalYear'>,
  grid: FormGrid,
  criteria: Criteria,
  undo: Undo,
  appended: GoogleAppsScript.Sheets.Schema.Request[] = [],
): void {
  const { layout } = grid;
  const height = grid.rows.length;
  const width = layout.width;
  setRowCount(sheet, height, undo);
  const maxColumns = sheet.getMaxColumns();
  if (width < maxColumns) sheet.deleteColumns(width + 1, maxColumns - width);
  sheet
    .getRange(1, 1, height, width)
    .setValues(grid.rows.map((row) => row.map((v) => asCellText(v))))
    .setFontFamily(FORM_FONT.family)
    .setFontSize(FORM_FONT.text)
    .setVerticalAlignment('top')
    .setWrap(true);
  applyRequests(ss, [...formRequests_(sheetId, grid), ...appended]);
  sheet.setFrozenRows(layout.tableHeader);
  const column = (c: number) => `${columnLetter(c - 1)}${layout.firstRow}:${columnLetter(c - 1)}${layout.lastRow}`;
  const at = reportLayout(mark.kind, grid.shape, reportYear(mark));
  if (grid.shape.rows > 0)
    applyBandRules(sheet, bandRules(criteria, column(at.scoreColumn), column(at.levelColumn)), undo);
}

/** Marks an earlier report superseded: its mark, its status cell and its name. */
function supersede_(ss: Spreadsheet, old: OwnSheet, stamp: string, undo: Undo): string {
  const mark = old.mark.report as ReportMark;
  updateMark(old, { ...old.mark, report: { ...mark, state: 'superseded' } }, undo);
  const status = statusCell_(old);
  const was = status.getValue();
  undo.add(() => status.setValue(asCellText(was)), `สถานะของชีต "${old.name}"`);
  status.setValue(asCellText(`ฉบับเก่า แทนที่เมื่อ ${stamp}`));
  const renamed = freeName(ss, `${old.name.replace(/ \(แทนที่ .*\)$/, '')} (แทนที่ ${stamp})`);
  renameOwn(old, renamed, undo);
  return renamed;
}

/** The status cell of a report sheet, or its sent cell (from its layout; the previous version's fixed place). */
function statusCell_(own: OwnSheet, which: 'status' | 'sent' = 'status'): GoogleAppsScript.Spreadsheet.Range {
  const mark = own.mark.report as ReportMark;
  if (!mark.form) {
    const [row, column] = LEGACY_CELLS.status;
    return which === 'status' ? own.sheet.getRange(row, column) : own.sheet.getRange(row, column + 1, 1, 2);
  }
  const layout = reportLayout(mark.kind, mark.form, reportYear(mark));
  const [row, column] = which === 'status' ? layout.statusCell : layout.sentCell;
  return own.sheet.getRange(row, column);
}

/** Gives a committed report its name (when free), registering the old name. */
function rename_(ss: Spreadsheet, own: OwnSheet, name: string, undo: Undo): void {
  if (own.name === name || ss.getSheetByName(name)) return;
  renameOwn(own, name, undo);
}

/**
 * Heals what a killed run left behind: deletes report sheets still marked `building`, and of
 * several current reports of one period keeps the newest current (the others superseded) and
 * gives it the report's name.
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param names the report name of each kind and period
 * @param stamp the replacement time for renamed reports
 * @param undo where each step's undo is registered
 * @return what was healed, in Thai, for the log
 */
export function healReports(
  ss: Spreadsheet,
  registry: Registry,
  names: (mark: ReportMark) => string,
  stamp: string,
  undo: Undo,
): string[] {
  const healed: string[] = [];
  for (const r of registry.all('report')) {
    if (r.mark.report?.state !== 'building') continue;
    const name = r.name;
    ss.deleteSheet(r.sheet); // undo cannot bring a deleted sheet back; its content was never committed
    healed.push(`ลบชีต "${name}" ที่สร้างค้างไว้ (การทำงานครั้งก่อนหยุดกลางคัน)`);
  }
  const current = registry.all('report').filter((r) => r.mark.report?.state === 'current');
  const groups = new Map<string, OwnSheet[]>();
  for (const r of current) {
    const m = r.mark.report as ReportMark;
    const key = `${m.kind}|${m.period}|${m.provisional}|${reportYear(m)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    // Newest first; made in the same minute, the later sheet (the higher id) is the newer.
    group.sort(
      (a, b) =>
        String(b.mark.report?.made).localeCompare(String(a.mark.report?.made)) || b.mark.sheetId - a.mark.sheetId,
    );
    const [newest, ...older] = group;
    for (const old of older) {
      supersede_(ss, old, stamp, undo);
      healed.push(`ชีต "${old.name}" เป็นฉบับเก่า (การทำงานครั้งก่อนหยุดกลางคัน)`);
    }
    const name = names(newest.mark.report as ReportMark);
    if (newest.name !== name && !ss.getSheetByName(name)) {
      rename_(ss, newest, name, undo);
      healed.push(`ตั้งชื่อชีต "${name}" ให้ฉบับล่าสุด (การทำงานครั้งก่อนหยุดกลางคัน)`);
    }
  }
  return healed;
}

/**
 * Writes a report's sent status into its sheet and its mark.
 * @param own the report
 * @param sent the sendings so far
 * @param text the status text, Thai
 * @param undo where the old status is registered
 */
export function markSent(own: OwnSheet, sent: NonNullable<ReportMark['sent']>, text: string, undo: Undo): OwnSheet {
  const cell = statusCell_(own, 'sent');
  const was = cell.getValues();
  undo.add(() => cell.setValues(was.map((row) => row.map((v) => asCellText(v)))), `สถานะการส่งของชีต "${own.name}"`);
  const legacy = !(own.mark.report as ReportMark).form;
  cell.setValues([legacy ? [asCellText('การส่ง'), asCellText(text)] : [asCellText(text)]]);
  return updateMark(own, { ...own.mark, report: { ...(own.mark.report as ReportMark), sent } }, undo);
}

// — reports kept as records
/**
 * The request appending a report's record row ("Adds new cells after the last row with data in a
 * sheet, inserting new rows into the sheet if necessary", AppendCellsRequest, Sheets API
 * reference): text as stringValue (kept as typed, never parsed), numbers as numberValue, blanks
 * left empty. Its undo clears the row it lands on, the one below the last row read.
 * @param record the row and its record sheet
 * @param undo where the row's clearing is registered
 */
function appendRequest_(record: RecordRow, undo: Undo): GoogleAppsScript.Sheets.Schema.Request[] {
  const { line } = record;
  const row = record.lastRow + 1;
  undo.add(
    () => void record.sheet().getRange(row, 1, 1, line.length).clearContent(),
    `แถวที่ ${row} ชีต "${record.name}"`,
  );
  const cell = (v: string | number) =>
    typeof v === 'number'
      ? { userEnteredValue: { numberValue: v } }
      : v === ''
        ? {}
        : { userEnteredValue: { stringValue: v } };
  const header = { sheetId: record.sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0 };
  const laidOut = [
    ...columnWidthRequests(record.sheetId, record.widths),
    {
      repeatCell: {
        range: { ...header, endColumnIndex: record.widths.length },
        cell: { userEnteredFormat: { textFormat: { bold: true } } },
        fields: 'userEnteredFormat.textFormat.bold',
      },
    },
    {
      repeatCell: {
        range: { ...header, endColumnIndex: record.widths.length },
        cell: { userEnteredFormat: { backgroundColor: HEADER_GREY } },
        fields: 'userEnteredFormat.backgroundColor',
      },
    },
    {
      updateSheetProperties: {
        properties: { sheetId: record.sheetId, gridProperties: { frozenRowCount: 1 } },
        fields: 'gridProperties.frozenRowCount',
      },
    },
  ];
  return [
    ...laidOut,
    { appendCells: { sheetId: record.sheetId, rows: [{ values: line.map(cell) }], fields: 'userEnteredValue' } },
  ];
}
