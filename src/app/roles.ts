/**
 * Who may do what, checked on the server: google.script.run can call any top-level function
 * from the browser console, so a hidden button is no check. The province (the owner and the
 * province editors of the settings) sets up, makes summaries and sends; a district's officers
 * check data and see the standing; anyone else, and anyone whose e-mail Google hides, may only
 * look. No check fails open: a caller who cannot be identified is refused every write.
 * These checks guard against mistakes; what Google enforces is the sheets' protections
 * (README, trust model).
 */
import { OfficerError } from '../kernel/officerError';
import { LABEL, type Settings } from '../kernel/settings';
import { SHEET } from '../features/setup/sheets/sheetNames';

/** The caller's role. */
export interface Caller {
  /** '' when Google does not reveal it. */
  readonly email: string;
  readonly role: 'province' | 'district' | 'unknown';
  /** The caller's district, '' for others: the first of `districts`. */
  readonly district: string;
  /**
   * Every district the caller is named for, in the settings' order (an officer may act for a
   * vacant district too); empty for others.
   */
  readonly districts: readonly string[];
  /** The workbook's owner's e-mail; '' for a workbook in a shared drive (no owner). */
  readonly owner: string;
}

/**
 * The caller's role from who Google says they are (pure: the door's implementations share it).
 * @param email the caller's e-mail ('' when Google hides it)
 * @param owner the workbook's owner's e-mail ('' in a shared drive)
 * @param settings the editors lists
 */
export function callerOf(email: string, owner: string, settings: Settings): Caller {
  if (email && (email === owner || settings.provinceEditors.includes(email))) {
    return { email, role: 'province', district: '', districts: [], owner };
  }
  const districts = email
    ? Object.keys(settings.districtEditors).filter((d) => settings.districtEditors[d].includes(email))
    : [];
  if (email && districts.length > 0) return { email, role: 'district', district: districts[0], districts, owner };
  return { email, role: 'unknown', district: '', districts: [], owner };
}

const HIDDEN =
  'Google ไม่เปิดเผยอีเมลของบัญชีนี้ (เช่น บัญชี Gmail ส่วนตัวที่ใช้ไฟล์ของหน่วยงานอื่น) จึงตรวจสิทธิ์ไม่ได้ ' +
  `กรุณาใช้บัญชีที่ระบุไว้ในชีต${SHEET.settings}`;

/**
 * Throws a Thai message unless the caller is the province or a district's officer.
 * @param who the caller
 * @param action what they tried, in Thai
 */
export function requireOfficer(who: Caller, action: string): void {
  if (who.role !== 'unknown') return;
  if (!who.email) throw OfficerError.forbidden(`${action}: ${HIDDEN}`);
  throw OfficerError.forbidden(
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
  if (!who.email) throw OfficerError.forbidden(`${action}ทำได้เฉพาะเจ้าหน้าที่ระดับจังหวัด: ${HIDDEN}`);
  const whom = who.owner ? `เจ้าของไฟล์ (${who.owner}) หรือผู้แก้ไขระดับจังหวัด` : 'ผู้แก้ไขระดับจังหวัด';
  throw OfficerError.forbidden(
    `${action}ทำได้เฉพาะ${whom} (${who.email} ไม่มีสิทธิ์นี้) กรุณาติดต่อเจ้าหน้าที่จังหวัด หรือให้จังหวัดเพิ่มอีเมลในช่อง "${LABEL.provinceEditors}"`,
  );
}

/**
 * Throws a Thai message unless the caller may set up the workbook: the province, or on a new
 * workbook its owner. A workbook in a shared drive has no owner, so its first province editor
 * is named by hand before the first set-up.
 * @param who the caller
 * @param settings the settings as read
 * @param action what they tried, in Thai (set-up, or the self-check, which follows the same rule)
 */
export function requireSetUpRight(who: Caller, settings: Settings, action = 'การตั้งค่าสมุดงาน'): void {
  if (who.role === 'province') return;
  if (!who.owner && settings.provinceEditors.length === 0) {
    if (!who.email) throw OfficerError.forbidden(`${action}: ${HIDDEN}`);
    throw OfficerError.forbidden(
      'สมุดงานนี้อยู่ในไดรฟ์ที่แชร์ จึงไม่มีเจ้าของไฟล์ที่จะให้สิทธิ์ตั้งค่าได้: ' +
        `ให้ผู้ดูแลระดับจังหวัดสร้างชีตชื่อ "${SHEET.settings}" แล้วพิมพ์ "${LABEL.provinceEditors}" ในช่อง A1 ` +
        `และอีเมลของตน (เช่น ${who.email}) ในช่อง B1 แล้วกด "ตั้งค่า / ซ่อมแซมสมุดงาน" อีกครั้ง`,
    );
  }
  requireProvince(who, action);
}
