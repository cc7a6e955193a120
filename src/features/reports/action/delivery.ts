/**
 * "Send to the province": one of the add-on's report sheets as an HTML e-mail to the settings'
 * report address (nowhere else), after the sidebar has shown what will be sent; and the LINE
 * text. Sending is honest and not repeated by mistake: the attempt is logged before MailApp is
 * called and the outcome after; when the call fails the officer is told the e-mail may have
 * gone; a report already sent, or superseded, is sent again only after the officer confirms,
 * told when and to whom it last went; the report sheet shows its sent status.
 */
import { OfficerError } from '../../../kernel/officerError';
import { pdfFromHtml, remainingMailQuota, sendMail } from '../../../platform/services';
import { markSent } from '../../../platform/reportSheet';
import type { OwnSheet } from '../../../platform/sheetRegistry';
import { atomically } from '../../../platform/undo';
import { bandOf, emailHtml, lineText } from '../sheets/delivery';
import { readDocument, type ReportDocument } from '../sheets/officialForm';
import { reportHtml } from '../sheets/reportHtml';
import { legacyDocument, type ReportLayout, reportLayout } from '../sheets/reportSheets';
import type { ReportMark } from '../../setup/sheets/sheetMarkers';
import type { SendingPreview, SendResult } from '../../../app/api';
import { appendLog } from '../../../app/auditLog';
import { nowText } from '../../../app/clock';
import { caller, requireProvince } from '../../../app/roles';
import { readConfig, type WorkbookConfig } from '../../../app/workbookRead';
import { readAll, type Spreadsheet, sheetLink } from '../../../platform/sheetIo';

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * When and to whom a report was last sent, Thai ('' when never).
 * @param mark the report's mark
 */
export function sentText(mark: ReportMark): string {
  const last = mark.sent?.[mark.sent.length - 1];
  if (!last) return '';
  const when = nowText(new Date(last.at));
  return last.confirmed ? `ส่งถึง ${last.to} เมื่อ ${when}` : `พยายามส่งถึง ${last.to} เมื่อ ${when} (ไม่แน่ใจว่าถึงหรือไม่)`;
}

/** The report sheet of that name, when it is one of the add-on's (committed) reports. */
function report_(config: WorkbookConfig, sheetName: string): OwnSheet {
  const own = config.registry.all('report').find((r) => r.name === String(sheetName));
  if (!own?.mark.report || own.mark.report.state === 'building') {
    throw new OfficerError(
      'missingSheet',
      `ไม่พบรายงาน "${String(sheetName)}" ที่สร้างจากเมนู OTOP (อาจถูกลบ เปลี่ยนชื่อ หรือเป็นชีตที่ผู้ใช้สร้างเอง) กรุณาเลือกรายงานใหม่`,
    );
  }
  return own;
}

/** A report read back from its sheet through its marker's form (or the previous version's layout). */
function document_(own: OwnSheet): { doc: ReportDocument; layout: ReportLayout } {
  const mark = own.mark.report as ReportMark;
  const values = readAll(own.sheet);
  if (!mark.form) return legacyDocument(values, mark.kind, mark.districts);
  const layout = reportLayout(mark.kind, mark.form);
  return { doc: readDocument(values, layout, layout.tables), layout };
}

/** The PDF's file name: the sheet's, without characters file systems refuse. */
function pdfName_(sheet: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  return sheet.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-');
}

/** The e-mail, LINE text and PDF page of a report sheet. */
function preview_(ss: Spreadsheet, config: WorkbookConfig, own: OwnSheet): SendingPreview & { page: string } {
  const { doc, layout } = document_(own);
  const link = sheetLink(ss, own.sheet);
  const name = own.name;
  const attachment = `${pdfName_(name)}.pdf`;
  const painted = [layout.scoreColumn - 1, layout.levelColumn - 1];
  return {
    sheet: name,
    to: config.settings.reportEmail,
    subject: `[OTOP ${config.settings.province}] ${name}`,
    html: emailHtml(doc, layout, config.criteria, link, attachment),
    lineText: lineText(`${name} (ข้อมูลถึง ${doc.asOf})`, doc, layout, config.criteria),
    attachment,
    page: reportHtml(doc, bandOf(layout, config.criteria), painted),
  };
}

/**
 * What would be sent for a report sheet.
 * @param ss the workbook
 * @param sheetName the report's sheet
 */
export function previewSending(ss: Spreadsheet, sheetName: string): SendingPreview {
  const config = readConfig(ss);
  requireProvince(caller(ss, config.settings), 'การตรวจทานก่อนส่งรายงาน');
  const { page: _page, ...preview } = preview_(ss, config, report_(config, sheetName));
  return preview;
}

/**
 * Why a provisional report is not the one to send, in the words of its period.
 * @param kind a round's summary or a month's report
 */
function provisionalReason_(kind: ReportMark['kind']): string {
  return kind === 'round' ? 'รายงานนี้เป็นฉบับชั่วคราว ไม่ใช่ฉบับส่งของรอบ' : 'รายงานนี้เป็นฉบับชั่วคราว ยังไม่สิ้นเดือน ไม่ใช่ฉบับส่งของเดือน';
}

/**
 * Sends a report to the province's address and logs the attempt and its outcome.
 * @param ss the workbook
 * @param sheetName the report's sheet
 * @param now the current time
 * @param again the officer confirmed sending a report that was sent before or is superseded
 */
export function sendToProvince(ss: Spreadsheet, sheetName: string, now: Date, again: boolean): SendResult {
  const config = readConfig(ss);
  const who = caller(ss, config.settings);
  requireProvince(who, 'การส่งรายงานถึงจังหวัด');
  const own = report_(config, sheetName);
  const mark = own.mark.report as ReportMark;
  const preview = preview_(ss, config, own);
  if (!EMAIL.test(preview.to)) {
    throw OfficerError.input(`อีเมลจังหวัด "${preview.to}" ในชีตตั้งค่าไม่ถูกต้อง กรุณาแก้ไขก่อนส่ง`);
  }
  const before = sentText(mark);
  if (!again && (before || mark.state === 'superseded' || mark.provisional)) {
    const why = [
      before ? `รายงานนี้${before}แล้ว` : '',
      mark.state === 'superseded' ? 'รายงานนี้เป็นฉบับเก่า (มีฉบับใหม่กว่าแล้ว)' : '',
      mark.provisional ? provisionalReason_(mark.kind) : '',
    ].filter(Boolean);
    // "again" only for a report that went before (issue 24)
    const ask = before ? 'ต้องการส่งอีกครั้งหรือไม่' : 'ต้องการส่งหรือไม่';
    return { message: `${why.join(' และ')} ${ask}`, needsConfirmation: true };
  }
  if (remainingMailQuota() < 1) {
    throw new OfficerError(
      'quota',
      'วันนี้ส่งอีเมลครบโควตาของบัญชีแล้ว (Google จำกัดจำนวนผู้รับต่อวัน) กรุณาส่งพรุ่งนี้ หรือใช้ปุ่ม "คัดลอกสำหรับ LINE"',
    );
  }
  // Made before anything is recorded: a conversion that fails leaves nothing to undo or explain.
  const pdf = pdfFromHtml(preview.page, preview.attachment.replace(/\.pdf$/, ''));
  const when = nowText(now);
  const detail = `"${preview.sheet}" ถึง ${preview.to}`;
  const attempt = { to: preview.to, at: now.toISOString(), confirmed: false };
  const attempted = atomically((undo) => {
    appendLog(ss, config.registry, [[when, who.email, 'กำลังส่งรายงานถึงจังหวัด', detail, 'เริ่มส่ง']], config.settings, undo);
    return markSent(own, [...(mark.sent ?? []), attempt], `กำลังส่งถึง ${preview.to} เมื่อ ${when}`, undo);
  });
  try {
    sendMail({
      to: preview.to,
      subject: preview.subject,
      htmlBody: preview.html,
      body: preview.lineText,
      attachments: [pdf],
    });
  } catch (error) {
    let recorded = '';
    try {
      atomically((undo) => {
        appendLog(
          ss,
          config.registry,
          [[nowText(now), who.email, 'ส่งรายงานถึงจังหวัด', detail, 'ไม่แน่ใจว่าส่งถึง']],
          config.settings,
          undo,
        );
        markSent(
          attempted,
          [...(mark.sent ?? []), attempt],
          `พยายามส่งถึง ${preview.to} เมื่อ ${when} (ไม่แน่ใจว่าถึงหรือไม่)`,
          undo,
        );
      });
    } catch {
      // The attempt is logged already; the officer must hear about the e-mail either way.
      recorded = ' (บันทึกผลไม่สำเร็จ แต่บันทึกการเริ่มส่งไว้แล้ว)';
    }
    throw new OfficerError(
      'partial',
      `การส่งอีเมลขัดข้อง อีเมลอาจส่งไปแล้วหรือยังไม่ได้ส่ง กรุณาตรวจในกล่องจดหมายที่ส่งแล้ว (Gmail) หรือสอบถามผู้รับก่อนส่งซ้ำ${recorded} (สาเหตุ: ${(error as Error).message})`,
    );
  }
  const sent = `ส่ง "${preview.sheet}" ถึง ${preview.to} เรียบร้อย`;
  try {
    atomically((undo) => {
      appendLog(
        ss,
        config.registry,
        [[nowText(now), who.email, 'ส่งรายงานถึงจังหวัด', detail, 'สำเร็จ']],
        config.settings,
        undo,
      );
      markSent(
        attempted,
        [...(mark.sent ?? []), { ...attempt, confirmed: true }],
        `ส่งถึง ${preview.to} เมื่อ ${when}`,
        undo,
      );
    });
  } catch (error) {
    return {
      message: `${sent} แต่บันทึกผลการส่งไม่สำเร็จ (${(error as Error).message}) อย่าส่งซ้ำ`,
      needsConfirmation: false,
    };
  }
  return { message: sent, needsConfirmation: false };
}
