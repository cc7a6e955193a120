import { toThaiDigits } from '../../src/kernel/thaiDigits';
import { otopThai } from '../../src/kernel/thaiFunction';

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
  test('numbers read exactly as toLocaleString writes them (one number format, made once)', () => {
    const numbers = [0, -0, 1, -5, 4.98, 0.1 + 0.2, 1e21, 1e-7, 123456789.12345679, 2 ** 53, -1234.5, 1 / 3];
    const plain = (v: number) => v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 });
    expect(otopThai(numbers.map((v) => [v]))).toEqual(numbers.map((v) => [toThaiDigits(plain(v))]));
    expect(otopThai([[Number.POSITIVE_INFINITY, Number.NaN]])).toEqual([['Infinity', 'NaN']]);
  });
});
