/**
 * Developer metadata on the spreadsheet and its sheets (what the add-on marks its own sheets
 * with). Facts modelled, from the Apps Script reference (class DeveloperMetadata,
 * DeveloperMetadataFinder, enum DeveloperMetadataVisibility) and the Sheets API guide "Read,
 * write, and search metadata":
 * - metadata is a key with an optional value at a location (here: the spreadsheet or a sheet);
 *   several may share a key; each has a spreadsheet-unique id;
 * - it is deleted with its sheet; it stays with the sheet when the sheet is renamed or moved;
 * - PROJECT visibility is seen only by the script project that created it; this stand-in has
 *   one project per workbook, so both visibilities are seen (documented, not a check);
 * - nothing in the Sheets UI shows or edits it.
 * Unconfirmed, modelled the worse way: adding, changing or removing metadata needs the right to
 * edit the sheet it is on; a copied sheet carries its metadata along (see sheet.copyTo, if
 * modelled).
 */
import { instrument } from './callLedger';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './enums';
import type { ExecutionContext } from './model';
import { assertCanEditSheet, isSpreadsheetEditor, NO_PERMISSION_MESSAGE } from './protection';
import type { SheetModel } from './sheetModel';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';
import type { FakeOf } from './types';

/** One stored metadata item. */
export interface MetadataModel {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  /** null: the spreadsheet itself */
  sheet: SheetModel | null;
}

/** Throws unless the execution's user may change metadata at that location. */
function assertMayChange_(ctx: ExecutionContext, sheet: SheetModel | null): void {
  if (sheet) assertCanEditSheet(ctx, sheet);
  else if (!isSpreadsheetEditor(ctx.book, ctx.effectiveUser)) throw new Error(NO_PERMISSION_MESSAGE);
}

/**
 * Adds a metadata item (the add… overloads: key; key, value; key, visibility; key, value, visibility).
 * @param ctx the execution
 * @param sheet the sheet, or null for the spreadsheet
 * @param key the key
 * @param second a value or a visibility
 * @param third a visibility
 */
export function addMetadata(
  ctx: ExecutionContext,
  sheet: SheetModel | null,
  key: string,
  second?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  third?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
): void {
  assertMayChange_(ctx, sheet);
  if (typeof key !== 'string' || key === '') throw new Error('Developer metadata must have a key.');
  const isVisibility = (v: unknown) =>
    v === DeveloperMetadataVisibility.DOCUMENT || v === DeveloperMetadataVisibility.PROJECT;
  const value = second !== undefined && !isVisibility(second) ? String(second) : null;
  const visibility = (isVisibility(second) ? second : third) ?? DeveloperMetadataVisibility.DOCUMENT;
  const { book } = ctx;
  book.metadata.push({ id: book.newMetadataId(), key, value, visibility: visibility as never, sheet });
  book.touch();
}

const METADATA_METHODS = [
  'getId',
  'getKey',
  'getValue',
  'getVisibility',
  'getLocation',
  'setKey',
  'setValue',
  'setVisibility',
  'remove',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadata)[];

/** A developer metadata item. */
export class FakeDeveloperMetadata
  implements FakeOf<GoogleAppsScript.Spreadsheet.DeveloperMetadata, (typeof METADATA_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param model_ the stored item
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: MetadataModel,
  ) {}

  private assertAlive_(): void {
    if (!this.ctx_.book.metadata.includes(this.model_)) throw new Error('The developer metadata no longer exists.');
  }

  /** The spreadsheet-unique id. */
  getId(): number {
    return this.model_.id;
  }

  /** The key. */
  getKey(): string {
    return this.model_.key;
  }

  /** The value, or null. */
  getValue(): string | null {
    return this.model_.value;
  }

  /** DOCUMENT or PROJECT. */
  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return this.model_.visibility;
  }

  /** Where it is. */
  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this.ctx_, this.model_.sheet);
  }

  /** @param key the new key */
  setKey(key: string): FakeDeveloperMetadata {
    this.assertAlive_();
    assertMayChange_(this.ctx_, this.model_.sheet);
    this.model_.key = key;
    return this;
  }

  /** @param value the new value */
  setValue(value: string): FakeDeveloperMetadata {
    this.assertAlive_();
    assertMayChange_(this.ctx_, this.model_.sheet);
    this.model_.value = value;
    this.ctx_.book.touch();
    return this;
  }

  /** @param visibility the new visibility */
  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): FakeDeveloperMetadata {
    this.assertAlive_();
    assertMayChange_(this.ctx_, this.model_.sheet);
    this.model_.visibility = visibility;
    return this;
  }

  /** Deletes it. */
  remove(): void {
    this.assertAlive_();
    assertMayChange_(this.ctx_, this.model_.sheet);
    this.ctx_.book.metadata = this.ctx_.book.metadata.filter((m) => m !== this.model_);
    this.ctx_.book.touch();
  }
}
instrument(FakeDeveloperMetadata, 'DeveloperMetadata', METADATA_METHODS);

const LOCATION_METHODS = [
  'getLocationType',
  'getSheet',
  'getSpreadsheet',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation)[];

/** Where a metadata item is. */
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
  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return this.sheet_ ? DeveloperMetadataLocationType.SHEET : DeveloperMetadataLocationType.SPREADSHEET;
  }

  /** The sheet, or null for a spreadsheet location. */
  getSheet(): FakeSheet | null {
    return this.sheet_ ? new FakeSheet(this.ctx_, this.sheet_) : null;
  }

  /** The spreadsheet, or null for a sheet location. */
  getSpreadsheet(): FakeSpreadsheet | null {
    return this.sheet_ ? null : new FakeSpreadsheet(this.ctx_);
  }
}
instrument(FakeDeveloperMetadataLocation, 'DeveloperMetadataLocation', LOCATION_METHODS);

const FINDER_METHODS = [
  'withKey',
  'withValue',
  'withId',
  'withLocationType',
  'withVisibility',
  'find',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder)[];

/** A search for metadata, in the whole spreadsheet or in one sheet. */
export class FakeDeveloperMetadataFinder
  implements FakeOf<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, (typeof FINDER_METHODS)[number]>
{
  private readonly tests_: ((m: MetadataModel) => boolean)[] = [];

  /**
   * @param ctx_ the execution
   * @param scope_ a sheet to search in, or null for the whole spreadsheet
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly scope_: SheetModel | null,
  ) {}

  /** @param key only this key */
  withKey(key: string): FakeDeveloperMetadataFinder {
    this.tests_.push((m) => m.key === key);
    return this;
  }

  /** @param value only this value */
  withValue(value: string): FakeDeveloperMetadataFinder {
    this.tests_.push((m) => m.value === value);
    return this;
  }

  /** @param id only this id */
  withId(id: number): FakeDeveloperMetadataFinder {
    this.tests_.push((m) => m.id === id);
    return this;
  }

  /** @param type SPREADSHEET or SHEET (the kinds this stand-in stores) */
  withLocationType(type: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): FakeDeveloperMetadataFinder {
    this.tests_.push(
      (m) => (m.sheet ? DeveloperMetadataLocationType.SHEET : DeveloperMetadataLocationType.SPREADSHEET) === type,
    );
    return this;
  }

  /** @param visibility only this visibility */
  withVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): FakeDeveloperMetadataFinder {
    this.tests_.push((m) => m.visibility === visibility);
    return this;
  }

  /** The matching items, in the order they were made. */
  find(): FakeDeveloperMetadata[] {
    return this.ctx_.book.metadata
      .filter((m) => (this.scope_ === null || m.sheet === this.scope_) && this.tests_.every((t) => t(m)))
      .map((m) => new FakeDeveloperMetadata(this.ctx_, m));
  }
}
// Finder methods that only narrow the search are built in the script's process (builder calls).
instrument(FakeDeveloperMetadataFinder, 'DeveloperMetadataFinder', FINDER_METHODS);
