/**
 * Making the round summaries and the monthly reports (province only; the caller holds the
 * workbook lock). A report made before its cut-off is provisional: asked about first, marked
 * `ฉบับชั่วคราว (ข้อมูล ณ วันที่ …)`, named apart, and never taken for the round's summary.
 * Before set-up, reports are refused.
 */
import { dayOf, dayOfDate } from '../../../kernel/civilDate';
import { newReadMemo } from '../../counting/rules/entries';
import { fiscalYearBounds, fiscalYearOf, monthEnd } from '../../../kernel/fiscalYear';
import { OfficerError } from '../../../kernel/officerError';
import { formatThaiDate, formatThaiMonth } from '../../../kernel/thaiDate';
import type { ReportDocument } from '../sheets/officialForm';
import { reportRecord } from '../sheets/reportRecord';
import {
  type MadeBy,
  monthlyReportDocument,
  NEWEST,
  provisionalStatus,
  reportName,
  roundSummaryDocument,
} from '../sheets/reportSheets';
import { type ReportMark, reportYear, sameReportPeriod } from '../../setup/sheets/sheetMarkers';
import { archiveName } from '../../setup/sheets/sheetNames';
import { standingOf } from '../../standing/sheets/standing';
import { withRoundSubmissions } from '../../submissions/sheets/submissions';
import type { MadeReport } from '../../../app/api';
import type { Workbook } from '../../../app/door/door';
import type { LogRow } from '../../../app/door/door';
import { nowText, stampText } from '../../../app/clock';
import { requireProvince } from '../../../app/roles';
import { evaluateAll, type WorkbookRead } from '../../../app/workbookRead';

const UNKNOWN_USER = 'ไม่ทราบอีเมล (บัญชีนอกโดเมน)';
/**
 * Makes the summary of a round as of its deadline (inclusive), as a new sheet of values.
 * @param workbook the workbook, through the door
 * @param round 1, 2 or 3
 * @param now the current time
 * @param provisionalOk the officer agreed to a provisional summary (before the deadline)
 */
export function makeRoundSummary(workbook: Workbook, round: number, now: Date, provisionalOk: boolean): MadeReport {
  // the reports' records too: the new report's record is appended after them
  const book = workbook.readWorkbook(workbook.readConfig({ reportRecords: true, entries: true }));
  const who = allowed_(workbook, book, 'การสร้างสรุปผลรอบ');
  if (!Number.isInteger(round) || round < 1 || round > book.settings.rounds.length) {
    throw OfficerError.input(`ไม่มีรอบที่ ${String(round)} (มีรอบที่ 1–${book.settings.rounds.length})`);
  }
  const deadline = book.settings.rounds[round - 1];
  requireInYear_(book, deadline, deadline, `วันตัดยอดรอบที่ ${round} (${formatThaiDate(deadline, { digits: 'arabic' })})`);
  const today = dayOfDate(now);
  const provisional = today < deadline;
  if (provisional && !provisionalOk) {
    return ask_(
      `ยังไม่ถึงวันตัดยอดรอบที่ ${round} (${formatThaiDate(deadline, { digits: 'arabic' })}) ` +
        `จะจัดทำเป็นฉบับชั่วคราว ข้อมูล ณ วันนี้ (${formatThaiDate(today, { digits: 'arabic' })}) ซึ่งไม่นับเป็นการจัดทำสรุปรอบนี้ ต้องการทำต่อหรือไม่`,
    );
  }
  const asOf = provisional ? today : deadline;
  const live = standingOf(evaluateAll(book, asOf, true), book.criteria, book.settings.percentBasis, asOf);
  // A district that submitted the round is shown as submitted; the others from the live entries.
  const records = workbook.readSubmissions(book).records;
  const { standing, sources } = withRoundSubmissions(
    live,
    records,
    round,
    book.criteria,
    book.settings.percentBasis,
    book.settings.fiscalYear,
  );
  const made = madeBy_(book, who.email, now);
  const status = provisional ? provisionalStatus(asOf, 'round') : NEWEST;
  const mark = {
    kind: 'round' as const,
    period: String(round),
    fiscalYear: book.settings.fiscalYear,
    provisional,
    made: now.toISOString(),
    districts: standing.districts.length,
  };
  return publish_(workbook, book, made, mark, roundSummaryDocument(standing, round, made, status, sources), now);
}

/**
 * Refuses a report of a period outside the fiscal year set in ตั้งค่า (a year changed there and
 * dates left from the previous one): it would count nothing and look like a real report.
 * @param book the workbook as read
 * @param first the period's first day
 * @param last the period's last day
 * @param what the period, in Thai
 */
function requireInYear_(book: WorkbookRead, first: number, last: number, what: string): void {
  const { fiscalYear } = book.settings;
  const { start, end } = fiscalYearBounds(fiscalYear);
  if (first < start || last > end) {
    throw OfficerError.input(
      `${what} อยู่นอกปีงบประมาณ ${fiscalYear} ที่ตั้งไว้ในชีตตั้งค่า จึงไม่จัดทำรายงาน ให้แก้ปีงบประมาณหรือวันที่ในชีตตั้งค่าก่อน`,
    );
  }
}

/**
 * Makes the monthly report of a month: figures as of its last day and what changed in it.
 * @param workbook the workbook, through the door
 * @param month yyyy-mm (CE)
 * @param now the current time
 * @param provisionalOk the officer agreed to a provisional report (before the month ended)
 */
export function makeMonthlyReport(workbook: Workbook, month: string, now: Date, provisionalOk: boolean): MadeReport {
  const book = workbook.readWorkbook(workbook.readConfig({ reportRecords: true, entries: true }));
  const who = allowed_(workbook, book, 'การสร้างรายงานประจำเดือน');
  const match = /^(\d{4})-(\d{2})$/.exec(String(month));
  const [year, m] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || m < 1 || m > 12) throw OfficerError.input(`เดือน "${String(month)}" ไม่ถูกต้อง (ใช้รูปแบบ ปปปป-ดด)`);
  const end = monthEnd(year, m);
  requireInYear_(book, dayOf(year, m, 1), end, `เดือน${formatThaiMonth(year, m, 'arabic')}`);
  const today = dayOfDate(now);
  const provisional = today <= end;
  if (provisional && !provisionalOk) {
    return ask_(
      `เดือน${formatThaiMonth(year, m, 'arabic')} ยังไม่สิ้นเดือน จะจัดทำเป็นฉบับชั่วคราว ข้อมูล ณ วันนี้ ` +
        `(${formatThaiDate(today, { digits: 'arabic' })}) ต้องการทำต่อหรือไม่`,
    );
  }
  const asOf = provisional ? today : end;
  const start = dayOf(year, m, 1) - 1;
  // The month's start gives the change only (no evidence); both readings share their dates,
  // channels and the online rows' counting cells (read once).
  const memo = newReadMemo(true);
  const at = (day: number, withEvidence: boolean) =>
    standingOf(evaluateAll(book, day, withEvidence, memo), book.criteria, book.settings.percentBasis, day);
  const made = madeBy_(book, who.email, now);
  const status = provisional ? provisionalStatus(asOf, 'month') : NEWEST;
  const doc = monthlyReportDocument(
    at(asOf, true),
    at(start, false),
    year,
    m,
    book.settings.monthlyDueDay,
    made,
    status,
  );
  const mark = {
    kind: 'month' as const,
    period: `${year}-${String(m).padStart(2, '0')}`,
    fiscalYear: fiscalYearOf(end),
    provisional,
    made: now.toISOString(),
    districts: doc.table.rows.length,
  };
  return publish_(workbook, book, made, mark, doc, now);
}

/** The caller, when the province and the workbook is set up; else a Thai refusal. */
function allowed_(workbook: Workbook, book: WorkbookRead, action: string) {
  const who = workbook.caller(book.settings);
  requireProvince(who, action);
  if (book.needsSetUp) {
    throw new OfficerError('notSetUp', `${action}: สมุดงานยังไม่ได้ตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน`);
  }
  return who;
}

/** A reply asking the officer to confirm first. */
function ask_(question: string): MadeReport {
  return { sheet: '', renamed: '', message: question, needsConfirmation: true };
}

/** Who made a report and when, for its header. */
function madeBy_(book: WorkbookRead, email: string, now: Date): MadeBy {
  const { official } = book.settings;
  return {
    province: book.settings.province,
    fiscalYear: book.settings.fiscalYear,
    who: email || UNKNOWN_USER,
    when: nowText(now),
    day: dayOfDate(now),
    official,
    signature: official.reporter,
  };
}

/**
 * A new report's identity, which its mark and its log row carry: its kind, period, version
 * (the committed reports of its period so far, plus one) and the moment it was made.
 * @param registry the add-on's sheets
 * @param mark the new report's mark
 */
function reportRef_(registry: WorkbookRead['registry'], mark: Omit<ReportMark, 'state' | 'form'>): string {
  const same = registry.all('report').filter((r) => {
    const m = r.mark.report;
    return m && m.state !== 'building' && sameReportPeriod(m, mark);
  });
  return `report:${mark.kind}:${mark.period}${mark.provisional ? ':provisional' : ''}:v${same.length + 1}:${mark.made}`;
}

/**
 * A report's name: reportName, with its fiscal year added when a report of another year has
 * that name (a round of the previous year kept under its plain name).
 */
function yearName_(book: WorkbookRead, mark: Omit<ReportMark, 'state' | 'form'>): string {
  const plain = reportName(mark);
  const other = book.registry
    .all('report')
    .some((r) => r.name === plain && r.mark.report && reportYear(r.mark.report) !== reportYear(mark));
  return other ? archiveName(plain, reportYear(mark)) : plain;
}

/**
 * Makes the report's record, writes its sheet (rendered from the record, sealed) and logs it,
 * whole or not at all, and says what was done.
 */
function publish_(
  workbook: Workbook,
  book: WorkbookRead,
  made: MadeBy,
  mark: Omit<ReportMark, 'state' | 'form' | 'ref' | 'logAt'>,
  doc: ReportDocument,
  now: Date,
): MadeReport {
  const wanted = yearName_(book, mark);
  const ref = reportRef_(book.registry, mark);
  const { name, renamed } = workbook.open((door) => {
    const record = reportRecord(mark, made.who, doc);
    const written = door.writeReport(
      book,
      { name: wanted, record, mark: { ...mark, ref, by: made.who }, stamp: stampText(now) },
      now,
    );
    const rows: LogRow[] = written.healed.map((h) => [made.when, made.who, 'ซ่อมส่วนที่ค้าง', h, 'สำเร็จ']);
    const detail = written.renamed ? `ฉบับเดิมเก็บไว้ในชื่อ "${written.renamed}"` : `ชีต "${written.name}"`;
    rows.push([made.when, made.who, `สร้าง${wanted}`, detail, 'สำเร็จ', ref]);
    door.appendLog(book, rows);
    return written;
  });
  const kept = renamed ? ` (ฉบับเดิมเก็บไว้ในชื่อ "${renamed}")` : '';
  const other = name !== wanted ? ` (มีชีตชื่อ "${wanted}" ของผู้ใช้อยู่แล้ว ส่วนเสริมไม่แตะชีตนั้น)` : '';
  return { sheet: name, renamed, message: `สร้างชีต "${name}" เรียบร้อย${kept}${other}`, needsConfirmation: false };
}
