import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import { criteriaToRows } from '../../../../src/features/setup/rules/criteriaTable';
import { districtResult, readFigures } from '../../../../src/features/standing/rules/districtResult';
import { NONG_KHAI_DISTRICTS } from '../../../../src/features/setup/rules/districts';
import {
  otopLevel,
  otopNext,
  otopPercent,
  otopScore,
  otopTarget,
} from '../../../../src/features/standing/functions/scoringFunctions';
import { profileOf } from '../../../../src/kernel/yearProfile';

/** FY 2565's measures (the letter's three). */
const FY2565 = profileOf(2565).measures;

const column = (values: unknown[]) => values.map((v) => [v]);

describe('OTOP_TARGET', () => {
  test('=OTOP_TARGET(241) is 12; percent defaults to 5', () => {
    expect(otopTarget(241)).toBe(12);
    expect(otopTarget(241, 5)).toBe(12);
    expect(otopTarget(241, 4)).toBe(10);
  });
  test('a percent-formatted cell (5 % arrives as 0.05) reads as 5 %', () => {
    expect(otopTarget(241, 0.05)).toBe(12);
  });
  test('a column in, a column out: the letter’s whole table in one call', () => {
    expect(otopTarget(column(NONG_KHAI_DISTRICTS.map((d) => d.registered)))).toEqual(
      column([12, 5, 4, 6, 5, 2, 3, 3, 1]),
    );
  });
  test('Thai digits and blank rows', () => {
    expect(otopTarget(column(['๒๔๑', '', '๒๙']))).toEqual(column([12, '', 1]));
  });
  test.each([
    [['abc'], /OTOP_TARGET: จำนวนผู้ประกอบการที่ลงทะเบียน "abc" ไม่ใช่ตัวเลข/],
    [[-5], /ติดลบ/],
    [[24.5], /ทศนิยม/],
    [[241, 0], /ร้อยละ .*ต้องมากกว่า 0/],
    [[241, 101], /ไม่เกิน 100/],
    [[[[241], ['x']]], /แถวที่ 2 ของช่วง/],
    [[[[241, 5]]], /ต้องเป็นช่วงคอลัมน์เดียว/],
  ])('bad input %p throws a Thai message', (args, message) => {
    expect(() => otopTarget(...(args as [unknown, unknown?]))).toThrow(message);
  });
});

describe('OTOP_PERCENT', () => {
  test('=OTOP_PERCENT(12, 241) is 4.98', () => {
    expect(otopPercent(12, 241)).toBe(4.98);
  });
  test('columns, and a blank new-operator count is 0 %', () => {
    expect(otopPercent(column([12, '', 1]), column([241, 102, 29]))).toEqual(column([4.98, 0, 3.45]));
  });
  test('the other basis: of the operators never yet online', () => {
    expect(otopPercent(12, 241, 16)).toBe(5.33); // 12 / 225
  });
  test('registered of 0 is refused: it is the divisor', () => {
    expect(() => otopPercent(1, 0)).toThrow(/OTOP_PERCENT: จำนวนผู้ประกอบการที่ลงทะเบียน เป็น 0/);
  });
  test('ranges of different heights are refused', () => {
    expect(() => otopPercent(column([1, 2]), column([10]))).toThrow(/ไม่เท่ากับช่วงอื่น/);
  });
});

describe('OTOP_SCORE, OTOP_LEVEL, OTOP_NEXT', () => {
  test('four values', () => {
    expect(otopScore(5, 3, 12, 241)).toBe(5);
    expect(otopLevel(5, 3, 12, 241)).toBe('ดีมาก');
    expect(otopLevel(2, 1, 5, 241)).toBe('พัฒนา');
    expect(otopLevel(0, 0, 0, 241)).toBe('ต่ำกว่าเกณฑ์');
    expect(otopNext(5, 3, 12, 241)).toBe('ถึงระดับสูงสุดแล้ว (ดีมาก)');
    expect(otopNext(4, 3, 12, 241)).toBe('ระดับถัดไป ดีมาก (5 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง');
  });
  test('0 registered scores as the district table scores it: counts decide, nothing is divided (issue 20)', () => {
    const counts = { activities: 5, channels: 3, newOperators: 1 };
    const table = districtResult(readFigures(0, 0), counts, CRITERIA_2565, 'registered', FY2565);
    expect(otopScore(5, 3, 1, 0)).toBe(table.score);
    expect(otopLevel(5, 3, 1, 0)).toBe(table.level);
    expect(otopNext(4, 3, 0, 0)).toBe(
      districtResult(
        readFigures(0, 0),
        { ...counts, activities: 4, newOperators: 0 },
        CRITERIA_2565,
        'registered',
        FY2565,
      ).next,
    );
    expect([table.score, table.level]).toEqual([5, 'ดีมาก']);
  });
  test('one row range of four cells: =OTOP_LEVEL(H5:K5)', () => {
    expect(otopLevel([[3, 1, 7, 241]])).toEqual([['ปานกลาง']]);
    expect(otopScore([['๕', '๓', '๑๒', '๒๔๑']])).toEqual([[5]]);
  });
  test('a four-column range of many rows fills a column; blank rows stay blank', () => {
    expect(
      otopScore([
        [5, 3, 12, 241],
        ['', '', '', ''],
        [0, 1, 1, 29],
      ]),
    ).toEqual(column([5, '', 1]));
  });
  test('columns for each argument', () => {
    expect(otopLevel(column([5, 1]), column([3, 1]), column([12, 1]), column([241, 29]))).toEqual(
      column(['ดีมาก', 'ปรับปรุง']),
    );
  });
  test('blank counts are zero; a blank registered with counts is an error', () => {
    expect(otopScore('', 1, 2, 241)).toBe(1);
    expect(() => otopScore(5, 3, 12, '')).toThrow(/ลงทะเบียน ไม่มีค่า/);
  });
  test('an optional criteria range, after four values or after the row range', () => {
    const rows = criteriaToRows(CRITERIA_2565, FY2565);
    rows[1][2] = 6; // ดีมาก now needs 6 activities
    expect(otopScore(5, 3, 12, 241, rows)).toBe(4);
    expect(otopScore([[5, 3, 12, 241]], rows)).toEqual([[4]]);
    expect(otopScore(6, 3, 12, 241, rows)).toBe(5);
  });
  test('a broken criteria range is reported in Thai', () => {
    expect(() => otopScore(5, 3, 12, 241, [[5, 'ดีมาก', 'x', 3, 5]])).toThrow(/OTOP_SCORE: ช่วงเกณฑ์ .*ต้องเป็นตัวเลข/);
  });
  test('the wrong number of arguments says how to call it', () => {
    expect(() => otopScore(5, 3)).toThrow(/ต้องใส่ 4 ค่า/);
    expect(() => otopLevel([[1, 2, 3]])).toThrow(/ช่วง 4 คอลัมน์/);
  });
  test('negative or fractional counts name the value and the row', () => {
    expect(() => otopScore(-1, 3, 12, 241)).toThrow(/จำนวนกิจกรรม "-1" ติดลบ/);
    expect(() => otopScore(column([1, 2]), column([1, 1.5]), column([1, 1]), column([29, 29]))).toThrow(
      /จำนวนช่องทางออนไลน์ \(แถวที่ 2 ของช่วง\) "1.5" มีทศนิยม/,
    );
  });
});
