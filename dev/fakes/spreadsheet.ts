/** FakeSpreadsheet: the document, its sheets, named ranges, editors, and fake-only helpers. */
import { parseA1 } from './a1';
import { instrument } from './callLedger';
import { copySheet } from './copying';
import {
  addMetadata,
  type FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  wrapMetadata,
} from './developerMetadata';
import { assertNamedRangeName, FakeNamedRange } from './namedRange';
import type { ExecutionContext, FunctionResolver } from './model';
import type { SheetModel } from './sheetModel';
import {
  assertCanDeleteSheet,
  FakeProtection,
  isSpreadsheetEditor,
  NO_PERMISSION_MESSAGE,
  userCanEditRect,
} from './protection';
import type { FakeRange } from './range';
import { emailOf, FakeUser } from './session';
import { assertSheetNameFree, FakeSheet } from './sheet';
import { beforeSheetRemoved } from './structure';
import type { FakeOf } from './types';

const SPREADSHEET_METHODS = [
  'addDeveloperMetadata',
  'createDeveloperMetadataFinder',
  'duplicateActiveSheet',
  'getDeveloperMetadata',
  'addEditor',
  'addEditors',
  'removeEditor',
  'getEditors',
  'deleteSheet',
  'getActiveRange',
  'getActiveSheet',
  'getId',
  'getName',
  'getNamedRanges',
  'getNumSheets',
  'getOwner',
  'getProtections',
  'getRange',
  'getRangeByName',
  'getSheetById',
  'getSheetByName',
  'getSheets',
  'getSpreadsheetLocale',
  'getSpreadsheetTimeZone',
  'getUrl',
  'insertSheet',
  'removeNamedRange',
  'rename',
  'setActiveRange',
  'setActiveSheet',
  'setNamedRange',
  'setSpreadsheetLocale',
  'toast',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Spreadsheet)[];

type SpreadsheetApi = FakeOf<GoogleAppsScript.Spreadsheet.Spreadsheet, (typeof SPREADSHEET_METHODS)[number]>;

/**
 * The active sheet of an execution (the first visible sheet when none was chosen or it was
 * deleted).
 * @param ctx the execution
 */
export function activeSheetOf(ctx: ExecutionContext): SheetModel {
  const { sheets } = ctx.book;
  if (ctx.activeSheet && sheets.includes(ctx.activeSheet)) return ctx.activeSheet;
  return sheets.find((s) => !s.hidden) ?? sheets[0];
}

/** The spreadsheet as one execution (one user) sees it. */
export class FakeSpreadsheet implements SpreadsheetApi {
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  private sheet_(model: SheetModel): FakeSheet {
    return new FakeSheet(this.ctx_, model);
  }

  private assertEditor_(): void {
    if (!isSpreadsheetEditor(this.ctx_.book, this.ctx_.effectiveUser)) throw new Error(NO_PERMISSION_MESSAGE);
  }

  /**
   * Fake-only: registers the custom functions formulas may call.
   * @param resolver name → function (e.g. `(n) => globals[n]` over the loaded bundle), or null
   */
  setFunctions(resolver: FunctionResolver | null): void {
    this.ctx_.book.functions = resolver;
    this.ctx_.book.touch();
  }

  /**
   * Fake-only: whether `email` could type into a cell, given every protection (the owner always
   * can, warning-only protections let everyone, non-editors never can).
   * @param email the user
   * @param sheetName the sheet
   * @param row 1-based row
   * @param col 1-based column
   */
  canUserEdit(email: string, sheetName: string, row: number, col: number): boolean {
    const sheet = this.ctx_.book.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}".`);
    return userCanEditRect(this.ctx_.book, email, sheet, { row, col, numRows: 1, numCols: 1 });
  }

  /**
   * addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility).
   * @param key the key
   * @param valueOrVisibility a value, or a visibility
   * @param visibility DOCUMENT (default) or PROJECT
   */
  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): FakeSpreadsheet {
    addMetadata(this.ctx_, null, key, valueOrVisibility, visibility);
    return this;
  }

  /** The metadata located on the spreadsheet itself (not its sheets'). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return wrapMetadata(this.ctx_, this.ctx_.book.spreadsheetMetadata);
  }

  /** A finder over all metadata of the spreadsheet and its sheets. */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(this.ctx_, null);
  }

  /** Copies the active sheet next to it ("Copy of <name>") and makes the copy active (copying.ts). */
  duplicateActiveSheet(): FakeSheet {
    const active = activeSheetOf(this.ctx_);
    const index = this.ctx_.book.sheets.indexOf(active) + 1;
    const copy = copySheet(this.ctx_, active, this.ctx_.book, index);
    this.ctx_.activeSheet = copy;
    this.ctx_.activeRange = null;
    return this.sheet_(copy);
  }

  /** @param user address or User to give edit access */
  addEditor(user: string | { getEmail(): string }): FakeSpreadsheet {
    return this.addEditors_([emailOf(user)]);
  }

  /** @param emails addresses to give edit access */
  addEditors(emails: string[]): FakeSpreadsheet {
    return this.addEditors_(emails);
  }

  private addEditors_(emails: readonly string[]): FakeSpreadsheet {
    this.assertEditor_();
    const { book } = this.ctx_;
    for (const email of emails) if (email !== book.owner && !book.editors.includes(email)) book.editors.push(email);
    return this;
  }

  /** @param user address or User to remove from the editors */
  removeEditor(user: string | { getEmail(): string }): FakeSpreadsheet {
    this.assertEditor_();
    const email = emailOf(user);
    this.ctx_.book.editors = this.ctx_.book.editors.filter((e) => e !== email);
    return this;
  }

  /** The owner (if any) and the editors. */
  getEditors(): FakeUser[] {
    const { owner, editors } = this.ctx_.book;
    return [...(owner === null ? [] : [owner]), ...editors].map((e) => new FakeUser(this.ctx_, e));
  }

  /**
   * Deletes a sheet (not the last visible one), if the user may edit every protection on it.
   * Its named ranges, protections, conditional-format ranges elsewhere and developer metadata go
   * with it; formulas that pointed at it show #REF!.
   * @param sheet the sheet to delete
   */
  deleteSheet(sheet: FakeSheet): void {
    const { book } = this.ctx_;
    const model = sheet.sheet_;
    assertCanDeleteSheet(this.ctx_, model);
    if (!book.sheets.some((s) => s !== model && !s.hidden)) {
      throw new Error('Sorry, it is not possible to delete all non-hidden sheets in a document.');
    }
    beforeSheetRemoved(book, model);
    book.sheets = book.sheets.filter((s) => s !== model);
    book.protections = book.protections.filter((p) => p.sheet !== model);
    for (const [name, named] of book.namedRanges) if (named.sheet === model) book.namedRanges.delete(name);
    for (const other of book.sheets)
      for (const rule of other.rules) rule.ranges = rule.ranges.filter((r) => r.sheet !== model);
    book.touch();
  }

  /** The execution's active range, or null. */
  getActiveRange(): FakeRange | null {
    const active = this.ctx_.activeRange;
    if (!active || !this.ctx_.book.sheets.includes(active.sheet)) return null;
    return this.sheet_(active.sheet).range_(active.rect.row, active.rect.col, active.rect.numRows, active.rect.numCols);
  }

  /** The execution's active sheet. */
  getActiveSheet(): FakeSheet {
    return this.sheet_(activeSheetOf(this.ctx_));
  }

  /** The document id. */
  getId(): string {
    return this.ctx_.book.id;
  }

  /** The document name. */
  getName(): string {
    return this.ctx_.book.name;
  }

  /** All named ranges. */
  getNamedRanges(): FakeNamedRange[] {
    return [...this.ctx_.book.namedRanges.values()].map((m) => new FakeNamedRange(this.ctx_, m));
  }

  /** Number of sheets. */
  getNumSheets(): number {
    return this.ctx_.book.sheets.length;
  }

  /** The owner; null for a file in a shared drive (spreadsheet#getowner). */
  getOwner(): FakeUser | null {
    const { owner } = this.ctx_.book;
    return owner === null ? null : new FakeUser(this.ctx_, owner);
  }

  /** @param type RANGE or SHEET */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    return this.ctx_.book.protections.filter((p) => p.type === type).map((p) => new FakeProtection(this.ctx_, p));
  }

  /** @param a1Notation "A1:B2" on the active sheet, or "'Sheet name'!A1:B2" */
  getRange(a1Notation: string): FakeRange {
    const ref = parseA1(a1Notation);
    const sheet = ref.sheetName === null ? activeSheetOf(this.ctx_) : this.ctx_.book.sheetByName(ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    return this.sheet_(sheet).rangeA1_(a1Notation);
  }

  /** @param name a named range; null when there is none */
  getRangeByName(name: string): FakeRange | null {
    const named = this.ctx_.book.namedRanges.get(name);
    return named ? new FakeNamedRange(this.ctx_, named).range_() : null;
  }

  /** @param id a sheet id (gid) */
  getSheetById(id: number): FakeSheet | null {
    const sheet = this.ctx_.book.sheets.find((s) => s.id === id);
    return sheet ? this.sheet_(sheet) : null;
  }

  /** @param name exact tab name; null when there is none */
  getSheetByName(name: string): FakeSheet | null {
    const sheet = this.ctx_.book.sheetByName(name);
    return sheet ? this.sheet_(sheet) : null;
  }

  /** All sheets, in tab order. */
  getSheets(): FakeSheet[] {
    return this.ctx_.book.sheets.map((s) => this.sheet_(s));
  }

  /** The spreadsheet locale (how typed text is parsed), e.g. "th_TH". */
  getSpreadsheetLocale(): string {
    return this.ctx_.book.locale;
  }

  /** @param locale e.g. "th_TH", "en_US" */
  setSpreadsheetLocale(locale: string): void {
    this.assertEditor_();
    this.ctx_.book.locale = locale;
  }

  /** The spreadsheet time zone. */
  getSpreadsheetTimeZone(): string {
    return this.ctx_.book.timeZone;
  }

  /** The document URL. */
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ctx_.book.id}/edit`;
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index). The new sheet
   * becomes the active sheet. Templates are not supported.
   * @param nameOrIndex tab name, or 0-based position
   * @param indexOrOptions 0-based position
   */
  insertSheet(nameOrIndex?: string | number, indexOrOptions?: number | { template?: unknown }): FakeSheet {
    this.assertEditor_();
    const { book } = this.ctx_;
    const index =
      typeof nameOrIndex === 'number' ? nameOrIndex : typeof indexOrOptions === 'number' ? indexOrOptions : undefined;
    if (typeof indexOrOptions === 'object' && indexOrOptions?.template)
      throw new Error('Fake: insertSheet templates are not supported.');
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : '';
    if (!name) {
      let n = book.sheets.length + 1;
      while (book.sheetByNameIgnoringCase(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    assertSheetNameFree(this.ctx_, name);
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > book.sheets.length)) {
      throw new Error(`The sheet index ${index} is out of range.`);
    }
    const sheet = book.addSheet(name, index);
    this.ctx_.activeSheet = sheet;
    this.ctx_.activeRange = null;
    return this.sheet_(sheet);
  }

  /** @param name the named range to remove (nothing happens when it does not exist) */
  removeNamedRange(name: string): void {
    this.assertEditor_();
    if (this.ctx_.book.namedRanges.delete(name)) this.ctx_.book.touch();
  }

  /** @param newName the new document name */
  rename(newName: string): void {
    this.assertEditor_();
    this.ctx_.book.name = newName;
  }

  /** @param range becomes the active range */
  setActiveRange(range: FakeRange): FakeRange {
    this.ctx_.activeSheet = range.sheet_;
    this.ctx_.activeRange = { sheet: range.sheet_, rect: { ...range.rect_ } };
    return range;
  }

  /** @param sheet becomes the active sheet */
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.ctx_.activeSheet = sheet.sheet_;
    this.ctx_.activeRange = null;
    return sheet;
  }

  /** @param name the name @param range what it names (replaces an existing name) */
  setNamedRange(name: string, range: FakeRange): void {
    this.assertEditor_();
    assertNamedRangeName(name);
    this.ctx_.book.namedRanges.set(name, { name, sheet: range.sheet_, rect: { ...range.rect_ } });
    this.ctx_.book.touch();
  }

  /** @param msg message @param title title @param timeoutSeconds seconds shown */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx_.ui.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
}
instrument(FakeSpreadsheet, 'Spreadsheet', SPREADSHEET_METHODS);
