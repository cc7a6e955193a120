/**
 * The workbook's sheet names. Entries are kept in one pair of sheets per district
 * (`กิจกรรม <อำเภอ>`, `ออนไลน์ <อำเภอ>`) so that each district's officers can be given
 * edit rights to their own sheets only: Sheets protects ranges, not "rows whose column B
 * says my district". The district table stacks the nine same-shaped ranges in its formula.
 */
import { ACTIVITY_SHEET_NAME, BASELINE_SHEET_NAME, ONLINE_SHEET_NAME } from '../core/entryLayout';

export const SHEET = {
  settings: 'ตั้งค่า',
  criteria: 'เกณฑ์',
  districts: 'อำเภอ',
  baseline: BASELINE_SHEET_NAME,
  problems: 'ปัญหาข้อมูล',
  log: 'บันทึก',
} as const;

/** The two kinds of entry sheet. */
export type EntryKind = 'activities' | 'online';

/**
 * The entry sheet of a district.
 * @param kind activities or online
 * @param district the district's canonical name
 */
export function entrySheetName(kind: EntryKind, district: string): string {
  return `${kind === 'activities' ? ACTIVITY_SHEET_NAME : ONLINE_SHEET_NAME} ${district}`;
}

/**
 * A sheet name quoted for a formula reference: 'กิจกรรม ท่าบ่อ'!A2:J.
 * @param name the sheet name
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
