/**
 * A repeat set-up that finds everything in place reads what it checks in a few block reads
 * (platform/sheetState.ts: one Sheets API read of the laid-out sheets' sizes, frozen rows, tab
 * colours, header and data cells, colour rules) instead of about 20 SpreadsheetApp calls a
 * sheet (issue 23): its calls do not grow with the districts, and no laid-out sheet is fetched.
 * What one read shows differing is still repaired the SpreadsheetApp way. Exact counts are the
 * bench's (`npm run bench -- budgets`).
 */
import { callsOf, setUpWorkbook as workbook } from '../../../support/calls';
import type { Harness } from '../../../support/workbook';

const setUp = (gas: Harness['gas']) => gas.sidebarSetUp();

test('a repeat set-up makes the same calls with two districts and with nine, and asks no entry sheet anything', () => {
  const two = workbook(true);
  const nine = workbook(false);
  const small = callsOf(two, setUp);
  const large = callsOf(nine, setUp);
  expect(large).toEqual(small);
  // no laid-out sheet checked through SpreadsheetApp: dropdowns and tab colours come from the read
  for (const name of ['Range.getDataValidations', 'Sheet.getTabColor']) {
    expect({ name, n: large.filter((c) => c === name).length }).toEqual({ name, n: 0 });
  }
});

test('a data cell whose format an officer changed is still repaired, and set-up says so', () => {
  const h = workbook(true);
  const ss = h.run.spreadsheet;
  const sheet = ss.getSheets().find((s) => s.getName().startsWith('กิจกรรม'));
  if (!sheet) throw new Error('no activities sheet');
  // a column set-up gives a format (the first whose first data cell has one of its own)
  const plain = ss.getSheets()[0].getRange(999, 26).getNumberFormat();
  const formats = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getNumberFormats()[0];
  const col = formats.findIndex((f) => f !== plain && f !== '0.00') + 1;
  expect(col).toBeGreaterThan(0);
  const wanted = formats[col - 1];
  sheet.getRange(40, col).setNumberFormat('0.00');
  const report = h.as(h.run.user).gas.sidebarSetUp() as { repaired: string[] };
  expect(sheet.getRange(40, col).getNumberFormat()).toBe(wanted);
  expect(report.repaired).toContain(sheet.getName());
  // and the next set-up finds it in place
  const again = h.as(h.run.user).gas.sidebarSetUp() as { repaired: string[] };
  expect(again.repaired).toEqual([]);
});
