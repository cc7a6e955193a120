/** The OTOP menu and what its items do. */
import { htmlPage, ui } from '../adapter/services';
import { checkWorkbook, type CheckReport } from './dataCheck';
import { writingAction } from './serverAction';
import { type SetupReport, setUpWorkbook } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Menu labels (Thai) and the top-level functions they call (src/main.ts). */
export const MENU = {
  title: 'OTOP',
  items: [
    ['ตั้งค่า / ซ่อมแซมสมุดงาน', 'menuSetUp'],
    ['ตรวจข้อมูล', 'menuCheckData'],
    ['เปิดแผงควบคุม', 'showSidebar'],
  ],
} as const;

/** Adds the OTOP menu. */
export function addMenu(): void {
  const menu = ui().createMenu(MENU.title);
  for (const [label, fn] of MENU.items) menu.addItem(label, fn);
  menu.addToUi();
}

/**
 * Set-up as the menu and the sidebar run it: locked, errors in Thai.
 * @param ss the workbook
 * @param now the current time
 */
export function runSetUp(ss: Spreadsheet, now: Date): SetupReport {
  return writingAction(() => setUpWorkbook(ss, now));
}

/**
 * The data check as the menu and the sidebar run it: locked, errors in Thai.
 * @param ss the workbook
 * @param now the current time
 */
export function runCheck(ss: Spreadsheet, now: Date): CheckReport {
  return writingAction(() => checkWorkbook(ss, now));
}

/**
 * Menu: set up the workbook, then say what was done.
 * @param ss the workbook
 * @param now the current time
 */
export function setUpFromMenu(ss: Spreadsheet, now: Date): void {
  const report = runSetUp(ss, now);
  const list = (title: string, items: readonly string[]) =>
    items.length > 0 ? [title, ...items.map((item) => `• ${item}`)].join('\n') : '';
  const parts = [report.message, list('สิทธิ์ที่เปลี่ยน:', report.rights), list('ข้อควรทราบ:', report.warnings)];
  ui().alert('ตั้งค่าสมุดงาน OTOP', parts.filter(Boolean).join('\n\n'), ui().ButtonSet.OK);
}

/**
 * Menu: check the entries, then say how many problems and where they are listed.
 * @param ss the workbook
 * @param now the current time
 */
export function checkFromMenu(ss: Spreadsheet, now: Date): void {
  const report = runCheck(ss, now);
  ui().alert('ตรวจข้อมูล OTOP', report.message, ui().ButtonSet.OK);
}

/** Menu: open the sidebar. */
export function openSidebar(): void {
  ui().showSidebar(htmlPage('Sidebar').setTitle('OTOP ช่องทางการตลาด'));
}
