/**
 * Every district's sheets read with the configuration (ReadOptions.entries, issue 23): the
 * Apps Script door reads them in the configuration's batch, so an action that reads them all
 * makes three calls fewer, and readWorkbook gives exactly the blocks it gives without them: for
 * the district table's references (a sheet's columns from A1), for whole sheets, and for a
 * reference an officer narrowed or moved, which is read as asked.
 */
import { appsScriptWorkbook } from '../../src/app/door/appsScriptDoor';
import type { ReadOptions, WorkbookRead } from '../../src/app/workbookRead';
import { startExecution } from '../../src/platform/services';
import { setUpWorkbook } from '../support/calls';
import { activityRows, onlineRows, typeRows } from '../support/entries';
import { withExecutionGlobals } from '../support/executionGlobals';
import type { Harness } from '../support/workbook';

const BATCH_GET = 'Sheets.Spreadsheets.Values.batchGet';

/**
 * Every district's blocks as readWorkbook gives them, and the batch reads it took.
 * @param h the workbook
 * @param options how the configuration is read
 */
function readAll(h: Harness, options: ReadOptions) {
  const { run } = h.as(h.run.user);
  h.book.ledger.reset();
  const districts = withExecutionGlobals(run.globals, startExecution, () => {
    const workbook = appsScriptWorkbook(run.globals.SpreadsheetApp.getActive());
    const book: WorkbookRead = workbook.readWorkbook(workbook.readConfig(options));
    book.readDistricts?.(book.districtsRead);
    return book.districtsRead.map((d) => ({
      district: d.row.name,
      formula: d.row.formula,
      activities: d.activities,
      online: d.online,
      baseline: d.sources.baseline,
    }));
  });
  const batches = h.book.ledger.calls(run.id).filter((c) => c === BATCH_GET).length;
  return { districts, batches };
}

/**
 * Rewrites an argument of a district table's formula, as an officer would.
 * @param h the workbook
 * @param from the argument as set-up wrote it
 * @param to what the officer typed instead
 */
function editFormula(h: Harness, from: string, to: string): void {
  for (const sheet of h.run.spreadsheet.getSheets()) {
    const formulas = sheet.getDataRange().getFormulas();
    const row = formulas.findIndex((r) => r.some((f) => f.startsWith('=OTOP_DISTRICT(') && f.includes(from)));
    if (row < 0) continue;
    const column = formulas[row].findIndex((f) => f.includes(from));
    sheet.getRange(row + 1, column + 1).setFormula(formulas[row][column].replace(from, to));
    return;
  }
  throw new Error(`no district table formula holds ${from}`);
}

const h = setUpWorkbook(false);
// entries in two districts: dates as typed text and as date cells, numbers, and a formula
for (const district of ['ท่าบ่อ', 'สังคม']) {
  typeRows(h.run.spreadsheet, `กิจกรรม ${district}`, activityRows(district, 5));
  typeRows(h.run.spreadsheet, `ออนไลน์ ${district}`, onlineRows(district, 4, 2, new Date(2022, 0, 15)));
}
const thaBoSheet = h.run.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ');
thaBoSheet?.getRange('G3').setFormula('=G2*2');
// an officer's own column beside the table's: the table's reference leaves it out
thaBoSheet?.insertColumnsAfter(thaBoSheet.getMaxColumns(), 2);
thaBoSheet?.getRange(2, thaBoSheet.getMaxColumns()).setValue('หมายเหตุของเจ้าหน้าที่');

test("with the configuration: three batch reads, not six, and every district's blocks the same", () => {
  const apart = readAll(h, {});
  const together = readAll(h, { entries: true });
  expect(apart.districts.length).toBe(9);
  // the table's references are a sheet's columns from A1 (set-up writes them so)
  expect(apart.districts[0].formula).toMatch(/'กิจกรรม [^']+'!A1:[A-Z]+\b/);
  expect(apart.districts.every((d) => d.activities !== null && d.online !== null)).toBe(true);
  const thaBo = apart.districts.find((d) => d.district === 'ท่าบ่อ');
  expect(thaBo?.activities?.formulas[2][6]).toBe('=G2*2');
  expect(thaBo?.activities?.values[1]).not.toContain('หมายเหตุของเจ้าหน้าที่');
  expect(Object.prototype.toString.call(thaBo?.online?.values[1][0])).toBe('[object Date]'); // a date cell
  expect([apart.batches, together.batches]).toEqual([6, 3]);
  expect(together.districts).toEqual(apart.districts);
});

test('a reference an officer narrowed or moved is read as asked, and gives the same blocks', () => {
  const [first, second] = readAll(h, {}).districts;
  const ref = (formula: string, sheet: string) => new RegExp(`'${sheet}'!A1:([A-Z]+)`).exec(formula);
  const activities = ref(first.formula, `กิจกรรม ${first.district}`);
  const online = ref(second.formula, `ออนไลน์ ${second.district}`);
  if (!activities || !online) throw new Error('the table holds no A1 references');
  editFormula(h, activities[0], `'กิจกรรม ${first.district}'!A1:C`);
  editFormula(h, online[0], `'ออนไลน์ ${second.district}'!B2:${online[1]}`);
  const apart = readAll(h, {});
  const together = readAll(h, { entries: true });
  expect(apart.districts[0].activities?.values[0]).toHaveLength(3);
  expect(apart.districts[1].online?.values[0].length).toBeLessThan(second.online?.values[0].length ?? 0);
  expect(together.districts).toEqual(apart.districts);
  // the moved reference is the one read apart: a second batch
  expect(together.batches).toBe(6);
});
