/** Text widths: the Thai word segmenter is made once and breaks every text as a new one would. */

const TEXTS = [
  'ผู้ประกอบการรายใหม่ที่ขายออนไลน์',
  'กิจกรรมส่งเสริมการตลาด ณ ศาลาประชาคมอำเภอท่าบ่อ',
  'OTOP ท่าบ่อ ผ้าทอมือ 2565',
  'ตลาดนัดชุมชน\nออนไลน์ทาง Facebook และ LINE',
];

test('one word segmenter serves every text, and the pieces are those of a segmenter made for each', () => {
  const Native = Intl.Segmenter;
  let made = 0;
  (Intl as { Segmenter: typeof Intl.Segmenter }).Segmenter = class extends Native {
    constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
      super(...args);
      made++;
    }
  };
  try {
    jest.isolateModules(() => {
      const { breakPieces, lineCount } =
        require('../../src/workbook/textWidth') as typeof import('../../src/workbook/textWidth');
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
    (Intl as { Segmenter: typeof Intl.Segmenter }).Segmenter = Native;
  }
  expect(made).toBe(1);
});
