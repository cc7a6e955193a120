/** Prints the bench's results as plain-text tables with PASS / MISS against the targets. */
import { classifyCall } from '../dev/fakes/callLedger';
import { BUDGET_DAY, type BudgetAction, type BudgetResult, type PreviousAction } from './budgets';
import { COLUMN_ROWS, type ColumnResult, OUTPUT_ONLY } from './columns';
import type { EditsResult } from './edits';
import {
  type ActionResult,
  type BundleResult,
  type ColdStart,
  MONTH,
  ROUND,
  type TallyResult,
  type WorkbookResult,
} from './tasks';

/** Everything the tasks returned; a task that failed has an error instead. */
export interface BenchResults {
  seed: number;
  totalMs: number;
  /** 1-minute load average at the start and at the end. */
  load: [number, number];
  bundle: BundleResult | { error: string };
  tally: Record<string, TallyResult[] | { error: string }>;
  columns: ColumnResult[] | { error: string };
  edits: Record<string, EditsResult | { error: string }>;
  /** round trips per action (budgets.ts), by scale */
  budgets: Record<string, BudgetResult | { error: string }>;
  workbooks: Record<string, WorkbookResult | { error: string }>;
}

const TARGET = {
  tallyMs: 1000,
  bundleBytes: 100 * 1024,
  loadMs: 50,
  naiveRatio: 100,
  heapGrowthMb: 512,
  /** Custom-function executions per edit of an entry sheet. */
  entryExecutions: 1,
  /** How many times fewer cells per entry edit than the stacked table at province scale. */
  fewerCells: 8,
  columnMs: 1000,
  columnRatio: 12,
};

/**
 * Issue 23's call budgets, calls including the sidebar's refresh after the action: [province,
 * 30 districts]; province ×10 has the province's (no count may grow with the rows).
 */
export const CALL_BUDGET: Record<string, readonly [number, number]> = {
  'open the sidebar': [25, 40],
  'duties view': [15, 15],
  'preview a submission': [40, 40],
  submit: [80, 100],
  'daily reminder run': [60, 100],
  // The mobile page's own actions (issue 25), with what the page calls after them. Adding an
  // entry reads, checks and appends one row and logs it, then the page reloads its standing:
  // at most a submission's budget (one sealed row and its log, and a lighter refresh).
  'add an entry (mobile page)': [80, 100],
  // A correction writes one cell and logs it (as much as adding), then the page checks the
  // data again and reloads its standing: the add's budget plus the data check's.
  'fix an entry (mobile page)': [230, 300],
  'data check': [150, 200],
  'round summary': [150, 200],
  'monthly report': [150, 200],
  'repeat set-up': [100, 100],
  'first set-up': [600, 1500],
  // The switch archives the year (a copy of each district's two sheets and the year's records)
  // and then runs set-up's steps over the new year's sheets, about a first set-up's work: its
  // budget is a first set-up's and a copy's few calls a sheet more. At 30 districts it must end
  // inside the add-on's own 3.5-minute stop at 100 ms a call (2,100 calls) with time left for
  // its undo if it were stopped: 1,800 calls is 180 s, 30 s inside the stop.
  'fiscal-year switch': [800, 1800],
};
/** An officer's patience, and Apps Script's limit of one run (guides/services/quotas). */
const PATIENCE_S = 30;
const RUN_LIMIT_S = 360;
/** The add-on stops a run at 3.5 minutes to undo in time (set-up, the year's switch): its own limit. */
const ADDON_STOP_S = 210;

/** The budget of an action at a scale (null: none set). */
export function budgetOf(action: string, scale: string): number | null {
  const budget = CALL_BUDGET[action];
  if (!budget) return null;
  return scale === 'province 30' ? budget[1] : budget[0];
}

const seconds = (calls: number, msPerCall: number) => `${((calls * msPerCall) / 1000).toFixed(1)} s`;

/** Round trips per action at each scale, with the time they take at 50 and 100 ms a call. */
function budgetsTable(budgets: BenchResults['budgets']): string {
  const out: string[] = [];
  const day = BUDGET_DAY.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  for (const [scale, r] of Object.entries(budgets)) {
    if (isError(r)) {
      out.push(`${scale}: ${r.error}`, '');
      continue;
    }
    const previous = new Map((r.previous ?? []).map((p) => [p.action, p]));
    const rows = r.actions.map((a) => {
      const total = a.calls + a.refreshCalls;
      const budget = budgetOf(a.action, scale);
      // set-up and the switch stop themselves at 3.5 minutes (platform/undo.ts ACTION_BUDGET_MS)
      const limit = a.action.includes('set-up') || a.action === 'fiscal-year switch' ? ADDON_STOP_S : RUN_LIMIT_S;
      const before = previous.get(a.action);
      return [
        a.action + (a.error ? ` (error: ${a.error.slice(0, 40)})` : ''),
        n(a.calls),
        n(a.refreshCalls),
        n(total),
        budget === null ? '' : `≤ ${n(budget)} ${mark(total <= budget)}`,
        seconds(total, 50),
        seconds(total, 100),
        (total * 100) / 1000 <= PATIENCE_S ? 'yes' : 'no',
        (a.calls * 100) / 1000 < limit ? 'yes' : 'NO',
        ms(a.cpuMs),
        ms(a.ownCpuMs),
        before ? `${ms(before.cpuMs)}${before.error ? ' (error)' : ''}` : '',
        before ? ms(before.ownCpuMs) : '',
        before ? n(before.calls) : '',
      ];
    });
    out.push(
      `Round trips per action, ${scale} (${n(r.districts)} districts, ${n(r.entries)} entries; every district's officer named; ${day})`,
      table(
        [
          'action',
          'calls',
          '+ refresh',
          'total',
          'budget',
          '× 50 ms',
          '× 100 ms',
          `≤ ${PATIENCE_S} s at 100 ms`,
          'in its run limit',
          'CPU ms',
          'own',
          'previous CPU ms',
          'own',
          'previous calls',
        ],
        rows,
      ),
      '',
    );
  }
  out.push(
    "  calls: the action's service calls (builder calls run in-process); + refresh: the sidebar's sidebarState after it, the duties with it (the mobile page: sidebarState after an entry, sidebarCheckData and sidebarState after a correction)",
    '  (src/sidebar/status.ts act; none after opening, the duties view, a preview or a trigger); total × 50 / 100 ms: a round trip to',
    `  Google each, against an officer's patience (${PATIENCE_S} s) and the run's limit (the action's own calls at 100 ms: 6 minutes; set-up`,
    "  and the fiscal-year switch stop themselves at 3.5 minutes to undo in time). CPU ms: the action's CPU time in this process, the",
    "  stand-in's share included; own: outside the stand-in's calls (in Sheets their work, and the custom functions they recalculate,",
    "  is Google's, not the run's: dev/fakes/callLedger.ts meterCalls), one run each;",
    "  previous: the version before per-district formulas (commit e064f7d) on the same generated data, with its own set-up's workbook",
    '  (it had no duties, submissions or reminders).',
  );
  return out.join('\n');
}

/** The PASS/MISS line of every budget, then of each action's own CPU against the previous version's. */
function budgetLines(budgets: BenchResults['budgets']): string[] {
  const lines: string[] = [];
  const cpu: string[] = [];
  for (const [scale, r] of Object.entries(budgets)) {
    if (isError(r)) continue;
    const previous = new Map((r.previous ?? []).map((p) => [p.action, p]));
    for (const a of r.actions) {
      const before = previous.get(a.action);
      if (before && !before.error && !a.error) {
        cpu.push(
          `${mark(a.ownCpuMs <= before.ownCpuMs)}  ${a.action}, ${scale}: own CPU ${ms(a.ownCpuMs)} ms vs ${ms(before.ownCpuMs)} ms in the previous version ` +
            `(with the stand-in's share: ${ms(a.cpuMs)} vs ${ms(before.cpuMs)})`,
          wholeAction_(a, before, scale),
        );
      }
      const budget = budgetOf(a.action, scale);
      if (budget === null) continue;
      const total = a.calls + a.refreshCalls;
      lines.push(
        `${mark(total <= budget)}  ${a.action}, ${scale}: ${n(total)} calls with the refresh (${seconds(total, 100)} at 100 ms; budget ≤ ${n(budget)})`,
      );
    }
  }
  return [...lines, ...cpu];
}

/**
 * What the officer waits for, beside an own-CPU line: the action's calls (the refresh included)
 * at 50 ms each plus its own CPU, now and in the previous version, and the own CPU's share of it.
 * @param a the action now
 * @param before the previous version's
 * @param scale the workbook's scale
 */
function wholeAction_(a: BudgetAction, before: PreviousAction, scale: string): string {
  const now = (a.calls + a.refreshCalls) * 50 + a.ownCpuMs;
  const then = before.calls * 50 + before.ownCpuMs;
  return (
    `info  ${a.action}, ${scale}: the whole action at 50 ms a call (calls × 50 ms + own CPU) ${(now / 1000).toFixed(2)} s vs ` +
    `${(then / 1000).toFixed(2)} s in the previous version; own CPU ${((100 * a.ownCpuMs) / now).toFixed(1)} % of it`
  );
}

/**
 * The round-trip section alone (`npm run bench -- budgets`): each scale's table and the
 * PASS/MISS lines.
 * @param budgets the budgets' results by scale
 */
export function formatBudgets(budgets: BenchResults['budgets']): string {
  return [budgetsTable(budgets), '', 'Targets', ...budgetLines(budgets).map((l) => `  ${l}`)].join('\n');
}

/**
 * The previous version's stacked OTOP_TALLY table, as issue 16 measured it at province scale
 * (history: this bench no longer builds that table).
 */
const STACKED = { cells: 174_000, megabytes: 1.1, blankShare: 0.87 };

const n = (v: number) => Math.round(v).toLocaleString('en-US');
const ms = (v: number | undefined) => (v === undefined ? '' : v < 10 ? v.toFixed(2) : n(v));
const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** Left-aligned first column, right-aligned others. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function isError<T extends object>(value: T | { error: string }): value is { error: string } {
  return !Array.isArray(value) && 'error' in value;
}

/** The cold-start rows of the bundle table: now and the previous version, side by side. */
function coldRows_(b: BundleResult): string[][] {
  if (!b.cold) return [];
  const { now, previous, loads } = b.cold;
  const row = (label: string, c: ColdStart) => [
    `${label}: ${n(c.bytes)} bytes, compile + top level (CPU ms, median of ${loads})`,
    `${ms(c.compileMs)} + ${ms(c.runMs)} = ${ms(c.compileMs + c.runMs)}`,
  ];
  return [row('cold start now', now), ...(previous ? [row('cold start, previous version (e064f7d)', previous)] : [])];
}

function dataTable(workbooks: BenchResults['workbooks']): string {
  const ok = Object.values(workbooks).filter((w): w is WorkbookResult => !isError(w));
  if (ok.length === 0) return '';
  const row = (label: string, f: (w: WorkbookResult) => string) => [label, ...ok.map(f)];
  const s = (k: keyof WorkbookResult['data']['stats']) => (w: WorkbookResult) => n(w.data.stats[k]);
  return table(
    ['synthetic workbook', ...ok.map((w) => w.data.scale)],
    [
      row('districts / entry sheets', (w) => `${n(w.data.districts)} / ${n(w.data.entrySheets)}`),
      row(
        'activities / online / baseline rows',
        (w) => `${n(w.data.activities)} / ${n(w.data.online)} / ${n(w.data.baseline)}`,
      ),
      row('duplicate rows', s('duplicateRows')),
      row(
        'name-only / number-only online rows',
        (w) => `${n(w.data.stats.nameOnlyRows)} / ${n(w.data.stats.numberOnlyRows)}`,
      ),
      row(
        'channel aliases / unknown channels',
        (w) => `${n(w.data.stats.channelAliases)} / ${n(w.data.stats.unknownChannels)}`,
      ),
      row('cells with Thai digits', s('thaiDigitCells')),
      row(
        'BE text dates / BE-year date cells',
        (w) => `${n(w.data.stats.beTextDates)} / ${n(w.data.stats.beDateCells)}`,
      ),
      row('out-of-year / unreadable dates', (w) => `${n(w.data.stats.outOfYear)} / ${n(w.data.stats.unreadableDates)}`),
      row('budget-used activities', s('budgetUsed')),
      row('unknown-district rows', s('unknownDistricts')),
      row('generate (ms)', (w) => ms(w.data.generateMs)),
      row('fill: one setValues per sheet (ms)', (w) => ms(w.data.fillMs)),
      row('district table computed by stand-in (ms)', (w) => ms(w.data.firstRecalcMs)),
      row('district table = generator truth', (w) => (w.data.tableMatchesTruth ? 'yes' : 'NO')),
      row('cells in the workbook (limit 10 000 000)', (w) => n(w.data.cells ?? 0)),
      row('district formula length, G2 (chars)', (w) => n(w.data.formulaChars ?? 0)),
    ],
  );
}

function tallyTable(tally: BenchResults['tally']): string {
  const rows: string[][] = [];
  for (const [scale, result] of Object.entries(tally)) {
    if (isError(result)) {
      rows.push([scale, result.error]);
      continue;
    }
    for (const r of result) {
      const label = `${scale}, ${r.variant === 'entries' ? 'entry rows only' : 'sheets as passed (to row 1000)'}, ${r.realm}`;
      const target =
        r.scale === 'nation rows' && r.realm === 'global'
          ? `${mark(r.coldMs < TARGET.tallyMs)} / ${mark(r.ms < TARGET.tallyMs)}`
          : '';
      rows.push([
        label,
        n(r.rows),
        ms(r.coldMs),
        ms(r.ms),
        `${((r.ms * 1000) / r.rows).toFixed(2)} µs`,
        r.matchesTruth ? 'yes' : 'NO',
        target,
      ]);
    }
  }
  return [
    table(
      [
        "OTOP_TALLY, all entries in one call (officers' own formulas)",
        'rows',
        'first call ms',
        'ms/call',
        'per row',
        '= truth',
        '< 1 s',
      ],
      rows,
    ),
    '  first call: median of 3 first calls, each in a freshly loaded bundle (cold JIT, as a new Apps Script instance); ms/call, per row: median of the 5 calls after.',
    "  global: the bundle in an ordinary global scope, as Apps Script's V8 runs it (the target); vm: in a node:vm context, whose",
    '  intercepted global makes every lookup of Array, Math, Map... slower (nodejs/node#31658), shown for reference only.',
  ].join('\n');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function editsTable(edits: BenchResults['edits']): string {
  const rows: string[][] = [];
  for (const [scale, e] of Object.entries(edits)) {
    if (isError(e)) {
      rows.push([scale, e.error]);
      continue;
    }
    for (const edit of e.edits) {
      rows.push([
        `${scale} (${n(e.districts)} districts, ${n(e.entries)} entries)`,
        edit.edit,
        n(edit.executions),
        n(edit.cells),
        kb(edit.bytes),
        n(edit.bound),
        ms(edit.ms),
      ]);
    }
  }
  return [
    table(
      ['Edits: what one edit re-runs', 'edited', 'executions', 'cells passed', 'JSON', 'bound (cells)', 'ms'],
      rows,
    ),
    "  Modelled from the formulas' references: an edit re-runs every custom function whose arguments reference the cell, then those",
    '  reading what they fill (guides/sheets/functions: custom functions recalculate when an argument changes); the native total row',
    "  re-runs none. cells/JSON: the arguments of those executions as Sheets passes them (ranges to the sheets' ends, UTF-8 bytes of",
    "  their JSON). bound: the edited district's two sheets + baseline + settings + criteria (each sheet's rows × columns).",
    '  ms: the executions run one after another through the bundle in an ordinary global scope (median of 5).',
    `  History (not built by this bench): the previous version's stacked OTOP_TALLY table sent about ${n(STACKED.cells)} cells`,
    `  (≈ ${STACKED.megabytes} MB as JSON, ${Math.round(STACKED.blankShare * 100)} % blank) to a fresh execution on every edit of any entry cell (issue 16's`,
    "  measurement), then 5 more by this model: OTOP_PERCENT, OTOP_SCORE, OTOP_LEVEL, OTOP_NEXT over its spill and the total row's",
    "  OTOP_PERCENT over the spill's SUM (test/bench/editModel.test.ts).",
  ].join('\n');
}

function columnsTable(columns: BenchResults['columns']): string {
  if (isError(columns)) return `column functions: ${columns.error}`;
  const rows = columns.map((c) => [
    c.call,
    ...COLUMN_ROWS.map((rows) => ms(c.ms[rows])),
    (c.ms[20_000] / c.ms[2_000]).toFixed(1),
    `${((c.ms[20_000] * 1000) / 20_000).toFixed(2)} µs`,
    ms(c.wallMs),
  ]);
  return [
    table(
      [
        'Column functions (CPU ms per call)',
        ...COLUMN_ROWS.map((r) => `${n(r)} rows`),
        '20k ÷ 2k',
        'per row',
        '20k wall ms',
      ],
      rows,
    ),
    `  Through the bundle in an ordinary global scope. CPU ms: the process's CPU time per call, median of ${columns[0]?.runs ?? 0} batches of calls`,
    '  over ≈ 200 000 rows each (other work on the machine does not count); 20k wall ms: one call over 20 000 rows, median.',
    `  "${OUTPUT_ONLY}": only what every column function must do, one new row per input row: its ratio is the floor V8's`,
    "  generational collector sets (a short run's output dies young; a long run's survives and is copied). Reads of the input",
    '  rows are counted exactly in test/functions/linearRows.test.ts: a fixed few per row at every size.',
    '  History: before issue 16 a per-row re-check of the range made OTOP_TARGET + OTOP_LEVEL take 3.6 s over 2 000 rows, 6 minutes over 20 000.',
  ].join('\n');
}

/** Heap growth during an action, MB. */
const growth = (a: ActionResult) => Math.max(0, (a.heapMb ?? 0) - (a.heapStartMb ?? 0));

function actionRows(workbooks: BenchResults['workbooks']): string[][] {
  const rows: string[][] = [];
  for (const [scale, w] of Object.entries(workbooks)) {
    if (isError(w)) {
      rows.push([`(${scale})`, scale, w.error]);
      continue;
    }
    for (const a of w.actions) {
      if (!a.available) {
        rows.push([a.action, a.scale, 'n/a', '', '', '', '', '', '', '', '', '', '']);
        continue;
      }
      const c = a.calls;
      rows.push([
        a.action + (a.error ? ' (error)' : ''),
        a.scale,
        ms(a.ms),
        ms(a.recalcMs),
        n(c?.read ?? 0),
        n(c?.write ?? 0),
        n(c?.format ?? 0),
        n(c?.other ?? 0),
        n(c?.service ?? 0),
        n(c?.builder ?? 0),
        (a.heapStartMb ?? 0).toFixed(0),
        `+${growth(a).toFixed(0)}`,
        (a.rssMb ?? 0).toFixed(0),
      ]);
    }
  }
  return rows;
}

function findAction(workbooks: BenchResults['workbooks'], scale: string, action: string): ActionResult | undefined {
  const w = workbooks[scale];
  return w && !isError(w) ? w.actions.find((a) => a.action === action && a.available && !a.error) : undefined;
}

/** The service calls whose counts differ between two runs of an action, e.g. "Sheet.insertRowsAfter 0→1". */
function differences(a?: ActionResult, b?: ActionResult): string {
  if (!a?.byName || !b?.byName) return '';
  const names = [...new Set([...Object.keys(a.byName), ...Object.keys(b.byName)])]
    .filter((name) => classifyCall(name) !== 'builder')
    .sort();
  return names
    .filter((name) => (a.byName?.[name] ?? 0) !== (b.byName?.[name] ?? 0))
    .map((name) => `${name} ${a.byName?.[name] ?? 0}→${b.byName?.[name] ?? 0}`)
    .join(', ');
}

function targetLines(r: BenchResults): string[] {
  const lines: string[] = [];
  const wb = r.workbooks;
  const calls = (a?: ActionResult) => a?.calls?.service;
  for (const action of ['set-up (again)', 'data check', `round summary ${ROUND}`, `monthly report ${MONTH}`]) {
    const p = calls(findAction(wb, 'province', action));
    if (p === undefined) {
      lines.push(`n/a   ${action}: not measured at province scale`);
      continue;
    }
    const rows = findAction(wb, 'nation rows', action);
    if (rows?.calls) {
      const diff = differences(findAction(wb, 'province', action), rows);
      lines.push(
        `${mark(p === rows.calls.service)}  ${action}: service calls with the nation's rows in the province's sheets ${n(rows.calls.service)} vs ${n(p)}${diff ? ` (${diff})` : ''}`,
      );
    }
    const large = calls(findAction(wb, 'province 30', action));
    const perDistrict = large === undefined ? 0 : (large - p) / (30 - 9);
    lines.push(
      large === undefined
        ? `n/a   ${action}: the 30-district province not measured`
        : `info  ${action}: service calls with 30 districts ${n(large)} vs 9 ${n(p)} (+${perDistrict.toFixed(1)} per extra district: they grow with the sheets, one pair per district)`,
    );
    const naive = calls(findAction(wb, 'province', `naive ${action === 'set-up (again)' ? 'set-up' : action}`));
    if (naive !== undefined) {
      const bundle =
        action === 'set-up (again)' ? Math.max(p, calls(findAction(wb, 'province', 'set-up (first)')) ?? 0) : p;
      lines.push(
        `${mark(naive >= TARGET.naiveRatio * bundle)}  ${action}: ${(naive / bundle).toFixed(0)}× fewer calls than the naive reference (${n(naive)} vs ${n(bundle)}; target ≥ 100×)`,
      );
    }
  }
  const grown = findAction(wb, 'nation rows', 'set-up (repeat)');
  const steady = findAction(wb, 'nation rows', 'set-up (again)');
  if (grown?.calls && steady?.calls) {
    lines.push(
      `info  set-up after the sheets grew by thousands of rows: ${n(grown.calls.service)} calls, once (${differences(steady, grown)}): ` +
        'per column, not per row',
    );
  }
  const bigTally = r.tally['nation rows'];
  if (bigTally && !isError(bigTally)) {
    for (const t of bigTally.filter((t) => t.realm === 'global')) {
      const what = t.variant === 'entries' ? 'entry rows only' : 'sheets as the formula passes them';
      lines.push(
        `${mark(t.coldMs < TARGET.tallyMs && t.ms < TARGET.tallyMs)}  OTOP_TALLY over the nation's ${n(t.rows)} rows in one call (officers' own formulas; the district table no longer uses it), ${what}: first call ${ms(t.coldMs)} ms, then ${ms(t.ms)} ms (target < 1 000 ms)`,
      );
    }
  }
  lines.push(...editLines(r), ...columnLines(r));
  if (!isError(r.bundle)) {
    lines.push(
      `${mark(r.bundle.bytes < TARGET.bundleBytes)}  bundle size ${n(r.bundle.bytes)} bytes (target < ${n(TARGET.bundleBytes)})`,
    );
    lines.push(
      `${mark(r.bundle.coldMs < TARGET.loadMs)}  bundle load ${ms(r.bundle.coldMs)} ms, compiled each time (target < 50 ms)`,
    );
  }
  const summary = findAction(wb, 'nation rows', `round summary ${ROUND}`);
  if (summary) {
    lines.push(
      `${mark(growth(summary) < TARGET.heapGrowthMb)}  round summary over the nation's 160 000 entries: completes; heap +${n(growth(summary))} MB over the ${n(summary.heapStartMb ?? 0)} MB ` +
        `the stand-in's workbook holds, process peak RSS ${n(summary.rssMb ?? 0)} MB (target: completes, its own heap < 512 MB)`,
    );
    if (summary.heapEndMb !== undefined && summary.heapMb !== undefined) {
      const left = Math.max(0, summary.heapEndMb - (summary.heapStartMb ?? 0));
      lines.push(
        `info  of that peak, ${n(left)} MB stays after the action (a full collection later: mostly the report it wrote, held by the stand-in's workbook) ` +
          `and ${n(Math.max(0, summary.heapMb - Math.max(summary.heapEndMb, summary.heapStartMb ?? 0)))} MB is working memory freed once it ends`,
      );
    }
  } else lines.push("n/a   round summary over the nation's entries: not measured or failed");
  return lines;
}

/** The edit targets: one execution per entry edit, cells within the bound, 8× fewer than before. */
function editLines(r: BenchResults): string[] {
  const lines: string[] = [];
  for (const [scale, e] of Object.entries(r.edits)) {
    if (isError(e)) {
      lines.push(`n/a   edits at ${scale}: ${e.error}`);
      continue;
    }
    const [entry, baseline] = e.edits;
    lines.push(
      `${mark(entry.executions === TARGET.entryExecutions)}  ${scale}: an edit in one district's sheet re-runs ${n(entry.executions)} custom-function execution (target 1)`,
      `${mark(entry.cells <= entry.bound)}  ${scale}: it passes ${n(entry.cells)} cells, ${kb(entry.bytes)} (target ≤ ${n(entry.bound)}: that district's sheets + baseline + settings + criteria)`,
    );
    if (scale === 'province') {
      const fewer = STACKED.cells / entry.cells;
      lines.push(
        `${mark(fewer >= TARGET.fewerCells)}  province: ${fewer.toFixed(1)}× fewer cells per entry edit than the previous version's stacked table (${n(entry.cells)} vs ≈ ${n(STACKED.cells)}, history; target ≥ 8×)`,
      );
    }
    if (baseline) {
      lines.push(
        `info  ${scale}: an edit of the baseline re-runs ${n(baseline.executions)} executions (every district reads it), ${n(baseline.cells)} cells, ${kb(baseline.bytes)}, ${ms(baseline.ms)} ms`,
      );
    }
  }
  return lines;
}

/** The column-function targets: 20 000 rows under 1 s, 20 000 ÷ 2 000 ≤ 12. */
function columnLines(r: BenchResults): string[] {
  if (isError(r.columns)) return [`n/a   column functions: ${r.columns.error}`];
  const floor = r.columns.find((c) => c.fn === OUTPUT_ONLY);
  const floorRatio = floor ? floor.ms[20_000] / floor.ms[2_000] : 0;
  const floorDouble = floor ? floor.ms[20_000] / floor.ms[10_000] : 0;
  const lines = r.columns
    .filter((c) => c.fn !== OUTPUT_ONLY)
    .flatMap((c) => {
      const ratio = c.ms[20_000] / c.ms[2_000];
      return [
        `${mark(c.wallMs < TARGET.columnMs)}  ${c.call}: 20 000 rows in ${ms(c.wallMs)} ms (target < 1 000 ms)`,
        `${mark(ratio <= TARGET.columnRatio)}  ${c.call}: 20 000 ÷ 2 000 rows = ${ratio.toFixed(1)}× the CPU time (target ≤ 12; the output alone: ${floorRatio.toFixed(1)}×)`,
        // The step between the two largest sizes, beside the 10× one: what the collector adds
        // to a long run's output (columns.ts) weighs on both, and on the output alone most.
        `info  ${c.call}: 20 000 ÷ 10 000 rows = ${(c.ms[20_000] / c.ms[10_000]).toFixed(2)}× the CPU time (linear: 2; the output alone: ${floorDouble.toFixed(2)}×)`,
      ];
    });
  return lines;
}

/**
 * The whole report.
 * @param r the results
 */
export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  const b = r.bundle;
  out.push(
    `OTOP bench — seed ${r.seed}${isError(b) ? '' : `, node ${b.node}, ${b.cpus} CPUs`}, TZ ${process.env.TZ ?? ''}, ${(r.totalMs / 1000).toFixed(0)} s in all`,
  );
  out.push(
    `load average (1 min) at start ${r.load[0].toFixed(1)}, at end ${r.load[1].toFixed(1)}: other work on the machine makes times noisy; call counts are exact`,
  );
  out.push('');
  out.push(dataTable(r.workbooks));
  out.push('');
  out.push(budgetsTable(r.budgets ?? {}));
  out.push('');
  out.push(editsTable(r.edits));
  out.push('');
  out.push(columnsTable(r.columns));
  out.push('');
  out.push(tallyTable(r.tally));
  out.push('');
  out.push(
    'Workbook actions through the bundle on the in-memory stand-in (ledger reset before each; service = read + write + format + other; builder calls run in-process)',
  );
  out.push(
    table(
      [
        'action',
        'scale',
        'ms',
        'recalc ms',
        'read',
        'write',
        'format',
        'other',
        'service',
        'builder',
        'heap MB',
        'heap +MB',
        'peak RSS MB',
      ],
      actionRows(r.workbooks),
    ),
  );
  out.push(
    "  recalc ms: the stand-in computing the district table's formulas before the action (Sheets' own calculation, not script time).",
  );
  out.push(
    "  heap MB: heap used at the start (after a full GC; mostly the stand-in's workbook); heap +MB: sampled high-water mark during the action above that;",
  );
  out.push("  peak RSS: the process's OS high-water mark so far (one process per scale).");
  out.push('');
  if (isError(b)) out.push(`bundle: ${b.error}`);
  else
    out.push(
      table(
        ['bundle dist/Code.js', 'value'],
        [
          ['size (bytes)', n(b.bytes)],
          [`load into a fresh context, compiled each time (median of ${b.loads}, ms)`, ms(b.coldMs)],
          ['load, compiled code reused (ms)', ms(b.cachedMs)],
          ...coldRows_(b),
        ],
      ),
    );
  out.push('');
  out.push('Targets (never fatal; in brackets: the service calls whose counts differ)');
  out.push(...allTargetLines(r).map((l) => `  ${l}`));
  return out.join('\n');
}

/**
 * Every target's line (PASS, MISS, info or n/a first): the workbooks', the round trips' and
 * own CPU's, the cold start's.
 * @param r the whole bench's results
 */
export function allTargetLines(r: BenchResults): string[] {
  const lines = [...targetLines(r), ...budgetLines(r.budgets ?? {})];
  const b = r.bundle;
  if (!isError(b) && b.cold?.previous) {
    const now = b.cold.now.compileMs + b.cold.now.runMs;
    const before = b.cold.previous.compileMs + b.cold.previous.runMs;
    lines.push(
      `${mark(now <= before)}  custom-function cold start (compile + top level of Code.js, fresh context, no code cache, CPU): ${ms(now)} ms now vs ${ms(before)} ms in the previous version`,
    );
  }
  return lines;
}
