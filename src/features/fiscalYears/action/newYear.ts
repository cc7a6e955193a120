/**
 * เริ่มปีงบประมาณใหม่: the province ends fiscal year N and begins N+1 in one whole-or-nothing
 * action with its log row (docs/fiscal-years.md). The finished year stays readable: its district
 * table, entry sheets, settings, criteria and submissions are copied as values into sheets marked
 * `archive` with their year (nothing is deleted), its reports renamed with their year; the
 * baseline is carried forward (the old baseline plus every operator counted new in year N, each
 * row saying where it came from); the settings move to N+1 with the deadlines proposed from N's
 * (each round on the same weekday of the same week of its month) and the same monthly due day;
 * the criteria stay for the province to edit (year N's kept in its archive); the registered
 * counts are kept and the province asked to update them; the entry sheets are emptied, ready;
 * protections and officers stay as they were; then set-up's steps relabel and rebuild for N+1.
 * Refused in Thai for anyone but the province; asked first when year N has not ended or a round
 * summary of it is missing. Service calls grow with the number of sheets, never of rows. Through
 * the door (src/app/door/door.ts): the action reads, checks the caller, asks, and runs the switch
 * in one transaction of the door's operations (keepYearAsValues, commitNextYear,
 * startNewYearSettings, swapBaseline, emptyEntries, nameReportsWithYear, set-up's steps,
 * appendLog, finishYearCopies), each registering its own undo.
 */
import { dayOfDate } from '../../../kernel/civilDate';
import { fiscalYearBounds } from '../../../kernel/fiscalYear';
import { OfficerError } from '../../../kernel/officerError';
import { formatThaiDate } from '../../../kernel/thaiDate';
import { type ReportMark, reportYear } from '../../setup/sheets/sheetMarkers';
import { standingOf } from '../../standing/sheets/standing';
import { nowText } from '../../../app/clock';
import type { CarriedBaseline, Door, Workbook } from '../../../app/door/door';
import { requireProvince } from '../../../app/roles';
import { setUpWithin } from '../../setup/action/setup';
import { evaluateAll, type WorkbookConfig, type WorkbookRead } from '../../../app/workbookRead';

/** What the action answers. */
export interface NewYearResult {
  readonly needsConfirmation: boolean;
  /** Thai: the question, or what was done and what the province is asked to check. */
  readonly message: string;
  /** The new fiscal year, once begun. */
  readonly fiscalYear?: number;
}

const ACTION = 'การเริ่มปีงบประมาณใหม่';

/**
 * Ends the settings' fiscal year and begins the next, whole or not at all. Killed midway (Apps
 * Script's time limit), it is safe to run again: the year's copies are made first, marked
 * pending; moving the settings' year is the commit. A run stopped before it left copies the next
 * run deletes and makes again; one stopped after it is finished by the next run (entries emptied,
 * baseline swapped, reports renamed, set-up's steps, the log row, the copies' marks cleared last).
 * @param book the workbook
 * @param now the current time
 * @param confirmed the province confirmed after being asked (year not ended, a round summary missing)
 */
export function startNewFiscalYear(book: Workbook, now: Date, confirmed = false): NewYearResult {
  const read = book.readWorkbook();
  const who = book.caller(read.settings);
  requireProvince(who, ACTION);
  if (read.needsSetUp) {
    throw new OfficerError('notSetUp', `${ACTION}: สมุดงานยังไม่ได้ตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน`);
  }
  const me = who.email || 'ไม่ทราบอีเมล';
  const pending = read.registry.all('archive').filter((a) => a.mark.archive?.pending);
  const current = read.settings.fiscalYear;
  if (pending.some((a) => a.mark.archive?.fiscalYear === current - 1)) {
    // A switch to this year was committed and stopped: finished now.
    const done = book.open((door) => finishSwitch_(door, now, current - 1, me));
    return {
      needsConfirmation: false,
      fiscalYear: current,
      message: `เริ่มปีงบประมาณ ${current} ต่อจนเสร็จ (การทำงานครั้งก่อนหยุดกลางคัน) กำหนดส่งสรุปผลที่เสนอ: ${done}`,
    };
  }
  const year = current;
  const next = year + 1;
  const today = dayOfDate(now);
  const { end } = fiscalYearBounds(year);
  const reasons: string[] = [];
  if (today <= end) {
    reasons.push(
      `ปีงบประมาณ ${year} ยังไม่สิ้นสุด (สิ้นสุดวันที่ ${formatThaiDate(end, { digits: 'arabic' })}) ข้อมูลที่บันทึกหลังจากนี้จะเป็นของปีงบประมาณ ${next}`,
    );
  }
  const missing = missingRounds_(read, year);
  if (missing.length > 0) {
    reasons.push(
      `ยังไม่ได้จัดทำสรุปผล ${missing.map((r) => `รอบที่ ${r}`).join(', ')} ของปีงบประมาณ ${year} (ให้กด "จัดทำสรุป" ก่อน หรือเริ่มปีใหม่โดยไม่มีสรุปรอบนี้)`,
    );
  }
  if (reasons.length > 0 && !confirmed) {
    return {
      needsConfirmation: true,
      message: `${reasons.join(' และ')} ต้องการเริ่มปีงบประมาณ ${next} ตอนนี้หรือไม่`,
    };
  }
  // Year N's new operators, counted to its last day (or today, when it has not ended).
  const cutOff = Math.min(end, today);
  const standing = standingOf(evaluateAll(read, cutOff, true), read.criteria, read.settings.percentBasis, cutOff);
  const records = book.readSubmissions(recordSheetAgain_(read)).records;
  const done = book.open((door) => {
    // What a switch stopped before its commit left is deleted, and the workbook read again.
    door.dropStoppedCopies(read, year);
    const live = pending.length > 0 ? door.readWorkbook() : read;
    const carried = door.keepYearAsValues(live, year, records, standing.newOperators);
    door.commitNextYear(live, next);
    const deadlines = finishSwitch_(door, now, year, me, carried);
    return { carried, deadlines };
  });
  return {
    needsConfirmation: false,
    fiscalYear: next,
    message:
      `เริ่มปีงบประมาณ ${next} เรียบร้อย ข้อมูลปีงบประมาณ ${year} เก็บไว้ในชีตที่ลงท้ายว่า "ปีงบ ${year}" ` +
      `ฐานปีใหม่ ${done.carried.rows} ราย (ชีต "${done.carried.name}") ` +
      `กรุณาตรวจสอบ: กำหนดส่งสรุปผลที่เสนอ (${done.deadlines}) และวันส่งรายงานประจำเดือนในชีตตั้งค่า, เกณฑ์ในชีตเกณฑ์, ` +
      `และปรับจำนวนผู้ประกอบการทั้งหมดและที่ส่งเสริมแล้วของแต่ละอำเภอในชีตอำเภอให้เป็นของปีใหม่`,
  };
}

/**
 * The configuration as read, except that the record sheet's values are read again: the switch
 * read its submissions so before the door (the same calls). Its other fields are the read's own
 * (none of its lazy reads is made here).
 * @param read the workbook as read
 */
function recordSheetAgain_(read: WorkbookRead): WorkbookConfig {
  return Object.create(read, { submissionsValues: { value: null } }) as WorkbookConfig;
}

/**
 * Everything after the commit, each step safe to run again: the settings' deadlines and cut-off
 * (from the year's kept settings), the baseline swapped, the entry sheets emptied, the reports
 * named with their year, set-up's steps, the log row, then the copies' pending marks cleared.
 * @return the proposed deadlines, Thai
 */
function finishSwitch_(door: Door, now: Date, year: number, me: string, carried?: CarriedBaseline): string {
  const book = door.readWorkbook();
  const kept = book.registry.all('archive').filter((a) => a.mark.archive?.fiscalYear === year);
  const deadlines = door.startNewYearSettings(book, year);
  door.swapBaseline(book, year);
  door.emptyEntries(book, year);
  const reports = door.nameReportsWithYear(book, year);
  setUpWithin(door, now);
  const detail =
    `ปีงบประมาณ ${year} → ${year + 1}: เก็บ ${kept.length} ชีตเป็นค่า (ชื่อลงท้าย "ปีงบ ${year}") ` +
    `เปลี่ยนชื่อรายงาน ${reports} ชีต` +
    (carried ? ` ฐานปีใหม่ ${carried.rows} ราย (เดิม ${carried.old} + รายใหม่ปี ${year} ${carried.added})` : '') +
    ` กำหนดส่งสรุปผล ${deadlines}`;
  const after = door.readWorkbook();
  door.appendLog(after, [[nowText(now), me, 'เริ่มปีงบประมาณใหม่', detail, 'สำเร็จ']]);
  // Last, in one call: a run stopped before this is finished by the next one.
  door.finishYearCopies(after);
  return deadlines;
}

/** The rounds of a year with no current summary (provisional ones do not count). */
function missingRounds_(book: WorkbookRead, year: number): number[] {
  const made = new Set(
    book.registry
      .all('report')
      .map((r) => r.mark.report)
      .filter(
        (m): m is ReportMark =>
          !!m && m.kind === 'round' && m.state === 'current' && !m.provisional && reportYear(m) === year,
      )
      .map((m) => Number(m.period)),
  );
  return book.settings.rounds.map((_, i) => i + 1).filter((r) => !made.has(r));
}
