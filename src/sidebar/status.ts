/**
 * The status line, the busy state and how an action runs: a progress message, every control
 * disabled, then the result or the failure, and the state loaded afresh. The status line lives
 * in the answer bar (#answers, sticky at the bottom of the sidebar's view: sidebar.html), so
 * whatever the officer pressed, its progress and its answer are in view.
 */
import { byId } from './dom';
import { errorText } from './errors';
import type { Sidebar } from './state';

/**
 * How the status line looks: progress (busy), ok (done), error (failed), info (neither: a
 * question waiting, a cancelled action, problems found).
 */
export type StatusKind = '' | 'progress' | 'ok' | 'error' | 'info';

/**
 * Shows a message in the status line ('' hides it), in the answer bar at the bottom of the view.
 * @param text the message
 * @param kind its look
 */
export function say(text: string, kind: StatusKind): void {
  const status = byId('status');
  status.textContent = text;
  status.className = kind;
  showAnswers();
}

/** Shows the answer bar when it has a message or a question, hides it when it has neither. */
export function showAnswers(): void {
  byId('answers').hidden = !byId('status').textContent && byId('confirm').hidden;
}

/**
 * Scrolls an element that an action opened (a preview, a list) into the sidebar's view, above
 * the answer bar, so the officer sees it without searching.
 * @param element what was opened
 */
export function bringIntoView(element: HTMLElement): void {
  element.scrollIntoView({ block: 'start' });
}

/**
 * Disables every control while an action runs; afterwards each part re-enables its own.
 * @param app the sidebar
 * @param on running or not
 */
export function setBusy(app: Sidebar, on: boolean): void {
  app.busy = on;
  document.body.setAttribute('aria-busy', String(on));
  disableAll(on);
  if (!on) for (const part of app.parts) part.enable();
}

/**
 * Sets `disabled` on every button and select of the page.
 * @param disabled the value
 */
export function disableAll(disabled: boolean): void {
  for (const control of Array.from(
    document.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select'),
  )) {
    control.disabled = disabled;
  }
}

/** What an action says when it ends: a text shown as done, or a text with its own look. */
export type Answer = string | { readonly text: string; readonly kind: StatusKind };

/** Options of an action. */
export interface ActOptions {
  /** load the state afresh afterwards (default true) */
  readonly refresh?: boolean;
}

/**
 * Runs one action unless another is running.
 * @param app the sidebar
 * @param progress the message while it runs
 * @param run the server call
 * @param done the message for its result (or a promise of it)
 * @param options see ActOptions
 */
export async function act<T>(
  app: Sidebar,
  progress: string,
  run: () => Promise<T>,
  done: (result: T) => Answer | Promise<Answer>,
  options: ActOptions = {},
): Promise<void> {
  if (app.busy) return;
  setBusy(app, true);
  say(progress, 'progress');
  try {
    const answer = await done(await run());
    let message = typeof answer === 'string' ? answer : answer.text;
    // a question left open waits for the officer: not a success
    const kind: StatusKind = typeof answer === 'string' ? (byId('confirm').hidden ? 'ok' : 'info') : answer.kind;
    if (options.refresh !== false) {
      try {
        app.show(await app.call('sidebarState'));
      } catch (error) {
        message = `${message ? `${message}\n` : ''}(โหลดสถานะล่าสุดไม่ได้: ${errorText(error)})`;
      }
    }
    if (message) say(message, kind);
  } catch (error) {
    say(`ทำไม่สำเร็จ — ${errorText(error)}`, 'error');
  } finally {
    setBusy(app, false);
  }
}

/**
 * Loads the state and shows it, unless an action is running.
 * @param app the sidebar
 * @param message the progress message
 */
export async function loadState(app: Sidebar, message = 'กำลังโหลดข้อมูล…'): Promise<void> {
  if (app.busy) return;
  setBusy(app, true);
  say(message, 'progress');
  try {
    app.show(await app.call('sidebarState'));
    say('', '');
  } catch (error) {
    say(`โหลดข้อมูลไม่สำเร็จ — ${errorText(error)}`, 'error');
  } finally {
    setBusy(app, false);
  }
}
