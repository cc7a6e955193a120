import { parseCount, parseNumber, parsePositiveCount } from '../../src/kernel/numbers';
import { toArabicDigits, toThaiDigits } from '../../src/kernel/thaiDigits';

describe('Thai digits', () => {
  test('both ways', () => {
    expect(toThaiDigits('241 และ 2565')).toBe('๒๔๑ และ ๒๕๖๕');
    expect(toArabicDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(toArabicDigits(toThaiDigits('1,234.50'))).toBe('1,234.50');
  });
});

describe('parseNumber', () => {
  test.each([
    [241, 241],
    ['241', 241],
    ['๒๔๑', 241],
    [' 12 ', 12],
    ['1,234', 1234],
    ['๑,๒๓๔', 1234],
    ['1 234', 1234],
    ['12.5', 12.5],
    ['-3', -3],
    ['\u200b7\u200b', 7],
    ['\u00a08', 8],
  ])('%p → %p', (input, expected) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['abc', 'ไม่ใช่ตัวเลข'],
    ['12a', 'ไม่ใช่ตัวเลข'],
    ['1,23', 'ไม่ใช่ตัวเลข'],
    ['', 'ไม่มีค่า'],
    [true, 'จริง/เท็จ'],
    [new Date(2022, 0, 1), 'วันที่'],
    [NaN, 'ไม่ใช่ตัวเลข'],
    [null, 'ไม่มีค่า'],
  ])('%p is refused (%s)', (input, message) => {
    const parsed = parseNumber(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(message);
  });
});

describe('counts', () => {
  test('a count is a whole number, zero or more', () => {
    expect(parseCount('๐')).toEqual({ ok: true, value: 0 });
    expect(parseCount(-1)).toMatchObject({ ok: false, problem: expect.stringContaining('ติดลบ') });
    expect(parseCount(1.5)).toMatchObject({ ok: false, problem: expect.stringContaining('ทศนิยม') });
  });
  test('registered must be above zero', () => {
    expect(parsePositiveCount(0)).toMatchObject({ ok: false, problem: expect.stringContaining('0') });
    expect(parsePositiveCount('๒๙')).toEqual({ ok: true, value: 29 });
  });
});
