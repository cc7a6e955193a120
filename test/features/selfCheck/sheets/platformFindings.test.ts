/**
 * What the self-check's findings say for outcomes the stand-in cannot produce (a Sheets that
 * ignores the leading apostrophe, refuses even quoted Thai names, cannot read rules back, or a
 * run whose probes only the live cells show), and the result sheet's plan and JSON block.
 */
import { readProbeAnswer, probeAnswer } from '../../../../src/features/selfCheck/rules/selfCheckProbe';
import {
  diagnosticsJson,
  diagnosticsSheetPlan,
  previousLive,
} from '../../../../src/features/selfCheck/sheets/diagnosticsSheet';
import type { LiveSeen, Observations } from '../../../../src/features/selfCheck/sheets/observations';
import { platformFindings } from '../../../../src/features/selfCheck/sheets/platformFindings';

const num = (n: number) => ({ kind: 'number' as const, text: String(n) });
const str = (t: string) => ({ kind: 'string' as const, text: t });

/** What a self-check in a well-behaved workbook observes. */
function baseline(): Observations {
  const name = 'ตรวจระบบชั่วคราวเกณฑ์';
  return {
    thaiSheetName: {
      sheetName: name,
      expected: 42,
      unquoted: { written: `=${name}!A1`, formula: `=${name}!A1`, value: num(42) },
      quoted: { written: `='${name}'!A1`, formula: `='${name}'!A1`, value: num(42) },
    },
    customFunctions: {
      probes: [
        { probe: 'plain', formula: '=OTOP_SELFCHECK(42)', value: str('OTOP:number:42') },
        { probe: 'errorCell', formula: '=OTOP_SELFCHECK(A4)', value: str('#DIV/0!') },
        { probe: 'nowArgument', formula: '=OTOP_SELFCHECK(NOW())', value: str('Loading...') },
        { probe: 'todayArgument', formula: '=OTOP_SELFCHECK(TODAY())', value: str('Loading...') },
        { probe: 'todayCell', formula: '=OTOP_SELFCHECK(A7)', value: str('#ERROR!') },
      ],
    },
    typedInput: {
      locale: 'th_TH',
      cells: [
        { typed: '0012', value: num(12), format: '0.###############' },
        { typed: '1/4', value: { kind: 'date', text: '2022-03-31T17:00:00.000Z' }, format: 'd/m/yyyy' },
        { typed: 'TRUE', value: { kind: 'boolean', text: 'true' }, format: '0.###############' },
        { typed: '๑๒', value: num(12), format: '0.###############' },
        { typed: "'0012", value: str('0012'), format: '0.###############' },
      ],
    },
    owner: { ownerDomain: 'nongkhai.example' },
    session: { activeDomain: 'nongkhai.example', effectiveDomain: 'nongkhai.example' },
    intl: {
      buddhist: { locale: 'th-TH-u-ca-buddhist', text: '25 มีนาคม 2565', calendar: 'buddhist', numberingSystem: 'latn' },
      thaiDigits: {
        locale: 'th-TH-u-ca-buddhist-nu-thai',
        text: '๒๕ มีนาคม ๒๕๖๕',
        calendar: 'buddhist',
        numberingSystem: 'thai',
      },
    },
    rules: {
      validation: {
        set: { criteria: 'VALUE_IN_LIST', values: '[["ดีมาก","ดี"],true]', allowInvalid: 'false', helpText: 'x' },
        got: { criteria: 'VALUE_IN_LIST', values: '[["ดีมาก","ดี"],true]', allowInvalid: 'false', helpText: 'x' },
      },
      format: {
        set: {
          ranges: 'A12:A13',
          criteria: 'TEXT_EQUAL_TO',
          values: '["ดีมาก"]',
          background: '#b7e1cd',
          fontColor: '#0b5394',
        },
        got: {
          ranges: 'A12:A13',
          criteria: 'TEXT_EQUAL_TO',
          values: '["ดีมาก"]',
          background: '#b7e1cd',
          fontColor: '#0b5394',
        },
      },
    },
    timings: {
      getValues: { ms: 80, cells: 1000 },
      setValues: { ms: 120, cells: 1000 },
      getters: [{ name: 'Sheet.getName', ms: 0, calls: 5 }],
    },
    serverFile: { ms: 60, chars: 348_515, via: 'content' },
    timeZones: { spreadsheet: 'Asia/Bangkok', script: 'Asia/Bangkok' },
  };
}

const findingOf = (o: Observations, id: string, live: LiveSeen | null = null) => {
  const f = platformFindings(o, live).find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};

test('the baseline passes every finding, and its texts are Thai', () => {
  const findings = platformFindings(baseline(), null);
  expect(findings.map((f) => f.status)).toEqual(new Array(12).fill('ok'));
  for (const f of findings) {
    expect(f.topic).toMatch(/[\u0e00-\u0e7f]/);
    expect(f.meaning).toMatch(/[\u0e00-\u0e7f]/);
  }
  expect(findingOf(baseline(), 'timings').meaning).toContain('712 ครั้ง ≈ 71 วินาที');
});

test('an apostrophe Sheets does not honour: reports would change officers’ text, so nothing is sent', () => {
  const o = baseline();
  const typed = o.typedInput as Extract<Observations['typedInput'], { cells: unknown }>;
  const cells = typed.cells.map((c) => (c.typed === "'0012" ? { ...c, value: num(12) } : c));
  const f = findingOf({ ...o, typedInput: { ...typed, cells } }, 'typedInput');
  expect(f.status).toBe('action');
  expect(f.outcome).toContain('apostrophe-not-honoured');
  expect(f.todo).toContain('อย่าส่งรายงาน');
});

test('quoted Thai names that do not work either: the district table cannot work, said plainly', () => {
  const o = baseline();
  const t = o.thaiSheetName as Extract<Observations['thaiSheetName'], { quoted: unknown }>;
  const f = findingOf({ ...o, thaiSheetName: { ...t, quoted: { ...t.quoted, value: str('#REF!') } } }, 'thaiSheetName');
  expect(f.status).toBe('action');
  expect(f.meaning).toContain('ตารางอำเภอ');
});

test('colour rules that cannot be read back: set-up would drop the officers’ own rules, so it is held', () => {
  const o = baseline();
  const r = o.rules as Extract<Observations['rules'], { format: unknown }>;
  const f = findingOf({ ...o, rules: { ...r, format: { ...r.format, got: null } } }, 'rules');
  expect(f.status).toBe('action');
  expect(f.todo).toContain('อย่ากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ซ้ำ');
});

test('both addresses hidden (reported, should a province caller ever get this far)', () => {
  const f = findingOf({ ...baseline(), session: { activeDomain: '', effectiveDomain: '' } }, 'session');
  expect(f).toMatchObject({ status: 'action', outcome: 'hidden' });
});

test('probes unanswered in the run, answered in the live cells of the previous run: the live ones are used', () => {
  const o = baseline();
  const probes = (o.customFunctions as Extract<Observations['customFunctions'], { probes: unknown }>).probes;
  const pending: Observations['customFunctions'] = { probes: probes.map((p) => ({ ...p, value: str('Loading...') })) };
  const live: LiveSeen = {
    madeAt: 'ตรวจเมื่อ 18 เม.ย. 65 เวลา 09:30 น. โดย x',
    probes: [
      { probe: 'plain', value: str(probeAnswer(42)) },
      { probe: 'errorCell', value: str(probeAnswer('#DIV/0!')) },
      { probe: 'nowArgument', value: str('Loading...') },
      { probe: 'todayArgument', value: str('Loading...') },
      { probe: 'todayCell', value: str('#ERROR!') },
    ],
  };
  expect(findingOf({ ...o, customFunctions: pending }, 'errorArguments').outcome).toBe('not-observable-in-run');
  const f = findingOf({ ...o, customFunctions: pending }, 'errorArguments', live);
  expect(f).toMatchObject({ status: 'ok', outcome: 'passed (live)' });
  expect(f.seen).toContain('18 เม.ย. 65');
});

test('Intl that throws for the Thai-digit locale still passes (the add-on does not use Intl)', () => {
  const o = baseline();
  const f = findingOf(
    { ...o, intl: { ...o.intl, thaiDigits: { failed: 'RangeError: Incorrect locale information provided' } } },
    'intl',
  );
  expect(f).toMatchObject({ status: 'ok', outcome: 'buddhist:yes thaiDigits:no' });
  expect(f.seen).toContain('ใช้ไม่ได้ (RangeError');
});

test('the probe answers and reads back its own format', () => {
  expect(probeAnswer(42)).toBe('OTOP:number:42');
  expect(probeAnswer(new Date(Date.UTC(2022, 2, 25)))).toBe('OTOP:date:2022-03-25T00:00:00.000Z');
  expect(probeAnswer([[1, 2]])).toBe('OTOP:range:1x2');
  expect(probeAnswer('')).toBe('OTOP:empty:');
  expect(readProbeAnswer('OTOP:string:#DIV/0!')).toEqual({ kind: 'string', text: '#DIV/0!' });
  expect(readProbeAnswer('#DIV/0!')).toBeNull();
  expect(readProbeAnswer('OTOP:nonsense:1')).toBeNull();
});

test('the sheet plan: officers’ text behind an apostrophe, probe formulas live, and the next run finds them', () => {
  const o = baseline();
  const findings = platformFindings(o, null);
  const json = diagnosticsJson('2022-04-18T02:30:00.000Z', o, null, findings);
  const plan = diagnosticsSheetPlan({ madeAt: 'ตรวจเมื่อ …', findings, json, notes: [] });
  const flat = plan.values.flat();
  expect(flat.filter((v) => typeof v === 'string' && v.startsWith('=OTOP_SELFCHECK('))).toHaveLength(5);
  expect(flat).toContain('=1/0');
  expect(flat).toContain(`'${json}`);
  expect(plan.values.every((row) => row.length === 5)).toBe(true);
  expect(plan.backgrounds.length).toBe(plan.values.length);
  // the next run reads the live block back from the values Sheets computed
  const computed = plan.values.map((row) =>
    row.map((v) => {
      if (typeof v !== 'string') return v;
      if (v.startsWith('=OTOP_SELFCHECK(42)')) return 'OTOP:number:42';
      return v.startsWith("'") ? v.slice(1) : v; // Sheets keeps the apostrophe out of the value
    }),
  );
  expect(previousLive(computed)?.probes[0]).toEqual({ probe: 'plain', value: str('OTOP:number:42') });
  expect(previousLive([['อื่น ๆ']])).toBeNull();
  expect(JSON.parse(json)).toMatchObject({ otopSelfCheck: 1, summary: { ok: 12 } });
});

test('the sheet is led by a Thai summary; the technical names come only under the technical heading (issue 24)', () => {
  const o: Observations = { ...baseline(), timeZones: { spreadsheet: 'America/New_York', script: 'Asia/Bangkok' } }; // something to do
  const findings = platformFindings(o, null);
  const plan = diagnosticsSheetPlan({ madeAt: 'ตรวจเมื่อ …', findings, json: '{}', notes: [] });
  const firstColumn = plan.values.map((row) => String(row[0]).replace(/^'/, '')); // as Sheets shows it
  const technical = firstColumn.indexOf('รายละเอียดทางเทคนิค (สำหรับผู้ดูแลระบบ)');
  expect(technical).toBeGreaterThan(3);
  const lead = plan.values.slice(0, technical).flat().join(' ');
  expect(lead).not.toMatch(/setValues|getActiveUser|getEffectiveUser|Intl|JSON|OTOP_SELFCHECK/);
  expect(firstColumn[3]).toBe('สิ่งที่ต้องทำ');
  const todo = findings.filter((f) => f.status === 'action' || f.status === 'failed');
  expect(todo.length).toBeGreaterThan(0);
  expect(firstColumn.slice(4, 4 + todo.length)).toEqual(todo.map((f) => `• ${f.todo}`));
});

test('the server part read: within two calls passes, slower or read again raw is a note for the maintainers, a failed read is said', () => {
  const fast = findingOf(baseline(), 'serverFile');
  expect(fast).toMatchObject({ status: 'ok', outcome: 'fast ms=60 chars=348515', todo: '' });
  expect(fast.seen).toBe('อ่าน 348,515 ตัวอักษรใน 60 ms');
  const slow = findingOf({ ...baseline(), serverFile: { ms: 450, chars: 348_515, via: 'content' } }, 'serverFile');
  expect(slow).toMatchObject({ status: 'note', outcome: 'slow ms=450 chars=348515' });
  expect(slow.meaning).toContain('ใช้เวลาเกิน 200 ms');
  expect(slow.todo).toContain('แจ้งผู้ดูแลระบบ');
  // getContent's text was not the file's: the loader read it again with getRawContent
  const raw = findingOf({ ...baseline(), serverFile: { ms: 90, chars: 348_515, via: 'raw' } }, 'serverFile');
  expect(raw).toMatchObject({ status: 'note', outcome: 'raw fast ms=90 chars=348515' });
  expect(raw.seen).toBe('อ่าน 348,515 ตัวอักษรใน 90 ms (อ่านครั้งที่สองด้วย getRawContent)');
  expect(raw.meaning).toContain('HtmlOutput.getContent ให้ข้อความที่ไม่ตรงกับไฟล์');
  expect(raw.meaning).toContain('เรียกบริการเพิ่มอีกสองครั้ง');
  expect(raw.todo).toContain('แจ้งผู้ดูแลระบบ');
  // the first read failed (not a changed text): said as such, with its error, not as getContent's change
  const after = findingOf(
    { ...baseline(), serverFile: { ms: 90, chars: 348_515, via: 'raw', firstError: 'Service error: HtmlService' } },
    'serverFile',
  );
  expect(after).toMatchObject({ status: 'note', outcome: 'raw after-failure fast ms=90 chars=348515' });
  expect(after.meaning).toContain('การอ่านครั้งแรกด้วย HtmlOutput.getContent ไม่สำเร็จ (Service error: HtmlService)');
  expect(after.meaning).not.toContain('ให้ข้อความที่ไม่ตรงกับไฟล์');
  const lost = findingOf(
    { ...baseline(), serverFile: { failed: 'No HTML file named Server was found.' } },
    'serverFile',
  );
  expect(lost).toMatchObject({ status: 'failed', outcome: 'failed' });
  expect(lost.seen).toContain('No HTML file named Server was found.');
});
