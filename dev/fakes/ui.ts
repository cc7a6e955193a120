/** Fake Ui (SpreadsheetApp.getUi()) and menus; what was shown is recorded in a UiLog. */
import { instrument } from './callLedger';
import { Button, ButtonSet } from './enums';
import type { FakeHtmlOutput } from './htmlService';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

type ButtonValue = GoogleAppsScript.Base.Button;
type ButtonSetValue = GoogleAppsScript.Base.ButtonSet;

/** A menu as added to the UI. */
export interface MenuRecord {
  caption: string;
  /** true for createAddonMenu() */
  addon: boolean;
  items: MenuItemRecord[];
}

/** One entry of a menu. */
export type MenuItemRecord = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

/** A sidebar or dialog that was shown. */
export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number;
  height: number;
}

/** An alert that was shown, with the button the simulated user pressed. */
export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: string;
  response: string;
}

/** A toast that was shown. */
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** What one execution showed to its user. */
export class UiLog {
  readonly menus: MenuRecord[] = [];
  readonly shown: ShownHtml[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  private responses_: ButtonValue[] = [];

  /**
   * Queues the button the simulated user presses on the next alert. Without one the first
   * button of the set is pressed (OK or YES).
   * @param button e.g. Button.NO
   */
  queueAlertResponse(button: ButtonValue): void {
    this.responses_.push(button);
  }

  /** The next queued response, if any. */
  nextResponse_(): ButtonValue | undefined {
    return this.responses_.shift();
  }

  /** The last sidebar shown, if any. */
  lastSidebar(): ShownHtml | undefined {
    return [...this.shown].reverse().find((s) => s.kind === 'sidebar');
  }
}

const BUTTON_SETS_: readonly ButtonSetValue[] = [
  ButtonSet.OK,
  ButtonSet.OK_CANCEL,
  ButtonSet.YES_NO,
  ButtonSet.YES_NO_CANCEL,
];

function toButtonSet_(value: string | ButtonSetValue): ButtonSetValue {
  const found = BUTTON_SETS_.find((set) => String(set) === String(value));
  if (found === undefined) throw new Error(`Invalid argument: buttons (${String(value)})`);
  return found;
}

const MENU_METHODS = [
  'addItem',
  'addSeparator',
  'addToUi',
] as const satisfies readonly (keyof GoogleAppsScript.Base.Menu)[];

/** A menu being built. */
export class FakeMenu implements FakeOf<GoogleAppsScript.Base.Menu, (typeof MENU_METHODS)[number]> {
  readonly record_: MenuRecord;

  /**
   * @param ctx_ the execution
   * @param caption menu caption
   * @param addon whether it is the add-on menu
   */
  constructor(
    readonly ctx_: ExecutionContext,
    caption: string,
    addon: boolean,
  ) {
    this.record_ = { caption, addon, items: [] };
  }

  /** @param caption item label @param functionName global function to run */
  addItem(caption: string, functionName: string): FakeMenu {
    this.record_.items.push({ caption, functionName });
    return this;
  }

  /** Adds a separator. */
  addSeparator(): FakeMenu {
    this.record_.items.push({ separator: true });
    return this;
  }

  /** Adds the menu to the UI (replacing a menu of the same caption). */
  addToUi(): void {
    const menus = this.ctx_.ui.menus;
    const copy: MenuRecord = JSON.parse(JSON.stringify(this.record_));
    const at = menus.findIndex((m) => m.caption === copy.caption && m.addon === copy.addon);
    if (at >= 0) menus[at] = copy;
    else menus.push(copy);
  }
}
instrument(FakeMenu, 'Menu', MENU_METHODS);

const UI_METHODS = [
  'alert',
  'createAddonMenu',
  'createMenu',
  'showSidebar',
] as const satisfies readonly (keyof GoogleAppsScript.Base.Ui)[];

/** The spreadsheet's user interface. */
export class FakeUi implements FakeOf<GoogleAppsScript.Base.Ui, (typeof UI_METHODS)[number] | 'Button' | 'ButtonSet'> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /**
   * alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); returns the queued
   * response, else the first button of the set (OK or YES).
   * @param a prompt, or title when three arguments are given
   * @param b buttons, or prompt when three arguments are given
   * @param c buttons
   */
  alert(a: string, b?: string | ButtonSetValue, c?: ButtonSetValue): ButtonValue {
    const title = c === undefined ? '' : a;
    const prompt = c === undefined ? a : String(b);
    const buttons = c ?? (b === undefined ? ButtonSet.OK : toButtonSet_(b));
    const response = this.ctx_.ui.nextResponse_() ?? (String(buttons).startsWith('YES') ? Button.YES : Button.OK);
    this.ctx_.ui.alerts.push({ title, prompt, buttons: String(buttons), response: String(response) });
    return response;
  }

  /** The add-on's menu under Extensions. */
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this.ctx_, '(add-on)', true);
  }

  /** @param caption a top-level menu */
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.ctx_, caption, false);
  }

  /** @param html the sidebar (always 300 px wide in Sheets) */
  showSidebar(html: FakeHtmlOutput): void {
    this.show_('sidebar', html, html.title_);
  }

  private show_(kind: ShownHtml['kind'], html: FakeHtmlOutput, title: string): void {
    this.ctx_.ui.shown.push({
      kind,
      title,
      content: html.content_,
      width: kind === 'sidebar' ? 300 : html.width_,
      height: html.height_,
    });
  }
}
instrument(FakeUi, 'Ui', UI_METHODS);
