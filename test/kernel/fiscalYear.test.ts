import { CALENDAR_2565 } from '../../src/kernel/calendar';
import { dayOf, isoOfDay } from '../../src/kernel/civilDate';
import {
  beToCe,
  fiscalMonths,
  fiscalYearBounds,
  fiscalYearOf,
  monthEnd,
  nextMonthlyDue,
} from '../../src/kernel/fiscalYear';

describe('fiscal year', () => {
  test('FY 2565 runs 1 Oct 2564 to 30 Sep 2565 (2021-10-01 to 2022-09-30)', () => {
    const { start, end } = fiscalYearBounds(2565);
    expect(isoOfDay(start)).toBe('2021-10-01');
    expect(isoOfDay(end)).toBe('2022-09-30');
    expect(fiscalYearOf(start)).toBe(2565);
    expect(fiscalYearOf(end)).toBe(2565);
    expect(fiscalYearOf(start - 1)).toBe(2564);
    expect(fiscalYearOf(end + 1)).toBe(2566);
  });
  test('BE and CE', () => {
    expect(beToCe(2565)).toBe(2022);
  });
  test('the twelve months start in October', () => {
    const months = fiscalMonths(2565);
    expect(months[0]).toEqual({ year: 2021, month: 10 });
    expect(months[3]).toEqual({ year: 2022, month: 1 });
    expect(months[11]).toEqual({ year: 2022, month: 9 });
    expect(isoOfDay(monthEnd(2022, 2))).toBe('2022-02-28');
  });
});

describe('reporting calendar', () => {
  test('the monthly report is due on the 5th', () => {
    expect(isoOfDay(nextMonthlyDue(dayOf(2022, 3, 1), 5))).toBe('2022-03-05');
    expect(isoOfDay(nextMonthlyDue(dayOf(2022, 3, 5), 5))).toBe('2022-03-05');
    expect(isoOfDay(nextMonthlyDue(dayOf(2022, 3, 6), 5))).toBe('2022-04-05');
    expect(isoOfDay(nextMonthlyDue(dayOf(2021, 12, 20), 5))).toBe('2022-01-05');
    expect(isoOfDay(nextMonthlyDue(dayOf(2022, 2, 1), 31))).toBe('2022-02-28');
  });
  test('the three round deadlines of FY 2565 are Fridays 25 Mar, 27 May, 23 Sep 2022', () => {
    expect(CALENDAR_2565.rounds.map(isoOfDay)).toEqual(['2022-03-25', '2022-05-27', '2022-09-23']);
    for (const day of CALENDAR_2565.rounds) expect(new Date(isoOfDay(day)).getUTCDay()).toBe(5);
  });
});
