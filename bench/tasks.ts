/**
 * The bench's measurements. Each task runs in its own process (so each has its own peak
 * memory) and returns plain JSON for the report.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Script } from 'node:vm';
import { globalScope } from '../dev/fakes';
import { SHEET } from '../src/features/setup/sheets/sheetNames';
import { type BundleSource, type Gas, hasFunction, loadBundle, loadBundleGlobally, readBundle } from './bundle';
import { type GeneratedWorkbook, generateWorkbook, type GeneratorStats } from './generator';
import { getHeapStatistics } from 'node:v8';
import { collectGarbage, median, medianMs, memoryPeak, resetHeapPeak, sampleMemory, timed } from './measure';
import { naiveCheck, type NaiveProblem, naiveSetUp, naiveSummary } from './naive';
import { SCALES } from './scales';
import {
  type BenchWorkbook,
  fillEntries,
  newBenchWorkbook,
  recalculate,
  tallyArgs,
  writeDistrictSheet,
} from './workbook';

/** Service calls of one action by kind; `service` is all but the builder calls. */
export interface CallCounts {
  read: number;
  write: number;
  format: number;
  other: number;
  builder: number;
  service: number;
}

/** One action on a workbook. */
export interface ActionResult {
  action: string;
  scale: string;
  /** False when the bundle has no such function (yet). */
  available: boolean;
  error?: string;
  ms?: number;
  /** Time the stand-in spent computing the district table's formulas before the action. */
  recalcMs?: number;
  calls?: CallCounts;
  /** Calls by "Class.method". */
  byName?: Record<string, number>;
  /** Heap used when the action started (after a full collection), MB. */
  heapStartMb?: number;
  /** Heap high-water mark sampled during the action, MB. */
  heapMb?: number;
  /**
   * Heap used after the action (after a full collection), MB: what it left, mostly what it wrote
   * into the stand-in's workbook (in Sheets that is Google's memory, not the script's).
   */
  heapEndMb?: number;
  /** Peak RSS of the process so far, MB. */
  rssMb?: number;
}

/** The generated workbook and its set-up in numbers. */
export interface DataResult {
  scale: string;
  districts: number;
  entrySheets: number;
  activities: number;
  online: number;
  baseline: number;
  stats: GeneratorStats;
  generateMs: number;
  fillMs?: number;
  firstRecalcMs?: number;
  /** Cells of all sheets (max rows × max columns): Sheets allows 10 million. */
  cells?: number;
  /** Length of the district table's OTOP_TALLY formula, characters. */
  formulaChars?: number;
  /** Whether the district table showed the generator's truth. */
  tableMatchesTruth?: boolean;
}

/** Where a bundle is loaded: see loadBundleGlobally. */
export type Realm = 'global' | 'vm';

/** OTOP_TALLY over a whole table. */
export interface TallyResult {
  scale: string;
  variant: 'entries' | 'sheets';
  /** Where the bundle ran: a vm context (slow global lookups) or an ordinary global scope. */
  realm: Realm;
  rows: number;
  /** Median of the first calls in freshly loaded bundles (cold JIT), ms. */
  coldMs: number;
  coldRuns: number;
  /** Median of the next calls in the same context, ms. */
  ms: number;
  runs: number;
  matchesTruth: boolean;
}

/** Compile and top-level run of a bundle in a fresh context, CPU ms (medians). */
export interface ColdStart {
  bytes: number;
  compileMs: number;
  runMs: number;
}

/** Size and load time of the bundle. */
export interface BundleResult {
  bytes: number;
  loads: number;
  coldMs: number;
  cachedMs: number;
  node: string;
  cpus: number;
  /** the custom-function cold start, now and in the previous version (null: not built), measured alternately */
  cold?: { now: ColdStart; previous: ColdStart | null; loads: number };
}

/** A workbook task's result. */
export interface WorkbookResult {
  data: DataResult;
  actions: ActionResult[];
}

/** The round and month the reports are made for. */
export const ROUND = 3;
export const MONTH = '2022-03';
const ROUND_DEADLINE = new Date(2022, 8, 23);
const MONTH_END = new Date(2022, 2, 31);

/**
 * Size of dist/Code.js and the median time to load it into a fresh context.
 * @param root the project's root
 * @param loads how many loads
 */
export function benchBundle(root: string, loads = 20, previousPath: string | null = null): BundleResult {
  const bundle = readBundle(root);
  loadBundle(bundle); // warm the file system and V8 once
  return {
    bytes: bundle.bytes,
    loads,
    coldMs: medianMs(loads, () => loadBundle(bundle)),
    cachedMs: medianMs(loads, () => loadBundle(bundle, {}, true)),
    node: process.version,
    cpus: cpus().length,
    cold: coldStarts_(bundle.text, previousPath ? readFileSync(previousPath, 'utf8') : null, loads * 3),
  };
}

/**
 * What every custom-function recalculation pays before the function runs: Code.js compiled
 * (no code cache: a unique trailing comment each time) and its top level run in a fresh
 * context with an ordinary global object (dev/fakes/scope.ts), as CPU time of this process; the
 * two versions alternate so that both see the same machine.
 * @param now the current Code.js
 * @param previous the previous version's, if built
 * @param loads loads of each
 */
function coldStarts_(now: string, previous: string | null, loads: number): BundleResult['cold'] {
  const texts = previous === null ? [now] : [now, previous];
  const compile = texts.map(() => [] as number[]);
  const run = texts.map(() => [] as number[]);
  let unique = 0;
  for (let i = 0; i < loads; i++) {
    texts.forEach((text, j) => {
      const context = globalScope({});
      const started = process.cpuUsage();
      const script = new Script(`${text}\n// cold ${++unique}`, { filename: 'Code.js' });
      const compiled = process.cpuUsage(started);
      script.runInContext(context);
      const ran = process.cpuUsage(started);
      compile[j].push((compiled.user + compiled.system) / 1000);
      run[j].push((ran.user + ran.system - compiled.user - compiled.system) / 1000);
    });
  }
  const of = (j: number): ColdStart => ({
    bytes: Buffer.byteLength(texts[j]),
    compileMs: median(compile[j]),
    runMs: median(run[j]),
  });
  return { now: of(0), previous: previous === null ? null : of(1), loads };
}

const plain = (value: unknown) => JSON.stringify(value);
const rowsOf = (truth: GeneratedWorkbook['truth']) => truth.map((t) => [t.activities, t.channels, t.newOperators]);
/** What the district table counts (each district's own sheets). */
const truthRows = (data: GeneratedWorkbook) => rowsOf(data.truth);
/** What OTOP_TALLY counts over the stacked sheets (district cells decide). */
const stackedTruthRows = (data: GeneratedWorkbook) => rowsOf(data.stackedTruth);

/**
 * OTOP_TALLY over the whole table, on the entries only and on the entry sheets as the formula
 * passes them (each sheet's blank rows to row 1000 included): the first call in each of
 * `coldRuns` freshly loaded bundles (as a new Apps Script instance would run it), then the
 * median of `runs` further calls.
 * @param root the project's root
 * @param scale the scale's name
 * @param seed the generator's seed
 * @param runs warm calls per variant
 * @param coldRuns fresh loads per variant
 */
export function benchTally(root: string, scale: string, seed: number, runs = 5, coldRuns = 3): TallyResult[] {
  const data = generateWorkbook(SCALES[scale], seed);
  const bundle = readBundle(root);
  const out: TallyResult[] = [];
  for (const variant of ['entries', 'sheets'] as const) {
    const args = tallyArgs(data, variant === 'sheets' ? 999 : 0);
    for (const realm of ['global', 'vm'] as const) {
      let result: unknown;
      let gas: Gas = {};
      const call = () => {
        result = gas.OTOP_TALLY(args.districts, args.activities, args.online, args.baseline);
        sampleMemory();
      };
      const cold: number[] = [];
      for (let i = 0; i < coldRuns; i++) {
        gas = realm === 'global' ? loadBundleGlobally(bundle) : loadBundle(bundle);
        collectGarbage();
        cold.push(timed(call).ms);
      }
      const ms = medianMs(runs, call);
      out.push({
        scale,
        variant,
        realm,
        rows: args.rows,
        coldMs: median(cold),
        coldRuns,
        ms,
        runs,
        matchesTruth: plain(result) === plain(stackedTruthRows(data)),
      });
      collectGarbage();
    }
  }
  return out;
}

/** Runs one action with the ledger reset first; formulas are computed beforehand, as Sheets does. */
function runAction(
  wb: BenchWorkbook,
  scale: string,
  action: string,
  fnName: string | null,
  fn: () => unknown,
): ActionResult & { value?: unknown } {
  if (fnName !== null && !hasFunction(wb.gas, fnName)) return { action, scale, available: false };
  const recalc = timed(() => recalculate(wb.ss));
  collectGarbage();
  resetHeapPeak();
  const heapStartMb = memoryPeak().heapMb;
  wb.book.ledger.reset();
  const result: ActionResult & { value?: unknown } = {
    action,
    scale,
    available: true,
    recalcMs: recalc.ms,
    heapStartMb,
  };
  try {
    const { value, ms } = timed(fn);
    result.value = value;
    result.ms = ms;
  } catch (error) {
    result.error = (error as Error).message.slice(0, 160);
  }
  const kinds = wb.book.ledger.byKind();
  result.calls = { ...kinds, service: kinds.read + kinds.write + kinds.format + kinds.other };
  result.byName = wb.book.ledger.snapshot().byName;
  const peak = memoryPeak();
  result.heapMb = peak.heapMb;
  result.rssMb = peak.rssMb;
  collectGarbage();
  result.heapEndMb = getHeapStatistics().used_heap_size / 1048576;
  return result;
}

/**
 * Samples the heap on every 16th service call and on every call that is not a get (the
 * writes come after the work), since synchronous work blocks timers.
 */
function sampleOnCalls(wb: BenchWorkbook): void {
  const ledger = wb.book.ledger;
  const record = ledger.record.bind(ledger);
  let n = 0;
  ledger.record = (name: string) => {
    if ((++n & 15) === 0 || !name.includes('.get')) sampleMemory();
    record(name);
  };
}

/**
 * The sidebar's actions on a generated workbook through the bundle (and, with `naive`, the
 * naive reference's): set-up (first, then repeated after the entries made the sheets grow,
 * then again), data check, round summary, monthly report.
 * @param root the project's root
 * @param scale the scale's name
 * @param seed the generator's seed
 * @param naive also run the naive reference
 */
export function benchWorkbook(root: string, scale: string, seed: number, naive: boolean): WorkbookResult {
  const generated = timed(() => generateWorkbook(SCALES[scale], seed));
  const data = generated.value;
  const count = (sheets: readonly unknown[][][]) => sheets.reduce((n, rows) => n + rows.length, 0);
  const info: DataResult = {
    scale,
    districts: data.districts.length,
    entrySheets: data.districts.length * 2,
    activities: count(data.activities),
    online: count(data.online),
    baseline: data.baseline.length,
    stats: data.stats,
    generateMs: generated.ms,
  };
  const bundle: BundleSource = readBundle(root);
  const wb = newBenchWorkbook(bundle);
  sampleOnCalls(wb);
  writeDistrictSheet(wb.ss, data);
  const actions: ActionResult[] = [];
  const act = (name: string, fnName: string | null, fn: () => unknown) => {
    process.stderr.write(`  ${scale}: ${name}…`);
    const { value, ...result } = runAction(wb, scale, name, fnName, fn);
    process.stderr.write(
      result.available
        ? ` ${Math.round(result.ms ?? 0)} ms${result.error ? ` (error: ${result.error})` : ''}\n`
        : ' n/a\n',
    );
    actions.push(result);
    return value;
  };

  act('set-up (first)', 'sidebarSetUp', () => wb.gas.sidebarSetUp());
  info.fillMs = timed(() => fillEntries(wb.ss, data)).ms;
  const first = timed(() => recalculate(wb.ss));
  info.firstRecalcMs = first.ms;
  info.tableMatchesTruth =
    plain(first.value.slice(1, data.districts.length + 1).map((row) => row.slice(7, 10))) === plain(truthRows(data));
  const districtSheet = wb.ss.getSheetByName(SHEET.districts);
  info.formulaChars = districtSheet?.getRange(2, 7).getFormula().length ?? 0;
  info.cells = wb.ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);

  act('set-up (repeat)', 'sidebarSetUp', () => wb.gas.sidebarSetUp()); // repairs the rows the sheets grew by
  act('set-up (again)', 'sidebarSetUp', () => wb.gas.sidebarSetUp()); // the steady state
  const check = act('data check', 'sidebarCheckData', () => wb.gas.sidebarCheckData()) as
    | { problems?: NaiveProblem[] }
    | undefined;
  act(`round summary ${ROUND}`, 'sidebarMakeRoundSummary', () => wb.gas.sidebarMakeRoundSummary(ROUND));
  act(`monthly report ${MONTH}`, 'sidebarMakeMonthlyReport', () => wb.gas.sidebarMakeMonthlyReport(MONTH));

  if (naive) {
    const names = data.districts.map((d) => d.name);
    const app = wb.run.globals.SpreadsheetApp;
    const table = districtTableContent(wb);
    act('naive data check', null, () => naiveCheck(app, names, check?.problems ?? []));
    act(`naive round summary ${ROUND}`, null, () => naiveSummary(app, wb.gas, names, 'naive สรุปรอบ', ROUND_DEADLINE));
    act(`naive monthly report ${MONTH}`, null, () => naiveSummary(app, wb.gas, names, 'naive รายงานเดือน', MONTH_END));
    act('naive set-up', null, () => naiveSetUp(app, names, table));
  }
  return { data: info, actions };
}

/**
 * The district table as set-up wrote it: formulas as text, the header and the typed columns
 * (no, name, registered, promoted) as values, blank elsewhere (cells that show a spilled result).
 */
function districtTableContent(wb: BenchWorkbook): unknown[][] {
  const sheet = wb.ss.getSheetByName(SHEET.districts);
  if (!sheet) return [];
  const range = sheet.getDataRange();
  const formulas = range.getFormulas();
  return range.getValues().map((row, r) => row.map((v, c) => formulas[r][c] || (r === 0 || c < 4 ? v : '')));
}
