/** One district's result and the province total: each edge case decided once. */
import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import {
  districtResult,
  figureValue,
  percentBase,
  provinceTotal,
  readFigures,
  UNASSESSED,
} from '../../../../src/features/standing/rules/districtResult';
import { profileOf } from '../../../../src/kernel/yearProfile';

/** FY 2565's measures (the letter's three). */
const FY2565 = profileOf(2565).measures;

const counts = { activities: 5, channels: 3, newOperators: 12 };

describe('reading the figures the province typed', () => {
  test('whole numbers in number cells; a blank promoted is 0', () => {
    expect(readFigures(241, 16)).toEqual({ registered: 241, promoted: 16, problems: [] });
    expect(readFigures(241, '')).toEqual({ registered: 241, promoted: 0, problems: [] });
  });

  test.each([['74 ราย'], [''], [-3], [7.5], [true], ['๗๔ ราย']])(
    'registered %p is unreadable, with a Thai problem',
    (value) => {
      const figures = readFigures(value, 0);
      expect(figures.registered).toBeNull();
      expect(figures.problems).toHaveLength(1);
      expect(figures.problems[0]).toMatch(/ผู้ประกอบการทั้งหมด/);
    },
  );

  test.each([
    ['๗๔', 74],
    ['74', 74],
    [' ๑,๒๔๑ ', 1241],
    ['0', 0],
  ])('registered typed as text %p reads as %p, as Thai digits do everywhere (issue 20)', (value, expected) => {
    expect(readFigures(value, '๑๖')).toEqual({ registered: expected, promoted: 16, problems: [] });
  });

  test('the total adds what the rows read: Thai digits and text numbers, not unreadable text', () => {
    expect([241, '๑๐๒', '74', '', '74 ราย', true].map(figureValue)).toEqual([241, 102, 74, null, null, null]);
  });
});

describe('a district’s result', () => {
  test('the letter’s Mueang Nong Khai at the goal', () => {
    const r = districtResult(readFigures(241, 16), counts, CRITERIA_2565, 'registered', FY2565);
    expect([r.target, r.percent, r.score, r.level]).toEqual([12, 4.98, 5, 'ดีมาก']);
  });

  test('registered unreadable: counts kept, no target, percentage, score or level, and what to fix', () => {
    const r = districtResult(readFigures('74 ราย', 12), counts, CRITERIA_2565, 'registered', FY2565);
    expect([r.activities, r.channels, r.newOperators]).toEqual([5, 3, 12]);
    expect([r.target, r.percent, r.score, r.assessment, r.level]).toEqual([null, null, null, null, UNASSESSED]);
    expect(r.next).toContain('"74 ราย"');
  });

  test('0 registered: the target is still at least 1, no percentage', () => {
    const r = districtResult(
      readFigures(0, 0),
      { activities: 5, channels: 3, newOperators: 1 },
      CRITERIA_2565,
      'registered',
      FY2565,
    );
    expect([r.target, r.percent, r.score]).toEqual([1, null, 5]);
  });

  test('promoted = registered on the "never yet online" basis: no percentage, scoring unchanged', () => {
    const r = districtResult(readFigures(29, 29), counts, CRITERIA_2565, 'neverOnline', FY2565);
    expect(r.percent).toBeNull();
    expect(r.score).toBe(5);
  });

  test('the "never yet online" basis divides by registered − promoted', () => {
    expect(districtResult(readFigures(241, 16), counts, CRITERIA_2565, 'neverOnline', FY2565).percent).toBe(5.33);
    expect(percentBase(241, null, 'neverOnline')).toBeNull();
    expect(percentBase(241, null, 'registered')).toBe(241);
  });
});

describe('the province total', () => {
  const row = (registered: unknown, promoted: unknown, newOperators: number) => {
    const figures = readFigures(registered, promoted);
    return {
      figures,
      result: districtResult(
        figures,
        { activities: 1, channels: 1, newOperators },
        CRITERIA_2565,
        'registered',
        FY2565,
      ),
    };
  };

  test('sums of the readable figures and results, the percentage of the sums', () => {
    const total = provinceTotal([row(241, 16, 12), row(102, 18, 5), row('74 ราย', 12, 4)], 5, 'registered');
    expect(total).toEqual({
      registered: 343,
      promoted: 46,
      activityGoal: 15,
      target: 17,
      activities: 3,
      newOperators: 21,
      percent: 6.12,
    });
  });

  test('no base, no percentage', () => {
    expect(provinceTotal([row(0, 0, 0)], 5, 'registered').percent).toBeNull();
  });
});
