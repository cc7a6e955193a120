/**
 * The district table and OTOP_DISTRICT follow the fiscal year's measures (src/kernel/yearProfile.ts):
 * a later letter's row (FY 2570: only new operators and activities, or the three in another
 * order) gives that year's table its measure columns, its total row's sums, the spill check's
 * columns and OTOP_DISTRICT's row; every real year's are today's (FY 2565's, written out here).
 */
import fc from 'fast-check';
import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import { dateOfDay } from '../../../../src/kernel/civilDate';
import { MEASURE_BY_KEY, MEASURES, type MeasureOf } from '../../../../src/kernel/measures';
import { defaultSettings, settingsRows } from '../../../../src/kernel/settings';
import { profileOf } from '../../../../src/kernel/yearProfile';
import { columnLetter } from '../../../../src/kernel/a1';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../../../src/features/counting/rules/entryLayout';
import { criteriaToRows } from '../../../../src/features/setup/rules/criteriaTable';
import {
  type DistrictColumn,
  districtLayout,
  districtLayoutOf,
  spillColumns,
  TOTAL_LABEL,
  totalRowCells,
} from '../../../../src/features/setup/sheets/districtTable';
import {
  type DistrictResult,
  districtOutputs,
  districtRow,
  NO_FIGURE,
} from '../../../../src/features/standing/rules/districtResult';
import { TREND_MONTHS } from '../../../../src/features/standing/rules/districtTrend';
import type { Layout } from '../../../../src/kernel/layout';
import { TABLE_REFS as refs } from '../../../support/tableRefs';
import { withLetter } from '../../../support/letterProfile';

type DistrictFunction = typeof import('../../../../src/features/standing/functions/districtFunction');
type Specs = typeof import('../../../../src/features/setup/sheets/sheetSpecs');

const { activities, channels, newOperators } = MEASURE_BY_KEY;
/** FY 2570's letter: only new operators and activities, new operators first. */
const TWO: readonly MeasureOf[] = [newOperators, activities];
/** FY 2570's letter: the three, in another order. */
const REORDERED: readonly MeasureOf[] = [newOperators, channels, activities];

/** The leading columns' keys, the same every year. */
const LEADING = ['no', 'name', 'registered', 'promoted', 'activityGoal', 'channelGoal', 'target'];
/** The columns after the measures. */
const AFTER = ['percent', 'score', 'level', 'next', ...TREND_MONTHS];

/** A layout's column letters by key. */
const lettersOf = (layout: Layout<DistrictColumn>, keys: readonly DistrictColumn[]) =>
  keys.map((k) => columnLetter(layout.at[k]));

/**
 * Runs `load` with the modules loaded afresh and FY 2570's letter added to PROFILES.
 * @param measures FY 2570's measures
 * @param load what to make and read
 */
function withLetter2570<T>(measures: readonly MeasureOf[], load: (fn: DistrictFunction, specs: Specs) => T): T {
  return withLetter(2570, measures, () =>
    load(
      require('../../../../src/features/standing/functions/districtFunction') as DistrictFunction,
      require('../../../../src/features/setup/sheets/sheetSpecs') as Specs,
    ),
  );
}

/** A result with distinct figures, so that each column shows which it is. */
const RESULT: DistrictResult = {
  activities: 5,
  channels: 3,
  newOperators: 4,
  target: 6,
  percent: 5.41,
  assessment: null,
  score: 2,
  level: 'พอใช้',
  next: 'เพิ่มกิจกรรมอีก 1 ครั้ง',
};
const TREND = [0, 0, 0, 66.7, 66.7, '', '', '', '', '', '', ''] as const;

describe('a year with only new operators and activities (FY 2570 in a hypothetical letter)', () => {
  // made in each test: a layout whose spill check fails throws there
  const layout = () => districtLayout(TWO);

  test('the table’s columns: the leading ones, its two measures in its order, the result and the trend', () => {
    expect(layout().columns.map((c) => c.key)).toEqual([...LEADING, 'newOperators', 'activities', ...AFTER]);
    expect(
      layout()
        .columns.slice(7, 9)
        .map((c) => [c.header, c.width, c.note]),
    ).toEqual([
      ['ผู้ประกอบการรายใหม่', 110, 'ไม่ซ้ำกับผู้ที่ออนไลน์แล้วในชีตฐาน ๒๕๖๔ นับรายละครั้งเดียว'],
      ['กิจกรรม (ครั้ง)', 90, undefined],
    ]);
    expect(layout().width).toBe(25);
  });

  test('OTOP_DISTRICT’s outputs are the table’s columns from "target" on, and the spill its columns after the target', () => {
    const outputs = districtOutputs(TWO);
    expect(outputs).toEqual(['target', 'newOperators', 'activities', ...AFTER]);
    expect(outputs.map((k) => layout().at[k])).toEqual(outputs.map((_, i) => 6 + i));
    expect(spillColumns(layout()).map(columnLetter)).toEqual('HIJKLMNOPQRSTUVWXY'.split(''));
  });

  test('the total row sums the year’s summed measures at their columns; the percentage reads new operators’', () => {
    const total = totalRowCells(11, 2, 10, refs, NO_FIGURE, TWO);
    expect(lettersOf(layout(), ['newOperators', 'activities', 'percent'])).toEqual(['H', 'I', 'J']);
    expect([...total.keys()]).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
    expect(total.get(7)).toBe('=IF(ISNUMBER(G11), SUM(H2:H10), G11)');
    expect(total.get(8)).toBe('=IF(ISNUMBER(G11), SUM(I2:I10), G11)');
    expect(total.get(9)).toContain('FLOOR((2*H11*10000+');
  });

  test('OTOP_DISTRICT’s row: the target, new operators, activities, then the figures and the trend', () => {
    expect(districtRow(RESULT, TWO, TREND)).toEqual([6, 4, 5, 5.41, 2, 'พอใช้', 'เพิ่มกิจกรรมอีก 1 ครั้ง', ...TREND]);
  });

  test('OTOP_DISTRICT over a FY 2570 workbook spills that year’s row; its district sheet has that year’s columns', () => {
    const settings = [
      ['การตั้งค่า', 'ค่า'],
      ...settingsRows(defaultSettings([], 2570), []).map(([l, v]) => [l, typeof v === 'object' ? dateOfDay(v.day) : v]),
    ];
    const acts = [[...ACTIVITY_LAYOUT.headers], ...[1, 2, 3, 4, 5].map((n) => activityRow_(`งาน ${n}`))];
    const onl = [[...ONLINE_LAYOUT.headers], ...['Facebook', 'Shopee', 'LINE', 'Lazada'].map(onlineRow_)];
    const { row, spec } = withLetter2570(TWO, (fn, specs) => ({
      row: fn.otopDistrict(
        'ท่าบ่อ',
        74,
        12,
        acts,
        onl,
        [[...BASELINE_LAYOUT.headers]],
        settings,
        criteriaToRows(CRITERIA_2565, TWO),
      )[0],
      spec: specs.districtSheetSpec('อำเภอ', 2570),
    }));
    // 4 new operators of a target of 4 (5 % of 74), 5 activities; all counted on 10 Jan 2570
    expect(row).toEqual([4, 4, 5, 5.41, 5, 'ดีมาก', 'ถึงระดับสูงสุดแล้ว (ดีมาก)', 0, 0, 0, ...Array(9).fill(100)]);
    expect(spec.layout.headers.slice(2, 9)).toEqual([
      'ผู้ประกอบการทั้งหมด (ก.ย. ๖๙)',
      'ส่งเสริมแล้ว ปี ๖๙',
      'เป้ากิจกรรม (ครั้ง)',
      'เป้าช่องทาง',
      'เป้าผู้ประกอบการ',
      'ผู้ประกอบการรายใหม่',
      'กิจกรรม (ครั้ง)',
    ]);
    expect(spec.layout.width).toBe(25);
  });
});

describe('the three in another order', () => {
  const layout = () => districtLayout(REORDERED);

  test('columns, outputs, spill and total row in the year’s order (channels not summed)', () => {
    expect(layout().columns.map((c) => c.key)).toEqual([
      ...LEADING,
      'newOperators',
      'channels',
      'activities',
      ...AFTER,
    ]);
    expect(districtOutputs(REORDERED).map((k) => columnLetter(layout().at[k]))).toEqual(
      'GHIJKLMNOPQRSTUVWXYZ'.split(''),
    );
    expect(spillColumns(layout()).map(columnLetter)).toEqual('HIJKLMNOPQRSTUVWXYZ'.split(''));
    const total = totalRowCells(11, 2, 10, refs, NO_FIGURE, REORDERED);
    expect(total.get(layout().at.newOperators)).toBe('=IF(ISNUMBER(G11), SUM(H2:H10), G11)');
    expect(total.has(layout().at.channels)).toBe(false);
    expect(total.get(layout().at.activities)).toBe('=IF(ISNUMBER(G11), SUM(J2:J10), G11)');
    expect(total.get(layout().at.percent)).toContain('FLOOR((2*H11*10000+');
    expect(districtRow(RESULT, REORDERED, TREND).slice(0, 5)).toEqual([6, 4, 3, 5, 5.41]);
  });
});

test('a year without new operators has no district table: its percentage and trend are theirs', () => {
  expect(() => districtLayout([activities, channels])).toThrow(/new operators/);
});

test('each list’s layout and outputs are made once; a year’s is its profile’s', () => {
  expect(districtLayout(TWO)).toBe(districtLayout(TWO));
  expect(districtOutputs(TWO)).toBe(districtOutputs(TWO));
  expect(districtLayoutOf(2565)).toBe(districtLayout(MEASURES));
  expect(districtLayoutOf(2569)).toBe(districtLayoutOf(2565));
});

/** Today's district table (FY 2565's letter), written out: key, header, width, format, note, required. */
const FIGURE_NOTE = 'ตัวเลขเท่านั้น (ไม่ใส่หน่วย) เพื่อให้ผลรวมจังหวัดนับได้';
const TODAY_COLUMNS: readonly (readonly unknown[])[] = [
  ['no', 'ที่', 40, null, null, null],
  ['name', 'อำเภอ', 130, null, null, true],
  ['registered', 'ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)', 110, null, FIGURE_NOTE, true],
  ['promoted', 'ส่งเสริมแล้ว ปี ๖๔', 90, null, FIGURE_NOTE, true],
  ['activityGoal', 'เป้ากิจกรรม (ครั้ง)', 90, null, null, null],
  ['channelGoal', 'เป้าช่องทาง', 80, null, null, null],
  ['target', 'เป้าผู้ประกอบการ', 100, null, 'ร้อยละ 5 ของผู้ประกอบการทั้งหมด ปัดครึ่งขึ้น อย่างน้อย 1 ราย', null],
  ['activities', 'กิจกรรม (ครั้ง)', 90, null, null, null],
  ['channels', 'ช่องทางออนไลน์', 90, null, null, null],
  ['newOperators', 'ผู้ประกอบการรายใหม่', 110, null, 'ไม่ซ้ำกับผู้ที่ออนไลน์แล้วในชีตฐาน ๒๕๖๔ นับรายละครั้งเดียว', null],
  ['percent', 'ร้อยละ', 70, '0.00', null, null],
  ['score', 'คะแนน', 60, null, null, null],
  ['level', 'ระดับ', 100, null, null, null],
  ['next', 'ขั้นต่อไป', 320, null, null, null],
  ...['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'].map((m, i) => [
    TREND_MONTHS[i],
    `สะสม ${m} (%เป้า)`,
    80,
    '0.0',
    i === 0 ? 'ผู้ประกอบการรายใหม่สะสมถึงสิ้นเดือน เป็นร้อยละของเป้า (แดชบอร์ดใช้วาดกราฟแนวโน้ม)' : null,
    null,
  ]),
];

/**
 * Today's total row (FY 2565's letter), written out with its letters.
 * @param row the total's row
 * @param first the first district row
 * @param last the last district row
 * @param basis the settings' basis cell
 * @param noFigure what shows without a base
 */
function todayTotal_(row: number, first: number, last: number, basis: string, noFigure: string): [number, string][] {
  const span = (l: string) => `${l}${first}:${l}${last}`;
  const count = (l: string) => `=IF(ISNUMBER(G${row}), SUM(${span(l)}), G${row})`;
  const base = `IF(TRIM(${basis})="ผู้ประกอบการที่ยังไม่เคยออนไลน์", C${row}-D${row}, C${row})`;
  return [
    [1, TOTAL_LABEL],
    [2, `=OTOP_SUM(${span('C')})`],
    [3, `=OTOP_SUM(${span('D')})`],
    [4, `=SUM(${span('E')})`],
    [6, `=SUM(${span('G')})`],
    [7, count('H')],
    [9, count('J')],
    [
      10,
      `=IF(ISNUMBER(G${row}), IF(${base}>0, FLOOR((2*J${row}*10000+${base})/(2*(${base})))/100, "${noFigure}"), G${row})`,
    ],
  ];
}

describe('every real year: today’s table, total row, spill and OTOP_DISTRICT row', () => {
  const year = fc.integer({ min: 2500, max: 2700 });

  test('the columns, widths, formats, notes and spill', () => {
    fc.assert(
      fc.property(year, (fiscalYear) => {
        const layout = districtLayoutOf(fiscalYear);
        expect(
          layout.columns.map((c) => [c.key, c.header, c.width, c.format ?? null, c.note ?? null, c.required ?? null]),
        ).toEqual(TODAY_COLUMNS);
        expect(spillColumns(layout).map(columnLetter)).toEqual('HIJKLMNOPQRSTUVWXYZ'.split(''));
        expect(districtOutputs(profileOf(fiscalYear).measures)).toEqual(TODAY_COLUMNS.slice(6).map((c) => c[0]));
      }),
      { numRuns: 50 },
    );
  });

  test('the total row', () => {
    fc.assert(
      fc.property(
        year,
        fc.integer({ min: 2, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom("'ตั้งค่า'!$B$10", "'ตั้งค่า (2)'!$B$12"),
        fc.constantFrom(NO_FIGURE, '-'),
        (fiscalYear, first, rows, basis, noFigure) => {
          const last = first + rows;
          const total = totalRowCells(
            last + 1,
            first,
            last,
            { ...refs, basis },
            noFigure,
            profileOf(fiscalYear).measures,
          );
          expect([...total]).toEqual(todayTotal_(last + 1, first, last, basis, noFigure));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('OTOP_DISTRICT’s row', () => {
    const figure = fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null });
    const count = fc.nat(1000);
    fc.assert(
      fc.property(
        year,
        fc.record({
          target: figure,
          percent: figure,
          score: figure,
          activities: count,
          channels: count,
          newOperators: count,
        }),
        fc.string(),
        fc.string(),
        fc.array(fc.oneof(fc.constant('' as const), fc.double({ noNaN: true })), { minLength: 12, maxLength: 12 }),
        (fiscalYear, r, level, next, trend) => {
          const result: DistrictResult = { ...r, assessment: null, level, next };
          const shown = (v: number | null) => (v === null ? NO_FIGURE : v);
          expect(districtRow(result, profileOf(fiscalYear).measures, trend)).toEqual([
            shown(r.target),
            r.activities,
            r.channels,
            r.newOperators,
            shown(r.percent),
            shown(r.score),
            level,
            next,
            ...trend,
          ]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** An activity row of 10 Jan 2570. */
function activityRow_(activity: string): unknown[] {
  const row: unknown[] = Array(ACTIVITY_LAYOUT.width).fill('');
  const at = ACTIVITY_LAYOUT.at;
  row[at.date] = '10/01/2570';
  row[at.activity] = activity;
  row[at.budget] = 'ไม่ใช้';
  return row;
}

/** A new operator's online row of 10 Jan 2570. */
function onlineRow_(channel: string, i: number): unknown[] {
  const row: unknown[] = Array(ONLINE_LAYOUT.width).fill('');
  const at = ONLINE_LAYOUT.at;
  row[at.date] = '10/01/2570';
  row[at.regNo] = `R${i}`;
  row[at.name] = `กลุ่ม ${i}`;
  row[at.channel] = channel;
  return row;
}
