/**
 * A district submits its monthly report or a round summary to the province: a value snapshot of
 * its own evaluation (the district table's rule, as of the month's last day or the round's
 * deadline), with who, when, whether on time, and on whose behalf, appended as a sealed row of
 * `การส่งรายงานของอำเภอ`; the board is rebuilt and the log told, whole or not at all. A district
 * officer submits for their own district only; the province on a district's behalf. Refused in
 * Thai: before the duty opens, without the statement confirmed, for another district, by anyone
 * named nowhere (or hidden), before set-up. A resubmission keeps the earlier one and is asked
 * about first. The caller holds the workbook lock (two at once: the second waits, then is asked).
 */
import { type Day, dayOf, dayOfDate } from '../../../kernel/civilDate';
import { canonicalDistrictName } from '../../setup/rules/districts';
import { newReadMemo } from '../../counting/rules/entries';
import { type Duty, type DutyKind, daysLateOn, yearDuties } from '../rules/duties';
import { type MeasureCounts, measureCounts } from '../../../kernel/measures';
import { OfficerError } from '../../../kernel/officerError';
import { formatThaiDate } from '../../../kernel/thaiDate';
import { standingOf } from '../../standing/sheets/standing';
import {
  type NewSubmission,
  type Snapshot,
  type SubmissionRecord,
  snapshotOf,
  submissionsOf,
  dutyTitle,
  keptYears,
  timelinessText,
  submissionLogRow,
} from '../sheets/submissions';
import type { Workbook } from '../../../app/door/door';
import { nowText } from '../../../app/clock';
import type { SubmissionPreview, SubmissionView, SubmitResult } from './dutiesApi';
import { type Caller, requireOfficer } from '../../../app/roles';
import { evaluateAll, type WorkbookRead } from '../../../app/workbookRead';
import { profileOf } from '../../../kernel/yearProfile';

const UNKNOWN_USER = 'ไม่ทราบอีเมล';

/** What a submission is about, checked. */
interface Prepared_ {
  readonly book: WorkbookRead;
  readonly who: Caller;
  readonly district: string;
  readonly duty: Duty;
  readonly today: Day;
  readonly snapshot: Snapshot;
  readonly records: readonly SubmissionRecord[];
  readonly earlier: readonly SubmissionRecord[];
}

/**
 * What submitting now would send, for the sidebar to show before the officer confirms.
 * @param workbook the workbook, through the door
 * @param kind month or round
 * @param period yyyy-mm, or the round's number
 * @param now the current time
 * @param district the district (the province's choice; a district officer's own by default)
 */
export function previewSubmission(
  workbook: Workbook,
  kind: DutyKind,
  period: string,
  now: Date,
  district?: string,
): SubmissionPreview {
  const p = prepare_(workbook, kind, period, now, district);
  const s = p.snapshot;
  const date = (day: Day | null) => (day === null ? '' : formatThaiDate(day, { form: 'short', digits: 'arabic' }));
  return {
    kind: p.duty.kind,
    period: p.duty.period,
    district: p.district,
    title: dutyTitle(p.duty),
    dueText: formatThaiDate(p.duty.due, { digits: 'arabic' }),
    cutOffText: formatThaiDate(s.cutOff, { digits: 'arabic' }),
    timeliness: timelinessText(daysLateOn(p.duty, p.today)),
    onBehalf: p.who.role === 'province',
    figures: {
      ...s.counts,
      target: s.target,
      percent: s.percent,
      score: s.score,
      level: s.level,
    },
    changes: s.before ? difference_(s.counts, s.before) : null,
    missing: s.next,
    activities: s.activities.map((a) => ({
      dateText: date(a.day),
      activity: a.activity,
      place: a.place,
      link: a.link,
    })),
    operators: s.operators.map((o) => ({
      dateText: date(o.day),
      name: o.name,
      regNo: o.regNo,
      channels: o.channels.join(', '),
      links: o.links.join(' '),
    })),
    left: s.left,
    earlier: p.earlier.map((r) => submissionView(p.duty, r)),
    statement: statement_(p),
    // the duty's own year's measures (its September report in October: the year before's)
    measures: profileOf(p.duty.fiscalYear).measures.map((m) => m.key),
  };
}

/**
 * Submits a duty, whole or not at all.
 * @param workbook the workbook, through the door
 * @param kind month or round
 * @param period yyyy-mm, or the round's number
 * @param now the current time
 * @param confirmed the officer ticked the statement that the data is complete and correct
 * @param district the district (the province's choice; a district officer's own by default)
 * @param again the officer confirmed submitting once more
 */
export function submitDuty(
  workbook: Workbook,
  kind: DutyKind,
  period: string,
  now: Date,
  confirmed: boolean,
  district?: string,
  again = false,
): SubmitResult {
  const p = prepare_(workbook, kind, period, now, district);
  const title = dutyTitle(p.duty);
  if (!confirmed) {
    throw OfficerError.input(`กรุณาทำเครื่องหมายรับรองว่าข้อมูลครบถ้วนและถูกต้องก่อนส่ง${title}`);
  }
  const last = p.earlier[p.earlier.length - 1];
  if (last && !again) {
    return {
      needsConfirmation: true,
      message:
        `อ.${p.district} ส่ง${title} แล้ว ${p.earlier.length} ครั้ง (ล่าสุด ${last.when} โดย ${last.sentBy || UNKNOWN_USER}) ` +
        'ต้องการส่งใหม่หรือไม่ (ฉบับเดิมยังเก็บไว้ และวันที่ส่งครั้งแรกยังใช้ตัดสินว่าส่งตรงเวลาหรือไม่)',
    };
  }
  const province = p.book.settings.province;
  const submission: NewSubmission = {
    duty: p.duty,
    district: p.district,
    at: now.toISOString(),
    when: nowText(now),
    number: p.earlier.length + 1,
    sentBy: p.who.email || UNKNOWN_USER,
    onBehalf: p.who.role === 'province',
    to: `จังหวัด${province}`,
    daysLate: daysLateOn(p.duty, p.today),
    snapshot: p.snapshot,
  };
  const timeliness = timelinessText(submission.daysLate);
  // The board and the log as they stand, in one read before the first write (the Sheets API does not see cached writes).
  const read = workbook.readBoardAndLog(p.book);
  workbook.open((door) => {
    // the record sheet as read with the configuration (nothing wrote it since)
    const { sheet, seq } = door.appendSubmission(p.book, submission);
    const record: SubmissionRecord = {
      row: 0,
      seq,
      district: p.district,
      kind: p.duty.kind,
      period: p.duty.period,
      fiscalYear: p.duty.fiscalYear,
      at: submission.at,
      when: submission.when,
      day: p.today,
      number: submission.number,
      sentBy: submission.sentBy,
      onBehalf: submission.onBehalf,
      to: submission.to,
      timeliness,
      snapshot: p.snapshot,
      trusted: true,
    };
    door.rebuildBoard(p.book, [...p.records, record], p.today, read);
    // The log finishes the record (its number kept as the last finished one), after its row.
    door.appendLog(p.book, [submissionLogRow(record, sheet)], read);
  });
  const again_ = submission.number > 1 ? ` (ครั้งที่ ${submission.number} ฉบับเดิมยังเก็บไว้)` : '';
  return {
    needsConfirmation: false,
    message: `ส่ง${title} ของ อ.${p.district} ถึง${submission.to}เรียบร้อย (${timeliness})${again_}`,
  };
}

/**
 * A submission as the sidebar lists it.
 * @param duty its duty
 * @param r the record
 */
export function submissionView(duty: Duty, r: SubmissionRecord): SubmissionView {
  return {
    number: r.number,
    whenText: r.when,
    sentBy: r.sentBy,
    onBehalf: r.onBehalf,
    timeliness: timelinessText(daysLateOn(duty, r.day)),
    to: r.to,
  };
}

/** Checks the caller, the district and the duty, and takes the snapshot; refuses in Thai. */
function prepare_(workbook: Workbook, kind: DutyKind, period: string, now: Date, district?: string): Prepared_ {
  const book = workbook.readWorkbook();
  const who = workbook.caller(book.settings);
  const action = kind === 'round' ? 'การส่งสรุปผลรายรอบ' : 'การส่งรายงานประจำเดือน';
  requireOfficer(who, action);
  if (book.needsSetUp) {
    throw new OfficerError('notSetUp', `${action}: สมุดงานยังไม่ได้ตั้งค่า กรุณาแจ้งเจ้าหน้าที่ระดับจังหวัดให้ตั้งค่าก่อน`);
  }
  const target = district_(book, who, district, action);
  const records = workbook.readSubmissions(book).records;
  const duty = duty_(book, kind, period, records);
  const today = dayOfDate(now);
  if (today < duty.opens) {
    const when = formatThaiDate(duty.opens, { digits: 'arabic' });
    throw OfficerError.input(
      duty.kind === 'month'
        ? `ยังส่ง${dutyTitle(duty)}ไม่ได้ เพราะยังไม่สิ้นเดือน ส่งได้ตั้งแต่วันที่ ${when} (กำหนดส่งภายใน ${formatThaiDate(duty.due, { digits: 'arabic' })})`
        : `ยังส่ง${dutyTitle(duty)}ไม่ได้ ส่งได้ตั้งแต่วันที่ ${when} (7 วันก่อนกำหนดส่ง ${formatThaiDate(duty.due, { digits: 'arabic' })})`,
    );
  }
  return {
    book,
    who,
    district: target,
    duty,
    today,
    // A duty of a finished year (its September report) counts that year's kept entries.
    snapshot: snapshot_(workbook.readYear(book, duty.fiscalYear), target, duty, today),
    records,
    earlier: submissionsOf(records, target, duty),
  };
}

/**
 * The district submitted for: a district officer's own (any of those they are named for: the
 * one asked, else the first); the province's choice.
 */
function district_(book: WorkbookRead, who: Caller, asked: string | undefined, action: string): string {
  const named =
    asked === undefined || asked === null || String(asked).trim() === '' ? '' : canonicalDistrictName(String(asked));
  if (who.role === 'district') {
    if (named && !who.districts.includes(named)) {
      throw OfficerError.forbidden(
        `${action}: ${who.email} เป็นเจ้าหน้าที่ของ ${who.districts.map((d) => `อ.${d}`).join(', ')} ` +
          `จึงส่งรายงานแทน อ.${named} ไม่ได้ (เจ้าหน้าที่ระดับจังหวัดส่งแทนอำเภอได้)`,
      );
    }
    return named || who.district;
  }
  if (!named) throw OfficerError.input(`${action}แทนอำเภอ: กรุณาเลือกอำเภอ`);
  if (!book.districts.includes(named)) {
    throw OfficerError.input(`${action}: ไม่พบ อ.${named} ในตารางอำเภอ (มี ${book.districts.join(', ')})`);
  }
  return named;
}

/**
 * The duty of a kind and period in the settings' fiscal year (a round: of that year; a month:
 * also the previous year's September, still owed in October: yearDuties), or a Thai refusal.
 */
function duty_(book: WorkbookRead, kind: DutyKind, period: string, records: readonly SubmissionRecord[]): Duty {
  const duties = yearDuties(book.settings, keptYears(records));
  const key = kind === 'round' ? String(Number(period)) : String(period);
  const duty = duties.find((d) => d.kind === kind && d.period === key);
  if (duty) return duty;
  if (kind === 'round') {
    throw OfficerError.input(`ไม่มีรอบที่ ${String(period)} (มีรอบที่ 1–${book.settings.rounds.length})`);
  }
  throw OfficerError.input(
    `เดือน "${String(period)}" ไม่อยู่ในปีงบประมาณ ${book.settings.fiscalYear} (ใช้รูปแบบ ปปปป-ดด เช่น 2021-10 ของเดือนตุลาคม 2564)`,
  );
}

/** The district's snapshot at the duty's cut-off (a round before its deadline: today). */
function snapshot_(book: WorkbookRead, district: string, duty: Duty, today: Day): Snapshot {
  const mine = book.districtsRead.filter((d) => d.row.name === district);
  // its two sheets and the baseline in one batch, before the copies below read the baseline
  book.readDistricts?.(mine);
  // A month's start is read too: both readings then share their dates and the online rows' cells.
  const memo = newReadMemo(duty.kind === 'month');
  const at = (day: Day) =>
    standingOf(
      evaluateAll({ ...book, districtsRead: mine }, day, true, memo),
      book.criteria,
      book.settings.percentBasis,
      day,
    );
  const cutOff = Math.min(duty.cutOff, today);
  const end = at(cutOff);
  const standing = end.districts[0];
  if (!standing?.result) {
    throw OfficerError.input(
      `ข้อมูลของ อ.${district} ยังนับไม่ได้ จึงยังส่งไม่ได้: ${standing?.problem || 'ไม่พบแถวของอำเภอในตารางอำเภอ'} ให้กด "ตรวจข้อมูล" แล้วแก้ไขก่อน`,
    );
  }
  let before: MeasureCounts | null = null;
  let keep: (day: Day) => boolean = () => true;
  if (duty.kind === 'month') {
    const [year, month] = duty.period.split('-').map(Number);
    const start = dayOf(year, month, 1);
    const was = at(start - 1).districts[0]?.result;
    before = was ? measureCounts((m) => was[m.key]) : null;
    keep = (day) => day >= start && day <= duty.cutOff;
  }
  return snapshotOf(standing, end.activities, end.newOperators, before, cutOff, keep);
}

/** What changed between two counts. */
function difference_(now: MeasureCounts, before: MeasureCounts): MeasureCounts {
  return measureCounts((m) => now[m.key] - before[m.key]);
}

/** The statement the officer confirms. */
function statement_(p: Prepared_): string {
  const whose = p.who.role === 'province' ? `ในนามของ อ.${p.district} ` : '';
  return (
    `ข้าพเจ้า (${p.who.email || UNKNOWN_USER}) ขอรับรองว่าข้อมูล${dutyTitle(p.duty)} ของ อ.${p.district} ที่ส่ง${whose}นี้ ` +
    `ครบถ้วนและถูกต้อง ตามข้อมูล ณ วันที่ ${formatThaiDate(p.snapshot.cutOff, { digits: 'arabic' })}`
  );
}
