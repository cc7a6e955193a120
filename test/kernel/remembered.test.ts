import { parseDate } from '../../src/kernel/dateParse';
import { madeOnFirstUse, Remembered } from '../../src/kernel/remembered';
import { namesYear } from '../../src/kernel/yearLabels';
import { knownDistrict } from '../../src/features/setup/rules/districts';

test('an answer is made once per key, and at most `kept` answers are kept', () => {
  const made: string[] = [];
  const upper = new Remembered((text: string) => {
    made.push(text);
    return text.toUpperCase();
  }, 2);
  expect([upper.of('a'), upper.of('b'), upper.of('a')]).toEqual(['A', 'B', 'A']);
  expect(made).toEqual(['a', 'b']);
  // a third key restarts the full cache: 'a' is made again afterwards
  expect([upper.of('c'), upper.of('a')]).toEqual(['C', 'A']);
  expect(made).toEqual(['a', 'b', 'c', 'a']);
});

test('a value made on first use is made then, once, and not when declared', () => {
  let made = 0;
  const table = madeOnFirstUse(() => {
    made += 1;
    return new Map([['a', 1]]);
  });
  expect(made).toBe(0);
  expect(table().get('a')).toBe(1);
  expect(table()).toBe(table());
  expect(made).toBe(1);
});

test("the districts', months' and year labels' readers answer through their tables made on first use", () => {
  // each reader's first call makes its table; a label without digits names no year
  expect(knownDistrict('อ. เมืองหนองคาย')?.name).toBe('เมืองหนองคาย');
  expect(knownDistrict('เผ่าไร่')?.name).toBe('เฝ้าไร่');
  expect(parseDate('3 มี.ค. 65')).toEqual(parseDate('3 มีนาคม 2565'));
  expect(namesYear('ฐาน ๒๕๖๔')).toBe(true);
  expect(namesYear('ชื่อกลุ่ม/ผู้ประกอบการ')).toBe(false);
  expect(namesYear('ปี 2565')).toBe(true);
});
