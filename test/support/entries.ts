/** Typing entries into a fake workbook the way officers do: rows appended below the header. */
import type { FakeSpreadsheet } from '../../dev/fakes';

/**
 * Appends rows to a sheet below its last row, in one call.
 * @param ss the workbook
 * @param sheet the sheet's name
 * @param rows the rows
 */
export function typeRows(ss: FakeSpreadsheet, sheet: string, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const target = ss.getSheetByName(sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  target.getRange(target.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows as never);
}

/**
 * Online rows bringing `operators` distinct new operators onto `channels` channels.
 * @param district the district's name as typed
 * @param operators how many operators
 * @param channels how many channels (each operator on one of them, round robin)
 * @param date the date cell
 */
export function onlineRows(
  district: string,
  operators: number,
  channels: number,
  date: unknown = '15/01/2565',
): unknown[][] {
  const names = ['Facebook', 'Shopee', 'LINE', 'Lazada', 'TikTok'];
  return Array.from({ length: operators }, (_, i) => [
    date,
    district,
    `NK-${district}-${i}`,
    `กลุ่มผู้ผลิต ${district} ${i}`,
    'ผ้าทอ',
    names[i % channels],
    'https://example.com/p',
    1000,
    '',
  ]);
}

/**
 * Activity rows: `count` non-budget events.
 * @param district the district's name as typed
 * @param count how many
 * @param date the date cell
 */
export function activityRows(district: string, count: number, date: unknown = '10/12/2564'): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    date,
    district,
    `ตลาดนัด OTOP ครั้งที่ ${i + 1}`,
    'ลานหน้าอำเภอ',
    'พช.อำเภอ',
    'ไม่ใช้',
    12,
    25000,
    'https://example.com/e',
    '',
  ]);
}

/**
 * A two-district province before its first set-up, as the province starts it (small dumps):
 * the district table with ท่าบ่อ and สังคม, and their entry sheets and the baseline, 40 rows each.
 * @param ss the workbook
 */
export function typeTwoDistricts(ss: FakeSpreadsheet): void {
  const table = ss.insertSheet('อำเภอ');
  table.getRange(1, 1, 3, 4).setValues([
    ['ที่', 'อำเภอ', 'ผู้ประกอบการทั้งหมด', 'ส่งเสริมแล้ว'],
    [1, 'ท่าบ่อ', 74, 12],
    [2, 'สังคม', 63, 6],
  ]);
  for (const name of ['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ', 'กิจกรรม สังคม', 'ออนไลน์ สังคม', 'ฐาน ๒๕๖๔']) {
    ss.insertSheet(name).deleteRows(41, 960);
  }
}

/**
 * An activity as an officer types it on the mobile page (the entry form's keys).
 * @param date its day, d/m/yyyy (BE)
 */
export function pageActivity(date: string) {
  return {
    date,
    activity: 'ตลาดนัดชุมชนริมโขง',
    place: 'ท่าเสด็จ',
    organiser: 'พช.อำเภอ',
    budget: 'ไม่ใช้',
    operators: '8',
    sales: '15,000',
    link: 'https://example.com/market',
    note: '',
  };
}

/**
 * An online operator as an officer types it on the mobile page (the entry form's keys).
 * @param date its day, d/m/yyyy (BE)
 */
export function pageOperator(date: string) {
  return {
    date,
    regNo: '4303-0099',
    name: 'กลุ่มทอผ้าบ้านโคก',
    product: 'ผ้าฝ้าย',
    channel: 'Facebook',
    link: 'https://facebook.com/bankhok',
    sales: '',
    note: '',
  };
}
