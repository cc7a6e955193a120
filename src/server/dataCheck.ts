/**
 * Data check: reads every entry sheet once, lists each problem with sheet, cell and a Thai
 * message on the problems sheet (rewritten whole, so fixed problems disappear). Never writes
 * into the sheets officers type in.
 */
import { dataCheck, type EntrySheet } from '../core/dataCheck';
import { setRowCount } from '../adapter/change';
import { ensureSheet } from '../adapter/sheetSync';
import { type LocatedProblem, problemRows } from '../workbook/problemsSheet';
import { SHEET } from '../workbook/sheetNames';
import { appendLog, logEditors } from './auditLog';
import { caller, requireOfficer } from './roles';
import { atomically, type Undo } from './undo';
import { readWorkbook } from './workbookData';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The data check's result, for the sidebar. */
export interface CheckReport {
  readonly problems: LocatedProblem[];
  readonly message: string;
}

/**
 * Checks the workbook's entries, rewrites the problems sheet and logs the check, whole or not
 * at all. The province and the districts' officers may run it.
 * @param ss the workbook
 * @param checkedAt when, as Thai text for the sheet
 */
export function checkWorkbook(ss: Spreadsheet, checkedAt: string): CheckReport {
  return atomically((undo) => check_(ss, checkedAt, undo));
}

/** The check's steps. */
function check_(ss: Spreadsheet, checkedAt: string, undo: Undo): CheckReport {
  const { data, origins, settings } = readWorkbook(ss);
  const who = caller(ss, settings);
  requireOfficer(who, 'การตรวจข้อมูล');
  const locate = (sheet: EntrySheet, row: number) => origins[sheet][row];
  const found = dataCheck({
    districts: data.districts.map((d) => d.name),
    activities: data.activities,
    online: data.online,
    baseline: data.baseline,
    fiscalYear: data.fiscalYear,
    channelRows: data.channelRows,
    rowLabel: (sheet, row) => `แถวที่ ${locate(sheet, row).row} ชีต ${locate(sheet, row).sheet}`,
  });
  const problems = found.map(
    (p): LocatedProblem => ({ ...locate(p.sheet, p.row), column: p.column + 1, message: p.message }),
  );
  writeProblems_(ss, problems, checkedAt, undo);
  const message =
    problems.length === 0 ? 'ไม่พบปัญหาในข้อมูล' : `พบปัญหา ${problems.length} รายการ ดูรายละเอียดในชีต "${SHEET.problems}"`;
  appendLog(ss, [checkedAt, who.email, 'ตรวจข้อมูล', message, 'สำเร็จ'], logEditors(settings), undo);
  return { problems, message };
}

/**
 * Rewrites the problems sheet with one setValues, its last change, blanking rows left from the
 * previous check; a sheet or rows it had to add or remove are undone if that write fails.
 */
function writeProblems_(ss: Spreadsheet, problems: LocatedProblem[], checkedAt: string, undo: Undo): void {
  const created: string[] = [];
  const sheet = ensureSheet(ss, SHEET.problems, created, undo);
  const ids = new Map(ss.getSheets().map((s) => [s.getName(), s.getSheetId()] as const));
  const rows = problemRows(problems, ids, checkedAt);
  const height = Math.max(rows.length, sheet.getLastRow());
  const grid = Array.from({ length: height }, (_, r) => rows[r] ?? ['', '', '', '']);
  if (created.length > 0) sheet.setFrozenRows(1);
  // The sheet is sized to the list (rows beyond `height` are blank: it covers the last row
  // with content), so a short list costs few of the workbook's 10 million cells. At least one
  // row stays below the frozen header: the UI refuses to delete every non-frozen row, and
  // whether the API does too is unconfirmed, so that is never tried.
  setRowCount(sheet, Math.max(height, 2), undo);
  sheet.getRange(1, 1, height, 4).setValues(grid);
}
