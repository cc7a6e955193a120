/** What the reminders owe (features/reminders/sheets/reminderLedger.ts, reminderMail.ts owedMails), as pure data. */
import { dayOf, isoOfDay } from '../../../../src/kernel/civilDate';
import { dutyStatus, reminderWindow, roundDuty } from '../../../../src/features/submissions/rules/duties';
import {
  currentLedger,
  isOwed,
  ledgerKey,
  mailedToday,
  withEntries,
} from '../../../../src/features/reminders/sheets/reminderLedger';
import {
  DIGEST_KEY,
  type DistrictReminder,
  owedMails,
  type ReminderPlan,
} from '../../../../src/features/reminders/sheets/reminderMail';

const today = dayOf(2022, 5, 26);
const day = isoOfDay(today);
const yesterday = isoOfDay(today - 1);
const round = roundDuty(2, dayOf(2022, 5, 27));
const status = dutyStatus(round, null, today);
const item = { duty: round, reason: 'roundAhead' as const, status, window: reminderWindow(round, status, today)! };
const district = (name: string, to: string[], overdue = false): DistrictReminder => ({
  district: name,
  to,
  invalid: [],
  items: [item],
  overdue,
});
const key = (to: string) => ledgerKey(2565, 'round:2', 'ahead1', to);

describe('the ledger', () => {
  test('owed: nothing kept, or an earlier day’s attempt that may not have gone; never what went', () => {
    const at = (state: 'pending' | 'sent' | 'failed', on: string) => ({
      [key('a@x.th')]: { state, day: on, until: day },
    });
    expect(isOwed({}, key('a@x.th'), day)).toBe(true);
    expect(isOwed(at('sent', yesterday), key('a@x.th'), day)).toBe(false);
    expect(isOwed(at('pending', yesterday), key('a@x.th'), day)).toBe(true);
    expect(isOwed(at('failed', yesterday), key('a@x.th'), day)).toBe(true);
    expect(isOwed(at('pending', day), key('a@x.th'), day)).toBe(false); // it may have gone today
    expect(mailedToday(at('failed', day), 'a@x.th', day)).toBe(true);
    expect(mailedToday(at('sent', yesterday), 'a@x.th', day)).toBe(false);
  });

  test('read back: ended windows and anything malformed are dropped', () => {
    const kept = {
      [key('a@x.th')]: { state: 'sent', day: yesterday, until: yesterday },
      [key('b@x.th')]: { state: 'sent', day: yesterday, until: day },
      [key('c@x.th')]: { state: 'sideways', day, until: day },
      [key('d@x.th')]: 'sent',
    };
    expect(Object.keys(currentLedger(kept, day))).toEqual([key('b@x.th')]);
    expect(currentLedger('garbage', day)).toEqual({});
  });
});

describe('what is owed today', () => {
  const plan = (districts: DistrictReminder[], digestTo: string[] = []): ReminderPlan => ({
    districts,
    overdue: districts.filter((d) => d.overdue),
    digestTo,
  });

  test('a district’s officers share one e-mail; someone named for two districts gets one with both', () => {
    const owed = owedMails(
      plan([district('ท่าบ่อ', ['a@x.th', 'b@x.th']), district('สังคม', ['b@x.th'])]),
      {},
      2565,
      today,
    );
    expect(owed.groups.map((g) => [g.to, g.labels])).toEqual([
      [['a@x.th'], ['ท่าบ่อ']],
      [['b@x.th'], ['ท่าบ่อ', 'สังคม']],
    ]);
  });

  test('someone e-mailed today waits for the next run; what went is not owed again', () => {
    const ledger = withEntries({}, [{ key: key('a@x.th'), until: day }], 'sent', yesterday);
    const mailed = withEntries(
      {},
      [{ key: ledgerKey(2565, 'month:2022-04', `day${today}`, 'b@x.th'), until: day }],
      'pending',
      day,
    );
    const owed = owedMails(plan([district('ท่าบ่อ', ['a@x.th', 'b@x.th'])]), { ...ledger, ...mailed }, 2565, today);
    expect(owed.groups).toEqual([]); // a: its window's reminder went yesterday; b: mailed (maybe) today
    expect(owed.held).toEqual(['ท่าบ่อ']);
  });

  test('a province editor who is also an officer gets the digest with their district, in one e-mail', () => {
    const owed = owedMails(plan([district('ท่าบ่อ', ['a@x.th'], true)], ['a@x.th', 'p@x.th']), {}, 2565, today);
    expect(owed.groups.map((g) => [g.to, g.labels, g.digest])).toEqual([
      [['a@x.th'], ['ท่าบ่อ', DIGEST_KEY], true],
      [['p@x.th'], [DIGEST_KEY], true],
    ]);
  });
});
