/**
 * Data check: reads every entry sheet once, lists each problem with sheet, cell and a Thai
 * message on the problems sheet (rewritten whole, so fixed problems disappear). Never writes
 * into the sheets officers type in.
 */
import { dataCheck, EntrySheet } from '../core/dataCheck';
import { ensureSheet } from '../adapter/sheetSync';
import { LocatedProblem, problemRows } from '../workbook/problemsSheet';
import { SHEET } from '../workbook/sheetNames';
import { readWorkbook } from './workbookData';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The data check's result, for the sidebar. */
export interface CheckReport {
  readonly problems: LocatedProblem[];
  readonly message: string;
}

/**
 * Checks the workbook's entries and rewrites the problems sheet.
 * @param ss the workbook
 * @param checkedAt when, as Thai text for the sheet
 */
export function checkWorkbook(ss: Spreadsheet, checkedAt: string): CheckReport {
  const { data, origins } = readWorkbook(ss);
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
  const problems = found.map((p): LocatedProblem => ({ ...locate(p.sheet, p.row), column: p.column + 1, message: p.message }));
  writeProblems_(ss, problems, checkedAt);
  return {
    problems,
    message: problems.length === 0 ? 'ไม่พบปัญหาในข้อมูล' : `พบปัญหา ${problems.length} รายการ ดูรายละเอียดในชีต "${SHEET.problems}"`,
  };
}

/** Rewrites the problems sheet in one call, blanking rows left from the previous check. */
function writeProblems_(ss: Spreadsheet, problems: LocatedProblem[], checkedAt: string): void {
  const sheet = ensureSheet(ss, SHEET.problems, []);
  const ids = new Map(ss.getSheets().map((s) => [s.getName(), s.getSheetId()] as const));
  const rows = problemRows(problems, ids, checkedAt);
  const height = Math.max(rows.length, sheet.getLastRow());
  const grid = Array.from({ length: height }, (_, r) => rows[r] ?? ['', '', '', '']);
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  sheet.getRange(1, 1, height, 4).setValues(grid);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}
