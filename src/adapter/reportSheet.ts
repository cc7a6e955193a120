/**
 * Report sheets (round summaries, monthly reports), whole or not at all, also when a run is
 * killed midway: a report is built in a sheet marked `building`, which nothing lists or sends;
 * one call (its mark becoming `current`) commits it; only then is the earlier report of its
 * period marked `superseded` and renamed, and the new one given the report's name. The next
 * run of any action heals what a killed run left: building sheets are deleted, and of two
 * current reports of a period the newer stays current.
 */
import { type ReportGrid, reportLayout } from '../workbook/reportSheets';
import { asCellText } from '../workbook/cellText';
import { bandRules } from '../workbook/bandRules';
import { columnLetter } from '../workbook/a1';
import type { ReportMark } from '../workbook/sheetMarkers';
import type { Criteria } from '../core/criteria';
import { applyBandRules } from './bandRulesSync';
import { setRowCount } from './change';
import { applyProtection, type ProtectionSpec } from './protections';
import { markSheet, type OwnSheet, type Registry, renameOwn, updateMark } from './sheetRegistry';
import { blankOrNewSheet, freeName, setColumnWidths } from './sheetSync';
import type { Undo } from './undo';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a new report is. */
export interface NewReport {
  /** The name it gets once committed. */
  readonly name: string;
  readonly grid: ReportGrid;
  readonly mark: Omit<ReportMark, 'state'>;
  readonly criteria: Criteria;
  readonly rights: ProtectionSpec;
  /** Replacement time for an earlier report's new name, e.g. "24-11-69 21.30". */
  readonly stamp: string;
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
  const own = markSheet(sheet, { role: 'report', report: { ...report.mark, state: 'building' } }, undo);
  fill_(sheet, report.grid, report.criteria, undo);
  applyProtection(sheet, report.rights, undo);
  const committed = updateMark(own, { ...own.mark, report: { ...report.mark, state: 'current' } }, undo);
  let renamed = '';
  for (const old of earlier) renamed = supersede_(ss, old, report.stamp, undo) || renamed;
  const name = ss.getSheetByName(report.name) ? freeName(ss, `${report.name} (OTOP)`) : report.name;
  rename_(ss, committed, name, undo);
  return { name, renamed };
}

/** Whether a report mark is of the same period and kind (provisional ones apart). */
function samePeriod_(a: ReportMark | undefined, b: Omit<ReportMark, 'state'>): boolean {
  return !!a && a.kind === b.kind && a.period === b.period && a.provisional === b.provisional;
}

/** Writes a report's values, styles, sizes, widths and band rules into its new sheet. */
function fill_(sheet: Sheet, grid: ReportGrid, criteria: Criteria, undo: Undo): void {
  const { layout } = grid;
  const height = grid.rows.length;
  setRowCount(sheet, height, undo);
  const maxColumns = sheet.getMaxColumns();
  if (layout.width < maxColumns) sheet.deleteColumns(layout.width + 1, maxColumns - layout.width);
  sheet.getRange(1, 1, height, layout.width).setValues(grid.rows.map((row) => row.map((v) => asCellText(v))));
  sheet.getRange(1, 1, 1, layout.width).setFontWeight('bold');
  sheet.getRange(layout.headerRow, 1, 1, layout.width).setFontWeight('bold').setBackground('#efefef').setWrap(true);
  sheet.getRange(layout.totalRow, 1, 1, layout.width).setFontWeight('bold');
  // Printing repeats frozen rows on every page.
  sheet.setFrozenRows(layout.headerRow);
  setColumnWidths(
    sheet,
    layout.table.columns.map((c) => c.width),
  );
  const column = (c: number) =>
    `${columnLetter(c - 1)}${layout.firstDistrictRow}:${columnLetter(c - 1)}${layout.lastDistrictRow}`;
  applyBandRules(sheet, bandRules(criteria, column(layout.scoreColumn), column(layout.levelColumn)), undo);
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

/** The status cell of a report sheet (from its layout). */
function statusCell_(own: OwnSheet, offset = 0, width = 1): GoogleAppsScript.Spreadsheet.Range {
  const mark = own.mark.report as ReportMark;
  const layout = reportLayout(mark.kind, mark.districts);
  return own.sheet.getRange(layout.statusRow, layout.statusColumn + offset, 1, width);
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
    const key = `${m.kind}|${m.period}|${m.provisional}`;
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
  const cell = statusCell_(own, 1, 2);
  const was = cell.getValues();
  undo.add(() => cell.setValues(was.map((row) => row.map((v) => asCellText(v)))), `สถานะการส่งของชีต "${own.name}"`);
  cell.setValues([[asCellText('การส่ง'), asCellText(text)]]);
  return updateMark(own, { ...own.mark, report: { ...(own.mark.report as ReportMark), sent } }, undo);
}
