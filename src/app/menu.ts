/** The OTOP menu and what its items do. */
import { addMenu as addMenuToUi, alertOk, logLine, showSidebarPage } from '../platform/services';
import type { Spreadsheet } from '../platform/sheetIo';
import { dayOfDate } from '../kernel/civilDate';
import { fiscalYearOf } from '../kernel/fiscalYear';
import { checkWorkbook, type CheckReport } from '../features/dataCheck/action/dataCheck';
import { appsScriptWorkbook } from './door/appsScriptDoor';
import { type DiagnosticsReport, runDiagnostics } from '../features/selfCheck/action/diagnostics';
import { writingAction } from './serverAction';
import { type SetupReport, setUpWorkbook } from '../features/setup/action/setup';

/**
 * Menu labels (Thai) and the top-level functions they call (src/main.ts). The menu is built by
 * onOpen, a simple trigger that runs before anything is known of the caller (no authorisation,
 * no e-mail: Apps Script guide "Simple triggers", restrictions), so every item is there for
 * everyone and each action checks the caller on the server (ตรวจสอบระบบ is the province's).
 */
export const MENU = {
  title: 'OTOP',
  items: [
    ['ตั้งค่า / ซ่อมแซมสมุดงาน', 'menuSetUp'],
    ['ตรวจข้อมูล', 'menuCheckData'],
    ['เปิดแผงควบคุม', 'showSidebar'],
    ['ตรวจสอบระบบ', 'runDiagnostics'],
  ],
} as const;

/** Adds the OTOP menu. */
export function addMenu(): void {
  addMenuToUi(MENU.title, MENU.items);
}

/**
 * Set-up as the menu and the sidebar run it: locked, errors in Thai.
 * @param ss the workbook
 * @param now the current time
 * @param fiscalYear the fiscal year chosen for a new workbook (setUpWorkbook)
 */
export function runSetUp(ss: Spreadsheet, now: Date, fiscalYear?: number): SetupReport {
  return writingAction(() => setUpWorkbook(appsScriptWorkbook(ss), now, fiscalYear));
}

/**
 * The data check as the menu and the sidebar run it: locked, errors in Thai.
 * @param ss the workbook
 * @param now the current time
 */
export function runCheck(ss: Spreadsheet, now: Date): CheckReport {
  return writingAction(() => checkWorkbook(appsScriptWorkbook(ss), now));
}

/**
 * Menu: set up the workbook, then say what was done. The menu asks nothing, so a new workbook
 * takes the current fiscal year (Asia/Bangkok) and the alert says so; the sidebar offers FY 2565
 * beside it. A workbook whose settings name a year keeps it.
 * @param ss the workbook
 * @param now the current time
 */
export function setUpFromMenu(ss: Spreadsheet, now: Date): void {
  const report = runSetUp(ss, now, fiscalYearOf(dayOfDate(now)));
  const list = (title: string, items: readonly string[]) =>
    items.length > 0 ? [title, ...items.map((item) => `• ${item}`)].join('\n') : '';
  const parts = [report.message, list('สิทธิ์ที่เปลี่ยน:', report.rights), list('ข้อควรทราบ:', report.warnings)];
  alertOk('ตั้งค่าสมุดงาน OTOP', parts.filter(Boolean).join('\n\n'));
}

/**
 * Menu: check the entries, then say how many problems and where they are listed.
 * @param ss the workbook
 * @param now the current time
 */
export function checkFromMenu(ss: Spreadsheet, now: Date): void {
  const report = runCheck(ss, now);
  alertOk('ตรวจข้อมูล OTOP', report.message);
}

/** Menu: open the sidebar. */
export function openSidebar(): void {
  showSidebarPage('Sidebar', 'OTOP ช่องทางการตลาด');
}

/**
 * Menu (and the Apps Script editor's Run menu): the self-check. Its summary and the JSON block
 * go to the execution log too, where they can be copied when it was run from the editor, which
 * has no spreadsheet UI for an alert ("Cannot call SpreadsheetApp.getUi() from this context").
 * @param ss the workbook
 * @param now the current time
 * @param clock milliseconds now, for the timings
 */
export function diagnoseFromMenu(ss: Spreadsheet, now: Date, clock: () => number): DiagnosticsReport {
  const report = runDiagnostics(ss, now, clock);
  // The result sheet is written: telling about it must not turn the run into a failure.
  try {
    logLine(report.message);
    logLine(report.json);
  } catch {
    // the sheet has it
  }
  try {
    alertOk('ตรวจสอบระบบ OTOP', report.message);
  } catch {
    // run from the editor: the log above has it
  }
  return report;
}
