/**
 * Set-up builds the district table of the settings' fiscal year with that year's measures
 * (src/kernel/yearProfile.ts): on Apps Script's door over the stand-in (dev/fakes), a workbook set
 * up for FY 2570 under a hypothetical letter (only new operators and activities, new operators
 * first) gets that year's header row, its district formulas and its total row's sums at that
 * year's columns; the year switch builds the new year's table the same way (setUpWithin).
 */
import { createFakeWorkbook } from '../../../../dev/fakes';
import { MEASURE_BY_KEY, type MeasureOf } from '../../../../src/kernel/measures';
import type { Workbook } from '../../../../src/app/door/door';
import { withExecutionGlobals } from '../../../support/executionGlobals';
import { withLetter } from '../../../support/letterProfile';

const OWNER = 'owner@example.com';
const NOW = new Date('2026-12-06T02:00:00Z'); // 6 Dec 2569 BE: FY 2570
const A_YEAR_BEFORE = new Date('2025-12-06T02:00:00Z'); // FY 2569
const OCTOBER_2569 = new Date('2026-10-06T02:00:00Z'); // FY 2569 has ended

/** The district table as the stand-in holds it, and what the last action said. */
interface Table_ {
  readonly values: unknown[][];
  readonly formulas: string[][];
  readonly said: string;
}

/**
 * Sets up a new workbook for FY 2570 with FY 2570's letter added to PROFILES (the modules
 * loaded afresh), as its owner, and returns the district table's values and formulas; with
 * `switched`, sets it up for FY 2569 (the catalogue's three) and starts FY 2570 from it.
 * @param measures FY 2570's measures
 * @param switched whether FY 2570 is reached by the year switch
 */
function setUp2570(measures: readonly MeasureOf[], switched = false): Table_ {
  const wb = createFakeWorkbook({ owner: OWNER, editors: [], sheetNames: ['Sheet1'] });
  return withLetter(2570, measures, (): Table_ => {
    const { appsScriptWorkbook } =
      require('../../../../src/app/door/appsScriptDoor') as typeof import('../../../../src/app/door/appsScriptDoor');
    const { setUpWorkbook } =
      require('../../../../src/features/setup/action/setup') as typeof import('../../../../src/features/setup/action/setup');
    const { startNewFiscalYear } =
      require('../../../../src/features/fiscalYears/action/newYear') as typeof import('../../../../src/features/fiscalYears/action/newYear');
    const { startExecution } =
      require('../../../../src/platform/services') as typeof import('../../../../src/platform/services');
    /** Runs an action as the owner, in an execution of its own. */
    const execute = (action: (book: Workbook) => { message: string }) => {
      const run = wb.createExecution({ user: OWNER });
      return withExecutionGlobals(
        run.globals,
        startExecution,
        () => action(appsScriptWorkbook(run.globals.SpreadsheetApp.getActive())).message,
      );
    };
    const said = switched
      ? [
          execute((book) => setUpWorkbook(book, A_YEAR_BEFORE, 2569)),
          execute((book) => startNewFiscalYear(book, OCTOBER_2569, true)),
        ][1]
      : execute((book) => setUpWorkbook(book, NOW, 2570));
    const sheet = wb.spreadsheet.getSheetByName('อำเภอ');
    if (!sheet) throw new Error('no district table');
    const range = sheet.getDataRange();
    return { values: range.getValues(), formulas: range.getFormulas(), said };
  });
}

const { newOperators, activities } = MEASURE_BY_KEY;
/** FY 2570's header with only new operators and activities, new operators first. */
const HEADER_2570 = [
  'ที่',
  'อำเภอ',
  'ผู้ประกอบการทั้งหมด (ก.ย. ๖๙)',
  'ส่งเสริมแล้ว ปี ๖๙',
  'เป้ากิจกรรม (ครั้ง)',
  'เป้าช่องทาง',
  'เป้าผู้ประกอบการ',
  'ผู้ประกอบการรายใหม่',
  'กิจกรรม (ครั้ง)',
  'ร้อยละ',
  'คะแนน',
  'ระดับ',
  'ขั้นต่อไป',
  ...['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'].map(
    (m) => `สะสม ${m} (%เป้า)`,
  ),
];

/**
 * FY 2570's total row and district formulas at its columns.
 * @param table the district table
 */
function expectTotal2570_({ values, formulas }: Table_): void {
  const total = values.findIndex((r) => r[1] === 'รวมทั้งจังหวัด');
  expect(total).toBeGreaterThan(1);
  const row = total + 1;
  // new operators (H) and activities (I) summed; the percentage (J) reads new operators' total
  expect(formulas[total][7]).toBe(`=IF(ISNUMBER(G${row}), SUM(H2:H${row - 1}), G${row})`);
  expect(formulas[total][8]).toBe(`=IF(ISNUMBER(G${row}), SUM(I2:I${row - 1}), G${row})`);
  expect(formulas[total][9]).toContain(`FLOOR((2*H${row}*10000+`);
  expect(formulas[total].slice(10).every((f) => f === '')).toBe(true);
  // each district row: its one formula in the target column
  for (let r = 1; r < total; r++) expect(formulas[r][6]).toMatch(/^=OTOP_DISTRICT\(B\d+, C\d+, D\d+, /);
}

test('FY 2570 with only new operators and activities: its header, district formulas and total row', () => {
  const table = setUp2570([newOperators, activities]);
  expect(table.values[0]).toEqual(HEADER_2570);
  expectTotal2570_(table);
});

test('the year switch from FY 2569 (the three) to FY 2570 (two): the new year’s header and total row, nothing of the old left', () => {
  const table = setUp2570([newOperators, activities], true);
  // the header rewritten (the add-on's labels), the old last column's label cleared, not pointed out as an officer's
  expect(table.values[0].slice(0, 25)).toEqual(HEADER_2570);
  expect(table.values[0].slice(25).every((v) => v === '')).toBe(true);
  expect(table.said).not.toContain('ถูกเปลี่ยนเป็นอย่างอื่น');
  expectTotal2570_(table);
});
