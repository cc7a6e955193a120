/**
 * The round summary and the monthly report as grids of values (snapshots: no formulas), with
 * where their score and level cells are so the adapter can put band rules on them. User text
 * (names, activities, links) stays text: formula-like strings are neutralised.
 */
import type { Day } from '../core/civilDate';
import { formatThaiDate, formatThaiMonth } from '../core/thaiDate';
import { ymdOf } from '../core/civilDate';
import { asCellText } from './cellText';
import type { DistrictResult, Standing } from './standing';

/** A report sheet's content and layout. */
export interface ReportGrid {
  readonly rows: (string | number)[][];
  readonly width: number;
  /** 1-based rows: the table's header, its first and last district rows. */
  readonly headerRow: number;
  readonly firstDistrictRow: number;
  readonly lastDistrictRow: number;
  /** 1-based columns of the score and the level. */
  readonly scoreColumn: number;
  readonly levelColumn: number;
  /** 1-based row and column of the "newest" marker. */
  readonly markerRow: number;
  readonly markerColumn: number;
}

/** Who made a report and when, for its header. */
export interface MadeBy {
  readonly province: string;
  readonly fiscalYear: number;
  /** E-mail, or a Thai phrase when unknown. */
  readonly who: string;
  /** Thai date-time text. */
  readonly when: string;
}

export const NEWEST = 'ฉบับล่าสุด';
export const TITLE = 'การบริหารการส่งเสริมช่องทางการตลาดผลิตภัณฑ์ชุมชน (OTOP)';
const WIDTH = 14;

const date = (day: Day) => formatThaiDate(day, { form: 'short', digits: 'arabic' });
const pad = (row: (string | number)[]) => Array.from({ length: WIDTH }, (_, i) => row[i] ?? '');

const ROUND_PREFIX = 'สรุปผล รอบที่';
const MONTH_PREFIX = 'รายงานประจำเดือน';

/**
 * The sheet name of a round's summary.
 * @param round 1–3
 */
export function roundSheetName(round: number): string {
  return `${ROUND_PREFIX} ${round}`;
}

/**
 * The kind of report a sheet name is (also an earlier one, renamed with its time), or null.
 * @param name a sheet name
 */
export function reportKind(name: string): 'round' | 'month' | null {
  return name.startsWith(ROUND_PREFIX) ? 'round' : name.startsWith(MONTH_PREFIX) ? 'month' : null;
}

/**
 * The sheet name of a month's report.
 * @param year CE year
 * @param month 1–12
 */
export function monthSheetName(year: number, month: number): string {
  return `${MONTH_PREFIX} ${formatThaiMonth(year, month)}`;
}

/**
 * The round summary: header, the districts with registered, promoted, targets, results,
 * percentage, score, level and next step, the province total, then the evidence: every
 * counted activity and every counted new operator.
 * @param standing the standing at the round's deadline
 * @param round 1–3
 * @param made province, year, who and when
 */
export function roundSummaryGrid(standing: Standing, round: number, made: MadeBy): ReportGrid {
  const header = [
    [`สรุปผลการดำเนินงาน รอบที่ ${round} ${TITLE}`],
    ['จังหวัด', made.province, 'ปีงบประมาณ', made.fiscalYear, 'รอบที่', round],
    ['ตัดยอด ณ วันที่', formatThaiDate(standing.asOf), 'จัดทำโดย', made.who, 'เมื่อ', made.when],
    ['สถานะ', NEWEST],
    [],
  ];
  const table = [
    [
      'ที่',
      'อำเภอ',
      'ผู้ประกอบการทั้งหมด',
      'ส่งเสริมแล้ว ปี ๖๔',
      'เป้ากิจกรรม',
      'เป้าช่องทาง',
      'เป้าผู้ประกอบการ',
      'กิจกรรม',
      'ช่องทาง',
      'ผู้ประกอบการรายใหม่',
      'ร้อยละ',
      'คะแนน',
      'ระดับ',
      'ขั้นต่อไป',
    ],
    ...standing.districts.map((d, i) => [
      i + 1,
      asCellText(d.district),
      d.registered,
      d.promoted,
      d.activityGoal,
      d.channelGoal,
      d.target,
      d.activities,
      d.channels,
      d.newOperators,
      d.percent,
      d.assessment.score,
      d.assessment.name,
      d.next,
    ]),
    [
      '',
      'รวมทั้งจังหวัด',
      standing.total.registered,
      standing.total.promoted,
      standing.total.activityGoal,
      '',
      standing.total.target,
      standing.total.activities,
      '',
      standing.total.newOperators,
      standing.total.percent,
      '',
      '',
      '',
    ],
  ];
  return assemble_(
    header,
    table,
    evidence_(standing, () => true),
    12,
    13,
  );
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
 */
export function monthlyReportGrid(
  atEnd: Standing,
  atStart: Standing,
  year: number,
  month: number,
  dueDay: number,
  made: MadeBy,
): ReportGrid {
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const header = [
    [`รายงานประจำเดือน ${formatThaiMonth(year, month)} ${TITLE}`],
    [
      'จังหวัด',
      made.province,
      'ปีงบประมาณ',
      made.fiscalYear,
      'กำหนดส่ง',
      `${dueDay} ${formatThaiMonth(nextYear, nextMonth)}`,
    ],
    ['ข้อมูลถึงวันที่', formatThaiDate(atEnd.asOf), 'จัดทำโดย', made.who, 'เมื่อ', made.when],
    ['สถานะ', NEWEST],
    [],
  ];
  const change = (d: DistrictResult, i: number, pick: (x: DistrictResult) => number) =>
    pick(d) - pick(atStart.districts[i]);
  const table = [
    [
      'ที่',
      'อำเภอ',
      'กิจกรรม',
      'เพิ่มในเดือน',
      'ช่องทาง',
      'เพิ่มในเดือน',
      'ผู้ประกอบการรายใหม่',
      'เพิ่มในเดือน',
      'เป้าผู้ประกอบการ',
      'ร้อยละ',
      'คะแนน',
      'ระดับ',
      'ระดับเดือนก่อน',
      'ขั้นต่อไป',
    ],
    ...atEnd.districts.map((d, i) => [
      i + 1,
      asCellText(d.district),
      d.activities,
      change(d, i, (x) => x.activities),
      d.channels,
      change(d, i, (x) => x.channels),
      d.newOperators,
      change(d, i, (x) => x.newOperators),
      d.target,
      d.percent,
      d.assessment.score,
      d.assessment.name,
      atStart.districts[i].assessment.name,
      d.next,
    ]),
    [
      '',
      'รวมทั้งจังหวัด',
      atEnd.total.activities,
      atEnd.total.activities - atStart.total.activities,
      '',
      '',
      atEnd.total.newOperators,
      atEnd.total.newOperators - atStart.total.newOperators,
      atEnd.total.target,
      atEnd.total.percent,
      '',
      '',
      '',
      '',
    ],
  ];
  const inMonth = (day: Day) => {
    const ymd = ymdOf(day);
    return ymd.year === year && ymd.month === month;
  };
  return assemble_(header, table, evidence_(atEnd, inMonth, ' (ในเดือนนี้)'), 11, 12);
}

/** The evidence lists: counted activities and counted new operators on days that pass. */
function evidence_(standing: Standing, keep: (day: Day) => boolean, suffix = ''): (string | number)[][] {
  const activities = standing.tally.activities.filter((a) => a.day !== null && keep(a.day));
  const operators = standing.tally.newOperators.filter((o) => keep(o.day));
  return [
    [],
    [`หลักฐาน: กิจกรรมส่งเสริมช่องทางการตลาดที่ไม่ใช้งบประมาณที่นับ${suffix} (${activities.length} ครั้ง)`],
    ['อำเภอ', 'วันที่', 'กิจกรรม', 'สถานที่', 'ผู้จัด', 'ผู้ประกอบการที่เข้าร่วม', 'ลิงก์หลักฐาน'],
    ...activities.map((a) => [
      asCellText(standing.districts[a.districtIndex]?.district ?? a.district),
      date(a.day as Day),
      asCellText(a.activity),
      asCellText(a.place),
      asCellText(a.organiser),
      a.operators ?? '',
      asCellText(a.link),
    ]),
    [],
    [`หลักฐาน: ผู้ประกอบการรายใหม่ที่นับ${suffix} (${operators.length} ราย)`],
    ['อำเภอ', 'วันที่', 'ชื่อผู้ประกอบการ / กลุ่ม', 'เลขทะเบียน OTOP', 'ช่องทาง', 'ลิงก์'],
    ...operators.map((o) => [
      asCellText(o.district),
      date(o.day),
      asCellText(o.name),
      asCellText(o.regNo),
      asCellText(o.channels.join(', ')),
      asCellText(o.links.join(' ')),
    ]),
  ];
}

/** Joins header, table and evidence into one padded grid with its layout. */
function assemble_(
  header: (string | number)[][],
  table: (string | number)[][],
  evidence: (string | number)[][],
  scoreColumn: number,
  levelColumn: number,
): ReportGrid {
  const rows = [...header, ...table, ...evidence].map(pad);
  const headerRow = header.length + 1;
  return {
    rows,
    width: WIDTH,
    headerRow,
    firstDistrictRow: headerRow + 1,
    lastDistrictRow: headerRow + table.length - 2,
    scoreColumn,
    levelColumn,
    markerRow: 4,
    markerColumn: 2,
  };
}

/**
 * The layout of a report sheet read back (to send it): its kind from the name, its table from
 * the `ที่` header row down to the total row.
 * @param name the sheet's name
 * @param values the sheet's values
 * @return the layout, or null when the sheet is no report of ours
 */
export function reportLayout(name: string, values: readonly (readonly unknown[])[]): Omit<ReportGrid, 'rows'> | null {
  const kind = reportKind(name);
  if (!kind) return null;
  const round = kind === 'round';
  const headerRow = values.findIndex((row) => row[0] === 'ที่') + 1;
  const totalRow = values.findIndex((row) => row[1] === 'รวมทั้งจังหวัด') + 1;
  if (headerRow < 1 || totalRow <= headerRow) return null;
  return {
    width: WIDTH,
    headerRow,
    firstDistrictRow: headerRow + 1,
    lastDistrictRow: totalRow - 1,
    scoreColumn: round ? 12 : 11,
    levelColumn: round ? 13 : 12,
    markerRow: 4,
    markerColumn: 2,
  };
}
