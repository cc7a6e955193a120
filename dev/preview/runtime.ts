/**
 * The preview's Apps Script stand-in: the built bundle (dist/*.js) run against an in-memory
 * workbook (dev/fakes), one google.script.run call at a time, the way Apps Script runs it:
 *
 * - every call is a new execution with fresh global state: a new vm context gets the fake
 *   services and runs the bundle's files again (compiled once), then the named top-level
 *   function is called with arguments parsed *inside* that context (its own Object/Array);
 * - only top-level functions whose names do not end in `_` can be called (Apps Script:
 *   guides/html/reference/run — private functions end with an underscore);
 * - the result goes back as Apps Script serialises it (see toTransferable).
 *
 * Formulas are computed by the bundle's own custom functions, loaded once into a separate
 * long-lived context, as in test/support/workbook.ts. A "today" can be given (and changed) so
 * that a demo of FY 2565 has a today inside FY 2565: the workbook's fake clock follows the host
 * clock shifted to that day, and the bundle's `new Date()` reads it.
 *
 * The page can also type into cells as the current user (Range.setValue of the typed text, so
 * the stand-in reads it as Sheets reads typing: numbers, dates, formulas, protections), switch
 * the user between the owner, the province editors and each district's officers named in the
 * settings, an editor named nowhere and an account whose e-mail Google hides, and run the OTOP
 * menu's items as the bundle's own onOpen builds the menu.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script, runInContext, type Context } from 'node:vm';
import {
  createFakeWorkbook,
  type FakeExecution,
  type FakeWorkbook,
  fakeDateClass,
  globalScope,
  snapshotWorkbook,
  type WorkbookSnapshot,
} from '../fakes';
import { rectA1 } from '../fakes/a1';
import { NONG_KHAI_DISTRICTS } from '../../src/features/setup/rules/districts';
import { LABEL, readSettings } from '../../src/kernel/settings';
import { readProjectHtml } from './projectHtml';

/** What a call returns to the client: a value, or an error with name and message. */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

/** The cell the last execution selected (SpreadsheetApp active range / sheet). */
export interface Selection {
  sheet: string;
  /** A1 range, or '' when only the sheet was activated. */
  range: string;
}

/** Options of the runtime. */
export interface RuntimeOptions {
  /** the folder with the built Code.js (and any other *.js, loaded in name order like clasp) */
  distDir: string;
  /** the spreadsheet owner */
  owner: string;
  /**
   * who runs the sidebar's google.script.run calls (default the owner), made an editor of the
   * workbook (only editors can open a bound script's sidebar); "" = an anonymous caller
   */
  user?: string;
  /** Google hides `user`'s address from Session (their rights still apply) */
  hideEmail?: boolean;
  /** workbook name shown in the preview */
  name?: string;
  /** 'yyyy-mm-dd': the day scripts see as today (the time of day stays real); null = real clock */
  today?: string | null;
  /** start from a workbook prepared earlier (PreviewRuntime.prepared) instead of a new one */
  from?: PreparedRuntime;
}

/** A runtime's workbook and what the page shows of it, kept to start other runtimes from. */
export interface PreparedRuntime {
  readonly snapshot: WorkbookSnapshot;
  readonly selection: Selection | null;
  readonly messages: readonly PreviewRuntime['messages'][number][];
}

/**
 * A Date constructor whose "now" is shifted by a fixed offset. It shares the host Date's
 * prototype, so Dates made by the fakes (host realm) are `instanceof` it and vice versa.
 * @param offsetMs added to the real clock
 */
export function shiftedDate(offsetMs: number): DateConstructor {
  const Host = Date;
  const now = () => Host.now() + offsetMs;
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Host(now()).toString();
    return args.length === 0 ? new Host(now()) : Reflect.construct(Host, args);
  }
  ClockDate.prototype = Host.prototype;
  ClockDate.now = now;
  ClockDate.parse = Host.parse;
  ClockDate.UTC = Host.UTC;
  return ClockDate as unknown as DateConstructor;
}

/**
 * The offset that makes the local (script time zone) calendar day `today` while keeping the
 * time of day.
 * @param today 'yyyy-mm-dd'
 * @param now the real moment
 */
export function offsetToDay(today: string, now = new Date()): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new Error(`today must be yyyy-mm-dd, not "${today}"`);
  const target = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return target.getTime() - midnight.getTime();
}

/** A user the page can switch to. */
export interface PreviewUser {
  readonly email: string;
  /** Google hides the address (a consumer account outside the owner's domain) */
  readonly hideEmail: boolean;
  /** who it is, Thai */
  readonly label: string;
}

/** An editor of the file named nowhere in the settings. */
export const OUTSIDER = 'outsider@example.com';
/** An account whose address Google hides (e.g. a personal Gmail account). */
export const HIDDEN_USER = 'personal@gmail.example';

/** What typing into a cell did. */
export type EditOutcome = { ok: true } | { ok: false; message: string };

/** Thrown for values Apps Script cannot carry; the message is the one its client library uses. */
export class TransferError extends Error {}

const isDateLike = (v: object) => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Converts a server function's result the way google.script.run carries it: primitives,
 * arrays and plain objects (from any realm); `undefined` result → null, undefined or function
 * members dropped (in arrays: null), NaN/Infinity → null, Map/Set/other class instances → {}
 * (as Apps Script's own objects arrive: an empty object). A Date anywhere fails the call: Apps
 * Script would hand the success handler null without a word, the preview says why instead.
 * @param value the result
 * @param path where in the result (for the message)
 * @param seen the objects above this one (cycle check)
 */
export function toTransferable(value: unknown, path = '', seen: object[] = []): unknown {
  return member_(value, path, seen) ?? null;
}

/** One member of a result: undefined when it is dropped. */
function member_(value: unknown, path: string, seen: object[]): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TransferError(`Failed due to illegal value in property: ${path || '(return value)'}`);
    default:
      break;
  }
  const obj = value as object;
  if (isDateLike(obj)) {
    throw new TransferError(
      `Failed due to illegal value in property: ${path || '(return value)'} — a Date cannot be returned through google.script.run ` +
        '(Apps Script would pass null to the success handler); return an ISO text instead',
    );
  }
  if (seen.includes(obj)) throw new TransferError('Failed due to circular reference.');
  seen.push(obj);
  try {
    if (Array.isArray(obj)) return obj.map((v, i) => member_(v, path ? `${path}.${i}` : String(i), seen) ?? null);
    const proto = Object.getPrototypeOf(obj);
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (!plain) return {};
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      const v = member_((obj as Record<string, unknown>)[key], path ? `${path}.${key}` : key, seen);
      if (v !== undefined) out[key] = v;
    }
    return out;
  } finally {
    seen.pop();
  }
}

interface LoadedScripts {
  /** newest modification time of the files, to reload after `npm run build` */
  stamp: string;
  scripts: Script[];
}

/** The workbook, the bundle and the calls. */
export class PreviewRuntime {
  readonly book: FakeWorkbook;
  readonly owner: string;
  /** who runs the google.script.run calls and types into cells ("" = an anonymous caller) */
  user: string;
  /** whether Google hides the user's address */
  hideEmail: boolean;
  /** the day scripts see as today, or null for the real clock */
  today: string | null;
  selection: Selection | null = null;
  /** toasts and alerts the executions showed, oldest first (the last 50); n counts them all */
  readonly messages: { kind: 'toast' | 'alert'; title: string; text: string; n: number }[] = [];
  private shown_ = 0;
  private loaded_: LoadedScripts | null = null;
  private formulaContext_: Context | null = null;
  /** The menu built for a user and bundle (menu()). */
  private menu_: { key: string; items: { caption: string; functionName: string }[] } | null = null;
  private readonly Date_: DateConstructor;

  /** @param options where the bundle is, who owns the workbook, which day is today */
  constructor(private readonly options: RuntimeOptions) {
    this.owner = options.owner;
    this.user = options.user ?? options.owner;
    this.hideEmail = options.hideEmail ?? false;
    this.today = null;
    this.book =
      options.from?.snapshot.restore().book ??
      createFakeWorkbook({
        owner: options.owner,
        editors: this.user && this.user !== options.owner ? [this.user] : [],
        name: options.name ?? 'OTOP',
        htmlFiles: this.htmlFiles_(),
      });
    if (options.from) {
      this.selection = options.from.selection;
      this.messages.push(...options.from.messages.map((m) => ({ ...m })));
      this.shown_ = this.messages.at(-1)?.n ?? 0;
    }
    // Host-realm Dates (as the fakes make them), whose "now" is the workbook's clock.
    this.Date_ = fakeDateClass(this.book.clock.now, Date);
    this.setToday(options.today ?? null);
    this.installFormulaFunctions_();
  }

  /** This runtime's workbook as it stands (snapshotWorkbook) and what the page shows of it. */
  prepared(): PreparedRuntime {
    return {
      snapshot: snapshotWorkbook(this.book, []),
      selection: this.selection,
      messages: this.messages.map((m) => ({ ...m })),
    };
  }

  /**
   * Sets the day scripts see as today (the time of day stays real); null: the real clock.
   * Formulas are computed again (TODAY(), and what depends on the day).
   * @param today 'yyyy-mm-dd', or null
   */
  setToday(today: string | null): void {
    this.book.clock.followHost(today ? offsetToDay(today) : 0);
    this.today = today;
    this.book.spreadsheet.ctx_.book.touch();
  }

  /**
   * Switches the user of the calls and of typing (made an editor of the file, as anyone who can
   * open a bound script's sidebar is).
   * @param email the address ("" = an anonymous caller)
   * @param hideEmail Google hides it from Session
   */
  setUser(email: string, hideEmail = false): void {
    const model = this.book.spreadsheet.ctx_.book;
    if (email && email !== this.owner && !model.editors.includes(email)) model.editors.push(email);
    this.user = email;
    this.hideEmail = hideEmail;
  }

  /**
   * The users the page offers: the owner, the province editors and each district's officers
   * named in the settings sheet, an editor named nowhere, and an account whose address Google
   * hides.
   */
  users(): PreviewUser[] {
    const out: PreviewUser[] = [{ email: this.owner, hideEmail: false, label: 'เจ้าของไฟล์ (จังหวัด)' }];
    const settings = this.book.spreadsheet.getSheetByName('ตั้งค่า');
    if (settings) {
      const names = NONG_KHAI_DISTRICTS.map((d) => d.name);
      const read = readSettings(settings.getDataRange().getValues(), names).settings;
      for (const email of read.provinceEditors) {
        out.push({ email, hideEmail: false, label: 'ผู้แก้ไขระดับจังหวัด' });
      }
      for (const name of names) {
        for (const email of read.districtEditors[name] ?? []) {
          out.push({ email, hideEmail: false, label: `เจ้าหน้าที่ อ.${name}` });
        }
      }
    }
    out.push({ email: OUTSIDER, hideEmail: false, label: `ผู้แก้ไขไฟล์ที่ไม่มีชื่อในชีตตั้งค่า (${LABEL.provinceEditors} ฯลฯ)` });
    out.push({ email: HIDDEN_USER, hideEmail: true, label: 'บัญชีที่ Google ไม่เปิดเผยอีเมล' });
    const seen = new Set<string>();
    return out.filter((u) => {
      const key = `${u.email}|${u.hideEmail}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * Types text into a cell as the current user, as Sheets takes typing: Range.setValue of the
   * text (the stand-in parses it: numbers, dates, TRUE, a leading "=" makes a formula, a leading
   * apostrophe keeps text; "" clears), refused where the user's rights do not reach.
   * @param sheet the sheet's name
   * @param cell the cell, e.g. B5
   * @param text what was typed
   */
  edit(sheet: string, cell: string, text: string): EditOutcome {
    if (typeof sheet !== 'string' || typeof cell !== 'string' || typeof text !== 'string') {
      return { ok: false, message: 'expected {sheet, cell, text}' };
    }
    const run = this.book.createExecution({ user: this.user, hideEmail: this.hideEmail });
    try {
      const target = run.spreadsheet.getSheetByName(sheet);
      if (!target) return { ok: false, message: `ไม่มีชีต "${sheet}"` };
      if (!/^[A-Z]{1,3}[1-9][0-9]*$/.test(cell)) return { ok: false, message: `"${cell}" ไม่ใช่เซลล์` };
      target.getRange(cell).setValue(text);
      this.selection = { sheet, range: cell };
      return { ok: true };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    } finally {
      run.end();
    }
  }

  /**
   * The OTOP menu as the bundle's own onOpen builds it for the current user. As in Sheets, where
   * onOpen builds the menu when the file opens, not after every script run, it is built once per
   * user (and address shown or hidden) and bundle, then kept: the page asks for it with every
   * view of the workbook, and each build is an execution loading the whole bundle (10 ms).
   */
  menu(): { caption: string; functionName: string }[] {
    this.scripts_(); // reloads a rebuilt bundle, whose menu is built anew
    const key = `${this.loaded_?.stamp}\n${this.user}\n${this.hideEmail}`;
    if (this.menu_?.key !== key) {
      const items = this.buildMenu_();
      if (items === null) return []; // onOpen failed: tried again at the next view
      this.menu_ = { key, items };
    }
    return this.menu_.items.map((item) => ({ ...item }));
  }

  /** The menu onOpen builds in an execution of the current user; null when onOpen fails. */
  private buildMenu_(): { caption: string; functionName: string }[] | null {
    const run = this.book.createExecution({ user: this.user, hideEmail: this.hideEmail });
    try {
      const onOpen = (this.load_(run) as Record<string, unknown>).onOpen;
      if (typeof onOpen !== 'function') return [];
      onOpen({ authMode: 'LIMITED' });
      return run.ui.menus.flatMap((m) =>
        m.items.flatMap((item) =>
          'functionName' in item ? [{ caption: item.caption, functionName: item.functionName }] : [],
        ),
      );
    } catch {
      return null;
    } finally {
      run.end();
    }
  }

  /** The HTML files of the project (dist/*.html), for HtmlService.createHtmlOutputFromFile. */
  private htmlFiles_(): Record<string, string> {
    return readProjectHtml(this.options.distDir);
  }

  /**
   * The sidebar page as the add-on shows it: the bundle's showSidebar() run as the owner (so a
   * templated page is evaluated by the fake HtmlService), else the raw dist/Sidebar.html.
   */
  sidebarHtml(): string {
    Object.assign(this.book.spreadsheet.ctx_.book.htmlFiles, this.htmlFiles_());
    const run = this.book.createExecution({ user: this.owner });
    try {
      const context = this.load_(run);
      const show = (context as Record<string, unknown>).showSidebar;
      if (typeof show === 'function') {
        show();
        const shown = run.ui.lastSidebar();
        if (shown) return shown.content;
      }
    } catch {
      // fall through to the file itself
    } finally {
      run.end();
    }
    return readFileSync(join(this.options.distDir, 'Sidebar.html'), 'utf8');
  }

  /**
   * The mobile page as the web app serves it to the preview's user: the bundle's doGet() run as
   * a web app's execution, its meta tags (addMetaTag) put into the page's head as Google's
   * outer page carries them, and its title.
   */
  mobileHtml(): string {
    Object.assign(this.book.spreadsheet.ctx_.book.htmlFiles, this.htmlFiles_());
    const run = this.book.createExecution({ user: this.user, hideEmail: this.hideEmail, webApp: true });
    try {
      const doGet = (this.load_(run) as Record<string, unknown>).doGet;
      if (typeof doGet !== 'function') throw new Error('the bundle has no doGet: run npm run build');
      // what is served (content_), as the sidebar's (fakes/ui.ts): not getContent's view of it
      const output = doGet({ parameter: {} }) as {
        content_: string;
        getTitle(): string;
        metaTags_: { name: string; content: string }[];
      };
      const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
      const head = [
        ...output.metaTags_.map((m) => `<meta name="${escapeText(m.name)}" content="${escapeText(m.content)}">`),
        `<title>${escapeText(output.getTitle())}</title>`,
      ].join('');
      return output.content_.replace('<head>', `<head>${head}`);
    } finally {
      run.end();
    }
  }

  /**
   * The bundle's scripts, recompiled when dist/ changed since the last call; the project's HTML
   * files are read again with them (Code.js reads its server part from Server.html, which a
   * rebuild changes with it).
   */
  private scripts_(): Script[] {
    const all = readdirSync(this.options.distDir).sort();
    const files = all.filter((f) => f.endsWith('.js'));
    if (files.length === 0) throw new Error(`no script in ${this.options.distDir}: run npm run build`);
    const stamp = all
      .filter((f) => f.endsWith('.js') || f.endsWith('.html'))
      .map((f) => `${f}:${statSync(join(this.options.distDir, f)).mtimeMs}`)
      .join('|');
    if (this.loaded_?.stamp !== stamp) {
      const scripts = files.map(
        (f) => new Script(readFileSync(join(this.options.distDir, f), 'utf8'), { filename: f }),
      );
      if (this.loaded_ !== null) Object.assign(this.book.spreadsheet.ctx_.book.htmlFiles, this.htmlFiles_());
      this.loaded_ = { stamp, scripts };
      this.formulaContext_ = null;
    }
    return this.loaded_.scripts;
  }

  /** A fresh global scope with the given services and the bundle loaded: one execution's. */
  private load_(run: FakeExecution): Context {
    const context = globalScope({ ...run.globals, Date: this.Date_ });
    for (const script of this.scripts_()) script.runInContext(context);
    return context;
  }

  /** Custom functions for formulas, from one long-lived scope (reloaded with the bundle). */
  private installFormulaFunctions_(): void {
    this.book.spreadsheet.setFunctions((name) => {
      if (!this.formulaContext_ || this.loaded_ === null) {
        this.scripts_();
        this.formulaContext_ = this.load_(this.book.createExecution({ user: this.owner }));
      }
      const fn = (this.formulaContext_ as Record<string, unknown>)[name];
      return typeof fn === 'function' && !name.endsWith('_') ? (fn as (...a: unknown[]) => unknown) : undefined;
    });
  }

  /**
   * The functions google.script.run can call: the bundle's top-level functions (not the
   * services or other globals the preview installs), minus those ending in `_`.
   */
  callableFunctions(): string[] {
    const run = this.book.createExecution({ user: this.owner });
    try {
      const context = this.load_(run);
      const installed = new Set([...Object.keys(run.globals), 'Date']);
      return Object.keys(context)
        .filter(
          (k) => !installed.has(k) && typeof (context as Record<string, unknown>)[k] === 'function' && !k.endsWith('_'),
        )
        .sort();
    } finally {
      run.end();
    }
  }

  /**
   * Runs one google.script.run call as a new execution.
   * @param fn the function's name
   * @param args the arguments, as JSON-compatible values
   * @param user who calls; default the preview's user (the owner unless told otherwise)
   * @param hideEmail Google hides the caller's address; default the preview user's setting
   * @param webApp the call comes from the mobile page (a web app's run: no active spreadsheet)
   */
  call(
    fn: string,
    args: unknown[],
    user = this.user,
    hideEmail = user === this.user && this.hideEmail,
    webApp = false,
  ): CallOutcome {
    if (typeof fn !== 'string' || fn.endsWith('_') || !/^[A-Za-z_$][\w$]*$/.test(fn)) {
      return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${String(fn)}` } };
    }
    // Session.getEffectiveUser: "In most other cases, this returns the same account as
    // getActiveUser()" (reference/base/session); that a hidden address is hidden there too is
    // unconfirmed, so the preview takes the worse case (both "").
    const run = this.book.createExecution({
      user,
      effectiveUser: user,
      hideEmail,
      activeSheet: webApp ? undefined : this.activeSheetName_(),
      webApp,
    });
    try {
      const context = this.load_(run);
      const target = (context as Record<string, unknown>)[fn];
      const installed = fn in run.globals || fn === 'Date';
      if (typeof target !== 'function' || installed) {
        return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${fn}` } };
      }
      // Arguments arrive as copies made in the execution's own realm.
      const parse = runInContext('JSON.parse', context) as (text: string) => unknown[];
      const realmArgs = parse(JSON.stringify(args ?? []));
      let result: unknown;
      try {
        result = (target as (...a: unknown[]) => unknown)(...realmArgs);
      } catch (error) {
        const e = error as { name?: unknown; message?: unknown } | null;
        const isError = e !== null && typeof e === 'object' && typeof e.message === 'string';
        return {
          ok: false,
          error: {
            name: isError && typeof e.name === 'string' ? e.name : 'Error',
            message: isError ? String(e.message) : String(error),
          },
        };
      }
      try {
        return { ok: true, value: toTransferable(result) };
      } catch (error) {
        return { ok: false, error: { name: 'Error', message: (error as Error).message } };
      }
    } finally {
      this.rememberSelection_(run);
      for (const t of run.ui.toasts)
        this.messages.push({ kind: 'toast', title: t.title, text: t.message, n: ++this.shown_ });
      for (const a of run.ui.alerts)
        this.messages.push({ kind: 'alert', title: a.title, text: a.prompt, n: ++this.shown_ });
      if (this.messages.length > 50) this.messages.splice(0, this.messages.length - 50);
      run.end();
    }
  }

  private activeSheetName_(): string | undefined {
    const name = this.selection?.sheet;
    return name && this.book.spreadsheet.ctx_.book.sheetByName(name) ? name : undefined;
  }

  /** Keeps what the execution selected, as the user's view of the spreadsheet would. */
  private rememberSelection_(run: FakeExecution): void {
    const ctx = run.spreadsheet.ctx_;
    if (ctx.activeRange) {
      this.selection = { sheet: ctx.activeRange.sheet.name, range: rectA1(ctx.activeRange.rect) };
    } else if (ctx.activeSheet && ctx.activeSheet.name !== this.selection?.sheet) {
      this.selection = { sheet: ctx.activeSheet.name, range: '' };
    }
  }

  /**
   * Selects a sheet (and a range) as the user would by clicking a tab or a cell.
   * @param sheet the sheet's name
   * @param range an A1 range, or ''
   */
  select(sheet: string, range = ''): void {
    if (this.book.spreadsheet.ctx_.book.sheetByName(sheet)) this.selection = { sheet, range };
  }
}
