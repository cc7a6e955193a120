/**
 * Every committed report has its log row (issue 21): a round summary killed after its sheet was
 * committed and before (or while) its log row was written is logged by the next run that logs
 * anything (making it again, set-up, the data check), once, and never logged twice.
 */
import { dumpMetadata } from '../../dev/fakes';
import { type Harness, harnessSnapshot, OWNER } from '../support/workbook';
import { smallProvince } from '../support/faultSweep';
import { runKilledAt } from '../support/killedRun';

const LOG = 'บันทึก';

/** The committed versions of round 1's summary: report marks current or superseded (whatever their sheet's name). */
const versions = (h: Harness) =>
  dumpMetadata(h.run.spreadsheet)
    .map(
      (m) =>
        JSON.parse(m.value ?? 'null') as {
          role?: string;
          report?: { kind: string; period: string; state: string };
        } | null,
    )
    .filter((m) => m?.role === 'report' && m.report?.kind === 'round' && m.report.period === '1')
    .filter((m) => m?.report?.state !== 'building')
    .map((m) => m?.report?.state ?? '');

/** The log rows saying a round-1 summary was made. */
const logged = (h: Harness) =>
  h.run.spreadsheet
    .getSheetByName(LOG)!
    .getDataRange()
    .getValues()
    .filter((r) => r[2] === 'สร้างสรุปผล รอบที่ 1');

/** Runs the round summary as the owner, killed (nothing gets through) from call `n` on. */
function killedAt(h: Harness, n: number): void {
  const run = h.as(OWNER);
  runKilledAt(h.book, run.run, n, () => run.gas.sidebarMakeRoundSummary(1));
}

/**
 * The positions of the clean run after its commit (the report's mark set to current).
 * @param start the small province, restored from its snapshot
 */
function afterCommit(start: () => Harness): { commit: number; calls: number } {
  const h = start();
  const run = h.as(OWNER);
  h.book.ledger.reset();
  run.gas.sidebarMakeRoundSummary(1);
  const calls = h.book.ledger.calls(run.run.id);
  const commit = calls.indexOf('DeveloperMetadata.setValue', calls.lastIndexOf('Spreadsheet.insertSheet')) + 1;
  return { commit, calls: calls.length };
}

describe('a round summary killed after its sheet is committed', () => {
  // Every position (and the clean run) starts from the same small province, restored from one snapshot.
  const start = harnessSnapshot(smallProvince());
  const { commit, calls } = afterCommit(start);
  const positions = Array.from({ length: calls - commit }, (_, i) => commit + 1 + i);

  test.each([
    ['made again', (h: Harness) => h.as(OWNER).gas.sidebarMakeRoundSummary(1)],
    ['set-up', (h: Harness) => h.as(OWNER).gas.sidebarSetUp()],
    ['the data check', (h: Harness) => h.as(OWNER).gas.sidebarCheckData()],
  ])('the next run (%s) logs it: one log row per committed version', (_name, next) => {
    expect(commit).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const n of positions) {
      const h = start();
      killedAt(h, n);
      next(h);
      const made = versions(h);
      const rows = logged(h);
      const refs = rows.map((r) => r[7]);
      if (rows.length !== made.length || new Set(refs).size !== refs.length || refs.some((r) => r === '')) {
        wrong.push(`kill at ${n}/${calls}: ${made.length} versions (${made.join(', ')}), ${rows.length} log rows`);
      }
      const problems = h
        .as(OWNER)
        .gas.sidebarCheckData()
        .problems.filter((p: { sheet: string }) => p.sheet === LOG);
      if (problems.length > 0) wrong.push(`kill at ${n}: ${problems.map((p: { message: string }) => p.message)}`);
    }
    expect(wrong).toEqual([]);
    expect(positions.length).toBeGreaterThan(3);
  });
});
