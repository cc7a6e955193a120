/**
 * The district table (`อำเภอ`): the letter's figures typed by the province, and each district's
 * live result from ONE formula per district row (OTOP_DISTRICT over that district's own two
 * sheets), which spills its eight results and its twelve months' trend across the row; the total row is native SUMs and a
 * native percentage with exactly the core's rounding, so no other custom function recomputes
 * when an officer types.
 */
import { BASIS_TEXT } from '../../../kernel/settings';
import { defineLayout, type Layout } from '../../../kernel/layout';
import { type DistrictOutput, districtOutputs } from '../../standing/rules/districtResult';
import { TREND_MONTHS } from '../../standing/rules/districtTrend';
import { THAI_MONTHS_SHORT } from '../../../kernel/thaiDate';
import { columnLetter } from '../../../kernel/a1';
import { MEASURES, type MeasureKey, type MeasureOf } from '../../../kernel/measures';
import { madeOnFirstUse } from '../../../kernel/remembered';
import { profileOf } from '../../../kernel/yearProfile';

const FIGURE_NOTE = 'ตัวเลขเท่านั้น (ไม่ใส่หน่วย) เพื่อให้ผลรวมจังหวัดนับได้';

/** The width and note of each measure's column (its header is the measure's). */
const MEASURE_COLUMNS: Readonly<Record<MeasureKey, { readonly width: number; readonly note?: string }>> = {
  activities: { width: 90 },
  channels: { width: 90 },
  newOperators: { width: 110, note: 'ไม่ซ้ำกับผู้ที่ออนไลน์แล้วในชีตฐาน ๒๕๖๔ นับรายละครั้งเดียว' },
};

/** The district table's columns before the measures: the same in every fiscal year's table. */
const LEADING_COLUMNS = [
  { key: 'no', header: 'ที่', width: 40 },
  { key: 'name', header: 'อำเภอ', width: 130, required: true },
  { key: 'registered', header: 'ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)', width: 110, note: FIGURE_NOTE, required: true },
  { key: 'promoted', header: 'ส่งเสริมแล้ว ปี ๖๔', width: 90, note: FIGURE_NOTE, required: true },
  { key: 'activityGoal', header: 'เป้ากิจกรรม (ครั้ง)', width: 90 },
  { key: 'channelGoal', header: 'เป้าช่องทาง', width: 80 },
  {
    key: 'target',
    header: 'เป้าผู้ประกอบการ',
    width: 100,
    note: 'ร้อยละ 5 ของผู้ประกอบการทั้งหมด ปัดครึ่งขึ้น อย่างน้อย 1 ราย',
  },
] as const;

/** A column before the measures. */
type LeadingColumn = (typeof LEADING_COLUMNS)[number]['key'];
/** The columns of the district table (of any fiscal year: a year's table has its measures'). */
export type DistrictColumn = DistrictOutput | LeadingColumn;

/**
 * The district table's columns for a year's measures: the leading columns, the measures in the
 * year's order, the result and the trend's months (OTOP_DISTRICT's outputs from "target" on).
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf)
 */
function districtLayout_(measures: readonly MeasureOf[]): Layout<DistrictColumn> {
  // The percentage and the trend are new operators' (the letter's): a year without them needs rules of its own.
  if (!measures.some((m) => m.key === 'newOperators')) {
    throw new Error("district table: the percentage and the trend are new operators', which the year does not count");
  }
  const layout = defineLayout<DistrictColumn>('อำเภอ', [
    ...LEADING_COLUMNS,
    ...measures.map((m) => ({ key: m.key, header: m.header, ...MEASURE_COLUMNS[m.key] })),
    { key: 'percent', header: 'ร้อยละ', width: 70, format: '0.00' },
    { key: 'score', header: 'คะแนน', width: 60 },
    { key: 'level', header: 'ระดับ', width: 100 },
    { key: 'next', header: 'ขั้นต่อไป', width: 320 },
    // The trend the dashboard draws: new operators up to each month's end, % of the target.
    ...TREND_MONTHS.map((key, i) => ({
      key,
      header: `สะสม ${THAI_MONTHS_SHORT[(9 + i) % 12]} (%เป้า)`,
      width: 80,
      format: '0.0',
      ...(i === 0 ? { note: 'ผู้ประกอบการรายใหม่สะสมถึงสิ้นเดือน เป็นร้อยละของเป้า (แดชบอร์ดใช้วาดกราฟแนวโน้ม)' } : {}),
    })),
  ]);
  // The spill of OTOP_DISTRICT covers the table's computed columns, in the same order.
  const outputs = districtOutputs(measures);
  const start = layout.at[outputs[0]];
  if (outputs.some((key, i) => layout.at[key] !== start + i) || start + outputs.length !== layout.width) {
    throw new Error('district table: OTOP_DISTRICT outputs must be the table columns from "target" on');
  }
  return layout;
}

/** The district table's layout of each list of measures, made once a list (a layout is compared by identity). */
const layouts_ = new Map<readonly MeasureOf[], Layout<DistrictColumn>>();

/**
 * The district table's layout for a year's measures, made once a list.
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf)
 */
export function districtLayout(measures: readonly MeasureOf[]): Layout<DistrictColumn> {
  let layout = layouts_.get(measures);
  if (layout === undefined) {
    layout = districtLayout_(measures);
    layouts_.set(measures, layout);
  }
  return layout;
}

/**
 * The district table's layout of a fiscal year (its profile's measures).
 * @param fiscalYear the BE fiscal year at hand (the settings' year, a kept table's own)
 */
export function districtLayoutOf(fiscalYear: number): Layout<DistrictColumn> {
  return districtLayout(profileOf(fiscalYear).measures);
}

/**
 * The headers of the columns after "target" in any fiscal year's table (the catalogue's measures,
 * the result, the trend): the add-on's own labels, which a year whose measures differ moves or
 * leaves beyond its last column.
 */
export const computedLabels = /* @__PURE__ */ madeOnFirstUse((): readonly string[] => {
  const layout = districtLayout(MEASURES);
  return layout.headers.slice(layout.at.target + 1);
});

/** 0-based columns before the measures, the same in every fiscal year's table (the others: districtLayoutOf(year).at). */
export const DISTRICT_COL = /* @__PURE__ */ Object.fromEntries(LEADING_COLUMNS.map((c, i) => [c.key, i])) as Readonly<
  Record<LeadingColumn, number>
>;
/** The label of the district table's total row. */
export const TOTAL_LABEL = 'รวมทั้งจังหวัด';

/**
 * The computed columns a year's table fills by the district formula's spill (they hold nothing
 * of their own): its outputs after "target".
 * @param layout the year's district table (districtLayout)
 */
export function spillColumns(layout: Layout<DistrictColumn>): number[] {
  return layout.columns.slice(layout.at.target + 1).map((c) => layout.at[c.key]);
}

/** Where the formulas read: each reference already quoted (`'เกณฑ์'!$C$3`). */
export interface TableRefs {
  readonly baseline: string;
  /** The settings sheet's label · value rows. */
  readonly settings: string;
  readonly criteria: string;
  readonly channels: string;
  /** The top level's activities and channels minimums. */
  readonly topActivities: string;
  readonly topChannels: string;
  /** The settings cell holding the percentage basis. */
  readonly basis: string;
}

/** A district's own two sheets, as formula references. */
export interface DistrictSheetRefs {
  readonly activities: string;
  readonly online: string;
}

/**
 * The planned formula cells of a district row.
 * @param row 1-based sheet row
 * @param sheets the district's sheet references
 * @param refs where the formulas read
 * @return column → formula
 */
export function districtRowFormulas(row: number, sheets: DistrictSheetRefs, refs: TableRefs): Map<number, string> {
  const cell = (key: LeadingColumn) => `${columnLetter(DISTRICT_COL[key])}${row}`;
  const args = [
    cell('name'),
    cell('registered'),
    cell('promoted'),
    sheets.activities,
    sheets.online,
    refs.baseline,
    refs.settings,
    refs.criteria,
    refs.channels,
  ];
  return new Map([
    [DISTRICT_COL.activityGoal, `=${refs.topActivities}`],
    [DISTRICT_COL.channelGoal, `=${refs.topChannels}`],
    [DISTRICT_COL.target, `=OTOP_DISTRICT(${args.join(', ')})`],
  ]);
}

/**
 * The planned cells of the total row: native SUMs of the district rows (OTOP_SUM for the typed
 * figures), and the percentage of
 * the sums with the core's integer rounding (targets.percentage: ⌊(2·part·10000 + base) ÷
 * (2·base)⌋ ÷ 100, which Sheets' FLOOR computes exactly for whole numbers), on the basis the
 * settings cell names, NO_FIGURE without a base (districtResult's rules), and the target total's
 * error in the percentage and the activities and new operators totals while a district cannot
 * be counted.
 * @param row 1-based sheet row of the total
 * @param first 1-based first district row
 * @param last 1-based last district row
 * @param refs where the settings are
 * @param noFigure what to show without a base
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf): the sums of those summed
 * @return column → value or formula
 */
export function totalRowCells(
  row: number,
  first: number,
  last: number,
  refs: TableRefs,
  noFigure: string,
  measures: readonly MeasureOf[],
): Map<number, string> {
  const at = districtLayout(measures).at;
  const letter = (key: DistrictColumn) => columnLetter(at[key]);
  const sum = (key: DistrictColumn) => `=SUM(${letter(key)}${first}:${letter(key)}${last})`;
  const figureSum = (key: DistrictColumn) => `=OTOP_SUM(${letter(key)}${first}:${letter(key)}${last})`;
  const reg = `${letter('registered')}${row}`;
  const promoted = `${letter('promoted')}${row}`;
  // The percentage is new operators' (of the registered, the letter's), as a district's.
  const fresh = `${letter('newOperators')}${row}`;
  const base = `IF(TRIM(${refs.basis})="${BASIS_TEXT.neverOnline}", ${reg}-${promoted}, ${reg})`;
  // A district row whose figures cannot be computed leaves its spill blank, so the sums would
  // drop it silently; its target cell holds the error, and so does the target total: the
  // percentage shows that error rather than a figure without the district.
  const targets = `${letter('target')}${row}`;
  // The same for the counts' totals (the measures the province adds up: kernel/measures.ts
  // summed): while a district cannot be counted they show the target total's error (the
  // district table names the row), never a sum without that district.
  const countSum = (key: DistrictColumn) =>
    `=IF(ISNUMBER(${targets}), SUM(${letter(key)}${first}:${letter(key)}${last}), ${targets})`;
  const percent =
    `=IF(ISNUMBER(${targets}), IF(${base}>0, FLOOR((2*${fresh}*10000+${base})/(2*(${base})))/100, ` +
    `"${noFigure}"), ${targets})`;
  return new Map([
    [DISTRICT_COL.name, TOTAL_LABEL],
    // The typed figures may be Thai digits or text numbers, which SUM skips: OTOP_SUM reads them as the rows do.
    [DISTRICT_COL.registered, figureSum('registered')],
    [DISTRICT_COL.promoted, figureSum('promoted')],
    [DISTRICT_COL.activityGoal, sum('activityGoal')],
    [DISTRICT_COL.target, sum('target')],
    ...measures.filter((m) => m.summed).map((m) => [at[m.key], countSum(m.key)] as const),
    [at.percent, percent],
  ]);
}
