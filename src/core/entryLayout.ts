/**
 * The column layouts of the entry sheets (0-based column indexes), their Thai sheet names and
 * headers for set-up, and the government-budget yes/no cell of the activities sheet.
 */
import { fail, ok, type Parsed, quote } from './parsed';
import { isBlank, nameKey } from './text';

/** Sheet `กิจกรรม`: non-budget marketing activities, one event a row (columns A–J). */
export const ACTIVITY_COLUMNS = {
  date: 0,
  district: 1,
  activity: 2,
  place: 3,
  organiser: 4,
  budget: 5,
  operators: 6,
  sales: 7,
  link: 8,
  note: 9,
} as const;
/** Number of columns of the activities layout. */
export const ACTIVITY_WIDTH = 10;
/** Name of the activities sheet. */
export const ACTIVITY_SHEET_NAME = 'กิจกรรม';
/** Headers of the activities sheet, A–J. */
export const ACTIVITY_HEADERS: readonly string[] = [
  'วันที่',
  'อำเภอ',
  'ชื่อกิจกรรม',
  'สถานที่',
  'ผู้จัด',
  'ใช้งบประมาณภาครัฐ (ใช้/ไม่ใช้)',
  'ผู้ประกอบการที่เข้าร่วม (ราย)',
  'ยอดจำหน่าย (บาท)',
  'ลิงก์หลักฐาน',
  'หมายเหตุ',
];

/** Sheet `ออนไลน์`: an operator's product on an online channel, one a row (columns A–I). */
export const ONLINE_COLUMNS = {
  date: 0,
  district: 1,
  regNo: 2,
  name: 3,
  product: 4,
  channel: 5,
  link: 6,
  sales: 7,
  note: 8,
} as const;
/** Number of columns of the online layout. */
export const ONLINE_WIDTH = 9;
/** Name of the online sheet. */
export const ONLINE_SHEET_NAME = 'ออนไลน์';
/** Headers of the online sheet, A–I. */
export const ONLINE_HEADERS: readonly string[] = [
  'วันที่',
  'อำเภอ',
  'เลขทะเบียน OTOP',
  'ชื่อผู้ประกอบการ / กลุ่ม',
  'ผลิตภัณฑ์',
  'ช่องทาง',
  'ลิงก์',
  'ยอดจำหน่าย (บาท)',
  'หมายเหตุ',
];

/** Sheet `ฐาน ๒๕๖๔`: operators already online by September 2564 (columns A–C). */
export const BASELINE_COLUMNS = {
  district: 0,
  regNo: 1,
  name: 2,
} as const;
/** Number of columns of the baseline layout. */
export const BASELINE_WIDTH = 3;
/** Name of the baseline sheet. */
export const BASELINE_SHEET_NAME = 'ฐาน ๒๕๖๔';
/** Headers of the baseline sheet, A–C. */
export const BASELINE_HEADERS: readonly string[] = ['อำเภอ', 'เลขทะเบียน OTOP', 'ชื่อผู้ประกอบการ / กลุ่ม'];

/** The budget cell's value for an activity that used a government budget. */
export const BUDGET_USED = 'ใช้';
/** The budget cell's value for an activity without a government budget. */
export const BUDGET_NOT_USED = 'ไม่ใช้';
/** The values of the budget cell's drop-down list. */
export const BUDGET_VALUES: readonly string[] = [BUDGET_USED, BUDGET_NOT_USED];

/** Name keys of the other ways officers write yes (used) and no (not used). */
const BUDGET_BY_KEY: ReadonlyMap<string, boolean> = new Map([
  ...['ใช้', 'ใช้งบ', 'ใช้งบประมาณ', 'มี', 'yes', 'y', 'true', '✓', '✔', '☑'].map((t) => [nameKey(t), true] as const),
  ...['ไม่ใช้', 'ไม่ใช้งบ', 'ไม่ใช้งบประมาณ', 'ไม่มี', 'no', 'n', 'false', '-', '✗', '✘', '☐'].map(
    (t) => [nameKey(t), false] as const,
  ),
]);

/**
 * Reads the budget cell of an activity: `ใช้` / `ไม่ใช้` (also yes/no, y/n, true/false,
 * มี/ไม่มี, ✓, a checkbox). Blank means not used.
 * @param value the cell value
 * @return true when a government budget was used, or a Thai problem
 */
export function parseBudget(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (isBlank(value)) return ok(false);
  const used =
    typeof value !== 'string'
      ? undefined
      : value === BUDGET_USED
        ? true
        : value === BUDGET_NOT_USED
          ? false
          : BUDGET_BY_KEY.get(nameKey(value));
  if (used === undefined) {
    return fail(`ช่องใช้งบประมาณ ${quote(value)} อ่านไม่ได้ ให้ใส่ "${BUDGET_USED}" หรือ "${BUDGET_NOT_USED}" (ว่างไว้ = ไม่ใช้)`);
  }
  return ok(used);
}
