/** What is due when (src/features/submissions/rules/duties.ts), in Bangkok calendar days. */
import { CALENDAR_2565 } from '../../../../src/kernel/calendar';
import { dayOf, isoOfDay } from '../../../../src/kernel/civilDate';
import {
  carriedDuties,
  dueInNextYear,
  dutyKey,
  dutyStatus,
  fiscalDuties,
  monthDuty,
  parseDutyKey,
  reminderReason,
  reminderWindow,
  roundDuty,
  sameDuty,
  yearDuties,
} from '../../../../src/features/submissions/rules/duties';
import { sameWeekdayOfMonth, weekdayOf } from '../../../../src/kernel/fiscalYear';
import { defaultRounds, proposedRounds } from '../../../../src/kernel/settings';

const iso = (d: { opens: number; cutOff: number; due: number }) => ({
  opens: isoOfDay(d.opens),
  cutOff: isoOfDay(d.cutOff),
  due: isoOfDay(d.due),
});

describe('the duties of FY 2565', () => {
  const duties = fiscalDuties(CALENDAR_2565);

  test('twelve months from October, then the three rounds', () => {
    expect(duties.map(dutyKey)).toEqual([
      'month:2021-10',
      'month:2021-11',
      'month:2021-12',
      'month:2022-01',
      'month:2022-02',
      'month:2022-03',
      'month:2022-04',
      'month:2022-05',
      'month:2022-06',
      'month:2022-07',
      'month:2022-08',
      'month:2022-09',
      'round:2565:1',
      'round:2565:2',
      'round:2565:3',
    ]);
    expect(new Set(duties.map((d) => d.fiscalYear))).toEqual(new Set([2565]));
  });

  test('a month opens the day after it ends, counts to its last day and is due the 5th of the next month', () => {
    expect(iso(duties[0])).toEqual({ opens: '2021-11-01', cutOff: '2021-10-31', due: '2021-11-05' });
    expect(iso(duties[2])).toEqual({ opens: '2022-01-01', cutOff: '2021-12-31', due: '2022-01-05' }); // over the year's end
    expect(iso(duties[11])).toEqual({ opens: '2022-10-01', cutOff: '2022-09-30', due: '2022-10-05' }); // after the fiscal year
  });

  test('a round opens a week before its deadline, counts to the deadline and is due on it', () => {
    expect(iso(duties[12])).toEqual({ opens: '2022-03-18', cutOff: '2022-03-25', due: '2022-03-25' });
    expect(iso(duties[13])).toEqual({ opens: '2022-05-20', cutOff: '2022-05-27', due: '2022-05-27' });
    expect(iso(duties[14])).toEqual({ opens: '2022-09-16', cutOff: '2022-09-23', due: '2022-09-23' });
  });

  test('a due day beyond the next month’s length falls on its last day', () => {
    expect(isoOfDay(monthDuty(2022, 1, 31).due)).toBe('2022-02-28');
    expect(isoOfDay(monthDuty(2024, 1, 31).due)).toBe('2024-02-29');
  });

  test('keys read back with their fiscal year; a round key of earlier versions names none; anything else is not a duty', () => {
    expect(parseDutyKey('month:2021-10')).toEqual({ kind: 'month', period: '2021-10', fiscalYear: 2565 });
    expect(parseDutyKey('month:2022-09')).toEqual({ kind: 'month', period: '2022-09', fiscalYear: 2565 });
    expect(parseDutyKey('round:2566:3')).toEqual({ kind: 'round', period: '3', fiscalYear: 2566 });
    expect(parseDutyKey('round:3')).toEqual({ kind: 'round', period: '3', fiscalYear: null });
    for (const bad of ['month:2021-13', 'round:0', 'round:x', '=1+1', '', 'month:21-10', 'round:2566:0'])
      expect(parseDutyKey(bad)).toBeNull();
    for (const d of duties)
      expect(parseDutyKey(dutyKey(d))).toEqual({ kind: d.kind, period: d.period, fiscalYear: 2565 });
  });
});

describe('a fiscal year’s duties and the year before', () => {
  const fy2566 = { fiscalYear: 2566, monthlyDueDay: 5, rounds: CALENDAR_2565.rounds.map((d) => d + 364) };

  test('the previous year’s September report is owed in October when the workbook kept that year', () => {
    const carried = carriedDuties(fy2566, [2565]);
    expect(carried.map(dutyKey)).toEqual(['month:2022-09']);
    expect(carried[0].fiscalYear).toBe(2565);
    expect(isoOfDay(carried[0].due)).toBe('2022-10-05');
    expect(yearDuties(fy2566, [2565]).map(dutyKey).slice(0, 2)).toEqual(['month:2022-09', 'month:2022-10']);
    expect(yearDuties(fy2566, [2565]).at(-1)?.fiscalYear).toBe(2566);
  });

  test('the letter’s first year owes nothing of FY 2564; a year not kept carries nothing', () => {
    expect(carriedDuties(CALENDAR_2565, [])).toEqual([]);
    expect(carriedDuties(CALENDAR_2565, [2565])).toEqual([]);
    expect(carriedDuties(fy2566, [2564, 2566])).toEqual([]);
  });

  test('a September report is due in the next fiscal year; no other duty of the letter’s year is', () => {
    const duties = fiscalDuties(CALENDAR_2565);
    expect(duties.filter(dueInNextYear).map(dutyKey)).toEqual(['month:2022-09']);
  });

  test('the same duty is the same kind, period and fiscal year', () => {
    const a = roundDuty(1, CALENDAR_2565.rounds[0], 2565);
    expect(sameDuty(a, { kind: 'round', period: '1', fiscalYear: 2565 })).toBe(true);
    expect(sameDuty(a, { kind: 'round', period: '1', fiscalYear: 2566 })).toBe(false);
  });
});

describe('next year’s deadlines proposed from this year’s', () => {
  test('each round on the same weekday of the same week of its month: FY 2565’s fourth Fridays', () => {
    const fy2566 = proposedRounds(CALENDAR_2565.rounds, 1).map(isoOfDay);
    expect(fy2566).toEqual(['2023-03-24', '2023-05-26', '2023-09-22']);
    expect(proposedRounds(CALENDAR_2565.rounds, 2).map(isoOfDay)).toEqual(['2024-03-22', '2024-05-24', '2024-09-27']);
    for (const d of proposedRounds(CALENDAR_2565.rounds, 5)) expect(weekdayOf(d)).toBe(5);
    expect(defaultRounds(2565).map(isoOfDay)).toEqual(['2022-03-25', '2022-05-27', '2022-09-23']);
  });

  test('a fifth week the month does not have gives its last such weekday', () => {
    // Tue 31 Mar 2020 is the fifth Tuesday; March 2021 has four (its last: 30 Mar)
    expect(isoOfDay(sameWeekdayOfMonth(dayOf(2020, 3, 31), 1))).toBe('2021-03-30');
  });
});

describe('where a duty stands', () => {
  const october = monthDuty(2021, 10, 5);
  const day = (d: number, m = 11, y = 2021) => dayOf(y, m, d);

  test('not yet due, up to and on its due day; overdue from the day after', () => {
    expect(dutyStatus(october, null, day(31, 10))).toMatchObject({ state: 'notYetDue', open: false, daysLeft: 5 });
    expect(dutyStatus(october, null, day(1))).toMatchObject({ state: 'notYetDue', open: true, daysLeft: 4 });
    expect(dutyStatus(october, null, day(5))).toMatchObject({ state: 'notYetDue', daysLeft: 0, daysLate: 0 });
    expect(dutyStatus(october, null, day(6))).toMatchObject({ state: 'overdue', daysLate: 1 });
    expect(dutyStatus(october, null, day(20))).toMatchObject({ state: 'overdue', daysLate: 15 });
  });

  test('on time when first submitted by the due day; late by the days after it', () => {
    expect(dutyStatus(october, day(5), day(20))).toMatchObject({ state: 'onTime', submitted: day(5), daysLate: 0 });
    expect(dutyStatus(october, day(1), day(2))).toMatchObject({ state: 'onTime' });
    expect(dutyStatus(october, day(8), day(20))).toMatchObject({ state: 'late', daysLate: 3 });
  });
});

describe('when a district is reminded', () => {
  const reason = (duty: ReturnType<typeof monthDuty>, today: number, submitted: number | null = null) =>
    reminderReason(duty, dutyStatus(duty, submitted, today));

  test('a monthly report: within 3 days of its due day once open, then every day it is overdue', () => {
    const october = monthDuty(2021, 10, 5);
    const on = (d: number) => reason(october, dayOf(2021, 11, d));
    expect([on(1), on(2), on(3), on(4), on(5), on(6), on(30)]).toEqual([
      null,
      'dueSoon',
      'dueSoon',
      'dueSoon',
      'dueSoon',
      'overdue',
      'overdue',
    ]);
    expect(reason(october, dayOf(2021, 10, 31))).toBeNull();
    expect(reason(october, dayOf(2021, 11, 4), dayOf(2021, 11, 3))).toBeNull(); // submitted
    expect(reason(october, dayOf(2021, 11, 20), dayOf(2021, 11, 8))).toBeNull(); // submitted late
  });

  test('a round summary: 7 days and 1 day before its deadline, then every day it is overdue', () => {
    const round = roundDuty(1, dayOf(2022, 3, 25));
    const on = (d: number, m = 3) => reason(round, dayOf(2022, m, d));
    expect([on(17), on(18), on(19), on(23), on(24), on(25), on(26), on(2, 4)]).toEqual([
      null,
      'roundAhead',
      null,
      null,
      'roundAhead',
      null,
      'overdue',
      'overdue',
    ]);
    expect(reason(round, dayOf(2022, 3, 24), dayOf(2022, 3, 20))).toBeNull();
  });
});

describe('the reminder windows: a reminder missed on its day is still owed until the window ends', () => {
  const window = (duty: ReturnType<typeof roundDuty>, today: number, submitted: number | null = null) => {
    const w = reminderWindow(duty, dutyStatus(duty, submitted, today), today);
    return w && `${w.id}/${w.reason}/${isoOfDay(w.last)}`;
  };

  test('a round: from 7 days before to 2 days before, then from 1 day before to the deadline', () => {
    const round = roundDuty(1, dayOf(2022, 3, 25));
    const on = (d: number) => window(round, dayOf(2022, 3, d));
    expect(on(17)).toBeNull();
    for (const d of [18, 19, 20, 21, 22, 23]) expect(on(d)).toBe('ahead7/roundAhead/2022-03-23');
    for (const d of [24, 25]) expect(on(d)).toBe('ahead1/roundAhead/2022-03-25');
    expect(on(26)).toBe(`day${dayOf(2022, 3, 26)}/overdue/2022-03-26`);
    expect(window(round, dayOf(2022, 3, 21), dayOf(2022, 3, 20))).toBeNull(); // submitted
  });

  test('a monthly report due soon or any overdue duty: each day is its own window', () => {
    const october = monthDuty(2021, 10, 5);
    const on = (d: number) => window(october, dayOf(2021, 11, d));
    expect(on(1)).toBeNull();
    expect(on(3)).toBe(`day${dayOf(2021, 11, 3)}/dueSoon/2021-11-03`);
    expect(on(7)).toBe(`day${dayOf(2021, 11, 7)}/overdue/2021-11-07`);
  });
});
