/**
 * Sheet protections managed by the add-on, found again by their description. Changing a
 * protection needs the owner or one of its editors; the owner and the user running the script
 * can never be removed (Apps Script reference, Protection.removeEditors).
 */
import type { Undo } from '../server/undo';
import { effectiveUserEmail, sheetProtectionType } from './services';

/** What a protection should allow. */
export interface ProtectionSpec {
  readonly description: string;
  /** Who may edit (besides the owner and the user running set-up). */
  readonly editors: readonly string[];
  /** Everyone may edit after a warning (a district whose officers are not named yet). */
  readonly warningOnly: boolean;
}

/**
 * Makes the sheet's protection match the spec.
 * @param sheet the sheet
 * @param spec who may edit
 * @param undo where each change's reversal is registered
 * @return true when something changed
 */
export function applyProtection(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: ProtectionSpec, undo: Undo): boolean {
  const existing = sheet.getProtections(sheetProtectionType()).find((p) => p.getDescription() === spec.description);
  const protection = existing ?? sheet.protect();
  if (!existing) {
    undo.add(() => protection.remove());
    protection.setDescription(spec.description);
  }
  let changed = !existing;
  const warningOnly = spec.warningOnly;
  const wasWarningOnly = protection.isWarningOnly();
  if (wasWarningOnly !== warningOnly) {
    undo.add(() => protection.setWarningOnly(wasWarningOnly));
    protection.setWarningOnly(warningOnly);
    changed = true;
  }
  if (warningOnly) return changed;
  const owner = sheet.getParent().getOwner()?.getEmail() ?? '';
  const wanted = new Set([...spec.editors, effectiveUserEmail(), owner].map((e) => e.toLowerCase()).filter(Boolean));
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const extra = current.filter((e) => !wanted.has(e));
  const missing = [...wanted].filter((e) => !current.includes(e));
  if (extra.length > 0) {
    undo.add(() => protection.addEditors(extra));
    protection.removeEditors(extra);
  }
  if (missing.length > 0) {
    undo.add(() => protection.removeEditors(missing));
    protection.addEditors(missing);
  }
  if (protection.canDomainEdit()) {
    undo.add(() => protection.setDomainEdit(true));
    protection.setDomainEdit(false);
  }
  return changed || extra.length > 0 || missing.length > 0;
}
