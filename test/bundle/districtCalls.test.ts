/**
 * Round trips that must not grow with the districts (issue 23): the add-on's sheets are found
 * with one Sheets API read whatever their number, and the blocks shown are read in one batch
 * (platform/batchRead.ts), so the sidebar's opening and the duties view cost the same calls in
 * a workbook of two districts and of the letter's nine; and a submission's preview reads its
 * own district's two sheets only. Exact counts and times are the bench's (`npm run bench -- budgets`).
 */
import { callsOf, setUpWorkbook as workbook } from '../support/calls';
import type { Harness } from '../support/workbook';

const two = workbook(true);
const nine = workbook(false);

test('the workbooks differ in their districts', () => {
  const districts = (h: Harness) => h.as(h.run.user).gas.sidebarState().standing.length;
  expect([districts(two), districts(nine)]).toEqual([2, 9]);
});

test("the sidebar's opening makes the same calls with two districts and with nine", () => {
  const state = (gas: Harness['gas']) => gas.sidebarState();
  expect(callsOf(nine, state)).toEqual(callsOf(two, state));
});

test('the duties view makes the same calls with two districts and with nine', () => {
  const duties = (gas: Harness['gas']) => gas.sidebarDuties();
  expect(callsOf(nine, duties)).toEqual(callsOf(two, duties));
});

test("a submission's preview reads its own district's sheets only: the same calls with two districts and with nine", () => {
  const preview = (gas: Harness['gas']) => gas.sidebarPreviewSubmission('month', '2022-03', 'ท่าบ่อ');
  const small = callsOf(two, preview);
  // it does read: the configuration's batch and its district's (values, formulas, dates each)
  expect(small.filter((name) => name === 'Sheets.Spreadsheets.Values.batchGet').length).toBeGreaterThanOrEqual(6);
  expect(callsOf(nine, preview)).toEqual(small);
});

test("the data check reads every district's sheets in one batch: the same calls with two districts and with nine", () => {
  const check = (gas: Harness['gas']) => gas.sidebarCheckData();
  expect(callsOf(nine, check)).toEqual(callsOf(two, check));
});
