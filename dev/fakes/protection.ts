/**
 * Protections and who may edit what. Facts modelled:
 * - a new protection's editors mirror the spreadsheet's (the owner and its editors) until the
 *   script changes them: developers.google.com/apps-script/reference/spreadsheet/protection,
 *   whose sample calls `protection.removeEditors(protection.getEditors())` right after
 *   `protect()` (the "mirror" wording is from Range.protect/Sheet.protect, not re-checked);
 * - the owner always edits; the owner and the current user cannot be removed from a
 *   protection's editors (silently ignored); getEditors() and changes by a user who cannot
 *   edit the protection throw (docs/platform.md#protections);
 * - warning-only protections let everyone edit ("every user can edit data in the area, except
 *   editing prompts a warning", protection#setwarningonly): a script's edit goes through, as no
 *   one can answer the prompt (unconfirmed for scripts; the worse case for data safety);
 * - a workbook in a shared drive has no owner (spreadsheet#getowner returns null): nobody has
 *   owner powers, protections bind everyone they do not name, a new protection lists the
 *   spreadsheet's editors, removeEditors keeps only the current user. Which domain "domain
 *   edit" then means is unconfirmed: the first editor's domain stands in for the drive's;
 * - structure: deleting a sheet needs the right to edit every protection on it; renaming,
 *   inserting or deleting rows and columns, and the sheet's settings need the sheet
 *   protection's (assertCanEditSheet). Deleting rows inside the unprotected ranges of a
 *   protected sheet is refused too (unconfirmed; the worse case). Sheets' error for these is
 *   not documented: the protected-cell message ("...a protected cell or object") is used.
 * The exact text of that last error is not documented: NO_PERMISSION_MESSAGE is Apps Script's
 * generic one (seen in github.com/peterherrmann/BetterLog/issues/11).
 */
import { rectsIntersect, type Rect } from './a1';
import { instrument } from './callLedger';
import { ProtectionType } from './enums';
import type { ExecutionContext, ProtectionModel, WorkbookModel } from './model';
import type { SheetModel } from './sheetModel';
import { FakeRange } from './range';
import { emailOf, FakeUser } from './session';
import type { FakeOf } from './types';

/**
 * Sheets' error when a script writes into a cell it may not edit (the API's text, quoted in
 * github.com/theoephraim/node-google-spreadsheet/pull/20).
 */
export const PROTECTED_CELL_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
/** Error for actions the user has no right to perform. */
export const NO_PERMISSION_MESSAGE = 'You do not have permission to perform that action.';

function domainOf_(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Whether a user has edit access to the spreadsheet at all ("" is an anonymous user: never).
 * @param book the workbook
 * @param user e-mail
 */
export function isSpreadsheetEditor(book: WorkbookModel, user: string): boolean {
  return user !== '' && (user === book.owner || book.editors.includes(user));
}

/**
 * Whether `user` is the owner (nobody is in a shared drive).
 * @param book the workbook
 * @param user e-mail
 */
function isOwner_(book: WorkbookModel, user: string): boolean {
  return book.owner !== null && user === book.owner;
}

/**
 * The domain "domain edit" refers to: the owner's, or for a shared drive the first editor's
 * (unconfirmed stand-in for the drive's organisation).
 * @param book the workbook
 */
function protectionDomain_(book: WorkbookModel): string {
  const someone = book.owner ?? book.editors[0] ?? '';
  return someone === '' ? '' : domainOf_(someone);
}

/**
 * The editors a new protection starts with: the owner (if any) and the spreadsheet's editors.
 * @param book the workbook
 */
function spreadsheetEditors_(book: WorkbookModel): string[] {
  return [...new Set([...(book.owner === null ? [] : [book.owner]), ...book.editors])];
}

/**
 * Whether a user is allowed by a protection (owner, listed editor, or domain edit).
 * @param book the workbook
 * @param p the protection
 * @param user e-mail
 */
export function allowedBy(book: WorkbookModel, p: ProtectionModel, user: string): boolean {
  if (isOwner_(book, user) || (user !== '' && p.editors.includes(user))) return true;
  const domain = protectionDomain_(book);
  return p.domainEdit && user !== '' && domain !== '' && domainOf_(user) === domain;
}

/** Whether every cell of `rect` lies in one of `areas`. */
function covered_(rect: Rect, areas: readonly Rect[]): boolean {
  if (areas.length === 0) return false;
  for (let row = rect.row; row < rect.row + rect.numRows; row++) {
    const spans = areas
      .filter((a) => row >= a.row && row < a.row + a.numRows)
      .map((a) => [a.col, a.col + a.numCols - 1])
      .sort((x, y) => x[0] - y[0]);
    let reach = rect.col - 1;
    for (const [start, end] of spans) if (start <= reach + 1) reach = Math.max(reach, end);
    if (reach < rect.col + rect.numCols - 1) return false;
  }
  return true;
}

/**
 * Whether `user` may change the cells of `rect` on `sheet`, given every protection.
 * @param book the workbook
 * @param user e-mail
 * @param sheet the sheet
 * @param rect the cells
 */
export function userCanEditRect(book: WorkbookModel, user: string, sheet: SheetModel, rect: Rect): boolean {
  if (isOwner_(book, user)) return true;
  if (!isSpreadsheetEditor(book, user)) return false;
  return !book.protections.some((p) => {
    if (p.sheet !== sheet || p.warningOnly || allowedBy(book, p, user)) return false;
    return p.rect ? rectsIntersect(p.rect, rect) : !covered_(rect, p.unprotected);
  });
}

/**
 * Throws Sheets' protected-cell error unless the execution's user may edit `rect`.
 * @param ctx the execution
 * @param sheet the sheet
 * @param rect the cells
 */
export function assertCanEdit(ctx: ExecutionContext, sheet: SheetModel, rect: Rect): void {
  if (!isSpreadsheetEditor(ctx.book, ctx.effectiveUser)) throw new Error(NO_PERMISSION_MESSAGE);
  if (!userCanEditRect(ctx.book, ctx.effectiveUser, sheet, rect)) throw new Error(PROTECTED_CELL_MESSAGE);
}

/**
 * Throws unless the execution's user may change the sheet itself (structure, settings).
 * @param ctx the execution
 * @param sheet the sheet
 */
export function assertCanEditSheet(ctx: ExecutionContext, sheet: SheetModel): void {
  const { book, effectiveUser } = ctx;
  if (!isSpreadsheetEditor(book, effectiveUser)) throw new Error(NO_PERMISSION_MESSAGE);
  const blocked = book.protections.some(
    (p) => p.sheet === sheet && !p.rect && !p.warningOnly && !allowedBy(book, p, effectiveUser),
  );
  if (blocked) throw new Error(PROTECTED_CELL_MESSAGE);
}

/**
 * Throws unless the execution's user may delete the sheet: every (blocking) protection on it,
 * of the sheet or of a range, must allow them.
 * @param ctx the execution
 * @param sheet the sheet
 */
export function assertCanDeleteSheet(ctx: ExecutionContext, sheet: SheetModel): void {
  const { book, effectiveUser } = ctx;
  if (!isSpreadsheetEditor(book, effectiveUser)) throw new Error(NO_PERMISSION_MESSAGE);
  const blocked = book.protections.some(
    (p) => p.sheet === sheet && !p.warningOnly && !allowedBy(book, p, effectiveUser),
  );
  if (blocked) throw new Error(PROTECTED_CELL_MESSAGE);
}

/**
 * Creates a protection whose editors mirror the spreadsheet's (the owner and its editors).
 * @param ctx the execution
 * @param sheet the sheet
 * @param rect the protected cells, or null for the whole sheet
 */
export function createProtection(ctx: ExecutionContext, sheet: SheetModel, rect: Rect | null): FakeProtection {
  const { book } = ctx;
  if (rect) assertCanEdit(ctx, sheet, rect);
  else assertCanEditSheet(ctx, sheet);
  const existing = rect ? undefined : book.protections.find((p) => p.sheet === sheet && !p.rect);
  if (existing) return new FakeProtection(ctx, existing);
  const model: ProtectionModel = {
    id: book.newProtectionId(),
    type: rect ? ProtectionType.RANGE : ProtectionType.SHEET,
    sheet,
    rect: rect ? { ...rect } : null,
    description: '',
    editors: spreadsheetEditors_(book),
    domainEdit: false,
    warningOnly: false,
    unprotected: [],
  };
  book.protections.push(model);
  return new FakeProtection(ctx, model);
}

/** A whole-sheet protection as the Sheets API's addProtectedRange asks for it. */
export interface SheetProtectionRequest {
  readonly description: string;
  readonly warningOnly: boolean;
  /** The users it names (`editors.users`); null when the request names none. */
  readonly users: readonly string[] | null;
  readonly domainEdit: boolean;
  readonly unprotected: readonly Rect[];
}

/**
 * Adds a whole-sheet protection as the Sheets API's addProtectedRange does: always a new one,
 * beside any already there (the API adds a ProtectedRange; SpreadsheetApp's protect() returns
 * the existing one). Its editors are the users named, plus the user making it, who always keeps
 * edit access as with removeEditors (unconfirmed for the API; code sends that user anyway);
 * one naming no users starts like protect()'s, with the spreadsheet's editors (unconfirmed).
 * @param ctx the execution
 * @param sheet the sheet
 * @param request what it allows
 */
export function addSheetProtection(ctx: ExecutionContext, sheet: SheetModel, request: SheetProtectionRequest): number {
  const { book } = ctx;
  assertCanEditSheet(ctx, sheet);
  const editors =
    request.users === null
      ? spreadsheetEditors_(book)
      : [...new Set([...request.users, ctx.effectiveUser].filter(Boolean))];
  const model: ProtectionModel = {
    id: book.newProtectionId(),
    type: ProtectionType.SHEET,
    sheet,
    rect: null,
    description: request.description,
    editors,
    domainEdit: request.domainEdit,
    warningOnly: request.warningOnly,
    unprotected: request.unprotected.map((r) => ({ ...r })),
  };
  book.protections.push(model);
  return model.id;
}

const PROTECTION_METHODS = [
  'addEditor',
  'addEditors',
  'removeEditor',
  'removeEditors',
  'getEditors',
  'setDomainEdit',
  'canDomainEdit',
  'setWarningOnly',
  'isWarningOnly',
  'setDescription',
  'getDescription',
  'getRange',
  'getProtectionType',
  'remove',
  'canEdit',
  'setUnprotectedRanges',
  'getUnprotectedRanges',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Protection)[];

/** A protected range or sheet. */
export class FakeProtection
  implements FakeOf<GoogleAppsScript.Spreadsheet.Protection, (typeof PROTECTION_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param model_ the stored protection
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: ProtectionModel,
  ) {}

  private mayEdit_(): boolean {
    const { book, effectiveUser } = this.ctx_;
    return this.model_.warningOnly
      ? isSpreadsheetEditor(book, effectiveUser)
      : allowedBy(book, this.model_, effectiveUser);
  }

  private assertMayChange_(): void {
    if (!this.mayEdit_()) throw new Error(NO_PERMISSION_MESSAGE);
  }

  /** @param user address or User to add to the editors */
  addEditor(user: string | { getEmail(): string }): FakeProtection {
    return this.addEditors_([emailOf(user)]);
  }

  /** @param emails addresses to add to the editors */
  addEditors(emails: string[]): FakeProtection {
    return this.addEditors_(emails);
  }

  private addEditors_(emails: readonly string[]): FakeProtection {
    this.assertMayChange_();
    for (const email of emails) if (!this.model_.editors.includes(email)) this.model_.editors.push(email);
    return this;
  }

  /** @param user address or User to remove (the owner and the current user are kept) */
  removeEditor(user: string | { getEmail(): string }): FakeProtection {
    return this.removeEditors_([emailOf(user)]);
  }

  /** @param users addresses or Users to remove (the owner and the current user are kept) */
  removeEditors(users: Array<string | { getEmail(): string }>): FakeProtection {
    return this.removeEditors_(users.map(emailOf));
  }

  private removeEditors_(emails: readonly string[]): FakeProtection {
    this.assertMayChange_();
    const { owner } = this.ctx_.book;
    const keep = new Set([...(owner === null ? [] : [owner]), this.ctx_.effectiveUser]);
    this.model_.editors = this.model_.editors.filter((e) => keep.has(e) || !emails.includes(e));
    return this;
  }

  /** The editors (owner first). Throws for a user who cannot edit the protection. */
  getEditors(): FakeUser[] {
    if (!this.mayEdit_()) throw new Error(NO_PERMISSION_MESSAGE);
    const { owner } = this.ctx_.book;
    const first = owner === null ? [] : [owner];
    return [...first, ...this.model_.editors.filter((e) => e !== owner)].map((e) => new FakeUser(this.ctx_, e));
  }

  /** @param editable whether everyone in the owner's domain may edit */
  setDomainEdit(editable: boolean): FakeProtection {
    this.assertMayChange_();
    this.model_.domainEdit = editable;
    return this;
  }

  /** Whether everyone in the owner's domain may edit. */
  canDomainEdit(): boolean {
    return this.model_.domainEdit;
  }

  /** @param warningOnly true: only warn, everyone may edit */
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.assertMayChange_();
    this.model_.warningOnly = warningOnly;
    return this;
  }

  /** Whether the protection only warns. */
  isWarningOnly(): boolean {
    return this.model_.warningOnly;
  }

  /** @param description the description */
  setDescription(description: string): FakeProtection {
    this.assertMayChange_();
    this.model_.description = description;
    return this;
  }

  /** The description. */
  getDescription(): string {
    return this.model_.description;
  }

  /** The protected range (the whole grid for a sheet protection). */
  getRange(): FakeRange {
    const { sheet, rect } = this.model_;
    return new FakeRange(
      this.ctx_,
      sheet,
      rect ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns },
    );
  }

  /** RANGE or SHEET. */
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.model_.type;
  }

  /** Removes the protection. */
  remove(): void {
    this.assertMayChange_();
    this.ctx_.book.protections = this.ctx_.book.protections.filter((p) => p !== this.model_);
  }

  /** Whether the current user may edit the protected cells. */
  canEdit(): boolean {
    return this.mayEdit_();
  }

  /** @param ranges ranges of a protected sheet left editable */
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.assertMayChange_();
    if (this.model_.rect) throw new Error('Unprotected ranges can only be set on a protected sheet.');
    this.model_.unprotected = ranges.filter((r) => r.sheet_ === this.model_.sheet).map((r) => ({ ...r.rect_ }));
    return this;
  }

  /** Ranges of a protected sheet left editable. */
  getUnprotectedRanges(): FakeRange[] {
    return this.model_.unprotected.map((rect) => new FakeRange(this.ctx_, this.model_.sheet, rect));
  }
}
instrument(FakeProtection, 'Protection', PROTECTION_METHODS);
