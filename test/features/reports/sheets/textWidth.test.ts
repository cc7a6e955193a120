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

test('lineCount is the greedy fill of each paragraph, written out plainly, line breaks anywhere in the text', () => {
  const { breakPieces, lineCount, textWidthPx } =
    require('../../../../src/features/reports/sheets/textWidth') as typeof import('../../../../src/features/reports/sheets/textWidth');
  /** The rule as the docs state it: each paragraph filled greedily, a piece wider than the line broken anywhere. */
  const plain = (text: string, width: number, pt: number, bold: boolean): number => {
    let lines = 0;
    for (const paragraph of text.split('\n')) {
      lines++;
      if (textWidthPx(paragraph, pt, bold) * (1 + 1e-9) < width) continue;
      let used = 0;
      for (const piece of breakPieces(paragraph)) {
        const w = textWidthPx(piece, pt, bold);
        const visible = textWidthPx(piece.trimEnd(), pt, bold);
        if (used > 0 && used + visible > width) {
          lines++;
          used = 0;
        }
        if (used === 0 && visible > width) {
          lines += Math.ceil(visible / width) - 1;
          used = visible % width;
          continue;
        }
        used += w;
      }
    }
    return lines;
  };
  const texts = [
    ...TEXTS,
    '',
    '\n',
    '\nกลุ่มแม่บ้านเกษตรกร',
    'กลุ่มแม่บ้านเกษตรกร\n',
    `${TEXTS[0]}\n\n${TEXTS[1]}`,
    'https://www.facebook.com/groups/otop-thabo-2565/permalink/1234567890',
  ];
  for (const text of texts) {
    for (const width of [1, 20, 60, 120, 400]) {
      for (const pt of [10, 14]) {
        for (const bold of [false, true])
          expect([text, width, pt, bold, lineCount(text, width, pt, bold)]).toEqual([
            text,
            width,
            pt,
            bold,
            plain(text, width, pt, bold),
          ]);
      }
    }
  }
});
