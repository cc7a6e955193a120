/**
 * The add-on's own sheets, found by their markers (workbook/sheetMarkers.ts) with one
 * developer-metadata search, whatever officers renamed them to; and marking a sheet as ours.
 */
import {
  decodeMark,
  encodeMark,
  MARKER_KEY,
  type MarkedSheet,
  ownSheets,
  type SheetMark,
  type SheetRole,
} from '../workbook/sheetMarkers';
import { documentVisibility } from './services';
import type { Undo } from './undo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A marked sheet, with its name as read when the registry was made (renames by the add-on
 * update it), so the name is asked for once.
 */
export interface OwnSheet extends MarkedSheet<Sheet> {
  name: string;
}

/** The add-on's sheets of a workbook. */
export class Registry {
  /** @param sheets the marked sheets found */
  constructor(readonly sheets: readonly OwnSheet[]) {}

  /**
   * The sheets of a role.
   * @param role e.g. 'report'
   */
  all(role: SheetRole): OwnSheet[] {
    return this.sheets.filter((s) => s.mark.role === role);
  }

  /**
   * The one sheet of a role (the first, for a district's entry sheets of that district).
   * @param role the role
   * @param district for 'activities' and 'online', the district's canonical name
   */
  one(role: SheetRole, district?: string): OwnSheet | null {
    return (
      this.sheets.find((s) => s.mark.role === role && (district === undefined || s.mark.district === district)) ?? null
    );
  }

  /**
   * Whether a sheet is one of the add-on's.
   * @param sheetId the sheet's id
   */
  owns(sheetId: number): boolean {
    return this.sheets.some((s) => s.mark.sheetId === sheetId);
  }
}

/**
 * Finds the add-on's sheets: one search for the markers and one list of the sheets. A marker
 * names the id of the sheet it was put on, so a copy of one of our sheets (which may carry the
 * marker along) resolves to the original, not to itself.
 * @param ss the workbook
 */
export function readRegistry(ss: Spreadsheet): Registry {
  const values = ss
    .createDeveloperMetadataFinder()
    .withKey(MARKER_KEY)
    .find()
    .map((metadata) => metadata.getValue());
  const byId = new Map(ss.getSheets().map((sheet) => [sheet.getSheetId(), sheet] as const));
  const found = values
    .map((value) => {
      const id = decodeMark(value)?.sheetId;
      const sheet = id === undefined ? undefined : byId.get(id);
      return sheet ? { sheet, sheetId: id as number, value } : null;
    })
    .filter((f): f is NonNullable<typeof f> => f !== null);
  return new Registry(ownSheets(found).map((own) => ({ ...own, name: own.sheet.getName() })));
}

/**
 * Marks a sheet as the add-on's, registering the mark's removal.
 * @param sheet the sheet
 * @param mark what it is (its sheetId is taken from the sheet)
 * @param undo where the removal is registered
 */
export function markSheet(sheet: Sheet, mark: Omit<SheetMark, 'sheetId'>, undo: Undo): OwnSheet {
  const full: SheetMark = { ...mark, sheetId: sheet.getSheetId() };
  const name = sheet.getName();
  const value = encodeMark(full);
  // Registered first: a marker added by a call that then failed is removed too.
  undo.add(() => {
    for (const m of sheet.createDeveloperMetadataFinder().withKey(MARKER_KEY).withValue(value).find()) m.remove();
  }, `เครื่องหมายของชีต "${name}"`);
  sheet.addDeveloperMetadata(MARKER_KEY, value, documentVisibility());
  return { sheet, mark: full, name };
}

/**
 * Changes a sheet's mark (a report's state), registering the old one.
 * @param own the marked sheet
 * @param mark the new mark
 * @param undo where the old mark is registered
 */
export function updateMark(own: OwnSheet, mark: SheetMark, undo: Undo): OwnSheet {
  const metadata = own.sheet
    .createDeveloperMetadataFinder()
    .withKey(MARKER_KEY)
    .find()
    .find((m) => decodeMark(m.getValue())?.sheetId === own.mark.sheetId);
  if (!metadata) throw new Error(`the marker of sheet "${own.name}" is gone`);
  const old = metadata.getValue() ?? '';
  undo.add(() => metadata.setValue(old), `เครื่องหมายของชีต "${own.name}"`);
  metadata.setValue(encodeMark(mark));
  return { ...own, mark };
}

/**
 * Clears the unfinished flag of the sheets' markers, with one search for the markers.
 * @param ss the workbook
 * @param owns the sheets (those without the flag are left alone)
 * @param undo where the old markers are registered
 * @return the sheets with their new marks
 */
export function clearUnfinished(ss: Spreadsheet, owns: readonly OwnSheet[], undo: Undo): OwnSheet[] {
  if (!owns.some((own) => own.mark.unfinished)) return [...owns];
  const byId = new Map<number, GoogleAppsScript.Spreadsheet.DeveloperMetadata>();
  for (const m of ss.createDeveloperMetadataFinder().withKey(MARKER_KEY).find()) {
    const id = decodeMark(m.getValue())?.sheetId;
    if (id !== undefined && !byId.has(id)) byId.set(id, m);
  }
  return owns.map((own) => {
    const metadata = byId.get(own.mark.sheetId);
    if (!own.mark.unfinished || !metadata) return own;
    const { unfinished: _done, ...mark } = own.mark;
    const old = metadata.getValue() ?? '';
    undo.add(() => metadata.setValue(old), `เครื่องหมายของชีต "${own.name}"`);
    metadata.setValue(encodeMark(mark));
    return { ...own, mark };
  });
}

/**
 * Renames one of the add-on's sheets, registering the old name.
 * @param own the sheet
 * @param name the new name
 * @param undo where the old name is registered
 */
export function renameOwn(own: OwnSheet, name: string, undo: Undo): void {
  const old = own.name;
  if (old === name) return;
  undo.add(() => own.sheet.setName(old), `ชื่อชีต "${old}"`);
  own.sheet.setName(name);
  own.name = name;
}
