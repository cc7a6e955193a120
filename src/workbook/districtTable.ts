/**
 * The district table (`อำเภอ`): the letter's figures, targets, live results and levels. Its
 * results are formulas over the entry sheets, so they update as officers type.
 */
import { ACTIVITY_WIDTH, BASELINE_SHEET_NAME, ONLINE_WIDTH } from '../core/entryLayout';
import type { PercentBasis } from './settings';
import { entrySheetName, quoteSheet, SHEET } from './sheetNames';
import { CRITERIA_RANGE, CHANNEL_RANGE, CRITERIA_TOP } from './criteriaSheet';

export const DISTRICT_HEADERS = [
  'ที่',
  'อำเภอ',
  'ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)',
  'ส่งเสริมแล้ว ปี ๖๔',
  'เป้ากิจกรรม (ครั้ง)',
  'เป้าช่องทาง',
  'เป้าผู้ประกอบการ',
  'กิจกรรม (ครั้ง)',
  'ช่องทางออนไลน์',
  'ผู้ประกอบการรายใหม่',
  'ร้อยละ',
  'คะแนน',
  'ระดับ',
  'ขั้นต่อไป',
];

/** The label of the district table's total row. */
export const TOTAL_LABEL = 'รวมทั้งจังหวัด';

/** 0-based columns of the district table. */
export const DISTRICT_COL = {
  no: 0,
  name: 1,
  registered: 2,
  promoted: 3,
  activityGoal: 4,
  channelGoal: 5,
  operatorGoal: 6,
  activities: 7,
  channels: 8,
  newOperators: 9,
  percent: 10,
  score: 11,
  level: 12,
  next: 13,
} as const;

/** Columns the officers' figures live in: never overwritten once filled. */
export const DISTRICT_INPUT_COLUMNS: readonly number[] = [
  DISTRICT_COL.name,
  DISTRICT_COL.registered,
  DISTRICT_COL.promoted,
];

/** A district row's figures as the letter gives them. */
export interface DistrictFigures {
  readonly name: string;
  readonly registered: number;
  readonly promoted: number;
}

/** Where the tally reads its settings. */
export interface SettingRefs {
  /** e.g. ตั้งค่า!$B$4 */
  readonly asOf: string;
  readonly fiscalYear: string;
}

/** Column letter of a 0-based column. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The district table's content, header first: numbers for the officers' figures, formula
 * text (starting with =) for everything computed. Rows 2..N+1 are districts, N+2 the total.
 * @param districts the districts' figures, in table order
 * @param refs where the settings are
 * @param basis the percentage basis
 */
export function districtTableRows(
  districts: readonly DistrictFigures[],
  refs: SettingRefs,
  basis: PercentBasis,
): (string | number)[][] {
  const first = 2;
  const last = districts.length + 1;
  const col = (c: number) => columnLetter(c);
  const span = (c: number) => `${col(c)}${first}:${col(c)}${last}`;
  const stack = (kind: 'activities' | 'online', width: number) =>
    `{${districts.map((d) => `${quoteSheet(entrySheetName(kind, d.name))}!A2:${columnLetter(width - 1)}`).join('; ')}}`;
  const baseline = `${quoteSheet(BASELINE_SHEET_NAME)}!A2:C`;
  const scoreArgs = `${span(DISTRICT_COL.activities)}, ${span(DISTRICT_COL.channels)}, ${span(DISTRICT_COL.newOperators)}, ${span(DISTRICT_COL.registered)}, ${CRITERIA_RANGE}`;
  const percentColumns = [
    DISTRICT_COL.newOperators,
    DISTRICT_COL.registered,
    ...(basis === 'neverOnline' ? [DISTRICT_COL.promoted] : []),
  ];
  const percentOf = (ref: (c: number) => string) => `=OTOP_PERCENT(${percentColumns.map(ref).join(', ')})`;
  const rows: (string | number)[][] = [DISTRICT_HEADERS.slice()];
  districts.forEach((d, i) => {
    const row: (string | number)[] = Array(DISTRICT_HEADERS.length).fill('');
    row[DISTRICT_COL.no] = i + 1;
    row[DISTRICT_COL.name] = d.name;
    row[DISTRICT_COL.registered] = d.registered;
    row[DISTRICT_COL.promoted] = d.promoted;
    row[DISTRICT_COL.activityGoal] = `=${SHEET.criteria}!${CRITERIA_TOP.activities}`;
    row[DISTRICT_COL.channelGoal] = `=${SHEET.criteria}!${CRITERIA_TOP.channels}`;
    if (i === 0) {
      row[DISTRICT_COL.operatorGoal] =
        `=OTOP_TARGET(${span(DISTRICT_COL.registered)}, ${SHEET.criteria}!${CRITERIA_TOP.percent})`;
      row[DISTRICT_COL.activities] =
        `=OTOP_TALLY(${span(DISTRICT_COL.name)}, ${stack('activities', ACTIVITY_WIDTH)}, ${stack('online', ONLINE_WIDTH)}, ` +
        `${baseline}, ${refs.asOf}, ${refs.fiscalYear}, ${CHANNEL_RANGE})`;
      row[DISTRICT_COL.percent] = percentOf(span);
      row[DISTRICT_COL.score] = `=OTOP_SCORE(${scoreArgs})`;
      row[DISTRICT_COL.level] = `=OTOP_LEVEL(${scoreArgs})`;
      row[DISTRICT_COL.next] = `=OTOP_NEXT(${scoreArgs})`;
    }
    rows.push(row);
  });
  const total: (string | number)[] = Array(DISTRICT_HEADERS.length).fill('');
  total[DISTRICT_COL.name] = TOTAL_LABEL;
  for (const c of [
    DISTRICT_COL.registered,
    DISTRICT_COL.promoted,
    DISTRICT_COL.activityGoal,
    DISTRICT_COL.operatorGoal,
    DISTRICT_COL.activities,
    DISTRICT_COL.newOperators,
  ]) {
    total[c] = `=SUM(${span(c)})`;
  }
  total[DISTRICT_COL.percent] = percentOf((c) => `${col(c)}${last + 1}`);
  rows.push(total);
  return rows;
}
