/**
 * Service calls do not grow with the rows: set-up and the data check on a workbook with 100
 * entries and with 10 000 use the same number of calls (counts are deterministic; times are
 * measured by `npm run bench`, not here).
 */
import { activityRows, onlineRows, typeRows } from '../support/entries';
import { newHarness } from '../support/workbook';

/** Calls by kind for a repeat set-up and a data check, with `rowsPerSheet` rows in two entry sheets. */
function countsWith(rowsPerSheet: number) {
  const h = newHarness();
  h.gas.sidebarSetUp();
  const ss = h.run.spreadsheet;
  for (const sheet of ss.getSheets()) {
    if (sheet.getMaxRows() < rowsPerSheet + 1)
      sheet.insertRowsAfter(sheet.getMaxRows(), rowsPerSheet + 1 - sheet.getMaxRows());
  }
  typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', rowsPerSheet, 3));
  typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', rowsPerSheet));
  h.gas.sidebarSetUp(); // formats and dropdowns reach the rows the sheets grew by
  h.book.ledger.reset();
  h.gas.sidebarSetUp();
  const setUp = h.book.ledger.byKind();
  h.book.ledger.reset();
  h.gas.sidebarCheckData();
  const check = h.book.ledger.byKind();
  const checkDigests = h.book.ledger.count('Utilities.computeDigest');
  h.book.ledger.reset();
  h.gas.sidebarMakeRoundSummary(3);
  const summary = h.book.ledger.byKind();
  const tally = ss.getSheetByName('อำเภอ')!.getRange(4, 8, 1, 3).getValues()[0];
  const summarised = ss
    .getSheetByName('สรุปผล รอบที่ 3')!
    .getDataRange()
    .getValues()
    .find((r) => r[1] === 'ท่าบ่อ')!
    .slice(7, 10);
  return { setUp, check, checkDigests, summary, tally, summarised };
}

test('set-up, data check and round summary use the same calls for 100 and 10 000 rows', () => {
  const small = countsWith(100);
  const large = countsWith(10_000);
  expect(large.tally).toEqual([10_000, 3, 10_000]); // the tally really read all the rows
  expect(small.tally).toEqual([100, 3, 100]);
  expect(large.summarised).toEqual(large.tally); // so did the summary's
  expect(large.setUp).toEqual(small.setUp);
  expect(large.check).toEqual(small.check);
  expect(large.summary).toEqual(small.summary);
  // builder calls (newDataValidation().requireValueInList()...) run in-process, not over the network
  const service = (counts: Record<string, number>) =>
    Object.entries(counts).reduce((a, [kind, n]) => a + (kind === 'builder' ? 0 : n), 0);
  expect(large.setUp.write).toBe(0); // a repeat set-up rewrites nothing
  // Budgets (the bench prints the exact figures): about 25 add-on sheets, each found by its
  // marker (its marker's value, its id, its name) and repaired with a fixed handful of calls;
  // the check reads each district's two ranges' values and formulas, and writes one list.
  expect(service(large.setUp)).toBeLessThan(750);
  expect(service(large.check)).toBeLessThan(250);
  // the records' seals are computed in the script (kernel/sha256.ts), not one call each
  expect(large.checkDigests).toBe(0);
});
