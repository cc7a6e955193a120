/**
 * Sending a summary or report to the province (the province's): a confirmation showing the
 * recipient, the subject and the e-mail itself, then the send; or the LINE text, copied.
 * The e-mail's HTML (made by the server, user text escaped) goes into a sandboxed iframe
 * without scripts: it never becomes part of this page's document.
 */
import type { ReportView, SendingPreview, SidebarState } from '../../../app/api';
import { confirmThen, waiting } from '../../../sidebar/confirm';
import { add, button, el, label, option, refill, withId } from '../../../sidebar/dom';
import type { Part, Sidebar } from '../../../sidebar/state';
import { type Answer, act, bringIntoView, say } from '../../../sidebar/status';
import { TEXT } from '../../../sidebar/texts';

/**
 * The sending panel, appended to a parent.
 * @param parent where it goes
 * @param app the sidebar
 */
export function sendingPart(parent: HTMLElement, app: Sidebar): Part {
  let preview: SendingPreview | null = null;
  let reports: readonly ReportView[] = [];
  const reportSelect = withId('select', 'reportSelect');
  const reportEmail = withId('p', 'reportEmail', 'muted');
  const sendTo = withId('dd', 'sendTo');
  const sendSubject = withId('dd', 'sendSubject');
  const sendBody = withId('iframe', 'sendBody');
  // No scripts (no allow-scripts: the e-mail's page can run nothing, "sandboxed frames without
  // allow-scripts cannot execute script", Chromium's LayoutTests fast/frames/
  // sandboxed-iframe-scripting-03.html; the unsafe pair is allow-scripts with allow-same-origin,
  // biomejs.dev/linter/rules/no-unsafe-iframe-sandbox), no forms, popups or navigation; but its
  // own origin kept: with an opaque origin (sandbox="") Chromium left the filled frame unpainted,
  // a white box, in the preview (issue 24, finding 2; seen by test/browser/answersEachAction's
  // pixels, the cause inside Chromium unconfirmed).
  sendBody.setAttribute('sandbox', 'allow-same-origin');
  sendBody.title = 'เนื้อหาอีเมลที่จะส่ง';
  const lineText = withId('textarea', 'lineText');
  lineText.readOnly = true;
  const sendPanel = withId('div', 'sendPanel', 'panel');
  const linePanel = withId('div', 'linePanel', 'panel');
  sendPanel.hidden = true;
  linePanel.hidden = true;

  /** Closes both panels and forgets the preview (the chosen sheet changed, or it was sent). */
  const hidePanels = () => {
    sendPanel.hidden = true;
    linePanel.hidden = true;
    sendBody.srcdoc = '';
    preview = null;
  };

  /** Shows what `then` makes of the preview of the chosen sheet, loading it when needed. */
  const withPreview = (progress: string, then: (p: SendingPreview) => Answer | Promise<Answer>) => {
    const sheet = reportSelect.value;
    if (!sheet) return;
    if (preview && preview.sheet === sheet) {
      const shown = preview;
      void Promise.resolve(then(shown)).then((answer) =>
        typeof answer === 'string' ? say(answer, 'ok') : say(answer.text, answer.kind),
      );
      return;
    }
    void act(
      app,
      progress,
      () => app.call('sidebarPreviewSending', sheet),
      (p) => {
        preview = p;
        return then(p);
      },
      { refresh: false },
    );
  };

  /** Copies the LINE text; resolves to the message to show. */
  const copyLine = () => copyText_(lineText);

  const sendNow = (again: boolean) => {
    if (!preview) return;
    const { sheet, to } = preview;
    void act(
      app,
      `กำลังส่ง “${sheet}” ถึง ${to}…`,
      () => app.call('sidebarSend', sheet, again),
      (result) => {
        if (result?.needsConfirmation) {
          // "send again" only for a report sent before; otherwise the question is about something else
          const sentBefore = reports.find((r) => r.sheet === sheet)?.sentText;
          confirmThen(result.message, sentBefore ? TEXT.sendAgain : TEXT.sendAnyway, () => sendNow(true));
          return waiting();
        }
        hidePanels();
        return result?.message || 'ส่งแล้ว';
      },
    );
  };
  const send = button('btnSend', '', 'ยืนยันส่งอีเมล', () => sendNow(false));
  const cancel = button('btnCancelSend', 'secondary', 'ยกเลิก', () => {
    hidePanels();
    say(TEXT.sendCancelled, 'info');
  });
  add(
    sendPanel,
    el('h3', '', 'ตรวจทานอีเมล'),
    add(el('dl'), el('dt', '', 'ถึง'), sendTo, el('dt', '', 'เรื่อง'), sendSubject),
    sendBody,
    add(el('div', 'row'), send, cancel),
  );
  add(
    linePanel,
    label('lineText', 'ข้อความสำหรับกลุ่ม LINE'),
    lineText,
    add(
      el('div', 'row'),
      button('btnCopyAgain', 'small', 'คัดลอกอีกครั้ง', () => {
        void copyLine().then((message) => say(message, 'ok'));
      }),
      button('btnCloseLine', 'secondary small', 'ปิด', () => {
        linePanel.hidden = true;
      }),
    ),
  );

  const reviewMail = button('btnPreview', '', 'ตรวจทานก่อนส่งอีเมล', () => {
    withPreview('กำลังเตรียมอีเมล…', async (p) => {
      sendTo.textContent = p.to || '(ยังไม่ได้ใส่อีเมลจังหวัดในชีตตั้งค่า)';
      sendSubject.textContent = p.subject || '';
      // shown first, then filled, and in view once its page has loaded and can be painted
      sendPanel.hidden = false;
      linePanel.hidden = true;
      await loadFrame_(sendBody, p.html || '');
      bringIntoView(sendPanel);
      // a sheet changed by hand since it was made: a warning to read, not a success
      return p.edited ? { text: `${TEXT.reviewMail} ${p.edited}`, kind: 'info' } : TEXT.reviewMail;
    });
  });
  const forLine = button('btnLine', 'secondary', 'คัดลอกสำหรับ LINE', () => {
    withPreview('กำลังเตรียมข้อความ LINE…', (p) => {
      lineText.value = p.lineText || '';
      linePanel.hidden = false;
      sendPanel.hidden = true;
      bringIntoView(linePanel);
      return copyLine();
    });
  });

  /** The buttons that need a chosen sheet, or a recipient, are enabled only then. */
  const enable = () => {
    const hasReport = Boolean(reportSelect.value);
    reviewMail.disabled = !hasReport;
    forLine.disabled = !hasReport;
    reportSelect.disabled = !hasReport;
    send.disabled = !preview?.to;
  };
  reportSelect.addEventListener('change', () => {
    hidePanels();
    enable();
  });

  add(
    parent,
    el('h3', '', TEXT.sendingTitle),
    label('reportSelect', 'เลือกสรุปผลหรือรายงาน'),
    reportEmail,
    add(el('div', 'row'), reportSelect),
    add(el('div', 'row spaced'), reviewMail, forLine),
    sendPanel,
    linePanel,
  );

  /** Shows the report address and offers the report sheets. */
  const show = (state: SidebarState) => {
    reportEmail.textContent = state.reportEmail ? `อีเมลจังหวัด: ${state.reportEmail}` : 'ยังไม่ได้ใส่อีเมลจังหวัดในชีตตั้งค่า';
    reports = state.reports ?? [];
    refill(reportSelect, (s) => {
      if (reports.length === 0) add(s, option('', '— ยังไม่มีสรุปผลหรือรายงาน —'));
      for (const r of reports) add(s, option(r.sheet, reportLabel_(r)));
      return reports[0]?.sheet ?? '';
    });
    // a sheet just made is offered first
    if (app.made && reports.some((r) => r.sheet === app.made)) reportSelect.value = app.made;
    app.made = '';
    if (preview && preview.sheet !== reportSelect.value) hidePanels();
  };
  return { show, enable };
}

/**
 * Puts a page into the e-mail's frame and waits until it has loaded (or 5 s), so the review is
 * shown drawn, not as an empty box.
 * @param frame the sandboxed iframe
 * @param html the e-mail's HTML
 */
function loadFrame_(frame: HTMLIFrameElement, html: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    frame.addEventListener(
      'load',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
  });
}

/**
 * Copies a text box's text: the Clipboard API, else select + execCommand, else the text stays
 * selected for Ctrl+C (Google's sidebar iframe may not grant clipboard-write; unconfirmed).
 * @param box the text box
 * @return the message to show
 */
function copyText_(box: HTMLTextAreaElement): Promise<string> {
  const copied = 'คัดลอกข้อความแล้ว วางในกลุ่ม LINE ได้เลย';
  const fallback = () => {
    box.focus();
    box.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    return ok ? copied : 'คัดลอกอัตโนมัติไม่ได้ ข้อความถูกเลือกไว้แล้ว กด Ctrl+C (หรือ ⌘+C) เพื่อคัดลอก';
  };
  if (navigator.clipboard?.writeText) {
    return navigator.clipboard.writeText(box.value).then(() => copied, fallback);
  }
  return Promise.resolve(fallback());
}

/**
 * A report as the list offers it: its name, and whether it is provisional, superseded or sent.
 * @param r the report
 */
function reportLabel_(r: ReportView): string {
  // a provisional report's sheet name already says (ชั่วคราว) (features/reports/action/reports.ts): not twice
  const marks = [
    r.provisional && !r.sheet.includes('ชั่วคราว') ? 'ชั่วคราว' : '',
    r.state === 'superseded' ? 'ฉบับเก่า' : '',
    r.sentText ? 'ส่งแล้ว' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return marks ? `${r.sheet} (${marks})` : r.sheet;
}
