/** Prints the bench's results as plain-text tables with PASS / MISS against the targets. */
import { classifyCall } from '../dev/fakes/callLedger';
import { type ActionResult, type BundleResult, MONTH, ROUND, type TallyResult, type WorkbookResult } from './tasks';

/** Everything the tasks returned; a task that failed has an error instead. */
export interface BenchResults {
  seed: number;
  totalMs: number;
  /** 1-minute load average at the start and at the end. */
  load: [number, number];
  bundle: BundleResult | { error: string };
  tally: Record<string, TallyResult[] | { error: string }>;
  workbooks: Record<string, WorkbookResult | { error: string }>;
}

const TARGET = { tallyMs: 1000, bundleBytes: 100 * 1024, loadMs: 50, naiveRatio: 100, heapGrowthMb: 512 };

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

function isError<T extends object>(value: T | { error: string }): value is { error: string } {
  return !Array.isArray(value) && 'error' in value;
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
      row('OTOP_TALLY formula length (chars)', (w) => n(w.data.formulaChars ?? 0)),
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
        r.scale === 'nation' && r.realm === 'global'
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
    table(['OTOP_TALLY over the whole table', 'rows', 'first call ms', 'ms/call', 'per row', '= truth', '< 1 s'], rows),
    '  first call: median of 3 first calls, each in a freshly loaded bundle (cold JIT, as a new Apps Script instance); ms/call, per row: median of the 5 calls after.',
    "  global: the bundle in an ordinary global scope, as Apps Script's V8 runs it (the target); vm: in a node:vm context, whose",
    '  intercepted global makes every lookup of Array, Math, Map... slower (nodejs/node#31658), shown for reference only.',
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
    const nat = calls(findAction(wb, 'nation', action));
    const perDistrict = nat === undefined ? 0 : (nat - p) / (878 - 9);
    lines.push(
      nat === undefined
        ? `n/a   ${action}: nation scale not measured`
        : `${mark(p === nat)}  ${action}: service calls at nation scale ${n(nat)} vs province ${n(p)} (×${(nat / p).toFixed(1)}; +${perDistrict.toFixed(1)} per extra district: they grow with the sheets, one pair per district)`,
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
  const nationTally = r.tally.nation;
  if (nationTally && !isError(nationTally)) {
    for (const t of nationTally.filter((t) => t.realm === 'global')) {
      const what = t.variant === 'entries' ? 'entry rows only' : 'sheets as the formula passes them';
      lines.push(
        `${mark(t.coldMs < TARGET.tallyMs && t.ms < TARGET.tallyMs)}  OTOP_TALLY at nation scale, ${what}: first call ${ms(t.coldMs)} ms, then ${ms(t.ms)} ms (target < 1 000 ms)`,
      );
    }
  }
  if (!isError(r.bundle)) {
    lines.push(
      `${mark(r.bundle.bytes < TARGET.bundleBytes)}  bundle size ${n(r.bundle.bytes)} bytes (target < ${n(TARGET.bundleBytes)})`,
    );
    lines.push(
      `${mark(r.bundle.coldMs < TARGET.loadMs)}  bundle load ${ms(r.bundle.coldMs)} ms, compiled each time (target < 50 ms)`,
    );
  }
  const summary = findAction(wb, 'nation', `round summary ${ROUND}`);
  const nation = wb.nation;
  const listed =
    nation && !isError(nation) ? nation.actions.find((a) => a.action === `round summary ${ROUND}`) : undefined;
  if (summary) {
    lines.push(
      `${mark(growth(summary) < TARGET.heapGrowthMb)}  nation round summary: completes; heap +${n(growth(summary))} MB over the ${n(summary.heapStartMb ?? 0)} MB ` +
        `the stand-in's workbook holds, process peak RSS ${n(summary.rssMb ?? 0)} MB (target: completes, its own heap < 512 MB)`,
    );
  } else
    lines.push(
      `n/a   nation round summary: ${listed && !listed.available ? 'sidebarMakeRoundSummary is not in the bundle yet' : 'not measured or failed'}`,
    );
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
        ],
      ),
    );
  out.push('');
  out.push('Targets (never fatal; in brackets: the service calls whose counts differ)');
  out.push(...targetLines(r).map((l) => `  ${l}`));
  return out.join('\n');
}
