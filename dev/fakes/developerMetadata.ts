/**
 * Developer metadata on the spreadsheet and on sheets (reference/spreadsheet/developer-metadata,
 * developer-metadata-finder, developer-metadata-location). Facts modelled:
 * - keys need not be unique, ids are (Sheets API guide "Read, write, and search metadata");
 *   ids here count up from 1, Google's are random positive integers;
 * - metadata stays with its location and "if the associated object is deleted its metadata is
 *   deleted too" (Sheets API reference, spreadsheets.developerMetadata): deleting a sheet drops
 *   its metadata;
 * - visibility DOCUMENT or PROJECT: "Project-visible metadata is only visible to and accessible
 *   by the developer project that created the metadata" (developer-metadata-visibility). The
 *   fake has one script project, so both are visible to it; the default is DOCUMENT;
 * - reading needs view access; adding or changing metadata needs edit rights on its location:
 *   a protected sheet's metadata only for those the protection allows (unconfirmed; the worse
 *   case).
 * Not modelled: metadata on rows, columns and ranges (moveToRow/moveToColumn,
 * Range.addDeveloperMetadata), onIntersectingLocations. In the fake an enum member is its name,
 * so addDeveloperMetadata(key, "PROJECT") is read as a visibility, not as the value "PROJECT".
 */
import { instrument } from './callLedger';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './enums';
import type { ExecutionContext } from './model';
import { assertCanEditSheet, isSpreadsheetEditor, NO_PERMISSION_MESSAGE } from './protection';
import type { DeveloperMetadataModel, SheetModel } from './sheetModel';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';
import type { FakeOf } from './types';

type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type LocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;

/**
 * Throws unless the execution's user may change metadata at this location.
 * @param ctx the execution
 * @param sheet the sheet, or null for the spreadsheet
 */
export function assertCanChangeMetadata(ctx: ExecutionContext, sheet: SheetModel | null): void {
  if (sheet) assertCanEditSheet(ctx, sheet);
  else if (!isSpreadsheetEditor(ctx.book, ctx.effectiveUser)) throw new Error(NO_PERMISSION_MESSAGE);
}

/**
 * Whether a value names a visibility (enum members are their names in the fake).
 * @param value an argument
 */
function isVisibility_(value: unknown): value is Visibility {
  return value === DeveloperMetadataVisibility.DOCUMENT || value === DeveloperMetadataVisibility.PROJECT;
}

/**
 * Adds metadata at a location: addDeveloperMetadata(key), (key, value), (key, visibility),
 * (key, value, visibility).
 * @param ctx the execution
 * @param sheet the sheet, or null for the spreadsheet
 * @param key the key (not empty)
 * @param valueOrVisibility a value or a visibility
 * @param visibility a visibility
 */
export function addMetadata(
  ctx: ExecutionContext,
  sheet: SheetModel | null,
  key: string,
  valueOrVisibility?: string | Visibility,
  visibility?: Visibility,
): void {
  assertCanChangeMetadata(ctx, sheet);
  if (typeof key !== 'string' || key === '') throw new Error('Developer metadata needs a key.');
  const vis =
    visibility ?? (isVisibility_(valueOrVisibility) ? valueOrVisibility : DeveloperMetadataVisibility.DOCUMENT);
  const value = valueOrVisibility === undefined || isVisibility_(valueOrVisibility) ? null : String(valueOrVisibility);
  const model: DeveloperMetadataModel = { id: ctx.book.newMetadataId(), key, value, visibility: vis, sheet };
  (sheet ? sheet.metadata : ctx.book.spreadsheetMetadata).push(model);
}

/**
 * All metadata of the spreadsheet (its own, then each sheet's), in id order.
 * @param ctx the execution
 */
export function allMetadata(ctx: ExecutionContext): DeveloperMetadataModel[] {
  const { book } = ctx;
  return [...book.spreadsheetMetadata, ...book.sheets.flatMap((s) => s.metadata)].sort((a, b) => a.id - b.id);
}

/**
 * Metadata wrapped for an execution.
 * @param ctx the execution
 * @param models stored entries
 */
export function wrapMetadata(
  ctx: ExecutionContext,
  models: readonly DeveloperMetadataModel[],
): FakeDeveloperMetadata[] {
  return models.map((m) => new FakeDeveloperMetadata(ctx, m));
}

const LOCATION_METHODS = [
  'getLocationType',
  'getSheet',
  'getSpreadsheet',
  'getRow',
  'getColumn',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation)[];

/** Where a metadata entry is: the spreadsheet or a sheet. */
export class FakeDeveloperMetadataLocation
  implements FakeOf<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, (typeof LOCATION_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param sheet_ the sheet, or null for the spreadsheet
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly sheet_: SheetModel | null,
  ) {}

  /** SPREADSHEET or SHEET. */
  getLocationType(): LocationType {
    return this.sheet_ ? DeveloperMetadataLocationType.SHEET : DeveloperMetadataLocationType.SPREADSHEET;
  }

  /** The sheet, or null for spreadsheet metadata. */
  getSheet(): FakeSheet | null {
    return this.sheet_ ? new FakeSheet(this.ctx_, this.sheet_) : null;
  }

  /** The spreadsheet, or null for sheet metadata. */
  getSpreadsheet(): FakeSpreadsheet | null {
    return this.sheet_ ? null : new FakeSpreadsheet(this.ctx_);
  }

  /** Always null: row locations are not modelled. */
  getRow(): null {
    return null;
  }

  /** Always null: column locations are not modelled. */
  getColumn(): null {
    return null;
  }
}
instrument(FakeDeveloperMetadataLocation, 'DeveloperMetadataLocation', LOCATION_METHODS);

const METADATA_METHODS = [
  'getId',
  'getKey',
  'getValue',
  'getVisibility',
  'getLocation',
  'setKey',
  'setValue',
  'setVisibility',
  'moveToSheet',
  'moveToSpreadsheet',
  'remove',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadata)[];

/** One developer metadata entry. */
export class FakeDeveloperMetadata
  implements FakeOf<GoogleAppsScript.Spreadsheet.DeveloperMetadata, (typeof METADATA_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param model_ the stored entry
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: DeveloperMetadataModel,
  ) {}

  private change_(): this {
    assertCanChangeMetadata(this.ctx_, this.model_.sheet);
    return this;
  }

  /** The id, unique in the spreadsheet. */
  getId(): number {
    return this.model_.id;
  }

  /** The key. */
  getKey(): string {
    return this.model_.key;
  }

  /** The value, or null when it has none. */
  getValue(): string | null {
    return this.model_.value;
  }

  /** DOCUMENT or PROJECT. */
  getVisibility(): Visibility {
    return this.model_.visibility;
  }

  /** Where it is. */
  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this.ctx_, this.model_.sheet);
  }

  /** @param key the new key */
  setKey(key: string): FakeDeveloperMetadata {
    this.change_().model_.key = key;
    return this;
  }

  /** @param value the new value */
  setValue(value: string): FakeDeveloperMetadata {
    this.change_().model_.value = value;
    return this;
  }

  /** @param visibility DOCUMENT or PROJECT */
  setVisibility(visibility: Visibility): FakeDeveloperMetadata {
    this.change_().model_.visibility = visibility;
    return this;
  }

  /** @param sheet the sheet to move it to */
  moveToSheet(sheet: FakeSheet): FakeDeveloperMetadata {
    this.change_();
    assertCanChangeMetadata(this.ctx_, sheet.sheet_);
    this.detach_();
    this.model_.sheet = sheet.sheet_;
    sheet.sheet_.metadata.push(this.model_);
    return this;
  }

  /** Moves it to the spreadsheet itself. */
  moveToSpreadsheet(): FakeDeveloperMetadata {
    this.change_();
    assertCanChangeMetadata(this.ctx_, null);
    this.detach_();
    this.model_.sheet = null;
    this.ctx_.book.spreadsheetMetadata.push(this.model_);
    return this;
  }

  /** Deletes it. */
  remove(): void {
    this.change_().detach_();
  }

  private detach_(): void {
    const { sheet } = this.model_;
    if (sheet) sheet.metadata = sheet.metadata.filter((m) => m !== this.model_);
    else this.ctx_.book.spreadsheetMetadata = this.ctx_.book.spreadsheetMetadata.filter((m) => m !== this.model_);
  }
}
instrument(FakeDeveloperMetadata, 'DeveloperMetadata', METADATA_METHODS);

const FINDER_METHODS = [
  'find',
  'withId',
  'withKey',
  'withValue',
  'withLocationType',
  'withVisibility',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder)[];

/** Searches metadata of the spreadsheet, or of one sheet. */
export class FakeDeveloperMetadataFinder
  implements FakeOf<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, (typeof FINDER_METHODS)[number]>
{
  private readonly tests_: Array<(m: DeveloperMetadataModel) => boolean> = [];

  /**
   * @param ctx_ the execution
   * @param sheet_ search only this sheet's metadata; null: the whole spreadsheet
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly sheet_: SheetModel | null,
  ) {}

  private with_(test: (m: DeveloperMetadataModel) => boolean): FakeDeveloperMetadataFinder {
    this.tests_.push(test);
    return this;
  }

  /** The matching metadata, in id order. */
  find(): FakeDeveloperMetadata[] {
    const pool = this.sheet_ ? [...this.sheet_.metadata].sort((a, b) => a.id - b.id) : allMetadata(this.ctx_);
    return wrapMetadata(
      this.ctx_,
      pool.filter((m) => this.tests_.every((t) => t(m))),
    );
  }

  /** @param id the id */
  withId(id: number): FakeDeveloperMetadataFinder {
    return this.with_((m) => m.id === id);
  }

  /** @param key the key */
  withKey(key: string): FakeDeveloperMetadataFinder {
    return this.with_((m) => m.key === key);
  }

  /** @param value the value */
  withValue(value: string): FakeDeveloperMetadataFinder {
    return this.with_((m) => m.value === value);
  }

  /** @param locationType SPREADSHEET, SHEET, ROW or COLUMN */
  withLocationType(locationType: LocationType): FakeDeveloperMetadataFinder {
    return this.with_(
      (m) =>
        locationType === (m.sheet ? DeveloperMetadataLocationType.SHEET : DeveloperMetadataLocationType.SPREADSHEET),
    );
  }

  /** @param visibility DOCUMENT or PROJECT */
  withVisibility(visibility: Visibility): FakeDeveloperMetadataFinder {
    return this.with_((m) => m.visibility === visibility);
  }
}
instrument(FakeDeveloperMetadataFinder, 'DeveloperMetadataFinder', FINDER_METHODS);
