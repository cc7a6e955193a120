/**
 * The status line, the busy state and how an action runs: a progress message, every control
 * disabled, then the result or the failure, and the state loaded afresh.
 */
import { byId } from './dom';
import { errorText } from './errors';
import type { Sidebar } from './state';

/** How the status line looks. */
export type StatusKind = '' | 'progress' | 'ok' | 'error';

/**
 * Shows a message in the status line ('' hides it).
 * @param text the message
 * @param kind its look
 */
export function say(text: string, kind: StatusKind): void {
  const status = byId('status');
  status.textContent = text;
  status.className = kind;
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
  done: (result: T) => string | Promise<string>,
  options: ActOptions = {},
): Promise<void> {
  if (app.busy) return;
  setBusy(app, true);
  say(progress, 'progress');
  try {
    let message = await done(await run());
    if (options.refresh !== false) {
      try {
        app.show(await app.call('sidebarState'));
      } catch (error) {
        message = `${message ? `${message}\n` : ''}(โหลดสถานะล่าสุดไม่ได้: ${errorText(error)})`;
      }
    }
    if (message) say(message, 'ok');
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
