/**
 * The mobile page (dist/Mobile.html, served by doGet; docs/mobile.md): what a district officer
 * does from a phone, in one column. It calls the sidebar's own server functions (the same role
 * checks), through the same typed google.script.run client, and builds every element with the
 * text-only DOM helpers, so nothing from the workbook is ever parsed as HTML.
 */
import type { DistrictStanding, SidebarState } from '../../../app/api';
import type { DutiesView, DutyView, SubmissionPreview } from '../../submissions/action/dutiesApi';
import type { EntryFormView, FormField } from '../action/entryForm';
import type { LocatedProblem } from '../../dataCheck/sheets/problemsSheet';
import { add, button, byId, el } from '../../../sidebar/dom';
import { errorText } from '../../../sidebar/errors';
import { colour, daysText, num } from '../../../sidebar/format';
import { cardLines, changesLine, figuresLine } from './figures';
import { createClient, type ScriptRun } from '../../../sidebar/rpc';

declare const google: { script: { run: ScriptRun } };

const call = createClient(() => google.script.run).call;

/** What the page knows after loading. */
interface Page_ {
  state: SidebarState;
  duties: DutiesView;
  form: EntryFormView | null;
}

let page_: Page_ | null = null;

/**
 * Shows a message in the bar at the bottom of the screen.
 * @param text the message ('' hides the bar)
 * @param kind its colour
 */
function say_(text: string, kind: '' | 'ok' | 'error' = ''): void {
  const bar = byId('status');
  bar.textContent = text;
  bar.className = kind;
  bar.hidden = text === '';
}

/**
 * Runs a server call with the buttons disabled, its answer or its Thai error in the bar.
 * @param progress what is happening, Thai
 * @param work the call
 */
async function act_<T>(progress: string, work: () => Promise<T>): Promise<T | null> {
  say_(progress);
  const buttons = Array.from(document.querySelectorAll('button'));
  const wasDisabled = buttons.map((b) => b.disabled);
  for (const b of buttons) b.disabled = true;
  try {
    return await work();
  } catch (error) {
    say_(errorText(error), 'error');
    return null;
  } finally {
    buttons.forEach((b, i) => {
      b.disabled = wasDisabled[i];
    });
  }
}

/** Loads the state and the duties (and the form for officers) and shows them. */
async function load_(): Promise<void> {
  const loaded = await act_('กำลังโหลดข้อมูล…', async () => {
    // the state brings the duties (one execution); asked on their own only when it could not
    const state = await call('sidebarState');
    const duties = state.duties ?? (await call('sidebarDuties'));
    const form = state.user.role === 'unknown' ? null : await call('sidebarEntryForm');
    return { state, duties, form };
  });
  document.body.setAttribute('aria-busy', 'false');
  if (!loaded) return;
  page_ = loaded;
  show_(loaded);
  say_('');
}

/** Shows everything the caller's role may see. */
function show_(p: Page_): void {
  const { user } = p.state;
  const who = byId('who');
  const notice = byId('notice');
  notice.hidden = true;
  if (user.role === 'district') {
    who.textContent = `${user.email} · เจ้าหน้าที่ อ.${(user.districts ?? [user.district]).join(', อ.')}`;
  } else if (user.role === 'province') {
    who.textContent = `${user.email} · เจ้าหน้าที่จังหวัด`;
  } else if (!user.email) {
    who.textContent = 'ไม่ทราบอีเมลของบัญชีนี้';
    notice.textContent =
      'Google ไม่เปิดเผยอีเมลของบัญชีนี้ให้หน้านี้ (เช่น บัญชี Gmail ส่วนตัวที่ใช้ไฟล์ของหน่วยงานอื่น) จึงตรวจสิทธิ์ไม่ได้ ' +
      'หน้านี้จึงดูได้อย่างเดียว กรุณาเปิดด้วยบัญชีที่จังหวัดระบุไว้ในชีตตั้งค่า';
    notice.hidden = false;
  } else {
    who.textContent = `${user.email} · ดูได้อย่างเดียว`;
    notice.textContent = `${user.email} ยังไม่อยู่ในรายชื่อเจ้าหน้าที่ในชีตตั้งค่า จึงดูผลได้อย่างเดียว กรุณาแจ้งจังหวัดให้เพิ่มอีเมลของท่าน`;
    notice.hidden = false;
  }
  showStanding_(p.state);
  const officer = user.role !== 'unknown';
  byId('duties-part').hidden = user.role !== 'district';
  byId('add-part').hidden = !officer;
  byId('problems-part').hidden = !officer;
  byId('board-part').hidden = user.role !== 'province';
  if (user.role === 'district') showDuties_(p.duties);
  if (user.role === 'province') showBoard_(p.duties);
  if (officer && p.form) showForm_(p.form);
  if (officer) showProblemsStart_();
}

/** The standing: a district officer's own district first and in full, the others in short. */
function showStanding_(state: SidebarState): void {
  const box = byId('standing');
  box.replaceChildren();
  const mine = state.user.role === 'district' ? (state.user.districts ?? [state.user.district]) : [];
  add(box, el('p', 'muted', `ข้อมูล ณ ${state.todayText} · ปีงบประมาณ ${state.fiscalYear}`));
  const rows = [...(state.standing ?? [])];
  const order = (d: DistrictStanding) => {
    const own = mine.indexOf(d.district);
    if (own >= 0) return own - 100;
    const at = (state.worstFirst ?? []).indexOf(d.district);
    return at < 0 ? rows.length : at;
  };
  rows.sort((a, b) => order(a) - order(b));
  if (rows.length === 0) add(box, el('p', 'muted', 'ยังไม่มีข้อมูล'));
  for (const d of rows) {
    const own = mine.includes(d.district);
    if (mine.length > 0 && !own) continue;
    add(box, standingCard_(d, own || state.user.role !== 'district', state.measures));
  }
}

/** One district's card: score, level in its band's colours, the year's measures, what is missing for the next level. */
function standingCard_(d: DistrictStanding, full: boolean, measures: SidebarState['measures']): HTMLElement {
  const card = el('div', 'card');
  card.dataset.district = d.district;
  const band = el('span', 'band', d.level || '—');
  band.style.background = colour(d.band?.background, '#e4e7eb');
  band.style.color = colour(d.band?.text, '#1f2933');
  add(
    card,
    add(
      el('div', 'row'),
      el('strong', '', `อ.${d.district}`),
      add(el('span', ''), el('span', 'score', d.score === null ? '–' : `${num(d.score)}`), ' คะแนน'),
    ),
    band,
  );
  if (d.problem) add(card, el('p', 'late', d.problem));
  if (full) {
    add(card, ...cardLines(d, measures).map((line) => el('p', '', line)), el('p', 'next', d.next));
  }
  return card;
}

/** A district officer's duties with days left; each open one can be previewed and submitted. */
function showDuties_(view: DutiesView): void {
  const box = byId('duties');
  box.replaceChildren();
  add(box, el('p', 'muted', `วันนี้ ${view.todayText}`));
  for (const district of view.districts) {
    if (view.districts.length > 1) add(box, el('h3', '', `อ.${district.district}`));
    const shown = district.duties.filter((d) => d.state !== 'notYetDue' || d.open).slice(-6);
    if (shown.length === 0) add(box, el('p', 'muted', 'ยังไม่มีรายงานที่ต้องส่ง'));
    for (const duty of shown) add(box, dutyCard_(duty, district.district));
  }
  for (const n of view.notices) add(box, el('p', 'late', n));
}

/** One duty. */
function dutyCard_(duty: DutyView, district: string): HTMLElement {
  const card = el('div', 'card');
  card.dataset.duty = `${duty.kind}:${duty.period}`;
  const submitted = duty.submissions.length > 0;
  const stateText = submitted
    ? `ส่งแล้ว (${duty.submissions[duty.submissions.length - 1].timeliness})`
    : duty.state === 'overdue'
      ? `เลยกำหนด ${duty.daysLate} วัน ยังไม่ส่ง`
      : `กำหนดส่ง ${duty.dueText} (${daysText(duty.daysLeft)})`;
  add(
    card,
    el('strong', '', duty.title),
    el('p', submitted ? 'done' : duty.state === 'overdue' ? 'late' : '', stateText),
  );
  if (submitted) {
    const last = duty.submissions[duty.submissions.length - 1];
    add(card, el('p', 'muted', `เมื่อ ${last.whenText} โดย ${last.sentBy}`));
  }
  if (duty.open) {
    add(
      card,
      button('', submitted ? '' : 'primary', submitted ? 'ดูและส่งอีกครั้ง' : 'ดูตัวอย่างและส่ง', () => {
        void openSubmit_(duty, district);
      }),
    );
  } else if (!submitted) {
    add(card, el('p', 'muted', `ส่งได้ตั้งแต่ ${duty.opensText}`));
  }
  return card;
}

/** The preview of a submission, the statement to tick and the submit button. */
async function openSubmit_(duty: DutyView, district: string): Promise<void> {
  const preview = await act_('กำลังเตรียมตัวอย่างรายงาน…', () =>
    call('sidebarPreviewSubmission', duty.kind, duty.period, district),
  );
  if (!preview) return;
  say_('');
  const box = byId('submit');
  box.replaceChildren();
  box.hidden = false;
  add(box, ...previewParts_(preview));
  const tick = el('input');
  tick.type = 'checkbox';
  tick.id = 'statement';
  const send = button('submit-send', 'primary', 'ส่งรายงาน', () => {
    void submit_(duty, district, false);
  });
  send.disabled = true;
  tick.addEventListener('change', () => {
    send.disabled = !tick.checked;
  });
  const statement = add(el('label', 'check'), tick, el('span', '', preview.statement));
  statement.htmlFor = 'statement';
  add(
    box,
    statement,
    send,
    button('', '', 'ยกเลิก', () => {
      box.hidden = true;
    }),
  );
  box.scrollIntoView({ block: 'start' });
}

/** What a submission will send, in short. */
function previewParts_(p: SubmissionPreview): HTMLElement[] {
  const f = p.figures;
  const parts: HTMLElement[] = [
    el('h3', '', `${p.title} · อ.${p.district}`),
    el('p', '', `ตัวเลข ณ ${p.cutOffText} · ถ้าส่งตอนนี้: ${p.timeliness}`),
    el('p', '', figuresLine(f, p.measures)),
    el('p', '', `คะแนน ${f.score === null ? '–' : num(f.score)} · ระดับ ${f.level || '–'}`),
  ];
  if (p.changes) {
    parts.push(el('p', 'muted', changesLine(p.changes, p.measures)));
  }
  if (p.missing) parts.push(el('p', '', `ยังขาด: ${p.missing}`));
  const list = el('ul', 'plain');
  for (const a of p.activities.slice(0, 10)) add(list, el('li', '', `${a.dateText} ${a.activity} (${a.place})`));
  for (const o of p.operators.slice(0, 10))
    add(list, el('li', '', `${o.dateText} ${o.name} ${o.regNo} · ${o.channels}`));
  parts.push(list);
  const more = p.activities.length + p.operators.length - list.children.length + num(p.left);
  if (more > 0) parts.push(el('p', 'muted', `และอีก ${more} รายการ`));
  return parts;
}

/** Submits a duty (asks once more before a resubmission). */
async function submit_(duty: DutyView, district: string, again: boolean): Promise<void> {
  const result = await act_('กำลังส่งรายงาน…', () =>
    duty.kind === 'round'
      ? call('sidebarSubmitRound', Number(duty.period), true, district, again)
      : call('sidebarSubmitMonthly', duty.period, true, district, again),
  );
  if (!result) return;
  if (result.needsConfirmation) {
    if (window.confirm(result.message)) await submit_(duty, district, true);
    else say_('ยกเลิกแล้ว ยังไม่ได้ส่ง');
    return;
  }
  byId('submit').hidden = true;
  await reloadDuties_();
  say_(result.message, 'ok');
  document.querySelector<HTMLElement>(`[data-duty="${duty.kind}:${duty.period}"]`)?.scrollIntoView({ block: 'center' });
}

/** Loads the duties again (after a submission). */
async function reloadDuties_(): Promise<void> {
  const duties = await act_('กำลังโหลดหน้าที่การส่งรายงาน…', () => call('sidebarDuties'));
  if (!duties || !page_) return;
  page_.duties = duties;
  showDuties_(duties);
}

/** The province's board: each district's overdue, late and on-time duties, late districts first. */
function showBoard_(view: DutiesView): void {
  const box = byId('board');
  box.replaceChildren();
  for (const d of view.districts) {
    const card = add(
      el('div', 'card'),
      el('strong', '', `อ.${d.district}`),
      el(
        'p',
        d.overdue > 0 ? 'late' : '',
        `เลยกำหนดยังไม่ส่ง ${num(d.overdue)} · ส่งช้า ${num(d.late)} · ส่งตรงเวลา ${num(d.onTime)}`,
      ),
    );
    const due = d.duties.filter((x) => x.state !== 'notYetDue').slice(-3);
    for (const x of due) add(card, el('p', 'muted', `${x.header}: ${x.text}`));
    add(box, card);
  }
}

/** The entry form: an activity or an online operator, with the sheet's fields. */
function showForm_(form: EntryFormView): void {
  const box = byId('add');
  box.replaceChildren();
  let kind: 'activities' | 'online' = 'activities';
  const tabs = el('div', 'tabs');
  const fields = el('div', '');
  const pick = (next: 'activities' | 'online') => {
    kind = next;
    for (const b of Array.from(tabs.querySelectorAll('button')))
      b.setAttribute('aria-pressed', String(b.dataset.kind === next));
    fields.replaceChildren(...formFields_(form, next));
  };
  for (const [k, text] of [
    ['activities', 'กิจกรรม'],
    ['online', 'ผู้ประกอบการออนไลน์'],
  ] as const) {
    const b = button(`tab-${k}`, '', text, () => pick(k));
    b.dataset.kind = k;
    add(tabs, b);
  }
  let district: HTMLSelectElement | null = null;
  if (form.districts.length > 1) {
    district = el('select');
    district.id = 'entry-district';
    for (const d of form.districts) add(district, Object.assign(el('option', '', `อ.${d}`), { value: d }));
    add(box, Object.assign(el('label', '', 'อำเภอ'), { htmlFor: 'entry-district' }), district);
  }
  add(
    box,
    tabs,
    fields,
    button('entry-save', 'primary', 'บันทึก', () => {
      void saveEntry_(kind, fields, district?.value);
    }),
  );
  pick('activities');
}

/** The inputs of one kind of entry. */
function formFields_(form: EntryFormView, kind: 'activities' | 'online'): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const f of form[kind]) {
    const id = `f-${kind}-${f.key}`;
    const input = inputFor_(form, f, id);
    out.push(Object.assign(el('label', '', `${f.label}${f.required ? ' *' : ''}`), { htmlFor: id }), input);
    if (f.help) out.push(el('p', 'help', f.help));
  }
  return out;
}

/** The input of one field: a date with a BE hint, a choice for the budget and the channel. */
function inputFor_(form: EntryFormView, f: FormField, id: string): HTMLElement {
  if (f.key === 'budget' || f.key === 'channel') {
    const select = el('select');
    const values = f.key === 'budget' ? form.budgetValues : ['', ...form.channels];
    for (const v of values) add(select, Object.assign(el('option', '', v || 'เลือกช่องทาง'), { value: v }));
    if (f.key === 'budget') select.value = form.budgetValues[form.budgetValues.length - 1] ?? '';
    select.id = id;
    select.dataset.key = f.key;
    return select;
  }
  const input = f.key === 'note' ? el('textarea') : el('input');
  if (input instanceof HTMLInputElement) {
    input.type = f.key === 'link' ? 'url' : 'text';
    if (f.key === 'operators' || f.key === 'sales') input.inputMode = 'decimal';
    if (f.key === 'date') input.placeholder = 'เช่น 25/03/2565';
  }
  input.id = id;
  input.dataset.key = f.key;
  return input;
}

/** Saves the form's entry; on success the form is emptied and the standing loaded again. */
async function saveEntry_(kind: 'activities' | 'online', fields: HTMLElement, district?: string): Promise<void> {
  const typed: Record<string, string> = {};
  for (const input of Array.from(
    fields.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[data-key]'),
  )) {
    typed[input.dataset.key ?? ''] = input.value;
  }
  const result = await act_('กำลังบันทึก…', () => call('sidebarAddEntry', kind, typed, district));
  if (!result) return;
  for (const input of Array.from(fields.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')))
    input.value = '';
  await reloadState_();
  say_(result.message, 'ok');
}

/** Loads the standing again. */
async function reloadState_(): Promise<void> {
  const state = await act_('กำลังโหลดผลการดำเนินงาน…', () => call('sidebarState'));
  if (!state || !page_) return;
  page_.state = state;
  showStanding_(state);
}

/** The data check's start button. */
function showProblemsStart_(): void {
  const box = byId('problems');
  box.replaceChildren(
    el('p', 'muted', 'ตรวจข้อมูลในชีตของอำเภอ แล้วแก้แต่ละรายการได้จากหน้านี้'),
    button('check-run', '', 'ตรวจข้อมูล', () => {
      void runCheck_();
    }),
  );
}

/** Runs the data check and lists the caller's own problems, each with a way to correct it. */
async function runCheck_(): Promise<void> {
  const report = await act_('กำลังตรวจข้อมูล…', () => call('sidebarCheckData'));
  if (!report) return;
  const box = byId('problems');
  box.replaceChildren();
  // sidebarCheckData gives each problem its cell (A1) too
  const problems = report.problems as (LocatedProblem & { cell: string })[];
  const own = report.ownSheets.length > 0 ? problems.filter((p) => report.ownSheets.includes(p.sheet)) : problems;
  add(
    box,
    el('p', own.length === 0 ? 'done' : 'late', own.length === 0 ? 'ไม่พบปัญหาในชีตของอำเภอ' : `พบ ${own.length} รายการ`),
  );
  const list = el('ul', 'plain');
  for (const p of own.slice(0, 50)) {
    const item = add(el('li', 'problem'), el('strong', '', `${p.sheet} ช่อง ${p.cell}`), el('p', '', p.message));
    item.dataset.cell = `${p.sheet}!${p.cell}`;
    add(
      item,
      button('', '', 'แก้ไข', () => {
        void openFix_(item, p.sheet, p.cell);
      }),
    );
    add(list, item);
  }
  add(
    box,
    list,
    button('check-run', '', 'ตรวจอีกครั้ง', () => {
      void runCheck_();
    }),
  );
  say_(report.message, 'ok');
}

/** Opens the correction of one cell under its problem. */
async function openFix_(item: HTMLElement, sheet: string, cell: string): Promise<void> {
  const view = await act_('กำลังอ่านช่องนี้…', () => call('sidebarEntryCell', sheet, cell));
  if (!view) return;
  say_('');
  item.querySelector('.fix')?.remove();
  const id = `fix-${sheet}-${cell}`.replace(/\s+/g, '-');
  const input = el('input');
  input.id = id;
  input.value = view.shown;
  const fix = add(
    el('div', 'fix'),
    Object.assign(el('label', '', `${view.label} (ช่อง ${view.cell})`), { htmlFor: id }),
    input,
    button('', 'primary', 'บันทึกการแก้ไข', () => {
      void saveFix_(view.sheet, view.cell, view.shown, input.value);
    }),
  );
  add(item, fix);
  input.focus();
}

/** Saves a correction, then checks again. */
async function saveFix_(sheet: string, cell: string, shown: string, typed: string): Promise<void> {
  const result = await act_('กำลังบันทึกการแก้ไข…', () => call('sidebarFixEntry', sheet, cell, shown, typed));
  if (!result) return;
  await runCheck_();
  await reloadState_();
  say_(result.message, 'ok');
}

// A tap on the answer bar puts it away (it covers the bottom of the page).
byId('status').addEventListener('click', () => say_(''));
void load_();
