/** Making the round summaries and the monthly reports. The caller holds the document lock. */
import { dayOf } from '../core/civilDate';
import { monthEnd } from '../core/fiscalYear';
import type { MadeReport } from './api';
import { activeSpreadsheet } from '../adapter/services';
import {
  type MadeBy,
  monthlyReportGrid,
  monthSheetName,
  type ReportGrid,
  roundSheetName,
  roundSummaryGrid,
} from '../workbook/reportSheets';
import { standingAt } from '../workbook/standing';
import { appendLog, logEditors } from './auditLog';
import { atomically } from './undo';
import { nowText, stampText } from './clock';
import { writeReportSheet } from './reportWriter';
import { caller, requireProvince } from './roles';
import { type ReadWorkbook, readWorkbook } from './workbookData';

const UNKNOWN_USER = 'ไม่ทราบอีเมล (บัญชีนอกโดเมน)';

/**
 * Makes the summary of a round as of its deadline (inclusive), as a new sheet of values.
 * @param round 1, 2 or 3
 * @param now the current time
 */
export function makeRoundSummary(round: number, now: Date): MadeReport {
  const ss = activeSpreadsheet();
  const book = readWorkbook(ss);
  const who = caller(ss, book.settings);
  requireProvince(who, 'การสร้างสรุปผลรอบ');
  if (!Number.isInteger(round) || round < 1 || round > book.settings.rounds.length) {
    throw new Error(`ไม่มีรอบที่ ${String(round)} (มีรอบที่ 1–${book.settings.rounds.length})`);
  }
  const standing = standingAt(book.data, book.settings.rounds[round - 1]);
  const made: MadeBy = {
    province: book.settings.province,
    fiscalYear: book.settings.fiscalYear,
    who: who.email || UNKNOWN_USER,
    when: nowText(now),
  };
  return publish_(ss, book, made, roundSheetName(round), roundSummaryGrid(standing, round, made), now);
}

/**
 * Makes the monthly report of a month: figures as of its last day and what changed in it.
 * @param month yyyy-mm (CE)
 * @param now the current time
 */
export function makeMonthlyReport(month: string, now: Date): MadeReport {
  const ss = activeSpreadsheet();
  const book = readWorkbook(ss);
  const who = caller(ss, book.settings);
  requireProvince(who, 'การสร้างรายงานประจำเดือน');
  const match = /^(\d{4})-(\d{2})$/.exec(String(month));
  const [year, m] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || m < 1 || m > 12) throw new Error(`เดือน "${String(month)}" ไม่ถูกต้อง (ใช้รูปแบบ ปปปป-ดด)`);
  const end = monthEnd(year, m);
  const start = dayOf(year, m, 1) - 1;
  const made: MadeBy = {
    province: book.settings.province,
    fiscalYear: book.settings.fiscalYear,
    who: who.email || UNKNOWN_USER,
    when: nowText(now),
  };
  const grid = monthlyReportGrid(
    standingAt(book.data, end),
    standingAt(book.data, start),
    year,
    m,
    book.settings.monthlyDueDay,
    made,
  );
  return publish_(ss, book, made, monthSheetName(year, m), grid, now);
}

/** Writes the report sheet and logs it, whole or not at all, and says what was done. */
function publish_(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  book: ReadWorkbook,
  made: MadeBy,
  name: string,
  grid: ReportGrid,
  now: Date,
): MadeReport {
  const renamed = atomically((undo) => {
    const earlier = writeReportSheet(
      ss,
      name,
      grid,
      book.data.criteria,
      book.settings.provinceEditors,
      stampText(now),
      undo,
    );
    appendLog(
      ss,
      [made.when, made.who, `สร้าง${name}`, earlier ? `ฉบับเดิมเก็บไว้ในชื่อ "${earlier}"` : '', 'สำเร็จ'],
      logEditors(book.settings),
      undo,
    );
    return earlier;
  });
  const kept = renamed ? `ฉบับเดิมเก็บไว้ในชื่อ "${renamed}"` : '';
  return { sheet: name, renamed, message: `สร้างชีต "${name}" เรียบร้อย${kept ? ` (${kept})` : ''}` };
}
