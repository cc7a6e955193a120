/**
 * The board `สถานะการส่งรายงาน` in the workbook: made, marked and protected on first use (its
 * editors are the named officers, since a district officer's submission rebuilds it), then
 * rebuilt whole from the submissions: a block written only when some cell differs (so a repeat
 * set-up on the same day writes nothing), its notes likewise, and its colour rules kept in step.
 */
import type { Day } from '../core/civilDate';
import { fiscalDuties } from '../core/duties';
import type { Settings } from '../core/settings';
import { storedAgain } from '../adapter/cells';
import { makeBold, setFrozenRows, setRowCount } from '../adapter/change';
import { applyProtection } from '../adapter/protections';
import { markSheet, type OwnSheet } from '../adapter/sheetRegistry';
import { blankOrNewSheet, setColumnWidths } from '../adapter/sheetSync';
import { applyTextRules } from '../adapter/textRulesSync';
import type { Undo } from '../adapter/undo';
import { BOARD, type BoardGrid, boardGrid } from '../workbook/board';
import { asCellText } from '../workbook/cellText';
import { rightsOf } from '../workbook/rights';
import { SHEET } from '../workbook/sheetNames';
import type { SubmissionRecord } from '../workbook/submissions';
import type { WorkbookConfig } from './workbookRead';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The board's content on a day.
 * @param settings the settings (fiscal year, due day, rounds)
 * @param districts the districts, in table order
 * @param records the submissions
 * @param today the day
 */
export function boardOf(
  settings: Settings,
  districts: readonly string[],
  records: readonly SubmissionRecord[],
  today: Day,
): BoardGrid {
  return boardGrid(settings.fiscalYear, districts, fiscalDuties(settings), records, today);
}

/**
 * Rebuilds the board (made on first use).
 * @param ss the workbook
 * @param config the workbook's configuration
 * @param records the submissions
 * @param today the day
 * @param undo where each change's undo is registered
 * @return true when something changed
 */
export function rebuildBoard(
  ss: Spreadsheet,
  config: WorkbookConfig,
  records: readonly SubmissionRecord[],
  today: Day,
  undo: Undo,
): boolean {
  const found = config.registry.one('board');
  const own = found ?? createBoard_(ss, config, undo);
  return writeBoard(own, !found, boardOf(config.settings, config.districts, records, today), undo);
}

/**
 * A new board sheet: marked and protected.
 * @param ss the workbook
 * @param config who may write it
 * @param undo where its removal is registered
 */
function createBoard_(ss: Spreadsheet, config: WorkbookConfig, undo: Undo): OwnSheet {
  const { sheet, name } = blankOrNewSheet(ss, SHEET.board, undo);
  const own = markSheet(sheet, { role: 'board' }, undo);
  applyProtection(own.sheet, rightsOf(own.mark, name, config.settings), undo);
  return own;
}

/**
 * Writes the board's grid into its sheet.
 * @param own the board sheet
 * @param fresh made in this run (sized and styled once)
 * @param grid the content
 * @param undo where each change's undo is registered
 * @return true when a cell, a note or a rule changed
 */
export function writeBoard(own: OwnSheet, fresh: boolean, grid: BoardGrid, undo: Undo): boolean {
  const sheet = own.sheet;
  const height = grid.rows.length;
  if (fresh) {
    setRowCount(sheet, Math.max(height, BOARD.firstDistrictRow), undo);
    const columns = sheet.getMaxColumns();
    if (columns > grid.width) sheet.deleteColumns(grid.width + 1, columns - grid.width);
    setColumnWidths(sheet, [110, ...Array.from({ length: grid.width - 1 }, () => 95)]);
    sheet.getRange(BOARD.titleRow, 1).setFontWeight('bold');
  } else {
    if (sheet.getMaxRows() < height) setRowCount(sheet, height, undo);
    if (sheet.getMaxColumns() < grid.width) {
      const max = sheet.getMaxColumns();
      undo.add(() => {
        if (sheet.getMaxColumns() === grid.width) sheet.deleteColumns(max + 1, grid.width - max);
      }, `คอลัมน์ที่เพิ่มในชีต "${own.name}"`);
      sheet.insertColumnsAfter(max, grid.width - max);
    }
  }
  let changed = writeValues_(own, grid, fresh, undo);
  changed = writeNotes_(own, grid, undo) || changed;
  makeBold(sheet.getRange(BOARD.headerRow, 1, 1, grid.width), undo);
  changed = setFrozenRows(sheet, BOARD.headerRow, undo) || changed;
  if (sheet.getFrozenColumns() !== 1) {
    const was = sheet.getFrozenColumns();
    undo.add(() => sheet.setFrozenColumns(was), `ชีต "${own.name}"`);
    sheet.setFrozenColumns(1);
    changed = true;
  }
  return applyTextRules(sheet, grid.rules, undo) || changed;
}

/** The values, written whole (as text where text) when any cell differs; old rows beyond it blanked. */
function writeValues_(own: OwnSheet, grid: BoardGrid, fresh: boolean, undo: Undo): boolean {
  const sheet = own.sheet;
  const current = fresh ? [] : sheet.getDataRange().getValues();
  const height = Math.max(grid.rows.length, current.length);
  const width = Math.max(grid.width, current[0]?.length ?? 0);
  const planned = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => grid.rows[r]?.[c] ?? ''),
  );
  const same = planned.every((row, r) => row.every((v, c) => v === (current[r]?.[c] ?? '')));
  if (same) return false;
  const range = sheet.getRange(1, 1, height, width);
  if (!fresh) {
    const old = planned.map((row, r) => row.map((_, c) => storedAgain(current[r]?.[c] ?? '')));
    undo.add(() => range.setValues(old), `ชีต "${own.name}"`);
  }
  range.setValues(planned.map((row) => row.map((v) => asCellText(v))));
  return true;
}

/** The duty cells' notes, written when any differs. */
function writeNotes_(own: OwnSheet, grid: BoardGrid, undo: Undo): boolean {
  if (grid.notes.length === 0) return false;
  const range = own.sheet.getRange(
    BOARD.firstDistrictRow,
    BOARD.firstDutyColumn,
    grid.notes.length,
    grid.notes[0].length,
  );
  const old = range.getNotes();
  if (grid.notes.every((row, r) => row.every((n, c) => n === (old[r]?.[c] ?? '')))) return false;
  undo.add(() => range.setNotes(old), `หมายเหตุของชีต "${own.name}"`);
  range.setNotes(grid.notes);
  return true;
}
