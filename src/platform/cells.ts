/**
 * Writing planned cells into a sheet that officers may be editing at the same time: only the
 * cells that differ from the plan are written (runs of neighbouring cells in one call), each
 * run registering its old content, so an edit made elsewhere while an action runs survives.
 */
import { isDate } from '../kernel/civilDate';
import { isBlank } from '../kernel/text';
import { formulaKey } from '../kernel/a1';
import type { Undo } from './undo';
import { nameOf } from './sheetName';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A planned cell: a value, or formula text starting with '='. */
export type PlannedValue = string | number | boolean | Date;

/** What the sheet holds now, as read at the action's start. */
export interface SheetContent {
  readonly values: readonly (readonly unknown[])[];
  readonly formulas: readonly (readonly string[])[];
}

/**
 * Whether a cell already holds the planned content: formulas compared as formulaKey (quotes,
 * spaces, case), values as values (dates by time, blanks alike).
 * @param planned the planned value or formula
 * @param value the cell's value now
 * @param formula the cell's formula now ('' when none)
 */
export function holds(planned: PlannedValue, value: unknown, formula: string): boolean {
  if (typeof planned === 'string' && planned.startsWith('='))
    return formula !== '' && formulaKey(formula) === formulaKey(planned);
  if (formula !== '') return false;
  if (isDate(planned) && isDate(value)) return planned.getTime() === value.getTime();
  return planned === value || (isBlank(planned) && isBlank(value));
}

/** A run of neighbouring differing cells of one row: its first column and planned contents. */
interface Run_ {
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly [number, PlannedValue])[];
}

/**
 * Writes the planned cells that differ: each run of neighbouring cells of a row in one call,
 * and the runs of consecutive rows that span the same columns (a row's only run) together in
 * one call (a new sheet's rows, a table's formulas: one call instead of two a row).
 * @param sheet the sheet
 * @param planned row (1-based) → column (1-based) → planned content
 * @param now what the sheet holds, from row 1 and column 1
 * @param undo where each block's old content is registered
 * @param fresh the sheet was made in this run (nobody typed in it): the planned cells are
 *   written in one call, as one block with blanks where nothing is planned
 * @return how many cells were written
 */
export function writeChangedCells(
  sheet: Sheet,
  planned: ReadonlyMap<number, ReadonlyMap<number, PlannedValue>>,
  now: SheetContent,
  undo: Undo,
  fresh = false,
): number {
  if (fresh) return writeBlock_(sheet, planned, now, undo);
  const runs: Run_[][] = [];
  for (const [row, cells] of [...planned].sort(([a], [b]) => a - b)) {
    const differing = [...cells]
      .filter(([col, v]) => !holds(v, now.values[row - 1]?.[col - 1] ?? '', now.formulas[row - 1]?.[col - 1] ?? ''))
      .sort(([a], [b]) => a - b);
    const own: Run_[] = [];
    for (let i = 0; i < differing.length; ) {
      let j = i + 1;
      while (j < differing.length && differing[j][0] === differing[j - 1][0] + 1) j++;
      own.push({ row, col: differing[i][0], cells: differing.slice(i, j) });
      i = j;
    }
    if (own.length > 0) runs.push(own);
  }
  // a row's only run joins the block above when it is the next row and spans the same columns
  const blocks: Run_[][] = [];
  let open: Run_[] | null = null;
  for (const own of runs) {
    if (own.length === 1) {
      const run = own[0];
      const top = open?.[open.length - 1];
      if (open && top && top.row === run.row - 1 && top.col === run.col && top.cells.length === run.cells.length) {
        open.push(run);
        continue;
      }
      open = [run];
      blocks.push(open);
    } else {
      for (const run of own) blocks.push([run]);
      open = null;
    }
  }
  let written = 0;
  for (const block of blocks) {
    const first = block[0];
    const range = sheet.getRange(first.row, first.col, block.length, first.cells.length);
    const old = block.map((run) =>
      run.cells.map(([col]) => {
        const formula = now.formulas[run.row - 1]?.[col - 1] ?? '';
        return formula !== '' ? formula : storedAgain(now.values[run.row - 1]?.[col - 1] ?? '');
      }),
    );
    const rows = block.length === 1 ? `${first.row}` : `${first.row}–${first.row + block.length - 1}`;
    undo.add(() => range.setValues(old), `ชีต "${nameOf(sheet)}" แถวที่ ${rows}`);
    range.setValues(block.map((run) => run.cells.map(([, v]) => v)));
    written += block.length * first.cells.length;
  }
  return written;
}

/**
 * Writes a new sheet's planned cells in one call: the block from the first planned row and
 * column to the last, blanks where nothing is planned (the sheet is new, so nothing else is
 * there), its old content registered.
 * @param sheet the sheet
 * @param planned row (1-based) → column (1-based) → planned content
 * @param now what the sheet holds
 * @param undo where the old content is registered
 * @return how many cells were written
 */
function writeBlock_(
  sheet: Sheet,
  planned: ReadonlyMap<number, ReadonlyMap<number, PlannedValue>>,
  now: SheetContent,
  undo: Undo,
): number {
  const rows = [...planned.keys()].filter((r) => (planned.get(r)?.size ?? 0) > 0);
  const cols = rows.flatMap((r) => [...(planned.get(r)?.keys() ?? [])]);
  if (rows.length === 0) return 0;
  const top = Math.min(...rows);
  const left = Math.min(...cols);
  const height = Math.max(...rows) - top + 1;
  const width = Math.max(...cols) - left + 1;
  const grid = (at: (r: number, c: number) => unknown) =>
    Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => at(top + i, left + j)));
  const old = grid((r, c) => {
    const formula = now.formulas[r - 1]?.[c - 1] ?? '';
    return formula !== '' ? formula : storedAgain(now.values[r - 1]?.[c - 1] ?? '');
  });
  const range = sheet.getRange(top, left, height, width);
  undo.add(() => range.setValues(old), `ชีต "${nameOf(sheet)}" แถวที่ ${top}–${top + height - 1}`);
  range.setValues(grid((r, c) => planned.get(r)?.get(c) ?? ''));
  return height * width;
}

/**
 * A value read with getValues, to be written back exactly: text gets a leading apostrophe so
 * Sheets keeps it as text (setValues parses text in cells of automatic format: '0012' would
 * become 12, '1/4' a date; a leading apostrophe forces text, Range.setValues reference).
 * @param value the value as read
 */
export function storedAgain(value: unknown): unknown {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}
