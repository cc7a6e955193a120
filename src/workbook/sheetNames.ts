/**
 * The names set-up gives the workbook's sheets. Names are only what set-up calls a sheet it
 * creates: the add-on finds its sheets again by their markers (sheetMarkers.ts), so officers
 * may rename them. Entries are kept in one pair of sheets per district (`กิจกรรม <อำเภอ>`,
 * `ออนไลน์ <อำเภอ>`) so that each district's officers can be given edit rights to their own
 * sheets only: Sheets protects ranges, not "rows whose column B says my district".
 */
import { ACTIVITY_SHEET_NAME, BASELINE_SHEET_NAME, ONLINE_SHEET_NAME } from '../core/entryLayout';

export const SHEET = {
  settings: 'ตั้งค่า',
  criteria: 'เกณฑ์',
  districts: 'อำเภอ',
  baseline: BASELINE_SHEET_NAME,
  problems: 'ปัญหาข้อมูล',
  log: 'บันทึก',
  diagnostics: 'ผลตรวจสอบระบบ',
  submissions: 'การส่งรายงานของอำเภอ',
  board: 'สถานะการส่งรายงาน',
  dashboard: 'แดชบอร์ด',
} as const;

/** The two kinds of entry sheet. */
export type EntryKind = 'activities' | 'online';

/**
 * The name set-up gives a district's entry sheet.
 * @param kind activities or online
 * @param district the district's canonical name
 */
export function entrySheetName(kind: EntryKind, district: string): string {
  return `${kind === 'activities' ? ACTIVITY_SHEET_NAME : ONLINE_SHEET_NAME} ${district}`;
}
