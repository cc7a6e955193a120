/**
 * Keeps a sheet's protection in step with who may edit it. Changing a protection needs the
 * owner or one of its editors; the owner and the user running the script can never be removed
 * (Apps Script reference, Protection.removeEditors); a workbook in a shared drive has no owner
 * (Spreadsheet.getOwner() returns null).
 */
import { effectiveUserEmail, ownerEmailOf, sheetProtectionType } from './services';
import type { Undo } from './undo';
import { nameOf } from './sheetName';

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

/**
 * Makes the sheet's protection match the spec.
 * @param sheet the sheet
 * @param spec who may edit
 * @param undo where each change's reversal is registered
 * @param unfinished the sheet was made by a run that was stopped before it finished (nobody was
 *   told of it): its protection is reported as made now, as the stopped run would have
 */
export function applyProtection(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  spec: ProtectionSpec,
  undo: Undo,
  unfinished = false,
): ProtectionChange {
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
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
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
