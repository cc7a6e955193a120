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
