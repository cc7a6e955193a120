/**
 * Makes a sheet match its spec (headers, frozen rows, widths, formats, dropdowns, notes)
 * with a fixed number of calls per sheet, whatever its number of rows, and without touching
 * data cells' values.
 */
import type { ColumnSpec, SheetSpec, ValidationSpec } from '../workbook/sheetSpecs';
import type { Undo } from '../server/undo';
import { setFrozenRows } from './change';
import { newDataValidation } from './services';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The sheet of that name, created at the end if missing.
 * @param ss the workbook
 * @param name the sheet's name
 * @param created names of sheets created, appended to
 * @param undo where a created sheet's removal is registered
 */
export function ensureSheet(ss: Spreadsheet, name: string, created: string[], undo: Undo): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  undo.add(() => ss.deleteSheet(sheet));
  created.push(name);
  return sheet;
}

/**
 * Sets the widths of a new sheet's first columns, one call per run of equal widths.
 * @param sheet the sheet
 * @param widths widths in pixels, from column A
 */
export function setColumnWidths(sheet: Sheet, widths: readonly number[]): void {
  for (let start = 0; start < widths.length; ) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    sheet.setColumnWidths(start + 1, end - start, widths[start]);
    start = end;
  }
}

/**
 * Applies a spec. A sheet created in this run is written straight, without reading it back
 * (its removal undoes everything). An existing sheet is repaired: only what differs changes
 * (so a repeat set-up changes nothing), each change registering the old state so a failure
 * can put it back, and column widths are left as the officers set them. Data rows keep their
 * values: formats and dropdowns are set on the columns' data cells.
 * @param sheet the sheet
 * @param spec its spec
 * @param undo where the old state is registered
 * @param fresh whether the sheet was created in this run
 * @return true when the header row of an existing sheet was rewritten
 */
export function applySheetSpec(sheet: Sheet, spec: SheetSpec, undo: Undo, fresh: boolean): boolean {
  const header = sheet.getRange(1, 1, 1, spec.columns.length);
  const headers = spec.columns.map((c) => c.header);
  const notes = spec.columns.map((c) => c.note ?? '');
  const dataRows = sheet.getMaxRows() - spec.frozenRows;
  const column = (i: number) => sheet.getRange(spec.frozenRows + 1, i + 1, dataRows, 1);
  if (fresh) {
    header.setValues([headers]).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setNotes([notes]);
    sheet.setFrozenRows(spec.frozenRows);
    setColumnWidths(
      sheet,
      spec.columns.map((c) => c.width),
    );
    if (spec.tab) sheet.setTabColor(spec.tab);
    if (dataRows <= 0) return false;
    spec.columns.forEach((c, i) => {
      if (!c.format && !c.validation) return;
      const range = column(i);
      if (c.format) range.setNumberFormat(c.format);
      if (c.validation) range.setDataValidation(validation_(c.validation));
    });
    return false;
  }
  const current = header.getValues()[0];
  const rewrite = headers.some((h, i) => current[i] !== h);
  if (rewrite) {
    undo.add(() => header.setValues([current]));
    header.setValues([headers]);
  }
  const weights = header.getFontWeights();
  const backgrounds = header.getBackgrounds();
  if (weights[0].some((w) => w !== 'bold') || backgrounds[0].some((b) => b.toLowerCase() !== HEADER_BACKGROUND)) {
    undo.add(() => header.setFontWeights(weights).setBackgrounds(backgrounds));
    header.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
  const currentNotes = header.getNotes();
  if (currentNotes[0].some((n, i) => n !== notes[i])) {
    undo.add(() => header.setNotes(currentNotes));
    header.setNotes([notes]);
  }
  setFrozenRows(sheet, spec.frozenRows, undo);
  const tab = sheet.getTabColor();
  if (spec.tab && (tab ?? '').toLowerCase() !== spec.tab.toLowerCase()) {
    undo.add(() => sheet.setTabColor(tab));
    sheet.setTabColor(spec.tab);
  }
  if (dataRows > 0)
    repairColumns_(sheet.getRange(spec.frozenRows + 1, 1, dataRows, spec.columns.length), spec.columns, column, undo);
  return rewrite;
}

const HEADER_BACKGROUND = '#efefef';

/**
 * Sets the columns' number formats and dropdowns where they differ, reading the formats and
 * the dropdowns of all the data cells in one call each (not one per column). A format must
 * hold on every cell; a dropdown is compared on the column's first and last cells.
 * @param block the data cells of all the spec's columns
 * @param columns the column specs
 * @param column the data cells of one column
 * @param undo where the old formats and dropdowns are registered
 */
function repairColumns_(block: Range, columns: readonly ColumnSpec[], column: (i: number) => Range, undo: Undo): void {
  const formatted = columns.some((c) => c.format);
  const validated = columns.some((c) => c.validation);
  const formats = formatted ? block.getNumberFormats() : [];
  const rules = validated ? block.getDataValidations() : [];
  columns.forEach((c, i) => {
    if (c.format && formats.some((row) => row[i] !== c.format)) {
      const old = formats.map((row) => [row[i]]);
      const range = column(i);
      undo.add(() => range.setNumberFormats(old));
      range.setNumberFormat(c.format);
    }
    if (c.validation) {
      const rule = validation_(c.validation);
      if ([rules[0][i], rules[rules.length - 1][i]].some((v) => !sameValidation_(v, rule))) {
        const old = rules.map((row) => [row[i]]);
        const range = column(i);
        undo.add(() => range.setDataValidations(old));
        range.setDataValidation(rule);
      }
    }
  });
}

/** Two validations are the same rule (criteria, values, strictness, help). */
function sameValidation_(
  a: GoogleAppsScript.Spreadsheet.DataValidation | null,
  b: GoogleAppsScript.Spreadsheet.DataValidation,
): boolean {
  if (!a) return false;
  return (
    String(a.getCriteriaType()) === String(b.getCriteriaType()) &&
    JSON.stringify(a.getCriteriaValues()) === JSON.stringify(b.getCriteriaValues()) &&
    a.getAllowInvalid() === b.getAllowInvalid() &&
    a.getHelpText() === b.getHelpText()
  );
}

/** Builds a data-validation rule from its spec. */
function validation_(spec: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = newDataValidation();
  switch (spec.kind) {
    case 'list':
      builder.requireValueInList([...spec.values], true).setAllowInvalid(spec.allowInvalid);
      break;
    case 'date':
      // Text dates with BE years are read too, so a non-date only warns.
      builder.requireDate().setAllowInvalid(true);
      break;
    case 'number':
      builder.requireNumberGreaterThanOrEqualTo(spec.min).setAllowInvalid(true);
      break;
    case 'url':
      builder.requireTextIsUrl().setAllowInvalid(true);
      break;
  }
  return builder.setHelpText(spec.help).build();
}
