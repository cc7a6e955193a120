/**
 * What each role may use in the sidebar. The server checks every action itself (src/app/roles.ts);
 * the sidebar only leaves out what the caller may not use, so nobody is offered a
 * button that can only fail. Parts a role may not use are not rendered at all.
 */
import type { SidebarState } from '../app/api';
import { TEXT } from './texts';

/** The caller as the state tells it. */
export type User = SidebarState['user'];

/** The parts of the sidebar a role gets. */
export interface RoleView {
  /** the reload button */
  readonly reload: boolean;
  /** the reporting calendar */
  readonly calendar: boolean;
  /** "set up / repair the workbook" */
  readonly setUp: boolean;
  /** the data check and its problem list */
  readonly check: boolean;
  /** round summaries and monthly reports */
  readonly reports: boolean;
  /** sending to the province: e-mail and LINE text */
  readonly sending: boolean;
  /** the caller's own reporting duties and submitting them (a district officer) */
  readonly duties: boolean;
  /** every district's duties at a glance and submitting on a district's behalf */
  readonly board: boolean;
  /** switching the daily reminders on and off */
  readonly reminders: boolean;
  /** the caller's own district, marked in the standing ('' for none) */
  readonly ownDistrict: string;
}

/** A caller named nowhere: the standing only. */
const NOTHING: RoleView = {
  reload: false,
  calendar: false,
  setUp: false,
  check: false,
  reports: false,
  sending: false,
  duties: false,
  board: false,
  reminders: false,
  ownDistrict: '',
};

/**
 * The view of a caller: the province everything (the board of duties and the reminders too); a
 * district officer the calendar, the data check, their own duties to submit and the standing
 * with their district marked; a caller named nowhere the standing only.
 * @param user the caller
 */
export function viewOf(user: User): RoleView {
  switch (user.role) {
    case 'province':
      return {
        reload: true,
        calendar: true,
        setUp: true,
        check: true,
        reports: true,
        sending: true,
        duties: false,
        board: true,
        reminders: true,
        ownDistrict: '',
      };
    case 'district':
      return {
        reload: true,
        calendar: true,
        setUp: false,
        check: true,
        reports: false,
        sending: false,
        duties: true,
        board: false,
        reminders: false,
        ownDistrict: user.district,
      };
    default:
      return NOTHING;
  }
}

/**
 * Who the caller is, in Thai, for the header.
 * @param user the caller
 */
export function roleText(user: User): string {
  if (user.role === 'province') return 'ผู้ดูแลระดับจังหวัด';
  if (user.role === 'district') return `เจ้าหน้าที่อำเภอ${(user.districts ?? [user.district]).join(' และ ')}`;
  return 'ผู้ใช้';
}

/**
 * For a caller named nowhere: why they see only the standing, and whom to ask to be named in the
 * settings sheet; for an account whose e-mail Google hides, the truth: naming it does not help (its
 * rights cannot be checked), another account does. '' for the province and district officers.
 * @param user the caller
 */
export function roleNotice(user: User): string {
  if (user.role !== 'unknown') return '';
  if (!user.email) return TEXT.hiddenEmail;
  return (
    `อีเมล ${user.email} ยังไม่มีชื่อในชีต “ตั้งค่า” จึงดูได้เฉพาะผลการดำเนินงาน ` +
    'หากท่านเป็นเจ้าหน้าที่ กรุณาแจ้งเจ้าหน้าที่ระดับจังหวัด (เจ้าของไฟล์) ให้เพิ่มอีเมลของท่านในชีต “ตั้งค่า” ' +
    'ช่อง “ผู้แก้ไข อ.… (อีเมล)” ของอำเภอของท่าน หรือ “ผู้แก้ไขระดับจังหวัด (อีเมล)” แล้วเปิดแผงควบคุมอีกครั้ง'
  );
}

/**
 * The notice for a workbook not yet set up: the province can do it here, a district officer
 * asks; a caller named nowhere gets their own notice only ('').
 * @param user the caller
 */
export function setUpNotice(user: User): string {
  if (user.role === 'province') return 'สมุดงานนี้ยังไม่ได้ตั้งค่า กด “ตั้งค่า / ซ่อมแซมสมุดงาน” ก่อน';
  if (user.role === 'district') return 'สมุดงานนี้ยังไม่ได้ตั้งค่า กรุณาแจ้งเจ้าหน้าที่ระดับจังหวัดให้ตั้งค่าก่อน';
  return '';
}
