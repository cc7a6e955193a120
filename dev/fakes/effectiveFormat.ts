/**
 * What a cell looks like once conditional formatting applies: the first rule (in the sheet's
 * order) whose ranges contain the cell and whose condition holds wins, and only the properties
 * it sets override the cell's own formatting. Source for "top rule wins": third-party guide
 * leyaa.ai/codefly/learn/google-sheets/part-3/google-sheets-managing-rule-priority (Sheets has
 * no "stop if true": the highest matching rule's format shows).
 */
import { rectContains } from './a1';
import { BooleanCriteria } from './enums';
import { computedValue } from './formulaEngine';
import type { WorkbookModel } from './model';
import type { SheetModel } from './sheetModel';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from './range';
import { FakeSheet } from './sheet';
import { CellError, type CellValue } from './values';

/** The visible formatting of a cell. */
export interface EffectiveFormat {
  background: string;
  fontColor: string;
  bold: boolean;
}

const lower_ = (v: unknown): string => String(v).toLowerCase();

/**
 * Whether a boolean condition holds for a value. Text comparisons ignore case (assumption);
 * date criteria and custom formulas other than =TRUE / =FALSE are not evaluated (false).
 * @param criteria the criteria
 * @param args the criteria values
 * @param value the cell's computed value
 */
export function conditionHolds(
  criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria,
  args: readonly unknown[],
  value: CellValue,
): boolean {
  if (value instanceof CellError) return false;
  const n = typeof value === 'number' ? value : null;
  const [a, b] = args.map(Number);
  const text = typeof value === 'string' ? value.toLowerCase() : null;
  switch (criteria) {
    case BooleanCriteria.CELL_EMPTY:
      return value === '';
    case BooleanCriteria.CELL_NOT_EMPTY:
      return value !== '';
    case BooleanCriteria.NUMBER_EQUAL_TO:
      return n !== null && n === a;
    case BooleanCriteria.NUMBER_NOT_EQUAL_TO:
      return n !== null && n !== a;
    case BooleanCriteria.NUMBER_GREATER_THAN:
      return n !== null && n > a;
    case BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO:
      return n !== null && n >= a;
    case BooleanCriteria.NUMBER_LESS_THAN:
      return n !== null && n < a;
    case BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO:
      return n !== null && n <= a;
    case BooleanCriteria.NUMBER_BETWEEN:
      return n !== null && n >= Math.min(a, b) && n <= Math.max(a, b);
    case BooleanCriteria.NUMBER_NOT_BETWEEN:
      return n !== null && (n < Math.min(a, b) || n > Math.max(a, b));
    case BooleanCriteria.TEXT_EQUAL_TO:
      return text !== null && text === lower_(args[0]);
    case BooleanCriteria.TEXT_CONTAINS:
      return text === null ? false : text.includes(lower_(args[0]));
    case BooleanCriteria.TEXT_DOES_NOT_CONTAIN:
      return text !== null && !text.includes(lower_(args[0]));
    case BooleanCriteria.TEXT_STARTS_WITH:
      return text === null ? false : text.startsWith(lower_(args[0]));
    case BooleanCriteria.TEXT_ENDS_WITH:
      return text === null ? false : text.endsWith(lower_(args[0]));
    case BooleanCriteria.CUSTOM_FORMULA:
      return /^=\s*TRUE\s*$/i.test(String(args[0]));
    default:
      return false;
  }
}

/**
 * Effective formatting from the workbook model (used by renderSheet).
 * @param book the workbook
 * @param sheet the sheet
 * @param row 1-based
 * @param col 1-based
 */
export function effectiveFormatOf(book: WorkbookModel, sheet: SheetModel, row: number, col: number): EffectiveFormat {
  const cell = sheet.cell(row, col);
  const format: EffectiveFormat = {
    background: cell?.style?.background ?? DEFAULT_BACKGROUND,
    fontColor: cell?.style?.fontColor ?? DEFAULT_FONT_COLOR,
    bold: cell?.style?.fontWeight === 'bold',
  };
  const rules = sheet.rules.filter((rule) =>
    rule.ranges.some((r) => r.sheet === sheet && rectContains(r.rect, row, col)),
  );
  if (rules.length === 0) return format;
  const value = computedValue(book, sheet, row, col);
  const rule = rules.find((r) => conditionHolds(r.criteria, r.values, value));
  if (!rule) return format;
  return {
    background: rule.background ?? format.background,
    fontColor: rule.fontColor ?? format.fontColor,
    bold: rule.bold ?? format.bold,
  };
}

/**
 * Fake-only: the background, font colour and boldness a user sees in a cell, with conditional
 * formatting applied over the cell's own formatting.
 * @param sheet a fake sheet (also when typed as the real Sheet)
 * @param row 1-based
 * @param col 1-based
 */
export function effectiveFormat(
  sheet: FakeSheet | GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  col: number,
): EffectiveFormat {
  if (!(sheet instanceof FakeSheet)) throw new Error('effectiveFormat: not a fake sheet');
  return effectiveFormatOf(sheet.ctx_.book, sheet.sheet_, row, col);
}
