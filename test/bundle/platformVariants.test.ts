/**
 * The add-on in each outcome of the unconfirmed platform behaviours the self-check observes
 * (dev/fakes platform.ts): set-up, entries typed as officers type them, the district table, and
 * a repeat set-up. Rule getters that are no round trip cost nothing on a sheet that already
 * matches: set-up judges those from one Sheets API read, not from the getters.
 */
import type { PlatformVariants } from '../../dev/fakes';
import { activityRows, onlineRows, typeRows } from '../support/entries';
import { newHarness, OWNER } from '../support/workbook';

/** Tha Bo's row of the district table after set-up and a few entries, and what set-up said the second time. */
function run(platform: PlatformVariants) {
  const h = newHarness({ platform });
  h.gas.sidebarSetUp();
  typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '10/03/2565'));
  typeRows(h.run.spreadsheet, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 3, 2, '11/03/2565'));
  const again = h.as(OWNER).gas.sidebarSetUp();
  const table = h.run.spreadsheet.getSheetByName('อำเภอ')!.getDataRange().getValues();
  return { row: table.find((r) => r[1] === 'ท่าบ่อ')?.slice(0, 14), repaired: again.repaired as string[] };
}

let computed: ReturnType<typeof run> | undefined;
/** The default outcomes' result, computed once. */
const reference = () => {
  computed ??= run({});
  return computed;
};

test.each<[string, PlatformVariants]>([
  ['Thai names returned quoted', { thaiSheetNames: 'quoted' }],
  ['quotes dropped where not needed', { thaiSheetNames: 'unquoted' }],
  ['unquoted Thai names refused', { thaiSheetNames: 'refused' }],
  ['typed text kept as text', { typedText: 'kept' }],
  ['Thai digits not read as digits', { thaiDigits: false }],
  ['error cells passed to custom functions', { errorArguments: 'passed' }],
  ['NOW()/TODAY() passed to custom functions', { volatileArguments: 'passed' }],
])('%s: the same district figures, and a repeat set-up repairs only the sheets that grew', (_label, platform) => {
  const expected = reference();
  expect(expected.row).toEqual([
    3,
    'ท่าบ่อ',
    74,
    12,
    5,
    3,
    4,
    3,
    2,
    3,
    4.05,
    3,
    'ปานกลาง',
    expect.stringContaining('ระดับถัดไป ดี'),
  ]);
  expect(expected.repaired.sort()).toEqual(['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ']);
  const got = run(platform);
  expect(got.row).toEqual(expected.row);
  expect(got.repaired.sort()).toEqual(expected.repaired.sort());
});

test('rule getters that are no round trip: the figures hold, and a repeat set-up repairs only the sheets that grew (it judges the dropdowns from the Sheets API read)', () => {
  const got = run({ ruleGetters: 'lossy' });
  expect(got.row).toEqual(reference().row);
  expect(got.repaired.sort()).toEqual(reference().repaired.sort()); // 19 or more before the one read
});
