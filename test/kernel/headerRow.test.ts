/**
 * isHeaderRow (kernel/layout.ts) tells most cells of a row of entries apart by their first
 * character, without working out their header key: checked against the rule written plainly
 * (every filled cell's key compared with the layout's header keys) on rows of header forms
 * officers may type (case, spacing, Thai digits, look-alike spellings, invisible characters,
 * characters NFKC composes), entries, numbers, booleans and dates, for the entry sheets'
 * layouts and one whose headers start with ASCII, a number, a date's text and แ.
 */
import fc from 'fast-check';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../src/features/counting/rules/entryLayout';
import { SUBMISSION_LAYOUT } from '../../src/features/submissions/sheets/submissions';
import { isDate } from '../../src/kernel/civilDate';
import { defineLayout, isHeaderRow, type Layout } from '../../src/kernel/layout';
import { cleanText, isBlank, nameKey } from '../../src/kernel/text';

/** A date cell as Sheets gives it. */
const DAY = new Date(2022, 8, 26);

/** A layout whose headers start with ASCII, a number, a date's text, แ and a character NFKC composes. */
const MIXED = defineLayout('ทดสอบ', [
  { key: 'shop', header: 'Shop', width: 100 },
  { key: 'year', header: '2565', width: 100 },
  { key: 'day', header: String(DAY), aliases: ['true'], width: 100 },
  { key: 'source', header: 'แหล่งที่มา', width: 100 },
  { key: 'school', header: 'école', width: 100 },
  { key: 'amount', header: 'ยอดจำหน่าย (บาท)', width: 100 },
]);

const LAYOUTS: readonly [string, Layout<string>][] = [
  ['activities', ACTIVITY_LAYOUT as Layout<string>],
  ['online', ONLINE_LAYOUT as Layout<string>],
  ['baseline', BASELINE_LAYOUT as Layout<string>],
  ['submissions', SUBMISSION_LAYOUT as Layout<string>],
  ['mixed', MIXED as Layout<string>],
];

/** A cell's header key, plainly: its text's (a date's in the local zone) spacing, case and spellings ignored. */
const keyOf = (cell: unknown) => nameKey(cleanText(isDate(cell) ? String(new Date(cell.getTime())) : String(cell)));

/** isHeaderRow's rule written plainly: every filled cell's key looked up. */
function plainRule(layout: Layout<string>, row: readonly unknown[]): boolean {
  const byKey = new Map<string, string>();
  for (const c of layout.columns) {
    for (const text of [c.header, ...(c.aliases ?? [])]) if (!byKey.has(keyOf(text))) byKey.set(keyOf(text), c.key);
  }
  const found = new Set<string>();
  let filled = 0;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    filled++;
    const key = byKey.get(keyOf(cell));
    if (key !== undefined) found.add(key);
  }
  return found.size >= Math.min(2, layout.width) && (found.size * 2 >= filled || found.size * 2 >= layout.width);
}

/** The forms an officer may give a header: each read as the header itself. */
function forms(header: string): string[] {
  const thaiDigits = header.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  return [
    header,
    header.toUpperCase(),
    ` ${header}  `,
    `\u200b${header}`,
    thaiDigits,
    header.replace(/แ/g, 'เเ').replace(/ำ/g, 'ํา'),
    header.normalize('NFD'),
    header.replace(/ /g, '\u00a0'),
  ];
}

describe.each(LAYOUTS)('%s', (_name, layout) => {
  const headerForms = layout.columns.flatMap((c) => [c.header, ...(c.aliases ?? []).slice(0, 3)]).flatMap(forms);
  const cell = fc.oneof(
    fc.constantFrom(...headerForms),
    fc.constantFrom('นางสาวสมหญิง ใจดี', 'https://shopee.co.th/x', 'อำเภอ', 'เมืองหนองคาย', 'Shopee', '', ' ', null),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2565, 0, Number.NaN, Number.POSITIVE_INFINITY)),
    fc.boolean(),
    fc.constantFrom(DAY, new Date(Number.NaN)),
  );

  test('a row is the header exactly when the plain rule says so', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 14 }), (row) => {
        expect(isHeaderRow(layout, row)).toBe(plainRule(layout, row));
      }),
      { numRuns: 400 },
    );
  });
});

test('header forms whose first character changes on the way to the key are found', () => {
  const rows: unknown[][] = [
    ['เเหล่งที่มา', 'Shop'], // two sara e fold to แ
    ['SHOP', 2565], // upper case; a number's key
    ['e\u0301cole', DAY], // NFKC composes é; a date's key
    [true, 'แหล่ง ที่มา'],
  ];
  for (const row of rows) {
    expect(plainRule(MIXED, row)).toBe(true);
    expect(isHeaderRow(MIXED, row)).toBe(true);
  }
});
