/** The data check: its button, and the problems it found, each a link to its cell. */
import { add, button, el, withId } from './dom';
import type { Server } from './rpc';
import type { Part, Sidebar } from './state';
import { act } from './status';

/** The problems as sidebarCheckData lists them (each with its A1 cell). */
type Problems = ReturnType<Server['sidebarCheckData']>['problems'];

/**
 * The data check, appended to a parent.
 * @param parent where it goes
 * @param app the sidebar
 */
export function checkPart(parent: HTMLElement, app: Sidebar): Part {
  const result = withId('div', 'checkResult');
  const check = button('btnCheck', 'wide', 'ตรวจข้อมูล', () => {
    void act(
      app,
      'กำลังตรวจข้อมูล…',
      () => app.call('sidebarCheckData'),
      (report) => {
        showProblems_(app, result, report.problems ?? []);
        return report.message || 'ตรวจข้อมูลแล้ว';
      },
    );
  });
  add(parent, check, result);
  return { show: () => undefined, enable: () => undefined };
}

/**
 * Lists the problems; each location selects its cell in the workbook.
 * @param app the sidebar
 * @param box the #checkResult element
 * @param problems what the check found
 */
function showProblems_(app: Sidebar, box: HTMLElement, problems: Problems): void {
  box.replaceChildren();
  if (problems.length === 0) return;
  add(box, el('p', 'muted', `พบ ${problems.length} รายการ กดที่ตำแหน่งเพื่อไปยังเซลล์นั้น`));
  const list = withId('ul', 'problems', 'problems');
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]; // (indexed: the type is an intersection of two array types)
    const sheet = String(p.sheet);
    const cell = String(p.cell);
    const link = button('', 'link', `${sheet} ${cell}`, () => {
      void act(
        app,
        `กำลังไปที่ ${sheet} ${cell}…`,
        () => app.call('sidebarSelectCell', sheet, cell),
        () => `เลือกเซลล์ ${cell} ในชีต ${sheet} แล้ว`,
        { refresh: false },
      );
    });
    link.disabled = app.busy; // made while the check's state refresh is still running
    link.title = `ไปที่เซลล์ ${cell} ในชีต ${sheet}`;
    add(list, add(el('li'), link, el('div', '', p.message)));
  }
  add(box, list);
}
