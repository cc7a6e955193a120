/** The OTOP menu and what its items do. */
import { activeSpreadsheet, htmlPage, ui } from '../adapter/services';
import { nowText } from './clock';
import { checkWorkbook, type CheckReport } from './dataCheck';
import { writingAction } from './serverAction';
import { setUpWorkbook, type SetupReport } from './setup';

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

/** Set-up as the menu and the sidebar run it: locked, errors in Thai. */
export function runSetUp(): SetupReport {
  return writingAction(() => setUpWorkbook(activeSpreadsheet()));
}

/** The data check as the menu and the sidebar run it: locked, errors in Thai. */
export function runCheck(): CheckReport {
  return writingAction(() => checkWorkbook(activeSpreadsheet(), nowText()));
}

/** Menu: set up the workbook, then say what was done. */
export function setUpFromMenu(): void {
  const report = runSetUp();
  const warnings = report.warnings.length > 0 ? `\n\nข้อควรทราบ:\n• ${report.warnings.join('\n• ')}` : '';
  ui().alert('ตั้งค่าสมุดงาน OTOP', `${report.message}${warnings}`, ui().ButtonSet.OK);
}

/** Menu: check the entries, then say how many problems and where they are listed. */
export function checkFromMenu(): void {
  const report = runCheck();
  ui().alert('ตรวจข้อมูล OTOP', report.message, ui().ButtonSet.OK);
}

/** Menu: open the sidebar. */
export function openSidebar(): void {
  ui().showSidebar(htmlPage('Sidebar').setTitle('OTOP ช่องทางการตลาด'));
}
