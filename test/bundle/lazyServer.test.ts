/**
 * Code.js and Server.html (scripts/build.mjs bundleParts): a custom function's recalculation
 * compiles only Code.js; the menu's actions, the triggers and the sidebar's functions are read
 * from the project's Server.html with HtmlService on an execution's first call of one, once, and
 * run only when that file is the server part built with this Code.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeWorkbook, dump, type PlatformVariants } from '../../dev/fakes';
import { type BundleScope, DIST, loadBundle, projectHtml } from '../support/loadBundle';
import { callsOf, setUpWorkbook } from '../support/calls';
import { OWNER } from '../support/workbook';
import { journeyWorkbook, PLAYER, type Role } from '../support/journey';

const SERVER = readFileSync(join(DIST, 'Server.html'), 'utf8');
const MARKER = /\/\*otop-server:[0-9a-f]{16}:[^*]*\*\//;
const READS = ['HtmlService.createHtmlOutputFromFile', 'HtmlOutput.getContent'];
/** The second read, when getContent's text is not the part built (its template's raw content). */
const RAW_READS = ['HtmlService.createTemplateFromFile', 'HtmlTemplate.getRawContent'];
/** The line the loader logs before the second read (the execution's log, in Executions). */
const LOG_PREFIX = 'OTOP: Server.html read again with getRawContent: ';
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The context's own eval, replaced by one that records the length of what it runs (the loader
 * calls it indirectly, in the global scope).
 * @param gas a loaded bundle
 */
function countEvals(gas: BundleScope): number[] {
  const evals: number[] = [];
  const realEval = gas.run('eval') as (code: string) => unknown;
  gas.eval = (code: string) => {
    evals.push(code.length);
    return realEval(code);
  };
  return evals;
}

/**
 * A set-up workbook whose project holds this Server.html text instead of the built one, the
 * bundle loaded over it as the owner.
 * @param server the file's text
 */
function withServerFile(server: string, platform?: PlatformVariants) {
  const book = createFakeWorkbook({ owner: OWNER, htmlFiles: { ...projectHtml(), Server: server }, platform });
  const run = book.createExecution({ user: OWNER });
  return { book, run, gas: loadBundle({ ...run.globals }, { now: book.clock.now }) };
}

test('Server.html holds the server part between two markers, and Code.js none of it', () => {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const markers = SERVER.match(new RegExp(MARKER.source, 'g')) ?? [];
  expect(markers).toHaveLength(2);
  expect(markers[0]).toBe(markers[1]);
  // inside one script element, as the include guide's JavaScript.html (nothing ends it early)
  const marker = escaped(markers[0] ?? '');
  expect(SERVER).toMatch(new RegExp(`<script>${marker}[^]*${marker}</script>\\n$`));
  expect(SERVER.match(/<\/script/gi)).toHaveLength(1);
  expect(code).toContain(markers[0]); // the loader asks for this very build's part
  // every non-ASCII character of the part is in its marker (an encoding fault changes both)
  const part = SERVER.slice(
    SERVER.indexOf(markers[0] ?? '') + (markers[0] ?? '').length,
    SERVER.lastIndexOf(markers[0] ?? ''),
  );
  const outside = new Set(part.match(/[^\p{ASCII}]/gu));
  expect(outside.has('ก')).toBe(true);
  for (const c of outside) expect(markers[0]).toContain(c);
  expect(code).not.toContain('sidebarStateAt');
  expect(SERVER.length).toBeGreaterThan(200_000); // the whole of src/main.ts
  expect(code.length).toBeLessThan(SERVER.length / 2);
});

test('Code.js holds none of the tables only the server part uses (no module kept for what it builds at load)', () => {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  // the report records' and the submission records' layouts (their titles), and the reports' PDF styles
  for (const text of ['บันทึกรายงาน', 'การส่งรายงานของอำเภอ', '@page']) {
    expect(SERVER).toContain(text);
    expect(code).not.toContain(text);
  }
});

test('custom functions and the simple triggers run without reading or compiling the server part', () => {
  const h = setUpWorkbook(true);
  const calls = callsOf(h, (gas) => {
    const evals = countEvals(gas);
    expect(gas.OTOP_TARGET(241)).toBe(12);
    expect(gas.OTOP_THAI(818)).toBe('๘๑๘');
    gas.onOpen({ authMode: 'LIMITED' });
    expect(evals).toEqual([]);
  });
  expect(calls).toEqual([
    'SpreadsheetApp.getUi',
    'Ui.createMenu',
    'Menu.addItem',
    'Menu.addItem',
    'Menu.addItem',
    'Menu.addItem',
    'Menu.addToUi',
  ]);
});

test('the first server call of an execution reads Server.html and compiles it once; later calls reuse it', () => {
  const h = setUpWorkbook(true);
  const calls = callsOf(h, (gas) => {
    const evals = countEvals(gas);
    expect(gas.sidebarState().standing.map((d) => d.district)).toEqual(['ท่าบ่อ', 'สังคม']);
    expect(gas.sidebarDuties().role).toBe('province');
    expect(evals).toHaveLength(1);
    expect(evals[0]).toBeGreaterThan(200_000);
  });
  expect(calls.slice(0, 2)).toEqual(READS);
  expect(calls.filter((c) => c.startsWith('Html'))).toEqual(READS);
});

describe('a Server.html that is not this build’s is refused in Thai, before any of it runs', () => {
  const cases: Array<[string, (text: string) => string]> = [
    [
      'from another build (its markers name another part)',
      (t) => t.replace(MARKER, '/*otop-server:0123456789abcdef*/'),
    ],
    ['cut short (a push that stopped)', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['edited (a line added in the editor)', (t) => t.replace('"use strict";', '"use strict";\nvar edited = 1;')],
    ['emptied', () => ''],
  ];
  test.each(cases)('%s', (_label, alter) => {
    const w = withServerFile(alter(SERVER));
    const before = JSON.stringify(dump(w.run.spreadsheet));
    const evals = countEvals(w.gas);
    expect(() => w.gas.sidebarSetUp()).toThrow(/^ไฟล์ Server\.html ของส่วนเสริมไม่ตรงกับ Code\.js .*npm run push$/);
    expect(() => w.gas.sidebarState()).toThrow(/ไม่ตรงกับ Code\.js/);
    expect(evals).toEqual([]);
    expect(JSON.stringify(dump(w.run.spreadsheet))).toBe(before);
    expect(w.gas.OTOP_TARGET(241)).toBe(12); // the sheet's formulas still work
  });

  test('text around the markers is left aside (the part between them is what runs)', () => {
    const w = withServerFile(`<html><body>\n${SERVER}\n</body></html>`);
    expect(w.gas.sidebarSetUp().created).toContain('เกณฑ์');
  });
});

describe('when HtmlService fails to read Server.html', () => {
  const failing = (names: string[]) => (name: string) => names.includes(name);

  test.each([['HtmlService.createHtmlOutputFromFile'], ['HtmlOutput.getContent']])(
    'a failed first read (%s): the template’s raw content is read instead, and the action runs',
    (call) => {
      const w = withServerFile(SERVER);
      w.book.ledger.reset();
      w.book.ledger.failWhen(failing([call]), new Error('Service error: HtmlService'));
      expect(w.gas.sidebarSetUp().created).toContain('เกณฑ์');
      const reads = w.book.ledger.calls(w.run.id).filter((c) => c.startsWith('Html'));
      // the first read's calls up to the one that failed (it was made), then the second read's
      expect(reads).toEqual([...READS.slice(0, READS.indexOf(call) + 1), ...RAW_READS]);
      expect(w.gas.otop_).toMatchObject({
        serverRead_: { chars: SERVER.length, via: 'raw', firstError: 'Service error: HtmlService' },
      });
      // why, in the execution's log: a failure outside the self-check's own run is kept somewhere
      expect(w.run.globals.Logger.getLog()).toBe(`${LOG_PREFIX}Service error: HtmlService`);
    },
  );

  test.each([
    ['both reads fail', ['HtmlService.createHtmlOutputFromFile', 'HtmlService.createTemplateFromFile']],
    ['the first read fails, the second’s text is not read', ['HtmlOutput.getContent', 'HtmlTemplate.getRawContent']],
  ])('%s: the action says so in Thai and changes nothing; the next try reads it', (_label, calls) => {
    const w = withServerFile(SERVER);
    const before = JSON.stringify(dump(w.run.spreadsheet));
    w.book.ledger.failWhen(failing(calls), new Error('Service error: HtmlService'));
    expect(() => w.gas.sidebarSetUp()).toThrow(
      /^เปิดส่วนการทำงานของส่วนเสริม \(ไฟล์ Server\.html\) ไม่ได้ในครั้งนี้ ไม่มีอะไรถูกเปลี่ยน ลองใหม่อีกครั้ง.* \(Service error: HtmlService\)$/,
    );
    expect(JSON.stringify(dump(w.run.spreadsheet))).toBe(before);
    w.book.ledger.clearFaults();
    expect(w.gas.sidebarSetUp().created).toContain('เกณฑ์'); // the next try reads it
  });
});

describe('getContent giving the file changed (unconfirmed: platform fileContent "escaped"): read again as raw content', () => {
  const ESCAPED: PlatformVariants = { fileContent: 'escaped' };

  test('the part is read a second time with HtmlTemplate.getRawContent, compiled once, and the action runs', () => {
    const w = withServerFile(SERVER, ESCAPED);
    const evals = countEvals(w.gas);
    w.book.ledger.reset();
    expect(w.gas.sidebarSetUp().created).toContain('เกณฑ์');
    expect(w.gas.sidebarState().user.role).toBe('province');
    const calls = w.book.ledger.calls(w.run.id);
    expect(calls.slice(0, 5)).toEqual([...READS, 'Logger.log', ...RAW_READS]);
    expect(calls.filter((c) => c.startsWith('Html'))).toEqual([...READS, ...RAW_READS]);
    expect(evals).toHaveLength(1);
    // the self-check reports which read gave it (platform/services.ts serverPartRead)
    expect(w.gas.otop_).toMatchObject({ serverRead_: { chars: SERVER.length, via: 'raw', firstError: null } });
    expect(w.run.globals.Logger.getLog()).toBe(`${LOG_PREFIX}getContent gave another text`);
  });

  test('a file of another build is still refused in Thai after both reads, and nothing changes', () => {
    const w = withServerFile(SERVER.replace(MARKER, '/*otop-server:0123456789abcdef*/'), ESCAPED);
    const before = JSON.stringify(dump(w.run.spreadsheet));
    const evals = countEvals(w.gas);
    w.book.ledger.reset();
    expect(() => w.gas.sidebarSetUp()).toThrow(/^ไฟล์ Server\.html ของส่วนเสริมไม่ตรงกับ Code\.js .*npm run push$/);
    expect(w.book.ledger.calls(w.run.id)).toEqual([...READS, 'Logger.log', ...RAW_READS]);
    expect(evals).toEqual([]);
    expect(JSON.stringify(dump(w.run.spreadsheet))).toBe(before);
  });

  test('a failed second read says so in Thai and changes nothing; the next try reads it', () => {
    const w = withServerFile(SERVER, ESCAPED);
    const before = JSON.stringify(dump(w.run.spreadsheet));
    w.book.ledger.failWhen((name) => name === 'HtmlTemplate.getRawContent', new Error('Service error: HtmlService'));
    expect(() => w.gas.sidebarSetUp()).toThrow(
      /^เปิดส่วนการทำงานของส่วนเสริม \(ไฟล์ Server\.html\) ไม่ได้ในครั้งนี้ .* \(Service error: HtmlService\)$/,
    );
    expect(JSON.stringify(dump(w.run.spreadsheet))).toBe(before);
    w.book.ledger.clearFaults();
    expect(w.gas.sidebarSetUp().created).toContain('เกณฑ์');
  });

  test('its Thai changed character for character (the same length, "replaced"): never run so, read the second way', () => {
    const w = withServerFile(SERVER, { fileContent: 'replaced' });
    const first = w.run.globals.HtmlService.createHtmlOutputFromFile('Server').getContent();
    expect(first.length).toBe(SERVER.length); // the length check alone would have run it
    expect(first).not.toContain('ก');
    w.book.ledger.reset();
    expect(w.gas.sidebarSetUp().created).toContain('เกณฑ์'); // the Thai as built, not U+FFFD
    expect(w.run.spreadsheet.getSheetByName('เกณฑ์')).not.toBeNull();
    expect(w.book.ledger.calls(w.run.id).filter((c) => c.startsWith('Html'))).toEqual([...READS, ...RAW_READS]);
    expect(w.gas.otop_).toMatchObject({ serverRead_: { via: 'raw', firstError: null } });
  });

  test('without the switch, getContent gives the file as written and no second read is made', () => {
    const w = withServerFile(SERVER);
    w.book.ledger.reset();
    w.gas.sidebarState();
    expect(w.book.ledger.calls(w.run.id).filter((c) => c.startsWith('Html'))).toEqual(READS);
    expect(w.gas.otop_).toMatchObject({ serverRead_: { chars: SERVER.length, via: 'content' } });
  });
});

describe('every role, in the README journey’s workbook, through the built bundle as that user', () => {
  const ROLES: Array<[Role, string]> = [
    ['owner', 'province'],
    ['province editor', 'province'],
    ['district officer', 'district'],
    ['named nowhere', 'unknown'],
    ['hidden e-mail', 'unknown'],
  ];

  test.each(ROLES)(
    '%s: the first server call reads Server.html once, then the action runs as the role',
    (role, seen) => {
      const h = journeyWorkbook();
      const { user, hideEmail } = PLAYER[role];
      const as = h.as(user, { hideEmail });
      h.book.ledger.reset();
      expect(as.gas.sidebarState().user.role).toBe(seen);
      const calls = h.book.ledger.calls(as.run.id);
      expect(calls.slice(0, 2)).toEqual(READS);
      expect(calls.filter((c) => c.startsWith('Html'))).toEqual(READS);
    },
  );

  test.each(ROLES)(
    '%s: with getContent giving the file changed, the raw content is read and the action runs as the role',
    (role, seen) => {
      const h = journeyWorkbook();
      h.run.spreadsheet.ctx_.book.switchPlatform({ fileContent: 'escaped' });
      const { user, hideEmail } = PLAYER[role];
      const as = h.as(user, { hideEmail });
      h.book.ledger.reset();
      expect(as.gas.sidebarState().user.role).toBe(seen);
      expect(h.book.ledger.calls(as.run.id).filter((c) => c.startsWith('Html'))).toEqual([...READS, ...RAW_READS]);
    },
  );

  test.each(ROLES)('%s: a Server.html of another build is refused in Thai and nothing changes', (role) => {
    const h = journeyWorkbook();
    const files = h.run.spreadsheet.ctx_.book.htmlFiles;
    const built = files.Server;
    const before = JSON.stringify(dump(h.run.spreadsheet));
    files.Server = SERVER.replace(MARKER, '/*otop-server:0123456789abcdef*/');
    try {
      const { user, hideEmail } = PLAYER[role];
      const { gas } = h.as(user, { hideEmail });
      expect(() => gas.sidebarSetUp()).toThrow(/^ไฟล์ Server\.html ของส่วนเสริมไม่ตรงกับ Code\.js/);
      expect(() => gas.sidebarState()).toThrow(/ไม่ตรงกับ Code\.js/);
    } finally {
      files.Server = built;
    }
    expect(JSON.stringify(dump(h.run.spreadsheet))).toBe(before);
  });
});
