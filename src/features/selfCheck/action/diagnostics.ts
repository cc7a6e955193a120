/**
 * The self-check (`OTOP → ตรวจสอบระบบ`, or `runDiagnostics` from the Apps Script editor's Run
 * menu): observes each unconfirmed platform behaviour the add-on depends on in the real
 * workbook, in a scratch sheet it always deletes, and writes what each outcome means to the
 * marked result sheet `ผลตรวจสอบระบบ`, with a block of plain JSON for the maintainers. It also
 * makes a sample Thai report PDF by the real reports' route (reportHtml → Blob.getAs through
 * the adapter's pdfFromHtml) and e-mails it to the person running it with the sheet's link,
 * asking them to look at it and forward it to the maintainers (docs/first-run.md): only that
 * account sees what Google's converter does to Thai, and the e-mail goes nowhere else. Province
 * only (the same right as set-up); one writer at a time; whole or not at all. The result sheet
 * is its only change: it writes no log row (the sheet itself says who ran it, when, and where the
 * sample went), so the workbook is otherwise exactly as before.
 */
import { observeAll } from '../../../platform/observe';
import { withScratchSheet } from '../../../platform/scratchSheet';
import { applyProtection } from '../../../platform/protections';
import { markSheet, type OwnSheet } from '../../../platform/sheetRegistry';
import { rewriteSheet } from '../../../platform/sheetRewrite';
import { blankOrNewSheet, setColumnWidths } from '../../../platform/sheetSync';
import { pdfFromHtml, remainingMailQuota, sendMail } from '../../../platform/services';
import { atomically, type Undo } from '../../../platform/undo';
import type { Criteria } from '../../../kernel/criteria';
import { type OfficialSettings, readSettings, type Settings } from '../../../kernel/settings';
import {
  DIAGNOSTICS_COLUMNS,
  DIAGNOSTICS_WIDTH,
  diagnosticsJson,
  diagnosticsSheetPlan,
  previousLive,
  statusCounts,
  summaryText,
} from '../sheets/diagnosticsSheet';
import type { FindingStatus } from '../sheets/platformFindings';
import { platformFindings } from '../sheets/platformFindings';
import { rightsOf } from '../../setup/sheets/rights';
import { reportHtml } from '../../reports/sheets/reportHtml';
import {
  SAMPLE_PDF_NAME,
  sampleBandColumns,
  sampleBandOf,
  sampleMail,
  sampleReportDocument,
} from '../sheets/samplePdf';
import { SHEET } from '../../setup/sheets/sheetNames';
import { formatThaiDate } from '../../../kernel/thaiDate';
import { dayOfDate } from '../../../kernel/civilDate';
import { nowText } from '../../../app/clock';
import { webAppNote } from '../../mobile/store/webApp';
import { requireSetUpRight } from '../../../app/roles';
import { caller } from '../../../app/door/session';
import { writingAction } from '../../../app/serverAction';
import type { WorkbookConfig } from '../../../app/workbookRead';
import { readConfig } from '../../../app/door/workbookFetch';
import {
  readAll,
  sheetLink,
  sheetNamed,
  showSheet,
  type Spreadsheet,
  trimNewSheetColumns,
} from '../../../platform/sheetIo';

/** What the self-check did, for the menu's alert and the editor's log. */
export interface DiagnosticsReport {
  /** the result sheet's name */
  readonly sheet: string;
  readonly counts: Readonly<Record<FindingStatus, number>>;
  /** the summary, Thai */
  readonly message: string;
  /** the block for the maintainers */
  readonly json: string;
}

/** What became of the sample PDF, for the sheet (Thai) and the JSON. */
export interface SampleOutcome {
  /** the PDF was made (Blob.getAs) */
  readonly made: boolean;
  /** the e-mail was handed to MailApp */
  readonly sent: boolean;
  /** Google's message when the conversion or the e-mail failed */
  readonly error?: string;
  /** the line the sheet shows, Thai */
  readonly text: string;
}

/**
 * Runs the self-check: locked, whole or not at all, errors in Thai.
 * @param ss the workbook
 * @param now the current time
 * @param clock milliseconds now (Date.now), for the timings
 */
export function runDiagnostics(ss: Spreadsheet, now: Date, clock: () => number): DiagnosticsReport {
  return writingAction(() => atomically((undo) => diagnose_(ss, now, clock, undo)));
}

/** The self-check's steps. */
function diagnose_(ss: Spreadsheet, now: Date, clock: () => number, undo: Undo): DiagnosticsReport {
  const config = readConfig(ss);
  const settings = settingsForRights_(ss, config);
  const who = caller(ss, settings);
  requireSetUpRight(who, settings, 'การตรวจสอบระบบ');
  const existing = config.registry.one('diagnostics');
  const live = existing ? previousLive(readAll(existing.sheet)) : null;
  const { result: observations, leftoversDeleted } = withScratchSheet(ss, config.registry, undo, (scratch) =>
    observeAll(ss, scratch, { clock }),
  );
  const findings = platformFindings(observations, live);
  const notes: string[] = [];
  if (leftoversDeleted > 0) notes.push(`ลบชีตทดสอบที่การตรวจครั้งก่อนทำค้างไว้ ${leftoversDeleted} ชีต`);
  notes.push(webAppNote());
  const own = existing ?? create_(ss, undo, notes);
  applyProtection(own.sheet, rightsOf(own.mark, own.name, settings), undo);
  const when = nowText(now);
  // The e-mail goes before the sheet is written, so that the sheet says what became of it.
  const sample = mailSample_(
    config.criteria,
    settings.official,
    who.email,
    own.name,
    sheetLink(ss, own.sheet),
    when,
    now,
  );
  const json = diagnosticsJson(now.toISOString(), observations, live, findings, {
    made: sample.made,
    sent: sample.sent,
    // the block promises no e-mail addresses: Google's message may quote one
    ...(sample.error !== undefined
      ? { error: sample.error.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '<อีเมล>') }
      : {}),
  });
  const madeAt = `ตรวจเมื่อ ${when} โดย ${who.email || 'ไม่ทราบอีเมล'}`;
  rewriteSheet(own.sheet, diagnosticsSheetPlan({ madeAt, findings, json, notes, sample: sample.text }), undo);
  showSheet(own.sheet);
  const counts = statusCounts(findings);
  return { sheet: own.name, counts, message: `${summaryText(findings)} (ดูชีต "${own.name}") ${sample.text}`, json };
}

/**
 * Makes the sample report's PDF by the real reports' route and e-mails it to the caller (only
 * to them) with the result sheet's link. A failure is told, never thrown: the self-check's
 * findings are worth keeping without it.
 * @param criteria the workbook's criteria (the levels' names and colours)
 * @param official the settings' memo header and reporter
 * @param to the caller's address
 * @param sheetName the result sheet
 * @param link its URL
 * @param when Thai date-time of the run
 * @param now the run's moment
 */
function mailSample_(
  criteria: Criteria,
  official: OfficialSettings,
  to: string,
  sheetName: string,
  link: string,
  when: string,
  now: Date,
): SampleOutcome {
  const doc = sampleReportDocument(criteria, official, {
    who: to,
    when,
    date: formatThaiDate(dayOfDate(now), { digits: 'arabic' }),
  });
  let pdf: ReturnType<typeof pdfFromHtml>;
  try {
    pdf = pdfFromHtml(reportHtml(doc, sampleBandOf(criteria), sampleBandColumns()), SAMPLE_PDF_NAME);
  } catch (error) {
    const why = (error as Error).message;
    return {
      made: false,
      sent: false,
      error: why,
      text: `PDF ตัวอย่าง: Google แปลงเป็น PDF ไม่สำเร็จ รายงานจริงก็จะส่งไม่ได้เช่นกัน กรุณาแจ้งผู้ดูแลระบบพร้อมข้อความนี้ (${why})`,
    };
  }
  if (remainingMailQuota() < 1) {
    return {
      made: true,
      sent: false,
      text: 'PDF ตัวอย่าง: ทำได้ แต่วันนี้ส่งอีเมลครบโควตาของบัญชีแล้ว กรุณากด "ตรวจสอบระบบ" อีกครั้งพรุ่งนี้เพื่อรับ PDF ตัวอย่าง',
    };
  }
  const mail = sampleMail(sheetName, link, when);
  try {
    sendMail({ to, subject: mail.subject, htmlBody: mail.html, body: mail.text, attachments: [pdf] });
  } catch (error) {
    const why = (error as Error).message;
    return {
      made: true,
      sent: false,
      error: why,
      text: `PDF ตัวอย่าง: ส่งอีเมลถึง ${to} ไม่สำเร็จ (${why}) กรุณากด "ตรวจสอบระบบ" อีกครั้งภายหลัง`,
    };
  }
  return {
    made: true,
    sent: true,
    text: `PDF ตัวอย่าง: ส่งทางอีเมลถึง ${to} แล้ว กรุณาเปิดไฟล์แนบ ดูตามรายการในอีเมล แล้วส่งต่ออีเมลนั้นถึงผู้ดูแลระบบ`,
  };
}

/**
 * The settings the rights are read from: the marked settings sheet, or before the first set-up a
 * sheet named ตั้งค่า, as set-up reads it (roles.ts requireSetUpRight: in a shared drive the
 * first province editor is named by hand there).
 */
function settingsForRights_(ss: Spreadsheet, config: WorkbookConfig): Settings {
  if (config.registry.one('settings')) return config.settings;
  const sheet = sheetNamed(ss, SHEET.settings);
  return readSettings(sheet ? readAll(sheet) : [], config.districts).settings;
}

/**
 * The result sheet, made and marked on the first run; an officer's sheet of the same name is
 * left alone and the new one named apart.
 */
function create_(ss: Spreadsheet, undo: Undo, notes: string[]): OwnSheet {
  const { sheet, name } = blankOrNewSheet(ss, SHEET.diagnostics, undo);
  if (name !== SHEET.diagnostics) {
    notes.push(`มีชีตชื่อ "${SHEET.diagnostics}" ของเจ้าหน้าที่อยู่แล้ว จึงเขียนผลไว้ในชีต "${name}" (ชีตเดิมไม่ถูกแตะ)`);
  }
  const own = markSheet(sheet, { role: 'diagnostics' }, undo);
  trimNewSheetColumns(sheet, DIAGNOSTICS_WIDTH);
  setColumnWidths(
    sheet,
    DIAGNOSTICS_COLUMNS.map((c) => c.width),
  );
  return own;
}
