/**
 * The dashboard sheet (`แดชบอร์ด`) as data: a computed range of native formulas that read the
 * district table, its month columns included (live: recalculated as officers type), and the three native
 * charts that read it — each district's new operators against its target, activities against
 * the top level's 5, and the month-by-month trend of new operators as a percentage of the
 * target with the 100 % line. Set-up writes the cells that differ and inserts the charts that
 * are missing or whose ranges differ (features/standing/store/dashboard.ts).
 */
import { columnLetter, sheetRef } from '../../../kernel/a1';
import { type DistrictColumn, districtLayoutOf, type TableRefs } from '../../setup/sheets/districtTable';
import { TREND_MONTHS } from '../rules/districtTrend';
import { THAI_MONTHS_SHORT } from '../../../kernel/thaiDate';

/** A district's row in the district table. */
export interface DashboardDistrict {
  readonly row: number;
}

/** A chart the dashboard has. */
export interface ChartSpec {
  /** Which chart (its title's key: the charts are told apart by their ranges). */
  readonly key: 'operators' | 'activities' | 'trend';
  readonly type: 'column' | 'line';
  readonly title: string;
  /** A1 ranges of the dashboard sheet, the first the categories. */
  readonly ranges: readonly string[];
  /** Rows are series (the trend block has a district per row). */
  readonly transpose: boolean;
  /** Anchor row and column (1-based). */
  readonly at: readonly [number, number];
  readonly colors: readonly string[];
  /** Extra chart options (e.g. the target as a dashed line). */
  readonly options: Readonly<Record<string, unknown>>;
}

/** The dashboard's cells and charts. */
export interface DashboardPlan {
  /** row → column → value or formula (1-based) */
  readonly cells: ReadonlyMap<number, ReadonlyMap<number, string | number>>;
  readonly width: number;
  readonly height: number;
  readonly charts: readonly ChartSpec[];
  /** Rows in bold (the title and headers). */
  readonly boldRows: readonly number[];
  /** The month labels' row (formatted as text so that Sheets does not parse them). */
  readonly labelRow: number;
}

export const DASHBOARD_TITLE = 'แดชบอร์ด OTOP (ปรับตามข้อมูลที่บันทึกโดยอัตโนมัติ ห้ามแก้ไขเซลล์ในชีตนี้)';
/** The table of the first two charts starts here. */
const TABLE_ROW = 3;
/** The grey of a target series. */
const TARGET_GREY = '#999999';
/** Where the charts sit: right of the tables. */
const CHART_COLUMN = 16;

/**
 * The dashboard of a workbook.
 * @param districtSheet the district table's sheet name
 * @param districts each district's table row, in the table's order
 * @param refs the table's references (settings, criteria, baseline, channels)
 * @param fiscalYear BE fiscal year (the month labels; its district table's columns)
 * @param colours the top level's band colour (achieved series)
 */
export function dashboardPlan(
  districtSheet: string,
  districts: readonly DashboardDistrict[],
  refs: TableRefs,
  fiscalYear: number,
  colours: { achieved: string; activities: string },
): DashboardPlan {
  const cells = new Map<number, Map<number, string | number>>();
  const put = (row: number, column: number, value: string | number) => {
    if (!cells.has(row)) cells.set(row, new Map());
    cells.get(row)?.set(column, value);
  };
  const at = districtLayoutOf(fiscalYear).at;
  // The charts are new operators' and activities' (left explicit): a year without activities shows none.
  const table = (key: DistrictColumn, row: number) =>
    key in at ? `=${sheetRef(districtSheet, `${columnLetter(at[key])}${row}`)}` : '';
  const n = districts.length;
  put(1, 1, DASHBOARD_TITLE);
  ['อำเภอ', 'ผู้ประกอบการรายใหม่', 'เป้าผู้ประกอบการ', 'กิจกรรม (ครั้ง)', 'เป้ากิจกรรม'].forEach((h, c) => {
    put(TABLE_ROW, c + 1, h);
  });
  districts.forEach((d, i) => {
    const row = TABLE_ROW + 1 + i;
    put(row, 1, table('name', d.row));
    put(row, 2, table('newOperators', d.row));
    put(row, 3, table('target', d.row));
    put(row, 4, table('activities', d.row));
    put(row, 5, `=${refs.topActivities}`);
  });
  const last = TABLE_ROW + n;
  const trend = last + 3;
  put(trend, 1, 'ร้อยละของเป้าผู้ประกอบการ (สะสม)');
  const ce = fiscalYear - 543;
  for (let i = 0; i < 12; i++) {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? ce - 1 : ce;
    // Text, not dates: the chart's categories (the row is formatted as text, labelRow).
    put(trend, 2 + i, `${THAI_MONTHS_SHORT[month - 1]} ${String(year + 543).slice(2)}`);
  }
  districts.forEach((d, i) => {
    const row = trend + 1 + i;
    put(row, 1, table('name', d.row));
    // The district table's month columns (OTOP_DISTRICT's spill): native references, so an
    // edit re-runs no other custom function.
    TREND_MONTHS.forEach((key, m) => {
      put(row, 2 + m, table(key, d.row));
    });
  });
  const goal = trend + n + 1;
  put(goal, 1, 'เป้าหมาย (ร้อยละ 100)');
  for (let i = 0; i < 12; i++) put(goal, 2 + i, 100);
  const span = (first: number, firstColumn: string, lastRow: number, lastColumn: string) =>
    `${firstColumn}${first}:${lastColumn}${lastRow}`;
  const trendColours = [...districtPalette_(n), TARGET_GREY];
  const charts: ChartSpec[] = [
    {
      key: 'operators',
      type: 'column',
      title: 'ผู้ประกอบการรายใหม่เทียบเป้า รายอำเภอ',
      ranges: [span(TABLE_ROW, 'A', last, 'C')],
      transpose: false,
      at: [TABLE_ROW, CHART_COLUMN],
      colors: [colours.achieved, TARGET_GREY],
      options: {},
    },
    {
      key: 'activities',
      type: 'column',
      title: 'กิจกรรมเทียบเป้า 5 ครั้ง รายอำเภอ',
      ranges: [span(TABLE_ROW, 'A', last, 'A'), span(TABLE_ROW, 'D', last, 'E')],
      transpose: false,
      at: [TABLE_ROW + 20, CHART_COLUMN],
      colors: [colours.activities, TARGET_GREY],
      options: {},
    },
    {
      key: 'trend',
      type: 'line',
      title: 'แนวโน้มผู้ประกอบการรายใหม่สะสม (ร้อยละของเป้า) รายเดือน',
      ranges: [span(trend, 'A', goal, 'M')],
      transpose: true,
      at: [TABLE_ROW + 40, CHART_COLUMN],
      colors: trendColours,
      // The target: the last series, dashed.
      options: { series: { [n]: { lineDashStyle: [6, 4] } } },
    },
  ];
  return { cells, width: 13, height: goal, charts, boldRows: [1, TABLE_ROW, trend, goal], labelRow: trend };
}

/** Distinct colours for the districts' lines (Sheets' default palette order). */
function districtPalette_(n: number): string[] {
  const palette = [
    '#4285f4',
    '#db4437',
    '#f4b400',
    '#0f9d58',
    '#ab47bc',
    '#00acc1',
    '#ff7043',
    '#9e9d24',
    '#5c6bc0',
    '#f06292',
    '#00796b',
    '#c2185b',
  ];
  return Array.from({ length: n }, (_, i) => palette[i % palette.length]);
}
