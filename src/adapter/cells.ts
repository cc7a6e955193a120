/**
 * Writing planned cells into a sheet that officers may be editing at the same time: only the
 * cells that differ from the plan are written (runs of neighbouring cells in one call), each
 * run registering its old content, so an edit made elsewhere while an action runs survives.
 */
import { isDate } from '../core/civilDate';
import { isBlank } from '../core/text';
import { formulaKey } from '../workbook/a1';
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

/**
 * Writes the planned cells that differ.
 * @param sheet the sheet
 * @param planned row (1-based) → column (1-based) → planned content
 * @param now what the sheet holds, from row 1 and column 1
 * @param undo where each run's old content is registered
 * @return how many cells were written
 */
export function writeChangedCells(
  sheet: Sheet,
  planned: ReadonlyMap<number, ReadonlyMap<number, PlannedValue>>,
  now: SheetContent,
  undo: Undo,
): number {
  let written = 0;
  for (const [row, cells] of [...planned].sort(([a], [b]) => a - b)) {
    const differing = [...cells]
      .filter(([col, v]) => !holds(v, now.values[row - 1]?.[col - 1] ?? '', now.formulas[row - 1]?.[col - 1] ?? ''))
      .sort(([a], [b]) => a - b);
    for (let i = 0; i < differing.length; ) {
      let j = i + 1;
      while (j < differing.length && differing[j][0] === differing[j - 1][0] + 1) j++;
      const run = differing.slice(i, j);
      const range = sheet.getRange(row, run[0][0], 1, run.length);
      const old = run.map(([col]) => {
        const formula = now.formulas[row - 1]?.[col - 1] ?? '';
        return formula !== '' ? formula : storedAgain(now.values[row - 1]?.[col - 1] ?? '');
      });
      undo.add(() => range.setValues([old]), `ชีต "${nameOf(sheet)}" แถวที่ ${row}`);
      range.setValues([run.map(([, v]) => v)]);
      written += run.length;
      i = j;
    }
  }
  return written;
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
