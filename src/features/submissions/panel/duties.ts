/**
 * The reporting duties (brought by every state; sidebarDuties when the state could not read
 * them): a district officer sees their own — what is open to submit now with days left, then
 * every duty of the year with its state — and submits from here; the province sees the board at a glance and the reminders
 * (board.ts, reminders.ts). What the role may not use is not rendered (roles.ts).
 */
import type { DistrictDutiesView, DutiesView, DutyView } from '../action/dutiesApi';
import { boardView } from './board';
import { add, button, el, option, section, withId } from '../../../sidebar/dom';
import { daysText } from '../../../sidebar/format';
import { remindersView } from '../../reminders/panel/reminders';
import type { Part, Sidebar } from '../../../sidebar/state';
import type { SidebarState } from '../../../app/api';
import { type SubmitFlow, submitFlow, submissionText } from './submitFlow';
import { errorText } from '../../../sidebar/errors';
import { TEXT } from '../../../sidebar/texts';
import { bringIntoView } from '../../../sidebar/status';

/** Which parts of the duties a role gets. */
export interface DutiesParts {
  /** the caller's own duties and submitting them (a district officer) */
  readonly own: boolean;
  /** every district's duties at a glance, submitting on a district's behalf (the province) */
  readonly board: boolean;
  /** switching the reminders on and off (the province) */
  readonly reminders: boolean;
  /** told the districts with an overdue duty once the board is loaded (the province's agenda) */
  readonly onLate?: (districts: readonly string[]) => void;
}

/**
 * The duties section, appended to a parent.
 * @param parent where it goes
 * @param app the sidebar
 * @param parts what the role gets
 */
export function dutiesPart(parent: HTMLElement, app: Sidebar, parts: DutiesParts): Part {
  const box = section(parent, 'h-duties', parts.own ? 'รายงานที่อำเภอต้องส่ง' : 'หน้าที่การส่งรายงาน');
  const content = add(withId('div', 'duties'), el('p', 'muted', 'กำลังโหลด…'));
  add(box, content);
  let submitted = ''; // the duty just submitted: its card is brought into view once reloaded
  const flow = submitFlow(box, app, (t) => {
    submitted = t.district ? '' : `${t.kind}:${t.period}`;
  });
  const reminders = parts.reminders ? remindersView(box, app) : null;
  let loading = 0;
  const shown = (view: DutiesView) => {
    render_(content, view, parts, flow);
    const card = submitted ? content.querySelector<HTMLElement>(`.doneList li[data-duty="${submitted}"]`) : null;
    submitted = '';
    if (card) bringIntoView(card);
    parts.onLate?.((view.districts ?? []).filter((d) => d.overdue > 0).map((d) => d.district));
    reminders?.show(view);
    if (!app.busy) enable();
  };
  // The state brings the duties, read in its own execution (one round of calls, not two); when
  // it could not read them, they are asked on their own, and a failure says why.
  const load = (state: SidebarState) => {
    const ticket = ++loading;
    if (state.duties) {
      shown(state.duties);
      return;
    }
    app.call('sidebarDuties').then(
      (view) => {
        if (ticket === loading) shown(view); // else a newer state is shown
      },
      (error) => {
        if (ticket === loading)
          content.replaceChildren(el('p', 'missing', `โหลดหน้าที่การส่งรายงานไม่ได้ — ${errorText(error)}`));
      },
    );
  };
  const enable = () => {
    flow.enable();
    reminders?.enable();
  };
  return { show: (state) => load(state), enable };
}

/** Renders the duties for the role. */
function render_(box: HTMLElement, view: DutiesView, parts: DutiesParts, flow: SubmitFlow): void {
  box.replaceChildren();
  if (view.fiscalYear) add(box, el('p', 'muted fiscalYear', `หน้าที่การส่งรายงาน ปีงบประมาณ ${view.fiscalYear}`));
  for (const notice of view.notices ?? []) add(box, el('p', 'notice', notice));
  if (parts.own) {
    const mine = view.districts ?? [];
    if (mine.length > 1) add(box, ownDistrictChoice_(mine, flow));
    else if (mine[0]) add(box, ownDuties_(mine[0], flow, ''));
    else add(box, el('p', 'muted', 'ยังไม่มีหน้าที่การส่งรายงาน'));
  }
  if (parts.board) {
    // folded: the province's work comes first; the summary says how many districts are late
    const late = (view.districts ?? []).filter((d) => d.overdue > 0).length;
    const fold = withId('details', 'boardFold');
    fold.open = opened_.board;
    fold.addEventListener('toggle', () => {
      opened_.board = fold.open;
    });
    const summary = `${TEXT.boardTitle} ปีงบประมาณ ${view.fiscalYear}${late > 0 ? ` · เลยกำหนด ${late} อำเภอ` : ''}`;
    add(box, add(fold, el('summary', late > 0 ? 'lateSummary' : '', summary), boardView(view, flow)));
  }
}

/** How many overdue duties a district officer sees unfolded (the latest ones). */
const SHOWN_OVERDUE = 3;

/** Which folds the officer opened, kept across the reloads of the duties. */
const opened_ = { board: false };

/**
 * An officer named for several districts (acting for a vacant one): a choice of district, then
 * the chosen district's duties, submitted for that district.
 * @param districts their districts' duties
 * @param flow the submit panel
 */
function ownDistrictChoice_(districts: readonly DistrictDutiesView[], flow: SubmitFlow): HTMLElement {
  const box = el('div');
  const choice = withId('select', 'ownDistrict');
  for (const d of districts) add(choice, option(d.district, `อ.${d.district}`));
  const shown = el('div');
  const show = () => {
    const d = districts.find((x) => x.district === choice.value) ?? districts[0];
    shown.replaceChildren(ownDuties_(d, flow, d.district));
  };
  choice.addEventListener('change', show);
  add(box, add(el('label', 'muted', 'ท่านเป็นเจ้าหน้าที่หลายอำเภอ เลือกอำเภอ: '), choice), shown);
  show();
  return box;
}

/**
 * A district's own duties: what to submit now, the next one, then the whole year.
 * @param d the district's duties
 * @param flow the submit panel
 * @param district the district submitted for ('' for an officer's only district)
 */
function ownDuties_(d: DistrictDutiesView, flow: SubmitFlow, district: string): HTMLElement {
  const out = withId('div', 'ownDuties');
  const due = d.duties.filter((x) => x.open && (x.state === 'notYetDue' || x.state === 'overdue'));
  const next = d.duties.find((x) => !x.open && x.state === 'notYetDue');
  // submitted and still open to a new submission: they stay in view, saying when and how
  const done = d.duties.filter(
    (x) => x.open && x.submissions.length > 0 && (x.state === 'onTime' || x.state === 'late'),
  );
  if (due.length === 0) add(out, el('p', 'made', '✓ ไม่มีรายงานค้างส่ง'));
  // many overdue duties (late in the year): the latest few in view, the older folded, so the
  // data check below is not screens away
  const overdue = due.filter((x) => x.state === 'overdue');
  const older = overdue.length > SHOWN_OVERDUE ? overdue.slice(0, overdue.length - SHOWN_OVERDUE) : [];
  const list = el('ul', 'dutyList');
  for (const x of due) if (!older.includes(x)) add(list, dutyItem_(x, flow, true, district));
  if (next) add(list, dutyItem_(next, flow, false, district));
  add(out, list);
  if (older.length > 0) {
    const fold = add(
      el('details', 'olderDue'),
      el('summary', 'lateSummary', `เลยกำหนดก่อนหน้านี้อีก ${older.length} รายการ`),
    );
    const olderList = el('ul', 'dutyList');
    for (const x of older) add(olderList, dutyItem_(x, flow, true, district));
    add(out, add(fold, olderList));
  }
  if (done.length > 0) {
    const doneList = el('ul', 'doneList');
    for (const x of done) add(doneList, doneItem_(x, flow, district));
    add(out, doneList);
  }
  const all = add(el('details', 'allDuties'), el('summary', '', `ทั้งปีงบประมาณ (${d.duties.length} รายการ)`));
  const every = el('ul', 'dutyList');
  for (const x of d.duties) add(every, dutyItem_(x, flow, false, district));
  add(out, add(all, every));
  return out;
}

/**
 * A submitted duty: "ส่งแล้ว (ตรงเวลา / ช้า N วัน) เมื่อ …" from its latest submission, and a
 * button to submit it anew while it is open.
 * @param x the duty
 * @param flow the submit panel
 */
function doneItem_(x: DutyView, flow: SubmitFlow, district: string): HTMLElement {
  const item = el('li', `duty ${x.state}`);
  item.dataset.duty = `${x.kind}:${x.period}`;
  const last = x.submissions[x.submissions.length - 1];
  add(item, add(el('div', 'top'), el('strong', '', x.title), el('span', `chip state ${x.state}`, x.text)));
  if (last) add(item, el('div', 'submitted', TEXT.submitted(last.timeliness, last.whenText)));
  add(
    item,
    button('', 'small secondary', 'ส่งใหม่', () => flow.open({ kind: x.kind, period: x.period, district })),
  );
  return item;
}

/**
 * One duty: title, its state, its due day with days left, its submissions, and a submit button
 * when it is open.
 * @param x the duty
 * @param flow the submit panel
 * @param main whether it is in the "to submit now" list (its button gets an id)
 * @param district the district submitted for ('' for an officer's only district)
 */
function dutyItem_(x: DutyView, flow: SubmitFlow, main: boolean, district: string): HTMLElement {
  const item = el('li', `duty ${x.state}`);
  item.dataset.duty = `${x.kind}:${x.period}`;
  add(item, add(el('div', 'top'), el('strong', '', x.title), el('span', `chip state ${x.state}`, x.text)));
  const when =
    x.state === 'overdue'
      ? `กำหนดส่ง ${x.dueText} · เลยมา ${x.daysLate} วัน`
      : x.state === 'notYetDue'
        ? `กำหนดส่ง ${x.dueText} (${daysText(x.daysLeft)})${x.open ? '' : ` · ส่งได้ตั้งแต่ ${x.opensText}`}`
        : `กำหนดส่ง ${x.dueText}`;
  add(item, el('div', 'muted', when));
  for (const s of x.submissions) add(item, el('div', 'made', submissionText(s)));
  if (x.open) {
    const label = x.submissions.length > 0 ? 'ส่งใหม่' : 'ส่งรายงานนี้';
    const go = button(main ? `btnSubmit-${x.kind}-${x.period}` : '', 'small', label, () =>
      flow.open({ kind: x.kind, period: x.period, district }),
    );
    add(item, go);
  }
  return item;
}
