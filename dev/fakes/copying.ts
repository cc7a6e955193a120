/**
 * Copying a sheet as officers do (Sheet.copyTo, Spreadsheet.duplicateActiveSheet): the copy,
 * named "Copy of <name>" (reference/spreadsheet/sheet#copyto; a second copy's name, here
 * "Copy of <name> 2", is unconfirmed), gets the values, formulas (text unchanged: an unqualified
 * reference now points at the copy), formats, notes, validations, conditional-format rules,
 * merges, frozen rows and columns, column widths and tab colour.
 * Unconfirmed whether Google copies developer metadata and protections: the copy gets the
 * sheet's metadata (with new ids; the worse case for an add-on that recognises its sheets by
 * metadata: two sheets then claim to be the same) and no protections (the worse case for data
 * safety: the copy is open to every editor).
 */
import { copyRule } from './conditionalFormat';
import type { ExecutionContext, WorkbookModel } from './model';
import { isSpreadsheetEditor, NO_PERMISSION_MESSAGE } from './protection';
import { type CellData, type SheetModel, StoredCell } from './sheetModel';
import { isDate } from './values';

/**
 * The name of a copy: "Copy of <name>", numbered when that is taken.
 * @param book the destination workbook
 * @param name the source sheet's name
 */
function copyName_(book: WorkbookModel, name: string): string {
  const base = `Copy of ${name}`;
  let candidate = base;
  for (let n = 2; book.sheetByNameIgnoringCase(candidate); n++) candidate = `${base} ${n}`;
  return candidate;
}

/**
 * A cell copied (Dates copied; validation rules and the shared style kept, as both are immutable).
 * @param cell the source cell
 */
function copyCell_(cell: CellData | undefined): CellData | undefined {
  if (!cell) return undefined;
  const copy = Object.assign(new StoredCell(), cell);
  if (isDate(cell.value)) copy.value = new Date(cell.value.getTime());
  return copy;
}

/**
 * Copies `source` into `dest` as a new sheet.
 * @param ctx the execution doing it (needs edit access to the destination)
 * @param source the sheet to copy
 * @param dest the destination workbook (the same one or another)
 * @param index 0-based position; the end when undefined
 */
export function copySheet(
  ctx: ExecutionContext,
  source: SheetModel,
  dest: WorkbookModel,
  index: number | undefined,
): SheetModel {
  if (!isSpreadsheetEditor(dest, ctx.effectiveUser)) throw new Error(NO_PERMISSION_MESSAGE);
  const copy = dest.addSheet(copyName_(dest, source.name), index);
  copy.maxRows = source.maxRows;
  copy.maxColumns = source.maxColumns;
  copy.rows = source.rows.map((cells) => cells?.map(copyCell_));
  copy.frozenRows = source.frozenRows;
  copy.frozenColumns = source.frozenColumns;
  copy.columnWidths = new Map(source.columnWidths);
  copy.rowHeights = new Map(source.rowHeights);
  copy.tabColor = source.tabColor;
  copy.rules = source.rules.map((rule) => {
    const r = copyRule(rule);
    r.ranges = r.ranges.map((range) => (range.sheet === source ? { sheet: copy, rect: range.rect } : range));
    return r;
  });
  copy.merges = source.merges.map((m) => ({ ...m }));
  copy.metadata = source.metadata.map((m) => ({ ...m, id: dest.newMetadataId(), sheet: copy }));
  dest.touch();
  return copy;
}
