/**
 * Reading the workbook in Apps Script: the configuration's and the districts' blocks fetched in
 * batches (platform/batchRead.ts), handed to the pure readers of src/app/workbookRead.ts
 * (configOf, workbookOf, tableOf), which the in-memory door shares. Only the Apps Script side of
 * the door (and the self-check, in the shell) reads through here: an action is given what was read.
 */
import { columnLetter, quoteSheet, sheetRef } from '../../kernel/a1';
import { columnNumber } from '../../kernel/cellAddress';
import type { SheetRole } from '../../features/setup/sheets/sheetMarkers';
import { readBlocks } from '../../platform/batchRead';
import { type OwnSheet, type Registry, readRegistry } from '../../platform/sheetRegistry';
import { type Block, maxColumns, readAllWithFormulas, type Spreadsheet } from '../../platform/sheetIo';
import {
  configOf,
  configRoles,
  type ReadOptions,
  rangeOfRef,
  sheetOfRef,
  type TableRead,
  tableOf,
  type WorkbookConfig,
  type WorkbookRead,
  workbookOf,
} from '../workbookRead';

/**
 * The data ranges (values and formulas) of the add-on's sheets of some roles, in one batch: three
 * calls whatever their number and size (platform/batchRead.ts). The caller has no write pending.
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param roles the roles (one sheet each)
 * @return the blocks by sheet id (a role without a sheet has none)
 */
export function readRoleBlocks(ss: Spreadsheet, registry: Registry, roles: readonly SheetRole[]): Map<number, Block> {
  return readWithRoles_(ss, registry, roles, []).roles;
}

/**
 * The data ranges of the add-on's sheets of some roles and all the cells of some more sheets,
 * in one batch (three calls).
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param roles the roles (one sheet each)
 * @param whole more sheets, read whole
 * @return the roles' blocks by sheet id, and the other sheets' by whole-sheet reference
 */
function readWithRoles_(
  ss: Spreadsheet,
  registry: Registry,
  roles: readonly SheetRole[],
  whole: readonly OwnSheet[],
): { roles: Map<number, Block>; whole: Map<string, Block> } {
  const owns = roles.flatMap((role) => {
    const own = registry.one(role);
    return own ? [own] : [];
  });
  const read = readBlocks(ss, [
    ...owns.map((o) => ({ dataOf: o.name })),
    ...whole.map((o) => ({ ref: quoteSheet(o.name) })),
  ]);
  return {
    roles: new Map(owns.map((o, i) => [o.mark.sheetId, read[i]])),
    whole: new Map(whole.map((o, i) => [quoteSheet(o.name), read[owns.length + i]])),
  };
}

/**
 * Every district's own sheets and the baseline as read with a configuration that asked for them
 * (ReadOptions.entries), by whole-sheet reference: readWorkbook of that configuration takes them
 * from here, each once (a block taken is let go: a nation's entries are hundreds of megabytes).
 * Kept by the configuration object: keepDataDay returns another after writing the data day, and
 * a workbook read after a write asks again.
 */
const entriesRead_ = new WeakMap<WorkbookConfig, Map<string, Block>>();

/**
 * Reads the configuration (registry, settings, criteria, district table), for actions that
 * need no entries.
 * @param ss the workbook
 * @param registry the add-on's sheets, when already found
 * @param options what more to read in the same batch (ReadOptions)
 */
export function readConfig(
  ss: Spreadsheet,
  registry: Registry = readRegistry(ss),
  options: ReadOptions = {},
): WorkbookConfig {
  // The district table, the settings, the criteria and the submissions in one batch: a few
  // calls whatever their size (each was 3 or 4 calls of its own); the reports' records and every
  // district's own sheets with the baseline when asked.
  const entries = options.entries
    ? (['activities', 'online', 'baseline'] as const).flatMap((r) => registry.all(r))
    : [];
  const read = readWithRoles_(ss, registry, configRoles(options), entries);
  const config = configOf(registry, read.roles);
  if (entries.length > 0) entriesRead_.set(config, read.whole);
  return config;
}

/**
 * The reference set-up plans for a sheet: all its columns, from row 1 (the header) down to
 * the end, so rows officers add are read too.
 * @param own the sheet
 * @param columns its number of columns, when known (else asked: one call)
 */
export function plannedRef(own: OwnSheet, columns?: number): string {
  return sheetRef(own.name, `A1:${columnLetter((columns ?? maxColumns(own.sheet)) - 1)}`);
}

/**
 * Reads the workbook: the configuration, the baseline, and every district's own sheets, each
 * district's when first used (in table order when all are).
 * @param ss the workbook
 * @param config the configuration, when already read
 */
export function readWorkbook(ss: Spreadsheet, config: WorkbookConfig = readConfig(ss)): WorkbookRead {
  const early = entriesRead_.get(config);
  return workbookOf(config, (refs) => {
    const taken = refs.map((ref) => (early ? blockWithin_(early, ref) : null));
    const rest = readBlocks(
      ss,
      refs.filter((_, i) => taken[i] === null).map((ref) => ({ ref })),
    );
    let next = 0;
    return taken.map((block) => block ?? rest[next++]);
  });
}

/** The A1 range of a sheet's columns from A, every row: what the district table passes (A1:J). */
const COLUMNS_FROM_A1 = /^\$?A\$?1:\$?([A-Z]{1,3})$/i;

/**
 * Takes the block of a reference from sheets read whole: the sheet's own block, or its first
 * columns for a reference to every row of columns from A (an API block of a range spans the
 * grid's rows, padded: the columns of the whole sheet's block are the range's), the same rows
 * when the sheet is no wider. Null for any other range, or a sheet not read or already taken:
 * that reference is read as asked.
 * @param whole the blocks of sheets read whole, by whole-sheet reference (the block taken leaves it)
 * @param ref the reference
 */
function blockWithin_(whole: Map<string, Block>, ref: string): Block | null {
  const name = sheetOfRef(ref);
  const key = name === null ? '' : quoteSheet(name);
  const block = whole.get(key);
  const range = rangeOfRef(ref);
  const width = range ? columnNumber(COLUMNS_FROM_A1.exec(range)?.[1].toUpperCase() ?? '') : 0;
  if (!block || (range !== '' && (width === 0 || block.values.some((row) => row.length < width)))) return null;
  whole.delete(key);
  if (range === '' || block.values.every((row) => row.length === width)) return block;
  return {
    values: block.values.map((row) => row.slice(0, width)),
    formulas: block.formulas.map((row) => row.slice(0, width)),
  };
}

/**
 * Reads the district table (see tableOf), its block read now when not already read.
 * @param own the marked district table, or null
 * @param registry the add-on's sheets
 * @param block its data range's values and formulas, when already read
 */
export function readTable(own: OwnSheet | null, registry: Registry, block?: Block): TableRead {
  return tableOf(own, registry, own ? (block ?? readAllWithFormulas(own.sheet)) : undefined);
}
