/**
 * The round summary and the monthly report as grids of values (snapshots: no formulas), laid
 * out from one declaration per report (its table's columns, its header block), which the writer
 * uses to place band rules and the sender uses to read the sheet back. User text (names,
 * activities, links, registration numbers) is written as text, as typed, by the writer.
 */
import type { Day } from '../core/civilDate';
import { ymdOf } from '../core/civilDate';
import { NO_FIGURE, UNASSESSED } from '../core/districtResult';
import { defineLayout, type Layout } from '../core/layout';
import { formatThaiDate, formatThaiMonth } from '../core/thaiDate';
import type { DistrictStanding, Standing } from './standing';

/** Who made a report and when, for its header. */
export interface MadeBy {
  readonly province: string;
  readonly fiscalYear: number;
  /** E-mail, or a Thai phrase when unknown. */
  readonly who: string;
  /** Thai date-time text. */
  readonly when: string;
}

export const TITLE = 'การบริหารการส่งเสริมช่องทางการตลาดผลิตภัณฑ์ชุมชน (OTOP)';
/** The status cell of the newest report. */
export const NEWEST = 'ฉบับล่าสุด';

/** The round summary's table. */
export const ROUND_TABLE = defineLayout('สรุปผล', [
  { key: 'no', header: 'ที่', width: 28 },
  { key: 'district', header: 'อำเภอ', width: 90 },
  { key: 'registered', header: 'ผู้ประกอบการทั้งหมด', width: 60 },
  { key: 'promoted', header: 'ส่งเสริมแล้ว ปี ๖๔', width: 55 },
  { key: 'activityGoal', header: 'เป้ากิจกรรม', width: 50 },
  { key: 'channelGoal', header: 'เป้าช่องทาง', width: 50 },
  { key: 'target', header: 'เป้าผู้ประกอบการ', width: 55 },
  { key: 'activities', header: 'กิจกรรม', width: 50 },
  { key: 'channels', header: 'ช่องทาง', width: 50 },
  { key: 'newOperators', header: 'ผู้ประกอบการรายใหม่', width: 60 },
  { key: 'percent', header: 'ร้อยละ', width: 45 },
  { key: 'score', header: 'คะแนน', width: 40 },
  { key: 'level', header: 'ระดับ', width: 60 },
  { key: 'next', header: 'ขั้นต่อไป', width: 170 },
  // Whether the district's figures are those it submitted or the live entries (its submission).
  { key: 'source', header: 'ที่มาของข้อมูล', width: 120 },
]);

/** The monthly report's table. */
export const MONTH_TABLE = defineLayout('รายงานประจำเดือน', [
  { key: 'no', header: 'ที่', width: 28 },
  { key: 'district', header: 'อำเภอ', width: 90 },
  { key: 'activities', header: 'กิจกรรม', width: 50 },
  { key: 'activitiesAdded', header: 'เพิ่มในเดือน', width: 50 },
  { key: 'channels', header: 'ช่องทาง', width: 50 },
  { key: 'channelsAdded', header: 'เพิ่มในเดือน', width: 50 },
  { key: 'newOperators', header: 'ผู้ประกอบการรายใหม่', width: 60 },
  { key: 'operatorsAdded', header: 'เพิ่มในเดือน', width: 50 },
  { key: 'target', header: 'เป้าผู้ประกอบการ', width: 55 },
  { key: 'percent', header: 'ร้อยละ', width: 45 },
  { key: 'score', header: 'คะแนน', width: 40 },
  { key: 'level', header: 'ระดับ', width: 60 },
  { key: 'lastLevel', header: 'ระดับเดือนก่อน', width: 60 },
  { key: 'next', header: 'ขั้นต่อไป', width: 170 },
]);

/** Rows of the header block above a report's table. */
const HEADER_ROWS = 5;
/** The row of the status cell (ฉบับล่าสุด / ฉบับเก่า / ฉบับชั่วคราว). */
const STATUS_ROW = 4;

/** Where a report's parts are (1-based rows and columns). */
export interface ReportLayout {
  readonly kind: 'round' | 'month';
  readonly table: Layout<string>;
  readonly width: number;
  readonly headerRow: number;
  readonly firstDistrictRow: number;
  readonly lastDistrictRow: number;
  readonly totalRow: number;
  readonly scoreColumn: number;
  readonly levelColumn: number;
  readonly nameColumn: number;
  readonly nextColumn: number;
  readonly statusRow: number;
  readonly statusColumn: number;
}

/**
 * A report's layout, from its kind and its number of districts (kept in its marker).
 * @param kind round summary or monthly report
 * @param districts how many districts its table has
 */
export function reportLayout(kind: 'round' | 'month', districts: number): ReportLayout {
  const table = (kind === 'round' ? ROUND_TABLE : MONTH_TABLE) as Layout<string>;
  const headerRow = HEADER_ROWS + 1;
  return {
    kind,
    table,
    width: table.width,
    headerRow,
    firstDistrictRow: headerRow + 1,
    lastDistrictRow: headerRow + districts,
    totalRow: headerRow + districts + 1,
    scoreColumn: table.at.score + 1,
    levelColumn: table.at.level + 1,
    nameColumn: table.at.district + 1,
    nextColumn: table.at.next + 1,
    statusRow: STATUS_ROW,
    statusColumn: 2,
  };
}

/** A report's content and layout. */
export interface ReportGrid {
  readonly rows: (string | number)[][];
  readonly layout: ReportLayout;
}

const ROUND_PREFIX = 'สรุปผล รอบที่';
const MONTH_PREFIX = 'รายงานประจำเดือน';
const date = (day: Day) => formatThaiDate(day, { form: 'short', digits: 'arabic' });
const shown = (v: number | null | undefined) => (v === null || v === undefined ? NO_FIGURE : v);

/**
 * The name set-up gives a round's summary.
 * @param round 1–3
 */
export function roundSheetName(round: number): string {
  return `${ROUND_PREFIX} ${round}`;
}

/**
 * The name given to a month's report.
 * @param year CE year
 * @param month 1–12
 */
export function monthSheetName(year: number, month: number): string {
  return `${MONTH_PREFIX} ${formatThaiMonth(year, month, 'arabic')}`;
}

/**
 * The status cell of a provisional report (made before its cut-off).
 * @param asOf the day its figures are from
 */
export function provisionalStatus(asOf: Day): string {
  return `ฉบับชั่วคราว (ข้อมูล ณ วันที่ ${formatThaiDate(asOf, { digits: 'arabic' })}) ไม่ใช่ฉบับส่งรอบนี้`;
}

/** The cells of a district's result, or NO_FIGURE where it cannot be counted. */
function result_(d: DistrictStanding) {
  const r = d.result;
  return {
    target: shown(r?.target),
    activities: shown(r?.activities),
    channels: shown(r?.channels),
    newOperators: shown(r?.newOperators),
    percent: shown(r?.percent),
    score: shown(r?.score),
    level: r ? r.level : UNASSESSED,
    next: r ? r.next : d.problem,
  };
}

/** Pads rows to the table's width. */
function pad_(rows: (string | number)[][], width: number): (string | number)[][] {
  return rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/**
 * The round summary: header, the districts with registered, promoted, targets, results,
 * percentage, score, level and next step, the province total, then the evidence: every
 * counted activity and every counted new operator.
 * @param standing the standing at the cut-off
 * @param round 1–3
 * @param made province, year, who and when
 * @param status NEWEST, or provisionalStatus(...)
 * @param sources per district, where its figures come from (its submission or the live entries)
 */
export function roundSummaryGrid(
  standing: Standing,
  round: number,
  made: MadeBy,
  status: string,
  sources: readonly string[] = [],
): ReportGrid {
  const layout = reportLayout('round', standing.districts.length);
  const header = [
    [`สรุปผลการดำเนินงาน รอบที่ ${round} ${TITLE}`],
    ['จังหวัด', made.province, 'ปีงบประมาณ', made.fiscalYear, 'รอบที่', round],
    ['ตัดยอด ณ วันที่', formatThaiDate(standing.asOf, { digits: 'arabic' }), 'จัดทำโดย', made.who, 'เมื่อ', made.when],
    ['สถานะ', status],
    [],
  ];
  const total = standing.total;
  const table = [
    [...ROUND_TABLE.headers],
    ...standing.districts.map((d, i) => {
      const r = result_(d);
      return [
        i + 1,
        d.district,
        shown(d.figures.registered),
        shown(d.figures.promoted),
        d.activityGoal,
        d.channelGoal,
        r.target,
        r.activities,
        r.channels,
        r.newOperators,
        r.percent,
        r.score,
        r.level,
        r.next,
        sources[i] ?? '',
      ];
    }),
    [
      '',
      'รวมทั้งจังหวัด',
      shown(total?.registered),
      shown(total?.promoted),
      shown(total?.activityGoal),
      '',
      shown(total?.target),
      shown(total?.activities),
      '',
      shown(total?.newOperators),
      shown(total?.percent),
      '',
      '',
      total ? '' : 'รวมไม่ได้จนกว่าทุกอำเภอจะนับได้',
    ],
  ];
  return { rows: pad_([...header, ...table, ...evidence_(standing, () => true)], layout.width), layout };
}

/**
 * The monthly report: the same figures as of the month's last day, what changed during the
 * month (against the previous month's last day), and the month's counted entries.
 * @param atEnd the standing at the month's last day
 * @param atStart the standing at the previous month's last day
 * @param year CE year of the month
 * @param month 1–12
 * @param dueDay the report's due day of the next month
 * @param made province, year, who and when
 * @param status NEWEST, or provisionalStatus(...)
 */
export function monthlyReportGrid(
  atEnd: Standing,
  atStart: Standing,
  year: number,
  month: number,
  dueDay: number,
  made: MadeBy,
  status: string,
): ReportGrid {
  const layout = reportLayout('month', atEnd.districts.length);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const header = [
    [`รายงานประจำเดือน ${formatThaiMonth(year, month, 'arabic')} ${TITLE}`],
    [
      'จังหวัด',
      made.province,
      'ปีงบประมาณ',
      made.fiscalYear,
      'กำหนดส่ง',
      `${dueDay} ${formatThaiMonth(nextYear, nextMonth, 'arabic')}`,
    ],
    ['ข้อมูลถึงวันที่', formatThaiDate(atEnd.asOf, { digits: 'arabic' }), 'จัดทำโดย', made.who, 'เมื่อ', made.when],
    ['สถานะ', status],
    [],
  ];
  const change = (now: number | null | undefined, before: number | null | undefined) =>
    typeof now === 'number' && typeof before === 'number' ? now - before : NO_FIGURE;
  const table = [
    [...MONTH_TABLE.headers],
    ...atEnd.districts.map((d, i) => {
      const r = result_(d);
      const was = atStart.districts[i]?.result;
      return [
        i + 1,
        d.district,
        r.activities,
        change(d.result?.activities, was?.activities),
        r.channels,
        change(d.result?.channels, was?.channels),
        r.newOperators,
        change(d.result?.newOperators, was?.newOperators),
        r.target,
        r.percent,
        r.score,
        r.level,
        was ? was.level : UNASSESSED,
        r.next,
      ];
    }),
    [
      '',
      'รวมทั้งจังหวัด',
      shown(atEnd.total?.activities),
      change(atEnd.total?.activities, atStart.total?.activities),
      '',
      '',
      shown(atEnd.total?.newOperators),
      change(atEnd.total?.newOperators, atStart.total?.newOperators),
      shown(atEnd.total?.target),
      shown(atEnd.total?.percent),
      '',
      '',
      '',
      atEnd.total ? '' : 'รวมไม่ได้จนกว่าทุกอำเภอจะนับได้',
    ],
  ];
  const inMonth = (day: Day) => {
    const ymd = ymdOf(day);
    return ymd.year === year && ymd.month === month;
  };
  return { rows: pad_([...header, ...table, ...evidence_(atEnd, inMonth, ' (ในเดือนนี้)')], layout.width), layout };
}

/** The evidence lists: counted activities and counted new operators on days that pass. */
function evidence_(standing: Standing, keep: (day: Day) => boolean, suffix = ''): (string | number)[][] {
  const activities = standing.activities.filter((a) => a.day !== null && keep(a.day));
  const operators = standing.newOperators.filter((o) => keep(o.day));
  return [
    [],
    [`หลักฐาน: กิจกรรมส่งเสริมช่องทางการตลาดที่ไม่ใช้งบประมาณที่นับ${suffix} (${activities.length} ครั้ง)`],
    ['อำเภอ', 'วันที่', 'กิจกรรม', 'สถานที่', 'ผู้จัด', 'ผู้ประกอบการที่เข้าร่วม', 'ลิงก์หลักฐาน'],
    ...activities.map((a) => [
      a.districtName,
      date(a.day as Day),
      a.activity,
      a.place,
      a.organiser,
      a.operators ?? '',
      a.link,
    ]),
    [],
    [`หลักฐาน: ผู้ประกอบการรายใหม่ที่นับ${suffix} (${operators.length} ราย)`],
    ['อำเภอ', 'วันที่', 'ชื่อผู้ประกอบการ / กลุ่ม', 'เลขทะเบียน OTOP', 'ช่องทาง', 'ลิงก์'],
    ...operators.map((o) => [
      o.districtName,
      date(o.day),
      o.name,
      o.regNoText,
      o.channels.join(', '),
      o.links.join(' '),
    ]),
  ];
}
