/**
 * Callers of the sidebar for the role tests: a district officer named in the settings sheet,
 * an editor named nowhere, and a caller whose address Google hides.
 */
import { ownerOnly, seedDemo, setUp } from '../../../dev/preview/demo';
import type { PreviewRuntime } from '../../../dev/preview/runtime';
import { LABEL } from '../../../src/kernel/settings';
import { SHEET } from '../../../src/features/setup/sheets/sheetNames';

/** Tha Bo's officer, named in `ผู้แก้ไข อ.ท่าบ่อ (อีเมล)` by officerSeed. */
export const OFFICER = 'tha@district.example';
export const OFFICER_DISTRICT = 'ท่าบ่อ';
/** An editor of the file whom the settings name nowhere. */
export const STRANGER = 'stranger@example.com';

/**
 * Writes an address into a settings row, as the province types it.
 * @param runtime the preview
 * @param label the row's label (column A)
 * @param email the address
 */
export function nameInSettings(runtime: PreviewRuntime, label: string, email: string): void {
  const settings = runtime.book.spreadsheet.getSheetByName(SHEET.settings);
  if (!settings) throw new Error('no settings sheet: set up first');
  const rows = settings.getDataRange().getValues();
  const row = rows.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no settings row ${label}`);
  settings.getRange(row + 1, 2).setValue(email);
}

/**
 * The demo workbook with Tha Bo's officer named in the settings, and set-up run again to give
 * them their protections, as the province does after naming someone.
 * @param runtime the preview
 */
export function officerSeed(runtime: PreviewRuntime): void {
  seedDemo(runtime);
  nameInSettings(runtime, LABEL.districtEditors(OFFICER_DISTRICT), OFFICER);
  setUp(runtime);
}
ownerOnly(officerSeed); // set-up as the owner, typing through the owner's view
