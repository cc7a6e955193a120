/**
 * The year simulator (issue 21, item 5): seeded random days of what officers and Google do over
 * fiscal year 2565 (1 Oct 2564 – 30 Sep 2565), one simulated day at a time, through the built
 * bundle over the stand-in. Each day Google fires the daily reminders' trigger (once; on some
 * days not at all or twice), the owner's MailApp quota is sometimes used up before it, and the
 * officers do a few things at random minutes: type good and messy entries and an error cell
 * (`=1/0`) they later fix, insert columns and rename headers and sheets, delete their own rows,
 * add notes, pasted rows and deleted rows in the records (`การส่งรายงานของอำเภอ`, `บันทึก`),
 * sort the records, submit on time, late and again, submit two at once for one district (the
 * second person's run lands inside the first's, which holds the workbook lock), the province on
 * a district's behalf, round summaries, the data check, set-up, and the province adding and
 * removing a second officer in `ตั้งค่า`; and (drawn from a stream of their own, so that a seed's
 * other steps stay as they were) the province makes a month's report, sends a made report to
 * the province's address (confirming when asked, or not), and a province editor edits a report
 * sheet's cell or its record row by hand. Any step may meet a fault at a random call, in the
 * fault sweeps' modes (before, after, outage, undo, late; dev/fakes/callLedger.ts) or a kill
 * (Apps Script's time limit: nothing gets through from that call on, then the run ends).
 *
 * After every step, invariants are checked against the simulator's own small model (what it
 * typed, what it was told, what Google delivered), never against the add-on's bookkeeping:
 * - a submission the officer was told succeeded is never lost (listed with the minute it was
 *   made) or re-timed (told on time, it stays on time); a refusal adds nothing (a duty lists no
 *   more submissions than were told done or met a fault);
 * - every record and every committed report is logged at most once, and exactly once unless a
 *   step met a fault and no run that logs or finishes has completed since (a log row the
 *   simulator deleted stays deleted: never logged again);
 * - no person gets two reminder e-mails on one day;
 * - every district is reminded of a round or month due, before its deadline, unless it had
 *   submitted, or no day of the window had the trigger run without a fault and the quota left;
 * - nothing typed is lost or changed (each marker and each error formula is still there);
 * - one figure: each district's row of `อำเภอ` and the total row agree with the sidebar (or
 *   both say the district cannot be counted), and the totals never leave a district out;
 * - after a data check, the problems it reports in the records and the log are exactly the
 *   rows the simulator put or removed there;
 * - reports kept as records (issue 26): each report the province was told was made has exactly
 *   one record row in `บันทึกรายงานที่จัดทำ`, numbered as its sheet's mark says, of its kind and
 *   period, under the name it was made with, whose seal (recomputed here from the documented
 *   rule) holds unless the simulator edited that row; rows of reports nobody was told of are at
 *   most one per making run that met a fault;
 * - what is sent (the outbox: to, subject, body, HTML, the PDF's page) is what was made (as the
 *   preview showed it right after making, the sheet's current name and status aside), never a
 *   hand edit of the sheet; a report whose record row was edited by hand is never sent (refused
 *   in Thai), nor by a district's officer, someone named nowhere or a hidden e-mail (each
 *   refused); a report goes a second time only when the officer confirmed it.
 * A failing sequence is shrunk (delta debugging over the recorded steps) and printed; kept as a
 * regression in test/simulator/regressions.json, which the bounded run replays.
 */
import { createHash } from 'node:crypto';
import { EXECUTION_TIME_MESSAGE, type FaultMode } from '../../dev/fakes';
import { LABEL, LETTER_EMAIL } from '../../src/kernel/settings';
import { dutiesProvince, loadCompiledBundle, PROVINCE_EDITOR, SANGKHOM, STRANGER, THA_BO } from '../support/duties';
import type { Harness } from '../support/workbook';
import { OWNER } from '../support/workbook';

const RECORDS = 'การส่งรายงานของอำเภอ';
const LOG = 'บันทึก';
const SETTINGS = 'ตั้งค่า';
const TABLE = 'อำเภอ';
const TOTAL = 'รวมทั้งจังหวัด';
// — reports kept as records
const REPORT_RECORDS = 'บันทึกรายงานที่จัดทำ';
const DISTRICTS = [
  { name: 'ท่าบ่อ', officer: THA_BO, second: 'tha2@district.example' },
  { name: 'สังคม', officer: SANGKHOM, second: 'sangkhom2@district.example' },
] as const;
const DAY_MS = 86_400_000;
const FY_START = new Date(2021, 9, 1);

/** What one step does. */
export type StepKind =
  | 'quota'
  | 'trigger'
  | 'typeEntry'
  | 'typeMessy'
  | 'errorCell'
  | 'fixError'
  | 'insertColumn'
  | 'renameHeader'
  | 'renameSheet'
  | 'deleteEntry'
  | 'noteRecords'
  | 'noteLog'
  | 'sortRecords'
  | 'pasteRecord'
  | 'deleteRecord'
  | 'deleteLogRow'
  | 'submitMonth'
  | 'submitRound'
  | 'submitAgain'
  | 'together'
  | 'behalf'
  | 'summary'
  | 'check'
  | 'setUp'
  | 'addOfficer'
  | 'removeOfficer'
  | 'newYear'
  // — reports kept as records
  | 'monthly'
  | 'send'
  | 'editReport'
  | 'editRecord';

/** A fault at one call of a step's run. */
export interface Fault {
  readonly mode: FaultMode | 'kill';
  /** 1-based call of the run. */
  readonly at: number;
}

/** One step of a simulated year. */
export interface Step {
  /** Days after 1 Oct 2564 (0–364 FY 2565, 365–729 FY 2566, …). */
  readonly day: number;
  /** Minutes after 08:00 that day (the trigger and the quota come before 08:00). */
  readonly minute: number;
  readonly kind: StepKind;
  /** 0 or 1: which district (its officer), where it matters. */
  readonly district: number;
  /** The district's second officer acts (when named), else its first. */
  readonly second: boolean;
  /** A number in [0, 1) choosing the details (a row, a column, a call to interleave at). */
  readonly pick: number;
  /** The fault the step's run meets, or null. */
  readonly fault: Fault | null;
}

/**
 * A bug planted on purpose, to show the invariants catch it: the trigger does nothing, or
 * e-mails every officer once more after its run; a
 * record row's time is rewritten behind the model's back after each submission; a district's
 * table row shows a typed number over its formula.
 */
export type Plant =
  | 'noReminders'
  | 'mailTwice'
  | 'retimeRecord'
  | 'tableFigure'
  // — reports kept as records: the e-mail rendered from the sheet as it shows; a report sent again
  // without the officer confirming; a record edited by hand sent anyway (its edit undone behind
  // the model's back first); each new record row appended twice; a row of a report never made
  | 'sendFromSheet'
  | 'resendUnasked'
  | 'sendBroken'
  | 'recordTwice'
  | 'strayRecord'
  // someone without the right who tries to send gets it sent (run as the owner)
  | 'outsiderSends';

/** What a simulated year found. */
export interface YearResult {
  readonly days: number;
  readonly steps: number;
  /** Steps whose fault was reached (the call it names was made), kills excepted. */
  readonly faults: number;
  /** Steps killed at a call that was reached. */
  readonly kills: number;
  /** Officer-facing refusals (Thai), not violations. */
  readonly refused: number;
  readonly violations: readonly string[];
  /** Index of the step after which the first violation was seen, or -1. */
  readonly failedAt: number;
  /** The fiscal year (BE) the province ran in at the end, as the switches told it. */
  readonly fiscalYear: number;
  /** Switch runs that met a fault or a kill they reached. */
  readonly switchFaults: number;
  // — reports kept as records
  /** Reports the province was told were made, e-mails their sendings delivered, record rows edited by hand. */
  readonly reports: { readonly made: number; readonly sent: number; readonly brokenRecords: number };
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

/** The officers' and the province's actions with their weights. */
const WEIGHTS: readonly [StepKind, number][] = [
  ['typeEntry', 10],
  ['typeMessy', 3],
  ['errorCell', 1],
  ['fixError', 3],
  ['insertColumn', 1],
  ['renameHeader', 1],
  ['renameSheet', 1],
  ['deleteEntry', 1],
  ['noteRecords', 1],
  ['noteLog', 1],
  ['sortRecords', 1],
  ['pasteRecord', 1],
  ['deleteRecord', 1],
  ['deleteLogRow', 1],
  ['submitMonth', 6],
  ['submitRound', 4],
  ['submitAgain', 2],
  ['together', 2],
  ['behalf', 2],
  ['summary', 1],
  ['check', 2],
  ['setUp', 1],
  ['addOfficer', 1],
  ['removeOfficer', 1],
];

/** The fault modes with their weights (a kill as often as all the others together). */
const MODES: readonly [Fault['mode'], number][] = [
  ['kill', 4],
  ['before', 1],
  ['after', 1],
  ['outage', 1],
  ['undo', 1],
  ['late', 1],
];

/** How a year is planned. */
export interface PlanOptions {
  /** Officers' actions per day on average (Poisson). */
  readonly actionsPerDay: number;
  /** The share of steps (actions and trigger runs) meeting a fault. */
  readonly faultRate: number;
  /** The first day simulated (0: 1 Oct). */
  readonly firstDay?: number;
  /** Days simulated (365 from day 0: the whole year). */
  readonly days?: number;
  /** Report steps (a month's report, a sending, a hand edit) per day on average (default 0.25). */
  readonly reportsPerDay?: number;
}

/** The report steps with their weights (drawn from their own stream). */
const REPORT_WEIGHTS: readonly [StepKind, number][] = [
  ['monthly', 2],
  ['send', 5],
  ['editReport', 2],
  ['editRecord', 1],
];

/** Picks from weighted choices. */
function weighted<T>(next: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((a, [, w]) => a + w, 0);
  let pick = next() * total;
  for (const [value, w] of choices) {
    if (pick < w) return value;
    pick -= w;
  }
  return choices[choices.length - 1][0];
}

/**
 * A year's random days: each day the quota is used up now and then, the trigger fires (not at
 * all, once or twice), and a Poisson number of actions follow at random minutes.
 * @param seed the seed
 * @param options actions per day, fault rate, days
 */
export function planYear(seed: number, options: PlanOptions): Step[] {
  const next = random(seed);
  const steps: Step[] = [];
  const fault = (): Fault | null =>
    next() < options.faultRate ? { mode: weighted(next, MODES), at: 1 + Math.floor(next() * next() * 400) } : null;
  const step = (day: number, minute: number, kind: StepKind): Step => ({
    day,
    minute,
    kind,
    district: next() < 0.5 ? 0 : 1,
    second: next() < 0.25,
    pick: next(),
    fault: fault(),
  });
  const from = options.firstDay ?? 0;
  // the report steps come from a stream of their own: a seed's other steps are as they were
  const other = random(seed ^ 0x26262626);
  const reportStep = (day: number): Step => ({
    day,
    minute: Math.floor(other() * 600),
    kind: weighted(other, REPORT_WEIGHTS),
    district: other() < 0.5 ? 0 : 1,
    second: other() < 0.15,
    pick: other(),
    fault:
      other() < options.faultRate
        ? { mode: weighted(other, MODES), at: 1 + Math.floor(other() * other() * 300) }
        : null,
  });
  // the province starts the next fiscal year on a day of 2–6 Oct (a faulted switch is run again)
  let switchDay = -1;
  for (let day = from; day < from + (options.days ?? 365); day++) {
    const date = new Date(2021, 9, 1 + day);
    if (day > 0 && date.getMonth() === 9 && date.getDate() === 1) switchDay = day + 1 + Math.floor(next() * 5);
    if (next() < 0.04) steps.push(step(day, -90, 'quota'));
    const r = next();
    const fires = r < 0.04 ? 0 : r < 0.08 ? 2 : 1;
    for (let k = 0; k < fires; k++) steps.push(step(day, -60 + k, 'trigger'));
    // Knuth's Poisson draw
    let count = -1;
    for (let p = 1, limit = Math.exp(-options.actionsPerDay); p > limit; p *= next()) count++;
    const today: Step[] = [];
    for (let k = 0; k < count; k++) today.push(step(day, Math.floor(next() * 600), weighted(next, WEIGHTS)));
    if (day === switchDay) {
      const planned = step(day, Math.floor(next() * 600), 'newYear');
      // the switch meets a fault or a kill half the time when faults are simulated
      const first =
        planned.fault || options.faultRate === 0 || next() < 0.5
          ? planned
          : { ...planned, fault: { mode: weighted(next, MODES), at: 1 + Math.floor(next() * 200) } };
      today.push(first);
      if (first.fault) today.push({ ...first, minute: first.minute, fault: null });
    }
    if (other() < (options.reportsPerDay ?? 0.25)) today.push(reportStep(day));
    steps.push(...today.sort((a, b) => a.minute - b.minute));
  }
  return steps;
}

const SHORT_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** The simulator's own Thai time label of a moment (as the sidebar lists a submission). */
function whenLabel(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getDate()} ${SHORT_MONTHS[at.getMonth()]} ${two((at.getFullYear() + 543) % 100)} เวลา ${two(at.getHours())}:${two(at.getMinutes())} น.`;
}

/** A duty of a district: its kind and period. */
interface Duty_ {
  readonly district: number;
  /** The fiscal year (BE) the duty belongs to. */
  readonly fiscalYear: number;
  readonly kind: 'month' | 'round';
  readonly period: string;
}

/** A submission the officer was told succeeded. */
interface Told_ extends Duty_ {
  readonly label: string;
  readonly onTime: boolean;
}

/** The simulator's model of the year so far. */
interface Model_ {
  told: Told_[];
  /** Submissions whose run met a fault, by duty key: they may or may not have been written. */
  unsure: Map<string, number>;
  /** Record rows deleted by the simulator, by duty key. */
  deleted: Map<string, number>;
  /** First day a district attempted a duty (told, refused or faulted), by duty key. */
  attempted: Map<string, number>;
  /** Sheet id → marker texts typed there (entries and notes). */
  typed: Map<number, string[]>;
  /** Sheet id → cells (A1) holding the error formula the simulator typed. */
  errors: Map<number, string[]>;
  /** Rows the data check must report: notes and pasted rows, per sheet name. */
  foreign: Map<string, number>;
  /** Sheets in which the simulator deleted records (each reported, at least once). */
  deletedIn: Map<string, number>;
  /**
   * Of those, record rows no log row named yet (written by a run that stopped before logging
   * them): the add-on cannot tell such a row deleted by hand from a number its stopped run kept
   * and never wrote, so the data check may pass over it.
   */
  unfinishedDeletedIn: Map<string, number>;
  /** Log references whose row the simulator deleted (never logged again). */
  unlogged: Set<string>;
  /** Second officers named, per district. */
  seconds: [boolean, boolean];
  /** Days on which a trigger run completed without a fault with the quota left. */
  cleanDays: Set<number>;
  /** The owner's quota used up on these days. */
  noQuota: Set<number>;
  /** The e-mails (indices into what MailApp delivered) sent by the reminders' trigger runs. */
  reminders: Set<number>;
  /** What the sidebar was last compared against (fingerprints). */
  seen: { records: string; inputs: string; figures: string };
  /** The fiscal year (BE) the province runs in, as the simulator was told by the switch. */
  year: number;
  /** A switch met a fault and no run of it has told how it ended: the year may be either. */
  switchUnsure: boolean;
  /** Live entry sheet id → entries the switch emptied (never seen there again). */
  emptied: Map<number, string[]>;
  /** Markers typed while a faulted switch was unsure. */
  typedUnsure: Set<string>;
  /** Such a marker once the switch is done → the live sheet and the copy: in one of them. */
  either: Map<string, [number, number]>;
  // — reports kept as records
  /** The reports the province was told were made, by their sheet's id (renames follow it). */
  reports: Map<number, Made_>;
  /** Making runs that met a fault and told nothing: each may have left one report nobody was told of. */
  reportFaults: number;
  /** What the record invariants last looked at (a fingerprint). */
  seenRecords: string;
}

/** A report the province was told was made, as the simulator saw it. */
interface Made_ {
  readonly kind: 'month' | 'round';
  readonly period: string;
  /** The sheet's name when it was made (the record keeps it). */
  readonly name: string;
  /** What sending it would send, as previewed right after it was made (its sheet untouched). */
  readonly view: { subject: string; html: string; lineText: string; attachment: string };
  /** The PDF's page of its first sending before any hand edit (later ones must match it). */
  page: string | null;
  /** Markers typed into its sheet by hand. */
  edits: string[];
  /** Its record row was edited by hand: its row as it was (the plant 'sendBroken' puts it back). */
  broken: { row: number; values: unknown[] } | null;
  /** E-mails Google delivered for it. */
  delivered: number;
}

/** The key of a duty. */
const dutyKey = (d: Duty_) => `${d.district}|${d.fiscalYear}|${d.kind}|${d.period}`;

/** The round deadlines of FY 2565 (Bangkok days). */
const ROUNDS = [new Date(2022, 2, 25), new Date(2022, 4, 27), new Date(2022, 8, 23)];

/**
 * The round deadlines of a fiscal year, by the simulator's own calendar: FY 2565's, then each
 * year's on the same weekday of the same week of its month (as the switch proposes them and the
 * province keeps them; docs/fiscal-years.md).
 */
function roundsOf(fiscalYear: number): Date[] {
  return ROUNDS.map((d) => {
    const y = d.getFullYear() + (fiscalYear - 2565);
    const week = Math.ceil(d.getDate() / 7);
    const first = new Date(y, d.getMonth(), 1);
    const offset = (d.getDay() - first.getDay() + 7) % 7;
    return new Date(y, d.getMonth(), 1 + offset + (week - 1) * 7);
  });
}

/** The fiscal year (BE) of a month (yyyy-mm): October begins the next. */
function fiscalYearOfMonth(period: string): number {
  const [y, m] = period.split('-').map(Number);
  return y + 543 + (m >= 10 ? 1 : 0);
}

/** A bundle run as a user over the workbook (compiled once per test file). */
function as(h: Harness, user: string, hideEmail = false) {
  const run = h.book.createExecution({ user, hideEmail });
  return { run, gas: loadCompiledBundle({ ...run.globals }, h.book.clock.now) };
}

/** The Thai text of an error, or ''. */
const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);

const THAI = /[\u0e00-\u0e7f]/;

/** The day index (0 = 1 Oct 2564) of a moment. */
const dayOf = (at: Date) =>
  Math.round((new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime() - FY_START.getTime()) / DAY_MS);

/**
 * Runs a year's steps; stops at the first step whose invariants fail.
 * @param seed the seed (names what is typed)
 * @param steps the steps
 * @param plant a bug planted to show that the invariants catch it (tests only)
 */
export function runYear(seed: number, steps: readonly Step[], plant: Plant | null = null): YearResult {
  const h = dutiesProvince(new Date(2021, 9, 1, 7, 0));
  h.gas.sidebarSetReminders(true);
  const model: Model_ = {
    told: [],
    unsure: new Map(),
    deleted: new Map(),
    attempted: new Map(),
    typed: new Map(),
    errors: new Map(),
    foreign: new Map(),
    deletedIn: new Map(),
    unfinishedDeletedIn: new Map(),
    unlogged: new Set(),
    seconds: [false, false],
    cleanDays: new Set(),
    noQuota: new Set(),
    seen: { records: '', inputs: '', figures: '' },
    reminders: new Set(),
    year: 2565,
    switchUnsure: false,
    emptied: new Map(),
    typedUnsure: new Set(),
    either: new Map(),
    reports: new Map(),
    reportFaults: 0,
    seenRecords: '',
  };
  let faults = 0;
  let kills = 0;
  let refused = 0;
  let switchFaults = 0;
  // A fault leaves what it committed unlogged until the next run that logs or finishes it.
  let unsettled = false;
  // deadlines before this day have been checked for their reminders
  let checkedTo = steps[0]?.day ?? 0;
  const mailsBefore = { count: h.book.sentMails.length };
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const at = new Date(2021, 9, 1 + step.day, 8, step.minute);
    if (at.getTime() > h.book.clock.now()) h.book.clock.set(at);
    // deadlines passed since the last step: was every district reminded?
    const late = step.day > checkedTo ? remindedBefore(h, model, checkedTo, step.day) : [];
    checkedTo = Math.max(checkedTo, step.day);
    const outcome = runStep(h, seed, i, step, model, plant);
    if (plant === 'retimeRecord' || plant === 'tableFigure') plantBug(h, plant);
    if ((plant === 'recordTwice' || plant === 'strayRecord') && outcome === 'done' && MAKING.has(step.kind))
      plantRecord_(h, plant);
    if (step.kind === 'newYear' && (outcome === 'faulted' || outcome === 'killed')) switchFaults++;
    if (outcome === 'faulted') faults++;
    if (outcome === 'killed') kills++;
    if (outcome === 'refused') refused++;
    if (outcome === 'faulted' || outcome === 'killed') unsettled = true;
    else if (outcome === 'done' && SETTLING.has(step.kind)) unsettled = false;
    if (TRACE) trace_(h, i, step, outcome);
    const violations = [
      ...late,
      ...(typeof outcome === 'string' ? [] : [outcome.violation]),
      ...checkInvariants(h, model, unsettled, step.kind === 'check' && outcome === 'done', mailsBefore),
    ];
    if (violations.length > 0) {
      return {
        days: step.day - (steps[0]?.day ?? 0) + 1,
        steps: i + 1,
        faults,
        kills,
        refused,
        violations: violations.map((v) => `step ${i} (day ${step.day} ${step.kind}): ${v}`),
        failedAt: i,
        fiscalYear: model.year,
        switchFaults,
        reports: reportCounts_(model),
      };
    }
  }
  const end = steps.length > 0 ? steps[steps.length - 1].day + 1 : 0;
  const last = remindedBefore(h, model, checkedTo, end);
  return {
    days: end - (steps[0]?.day ?? 0),
    steps: steps.length,
    faults,
    kills,
    refused,
    violations: last.map((v) => `year end: ${v}`),
    failedAt: last.length > 0 ? steps.length - 1 : -1,
    fiscalYear: model.year,
    switchFaults,
    reports: reportCounts_(model),
  };
}

/** SIMULATE_TRACE=1: every step, its outcome and the records' numbers and logged references are printed. */
const TRACE = process.env.SIMULATE_TRACE === '1';

/**
 * Prints one step for SIMULATE_TRACE: what ran, how it ended, the submissions' numbers in the
 * records sheet and the submissions the log names (a failing seed's diagnosis).
 * @param h the workbook
 * @param i the step's index
 * @param step the step
 * @param outcome how it ended
 */
function trace_(h: Harness, i: number, step: Step, outcome: Outcome_): void {
  const ss = h.run.spreadsheet;
  const records = ss.getSheetByName(RECORDS)?.getDataRange().getValues() ?? [];
  const numberCol = (records[0] ?? []).indexOf('เลขที่');
  const numbers = records.slice(1).map((r) => r[numberCol]);
  const log = ss.getSheetByName(LOG)?.getDataRange().getValues() ?? [];
  const refs = log
    .slice(1)
    .map((r) => String(r[7] ?? ''))
    .filter((r) => r.startsWith('submission:'))
    .map((r) => r.slice(11));
  const probe = h.book.createExecution({ user: OWNER });
  const props = probe.globals.PropertiesService.getDocumentProperties().getProperties();
  probe.end();
  // — reports kept as records: the report records' numbers and references, and the report sheets' marks
  const kept = ss.getSheetByName(REPORT_RECORDS)?.getDataRange().getValues() ?? [];
  const at = (name: string) => (kept[0] ?? []).indexOf(name);
  const reportRows = kept
    .slice(1)
    .map((r) => `${r[at('เลขที่')]}:${String(r[at('อ้างอิง')]).replace(/^report:|:v1:20|:00\.000Z$/g, '')}`);
  const marks = ss
    .createDeveloperMetadataFinder()
    .withKey('otop.sheet')
    .find()
    .map((m) => JSON.parse(m.getValue() ?? '{}') as Mark_)
    .filter((m) => m.role === 'report')
    .map((m) => `${m.sheetId}:${m.report?.state}:${m.report?.record}`);
  process.stdout.write(
    `${i} d${step.day} ${step.kind} ${step.district}${step.second ? "'" : ''} ${step.fault ? `${step.fault.mode}@${step.fault.at}` : '-'} => ${typeof outcome === 'string' ? outcome : outcome.violation} | rec ${numbers.join(',')} | log ${refs.join(',')} | state ${props['otop.submissions.records'] ?? ''} log ${props['otop.log.records'] ?? ''} | reports ${reportRows.join(',')} | marks ${marks.join(',')}\n`,
  );
}

/**
 * The actions that, once done, have logged or finished what a faulted run left: each writes the
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
  'monthly',
]);

/** What became of one step: a violation found while running it is returned as such. */
type Outcome_ = 'done' | 'refused' | 'faulted' | 'killed' | { violation: string };

/** A sheet by its id (the simulator follows renames). */
function sheetById(h: Harness, id: number) {
  return h.run.spreadsheet.getSheets().find((s) => s.getSheetId() === id) ?? null;
}

/** The sheet id of a district's entry sheet, kept from the first step (renames follow it). */
const entryIds = new WeakMap<Harness, number[][]>();
function entrySheet(h: Harness, district: number, online: boolean) {
  let ids = entryIds.get(h);
  if (!ids) {
    const ss = h.run.spreadsheet;
    ids = DISTRICTS.map((d) =>
      [`กิจกรรม ${d.name}`, `ออนไลน์ ${d.name}`].map((n) => ss.getSheetByName(n)?.getSheetId() ?? -1),
    );
    entryIds.set(h, ids);
  }
  return sheetById(h, ids[district][online ? 1 : 0]);
}

/** The 1-based column whose header reads as `header` (spacing ignored), or 0. */
function columnOf(header: readonly unknown[], name: string): number {
  const key = (v: unknown) => String(v).replace(/\s+/g, '').replace(/[()]/g, '').toLowerCase();
  return header.findIndex((c) => key(c) === key(name)) + 1;
}

/** Runs one step (meeting its fault when asked) and updates the model with what happened. */
function runStep(h: Harness, seed: number, index: number, step: Step, model: Model_, plant: Plant | null): Outcome_ {
  const district = DISTRICTS[step.district];
  const marker = `จำลอง-${seed}-${index}`;
  const at = new Date(h.book.clock.now());
  const dateText = `${at.getDate()}/${at.getMonth() + 1}/${at.getFullYear() + 543}`;
  const typed = (id: number, text: string) => {
    model.typed.set(id, [...(model.typed.get(id) ?? []), text]);
    if (model.switchUnsure) model.typedUnsure.add(text);
  };
  const officerSs = () => as(h, district.officer).run.spreadsheet;
  switch (step.kind) {
    case 'quota':
      h.book.setMailQuota(0, OWNER);
      model.noQuota.add(step.day);
      return 'done';
    case 'typeEntry':
    case 'typeMessy': {
      const sheet = entrySheet(h, step.district, false);
      if (!sheet) return 'refused';
      const mine = officerSs()
        .getSheets()
        .find((s) => s.getSheetId() === sheet.getSheetId());
      if (!mine) return 'refused';
      const width = mine.getLastColumn();
      const header = mine.getRange(1, 1, 1, width).getValues()[0];
      const messy = step.kind === 'typeMessy';
      const cells: [string, unknown][] = [
        ['วันที่', messy ? ` ${dateText.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])} ` : dateText],
        ['อำเภอ', messy ? `อ.${district.name}` : district.name],
        ['ชื่อกิจกรรม', marker],
        ['สถานที่', messy ? '' : 'ตลาด'],
        ['ผู้จัด', messy ? '' : 'อำเภอ'],
        ['ใช้งบประมาณภาครัฐ (ใช้/ไม่ใช้)', messy ? 'ไม่ใช้ ' : 'ไม่ใช้'],
        ['ผู้ประกอบการที่เข้าร่วม (ราย)', messy ? '๓' : 3],
        ['ยอดจำหน่าย (บาท)', messy ? '1,000' : 1000],
      ];
      const row = Array.from({ length: width }, () => '' as unknown);
      for (const [name, value] of cells) {
        const c = columnOf(header, name);
        if (c > 0) row[c - 1] = value;
      }
      if (!row.includes(marker)) row[Math.min(2, width - 1)] = marker;
      mine.getRange(mine.getLastRow() + 1, 1, 1, width).setValues([row as never]);
      typed(sheet.getSheetId(), marker);
      return 'done';
    }
    case 'errorCell':
    case 'fixError': {
      const sheet = entrySheet(h, step.district, false);
      if (!sheet || sheet.getLastRow() < 2) return 'refused';
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const note = columnOf(header, 'หมายเหตุ');
      if (note === 0) return 'refused';
      const id = sheet.getSheetId();
      if (step.kind === 'errorCell') {
        const row = 2 + Math.floor(step.pick * (sheet.getLastRow() - 1));
        const cell = sheet.getRange(row, note);
        if (cell.getFormula() !== '' || cell.getValue() !== '') return 'refused';
        cell.setFormula('=1/0');
        model.errors.set(id, [...(model.errors.get(id) ?? []), cell.getA1Notation()]);
        return 'done';
      }
      // the officer who sees an error cell fixes it, in whichever district's sheet it is
      const [fixId, cells] = [...model.errors].find(([, c]) => c.length > 0) ?? [id, []];
      if (cells.length === 0) return 'refused';
      const fixSheet = sheetById(h, fixId);
      if (!fixSheet) return 'refused';
      // the officer fixes the cell: the formula is replaced by what they meant, a marker
      for (const a1 of cells) fixSheet.getRange(a1).setValue(`แก้ ${marker}`);
      typed(fixId, `แก้ ${marker}`);
      model.errors.delete(fixId);
      return 'done';
    }
    case 'insertColumn': {
      const sheet = entrySheet(h, step.district, step.pick < 0.5);
      if (!sheet) return 'refused';
      const width = sheet.getLastColumn();
      const after = 1 + Math.floor(step.pick * width);
      sheet.insertColumnsAfter(after, 1);
      sheet.getRange(1, after + 1).setValue(`เพิ่มเติม ${marker}`);
      typed(sheet.getSheetId(), `เพิ่มเติม ${marker}`);
      // the error cells move with their column
      const moved = (model.errors.get(sheet.getSheetId()) ?? []).map((a1) => {
        const cell = sheet.getRange(a1);
        const col = cell.getColumn() > after ? cell.getColumn() + 1 : cell.getColumn();
        return sheet.getRange(cell.getRow(), col).getA1Notation();
      });
      if (moved.length > 0) model.errors.set(sheet.getSheetId(), moved);
      return 'done';
    }
    case 'renameHeader': {
      // an officer's habit: spacing and brackets in a header (the readers ignore them)
      const sheet = entrySheet(h, step.district, step.pick < 0.5);
      if (!sheet) return 'refused';
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const c = Math.floor(step.pick * header.length);
      const text = String(header[c]);
      if (text === '' || text.startsWith('เพิ่มเติม')) return 'refused';
      sheet.getRange(1, c + 1).setValue(step.pick < 0.3 ? ` ${text}  ` : text.replace(/ /g, '  '));
      return 'done';
    }
    case 'renameSheet': {
      const sheet = entrySheet(h, step.district, step.pick < 0.5);
      if (!sheet) return 'refused';
      const base = sheet.getName().replace(/ \(.*\)$/, '');
      sheet.setName(`${base} (${index})`);
      return 'done';
    }
    case 'deleteEntry': {
      // an officer deletes a row they typed: its marker leaves the model with it
      const sheet = entrySheet(h, step.district, false);
      if (!sheet) return 'refused';
      const id = sheet.getSheetId();
      const mine = (model.typed.get(id) ?? []).filter((m) => !m.startsWith('เพิ่มเติม') && !m.startsWith('แก้'));
      if (mine.length === 0) return 'refused';
      const gone = mine[Math.floor(step.pick * mine.length)];
      const values = sheet.getDataRange().getValues();
      const row = values.findIndex((r) => r.includes(gone));
      if (row < 1) return 'refused';
      const rowText = values[row].map(String);
      const errorsThere = (model.errors.get(id) ?? []).filter((a1) => sheet.getRange(a1).getRow() === row + 1);
      if (errorsThere.length > 0) return 'refused';
      sheet.deleteRow(row + 1);
      model.typed.set(
        id,
        (model.typed.get(id) ?? []).filter((m) => !rowText.includes(m)),
      );
      model.errors.set(
        id,
        (model.errors.get(id) ?? []).map((a1) => {
          const cell = sheet.getRange(a1);
          return cell.getRow() > row + 1 ? sheet.getRange(cell.getRow() - 1, cell.getColumn()).getA1Notation() : a1;
        }),
      );
      return 'done';
    }
    case 'noteRecords':
    case 'noteLog': {
      const name = step.kind === 'noteRecords' ? RECORDS : LOG;
      const sheet = officerSs().getSheetByName(name);
      if (!sheet) return 'refused';
      sheet.getRange(sheet.getLastRow() + 1, 1).setValue(`หมายเหตุ ${marker}`);
      typed(sheet.getSheetId(), `หมายเหตุ ${marker}`);
      model.foreign.set(name, (model.foreign.get(name) ?? 0) + 1);
      return 'done';
    }
    case 'sortRecords': {
      const sheet = officerSs().getSheetByName(RECORDS);
      if (!sheet || sheet.getLastRow() < 3) return 'refused';
      sheet
        .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
        .sort({ column: 1 + (index % 5), ascending: index % 2 === 0 });
      return 'done';
    }
    case 'pasteRecord': {
      const sheet = officerSs().getSheetByName(RECORDS);
      if (!sheet || sheet.getLastRow() < 2) return 'refused';
      const width = sheet.getLastColumn();
      const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
      const record = values.find((r) => r[1] !== '' && typeof r[width - 1] === 'number');
      if (!record) return 'refused';
      sheet.getRange(sheet.getLastRow() + 1, 1, 1, width).setValues([record]);
      model.foreign.set(RECORDS, (model.foreign.get(RECORDS) ?? 0) + 1);
      return 'done';
    }
    case 'deleteRecord':
    case 'deleteLogRow': {
      // a person deletes a record row: the data check must say so; it never hides another
      const name = step.kind === 'deleteRecord' ? RECORDS : LOG;
      const sheet = officerSs().getSheetByName(name);
      if (!sheet || sheet.getLastRow() < 2) return 'refused';
      const values = sheet.getDataRange().getValues();
      const header = values[0].map(String);
      const numberCol = header.indexOf('เลขที่');
      const candidates = values
        .map((r, i) => ({ r, i }))
        .filter(({ r, i }) => i > 0 && numberCol >= 0 && typeof r[numberCol] === 'number');
      if (candidates.length === 0) return 'refused';
      const { r, i } = candidates[Math.floor(step.pick * candidates.length)];
      // a row pasted twice counts once: deleting one copy removes nothing
      const copies = candidates.filter(({ r: o }) => o[numberCol] === r[numberCol]).length;
      if (copies > 1) return 'refused';
      if (name === RECORDS) {
        const d = DISTRICTS.findIndex((x) => x.name === r[header.indexOf('อำเภอ')]);
        const label = whenLabel(new Date(String(r[header.indexOf('เวลา (ISO)')])));
        const k = model.told.findIndex((t) => t.district === d && t.label === label);
        if (k >= 0) {
          const [gone] = model.told.splice(k, 1);
          model.deleted.set(dutyKey(gone), (model.deleted.get(dutyKey(gone)) ?? 0) + 1);
        } else {
          // a faulted run's record: one unsure submission of that district is now gone
          const key = [...model.unsure.keys()].find((u) => u.startsWith(`${d}|`) && (model.unsure.get(u) ?? 0) > 0);
          if (key) model.deleted.set(key, (model.deleted.get(key) ?? 0) + 1);
        }
        const log = h.run.spreadsheet.getSheetByName(LOG)?.getDataRange().getValues() ?? [];
        if (!log.some((l) => l[7] === `submission:${r[numberCol]}`))
          model.unfinishedDeletedIn.set(name, (model.unfinishedDeletedIn.get(name) ?? 0) + 1);
      } else {
        const ref = r[7];
        if (!ref) return 'refused';
        model.unlogged.add(String(ref));
      }
      sheet.deleteRow(i + 1);
      model.deletedIn.set(name, (model.deletedIn.get(name) ?? 0) + 1);
      return 'done';
    }
    case 'addOfficer':
    case 'removeOfficer': {
      const settings = h.run.spreadsheet.getSheetByName(SETTINGS);
      if (!settings) return 'refused';
      const values = settings.getDataRange().getValues();
      const row = values.findIndex((r) => r[0] === LABEL.districtEditors(district.name));
      if (row < 0) return 'refused';
      const adding = step.kind === 'addOfficer';
      if (model.seconds[step.district] === adding) return 'refused';
      settings.getRange(row + 1, 2).setValue(adding ? `${district.officer}, ${district.second}` : district.officer);
      model.seconds[step.district] = adding;
      return 'done';
    }
    // — reports kept as records
    case 'editReport':
      return editReport_(h, step, model, index, marker);
    case 'editRecord':
      return editRecord_(h, step, model, marker);
    default:
      return runAction(h, step, model, plant);
  }
}

/** Plants a bug behind the model's back (tests of the simulator only). */
function plantBug(h: Harness, plant: Plant): void {
  const ss = h.run.spreadsheet;
  if (plant === 'retimeRecord') {
    const sheet = ss.getSheetByName(RECORDS);
    if (!sheet || sheet.getLastRow() < 2) return;
    // the first record's time one day later, as a bug re-timing it would (its seal no longer holds)
    const at = sheet.getRange(2, 17);
    if (typeof at.getValue() === 'string' && at.getValue() !== '') {
      at.setValue(new Date(new Date(String(at.getValue())).getTime() + DAY_MS).toISOString());
    }
    return;
  }
  const table = ss.getSheetByName(TABLE);
  table?.getRange(2, 8).setValue(99);
}

/** The month (yyyy-mm) whose report is open on a day: the previous month, within the fiscal year. */
function openMonth(at: Date): string | null {
  const month = new Date(at.getFullYear(), at.getMonth() - 1, 1);
  if (month < FY_START) return null;
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
}

/** The latest round open on a day (from 7 days before its deadline), or 0. */
function openRound(at: Date, fiscalYear: number): number {
  let open = 0;
  roundsOf(fiscalYear).forEach((deadline, i) => {
    if (at.getTime() >= deadline.getTime() - 7 * DAY_MS) open = i + 1;
  });
  return open;
}

/** The deadline (Bangkok day) of a duty. */
function deadlineOf(kind: 'month' | 'round', period: string, fiscalYear: number): Date {
  if (kind === 'round') return roundsOf(fiscalYear)[Number(period) - 1];
  const [y, m] = period.split('-').map(Number);
  return new Date(y, m, 5); // the 5th of the next month
}

/** Whether a moment is on time for a duty (the simulator's own reading of the calendar). */
function onTime(kind: 'month' | 'round', period: string, fiscalYear: number, at: Date): boolean {
  return at.getTime() < deadlineOf(kind, period, fiscalYear).getTime() + DAY_MS;
}

/** Injects a step's fault into a run's calls. */
function injectFault(h: Harness, fault: Fault, execution: number): void {
  const error = (name: string) =>
    fault.mode === 'kill'
      ? new Error(EXECUTION_TIME_MESSAGE)
      : name.startsWith('MailApp')
        ? new Error('Service invoked too many times for one day: email.')
        : new Error('Service Spreadsheets timed out while accessing document with id 1.');
  h.book.ledger.inject({
    at: fault.at,
    mode: fault.mode === 'kill' ? 'outage' : fault.mode,
    error,
    execution,
    ...(fault.mode === 'undo' ? { undoAt: 1 + (fault.at % 5) } : {}),
  });
}

/** Calls a bundle function, returning what it returned or threw. */
function attempt(call: () => unknown): { result: unknown; thrown: unknown } {
  try {
    return { result: call(), thrown: null };
  } catch (error) {
    return { result: null, thrown: error ?? new Error('thrown') };
  }
}

/** Whether a submission result tells the officer it succeeded. */
const succeeded = (result: unknown) => /เรียบร้อย/.test(String((result as { message?: unknown } | null)?.message ?? ''));

/** Runs a bundle action as its user, meeting its fault when asked. */
function runAction(h: Harness, step: Step, model: Model_, plant: Plant | null): Outcome_ {
  const district = DISTRICTS[step.district];
  const at = new Date(h.book.clock.now());
  const byProvince =
    step.kind === 'behalf' ||
    step.kind === 'summary' ||
    step.kind === 'trigger' ||
    step.kind === 'setUp' ||
    step.kind === 'newYear' ||
    REPORTING.has(step.kind);
  // the second officer acts whether named or not: once removed (or before being named) they
  // must be refused and change nothing
  const officer = step.second ? district.second : district.officer;
  const named = !step.second || model.seconds[step.district];
  // — reports kept as records: the owner or a province editor makes and sends; a district's
  // officer, someone named nowhere or a hidden e-mail who tries to send is refused
  const user = REPORTING.has(step.kind) ? reportUser_(step) : byProvince ? OWNER : officer;
  if (step.kind === 'trigger') {
    // what the quota allows today, as Google would answer (asked outside the add-on's run)
    const probe = h.book.createExecution({ user: OWNER });
    const left = (probe.globals.MailApp as GoogleAppsScript.Mail.MailApp).getRemainingDailyQuota();
    probe.end();
    if (left < 5) model.noQuota.add(step.day);
  }
  const run = as(h, user, step.kind === 'send' && step.second && outsider_(step).hidden);
  let call: (() => unknown) | null = null;
  let duty: Duty_ | null = null;
  const month = openMonth(at);
  // the rounds of the year the province runs in; unknown while a faulted switch is unsure
  const round = model.switchUnsure ? 0 : openRound(at, model.year);
  // the other person of a two-at-once step: told outcomes of their run
  let other: { duty: Duty_; result: unknown; thrown: unknown } | null = null;
  // — reports kept as records: the report a sending step sends
  let sending: Sending_ | null = null;
  switch (step.kind) {
    case 'submitMonth':
    case 'behalf':
    case 'submitAgain':
    case 'together':
      if (!month) return 'refused';
      duty = { district: step.district, fiscalYear: fiscalYearOfMonth(month), kind: 'month', period: month };
      call = () =>
        step.kind === 'behalf'
          ? run.gas.sidebarSubmitMonthly(month, true, district.name, true)
          : run.gas.sidebarSubmitMonthly(month, true, '', step.kind !== 'submitMonth');
      break;
    case 'submitRound':
      if (!round) return 'refused';
      duty = { district: step.district, fiscalYear: model.year, kind: 'round', period: String(round) };
      call = () => run.gas.sidebarSubmitRound(round, true, '', step.pick < 0.5);
      break;
    case 'summary':
      if (!round) return 'refused';
      call = () => run.gas.sidebarMakeRoundSummary(round, true);
      break;
    // — reports kept as records
    case 'monthly':
      if (!month) return 'refused';
      call = () => run.gas.sidebarMakeMonthlyReport(month, true);
      break;
    case 'send': {
      const target = pickReport_(h, model, step.pick);
      if (!target) return 'refused';
      if (plant === 'sendBroken' && target.made.broken) {
        // the planted bug: the record's hand edit undone behind the model's back, so it is sent
        const records = h.run.spreadsheet.getSheetByName(REPORT_RECORDS);
        const { row, values } = target.made.broken;
        records?.getRange(row, 1, 1, values.length).setValues([values as never]);
      }
      const confirm = (step.pick * 10) % 1 < 0.6;
      const s: Sending_ = { ...target, confirm, firstMails: 0, brokenBefore: target.made.broken !== null };
      sending = s;
      call = () => {
        const before = h.book.sentMails.length;
        // the planted bugs: sent again without asking (the officer never confirmed); sent for
        // someone without the right, as if they had it
        const sender = plant === 'outsiderSends' && step.second ? as(h, OWNER).gas : run.gas;
        const first = sender.sidebarSend(target.name, plant === 'resendUnasked');
        s.firstMails = h.book.sentMails.length - before;
        return first?.needsConfirmation && confirm ? run.gas.sidebarSend(target.name, true) : first;
      };
      break;
    }
    case 'trigger':
      call =
        plant === 'noReminders'
          ? () => null
          : plant === 'mailTwice'
            ? () => {
                run.gas.remindDistricts();
                const mail = run.run.globals.MailApp as GoogleAppsScript.Mail.MailApp;
                for (const d of DISTRICTS)
                  if (mail.getRemainingDailyQuota() > 0) mail.sendEmail(d.officer, 'เตือนอีกครั้ง', 'planted');
              }
            : () => run.gas.remindDistricts();
      break;
    case 'check':
      call = () => run.gas.sidebarCheckData();
      break;
    case 'setUp':
      call = () => run.gas.sidebarSetUp();
      break;
    case 'newYear':
      // asked (a round summary missing), the province confirms starting the year after the one
      // it runs in; a question about the year after that says the switch had already been made
      call = () => {
        const asked = run.gas.sidebarStartNewFiscalYear(false);
        return asked?.needsConfirmation && String(asked.message).includes(`ปีงบประมาณ ${model.year + 1} ตอนนี้`)
          ? run.gas.sidebarStartNewFiscalYear(true)
          : asked;
      };
      break;
    default:
      return 'refused';
  }
  h.book.ledger.reset();
  if (step.kind === 'together' && duty) {
    // the second person (the district's second officer, else the province on its behalf)
    // presses submit while the first person's run is at one of its calls
    const second = model.seconds[step.district] ? district.second : PROVINCE_EDITOR;
    const d = duty;
    const position = 1 + Math.floor(step.pick * 60);
    h.book.ledger.interleave(
      (_name, p) => p === position,
      () => {
        const them = as(h, second);
        const got = attempt(() =>
          second === PROVINCE_EDITOR
            ? them.gas.sidebarSubmitMonthly(d.period, true, district.name, true)
            : them.gas.sidebarSubmitMonthly(d.period, true, '', true),
        );
        try {
          them.run.end();
        } catch {
          // nothing pending
        }
        other = { duty: d, ...got };
      },
      run.run.id,
    );
  }
  if (step.fault) injectFault(h, step.fault, run.run.id);
  const mailsBefore = h.book.sentMails.length;
  const { result, thrown } = attempt(call);
  if (step.kind === 'trigger') for (let k = mailsBefore; k < h.book.sentMails.length; k++) model.reminders.add(k);
  const reached = step.fault !== null && h.book.ledger.countOf(run.run.id) >= step.fault.at;
  h.book.ledger.clearFaults();
  let lateError: unknown = null;
  try {
    run.run.end(); // a killed run's lock goes with it
  } catch (error) {
    lateError = error; // a write Sheets rejects late, after the action answered
  }
  const killed = reached && (step.fault?.mode === 'kill' || step.fault?.mode === 'outage');
  const key = duty ? dutyKey(duty) : '';
  if (duty && !model.attempted.has(key)) model.attempted.set(key, step.day);
  // — reports kept as records: what the province was told made, what a sending delivered
  if (step.kind === 'summary' || step.kind === 'monthly') {
    const made = {
      kind: step.kind === 'summary' ? ('round' as const) : ('month' as const),
      period: step.kind === 'summary' ? String(round) : String(month),
    };
    const violation = madeOutcome_(h, model, made, result, thrown !== null || lateError !== null || killed, reached);
    if (violation) return { violation };
  }
  const sent = sending as Sending_ | null;
  if (sent) {
    const violation = sentOutcome_(h, step, sent, mailsBefore, thrown, reached, plant);
    if (violation) return { violation };
  }
  const theOther = other as { duty: Duty_; result: unknown; thrown: unknown } | null;
  if (theOther) {
    if (theOther.thrown === null && succeeded(theOther.result)) told(model, theOther.duty, at);
    else if (theOther.thrown !== null && !THAI.test(messageOf(theOther.thrown)))
      return { violation: `the second person was told without Thai: ${messageOf(theOther.thrown)}` };
  }
  if (reached) {
    if (duty) model.unsure.set(key, (model.unsure.get(key) ?? 0) + 1);
    // a switch that met a fault may have committed, finished or not: the next run tells
    if (step.kind === 'newYear') model.switchUnsure = true;
    if (!killed && thrown !== null && !THAI.test(messageOf(thrown)))
      return {
        violation: `a ${step.fault?.mode} fault at call ${step.fault?.at} told without Thai: ${messageOf(thrown)}`,
      };
    if (!killed && thrown === null && lateError === null && duty && succeeded(result)) told(model, duty, at);
    return killed ? 'killed' : 'faulted';
  }
  if (step.kind === 'trigger' && thrown === null && !model.noQuota.has(step.day)) model.cleanDays.add(step.day);
  if (thrown !== null) {
    if (!THAI.test(messageOf(thrown))) return { violation: `refused without Thai: ${messageOf(thrown)}` };
    return 'refused';
  }
  if (step.kind === 'newYear') return switched(h, model, result) ? 'done' : 'refused';
  if ((result as { needsConfirmation?: unknown } | null)?.needsConfirmation === true) return 'refused'; // asked, nothing written
  if (!byProvince && !named && step.kind !== 'check')
    return { violation: `${officer}, named nowhere, was not refused: ${JSON.stringify(result).slice(0, 200)}` };
  if (duty && succeeded(result)) told(model, duty, at);
  return 'done';
}

/**
 * What the switch's run told the province: the next year begun (or finished after a stop), or
 * a question about the year after the next (it had begun already). The model then expects what
 * the switch does, and only that: the entry sheets' rows emptied, their typed entries kept as
 * values in the sheets named `… ปีงบ N` (headers stay in the live sheets).
 * @return whether the province now runs in the next year
 */
function switched(h: Harness, model: Model_, result: unknown): boolean {
  const r = result as { needsConfirmation?: boolean; fiscalYear?: number; message?: string } | null;
  const year = model.year;
  const begun =
    (r?.needsConfirmation === false && r.fiscalYear === year + 1) ||
    (r?.needsConfirmation === true && String(r.message).includes(`ปีงบประมาณ ${year + 2} ตอนนี้`));
  if (!begun) return false;
  const sheets = h.run.spreadsheet.getSheets();
  DISTRICTS.forEach((d, k) => {
    ['กิจกรรม', 'ออนไลน์'].forEach((kind, online) => {
      const live = entrySheet(h, k, online === 1);
      if (!live) return;
      const id = live.getSheetId();
      // what was typed while the switch was unsure is the old year's (the switch had not
      // committed) or the new year's (it had): kept in the copy or in the live sheet
      const markers = (model.typed.get(id) ?? []).filter((m) => !model.typedUnsure.has(m));
      const either = (model.typed.get(id) ?? []).filter((m) => model.typedUnsure.has(m));
      const kept = sheets.find(
        (s) => s.getName().startsWith(`${kind} ${d.name}`) && s.getName().endsWith(` ปีงบ ${year}`),
      );
      if (!kept) return; // no copy: every marker is still expected in the live sheet (a violation if gone)
      model.typed.set(kept.getSheetId(), [...(model.typed.get(kept.getSheetId()) ?? []), ...markers]);
      const headers = markers.filter((m) => m.startsWith('เพิ่มเติม'));
      model.typed.set(id, headers);
      for (const m of either) model.either.set(m, [id, kept.getSheetId()]);
      model.emptied.set(
        id,
        markers.filter((m) => !headers.includes(m)),
      );
      model.errors.delete(id);
    });
  });
  model.year = year + 1;
  model.switchUnsure = false;
  model.typedUnsure.clear();
  return true;
}

/** Records a submission the officer was told succeeded. */
function told(model: Model_, duty: Duty_, at: Date): void {
  model.told.push({ ...duty, label: whenLabel(at), onTime: onTime(duty.kind, duty.period, duty.fiscalYear, at) });
}

/**
 * The duties of FY 2565–2567 with their reminder windows (first and last day index): each
 * year's rounds and months (September's due in the next year, 5 Oct).
 */
const DUTIES: readonly { fiscalYear: number; kind: 'month' | 'round'; period: string; from: number; to: number }[] = [
  2565, 2566, 2567,
].flatMap((fiscalYear) => [
  ...roundsOf(fiscalYear).map((d, i) => ({
    fiscalYear,
    kind: 'round' as const,
    period: String(i + 1),
    from: dayOf(d) - 7,
    to: dayOf(d),
  })),
  ...Array.from({ length: 12 }, (_, i) => {
    const m = new Date(fiscalYear - 543 - 1, 9 + i, 1);
    const period = `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`;
    const due = dayOf(deadlineOf('month', period, fiscalYear));
    return { fiscalYear, kind: 'month' as const, period, from: due - 3, to: due };
  }),
]);

/**
 * Every duty whose deadline fell in [from, upTo): each district that had not attempted it
 * before the window's last clean day must have had a reminder e-mail in the window, when a
 * trigger run completed without a fault with the quota left on a day of the window.
 */
function remindedBefore(h: Harness, model: Model_, from: number, upTo: number): string[] {
  const wrong: string[] = [];
  for (const duty of DUTIES) {
    if (duty.to < from || duty.to >= upTo) continue;
    for (const d of [0, 1]) {
      const first =
        model.attempted.get(
          dutyKey({ district: d, fiscalYear: duty.fiscalYear, kind: duty.kind, period: duty.period }),
        ) ?? Infinity;
      const days: number[] = [];
      for (let day = duty.from; day <= duty.to && day < first; day++) if (model.cleanDays.has(day)) days.push(day);
      if (days.length === 0) continue;
      const officer = DISTRICTS[d].officer;
      const reminded = h.book.sentMails.some((m, k) => {
        if (!model.reminders.has(k)) return false;
        const day = dayOf(new Date(m.at));
        return day >= duty.from && day <= duty.to && [...m.to, ...m.cc, ...m.bcc].includes(officer);
      });
      if (!reminded)
        wrong.push(
          `${DISTRICTS[d].name} not reminded of FY ${duty.fiscalYear} ${duty.kind} ${duty.period} (window days ${duty.from}–${duty.to}, clean trigger days ${days.join(', ')})`,
        );
    }
  }
  return wrong;
}

/** The numbers of a table row's computed cells. */
const figuresOf = (row: readonly unknown[]) => ({ activities: row[7], newOperators: row[9], percent: row[10] });

/**
 * The stand-in's version of each sheet's cells, as one text: what changed since the last
 * look, told without computing a formula. A computed figure changes only when the cells of some
 * sheet do, so the versions of every sheet a figure reads are enough.
 * @param ids the sheets
 */
function fingerprint(h: Harness, ids: readonly number[]): string {
  return ids.map((id) => `${id}:${h.book.contentVersion(id)}`).join(' ');
}

/** The id of the sheet with this name, or -1. */
const idOf = (h: Harness, name: string) => h.run.spreadsheet.getSheetByName(name)?.getSheetId() ?? -1;

/** The district table and every sheet its formulas name (read again when its formulas change). */
const inputsOf_ = new WeakMap<Harness, { version: number | null; names: string[] }>();
function figureInputs(h: Harness): number[] {
  const table = idOf(h, TABLE);
  const version = h.book.contentVersion(table);
  let kept = inputsOf_.get(h);
  if (kept?.version !== version) {
    const formulas = sheetById(h, table)?.getDataRange().getFormulas().flat().join(' ') ?? '';
    const names = new Set(
      [...formulas.matchAll(/'((?:[^']|'')+)'!|([^\s'!(),=:&+*/-]+)!/g)].map((m) => m[1]?.replace(/''/g, "'") ?? m[2]),
    );
    kept = { version, names: [...names] };
    inputsOf_.set(h, kept);
  }
  return [table, ...kept.names.map((n) => idOf(h, n))];
}

const shown = new WeakMap<Harness, Map<number, { version: number; values: unknown[][]; text?: string }>>();
/**
 * A sheet's values as getValues gives them, read again only when its cells changed (the
 * invariants look there for typed text and records, which no formula of another sheet makes).
 */
function valuesOf(h: Harness, id: number): unknown[][] {
  return shownOf_(h, id)?.values ?? [];
}

/** The same values as one text (JSON), made once per version of the sheet's cells. */
function valuesTextOf(h: Harness, id: number): string {
  const kept = shownOf_(h, id);
  if (!kept) return 'null';
  kept.text ??= JSON.stringify(kept.values);
  return kept.text;
}

function shownOf_(h: Harness, id: number) {
  const seen = shown.get(h) ?? new Map();
  shown.set(h, seen);
  const version = h.book.contentVersion(id);
  if (version === null) return null;
  let kept = seen.get(id);
  if (kept?.version !== version) {
    kept = { version, values: sheetById(h, id)?.getDataRange().getValues() ?? [] };
    seen.set(id, kept);
  }
  return kept;
}

/**
 * The table's rows and total against the sidebar's standing, and the duties its state brings
 * against the duties view (one figure everywhere). The table is read after the sidebar: opening
 * it moves the data day, which the table's formulas count to.
 */
function oneFigure(h: Harness): string[] {
  const wrong: string[] = [];
  const state = as(h, OWNER).gas.sidebarState();
  const standing = state.standing;
  // the duties the sidebar shows come with its state: the duties view's, at the same moment
  const duties = as(h, OWNER).gas.sidebarDuties();
  if (JSON.stringify(state.duties) !== JSON.stringify(duties))
    wrong.push(`the state's duties are not the duties view's: ${JSON.stringify(state.duties)?.slice(0, 200)}`);
  const table = h.run.spreadsheet.getSheetByName(TABLE)?.getDataRange().getValues() ?? [];
  for (const s of standing) {
    const row = table.find((r) => r[1] === s.district);
    if (!row) continue;
    const f = figuresOf(row);
    if (s.problem) {
      if (typeof row[6] === 'number')
        wrong.push(`${s.district}: the sidebar cannot count it (${s.problem}), the table scores it`);
    } else if (f.activities !== s.activities || f.newOperators !== s.newOperators || f.percent !== (s.percent ?? '—'))
      wrong.push(
        `${s.district}: table ${JSON.stringify(f)}, sidebar ${JSON.stringify([s.activities, s.newOperators, s.percent])}`,
      );
  }
  const total = table.find((r) => r[1] === TOTAL);
  if (total) {
    const counted = standing.every((s) => !s.problem);
    const f = figuresOf(total);
    if (!counted && [f.activities, f.newOperators, f.percent].some((v) => typeof v === 'number'))
      wrong.push(`the total row counts without an uncountable district: ${JSON.stringify(f)}`);
    if (counted) {
      const sum = (k: 'activities' | 'newOperators') => standing.reduce((a, s) => a + s[k], 0);
      if (f.activities !== sum('activities') || f.newOperators !== sum('newOperators'))
        wrong.push(`the total row ${JSON.stringify(f)} is not the districts' sum`);
    }
  }
  return wrong;
}

/**
 * Every invariant against the model; a list of what is wrong.
 * @param h the workbook
 * @param model what the simulator typed and was told
 * @param unsettled a fault's records may still be unlogged
 * @param checked the step was a data check that completed: its problems are compared
 * @param mails how many e-mails were checked already (advanced here)
 */
function checkInvariants(
  h: Harness,
  model: Model_,
  unsettled: boolean,
  checked: boolean,
  mails: { count: number },
): string[] {
  const wrong: string[] = [];
  const ss = h.run.spreadsheet;
  // no person e-mailed twice on one day by the reminders' runs
  const sent = h.book.sentMails;
  const to = (m: (typeof sent)[number]) => [...m.to, ...m.cc, ...m.bcc];
  for (let k = mails.count; k < sent.length; k++) {
    if (!model.reminders.has(k)) continue;
    const day = dayOf(new Date(sent[k].at));
    for (const who of to(sent[k])) {
      const before = sent
        .slice(0, k)
        .findIndex((o, j) => model.reminders.has(j) && dayOf(new Date(o.at)) === day && to(o).includes(who));
      if (before >= 0)
        wrong.push(`${who} reminded twice on day ${day}: "${sent[before].subject}" and "${sent[k].subject}"`);
    }
  }
  mails.count = sent.length;
  // told-done submissions: never lost, never re-timed; refusals add nothing. The sidebar's
  // listing is a function of the records sheet and of what the model expects: it is read again
  // whenever either changed since it was last compared.
  const recordsNow = valuesTextOf(h, idOf(h, RECORDS)) + model.told.length + JSON.stringify([...model.unsure]);
  for (const d of recordsNow === model.seen.records ? [] : [0, 1]) {
    const view = as(h, DISTRICTS[d].officer).gas.sidebarDuties();
    const duties = view.districts?.[0]?.duties ?? [];
    for (const duty of duties) {
      const key = dutyKey({
        district: d,
        fiscalYear: duty.fiscalYear,
        kind: duty.kind as 'month' | 'round',
        period: duty.period,
      });
      const listed = (duty.submissions ?? []).map((s) => s.whenText);
      const mine = model.told.filter((t) => dutyKey(t) === key);
      for (const t of mine) {
        if (!listed.includes(t.label))
          wrong.push(
            `${DISTRICTS[d].name} ${t.kind} ${t.period} told done at ${t.label}, listed ${listed.join(', ') || 'nothing'}`,
          );
        if (t.onTime && duty.state !== 'onTime')
          wrong.push(`${DISTRICTS[d].name} ${t.kind} ${t.period} told on time, now ${duty.state} (${duty.text})`);
      }
      const most = mine.length + (model.unsure.get(key) ?? 0);
      if (listed.length > most)
        wrong.push(
          `${DISTRICTS[d].name} ${duty.kind} ${duty.period}: ${listed.length} submissions listed, at most ${most} made`,
        );
    }
  }
  model.seen.records = recordsNow;
  // one figure: the table's rows and total agree with the sidebar's, compared whenever the
  // table's or an entry sheet's values changed since they were last compared (looked at only
  // when a sheet the table's formulas read changed)
  const inputsNow = fingerprint(h, figureInputs(h));
  if (inputsNow !== model.seen.inputs) {
    model.seen.inputs = inputsNow;
    const entries = entryIds.get(h)?.flat() ?? [];
    const table = ss.getSheetByName(TABLE)?.getDataRange().getValues() ?? [];
    const figuresNow = JSON.stringify(table) + entries.map((id) => valuesTextOf(h, id)).join('\n');
    if (figuresNow !== model.seen.figures) {
      model.seen.figures = figuresNow;
      wrong.push(...oneFigure(h));
    }
  }
  // logged at most once; exactly once unless a step met a fault since the last settling run
  const log = valuesOf(h, idOf(h, LOG));
  const refs = new Map<string, number>();
  for (const r of log.slice(1)) if (r[7]) refs.set(String(r[7]), (refs.get(String(r[7])) ?? 0) + 1);
  for (const [ref, n] of refs) if (n > 1) wrong.push(`${ref} logged ${n} times`);
  for (const ref of model.unlogged)
    if (refs.has(ref)) wrong.push(`${ref}: its log row was deleted by hand, logged again`);
  const records = valuesOf(h, idOf(h, RECORDS));
  const numberCol = (records[0] ?? []).indexOf('เลขที่');
  const numbers = new Set(
    records
      .slice(1)
      .map((r) => r[numberCol])
      .filter((n) => typeof n === 'number'),
  );
  // the sheets' marks (the spreadsheet's own metadata holds none of them)
  const marks = ss
    .createDeveloperMetadataFinder()
    .withKey('otop.sheet')
    .find()
    .map((m) => {
      try {
        return JSON.parse(m.getValue() ?? 'null') as Mark_ | null;
      } catch {
        return null;
      }
    })
    .filter((m) => m !== null);
  const reports = marks
    .filter((m) => m.role === 'report' && m.report?.ref && m.report.state !== 'building')
    .map((m) => m.report?.ref as string);
  if (!unsettled) {
    for (const n of numbers)
      if (!refs.has(`submission:${n}`) && !model.unlogged.has(`submission:${n}`))
        wrong.push(`submission ${n} not logged`);
    for (const ref of reports) if (!refs.has(ref) && !model.unlogged.has(ref)) wrong.push(`${ref} not logged`);
  }
  // nothing typed is lost or changed; while a faulted switch is unsure, an entry may already be
  // in the finished year's copy (the switch's only move); emptied entries never come back
  const textOf = (id: number) => valuesOf(h, id).flat().map(String).join('\n');
  let copies: string | null = null;
  const inCopies = (m: string) => {
    copies ??= ss
      .getSheets()
      .filter((s) => s.getName().endsWith(` ปีงบ ${model.year}`))
      .map((s) => textOf(s.getSheetId()))
      .join('\n');
    return copies.includes(m);
  };
  for (const [id, markers] of model.typed) {
    const text = textOf(id);
    for (const m of markers)
      if (!text.includes(m) && !(model.switchUnsure && inCopies(m)))
        wrong.push(`typed "${m}" in ${sheetById(h, id)?.getName() ?? id} is gone`);
  }
  for (const [m, ids] of model.either) {
    const cells = new Set(ids.flatMap((id) => valuesOf(h, id).flat().map(String)));
    if (!cells.has(m)) wrong.push(`typed "${m}" while the switch was unsure is in neither the live sheet nor its copy`);
  }
  for (const [id, markers] of model.emptied) {
    const cells = new Set(valuesOf(h, id).flat().map(String));
    for (const m of markers)
      if (cells.has(m)) wrong.push(`"${m}" of the finished year is still in ${sheetById(h, id)?.getName() ?? id}`);
  }
  for (const [id, cells] of model.switchUnsure ? [] : model.errors) {
    const sheet = sheetById(h, id);
    for (const a1 of cells)
      if (sheet?.getRange(a1).getFormula() !== '=1/0')
        wrong.push(`the formula typed in ${sheet?.getName()}!${a1} is gone`);
  }
  // — reports kept as records
  wrong.push(...recordsKept_(h, model, marks));
  // the data check reports exactly what the simulator put into the records and the log
  if (checked) {
    const found = as(h, OWNER).gas.sidebarCheckData().problems as {
      sheet: string;
      message: string;
      row?: number;
      cell?: string;
    }[];
    for (const name of [RECORDS, LOG]) {
      const there = found.filter((p) => p.sheet === name);
      const put = model.foreign.get(name) ?? 0;
      const removed = model.deletedIn.get(name) ?? 0;
      const unfinished = model.unfinishedDeletedIn.get(name) ?? 0;
      const least = put + (removed > unfinished ? 1 : 0);
      if (there.length < least || there.length > put + removed) {
        // the rows reported, as they read, to tell the simulator's from the others
        const rows = ss.getSheetByName(name)?.getDataRange().getValues() ?? [];
        const shown = there.map((p) => `${p.cell}: ${JSON.stringify(rows[(p.row ?? 0) - 1]?.slice(0, 9) ?? null)}`);
        wrong.push(
          `data check: ${there.length} problems in ${name}, ${put} rows put and ${removed} deleted there: ${shown.join(' | ')}`,
        );
      }
    }
    // — reports kept as records: each record row edited by hand is listed (and a row a faulted
    // making run left may be)
    const edited = [...model.reports.values()].filter((m) => m.broken !== null).length;
    const listed = found.filter((p) => p.sheet === REPORT_RECORDS);
    if (listed.length < edited || listed.length > edited + model.reportFaults)
      wrong.push(
        `data check: ${listed.length} problems in ${REPORT_RECORDS}, ${edited} record rows edited by hand: ${listed.map((p) => `${p.cell ?? p.row}: ${p.message}`).join(' | ')}`,
      );
  }
  return wrong;
}

/**
 * The shortest sequence found that still fails: delta debugging over the recorded steps
 * (chunks removed while it still fails, halving the chunk down to single steps).
 * @param seed the seed
 * @param steps a failing sequence (cut after its failing step)
 * @param plant the planted bug it fails with (tests of the simulator only)
 * @param budget at most this many replays (SIMULATE_SHRINK_RUNS, default 150)
 */
export function shrink(
  seed: number,
  steps: readonly Step[],
  plant: Plant | null = null,
  budget = Number(process.env.SIMULATE_SHRINK_RUNS ?? 150),
): Step[] {
  let current = [...steps];
  let runs = 0;
  // a year's sequence is long: the replays are bounded (the shortest found within them)
  const fails = (candidate: Step[]) =>
    candidate.length > 0 && runs++ < budget && runYear(seed, candidate, plant).violations.length > 0;
  for (let chunk = Math.max(1, Math.floor(current.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let start = current.length - chunk; start >= 0; start -= chunk) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (fails(candidate)) current = candidate;
    }
    if (chunk === 1) break;
  }
  // without its faults, where it still fails
  for (let i = 0; i < current.length; i++) {
    if (!current[i].fault) continue;
    const candidate = current.map((o, k) => (k === i ? { ...o, fault: null } : o));
    if (fails(candidate)) current = candidate;
  }
  return current;
}

// — reports kept as records

/** A sheet's mark as the simulator reads it (the developer metadata's JSON). */
interface Mark_ {
  readonly role?: string;
  readonly sheetId?: number;
  readonly report?: { readonly state: string; readonly ref?: string; readonly record?: number };
}

/** The province's steps that make or send a report (their user is chosen by reportUser_). */
const REPORTING: ReadonlySet<StepKind> = new Set(['monthly', 'send']);

/** The steps that make a report. */
const MAKING: ReadonlySet<StepKind> = new Set(['summary', 'monthly']);

/** The record sheet's sealed columns in the order they are sealed (docs: platform/sealedRows.ts). */
const SEALED_HEADERS = [
  'จัดทำเมื่อ (ISO)',
  'ชนิดรายงาน',
  'งวด',
  'ปีงบประมาณ',
  'ฉบับชั่วคราว',
  'ผู้จัดทำ',
  'ชีตรายงาน',
  'อ้างอิง',
  'จำนวนส่วนของเอกสาร',
  ...['ก', 'ข', 'ค', 'ง', 'จ', 'ฉ', 'ช', 'ซ', 'ฌ', 'ญ', 'ฎ', 'ฏ', 'ฐ', 'ฑ'].map((l) => `เอกสาร ส่วน${l}`),
];

/**
 * Who makes or sends a report: a province editor or the owner (by the step's pick); someone
 * without the right who tries to send (refused: outsider_).
 */
function reportUser_(step: Step): string {
  if (step.kind === 'send' && step.second) return outsider_(step).user;
  return (step.pick * 100) % 1 < 0.5 ? PROVINCE_EDITOR : OWNER;
}

/**
 * Who tries to send a report without the right to: a district's officer, someone named
 * nowhere, or a province editor whose e-mail Google hides from the add-on (each refused in Thai,
 * sending nothing).
 * @param step a sending step by someone other than the province
 */
function outsider_(step: Step): { readonly user: string; readonly hidden: boolean; readonly who: string } {
  const k = Math.floor((step.pick * 1000) % 3);
  if (k === 1) return { user: STRANGER, hidden: false, who: `${STRANGER}, named nowhere` };
  if (k === 2) return { user: PROVINCE_EDITOR, hidden: true, who: 'a province editor whose e-mail is hidden' };
  const officer = DISTRICTS[step.district].officer;
  return { user: officer, hidden: false, who: `${officer}, a district's officer` };
}

/** A sending step: its report, its name now, whether the officer confirms when asked. */
interface Sending_ {
  readonly id: number;
  readonly name: string;
  readonly made: Made_;
  readonly confirm: boolean;
  /** E-mails delivered by its first, unconfirmed call. */
  firstMails: number;
  /** Its record row had been edited by hand before the step. */
  readonly brokenBefore: boolean;
}

/**
 * A report the province was told was made, chosen by a pick (in the order they were made), with
 * its sheet's name now; null when none was made (or its sheet is gone: the invariants say so).
 */
function pickReport_(h: Harness, model: Model_, pick: number): { id: number; name: string; made: Made_ } | null {
  const made = [...model.reports];
  if (made.length === 0) return null;
  const [id, report] = made[Math.floor(pick * made.length)];
  const sheet = sheetById(h, id);
  return sheet ? { id, name: sheet.getName(), made: report } : null;
}

/**
 * What a making run told: a report made (kept in the model with what sending it would send, as
 * previewed right away), or a failure that met a fault (one report nobody was told of may be left).
 * @param failed the run threw, was killed or a write was rejected late: nothing was told made
 * @return a violation, or null
 */
function madeOutcome_(
  h: Harness,
  model: Model_,
  made: { kind: 'round' | 'month'; period: string },
  result: unknown,
  failed: boolean,
  reached: boolean,
): string | null {
  const r = result as { sheet?: string; needsConfirmation?: boolean } | null;
  if (failed || !r || r.needsConfirmation !== false || !r.sheet) {
    if (reached) model.reportFaults++;
    return null;
  }
  const id = idOf(h, r.sheet);
  if (id < 0) return `told "${r.sheet}" was made: no such sheet`;
  const probe = as(h, OWNER);
  const got = attempt(() => probe.gas.sidebarPreviewSending(r.sheet as string));
  probe.run.end();
  if (got.thrown !== null) return `"${r.sheet}" told made, its preview refused: ${messageOf(got.thrown)}`;
  const view = got.result as { subject: string; html: string; lineText: string; attachment: string; edited?: string };
  if (view.edited) return `"${r.sheet}" fails its seal right after it was made: ${view.edited}`;
  model.reports.set(id, {
    ...made,
    name: r.sheet,
    view: { subject: view.subject, html: view.html, lineText: view.lineText, attachment: view.attachment },
    page: null,
    edits: [],
    broken: null,
    delivered: 0,
  });
  return null;
}

/** A file name as the add-on makes it from a sheet's (characters file systems refuse replaced). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const fileName_ = (sheet: string) => sheet.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-');

/** A text made under a report's earlier name, as it reads under its name now (its PDF's name too). */
function renamed_(text: string, was: string, now: string): string {
  if (was === now) return text;
  const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${literal(`${fileName_(was)}.pdf`)}|${literal(was)}`, 'g'), (m) =>
    m === was ? now : `${fileName_(now)}.pdf`,
  );
}

/** The e-mail's HTML without its status line (the sheet's status cell, which the add-on rewrites). */
const htmlWithoutStatus_ = (html: string) => html.replace(/^<p style="margin:6px 0;">สถานะ: .*<\/p>$/m, '');

/** The PDF's page without its status and sent line (the same cells). */
const pageWithoutStatus_ = (page: string) =>
  page.replace(/<tr[^>]*><th[^>]*>สถานะ<\/th><td[^>]*>[^<]*<\/td><\/tr>/, '');

/** Where two texts first differ, with a little of each. */
function firstDifference_(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: "${a.slice(Math.max(0, i - 20), i + 60)}" ≠ "${b.slice(Math.max(0, i - 20), i + 60)}"`;
}

/**
 * What a sending step delivered, against the model: someone without the right (a district's officer, someone named nowhere, a hidden e-mail) and a report whose
 * record row was edited by hand send nothing (refused); a report goes a second time only when
 * the officer confirmed; one e-mail a sending, to the province's address, as made.
 * @return a violation, or null
 */
function sentOutcome_(
  h: Harness,
  step: Step,
  sent: Sending_,
  mailsBefore: number,
  thrown: unknown,
  reached: boolean,
  plant: Plant | null,
): string | null {
  const mails = h.book.sentMails.slice(mailsBefore);
  const before = sent.made.delivered;
  sent.made.delivered += mails.length;
  const name = `"${sent.name}"`;
  if (step.second) {
    const { who } = outsider_(step);
    if (mails.length > 0) return `${who}, sent ${name}`;
    if (!reached && thrown === null) return `${who}, was not refused sending ${name}`;
    return null;
  }
  if (sent.brokenBefore) {
    if (mails.length > 0) return `${name} sent although its record row was edited by hand`;
    if (!reached && thrown === null) return `${name}: its record row was edited by hand, sending was not refused`;
  }
  if (sent.firstMails > 0 && before > 0)
    return `${name} sent again without the officer confirming (${before} e-mail(s) before)`;
  if (mails.length > 1) return `${name}: ${mails.length} e-mails in one sending`;
  for (const mail of mails) {
    if (plant === 'sendFromSheet' && sent.made.edits.length > 0)
      // the planted bug: the e-mail rendered from the sheet as it shows now
      mail.htmlBody += JSON.stringify(sheetById(h, sent.id)?.getDataRange().getValues() ?? []);
    const wrong = sentAsMade_(sent, mail);
    if (wrong.length > 0) return `${name} sent not as made: ${wrong.join('; ')}`;
  }
  return null;
}

/** How an e-mail delivered for a report differs from the report as made (nothing when it does not). */
function sentAsMade_(sent: Sending_, mail: Harness['book']['sentMails'][number]): string[] {
  const made = sent.made;
  const view = made.view;
  const named = (text: string) => renamed_(text, made.name, sent.name);
  const page = mail.files.map((f) => Buffer.from(f.bytes).toString('utf8')).join('\n');
  const wrong: string[] = [];
  const to = [...mail.to, ...mail.cc, ...mail.bcc];
  if (to.join() !== LETTER_EMAIL) wrong.push(`to ${to.join(', ')}, not the province's ${LETTER_EMAIL}`);
  if (mail.subject !== named(view.subject)) wrong.push(`subject "${mail.subject}", made "${named(view.subject)}"`);
  if (mail.body !== named(view.lineText)) wrong.push(`body ${firstDifference_(mail.body, named(view.lineText))}`);
  const html = htmlWithoutStatus_(mail.htmlBody);
  const expected = htmlWithoutStatus_(named(view.html));
  if (html !== expected) wrong.push(`HTML ${firstDifference_(html, expected)}`);
  if (mail.attachments.join() !== named(view.attachment)) wrong.push(`attached ${mail.attachments.join(', ')}`);
  for (const m of made.edits)
    if ([mail.subject, mail.body, mail.htmlBody, page].some((t) => t.includes(m)))
      wrong.push(`the hand edit "${m}" sent`);
  // the PDF's page: as the first sending's before any hand edit (its name and status aside)
  const pageNow = pageWithoutStatus_(page);
  if (made.page !== null && pageNow !== pageWithoutStatus_(named(made.page)))
    wrong.push(`PDF ${firstDifference_(pageNow, pageWithoutStatus_(named(made.page)))}`);
  if (made.page === null && made.edits.length === 0 && made.broken === null)
    made.page = renamed_(page, sent.name, made.name);
  return wrong;
}

/**
 * A province editor edits a made report's sheet by hand (a district's officer tries, refused by
 * its protection): its subject, a district's name or a figure of its table.
 */
function editReport_(h: Harness, step: Step, model: Model_, index: number, marker: string): Outcome_ {
  const target = pickReport_(h, model, step.pick);
  if (!target) return 'refused';
  const user = step.second ? DISTRICTS[step.district].officer : PROVINCE_EDITOR;
  const run = h.book.createExecution({ user });
  try {
    const sheet = run.spreadsheet.getSheets().find((s) => s.getSheetId() === target.id);
    if (!sheet) return 'refused';
    const values = sheet.getDataRange().getValues();
    const choice = (step.pick * 10) % 1;
    const subject = values.findIndex((r) => r[0] === 'เรื่อง');
    const row = values.findIndex((r) => DISTRICTS.some((d) => r[1] === d.name));
    const [r, c, value]: [number, number, string | number] =
      choice < 1 / 3
        ? [subject, 3, `แก้มือ ${marker}`]
        : choice < 2 / 3
          ? [row, 2, `แก้มือ ${marker}`]
          : [row, 8, 9_000_000 + index];
    if (r < 0) return 'refused';
    try {
      sheet.getRange(r + 1, c).setValue(value);
    } catch (error) {
      if (step.second) return 'refused';
      return { violation: `${user}, a province editor, cannot edit "${target.name}": ${messageOf(error)}` };
    }
    if (step.second) return { violation: `${user}, a district's officer, edited the report "${target.name}"` };
    target.made.edits.push(String(value));
    return 'done';
  } finally {
    run.end();
  }
}

/** A made report's mark, read from the developer metadata. */
function markOf_(h: Harness, id: number): Mark_['report'] | null {
  for (const m of h.run.spreadsheet.createDeveloperMetadataFinder().withKey('otop.sheet').find()) {
    try {
      const mark = JSON.parse(m.getValue() ?? 'null') as Mark_ | null;
      if (mark?.role === 'report' && mark.sheetId === id) return mark.report ?? null;
    } catch {
      // not one of the add-on's marks
    }
  }
  return null;
}

/** A province editor edits a made report's record row by hand: who made it, its document or its period. */
function editRecord_(h: Harness, step: Step, model: Model_, marker: string): Outcome_ {
  const target = pickReport_(h, model, step.pick);
  const number = target ? markOf_(h, target.id)?.record : undefined;
  if (!target || typeof number !== 'number') return 'refused';
  const run = h.book.createExecution({ user: PROVINCE_EDITOR });
  try {
    const sheet = run.spreadsheet.getSheetByName(REPORT_RECORDS);
    if (!sheet) return 'refused';
    const values = sheet.getDataRange().getValues();
    const header = values[0].map(String);
    const row = values.findIndex((r, i) => i > 0 && Number(r[header.indexOf('เลขที่')]) === number);
    const choice = (step.pick * 10) % 1;
    const column = header.indexOf(choice < 1 / 3 ? 'ผู้จัดทำ' : choice < 2 / 3 ? 'เอกสาร ส่วนก' : 'งวด');
    if (row < 1 || column < 0) return 'refused';
    const was = String(values[row][column]);
    // in the document, a district's name (its JSON still reads)
    const value =
      choice >= 1 / 3 && choice < 2 / 3 && was.includes(DISTRICTS[0].name)
        ? was.replace(DISTRICTS[0].name, `แก้มือ ${marker}`)
        : `แก้มือ ${marker}`;
    target.made.broken ??= { row: row + 1, values: [...values[row]] };
    sheet.getRange(row + 1, column + 1).setValue(value);
    return 'done';
  } finally {
    run.end();
  }
}

/** Plants a bug in the record sheet after a report is made: its row appended twice, or a row of a report never made. */
function plantRecord_(h: Harness, plant: 'recordTwice' | 'strayRecord'): void {
  const sheet = h.run.spreadsheet.getSheetByName(REPORT_RECORDS);
  if (!sheet || sheet.getLastRow() < 2) return;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const line = sheet.getRange(sheet.getLastRow(), 1, 1, header.length).getValues()[0];
  if (plant === 'strayRecord') {
    line[header.indexOf('อ้างอิง')] = 'report:planted';
    line[header.indexOf('เลขที่')] = 999;
  }
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, header.length).setValues([line]);
}

/**
 * The reports' records against the model: each report told made has exactly one record row,
 * numbered as its mark says and no other row with its number, of its kind, period and name as made, whose seal holds (recomputed
 * here from sealedRows.ts's documented rule: SHA-256 of the secret, the kind 'report', the number
 * and the sealed cells, 24 hex digits), unless the simulator edited that row; rows of reports
 * nobody was told of are at most one per making run that met a fault. Looked at again only when
 * the record sheet, the marks or the model changed.
 */
function recordsKept_(h: Harness, model: Model_, marks: readonly Mark_[]): string[] {
  const id = idOf(h, REPORT_RECORDS);
  const reportMarks = marks.filter((m) => m.role === 'report');
  const brokenNow = [...model.reports.values()].map((m) => (m.broken ? 1 : 0)).join('');
  const key = `${id}:${h.book.contentVersion(id)}|${JSON.stringify(reportMarks)}|${model.reports.size}|${model.reportFaults}|${brokenNow}`;
  if (key === model.seenRecords) return [];
  model.seenRecords = key;
  const values = id >= 0 ? valuesOf(h, id) : [];
  const header = (values[0] ?? []).map(String);
  const at = (name: string) => header.indexOf(name);
  const blank = (v: unknown) => v === '' || v === null || v === undefined;
  const rows = values.slice(1).filter((r) => !r.every(blank));
  let secret: string | null = null;
  const sealOf = (line: readonly unknown[], n: number) => {
    if (secret === null) {
      const probe = h.book.createExecution({ user: OWNER });
      secret = probe.globals.PropertiesService.getDocumentProperties().getProperty('otop.secret') ?? '';
      probe.end();
    }
    const fields = SEALED_HEADERS.map((name) => String(line[at(name)] ?? ''));
    const text = [secret, 'report', String(n), ...fields].join('\u241f');
    return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 24);
  };
  const sealed = (line: readonly unknown[]) =>
    sealOf(line, Number(line[at('เลขที่')])) === String(line[at('รหัสตรวจสอบ')]);
  const wrong: string[] = [];
  const told = new Set<string>();
  for (const [sheetId, made] of model.reports) {
    const mark = reportMarks.find((m) => m.sheetId === sheetId)?.report;
    const what = `${made.kind} ${made.period} "${made.name}"`;
    if (!mark) {
      wrong.push(`${what} was told made: its sheet or mark is gone`);
      continue;
    }
    if (mark.ref) told.add(mark.ref);
    if (typeof mark.record !== 'number') {
      wrong.push(`${what}: its mark names no record`);
      continue;
    }
    // edited by hand: its seal fails (sending refuses it)
    if (made.broken) continue;
    // its number is its alone: a row edited by hand keeps its number, and no later record takes it
    const mine = rows.filter((r) => Number(r[at('เลขที่')]) === mark.record);
    if (mine.length !== 1 || !sealed(mine[0])) {
      wrong.push(
        `${what}: ${mine.length} record rows numbered ${mark.record}${mine.length === 1 ? ', its seal fails' : ''}`,
      );
      continue;
    }
    const line = mine[0];
    const kept = [line[at('อ้างอิง')], line[at('ชนิดรายงาน')], String(line[at('งวด')]), line[at('ชีตรายงาน')]];
    const expected = [mark.ref, made.kind, made.period, made.name];
    if (JSON.stringify(kept) !== JSON.stringify(expected))
      wrong.push(`${what}: record ${mark.record} keeps ${JSON.stringify(kept)}, made ${JSON.stringify(expected)}`);
  }
  // a row whose seal fails is one the simulator edited
  const edited = new Set(
    [...model.reports]
      .filter(([, m]) => m.broken !== null)
      .map(([sheetId]) => reportMarks.find((m) => m.sheetId === sheetId)?.report?.ref),
  );
  for (const r of rows)
    if (!sealed(r) && !edited.has(String(r[at('อ้างอิง')])))
      wrong.push(`record row ${r[at('เลขที่')]} (${r[at('อ้างอิง')]}) fails its seal, never edited by hand`);
  const numbers = rows.map((r) => Number(r[at('เลขที่')]));
  const twice = [...new Set(numbers.filter((n, i) => numbers.indexOf(n) !== i))];
  if (twice.length > 0) wrong.push(`record numbers given to two rows: ${twice.join(', ')}`);
  const stray = rows.filter((r) => !told.has(String(r[at('อ้างอิง')])));
  if (stray.length > model.reportFaults)
    wrong.push(
      `${stray.length} record row(s) of reports never told made (${stray.map((r) => `${r[at('เลขที่')]} ${r[at('อ้างอิง')]}`).join(', ')}); ${model.reportFaults} making run(s) met a fault`,
    );
  return wrong;
}

/** What the model counts of the reports: made, e-mails delivered, record rows edited by hand. */
function reportCounts_(model: Model_): YearResult['reports'] {
  const made = [...model.reports.values()];
  return {
    made: made.length,
    sent: made.reduce((a, m) => a + m.delivered, 0),
    brokenRecords: made.filter((m) => m.broken !== null).length,
  };
}
