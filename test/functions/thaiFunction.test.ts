import { otopThai } from '../../src/functions/thaiFunction';

describe('OTOP_THAI', () => {
  test('numbers, text and dates', () => {
    expect(otopThai(241)).toBe('๒๔๑');
    expect(otopThai(4.98)).toBe('๔.๙๘');
    expect(otopThai(1e21)).toBe('๑๐๐๐๐๐๐๐๐๐๐๐๐๐๐๐๐๐๐๐๐๐');
    expect(otopThai('รอบที่ 1')).toBe('รอบที่ ๑');
    expect(otopThai(new Date(2022, 2, 25))).toBe('๒๕ มีนาคม ๒๕๖๕');
    expect(otopThai(new Date(2565, 2, 25))).toBe('๒๕ มีนาคม ๒๕๖๕'); // BE year in a date cell
  });
  test('a range keeps its shape; blanks stay blank; booleans unchanged', () => {
    expect(
      otopThai([
        [1, ''],
        [true, '2'],
      ]),
    ).toEqual([
      ['๑', ''],
      [true, '๒'],
    ]);
  });
});
