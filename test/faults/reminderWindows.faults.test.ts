/**
 * The reminders' run killed at every call on the day before a round's deadline (the last window
 * before it): the next run, on the deadline, reminds whoever the killed run did not reach, and
 * nobody gets two e-mails on one day. Before reminders went by window, a kill on that day left a
 * district unreminded at most positions.
 */
import { dayOfDate, isoOfDay } from '../../src/kernel/civilDate';
import { dutiesProvince, PROVINCE_EDITOR, SANGKHOM, THA_BO } from '../support/duties';
import type { Harness } from '../support/workbook';
import { harnessSnapshot, OWNER } from '../support/workbook';
import { runKilledAt } from '../support/killedRun';

/** 26 May 2565 08:00, a day before round 2's deadline, reminders on, nothing sent today. */
function dayBefore(): Harness {
  const h = dutiesProvince(new Date(2022, 4, 26, 7, 0));
  h.gas.sidebarSetReminders(true);
  h.book.clock.set(new Date(2022, 4, 26, 8, 0));
  h.book.ledger.reset();
  return h;
}

const dayOf = (ms: number) => isoOfDay(dayOfDate(new Date(ms)));

test('killed at any call the day before a deadline: everyone is reminded by the deadline, never twice a day', () => {
  const reference = dayBefore();
  reference.gas.remindDistricts();
  const calls = reference.book.ledger.countOf(reference.run.id);
  expect(calls).toBeGreaterThan(10);
  const unreminded: string[] = [];
  const twice: string[] = [];
  const start = harnessSnapshot(dayBefore()); // every position starts from the same day, restored
  for (let n = 1; n <= calls; n++) {
    const h = start();
    runKilledAt(h.book, h.run, n, () => h.gas.remindDistricts());
    h.book.clock.set(new Date(2022, 4, 27, 8, 0));
    h.as(OWNER).gas.remindDistricts();
    for (const who of [THA_BO, SANGKHOM]) {
      const got = h.book.sentMails.filter((m) => m.to.includes(who) && m.body.includes('สรุปผล รอบที่ 2: กำหนดส่ง'));
      if (got.length === 0) unreminded.push(`${n}: ${who}`);
    }
    const perDay = new Map<string, number>();
    for (const m of h.book.sentMails)
      for (const to of m.to) perDay.set(`${dayOf(m.at)} ${to}`, (perDay.get(`${dayOf(m.at)} ${to}`) ?? 0) + 1);
    for (const [key, k] of perDay) if (k > 1) twice.push(`${n}: ${key} ×${k}`);
    const strangers = h.book.sentMails
      .flatMap((m) => m.to)
      .filter((to) => ![THA_BO, SANGKHOM, PROVINCE_EDITOR].includes(to));
    expect(strangers).toEqual([]);
  }
  console.log(
    `reminders killed at each of ${calls} calls the day before a deadline: ${unreminded.length} left unreminded`,
  );
  expect({ unreminded, twice }).toEqual({ unreminded: [], twice: [] });
});
