/**
 * Writes a report (round summary or monthly report) as a new sheet, whole or not at all: it is
 * built under a temporary name, and only when complete does it take the report's name; an
 * earlier report of that name is kept, renamed with the time it was replaced. Every step
 * registers its undo, so a failure anywhere leaves the workbook as it was.
 */
import { applyBandRules } from '../adapter/bandRulesSync';
import { setRowCount } from '../adapter/change';
import { applyProtection } from '../adapter/protections';
import { setColumnWidths } from '../adapter/sheetSync';
import type { Criteria } from '../core/criteria';
import { bandRules } from '../workbook/bandRules';
import { columnLetter } from '../workbook/districtTable';
import type { ReportGrid } from '../workbook/reportSheets';
import type { Undo } from './undo';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes the report sheet.
 * @param ss the workbook
 * @param name the report's sheet name
 * @param grid its content and layout
 * @param criteria for the band rules
 * @param provinceEditors who may edit it
 * @param stamp the replacement time for an earlier report's new name, e.g. "24-11-69 21.30"
 * @param undo where each step's undo is registered
 * @return the name an earlier report was renamed to, or ''
 */
export function writeReportSheet(
  ss: Spreadsheet,
  name: string,
  grid: ReportGrid,
  criteria: Criteria,
  provinceEditors: readonly string[],
  stamp: string,
  undo: Undo,
): string {
  const temp = freeName_(ss, `${name} (กำลังสร้าง)`);
  const sheet = ss.insertSheet(temp, ss.getNumSheets());
  undo.add(() => ss.deleteSheet(sheet));
  const height = grid.rows.length;
  fitSheet_(sheet, height, grid.width, undo);
  sheet.getRange(1, 1, height, grid.width).setValues(grid.rows);
  sheet.getRange(1, 1, 1, grid.width).setFontWeight('bold');
  sheet.getRange(grid.headerRow, 1, 1, grid.width).setFontWeight('bold').setBackground('#efefef').setWrap(true);
  sheet.getRange(grid.lastDistrictRow + 1, 1, 1, grid.width).setFontWeight('bold');
  // Printing repeats frozen rows on every page; these widths fit A4 portrait (≈ 720 px).
  sheet.setFrozenRows(grid.headerRow);
  setColumnWidths(sheet, [28, 90, 60, 55, 50, 50, 55, 50, 50, 60, 45, 40, 60, 170].slice(0, grid.width));
  const column = (c: number) =>
    `${columnLetter(c - 1)}${grid.firstDistrictRow}:${columnLetter(c - 1)}${grid.lastDistrictRow}`;
  applyBandRules(sheet, bandRules(criteria, column(grid.scoreColumn), column(grid.levelColumn)), undo);
  applyProtection(sheet, { description: `OTOP: ${name} (จังหวัด)`, editors: provinceEditors, warningOnly: false }, undo);

  const earlier = ss.getSheetByName(name);
  let renamed = '';
  if (earlier) {
    renamed = freeName_(ss, `${name} (แทนที่ ${stamp})`);
    undo.add(() => earlier.setName(name));
    earlier.setName(renamed);
    const marker = earlier.getRange(grid.markerRow, grid.markerColumn);
    const was = marker.getValue();
    undo.add(() => marker.setValue(was));
    marker.setValue(`ฉบับเก่า แทนที่เมื่อ ${stamp}`);
  }
  undo.add(() => sheet.setName(temp));
  sheet.setName(name);
  return renamed;
}

/**
 * A sheet name not yet taken: the name, or the name with (2), (3), … Each candidate is
 * looked up by name, so the calls do not grow with the number of sheets (kept reports add up).
 */
function freeName_(ss: Spreadsheet, name: string): string {
  let candidate = name;
  for (let n = 2; ss.getSheetByName(candidate) !== null; n++) candidate = `${name} (${n})`;
  return candidate;
}

/**
 * Sizes a new sheet to its content: a new sheet has 1 000 rows and 26 columns, and every
 * report kept would otherwise spend 26 000 of the workbook's 10 million cells. (The sheet's
 * removal undoes it all; setRowCount registers its own undo as well, which is harmless.)
 */
function fitSheet_(sheet: Sheet, rows: number, columns: number, undo: Undo): void {
  setRowCount(sheet, rows, undo);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (columns < maxColumns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}
