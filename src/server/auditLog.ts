/** The log sheet: one row per action that writes or sends (who, when, what, result). */
import { applyProtection } from '../adapter/protections';
import { ensureSheet } from '../adapter/sheetSync';
import { asCellText } from '../workbook/cellText';
import { SHEET } from '../workbook/sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_HEADERS = ['เวลา', 'ผู้ใช้', 'การทำงาน', 'รายละเอียด', 'ผล'];

/**
 * Appends one row to the log sheet (created and protected for the province on first use).
 * @param ss the workbook
 * @param row when (Thai text), who, what, detail, result
 * @param provinceEditors who may edit the log
 */
export function appendLog(ss: Spreadsheet, row: [string, string, string, string, string], provinceEditors: readonly string[]): void {
  const created: string[] = [];
  const sheet = ensureSheet(ss, SHEET.log, created);
  if (created.length > 0) {
    sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([LOG_HEADERS]).setFontWeight('bold');
    sheet.setFrozenRows(1);
    applyProtection(sheet, { description: `OTOP: ${SHEET.log} (จังหวัด)`, editors: provinceEditors, warningOnly: false });
  }
  const next = sheet.getLastRow() + 1;
  if (next > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 100);
  sheet.getRange(next, 1, 1, LOG_HEADERS.length).setValues([row.map(asCellText)]);
}
