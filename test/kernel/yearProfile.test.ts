/**
 * The fiscal year's profile (src/kernel/yearProfile.ts): which measures a year has, and the
 * generators following it (scoring, the criteria table and sheet): a hypothetical year (only activities and new operators, or the three
 * in another order) changes their output; every real year's output is today's.
 */
import fc from 'fast-check';
import { CRITERIA_2565 } from '../../src/kernel/criteria';
import { MEASURE_BY_KEY, MEASURES } from '../../src/kernel/measures';
import { PROFILES, profileOf, type YearProfile } from '../../src/kernel/yearProfile';
import { assess, nextStepText, type Results } from '../../src/features/standing/rules/scoring';
import { districtResult, readFigures } from '../../src/features/standing/rules/districtResult';
import { criteriaFromRows, criteriaHeaders, criteriaToRows } from '../../src/features/setup/rules/criteriaTable';
import { criteriaRefs, criteriaSheetRows, criteriaWidth } from '../../src/features/setup/sheets/criteriaSheet';

const { activities, channels, newOperators } = MEASURE_BY_KEY;
/** A hypothetical later letter: from FY 2570 only activities and new operators count. */
const LATER: readonly YearProfile[] = [...PROFILES, { fiscalYear: 2570, measures: [activities, newOperators] }];
/** A hypothetical letter naming the three in another order. */
const REORDERED = [newOperators, activities, channels];

/** Mueang Nong Khai's 241 registered (targets at 5/4/3/2/1 %: 12, 10, 7, 5, 2). */
const mueang = (a: number, c: number, n: number): Results => ({
  activities: a,
  channels: c,
  newOperators: n,
  registered: 241,
});

describe('profileOf', () => {
  test('the real profiles: from FY 2565 on, the letter’s three measures in today’s order', () => {
    for (const year of [2565, 2566, 2570, 2600]) {
      expect(profileOf(year)).toEqual({ fiscalYear: year, measures: MEASURES });
    }
    // before the first letter the code knows: the first
    expect(profileOf(2560).measures).toBe(MEASURES);
  });

  test('a later letter’s row holds from its year on', () => {
    expect(profileOf(2569, LATER).measures.map((m) => m.key)).toEqual(['activities', 'channels', 'newOperators']);
    expect(profileOf(2570, LATER).measures.map((m) => m.key)).toEqual(['activities', 'newOperators']);
    expect(profileOf(2580, LATER).measures.map((m) => m.key)).toEqual(['activities', 'newOperators']);
  });
});

describe('scoring follows the year’s measures', () => {
  const fy2570 = profileOf(2570, LATER).measures;

  test('a year without channels: no channel is needed for any level, and none is named', () => {
    // no channel at all: below level 1 in FY 2565, level 5 when channels are not a measure
    expect(assess(mueang(5, 0, 12), CRITERIA_2565, MEASURES).score).toBe(0);
    const a = assess(mueang(5, 0, 12), CRITERIA_2565, fy2570);
    expect(a.score).toBe(5);
    expect(a.name).toBe('ดีมาก');
    const b = assess(mueang(2, 0, 5), CRITERIA_2565, fy2570);
    expect(b.score).toBe(2);
    expect(b.next).toEqual({ score: 3, name: 'ปานกลาง', activities: 1, channels: 0, newOperators: 2 });
    expect(nextStepText(b, fy2570)).toBe('ระดับถัดไป ปานกลาง (3 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง, ผู้ประกอบการรายใหม่อีก 2 ราย');
    // FY 2565's next step from the same counts asks for the channel too
    expect(nextStepText(assess(mueang(2, 0, 5), CRITERIA_2565, MEASURES), MEASURES)).toBe(
      'ระดับถัดไป ปรับปรุง (1 คะแนน): เพิ่มช่องทางออนไลน์อีก 1 ช่องทาง',
    );
  });

  test('the three in another order: the next step names them in that order', () => {
    const a = assess(mueang(2, 0, 5), CRITERIA_2565, REORDERED);
    expect(a.score).toBe(0);
    expect(nextStepText(assess(mueang(2, 1, 5), CRITERIA_2565, REORDERED), REORDERED)).toBe(
      'ระดับถัดไป ปานกลาง (3 คะแนน): เพิ่มผู้ประกอบการรายใหม่อีก 2 ราย, กิจกรรมอีก 1 ครั้ง',
    );
  });

  test('a district’s result (OTOP_DISTRICT’s and the server’s) scores with the year’s measures', () => {
    const counts = { activities: 5, channels: 0, newOperators: 12 };
    const now = districtResult(readFigures(241, 0), counts, CRITERIA_2565, 'registered', MEASURES);
    const later = districtResult(readFigures(241, 0), counts, CRITERIA_2565, 'registered', fy2570);
    expect([now.score, now.level]).toEqual([0, 'ต่ำกว่าเกณฑ์']);
    expect([later.score, later.level, later.next]).toEqual([5, 'ดีมาก', 'ถึงระดับสูงสุดแล้ว (ดีมาก)']);
  });

  test('every real year scores as FY 2565’s letter does (property)', () => {
    const results = fc.record({
      activities: fc.nat(10),
      channels: fc.nat(6),
      newOperators: fc.nat(30),
      registered: fc.nat(600),
    });
    fc.assert(
      fc.property(fc.integer({ min: 2500, max: 2700 }), results, (year, r) => {
        const { measures } = profileOf(year);
        const a = assess(r, CRITERIA_2565, measures);
        expect(a).toEqual(assess(r, CRITERIA_2565, [activities, channels, newOperators]));
        expect(nextStepText(a, measures)).toBe(nextStepText(a, [activities, channels, newOperators]));
      }),
      { numRuns: 500 },
    );
  });
});

/** FY 2565's criteria table as the sheet has shown it since the letter (header, levels 5–1, below). */
const TABLE_2565 = [
  ['คะแนน', 'ระดับ', 'กิจกรรม (ครั้ง) ≥', 'ช่องทางออนไลน์ ≥', 'ผู้ประกอบการรายใหม่ ≥ ร้อยละ', 'สีพื้น', 'สีตัวอักษร', 'ชื่อสี'],
  [5, 'ดีมาก', 5, 3, 5, '#137333', '#ffffff', 'เขียวเข้ม'],
  [4, 'ดี', 4, 2, 4, '#b7e1cd', '#0d3b21', 'เขียวอ่อน'],
  [3, 'ปานกลาง', 3, 1, 3, '#ffe599', '#3d3100', 'เหลือง'],
  [2, 'พัฒนา', 2, 1, 2, '#f6b26b', '#4a2300', 'ส้ม'],
  [1, 'ปรับปรุง', 0, 1, 1, '#c5221f', '#ffffff', 'แดง'],
  [0, 'ต่ำกว่าเกณฑ์', '', '', '', '#c5221f', '#ffffff', 'แดง'],
];

describe('the criteria table and sheet follow the year’s measures', () => {
  const fy2570 = profileOf(2570, LATER).measures;

  test('a year without channels: no channel column; read back, no channel minimum', () => {
    const rows = criteriaToRows(CRITERIA_2565, fy2570);
    expect(rows[0]).toEqual(['คะแนน', 'ระดับ', 'กิจกรรม (ครั้ง) ≥', 'ผู้ประกอบการรายใหม่ ≥ ร้อยละ', 'สีพื้น', 'สีตัวอักษร', 'ชื่อสี']);
    expect(rows[1]).toEqual([5, 'ดีมาก', 5, 5, '#137333', '#ffffff', 'เขียวเข้ม']);
    expect(rows[6]).toEqual([0, 'ต่ำกว่าเกณฑ์', '', '', '#c5221f', '#ffffff', 'แดง']);
    const back = criteriaFromRows(rows, fy2570);
    if (!back.ok) throw new Error(back.problem);
    expect(back.value.levels.map((l) => [l.score, l.minActivities, l.minChannels, l.percent, l.band.colour])).toEqual([
      [5, 5, 0, 5, 'เขียวเข้ม'],
      [4, 4, 0, 4, 'เขียวอ่อน'],
      [3, 3, 0, 3, 'เหลือง'],
      [2, 2, 0, 2, 'ส้ม'],
      [1, 0, 0, 1, 'แดง'],
    ]);
    expect(criteriaWidth(fy2570)).toBe(7);
    expect(criteriaRefs('เกณฑ์', fy2570)).toEqual({
      table: "'เกณฑ์'!$A$2:$G$8",
      channels: "'เกณฑ์'!$A$12:$Z",
      topActivities: "'เกณฑ์'!$C$3",
      topChannels: '',
    });
    expect(criteriaSheetRows(CRITERIA_2565, fy2570)[1]).toEqual(rows[0]);
  });

  test('the three in another order: columns, reading and problems in that order', () => {
    expect(criteriaHeaders(REORDERED).slice(2, 5)).toEqual([
      'ผู้ประกอบการรายใหม่ ≥ ร้อยละ',
      'กิจกรรม (ครั้ง) ≥',
      'ช่องทางออนไลน์ ≥',
    ]);
    const back = criteriaFromRows([[5, 'ดีมาก', 6, 5, 3]], REORDERED);
    if (!back.ok) throw new Error(back.problem);
    expect(back.value.levels[0]).toMatchObject({ minActivities: 5, minChannels: 3, percent: 6 });
    const bad = criteriaFromRows([[5, 'ดีมาก', 'ห้า', 5, 3]], REORDERED);
    expect(bad).toEqual({ ok: false, problem: 'เกณฑ์ แถวที่ 1: ผู้ประกอบการรายใหม่ ≥ ร้อยละ ต้องเป็นตัวเลข 0 ขึ้นไป' });
    expect(criteriaRefs('เกณฑ์', REORDERED).topActivities).toBe("'เกณฑ์'!$D$3");
  });

  test('every real year’s table is FY 2565’s, and reads back the same (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2500, max: 2700 }), (year) => {
        const { measures } = profileOf(year);
        expect(criteriaToRows(CRITERIA_2565, measures)).toEqual(TABLE_2565);
        expect(criteriaFromRows(TABLE_2565, measures)).toEqual({ ok: true, value: CRITERIA_2565 });
        expect(criteriaWidth(measures)).toBe(8);
        expect(criteriaRefs('เกณฑ์', measures)).toEqual({
          table: "'เกณฑ์'!$A$2:$H$8",
          channels: "'เกณฑ์'!$A$12:$Z",
          topActivities: "'เกณฑ์'!$C$3",
          topChannels: "'เกณฑ์'!$D$3",
        });
      }),
      { numRuns: 200 },
    );
  });
});
