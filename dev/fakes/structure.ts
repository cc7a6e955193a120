/**
 * What a structural edit does besides moving cells (SheetModel) and named ranges, protections
 * and conditional-format ranges (WorkbookModel.shiftRanges):
 * - stored formulas on every sheet are rewritten (formulaRefs.ts): references to the edited
 *   sheet move, grow, shrink or become #REF!; a renamed sheet's references take the new name;
 *   references to a deleted sheet become #REF! (docs/platform.md#structural-edits);
 * - merged blocks move, grow and shrink with their rows and columns (a block reduced to one
 *   cell is no longer a merge);
 * - data-validation criteria that hold a range (requireValueInRange) follow that range;
 * - custom formulas of data validation (requireFormulaSatisfied) are rewritten like stored
 *   formulas, and a rule's first cell (from which its relative references are read) moves with
 *   its line, so every cell still checks what it checked. Google does not document this; it is
 *   what Excel does with its validation formulas (iOfficeAI/OfficeCLI#143: "Excel shifts the
 *   in-formula ref with the deletion") and what keeps a column rule meaningful after a header row
 *   is inserted above it. A reference into deleted lines becomes #REF! (the whole rule then fails:
 *   the worse case; unconfirmed whether Sheets keeps such a rule reading its new first cell).
 * Not rewritten: custom formulas of conditional formatting.
 */
import { shiftForDelete, shiftForInsert, type Rect } from './a1';
import {
  type FoundRef,
  type LineEdit,
  mapReferences,
  REF_ERROR_TEXT,
  referenceText,
  shiftedReference,
} from './formulaRefs';
import { DataValidationCriteria } from './enums';
import type { ValidationModel, WorkbookModel } from './model';
import { FakeRange } from './range';
import type { CellData, SheetModel } from './sheetModel';

/**
 * The sheet a reference points at, resolved as the formula engine does (exact name, else the
 * name ignoring case).
 * @param book the workbook
 * @param formulaSheet the sheet holding the formula
 * @param ref the reference
 */
function targetOf_(book: WorkbookModel, formulaSheet: SheetModel, ref: FoundRef): SheetModel | undefined {
  if (ref.sheetName === null) return formulaSheet;
  return book.sheetByName(ref.sheetName) ?? book.sheetByNameIgnoringCase(ref.sheetName);
}

/**
 * Rewrites the references of every stored formula of every sheet.
 * @param book the workbook
 * @param replace new text for a reference in a formula on `formulaSheet`, or null to keep it
 */
function rewriteFormulas_(
  book: WorkbookModel,
  replace: (ref: FoundRef, formulaSheet: SheetModel) => string | null,
): void {
  for (const sheet of book.sheets) {
    const done = new Map<string, string>();
    // indexed loops: a for…of makes an iterator result per cell until V8 optimises the loop
    const rows = sheet.rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell?.formula === undefined) continue;
        let rewritten = done.get(cell.formula);
        if (rewritten === undefined) {
          rewritten = mapReferences(cell.formula, (ref) => replace(ref, sheet));
          done.set(cell.formula, rewritten);
        }
        cell.formula = rewritten;
      }
    }
  }
  book.touch();
}

/**
 * A rectangle after a line edit, or null when all its lines were deleted.
 * @param rect the rectangle
 * @param edit the edit
 */
export function movedRect(rect: Rect, edit: LineEdit): Rect | null {
  const rows = edit.axis === 'rows';
  const start = rows ? rect.row : rect.col;
  const end = start + (rows ? rect.numRows : rect.numCols) - 1;
  const moved =
    edit.op === 'insert'
      ? shiftForInsert(start, end, edit.at, edit.count)
      : shiftForDelete(start, end, edit.at, edit.count);
  if (!moved) return null;
  const [s, e] = moved;
  return rows ? { ...rect, row: s, numRows: e - s + 1 } : { ...rect, col: s, numCols: e - s + 1 };
}

/**
 * Validation rules whose criteria hold a range of `sheet` get that range moved, and custom
 * formulas get their references to `sheet` rewritten (rules are shared by the cells they were
 * set on, so each rule is replaced once per sheet holding it: unqualified references point at
 * the sheet of the validated cell).
 * @param book the workbook
 * @param sheet the edited sheet
 * @param edit the edit
 */
function moveValidationRanges_(book: WorkbookModel, sheet: SheetModel, edit: LineEdit): void {
  for (const other of book.sheets) {
    const replaced = new Map<ValidationModel, ValidationModel>();
    const replacement = (rule: ValidationModel): ValidationModel => {
      let out = replaced.get(rule);
      if (out) return out;
      let changed = false;
      const values = rule.values.map((v, i) => {
        if (i === 0 && rule.criteria === DataValidationCriteria.CUSTOM_FORMULA && typeof v === 'string') {
          const formula = mapReferences(v, (ref) =>
            targetOf_(book, other, ref) === sheet ? shiftedReference(ref, edit) : null,
          );
          changed ||= formula !== v;
          return formula;
        }
        if (!(v instanceof FakeRange) || v.sheet_ !== sheet) return v;
        const rect = movedRect(v.rect_, edit);
        if (!rect) return v;
        changed = true;
        return new FakeRange(v.ctx_, v.sheet_, rect);
      });
      out = changed ? { ...rule, values } : rule;
      replaced.set(rule, out);
      return out;
    };
    // indexed loops: a for…of makes an iterator result per cell until V8 optimises the loop
    const rows = other.rows;
    // a column's cells mostly share a rule: each column's last rule and its replacement, so
    // that the map is asked once a run of cells (a lookup per cell allocated about 20 bytes)
    const lastRule: (ValidationModel | undefined)[] = [];
    const lastNext: (ValidationModel | undefined)[] = [];
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c++) {
        const rule = cells[c]?.validation;
        if (rule === undefined) continue;
        if (rule !== lastRule[c]) {
          lastRule[c] = rule;
          lastNext[c] = replacement(rule);
        }
        // written only when it changes (most rules do not: a million cells are not rewritten)
        const next = lastNext[c];
        if (next !== rule) (cells[c] as CellData).validation = next;
      }
    }
  }
}

/**
 * Where a line that is now at `line` was before the edit (lines the edit inserted hold no cells).
 * @param line 1-based, after the edit
 * @param edit the edit
 */
function lineBefore_(line: number, edit: LineEdit): number {
  if (edit.op === 'insert') return line > edit.at + edit.count ? line - edit.count : line;
  return line >= edit.at ? line + edit.count : line;
}

/**
 * Where a line that was at `line` is after the edit; a deleted line gives the first line after
 * the deletion (where the rest of its block now starts).
 * @param line 1-based, before the edit
 * @param edit the edit
 */
function lineAfter_(line: number, edit: LineEdit): number {
  if (edit.op === 'insert') return line > edit.at ? line + edit.count : line;
  if (line < edit.at) return line;
  return line < edit.at + edit.count ? edit.at : line - edit.count;
}

/**
 * Each validated cell of `sheet` keeps its rule's first cell where that cell went: the offset of
 * the cell from it changes when lines were inserted or deleted between them.
 * @param sheet the edited sheet (grid already changed)
 * @param edit the edit
 */
function moveValidationAnchors_(sheet: SheetModel, edit: LineEdit): void {
  const rows = edit.axis === 'rows';
  sheet.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      const at = cell?.validationAt;
      if (!cell || !at) return;
      const line = rows ? r + 1 : c + 1;
      const offset = rows ? at[0] : at[1];
      const next = line - lineAfter_(lineBefore_(line, edit) - offset, edit);
      if (next !== offset) cell.validationAt = rows ? [next, at[1]] : [at[0], next];
    });
  });
}

/**
 * After rows or columns of `sheet` were inserted or deleted (the grid already changed): formulas,
 * merges and validation criteria follow.
 * @param book the workbook
 * @param sheet the edited sheet
 * @param edit what changed
 */
export function afterLineEdit(book: WorkbookModel, sheet: SheetModel, edit: LineEdit): void {
  rewriteFormulas_(book, (ref, formulaSheet) =>
    targetOf_(book, formulaSheet, ref) === sheet ? shiftedReference(ref, edit) : null,
  );
  sheet.merges = sheet.merges
    .map((m) => movedRect(m, edit))
    .filter((m): m is Rect => m !== null && m.numRows * m.numCols > 1);
  moveValidationRanges_(book, sheet, edit);
  moveValidationAnchors_(sheet, edit);
}

/**
 * After `sheet` was renamed: every formula that named it by its old name names it by the new
 * one, quoted when the new name needs quotes.
 * @param book the workbook
 * @param sheet the renamed sheet (already carrying its new name)
 * @param oldName its previous name
 */
export function afterRename(book: WorkbookModel, sheet: SheetModel, oldName: string): void {
  const old = oldName.toLowerCase();
  rewriteFormulas_(book, (ref) =>
    ref.sheetName !== null && ref.sheetName.toLowerCase() === old ? referenceText(sheet.name, ref.a, ref.b) : null,
  );
}

/**
 * Before `sheet` is removed from the workbook: references to it become #REF!.
 * @param book the workbook
 * @param sheet the sheet being deleted (still in book.sheets)
 */
export function beforeSheetRemoved(book: WorkbookModel, sheet: SheetModel): void {
  rewriteFormulas_(book, (ref, formulaSheet) =>
    formulaSheet !== sheet && ref.sheetName !== null && targetOf_(book, formulaSheet, ref) === sheet
      ? REF_ERROR_TEXT
      : null,
  );
}
