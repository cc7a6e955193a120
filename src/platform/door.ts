/**
 * The door's operations that are the platform's own (src/app/door/door.ts): a list sheet the
 * add-on keeps, found or made from its declaration, and rewritten whole. Each registers its
 * undo; the calls are those the data check made before the door (a marked sheet's frozen rows,
 * its last row, its size, one setValues).
 */
import type { Settings } from '../kernel/settings';
import { rightsOf } from '../features/setup/sheets/rights';
import type { SheetRole } from '../features/setup/sheets/sheetMarkers';
import { setFrozenRows, setRowCount } from './change';
import { applyProtection } from './protections';
import { markSheet, type OwnSheet, type Registry } from './sheetRegistry';
import { frozenRows, lastRow, type Spreadsheet, writeBlock } from './sheetIo';
import { blankOrNewSheet, setColumnWidths } from './sheetSync';
import type { Undo } from './undo';

/** A list sheet's declaration: its role, its name when made, its columns' widths. */
interface ListDeclaration_ {
  readonly role: SheetRole;
  readonly name: string;
  readonly widths: readonly number[];
}

/**
 * The list sheet of a role: the marked one (finished when its making was stopped midway: no
 * frozen header), or a new one made, marked and finished (an officer's sheet of the same name is
 * left alone: the list goes to a free name).
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param declaration the list's role, name and widths
 * @param settings who may write it
 * @param undo where each change's undo is registered
 */
export function ensureListSheet(
  ss: Spreadsheet,
  registry: Registry,
  declaration: ListDeclaration_,
  settings: Settings,
  undo: Undo,
): OwnSheet {
  const found = registry.one(declaration.role);
  if (!found) {
    const { sheet } = blankOrNewSheet(ss, declaration.name, undo);
    const own = markSheet(sheet, { role: declaration.role }, undo);
    finishList_(own, declaration, settings, undo);
    return own;
  }
  if (frozenRows(found.sheet) !== 1) finishList_(found, declaration, settings, undo);
  return found;
}

/**
 * Gives a list sheet its widths and protection, and freezes its header last: a list without its
 * frozen header is one whose making was stopped midway, finished at the next use.
 */
function finishList_(own: OwnSheet, declaration: ListDeclaration_, settings: Settings, undo: Undo): void {
  setColumnWidths(own.sheet, declaration.widths);
  applyProtection(own.sheet, rightsOf(own.mark, own.name, settings), undo);
  setFrozenRows(own.sheet, 1, undo);
}

/**
 * Rewrites a list sheet whole with one setValues, blanking the rows left from the previous list,
 * sized to the longer of the two. At least one row stays below the frozen header: the UI refuses
 * to delete every non-frozen row, and whether the API does too is unconfirmed, so that is never
 * tried.
 * @param own the list sheet
 * @param rows its rows, the header first, all of one width
 * @param undo where the old values and size are registered
 */
export function rewriteListSheet(own: OwnSheet, rows: readonly (readonly unknown[])[], undo: Undo): void {
  const sheet = own.sheet;
  const height = Math.max(rows.length, lastRow(sheet));
  const blank = rows[0].map(() => '');
  const grid = Array.from({ length: height }, (_, r) => rows[r] ?? blank);
  setRowCount(sheet, Math.max(height, 2), undo);
  writeBlock(sheet, 1, 1, grid, undo, `ชีต "${own.name}"`);
}
