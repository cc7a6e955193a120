import { Remembered } from '../../src/kernel/remembered';

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
