/**
 * The bench's synthetic workbooks at a small scale: set-up and the data check make exactly the
 * same service calls with 50 and with 2 000 entries spread over the nine districts' sheets,
 * and the tally (through the bundle, in the district table and called directly) matches the
 * generator's own ground truth, so the generator is honest. No timing here: `npm run bench`.
 */
import { join } from 'node:path';
import { generateWorkbook, type GeneratedWorkbook, type ScaleSpec } from '../../bench/generator';
import { readBundle } from '../../bench/bundle';
import { fillEntries, newBenchWorkbook, recalculate, tallyArgs, writeDistrictSheet } from '../../bench/workbook';

const ROOT = join(__dirname, '..', '..');
const SEED = 20220325;
const SMALL: ScaleSpec = { name: 'small', districts: 'letter', activities: 15, online: 25, baseline: 10 };
const LARGE: ScaleSpec = { name: 'large', districts: 'letter', activities: 500, online: 1200, baseline: 300 };

/** Set-up, fill, then a repeat set-up and a data check with the ledger reset before each. */
function measure(spec: ScaleSpec) {
  const data = generateWorkbook(spec, SEED);
  const wb = newBenchWorkbook(readBundle(ROOT));
  writeDistrictSheet(wb.ss, data);
  wb.gas.sidebarSetUp();
  fillEntries(wb.ss, data);
  const table = recalculate(wb.ss);
  wb.book.ledger.reset();
  wb.gas.sidebarSetUp(); // repairs what the sheets grew by (formats, dropdowns: per column)
  const repair = wb.book.ledger.snapshot();
  wb.book.ledger.reset();
  wb.gas.sidebarSetUp();
  const setUp = wb.book.ledger.snapshot();
  recalculate(wb.ss);
  wb.book.ledger.reset();
  wb.gas.sidebarCheckData();
  const check = wb.book.ledger.snapshot();
  return { data, wb, table, repair, setUp, check };
}

/** The truth as the district table's columns H–J show it (each district's own sheets count). */
const truthRows = (data: GeneratedWorkbook) => data.truth.map((t) => [t.activities, t.channels, t.newOperators]);
/** The truth as OTOP_TALLY counts the stacked sheets (a row's district cell decides). */
const stackedRows = (data: GeneratedWorkbook) =>
  data.stackedTruth.map((t) => [t.activities, t.channels, t.newOperators]);

let small: ReturnType<typeof measure>;
let large: ReturnType<typeof measure>;
beforeAll(() => {
  small = measure(SMALL);
  large = measure(LARGE);
});

test('the generator is deterministic and has the habits it promises', () => {
  const again = generateWorkbook(LARGE, SEED);
  expect(JSON.stringify(again)).toBe(JSON.stringify(large.data));
  const total = (sheets: readonly unknown[][][]) => sheets.reduce((n, rows) => n + rows.length, 0);
  expect(total(large.data.activities)).toBe(LARGE.activities);
  expect(total(large.data.online)).toBe(LARGE.online);
  expect(large.data.baseline).toHaveLength(LARGE.baseline);
  for (const [habit, count] of Object.entries(large.data.stats)) expect([habit, count > 0]).toEqual([habit, true]);
  expect(large.data.truth.some((t) => t.newOperators > 0 && t.activities > 0)).toBe(true);
});

test('the district table counts what the generator says it should', () => {
  for (const { data, table } of [small, large]) {
    expect(table.slice(1, 10).map((row) => row.slice(7, 10))).toEqual(truthRows(data));
  }
});

test('OTOP_TALLY called directly, with and without the blank rows of each sheet, matches the truth', () => {
  for (const sheetRows of [0, 999]) {
    const args = tallyArgs(large.data, sheetRows);
    const result = large.wb.gas.OTOP_TALLY(args.districts, args.activities, args.online, args.baseline);
    expect(JSON.parse(JSON.stringify(result))).toEqual(stackedRows(large.data));
  }
});

test('set-up and the data check make the same calls with 50 and with 2 000 entries', () => {
  // the one-off repair after the sheets grew writes per column of each grown sheet, not per row:
  // at most a format and a dropdown per column of the 19 entry sheets, and their sizes
  const perColumn = 19 * 2 * 10;
  expect(large.repair.byKind.write + large.repair.byKind.format).toBeLessThan(perColumn);
  expect(small.repair.byKind.write + small.repair.byKind.format).toBeLessThan(perColumn);
  expect(large.setUp.byName).toEqual(small.setUp.byName);
  expect(large.check.byName).toEqual(small.check.byName);
  expect(large.setUp.byKind.write).toBe(0); // a repeat set-up rewrites nothing
});
