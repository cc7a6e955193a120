/**
 * The bench's model of what an edit re-runs (bench/editModel.ts), on small workbooks through
 * the bundle: the per-district table re-runs one execution for an entry edit and passes that
 * district's ranges only; the previous version's stacked table re-runs its tally and, through
 * the spill, every column formula reading it. Counts, not times.
 */
import { join } from 'node:path';
import { readBundle } from '../../bench/bundle';
import { editCost, formulaCells } from '../../bench/editModel';
import { generateWorkbook, type ScaleSpec } from '../../bench/generator';
import { fillEntries, newBenchWorkbook, recalculate, writeDistrictSheet } from '../../bench/workbook';
import { activityRows, onlineRows, typeRows } from '../support/entries';
import { buildPreviousVersion } from '../support/previousVersion';
import { newHarness } from '../support/workbook';

const ROOT = join(__dirname, '..', '..');
const SMALL: ScaleSpec = { name: 'small', districts: 'letter', activities: 40, online: 90, baseline: 20 };

describe('the per-district table', () => {
  const data = generateWorkbook(SMALL, 3);
  const wb = newBenchWorkbook(readBundle(ROOT));
  writeDistrictSheet(wb.ss, data);
  wb.gas.sidebarSetUp();
  fillEntries(wb.ss, data);
  wb.gas.sidebarSetUp();
  recalculate(wb.ss);
  const cells = formulaCells(wb.ss, wb.gas);
  const size = (name: string, width?: number) => {
    const sheet = wb.ss.getSheetByName(name)!;
    return sheet.getMaxRows() * (width ?? sheet.getMaxColumns());
  };

  test('an entry edit re-runs its district’s formula alone, passing its own ranges', () => {
    const cost = editCost(cells, { sheet: 'ออนไลน์ ท่าบ่อ', row: 5, col: 6 });
    expect(cost.byFunction).toEqual({ OTOP_DISTRICT: 1 });
    const criteria = wb.ss.getSheetByName('เกณฑ์')!;
    expect(cost.cells).toBe(
      3 + // name, registered, promoted
        size('กิจกรรม ท่าบ่อ') +
        size('ออนไลน์ ท่าบ่อ') +
        size('ฐาน ๒๕๖๔') +
        size('ตั้งค่า', 3) + // $A$1:$C
        7 * 8 + // $A$2:$H$8
        (criteria.getMaxRows() - 11) * 26, // $A$12:$Z
    );
    expect(cost.bytes).toBeGreaterThan(cost.cells); // JSON of every cell, at least a byte each
    // OTOP_DISTRICT; the total row's SUMs and percentage (4); the dashboard's cells that read the
    // row: new operators, target and activities (3) and its 12 trend months, all native.
    expect(cost.formulas).toBe(1 + 4 + 3 + 12);
  });

  test('a baseline edit re-runs every district; a cell nobody reads re-runs nothing', () => {
    expect(editCost(cells, { sheet: 'ฐาน ๒๕๖๔', row: 3, col: 2 }).byFunction).toEqual({ OTOP_DISTRICT: 9 });
    // A typed figure (registered) re-runs its district and the total's OTOP_SUM of that column (issue 20).
    expect(editCost(cells, { sheet: 'อำเภอ', row: 4, col: 3 }).byFunction).toEqual({ OTOP_DISTRICT: 1, OTOP_SUM: 1 });
    expect(editCost(cells, { sheet: 'อำเภอ', row: 30, col: 3 }).executions).toBe(0);
  });
});

describe('the previous version’s stacked table', () => {
  const h = newHarness();
  const ss = h.run.spreadsheet;
  buildPreviousVersion(ss);
  typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3));
  typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 4, 2));
  const cells = formulaCells(ss, h.gas);

  test('an entry edit re-runs the tally and every column formula that reads its spill', () => {
    const cost = editCost(cells, { sheet: 'ออนไลน์ สังคม', row: 2, col: 6 });
    // OTOP_TALLY; OTOP_SCORE/LEVEL/NEXT and OTOP_PERCENT read its spill; the total row's
    // OTOP_PERCENT reads J11, the SUM of the spill.
    expect(cost.byFunction).toEqual({ OTOP_TALLY: 1, OTOP_PERCENT: 2, OTOP_SCORE: 1, OTOP_LEVEL: 1, OTOP_NEXT: 1 });
    const tally = cost.calls.find((c) => c.fn === 'OTOP_TALLY')!;
    expect(tally.cells).toBeGreaterThan(9 * 999 * (10 + 9)); // every district's sheets, to row 1000
  });
});
