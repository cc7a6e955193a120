/**
 * The data check of the entry sheets: every problem that makes a row not count, or count
 * differently from what the officer may expect, with a short Thai message saying what to do.
 */
import type { Day } from './civilDate';
import {
  type BaselineEntry,
  type EntryProblem,
  type OnlineEntry,
  readActivities,
  readBaseline,
  readContext,
  readOnline,
  type Rows,
  rowContentKey,
} from './entries';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_SHEET_NAME,
  ACTIVITY_WIDTH,
  BASELINE_COLUMNS,
  BASELINE_SHEET_NAME,
  BASELINE_WIDTH,
  ONLINE_COLUMNS,
  ONLINE_SHEET_NAME,
  ONLINE_WIDTH,
} from './entryLayout';
import { fiscalYearBounds } from './fiscalYear';
import { quote } from './parsed';
import { groupOperators } from './tally';
import { formatThaiDate } from './thaiDate';

/** The entry sheets, in the order problems are listed. */
export type EntrySheet = 'activities' | 'online' | 'baseline';

/** A problem found in a cell of an entry sheet. */
export interface DataProblem {
  readonly sheet: EntrySheet;
  /** 0-based row within the rows given. */
  readonly row: number;
  /** 0-based column of the layout. */
  readonly column: number;
  /** What is wrong and what to do, in Thai. */
  readonly message: string;
}

/** What the data check reads. */
export interface DataCheckInput {
  readonly districts: readonly string[];
  readonly activities: Rows;
  readonly online: Rows;
  readonly baseline: Rows;
  /** The BE fiscal year the rows belong to. */
  readonly fiscalYear: number;
  /** The channel alias table; the default one when omitted. */
  readonly channelRows?: Rows;
  /**
   * How messages name another row, e.g. `แถวที่ 5 ชีต กิจกรรม` (rows stacked from several
   * sheets know their origin); by default the row's number below a one-row header.
   */
  readonly rowLabel?: (sheet: EntrySheet, row: number) => string;
}

const SHEET_ORDER: Readonly<Record<EntrySheet, number>> = { activities: 0, online: 1, baseline: 2 };
const SHEET_NAME: Readonly<Record<EntrySheet, string>> = {
  activities: ACTIVITY_SHEET_NAME,
  online: ONLINE_SHEET_NAME,
  baseline: BASELINE_SHEET_NAME,
};

/** A row that names an operator, with the sheet it is on. */
interface OperatorRow {
  readonly sheet: 'online' | 'baseline';
  readonly entry: OnlineEntry | BaselineEntry;
}

/** How messages name a row. */
type RowLabel = (sheet: EntrySheet, row: number) => string;

/**
 * Checks the entry sheets: unreadable cells (date, district, channel, budget, numbers,
 * links, an operator with neither number nor name), dates outside the fiscal year, rows
 * repeated exactly, online operators already in the baseline, a name entered with two
 * registration numbers in one district, a number entered in two districts.
 * @param input the district list, the sheets' rows, the fiscal year
 * @return the problems, by sheet, row and column
 */
export function dataCheck(input: DataCheckInput): DataProblem[] {
  const context = readContext(input.districts, input.channelRows);
  const where: RowLabel = input.rowLabel ?? ((sheet, row) => `แถวที่ ${row + 2} ชีต ${SHEET_NAME[sheet]}`);
  const activities = readActivities(input.activities, context);
  const online = readOnline(input.online, context);
  const baseline = readBaseline(input.baseline, context);
  const problems: DataProblem[] = [];
  const add = (sheet: EntrySheet, entries: readonly { row: number; problems: readonly EntryProblem[] }[]) => {
    for (const e of entries)
      for (const p of e.problems) problems.push({ sheet, row: e.row, column: p.column, message: p.message });
  };
  add('activities', activities);
  add('online', online);
  add('baseline', baseline);

  const outside = outsideYear_(input.fiscalYear);
  for (const e of activities) {
    const message = outside(e.day);
    if (message) problems.push({ sheet: 'activities', row: e.row, column: ACTIVITY_COLUMNS.date, message });
  }
  for (const e of online) {
    const message = outside(e.day);
    if (message)
      problems.push({
        sheet: 'online',
        row: e.row,
        column: ONLINE_COLUMNS.date,
        message: message + outsideOnlineHint_(e.day, input.fiscalYear),
      });
  }

  const contentOf = (rows: Rows, width: number, dateColumn: number) => (entry: { row: number; day?: Day | null }) =>
    rowContentKey(rows[entry.row], width, entry.day === undefined ? undefined : { column: dateColumn, day: entry.day });
  const found = [
    duplicates_(
      'activities',
      activities,
      (e) => `${e.day}|${e.districtIndex}`,
      contentOf(input.activities, ACTIVITY_WIDTH, ACTIVITY_COLUMNS.date),
      where,
      ' (กิจกรรมที่ซ้ำนับครั้งเดียว)',
    ),
    duplicates_(
      'online',
      online,
      (e) => `${e.day}|${e.districtIndex}|${e.nameKey}`,
      contentOf(input.online, ONLINE_WIDTH, ONLINE_COLUMNS.date),
      where,
      '',
    ),
    duplicates_(
      'baseline',
      baseline,
      (e) => `${e.districtIndex}|${e.nameKey}`,
      contentOf(input.baseline, BASELINE_WIDTH, -1),
      where,
      '',
    ),
    inBaseline_(baseline, online, input.fiscalYear, where),
    conflicts_(
      [
        ...baseline.map((entry) => ({ sheet: 'baseline' as const, entry })),
        ...online.map((entry) => ({ sheet: 'online' as const, entry })),
      ],
      input.districts,
      where,
    ),
  ];
  for (const list of found) for (const p of list) problems.push(p); // no push(...list): lists can be longer than an argument list
  problems.sort((a, b) => SHEET_ORDER[a.sheet] - SHEET_ORDER[b.sheet] || a.row - b.row || a.column - b.column);
  return problems;
}

/** The message for a day outside the fiscal year, or '' (also for no day). */
function outsideYear_(fiscalYear: number): (day: Day | null) => string {
  const { start, end } = fiscalYearBounds(fiscalYear);
  const text = (day: Day) => formatThaiDate(day, { digits: 'arabic' });
  const period = `ปีงบประมาณ ${fiscalYear} (${text(start)} – ${text(end)})`;
  return (day) =>
    day === null || (day >= start && day <= end)
      ? ''
      : `วันที่ ${text(day)} อยู่นอก${period} แถวนี้จึงไม่นับ ให้ตรวจวันที่และปี พ.ศ. ที่พิมพ์`;
}

/** For an online row before the fiscal year: where an operator already online belongs. */
function outsideOnlineHint_(day: Day | null, fiscalYear: number): string {
  return day !== null && day < fiscalYearBounds(fiscalYear).start
    ? ` ถ้าผู้ประกอบการรายนี้ออนไลน์มาก่อนแล้ว ให้ใส่ไว้ในชีต${BASELINE_SHEET_NAME}`
    : '';
}

/**
 * Rows whose content repeats an earlier row's. Rows are first bucketed by cells already read
 * (equal content implies an equal bucket), so content keys are computed only on a collision.
 */
function duplicates_<E extends { row: number }>(
  sheet: EntrySheet,
  entries: readonly E[],
  bucketOf: (entry: E) => string,
  contentOf: (entry: E) => string,
  where: RowLabel,
  effect: string,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const byBucket = new Map<string, E | null>(); // null once that entry's content is in `firstRow`
  const firstRow = new Map<string, number>();
  for (const entry of entries) {
    const bucket = bucketOf(entry);
    const other = byBucket.get(bucket);
    if (other === undefined) {
      byBucket.set(bucket, entry);
      continue;
    }
    if (other !== null) {
      firstRow.set(contentOf(other), other.row);
      byBucket.set(bucket, null);
    }
    const content = contentOf(entry);
    const earlier = firstRow.get(content);
    if (earlier === undefined) firstRow.set(content, entry.row);
    else
      problems.push({
        sheet,
        row: entry.row,
        column: 0,
        message: `ซ้ำกับ${where(sheet, earlier)} (ข้อมูลเหมือนกันทุกช่อง) ให้ลบแถวที่ซ้ำ${effect}`,
      });
  }
  return problems;
}

/** Online rows whose operator is in the baseline: they do not count as new. */
function inBaseline_(
  baseline: readonly BaselineEntry[],
  online: readonly OnlineEntry[],
  fiscalYear: number,
  where: RowLabel,
): DataProblem[] {
  const groups = groupOperators(baseline, online);
  const problems: DataProblem[] = [];
  online.forEach((e, i) => {
    const group = groups.online[i];
    if (group < 0 || groups.firstBaseline[group] < 0) return;
    const base = baseline[groups.firstBaseline[group]];
    problems.push({
      sheet: 'online',
      row: e.row,
      column: e.regNo !== '' ? ONLINE_COLUMNS.regNo : ONLINE_COLUMNS.name,
      message: `ผู้ประกอบการรายนี้มีในข้อมูลฐานแล้ว (${where('baseline', base.row)}) คือออนไลน์ก่อนปีงบประมาณ ${fiscalYear} จึงไม่นับเป็นรายใหม่`,
    });
  });
  return problems;
}

/**
 * Operator rows that disagree with an earlier row (baseline first): the same name in the
 * same district with another registration number, or the same number in another district.
 */
function conflicts_(rows: readonly OperatorRow[], districts: readonly string[], where: RowLabel): DataProblem[] {
  const problems: DataProblem[] = [];
  const numberOfName = new Map<string, OperatorRow>();
  const districtOfNumber = new Map<string, OperatorRow>();
  for (const current of rows) {
    const { sheet, entry } = current;
    const columns = sheet === 'online' ? ONLINE_COLUMNS : BASELINE_COLUMNS;
    if (entry.regNo === '' || entry.districtIndex < 0) continue;
    if (entry.nameKey !== '') {
      const key = `${entry.districtIndex}|${entry.nameKey}`;
      const first = numberOfName.get(key);
      if (first === undefined) numberOfName.set(key, current);
      else if (first.entry.regNo !== entry.regNo) {
        problems.push({
          sheet,
          row: entry.row,
          column: columns.regNo,
          message: `ชื่อ ${quote(entry.name)} ในอำเภอนี้ใช้เลขทะเบียน ${quote(first.entry.regNo)} แล้ว (${where(first.sheet, first.entry.row)}) ให้ตรวจว่าเลขใดถูก (ตอนนี้นับเป็นรายเดียวกัน)`,
        });
      }
    }
    const first = districtOfNumber.get(entry.regNo);
    if (first === undefined) districtOfNumber.set(entry.regNo, current);
    else if (first.entry.districtIndex !== entry.districtIndex) {
      problems.push({
        sheet,
        row: entry.row,
        column: columns.district,
        message: `เลขทะเบียน ${quote(entry.regNo)} อยู่ในอำเภอ${districts[first.entry.districtIndex]}แล้ว (${where(first.sheet, first.entry.row)}) ให้ตรวจอำเภอหรือเลขทะเบียน`,
      });
    }
  }
  return problems;
}
