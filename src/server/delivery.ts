/**
 * "Send to the province": the chosen report as an HTML e-mail to the settings' report address
 * (nowhere else), after the sidebar has shown what will be sent; and the LINE text. No
 * attachment: a PDF or XLSX of one sheet needs the export URL through UrlFetchApp
 * (script.external_request plus a wider Drive/Sheets scope), which this add-on does not ask
 * for; the e-mail links to the sheet instead.
 */
import { activeSpreadsheet, remainingMailQuota, sendMail } from '../adapter/services';
import { emailHtml, lineText } from '../workbook/delivery';
import { reportLayout } from '../workbook/reportSheets';
import type { SendingPreview, SendResult } from './api';
import { appendLog, logEditors } from './auditLog';
import { atomically } from './undo';
import { nowText } from './clock';
import { caller, requireProvince } from './roles';
import { readConfig, type WorkbookConfig } from './workbookData';

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * What would be sent for a report sheet.
 * @param sheetName the report's sheet
 */
export function previewSending(sheetName: string): SendingPreview {
  const ss = activeSpreadsheet();
  return preview_(ss, readConfig(ss), sheetName);
}

/** The e-mail and LINE text of a report sheet, with the configuration already read. */
function preview_(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: WorkbookConfig,
  sheetName: string,
): SendingPreview {
  const sheet = ss.getSheetByName(String(sheetName));
  if (!sheet) throw new Error(`ไม่พบชีต "${String(sheetName)}" (อาจถูกลบหรือเปลี่ยนชื่อ) กรุณาเลือกรายงานใหม่`);
  const values = sheet.getDataRange().getValues();
  const layout = reportLayout(sheet.getName(), values);
  if (!layout) throw new Error(`ชีต "${sheet.getName()}" ไม่ใช่สรุปผลหรือรายงานประจำเดือนที่สร้างจากเมนู OTOP`);
  const link = `${ss.getUrl()}#gid=${sheet.getSheetId()}`;
  const cutOff = String(values[2]?.[1] ?? '');
  return {
    sheet: sheet.getName(),
    to: config.settings.reportEmail,
    subject: `[OTOP ${config.settings.province}] ${sheet.getName()}`,
    html: emailHtml(values, layout, config.criteria, link),
    lineText: lineText(`${sheet.getName()} (ข้อมูลถึง ${cutOff})`, values, layout),
  };
}

/**
 * Sends a report to the province's address and logs the sending.
 * @param sheetName the report's sheet
 * @param now the current time
 */
export function sendToProvince(sheetName: string, now: Date): SendResult {
  const ss = activeSpreadsheet();
  const config = readConfig(ss);
  const who = caller(ss, config.settings);
  requireProvince(who, 'การส่งรายงานถึงจังหวัด');
  const preview = preview_(ss, config, sheetName);
  if (!EMAIL.test(preview.to)) throw new Error(`อีเมลจังหวัด "${preview.to}" ในชีตตั้งค่าไม่ถูกต้อง กรุณาแก้ไขก่อนส่ง`);
  if (remainingMailQuota() < 1) {
    throw new Error('วันนี้ส่งอีเมลครบโควตาของบัญชีแล้ว (Google จำกัดจำนวนผู้รับต่อวัน) กรุณาส่งพรุ่งนี้ หรือใช้ปุ่ม "คัดลอกสำหรับ LINE"');
  }
  sendMail({ to: preview.to, subject: preview.subject, htmlBody: preview.html, body: preview.lineText });
  const sent = `ส่ง "${preview.sheet}" ถึง ${preview.to} เรียบร้อย`;
  try {
    atomically((undo) =>
      appendLog(
        ss,
        [nowText(now), who.email, 'ส่งรายงานถึงจังหวัด', `"${preview.sheet}" ถึง ${preview.to}`, 'สำเร็จ'],
        logEditors(config.settings),
        undo,
      ),
    );
  } catch (error) {
    return { message: `${sent} แต่บันทึกลงชีตบันทึกไม่สำเร็จ (${(error as Error).message}) อย่าส่งซ้ำ` };
  }
  return { message: sent };
}
