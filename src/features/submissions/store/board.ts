/**
 * The board `สถานะการส่งรายงาน` in the workbook: made, marked and protected on first use (its
 * editors are the named officers, since a district officer's submission rebuilds it), then
 * rebuilt whole from the submissions: a block written only when some cell differs (so a repeat
 * set-up on the same day writes nothing), its notes likewise, and its colour rules kept in step.
 */
import type { Day } from '../../../kernel/civilDate';
import { yearDuties } from '../rules/duties';
import type { Settings } from '../../../kernel/settings';
import { makeBlockBold, setFrozenColumns, setFrozenRows, setRowCount } from '../../../platform/change';
import { applyProtection } from '../../../platform/protections';
import { markSheet, type OwnSheet } from '../../../platform/sheetRegistry';
import { blankOrNewSheet, setColumnWidths } from '../../../platform/sheetSync';
import { readSheetStates, type SheetState } from '../../../platform/sheetState';
import { applyTextRules, textRulesInPlace } from '../../../platform/textRulesSync';
import type { Undo } from '../../../platform/undo';
import { BOARD, type BoardGrid, boardGrid } from '../sheets/board';
import { asCellText } from '../../../kernel/cellText';
import { rightsOf } from '../../setup/sheets/rights';
import { SHEET } from '../../setup/sheets/sheetNames';
import { keptYears, type SubmissionRecord } from '../sheets/submissions';
import type { WorkbookConfig } from '../../../app/workbookRead';
import {
  boldNewCell,
  growColumns,
  maxRows,
  readAll,
  type Spreadsheet,
  trimNewSheetColumns,
  writeBlock,
  writeNotes,
} from '../../../platform/sheetIo';

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
  return boardGrid(settings.fiscalYear, districts, yearDuties(settings, keptYears(records)), records, today);
}

/**
 * The states of the board and of the log (a submission and the reminders' run rebuild the one
 * and append to the other), in one read (platform/sheetState.ts) before the action's first
 * write; null for a sheet not made yet.
 * @param ss the workbook
 * @param config the workbook's configuration
 */
export function readBoardAndLog(
  ss: Spreadsheet,
  config: WorkbookConfig,
): { board: SheetState | null; log: SheetState | null } {
  const owns = [config.registry.one('board'), config.registry.one('log')];
  const names = owns.flatMap((o) => (o ? [o.name] : []));
  const states = readSheetStates(ss, names, { values: true });
  const stateOf = (own: (typeof owns)[number]) => (own ? (states[names.indexOf(own.name)] ?? null) : null);
  return { board: stateOf(owns[0]), log: stateOf(owns[1]) };
}

/**
 * Rebuilds the board (made on first use).
 * @param ss the workbook
 * @param config the workbook's configuration
 * @param records the submissions
 * @param today the day
 * @param undo where each change's undo is registered
 * @param state the board's state as read before the action wrote (readBoardAndLog); without it
 *   each check reads the sheet
 * @return true when something changed
 */
export function rebuildBoard(
  ss: Spreadsheet,
  config: WorkbookConfig,
  records: readonly SubmissionRecord[],
  today: Day,
  undo: Undo,
  state?: SheetState | null,
): boolean {
  const found = config.registry.one('board');
  const own = found ?? createBoard_(ss, config, undo);
  const grid = boardOf(config.settings, config.districts, records, today);
  return writeBoard(own, !found, grid, undo, found ? (state ?? undefined) : undefined);
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
 * @param state the sheet's state as read before the action wrote (readBoardAndLog): only what
 *   differs is then asked of the sheet and changed; without it each check reads the sheet
 * @return true when a cell, a note or a rule changed
 */
export function writeBoard(own: OwnSheet, fresh: boolean, grid: BoardGrid, undo: Undo, state?: SheetState): boolean {
  const height = grid.rows.length;
  if (fresh) {
    const sheet = own.sheet;
    setRowCount(sheet, Math.max(height, BOARD.firstDistrictRow), undo);
    trimNewSheetColumns(sheet, grid.width);
    setColumnWidths(sheet, [110, ...Array.from({ length: grid.width - 1 }, () => 95)]);
    boldNewCell(sheet, BOARD.titleRow, 1);
  } else {
    if ((state ? state.maxRows : maxRows(own.sheet)) < height) setRowCount(own.sheet, height, undo);
    if (!state || state.maxColumns < grid.width) {
      growColumns(own.sheet, grid.width, undo, `คอลัมน์ที่เพิ่มในชีต "${own.name}"`);
    }
  }
  let changed = writeValues_(own, grid, fresh, undo, state?.values ?? undefined);
  changed = writeNotes_(own, grid, undo, state) || changed;
  if (!state?.allBold(BOARD.headerRow, 1, 1, grid.width))
    makeBlockBold(own.sheet, BOARD.headerRow, 1, 1, grid.width, undo);
  if (state?.frozenRows !== BOARD.headerRow) changed = setFrozenRows(own.sheet, BOARD.headerRow, undo) || changed;
  if (state?.frozenColumns !== 1) changed = setFrozenColumns(own.sheet, 1, undo, `ชีต "${own.name}"`) || changed;
  if (state && textRulesInPlace(state.rules, grid.rules)) return changed;
  return applyTextRules(own.sheet, grid.rules, undo) || changed;
}

/**
 * The values, written whole (as text where text) when any cell differs; old rows beyond it blanked.
 * @param own the board sheet
 * @param grid the content
 * @param fresh made in this run (blank)
 * @param undo where the old values are registered
 * @param read the data range's values as read with the sheet's state, when they were
 */
function writeValues_(own: OwnSheet, grid: BoardGrid, fresh: boolean, undo: Undo, read?: unknown[][]): boolean {
  const current = fresh ? [] : (read ?? readAll(own.sheet));
  const height = Math.max(grid.rows.length, current.length);
  const width = Math.max(grid.width, current[0]?.length ?? 0);
  const planned = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => grid.rows[r]?.[c] ?? ''),
  );
  const same = planned.every((row, r) => row.every((v, c) => v === (current[r]?.[c] ?? '')));
  if (same) return false;
  const text = planned.map((row) => row.map((v) => asCellText(v)));
  writeBlock(own.sheet, 1, 1, text, undo, `ชีต "${own.name}"`, fresh ? null : current);
  return true;
}

/**
 * The duty cells' notes, written when any differs.
 * @param own the board sheet
 * @param grid the content
 * @param undo where the old notes are registered
 * @param state the sheet's state as read, when it was (then nothing is asked when they are the same)
 */
function writeNotes_(own: OwnSheet, grid: BoardGrid, undo: Undo, state?: SheetState): boolean {
  if (grid.notes.length === 0) return false;
  if (state) {
    const width = grid.notes[0].length;
    const read = state.notes(BOARD.firstDistrictRow, BOARD.firstDutyColumn, grid.notes.length, width);
    if (grid.notes.every((line, i) => line.every((n, j) => n === read[i][j]))) return false;
  }
  const label = `หมายเหตุของชีต "${own.name}"`;
  return writeNotes(own.sheet, BOARD.firstDistrictRow, BOARD.firstDutyColumn, grid.notes, undo, label);
}
