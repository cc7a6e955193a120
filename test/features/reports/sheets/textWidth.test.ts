/** Text widths: the Thai word segmenter is made once and breaks every text as a new one would. */

const TEXTS = [
  'ผู้ประกอบการรายใหม่ที่ขายออนไลน์',
  'กิจกรรมส่งเสริมการตลาด ณ ศาลาประชาคมอำเภอท่าบ่อ',
  'OTOP ท่าบ่อ ผ้าทอมือ 2565',
  'ตลาดนัดชุมชน\nออนไลน์ทาง Facebook และ LINE',
];

/** Intl.Segmenter's constructor, as far as this test uses it (the project's TypeScript lib predates it). */
type SegmenterClass = new (
  locale: string,
  options: { granularity: 'word' },
) => { segment(text: string): Iterable<{ segment: string }> };
const intl = Intl as unknown as { Segmenter: SegmenterClass };

test('one word segmenter serves every text, and the pieces are those of a segmenter made for each', () => {
  const Native = intl.Segmenter;
  let made = 0;
  intl.Segmenter = class extends Native {
    constructor(...args: ConstructorParameters<SegmenterClass>) {
      super(...args);
      made++;
    }
  };
  try {
    jest.isolateModules(() => {
      const { breakPieces, lineCount } =
        require('../../../../src/features/reports/sheets/textWidth') as typeof import('../../../../src/features/reports/sheets/textWidth');
      for (const text of TEXTS) {
        const fresh = text
          .split(/(?<=\s)/)
          .flatMap((word) =>
            /[\u0e00-\u0e7f]/.test(word)
              ? Array.from(new Native('th', { granularity: 'word' }).segment(word), (s) => s.segment)
              : word
                ? [word]
                : [],
          );
        expect(breakPieces(text)).toEqual(fresh);
        expect(lineCount(text, 120, 14)).toBeGreaterThan(0);
      }
    });
  } finally {
    intl.Segmenter = Native;
  }
  expect(made).toBe(1);
});

test('a character outside the Basic Multilingual Plane is one unknown character wide, not two', () => {
  const { textWidthPx } =
    require('../../../../src/features/reports/sheets/textWidth') as typeof import('../../../../src/features/reports/sheets/textWidth');
  // U+1F600 (two UTF-16 units) and U+4E2D (one) are both outside the Sarabun tables.
  expect(textWidthPx('ก😀ก', 10)).toBeCloseTo(textWidthPx('ก中ก', 10), 9);
  expect(textWidthPx('😀', 10)).toBeGreaterThan(0);
});
