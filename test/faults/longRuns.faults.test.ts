/**
 * Long actions stop themselves before Apps Script's 6-minute limit and undo what they did:
 * the fake clock makes each service call slow, and the execution is killed at 6 minutes as
 * Apps Script would (the ledger's deadline).
 */
import { dump, MINUTE_MS, SCRIPT_RUNTIME_MS } from '../../dev/fakes';
import { dumpDifferences, smallProvince } from '../support/faultSweep';

test('a set-up that would run past the limit stops at 3.5 minutes, undone, and says so in Thai', () => {
  const h = smallProvince(false);
  const before = JSON.stringify(dump(h.run.spreadsheet));
  h.book.clock.setMsPerCall(300); // 830 calls: about 4 minutes of work
  const started = h.book.clock.now();
  h.book.ledger.setDeadline(h.run.id, started + SCRIPT_RUNTIME_MS);
  expect(() => h.gas.sidebarSetUp()).toThrow(/ใช้เวลานานเกินไป \(3\.\d นาที\).*ย้อนกลับทั้งหมดแล้ว/);
  expect(h.book.ledger.isKilled(h.run.id)).toBe(false); // stopped itself, in time for its undo
  expect(h.book.clock.now() - started).toBeLessThan(SCRIPT_RUNTIME_MS);
  h.book.clock.setMsPerCall(0);
  expect(JSON.stringify(dump(h.run.spreadsheet))).toBe(before);
  // the same set-up on a quicker day ends as one clean run (at the clean run's minute: the log seals its time)
  h.book.clock.set(started);
  h.as(h.run.user).gas.sidebarSetUp();
  const clean = smallProvince(false);
  clean.gas.sidebarSetUp();
  expect(dumpDifferences(h, clean)).toEqual([]);
});

test('a round summary at normal speed is far from the limit', () => {
  const h = smallProvince();
  h.book.clock.setMsPerCall(50);
  const started = h.book.clock.now();
  h.gas.sidebarMakeRoundSummary(1);
  expect(h.book.clock.now() - started).toBeLessThan(MINUTE_MS);
});

test('a round summary killed midway is cleared by the set-up its message points to, and logged', () => {
  const h = smallProvince();
  const clean = smallProvince();
  // The clean run's calls: kill the summary once its building sheet is made and marked. (Killed
  // before the mark, the sheet is a blank one the next summary takes again: the sweeps show it.)
  clean.book.ledger.reset();
  clean.gas.sidebarMakeRoundSummary(1);
  const calls = clean.book.ledger.calls(clean.run.id);
  const made = calls.indexOf('Sheet.addDeveloperMetadata', calls.lastIndexOf('Spreadsheet.insertSheet')) + 1;
  h.book.ledger.reset();
  h.book.ledger.inject({ at: made + 2, mode: 'outage', error: new Error('killed'), execution: h.run.id });
  expect(() => h.gas.sidebarMakeRoundSummary(1)).toThrow();
  h.book.ledger.clearFaults();
  h.run.end(); // the killed execution ends: Apps Script releases its lock
  const left = h.run.spreadsheet.getSheets().map((s) => s.getName());
  expect(left.some((n) => n.includes('กำลังสร้าง'))).toBe(true);

  const next = h.as(h.run.user);
  const report = next.gas.sidebarSetUp() as { warnings: string[]; message: string };
  expect(report.warnings.join(' ')).toMatch(/ลบชีต "สรุปผล รอบที่ 1 .*กำลังสร้าง.*" ที่สร้างค้างไว้/);
  const names = next.run.spreadsheet.getSheets().map((s) => s.getName());
  expect(names.filter((n) => n.includes('กำลังสร้าง'))).toEqual([]);
  const log = next.run.spreadsheet.getSheetByName('บันทึก')?.getDataRange().getValues() ?? [];
  expect(log.some((row) => row[2] === 'ซ่อมส่วนที่ค้าง' && /กำลังสร้าง/.test(String(row[3])))).toBe(true);
  // and the summary made now is the clean run's
  next.gas.sidebarMakeRoundSummary(1);
  const summary = (hh: Pick<typeof h, 'run'>) =>
    hh.run.spreadsheet.getSheetByName('สรุปผล รอบที่ 1')?.getDataRange().getValues();
  expect(summary(next)).toEqual(summary(clean));
});
