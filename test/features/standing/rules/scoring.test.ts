import { CRITERIA_2565, levelOfScore } from '../../../../src/kernel/criteria';
import { assess, nextStepText, type Results } from '../../../../src/features/standing/rules/scoring';
import { profileOf } from '../../../../src/kernel/yearProfile';

/** FY 2565's measures (the letter's three). */
const FY2565 = profileOf(2565).measures;

const mueang = (activities: number, channels: number, newOperators: number): Results => ({
  activities,
  channels,
  newOperators,
  registered: 241,
});
const score = (r: Results) => assess(r, CRITERIA_2565, FY2565).score;

describe('score: the highest level whose every condition is met', () => {
  test('each level at its exact boundary (Mueang Nong Khai, 241 registered)', () => {
    // targets at 5/4/3/2/1 %: 12, 10, 7, 5, 2
    expect(score(mueang(5, 3, 12))).toBe(5);
    expect(score(mueang(4, 2, 10))).toBe(4);
    expect(score(mueang(3, 1, 7))).toBe(3);
    expect(score(mueang(2, 1, 5))).toBe(2);
    expect(score(mueang(0, 1, 2))).toBe(1);
  });

  test('one short of a boundary drops a level', () => {
    expect(score(mueang(4, 3, 12))).toBe(4); // activities 4 < 5
    expect(score(mueang(5, 2, 12))).toBe(4); // channels 2 < 3
    expect(score(mueang(5, 3, 11))).toBe(4); // 11 < 12
    expect(score(mueang(3, 2, 10))).toBe(3);
    expect(score(mueang(2, 1, 6))).toBe(2);
    expect(score(mueang(1, 1, 5))).toBe(1);
  });

  test('counts decide, not percentages: 12 of 241 is 4.98 % and still scores 5', () => {
    expect(score(mueang(5, 3, 12))).toBe(5);
    // Phon Phisai 102 → 5, Sakhrai 62 → 3, Sangkhom 63 → 3, Pho Tak 29 → 1: each meets 5 % by count
    for (const [registered, target] of [
      [102, 5],
      [62, 3],
      [63, 3],
      [29, 1],
    ]) {
      expect(
        assess({ activities: 5, channels: 3, newOperators: target, registered }, CRITERIA_2565, FY2565).score,
      ).toBe(5);
    }
  });

  test('level 1 has no activity minimum: 0 or 1 activity with one channel scores 1', () => {
    expect(score(mueang(0, 1, 2))).toBe(1);
    expect(score(mueang(1, 1, 2))).toBe(1);
  });

  test('below level 1 (no channel with a new operator) scores 0, ต่ำกว่าเกณฑ์, in the red band', () => {
    const a = assess(mueang(5, 0, 0), CRITERIA_2565, FY2565);
    expect(a.score).toBe(0);
    expect(a.name).toBe('ต่ำกว่าเกณฑ์');
    expect(a.band).toEqual(levelOfScore(CRITERIA_2565, 1).band);
    expect(score(mueang(5, 3, 1))).toBe(0); // target at 1 % of 241 is 2
  });

  test('level names', () => {
    expect([5, 4, 3, 2, 1, 0].map((s) => levelOfScore(CRITERIA_2565, s).name)).toEqual([
      'ดีมาก',
      'ดี',
      'ปานกลาง',
      'พัฒนา',
      'ปรับปรุง',
      'ต่ำกว่าเกณฑ์',
    ]);
  });
});

describe('breakdown and gap to the next level', () => {
  test('activities level and online level are reported separately', () => {
    const a = assess(mueang(5, 1, 5), CRITERIA_2565, FY2565);
    expect(a.activitiesLevel).toBe(5);
    expect(a.onlineLevel).toBe(2);
    expect(a.score).toBe(2);
  });

  test('the gap names how many more activities, channels and new operators', () => {
    const a = assess(mueang(2, 1, 5), CRITERIA_2565, FY2565);
    expect(a.next).toEqual({ score: 3, name: 'ปานกลาง', activities: 1, channels: 0, newOperators: 2 });
    expect(nextStepText(a, FY2565)).toBe('ระดับถัดไป ปานกลาง (3 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง, ผู้ประกอบการรายใหม่อีก 2 ราย');
  });

  test('from 0 the next level is 1', () => {
    const a = assess(mueang(0, 0, 0), CRITERIA_2565, FY2565);
    expect(a.next).toEqual({ score: 1, name: 'ปรับปรุง', activities: 0, channels: 1, newOperators: 2 });
  });

  test('at the top level there is no gap', () => {
    const a = assess(mueang(9, 4, 20), CRITERIA_2565, FY2565);
    expect(a.next).toBeNull();
    expect(nextStepText(a, FY2565)).toBe('ถึงระดับสูงสุดแล้ว (ดีมาก)');
  });
});

describe('criteria are data', () => {
  test('a next-year criteria value changes the result without code', () => {
    const stricter = {
      ...CRITERIA_2565,
      levels: CRITERIA_2565.levels.map((l) => (l.score === 5 ? { ...l, minActivities: 6, percent: 6 } : l)),
    };
    expect(assess(mueang(5, 3, 12), CRITERIA_2565, FY2565).score).toBe(5);
    expect(assess(mueang(5, 3, 12), stricter, FY2565).score).toBe(4);
    expect(assess(mueang(6, 3, 14), stricter, FY2565).score).toBe(5); // 6 % of 241 = 14.46 → 14
  });
});
