/**
 * The mobile page's journeys (docs/mobile.md): each role opens the web app (no active
 * spreadsheet, no document lock: the workbook is opened by the id set-up kept) and runs every
 * server function the page calls, through the built bundle, with that user's own rights. What
 * the role may do succeeds and is logged when it writes; what it may not is refused in Thai and
 * changes nothing (complete dumps compared). Then what an entry from a phone becomes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL } from '../../src/kernel/settings';
import { type DistrictReminder, districtMail } from '../../src/features/reminders/sheets/reminderMail';
import {
  dumpsInTurn,
  dumpText,
  journeyWorkbook,
  logRows,
  MAY,
  PLAYER,
  type Right,
  type Role,
  SANGKHOM,
  setSetting,
  THA_BO,
} from '../support/journey';
import { BUSY_TEXT } from '../../src/kernel/messages';
import { DIST } from '../support/loadBundle';
import { asWebApp } from '../support/webApp';
import { newHarness, OWNER } from '../support/workbook';
import { pageActivity, pageOperator } from '../support/entries';

const THAI = /[\u0e00-\u0e7f]/;
const ROLES = Object.keys(PLAYER) as Role[];
const ACTIVITIES = 'กิจกรรม ท่าบ่อ';

type Gas = ReturnType<typeof asWebApp>['gas'];

/** An activity as an officer types it on the page. */
const ACTIVITY = pageActivity('20/03/2565');

/** An online operator as an officer types it on the page. */
const OPERATOR = pageOperator('21/03/2565');

/** Every server function the mobile page calls, in the order an officer meets them. */
const PAGE: readonly { name: string; right: Right; writes: boolean; run: (g: Gas) => unknown }[] = [
  { name: 'doGet', right: 'everyone', writes: false, run: (g) => g.doGet({}) },
  { name: 'sidebarState', right: 'everyone', writes: false, run: (g) => g.sidebarState() },
  { name: 'sidebarDuties', right: 'everyone', writes: false, run: (g) => g.sidebarDuties() },
  { name: 'sidebarEntryForm', right: 'everyone', writes: false, run: (g) => g.sidebarEntryForm() },
  { name: 'sidebarCheckData', right: 'officers', writes: true, run: (g) => g.sidebarCheckData() },
  {
    name: 'sidebarAddEntry activities',
    right: 'officers',
    writes: true,
    run: (g) => g.sidebarAddEntry('activities', ACTIVITY, 'ท่าบ่อ'),
  },
  {
    name: 'sidebarAddEntry online',
    right: 'officers',
    writes: true,
    run: (g) => g.sidebarAddEntry('online', OPERATOR, 'ท่าบ่อ'),
  },
  { name: 'sidebarEntryCell', right: 'officers', writes: false, run: (g) => g.sidebarEntryCell(ACTIVITIES, 'D2') },
  {
    name: 'sidebarFixEntry',
    right: 'officers',
    writes: true,
    run: (g) => g.sidebarFixEntry(ACTIVITIES, 'D2', 'ลานหน้าอำเภอ', 'ศาลาประชาคม'),
  },
  {
    name: 'sidebarPreviewSubmission',
    right: 'officers',
    writes: false,
    run: (g) => g.sidebarPreviewSubmission('month', '2022-03', 'ท่าบ่อ'),
  },
  {
    name: 'sidebarSubmitMonthly',
    right: 'officers',
    writes: true,
    run: (g) => g.sidebarSubmitMonthly('2022-03', true, 'ท่าบ่อ'),
  },
];

describe.each(ROLES)('the mobile page of the %s', (role) => {
  const h = journeyWorkbook();
  const player = PLAYER[role];
  const me = asWebApp(h, player.user, { hideEmail: player.hideEmail });
  const dumps = dumpsInTurn(h);

  test.each(PAGE.map((a) => [a.name, a] as const))('%s', (_name, action) => {
    const allowed = MAY[role].includes(action.right);
    const before = dumps.before();
    const logBefore = logRows(h).length;
    let thrown: Error | null = null;
    try {
      action.run(me.gas);
    } catch (error) {
      thrown = error as Error;
    }
    if (allowed) {
      expect(thrown).toBeNull();
      if (action.writes) {
        expect(dumps.after()).not.toBe(before);
        const added = logRows(h).slice(logBefore);
        expect(added.length).toBeGreaterThan(0);
        expect(added.every((row) => row[1] === player.user)).toBe(true);
      }
    } else {
      expect(thrown?.message).toMatch(THAI);
      expect(dumps.after()).toBe(before);
    }
  });
});

describe('the web app as Apps Script runs it', () => {
  test('doGet serves the page with a phone viewport, and the page is under 100 KB', () => {
    const h = journeyWorkbook();
    const page = asWebApp(h, THA_BO).gas.doGet({});
    expect((page as unknown as { metaTags_: unknown }).metaTags_).toEqual([
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    ]);
    expect(page.getContent()).toContain('<html');
    expect(Buffer.byteLength(readFileSync(join(DIST, 'Mobile.html')))).toBeLessThan(100 * 1024);
  });

  test('before set-up kept the workbook id, the page says so in Thai', () => {
    const h = newHarness({ editors: [THA_BO] });
    expect(() => asWebApp(h, THA_BO).gas.sidebarState()).toThrow(/ตั้งค่า \/ ซ่อมแซมสมุดงาน/);
  });

  test('openById needs the spreadsheets scope, so the manifest asks for it (not only currentonly)', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(readFileSync(join(DIST, 'Server.html'), 'utf8')).toContain('openById'); // the server part (scripts/build.mjs)
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    // the web app runs as whoever opens it, for anyone signed in (docs/mobile.md): a deployment
    // clasp moves on (npm run push) takes these from the manifest
    expect(manifest.webapp).toEqual({ executeAs: 'USER_ACCESSING', access: 'ANYONE' });
  });

  test('a sidebar action holding the locks makes the page wait, and the page writes nothing', () => {
    const h = journeyWorkbook();
    const holder = h.as(THA_BO).run;
    expect(holder.globals.LockService.getScriptLock().tryLock(1000)).toBe(true);
    const before = dumpText(h);
    expect(() => asWebApp(h, THA_BO).gas.sidebarAddEntry('activities', ACTIVITY)).toThrow(BUSY_TEXT);
    expect(dumpText(h)).toBe(before);
    holder.end();
  });
});

describe("the page's address in the settings sheet", () => {
  const URL = 'https://script.google.com/macros/s/AKfy-demo/exec';

  test('set-up writes the row; the sidebar state and the reminder e-mails show what the province types', () => {
    const h = journeyWorkbook();
    const rows = h.run.spreadsheet.getSheetByName('ตั้งค่า')?.getDataRange().getValues() ?? [];
    expect(rows.find((r) => r[0] === LABEL.webAppUrl)?.[1]).toBe('');
    expect(h.as(THA_BO).gas.sidebarState().webAppUrl).toBe('');
    setSetting(h, LABEL.webAppUrl, URL);
    expect(h.as(THA_BO).gas.sidebarState().webAppUrl).toBe(URL);
    const reminder: DistrictReminder = { district: 'ท่าบ่อ', to: [THA_BO], invalid: [], items: [], overdue: false };
    expect(districtMail('หนองคาย', reminder, OWNER, URL).text).toContain(`หรือจากโทรศัพท์: ${URL}`);
    expect(districtMail('หนองคาย', reminder, OWNER).text).not.toContain('โทรศัพท์:');
  });

  test('anything but an Apps Script address is not shown, and the data check says why', () => {
    const h = journeyWorkbook();
    setSetting(h, LABEL.webAppUrl, 'javascript:alert(1)');
    expect(h.as(THA_BO).gas.sidebarState().webAppUrl).toBe('');
    const problems = h
      .as(THA_BO)
      .gas.sidebarCheckData()
      .problems.map((p: { message: string }) => p.message);
    expect(problems.join('\n')).toContain(LABEL.webAppUrl);
  });
});

describe('what an entry from a phone becomes', () => {
  const sheetOf = (h: ReturnType<typeof journeyWorkbook>, name: string) => {
    const sheet = h.run.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };

  test('an activity lands in the district sheet as if typed there: a date, numbers, texts', () => {
    const h = journeyWorkbook();
    const sheet = sheetOf(h, ACTIVITIES);
    const last = sheet.getLastRow();
    const result = asWebApp(h, THA_BO).gas.sidebarAddEntry('activities', ACTIVITY);
    expect(result.sheet).toBe(ACTIVITIES);
    expect(sheet.getLastRow()).toBe(last + 1);
    const row = sheet.getRange(last + 1, 1, 1, 10).getValues()[0];
    expect(Object.prototype.toString.call(row[0])).toBe('[object Date]');
    const date = row[0] as unknown as Date;
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2022, 2, 20]);
    expect(row.slice(1)).toEqual([
      'ท่าบ่อ',
      ACTIVITY.activity,
      'ท่าเสด็จ',
      'พช.อำเภอ',
      'ไม่ใช้',
      8,
      15000,
      ACTIVITY.link,
      '',
    ]);
  });

  test('a hostile entry stays text, whole: formulas, markup and 5 000 characters', () => {
    const h = journeyWorkbook();
    const sheet = sheetOf(h, ACTIVITIES);
    const long = 'ก'.repeat(5000);
    const hostile = {
      ...ACTIVITY,
      activity: '=IMPORTXML("https://evil.example","//a")',
      place: '<img src=x onerror=alert(1)>',
      organiser: "'=1+1",
      note: long,
    };
    asWebApp(h, THA_BO).gas.sidebarAddEntry('activities', hostile);
    const at = sheet.getLastRow();
    const range = sheet.getRange(at, 1, 1, 10);
    const row = range.getValues()[0];
    expect(range.getFormulas()[0].every((f: string) => f === '')).toBe(true);
    expect([row[2], row[3], row[4], row[9]]).toEqual([hostile.activity, hostile.place, hostile.organiser, long]);
  });

  test('an entry the data check refuses is refused in Thai and nothing changes', () => {
    const h = journeyWorkbook();
    const before = dumpText(h);
    const gas = asWebApp(h, THA_BO).gas;
    expect(() => gas.sidebarAddEntry('activities', { ...ACTIVITY, link: 'www.example.com' })).toThrow(/ลิงก์/);
    expect(() => gas.sidebarAddEntry('activities', { ...ACTIVITY, date: '31/02/2565' })).toThrow(THAI);
    expect(() => gas.sidebarAddEntry('online', { ...OPERATOR, name: '', regNo: '' })).toThrow(THAI);
    expect(dumpText(h)).toBe(before);
  });

  test("another district's sheet is refused in Thai and nothing changes", () => {
    const h = journeyWorkbook();
    const before = dumpText(h);
    const gas = asWebApp(h, THA_BO).gas;
    expect(() => gas.sidebarAddEntry('activities', ACTIVITY, 'สังคม')).toThrow(/สังคม/);
    expect(() => gas.sidebarFixEntry('ออนไลน์ สังคม', 'D2', '', 'x')).toThrow(/สังคม/);
    expect(dumpText(h)).toBe(before);
  });

  test('a correction of a cell changed meanwhile is refused: what was typed there is not lost', () => {
    const h = journeyWorkbook();
    const gas = asWebApp(h, THA_BO).gas;
    const shown = gas.sidebarEntryCell(ACTIVITIES, 'D2');
    expect(shown).toMatchObject({ label: 'สถานที่', shown: 'ลานหน้าอำเภอ' });
    sheetOf(h, ACTIVITIES).getRange('D2').setValue('พิมพ์ในสมุดงาน');
    const before = dumpText(h);
    expect(() => gas.sidebarFixEntry(ACTIVITIES, 'D2', shown.shown, 'จากโทรศัพท์')).toThrow(/ไม่ได้เขียนทับ/);
    expect(dumpText(h)).toBe(before);
    expect(sheetOf(h, ACTIVITIES).getRange('D2').getValue()).toBe('พิมพ์ในสมุดงาน');
  });

  test('a hidden e-mail is told why it may only look', () => {
    const h = journeyWorkbook();
    const gas = asWebApp(h, SANGKHOM, { hideEmail: true }).gas;
    expect(gas.sidebarState().user).toMatchObject({ email: '', role: 'unknown' });
    expect(() => gas.sidebarAddEntry('online', OPERATOR)).toThrow(/Google ไม่เปิดเผยอีเมล/);
  });

  test('the self-check can tell whether the web app saw e-mails', () => {
    const h = journeyWorkbook();
    const selfCheck = () => {
      h.gas.runDiagnostics();
      const sheet = h.run.spreadsheet.getSheetByName('ผลตรวจสอบระบบ');
      return JSON.stringify(sheet?.getDataRange().getValues());
    };
    expect(selfCheck()).toContain('หน้าเว็บสำหรับโทรศัพท์: ยังไม่มีผู้เปิด');
    asWebApp(h, THA_BO).gas.doGet({});
    expect(selfCheck()).toContain('หน้าเว็บสำหรับโทรศัพท์: เห็นอีเมลของผู้เปิดล่าสุดเมื่อ');
    asWebApp(h, SANGKHOM, { hideEmail: true }).gas.doGet({});
    const visits = JSON.parse(
      h.run.globals.PropertiesService.getScriptProperties().getProperty('otop.webApp.visits') ?? '{}',
    );
    expect(visits.visibleAt).toMatch(THAI);
    expect(visits.hiddenAt).toMatch(THAI);
  });
});
