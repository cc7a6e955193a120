/**
 * The text keys' fast paths (a single test that skips the replacements) agree with their
 * plain definitions on random mixes of the characters officers type and paste.
 */
import { cleanText, foldLookAlikes, isBlank, nameKey, spellingKey } from '../../src/kernel/text';
import { toArabicDigits } from '../../src/kernel/thaiDigits';

/** Thai letters and vowels, both digit systems, both cases, every kind of space and invisible. */
const ALPHABET = [
  ...'กขคงนมยรลวสหอะาิีึืุูเแโใไ่้๊๋็์ๆฯ',
  ...'๐๑๒๓๔๕๖๗๘๙',
  ...'0123456789',
  ...'aZbYÉéÖöЖж-./',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u202a',
  '\u2060',
  '\u2066',
  '\ufeff',
  '\u00ad',
  '\u3000',
  '\u2003',
  '\u1680',
];

/** A deterministic generator of strings (a linear congruential sequence). */
function randomTexts_(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 12);
    let text = '';
    for (let i = 0; i < length; i++) {
      // Half the texts stay in Thai letters only, the kind the fast path returns untouched.
      const pool = next() < 0.5 ? 36 : ALPHABET.length;
      text += ALPHABET[Math.floor(next() * pool)];
    }
    return text;
  });
}

const TEXTS = randomTexts_(20_000, 42);

test('spellingKey is: no white space or invisible characters, lower case, Arabic digits', () => {
  const drop = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]+/g;
  const differing = TEXTS.filter((text) => spellingKey(text) !== toArabicDigits(text.replace(drop, '').toLowerCase()));
  expect(differing).toEqual([]);
  expect(TEXTS.filter((text) => spellingKey(text) === text).length).toBeGreaterThan(5_000); // the fast path is taken
  expect(spellingKey(' กลุ่ม\u200bแม่บ้าน ๑๒ ABC ')).toBe('กลุ่มแม่บ้าน12abc');
});

test('nameKey is the spelling key with look-alike Thai spellings folded', () => {
  expect(TEXTS.filter((text) => nameKey(text) !== foldLookAlikes(spellingKey(text)))).toEqual([]);
  expect(nameKey(' กลุ่ม\u200bแม่บ้าน ๑๒ ABC ')).toBe('กลุ่มแม่บ้าน12abc');
});

describe('look-alike Thai spellings compare equal', () => {
  test.each([
    ['sara am typed as nikhahit + sara aa', 'กลุ่มทํานา', 'กลุ่มทำนา'],
    ['sara am typed as nikhahit, tone mark, sara aa', 'บ้านนํ้าโมง', 'บ้านน้ำโมง'],
    ['sara ae typed as two sara e', 'กลุ่มเเม่บ้าน', 'กลุ่มแม่บ้าน'],
    ['a doubled tone mark', 'กลุ่่มผ้าทอ', 'กลุ่มผ้าทอ'],
    ['a doubled vowel above', 'ศรีี', 'ศรี'],
    ['a tone mark typed before the vowel above', 'ท่ีนา', 'ที่นา'],
    ['full-width Latin letters', 'ＯＴＯＰ ผ้าไหม', 'otop ผ้าไหม'],
  ])('%s', (_case, typed, canonical) => {
    expect(nameKey(typed)).toBe(nameKey(canonical));
    expect(spellingKey(typed)).not.toBe(spellingKey(canonical));
  });

  test('different words stay different', () => {
    expect(nameKey('กลุ่มทำนา')).not.toBe(nameKey('กลุ่มทานา'));
    expect(nameKey('แม่บ้าน')).not.toBe(nameKey('เม่บ้าน'));
    expect(nameKey('ปู่')).not.toBe(nameKey('ปู้'));
  });
});

test('isBlank is: cleanText leaves nothing', () => {
  const blanks = [...TEXTS, '', ' ', '\u200b\u00a0\t', '\ufeff'];
  expect(blanks.filter((text) => isBlank(text) !== (cleanText(text) === ''))).toEqual([]);
  expect(blanks.filter((text) => isBlank(text)).length).toBeGreaterThan(1_000);
  expect([isBlank(null), isBlank(undefined), isBlank(0), isBlank(false), isBlank(' ก ')]).toEqual([
    true,
    true,
    false,
    false,
    false,
  ]);
});
