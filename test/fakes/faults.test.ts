/** The ledger's fault modes, execution-scoped faults and execution time limits. */
import { createFakeWorkbook, dump, EXECUTION_TIME_MESSAGE, isDeferrable, commitsWrites } from '../../dev/fakes';
import { expectSameDump } from '../support/sameDump';

const OWNER = 'owner@example.com';
const timeout = () => new Error('Service Spreadsheets timed out while accessing document with id fake-spreadsheet-id.');

function workbook() {
  const wb = createFakeWorkbook({ editors: ['a@example.com'] });
  const run = wb.createExecution({ user: OWNER });
  const range = run.spreadsheet.getSheets()[0].getRange('A1');
  wb.ledger.reset();
  return { wb, run, range };
}

describe("mode 'after'", () => {
  test('the call does its work, then throws; the effect stays', () => {
    const { wb, run, range } = workbook();
    const error = timeout();
    wb.ledger.inject({ at: 1, mode: 'after', error });
    expect(() => range.setValue('kept')).toThrow(error);
    expect(range.getValue()).toBe('kept');
    expect(wb.ledger.calls(run.id)).toEqual(['Range.setValue', 'Range.getValue']);
  });

  test('a mail that fails after delivery is recorded as sent and its recipients counted', () => {
    const wb = createFakeWorkbook();
    const mail = wb.createExecution({ user: OWNER }).globals.MailApp;
    wb.ledger.reset();
    wb.ledger.inject({ at: 1, mode: 'after', error: new Error('Service Mail timed out') });
    expect(() => mail.sendEmail('a@example.com,b@example.com', 'สรุป', 'body')).toThrow('Service Mail timed out');
    expect(wb.sentMails.map((m) => m.to)).toEqual([['a@example.com', 'b@example.com']]);
    expect(mail.getRemainingDailyQuota()).toBe(98);
  });
});

describe("mode 'outage'", () => {
  test('the n-th call and every later one throw before their effect, until clearFaults', () => {
    const { wb, range } = workbook();
    wb.ledger.inject({ at: 2, mode: 'outage', error: timeout() });
    range.setValue('first');
    expect(() => range.setValue('second')).toThrow('timed out');
    expect(() => range.setValue('undo')).toThrow('timed out');
    expect(() => range.getValue()).toThrow('timed out');
    wb.ledger.clearFaults();
    expect(range.getValue()).toBe('first');
  });

  test("targeting one execution: the killed run's outage does not hit the next run", () => {
    const wb = createFakeWorkbook({ editors: ['a@example.com'] });
    const killed = wb.createExecution({ user: OWNER });
    const next = wb.createExecution({ user: 'a@example.com' });
    expect(killed.id).not.toBe(next.id);
    const cell = (run: typeof killed) => run.spreadsheet.getSheets()[0].getRange('B2');
    wb.ledger.reset();
    wb.ledger.inject({ at: 1, mode: 'outage', error: timeout(), execution: killed.id });
    cell(next).setValue('next run');
    expect(() => cell(killed).setValue('killed')).toThrow('timed out');
    expect(cell(next).getValue()).toBe('next run');
    expect(wb.ledger.countOf(killed.id)).toBe(1);
    expect(wb.ledger.countOf(next.id)).toBe(6); // getSheets, getRange, setValue; again with getValue
  });

  test("positions count the target execution's calls only", () => {
    const wb = createFakeWorkbook({ editors: ['a@example.com'] });
    const a = wb.createExecution({ user: OWNER });
    const b = wb.createExecution({ user: 'a@example.com' });
    const ra = a.spreadsheet.getSheets()[0].getRange('A1');
    const rb = b.spreadsheet.getSheets()[0].getRange('A2');
    wb.ledger.inject({ at: 2, mode: 'before', error: timeout(), execution: a.id });
    ra.setValue(1);
    rb.setValue(2);
    rb.setValue(3);
    expect(() => ra.setValue(4)).toThrow('timed out');
    expect([ra.getValue(), rb.getValue()]).toEqual([1, 3]);
  });
});

describe("mode 'undo'", () => {
  test('the n-th call fails, and once more the k-th call after it', () => {
    const { wb, run, range } = workbook();
    const sheet = run.spreadsheet.getSheets()[0];
    wb.ledger.inject({ at: 1, mode: 'undo', undoAt: 2, error: timeout() });
    expect(() => range.setValue('work')).toThrow('timed out'); // position 1
    const b1 = sheet.getRange('B1'); // position 2: passes
    expect(() => b1.setValue('undo step')).toThrow('timed out'); // position 1 + 2: fails once
    b1.setValue('retry');
    expect([range.getValue(), b1.getValue()]).toEqual(['', 'retry']);
  });

  test('k counts from n + 1: with k = 1 the very next call fails, later calls pass', () => {
    const { wb, range } = workbook();
    const before = dump(wb.spreadsheet);
    wb.ledger.inject({ at: 1, mode: 'undo', undoAt: 1, error: timeout() });
    expect(() => range.setValue('work')).toThrow('timed out');
    expect(() => range.setValue('undo')).toThrow('timed out');
    expectSameDump(wb.spreadsheet, before);
    range.setValue('after');
    expect(range.getValue()).toBe('after');
  });

  test('undoAt is required', () => {
    const { wb } = workbook();
    expect(() => wb.ledger.inject({ at: 1, mode: 'undo', error: timeout() })).toThrow('undoAt');
  });
});

describe("mode 'late' (write cache)", () => {
  test('a write returns normally without its effect; the next read throws its error', () => {
    const { wb, run } = workbook();
    const sheet = run.spreadsheet.getSheets()[0];
    const range = sheet.getRange('A1:B1');
    wb.ledger.inject({ at: 1, mode: 'late', error: timeout() });
    expect(range.setValues([[1, 2]])).toBe(range); // chainable, as a real setValues
    expect(() => sheet.getRange('C1')).toThrow('timed out'); // getRange reads a Sheet: it commits
    expect(wb.ledger.takeLateError(run.id)).toBeNull();
    expect(range.getValues()).toEqual([['', '']]);
  });

  test('the error surfaces at the next spreadsheet read, not at other services', () => {
    const { wb, run } = workbook();
    const range = run.spreadsheet.getSheets()[0].getRange('A1');
    wb.ledger.inject({ at: 1, mode: 'late', error: timeout() });
    range.setValue('lost');
    range.setNote('applied'); // later writes go through
    run.globals.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    run.globals.Session.getActiveUser();
    expect(() => range.getValue()).toThrow('timed out');
    expect(range.getValue()).toBe('');
    expect(range.getNote()).toBe('applied');
  });

  test('SpreadsheetApp.flush() commits, and throws the pending error', () => {
    const { wb, run, range } = workbook();
    wb.ledger.inject({ at: 1, mode: 'late', error: timeout() });
    range.setValue('lost');
    expect(() => run.globals.SpreadsheetApp.flush()).toThrow('timed out');
    run.globals.SpreadsheetApp.flush();
  });

  test('still pending when the code finished: FakeExecution.end() throws it (after releasing locks)', () => {
    const { wb, run, range } = workbook();
    expect(run.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    wb.ledger.inject({ at: 1, mode: 'late', error: timeout() });
    range.setValue('lost');
    expect(() => run.end()).toThrow('timed out');
    expect(wb.createExecution({ user: OWNER }).globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    run.end(); // nothing pending any more
    expect(dump(wb.spreadsheet).sheets[0].cells).toEqual({});
  });

  test('at a position that is not a deferrable write, the first deferrable write after it is deferred', () => {
    const { wb, run, range } = workbook();
    wb.ledger.inject({ at: 1, mode: 'late', error: timeout() });
    expect(range.getValue()).toBe(''); // a read: not deferred
    const protection = range.protect(); // returns a new object: never deferred
    expect(protection.getRange().getA1Notation()).toBe('A1');
    range.setValue('lost');
    expect(wb.ledger.takeLateError(run.id)?.message).toContain('timed out');
    expect(range.getValue()).toBe('');
  });

  test('which calls are deferred and which commit', () => {
    expect(['Range.setValues', 'Range.setBackgrounds', 'Sheet.insertRowsAfter', 'Protection.addEditors']).toEqual(
      ['Range.setValues', 'Range.setBackgrounds', 'Sheet.insertRowsAfter', 'Protection.addEditors'].filter(
        isDeferrable,
      ),
    );
    expect(
      ['Range.protect', 'Spreadsheet.insertSheet', 'Range.getValues', 'MailApp.sendEmail'].filter(isDeferrable),
    ).toEqual([]);
    expect(
      ['Range.getValues', 'Sheet.getRange', 'Protection.getEditors', 'SpreadsheetApp.flush'].every(commitsWrites),
    ).toBe(true);
    expect(['Range.setValues', 'Session.getActiveUser', 'Properties.getProperty'].some(commitsWrites)).toBe(false);
  });
});

describe('execution time limit', () => {
  test('past its limit every call of the run throws "Exceeded maximum execution time"; others go on', () => {
    const wb = createFakeWorkbook({ now: new Date('2022-03-01T08:00:00+07:00') });
    wb.clock.setMsPerCall(60_000);
    const run = wb.createExecution({ user: OWNER, timeLimitMs: 6 * 60_000 });
    const range = run.spreadsheet.getSheets()[0].getRange('A1'); // calls at 08:00 and 08:01
    for (let i = 1; i <= 4; i++) range.setValue(i); // 08:02 … 08:05
    expect(() => range.setValue('late')).toThrow(EXECUTION_TIME_MESSAGE); // would start at 08:06
    expect(() => range.getValue()).toThrow(EXECUTION_TIME_MESSAGE);
    expect(wb.ledger.isKilled(run.id)).toBe(true);
    const next = wb.createExecution({ user: OWNER, timeLimitMs: 6 * 60_000 });
    expect(next.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe(4);
  });

  test('failAt keeps working as mode before, counted across executions', () => {
    const { wb, range } = workbook();
    wb.ledger.failAt(2, timeout());
    range.setValue('x');
    expect(() => range.setValue('y')).toThrow('timed out');
    expect(range.getValue()).toBe('x');
  });
});
