/**
 * What one edit costs in custom-function executions, modelled from the formulas' references:
 * Sheets recalculates a custom function when a cell it references changes, and only then
 * (developers.google.com/apps-script/guides/sheets/functions: "custom functions only
 * recalculate when one of their arguments changes"); every execution is a fresh request to
 * Google's servers that receives its arguments' whole ranges. An edit in a cell re-runs every
 * formula whose references contain it, and, transitively, every formula that references the
 * cells those formulas fill (their spill included); a native formula (SUM, FLOOR) re-runs no
 * custom function of its own. Each custom-function call in a re-run formula is one execution;
 * its payload is its arguments as Sheets passes them (a cell as its value, a range as a 2-D
 * array), measured in cells and in UTF-8 bytes of their JSON.
 */
import { performance } from 'node:perf_hooks';
import type { FakeSpreadsheet } from '../dev/fakes';
import { type FormulaNode, parseFormula } from '../dev/fakes/formulaParser';
import type { Gas } from './bundle';

/** A block of one sheet; rows and columns 1-based, inclusive. */
export interface Block {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** A custom-function call inside a formula, with its arguments as Sheets would pass them. */
export interface CustomCall {
  readonly fn: string;
  /** The arguments: a cell as its value, a range as a 2-D array. */
  readonly args: unknown[];
  /** Cells passed: a range's rows × columns, 1 for a cell or a literal. */
  readonly cells: number;
  /** UTF-8 bytes of the arguments as JSON. */
  readonly bytes: number;
}

/** A formula cell of the workbook and what it reads and fills. */
export interface FormulaCell {
  readonly at: Block;
  readonly formula: string;
  /** Every block its references name (open ends resolved to the sheet's size). */
  readonly reads: readonly Block[];
  /** Its custom-function calls (none for a native formula). */
  readonly calls: readonly CustomCall[];
  /** The cells it fills: the anchor, and a custom function's spill. */
  readonly fills: Block;
}

/** What an edit re-runs. */
export interface EditCost {
  /** Formula cells re-run, custom or native. */
  readonly formulas: number;
  /** Custom-function executions. */
  readonly executions: number;
  /** Cells passed to those executions, in all. */
  readonly cells: number;
  /** UTF-8 bytes of those executions' arguments as JSON, in all. */
  readonly bytes: number;
  /** The custom functions re-run, by name. */
  readonly byFunction: Record<string, number>;
  /** The calls re-run (for timing). */
  readonly calls: readonly CustomCall[];
}

const intersects = (a: Block, b: Block) =>
  a.sheet === b.sheet && a.row <= b.lastRow && b.row <= a.lastRow && a.col <= b.lastCol && b.col <= a.lastCol;

/**
 * Every formula cell of the workbook, with what it reads and fills. Each custom-function call
 * is evaluated once here with its arguments read from the workbook (formulas computed), so its
 * payload and the shape of its result are known.
 * @param ss the workbook
 * @param gas the bundle whose custom functions compute the formulas
 */
export function formulaCells(ss: FakeSpreadsheet, gas: Gas): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const formulas = sheet.getDataRange().getFormulas();
    formulas.forEach((row, r) => {
      row.forEach((formula, c) => {
        if (formula) out.push(formulaCell_(ss, gas, { sheet: name, row: r + 1, col: c + 1 }, formula));
      });
    });
  }
  return out;
}

function formulaCell_(ss: FakeSpreadsheet, gas: Gas, at: { sheet: string; row: number; col: number }, formula: string) {
  const anchor: Block = { ...at, lastRow: at.row, lastCol: at.col };
  const reads: Block[] = [];
  const calls: CustomCall[] = [];
  let fills = anchor;
  const walk = (node: FormulaNode, top: boolean): void => {
    if (node.kind === 'ref') reads.push(block_(ss, at.sheet, node));
    else if (node.kind === 'call') {
      node.args.forEach((arg) => {
        walk(arg, false);
      });
      if (/^OTOP_/i.test(node.name)) {
        const call = customCall_(ss, at.sheet, node.name.toUpperCase(), node.args);
        calls.push(call);
        if (top) {
          const result = gas[call.fn](...call.args);
          if (Array.isArray(result) && Array.isArray(result[0])) {
            fills = { ...anchor, lastRow: at.row + result.length - 1, lastCol: at.col + result[0].length - 1 };
          }
        }
      }
    } else if (node.kind === 'array') {
      for (const line of node.rows) {
        for (const item of line) walk(item, false);
      }
    } else if (node.kind === 'negate') walk(node.operand, false);
    else if (node.kind === 'binary') {
      walk(node.left, false);
      walk(node.right, false);
    }
  };
  walk(parseFormula(formula), true);
  return { at: anchor, formula, reads, calls, fills };
}

/** A reference's block, open ends to the sheet's size (as Sheets passes A1:J). */
function block_(ss: FakeSpreadsheet, here: string, ref: FormulaNode & { kind: 'ref' }): Block {
  const name = ref.sheetName ?? here;
  const sheet = ss.getSheetByName(name);
  const lastRow = ref.isRange ? (ref.endRow ?? sheet?.getMaxRows() ?? ref.row) : ref.row;
  const lastCol = ref.isRange ? (ref.endCol ?? sheet?.getMaxColumns() ?? ref.col) : ref.col;
  return { sheet: name, row: ref.row, col: ref.col, lastRow, lastCol };
}

/** A custom-function call's arguments read from the workbook, as Sheets passes them. */
function customCall_(ss: FakeSpreadsheet, here: string, fn: string, nodes: readonly FormulaNode[]): CustomCall {
  const matrices = nodes.map((node) => matrix_(ss, here, fn, node));
  const args = matrices.map((m) => (m.length === 1 && m[0].length === 1 ? m[0][0] : m));
  const cells = matrices.reduce((total, m) => total + m.length * (m[0]?.length ?? 0), 0);
  return { fn, args, cells, bytes: Buffer.byteLength(JSON.stringify(args), 'utf8') };
}

/** An argument's values: a literal, a reference's block, or an array literal `{a; b}` stacked. */
function matrix_(ss: FakeSpreadsheet, here: string, fn: string, node: FormulaNode): unknown[][] {
  if (node.kind === 'number' || node.kind === 'string' || node.kind === 'boolean') return [[node.value]];
  if (node.kind === 'ref') {
    const b = block_(ss, here, node);
    const range = ss.getSheetByName(b.sheet)?.getRange(b.row, b.col, b.lastRow - b.row + 1, b.lastCol - b.col + 1);
    return range ? range.getValues() : [['']];
  }
  if (node.kind === 'array') {
    return node.rows.flatMap((items) => {
      const parts = items.map((item) => matrix_(ss, here, fn, item));
      return parts[0].map((_, i) => parts.flatMap((part) => part[i] ?? []));
    });
  }
  throw new Error(`${fn}: the bench models literal, reference and {…} arguments only`);
}

/**
 * What an edit of one cell re-runs: the formulas reading it, then those reading what they fill.
 * @param cells the workbook's formula cells
 * @param edited the edited cell
 */
export function editCost(cells: readonly FormulaCell[], edited: { sheet: string; row: number; col: number }): EditCost {
  const changed: Block[] = [{ ...edited, lastRow: edited.row, lastCol: edited.col }];
  const rerun = new Set<FormulaCell>();
  for (let i = 0; i < changed.length; i++) {
    const block = changed[i];
    for (const cell of cells) {
      if (rerun.has(cell) || !cell.reads.some((read) => intersects(read, block))) continue;
      rerun.add(cell);
      changed.push(cell.fills);
    }
  }
  const calls = [...rerun].flatMap((cell) => cell.calls);
  const byFunction: Record<string, number> = {};
  for (const call of calls) byFunction[call.fn] = (byFunction[call.fn] ?? 0) + 1;
  return {
    formulas: rerun.size,
    executions: calls.length,
    cells: calls.reduce((n, c) => n + c.cells, 0),
    bytes: calls.reduce((n, c) => n + c.bytes, 0),
    byFunction,
    calls,
  };
}

/**
 * The wall time of running an edit's executions one after another in a bundle, ms: the median
 * of `runs` rounds after one warm-up round.
 * @param gas the bundle (loaded into an ordinary global scope, as Apps Script runs it)
 * @param calls the executions
 * @param runs rounds to time
 */
export function executionsMs(gas: Gas, calls: readonly CustomCall[], runs = 5): number {
  const round = () => {
    for (const call of calls) gas[call.fn](...call.args);
  };
  round();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    round();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}
