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
 * long-lived context, as in test/support/workbook.ts. A fixed "today" can be given so that a
 * demo of FY 2565 has a today inside FY 2565.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext, runInContext, type Context } from 'node:vm';
import { createFakeWorkbook, type FakeExecution, type FakeWorkbook } from '../fakes';
import { rectA1 } from '../fakes/a1';

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
   * workbook (only editors can open a bound script's sidebar); "" = Google hides the address
   */
  user?: string;
  /** workbook name shown in the preview */
  name?: string;
  /** 'yyyy-mm-dd': the day scripts see as today (the time of day stays real); null = real clock */
  today?: string | null;
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
  /** who runs the google.script.run calls ("" = a hidden address) */
  readonly user: string;
  /** the day scripts see as today, or null for the real clock */
  readonly today: string | null;
  selection: Selection | null = null;
  /** toasts and alerts the executions showed, oldest first */
  readonly messages: { kind: 'toast' | 'alert'; title: string; text: string }[] = [];
  private loaded_: LoadedScripts | null = null;
  private formulaContext_: Context | null = null;
  private readonly Date_: DateConstructor;

  /** @param options where the bundle is, who owns the workbook, which day is today */
  constructor(private readonly options: RuntimeOptions) {
    this.owner = options.owner;
    this.user = options.user ?? options.owner;
    this.today = options.today ?? null;
    this.Date_ = options.today ? shiftedDate(offsetToDay(options.today)) : Date;
    this.book = createFakeWorkbook({
      owner: options.owner,
      editors: this.user && this.user !== options.owner ? [this.user] : [],
      name: options.name ?? 'OTOP',
      htmlFiles: this.htmlFiles_(),
    });
    this.installFormulaFunctions_();
  }

  /** The HTML files of the project (dist/*.html), for HtmlService.createHtmlOutputFromFile. */
  private htmlFiles_(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const f of readdirSync(this.options.distDir).filter((n) => n.endsWith('.html'))) {
      files[f.replace(/\.html$/, '')] = readFileSync(join(this.options.distDir, f), 'utf8');
    }
    return files;
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

  /** The bundle's scripts, recompiled when dist/ changed since the last call. */
  private scripts_(): Script[] {
    const files = readdirSync(this.options.distDir)
      .filter((f) => f.endsWith('.js'))
      .sort();
    if (files.length === 0) throw new Error(`no script in ${this.options.distDir}: run npm run build`);
    const stamp = files.map((f) => `${f}:${statSync(join(this.options.distDir, f)).mtimeMs}`).join('|');
    if (this.loaded_?.stamp !== stamp) {
      const scripts = files.map(
        (f) => new Script(readFileSync(join(this.options.distDir, f), 'utf8'), { filename: f }),
      );
      this.loaded_ = { stamp, scripts };
      this.formulaContext_ = null;
    }
    return this.loaded_.scripts;
  }

  /** A fresh global scope with the given services and the bundle loaded: one execution's. */
  private load_(run: FakeExecution): Context {
    const context = createContext({ ...run.globals, Date: this.Date_ });
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
   */
  call(fn: string, args: unknown[], user = this.user): CallOutcome {
    if (typeof fn !== 'string' || fn.endsWith('_') || !/^[A-Za-z_$][\w$]*$/.test(fn)) {
      return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${String(fn)}` } };
    }
    // Session.getEffectiveUser: "In most other cases, this returns the same account as
    // getActiveUser()" (reference/base/session); that a hidden address is hidden there too is
    // unconfirmed, so the preview takes the worse case (both "").
    const run = this.book.createExecution({
      user,
      effectiveUser: user,
      activeSheet: this.activeSheetName_(),
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
      for (const t of run.ui.toasts) this.messages.push({ kind: 'toast', title: t.title, text: t.message });
      for (const a of run.ui.alerts) this.messages.push({ kind: 'alert', title: a.title, text: a.prompt });
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
