/**
 * Reading the workbook in Apps Script: the configuration's and the districts' blocks fetched in
 * batches (platform/batchRead.ts), handed to the pure readers of src/app/workbookRead.ts
 * (configOf, workbookOf, tableOf), which the in-memory door shares. Only the Apps Script side of
 * the door (and the self-check, in the shell) reads through here: an action is given what was read.
 */
import { columnLetter, sheetRef } from '../../kernel/a1';
import type { SheetRole } from '../../features/setup/sheets/sheetMarkers';
import { readBlocks } from '../../platform/batchRead';
import { type OwnSheet, type Registry, readRegistry } from '../../platform/sheetRegistry';
import { type Block, maxColumns, readAllWithFormulas, type Spreadsheet } from '../../platform/sheetIo';
import {
  configOf,
  configRoles,
  type ReadOptions,
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
  const owns = roles.flatMap((role) => {
    const own = registry.one(role);
    return own ? [own] : [];
  });
  const read = readBlocks(
    ss,
    owns.map((o) => ({ dataOf: o.name })),
  );
  return new Map(owns.map((o, i) => [o.mark.sheetId, read[i]]));
}

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
  // calls whatever their size (each was 3 or 4 calls of its own); the reports' records when asked.
  return configOf(registry, readRoleBlocks(ss, registry, configRoles(options)));
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
  return workbookOf(config, (refs) =>
    readBlocks(
      ss,
      refs.map((ref) => ({ ref })),
    ),
  );
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
