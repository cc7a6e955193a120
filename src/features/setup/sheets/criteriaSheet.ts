/**
 * The criteria sheet (`เกณฑ์`): the scoring table (rows 2–8) that every scoring formula reads,
 * and the channel alias table (from row 12) that the tally reads. Both are editable by the
 * province; set-up writes them only where they are blank.
 */
import { CHANNEL_TABLE_HEADERS, DEFAULT_CHANNEL_ROWS } from '../../counting/rules/channels';
import type { Criteria } from '../../../kernel/criteria';
import { criteriaHeaders, criteriaToRows } from '../rules/criteriaTable';
import type { MeasureKey, MeasureOf } from '../../../kernel/measures';
import { isBlank } from '../../../kernel/text';
import { a1, columnLetter, sheetRef } from '../../../kernel/a1';

/** 1-based rows of the criteria sheet's parts. */
export const CRITERIA_LAYOUT = {
  title: 1,
  table: 2, // header row of the scoring table; levels 5..1 and 0 follow
  tableRows: 7,
  channelTitle: 10,
  channelHeader: 11,
  channels: 12,
  channelWidth: 26,
} as const;

/**
 * The scoring table's width: score, level, a minimum per measure of the year, three band columns.
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf)
 */
export function criteriaWidth(measures: readonly MeasureOf[]): number {
  return criteriaHeaders(measures).length;
}

/**
 * Where the formulas read the criteria sheet, under its current name: the scoring table, the
 * channel alias table (open-ended, bounded by the sheet's size, so the province can add rows)
 * and the top level's minimums (row 3 = score 5), the goals of the district table.
 * @param sheetName the criteria sheet's name now
 * @param measures the fiscal year's measures (the table's minimum columns)
 */
export function criteriaRefs(
  sheetName: string,
  measures: readonly MeasureOf[],
): {
  table: string;
  channels: string;
  topActivities: string;
  topChannels: string;
} {
  const last = CRITERIA_LAYOUT.table + CRITERIA_LAYOUT.tableRows - 1;
  // The top level's minimum of a measure: its column (after score and level) on row 3.
  // A measure the year does not have has no column: no reference ('').
  const top = (key: MeasureKey) => {
    const at = measures.findIndex((m) => m.key === key);
    return at < 0 ? '' : sheetRef(sheetName, `$${columnLetter(2 + at)}$3`);
  };
  return {
    table: sheetRef(sheetName, `$A$${CRITERIA_LAYOUT.table}:$${columnLetter(criteriaWidth(measures) - 1)}$${last}`),
    channels: sheetRef(sheetName, '$A$12:$Z'),
    topActivities: top('activities'),
    topChannels: top('channels'),
  };
}

export const CRITERIA_TITLE = 'เกณฑ์การให้คะแนน (แก้ไขได้ ทุกสูตรในสมุดงานอ่านจากตารางนี้)';
export const CHANNEL_TITLE = 'ชื่อช่องทางออนไลน์: ชื่อหลัก และชื่อเรียกอื่นที่นับเป็นช่องทางเดียวกัน (เพิ่มแถวหรือชื่อได้)';

/**
 * The criteria sheet's default content, row 1 first (rows of unequal length; the adapter pads).
 * @param criteria the criteria to write (FY 2565's on a new workbook)
 * @param measures the fiscal year's measures
 */
export function criteriaSheetRows(criteria: Criteria, measures: readonly MeasureOf[]): unknown[][] {
  return [
    [CRITERIA_TITLE],
    ...criteriaToRows(criteria, measures),
    [],
    [CHANNEL_TITLE],
    [
      CHANNEL_TABLE_HEADERS[0],
      ...Array.from({ length: CRITERIA_LAYOUT.channelWidth - 1 }, (_, i) => (i === 0 ? CHANNEL_TABLE_HEADERS[1] : '')),
    ],
    ...fitChannelRows(DEFAULT_CHANNEL_ROWS, CRITERIA_LAYOUT.channelWidth),
  ];
}

/**
 * The channel alias table as the formulas read it (rows from CRITERIA_LAYOUT.channels, the
 * table's columns only), from the criteria sheet's values; the server reads the same cells.
 * @param values the criteria sheet's values from A1
 * @return the table's rows and the A1 of cells to its right (names nothing reads)
 */
export function channelTableOf(values: readonly (readonly unknown[])[]): { rows: unknown[][]; beyond: string[] } {
  const rows = values.slice(CRITERIA_LAYOUT.channels - 1);
  const beyond: string[] = [];
  rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (c >= CRITERIA_LAYOUT.channelWidth && !isBlank(v)) beyond.push(a1(CRITERIA_LAYOUT.channels + i, c + 1));
    });
  });
  return { rows: rows.map((row) => row.slice(0, CRITERIA_LAYOUT.channelWidth)), beyond };
}

/**
 * The alias table with every row at most `width` cells: a longer row continues on rows that
 * repeat its channel name (the tally reads them as one channel), as the formulas read only
 * the table's columns.
 * @param rows the alias table, `[canonical, alias…]` per row
 * @param width cells per row
 */
export function fitChannelRows(rows: readonly (readonly string[])[], width: number): string[][] {
  return rows.flatMap(([canonical, ...aliases]) => {
    const out: string[][] = [];
    for (let i = 0; i === 0 || i < aliases.length; i += width - 1)
      out.push([canonical, ...aliases.slice(i, i + width - 1)]);
    return out;
  });
}
