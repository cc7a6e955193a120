/**
 * A generated workbook on the in-memory stand-in: the district sheet written before the first
 * set-up, then every entry sheet filled with ONE setValues each, and the same rows stacked as
 * OTOP_TALLY receives them.
 */
import { createFakeWorkbook, type FakeExecution, type FakeSpreadsheet, type FakeWorkbook } from '../dev/fakes';
import { ACTIVITY_WIDTH, BASELINE_WIDTH, ONLINE_WIDTH } from '../src/features/counting/rules/entryLayout';
import { districtLayoutOf } from '../src/features/setup/sheets/districtTable';
import { entrySheetName, SHEET } from '../src/features/setup/sheets/sheetNames';
import { type BundleSource, type Gas, loadBundle } from './bundle';
import type { GeneratedWorkbook } from './generator';

/** The owner of every bench workbook. */
export const BENCH_OWNER = 'province@nongkhai.example';

/** A fake workbook with the bundle loaded as its owner. */
export interface BenchWorkbook {
  readonly book: FakeWorkbook;
  readonly run: FakeExecution;
  readonly ss: FakeSpreadsheet;
  readonly gas: Gas;
}

/**
 * A new fake workbook (one blank sheet) with the bundle loaded as its owner; the workbook's
 * formulas are computed with the bundle's custom functions, as Sheets would.
 * @param bundle the built bundle (its HTML files are the project's)
 */
export function newBenchWorkbook(bundle: BundleSource): BenchWorkbook {
  const book = createFakeWorkbook({
    owner: BENCH_OWNER,
    htmlFiles: { ...bundle.html },
  });
  const run = book.createExecution({ user: BENCH_OWNER });
  const gas = loadBundle(bundle, { ...run.globals }, true);
  run.spreadsheet.setFunctions((name) =>
    name.startsWith('OTOP_') && typeof gas[name] === 'function' ? gas[name] : undefined,
  );
  return { book, run, ss: run.spreadsheet, gas };
}

/**
 * Writes the district sheet (no, name, registered, promoted) that set-up reads its districts
 * from; call before the first set-up.
 * @param ss the workbook
 * @param data the generated workbook
 */
export function writeDistrictSheet(ss: FakeSpreadsheet, data: GeneratedWorkbook): void {
  const sheet = ss.getSheetByName(SHEET.districts) ?? ss.insertSheet(SHEET.districts);
  const rows: unknown[][] = [
    districtLayoutOf(2565).headers.slice(0, 4),
    ...data.districts.map((d, i) => [i + 1, d.name, d.registered, d.promoted]),
  ];
  ensureRows_(sheet, rows.length + 1);
  sheet.getRange(1, 1, rows.length, 4).setValues(rows as never);
}

/**
 * Puts the entries into the sheets set-up made: each district's two sheets and the baseline,
 * one setValues per sheet below the header (rows added first where needed).
 * @param ss the workbook, set up
 * @param data the generated workbook
 */
export function fillEntries(ss: FakeSpreadsheet, data: GeneratedWorkbook): void {
  data.districts.forEach((d, i) => {
    fillSheet_(ss, entrySheetName('activities', d.name), data.activities[i], ACTIVITY_WIDTH);
    fillSheet_(ss, entrySheetName('online', d.name), data.online[i], ONLINE_WIDTH);
  });
  fillSheet_(ss, SHEET.baseline, data.baseline, BASELINE_WIDTH);
}

function fillSheet_(ss: FakeSpreadsheet, name: string, rows: readonly unknown[][], width: number): void {
  if (rows.length === 0) return;
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`set-up made no sheet ${name}`);
  ensureRows_(sheet, rows.length + 1);
  const grid = rows.map((row) => (row.length === width ? row : Array.from({ length: width }, (_, c) => row[c] ?? '')));
  sheet.getRange(2, 1, grid.length, width).setValues(grid as never);
}

function ensureRows_(
  sheet: { getMaxRows(): number; insertRowsAfter(after: number, howMany: number): unknown },
  rows: number,
): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}

/**
 * Computes the district table's formulas now (Sheets' calculation engine does this on its own,
 * outside any script's run), so an action's time is its own.
 * @param ss the workbook
 */
export function recalculate(ss: FakeSpreadsheet): unknown[][] {
  return ss.getSheetByName(SHEET.districts)?.getDataRange().getValues() ?? [];
}

/** OTOP_TALLY's arguments for a whole generated workbook. */
export interface TallyArgs {
  readonly districts: unknown[][];
  readonly activities: unknown[][];
  readonly online: unknown[][];
  readonly baseline: unknown[][];
  /** Rows passed in all, in the three entry ranges. */
  readonly rows: number;
}

/**
 * The arguments the district table's OTOP_TALLY formula passes: one district column and each
 * kind of sheet stacked in district order. With `sheetRows`, every sheet is padded with blank
 * rows to that many data rows, as the open-ended ranges (A2:J) pass a sheet's blank rows too.
 * @param data the generated workbook
 * @param sheetRows data rows per entry sheet (a new sheet has 999 below the header), or 0 for the entries only
 */
export function tallyArgs(data: GeneratedWorkbook, sheetRows = 0): TallyArgs {
  const stack = (sheets: readonly (readonly unknown[][])[], width: number) => {
    const out: unknown[][] = [];
    for (const rows of sheets) {
      for (const row of rows) out.push(row.slice(0, width));
      for (let i = rows.length; i < sheetRows; i++) out.push(new Array(width).fill(''));
    }
    return out;
  };
  const activities = stack(data.activities, ACTIVITY_WIDTH);
  const online = stack(data.online, ONLINE_WIDTH);
  const baseline = stack([data.baseline], BASELINE_WIDTH);
  return {
    districts: data.districts.map((d) => [d.name]),
    activities,
    online,
    baseline,
    rows: activities.length + online.length + baseline.length,
  };
}
