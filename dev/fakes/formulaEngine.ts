/**
 * Formula evaluation. Formula cells get their values when read: a sheet's formulas are evaluated
 * once, and again only when a sheet they read changed (sheetCalc_; any change of formulas,
 * names or structure anywhere, or the clock for NOW()/TODAY(), counts), so a getValues over a
 * spilled block evaluates its formula once. Supported: built-ins SUM, MIN, MAX, COUNTA, IF
 * (lazy, as in Sheets), FLOOR, TRIM, OR, AND, NOT, REGEXMATCH (RE2, re2.ts), ISBLANK, ISNUMBER and TO_TEXT
 * (which look at the referenced cell itself), NOW and TODAY (the workbook clock; TODAY is
 * midnight in the spreadsheet time zone), RAND (a fixed 0.5), the operators (comparison, &,
 * arithmetic) on single values, and custom functions from the workbook's resolver; arguments as Sheets passes them to custom
 * functions (a cell as its value, a range as a 2-D array with "" for empty cells and Dates as
 * Date; guides/sheets/functions). A 2-D result spills right and down; a blocked spill shows #REF!,
 * a thrown error #ERROR! with its message, an unknown function #NAME?, a cycle #REF!.
 * Open-ended references (A2:J) run to the sheet's last row (getMaxRows), blank rows included.
 * A custom function given NOW()/TODAY()/RAND() as an argument shows "Loading..."; one referencing
 * a cell whose formula depends on them, directly or through other cells, shows #ERROR!; an error
 * among its arguments shows that error without calling it (platform.ts has the sources and the
 * switches for the other outcomes).
 */
import { cellA1, type Rect } from './a1';
import { instantInZone, zonedParts } from './dates';
import { displayText } from './display';
import { type BinaryOp, FormulaParseError, parseFormula, type FormulaNode } from './formulaParser';
import type { WorkbookModel } from './model';
import { Re2SyntaxError, re2ToRegExp } from './re2';
import { LOADING_TEXT, refusesFormula, VOLATILE_REFERENCE_MESSAGE } from './platform';
import { hasContent, type CellData, type SheetModel } from './sheetModel';
import { CellError, isDate, messageOf, type CellValue } from './values';

// Built-ins of the per-cell paths, read once: under jest's default environment a global lookup
// passes the test realm's global proxy, about 0.4 µs.
const Array_ = Array;
const isArray_ = Array.isArray;
const isFinite_ = Number.isFinite;

type Matrix = CellValue[][];
type Evaluated = CellValue | Matrix;

interface FormulaResult_ {
  value: CellValue;
  error: string | null;
}

interface SheetCalc_ {
  status: 'pending' | 'running' | 'done';
  formulas: Array<[number, number]>;
  results: Map<number, FormulaResult_>;
  spills: Map<number, CellValue>;
  evaluating: Set<number>;
  /** formula cell → whether it depends on a volatile function (custom functions may not) */
  volatile: Map<number, boolean>;
  /** the workbook generation it was last known current in */
  generation: number;
  /**
   * the sheets its formulas read (itself included): each one's content version then, and its
   * calculation then (a sheet read in turn is current only while that calculation is)
   */
  reads: Map<SheetModel, { version: number; calc: SheetCalc_ }>;
  /** a formula called NOW(), TODAY() or RAND(): its results hold for one generation only */
  clock: boolean;
}

/** Each workbook's calculations, by sheet. */
const calcs_ = new WeakMap<WorkbookModel, Map<SheetModel, SheetCalc_>>();
const CIRCULAR_ = new CellError(
  '#REF!',
  'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
);

function key_(row: number, col: number): number {
  return row * 32768 + col;
}

/**
 * The sheet's calculation: the one made earlier while it is current, else a new one. A
 * calculation stays current across generations while no sheet it read changed (each sheet's
 * content version, WorkbookModel.touch) and no calculation it read was made anew, unless it
 * read the clock: formulas of sheets nobody changed are not computed again (custom functions
 * included, as Sheets reruns them only when their arguments change).
 */
function sheetCalc_(book: WorkbookModel, sheet: SheetModel): SheetCalc_ {
  let calcs = calcs_.get(book);
  if (!calcs) {
    calcs = new Map();
    calcs_.set(book, calcs);
  }
  let calc = calcs.get(sheet);
  if (calc && calc.generation !== book.generation) {
    if (current_(book, calcs, calc, new Set())) calc.generation = book.generation;
    else calc = undefined;
  }
  if (!calc) {
    const formulas: Array<[number, number]> = [];
    sheet.rows.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (cell?.formula !== undefined) formulas.push([r + 1, c + 1]);
      });
    });
    calc = {
      status: 'pending',
      formulas,
      results: new Map(),
      spills: new Map(),
      evaluating: new Set(),
      volatile: new Map(),
      generation: book.generation,
      reads: new Map(),
      clock: false,
    };
    calc.reads.set(sheet, { version: sheet.contentVersion, calc });
    calcs.set(sheet, calc);
  }
  return calc;
}

/** Whether a calculation of an earlier generation still holds (sheetCalc_). */
function current_(
  book: WorkbookModel,
  calcs: Map<SheetModel, SheetCalc_>,
  calc: SheetCalc_,
  seen: Set<SheetCalc_>,
): boolean {
  if (calc.generation === book.generation || seen.has(calc)) return true;
  if (calc.status !== 'done' || calc.clock) return false;
  seen.add(calc);
  for (const [sheet, read] of calc.reads) {
    if (sheet.contentVersion !== read.version || !book.sheets.includes(sheet)) return false;
    if (calcs.get(sheet) !== read.calc || !current_(book, calcs, read.calc, seen)) return false;
  }
  return true;
}

/**
 * Notes that formulas of `sheet` read `target` (sheetCalc_ keeps results while what they read
 * stands).
 */
function noteRead_(book: WorkbookModel, sheet: SheetModel, target: SheetModel): void {
  if (target === sheet) return;
  const calc = sheetCalc_(book, sheet);
  if (!calc.reads.has(target))
    calc.reads.set(target, { version: target.contentVersion, calc: sheetCalc_(book, target) });
}

/** Evaluates every formula of the sheet unless done or already under way. */
function ensure_(book: WorkbookModel, sheet: SheetModel): SheetCalc_ {
  const calc = sheetCalc_(book, sheet);
  if (calc.status === 'pending') {
    calc.status = 'running';
    for (const [row, col] of calc.formulas) evalCell_(book, sheet, calc, row, col);
    calc.status = 'done';
  }
  return calc;
}

function valueIn_(
  book: WorkbookModel,
  sheet: SheetModel,
  calc: SheetCalc_,
  row: number,
  col: number,
  cell: CellData | undefined,
): CellValue {
  if (cell?.formula !== undefined) return evalCell_(book, sheet, calc, row, col);
  if (cell?.value !== undefined && cell.value !== '') return cell.value;
  return calc.spills.get(key_(row, col)) ?? '';
}

function evalCell_(book: WorkbookModel, sheet: SheetModel, calc: SheetCalc_, row: number, col: number): CellValue {
  const key = key_(row, col);
  const done = calc.results.get(key);
  if (done) return done.value;
  const formula = sheet.cell(row, col)?.formula;
  if (formula === undefined) return sheet.cell(row, col)?.value ?? '';
  if (calc.evaluating.has(key)) return CIRCULAR_;
  calc.evaluating.add(key);
  let outcome: Evaluated;
  try {
    outcome = evalFormula_(book, sheet, formula);
  } finally {
    calc.evaluating.delete(key);
  }
  const result = place_(sheet, calc, row, col, outcome);
  calc.results.set(key, result);
  return result.value;
}

function evalFormula_(book: WorkbookModel, sheet: SheetModel, formula: string): Evaluated {
  if (refusesFormula(book.platform, formula)) return new CellError('#ERROR!', 'Formula parse error.');
  let node: FormulaNode;
  try {
    node = parseFormula(formula);
  } catch (e) {
    if (e instanceof FormulaParseError) return new CellError('#ERROR!', e.message);
    throw e;
  }
  return evalNode_(book, sheet, node);
}

function scalarResult_(value: CellValue): FormulaResult_ {
  return { value, error: value instanceof CellError ? value.message : null };
}

/** Writes a formula's result: the anchor value, and the spill when the area is free. */
function place_(sheet: SheetModel, calc: SheetCalc_, row: number, col: number, outcome: Evaluated): FormulaResult_ {
  if (!isArray_(outcome)) return scalarResult_(outcome);
  const height = outcome.length;
  const width = outcome[0]?.length ?? 0;
  if (height === 0 || width === 0) return scalarResult_('');
  if (height === 1 && width === 1) return scalarResult_(outcome[0][0]);
  if (row + height - 1 > sheet.maxRows) {
    return scalarResult_(
      new CellError(
        '#REF!',
        `Result was not automatically expanded, please insert more rows (${row + height - 1 - sheet.maxRows}).`,
      ),
    );
  }
  if (col + width - 1 > sheet.maxColumns) {
    return scalarResult_(
      new CellError(
        '#REF!',
        `Result was not automatically expanded, please insert more columns (${col + width - 1 - sheet.maxColumns}).`,
      ),
    );
  }
  for (let i = 0; i < height; i++) {
    for (let j = i === 0 ? 1 : 0; j < width; j++) {
      if (hasContent(sheet.cell(row + i, col + j)) || calc.spills.has(key_(row + i, col + j))) {
        const where = cellA1(row + i, col + j);
        return scalarResult_(
          new CellError('#REF!', `Array result was not expanded because it would overwrite data in ${where}.`),
        );
      }
    }
  }
  for (let i = 0; i < height; i++) {
    for (let j = i === 0 ? 1 : 0; j < width; j++) calc.spills.set(key_(row + i, col + j), outcome[i][j]);
  }
  return scalarResult_(outcome[0][0]);
}

function readRect_(book: WorkbookModel, sheet: SheetModel, rect: Rect): Matrix {
  const calc = ensure_(book, sheet);
  const plain = calc.formulas.length === 0;
  const out: Matrix = new Array_(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const cells = sheet.rows[rect.row - 1 + i];
    const line: CellValue[] = new Array_(rect.numCols);
    for (let j = 0; j < rect.numCols; j++) {
      const cell = cells?.[rect.col - 1 + j];
      line[j] = plain ? (cell?.value ?? '') : valueIn_(book, sheet, calc, rect.row + i, rect.col + j, cell);
    }
    out[i] = line;
  }
  return out;
}

function evalNode_(book: WorkbookModel, sheet: SheetModel, node: FormulaNode): Evaluated {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return node.value;
    case 'negate':
      return negate_(evalNode_(book, sheet, node.operand));
    case 'binary':
      return binary_(node.op, scalar_(evalNode_(book, sheet, node.left)), scalar_(evalNode_(book, sheet, node.right)));
    case 'name':
      return new CellError('#NAME?', `Unknown range name: '${node.name.toUpperCase()}'.`);
    case 'error':
      return new CellError(node.code, node.code === '#REF!' ? 'Reference does not exist.' : node.code);
    case 'array':
      return stack_(node.rows.map((row) => row.map((item) => evalNode_(book, sheet, item))));
    case 'call': {
      const upper = node.name.toUpperCase();
      if (upper === 'IF') return if_(book, sheet, node.args);
      if (upper === 'ISBLANK') return isBlank_(book, sheet, node.args);
      if (upper === 'TO_TEXT') return toText_(book, sheet, node.args);
      return call_(book, sheet, node);
    }
    case 'ref': {
      const place = refPlace_(book, sheet, node);
      if (place instanceof CellError) return place;
      const { target, rect } = place;
      if (!node.isRange)
        return valueIn_(book, target, ensure_(book, target), node.row, node.col, target.cell(node.row, node.col));
      return readRect_(book, target, rect);
    }
  }
}

type RefNode_ = Extract<FormulaNode, { kind: 'ref' }>;

/** The sheet and block a reference names, or the #REF! Sheets shows for it. */
function refPlace_(
  book: WorkbookModel,
  sheet: SheetModel,
  node: RefNode_,
): { target: SheetModel; rect: Rect } | CellError {
  const target =
    node.sheetName === null
      ? sheet
      : (book.sheetByName(node.sheetName) ?? book.sheetByNameIgnoringCase(node.sheetName));
  if (!target) return new CellError('#REF!', `Unresolved sheet name '${node.sheetName}'.`);
  noteRead_(book, sheet, target);
  const endRow = node.endRow ?? target.maxRows;
  const endCol = node.endCol ?? target.maxColumns;
  if (endRow > target.maxRows || endCol > target.maxColumns || node.row > endRow) {
    return new CellError('#REF!', 'Reference is outside the dimensions of the sheet.');
  }
  return {
    target,
    rect: { row: node.row, col: node.col, numRows: endRow - node.row + 1, numCols: endCol - node.col + 1 },
  };
}

/** Sheets' message for a call with the wrong number of arguments. */
function arity_(name: string, expected: string, got: number): CellError {
  return new CellError(
    '#N/A',
    `Wrong number of arguments to ${name}. Expected ${expected} arguments, but got ${got} arguments.`,
  );
}

/**
 * The one cell an argument names when it is a reference to a single cell (A2, or A2:A2), else
 * null; a larger block is #VALUE! as elsewhere where one value is expected (scalar_).
 */
function singleCell_(
  book: WorkbookModel,
  sheet: SheetModel,
  node: FormulaNode,
): { target: SheetModel; row: number; col: number } | CellError | null {
  if (node.kind !== 'ref') return null;
  const place = refPlace_(book, sheet, node);
  if (place instanceof CellError) return place;
  if (place.rect.numRows !== 1 || place.rect.numCols !== 1) {
    return new CellError('#VALUE!', 'An array value could not be found.');
  }
  return { target: place.target, row: node.row, col: node.col };
}

/**
 * ISBLANK(value): TRUE only for a referenced cell with no value and no formula; a formula that
 * returns "" is not blank, nor is the literal "" ("it does not consider \"\" as blank",
 * stderr.brandonistenes.com/defeating-google-sheets-isblank). A value that is no reference is
 * never blank (not evaluated: IS functions show no error of their argument). A cell a formula
 * spills into is blank only where the spilled value is "".
 */
function isBlank_(book: WorkbookModel, sheet: SheetModel, args: readonly FormulaNode[]): Evaluated {
  if (args.length !== 1) return arity_('ISBLANK', '1', args.length);
  const one = singleCell_(book, sheet, args[0]);
  if (one === null) return false;
  if (one instanceof CellError) return one;
  const cell = one.target.cell(one.row, one.col);
  if (cell?.formula !== undefined || (cell?.value !== undefined && cell.value !== '')) return false;
  const calc = ensure_(book, one.target);
  // Mid-sweep, a formula above and to the left may not have spilled yet: settle those first.
  for (const [r, c] of calc.formulas) {
    const key = key_(r, c);
    if (r <= one.row && c <= one.col && !calc.results.has(key) && !calc.evaluating.has(key)) {
      evalCell_(book, one.target, calc, r, c);
    }
  }
  return (calc.spills.get(key_(one.row, one.col)) ?? '') === '';
}

/**
 * TO_TEXT(value): a number (a date is a number in Sheets) as the text its cell shows, "with
 * existing formatting retained ... dates as dates"; anything else "without modification"
 * (support.google.com/docs/answer/3094285), so text stays, a boolean stays a boolean (the help
 * taken literally; whether Sheets returns the text "TRUE" is unconfirmed) and a blank stays "".
 * A number that is no reference shows in the plain form (display.ts); an error passes through.
 */
function toText_(book: WorkbookModel, sheet: SheetModel, args: readonly FormulaNode[]): Evaluated {
  if (args.length !== 1) return arity_('TO_TEXT', '1', args.length);
  const one = singleCell_(book, sheet, args[0]);
  if (one instanceof CellError) return one;
  let value: CellValue;
  let format: string | undefined;
  if (one === null) {
    value = scalar_(evalNode_(book, sheet, args[0]));
  } else {
    const cell = one.target.cell(one.row, one.col);
    value = valueIn_(book, one.target, ensure_(book, one.target), one.row, one.col, cell);
    format = cell?.style?.numberFormat;
  }
  if (typeof value !== 'number' && !isDate(value)) return value;
  return displayText(value, format, book.timeZone);
}

/** IF(condition, then, [else]): only the branch taken is evaluated (an error in the other does not show). */
function if_(book: WorkbookModel, sheet: SheetModel, args: readonly FormulaNode[]): Evaluated {
  if (args.length < 2 || args.length > 3) {
    return new CellError(
      '#N/A',
      `Wrong number of arguments to IF. Expected between 2 and 3 arguments, but got ${args.length} arguments.`,
    );
  }
  const condition = scalar_(evalNode_(book, sheet, args[0]));
  if (condition instanceof CellError) return condition;
  const truthy = typeof condition === 'string' ? condition.toUpperCase() === 'TRUE' : Boolean(condition);
  if (truthy) return evalNode_(book, sheet, args[1]);
  return args.length === 3 ? evalNode_(book, sheet, args[2]) : false;
}

/** A single value of an operand: a one-cell range as its value; a larger range is #VALUE!. */
function scalar_(value: Evaluated): CellValue {
  if (!isArray_(value)) return value;
  if (value.length === 1 && value[0].length === 1) return value[0][0];
  return new CellError('#VALUE!', 'An array value could not be found.');
}

/**
 * A date as Sheets holds it: a serial number of days since 30 Dec 1899, in the spreadsheet's
 * time zone (the process's, Asia/Bangkok in tests). Sheets: "Dates and times are stored as
 * numbers" (Google Docs Editors Help, DATE / "Date and number formats"): a date compares and
 * adds as its serial number.
 */
function serialOf_(date: Date): number {
  const local = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
  return (local - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A value as a number for arithmetic (blank 0, TRUE 1, numeric text, a date's serial), or #VALUE!. */
function toNumber_(value: CellValue, op: string): number | CellError {
  if (value instanceof CellError) return value;
  if (typeof value === 'number') return value;
  if (isDate(value)) return serialOf_(value);
  if (value === '' || typeof value === 'boolean') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return new CellError(
    '#VALUE!',
    `Function ${op} parameter expects number values. But '${String(value)}' is a text and cannot be coerced to a number.`,
  );
}

/** A value as text for & (numbers plainly, booleans as TRUE/FALSE). */
function textOf_(value: CellValue): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A binary operation on single values, as Sheets computes it. */
function binary_(op: BinaryOp, left: CellValue, right: CellValue): CellValue {
  if (left instanceof CellError) return left;
  if (right instanceof CellError) return right;
  if (op === '&') return textOf_(left) + textOf_(right);
  if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') {
    const order = compare_(left, right);
    return { '=': order === 0, '<>': order !== 0, '<': order < 0, '>': order > 0, '<=': order <= 0, '>=': order >= 0 }[
      op
    ];
  }
  const a = toNumber_(left, op);
  const b = toNumber_(right, op);
  if (a instanceof CellError) return a;
  if (b instanceof CellError) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new CellError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.') : a / b;
    default:
      return a ** b;
  }
}

/**
 * Sheets' order of two values: a blank equals 0 and ""; numbers before text before booleans;
 * text compared ignoring case.
 */
function compare_(leftValue: CellValue, rightValue: CellValue): number {
  const [left, right] = [leftValue, rightValue].map((v) => (isDate(v) ? serialOf_(v) : v));
  const rank = (v: CellValue) => (typeof v === 'number' || v === '' ? 0 : typeof v === 'string' ? 1 : 2);
  const l = left === '' && typeof right === 'string' ? '' : left;
  const r = right === '' && typeof left === 'string' ? '' : right;
  if (rank(l) !== rank(r)) return rank(l) - rank(r);
  if (typeof l === 'string' && typeof r === 'string') {
    const [x, y] = [l.toLowerCase(), r.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const [x, y] = [Number(l === '' ? 0 : l), Number(r === '' ? 0 : r)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function negate_(value: Evaluated): Evaluated {
  return isArray_(value) ? value.map((row) => row.map(negateScalar_)) : negateScalar_(value);
}

function negateScalar_(value: CellValue): CellValue {
  if (value instanceof CellError) return value;
  if (typeof value === 'number') return -value;
  if (value === '' || typeof value === 'boolean') return -Number(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return -Number(value);
  return new CellError(
    '#VALUE!',
    `Function UMINUS parameter 1 expects number values. But '${String(value)}' is a text and cannot be coerced to a number.`,
  );
}

function asMatrix_(value: Evaluated): Matrix {
  return isArray_(value) ? value : [[value]];
}

/** Array literal: "," joins side by side, ";" stacks vertically. */
function stack_(rows: Evaluated[][]): Evaluated {
  const blocks: Matrix[] = [];
  for (const items of rows) {
    const parts = items.map(asMatrix_);
    const height = parts[0].length;
    const bad = parts.findIndex((p) => p.length !== height);
    if (bad >= 0) {
      return new CellError(
        '#VALUE!',
        `Function ARRAY_ROW parameter ${bad + 1} has mismatched row size. Expected: ${height}. Actual: ${parts[bad].length}.`,
      );
    }
    blocks.push(Array.from({ length: height }, (_, i) => parts.flatMap((p) => p[i])));
  }
  const width = blocks[0][0]?.length ?? 0;
  if (blocks.some((b) => b.some((line) => line.length !== width))) {
    return new CellError('#VALUE!', 'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.');
  }
  return blocks.flat();
}

function firstError_(values: Evaluated[]): CellError | null {
  for (const value of values) {
    if (value instanceof CellError) return value;
    if (isArray_(value)) {
      for (const line of value) for (const v of line) if (v instanceof CellError) return v;
    }
  }
  return null;
}

function numbers_(name: string, args: Evaluated[]): number[] | CellError {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isArray_(arg)) {
      for (const line of arg) for (const v of line) if (typeof v === 'number') out.push(v);
    } else if (typeof arg === 'number' || typeof arg === 'boolean') {
      out.push(Number(arg));
    } else if (typeof arg === 'string' && arg.trim() !== '' && !Number.isNaN(Number(arg))) {
      out.push(Number(arg));
    } else if (typeof arg === 'string' && arg !== '') {
      return new CellError(
        '#VALUE!',
        `Function ${name} parameter ${i + 1} expects number values. But '${arg}' is a text and cannot be coerced to a number.`,
      );
    }
  }
  return out;
}

/**
 * The logical values of OR/AND arguments: booleans, numbers (0 is FALSE) and dates; inside a
 * range text and blanks are skipped; a single text argument must read TRUE or FALSE. No value at
 * all is #VALUE! (Excel's rule; Sheets' wording unconfirmed). A single "" (a blank cell, or the
 * literal) is skipped like a blank in a range (unconfirmed).
 * @param name the function
 * @param args evaluated arguments (errors already passed on by call_)
 */
function logicals_(name: string, args: Evaluated[]): boolean[] | CellError {
  const out: boolean[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isArray_(arg)) {
      for (const line of arg) {
        for (const v of line) {
          if (typeof v === 'boolean') out.push(v);
          else if (typeof v === 'number') out.push(v !== 0);
          else if (isDate(v)) out.push(true);
        }
      }
      continue;
    }
    const logical = logicalOf_(name, i + 1, arg);
    if (logical instanceof CellError) return logical;
    if (logical !== null) out.push(logical);
  }
  if (out.length === 0) return new CellError('#VALUE!', `${name} has no valid input data.`);
  return out;
}

/**
 * One value as a boolean for OR/AND/NOT (null for ""), or Sheets' coercion error.
 * @param name the function
 * @param position 1-based parameter number
 * @param value the value (not an error)
 */
function logicalOf_(name: string, position: number, value: CellValue): boolean | null | CellError {
  if (typeof value === 'boolean' || value instanceof CellError) return value;
  if (typeof value === 'number') return value !== 0;
  if (isDate(value)) return true;
  if (value === '') return null;
  if (typeof value === 'string' && /^(TRUE|FALSE)$/i.test(value)) return value.toUpperCase() === 'TRUE';
  return new CellError(
    '#VALUE!',
    `Function ${name} parameter ${position} expects boolean values. But '${textOf_(value)}' is a text and cannot be coerced to a boolean.`,
  );
}

/**
 * A REGEXMATCH parameter as text: text (a blank is ""), else #VALUE! ("This function only works
 * with text (not numbers) as input", support.google.com/docs/answer/3098292; a number pattern
 * gives #VALUE!, formulajs/formulajs#189). The wording follows Sheets' coercion messages
 * (unconfirmed for REGEXMATCH).
 */
function regexText_(position: number, value: CellValue): string | CellError {
  if (typeof value === 'string' || value instanceof CellError) return value;
  const kind = typeof value === 'boolean' ? 'a boolean' : 'a number';
  return new CellError(
    '#VALUE!',
    `Function REGEXMATCH parameter ${position} expects text values. But '${textOf_(value)}' is ${kind} and cannot be coerced to a text.`,
  );
}

/**
 * REGEXMATCH(text, regular_expression): whether a part of the text matches (RE2, re2.ts). A
 * pattern RE2 refuses is #REF! (formulajs/formulajs#189, measured in Sheets: `a[b` gives #REF);
 * the message text is unconfirmed.
 */
function regexMatch_(args: Evaluated[]): Evaluated {
  if (args.length !== 2) return arity_('REGEXMATCH', '2', args.length);
  const text = regexText_(1, scalar_(args[0]));
  if (text instanceof CellError) return text;
  const pattern = regexText_(2, scalar_(args[1]));
  if (pattern instanceof CellError) return pattern;
  try {
    return re2ToRegExp(pattern).test(text);
  } catch (e) {
    if (!(e instanceof Re2SyntaxError)) throw e;
    return new CellError(
      '#REF!',
      `Function REGEXMATCH parameter 2 value "${pattern}" is not a valid regular expression.`,
    );
  }
}

/** Built-ins whose result changes at each calculation (custom functions may not depend on them). */
const VOLATILE_FUNCTIONS_ = new Set(['NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'RANDARRAY']);

const BUILTINS_: Partial<Record<string, (args: Evaluated[], book: WorkbookModel) => Evaluated>> = {
  NOW: (_args, book) => new Date(book.clock.now()),
  TODAY: (_args, book) => {
    const { year, month, day } = zonedParts(new Date(book.clock.now()), book.timeZone);
    return instantInZone({ year, month, day }, book.timeZone);
  },
  // A fixed value: tests need no randomness.
  RAND: () => 0.5,
  OR: (args) => {
    if (args.length === 0) return arity_('OR', 'at least 1', 0);
    const values = logicals_('OR', args);
    return values instanceof CellError ? values : values.some(Boolean);
  },
  AND: (args) => {
    if (args.length === 0) return arity_('AND', 'at least 1', 0);
    const values = logicals_('AND', args);
    return values instanceof CellError ? values : values.every(Boolean);
  },
  NOT: (args) => {
    if (args.length !== 1) return arity_('NOT', '1', args.length);
    const value = logicalOf_('NOT', 1, scalar_(args[0]));
    return value instanceof CellError ? value : !value;
  },
  REGEXMATCH: regexMatch_,
  // ISNUMBER(value): TRUE for a number, a date (a number in Sheets) included; FALSE for text
  // ("123" too), booleans, blanks and errors (https://support.google.com/docs/answer/3093296).
  ISNUMBER: (args) => {
    if (args.length !== 1) return arity_('ISNUMBER', '1', args.length);
    const value = scalar_(args[0]);
    return typeof value === 'number' || isDate(value);
  },
  SUM: (args) => {
    const nums = numbers_('SUM', args);
    return nums instanceof CellError ? nums : nums.reduce((a, b) => a + b, 0);
  },
  MIN: (args) => {
    const nums = numbers_('MIN', args);
    return nums instanceof CellError ? nums : nums.length === 0 ? 0 : nums.reduce((a, b) => Math.min(a, b));
  },
  MAX: (args) => {
    const nums = numbers_('MAX', args);
    return nums instanceof CellError ? nums : nums.length === 0 ? 0 : nums.reduce((a, b) => Math.max(a, b));
  },
  FLOOR: (args) => {
    const [value, factor] = args.map((a) => toNumber_(scalar_(a), 'FLOOR'));
    if (value instanceof CellError) return value;
    const f = factor === undefined ? 1 : factor;
    if (f instanceof CellError) return f;
    return f === 0 ? 0 : Math.floor(value / f) * f;
  },
  TRIM: (args) => {
    const value = scalar_(args[0]);
    return value instanceof CellError ? value : textOf_(value).replace(/ +/g, ' ').trim();
  },
  COUNTA: (args) => {
    let n = 0;
    for (const arg of args) {
      if (!isArray_(arg)) n++;
      else for (const line of arg) for (const v of line) if (v !== '') n++;
    }
    return n;
  },
};

/**
 * A custom-function argument: a 1×1 range as its value, Dates copied. Matrices produced by an
 * evaluation are fresh arrays, so they are handed over (Dates replaced in place).
 */
function toArgument_(value: Evaluated): unknown {
  if (!isArray_(value)) {
    if (value instanceof CellError) return value.code; // only under errorArguments: 'passed'
    return isDate(value) ? new Date(value.getTime()) : value;
  }
  if (value.length === 1 && value[0].length === 1) return toArgument_(value[0][0]);
  for (const line of value) {
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      if (v instanceof CellError) line[j] = v.code;
      else if (typeof v === 'object' && isDate(v)) line[j] = new Date(v.getTime());
    }
  }
  return value;
}

function fromResultValue_(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return isFinite_(value) ? value : new CellError('#NUM!', 'The result is not a finite number.');
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (isDate(value)) return new Date(value.getTime());
  return String(value);
}

/**
 * A custom function's return value as cell values. A 1-D array is read as a column and ragged
 * rows are padded with "" (assumptions: Sheets' handling of those is not documented).
 */
function fromResult_(value: unknown): Evaluated {
  if (!isArray_(value)) return fromResultValue_(value);
  if (value.length === 0) return '';
  const rows: unknown[][] = value.every((row) => isArray_(row)) ? value : value.map((v) => [v]);
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  if (width === 0) return '';
  return rows.map((row) => {
    const line: CellValue[] = new Array_(width);
    for (let j = 0; j < width; j++) line[j] = j < row.length ? fromResultValue_(row[j]) : '';
    return line;
  });
}

function call_(book: WorkbookModel, sheet: SheetModel, node: Extract<FormulaNode, { kind: 'call' }>): Evaluated {
  const { name } = node;
  const builtin = BUILTINS_[name.toUpperCase()];
  const fn = builtin ? undefined : (book.functions?.(name) ?? book.functions?.(name.toUpperCase()));
  if (!builtin && typeof fn !== 'function') return new CellError('#NAME?', `Unknown function: '${name}'.`);
  if (!builtin && book.platform.volatileArguments !== 'passed') {
    // "not allowed as arguments to a custom function ... Loading... indefinitely" (platform.ts)
    if (node.args.some(callsVolatile_)) return LOADING_TEXT;
    if (node.args.some((arg) => refersToVolatile_(book, sheet, arg, new Set()))) {
      return new CellError('#ERROR!', VOLATILE_REFERENCE_MESSAGE);
    }
  }
  const args = node.args.map((arg) => evalNode_(book, sheet, arg));
  const passErrors = !builtin && book.platform.errorArguments === 'passed';
  const error = passErrors ? null : firstError_(args);
  if (error) return error;
  if (builtin) {
    if (VOLATILE_FUNCTIONS_.has(name.toUpperCase())) sheetCalc_(book, sheet).clock = true;
    return builtin(args, book);
  }
  if (book.platform.customFunctionReads === 'loading') return LOADING_TEXT;
  book.customFunctionDepth++;
  try {
    return fromResult_(fn?.(...args.map(toArgument_)));
  } catch (thrown) {
    return new CellError('#ERROR!', messageOf(thrown));
  } finally {
    book.customFunctionDepth--;
  }
}

/** Whether an expression calls a volatile built-in (NOW(), TODAY(), RAND()...) itself. */
function callsVolatile_(node: FormulaNode): boolean {
  switch (node.kind) {
    case 'call':
      return VOLATILE_FUNCTIONS_.has(node.name.toUpperCase()) || node.args.some(callsVolatile_);
    case 'array':
      return node.rows.some((row) => row.some(callsVolatile_));
    case 'negate':
      return callsVolatile_(node.operand);
    case 'binary':
      return callsVolatile_(node.left) || callsVolatile_(node.right);
    default:
      return false;
  }
}

/** Every reference in an expression. */
function refsIn_(node: FormulaNode, out: Extract<FormulaNode, { kind: 'ref' }>[] = []): typeof out {
  switch (node.kind) {
    case 'ref':
      out.push(node);
      break;
    case 'call':
      for (const arg of node.args) refsIn_(arg, out);
      break;
    case 'array':
      for (const row of node.rows) for (const item of row) refsIn_(item, out);
      break;
    case 'negate':
      refsIn_(node.operand, out);
      break;
    case 'binary':
      refsIn_(node.left, out);
      refsIn_(node.right, out);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Whether an expression references a cell whose formula depends on a volatile built-in, directly
 * or through the cells it references in turn (results kept per formula cell and generation).
 */
function refersToVolatile_(book: WorkbookModel, sheet: SheetModel, node: FormulaNode, seen: Set<string>): boolean {
  for (const ref of refsIn_(node)) {
    const target =
      ref.sheetName === null ? sheet : (book.sheetByName(ref.sheetName) ?? book.sheetByNameIgnoringCase(ref.sheetName));
    if (!target) continue;
    noteRead_(book, sheet, target);
    const calc = sheetCalc_(book, target);
    const endRow = ref.endRow ?? target.maxRows;
    const endCol = ref.endCol ?? target.maxColumns;
    for (const [row, col] of calc.formulas) {
      if (row < ref.row || row > endRow || col < ref.col || col > endCol) continue;
      if (volatileCell_(book, target, calc, row, col, seen)) return true;
    }
  }
  return false;
}

/** Whether one formula cell depends on a volatile built-in. */
function volatileCell_(
  book: WorkbookModel,
  sheet: SheetModel,
  calc: SheetCalc_,
  row: number,
  col: number,
  seen: Set<string>,
): boolean {
  const key = key_(row, col);
  const known = calc.volatile.get(key);
  if (known !== undefined) return known;
  const id = `${sheet.id}:${key}`;
  if (seen.has(id)) return false; // a cycle: its cells show #REF! anyway
  seen.add(id);
  let node: FormulaNode | null = null;
  try {
    node = parseFormula(sheet.cell(row, col)?.formula ?? '=""');
  } catch {
    node = null;
  }
  const volatile = node !== null && (callsVolatile_(node) || refersToVolatile_(book, sheet, node, seen));
  calc.volatile.set(key, volatile);
  return volatile;
}

/**
 * The values of a block as getValues sees them (formulas computed, spills filled).
 * @param book the workbook
 * @param sheet the sheet
 * @param rect the block
 */
export function computedBlock(book: WorkbookModel, sheet: SheetModel, rect: Rect): CellValue[][] {
  return readRect_(book, sheet, rect);
}

/**
 * The value of one cell as getValue sees it.
 * @param book the workbook
 * @param sheet the sheet
 * @param row 1-based
 * @param col 1-based
 */
export function computedValue(book: WorkbookModel, sheet: SheetModel, row: number, col: number): CellValue {
  return valueIn_(book, sheet, ensure_(book, sheet), row, col, sheet.cell(row, col));
}

/**
 * The tooltip of a formula cell showing an error (#ERROR!, #REF!, #NAME?...), else null.
 * @param book the workbook
 * @param sheet the sheet
 * @param row 1-based
 * @param col 1-based
 */
export function formulaErrorAt(book: WorkbookModel, sheet: SheetModel, row: number, col: number): string | null {
  const calc = ensure_(book, sheet);
  if (sheet.cell(row, col)?.formula === undefined) return null;
  evalCell_(book, sheet, calc, row, col);
  return calc.results.get(key_(row, col))?.error ?? null;
}

/**
 * Last row / column with content, counting values that formulas spill.
 * @param book the workbook
 * @param sheet the sheet
 */
export function contentExtent(book: WorkbookModel, sheet: SheetModel): { lastRow: number; lastColumn: number } {
  const calc = ensure_(book, sheet);
  let lastRow = sheet.lastContentRow();
  let lastColumn = sheet.lastContentColumn();
  for (const [key, value] of calc.spills) {
    if (value === '') continue;
    lastRow = Math.max(lastRow, Math.floor(key / 32768));
    lastColumn = Math.max(lastColumn, key % 32768);
  }
  return { lastRow, lastColumn };
}

/**
 * The value of a formula that lives in no cell (a data-validation rule's custom formula),
 * evaluated on `sheet`; a block result is #VALUE! unless it is one cell.
 * @param book the workbook
 * @param sheet the sheet the formula's unqualified references point at
 * @param formula the formula text ("=...")
 */
export function evaluateFormula(book: WorkbookModel, sheet: SheetModel, formula: string): CellValue {
  return scalar_(evalFormula_(book, sheet, formula));
}
