/**
 * The self-check killed at any call around making its scratch sheet (issue 21): the next
 * self-check deletes what the killed one left, marked or not (an unmarked one was left for good
 * and made the next one use `…_2`); an officer's sheet of that name is never deleted.
 */
import { SCRATCH_NAME } from '../../src/platform/scratchSheet';
import { harnessSnapshot, newHarness, OWNER } from '../support/workbook';
import { runKilledAt } from '../support/killedRun';

/** The self-check's calls in a clean run, and where it makes its scratch sheet. */
function cleanRun(): { calls: readonly string[]; made: number } {
  const h = newHarness();
  h.gas.sidebarSetUp();
  const run = h.as(OWNER);
  h.book.ledger.reset();
  run.gas.runDiagnostics();
  const calls = h.book.ledger.calls(run.run.id);
  return { calls, made: calls.indexOf('Spreadsheet.insertSheet') + 1 };
}

describe('a self-check killed around making its scratch sheet', () => {
  const { calls, made } = cleanRun();
  // From a few calls before the sheet is made to a few after it is marked.
  const positions = Array.from({ length: 12 }, (_, i) => made - 3 + i).filter((n) => n >= 1 && n <= calls.length);

  test('the next self-check leaves no scratch sheet behind and makes none under another name', () => {
    expect(calls[made - 1]).toBe('Spreadsheet.insertSheet');
    const wrong: string[] = [];
    const setUp = newHarness();
    setUp.gas.sidebarSetUp();
    const start = harnessSnapshot(setUp); // every position starts from the same set-up, restored
    for (const n of positions) {
      const h = start();
      const killed = h.as(OWNER);
      runKilledAt(h.book, killed.run, n, () => killed.gas.runDiagnostics());
      h.as(OWNER).gas.runDiagnostics();
      const names = h.run.spreadsheet.getSheets().map((s) => s.getName());
      const left = names.filter((name) => name.startsWith(SCRATCH_NAME));
      if (left.length > 0) wrong.push(`kill at ${n} (${calls[n - 1]}): left ${left.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  test('an officer’s own sheet of the scratch name is left alone', () => {
    const h = newHarness();
    h.gas.sidebarSetUp();
    h.run.spreadsheet.insertSheet(SCRATCH_NAME).getRange('A1').setValue('ของฉัน');
    h.gas.runDiagnostics();
    expect(h.run.spreadsheet.getSheetByName(SCRATCH_NAME)!.getRange('A1').getValue()).toBe('ของฉัน');
    expect(h.run.spreadsheet.getSheets().filter((s) => s.getName().startsWith(SCRATCH_NAME))).toHaveLength(1);
  });
});
