/**
 * Data check: reads every district's own sheets as its formula reads them, the baseline, the
 * settings, the district table, the log and the districts' submissions, lists each problem with
 * sheet, cell and a Thai message on the problems sheet (rewritten whole, so fixed problems
 * disappear), records which district first claimed each registration number, and logs the check.
 * Never writes into the sheets officers type in.
 */
import { dayOfDate } from '../../../kernel/civilDate';
import { type CheckedSheet, dataCheck, type DataCheckInput } from '../rules/dataCheck';
import { cleanText } from '../../../kernel/text';
import { asCellText } from '../../../kernel/cellText';
import { type LocatedProblem, PROBLEM_LAYOUT, problemRows } from '../sheets/problemsSheet';
import { SHEET } from '../../setup/sheets/sheetNames';
import { nowText } from '../../../app/clock';
import type { Door, Workbook } from '../../../app/door/door';
import { requireOfficer } from '../../../app/roles';
import type { WorkbookRead } from '../../../app/workbookRead';

/** The data check's result, for the sidebar. */
export interface CheckReport {
  readonly problems: LocatedProblem[];
  readonly message: string;
  /**
   * A district officer's own sheets (its activities and online sheets), whose problems the
   * sidebar lists first; [] for the province, whose list is the whole workbook.
   */
  readonly ownSheets: string[];
}

/** Where the first claims of registration numbers are kept: district name → numbers. */
export const CLAIMS_KEY = 'otop.claims';

/**
 * Checks the workbook, rewrites the problems sheet and logs the check, whole or not at all.
 * The province and the districts' officers may run it.
 * @param workbook the workbook's door
 * @param now the current time
 */
export function checkWorkbook(workbook: Workbook, now: Date): CheckReport {
  return workbook.open((door) => check_(door, now));
}

/** The check's steps. */
function check_(door: Door, now: Date): CheckReport {
  // the reports' records too: a record changed by hand is listed
  const book = door.readWorkbook(door.readConfig({ reportRecords: true, entries: true }));
  const who = door.caller(book.settings);
  requireOfficer(who, 'การตรวจข้อมูล');
  const problems = findProblems_(door, book, now);
  const checkedAt = nowText(now);
  const listed = writeProblems_(door, book, problems, checkedAt);
  const ownSheets = who.role === 'district' ? ownSheets_(book, who.district) : [];
  const found = foundText_(problems, ownSheets, who.district, listed);
  const apart =
    listed !== SHEET.problems
      ? ` (รายการอยู่ในชีต "${listed}" เพราะชีตชื่อ "${SHEET.problems}" เป็นของผู้ใช้ ส่วนเสริมไม่แตะชีตนั้น)`
      : '';
  const message = `${found}${apart}`;
  door.appendLog(book, [[checkedAt, who.email, 'ตรวจข้อมูล', message, 'สำเร็จ']]);
  return { problems, message, ownSheets };
}

/** The names of a district's own entry sheets. */
function ownSheets_(book: WorkbookRead, district: string): string[] {
  return (['activities', 'online'] as const)
    .map((role) => book.registry.one(role, district)?.name ?? '')
    .filter(Boolean);
}

/**
 * What the check found, in Thai: for a district officer, the problems of their own sheets first,
 * then how many are elsewhere (sheets they cannot edit).
 */
function foundText_(
  problems: readonly LocatedProblem[],
  ownSheets: readonly string[],
  district: string,
  listed: string,
) {
  if (problems.length === 0) return 'ไม่พบปัญหาในข้อมูล';
  const where = `ดูรายละเอียดในชีต "${listed}"`;
  if (ownSheets.length === 0) return `พบปัญหา ${problems.length} รายการ ${where}`;
  const own = problems.filter((p) => ownSheets.includes(p.sheet)).length;
  const elsewhere = problems.length - own;
  const mine = own === 0 ? `ไม่พบปัญหาในชีตของ อ.${district}` : `พบปัญหา ${own} รายการในชีตของ อ.${district}`;
  return elsewhere === 0 ? `${mine} ${where}` : `${mine} (และอีก ${elsewhere} รายการในชีตอื่นที่จังหวัดหรืออำเภออื่นดูแล) ${where}`;
}

/** Every problem of the workbook, in the order officers fix them; records the claims. */
function findProblems_(door: Door, book: WorkbookRead, now: Date): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  const settingsName = book.registry.one('settings')?.name ?? SHEET.settings;
  for (const message of book.settingsProblems) {
    const label = /"([^"]+)"/.exec(message)?.[1] ?? '';
    const row = book.settingsValues.findIndex((r) => cleanText(String(r[0] ?? '')) === label) + 1;
    out.push({ sheet: settingsName, row: Math.max(row, 1), column: 2, message });
  }
  if (book.criteriaProblem) {
    out.push({
      sheet: book.registry.one('criteria')?.name ?? SHEET.criteria,
      row: 2,
      column: 1,
      message: book.criteriaProblem,
    });
  }
  const tableName = book.table.own?.name ?? SHEET.districts;
  for (const p of book.table.problems) out.push({ sheet: tableName, ...p });
  // every district's two sheets in one batch read (three calls), not two reads a district
  book.readDistricts?.(book.districtsRead);
  book.districtsRead.forEach((d) => {
    if (d.unreadable) out.push({ sheet: tableName, row: d.row.row, column: 2, message: d.unreadable });
  });
  const input = dataCheckInput(book, now, door.kept<Record<string, string[]>>(CLAIMS_KEY, {}));
  const names = input.districts;
  const result = dataCheck(input);
  out.push(...result.problems);
  const record: Record<string, string[]> = {};
  for (const [number, index] of result.claims) {
    record[names[index]] = [...(record[names[index]] ?? []), number];
  }
  for (const list of Object.values(record)) list.sort();
  door.keep(CLAIMS_KEY, record);
  for (const p of door.logProblems(book)) out.push({ ...p, column: 1 });
  for (const p of door.readSubmissions(book).problems) out.push({ ...p, column: 1 });
  // — reports kept as records: a report's record whose seal fails
  for (const p of door.reportRecordProblems(book)) out.push({ ...p, column: 1 });
  return out;
}

/**
 * What the core data check reads of the workbook: every district's two sheets, the baseline,
 * the fiscal year, the channels, today and the registration numbers' first claims as recorded.
 * The mobile page's entries are checked with the same input (features/mobile/action/entryForm.ts).
 * @param book the workbook as read
 * @param now the current time
 * @param kept the first claims as kept (CLAIMS_KEY)
 */
export function dataCheckInput(book: WorkbookRead, now: Date, kept: Record<string, string[]>): DataCheckInput {
  const sheets: CheckedSheet[] = [];
  book.districtsRead.forEach((d, district) => {
    if (d.activities) sheets.push({ ...d.activities, kind: 'activities', district });
    if (d.online) sheets.push({ ...d.online, kind: 'online', district });
  });
  const names = book.districtsRead.map((d) => d.row.name);
  const claims = new Map<string, number>();
  for (const [name, numbers] of Object.entries(kept)) {
    const index = names.indexOf(name);
    if (index >= 0) for (const n of numbers) claims.set(n, index);
  }
  return {
    districts: names,
    sheets,
    baseline: book.baseline ?? { name: SHEET.baseline, values: [], formulas: [] },
    fiscalYear: book.settings.fiscalYear,
    channelRows: book.channelRows,
    today: dayOfDate(now),
    claims,
  };
}

/**
 * Rewrites the problems sheet with one setValues, blanking rows left from the previous check,
 * sized to the list; the sheet is made, marked and protected on first use (an officer's sheet
 * of the same name is left alone).
 * @return the list's sheet name
 */
function writeProblems_(door: Door, book: WorkbookRead, problems: LocatedProblem[], checkedAt: string): string {
  const list = door.ensureList(
    { role: 'problems', name: SHEET.problems, widths: PROBLEM_LAYOUT.columns.map((c) => c.width) },
    book,
  );
  // every sheet a problem points at is one of the add-on's: their ids are known already
  const ids = new Map(book.registry.sheets.map((s) => [s.name, s.mark.sheetId] as const));
  const link = PROBLEM_LAYOUT.at.link;
  const rows = problemRows(problems, ids, checkedAt).map((row, r) =>
    row.map((v, c) => (r > 0 && c === link ? v : (asCellText(v) as string))),
  );
  door.rewriteList(list, rows);
  return list.name;
}
