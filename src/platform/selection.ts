/** Selecting a cell for the officer (a problem's link in the sidebar). */
import { badCellText, missingSheetText } from '../kernel/messages';
import { OfficerError } from '../kernel/officerError';

import type { Spreadsheet } from './sheetIo';

const A1_CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/**
 * Activates a sheet and selects one of its cells.
 * @param ss the workbook
 * @param sheetName the sheet
 * @param cell the cell, e.g. A5
 */
export function selectCell(ss: Spreadsheet, sheetName: string, cell: string): void {
  const sheet = ss.getSheetByName(String(sheetName));
  if (!sheet) throw new OfficerError('missingSheet', missingSheetText(String(sheetName)));
  if (!A1_CELL.test(String(cell))) throw OfficerError.input(badCellText(String(cell)));
  sheet.activate();
  sheet.getRange(String(cell)).activate();
}
