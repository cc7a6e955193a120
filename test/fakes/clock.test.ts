/** The fake clock: per workbook, per call, in the services and in a loaded bundle's Date. */
import { createFakeWorkbook, DAY_MS, FakeClock, fakeDateClass, HOUR_MS, MAIL_QUOTA_MESSAGE } from '../../dev/fakes';
import { loadBundle } from '../support/loadBundle';

const OWNER = 'owner@example.com';
const MARCH_1 = new Date('2022-03-01T08:00:00+07:00');

describe('FakeClock', () => {
  test('follows the host clock until set; set freezes it; advance moves it', () => {
    const clock = new FakeClock();
    expect(clock.frozen).toBe(false);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    clock.advance(HOUR_MS);
    expect(Math.abs(clock.now() - (Date.now() + HOUR_MS))).toBeLessThan(1000);
    clock.set(MARCH_1);
    expect(clock.frozen).toBe(true);
    expect(clock.now()).toBe(MARCH_1.getTime());
    clock.advance(1500);
    expect(clock.date().toISOString()).toBe('2022-03-01T01:00:01.500Z');
    expect(() => clock.advance(-1)).toThrow('≥ 0');
  });

  test('followHost unfreezes it and follows the host clock shifted by an offset, backwards too', () => {
    const clock = new FakeClock(Date.UTC(2030, 0, 1));
    const day = 24 * 3600 * 1000;
    clock.followHost(-3 * day);
    expect(clock.frozen).toBe(false);
    expect(Math.abs(clock.now() - (Date.now() - 3 * day))).toBeLessThan(1000);
    clock.followHost();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    expect(() => clock.followHost(Number.NaN)).toThrow('not a valid offset');
  });

  test('every recorded service call takes msPerCall; fake-only helpers take nothing', () => {
    const wb = createFakeWorkbook({ now: MARCH_1 });
    const range = wb.spreadsheet.getSheets()[0].getRange('A1'); // two calls, at no cost yet
    wb.clock.setMsPerCall(250);
    range.setValue(1);
    range.getValue();
    wb.spreadsheet.canUserEdit(OWNER, 'Sheet1', 1, 1);
    expect(wb.clock.now() - MARCH_1.getTime()).toBe(500);
  });

  test('an execution can set the time it starts at', () => {
    const wb = createFakeWorkbook();
    const run = wb.createExecution({ user: OWNER, now: MARCH_1 });
    expect(run.startedAt).toBe(MARCH_1.getTime());
    expect(wb.clock.now()).toBe(MARCH_1.getTime());
  });
});

describe('fakeDateClass', () => {
  const now = () => MARCH_1.getTime();
  const D = fakeDateClass(now, Date);

  test('new Date() and Date.now() read the clock; everything else is native', () => {
    expect(new D().getTime()).toBe(MARCH_1.getTime());
    expect(D.now()).toBe(MARCH_1.getTime());
    expect(D()).toBe(new Date(MARCH_1.getTime()).toString());
    expect(new D(2022, 0, 31).getDate()).toBe(31);
    expect(new D('2022-03-01T00:00:00Z').toISOString()).toBe('2022-03-01T00:00:00.000Z');
    expect(D.UTC(2022, 2, 1)).toBe(Date.UTC(2022, 2, 1));
    expect(D.parse('2022-03-01T00:00:00Z')).toBe(Date.parse('2022-03-01T00:00:00Z'));
  });

  test('its objects are native Dates', () => {
    const d = new D();
    expect(d instanceof Date).toBe(true);
    expect(new Date() instanceof D).toBe(true);
    expect(Object.prototype.toString.call(d)).toBe('[object Date]');
    class Stamp extends D {}
    expect(new Stamp().getTime()).toBe(MARCH_1.getTime());
    expect(new Stamp() instanceof Date).toBe(true);
    expect(new Stamp(2022, 0, 31, 12).getHours()).toBe(12);
    expect(Object.getPrototypeOf(new Stamp(5))).toBe(Stamp.prototype);
  });

  test('each number of arguments makes the native Date of exactly those arguments', () => {
    const lists: unknown[][] = [
      [0],
      ['2022-03-01'],
      [2022, 2],
      [2022, 2, 1],
      [2022, 2, 1, 7],
      [2022, 2, 1, 7, 30],
      [2022, 2, 1, 7, 30, 15],
      [2022, 2, 1, 7, 30, 15, 250],
      [2022, 2, 1, 7, 30, 15, 250, 99],
      [2022, 0, undefined],
      [undefined],
    ];
    const Native = Date as unknown as new (...xs: unknown[]) => Date;
    const Fake = D as unknown as new (...xs: unknown[]) => Date;
    const made = lists.map((xs) => String(new Fake(...xs).getTime()));
    expect(made).toEqual(lists.map((xs) => String(new Native(...xs).getTime())));
    expect(made.filter((t) => t === 'NaN')).toHaveLength(2);
  });
});

describe('loadBundle with a fake now', () => {
  test("the bundle's new Date() and Date.now() are the workbook's clock, advancing with it", () => {
    const wb = createFakeWorkbook({ now: MARCH_1 });
    const gas = loadBundle({}, { now: wb.clock.now });
    expect(gas.run('new Date().getTime()')).toBe(MARCH_1.getTime());
    wb.clock.advance(DAY_MS);
    expect(gas.run('Date.now()')).toBe(MARCH_1.getTime() + DAY_MS);
    expect(gas.run('new Date(2022, 2, 1).getHours()')).toBe(0);
    expect(gas.run('Object.prototype.toString.call(new Date())')).toBe('[object Date]');
    expect(gas.run('new Date() instanceof Date && new Date().constructor === Date')).toBe(true);
    expect(gas.run('typeof Date()')).toBe('string');
  });

  test('a fixed instant works too, and without `now` the bundle keeps real time', () => {
    expect(loadBundle({}, { now: MARCH_1 }).run('new Date().toISOString()')).toBe('2022-03-01T01:00:00.000Z');
    expect(Math.abs(loadBundle().run('Date.now()') - Date.now())).toBeLessThan(5000);
  });

  test('time zone stays Asia/Bangkok in the bundle', () => {
    const gas = loadBundle({}, { now: new Date('2022-03-01T17:30:00Z') });
    expect(gas.run('new Date().getDate() + " " + new Date().getHours()')).toBe('2 0');
  });
});

describe('services on the clock', () => {
  test('Utilities.sleep lets time pass', () => {
    const wb = createFakeWorkbook({ now: MARCH_1 });
    wb.createExecution({ user: OWNER }).globals.Utilities.sleep(1500);
    expect(wb.clock.now() - MARCH_1.getTime()).toBe(1500);
  });

  test('a lock another run holds: tryLock and waitLock wait their timeout out on the clock', () => {
    const wb = createFakeWorkbook({ now: MARCH_1, editors: ['a@example.com'] });
    const holder = wb.createExecution({ user: OWNER }).globals.LockService.getDocumentLock();
    const waiter = wb.createExecution({ user: 'a@example.com' }).globals.LockService.getDocumentLock();
    expect(holder.tryLock(10_000)).toBe(true);
    expect(wb.clock.now()).toBe(MARCH_1.getTime()); // free: no wait
    expect(waiter.tryLock(10_000)).toBe(false);
    expect(wb.clock.now() - MARCH_1.getTime()).toBe(10_000);
    expect(() => waiter.waitLock(30_000)).toThrow('Lock timeout');
    expect(wb.clock.now() - MARCH_1.getTime()).toBe(40_000);
  });

  test('the mail quota window closes 24 hours after the first send, on the fake clock', () => {
    const wb = createFakeWorkbook({ now: MARCH_1, mailDailyQuota: 2 });
    const mail = wb.createExecution({ user: OWNER }).globals.MailApp;
    mail.sendEmail('a@example.com', 's', 'b');
    wb.clock.advance(12 * HOUR_MS);
    mail.sendEmail('b@example.com', 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    wb.clock.advance(12 * HOUR_MS - 1); // 1 ms before the window closes
    expect(() => mail.sendEmail('c@example.com', 's', 'b')).toThrow(MAIL_QUOTA_MESSAGE);
    wb.clock.advance(1);
    expect(mail.getRemainingDailyQuota()).toBe(2);
    mail.sendEmail('c@example.com', 's', 'b');
    expect(wb.sentMails.map((m) => m.at - MARCH_1.getTime())).toEqual([0, 12 * HOUR_MS, DAY_MS]);
  });

  test('setMailQuota for one user: what is left now, until 24 hours from now', () => {
    const wb = createFakeWorkbook({ now: MARCH_1 });
    wb.setMailQuota(0, OWNER);
    const mail = wb.createExecution({ user: OWNER }).globals.MailApp;
    expect(mail.getRemainingDailyQuota()).toBe(0);
    wb.clock.advance(DAY_MS);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });
});
