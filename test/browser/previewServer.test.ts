/**
 * The preview server without a browser: how it runs google.script.run calls (Apps Script's
 * rules), the demo workbook, the port fallback, and `npm start` stopping cleanly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownerOnly } from '../../dev/preview/demo';
import { startPreview, injectShim, type PreviewServer } from '../../dev/preview/server';
import { PreviewRuntime, shiftedDate, toTransferable } from '../../dev/preview/runtime';
import { ROOT } from './support/browser';
import { OFFICER, OFFICER_DISTRICT, officerSeed, STRANGER } from './support/roles';

jest.setTimeout(30_000);

// A tiny project standing in for dist/: top-level functions of every kind the rules care about.
const FIXTURE = `
function echo(x) { return x; }
function giveDate() { return { when: new Date(2022, 2, 25) }; }
function giveUndefined() {}
function giveMixed() { return { a: undefined, f: function () {}, list: [1, undefined, function () {}], n: NaN, m: new Map([[1, 2]]) }; }
function giveCycle() { var a = {}; a.self = a; return a; }
function boom() { throw new Error('ข้อมูลไม่ครบ'); }
function throwText() { throw 'แค่ข้อความ'; }
function isArrayHere(x) { return x instanceof Array; }
function today() { var d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()].join('-'); }
function hidden_() { return 'secret'; }
var notAFunction = 1;
`;

describe('a rebuild while the preview runs', () => {
  test("the next call runs the new Code.js with the new build's HTML files (Code.js reads its server part from one)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'otop-rebuild-'));
    try {
      const code = (n: number) =>
        `function part() { return HtmlService.createHtmlOutputFromFile('Part').getContent() + ' via ${n}'; }`;
      writeFileSync(join(dir, 'Code.js'), code(1));
      writeFileSync(join(dir, 'Part.html'), 'one');
      writeFileSync(join(dir, 'Sidebar.html'), '<html><head></head><body></body></html>');
      const runtime = new PreviewRuntime({ distDir: dir, owner: 'owner@example.com', today: '2022-04-18' });
      expect(runtime.call('part', [])).toEqual({ ok: true, value: 'one via 1' });
      writeFileSync(join(dir, 'Code.js'), code(2));
      writeFileSync(join(dir, 'Part.html'), 'two');
      const later = new Date(Date.now() + 60_000); // a later modification time, however fast the writes
      utimesSync(join(dir, 'Code.js'), later, later);
      utimesSync(join(dir, 'Part.html'), later, later);
      expect(runtime.call('part', [])).toEqual({ ok: true, value: 'two via 2' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the preview runtime', () => {
  let dist: string;
  let runtime: PreviewRuntime;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'otop-fixture-'));
    writeFileSync(join(dist, 'Code.js'), FIXTURE);
    writeFileSync(join(dist, 'Sidebar.html'), '<html><head></head><body></body></html>');
    runtime = new PreviewRuntime({ distDir: dist, owner: 'owner@example.com', today: '2022-04-18' });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  test('only top-level functions not ending in _ can be called', () => {
    expect(runtime.callableFunctions()).toEqual([
      'boom',
      'echo',
      'giveCycle',
      'giveDate',
      'giveMixed',
      'giveUndefined',
      'isArrayHere',
      'throwText',
      'today',
    ]);
    for (const name of ['hidden_', 'notAFunction', 'SpreadsheetApp', 'Date', 'missing', 'constructor']) {
      expect(runtime.call(name, [])).toEqual({
        ok: false,
        error: { name: 'ScriptError', message: `Script function not found: ${name}` },
      });
    }
  });

  test("arguments arrive as copies made in the execution's own realm", () => {
    expect(runtime.call('echo', [{ a: [1, 'สอง', null, true] }])).toEqual({
      ok: true,
      value: { a: [1, 'สอง', null, true] },
    });
    expect(runtime.call('isArrayHere', [[1]])).toEqual({ ok: true, value: true });
  });

  test('results are serialised as Apps Script does; a Date fails the call', () => {
    const date = runtime.call('giveDate', []);
    expect(date.ok).toBe(false);
    expect(!date.ok && date.error.message).toMatch(/^Failed due to illegal value in property: when/);
    expect(runtime.call('giveUndefined', [])).toEqual({ ok: true, value: null });
    expect(runtime.call('giveMixed', [])).toEqual({ ok: true, value: { list: [1, null, null], n: null, m: {} } });
    expect(runtime.call('giveCycle', [])).toEqual({
      ok: false,
      error: { name: 'Error', message: 'Failed due to circular reference.' },
    });
  });

  test('a thrown error reaches the client with its message', () => {
    expect(runtime.call('boom', [])).toEqual({ ok: false, error: { name: 'Error', message: 'ข้อมูลไม่ครบ' } });
    expect(runtime.call('throwText', [])).toEqual({ ok: false, error: { name: 'Error', message: 'แค่ข้อความ' } });
  });

  test('scripts see the demo day as today', () => {
    expect(runtime.call('today', [])).toEqual({ ok: true, value: '2022-4-18' });
    const Shifted = shiftedDate(24 * 3600 * 1000);
    expect(new Shifted().getTime() - Date.now()).toBeGreaterThan(24 * 3600 * 1000 - 1000);
    expect(new Shifted(2022, 0, 1)).toEqual(new Date(2022, 0, 1));
    expect(new Date() instanceof Shifted).toBe(true);
  });

  test('toTransferable keeps JSON values and plain objects from any realm', () => {
    expect(toTransferable({ a: 1, b: 'x', c: [true, null] })).toEqual({ a: 1, b: 'x', c: [true, null] });
    expect(toTransferable(Object.create(null))).toEqual({});
    expect(() => toTransferable([new Date()])).toThrow('Failed due to illegal value in property: 0');
  });

  test('the shim goes first in <head>, and data cannot close its <script>', () => {
    const page = injectShim('<html><head><title>x</title><script>page()</script></head></html>', 'shim()', {
      functions: ['</script><script>alert(1)//'],
    });
    expect(page.indexOf('shim()')).toBeLessThan(page.indexOf('page()'));
    expect(page.match(/<\/script/gi)).toHaveLength(2);
  });
});

describe('the preview server', () => {
  let preview: PreviewServer;
  beforeAll(async () => {
    preview = await startPreview({ root: ROOT, port: 0, latencyMs: 150 });
  });
  afterAll(() => preview.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, server = preview) =>
    fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  test('the demo workbook spreads the nine districts over the levels', async () => {
    const reply = (await (await post('/gas/run', { fn: 'sidebarState', args: [] })).json()) as any;
    expect(reply.ok).toBe(true);
    const scores = reply.value.standing.map((d: { score: number }) => d.score);
    expect(scores).toHaveLength(9);
    expect(new Set(scores)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(reply.value.today).toBe('2022-04-18');
    const view = (await (await fetch(new URL('/api/workbook', preview.url))).json()) as any;
    expect(view.name).toContain('ข้อมูลตัวอย่าง');
  });

  test("?sheet= renders the shown sheet's rows, the first's and the selection's; the others are listed, marked partial", async () => {
    const view = async (query: string) =>
      (await (await fetch(new URL(`/api/workbook${query}`, preview.url))).json()) as any;
    const whole = await view('');
    const names: string[] = whole.sheets.map((s: any) => s.name);
    expect(whole.sheets.filter((s: any) => s.partial)).toEqual([]);
    const shown = names[names.length - 1];
    const some = await view(`?sheet=${encodeURIComponent(shown)}`);
    expect(some.sheets.map((s: any) => s.name)).toEqual(names);
    const full = new Set([shown, names[0], some.selection?.sheet]);
    for (const [i, sheet] of (some.sheets as any[]).entries()) {
      if (full.has(sheet.name)) {
        expect({ name: sheet.name, partial: sheet.partial, totalRows: sheet.totalRows }).toEqual({
          name: sheet.name,
          partial: undefined,
          totalRows: whole.sheets[i].totalRows,
        });
        expect(sheet.rows[0]).toEqual(whole.sheets[i].rows[0]);
      } else {
        expect({ name: sheet.name, partial: sheet.partial, rows: sheet.rows }).toEqual({
          name: sheet.name,
          partial: true,
          rows: [],
        });
      }
    }
    expect(some.sheets.filter((s: any) => s.partial).length).toBeGreaterThan(names.length / 2);
  });

  test('serves the sidebar with the shim and the callable functions, and refuses the private ones', async () => {
    const page = await (await fetch(new URL('/sidebar', preview.url))).text();
    expect(page).toContain('window.__gasPreviewInstall');
    expect(page).toContain('"sidebarState"');
    expect(page).not.toContain('"presentArgs_"');
    const reply = (await (await post('/gas/run', { fn: 'presentArgs_', args: [] })).json()) as any;
    expect(reply).toEqual({
      ok: false,
      error: { name: 'ScriptError', message: 'Script function not found: presentArgs_' },
    });
  });

  test('more than 10 open calls from one page are refused (the shim queues them instead)', async () => {
    // Each call is held open 3 s, so that all 11 are open at once even when a busy machine spreads
    // their arrival over more than the shared server's 150 ms (a CI run beside other work did).
    const slow = await startPreview({ root: ROOT, port: 0, latencyMs: 3000 });
    try {
      const replies = await Promise.all(
        Array.from({ length: 11 }, () =>
          post('/gas/run', { fn: 'OTOP_TARGET', args: [241] }, { 'X-Preview-Page': 'greedy' }, slow).then(
            (r) => r.status,
          ),
        ),
      );
      expect(replies.filter((s) => s === 429)).toHaveLength(1);
      expect(replies.filter((s) => s === 200)).toHaveLength(10);
    } finally {
      await slow.close();
    }
  });

  test('calls from other sites are refused', async () => {
    const reply = await post('/gas/run', { fn: 'sidebarState', args: [] }, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    const text = await fetch(new URL('/gas/run', preview.url), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(403);
  });

  test('the sidebar runs as the owner, the province, unless told otherwise', async () => {
    const reply = (await (await post('/gas/run', { fn: 'sidebarState', args: [] })).json()) as any;
    expect(reply.value.user).toEqual({ email: preview.runtime.owner, role: 'province', district: '' });
  });

  test('a busy port falls back to a free one', async () => {
    const second = await startPreview({ root: ROOT, port: preview.port, seed: () => undefined });
    try {
      expect(second.port).not.toBe(preview.port);
      expect((await fetch(second.url)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('the preview run as another user', () => {
  const stateAs = async (user: string) => {
    const preview = await startPreview({ root: ROOT, port: 0, user, seed: officerSeed });
    try {
      const reply = await fetch(new URL('/gas/run', preview.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fn: 'sidebarState', args: [] }),
      });
      return ((await reply.json()) as any).value.user;
    } finally {
      await preview.close();
    }
  };

  test('a district officer named in the settings', async () => {
    expect(await stateAs(OFFICER)).toEqual({ email: OFFICER, role: 'district', district: OFFICER_DISTRICT });
  });

  test('an editor named nowhere, and a caller whose address Google hides', async () => {
    expect(await stateAs(STRANGER)).toEqual({ email: STRANGER, role: 'unknown', district: '' });
    expect(await stateAs('')).toEqual({ email: '', role: 'unknown', district: '' });
  });

  test('set-up in the seed still runs as the owner; the user is an editor of the file', () => {
    const runtime = new PreviewRuntime({ distDir: join(ROOT, 'dist'), owner: 'owner@example.com', user: OFFICER });
    expect(runtime.user).toBe(OFFICER);
    expect(runtime.call('sidebarSetUp', []).ok).toBe(false); // not the province
    expect(runtime.call('sidebarSetUp', [], runtime.owner).ok).toBe(true);
    expect(runtime.book.spreadsheet.getEditors().map((u) => u.getEmail())).toContain(OFFICER);
  });
});

describe('npm start', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`prints the URL, serves, and exits 0 on ${signal}`, async () => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
        env: { ...process.env, PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (out += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 20_000);
        child.stdout.on('data', () => {
          const m = /(http:\/\/localhost:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', () => reject(new Error(`exited early:\n${out}`)));
      });
      expect((await fetch(url)).status).toBe(200);
      const code = await new Promise<number | null>((resolve) => {
        child.on('exit', (c) => resolve(c));
        child.kill(signal);
      });
      expect(code).toBe(0);
      await expect(fetch(url)).rejects.toThrow();
    });
  }
});

describe('the runtime as a place to try the add-on (no browser)', () => {
  test('typing goes through setValue as the current user; users, the clock and the menu follow the bundle', () => {
    const runtime = new PreviewRuntime({
      distDir: join(ROOT, 'dist'),
      owner: 'owner@example.com',
      today: '2022-04-18',
    });
    expect(runtime.call('sidebarSetUp', []).ok).toBe(true);
    expect(runtime.edit('กิจกรรม ท่าบ่อ', 'G2', '๑๒')).toEqual({ ok: true });
    expect(runtime.book.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange('G2').getValue()).toBe(12);
    expect(runtime.edit('กิจกรรม ท่าบ่อ', 'A2', '1/4')).toEqual({ ok: true });
    // a date typed without a year takes the day scripts see (2565 BE = 2022)
    expect(runtime.book.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange('A2').getValue()).toEqual(
      new Date(2022, 3, 1),
    );
    expect(runtime.edit('ไม่มีชีตนี้', 'A1', 'x')).toEqual({ ok: false, message: 'ไม่มีชีต "ไม่มีชีตนี้"' });
    expect(runtime.edit('ตั้งค่า', 'A1:B2', 'x').ok).toBe(false);
    runtime.setUser('stranger@example.com');
    expect(runtime.edit('ตั้งค่า', 'B2', '2566').ok).toBe(false); // the province's sheet is protected
    expect(runtime.users().map((u) => u.label)).toEqual([
      'เจ้าของไฟล์ (จังหวัด)',
      expect.stringContaining('ผู้แก้ไขไฟล์ที่ไม่มีชื่อ'),
      'บัญชีที่ Google ไม่เปิดเผยอีเมล',
    ]);
    runtime.setUser('personal@gmail.example', true);
    expect((runtime.call('sidebarState', []) as any).value.user).toEqual({ email: '', role: 'unknown', district: '' });
    expect(runtime.menu().map((i) => i.functionName)).toEqual([
      'menuSetUp',
      'menuCheckData',
      'showSidebar',
      'runDiagnostics',
    ]);
    runtime.setToday('2022-06-01');
    expect(runtime.call('OTOP_THAI', [null]).ok).toBe(true);
    expect(new Date(runtime.book.clock.now()).getDate()).toBe(1);
    expect(() => runtime.setToday('1 June')).toThrow('yyyy-mm-dd');
  });

  test('the menu is built by onOpen once per user, as Sheets builds it when the file opens, not at every view', () => {
    const runtime = new PreviewRuntime({ distDir: join(ROOT, 'dist'), owner: 'owner@example.com' });
    const ledger = runtime.book.ledger;
    const built = () => ledger.calls().filter((name) => name === 'Ui.createMenu').length;
    const first = runtime.menu();
    expect(first.map((i) => i.functionName)).toContain('showSidebar');
    expect(built()).toBe(1);
    first.pop(); // the caller's copy: the kept menu is not changed through it
    expect(runtime.menu()).toEqual([...first, runtime.menu().at(-1)]);
    expect(built()).toBe(1); // the views after the first ran no onOpen
    runtime.setUser('stranger@example.com');
    expect(runtime.menu().map((i) => i.functionName)).toContain('showSidebar');
    expect(built()).toBe(2); // another user: onOpen runs for them
    runtime.setUser('stranger@example.com', true);
    runtime.menu();
    expect(built()).toBe(3); // the same address hidden: built again
    runtime.setUser('owner@example.com');
    runtime.menu();
    expect(built()).toBe(4);
  });
});

describe('seeded workbooks shared between users', () => {
  test('a seed acting as the owner only runs once for users it cannot tell apart; other users, and a seed not marked, run again', async () => {
    const runs: string[] = [];
    const marked = ownerOnly((runtime: PreviewRuntime) => {
      runs.push(`marked ${runtime.user} ${runtime.hideEmail}`);
      runtime.book.spreadsheet.insertSheet(`seeded ${runs.length}`);
    });
    const unmarked = (runtime: PreviewRuntime) => {
      runs.push(`unmarked ${runtime.user}`);
    };
    const started = async (seed: (runtime: PreviewRuntime) => void, user: string, hideEmail = false) => {
      const preview = await startPreview({ root: ROOT, port: 0, user, hideEmail, seed });
      await preview.close();
      const model = preview.runtime.book.spreadsheet.ctx_.book;
      return {
        user: preview.runtime.user,
        hideEmail: preview.runtime.hideEmail,
        editors: [...model.editors],
        sheets: model.sheets.map((sheet) => sheet.name).filter((name) => name.startsWith('seeded')),
      };
    };
    const owner = 'province@nongkhai.example';
    expect(await started(marked, owner)).toEqual({ user: owner, hideEmail: false, editors: [], sheets: ['seeded 1'] });
    // an anonymous caller: made no editor, and the seed's calls as the owner are not hidden
    expect(await started(marked, '')).toEqual({ user: '', hideEmail: false, editors: [], sheets: ['seeded 1'] });
    // the owner's address hidden: the seed's calls as the owner are hidden too
    expect(await started(marked, owner, true)).toEqual({
      user: owner,
      hideEmail: true,
      editors: [],
      sheets: ['seeded 2'],
    });
    expect(await started(marked, OFFICER)).toEqual({
      user: OFFICER,
      hideEmail: false,
      editors: [OFFICER],
      sheets: ['seeded 3'],
    });
    expect(await started(marked, OFFICER, true)).toEqual({
      user: OFFICER,
      hideEmail: true,
      editors: [OFFICER],
      sheets: ['seeded 3'],
    });
    expect(await started(marked, STRANGER)).toEqual({
      user: STRANGER,
      hideEmail: false,
      editors: [STRANGER],
      sheets: ['seeded 4'],
    });
    await started(unmarked, owner);
    await started(unmarked, '');
    expect(runs).toEqual([
      `marked ${owner} false`,
      `marked ${owner} true`,
      `marked ${OFFICER} false`,
      `marked ${STRANGER} false`,
      `unmarked ${owner}`,
      'unmarked ',
    ]);
  });
});
