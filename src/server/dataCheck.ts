/**
 * Data check: reads every entry sheet once, lists each problem with sheet, cell and a Thai
 * message on the problems sheet (rewritten whole, so fixed problems disappear). Never writes
 * into the sheets officers type in.
 */
import { DataProblem, dataCheck, EntrySheet } from '../core/dataCheck';
import { NONG_KHAI_DISTRICTS } from '../core/districts';
import { ACTIVITY_WIDTH, BASELINE_WIDTH, ONLINE_WIDTH } from '../core/entryLayout';
import { ensureSheet } from '../adapter/sheetSync';
import { CRITERIA_LAYOUT } from '../workbook/criteriaSheet';
import { readDistrictFigures } from '../workbook/districtList';
import { LocatedProblem, problemRows } from '../workbook/problemsSheet';
import { readSettings } from '../workbook/settings';
import { entrySheetName, SHEET } from '../workbook/sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The data check's result, for the sidebar. */
export interface CheckReport {
  readonly problems: LocatedProblem[];
  readonly message: string;
}

/** Rows stacked from several sheets, each remembering where it came from. */
interface Stacked {
  rows: unknown[][];
  origin: { sheet: string; row: number }[];
}

/**
 * Checks the workbook's entries and rewrites the problems sheet.
 * @param ss the workbook
 * @param checkedAt when, as Thai text for the sheet
 */
export function checkWorkbook(ss: Spreadsheet, checkedAt: string): CheckReport {
  const values = (name: string) => ss.getSheetByName(name)?.getDataRange().getValues() ?? [];
  const names = readDistrictFigures(values(SHEET.districts), NONG_KHAI_DISTRICTS).map((d) => d.name);
  const { settings } = readSettings(values(SHEET.settings), names);
  const channelRows = values(SHEET.criteria).slice(CRITERIA_LAYOUT.channels - 1);
  const stack = (sheets: string[], width: number): Stacked => {
    const out: Stacked = { rows: [], origin: [] };
    for (const sheet of sheets) {
      values(sheet).slice(1).forEach((row, i) => {
        out.rows.push(row.slice(0, width));
        out.origin.push({ sheet, row: i + 2 });
      });
    }
    return out;
  };
  const stacked: Record<EntrySheet, Stacked> = {
    activities: stack(names.map((n) => entrySheetName('activities', n)), ACTIVITY_WIDTH),
    online: stack(names.map((n) => entrySheetName('online', n)), ONLINE_WIDTH),
    baseline: stack([SHEET.baseline], BASELINE_WIDTH),
  };
  const locate = (sheet: EntrySheet, row: number) => stacked[sheet].origin[row];
  const found: DataProblem[] = dataCheck({
    districts: names,
    activities: stacked.activities.rows,
    online: stacked.online.rows,
    baseline: stacked.baseline.rows,
    fiscalYear: settings.fiscalYear,
    channelRows,
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
