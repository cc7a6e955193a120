/**
 * The year simulator (issue 21, item 5; a start): a seeded random sequence of what officers and
 * Google do over fiscal year 2565, one simulated day at a time, against the built bundle over
 * the stand-in — officers typing good and messy entries, notes and pasted rows in the record
 * sheet and the log, sorting it, submitting on time, late and again, the province submitting on
 * a district's behalf and making round summaries, the daily trigger firing (not at all, once or
 * twice), the data check, set-up, and a kill (nothing gets through from a random call on) of any
 * of them. After every step, invariants are checked against the simulator's own small model
 * (what it typed, what it was told), never against the add-on's own bookkeeping:
 * - a submission the officer was told succeeded is never lost (it stays listed with the time it
 *   was made) or re-timed (told on time, it stays on time);
 * - every record in the record sheet and every committed report is logged at most once, and
 *   exactly once unless a step was killed and no run that logs or finishes has completed since;
 * - nothing typed is lost (each entry and each note the simulator typed is still there);
 * - the data check reports exactly the notes and pasted rows the simulator put into the record
 *   sheet and the log, nothing else there.
 * A failing sequence is shrunk (steps removed one at a time while it still fails) and printed.
 */
import { dump } from '../../dev/fakes';
import { dutiesProvince, loadCompiledBundle, SANGKHOM, THA_BO } from '../support/duties';
import { typeRows } from '../support/entries';
import type { Harness } from '../support/workbook';
import { OWNER } from '../support/workbook';

const RECORDS = 'การส่งรายงานของอำเภอ';
const LOG = 'บันทึก';
const DISTRICTS = [
  { name: 'ท่าบ่อ', officer: THA_BO },
  { name: 'สังคม', officer: SANGKHOM },
] as const;

/** What one step does. */
export type StepKind =
  | 'typeEntry'
  | 'typeMessy'
  | 'noteRecords'
  | 'noteLog'
  | 'sortRecords'
  | 'pasteRecord'
  | 'submitMonth'
  | 'submitRound'
  | 'submitAgain'
  | 'behalf'
  | 'summary'
  | 'trigger'
  | 'triggerTwice'
  | 'check'
  | 'setUp';

/** One step of a simulated year. */
export interface Step {
  /** Days after 1 Oct 2564 (0–364). */
  readonly day: number;
  /** Minutes after 08:00 that day. */
  readonly minute: number;
  readonly kind: StepKind;
  /** 0 or 1: which district (its officer), where it matters. */
  readonly district: number;
  /** Killed from this call on (1-based), or null: run whole. */
  readonly killAt: number | null;
}

/** What a simulated year found. */
export interface YearResult {
  readonly steps: number;
  /** Steps run with a kill that did stop the action. */
  readonly faults: number;
  /** Officer-facing refusals (Thai), not violations. */
  readonly refused: number;
  readonly violations: readonly string[];
  /** Index of the step after which the first violation was seen, or -1. */
  readonly failedAt: number;
}

/** A small seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kinds with their weights. */
const WEIGHTS: readonly [StepKind, number][] = [
  ['typeEntry', 6],
  ['typeMessy', 2],
  ['noteRecords', 1],
  ['noteLog', 1],
  ['sortRecords', 1],
  ['pasteRecord', 1],
  ['submitMonth', 6],
  ['submitRound', 3],
  ['submitAgain', 2],
  ['behalf', 2],
  ['summary', 2],
  ['trigger', 4],
  ['triggerTwice', 1],
  ['check', 2],
  ['setUp', 1],
];

/**
 * A year's random steps.
 * @param seed the seed
 * @param count how many steps
 * @param faultRate the share of steps killed at a random call
 */
export function planYear(seed: number, count: number, faultRate: number): Step[] {
  const next = random(seed);
  const total = WEIGHTS.reduce((a, [, w]) => a + w, 0);
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    const pick = next() * total;
    let sum = 0;
    const kind =
      WEIGHTS.find(([, w]) => {
        sum += w;
        return pick < sum;
      })?.[0] ?? 'typeEntry';
    steps.push({
      day: Math.floor(next() * 365),
      minute: Math.floor(next() * 600),
      kind,
      district: next() < 0.5 ? 0 : 1,
      killAt: next() < faultRate ? 1 + Math.floor(next() * 420) : null,
    });
  }
  return steps.sort((a, b) => a.day - b.day || a.minute - b.minute);
}

const SHORT_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** The simulator's own Thai time label of a moment (as the sidebar lists a submission). */
function whenLabel(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getDate()} ${SHORT_MONTHS[at.getMonth()]} ${two((at.getFullYear() + 543) % 100)} เวลา ${two(at.getHours())}:${two(at.getMinutes())} น.`;
}

/** A submission the officer was told succeeded. */
interface Told_ {
  readonly district: number;
  readonly kind: 'month' | 'round';
  readonly period: string;
  readonly label: string;
  readonly onTime: boolean;
}

/** The simulator's model of the year so far. */
interface Model_ {
  told: Told_[];
  /** Sheet → marker texts typed there. */
  typed: Map<string, string[]>;
  /** Rows the simulator put into the record sheet and the log that the data check must report. */
  foreign: number;
}

/** The round deadlines of FY 2565 (Bangkok days). */
const ROUNDS = [new Date(2022, 2, 25), new Date(2022, 4, 27), new Date(2022, 8, 23)];

/** A bundle run as a user over the workbook (compiled once per test file). */
function as(h: Harness, user: string) {
  const run = h.book.createExecution({ user });
  return { run, gas: loadCompiledBundle({ ...run.globals }, h.book.clock.now) };
}

/** The Thai text of an error, or ''. */
const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);

/**
 * Runs a year's steps; stops at the first step whose invariants fail.
 * @param seed the seed (names what is typed)
 * @param steps the steps
 */
export function runYear(seed: number, steps: readonly Step[]): YearResult {
  const h = dutiesProvince(new Date(2021, 9, 1, 7, 0));
  h.gas.sidebarSetReminders(true);
  const model: Model_ = { told: [], typed: new Map(), foreign: 0 };
  let faults = 0;
  let refused = 0;
  // A kill leaves what it committed unlogged until the next run that logs or finishes it.
  let unsettled = false;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const at = new Date(2021, 9, 1 + step.day, 8, step.minute);
    h.book.clock.set(at);
    const outcome = runStep(h, seed, i, step, at, model);
    if (outcome === 'killed') faults++;
    if (outcome === 'refused') refused++;
    if (outcome === 'killed') unsettled = true;
    else if (outcome === 'done' && SETTLING.has(step.kind)) unsettled = false;
    const violations = checkInvariants(h, model, unsettled, step.kind === 'check' && outcome === 'done');
    if (violations.length > 0) {
      return {
        steps: i + 1,
        faults,
        refused,
        violations: violations.map((v) => `step ${i} (${step.kind}): ${v}`),
        failedAt: i,
      };
    }
  }
  return { steps: steps.length, faults, refused, violations: [], failedAt: -1 };
}

/**
 * The actions that, once done, have logged or finished what a killed run left: each writes the
 * log (a submission, a summary, the data check) or finishes stopped records (set-up). The
 * reminders' run logs only when it sent something, so it is not one of them.
 */
const SETTLING: ReadonlySet<StepKind> = new Set([
  'submitMonth',
  'submitRound',
  'submitAgain',
  'behalf',
  'summary',
  'check',
  'setUp',
]);

/** What became of one step. */
type Outcome_ = 'done' | 'refused' | 'killed';

/** Runs one step (killed at its call when asked) and updates the model with what the officer was told. */
function runStep(h: Harness, seed: number, index: number, step: Step, at: Date, model: Model_): Outcome_ {
  const district = DISTRICTS[step.district];
  const marker = `จำลอง-${seed}-${index}`;
  const dateText = `${at.getDate()}/${at.getMonth() + 1}/${at.getFullYear() + 543}`;
  const typed = (sheet: string) => {
    model.typed.set(sheet, [...(model.typed.get(sheet) ?? []), marker]);
  };
  switch (step.kind) {
    case 'typeEntry':
    case 'typeMessy': {
      const sheet = `กิจกรรม ${district.name}`;
      const row =
        step.kind === 'typeEntry'
          ? [dateText, district.name, marker, 'ตลาด', 'อำเภอ', 'ไม่ใช้', 3, 1000, '', '']
          : [
              ` ${dateText.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])} `,
              `อ.${district.name}`,
              marker,
              '',
              '',
              'ไม่ใช้ ',
              '๓',
              '1,000',
              '',
              '',
            ];
      typeRows(as(h, district.officer).run.spreadsheet, sheet, [row]);
      typed(sheet);
      return 'done';
    }
    case 'noteRecords':
    case 'noteLog': {
      const name = step.kind === 'noteRecords' ? RECORDS : LOG;
      const sheet = as(h, district.officer).run.spreadsheet.getSheetByName(name);
      if (!sheet) return 'refused';
      sheet.getRange(sheet.getLastRow() + 1, 1).setValue(`หมายเหตุ ${marker}`);
      typed(name);
      model.foreign++;
      return 'done';
    }
    case 'sortRecords': {
      const sheet = as(h, district.officer).run.spreadsheet.getSheetByName(RECORDS);
      if (!sheet || sheet.getLastRow() < 3) return 'refused';
      sheet
        .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
        .sort({ column: 1 + (index % 5), ascending: index % 2 === 0 });
      return 'done';
    }
    case 'pasteRecord': {
      const sheet = as(h, district.officer).run.spreadsheet.getSheetByName(RECORDS);
      if (!sheet || sheet.getLastRow() < 2) return 'refused';
      const width = sheet.getLastColumn();
      const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
      const record = values.find((r) => r[1] !== '' && typeof r[width - 1] === 'number');
      if (!record) return 'refused';
      sheet.getRange(sheet.getLastRow() + 1, 1, 1, width).setValues([record]);
      model.foreign++;
      return 'done';
    }
    default:
      return runAction(h, step, at, model);
  }
}

/** The month (yyyy-mm) whose report is open on a day: the previous month, within the fiscal year. */
function openMonth(at: Date): string | null {
  const month = new Date(at.getFullYear(), at.getMonth() - 1, 1);
  if (month < new Date(2021, 9, 1)) return null;
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
}

/** The latest round open on a day (from 7 days before its deadline), or 0. */
function openRound(at: Date): number {
  let open = 0;
  ROUNDS.forEach((deadline, i) => {
    if (at.getTime() >= deadline.getTime() - 7 * 86_400_000) open = i + 1;
  });
  return open;
}

/** Whether a moment is on time for a duty (the simulator's own reading of the calendar). */
function onTime(kind: 'month' | 'round', period: string, at: Date): boolean {
  if (kind === 'round') return at.getTime() < ROUNDS[Number(period) - 1].getTime() + 86_400_000;
  const [y, m] = period.split('-').map(Number);
  return at.getTime() < new Date(y, m, 6).getTime(); // by the 5th of the next month
}

/** Runs a bundle action as its user, killed at its call when asked. */
function runAction(h: Harness, step: Step, at: Date, model: Model_): Outcome_ {
  const district = DISTRICTS[step.district];
  const user =
    step.kind === 'behalf' || step.kind === 'summary' || step.kind.startsWith('trigger') || step.kind === 'setUp'
      ? OWNER
      : district.officer;
  const run = as(h, user);
  let call: (() => unknown) | null = null;
  let told: Omit<Told_, 'label' | 'onTime'> | null = null;
  const month = openMonth(at);
  const round = openRound(at);
  switch (step.kind) {
    case 'submitMonth':
    case 'behalf':
      if (!month) return 'refused';
      told = { district: step.district, kind: 'month', period: month };
      call = () =>
        step.kind === 'behalf'
          ? run.gas.sidebarSubmitMonthly(month, true, district.name, true)
          : run.gas.sidebarSubmitMonthly(month, true);
      break;
    case 'submitRound':
      if (!round) return 'refused';
      told = { district: step.district, kind: 'round', period: String(round) };
      call = () => run.gas.sidebarSubmitRound(round, true);
      break;
    case 'submitAgain':
      if (!month) return 'refused';
      told = { district: step.district, kind: 'month', period: month };
      call = () => run.gas.sidebarSubmitMonthly(month, true, '', true);
      break;
    case 'summary':
      if (!round) return 'refused';
      call = () => run.gas.sidebarMakeRoundSummary(round, true);
      break;
    case 'trigger':
      call = () => run.gas.remindDistricts();
      break;
    case 'triggerTwice':
      call = () => {
        run.gas.remindDistricts();
        as(h, OWNER).gas.remindDistricts();
      };
      break;
    case 'check':
      call = () => run.gas.sidebarCheckData();
      break;
    case 'setUp':
      call = () => run.gas.sidebarSetUp();
      break;
    default:
      return 'refused';
  }
  h.book.ledger.reset();
  if (step.killAt !== null) {
    h.book.ledger.inject({
      at: step.killAt,
      mode: 'outage',
      error: new Error('Exceeded maximum execution time'),
      execution: run.run.id,
    });
  }
  let result: unknown = null;
  let thrown: unknown = null;
  try {
    result = call();
  } catch (error) {
    thrown = error;
  }
  const killed = step.killAt !== null && h.book.ledger.countOf(run.run.id) >= step.killAt;
  h.book.ledger.clearFaults();
  try {
    run.run.end(); // a killed run's lock goes with it
  } catch {
    // a write Sheets rejects late: the action said nothing about it
  }
  if (killed) return 'killed';
  if (thrown !== null) {
    if (!/[\u0e00-\u0e7f]/.test(messageOf(thrown))) throw new Error(`a refusal without Thai: ${messageOf(thrown)}`);
    return 'refused';
  }
  if ((result as { needsConfirmation?: unknown } | null)?.needsConfirmation === true) return 'refused'; // asked, nothing written
  const message = String((result as { message?: unknown } | null)?.message ?? '');
  if (told && /เรียบร้อย/.test(message)) {
    model.told.push({ ...told, label: whenLabel(at), onTime: onTime(told.kind, told.period, at) });
  }
  return 'done';
}

/**
 * Every invariant against the model; a list of what is wrong.
 * @param h the workbook
 * @param model what the simulator typed and was told
 * @param unsettled a kill's records may still be unlogged
 * @param checked the step was a data check that completed: its problems are compared
 */
function checkInvariants(h: Harness, model: Model_, unsettled: boolean, checked: boolean): string[] {
  const wrong: string[] = [];
  const ss = h.run.spreadsheet;
  // told-done submissions: never lost, never re-timed
  for (const d of [0, 1]) {
    const mine = model.told.filter((t) => t.district === d);
    if (mine.length === 0) continue;
    const view = as(h, DISTRICTS[d].officer).gas.sidebarDuties();
    for (const t of mine) {
      const duty = view.districts[0]?.duties.find(
        (x: { kind: string; period: string }) => x.kind === t.kind && x.period === t.period,
      );
      const listed = (duty?.submissions ?? []).map((s: { whenText: string }) => s.whenText);
      if (!listed.includes(t.label))
        wrong.push(
          `${DISTRICTS[d].name} ${t.kind} ${t.period} told done at ${t.label}, listed ${listed.join(', ') || 'nothing'}`,
        );
      if (t.onTime && duty?.state !== 'onTime')
        wrong.push(`${DISTRICTS[d].name} ${t.kind} ${t.period} told on time, now ${duty?.state} (${duty?.text})`);
    }
  }
  // logged at most once; exactly once unless the step before was killed
  const log = ss.getSheetByName(LOG)?.getDataRange().getValues() ?? [];
  const refs = new Map<string, number>();
  for (const r of log.slice(1)) if (r[7]) refs.set(String(r[7]), (refs.get(String(r[7])) ?? 0) + 1);
  for (const [ref, n] of refs) if (n > 1) wrong.push(`${ref} logged ${n} times`);
  const records = ss.getSheetByName(RECORDS)?.getDataRange().getValues() ?? [];
  const numbers = new Set(
    records
      .slice(1)
      .map((r) => r[19])
      .filter((n) => typeof n === 'number'),
  );
  const reports = (dump(ss).developerMetadata ?? [])
    .map((m) => JSON.parse(m.value ?? 'null') as { role?: string; report?: { state: string; ref?: string } } | null)
    .filter((m) => m !== null)
    .filter((m) => m.role === 'report' && m.report?.ref && m.report.state !== 'building')
    .map((m) => m.report?.ref as string);
  if (!unsettled) {
    for (const n of numbers) if (!refs.has(`submission:${n}`)) wrong.push(`submission ${n} not logged`);
    for (const ref of reports) if (!refs.has(ref)) wrong.push(`${ref} not logged`);
  }
  // nothing typed is lost
  for (const [sheet, markers] of model.typed) {
    const text = (ss.getSheetByName(sheet)?.getDataRange().getValues() ?? []).flat().map(String).join('\n');
    for (const m of markers) if (!text.includes(m)) wrong.push(`typed ${m} in ${sheet} is gone`);
  }
  // the data check reports exactly what the simulator put into the records and the log
  if (checked) {
    const found = as(h, OWNER)
      .gas.sidebarCheckData()
      .problems.filter((p: { sheet: string }) => p.sheet === RECORDS || p.sheet === LOG);
    if (found.length !== model.foreign) {
      wrong.push(
        `data check: ${found.length} problems in the records and the log, ${model.foreign} put there: ${found.map((p: { message: string }) => p.message).join(' | ')}`,
      );
    }
  }
  return wrong;
}

/**
 * The shortest sequence found that still fails: steps removed one at a time while it fails.
 * @param seed the seed
 * @param steps a failing sequence (cut after its failing step)
 */
export function shrink(seed: number, steps: readonly Step[]): Step[] {
  let current = [...steps];
  for (let i = current.length - 2; i >= 0; i--) {
    const candidate = current.filter((_, k) => k !== i);
    if (runYear(seed, candidate).violations.length > 0) current = candidate;
  }
  return current;
}
