/**
 * "Send to the province": one of the add-on's report sheets as an HTML e-mail to the settings'
 * report address (nowhere else), after the sidebar has shown what will be sent; and the LINE
 * text. Sending is honest and not repeated by mistake: the attempt is logged before MailApp is
 * called and the outcome after; when the call fails the officer is told the e-mail may have
 * gone; a report already sent, or superseded, is sent again only after the officer confirms,
 * told when and to whom it last went; the report sheet shows its sent status. A report is read
 * as its record: kept apart from its sheet (reportRecords.ts, a sealed row of the reports' record
 * sheet), the e-mail and PDF are rendered from what was made, even when the sheet was changed by
 * hand since (the preview says the sheet differs from what will be sent, sending asks first, the
 * log notes it); a record whose own seal fails (or that is gone) is refused: the report is made
 * again. A report made before records (no record row) is read from its sheet, as before: a sheet
 * changed by hand goes as it shows, as officers who corrected it expect, with the same warning.
 */
import { OfficerError } from '../../../kernel/officerError';
import { bandOf, emailHtml, lineText } from '../sheets/delivery';
import { reportHtml } from '../sheets/reportHtml';
import type { ReportMark } from '../../setup/sheets/sheetMarkers';
import type { SendingPreview, SendResult } from '../../../app/api';
import type { ReportRead, Workbook } from '../../../app/door/door';
import { nowText } from '../../../app/clock';
import { requireProvince } from '../../../app/roles';
import type { WorkbookConfig } from '../../../app/workbookRead';

/** What the officer is told of a report sheet changed by hand after it was made (its seal fails). */
const EDITED =
  'ชีตรายงานนี้ถูกแก้ไขหลังจัดทำ (ไม่ตรงกับรหัสตรวจสอบที่บันทึกไว้ตอนจัดทำ) อีเมลและ PDF จะเป็นไปตามชีตที่แก้ไขแล้ว ไม่ใช่ตามที่ส่วนเสริมจัดทำ';

// — reports kept as records
/** What the officer is told of a sheet changed by hand whose record holds: what was made is sent. */
const EDITED_KEPT =
  'ชีตรายงานนี้ถูกแก้ไขหลังจัดทำ (ไม่ตรงกับรหัสตรวจสอบที่บันทึกไว้ตอนจัดทำ) ชีตจึงต่างจากสิ่งที่จะส่ง: อีเมลและ PDF จะเป็นไปตามรายงานที่ส่วนเสริมจัดทำและบันทึกไว้ ไม่ใช่ตามชีตที่แก้ไข หากข้อมูลต้องแก้ ให้แก้ข้อมูลในชีตของอำเภอแล้วจัดทำรายงานใหม่';

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

/** The report of that name, when it is one of the add-on's (committed) reports. */
function report_(workbook: Workbook, config: WorkbookConfig, sheetName: string): ReportRead {
  const report = workbook.readReport(config, String(sheetName));
  if (!report) {
    throw new OfficerError(
      'missingSheet',
      `ไม่พบรายงาน "${String(sheetName)}" ที่สร้างจากเมนู OTOP (อาจถูกลบ เปลี่ยนชื่อ หรือเป็นชีตที่ผู้ใช้สร้างเอง) กรุณาเลือกรายงานใหม่`,
    );
  }
  // — reports kept as records: a record changed or deleted by hand is never sent
  if (report.kept === 'broken') {
    throw new OfficerError(
      'input',
      `บันทึกของรายงาน "${report.name}" (เลขที่ ${String(report.mark.record)} ในชีตบันทึกรายงานที่จัดทำ) ไม่ตรงกับรหัสตรวจสอบหรือหายไป (ถูกแก้ไขหรือลบด้วยมือ) ส่วนเสริมจึงไม่ส่งรายงานนี้ กรุณาจัดทำรายงานนี้ใหม่จากเมนู OTOP แล้วส่งฉบับใหม่`,
    );
  }
  return report;
}

/** The PDF's file name: the sheet's, without characters file systems refuse. */
function pdfName_(sheet: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  return sheet.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-');
}

/** The e-mail, LINE text and PDF page of a report. */
function preview_(config: WorkbookConfig, report: ReportRead): SendingPreview & { page: string } {
  const { layout, link } = report;
  const doc = report.record.document;
  const name = report.name;
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
    // a report made before records goes as its sheet shows (EDITED); one with its record, as made
    ...(report.sealed === false ? { edited: report.kept === 'sealed' ? EDITED_KEPT : EDITED } : {}),
  };
}

/**
 * What would be sent for a report sheet.
 * @param workbook the workbook, through the door
 * @param sheetName the report's sheet
 */
export function previewSending(workbook: Workbook, sheetName: string): SendingPreview {
  // the reports' records too: what is sent is rendered from the report's record
  const config = workbook.readConfig({ reportRecords: true });
  requireProvince(workbook.caller(config.settings), 'การตรวจทานก่อนส่งรายงาน');
  const { page: _page, ...preview } = preview_(config, report_(workbook, config, sheetName));
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
 * @param workbook the workbook, through the door
 * @param sheetName the report's sheet
 * @param now the current time
 * @param again the officer confirmed sending a report that was sent before or is superseded
 */
export function sendToProvince(workbook: Workbook, sheetName: string, now: Date, again: boolean): SendResult {
  const config = workbook.readConfig({ reportRecords: true });
  const who = workbook.caller(config.settings);
  requireProvince(who, 'การส่งรายงานถึงจังหวัด');
  const report = report_(workbook, config, sheetName);
  const mark = report.mark;
  const preview = preview_(config, report);
  if (!EMAIL.test(preview.to)) {
    throw OfficerError.input(`อีเมลจังหวัด "${preview.to}" ในชีตตั้งค่าไม่ถูกต้อง กรุณาแก้ไขก่อนส่ง`);
  }
  const before = sentText(mark);
  const edited = report.sealed === false;
  if (!again && (before || mark.state === 'superseded' || mark.provisional || edited)) {
    const why = [
      before ? `รายงานนี้${before}แล้ว` : '',
      mark.state === 'superseded' ? 'รายงานนี้เป็นฉบับเก่า (มีฉบับใหม่กว่าแล้ว)' : '',
      mark.provisional ? provisionalReason_(mark.kind) : '',
      edited ? (preview.edited ?? EDITED) : '',
    ].filter(Boolean);
    // "again" only for a report that went before (issue 24)
    const ask = before ? 'ต้องการส่งอีกครั้งหรือไม่' : 'ต้องการส่งหรือไม่';
    return { message: `${why.join(' และ')} ${ask}`, needsConfirmation: true };
  }
  if (workbook.mailQuota() < 1) {
    throw new OfficerError(
      'quota',
      'วันนี้ส่งอีเมลครบโควตาของบัญชีแล้ว (Google จำกัดจำนวนผู้รับต่อวัน) กรุณาส่งพรุ่งนี้ หรือใช้ปุ่ม "คัดลอกสำหรับ LINE"',
    );
  }
  // Made before anything is recorded: a conversion that fails leaves nothing to undo or explain.
  const pdf = workbook.pdf(preview.page, preview.attachment.replace(/\.pdf$/, ''));
  const when = nowText(now);
  const what = report.kept === 'sealed' ? ' (ชีตถูกแก้ไขหลังจัดทำ ส่งตามที่จัดทำ)' : ' (ชีตถูกแก้ไขหลังจัดทำ)';
  const detail = `"${preview.sheet}" ถึง ${preview.to}${edited ? what : ''}`;
  const attempt = { to: preview.to, at: now.toISOString(), confirmed: false };
  const attempted = workbook.open((door) => {
    door.appendLog(config, [[when, who.email, 'กำลังส่งรายงานถึงจังหวัด', detail, 'เริ่มส่ง']]);
    return door.markSent(report, [...(mark.sent ?? []), attempt], `กำลังส่งถึง ${preview.to} เมื่อ ${when}`);
  });
  try {
    workbook.sendMailWithPdf(
      { to: [preview.to], subject: preview.subject, html: preview.html, text: preview.lineText },
      pdf,
    );
  } catch (error) {
    let recorded = '';
    try {
      workbook.open((door) => {
        door.appendLog(config, [[nowText(now), who.email, 'ส่งรายงานถึงจังหวัด', detail, 'ไม่แน่ใจว่าส่งถึง']]);
        door.markSent(
          attempted,
          [...(mark.sent ?? []), attempt],
          `พยายามส่งถึง ${preview.to} เมื่อ ${when} (ไม่แน่ใจว่าถึงหรือไม่)`,
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
    workbook.open((door) => {
      door.appendLog(config, [[nowText(now), who.email, 'ส่งรายงานถึงจังหวัด', detail, 'สำเร็จ']]);
      door.markSent(
        attempted,
        [...(mark.sent ?? []), { ...attempt, confirmed: true }],
        `ส่งถึง ${preview.to} เมื่อ ${when}`,
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
