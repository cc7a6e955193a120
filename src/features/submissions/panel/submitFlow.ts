/**
 * Submitting a monthly report or a round summary (a district officer's own, or the province on a
 * district's behalf): the server's preview first — the figures as of the cut-off, what changed
 * in the month, the entries counted, what is still missing, earlier submissions — then the
 * statement to tick, then the submission; a resubmission is asked about first.
 */
import type { SubmissionPreview, SubmissionView } from '../action/dutiesApi';
import { confirmThen, waiting } from '../../../sidebar/confirm';
import { add, button, el, withId } from '../../../sidebar/dom';
import type { Sidebar } from '../../../sidebar/state';
import { act, bringIntoView, say } from '../../../sidebar/status';
import { TEXT } from '../../../sidebar/texts';
import { previewFigures } from './previewText';

/** A duty to submit. */
export interface SubmitTarget {
  readonly kind: 'month' | 'round';
  readonly period: string;
  /** The district ('' for a district officer's own). */
  readonly district: string;
}

/** The submit panel. */
export interface SubmitFlow {
  /** Loads the preview of a duty and shows the panel. */
  open(target: SubmitTarget): void;
  /** Re-applies its own enabling rules (the submit button waits for the statement). */
  enable(): void;
}

/**
 * The submit panel, appended to a parent (hidden until a duty is chosen).
 * @param parent where it goes
 * @param app the sidebar (after a submission its state is loaded afresh, and the duties with it)
 * @param onSubmitted told which duty was submitted (its card is brought into view once reloaded)
 */
export function submitFlow(
  parent: HTMLElement,
  app: Sidebar,
  onSubmitted: (target: SubmitTarget) => void = () => undefined,
): SubmitFlow {
  let target: SubmitTarget | null = null;
  const panel = withId('div', 'submitPanel', 'panel');
  panel.hidden = true;
  const body = withId('div', 'submitPreview');
  const tick = withId('input', 'submitConfirm');
  tick.type = 'checkbox';
  const statement = withId('label', 'submitStatement', 'statement');
  statement.htmlFor = 'submitConfirm';
  const submit = button('btnSubmitDuty', '', 'ยืนยันส่งรายงาน', () => send(false));
  const cancel = button('btnCancelSubmit', 'secondary', 'ยกเลิก', () => {
    close();
    // not the review's "tick and confirm" left in the answer bar
    say(TEXT.submitCancelled, 'info');
  });
  const enable = () => {
    submit.disabled = app.busy || !tick.checked || target === null;
  };
  tick.addEventListener('change', enable);
  add(panel, body, add(el('div', 'confirmRow'), tick, statement), add(el('div', 'row'), submit, cancel));
  add(parent, panel);

  const close = () => {
    panel.hidden = true;
    body.replaceChildren();
    tick.checked = false;
    target = null;
  };

  const send = (again: boolean) => {
    const t = target;
    if (!t || !tick.checked) return;
    const district = t.district || undefined;
    void act(
      app,
      'กำลังส่งรายงาน…',
      () =>
        t.kind === 'month'
          ? app.call('sidebarSubmitMonthly', t.period, true, district, again)
          : app.call('sidebarSubmitRound', Number(t.period), true, district, again),
      (result) => {
        if (result?.needsConfirmation) {
          confirmThen(result.message, 'ส่งใหม่', () => send(true));
          return waiting();
        }
        close();
        onSubmitted(t);
        return result?.message || 'ส่งแล้ว';
      },
    );
  };

  const open = (t: SubmitTarget) => {
    void act(
      app,
      'กำลังเตรียมข้อมูลที่จะส่ง…',
      () => app.call('sidebarPreviewSubmission', t.kind, t.period, t.district || undefined),
      (preview) => {
        target = t;
        tick.checked = false;
        showPreview_(body, preview);
        statement.textContent = preview.statement;
        panel.hidden = false;
        bringIntoView(panel);
        return TEXT.reviewSubmission;
      },
      { refresh: false },
    );
  };
  return { open, enable };
}

/**
 * Renders a preview: title, cut-off and due day, the figures, what changed, what is missing, the
 * entries counted and earlier submissions.
 * @param body the preview's box
 * @param p the server's preview
 */
function showPreview_(body: HTMLElement, p: SubmissionPreview): void {
  body.replaceChildren();
  const f = p.figures;
  add(
    body,
    el('h3', '', `${p.title} · อ.${p.district}`),
    el('p', 'muted', `ข้อมูล ณ วันที่ ${p.cutOffText} · กำหนดส่ง ${p.dueText} · ถ้าส่งตอนนี้: ${p.timeliness}`),
    p.onBehalf ? el('p', 'notice', `ท่านกำลังส่งแทน อ.${p.district} (บันทึกว่าจังหวัดส่งแทน)`) : null,
    add(
      el('dl'),
      ...previewFigures(p).flatMap(([label, value]) => [el('dt', '', label), el('dd', '', value)]),
      el('dt', '', 'คะแนน'),
      el('dd', '', `${f.score ?? '—'} (${f.level || '—'})`),
    ),
    el('p', '', `ยังขาด: ${p.missing || '—'}`),
  );
  const entries = add(el('details', 'entries'), el('summary', '', entriesTitle_(p)));
  const list = el('ul');
  for (const a of p.activities) add(list, el('li', '', `${a.dateText} กิจกรรม: ${a.activity} (${a.place})`));
  for (const o of p.operators) add(list, el('li', '', `${o.dateText} ผู้ประกอบการ: ${o.name} · ${o.channels}`));
  if (p.left > 0) add(list, el('li', 'muted', `และอีก ${p.left} รายการ (ยาวเกินเก็บในรายงาน)`));
  add(body, add(entries, list));
  if (p.earlier.length > 0) {
    const earlier = el('ul', 'earlier');
    for (const s of p.earlier) add(earlier, el('li', '', submissionText(s)));
    add(body, el('p', '', `ส่งแล้ว ${p.earlier.length} ครั้ง (ฉบับเดิมยังเก็บไว้):`), earlier);
  }
}

/** The entries' heading. */
function entriesTitle_(p: SubmissionPreview): string {
  const scope = p.kind === 'month' ? 'ในเดือนนี้' : 'ถึงวันตัดยอด';
  return `รายการที่นับ${scope}: กิจกรรม ${p.activities.length} ครั้ง ผู้ประกอบการรายใหม่ ${p.operators.length} ราย`;
}

/**
 * One submission as a line: number, when, by whom, to whom, on time or late.
 * @param s the submission
 */
export function submissionText(s: SubmissionView): string {
  const behalf = s.onBehalf ? ' (จังหวัดส่งแทน)' : '';
  return `ครั้งที่ ${s.number}: ${s.whenText} โดย ${s.sentBy}${behalf} ถึง${s.to} — ${s.timeliness}`;
}
