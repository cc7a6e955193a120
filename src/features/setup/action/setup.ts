/**
 * Set-up: creates or repairs every sheet of the workbook and keeps every protection in step
 * with the settings, through the door (src/app/door/door.ts): the caller's right checked before
 * anything is written, the sheets set up (setUpSheets), their rights set (setRights), each change
 * reported and logged. Idempotent: a second run changes nothing that is right. It never writes
 * over what somebody typed (settings values, the district figures, edited criteria and channel
 * names, entries, officers' own sheets and columns), and writes only the cells that differ from
 * its plan (so an edit made elsewhere meanwhile survives).
 */
import { OfficerError } from '../../../kernel/officerError';
import { readSettings, type Settings } from '../../../kernel/settings';
import type { LogRow } from '../../../app/door/door';
import { nowText } from '../../../app/clock';
import type { Workbook } from '../../../app/door/door';
import type { SetUpDoor } from '../../../app/door/door';
import { requireSetUpRight } from '../../../app/roles';
import { namedOfficers } from '../sheets/rights';
import { entrySheetName, SHEET } from '../sheets/sheetNames';

/** What set-up did, for the menu's alert and the sidebar. */
export interface SetupReport {
  readonly created: string[];
  readonly repaired: string[];
  readonly warnings: string[];
  /** Each change of rights, in Thai ("ให้สิทธิ์ …", "ถอนสิทธิ์ …"). */
  readonly rights: string[];
  /** One Thai sentence. */
  readonly message: string;
  /** The fiscal year set up, and how it was taken (Thai), e.g. ปีงบประมาณ 2570 (ปีปัจจุบัน). */
  readonly fiscalYear?: number;
  readonly yearText?: string;
}

/**
 * Sets up or repairs the workbook, whole or not at all. The caller holds the workbook lock.
 * @param book the workbook
 * @param now the current time
 * @param fiscalYear the fiscal year chosen for a workbook whose settings name none (the sidebar
 *   proposes the current one, the letter's 2565 one choice away); omitted: the letter's 2565.
 *   A year already in the settings is never changed by set-up.
 */
export function setUpWorkbook(book: Workbook, now: Date, fiscalYear?: number): SetupReport {
  if (fiscalYear !== undefined && fiscalYear !== null) {
    const n = Number(fiscalYear);
    if (!Number.isInteger(n) || n <= 2400 || n >= 2700) {
      throw OfficerError.input(`ปีงบประมาณ "${String(fiscalYear)}" ไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2570)`);
    }
  }
  return book.open((door) => setUp_(door, now, false, fiscalYear ?? undefined));
}

/**
 * Set-up's steps inside another whole-or-nothing action (the year switch: the new year's labels,
 * formulas, board and protections), its changes registered in that action's transaction.
 * @param door the action's door, opened
 * @param now the current time
 */
export function setUpWithin(door: SetUpDoor, now: Date): SetupReport {
  return setUp_(door, now, true);
}

/**
 * Set-up's steps; every change registers its undo.
 * @param door the door, opened
 * @param now the current time
 * @param within inside another action that may have written already (the year switch)
 * @param chosenYear the fiscal year chosen for a workbook whose settings name none
 */
function setUp_(door: SetUpDoor, now: Date, within: boolean, chosenYear?: number): SetupReport {
  const read = door.readSetUp(within);
  const typed = readSettings(read.settingsValues as unknown[][], read.names).settings;
  const who = door.caller(typed);
  // started from the menu or the sidebar: the caller is the account the protections are made as
  door.runAs(who);
  requireSetUpRight(who, typed);
  const healed = door.beginSetUp(now, typed.fiscalYear);
  const sheets = door.setUpSheets(now, chosenYear);
  const settings = sheets.settings;
  const created = [...sheets.created];
  const warnings = [...sheets.warnings];
  const rights = door.setRights(settings.settings, settings.dataDayCell);
  warnings.push(...unnamedDistricts_(settings.settings));
  warnings.push(...outsiders_(door.editors(), settings.settings, who.owner));
  warnings.push(...settings.problems, ...(sheets.criteriaProblem ? [sheets.criteriaProblem] : []));

  const changed = [...new Set([...sheets.repaired, ...rights.repaired])].filter((n) => !created.includes(n));
  const when = nowText(now);
  const me = who.email || door.effectiveUser();
  const rows: LogRow[] = healed.map((h) => [when, me, 'ซ่อมส่วนที่ค้าง', h, 'สำเร็จ']);
  rows.push(...rights.changes.map((r): LogRow => [when, me, r.startsWith('ให้') ? 'ให้สิทธิ์' : 'ถอนสิทธิ์', r, 'สำเร็จ']));
  warnings.push(...healed);
  if (created.length > 0 || changed.length > 0) {
    const year = chosenYear !== undefined && settings.yearText ? ` ${settings.yearText}` : '';
    rows.push([
      when,
      me,
      'ตั้งค่า / ซ่อมแซมสมุดงาน',
      `สร้าง ${created.length} ชีต ซ่อมแซม ${changed.length} ชีต${year}`,
      'สำเร็จ',
    ]);
  }
  warnings.push(...door.logSetUp(rows, me, when));
  door.finishSetUp(); // last: a run stopped before this is finished by the next one
  const message =
    created.length === 0 && changed.length === 0 && rights.changes.length === 0 && healed.length === 0
      ? 'สมุดงานครบถ้วนแล้ว ไม่มีสิ่งใดต้องแก้ไข'
      : `ตั้งค่าสมุดงานเรียบร้อย: สร้างชีตใหม่ ${created.length} ชีต ซ่อมแซม ${changed.length} ชีต` +
        (rights.changes.length > 0 ? ` ปรับสิทธิ์ ${rights.changes.length} รายการ` : '');
  // A year chosen in the sidebar for a new workbook: said which was taken (a year already in the settings is kept).
  const taken = chosenYear !== undefined && settings.yearText ? ` ตั้งเป็น${settings.yearText}` : '';
  return {
    created,
    repaired: changed,
    warnings,
    rights: [...rights.changes],
    message: message + taken,
    fiscalYear: settings.settings.fiscalYear,
    ...(settings.yearText ? { yearText: settings.yearText } : {}),
  };
}

/** A district with nobody named: its sheets are open to every editor, with a warning. */
function unnamedDistricts_(settings: Settings): string[] {
  return Object.entries(settings.districtEditors)
    .filter(([, officers]) => officers.length === 0)
    .map(([district]) => {
      const own = `ชีต "${entrySheetName('activities', district)}" และ "${entrySheetName('online', district)}" ของ อ.${district}`;
      return `ยังไม่ได้ระบุอีเมลผู้แก้ไขของ อ.${district} ในชีต${SHEET.settings}: ${own} แก้ไขได้ทุกคน (มีคำเตือน)`;
    });
}

/** Editors of the file whom the settings name nowhere: the add-on gives them no right. */
function outsiders_(editors: readonly string[], settings: Settings, owner: string): string[] {
  const named = new Set(namedOfficers(settings));
  const outsiders = editors.filter((e) => e && e !== owner && !named.has(e));
  if (outsiders.length === 0) return [];
  return [
    `ผู้ที่แชร์ไฟล์ให้แก้ไขได้แต่ไม่ได้ระบุในชีต${SHEET.settings}: ${outsiders.join(', ')} — แก้ไขชีตที่ป้องกันไว้ไม่ได้ ` +
      'ถ้าไม่ควรเข้าถึงไฟล์ ให้เจ้าของนำออกจากการแชร์ (ปุ่มแชร์)',
  ];
}
