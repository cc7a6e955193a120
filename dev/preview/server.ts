/**
 * The local preview server (`npm start`): the real sidebar page (dist/Sidebar.html, as the
 * bundle's showSidebar() produces it) with a google.script.run shim injected, a page beside it
 * that shows the in-memory workbook, and the endpoint the shim calls. Loopback only; no
 * Google account, no network. See dev/preview/README.md for the rules the shim enforces.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderSheet } from '../fakes';
import { chartViews } from './chartView';
import { DEMO_OWNER, DEMO_TODAY, DEMO_WORKBOOK_NAME, isOwnerOnly, seedDemo } from './demo';
import { type PreparedRuntime, PreviewRuntime, type RuntimeOptions } from './runtime';

/** How many google.script.run calls one page may have open (guides/html/communication). */
export const MAX_IN_FLIGHT = 10;
const MAX_BODY = 1 << 20;
const MAX_ROWS_SHOWN = 400;
/** Blank rows shown below each sheet's content, to type new rows into. */
const BLANK_ROWS = 20;

/** Options of the preview server. */
export interface PreviewOptions {
  /** the project folder: dist/ and dev/preview/ are read from it */
  root: string;
  /** the built bundle and pages; default root/dist */
  distDir?: string;
  /** port to try first (default 8080); 0 = any free port. A busy port falls back to a free one. */
  port?: number;
  /** default 127.0.0.1 (loopback only) */
  host?: string;
  /** the day scripts see as today ('yyyy-mm-dd'), null = the real clock; default DEMO_TODAY */
  today?: string | null;
  /** fills the workbook (default: set-up and the demo entries) */
  seed?: (runtime: PreviewRuntime) => void;
  /** delay before each call runs, to see the sidebar's busy states (default 0) */
  latencyMs?: number;
  /** who runs the sidebar's calls and types into cells (default the owner, DEMO_OWNER); "" = an anonymous caller */
  user?: string;
  /** Google hides the user's address from Session (their rights still apply) */
  hideEmail?: boolean;
}

/** A running preview. */
export interface PreviewServer {
  readonly url: string;
  readonly port: number;
  readonly runtime: PreviewRuntime;
  /** the most calls one page had open at once, as the server saw them */
  readonly peakInFlight: () => number;
  close(): Promise<void>;
}

/** One line of the call log shown under the workbook. */
interface LoggedCall {
  at: string;
  fn: string;
  ok: boolean;
  ms: number;
  message: string;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

const html = (res: ServerResponse, body: string) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON for a <script> element: nothing in it can close the element. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Puts the shim first in the page's <head>, before any of the page's own scripts.
 * @param page the sidebar HTML
 * @param shim the shim's source
 * @param config what the shim needs (callable functions, endpoint)
 */
export function injectShim(page: string, shim: string, config: unknown): string {
  const tag = `<script>/* google.script.run preview shim (dev/preview/shim.js) */\n${shim.replace(/<\/script/gi, '<\\/script')}\n(${'window.__gasPreviewInstall'})(${scriptJson(config)});</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(page);
  if (head) return page.slice(0, head.index + head[0].length) + tag + page.slice(head.index + head[0].length);
  return tag + page;
}

/**
 * The workbook as the preview page shows it: every sheet's display values and effective
 * colours (conditional formats applied, by dev/fakes renderSheet), the selection, sent mails,
 * toasts and alerts, and the call log.
 * @param runtime the preview runtime
 * @param calls the call log
 * @param shown the sheet the page shows (`?sheet=`): only its rows, the selection's and the
 *     first sheet's are rendered (the page shows one of them; the others' are marked `partial`
 *     and fetched when their tab is chosen); absent, every sheet's rows
 */
function workbookView(runtime: PreviewRuntime, calls: LoggedCall[], shown?: string | null) {
  const book = runtime.book.spreadsheet.ctx_.book;
  const all = runtime.book.spreadsheet.getSheets();
  const wanted =
    shown === undefined || shown === null
      ? null
      : new Set([shown, runtime.selection?.sheet, all[0]?.sheet_.name].filter((n) => n !== undefined));
  const sheets = all.map((sheet) => {
    const model = sheet.sheet_;
    let rows: ReturnType<typeof renderSheet> = [];
    let error = '';
    const partial = wanted !== null && !wanted.has(model.name);
    try {
      if (!partial) rows = renderSheet(sheet, { blankRows: BLANK_ROWS });
    } catch (e) {
      error = (e as Error).message;
    }
    return {
      name: model.name,
      hidden: model.hidden,
      tabColor: model.tabColor,
      frozenRows: model.frozenRows,
      columnWidths: Object.fromEntries(model.columnWidths),
      totalRows: rows.length,
      charts: partial ? [] : chartViews(sheet),
      error,
      ...(partial ? { partial: true } : {}),
      rows: rows.slice(0, MAX_ROWS_SHOWN).map((line, r) =>
        line.map((cell, c) => {
          const data = model.cell(r + 1, c + 1);
          const link = hyperlink(data?.formula, book.sheets);
          return {
            v: link ? link.label : cell.value,
            bg: cell.background,
            fg: link ? '#1155cc' : cell.fontColor,
            b: cell.bold,
            ...(data?.note ? { n: data.note } : {}),
            ...(link ? { l: link.target } : {}),
            // what the formula bar shows: the formula, as Sheets shows it for editing
            ...(data?.formula ? { f: data.formula } : {}),
          };
        }),
      ),
    };
  });
  return {
    name: book.name,
    owner: runtime.owner,
    user: { email: runtime.user, hideEmail: runtime.hideEmail },
    users: runtime.users(),
    menu: runtime.menu(),
    today: runtime.today,
    selection: runtime.selection,
    sheets,
    mails: runtime.book.sentMails.map((m) => ({
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      body: m.body,
      htmlBody: m.htmlBody,
    })),
    messages: runtime.messages,
    calls: calls.slice(-30),
  };
}

/**
 * The stand-in has no HYPERLINK (its cells show #NAME?); the preview shows such a cell as Sheets
 * does, its label as a link: to a cell of this workbook (`#gid=…&range=A4`) or a web address.
 * @param formula the cell's formula, if any
 * @param sheets the workbook's sheets (ids and names)
 */
function hyperlink(formula: string | undefined, sheets: readonly { id: number; name: string }[]) {
  const m = formula ? /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(formula) : null;
  if (!m) return null;
  const url = m[1].replace(/""/g, '"');
  const label = (m[2] ?? m[1]).replace(/""/g, '"');
  const internal = /^#gid=(\d+)(?:&range=([A-Z]+\d+(?::[A-Z]+\d+)?))?$/.exec(url);
  if (internal) {
    const sheet = sheets.find((s) => s.id === Number(internal[1]));
    return { label, target: sheet ? { sheet: sheet.name, range: internal[2] ?? '' } : null };
  }
  return { label, target: /^https?:\/\//i.test(url) ? { url } : null };
}

/**
 * Listens on `port`, or on any free port when it is busy.
 * @param server the HTTP server
 * @param port first choice
 * @param host interface
 */
function listen(server: Server, port: number, host: string): Promise<number> {
  const attempt = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, host);
    });
  return attempt(port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || port === 0) throw error;
    return attempt(0);
  });
}

/** Workbooks seeded in this process, by seed and runtime settings (tests start many previews alike). */
const SEEDED_ = new Map<(runtime: PreviewRuntime) => void, Map<string, PreparedRuntime>>();

/**
 * A runtime with its workbook seeded: the seed runs once per seed function, runtime settings
 * and built bundle in a process, and later previews start from a snapshot of what it made. For
 * a seed acting as the owner only (demo.ts ownerOnly), the user counts only as what the seed
 * can see of them (seedKey_).
 * @param settings the runtime's options
 * @param seed fills the workbook
 */
function seeded_(settings: RuntimeOptions, seed: (runtime: PreviewRuntime) => void): PreviewRuntime {
  const bundle = statSync(join(settings.distDir, 'Code.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const key = JSON.stringify([seedKey_(settings, seed), bundle]);
  const bySeed = SEEDED_.get(seed) ?? new Map<string, PreparedRuntime>();
  SEEDED_.set(seed, bySeed);
  const prepared = bySeed.get(key);
  if (prepared) return new PreviewRuntime({ ...settings, from: prepared });
  const runtime = new PreviewRuntime(settings);
  seed(runtime);
  bySeed.set(key, runtime.prepared());
  return runtime;
}

/**
 * The runtime settings a seed's workbook depends on. A seed acting as the owner only sees the
 * user as the workbook's editor it is made (none for the owner and an anonymous caller: the
 * runtime's constructor) and, when the user is the owner, whether the address is hidden (its
 * calls as the owner are then hidden too): users alike in both share one seeded workbook.
 * @param settings the runtime's options
 * @param seed fills the workbook
 */
function seedKey_(settings: RuntimeOptions, seed: (runtime: PreviewRuntime) => void): unknown {
  if (!isOwnerOnly(seed)) return settings;
  const { user: given, hideEmail, ...rest } = settings;
  const user = given ?? settings.owner;
  return {
    ...rest,
    editors: user && user !== settings.owner ? [user] : [],
    ownerHidden: user === settings.owner && hideEmail === true,
  };
}

/**
 * Starts the preview: builds the workbook (seed), then serves it.
 * @param options see PreviewOptions
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const distDir = options.distDir ?? join(options.root, 'dist');
  const previewDir = join(options.root, 'dev', 'preview');
  const settings = {
    distDir,
    owner: DEMO_OWNER,
    user: options.user,
    hideEmail: options.hideEmail,
    name: DEMO_WORKBOOK_NAME,
    today: options.today === undefined ? DEMO_TODAY : options.today,
  };
  const runtime = seeded_(settings, options.seed ?? seedDemo);

  const calls: LoggedCall[] = [];
  const open = new Map<string, number>();
  let peak = 0;
  const latency = Math.max(0, options.latencyMs ?? 0);

  const runCall = async (req: IncomingMessage, res: ServerResponse, webApp = false) => {
    const page = String(req.headers['x-preview-page'] ?? 'unknown');
    const count = (open.get(page) ?? 0) + 1;
    if (count > MAX_IN_FLIGHT) {
      // The shim queues the 11th call (as Apps Script's client does); this only catches a
      // client that bypasses it.
      json(res, 429, {
        ok: false,
        error: { name: 'Error', message: `more than ${MAX_IN_FLIGHT} google.script.run calls in flight` },
      });
      return;
    }
    open.set(page, count);
    peak = Math.max(peak, count);
    try {
      const body = JSON.parse(await readBody(req)) as { fn?: unknown; args?: unknown };
      if (typeof body.fn !== 'string' || !Array.isArray(body.args)) {
        json(res, 400, { ok: false, error: { name: 'Error', message: 'expected {fn, args[]}' } });
        return;
      }
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      const started = Date.now();
      const outcome = runtime.call(body.fn, body.args, undefined, undefined, webApp);
      calls.push({
        at: new Date().toISOString(),
        fn: body.fn,
        ok: outcome.ok,
        ms: Date.now() - started,
        message: outcome.ok ? '' : outcome.error.message,
      });
      if (calls.length > 200) calls.splice(0, calls.length - 200);
      json(res, 200, outcome);
    } finally {
      open.set(page, (open.get(page) ?? 1) - 1);
    }
  };

  const sidebarPage = () => {
    const page = runtime.sidebarHtml();
    const shim = readFileSync(join(previewDir, 'shim.js'), 'utf8');
    return injectShim(page, shim, {
      endpoint: '/gas/run',
      functions: runtime.callableFunctions(),
      maxInFlight: MAX_IN_FLIGHT,
    });
  };

  // The mobile page (/app): doGet's page as the web app serves it to the preview's user, its
  // calls run as web-app executions (no active spreadsheet: the workbook opened by its id).
  const mobilePage = () =>
    injectShim(runtime.mobileHtml(), readFileSync(join(previewDir, 'shim.js'), 'utf8'), {
      endpoint: '/gas/app',
      functions: runtime.callableFunctions(),
      maxInFlight: MAX_IN_FLIGHT,
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Loopback names only (a page elsewhere cannot reach the preview through DNS rebinding).
    if (!/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(String(req.headers.host))) {
      json(res, 403, { ok: false, error: { name: 'Error', message: 'forbidden host' } });
      return;
    }
    if (req.method === 'POST') {
      // Only this origin's pages may call: a JSON body (so other sites need a CORS preflight,
      // which is never granted) and, when the browser says where it comes from, our origin.
      const origin = req.headers.origin;
      const ours = origin === undefined || origin === `http://${req.headers.host}`;
      if (!ours || !String(req.headers['content-type']).startsWith('application/json')) {
        json(res, 403, { ok: false, error: { name: 'Error', message: 'forbidden' } });
        return;
      }
    }
    if (req.method === 'GET' && url.pathname === '/')
      return html(res, readFileSync(join(previewDir, 'index.html'), 'utf8'));
    if (req.method === 'GET' && url.pathname === '/sidebar') return html(res, sidebarPage());
    if (req.method === 'GET' && url.pathname === '/api/workbook')
      return json(res, 200, workbookView(runtime, calls, url.searchParams.get('sheet')));
    if (req.method === 'POST' && url.pathname === '/gas/run') return runCall(req, res);
    if (req.method === 'GET' && url.pathname === '/app') return html(res, mobilePage());
    if (req.method === 'POST' && url.pathname === '/gas/app') return runCall(req, res, true);
    if (req.method === 'POST' && url.pathname === '/api/edit') {
      const body = JSON.parse(await readBody(req)) as { sheet?: unknown; cell?: unknown; text?: unknown };
      const outcome = runtime.edit(body.sheet as string, body.cell as string, body.text as string);
      if (outcome.ok)
        calls.push({ at: new Date().toISOString(), fn: `(typed ${String(body.cell)})`, ok: true, ms: 0, message: '' });
      return json(res, 200, outcome);
    }
    if (req.method === 'POST' && url.pathname === '/api/user') {
      const body = JSON.parse(await readBody(req)) as { email?: unknown; hideEmail?: unknown };
      if (typeof body.email !== 'string')
        return json(res, 400, { ok: false, error: { name: 'Error', message: 'expected {email}' } });
      runtime.setUser(body.email, body.hideEmail === true);
      return json(res, 200, { ok: true, user: { email: runtime.user, hideEmail: runtime.hideEmail } });
    }
    if (req.method === 'POST' && url.pathname === '/api/clock') {
      const body = JSON.parse(await readBody(req)) as { today?: unknown };
      const today = body.today === null ? null : String(body.today);
      try {
        runtime.setToday(today);
      } catch (error) {
        return json(res, 400, { ok: false, error: { name: 'Error', message: (error as Error).message } });
      }
      return json(res, 200, { ok: true, today: runtime.today });
    }
    if (req.method === 'POST' && url.pathname === '/api/select') {
      const body = JSON.parse(await readBody(req)) as { sheet?: unknown; range?: unknown };
      if (typeof body.sheet === 'string') runtime.select(body.sheet, typeof body.range === 'string' ? body.range : '');
      return json(res, 200, { ok: true, selection: runtime.selection });
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    json(res, 404, { ok: false, error: { name: 'Error', message: 'not found' } });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) json(res, 500, { ok: false, error: { name: 'Error', message: error.message } });
      else res.end();
    });
  });
  const port = await listen(server, options.port ?? 8080, options.host ?? '127.0.0.1');
  return {
    url: `http://localhost:${port}/`,
    port,
    runtime,
    peakInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
