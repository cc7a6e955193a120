/**
 * The add-on's own sheets, found by their markers (workbook/sheetMarkers.ts) with one
 * developer-metadata search, whatever officers renamed them to; and marking a sheet as ours.
 */
import {
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
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** A marked sheet and the metadata that marks it (to update the mark). */
export interface OwnSheet extends MarkedSheet<Sheet> {
  readonly metadata: Metadata;
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
   * @param sheet a sheet
   */
  owns(sheet: Sheet): boolean {
    const id = sheet.getSheetId();
    return this.sheets.some((s) => s.mark.sheetId === id);
  }
}

/**
 * Finds the add-on's sheets: one search for the markers, then each marker's sheet.
 * @param ss the workbook
 */
export function readRegistry(ss: Spreadsheet): Registry {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(MARKER_KEY)
    .find()
    .map((metadata) => {
      const sheet = metadata.getLocation().getSheet();
      return sheet ? { sheet, sheetId: sheet.getSheetId(), value: metadata.getValue(), metadata } : null;
    })
    .filter((f): f is NonNullable<typeof f> => f !== null);
  const byId = new Map(found.map((f) => [f.sheetId, f.metadata]));
  return new Registry(ownSheets(found).map((own) => ({ ...own, metadata: byId.get(own.mark.sheetId) as Metadata })));
}

/**
 * Marks a sheet as the add-on's, registering the mark's removal.
 * @param sheet the sheet
 * @param mark what it is (its sheetId is taken from the sheet)
 * @param undo where the removal is registered
 */
export function markSheet(sheet: Sheet, mark: Omit<SheetMark, 'sheetId'>, undo: Undo): OwnSheet {
  const full: SheetMark = { ...mark, sheetId: sheet.getSheetId() };
  sheet.addDeveloperMetadata(MARKER_KEY, encodeMark(full), documentVisibility());
  const [metadata] = sheet.createDeveloperMetadataFinder().withKey(MARKER_KEY).withValue(encodeMark(full)).find();
  undo.add(() => metadata.remove(), `เครื่องหมายของชีต "${sheet.getName()}"`);
  return { sheet, mark: full, metadata };
}

/**
 * Changes a sheet's mark (a report's state), registering the old one.
 * @param own the marked sheet
 * @param mark the new mark
 * @param undo where the old mark is registered
 */
export function updateMark(own: OwnSheet, mark: SheetMark, undo: Undo): OwnSheet {
  const old = own.metadata.getValue() ?? '';
  undo.add(() => own.metadata.setValue(old), `เครื่องหมายของชีต "${own.sheet.getName()}"`);
  own.metadata.setValue(encodeMark(mark));
  return { ...own, mark };
}
