/**
 * The self-check (OTOP → ตรวจสอบระบบ, top-level runDiagnostics) through the built bundle against
 * the stand-in, in every outcome the stand-in can produce of each observation (dev/fakes
 * platform.ts switches): what the result sheet says, that the workbook is otherwise exactly as
 * before (complete dumps compared), that only the province may run it, and that its scratch
 * sheet never stays behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump, type FakeWorkbook, type WorkbookDump } from '../../../../dev/fakes';
import { SCRATCH_NAME } from '../../../../src/platform/scratchSheet';
import { LABEL } from '../../../../src/kernel/settings';
import { JSON_TITLE, LIVE_TITLE } from '../../../../src/features/selfCheck/sheets/diagnosticsSheet';
import { SHEET } from '../../../../src/features/setup/sheets/sheetNames';
import { activityRows, typeRows } from '../../../support/entries';
import { sweep } from '../../../support/faultSweep';
import { DIST, loadBundle } from '../../../support/loadBundle';
import { type Harness, type HarnessOptions, keptHarness, newHarness, OWNER } from '../../../support/workbook';
import { expectSameDump } from '../../../support/sameDump';

const RESULT = SHEET.diagnostics;
const OFFICER = 'tha@district.example';
const STRANGER = 'stranger@example.com';

interface Result {
  rows: unknown[][];
  json: {
    summary: Record<string, number>;
    findings: { id: string; status: string; outcome: string }[];
    observations: Record<string, any>;
    previousLive: { probes: { probe: string; value: { text: string } }[] } | null;
  };
}

/** The result sheet's rows and its JSON block, as officers see them. */
function resultOf(book: FakeWorkbook, name: string = RESULT): Result {
  const sheet = book.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows = sheet.getDataRange().getValues();
  const at = rows.findIndex((r) => r[0] === JSON_TITLE);
  return { rows, json: JSON.parse(String(rows[at + 1][0])) };
}

/** One finding's status and outcome. */
function finding(result: Result, id: string): { status: string; outcome: string } {
  const f = result.json.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return { status: f.status, outcome: f.outcome };
}

/** The self-check run by the owner of a fresh workbook with these options. */
function diagnosed(options: HarnessOptions = {}): { h: Harness; result: Result } {
  const h = keptHarness(JSON.stringify(options), () => {
    const fresh = newHarness(options);
    fresh.gas.runDiagnostics();
    return fresh;
  });
  return { h, result: resultOf(h.book) };
}

/** A dump without the self-check's own sheet (its cells, protection and marker). */
function withoutResult(d: WorkbookDump, name: string = RESULT): WorkbookDump {
  return {
    ...d,
    sheets: d.sheets.filter((s) => s.name !== name),
    protections: d.protections.filter((p) => !p.range.startsWith(`'${name}'`) && !p.range.startsWith(`${name}!`)),
    developerMetadata: d.developerMetadata.filter((m) => m.sheet !== name),
  };
}

describe('the self-check leaves the workbook as it was, apart from its result sheet', () => {
  test('a set-up workbook with entries: complete dumps and document properties compared', () => {
    const h = newHarness();
    h.gas.sidebarSetUp();
    typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 2, '10/03/2565'));
    const properties = () => new Map(h.run.spreadsheet.ctx_.book.documentProperties);
    const before = dump(h.run.spreadsheet);
    const keptBefore = properties();
    h.gas.runDiagnostics();
    const after = dump(h.run.spreadsheet);
    expectSameDump(withoutResult(after), before);
    expect(properties()).toEqual(keptBefore);
    expect(after.sheets.map((s) => s.name)).toEqual([...before.sheets.map((s) => s.name), RESULT]);
    // marked, and protected for the province like the add-on's other sheets
    expect(
      after.developerMetadata.filter((m) => m.sheet === RESULT).map((m) => JSON.parse(String(m.value)).role),
    ).toEqual(['diagnostics']);
    expect(after.protections.find((p) => p.range.includes(RESULT))?.editors).toEqual([OWNER]);
    // the officer is shown the sheet, and told the summary
    expect(h.run.spreadsheet.getActiveSheet().getName()).toBe(RESULT);
    expect(h.run.ui.alerts.at(-1)?.prompt).toContain(`ดูชีต "${RESULT}"`);
    expect(h.run.logs.some((line) => line.includes('"otopSelfCheck":1'))).toBe(true);
  });

  test('a fresh workbook, before set-up: only the result sheet is added; every finding passes', () => {
    const h = newHarness();
    // the clock stands still: the getters' timing finding reads it, and on a busy machine a
    // garbage collection inside one stand-in getter (over its 5 ms) made it a note
    h.book.clock.set(new Date());
    const before = dump(h.run.spreadsheet);
    h.gas.runDiagnostics();
    const result = resultOf(h.book);
    expectSameDump(withoutResult(dump(h.run.spreadsheet)), before);
    expect(result.json.summary).toEqual({ ok: 12, note: 0, action: 0, failed: 0 });
    expect(result.rows[2][0]).toMatch(/^ผ่าน 12 · ควรทราบ 0 · ต้องแก้ไข 0 · ตรวจไม่ได้ 0: ใช้งานได้/);
    expect(result.rows.flat().some((v) => String(v).includes(SCRATCH_NAME))).toBe(true); // what was tried
    expect(h.run.spreadsheet.getSheets().some((s) => s.getName().startsWith(SCRATCH_NAME))).toBe(false);
  });

  test('run again: the same (renamed) sheet is rewritten, and the live probes of the first run are read', () => {
    const h = newHarness();
    h.gas.runDiagnostics();
    const sheet = h.run.spreadsheet.getSheetByName(RESULT)!;
    sheet.setName('ผลตรวจ รอบแรก');
    const sheets = h.run.spreadsheet.getNumSheets();
    h.as(OWNER).gas.runDiagnostics();
    expect(h.run.spreadsheet.getNumSheets()).toBe(sheets);
    const result = resultOf(h.book, 'ผลตรวจ รอบแรก');
    expect(result.json.previousLive?.probes.map((p) => [p.probe, p.value.text])).toEqual([
      ['plain', 'OTOP:number:42'],
      ['errorCell', '#DIV/0!'],
      ['nowArgument', 'Loading...'],
      ['todayArgument', 'Loading...'],
      ['todayCell', '#ERROR!'],
    ]);
    expect(result.rows.filter((r) => r[0] === LIVE_TITLE)).toHaveLength(1);
  });

  test("an officer's own sheet named ผลตรวจสอบระบบ is left alone", () => {
    const h = newHarness();
    h.run.spreadsheet.insertSheet(RESULT).getRange('A1').setValue('บันทึกของฉัน');
    h.gas.runDiagnostics();
    expect(h.run.spreadsheet.getSheetByName(RESULT)!.getDataRange().getValues()).toEqual([['บันทึกของฉัน']]);
    const result = resultOf(h.book, `${RESULT} (OTOP)`);
    expect(result.rows.flat().join(' ')).toContain(`มีชีตชื่อ "${RESULT}" ของเจ้าหน้าที่อยู่แล้ว`);
  });

  test('a scratch sheet left by a killed run is deleted by the next run, and said so', () => {
    const h = newHarness();
    h.book.clock.setMsPerCall(50);
    const killed = h.book.createExecution({ user: OWNER, timeLimitMs: 60 * 50 });
    const gas = loadBundle({ ...killed.globals }, { now: h.book.clock.now });
    expect(() => gas.runDiagnostics()).toThrow();
    killed.end(); // Apps Script releases a killed run's lock
    h.book.clock.setMsPerCall(0);
    const names = () => h.run.spreadsheet.getSheets().map((s) => s.getName());
    expect(names()).toContain(SCRATCH_NAME); // killed mid-way: nothing after that point ran
    h.as(OWNER).gas.runDiagnostics();
    expect(names()).not.toContain(SCRATCH_NAME);
    expect(resultOf(h.book).rows.flat().join(' ')).toContain('ลบชีตทดสอบที่การตรวจครั้งก่อนทำค้างไว้ 1 ชีต');
  });

  test('an observation that fails is reported as such; the others are still made and the scratch sheet goes', () => {
    const h = newHarness();
    h.book.clock.set(new Date()); // still, as above: the getters' timing is no note
    h.book.ledger.failWhen(
      (name) => name === 'Sheet.getConditionalFormatRules',
      new Error('Service unavailable: Spreadsheets'),
    );
    h.gas.runDiagnostics();
    h.book.ledger.clearFaults();
    const result = resultOf(h.book);
    expect(finding(result, 'rules')).toEqual({ status: 'failed', outcome: 'failed' });
    expect(result.json.summary).toEqual({ ok: 11, note: 0, action: 0, failed: 1 });
    expect(result.rows.flat().join(' ')).toContain('ตรวจไม่ได้: Service unavailable: Spreadsheets');
    expect(h.run.spreadsheet.getSheets().some((s) => s.getName().startsWith(SCRATCH_NAME))).toBe(false);
  });

  test.each([
    ['before', 3],
    ['after', 3],
    ['late', 1],
  ] as const)(
    'whole or not at all (%s faults): a failed run leaves the workbook as before, in Thai',
    (mode, stride) => {
      const result = sweep(
        () => {
          const h = newHarness();
          h.book.clock.set(new Date(2022, 3, 18, 9, 30));
          return h;
        },
        (h) => h.gas.runDiagnostics(),
        { mode, stride, strict: false, heal: false },
      );
      // A fault inside an observation is caught and reported in the result sheet (the run completes,
      // that observation marked ตรวจไม่ได้: 'partial' to the sweep); a fault anywhere else undoes it.
      for (const r of result.results) {
        if (r.message !== null) {
          expect({ at: r.at, outcome: r.outcome, thai: r.thai }).toEqual({
            at: r.at,
            outcome: 'unchanged',
            thai: true,
          });
        }
      }
      expect(result.unchanged).toBeGreaterThan(3);
    },
  );
});

describe('province only', () => {
  function named(): Harness {
    const h = newHarness({ editors: [OFFICER, STRANGER] });
    h.gas.sidebarSetUp();
    const settings = h.run.spreadsheet.getSheetByName(SHEET.settings)!;
    const rows = settings.getDataRange().getValues();
    const row = rows.findIndex((r) => r[0] === LABEL.districtEditors('ท่าบ่อ')) + 1;
    settings.getRange(row, 2).setValue(OFFICER);
    h.gas.sidebarSetUp();
    return h;
  }

  test.each([
    ['a district officer', OFFICER, 'ทำได้เฉพาะเจ้าของไฟล์'],
    ['an editor named nowhere', STRANGER, 'ทำได้เฉพาะเจ้าของไฟล์'],
  ])('%s is refused in Thai and nothing changes', (_who, user, message) => {
    const h = named();
    const before = dump(h.run.spreadsheet);
    expect(() => h.as(user).gas.runDiagnostics()).toThrow(message);
    expectSameDump(h.run.spreadsheet, before);
  });

  test('a caller whose e-mail Google hides is refused with that reason (the Session outcome "hidden")', () => {
    const h = newHarness();
    const before = dump(h.run.spreadsheet);
    const run = h.book.createExecution({ user: OWNER, hideEmail: true });
    const gas = loadBundle({ ...run.globals }, { now: h.book.clock.now });
    expect(() => gas.runDiagnostics()).toThrow('Google ไม่เปิดเผยอีเมลของบัญชีนี้');
    expectSameDump(h.run.spreadsheet, before);
  });

  test('the menu has the item for everyone (onOpen knows no caller)', () => {
    const h = named();
    const officer = h.as(OFFICER);
    officer.gas.onOpen({});
    expect(JSON.stringify(officer.run.ui.menus)).toContain('ตรวจสอบระบบ');
    expect(JSON.stringify(officer.run.ui.menus)).toContain('runDiagnostics');
  });
});

describe('each observation in each outcome the stand-in produces', () => {
  test('time zones: both Bangkok; the spreadsheet, the script, or both elsewhere', () => {
    expect(finding(diagnosed().result, 'timeZones')).toEqual({ status: 'ok', outcome: 'both-bangkok' });
    const sheet = diagnosed({ timeZone: 'Asia/Tokyo', platform: { scriptTimeZone: 'Asia/Bangkok' } }).result;
    expect(finding(sheet, 'timeZones')).toEqual({ status: 'action', outcome: 'spreadsheet-not-bangkok' });
    expect(sheet.rows.flat().join(' ')).toContain('ไฟล์ → การตั้งค่า → เขตเวลา');
    const script = diagnosed({ platform: { scriptTimeZone: 'Etc/UTC' } }).result;
    expect(finding(script, 'timeZones')).toEqual({ status: 'action', outcome: 'script-not-bangkok' });
    expect(script.rows.flat().join(' ')).toContain('npm run push');
    const both = diagnosed({ timeZone: 'Asia/Tokyo' }).result;
    expect(finding(both, 'timeZones')).toEqual({
      status: 'action',
      outcome: 'spreadsheet-not-bangkok script-not-bangkok',
    });
  });

  test('locale: Thai; month-first (en_US) needs fixing; another day-first locale is a note', () => {
    expect(finding(diagnosed().result, 'locale')).toEqual({ status: 'ok', outcome: 'day-first th_TH' });
    const us = diagnosed({ locale: 'en_US' }).result;
    expect(finding(us, 'locale')).toEqual({ status: 'action', outcome: 'month-first en_US' });
    expect(us.rows.flat().join(' ')).toContain('เลือก ประเทศไทย');
    expect(finding(diagnosed({ locale: 'en_GB' }).result, 'locale')).toEqual({
      status: 'note',
      outcome: 'day-first en_GB',
    });
  });

  test('typed text: parsed; kept as text; Thai digits kept while the rest is parsed', () => {
    expect(finding(diagnosed().result, 'typedInput')).toEqual({
      status: 'ok',
      outcome: "0012:number 1/4:date TRUE:boolean ๑๒:number '0012:string",
    });
    expect(finding(diagnosed({ platform: { typedText: 'kept' } }).result, 'typedInput')).toEqual({
      status: 'ok',
      outcome: "0012:string 1/4:string TRUE:string ๑๒:string '0012:string",
    });
    expect(finding(diagnosed({ platform: { thaiDigits: false } }).result, 'typedInput')).toEqual({
      status: 'ok',
      outcome: "0012:number 1/4:date TRUE:boolean ๑๒:string '0012:string",
    });
  });

  test.each([
    ['as-written', 'unquoted:accepted/as-written quoted:accepted/as-written'],
    ['quoted', 'unquoted:accepted/quoted quoted:accepted/as-written'],
    ['unquoted', 'unquoted:accepted/as-written quoted:accepted/unquoted'],
    ['refused', 'unquoted:refused/as-written quoted:accepted/as-written'],
  ] as const)('Thai sheet names in formulas: %s', (mode, outcome) => {
    expect(finding(diagnosed({ platform: { thaiSheetNames: mode } }).result, 'thaiSheetName')).toEqual({
      status: 'ok',
      outcome,
    });
  });

  test('Thai sheet names: Sheets refusing the unquoted formula at the write itself reads as "refused"', () => {
    const h = newHarness();
    h.book.ledger.failWhen((name) => name === 'Range.setFormula', new Error('Formula parse error.'));
    h.gas.runDiagnostics();
    h.book.ledger.clearFaults();
    const result = resultOf(h.book);
    expect(finding(result, 'thaiSheetName')).toEqual({
      status: 'ok',
      outcome: 'unquoted:refused/none quoted:accepted/as-written',
    });
    expect(result.json.observations.thaiSheetName.unquoted.value.text).toBe('refused: Formula parse error.');
  });

  test('error cells and NOW()/TODAY() as custom-function arguments: blocked or passed', () => {
    const blocked = diagnosed().result;
    expect(finding(blocked, 'errorArguments')).toEqual({ status: 'ok', outcome: 'blocked (in-run)' });
    expect(finding(blocked, 'volatileArguments')).toEqual({
      status: 'ok',
      outcome: 'now:blocked today:blocked todayCell:blocked (in-run)',
    });
    expect(blocked.rows.flat().join(' ')).toContain('"ตรวจข้อมูล" ชี้เซลล์นั้นให้แก้');
    const errors = diagnosed({ platform: { errorArguments: 'passed' } }).result;
    expect(finding(errors, 'errorArguments')).toEqual({ status: 'ok', outcome: 'passed (in-run)' });
    const volatile = diagnosed({ platform: { volatileArguments: 'passed' } }).result;
    expect(finding(volatile, 'volatileArguments')).toEqual({
      status: 'ok',
      outcome: 'now:passed today:passed todayCell:passed (in-run)',
    });
  });

  test('custom functions not computed within the run: said honestly, then read from the live cells', () => {
    const { h, result } = diagnosed({ platform: { customFunctionReads: 'loading' } });
    expect(finding(result, 'errorArguments')).toEqual({ status: 'note', outcome: 'not-observable-in-run' });
    expect(finding(result, 'volatileArguments')).toEqual({ status: 'note', outcome: 'not-observable-in-run' });
    expect(result.rows.flat().join(' ')).toContain('กด "ตรวจสอบระบบ" อีกครั้ง');
    // Sheets computes the live probe cells after the run; the next run reads them
    h.run.spreadsheet.ctx_.book.switchPlatform({ customFunctionReads: 'computed' });
    h.as(OWNER).gas.runDiagnostics();
    const again = resultOf(h.book);
    expect(again.json.previousLive?.probes[0].value.text).toBe('OTOP:number:42');
    expect(finding(again, 'errorArguments').status).toBe('ok');
  });

  test('owner: present, or none (a shared drive; the first province editor named by hand)', () => {
    expect(finding(diagnosed().result, 'owner')).toEqual({ status: 'ok', outcome: 'owner' });
    const editor = 'province.editor@nongkhai.example';
    const h = newHarness({ owner: null, editors: [editor] });
    const refused = () => h.gas.runDiagnostics();
    expect(refused).toThrow('ไดรฟ์ที่แชร์'); // nobody named yet: the set-up rule tells how
    const settings = h.run.spreadsheet.insertSheet(SHEET.settings);
    settings.getRange('A1:B1').setValues([[LABEL.provinceEditors, editor]]);
    h.as(editor).gas.runDiagnostics();
    const result = resultOf(h.book);
    expect(finding(result, 'owner')).toEqual({ status: 'note', outcome: 'no-owner' });
    expect(result.json.observations.owner).toEqual({ ownerDomain: null });
  });

  test('session: both addresses revealed, or only the effective user’s; the JSON keeps domains only', () => {
    const both = diagnosed().result;
    expect(finding(both, 'session')).toEqual({ status: 'ok', outcome: 'both-revealed' });
    expect(both.json.observations.session).toEqual({
      activeDomain: 'nongkhai.example',
      effectiveDomain: 'nongkhai.example',
    });
    expect(JSON.stringify(both.json)).not.toContain(OWNER);
    const h = newHarness();
    const run = h.book.createExecution({ user: OWNER, hideEmail: 'active' });
    loadBundle({ ...run.globals }, { now: h.book.clock.now }).runDiagnostics();
    expect(finding(resultOf(h.book), 'session')).toEqual({ status: 'note', outcome: 'effective-only' });
  });

  test('Intl: the Buddhist calendar and Thai digits present (Node), or missing (a stand-in Intl)', () => {
    expect(finding(diagnosed().result, 'intl')).toEqual({ status: 'ok', outcome: 'buddhist:yes thaiDigits:yes' });
    const h = newHarness();
    const run = h.book.createExecution({ user: OWNER });
    const gregorian = {
      DateTimeFormat: function DateTimeFormat() {
        return {
          format: () => 'March 25, 2022',
          resolvedOptions: () => ({ locale: 'en-US', calendar: 'gregory', numberingSystem: 'latn' }),
        };
      },
    };
    loadBundle({ ...run.globals, Intl: gregorian }, { now: h.book.clock.now }).runDiagnostics();
    const result = resultOf(h.book);
    expect(finding(result, 'intl')).toEqual({ status: 'ok', outcome: 'buddhist:no thaiDigits:no' });
    expect(result.rows.flat().join(' ')).toContain('ไม่ใช้ Intl จึงไม่กระทบ');
  });

  test('rule getters: a round trip, or not (help text lost: set-up would rewrite the dropdowns)', () => {
    expect(finding(diagnosed().result, 'rules')).toEqual({
      status: 'ok',
      outcome: 'validation:round-trip format:round-trip',
    });
    const lossy = diagnosed({ platform: { ruleGetters: 'lossy' } }).result;
    expect(finding(lossy, 'rules')).toEqual({ status: 'note', outcome: 'validation:differs format:round-trip' });
    expect(lossy.rows.flat().join(' ')).toContain('ต่างกันที่ helpText');
    expect(lossy.rows.flat().join(' ')).toContain('ต่างเพียงตัวพิมพ์ของรหัสสี');
  });

  test('timings in ms: fast getters, slow getters, and calls slow enough to near the 6-minute limit', () => {
    const reads: number[] = [];
    const timed = (ms: number) => {
      const h = newHarness();
      h.book.clock.set(new Date(2022, 3, 18, 9, 30));
      h.book.clock.setMsPerCall(ms);
      h.gas.runDiagnostics();
      h.book.clock.setMsPerCall(0);
      reads.push(h.book.ledger.calls(h.run.id).filter((c) => c === 'HtmlService.createHtmlOutputFromFile').length);
      return resultOf(h.book);
    };
    const fast = timed(0);
    expect(finding(fast, 'timings')).toEqual({ status: 'ok', outcome: 'per-call=0ms getters=free' });
    // the server part's file, read as Code.js's loader reads it: its whole text, two calls
    const serverChars = readFileSync(join(DIST, 'Server.html'), 'utf8').length;
    expect(finding(fast, 'serverFile')).toEqual({ status: 'ok', outcome: `fast ms=0 chars=${serverChars}` });
    const seven = timed(7);
    // one getValues is one call; setValues is timed with the flush that commits it (two calls)
    expect(seven.json.observations.timings).toMatchObject({
      getValues: { ms: 7, cells: 1000 },
      setValues: { ms: 14, cells: 1000 },
    });
    expect(seven.json.observations.timings.getters).toEqual([
      { name: 'Sheet.getName', ms: 7, calls: 5 },
      { name: 'Sheet.getSheetId', ms: 7, calls: 5 },
      { name: 'Sheet.getMaxRows', ms: 7, calls: 5 },
      { name: 'DeveloperMetadata.getValue', ms: 7, calls: 5 },
    ]);
    expect(finding(seven, 'timings')).toEqual({ status: 'note', outcome: 'per-call=10.5ms getters=slow' });
    expect(seven.json.observations.serverFile).toEqual({ ms: 14, chars: serverChars, via: 'content' });
    const slow = timed(600);
    expect(finding(slow, 'timings')).toEqual({ status: 'action', outcome: 'slow per-call=900ms' });
    expect(finding(slow, 'serverFile')).toEqual({ status: 'note', outcome: `slow ms=1200 chars=${serverChars}` });
    // the figure is the loader's own read, the one every server execution waits for: not a second read
    expect(reads).toEqual([1, 1, 1]);
  });

  test('Server.html changed by getContent (platform fileContent "escaped"): read again raw, and a note for the maintainers', () => {
    const h = newHarness({ platform: { fileContent: 'escaped' } });
    h.book.clock.set(new Date(2022, 3, 18, 9, 30));
    h.gas.runDiagnostics();
    const result = resultOf(h.book);
    const serverChars = readFileSync(join(DIST, 'Server.html'), 'utf8').length;
    expect(result.json.observations.serverFile).toEqual({ ms: 0, chars: serverChars, via: 'raw' });
    expect(finding(result, 'serverFile')).toEqual({ status: 'note', outcome: `raw fast ms=0 chars=${serverChars}` });
  });

  test('Server.html’s first read failing during the self-check: read again raw, and said as a failure, not a change', () => {
    const h = newHarness();
    h.book.clock.set(new Date(2022, 3, 18, 9, 30));
    h.book.ledger.failWhen((name) => name === 'HtmlOutput.getContent', new Error('Service error: HtmlService'));
    h.gas.runDiagnostics();
    h.book.ledger.clearFaults();
    const result = resultOf(h.book);
    const serverChars = readFileSync(join(DIST, 'Server.html'), 'utf8').length;
    expect(result.json.observations.serverFile).toEqual({
      ms: 0,
      chars: serverChars,
      via: 'raw',
      firstError: 'Service error: HtmlService',
    });
    expect(finding(result, 'serverFile')).toEqual({
      status: 'note',
      outcome: `raw after-failure fast ms=0 chars=${serverChars}`,
    });
  });
});
