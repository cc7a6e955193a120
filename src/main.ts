/**
 * Everything Apps Script must see as a top-level function: the custom functions, the menu
 * triggers and the sidebar's server functions. scripts/build.mjs turns each `export function`
 * here into a top-level declaration carrying this JSDoc (Sheets reads @customfunction
 * autocomplete from it). Keep these wrappers thin: the work is in the features (src/features) and the kernel.
 */
import { type NewYearResult, startNewFiscalYear } from './features/fiscalYears/action/newYear';
import {
  otopLevel,
  otopNext,
  otopPercent,
  otopScore,
  otopTarget,
} from './features/standing/functions/scoringFunctions';
import { otopSum } from './features/standing/functions/sumFunction';
import { otopTally } from './features/counting/functions/tallyFunction';
import { otopThai } from './kernel/thaiFunction';
import { otopDistrict } from './features/standing/functions/districtFunction';
import { otopSelfCheck } from './features/selfCheck/functions/selfCheckFunction';
import type { CheckReport } from './features/dataCheck/action/dataCheck';
import type { LocatedProblem } from './features/dataCheck/sheets/problemsSheet';
import { inThai, writingAction } from './app/serverAction';
import { addMenu, checkFromMenu, diagnoseFromMenu, openSidebar, runCheck, runSetUp, setUpFromMenu } from './app/menu';
import type { SetupReport } from './features/setup/action/setup';
import type { MadeReport, SendingPreview, SendResult, SidebarState } from './app/api';
import { appsScriptWorkbook } from './app/door/appsScriptDoor';
import { previewSending, sendToProvince } from './features/reports/action/delivery';
import { makeMonthlyReport, makeRoundSummary } from './features/reports/action/reports';
import { sidebarStateAt } from './features/standing/action/state';
import { selectCell } from './platform/selection';
import { a1 } from './kernel/a1';
import type {
  DutiesView,
  RemindersResult,
  SubmissionPreview,
  SubmitResult,
} from './features/submissions/action/dutiesApi';
import { dutiesView } from './features/submissions/action/duties';
import { previewSubmission, submitDuty } from './features/submissions/action/submissions';
import { runReminders, setReminders } from './features/reminders/action/reminders';
import { mobilePage } from './features/mobile/store/webApp';
import {
  addEntry,
  type EntryCellView,
  entryCell,
  type EntryFormView,
  type EntryResult,
  entryFormView,
  fixEntry,
} from './features/mobile/action/entryForm';
import { activeSpreadsheet as openWorkbook, rememberWorkbook, startExecution } from './platform/services';

/**
 * เป้าหมายจำนวนผู้ประกอบการ: จำนวนที่ลงทะเบียน × ร้อยละ ÷ 100 ปัดครึ่งขึ้น อย่างน้อย 1 ราย.
 * The operator target: registered × percent ÷ 100 rounded half up, at least 1.
 *
 * @param {number|number[][]} registered จำนวนผู้ประกอบการที่ลงทะเบียน (ค่าเดียวหรือทั้งคอลัมน์). Registered operators (a value or a column).
 * @param {number} [percent] ร้อยละ ค่าเริ่มต้น 5. Percent, 5 by default.
 * @return {number|number[][]} เป้าหมายจำนวนผู้ประกอบการ. The operator target.
 * @customfunction
 */
export function OTOP_TARGET(registered: unknown, percent?: unknown): unknown {
  return otopTarget(registered, percent);
}

/**
 * ผลรวมของตัวเลขที่พิมพ์ในช่วง อ่านเลขไทยและตัวเลขที่เป็นข้อความได้ (ผลรวมจังหวัดของตารางอำเภอ).
 * The sum of the typed figures of a range, Thai digits and numbers typed as text included.
 *
 * @param {Array<Array<*>>} values ช่วงของตัวเลข. The range of figures.
 * @return {number} ผลรวม. The sum.
 * @customfunction
 */
export function OTOP_SUM(values: unknown): unknown {
  return otopSum(values);
}

/**
 * ร้อยละของผู้ประกอบการรายใหม่ต่อผู้ประกอบการที่ลงทะเบียน (ทศนิยม 2 ตำแหน่ง).
 * New operators as a percentage of registered operators, 2 decimals.
 *
 * @param {number|number[][]} newOperators จำนวนผู้ประกอบการรายใหม่. New operators.
 * @param {number|number[][]} registered จำนวนผู้ประกอบการที่ลงทะเบียน. Registered operators.
 * @param {number|number[][]} [alreadyOnline] ถ้าใส่ คิดร้อยละจากผู้ที่ยังไม่เคยออนไลน์ (ลงทะเบียน − ออนไลน์แล้ว). If given, the base is the operators never yet online.
 * @return {number|number[][]} ร้อยละ 0–100. The percentage.
 * @customfunction
 */
export function OTOP_PERCENT(newOperators: unknown, registered: unknown, alreadyOnline?: unknown): unknown {
  return otopPercent(newOperators, registered, alreadyOnline);
}

/**
 * คะแนน 0–5 ของอำเภอตามเกณฑ์ (ระดับสูงสุดที่ผ่านทุกเงื่อนไข). ใส่ 4 ค่า หรือช่วง 4 คอลัมน์ เช่น OTOP_SCORE(H5:K5).
 * The district's score 0–5: the highest level whose every condition is met.
 *
 * @param {number|number[][]} activities จำนวนกิจกรรมที่ไม่ใช้งบประมาณ หรือช่วง 4 คอลัมน์. Non-budget activities, or a 4-column range.
 * @param {number|number[][]} channels จำนวนช่องทางออนไลน์ (หรือช่วงเกณฑ์ เมื่อใช้ช่วง 4 คอลัมน์). Online channels (or the criteria range after a 4-column range).
 * @param {number|number[][]} newOperators จำนวนผู้ประกอบการรายใหม่. New operators.
 * @param {number|number[][]} registered จำนวนผู้ประกอบการที่ลงทะเบียน. Registered operators.
 * @param {Array<Array<*>>} [criteria] ช่วงตารางเกณฑ์ ค่าเริ่มต้นเกณฑ์ปี 2565. The criteria range; FY 2565's by default.
 * @return {number|number[][]} คะแนน 0–5. The score.
 * @customfunction
 */
export function OTOP_SCORE(
  activities: unknown,
  channels?: unknown,
  newOperators?: unknown,
  registered?: unknown,
  criteria?: unknown,
): unknown {
  // biome-ignore lint/complexity/noArguments: Sheets passes only the typed arguments; their count is arguments.length
  return otopScore(...presentArgs_(arguments.length, [activities, channels, newOperators, registered, criteria]));
}

/**
 * ระดับผลการดำเนินงาน: ดีมาก / ดี / ปานกลาง / พัฒนา / ปรับปรุง / ต่ำกว่าเกณฑ์. ใส่ 4 ค่า หรือช่วง 4 คอลัมน์.
 * The level name of the district's score.
 *
 * @param {number|number[][]} activities จำนวนกิจกรรมที่ไม่ใช้งบประมาณ หรือช่วง 4 คอลัมน์. Non-budget activities, or a 4-column range.
 * @param {number|number[][]} channels จำนวนช่องทางออนไลน์ (หรือช่วงเกณฑ์ เมื่อใช้ช่วง 4 คอลัมน์). Online channels (or the criteria range after a 4-column range).
 * @param {number|number[][]} newOperators จำนวนผู้ประกอบการรายใหม่. New operators.
 * @param {number|number[][]} registered จำนวนผู้ประกอบการที่ลงทะเบียน. Registered operators.
 * @param {Array<Array<*>>} [criteria] ช่วงตารางเกณฑ์ ค่าเริ่มต้นเกณฑ์ปี 2565. The criteria range; FY 2565's by default.
 * @return {string|string[][]} ชื่อระดับ. The level name.
 * @customfunction
 */
export function OTOP_LEVEL(
  activities: unknown,
  channels?: unknown,
  newOperators?: unknown,
  registered?: unknown,
  criteria?: unknown,
): unknown {
  // biome-ignore lint/complexity/noArguments: Sheets passes only the typed arguments; their count is arguments.length
  return otopLevel(...presentArgs_(arguments.length, [activities, channels, newOperators, registered, criteria]));
}

/**
 * สิ่งที่ต้องทำเพิ่มเพื่อถึงระดับถัดไป (กิจกรรม ช่องทาง ผู้ประกอบการรายใหม่) หรือแจ้งว่าถึงระดับสูงสุดแล้ว.
 * What is still needed for the next level, in Thai.
 *
 * @param {number|number[][]} activities จำนวนกิจกรรมที่ไม่ใช้งบประมาณ หรือช่วง 4 คอลัมน์. Non-budget activities, or a 4-column range.
 * @param {number|number[][]} channels จำนวนช่องทางออนไลน์ (หรือช่วงเกณฑ์ เมื่อใช้ช่วง 4 คอลัมน์). Online channels (or the criteria range after a 4-column range).
 * @param {number|number[][]} newOperators จำนวนผู้ประกอบการรายใหม่. New operators.
 * @param {number|number[][]} registered จำนวนผู้ประกอบการที่ลงทะเบียน. Registered operators.
 * @param {Array<Array<*>>} [criteria] ช่วงตารางเกณฑ์ ค่าเริ่มต้นเกณฑ์ปี 2565. The criteria range; FY 2565's by default.
 * @return {string|string[][]} ข้อความขั้นต่อไป. The next step.
 * @customfunction
 */
export function OTOP_NEXT(
  activities: unknown,
  channels?: unknown,
  newOperators?: unknown,
  registered?: unknown,
  criteria?: unknown,
): unknown {
  // biome-ignore lint/complexity/noArguments: Sheets passes only the typed arguments; their count is arguments.length
  return otopNext(...presentArgs_(arguments.length, [activities, channels, newOperators, registered, criteria]));
}

/**
 * แปลงเป็นเลขไทย วันที่เป็นวันที่ไทย พ.ศ. เช่น ๒๕ มีนาคม ๒๕๖๕.
 * The value with Thai digits; a date as a Thai Buddhist-Era date.
 *
 * @param {*} value ค่าหรือช่วงที่จะแปลง. A value or a range.
 * @return {string|string[][]} ข้อความเลขไทย. The Thai text.
 * @customfunction
 */
export function OTOP_THAI(value: unknown): unknown {
  return otopThai(value);
}

/**
 * ผลงานของแต่ละอำเภอ [กิจกรรม, ช่องทาง, ผู้ประกอบการรายใหม่] นับจากชีตบันทึกข้อมูล (หนึ่งสูตรได้ทั้งตาราง).
 * Each district's [activities, channels, new operators], counted from the entry sheets.
 *
 * @param {string[][]} districts ช่วงชื่ออำเภอ (คอลัมน์เดียว). The district names (one column).
 * @param {Array<Array<*>>} activities ช่วงชีตกิจกรรม A–J (ต่อกันได้ด้วย {ช่วง1; ช่วง2}). The activities rows, columns A–J.
 * @param {Array<Array<*>>} online ช่วงชีตออนไลน์ A–I. The online rows, columns A–I.
 * @param {Array<Array<*>>} baseline ช่วงชีตฐาน ๒๕๖๔ A–C. The baseline rows, columns A–C.
 * @param {Date} [asOf] นับถึงวันที่ (รวมวันนั้น) ค่าเริ่มต้น 30 ก.ย. 2565. Count up to this day inclusive; 30 Sep 2565 by default.
 * @param {number} [fiscalYear] ปีงบประมาณ พ.ศ. ค่าเริ่มต้นปีที่มี asOf. The BE fiscal year; by default the one containing asOf.
 * @param {Array<Array<*>>} [channels] ตารางชื่อช่องทาง (ชีตเกณฑ์). The channel alias table.
 * @return {number[][]} แถวละ 3 ค่า ต่ออำเภอ. Three numbers per district row.
 * @customfunction
 */
export function OTOP_TALLY(
  districts: unknown,
  activities: unknown,
  online: unknown,
  baseline: unknown,
  asOf?: unknown,
  fiscalYear?: unknown,
  channels?: unknown,
): unknown {
  return otopTally(districts, activities, online, baseline, asOf, fiscalYear, channels);
}

/**
 * ผลของอำเภอหนึ่งทั้งแถว [เป้าผู้ประกอบการ, ตัวชี้วัดของปีงบประมาณ (ตามหนังสือปี 2565: กิจกรรม, ช่องทาง, ผู้ประกอบการรายใหม่), ร้อยละ, คะแนน, ระดับ, ขั้นต่อไป] แล้วผู้ประกอบการรายใหม่สะสม 12 เดือน (ร้อยละของเป้า) จากชีตของอำเภอนั้นเอง (หนึ่งสูตรต่ออำเภอ).
 * One district's whole row from its own two sheets: target, the fiscal year's measures (the FY 2565 letter's: activities, channels, new operators), percentage, score, level, next step, then new operators up to each of the twelve months' ends (% of the target).
 *
 * @param {string} name ชื่ออำเภอ. The district's name cell.
 * @param {number} registered ผู้ประกอบการทั้งหมด (ก.ย. ๖๔). Registered operators (a number cell).
 * @param {number} promoted ส่งเสริมแล้ว ปี ๖๔. Operators promoted in FY 2564.
 * @param {Array<Array<*>>} activities ชีตกิจกรรมของอำเภอ รวมแถวหัวตาราง เช่น 'กิจกรรม ท่าบ่อ'!A1:J. The district's activities sheet, header row included.
 * @param {Array<Array<*>>} online ชีตออนไลน์ของอำเภอ รวมแถวหัวตาราง. The district's online sheet, header row included.
 * @param {Array<Array<*>>} baseline ชีตฐาน ๒๕๖๔ รวมแถวหัวตาราง. The baseline sheet, header row included.
 * @param {Array<Array<*>>} settings ชีตตั้งค่า (ป้าย · ค่า). The settings sheet.
 * @param {Array<Array<*>>} criteria ตารางเกณฑ์ เช่น 'เกณฑ์'!A2:H8. The criteria table.
 * @param {Array<Array<*>>} [channels] ตารางชื่อช่องทาง เช่น 'เกณฑ์'!A12:Z. The channel alias table.
 * @return {Array<Array<*>>} หนึ่งแถว: ผล 8 ค่า (ตัวชี้วัด 3 ตัวของปี 2565) แล้วแนวโน้ม 12 เดือน. One row: eight results (with FY 2565's three measures), then the twelve months' trend.
 * @customfunction
 */
export function OTOP_DISTRICT(
  name: unknown,
  registered: unknown,
  promoted: unknown,
  activities: unknown,
  online: unknown,
  baseline: unknown,
  settings: unknown,
  criteria: unknown,
  channels?: unknown,
): unknown {
  return otopDistrict(name, registered, promoted, activities, online, baseline, settings, criteria, channels);
}

/**
 * ใช้โดย "ตรวจสอบระบบ": บอกว่าค่าที่ฟังก์ชันได้รับเป็นชนิดใด เช่น OTOP:number:42 (ไม่ต้องใช้ในงานปกติ).
 * The self-check's probe: the kind and text of what reached a custom function.
 *
 * @param {*} value ค่าหรือเซลล์ใดก็ได้. Any value or cell.
 * @return {string} ชนิดและค่าที่ได้รับ. What arrived.
 * @customfunction
 */
export function OTOP_SELFCHECK(value: unknown): string {
  return otopSelfCheck(value);
}

/**
 * Adds the OTOP menu when the workbook opens (simple trigger).
 * @param {Object} e the open event
 */
export function onOpen(e?: unknown): void {
  void e;
  addMenu();
}

/**
 * Adds the OTOP menu right after the add-on is installed.
 * @param {Object} e the install event
 */
export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** Menu: set up or repair the workbook. */
export function menuSetUp(): void {
  onWorkbook_((ss) => {
    setUpFromMenu(ss, new Date());
    rememberWorkbook(ss);
  });
}

/** Menu: check the entries. */
export function menuCheckData(): void {
  onWorkbook_((ss) => checkFromMenu(ss, new Date()));
}

/**
 * Menu OTOP → ตรวจสอบระบบ, also runnable from the Apps Script editor's Run menu: the self-check.
 * Observes each unconfirmed platform behaviour in this workbook (in a scratch sheet it deletes),
 * writes the results in Thai to the sheet ผลตรวจสอบระบบ with a JSON block for the maintainers,
 * and logs them. Province only.
 */
export function runDiagnostics(): void {
  onWorkbook_((ss) => diagnoseFromMenu(ss, new Date(), () => Date.now()));
}

/** Menu: open the sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/**
 * Sidebar (google.script.run): set up or repair the workbook.
 * @param {number=} fiscalYear for a new workbook: the fiscal year chosen (the sidebar proposes the current one)
 * @return {Object} what was done, in Thai
 */
export function sidebarSetUp(fiscalYear?: number): SetupReport {
  return onWorkbook_((ss) => {
    const report = runSetUp(ss, new Date(), fiscalYear);
    rememberWorkbook(ss);
    return report;
  });
}

/**
 * The mobile page (web app, deployed to execute as the user accessing it): serves the page only;
 * the page then calls the sidebar's functions below, with their role checks (docs/mobile.md).
 * @param {Object} e the GET request
 * @return {HtmlOutput} the page
 */
export function doGet(e?: unknown): ReturnType<typeof mobilePage> {
  void e;
  return inThai(() => mobilePage(new Date()));
}

/**
 * Mobile page and sidebar (google.script.run): the entry form's fields, the caller's districts
 * and the channel names.
 * @return {Object} the form
 */
export function sidebarEntryForm(): EntryFormView {
  return onWorkbook_((ss) => entryFormView(appsScriptWorkbook(ss)));
}

/**
 * Mobile page and sidebar (google.script.run): adds an activity or an online operator to the
 * district's own sheet, checked as the data check checks it; refused in Thai with nothing written.
 * @param {string} kind 'activities' or 'online'
 * @param {Object} fields what was typed, by column key (texts)
 * @param {string} district the district (the province's choice); a district officer's own by default
 * @return {Object} what was written
 */
export function sidebarAddEntry(
  kind: string,
  fields: { readonly [key: string]: string },
  district?: string,
): EntryResult {
  return onWorkbook_((ss) =>
    writingAction(() =>
      addEntry(
        appsScriptWorkbook(ss),
        new Date(),
        kind === 'online' ? 'online' : 'activities',
        textFields_(fields),
        optionalText_(district),
      ),
    ),
  );
}

/**
 * Mobile page and sidebar (google.script.run): a cell the data check pointed at, to correct it.
 * @param {string} sheet the sheet's name
 * @param {string} cell the cell, e.g. H5
 * @return {Object} its column and value as text
 */
export function sidebarEntryCell(sheet: string, cell: string): EntryCellView {
  return onWorkbook_((ss) => entryCell(appsScriptWorkbook(ss), String(sheet), String(cell)));
}

/**
 * Mobile page and sidebar (google.script.run): corrects a cell of the caller's entry sheet, only
 * when it still holds what the page showed.
 * @param {string} sheet the sheet's name
 * @param {string} cell the cell
 * @param {string} shown the value the page showed
 * @param {string} typed the new value
 * @return {Object} what was written
 */
export function sidebarFixEntry(sheet: string, cell: string, shown: string, typed: string): EntryResult {
  return onWorkbook_((ss) =>
    writingAction(() =>
      fixEntry(
        appsScriptWorkbook(ss),
        new Date(),
        String(sheet),
        String(cell),
        String(shown ?? ''),
        String(typed ?? ''),
      ),
    ),
  );
}

/**
 * Sidebar (google.script.run): check the entries and list the problems.
 * @return {Object} the problems, each with its sheet, cell and Thai message
 */
export function sidebarCheckData(): Omit<CheckReport, 'problems'> & {
  problems: (LocatedProblem & { cell: string })[];
} {
  const report = onWorkbook_((ss) => runCheck(ss, new Date()));
  return { ...report, problems: report.problems.map((p) => ({ ...p, cell: a1(p.row, p.column) })) };
}

/**
 * Sidebar (google.script.run): the standing, the calendar, the rounds and the reports.
 * @return {Object} the sidebar's state (days as ISO text)
 */
export function sidebarState(): SidebarState {
  return onWorkbook_((ss) => sidebarStateAt(appsScriptWorkbook(ss), new Date()));
}

/**
 * Sidebar (google.script.run): selects a cell that the data check listed.
 * @param {string} sheet the sheet's name
 * @param {string} cell the cell, e.g. A5
 */
export function sidebarSelectCell(sheet: string, cell: string): void {
  onWorkbook_((ss) => selectCell(ss, sheet, cell));
}

/**
 * Sidebar (google.script.run): เริ่มปีงบประมาณใหม่ — ends the settings' fiscal year and begins the
 * next, whole or not at all (province only); asks first when the year has not ended or a round
 * summary of it is missing.
 * @param {boolean} confirmed the province confirmed after being asked
 * @return {Object} what was done, or a question to confirm
 */
export function sidebarStartNewFiscalYear(confirmed?: boolean): NewYearResult {
  return onWorkbook_((ss) =>
    writingAction(() => startNewFiscalYear(appsScriptWorkbook(ss), new Date(), confirmed === true)),
  );
}

/**
 * Sidebar (google.script.run): makes a round's summary as of its deadline (province only);
 * before the deadline, a provisional one once the officer confirms.
 * @param {number} round 1, 2 or 3
 * @param {boolean} provisionalOk the officer agreed to a provisional summary
 * @return {Object} the new sheet's name and what happened, or a question to confirm
 */
export function sidebarMakeRoundSummary(round: number, provisionalOk?: boolean): MadeReport {
  return onWorkbook_((ss) =>
    writingAction(() => makeRoundSummary(appsScriptWorkbook(ss), Number(round), new Date(), provisionalOk === true)),
  );
}

/**
 * Sidebar (google.script.run): makes a month's report (province only); before the month ends,
 * a provisional one once the officer confirms.
 * @param {string} month the month, yyyy-mm
 * @param {boolean} provisionalOk the officer agreed to a provisional report
 * @return {Object} the new sheet's name and what happened, or a question to confirm
 */
export function sidebarMakeMonthlyReport(month: string, provisionalOk?: boolean): MadeReport {
  return onWorkbook_((ss) =>
    writingAction(() => makeMonthlyReport(appsScriptWorkbook(ss), String(month), new Date(), provisionalOk === true)),
  );
}

/**
 * Sidebar (google.script.run): what "send to the province" would send, for confirmation.
 * @param {string} sheet the report sheet's name
 * @return {Object} recipient, subject, HTML body and LINE text
 */
export function sidebarPreviewSending(sheet: string): SendingPreview {
  return onWorkbook_((ss) => previewSending(appsScriptWorkbook(ss), String(sheet)));
}

/**
 * Sidebar (google.script.run): sends the report to the province's address (province only); a
 * report already sent, superseded or provisional goes again only once the officer confirms.
 * @param {string} sheet the report sheet's name
 * @param {boolean} again the officer confirmed sending it again
 * @return {Object} what happened, or a question to confirm
 */
export function sidebarSend(sheet: string, again?: boolean): SendResult {
  return onWorkbook_((ss) =>
    writingAction(() => sendToProvince(appsScriptWorkbook(ss), String(sheet), new Date(), again === true)),
  );
}

/**
 * Sidebar (google.script.run): the caller's reporting duties: a district officer's own with days
 * left, or for the province every district's (late districts first) and the reminders.
 * @return {Object} the duties (days as ISO text)
 */
export function sidebarDuties(): DutiesView {
  return onWorkbook_((ss) => dutiesView(appsScriptWorkbook(ss), new Date()));
}

/**
 * Sidebar (google.script.run): what submitting a monthly report or round summary now would send:
 * the figures as of the month's last day (the round's deadline), what changed, the entries
 * counted, what is missing, earlier submissions and the statement to confirm.
 * @param {string} kind 'month' or 'round'
 * @param {string} period the month (yyyy-mm) or the round (1–3)
 * @param {string} district the district (the province submitting on its behalf); a district officer's own by default
 * @return {Object} the preview
 */
export function sidebarPreviewSubmission(kind: string, period: string, district?: string): SubmissionPreview {
  return onWorkbook_((ss) =>
    previewSubmission(
      appsScriptWorkbook(ss),
      kind === 'round' ? 'round' : 'month',
      String(period),
      new Date(),
      optionalText_(district),
    ),
  );
}

/**
 * Sidebar (google.script.run): a district submits its monthly report to the province (after the
 * month has ended); the province may submit on a district's behalf. A resubmission asks first.
 * @param {string} month the month, yyyy-mm
 * @param {boolean} confirmed the officer ticked the statement that the data is complete and correct
 * @param {string} district the district (the province's choice); a district officer's own by default
 * @param {boolean} again the officer confirmed submitting once more
 * @return {Object} what happened, or a question to confirm
 */
export function sidebarSubmitMonthly(
  month: string,
  confirmed: boolean,
  district?: string,
  again?: boolean,
): SubmitResult {
  return onWorkbook_((ss) =>
    writingAction(() =>
      submitDuty(
        appsScriptWorkbook(ss),
        'month',
        String(month),
        new Date(),
        confirmed === true,
        optionalText_(district),
        again === true,
      ),
    ),
  );
}

/**
 * Sidebar (google.script.run): a district submits a round summary to the province (from a week
 * before its deadline); the province may submit on a district's behalf. A resubmission asks first.
 * @param {number} round 1, 2 or 3
 * @param {boolean} confirmed the officer ticked the statement that the data is complete and correct
 * @param {string} district the district (the province's choice); a district officer's own by default
 * @param {boolean} again the officer confirmed submitting once more
 * @return {Object} what happened, or a question to confirm
 */
export function sidebarSubmitRound(
  round: number,
  confirmed: boolean,
  district?: string,
  again?: boolean,
): SubmitResult {
  return onWorkbook_((ss) =>
    writingAction(() =>
      submitDuty(
        appsScriptWorkbook(ss),
        'round',
        String(round),
        new Date(),
        confirmed === true,
        optionalText_(district),
        again === true,
      ),
    ),
  );
}

/**
 * Sidebar (google.script.run): switches the daily reminders on (a trigger under the caller's
 * account) or off (province only).
 * @param {boolean} on on or off
 * @return {Object} what happened and the reminders' state
 */
export function sidebarSetReminders(on: boolean): RemindersResult {
  return onWorkbook_((ss) => writingAction(() => setReminders(appsScriptWorkbook(ss), on === true, new Date())));
}

/**
 * The daily reminders' trigger handler (time-driven, installable; runs as the account that
 * switched the reminders on): e-mails the districts whose reports are due and the province's
 * digest, once per district per day, and rebuilds the board.
 * @param {Object} e the time-driven event
 */
export function remindDistricts(e?: unknown): void {
  void e;
  onWorkbook_((ss) => writingAction(() => runReminders(appsScriptWorkbook(ss), new Date())));
}

/** A text argument that may be missing (google.script.run sends null for undefined in arrays). */
function optionalText_(value: unknown): string | undefined {
  return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value);
}

/**
 * Runs an action on the workbook this script is bound to (the only place that asks for it;
 * from the web app, opened by its id), any error turned into a Thai message, the call that
 * finds the workbook included.
 */
function onWorkbook_<T>(action: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T): T {
  startExecution();
  return inThai(() => action(openWorkbook()));
}

/** The typed fields of a form as texts (google.script.run passes what the page sent). */
function textFields_(fields: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (fields && typeof fields === 'object') {
    for (const [key, value] of Object.entries(fields)) if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * The arguments typed in the formula: Sheets passes only those (`arguments.length`); trailing
 * undefined ones are dropped too, so either calling convention reads the same.
 */
function presentArgs_(count: number, args: unknown[]): unknown[] {
  const present = args.slice(0, count);
  while (present.length > 0 && present[present.length - 1] === undefined) present.pop();
  return present;
}
