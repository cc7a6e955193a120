/**
 * Fault sweeps: an action is run once cleanly, then again with a fault at every call position it
 * makes (or at a fixed stride of them), in one of the ledger's modes (CallLedger.inject):
 * 'before', 'after', 'outage', 'undo' (with a k, the failing undo step), 'late' (Sheets' write
 * cache). Each position's workbook is compared, as complete normalised dumps, with the one before
 * ('unchanged') and with the clean run's ('done', sheet ids aside); anything else is 'partial'. The officer's
 * message must be Thai. For every outcome but 'done', a healing step (by default the same action
 * in a fresh execution with no faults) must bring the workbook to the clean run's dump.
 * sweepFaults keeps today's strict check: mode 'before', no partial state, a Thai message.
 */
import { dump, type FakeExecution, type FakeWorkbook, type FaultMode, isDeferrable } from '../../dev/fakes';
import { activityRows, onlineRows, typeRows } from './entries';
import { type Harness, newHarness } from './workbook';

/** The errors Google's services throw, in turn. */
const FAULTS = [
  'Service Spreadsheets timed out while accessing document with id 1abc.',
  'Service invoked too many times for one day: spreadsheets.',
  'Exception: Service Spreadsheets failed while accessing document with id 1abc.',
];

const THAI = /[\u0e00-\u0e7f]/;

/** What a sweep needs: a workbook and the execution the action runs in. */
export interface SweepSubject {
  book: FakeWorkbook;
  run: FakeExecution;
}

/** How one faulty run left the workbook. */
export type Outcome = 'unchanged' | 'done' | 'partial';

/** Options of a sweep. */
export interface SweepOptions<S extends SweepSubject> {
  /** the fault mode; default 'before' */
  mode?: FaultMode;
  /**
   * Try positions 1, 1 + stride, 1 + 2 × stride … of the candidates (every call; for 'late', the
   * deferrable writes) where a full sweep would be too slow; the result says so. Default 1.
   */
  stride?: number;
  /** 'undo': the k values to try at each position (the k-th call after the fault fails too) */
  undoAt?: readonly number[];
  /** 'undo' without undoAt: k = 1, 1 + undoStride … over the calls the run makes after its first fault; default 1 */
  undoStride?: number;
  /**
   * The healing step, run in a fresh execution with no faults after every outcome but 'done';
   * false: none. Default: the action itself, except in mode 'before' (none).
   */
  heal?: ((s: S) => unknown) | false;
  /** a fresh execution over the same workbook; default the Harness's `as(user)`, else a new execution */
  fresh?: (s: S) => S;
  /** fail the test (jest expect) on a partial state or a message that is not Thai; default for mode 'before' */
  strict?: boolean;
}

/** One tried position. */
export interface PositionResult {
  /** the failing call's position among the action's calls */
  at: number;
  /** 'undo': k */
  undoAt: number | null;
  outcome: Outcome;
  /** the error the action threw (or end() threw), or null */
  message: string | null;
  /** whether that message is Thai; null when none, or when it surfaced only at end() */
  thai: boolean | null;
  /** the action returned and the error surfaced at FakeExecution.end() (a late write) */
  surfacedAtEnd: boolean;
  /** whether healing brought the clean run's dump; null when no healing ran */
  healed: boolean | null;
}

/** The counts of one sweep (print them with formatSweep). */
export interface SweepCounts {
  mode: FaultMode;
  /** runs made: positions tried (× k values for 'undo') */
  positions: number;
  unchanged: number;
  done: number;
  partial: number;
  /** runs not 'done' that healing brought to the clean run's dump */
  healed: number;
  /** runs not 'done' that healing did not (0 when no healing ran) */
  unhealed: number;
  /** whether healing ran */
  healing: boolean;
  /** runs whose error reached the officer without Thai text */
  notThai: number;
  /** runs whose error surfaced only at FakeExecution.end() */
  surfacedAtEnd: number;
  /** calls of the clean run */
  calls: number;
  /** candidate positions (every call, or the deferrable writes for 'late') */
  candidates: number;
  /** the stride the candidates were sampled with (1: all) */
  stride: number;
}

/** A sweep's counts and every run. */
export interface SweepResult extends SweepCounts {
  results: PositionResult[];
}

/** A dump without the minute-dependent texts (made-at times, name stamps). */
function normalised(s: SweepSubject): string {
  return JSON.stringify(dump(s.run.spreadsheet))
    .replace(/เวลา \d\d:\d\d น\./g, 'เวลา HH:MM น.')
    .replace(/\d\d-\d\d-\d\d \d\d\.\d\d/g, 'DD-MM-YY HH.MM');
}

/**
 * A dump text for comparing two different runs: sheet ids left out, since Sheets hands out a new
 * one for every sheet made (a failed run that made and removed a sheet shifts the next one's);
 * the add-on's markers record their sheet's id too.
 * Comparisons with the same workbook's state before keep them.
 * @param text a normalised dump
 */
function withoutSheetIds(text: string): string {
  // Also inside the add-on's sheet markers, whose JSON value is escaped in the dump's JSON.
  return text.replace(/"sheetId":\d+/g, '"sheetId":0').replace(/\\"sheetId\\":\d+/g, '\\"sheetId\\":0');
}

/**
 * A dump for comparing two runs' workbooks: minute stamps and sheet ids left out.
 * @param s the workbook's subject
 */
export function comparableDump(s: SweepSubject): string {
  return withoutSheetIds(normalised(s));
}

/**
 * The first lines where two workbooks' comparable dumps differ (empty when equal), for a
 * readable failure instead of two whole dumps.
 * @param a one workbook's subject
 * @param b the other's
 * @param n at most this many lines
 */
export function dumpDifferences(a: SweepSubject, b: SweepSubject, n = 6): string[] {
  const lines = (s: SweepSubject) => JSON.stringify(JSON.parse(comparableDump(s)), null, 1).split('\n');
  const x = lines(a);
  const y = lines(b);
  const out: string[] = [];
  for (let i = 0; i < Math.max(x.length, y.length) && out.length < n; i++) {
    if (x[i] !== y[i]) out.push(`${i}: ${x[i] ?? '∅'} | ${y[i] ?? '∅'}`);
  }
  return out;
}

/**
 * A small province (two districts) set up, with entries: cheap to dump many times. Its entry
 * sheets exist already with 40 rows (set-up formats and validates every row of them, so the
 * dumps stay small); the settings and criteria sheets are created by set-up.
 */
export function smallProvince(setUp = true): Harness {
  const h = newHarness();
  // A fixed clock (after FY 2565, so its reports are not provisional) makes every prepared
  // workbook the same, times and stamps included.
  h.book.clock.set(new Date(2022, 9, 15, 9, 30));
  const ss = h.run.spreadsheet;
  const table = ss.insertSheet('อำเภอ');
  table.getRange(1, 1, 3, 4).setValues([
    ['ที่', 'อำเภอ', 'ผู้ประกอบการทั้งหมด', 'ส่งเสริมแล้ว'],
    [1, 'ท่าบ่อ', 74, 12],
    [2, 'สังคม', 63, 6],
  ]);
  for (const name of ['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ', 'กิจกรรม สังคม', 'ออนไลน์ สังคม', 'ฐาน ๒๕๖๔']) {
    ss.insertSheet(name).deleteRows(41, 960);
  }
  if (setUp) {
    h.gas.sidebarSetUp();
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '10/03/2565'));
    typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 3, 2, '11/03/2565'));
    typeRows(ss, 'ออนไลน์ สังคม', [['12/03/2565', 'สังคม', '', 'กลุ่ม <b>', 'ผ้า', 'MySpace', '', '', '']]);
  }
  return h;
}

function isHarness_(s: SweepSubject): s is SweepSubject & Pick<Harness, 'as'> {
  return typeof (s as Partial<Harness>).as === 'function';
}

/** A fresh execution of the same user over the same workbook (a Harness reloads its bundle). */
function freshOf_<S extends SweepSubject>(s: S): S {
  if (isHarness_(s)) return { ...s, ...s.as(s.run.user) };
  return { ...s, run: s.book.createExecution({ user: s.run.user }) };
}

/** Ends an execution; returns the error end() threw (a late write), if any. */
function end_(run: FakeExecution): unknown {
  try {
    run.end();
    return null;
  } catch (error) {
    return error;
  }
}

/** Runs an action; returns what it threw, or null. */
function attempt_<S>(action: (s: S) => unknown, s: S): unknown {
  try {
    action(s);
    return null;
  } catch (error) {
    return error;
  }
}

function messageOf_(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error);
}

/**
 * Sweeps call positions of an action in one fault mode.
 * @param prepare makes the workbook the action starts from (deterministic)
 * @param action the action (e.g. a bundle function called through the subject)
 * @param options mode, stride, undo steps, healing, strictness
 */
export function sweep<S extends SweepSubject>(
  prepare: () => S,
  action: (s: S) => unknown,
  options: SweepOptions<S> = {},
): SweepResult {
  const mode = options.mode ?? 'before';
  const stride = options.stride ?? 1;
  if (!Number.isInteger(stride) || stride < 1)
    throw new Error(`sweep: stride must be a positive integer, got ${stride}`);
  const strict = options.strict ?? mode === 'before';
  const heal = options.heal === undefined ? (mode === 'before' ? false : action) : options.heal;
  const fresh = options.fresh ?? freshOf_;

  const reference = prepare();
  const before = normalised(reference);
  reference.book.ledger.reset();
  action(reference);
  end_(reference.run);
  const names = reference.book.ledger.calls(reference.run.id);
  const done = normalised(reference);
  expect(done).not.toEqual(before); // the action does change the workbook
  const doneAcrossRuns = withoutSheetIds(done);
  const candidates = names.map((_, i) => i + 1).filter((n) => mode !== 'late' || isDeferrable(names[n - 1]));
  const positions = candidates.filter((_, i) => i % stride === 0);

  const undoSteps = (n: number): readonly (number | null)[] => {
    if (mode !== 'undo') return [null];
    if (options.undoAt) return options.undoAt;
    const s = prepare();
    s.book.ledger.reset();
    s.book.ledger.inject({ at: n, mode: 'before', error: new Error(FAULTS[0]), execution: s.run.id });
    attempt_(action, s);
    const after = s.book.ledger.countOf(s.run.id) - n;
    const ks: number[] = [];
    for (let k = 1; k <= after; k += options.undoStride ?? 1) ks.push(k);
    return ks.length > 0 ? ks : [1];
  };

  const results: PositionResult[] = [];
  for (const n of positions) {
    for (const k of undoSteps(n)) {
      const s = prepare();
      const ledger = s.book.ledger;
      ledger.reset();
      ledger.inject({
        at: n,
        mode,
        error: new Error(FAULTS[n % FAULTS.length]),
        undoAt: k ?? undefined,
        execution: s.run.id,
      });
      let thrown = attempt_(action, s);
      // A killed run's outage must not reach what comes after it (dumps' formulas, healing).
      ledger.clearFaults();
      const late = end_(s.run);
      const surfacedAtEnd = thrown === null && late !== null;
      if (thrown === null) thrown = late;
      const after = normalised(s);
      const outcome: Outcome =
        after === before ? 'unchanged' : withoutSheetIds(after) === doneAcrossRuns ? 'done' : 'partial';
      const message = thrown === null ? null : messageOf_(thrown);
      const thai = message === null || surfacedAtEnd ? null : THAI.test(message);
      if (strict) {
        if (message !== null && !surfacedAtEnd) {
          expect({ n, k, message }).toEqual({ n, k, message: expect.stringMatching(THAI) });
          expect({ n, k, same: after === before }).toEqual({ n, k, same: true });
        } else {
          expect({ n, k, outcome: outcome !== 'partial' }).toEqual({ n, k, outcome: true });
        }
      }
      let healed: boolean | null = null;
      if (heal && outcome !== 'done') {
        const next = fresh(s);
        attempt_(heal, next);
        end_(next.run);
        healed = withoutSheetIds(normalised(next)) === doneAcrossRuns;
      }
      results.push({ at: n, undoAt: k, outcome, message, thai, surfacedAtEnd, healed });
    }
  }
  const count = (test: (r: PositionResult) => boolean) => results.filter(test).length;
  return {
    mode,
    positions: results.length,
    unchanged: count((r) => r.outcome === 'unchanged'),
    done: count((r) => r.outcome === 'done'),
    partial: count((r) => r.outcome === 'partial'),
    healed: count((r) => r.healed === true),
    unhealed: count((r) => r.healed === false),
    healing: heal !== false,
    notThai: count((r) => r.thai === false),
    surfacedAtEnd: count((r) => r.surfacedAtEnd),
    calls: names.length,
    candidates: candidates.length,
    stride,
    results,
  };
}

/**
 * Sweeps several modes; the counts by mode.
 * @param prepare makes the starting workbook
 * @param action the action
 * @param modes the modes, each with its own options
 */
export function sweepModes<S extends SweepSubject>(
  prepare: () => S,
  action: (s: S) => unknown,
  modes: ReadonlyArray<SweepOptions<S> & { mode: FaultMode }>,
): Partial<Record<FaultMode, SweepCounts>> {
  const counts: Partial<Record<FaultMode, SweepCounts>> = {};
  for (const options of modes) {
    const { results: _results, ...rest } = sweep(prepare, action, options);
    counts[options.mode] = rest;
  }
  return counts;
}

/**
 * One line for a sweep's counts, saying whether positions were sampled.
 * @param c the counts
 */
export function formatSweep(c: SweepCounts): string {
  const which =
    c.stride === 1
      ? `every one of ${c.candidates} positions`
      : `${c.positions} sampled with stride ${c.stride} of ${c.candidates} positions`;
  const healing = c.healing ? `; healed ${c.healed} of ${c.healed + c.unhealed}` : '';
  return (
    `${c.mode} (${which}, ${c.calls} calls): ${c.unchanged} unchanged, ${c.done} done, ${c.partial} partial` +
    `${healing}; ${c.notThai} without Thai; ${c.surfacedAtEnd} surfaced at end()`
  );
}

/**
 * Today's check: fails every call position of an action before it does anything and expects
 * the workbook exactly as before (or fully done) and a Thai message.
 * @param prepare makes the workbook the action starts from (deterministic)
 * @param action the action, called through the bundle
 * @return how many positions were tried
 */
export function sweepFaults(prepare: () => Harness, action: (h: Harness) => unknown): number {
  return sweep(prepare, action, { mode: 'before', strict: true }).positions;
}
