/**
 * The board `สถานะการส่งรายงาน` as data: the districts down, the twelve months and the three
 * rounds across, each cell ส่งแล้ว (date) / ส่งช้า N วัน / เลยกำหนด ยังไม่ส่ง / ยังไม่ถึงกำหนด with a
 * note (due day, each submission: when, by whom, on whose behalf), coloured by native
 * conditional-format rules on its text. Values only: the board is rebuilt whole when a
 * submission is made, at set-up and at each run of the reminders.
 */
import type { Day } from '../../../kernel/civilDate';
import { type Duty, type DutyStatus, dueInNextYear, dutyStatus } from '../rules/duties';
import { formatThaiDate, THAI_MONTHS_SHORT } from '../../../kernel/thaiDate';
import { columnLetter } from '../../../kernel/a1';
import { dutyTitle, type SubmissionRecord, submissionsOf } from './submissions';

/** The board's rows (1-based). */
export const BOARD = { titleRow: 1, dateRow: 2, headerRow: 4, firstDistrictRow: 5, firstDutyColumn: 2 } as const;

/** A board cell's text per state. */
export const STATUS_TEXT = {
  onTime: 'ส่งแล้ว',
  late: 'ส่งช้า',
  overdue: 'เลยกำหนด ยังไม่ส่ง',
  notYetDue: 'ยังไม่ถึงกำหนด',
} as const;

/** One colour rule of the board. */
export interface BoardRule {
  readonly range: string;
  readonly when: 'equals' | 'startsWith';
  readonly text: string;
  readonly background: string;
  readonly fontColor: string;
}

/** The board's colours per state (green, amber, red, grey). */
export const STATUS_COLOURS = {
  onTime: { background: '#b7e1cd', fontColor: '#0b5d1e' },
  late: { background: '#fce8b2', fontColor: '#7f6000' },
  overdue: { background: '#f4c7c3', fontColor: '#a50e0e' },
  notYetDue: { background: '#f1f3f4', fontColor: '#5f6368' },
} as const;

const short_ = (day: Day) => formatThaiDate(day, { form: 'short', digits: 'arabic' });

/**
 * A duty's column header: ต.ค. 64 … ก.ย. 65, รอบที่ 1 … 3.
 * @param duty the duty
 */
export function dutyHeader(duty: Pick<Duty, 'kind' | 'period'>): string {
  if (duty.kind === 'round') return `รอบที่ ${duty.period}`;
  const [year, month] = duty.period.split('-').map(Number);
  return `${THAI_MONTHS_SHORT[month - 1]} ${String(year + 543).slice(-2)}`;
}

/**
 * A duty's column header on a fiscal year's board: a duty of another year (the previous year's
 * September report, still owed) names its year, e.g. ก.ย. 65 (ปีงบ 2565).
 * @param duty the duty
 * @param fiscalYear the board's BE fiscal year
 */
export function boardHeader(duty: Pick<Duty, 'kind' | 'period' | 'fiscalYear'>, fiscalYear: number): string {
  const header = dutyHeader(duty);
  return duty.fiscalYear === fiscalYear ? header : `${header} (ปีงบ ${duty.fiscalYear})`;
}

/**
 * The board's line on due dates in another fiscal year ('' when none): FY N's September report
 * is due in October, in FY N+1, and stays owed there; a previous year's duty still shown.
 * @param duties the board's duties
 * @param fiscalYear the board's BE fiscal year
 */
export function yearLine(duties: readonly Duty[], fiscalYear: number): string {
  const parts: string[] = [];
  for (const d of duties) {
    const due = formatThaiDate(d.due, { form: 'short', digits: 'arabic' });
    if (d.fiscalYear < fiscalYear) {
      parts.push(`${dutyTitle(d)} เป็นรายงานของปีงบประมาณ ${d.fiscalYear} กำหนดส่ง ${due} ยังส่งได้`);
    } else if (dueInNextYear(d)) {
      parts.push(`${dutyTitle(d)} กำหนดส่ง ${due} ซึ่งอยู่ในปีงบประมาณ ${d.fiscalYear + 1} (ยังส่งได้หลังเริ่มปีงบประมาณใหม่)`);
    }
  }
  return parts.join(' · ');
}

/**
 * A board cell's text.
 * @param status the duty's standing
 */
export function statusText(status: DutyStatus): string {
  switch (status.state) {
    case 'onTime':
      return `${STATUS_TEXT.onTime} ${short_(status.submitted as Day)}`;
    case 'late':
      return `${STATUS_TEXT.late} ${status.daysLate} วัน`;
    case 'overdue':
      return STATUS_TEXT.overdue;
    default:
      return STATUS_TEXT.notYetDue;
  }
}

/** A board cell's note: the duty, its due day, each submission. */
function note_(duty: Duty, status: DutyStatus, records: readonly SubmissionRecord[]): string {
  const lines = [
    `${dutyTitle(duty)} (ปีงบประมาณ ${duty.fiscalYear})`,
    `กำหนดส่ง ${formatThaiDate(duty.due, { digits: 'arabic' })}`,
  ];
  if (status.state === 'overdue') lines.push(`เลยกำหนดมา ${status.daysLate} วัน`);
  for (const r of records) {
    lines.push(`ครั้งที่ ${r.number}: ${r.when} โดย ${r.sentBy || '—'}${r.onBehalf ? ' (จังหวัดส่งแทน)' : ''}`);
  }
  return lines.join('\n');
}

/** The board as values, notes and rules. */
export interface BoardGrid {
  readonly rows: (string | number)[][];
  /** Notes of the duty cells (rows firstDistrictRow…, columns firstDutyColumn…). */
  readonly notes: string[][];
  readonly width: number;
  /** A1 range of the duty cells ('' when there is no district). */
  readonly statusRange: string;
  readonly rules: BoardRule[];
}

/**
 * The board on a day.
 * @param fiscalYear the BE fiscal year
 * @param districts the districts, in table order
 * @param duties the fiscal year's duties (yearDuties: with the previous year's September report when owed)
 * @param records every submission record (only trusted ones count)
 * @param today the day
 */
export function boardGrid(
  fiscalYear: number,
  districts: readonly string[],
  duties: readonly Duty[],
  records: readonly SubmissionRecord[],
  today: Day,
): BoardGrid {
  const width = 1 + duties.length + 2;
  const rows: (string | number)[][] = [];
  const notes: string[][] = [];
  rows.push([`สถานะการส่งรายงานของอำเภอ ปีงบประมาณ ${fiscalYear}`]);
  rows.push([
    'สถานะ ณ วันที่',
    formatThaiDate(today, { digits: 'arabic' }),
    'ส่วนเสริมปรับตารางนี้เมื่ออำเภอส่งรายงาน เมื่อตั้งค่าสมุดงาน และทุกวันที่ระบบแจ้งเตือนทำงาน (แก้ไขด้วยมือไม่ได้)',
  ]);
  const line3 = yearLine(duties, fiscalYear);
  rows.push(line3 ? ['หมายเหตุ', line3] : []);
  rows.push(['อำเภอ', ...duties.map((d) => boardHeader(d, fiscalYear)), 'เลยกำหนด (รายการ)', 'ส่งช้า (รายการ)']);
  for (const district of districts) {
    const line: (string | number)[] = [district];
    const noteLine: string[] = [];
    let overdue = 0;
    let late = 0;
    for (const duty of duties) {
      const mine = submissionsOf(records, district, duty);
      const status = dutyStatus(duty, mine[0]?.day ?? null, today);
      if (status.state === 'overdue') overdue++;
      if (status.state === 'late') late++;
      line.push(statusText(status));
      noteLine.push(note_(duty, status, mine));
    }
    line.push(overdue, late);
    rows.push(line);
    notes.push(noteLine);
  }
  const padded = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  const first = BOARD.firstDistrictRow;
  const last = first + districts.length - 1;
  const statusRange =
    districts.length === 0
      ? ''
      : `${columnLetter(BOARD.firstDutyColumn - 1)}${first}:${columnLetter(BOARD.firstDutyColumn - 2 + duties.length)}${last}`;
  const rule = (state: keyof typeof STATUS_COLOURS, when: BoardRule['when']): BoardRule => ({
    range: statusRange,
    when,
    text: STATUS_TEXT[state],
    ...STATUS_COLOURS[state],
  });
  const rules = statusRange
    ? [rule('onTime', 'startsWith'), rule('late', 'startsWith'), rule('overdue', 'equals'), rule('notYetDue', 'equals')]
    : [];
  return { rows: padded, notes, width, statusRange, rules };
}
