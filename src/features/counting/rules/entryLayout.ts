/**
 * The entry sheets' layouts (what officers type, one row per activity or per operator's
 * product on a channel, and the baseline), their Thai sheet names, and the government-budget
 * yes/no cell of the activities sheet. Set-up, the readers, the formulas and the tests all take
 * their columns from these declarations.
 */
import { defineLayout } from '../../../kernel/layout';
import { fail, ok, type Parsed, quote } from '../../../kernel/parsed';
import { madeOnFirstUse } from '../../../kernel/remembered';
import { isBlank, nameKey } from '../../../kernel/text';

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_NOTE = 'วันที่ เช่น 25/03/2565 หรือ ๒๕ มี.ค. ๖๕ (ปี พ.ศ. ได้)';
const MONEY = '#,##0.00';
const COUNT = '#,##0';
const LINK_CHECK = { kind: 'url', help: 'ลิงก์ที่ขึ้นต้นด้วย https://' } as const;
const SALES_CHECK = { kind: 'number', min: 0, help: 'บาท 0 ขึ้นไป' } as const;
const DISTRICT_CHECK = { kind: 'sheetDistrict', help: 'ชีตนี้สำหรับอำเภอนี้เท่านั้น' } as const;

/** The budget cell's value for an activity that used a government budget. */
export const BUDGET_USED = 'ใช้';
/** The budget cell's value for an activity without a government budget. */
export const BUDGET_NOT_USED = 'ไม่ใช้';
/** The values of the budget cell's drop-down list. */
export const BUDGET_VALUES: readonly string[] = [BUDGET_USED, BUDGET_NOT_USED];

/** Sheet `กิจกรรม <อำเภอ>`: non-budget marketing activities, one event a row. */
export const ACTIVITY_LAYOUT = /* @__PURE__ */ defineLayout('กิจกรรม', [
  {
    key: 'date',
    required: true,
    header: 'วันที่',
    width: 100,
    format: DATE_FORMAT,
    validation: { kind: 'date', help: DATE_NOTE },
    note: DATE_NOTE,
  },
  { key: 'district', header: 'อำเภอ', width: 120, validation: DISTRICT_CHECK, note: 'อำเภอเจ้าของชีตนี้' },
  { key: 'activity', header: 'ชื่อกิจกรรม', width: 220, note: 'ชื่องาน/กิจกรรมที่จำหน่ายผลิตภัณฑ์ OTOP' },
  { key: 'place', header: 'สถานที่', width: 120 },
  { key: 'organiser', header: 'ผู้จัด', width: 120 },
  {
    key: 'budget',
    required: true,
    header: 'ใช้งบประมาณภาครัฐ (ใช้/ไม่ใช้)',
    width: 120,
    // The dropdown offers the two answers; other spellings the tally reads (ไม่ได้ใช้, yes, ✓)
    // are pasted in from older sheets: they only get Sheets' marker, never a refusal.
    validation: { kind: 'list', values: BUDGET_VALUES, allowInvalid: true, help: 'ใช้ หรือ ไม่ใช้ (ว่าง = ไม่ใช้)' },
    note: 'ใช้งบประมาณจากกรมการพัฒนาชุมชนหรือหน่วยงานราชการอื่นหรือไม่ กิจกรรมที่ใช้งบประมาณไม่นับ',
  },
  {
    key: 'operators',
    header: 'ผู้ประกอบการที่เข้าร่วม (ราย)',
    width: 110,
    format: COUNT,
    validation: { kind: 'number', min: 0, help: 'จำนวนเต็ม 0 ขึ้นไป' },
  },
  { key: 'sales', header: 'ยอดจำหน่าย (บาท)', width: 120, format: MONEY, validation: SALES_CHECK },
  { key: 'link', header: 'ลิงก์หลักฐาน', width: 200, validation: LINK_CHECK, note: 'ลิงก์รูปภาพ/เอกสารหลักฐาน' },
  { key: 'note', header: 'หมายเหตุ', width: 200 },
]);

/** Sheet `ออนไลน์ <อำเภอ>`: an operator's product on an online channel, one a row. */
export const ONLINE_LAYOUT = /* @__PURE__ */ defineLayout('ออนไลน์', [
  {
    key: 'date',
    required: true,
    header: 'วันที่',
    width: 100,
    format: DATE_FORMAT,
    validation: { kind: 'date', help: DATE_NOTE },
    note: DATE_NOTE,
  },
  { key: 'district', header: 'อำเภอ', width: 120, validation: DISTRICT_CHECK, note: 'อำเภอเจ้าของชีตนี้' },
  {
    key: 'regNo',
    required: true,
    header: 'เลขทะเบียน OTOP',
    width: 140,
    format: '@',
    note: 'เลขทะเบียนผู้ผลิตผู้ประกอบการ OTOP (ถ้ามี) ใช้ตรวจว่าซ้ำหรือไม่',
  },
  {
    key: 'name',
    required: true,
    header: 'ชื่อผู้ประกอบการ / กลุ่ม',
    width: 220,
    note: 'ชื่อกลุ่ม/ราย หนึ่งรายนับครั้งเดียว แม้หลายช่องทางหรือหลายผลิตภัณฑ์',
  },
  { key: 'product', header: 'ผลิตภัณฑ์', width: 180 },
  {
    key: 'channel',
    required: true,
    header: 'ช่องทาง',
    width: 130,
    validation: { kind: 'channels', help: 'เลือกช่องทาง หรือพิมพ์ชื่อที่มีในตารางช่องทาง (ชีตเกณฑ์)' },
    note: 'ช่องทางออนไลน์ เช่น Facebook, LINE, Shopee, Lazada',
  },
  { key: 'link', header: 'ลิงก์', width: 200, validation: LINK_CHECK, note: 'ลิงก์หน้าร้าน/โพสต์ที่เป็นหลักฐาน' },
  { key: 'sales', header: 'ยอดจำหน่าย (บาท)', width: 120, format: MONEY, validation: SALES_CHECK },
  { key: 'note', header: 'หมายเหตุ', width: 200 },
]);

/** Sheet `ฐาน ๒๕๖๔`: operators already online by September 2564 (province-maintained). */
export const BASELINE_LAYOUT = /* @__PURE__ */ defineLayout('ฐาน ๒๕๖๔', [
  {
    key: 'district',
    required: true,
    header: 'อำเภอ',
    width: 140,
    validation: { kind: 'anyDistrict', help: 'เลือกอำเภอ' },
  },
  { key: 'regNo', required: true, header: 'เลขทะเบียน OTOP', width: 140, format: '@', note: 'เลขทะเบียน OTOP (ถ้ามี)' },
  {
    key: 'name',
    required: true,
    header: 'ชื่อผู้ประกอบการ / กลุ่ม',
    width: 260,
    note: 'ผู้ประกอบการที่มีผลิตภัณฑ์ออนไลน์แล้วภายในเดือนกันยายน ๒๕๖๔ ไม่นับเป็นรายใหม่',
  },
]);

/** The columns of each entry layout. */
export type ActivityColumn = (typeof ACTIVITY_LAYOUT.columns)[number]['key'];
export type OnlineColumn = (typeof ONLINE_LAYOUT.columns)[number]['key'];
export type BaselineColumn = (typeof BASELINE_LAYOUT.columns)[number]['key'];

/** Number of columns of each layout. */
export const ACTIVITY_WIDTH = ACTIVITY_LAYOUT.width;
export const ONLINE_WIDTH = ONLINE_LAYOUT.width;
export const BASELINE_WIDTH = BASELINE_LAYOUT.width;
/** Sheet names: `กิจกรรม <อำเภอ>`, `ออนไลน์ <อำเภอ>`, and the baseline. */
export const ACTIVITY_SHEET_NAME = ACTIVITY_LAYOUT.title;
export const ONLINE_SHEET_NAME = ONLINE_LAYOUT.title;
export const BASELINE_SHEET_NAME = BASELINE_LAYOUT.title;

/** Name keys of the other ways officers write yes (used) and no (not used). */
const budgetByKey_ = madeOnFirstUse<ReadonlyMap<string, boolean>>(
  () =>
    new Map([
      ...[
        'ใช้',
        'ใช้งบ',
        'ใช้งบฯ',
        'ใช้งบประมาณ',
        'ใช้งบประมาณภาครัฐ',
        'ใช่',
        'มี',
        'มีงบ',
        'yes',
        'y',
        'true',
        '✓',
        '✔',
        '☑',
      ].map((t) => [nameKey(t), true] as const),
      ...[
        'ไม่ใช้',
        'ไม่ใช้งบ',
        'ไม่ใช้งบฯ',
        'ไม่ใช้งบประมาณ',
        'ไม่ได้ใช้',
        'ไม่ได้ใช้งบ',
        'ไม่ได้ใช้งบฯ',
        'ไม่ได้ใช้งบประมาณ',
        'ไม่ใช่',
        'ไม่มี',
        'ไม่มีงบ',
        'no',
        'n',
        'false',
        '-',
        '✗',
        '✘',
        '☐',
      ].map((t) => [nameKey(t), false] as const),
    ]),
);

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
          : budgetByKey_().get(nameKey(value));
  if (used === undefined) {
    return fail(`ช่องใช้งบประมาณ ${quote(value)} อ่านไม่ได้ ให้ใส่ "${BUDGET_USED}" หรือ "${BUDGET_NOT_USED}" (ว่างไว้ = ไม่ใช้)`);
  }
  return ok(used);
}
