/**
 * Makes a sheet match its spec (headers, frozen rows, widths, formats, dropdowns, notes)
 * with a fixed number of calls per sheet, whatever its number of rows, and without touching
 * data cells' values.
 */
import { ColumnSpec, SheetSpec, ValidationSpec } from '../workbook/sheetSpecs';
import { Undo } from '../server/undo';
import { setFormat, setLayout } from './change';
import { newDataValidation } from './services';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  undo.add(() => ss.deleteSheet(sheet));
  created.push(name);
  return sheet;
}

/**
 * Applies a spec, changing only what differs (so a repeat set-up changes nothing) and
 * registering the old state of everything it changes, so a failure can put it back. The
 * header row is rewritten only where it differs; data rows keep their values (formats and
 * dropdowns are set on the columns' data cells).
 * @param sheet the sheet
 * @param spec its spec
 * @param undo where the old state is registered
 * @return true when the header row was rewritten
 */
export function applySheetSpec(sheet: Sheet, spec: SheetSpec, undo: Undo): boolean {
  const width = spec.columns.length;
  const header = sheet.getRange(1, 1, 1, width);
  const headers = spec.columns.map((c) => c.header);
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
  const notes = header.getNotes();
  const wantedNotes = spec.columns.map((c) => c.note ?? '');
  if (notes[0].some((n, i) => n !== wantedNotes[i])) {
    undo.add(() => header.setNotes(notes));
    header.setNotes([wantedNotes]);
  }
  setLayout(sheet, spec.frozenRows, spec.columns.map((c) => c.width), undo);
  const tab = sheet.getTabColor();
  if (spec.tab && (tab ?? '').toLowerCase() !== spec.tab.toLowerCase()) {
    undo.add(() => sheet.setTabColor(tab));
    sheet.setTabColor(spec.tab);
  }
  const dataRows = sheet.getMaxRows() - spec.frozenRows;
  if (dataRows > 0) spec.columns.forEach((c, i) => applyColumn_(sheet.getRange(spec.frozenRows + 1, i + 1, dataRows, 1), c, undo));
  return rewrite;
}

const HEADER_BACKGROUND = '#efefef';

/**
 * Sets a column's number format and dropdown where they differ. A dropdown is compared on
 * the column's first and last cells (a fixed number of calls however long the column).
 */
function applyColumn_(column: GoogleAppsScript.Spreadsheet.Range, spec: ColumnSpec, undo: Undo): void {
  if (spec.format) setFormat(column, spec.format, undo);
  if (spec.validation) {
    const rule = validation_(spec.validation);
    const rules = column.getDataValidations();
    const ends = [rules[0][0], rules[rules.length - 1][0]];
    if (ends.some((v) => !sameValidation_(v, rule))) {
      undo.add(() => column.setDataValidations(rules));
      column.setDataValidation(rule);
    }
  }
}

/** Two validations are the same rule (criteria, values, strictness, help). */
function sameValidation_(a: GoogleAppsScript.Spreadsheet.DataValidation | null, b: GoogleAppsScript.Spreadsheet.DataValidation): boolean {
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
