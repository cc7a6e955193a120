import {
  canonicalDistrictName,
  districtKey,
  districtMatcher,
  knownDistrict,
  NONG_KHAI_DISTRICTS,
} from '../../../../src/features/setup/rules/districts';
import { nameKey } from '../../../../src/kernel/text';

describe('districts', () => {
  test('the nine districts in the letter’s order', () => {
    expect(NONG_KHAI_DISTRICTS.map((d) => d.name)).toEqual([
      'เมืองหนองคาย',
      'โพนพิสัย',
      'ท่าบ่อ',
      'รัตนวาปี',
      'เฝ้าไร่',
      'ศรีเชียงใหม่',
      'สระใคร',
      'สังคม',
      'โพธิ์ตาก',
    ]);
  });

  test.each([
    ['เมืงหนองคาย', 'เมืองหนองคาย'],
    ['อำเภอเมืองหนองคาย', 'เมืองหนองคาย'],
    ['อ.เมืองหนองคาย', 'เมืองหนองคาย'],
    ['อ. เมือง หนองคาย', 'เมืองหนองคาย'],
    ['โพธิ์พิสัย', 'โพนพิสัย'],
    ['อำเภอ โพธิ์พิสัย', 'โพนพิสัย'],
    ['เผ่าไร่', 'เฝ้าไร่'],
    [' เฝ้า ไร่ ', 'เฝ้าไร่'],
    ['ท่า\u200bบ่อ', 'ท่าบ่อ'],
  ])('%p is %p', (typed, canonical) => {
    expect(knownDistrict(typed)?.name).toBe(canonical);
    expect(canonicalDistrictName(typed)).toBe(canonical);
  });

  test('an unknown name stays as typed, without prefix', () => {
    expect(knownDistrict('บึงกาฬ')).toBeUndefined();
    expect(canonicalDistrictName('อำเภอ บึงกาฬ')).toBe('บึงกาฬ');
  });

  test('a matcher over a table of names (any spelling in the table works)', () => {
    const match = districtMatcher(['เมืงหนองคาย', 'โพนพิสัย', 'บึงกาฬ']);
    expect(match('อ.เมืองหนองคาย')).toBe(0);
    expect(match('โพธิ์พิสัย')).toBe(1);
    expect(match('อำเภอบึงกาฬ')).toBe(2);
    expect(match('ท่าบ่อ')).toBe(-1);
    expect(match('')).toBe(-1);
  });

  test('keys ignore case, spaces, zero-width characters and Thai digits', () => {
    expect(nameKey(' OTOP  Group ๑ ')).toBe('otopgroup1');
    expect(nameKey('กลุ่ม\u200bทอผ้า')).toBe(nameKey('กลุ่ม ทอผ้า'));
    expect(districtKey('อำเภอท่าบ่อ')).toBe(districtKey('ท่าบ่อ'));
  });
});
