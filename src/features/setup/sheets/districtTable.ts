/**
 * The district table (`อำเภอ`): the letter's figures typed by the province, and each district's
 * live result from ONE formula per district row (OTOP_DISTRICT over that district's own two
 * sheets), which spills its eight results and its twelve months' trend across the row; the total row is native SUMs and a
 * native percentage with exactly the core's rounding, so no other custom function recomputes
 * when an officer types.
 */
import { BASIS_TEXT } from '../../../kernel/settings';
import { defineLayout } from '../../../kernel/layout';
import { DISTRICT_OUTPUTS } from '../../standing/rules/districtResult';
import { TREND_MONTHS } from '../../standing/rules/districtTrend';
import { THAI_MONTHS_SHORT } from '../../../kernel/thaiDate';
import { columnLetter } from '../../../kernel/a1';
import { MEASURES, type MeasureKey } from '../../../kernel/measures';

const FIGURE_NOTE = 'ตัวเลขเท่านั้น (ไม่ใส่หน่วย) เพื่อให้ผลรวมจังหวัดนับได้';

/** The width and note of each measure's column (its header is the measure's). */
const MEASURE_COLUMNS: Readonly<Record<MeasureKey, { readonly width: number; readonly note?: string }>> = {
  activities: { width: 90 },
  channels: { width: 90 },
  newOperators: { width: 110, note: 'ไม่ซ้ำกับผู้ที่ออนไลน์แล้วในชีตฐาน ๒๕๖๔ นับรายละครั้งเดียว' },
};

/** The district table's columns. */
export const DISTRICT_LAYOUT = /* @__PURE__ */ defineLayout('อำเภอ', [
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
  ...MEASURES.map((m) => ({ key: m.key, header: m.header, ...MEASURE_COLUMNS[m.key] })),
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

/** The columns of the district table. */
export type DistrictColumn = (typeof DISTRICT_LAYOUT.columns)[number]['key'];
/** 0-based columns of the district table. */
export const DISTRICT_COL = DISTRICT_LAYOUT.at;
/** The label of the district table's total row. */
export const TOTAL_LABEL = 'รวมทั้งจังหวัด';

/** The spill of OTOP_DISTRICT covers the table's computed columns, in the same order. */
const SPILL_START = DISTRICT_COL[DISTRICT_OUTPUTS[0]];
if (DISTRICT_OUTPUTS.some((key, i) => DISTRICT_COL[key] !== SPILL_START + i)) {
  throw new Error('district table: OTOP_DISTRICT outputs must be the table columns from "target" on');
}
/** Computed columns filled by the district formula's spill (they hold nothing of their own). */
export const SPILL_COLUMNS: readonly number[] = DISTRICT_OUTPUTS.slice(1).map((key) => DISTRICT_COL[key]);

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
  const cell = (key: DistrictColumn) => `${columnLetter(DISTRICT_COL[key])}${row}`;
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
 * @return column → value or formula
 */
export function totalRowCells(
  row: number,
  first: number,
  last: number,
  refs: TableRefs,
  noFigure: string,
): Map<number, string> {
  const letter = (key: DistrictColumn) => columnLetter(DISTRICT_COL[key]);
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
    ...MEASURES.filter((m) => m.summed).map((m) => [DISTRICT_COL[m.key], countSum(m.key)] as const),
    [DISTRICT_COL.percent, percent],
  ]);
}
