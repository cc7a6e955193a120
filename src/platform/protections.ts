/**
 * Keeps a sheet's protection in step with who may edit it. Changing a protection needs the
 * owner or one of its editors; the owner and the user running the script can never be removed
 * (Apps Script reference, Protection.removeEditors); a workbook in a shared drive has no owner
 * (Spreadsheet.getOwner() returns null).
 */
import { a1GridRange, gridRangeA1 } from './sheetState';
import {
  applyRequests,
  effectiveUserEmail,
  flushWrites,
  ownerEmail,
  ownerEmailOf,
  sheetProtectionType,
  sheetsApi,
} from './services';
import type { Undo } from './undo';
import { bookIdOf, nameOf, parentOf, sheetIdOf } from './sheetName';

/** What a protection should allow. */
export interface ProtectionSpec {
  /** Shown to officers in Data → Protected sheets and ranges. */
  readonly description: string;
  /** Who may edit (the owner, if any, always can). */
  readonly editors: readonly string[];
  /** Everyone may edit after a warning (a district whose officers are not named yet). */
  readonly warningOnly: boolean;
  /** Cells every editor of the file may edit inside the protected sheet (A1), if any. */
  readonly openCells?: readonly string[];
}

/** What applying a protection changed. */
export interface ProtectionChange {
  readonly changed: boolean;
  /** Editors given the right to edit the sheet. */
  readonly granted: readonly string[];
  /** Editors whose right was taken away. */
  readonly revoked: readonly string[];
  /** Whether it switched from or to warning-only. */
  readonly warningOnly: boolean | null;
  /** The sheet had no protection before. */
  readonly created: boolean;
}

/** A sheet's protection as one Sheets API read showed it (readSheetProtections). */
export interface KnownProtection {
  readonly description: string;
  readonly warningOnly: boolean;
  /** Its editors' e-mails, lower case; null when the API did not show them. */
  readonly editors: readonly string[] | null;
  readonly domainEdit: boolean;
  /** Its unprotected ranges in A1 ('' for one the A1 form here cannot name). */
  readonly openCells: readonly string[];
}

/** A GridRange as the API returns it (a field at 0 is left out: proto3 JSON). */
interface GridRangeJson_ {
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/** A ProtectedRange as the API returns it (the fields asked for). */
interface ProtectedRangeJson_ {
  range?: GridRangeJson_;
  namedRangeId?: string;
  description?: string;
  warningOnly?: boolean;
  editors?: { users?: string[]; groups?: string[]; domainUsersCanEdit?: boolean };
  unprotectedRanges?: GridRangeJson_[];
}

const PROTECTION_FIELDS =
  'sheets(properties(sheetId),protectedRanges(range,namedRangeId,description,warningOnly,editors,unprotectedRanges))';

/**
 * Every sheet's protection in one Sheets API read (instead of five calls and one per editor a
 * sheet through SpreadsheetApp), by sheet id. A sheet's protection is its ProtectedRange with a
 * fully unbounded range (Sheets API reference, ProtectedRange.range); a sheet with none is left
 * out, one with more than one maps to null (which one SpreadsheetApp lists first is not
 * documented). Pending writes are committed first: the API may not see SpreadsheetApp's cached
 * writes (unconfirmed; the worse case, as dev/fakes/advancedSheets.ts models it).
 * @param ss the workbook
 */
export function readSheetProtections(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Map<number, KnownProtection | null> {
  flushWrites();
  const resource = sheetsApi().Spreadsheets.get(bookIdOf(ss), { fields: PROTECTION_FIELDS });
  const out = new Map<number, KnownProtection | null>();
  for (const sheet of resource.sheets ?? []) {
    const id = sheet.properties?.sheetId ?? 0;
    const whole = ((sheet.protectedRanges ?? []) as ProtectedRangeJson_[]).filter(
      (p) =>
        p.namedRangeId === undefined &&
        !p.range?.startRowIndex &&
        !p.range?.startColumnIndex &&
        p.range?.endRowIndex === undefined &&
        p.range?.endColumnIndex === undefined,
    );
    if (whole.length === 0) continue;
    if (whole.length > 1) {
      out.set(id, null);
      continue;
    }
    const [p] = whole;
    out.set(id, {
      description: p.description ?? '',
      warningOnly: p.warningOnly === true,
      // groups cannot be compared with the e-mails the settings name: such a protection is
      // read through SpreadsheetApp
      editors: p.editors && !p.editors.groups?.length ? (p.editors.users ?? []).map((e) => e.toLowerCase()) : null,
      domainEdit: p.editors?.domainUsersCanEdit === true,
      openCells: (p.unprotectedRanges ?? []).map(gridRangeA1),
    });
  }
  return out;
}

/**
 * A sheet's protection's editors now, lower case, the owner among them (the owner always
 * edits, whether the API lists them or not). Read in one Sheets API call with the other
 * sheets' (readSheetProtections) rather than Protection.getEditors and one User.getEmail per
 * editor (a new protection lists every editor of the file: 30 and more in a large province);
 * through SpreadsheetApp when the API does not show them (groups, more than one protection).
 * @param sheet the sheet
 * @param protection its protection
 * @param owner the owner's e-mail ('' in a shared drive)
 * @param known the protection as read earlier in this run, if its editors have not changed since
 */
function editorsNow_(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  protection: GoogleAppsScript.Spreadsheet.Protection,
  owner: string,
  known: KnownProtection | null | undefined,
): string[] {
  let editors = known?.editors ?? null;
  if (!editors) editors = readSheetProtections(parentOf(sheet)).get(sheetIdOf(sheet))?.editors ?? null;
  if (!editors) return protection.getEditors().map((u) => u.getEmail().toLowerCase());
  return [...new Set([...editors, owner.toLowerCase()].filter(Boolean))];
}

/**
 * Whether a protection as read already is what the spec asks, by the same comparisons
 * applyProtection makes (the owner always edits, listed or not).
 * @param known the protection as read
 * @param spec what it should allow
 * @param wanted the e-mails that should edit (the spec's, the running user's and the owner's)
 * @param owner the owner's e-mail ('' in a shared drive)
 */
function alreadyAsSpecified_(
  known: KnownProtection,
  spec: ProtectionSpec,
  wanted: ReadonlySet<string>,
  owner: string,
): boolean {
  if (known.description !== spec.description || known.warningOnly !== spec.warningOnly) return false;
  if (spec.openCells !== undefined && known.openCells.join() !== spec.openCells.join()) return false;
  if (spec.warningOnly) return true;
  if (known.editors === null || known.domainEdit) return false;
  const current = new Set([...known.editors, owner].filter(Boolean));
  return current.size === wanted.size && [...wanted].every((e) => current.has(e));
}

/**
 * Makes the sheet's protection match the spec.
 * @param sheetOf the sheet, or the function giving it (asked only when something is to be read
 *   or changed through SpreadsheetApp: a protection already as specified costs no call)
 * @param spec who may edit
 * @param undo where each change's reversal is registered
 * @param unfinished the sheet was made by a run that was stopped before it finished (nobody was
 *   told of it): its protection is reported as made now, as the stopped run would have
 * @param known the sheet's protection as readSheetProtections read it in this run, if it did
 *   (undefined: not read; absent from the map or null there: read through SpreadsheetApp); when
 *   it is already as specified, nothing more is asked
 */
export function applyProtection(
  sheetOf: GoogleAppsScript.Spreadsheet.Sheet | (() => GoogleAppsScript.Spreadsheet.Sheet),
  spec: ProtectionSpec,
  undo: Undo,
  unfinished = false,
  known?: KnownProtection | null,
): ProtectionChange {
  if (known && !unfinished) {
    const owner = ownerEmailOf(sheetOf);
    const wanted = new Set([...spec.editors, effectiveUserEmail(), owner].map((e) => e.toLowerCase()).filter(Boolean));
    if (alreadyAsSpecified_(known, spec, wanted, owner.toLowerCase())) {
      return { changed: false, granted: [], revoked: [], warningOnly: null, created: false };
    }
  }
  const sheet = typeof sheetOf === 'function' ? sheetOf() : sheetOf;
  const [existing] = sheet.getProtections(sheetProtectionType());
  const name = `สิทธิ์ของชีต "${nameOf(sheet)}"`;
  // Registered first: a protection made by a call that then failed is removed too.
  if (!existing) {
    undo.add(() => {
      for (const p of sheet.getProtections(sheetProtectionType())) p.remove();
    }, name);
  }
  const protection = existing ?? sheet.protect();
  let changed = !existing;
  const old = protection.getDescription();
  if (old !== spec.description) {
    undo.add(() => protection.setDescription(old), name);
    protection.setDescription(spec.description);
    changed = true;
  }
  let switched: boolean | null = null;
  const wasWarningOnly = protection.isWarningOnly();
  if (wasWarningOnly !== spec.warningOnly) {
    undo.add(() => protection.setWarningOnly(wasWarningOnly), name);
    protection.setWarningOnly(spec.warningOnly);
    switched = spec.warningOnly;
    changed = true;
  }
  if (spec.openCells !== undefined && openCells_(protection, sheet, spec.openCells, undo, name)) changed = true;
  const created = !existing || unfinished;
  if (spec.warningOnly) return { changed, granted: [], revoked: [], warningOnly: switched, created };
  const owner = ownerEmailOf(sheet);
  const me = effectiveUserEmail();
  const wanted = new Set([...spec.editors, me, owner].map((e) => e.toLowerCase()).filter(Boolean));
  const current = editorsNow_(sheet, protection, owner, existing && !wasWarningOnly ? known : undefined);
  const revoked = current.filter((e) => !wanted.has(e));
  const granted = [...wanted].filter((e) => !current.includes(e));
  // From warning-only to enforced: everyone could edit before, so every wanted editor is newly
  // granted the sheet, and the others lose it all at once (reported as one change, not per name).
  const opened = switched === false && wasWarningOnly;
  if (revoked.length > 0) {
    undo.add(() => protection.addEditors(revoked), name);
    protection.removeEditors(revoked);
  }
  if (granted.length > 0) {
    undo.add(() => protection.removeEditors(granted), name);
    protection.addEditors(granted);
  }
  if (protection.canDomainEdit()) {
    undo.add(() => protection.setDomainEdit(true), name);
    protection.setDomainEdit(false);
    changed = true;
  }
  const shownGranted = opened || unfinished ? [...wanted] : granted;
  return {
    changed: changed || revoked.length > 0 || granted.length > 0,
    granted: shownGranted.filter((e) => e !== me && e !== owner),
    revoked: opened || unfinished ? [] : revoked,
    warningOnly: unfinished ? null : switched,
    created,
  };
}

/** A sheet to protect, and what its protection should allow (protectSheets). */
export interface SheetToProtect {
  readonly sheetId: number;
  readonly name: string;
  /** The sheet, asked for only when something is changed or undone through SpreadsheetApp. */
  readonly sheet: () => GoogleAppsScript.Spreadsheet.Sheet;
  readonly spec: ProtectionSpec;
  /**
   * Made by this action, or by one stopped before it finished (nobody was told): its protection
   * is reported as made now, and, when it has none yet, made with the others in one call.
   */
  readonly madeNow: boolean;
}

/**
 * Protects sheets as their specs say, after one read of every sheet's protection: those made
 * now that have none all in one call (protectNew_), any other the SpreadsheetApp way
 * (applyProtection: a protection there already is changed, not doubled, its old state
 * registered).
 * @param ss the workbook
 * @param sheets the sheets
 * @param undo where each change's reversal is registered
 * @return what changed, per sheet in the same order
 */
export function protectSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheets: readonly SheetToProtect[],
  undo: Undo,
): ProtectionChange[] {
  const known = readSheetProtections(ss);
  const fresh = sheets.filter((s) => s.madeNow && !known.has(s.sheetId));
  const made = protectNew_(ss, fresh, undo);
  return sheets.map((s) => {
    const i = fresh.indexOf(s);
    return i >= 0 ? made[i] : applyProtection(s.sheet, s.spec, undo, s.madeNow, known.get(s.sheetId));
  });
}

/**
 * Protects sheets that have no protection (the sheets a set-up or the switch made) in one call,
 * an addProtectedRange of each whole sheet with its editors named ("The range may be fully
 * unbounded, in which case this is considered a protected sheet"; "Editors are not supported
 * with warning_only protection": none are sent for one; Sheets API reference, ProtectedRange),
 * instead of six to ten SpreadsheetApp calls a sheet (protect, its description, warning,
 * editors read and removed). Reports each change as applyProtection reports a sheet that a
 * set-up made: every wanted editor granted, nobody revoked.
 * @param ss the workbook
 * @param sheets the sheets, none with a protection now (readSheetProtections said so)
 * @param undo where each protection's removal is registered, before the call
 */
function protectNew_(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheets: readonly SheetToProtect[],
  undo: Undo,
): ProtectionChange[] {
  if (sheets.length === 0) return [];
  const owner = ownerEmail(ss);
  const me = effectiveUserEmail();
  const wantedOf = (spec: ProtectionSpec) => [
    ...new Set([...spec.editors, me, owner].map((e) => e.toLowerCase()).filter(Boolean)),
  ];
  const requests = sheets.map(({ sheetId, spec }) => ({
    addProtectedRange: {
      protectedRange: {
        range: { sheetId },
        description: spec.description,
        warningOnly: spec.warningOnly,
        ...(spec.warningOnly ? {} : { editors: { users: wantedOf(spec), domainUsersCanEdit: false } }),
        ...(spec.openCells?.length ? { unprotectedRanges: spec.openCells.map((a1) => a1GridRange(sheetId, a1)) } : {}),
      },
    },
  }));
  // Registered first: protections made by a call that then failed are removed too.
  for (const { name, sheet } of sheets) {
    undo.add(() => {
      for (const p of sheet().getProtections(sheetProtectionType())) p.remove();
    }, `สิทธิ์ของชีต "${name}"`);
  }
  applyRequests(ss, requests);
  return sheets.map(({ spec }) => ({
    changed: true,
    granted: spec.warningOnly ? [] : wantedOf(spec).filter((e) => e !== me && e !== owner),
    revoked: [],
    warningOnly: spec.warningOnly ? true : null,
    created: true,
  }));
}

/**
 * Makes a protection's unprotected ranges the given cells; true when it changed them.
 * @param protection the sheet's protection
 * @param sheet its sheet
 * @param cells the cells (A1)
 * @param undo where the reversal is registered
 * @param name what the undo restores, in Thai
 */
function openCells_(
  protection: GoogleAppsScript.Spreadsheet.Protection,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  cells: readonly string[],
  undo: Undo,
  name: string,
): boolean {
  const old = protection.getUnprotectedRanges();
  if (old.map((r) => r.getA1Notation()).join() === cells.join()) return false;
  undo.add(() => protection.setUnprotectedRanges(old), name);
  protection.setUnprotectedRanges(cells.map((a1) => sheet.getRange(a1)));
  return true;
}
