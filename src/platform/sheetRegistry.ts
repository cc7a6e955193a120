/**
 * The add-on's own sheets, found by their markers (features/setup/sheets/sheetMarkers.ts) with one
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
} from '../features/setup/sheets/sheetMarkers';
import { noteSpreadsheet } from './batchRead';
import { applyRequests, documentVisibility, flushWrites, sheetsApi } from './services';
import { bookIdOf, nameOf, rememberName, sheetIdOf } from './sheetName';
import type { Undo } from './undo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A marked sheet, with its name as read when the registry was made (renames by the add-on
 * update it), so the name is asked for once.
 */
export interface OwnSheet extends MarkedSheet<Sheet> {
  name: string;
  /** Its marker's value as stored, when this run read or wrote it (a mark read back may encode otherwise). */
  readonly stored?: string;
  /** Its marker's metadata id, when read (the registry's read; a marker made in this run has none yet). */
  readonly markerId?: number;
}

/** A sheet of the workbook as the registry's read saw it (every sheet, the add-on's or not). */
export interface SheetTitle {
  readonly sheetId: number;
  readonly title: string;
  readonly hidden: boolean;
}

/** The add-on's sheets of a workbook. */
export class Registry {
  /**
   * @param sheets the marked sheets found
   * @param titles every sheet of the workbook, in tab order, when read with them (null: not read)
   */
  constructor(
    readonly sheets: readonly OwnSheet[],
    readonly titles: readonly SheetTitle[] | null = null,
  ) {}

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
 * What the registry asks the Sheets API for: every sheet's id and name and the developer
 * metadata on the spreadsheet and on each sheet (Sheets API, REST Resource: spreadsheets —
 * `Spreadsheet.developerMetadata`, `Sheet.properties`, `Sheet.developerMetadata`).
 */
const REGISTRY_FIELDS =
  'properties(timeZone),developerMetadata(metadataId,metadataKey,metadataValue),' +
  'sheets(properties(sheetId,title,hidden),developerMetadata(metadataId,metadataKey,metadataValue))';

/** A metadata entry as the Sheets API returns it. */
interface MetadataJson_ {
  metadataId?: number;
  metadataKey?: string;
  metadataValue?: string;
}

/**
 * A marked sheet whose Sheet object is asked for only when used (`getSheetById`, one call):
 * an action that reads by name, or not at all, pays nothing for it.
 * @param ss the workbook
 * @param sheetId the sheet's id
 * @param mark its mark
 * @param name its name, as the registry read it
 * @param marker its marker's metadata id and value as read
 */
function lazyOwnSheet_(
  ss: Spreadsheet,
  sheetId: number,
  mark: SheetMark,
  name: string,
  marker: { id: number; value: string } | undefined,
): OwnSheet {
  let sheet: Sheet | null = null;
  return {
    mark,
    name,
    ...(marker === undefined ? {} : { stored: marker.value, markerId: marker.id }),
    get sheet(): Sheet {
      if (!sheet) {
        sheet = ss.getSheetById(sheetId);
        if (!sheet) throw new Error(`ชีต "${name}" ถูกลบระหว่างที่ส่วนเสริมทำงาน กรุณาลองอีกครั้ง`);
        rememberName(sheet, name);
      }
      return sheet;
    },
  };
}

/**
 * Finds the add-on's sheets in two calls whatever their number: the workbook's id, then one
 * Sheets API read of every sheet's id and name, every developer-metadata entry and the
 * spreadsheet's time zone (`Spreadsheet.properties.timeZone`) (the Advanced
 * Sheets service; docs/performance.md weighs its wider scope). Before it, SpreadsheetApp
 * needed a metadata search, a value per marker, the sheets, an id per sheet and a name per
 * marked sheet: about 3 calls a sheet on every action. Entries are taken in metadata-id order
 * (the order of creation, as the metadata finder returns them), so that a copy of one of our
 * sheets, whose copied marker names the original's id, resolves to the original, not to
 * itself. The Sheet objects are fetched when first used. The API does not see SpreadsheetApp's
 * cached writes: after writing, call SpreadsheetApp.flush() before reading the registry again.
 * @param ss the workbook
 */
export function readRegistry(ss: Spreadsheet): Registry {
  // asked each time (not remembered): a read of the spreadsheet, it commits SpreadsheetApp's
  // cached writes before the API reads (the stand-in's reading of the write cache)
  const id = ss.getId();
  const resource = sheetsApi().Spreadsheets.get(id, { fields: REGISTRY_FIELDS });
  // the time zone comes free with it: batchRead.ts rebuilds dates in it
  noteSpreadsheet(id, resource.properties?.timeZone ?? '');
  const names = new Map<number, string>();
  const titles: SheetTitle[] = [];
  const markers: { id: number; value: string | null }[] = [];
  const ofKey = (list: MetadataJson_[] | undefined) => {
    for (const m of list ?? []) {
      if (m.metadataKey === MARKER_KEY) markers.push({ id: m.metadataId ?? 0, value: m.metadataValue ?? null });
    }
  };
  ofKey(resource.developerMetadata as MetadataJson_[] | undefined);
  for (const sheet of resource.sheets ?? []) {
    const id = sheet.properties?.sheetId ?? 0;
    names.set(id, sheet.properties?.title ?? '');
    titles.push({ sheetId: id, title: sheet.properties?.title ?? '', hidden: sheet.properties?.hidden === true });
    ofKey(sheet.developerMetadata as MetadataJson_[] | undefined);
  }
  markers.sort((a, b) => a.id - b.id);
  const found = markers
    .map(({ id: metadataId, value }) => {
      const id = decodeMark(value)?.sheetId;
      return id !== undefined && names.has(id) ? { sheet: id, sheetId: id, value, metadataId } : null;
    })
    .filter((f): f is NonNullable<typeof f> => f !== null);
  // each sheet's marker as ownSheets takes it: the first that names it
  const marker = new Map<number, { id: number; value: string }>();
  for (const f of found) {
    if (f.value !== null && !marker.has(f.sheetId)) marker.set(f.sheetId, { id: f.metadataId, value: f.value });
  }
  return new Registry(
    ownSheets(found).map((own) =>
      lazyOwnSheet_(ss, own.sheet, own.mark, names.get(own.sheet) ?? '', marker.get(own.sheet)),
    ),
    titles,
  );
}

/**
 * Marks a sheet as the add-on's, registering the mark's removal.
 * @param sheet the sheet
 * @param mark what it is (its sheetId is taken from the sheet)
 * @param undo where the removal is registered
 */
export function markSheet(sheet: Sheet, mark: Omit<SheetMark, 'sheetId'>, undo: Undo): OwnSheet {
  const full: SheetMark = { ...mark, sheetId: sheetIdOf(sheet) };
  const name = nameOf(sheet);
  const value = encodeMark(full);
  // Registered first: a marker added by a call that then failed is removed too.
  undo.add(() => {
    for (const m of sheet.createDeveloperMetadataFinder().withKey(MARKER_KEY).withValue(value).find()) m.remove();
  }, `เครื่องหมายของชีต "${name}"`);
  sheet.addDeveloperMetadata(MARKER_KEY, value, documentVisibility());
  return { sheet, mark: full, name, stored: value };
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
  const stored = encodeMark(mark);
  metadata.setValue(stored);
  return { ...own, mark, stored };
}

/**
 * A marked sheet with a new mark, its Sheet still asked for only when used (a spread would ask
 * for it now: the registry's sheets are fetched lazily).
 * @param own the sheet
 * @param mark its new mark
 * @param stored the new mark as stored
 * @param markerId its marker's metadata id
 */
function withMark_(own: OwnSheet, mark: SheetMark, stored: string, markerId: number): OwnSheet {
  return {
    mark,
    name: own.name,
    stored,
    markerId,
    get sheet(): Sheet {
      return own.sheet;
    },
  };
}

/**
 * The metadata ids of markers this run made (markSheet leaves none: addDeveloperMetadata
 * returns the sheet), in one read after the writes are committed: for each sheet, the marker
 * on that sheet with its value (a copy of the sheet carries the same value on another sheet).
 * @param ss the workbook
 * @param owns the sheets, each with its marker's value
 * @return the id of each one's marker, in the same order
 */
function markerIdsNow_(ss: Spreadsheet, owns: readonly { sheetId: number; value: string }[]): number[] {
  flushWrites();
  const resource = sheetsApi().Spreadsheets.get(bookIdOf(ss), { fields: MARKER_FIELDS_ });
  const ids = new Map<string, number>();
  for (const sheet of resource.sheets ?? []) {
    const sheetId = sheet.properties?.sheetId ?? 0;
    for (const m of (sheet.developerMetadata ?? []) as MetadataJson_[]) {
      if (m.metadataKey !== MARKER_KEY || m.metadataId === undefined) continue;
      const key = `${sheetId}|${m.metadataValue ?? ''}`;
      ids.set(key, Math.min(ids.get(key) ?? m.metadataId, m.metadataId));
    }
  }
  return owns.map(({ sheetId, value }) => {
    const id = ids.get(`${sheetId}|${value}`);
    if (id === undefined) throw new Error(`ชีตของส่วนเสริม (รหัสชีต ${sheetId}) ถูกลบระหว่างที่ส่วนเสริมทำงาน กรุณาลองอีกครั้ง`);
    return id;
  });
}

/** What markerIdsNow_ asks the Sheets API for: each sheet's id and its developer metadata. */
const MARKER_FIELDS_ = 'sheets(properties(sheetId),developerMetadata(metadataId,metadataKey,metadataValue))';

/**
 * updateDeveloperMetadata requests setting markers' values, each found by its metadata id
 * (DataFilter.developerMetadataLookup.metadataId: exactly that entry, never a copy's).
 * @param values each marker's id and its value to set
 */
function markerRequests_(values: readonly { id: number; value: string }[]): GoogleAppsScript.Sheets.Schema.Request[] {
  return values.map(({ id, value }) => ({
    updateDeveloperMetadata: {
      dataFilters: [{ developerMetadataLookup: { metadataId: id } }],
      developerMetadata: { metadataValue: value },
      fields: 'metadataValue',
    },
  }));
}

/**
 * Changes sheets' marks in one Sheets API call, whatever their number: an
 * updateDeveloperMetadata of each marker's value, found by its metadata id (known from the
 * registry's read, or, for markers made in this run, from one read more). Through SpreadsheetApp
 * it was a search, then a read and a write per marker (updateMark). The undo, registered first,
 * sets the old values by the same ids: right whether or not the call took effect.
 * @param ss the workbook
 * @param changes each sheet and its new mark (one equal to its mark now is left alone)
 * @param undo where the old marks are registered
 * @return the sheets with their new marks, in the same order
 */
export function updateMarks(
  ss: Spreadsheet,
  changes: readonly { own: OwnSheet; mark: SheetMark }[],
  undo: Undo,
): OwnSheet[] {
  // a mark unchanged is left, however its marker was encoded when stored
  const moving = changes
    .filter(({ own, mark }) => encodeMark(own.mark) !== encodeMark(mark))
    .map(({ own, mark }) => ({ own, mark, from: own.stored ?? encodeMark(own.mark), to: encodeMark(mark) }));
  if (moving.length === 0) return changes.map(({ own }) => own);
  const unknown = moving.filter(({ own }) => own.markerId === undefined);
  const found = unknown.length
    ? markerIdsNow_(
        ss,
        unknown.map(({ own, from }) => ({ sheetId: own.mark.sheetId, value: from })),
      )
    : [];
  const idOf = (own: OwnSheet) => own.markerId ?? found[unknown.findIndex((u) => u.own === own)];
  undo.add(
    () => applyRequests(ss, markerRequests_(moving.map(({ own, from }) => ({ id: idOf(own), value: from })))),
    `เครื่องหมายของชีต ${moving.length} ชีต`,
  );
  applyRequests(ss, markerRequests_(moving.map(({ own, to }) => ({ id: idOf(own), value: to }))));
  return changes.map(({ own }) => {
    const moved = moving.find((m) => m.own === own);
    return moved ? withMark_(own, moved.mark, moved.to, idOf(own)) : own;
  });
}

/**
 * Clears the unfinished flag of the sheets' markers, in one call (updateMarks).
 * @param ss the workbook
 * @param owns the sheets (those without the flag are left alone)
 * @param undo where the old markers are registered
 * @return the sheets with their new marks
 */
export function clearUnfinished(ss: Spreadsheet, owns: readonly OwnSheet[], undo: Undo): OwnSheet[] {
  return updateMarks(
    ss,
    owns.map((own) => {
      const { unfinished: _done, ...mark } = own.mark;
      return { own, mark };
    }),
    undo,
  );
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
  const { sheet } = own;
  undo.add(() => {
    sheet.setName(old);
    rememberName(sheet, old);
  }, `ชื่อชีต "${old}"`);
  sheet.setName(name);
  rememberName(sheet, name);
  own.name = name;
}
