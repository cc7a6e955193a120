/**
 * Set-up builds the district table of the settings' fiscal year with that year's measures
 * (src/kernel/yearProfile.ts): on Apps Script's door over the stand-in (dev/fakes), a workbook set
 * up for FY 2570 under a hypothetical letter (only new operators and activities, new operators
 * first) gets that year's header row, its district formulas and its total row's sums at that
 * year's columns; the year switch builds the new year's table the same way (setUpWithin).
 */
import { createFakeWorkbook } from '../../../../dev/fakes';
import { MEASURE_BY_KEY, type MeasureOf } from '../../../../src/kernel/measures';

const OWNER = 'owner@example.com';
const NOW = new Date('2026-12-06T02:00:00Z'); // 6 Dec 2569 BE: FY 2570

/**
 * Sets up a new workbook for FY 2570 with FY 2570's letter added to PROFILES (the modules
 * loaded afresh), as its owner, and returns the district table's values and formulas.
 * @param measures FY 2570's measures
 */
function setUp2570(measures: readonly MeasureOf[]): { values: unknown[][]; formulas: string[][] } {
  const wb = createFakeWorkbook({ owner: OWNER, editors: [], sheetNames: ['Sheet1'] });
  let out: { values: unknown[][]; formulas: string[][] } | undefined;
  jest.isolateModules(() => {
    const year = require('../../../../src/kernel/yearProfile') as typeof import('../../../../src/kernel/yearProfile');
    (year.PROFILES as unknown as unknown[]).push({ fiscalYear: 2570, measures });
    const { appsScriptWorkbook } =
      require('../../../../src/app/door/appsScriptDoor') as typeof import('../../../../src/app/door/appsScriptDoor');
    const { setUpWorkbook } =
      require('../../../../src/features/setup/action/setup') as typeof import('../../../../src/features/setup/action/setup');
    const { startExecution } =
      require('../../../../src/platform/services') as typeof import('../../../../src/platform/services');
    const run = wb.createExecution({ user: OWNER });
    const globals = run.globals as unknown as Record<string, unknown>;
    const g = globalThis as Record<string, unknown>;
    const names = Object.keys(globals);
    const saved = names.map((n) => g[n]);
    for (const n of names) g[n] = globals[n];
    startExecution();
    try {
      setUpWorkbook(appsScriptWorkbook(run.globals.SpreadsheetApp.getActive()), NOW, 2570);
    } finally {
      names.forEach((n, i) => {
        g[n] = saved[i];
      });
    }
    const sheet = wb.spreadsheet.getSheetByName('อำเภอ');
    if (!sheet) throw new Error('no district table');
    const range = sheet.getDataRange();
    out = { values: range.getValues(), formulas: range.getFormulas() };
  });
  return out as { values: unknown[][]; formulas: string[][] };
}

test('FY 2570 with only new operators and activities: its header, district formulas and total row', () => {
  const { newOperators, activities } = MEASURE_BY_KEY;
  const { values, formulas } = setUp2570([newOperators, activities]);
  expect(values[0]).toEqual([
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
  ]);
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
});
