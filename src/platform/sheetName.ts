/**
 * A sheet's name, asked for once per Sheet object in an execution: undo labels and messages
 * name the sheet they concern, and set-up asked for the same sheet's name a few times over
 * (55 calls in a repeat set-up of the province). The add-on's own renames update it
 * (sheetRegistry.renameOwn); the registry records the names the Sheets API gave it.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

let names_ = new WeakMap<Sheet, string>();

/**
 * A sheet's name (one call the first time for this Sheet object).
 * @param sheet the sheet
 */
export function nameOf(sheet: Sheet): string {
  let name = names_.get(sheet);
  if (name === undefined) {
    name = sheet.getName();
    names_.set(sheet, name);
  }
  return name;
}

/**
 * Records a sheet's name as just read or set.
 * @param sheet the sheet
 * @param name its name
 */
export function rememberName(sheet: Sheet, name: string): void {
  names_.set(sheet, name);
}

/** Forgets every name, and the workbook and its id (a new execution: see services.startExecution). */
export function forgetNames(): void {
  names_ = new WeakMap<Sheet, string>();
  workbook_ = null;
  workbookId_ = null;
}

/** Ids asked once: a sheet's never changes for a Sheet object (objects live for one execution). */
const ids_ = new WeakMap<Sheet, number>();
/**
 * The workbook and its id, asked once per execution: an execution works on one workbook (the
 * bound one, or the one the web app opens), and getParent and getId are a call each however
 * often they are asked.
 */
let workbook_: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
let workbookId_: string | null = null;

/**
 * A sheet's id (one call the first time for this Sheet object).
 * @param sheet the sheet
 */
export function sheetIdOf(sheet: Sheet): number {
  let id = ids_.get(sheet);
  if (id === undefined) {
    id = sheet.getSheetId();
    ids_.set(sheet, id);
  }
  return id;
}

/**
 * A sheet's workbook (one call the first time in an execution).
 * @param sheet the sheet
 */
export function parentOf(sheet: Sheet): GoogleAppsScript.Spreadsheet.Spreadsheet {
  workbook_ ??= sheet.getParent();
  return workbook_;
}

/**
 * The workbook's id (one call the first time in an execution).
 * @param ss the workbook
 */
export function bookIdOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  workbookId_ ??= ss.getId();
  return workbookId_;
}

/**
 * Remembers the workbook's id for this execution, when a read had it at no cost (the registry's
 * Sheets API read).
 * @param id the workbook's id
 */
export function rememberBookId(id: string): void {
  workbookId_ = id;
}
