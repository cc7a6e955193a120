import { NONG_KHAI_DISTRICTS } from '../../../../src/features/setup/rules/districts';
import { operatorTarget, percentage } from '../../../../src/features/standing/rules/targets';

describe('operatorTarget: round half up in integers, at least 1', () => {
  test('reproduces every figure of the letter’s target table and its totals', () => {
    const targets = NONG_KHAI_DISTRICTS.map((d) => operatorTarget(d.registered, 5));
    expect(targets).toEqual([12, 5, 4, 6, 5, 2, 3, 3, 1]);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(NONG_KHAI_DISTRICTS.map((d) => d.registered))).toBe(818);
    expect(sum(NONG_KHAI_DISTRICTS.map((d) => d.promoted))).toBe(118);
    expect(sum(targets)).toBe(41);
    expect(NONG_KHAI_DISTRICTS.length * 5).toBe(45);
  });

  test('half rounds up (93 × 5 % = 4.65 → 5, 50 × 5 % = 2.5 → 3)', () => {
    expect(operatorTarget(93, 5)).toBe(5);
    expect(operatorTarget(241, 5)).toBe(12); // 12.05
    expect(operatorTarget(29, 5)).toBe(1); // 1.45
    expect(operatorTarget(50, 5)).toBe(3); // 2.5 exactly → 3
    expect(operatorTarget(30, 5)).toBe(2); // 1.5 → 2
  });

  test('is at least 1, also for tiny districts and low percents', () => {
    expect(operatorTarget(0, 5)).toBe(1);
    expect(operatorTarget(29, 1)).toBe(1); // 0.29
    expect(operatorTarget(10, 1)).toBe(1);
  });

  test('other percents and fractional percents stay exact', () => {
    expect(operatorTarget(241, 4)).toBe(10); // 9.64
    expect(operatorTarget(241, 3)).toBe(7); // 7.23
    expect(operatorTarget(241, 2)).toBe(5); // 4.82
    expect(operatorTarget(241, 1)).toBe(2); // 2.41
    expect(operatorTarget(100, 2.5)).toBe(3); // 2.5 → 3
    expect(operatorTarget(1000, 0.15)).toBe(2); // 1.5 → 2
  });
});

describe('percentage: two decimals, half up, exact', () => {
  test('12 of 241 is 4.98 (so percentages must not decide the level)', () => {
    expect(percentage(12, 241)).toBe(4.98);
    expect(percentage(12, 241)).toBeLessThan(5);
  });
  test('rounds half up at the third decimal', () => {
    expect(percentage(1, 8)).toBe(12.5);
    expect(percentage(1, 3)).toBe(33.33);
    expect(percentage(2, 3)).toBe(66.67);
    expect(percentage(1, 16)).toBe(6.25);
    expect(percentage(1, 32)).toBe(3.13); // 3.125 → 3.13
    expect(percentage(0, 10)).toBe(0);
    expect(percentage(10, 10)).toBe(100);
  });
});
