/**
 * Fake-only: which cells Sheets marks as holding invalid data (the red marker in the corner of a
 * cell whose value its data-validation rule rejects; a rule that only warns, setAllowInvalid(true),
 * lets such values in, and values written by scripts are not checked on write, so a strict rule's
 * cells are judged the same way). Not recorded in the ledger.
 *
 * Modelled criteria (reference/spreadsheet/data-validation-criteria):
 * - VALUE_IN_LIST / VALUE_IN_RANGE: the value's displayed text is one of the list's values (the
 *   range's displayed texts); exact, case included (unconfirmed whether Sheets ignores case);
 * - NUMBER_* comparisons: a number (a date counts as its day serial) that satisfies the bound;
 * - DATE_IS_VALID_DATE: a date value;
 * - TEXT_IS_VALID_URL: text that looks like a web address, with or without http(s):// (what Sheets
 *   accepts is undocumented; the lenient reading is the worse case for an add-on that only counts
 *   links with a scheme, since Sheets then shows no marker for a link the tally refuses);
 * - CUSTOM_FORMULA (reference/spreadsheet/data-validation-builder#requireformulasatisfiedformula):
 *   the formula, its relative references shifted by the cell's offset from the first cell of the
 *   block the rule was set on (Range.setDataValidation), evaluated on the sheet; only the result
 *   TRUE is valid (an error or any other value is marked). That relative references are read from
 *   the block's first cell is how Sheets behaves for custom-formula rules (the convention Excel
 *   documents and every public Apps Script rule like `=REGEXMATCH(TO_TEXT(D2), …)` set on D2:D1001
 *   relies on); Google's own wording was not found (unconfirmed).
 * Blank cells are never marked except by a custom formula, which decides for itself (Sheets shows
 * no marker on an empty dropdown cell; not found in Google's documentation: unconfirmed).
 * Any other criteria throw: not modelled.
 */
import { cellA1 } from './a1';
import { displayText } from './display';
import { DataValidationCriteria } from './enums';
import { computedBlock, computedValue, evaluateFormula } from './formulaEngine';
import { type FoundRef, mapReferences, REF_ERROR_TEXT, type RefPart, referenceText } from './formulaRefs';
import type { ValidationModel, WorkbookModel } from './model';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { CellData, SheetModel } from './sheetModel';
import { type CellValue, isDate } from './values';

const URL_ = /^(?:(?:https?|ftp):\/\/)?[^\s/?#.:@]+(?:\.[^\s/?#.:@]+)+(?::\d+)?(?:[/?#]\S*)?$/i;

/**
 * A number for a number criterion: numbers, and dates as day serials; null otherwise.
 * @param value the computed value
 */
function numberOf_(value: CellValue): number | null {
  if (typeof value === 'number') return value;
  return isDate(value) ? value.getTime() / 864e5 + 25569 : null;
}

/**
 * One side of a reference moved by an offset where it is relative; null when it leaves the sheet.
 * @param part the side
 * @param rows rows down
 * @param cols columns right
 */
function shiftedPart_(part: RefPart, rows: number, cols: number): RefPart | null {
  const row = part.row === null || part.rowAbs ? part.row : part.row + rows;
  const col = part.col === null || part.colAbs ? part.col : part.col + cols;
  if ((row !== null && row < 1) || (col !== null && col < 1)) return null;
  return { ...part, row, col };
}

/**
 * A custom formula as the cell at `at` in its block reads it: relative references moved by the
 * offset, absolute ones kept.
 * @param formula the rule's formula, relative to the block's first cell
 * @param at the cell's [row, col] offset
 */
export function formulaForCell(formula: string, at: readonly [number, number]): string {
  const [rows, cols] = at;
  if (rows === 0 && cols === 0) return formula;
  return mapReferences(formula, (ref: FoundRef) => {
    const a = shiftedPart_(ref.a, rows, cols);
    const b = ref.b === null ? null : shiftedPart_(ref.b, rows, cols);
    if (a === null || (ref.b !== null && b === null)) return REF_ERROR_TEXT;
    return referenceText(ref.sheetName, a, b);
  });
}

/**
 * Whether a rule rejects the value of one cell.
 * @param book the workbook
 * @param sheet the sheet
 * @param row 1-based
 * @param col 1-based
 * @param cell the cell (holding the rule)
 * @param rule the rule
 */
function violates_(
  book: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  cell: CellData,
  rule: ValidationModel,
): boolean {
  if (rule.criteria === DataValidationCriteria.CUSTOM_FORMULA) {
    const formula = formulaForCell(String(rule.values[0]), cell.validationAt ?? [0, 0]);
    return evaluateFormula(book, sheet, formula) !== true;
  }
  const value = computedValue(book, sheet, row, col);
  if (value === '') return false;
  const text = () => displayText(value, cell.style?.numberFormat, book.timeZone);
  const n = numberOf_(value);
  const [a, b] = rule.values.map(Number);
  switch (rule.criteria) {
    case DataValidationCriteria.VALUE_IN_LIST:
      return !(rule.values[0] as readonly string[]).map(String).includes(text());
    case DataValidationCriteria.VALUE_IN_RANGE:
      return !rangeTexts_(book, rule.values[0]).includes(text());
    case DataValidationCriteria.DATE_IS_VALID_DATE:
      return !isDate(value);
    case DataValidationCriteria.TEXT_IS_VALID_URL:
      return !URL_.test(text());
    case DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO:
      return n === null || !(n >= a);
    case DataValidationCriteria.NUMBER_GREATER_THAN:
      return n === null || !(n > a);
    case DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO:
      return n === null || !(n <= a);
    case DataValidationCriteria.NUMBER_LESS_THAN:
      return n === null || !(n < a);
    case DataValidationCriteria.NUMBER_EQUAL_TO:
      return n === null || n !== a;
    case DataValidationCriteria.NUMBER_NOT_EQUAL_TO:
      return n === null || n === a;
    case DataValidationCriteria.NUMBER_BETWEEN:
      return n === null || n < Math.min(a, b) || n > Math.max(a, b);
    case DataValidationCriteria.NUMBER_NOT_BETWEEN:
      return n === null || (n >= Math.min(a, b) && n <= Math.max(a, b));
    default:
      throw new Error(`validity: the criteria ${String(rule.criteria)} are not modelled by the stand-in`);
  }
}

/**
 * The displayed texts of a VALUE_IN_RANGE rule's range (blanks left out).
 * @param book the workbook
 * @param range the rule's range
 */
function rangeTexts_(book: WorkbookModel, range: unknown): string[] {
  if (!(range instanceof FakeRange)) throw new Error('validity: a VALUE_IN_RANGE rule without a fake range');
  const { sheet_: sheet, rect_: rect } = range;
  return computedBlock(book, sheet, rect)
    .flatMap((line, i) =>
      line.map((v, j) => displayText(v, sheet.cell(rect.row + i, rect.col + j)?.style?.numberFormat, book.timeZone)),
    )
    .filter((t) => t !== '');
}

/**
 * Whether Sheets marks one cell of the model as invalid.
 * @param book the workbook
 * @param sheet the sheet
 * @param row 1-based
 * @param col 1-based
 */
function markedAt_(book: WorkbookModel, sheet: SheetModel, row: number, col: number): boolean {
  const cell = sheet.cell(row, col);
  return cell?.validation !== undefined && violates_(book, sheet, row, col, cell, cell.validation);
}

/**
 * The model behind a fake sheet.
 * @param sheet a fake sheet (also when typed as the real Sheet)
 * @param name the helper, for the error
 */
function modelOf_(
  sheet: FakeSheet | GoogleAppsScript.Spreadsheet.Sheet,
  name: string,
): { book: WorkbookModel; model: SheetModel } {
  if (!(sheet instanceof FakeSheet)) throw new Error(`${name}: not a fake sheet`);
  return { book: sheet.ctx_.book, model: sheet.sheet_ };
}

/**
 * Fake-only: the A1 notations, row by row, of every cell whose data-validation rule rejects its
 * current value, i.e. the cells Sheets shows with the invalid-data marker.
 * @param sheet a fake sheet (also when typed as the real Sheet)
 */
export function invalidCells(sheet: FakeSheet | GoogleAppsScript.Spreadsheet.Sheet): string[] {
  const { book, model } = modelOf_(sheet, 'invalidCells');
  const out: string[] = [];
  model.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      if (cell?.validation && markedAt_(book, model, r + 1, c + 1)) out.push(cellA1(r + 1, c + 1));
    });
  });
  return out;
}

/**
 * Fake-only: whether Sheets shows the invalid-data marker on one cell.
 * @param sheet a fake sheet (also when typed as the real Sheet)
 * @param row 1-based
 * @param col 1-based
 */
export function isMarkedInvalid(
  sheet: FakeSheet | GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  col: number,
): boolean {
  const { book, model } = modelOf_(sheet, 'isMarkedInvalid');
  return markedAt_(book, model, row, col);
}
