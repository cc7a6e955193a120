/**
 * Makes a sheet match its spec (headers, frozen rows, widths, formats, dropdowns, notes)
 * with a fixed number of calls per sheet, whatever its number of rows, and without touching
 * data cells' values.
 */
import { SheetSpec, ValidationSpec } from '../workbook/sheetSpecs';
import { Undo } from '../server/undo';
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
  created.push(name);
  undo.add(() => ss.deleteSheet(sheet));
  return sheet;
}

/**
 * Applies a spec. The header row is rewritten only where it differs; data rows keep their
 * values (formats and dropdowns are set on the columns' data cells; setting them again to
 * what they are changes nothing, so only the header needs an undo).
 * @param sheet the sheet
 * @param spec its spec
 * @param undo where the header's old values are registered
 * @return true when the header row was rewritten
 */
export function applySheetSpec(sheet: Sheet, spec: SheetSpec, undo: Undo): boolean {
  const width = spec.columns.length;
  const headerRange = sheet.getRange(1, 1, 1, width);
  const headers = spec.columns.map((c) => c.header);
  const current = headerRange.getValues()[0];
  const rewrite = headers.some((h, i) => current[i] !== h);
  if (rewrite) {
    headerRange.setValues([headers]);
    undo.add(() => headerRange.setValues([current]));
  }
  headerRange.setFontWeight('bold').setBackground('#efefef').setWrap(true);
  headerRange.setNotes([spec.columns.map((c) => c.note ?? '')]);
  if (sheet.getFrozenRows() !== spec.frozenRows) sheet.setFrozenRows(spec.frozenRows);
  spec.columns.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width));
  if (spec.tab) sheet.setTabColor(spec.tab);
  const dataRows = sheet.getMaxRows() - spec.frozenRows;
  if (dataRows > 0) {
    spec.columns.forEach((c, i) => {
      const column = sheet.getRange(spec.frozenRows + 1, i + 1, dataRows, 1);
      if (c.format) column.setNumberFormat(c.format);
      if (c.validation) column.setDataValidation(validation_(c.validation));
    });
  }
  return rewrite;
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
