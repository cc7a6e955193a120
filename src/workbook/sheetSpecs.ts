/**
 * What each sheet should look like, as data: headers, frozen rows, widths, number formats,
 * dropdowns and header notes. The adapter makes a sheet match its spec without touching the
 * rows officers typed.
 */
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_HEADERS,
  BASELINE_HEADERS,
  BUDGET_VALUES,
  ONLINE_COLUMNS,
  ONLINE_HEADERS,
} from '../core/entryLayout';
import { DISTRICT_COL, DISTRICT_HEADERS } from './districtTable';

/** A dropdown or check on a column's data cells. */
export type ValidationSpec =
  | { kind: 'list'; values: readonly string[]; allowInvalid: boolean; help: string }
  | { kind: 'date'; help: string }
  | { kind: 'number'; min: number; help: string }
  | { kind: 'url'; help: string };

/** One column of a sheet. */
export interface ColumnSpec {
  readonly header: string;
  readonly width: number;
  /** Number format of the data cells (rows 2 and below), e.g. 'dd/mm/yyyy', '@' for text. */
  readonly format?: string;
  readonly validation?: ValidationSpec;
  /** A note on the header cell explaining what to type. */
  readonly note?: string;
}

/** A sheet's spec. */
export interface SheetSpec {
  readonly name: string;
  readonly frozenRows: number;
  readonly columns: readonly ColumnSpec[];
  /** Tab colour. */
  readonly tab?: string;
}

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_NOTE = 'วันที่ เช่น 25/03/2565 หรือ ๒๕ มี.ค. ๖๕ (ปี พ.ศ. ได้)';
const MONEY = '#,##0.00';
const COUNT = '#,##0';

/**
 * The activities entry sheet of one district (columns A–J).
 * @param name the sheet's name
 * @param district the district's canonical name (the only value of its district dropdown)
 */
export function activitySheetSpec(name: string, district: string): SheetSpec {
  const c = ACTIVITY_COLUMNS;
  const columns: ColumnSpec[] = ACTIVITY_HEADERS.map((header) => ({ header, width: 120 }));
  columns[c.date] = {
    header: ACTIVITY_HEADERS[c.date],
    width: 100,
    format: DATE_FORMAT,
    validation: { kind: 'date', help: DATE_NOTE },
    note: DATE_NOTE,
  };
  columns[c.district] = {
    header: ACTIVITY_HEADERS[c.district],
    width: 120,
    validation: districtList_(district),
    note: `อำเภอ: ${district}`,
  };
  columns[c.activity] = { header: ACTIVITY_HEADERS[c.activity], width: 220, note: 'ชื่องาน/กิจกรรมที่จำหน่ายผลิตภัณฑ์ OTOP' };
  columns[c.budget] = {
    header: ACTIVITY_HEADERS[c.budget],
    width: 120,
    validation: { kind: 'list', values: BUDGET_VALUES, allowInvalid: false, help: 'ใช้ หรือ ไม่ใช้ (ว่าง = ไม่ใช้)' },
    note: 'ใช้งบประมาณจากกรมการพัฒนาชุมชนหรือหน่วยงานราชการอื่นหรือไม่ กิจกรรมที่ใช้งบประมาณไม่นับ',
  };
  columns[c.operators] = {
    header: ACTIVITY_HEADERS[c.operators],
    width: 110,
    format: COUNT,
    validation: { kind: 'number', min: 0, help: 'จำนวนเต็ม 0 ขึ้นไป' },
  };
  columns[c.sales] = {
    header: ACTIVITY_HEADERS[c.sales],
    width: 120,
    format: MONEY,
    validation: { kind: 'number', min: 0, help: 'บาท 0 ขึ้นไป' },
  };
  columns[c.link] = {
    header: ACTIVITY_HEADERS[c.link],
    width: 200,
    validation: { kind: 'url', help: 'ลิงก์ที่ขึ้นต้นด้วย https://' },
    note: 'ลิงก์รูปภาพ/เอกสารหลักฐาน',
  };
  columns[c.note] = { header: ACTIVITY_HEADERS[c.note], width: 200 };
  return { name, frozenRows: 1, columns, tab: '#6aa84f' };
}

/**
 * The online entry sheet of one district (columns A–I).
 * @param name the sheet's name
 * @param district the district's canonical name
 * @param channels the canonical channel names (dropdown; other spellings are still accepted)
 */
export function onlineSheetSpec(name: string, district: string, channels: readonly string[]): SheetSpec {
  const c = ONLINE_COLUMNS;
  const columns: ColumnSpec[] = ONLINE_HEADERS.map((header) => ({ header, width: 120 }));
  columns[c.date] = {
    header: ONLINE_HEADERS[c.date],
    width: 100,
    format: DATE_FORMAT,
    validation: { kind: 'date', help: DATE_NOTE },
    note: DATE_NOTE,
  };
  columns[c.district] = {
    header: ONLINE_HEADERS[c.district],
    width: 120,
    validation: districtList_(district),
    note: `อำเภอ: ${district}`,
  };
  columns[c.regNo] = {
    header: ONLINE_HEADERS[c.regNo],
    width: 140,
    format: '@',
    note: 'เลขทะเบียนผู้ผลิตผู้ประกอบการ OTOP (ถ้ามี) ใช้ตรวจว่าซ้ำหรือไม่',
  };
  columns[c.name] = {
    header: ONLINE_HEADERS[c.name],
    width: 220,
    note: 'ชื่อกลุ่ม/ราย หนึ่งรายนับครั้งเดียว แม้หลายช่องทางหรือหลายผลิตภัณฑ์',
  };
  columns[c.product] = { header: ONLINE_HEADERS[c.product], width: 180 };
  columns[c.channel] = {
    header: ONLINE_HEADERS[c.channel],
    width: 130,
    validation: {
      kind: 'list',
      values: channels,
      allowInvalid: true,
      help: 'เลือกช่องทาง หรือพิมพ์ชื่อที่มีในตารางช่องทาง (ชีตเกณฑ์)',
    },
    note: 'ช่องทางออนไลน์ เช่น Facebook, LINE, Shopee, Lazada',
  };
  columns[c.link] = {
    header: ONLINE_HEADERS[c.link],
    width: 200,
    validation: { kind: 'url', help: 'ลิงก์ที่ขึ้นต้นด้วย https://' },
    note: 'ลิงก์หน้าร้าน/โพสต์ที่เป็นหลักฐาน',
  };
  columns[c.sales] = {
    header: ONLINE_HEADERS[c.sales],
    width: 120,
    format: MONEY,
    validation: { kind: 'number', min: 0, help: 'บาท 0 ขึ้นไป' },
  };
  columns[c.note] = { header: ONLINE_HEADERS[c.note], width: 200 };
  return { name, frozenRows: 1, columns, tab: '#3d85c6' };
}

/**
 * The baseline sheet: operators already online by September 2564 (province-maintained).
 * @param name the sheet's name
 * @param districts canonical district names (dropdown)
 */
export function baselineSheetSpec(name: string, districts: readonly string[]): SheetSpec {
  return {
    name,
    frozenRows: 1,
    tab: '#999999',
    columns: [
      {
        header: BASELINE_HEADERS[0],
        width: 140,
        validation: { kind: 'list', values: districts, allowInvalid: false, help: 'เลือกอำเภอ' },
      },
      { header: BASELINE_HEADERS[1], width: 140, format: '@', note: 'เลขทะเบียน OTOP (ถ้ามี)' },
      {
        header: BASELINE_HEADERS[2],
        width: 260,
        note: 'ผู้ประกอบการที่มีผลิตภัณฑ์ออนไลน์แล้วภายในเดือนกันยายน ๒๕๖๔ ไม่นับเป็นรายใหม่',
      },
    ],
  };
}

/**
 * The district table's layout (its content is districtTableRows).
 * @param name the sheet's name
 */
export function districtSheetSpec(name: string): SheetSpec {
  const widths = [40, 130, 110, 90, 90, 80, 100, 90, 90, 110, 70, 60, 100, 320];
  const columns: ColumnSpec[] = DISTRICT_HEADERS.map((header, i) => ({ header, width: widths[i] }));
  columns[DISTRICT_COL.percent] = { ...columns[DISTRICT_COL.percent], format: '0.00' };
  columns[DISTRICT_COL.operatorGoal] = {
    ...columns[DISTRICT_COL.operatorGoal],
    note: 'ร้อยละ 5 ของผู้ประกอบการทั้งหมด ปัดครึ่งขึ้น อย่างน้อย 1 ราย',
  };
  columns[DISTRICT_COL.newOperators] = {
    ...columns[DISTRICT_COL.newOperators],
    note: 'ไม่ซ้ำกับผู้ที่ออนไลน์แล้วในชีตฐาน ๒๕๖๔ นับรายละครั้งเดียว',
  };
  return { name, frozenRows: 1, columns, tab: '#e69138' };
}

/** A dropdown holding the one district of a district's own sheet. */
function districtList_(district: string): ValidationSpec {
  return { kind: 'list', values: [district], allowInvalid: false, help: `ชีตนี้สำหรับ อ.${district}` };
}
