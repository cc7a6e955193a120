/**
 * What an officer's edit costs in the district table's custom functions: the workbook set up
 * (twice: the second sizes the entry sheets to their content plus the margin) and filled, then
 * an edit in the busiest district's online sheet and an edit of the baseline, each modelled
 * from the formulas' references (editModel.ts): executions, cells and bytes passed, and the
 * time the executions take in an ordinary global scope.
 */
import { entrySheetName, SHEET } from '../src/features/setup/sheets/sheetNames';
import { loadBundleGlobally, readBundle } from './bundle';
import { editCost, executionsMs, formulaCells } from './editModel';
import { generateWorkbook } from './generator';
import { timed } from './measure';
import { SCALES } from './scales';
import { fillEntries, newBenchWorkbook, recalculate, writeDistrictSheet } from './workbook';

/** One modelled edit. */
export interface EditResult {
  /** What was edited, e.g. "online sheet of เมืองหนองคาย". */
  readonly edit: string;
  /** The cell, as A1 with its sheet. */
  readonly cell: string;
  readonly formulas: number;
  readonly executions: number;
  readonly byFunction: Record<string, number>;
  readonly cells: number;
  readonly bytes: number;
  /**
   * The bound for an entry-sheet edit: the cells of the edited district's two sheets,
   * the baseline, the settings and the criteria (each sheet's rows × columns), plus the row's
   * three cells.
   */
  readonly bound: number;
  /** The executions run one after another, median ms (global scope). */
  readonly ms: number;
}

/** The edits at one scale. */
export interface EditsResult {
  readonly scale: string;
  readonly districts: number;
  /** Entries in all entry sheets and the baseline. */
  readonly entries: number;
  /** Custom-function calls in the whole workbook (one per district row). */
  readonly customCalls: number;
  readonly setUpMs: number;
  readonly edits: EditResult[];
}

/**
 * Builds the scale's workbook and models the two edits.
 * @param root the project's root
 * @param scale the scale's name
 * @param seed the generator's seed
 */
export function benchEdits(root: string, scale: string, seed: number): EditsResult {
  const data = generateWorkbook(SCALES[scale], seed);
  const bundle = readBundle(root);
  const wb = newBenchWorkbook(bundle);
  writeDistrictSheet(wb.ss, data);
  const setUp = timed(() => {
    wb.gas.sidebarSetUp();
    fillEntries(wb.ss, data);
    wb.gas.sidebarSetUp(); // sizes the sheets to their content plus the margin
  });
  recalculate(wb.ss);
  const cells = formulaCells(wb.ss, wb.gas);
  const global = loadBundleGlobally(bundle);
  const busiest = data.online.reduce((best, rows, i) => (rows.length > data.online[best].length ? i : best), 0);
  const name = data.districts[busiest].name;
  const sheetCells = (sheetName: string) => {
    const sheet = wb.ss.getSheetByName(sheetName);
    return sheet ? sheet.getMaxRows() * sheet.getMaxColumns() : 0;
  };
  const bound =
    [entrySheetName('activities', name), entrySheetName('online', name), SHEET.baseline, SHEET.settings, SHEET.criteria]
      .map(sheetCells)
      .reduce((a, b) => a + b, 0) + 3;
  const model = (edit: string, sheetName: string, col: number): EditResult => {
    const sheet = wb.ss.getSheetByName(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const row = sheet.getLastRow() + 1; // the next row an officer types
    const cost = editCost(cells, { sheet: sheetName, row, col });
    return {
      edit,
      cell: `'${sheetName}'!${String.fromCharCode(64 + col)}${row}`,
      formulas: cost.formulas,
      executions: cost.executions,
      byFunction: cost.byFunction,
      cells: cost.cells,
      bytes: cost.bytes,
      bound,
      ms: executionsMs(global, cost.calls),
    };
  };
  const count = (sheets: readonly unknown[][][]) => sheets.reduce((n, rows) => n + rows.length, 0);
  return {
    scale,
    districts: data.districts.length,
    entries: count(data.activities) + count(data.online) + data.baseline.length,
    customCalls: cells.reduce((n, c) => n + c.calls.length, 0),
    setUpMs: setUp.ms,
    edits: [
      model(`online sheet of ${name} (the busiest)`, entrySheetName('online', name), 6),
      model('baseline', SHEET.baseline, 2),
    ],
  };
}
