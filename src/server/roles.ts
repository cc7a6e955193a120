/**
 * Who may do what, checked on the server: google.script.run can call any top-level function
 * from the browser console, so a hidden button is no check. The province (the owner and the
 * province editors of the settings) sets up, makes summaries and sends; a district officer may
 * check data and see the standing.
 */
import { activeUserEmail, effectiveUserEmail } from '../adapter/services';
import type { Settings } from '../workbook/settings';
import { SHEET } from '../workbook/sheetNames';
import { LABEL } from '../workbook/settings';

/** The caller's role. */
export interface Caller {
  /** '' when Google does not reveal it. */
  readonly email: string;
  readonly role: 'province' | 'district' | 'unknown';
  /** The caller's district, '' for others. */
  readonly district: string;
}

/**
 * The caller of this execution.
 * @param ss the workbook (for its owner)
 * @param settings the editors lists
 */
export function caller(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings): Caller {
  const email = activeUserEmail() || effectiveUserEmail();
  const owner = ss.getOwner()?.getEmail().toLowerCase() ?? '';
  if (email && (email === owner || settings.provinceEditors.includes(email)))
    return { email, role: 'province', district: '' };
  const district = Object.keys(settings.districtEditors).find((d) => settings.districtEditors[d].includes(email)) ?? '';
  if (email && district) return { email, role: 'district', district };
  return { email, role: 'unknown', district: '' };
}

/**
 * Throws a Thai message unless the caller is the province or a district's officer.
 * @param who the caller
 * @param action what they tried, in Thai
 */
export function requireOfficer(who: Caller, action: string): void {
  if (who.role !== 'unknown') return;
  if (!who.email) {
    throw new Error(
      `${action}: Google ไม่เปิดเผยอีเมลของบัญชีนี้ (บัญชีนอกโดเมน) จึงตรวจสิทธิ์ไม่ได้ กรุณาใช้บัญชีที่ระบุไว้ในชีต${SHEET.settings}`,
    );
  }
  throw new Error(
    `${action}ทำได้เฉพาะเจ้าหน้าที่ที่ระบุอีเมลไว้ในชีต${SHEET.settings} (${who.email} ยังไม่อยู่ในรายชื่อ) กรุณาแจ้งจังหวัดให้เพิ่มอีเมลของท่าน`,
  );
}

/**
 * Throws a Thai message unless the caller is the province.
 * @param who the caller
 * @param action what they tried, in Thai
 */
export function requireProvince(who: Caller, action: string): void {
  if (who.role === 'province') return;
  if (!who.email) {
    throw new Error(
      `${action}ทำได้เฉพาะเจ้าหน้าที่ระดับจังหวัด: Google ไม่เปิดเผยอีเมลของบัญชีนี้ (บัญชีนอกโดเมน) จึงตรวจสิทธิ์ไม่ได้ กรุณาใช้บัญชีที่ระบุไว้ในชีต${SHEET.settings}`,
    );
  }
  throw new Error(
    `${action}ทำได้เฉพาะเจ้าของไฟล์หรือผู้แก้ไขระดับจังหวัด (${who.email} ไม่มีสิทธิ์นี้) กรุณาติดต่อเจ้าหน้าที่จังหวัด หรือให้จังหวัดเพิ่มอีเมลในช่อง "${LABEL.provinceEditors}"`,
  );
}
