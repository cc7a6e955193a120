import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import { criteriaFromRows, criteriaToRows } from '../../../../src/features/setup/rules/criteriaTable';
import { profileOf } from '../../../../src/kernel/yearProfile';

/** FY 2565's measures (the letter's three). */
const FY2565 = profileOf(2565).measures;

describe('criteria table', () => {
  test('round-trips FY 2565’s criteria through the sheet layout', () => {
    const rows = criteriaToRows(CRITERIA_2565, FY2565);
    expect(rows[0][0]).toBe('คะแนน');
    expect(rows).toHaveLength(7);
    const parsed = criteriaFromRows(rows, FY2565);
    expect(parsed).toEqual({ ok: true, value: CRITERIA_2565 });
  });

  test('reads Thai digits and skips header and blank rows', () => {
    const rows = [['เกณฑ์ปี ๒๕๖๖'], [], ['คะแนน', 'ระดับ'], ['๕', 'ดีมาก', '๖', '๓', '๖'], ['1', 'ปรับปรุง', '', '1', '1']];
    const parsed = criteriaFromRows(rows, FY2565);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.value.levels.map((l) => [l.score, l.minActivities, l.minChannels, l.percent])).toEqual([
      [5, 6, 3, 6],
      [1, 0, 1, 1],
    ]);
    expect(parsed.value.levels[0].band.background).toBe('#137333'); // default band of score 5
  });

  test.each([
    [[[5, '', 5, 3, 5]], 'ไม่มีชื่อระดับ'],
    [[[5, 'ดีมาก', 'ห้า', 3, 5]], 'ต้องเป็นตัวเลข'],
    [[[5, 'ดีมาก', 5, 3, 5, 'green']], '#RRGGBB'],
    [
      [
        [5, 'ดีมาก', 5, 3, 5],
        [5, 'ดี', 4, 2, 4],
      ],
      'ซ้ำ',
    ],
    [
      [
        [5, 'ดีมาก', 3, 3, 5],
        [4, 'ดี', 4, 2, 4],
      ],
      'ต้องไม่ต่ำกว่าระดับ ดี',
    ],
    [[['คะแนน']], 'ไม่มีระดับ'],
  ])('rejects a broken table with a Thai message (%#)', (rows, message) => {
    const parsed = criteriaFromRows(rows as unknown[][], FY2565);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(message);
  });
});
