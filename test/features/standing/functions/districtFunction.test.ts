/** OTOP_DISTRICT: one district's whole row from its own sheets, columns found by header. */
import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import { criteriaToRows } from '../../../../src/features/setup/rules/criteriaTable';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../../../src/features/counting/rules/entryLayout';
import { defaultSettings, settingsRows } from '../../../../src/kernel/settings';
import { dateOfDay } from '../../../../src/kernel/civilDate';
import { otopDistrict } from '../../../../src/features/standing/functions/districtFunction';
import { profileOf } from '../../../../src/kernel/yearProfile';

/** FY 2565's measures (the letter's three). */
const FY2565 = profileOf(2565).measures;

const A = ACTIVITY_LAYOUT.at;
const O = ONLINE_LAYOUT.at;
const criteria = criteriaToRows(CRITERIA_2565, FY2565);
const settings = [
  ['การตั้งค่า', 'ค่า'],
  ...settingsRows(defaultSettings([]), []).map(([l, v]) => [l, typeof v === 'object' ? dateOfDay(v.day) : v]),
];

function activity(cells: Partial<Record<keyof typeof A, unknown>>): unknown[] {
  const row: unknown[] = Array(ACTIVITY_LAYOUT.width).fill('');
  for (const [k, v] of Object.entries({ date: '10/01/2565', activity: 'ตลาดนัด', budget: 'ไม่ใช้', ...cells }))
    row[A[k as keyof typeof A]] = v;
  return row;
}

function online(cells: Partial<Record<keyof typeof O, unknown>>): unknown[] {
  const row: unknown[] = Array(ONLINE_LAYOUT.width).fill('');
  for (const [k, v] of Object.entries({ date: '10/01/2565', channel: 'Facebook', ...cells }))
    row[O[k as keyof typeof O]] = v;
  return row;
}

const activities = [[...ACTIVITY_LAYOUT.headers], ...[1, 2, 3, 4, 5].map((n) => activity({ activity: `งาน ${n}` }))];
const onlineRows = [
  [...ONLINE_LAYOUT.headers],
  ...['Facebook', 'Shopee', 'LINE', 'Lazada'].map((channel, i) =>
    online({ regNo: `R${i}`, name: `กลุ่ม ${i}`, channel }),
  ),
];
const baseline = [[...BASELINE_LAYOUT.headers]];
const call = (acts: unknown[][], onl: unknown[][], base: unknown[][] = baseline, registered: unknown = 74) =>
  otopDistrict('ท่าบ่อ', registered, 12, acts, onl, base, settings, criteria);

// The four operators were all counted on 10 Jan 2565: none by the end of Oct–Dec, all four
// (100 % of the target of 4) from January on.
const TREND_ALL_IN_JANUARY = [0, 0, 0, 100, 100, 100, 100, 100, 100, 100, 100, 100];

test('the whole row: target, activities, channels, new operators, percentage, score, level, next, trend', () => {
  expect(call(activities, onlineRows)).toEqual([
    [4, 5, 4, 4, 5.41, 5, 'ดีมาก', 'ถึงระดับสูงสุดแล้ว (ดีมาก)', ...TREND_ALL_IN_JANUARY],
  ]);
});

test('the trend: each month’s cumulative new operators as % of the target, blank after the count-up-to day', () => {
  const spread = [
    [...ONLINE_LAYOUT.headers],
    online({ regNo: 'R0', name: 'กลุ่ม 0', date: '05/11/2564' }),
    online({ regNo: 'R1', name: 'กลุ่ม 1', date: '20/12/2564' }),
    online({ regNo: 'R1', name: 'กลุ่ม 1', date: '02/11/2564', channel: 'Shopee' }), // earliest row counts
    online({ regNo: 'R2', name: 'กลุ่ม 2', date: '31/01/2565' }),
  ];
  const asOf = settings.map((row) => (row[0] === 'นับผลถึงวันที่' ? [row[0], new Date(2565 - 543, 1, 14)] : row));
  const row = otopDistrict('ท่าบ่อ', 74, 12, activities, spread, baseline, asOf, criteria)[0];
  // target 4: Nov 2 of 4 = 50 %, Jan 3 of 4 = 75 %, Feb counted up to the 14th, later months blank
  expect(row.slice(8)).toEqual([0, 50, 50, 75, 75, '', '', '', '', '', '', '']);
});

test('columns moved and an officer’s own column added: the same counts', () => {
  const order = [...ONLINE_LAYOUT.headers.keys()].reverse();
  const moved = onlineRows.map((row) => ['ของฉัน', ...order.map((i) => row[i])]);
  moved[0][0] = 'หมายเหตุของอำเภอ';
  expect(call(activities, moved)).toEqual(call(activities, onlineRows));
});

test('rows count for the sheet’s district whatever their district cell says', () => {
  const elsewhere = activities.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === A.district ? 'สังคม' : v))));
  expect(call(elsewhere, onlineRows)[0][1]).toBe(5);
});

test('an operator in the baseline by number, typed in any district, is not new', () => {
  const base = [...baseline, ['สังคม', 'R0', 'ชื่ออื่น']];
  expect(call(activities, onlineRows, base)[0][3]).toBe(3);
});

test('a counting column missing: a Thai error naming it', () => {
  const noChannel = onlineRows.map((row) => row.filter((_, c) => c !== O.channel));
  expect(() => call(activities, noChannel)).toThrow(/OTOP_DISTRICT: .*"ช่องทาง"/);
});

test('the header row deleted: a Thai error saying so', () => {
  expect(() => call(activities.slice(1), onlineRows)).toThrow(/ไม่ใช่หัวตาราง/);
});

test('registered typed as text: counts shown, no target, percentage or score', () => {
  expect(call(activities, onlineRows, baseline, '74 ราย')).toEqual([
    ['—', 5, 4, 4, '—', '—', 'ยังประเมินไม่ได้', expect.stringContaining('"74 ราย"'), ...Array(12).fill('')],
  ]);
});
