/** The log sheet: one row per action that writes or sends (who, when, what, result). */
import { applyProtection } from '../adapter/protections';
import { ensureSheet } from '../adapter/sheetSync';
import { asCellText } from '../workbook/cellText';
import { SHEET } from '../workbook/sheetNames';
import type { Settings } from '../workbook/settings';
import type { Undo } from './undo';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LOG_HEADERS = ['เวลา', 'ผู้ใช้', 'การทำงาน', 'รายละเอียด', 'ผล'];

/**
 * Who may append to the log: everyone who may run an action that writes (the province and the
 * districts' officers, for the data check); nobody else.
 * @param settings the editors lists
 */
export function logEditors(settings: Settings): string[] {
  return [...settings.provinceEditors, ...Object.values(settings.districtEditors).flat()];
}

/**
 * Appends one row to the log sheet (created and protected for the province on first use).
 * @param ss the workbook
 * @param row when (Thai text), who, what, detail, result
 * @param editors who may edit the log (and so append to it)
 * @param undo where the appended row's removal is registered
 */
export function appendLog(
  ss: Spreadsheet,
  row: [string, string, string, string, string],
  editors: readonly string[],
  undo: Undo,
): void {
  const created: string[] = [];
  const sheet = ensureSheet(ss, SHEET.log, created, undo);
  if (created.length > 0) {
    sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([LOG_HEADERS]).setFontWeight('bold');
    sheet.setFrozenRows(1);
    applyProtection(sheet, { description: `OTOP: ${SHEET.log}`, editors, warningOnly: false }, undo);
  }
  const next = sheet.getLastRow() + 1;
  if (next > sheet.getMaxRows()) {
    const last = sheet.getMaxRows();
    undo.add(() => sheet.deleteRows(last + 1, 100));
    sheet.insertRowsAfter(last, 100);
  }
  const target = sheet.getRange(next, 1, 1, LOG_HEADERS.length);
  undo.add(() => target.setValues([LOG_HEADERS.map(() => '')]));
  target.setValues([row.map(asCellText)]);
}
