/**
 * The criteria sheet (`เกณฑ์`): the scoring table (rows 2–8) that every scoring formula reads,
 * and the channel alias table (from row 12) that the tally reads. Both are editable by the
 * province; set-up writes them only where they are blank.
 */
import { CHANNEL_TABLE_HEADERS, DEFAULT_CHANNEL_ROWS } from '../core/channels';
import type { Criteria } from '../core/criteria';
import { criteriaToRows } from '../core/criteriaTable';
import { SHEET } from './sheetNames';

/** 1-based rows of the criteria sheet's parts. */
export const CRITERIA_LAYOUT = {
  title: 1,
  table: 2, // header row of the scoring table; levels 5..1 and 0 follow
  tableRows: 7,
  channelTitle: 10,
  channelHeader: 11,
  channels: 12,
  width: 8,
  channelWidth: 26,
} as const;

/** The scoring table, as the scoring functions' criteria argument. */
export const CRITERIA_RANGE = `${SHEET.criteria}!$A$2:$H$8`;
/** The channel alias table, open-ended so the province can add rows. */
export const CHANNEL_RANGE = `${SHEET.criteria}!$A$12:$Z`;
/** The top level's minimums (row 3 = score 5): the goals of the district table. */
export const CRITERIA_TOP = { activities: '$C$3', channels: '$D$3', percent: '$E$3' } as const;

export const CRITERIA_TITLE = 'เกณฑ์การให้คะแนน (แก้ไขได้ ทุกสูตรในสมุดงานอ่านจากตารางนี้)';
export const CHANNEL_TITLE = 'ชื่อช่องทางออนไลน์: ชื่อหลัก และชื่อเรียกอื่นที่นับเป็นช่องทางเดียวกัน (เพิ่มแถวหรือชื่อได้)';

/**
 * The criteria sheet's default content, row 1 first (rows of unequal length; the adapter pads).
 * @param criteria the criteria to write (FY 2565's on a new workbook)
 */
export function criteriaSheetRows(criteria: Criteria): unknown[][] {
  return [
    [CRITERIA_TITLE],
    ...criteriaToRows(criteria),
    [],
    [CHANNEL_TITLE],
    [
      CHANNEL_TABLE_HEADERS[0],
      ...Array.from({ length: CRITERIA_LAYOUT.channelWidth - 1 }, (_, i) => (i === 0 ? CHANNEL_TABLE_HEADERS[1] : '')),
    ],
    ...DEFAULT_CHANNEL_ROWS.map((row) => [...row]),
  ];
}
