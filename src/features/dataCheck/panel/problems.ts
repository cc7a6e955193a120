/**
 * The data check: its button, and the problems it found, each a link to its cell. A district
 * officer sees the problems of their own sheets first; the others (sheets they cannot edit) are
 * counted and folded below. Problems found are never shown in the success colour.
 */
import { add, button, el, withId } from '../../../sidebar/dom';
import type { Server } from '../../../sidebar/rpc';
import type { Part, Sidebar } from '../../../sidebar/state';
import { act, bringIntoView } from '../../../sidebar/status';

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
        const problems = report.problems ?? [];
        showProblems_(app, result, problems, report.ownSheets ?? []);
        bringIntoView(result);
        const text = report.message || 'ตรวจข้อมูลแล้ว';
        return problems.length > 0 ? { text, kind: 'info' as const } : text;
      },
    );
  });
  add(parent, check, result);
  return { show: () => undefined, enable: () => undefined };
}

/**
 * Lists the problems; each location selects its cell in the workbook. With own sheets (a
 * district officer's), those come first and the rest are folded under their count.
 * @param app the sidebar
 * @param box the #checkResult element
 * @param problems what the check found
 * @param ownSheets the caller's own sheets ([] for the province)
 */
function showProblems_(app: Sidebar, box: HTMLElement, problems: Problems, ownSheets: readonly string[]): void {
  box.replaceChildren();
  if (problems.length === 0) return;
  const all = Array.from({ length: problems.length }, (_, i) => problems[i]);
  const mine = ownSheets.length > 0 ? all.filter((p) => ownSheets.includes(String(p.sheet))) : all;
  const others = ownSheets.length > 0 ? all.filter((p) => !ownSheets.includes(String(p.sheet))) : [];
  if (mine.length > 0) {
    add(box, el('p', 'muted', `พบ ${mine.length} รายการ กดที่ตำแหน่งเพื่อไปยังเซลล์นั้น`));
    add(box, problemList_(app, mine, 'problems'));
  }
  if (others.length > 0) {
    const fold = add(
      withId('details', 'otherProblems'),
      el('summary', '', `ปัญหาในชีตอื่นที่จังหวัดหรืออำเภออื่นดูแล ${others.length} รายการ`),
    );
    add(box, add(fold, problemList_(app, others, mine.length > 0 ? 'problemsElsewhere' : 'problems')));
  }
}

/**
 * A list of problems, each a link to its cell.
 * @param app the sidebar
 * @param problems the problems
 * @param id the list's id
 */
function problemList_(app: Sidebar, problems: readonly Problems[number][], id: string): HTMLElement {
  const list = withId('ul', id, 'problems');
  for (const p of problems) {
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
  return list;
}
