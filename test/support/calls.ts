/**
 * Call counts that must not grow with the districts (test/server/districtCalls.test.ts,
 * setupCalls.test.ts): the same workbook with two districts or the letter's nine, and the
 * round trips one action makes in a fresh execution.
 */
import { typeTwoDistricts } from './entries';
import { type Harness, newHarness } from './workbook';

/**
 * A set-up workbook on 15 Oct 2022 (FY 2565's months all past): two districts or the letter's nine.
 * @param two whether the district table holds two districts
 */
export function setUpWorkbook(two: boolean): Harness {
  const h = newHarness();
  h.book.clock.set(new Date(2022, 9, 15, 9, 30));
  if (two) typeTwoDistricts(h.run.spreadsheet);
  h.gas.sidebarSetUp();
  return h;
}

/**
 * The calls of one action of the owner's, in a fresh execution.
 * @param h the workbook
 * @param action the action
 */
export function callsOf(h: Harness, action: (gas: Harness['gas']) => unknown): readonly string[] {
  const run = h.as(h.run.user);
  h.book.ledger.reset();
  action(run.gas);
  return h.book.ledger.calls(run.run.id);
}
