/**
 * The OTOP sidebar: loads the state from the server, then shows the caller's role's view. It
 * talks to the server only through the typed google.script.run client (rpc.ts) and builds all
 * text with textContent (dom.ts). What the role may not use is not rendered (roles.ts): the
 * view is rebuilt when the role changes (the province may name or remove someone meanwhile).
 */
import type { SidebarState } from '../app/api';
import { calendarPart } from '../features/submissions/panel/calendar';
import { type Agenda, agendaPart } from '../features/submissions/panel/agenda';
import { add, button, byId, el, section, withId } from './dom';
import { dutiesPart } from '../features/submissions/panel/duties';
import { checkPart } from '../features/dataCheck/panel/problems';
import { reportsPart } from '../features/reports/panel/reports';
import { type RoleView, roleNotice, roleText, setUpNotice, type User, viewOf } from './roles';
import { createClient, type ScriptRun } from './rpc';
import { sendingPart } from '../features/reports/panel/sending';
import { setUpPart } from '../features/setup/panel/setUp';
import { newYearPart } from '../features/fiscalYears/panel/newYear';
import { standingPart } from '../features/standing/panel/standing';
import type { Part, Sidebar } from './state';
import { disableAll, loadState } from './status';
import { TEXT } from './texts';

/** Apps Script's client library in the sidebar's page (guides/html/reference/run). */
declare const google: { script: { run: ScriptRun } };

const NOBODY: User = { email: '', role: 'unknown', district: '' };

const app: Sidebar = {
  call: createClient(() => google.script.run).call,
  busy: false,
  made: '',
  parts: [],
  show: showState_,
};
/** The role (and district) whose view is shown; null before the first state. */
let shownFor: string | null = null;

/**
 * Shows a state: the header and notices, the role's view (rebuilt if the role changed), each part.
 * @param state the server's state
 */
function showState_(state: SidebarState): void {
  const user = state.user ?? NOBODY;
  const key = `${user.role}\n${user.district}`;
  if (key !== shownFor) {
    build_(viewOf(user));
    shownFor = key;
  }
  byId('year').textContent = state.fiscalYear ? `ปี ${state.fiscalYear}` : '';
  byId('who').textContent =
    (state.province ? `จังหวัด${state.province} · ` : '') + roleText(user) + (user.email ? ` (${user.email})` : '');
  showNotices_(state, user);
  for (const part of app.parts) part.show(state);
  if (!app.busy) for (const part of app.parts) part.enable();
}

/**
 * Builds the parts a role may use, and only those, in the order of the role's work: the province
 * sees today's work first (what is due and late, then the actions), the board of every district
 * folded below it; a district officer sees their own duties first, then the data check.
 * @param view the role's view
 */
function build_(view: RoleView): void {
  const parts: Part[] = [];
  const tools = byId('tools');
  tools.replaceChildren();
  if (view.reload) {
    const reload = button('reload', 'secondary small', '↻ โหลดใหม่', () => void loadState(app));
    reload.title = 'โหลดข้อมูลล่าสุด';
    add(tools, reload);
  }
  const panels = byId('panels');
  panels.replaceChildren();
  let agenda: Agenda | null = null;
  if (view.reports || view.sending) {
    const today = section(panels, 'h-today', TEXT.provinceWork);
    agenda = agendaPart(today);
    parts.push(agenda);
    if (view.reports) parts.push(reportsPart(today, app));
    if (view.sending) parts.push(sendingPart(today, app));
  }
  const duties = () => {
    if (view.duties || view.board || view.reminders) {
      const shown = agenda;
      const onLate = shown ? (late: readonly string[]) => shown.late(late) : undefined;
      parts.push(dutiesPart(panels, app, { own: view.duties, board: view.board, reminders: view.reminders, onLate }));
    }
  };
  // a district officer: their own duties first; the province: its actions first
  if (view.duties) duties();
  if (view.check || view.setUp) {
    const work = section(panels, 'h-work', view.setUp ? 'ตรวจข้อมูลและซ่อมแซม' : TEXT.districtCheck);
    if (view.check) parts.push(checkPart(work, app));
    if (view.setUp) parts.push(setUpPart(work, app));
    if (view.setUp && view.reports) parts.push(newYearPart(work, app));
  }
  if (!view.duties) duties();
  if (view.calendar) parts.push(calendarPart(panels, { province: view.reports }));
  parts.push(standingPart(byId('standing'), view.ownDistrict));
  app.parts = parts;
  if (app.busy) disableAll(true); // built while an action's state refresh runs
}

/**
 * The notices: the workbook needs setting up; the caller is named nowhere.
 * @param state the server's state
 * @param user the caller
 */
function showNotices_(state: SidebarState, user: User): void {
  const notices = byId('notices');
  notices.replaceChildren();
  const setUp = state.needsSetUp ? setUpNotice(user) : '';
  if (setUp) add(notices, add(withId('div', 'setupNotice', 'notice'), setUp));
  const role = roleNotice(user);
  if (role) add(notices, add(withId('div', 'roleNotice', 'notice'), role));
  const problems = state.notices ?? [];
  if (problems.length > 0 && user.role !== 'unknown') {
    const list = withId('ul', 'workbookNotices', 'notice');
    for (const text of problems) add(list, el('li', '', text));
    add(notices, list);
  }
  // The mobile page (docs/mobile.md): only an Apps Script web app's address becomes a link.
  const phone = state.webAppUrl ?? '';
  if (/^https:\/\/script\.google\.com\/\S+$/.test(phone)) {
    const link = el('a', '', 'เปิดหน้าเว็บสำหรับโทรศัพท์');
    link.href = phone;
    link.target = '_blank';
    link.rel = 'noopener';
    add(notices, add(withId('p', 'phoneLink', 'muted'), link, ` ${phone}`));
  }
}

void loadState(app);
