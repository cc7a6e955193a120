/**
 * Properties of the rule that tells a sheet's header row (kernel/layout.ts isHeaderRow), which
 * set-up, the data check and every reader of the entry sheets follow: the header row as officers
 * leave it (half or more of the declared headers kept, spaced or bracketed otherwise, and any
 * number of columns of their own added anywhere) is always the header; a row of entries as
 * officers type them never is. The year simulator's seed 4063 found the first broken: eleven
 * columns added to a sheet of ten made set-up take the header for data and put a new one above
 * it, moving every row.
 */
import fc from 'fast-check';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../src/features/counting/rules/entryLayout';
import { isHeaderRow, type Layout } from '../../src/kernel/layout';
import { SUBMISSION_LAYOUT } from '../../src/features/submissions/sheets/submissions';

/** Runs per property. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

const LAYOUTS: readonly [string, Layout<string>][] = [
  ['activities', ACTIVITY_LAYOUT as Layout<string>],
  ['online', ONLINE_LAYOUT as Layout<string>],
  ['baseline', BASELINE_LAYOUT as Layout<string>],
  ['submissions', SUBMISSION_LAYOUT as Layout<string>],
];

/** A header as an officer may leave it: spaces around or doubled (the readers ignore spacing). */
const spaced = (header: string) => fc.constantFrom(header, ` ${header}  `, header.replace(/ /g, '  '), `${header} `);

/** A column of the officer's own: any header that is not a declared one. */
const ownHeader = (layout: Layout<string>) =>
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 12 }).map((s) => `เพิ่มเติม ${s}`),
      fc.constantFrom('หมายเหตุ 2', 'เบอร์โทร', 'ผู้บันทึก', 'ตรวจแล้ว', 'รูป', 'ลำดับ'),
    )
    .filter((h) => !layout.headers.some((d) => d.replace(/\s+/g, '') === h.replace(/\s+/g, '')));

describe.each(LAYOUTS)('%s', (_name, layout) => {
  test('the header row as officers leave it is the header: half or more declared headers kept, any number of their own added anywhere', () => {
    const keep = Math.max(2, Math.ceil(layout.width / 2));
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...layout.headers], { minLength: Math.min(keep, layout.width) }),
        fc.array(ownHeader(layout), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.infiniteStream(fc.nat(3)),
        (kept, own, at, spacing) => {
          const row: unknown[] = kept.map((h) => {
            const forms = [h, ` ${h}  `, h.replace(/ /g, '  '), `${h} `];
            return forms[spacing.next().value as number];
          });
          own.forEach((h, i) => {
            row.splice((at[i] ?? 0) % (row.length + 1), 0, h);
          });
          return isHeaderRow(layout, row);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('a row of entries is not the header, even with one cell that reads like a header', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'อำเภอ', 'ตลาด', 'ไม่ใช้', 'ใช้', 'ท่าบ่อ', 'อ.ท่าบ่อ', '1,000', '๓', 'https://x.test/a'),
      fc.integer({ min: 0, max: 100000 }),
      fc.date({ min: new Date(2021, 0, 1), max: new Date(2030, 0, 1) }),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: layout.width, maxLength: layout.width + 5 }),
        fc.option(fc.tuple(fc.nat(), spaced(layout.headers[0])), { nil: null }),
        (row, oneHeader) => {
          // at most one cell of a typed row may happen to read like a declared header
          const headers = new Set(layout.headers.map((h) => h.replace(/\s+/g, '')));
          const line = row.map((v) => (typeof v === 'string' && headers.has(v.replace(/\s+/g, '')) ? 'x' : v));
          if (oneHeader) line[oneHeader[0] % line.length] = oneHeader[1];
          return !isHeaderRow(layout, line);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

test('seed 4063: ten declared headers and eleven of the officer’s own read as the header', () => {
  const own = Array.from({ length: 11 }, (_, i) => `เพิ่มเติม จำลอง-${i}`);
  const row = [...ACTIVITY_LAYOUT.headers.slice(0, 6), ...own, ...ACTIVITY_LAYOUT.headers.slice(6)];
  expect(isHeaderRow(ACTIVITY_LAYOUT as Layout<string>, row)).toBe(true);
});
