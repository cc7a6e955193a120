/**
 * `npm run bench`: runs each measurement in its own node process (so each scale has its own
 * peak memory and a crash is a result, not the end) and prints the report.
 *   node bench.mjs                     all tasks, then the report
 *   node bench.mjs --write             the same, and its figures written into README and docs/performance.md
 *   node bench.mjs --write-last        the documents written again from the last whole run's results
 *   node bench.mjs budgets             the round trips per action only, every scale, then their report
 *   node bench.mjs <task> [args]       one task (bundle | tally <scale> | columns | edits <scale> |
 *                                      workbook <scale> [naive]); JSON on stdout
 * Environment: OTOP_ROOT (the project), BENCH_SEED (default 20220325).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchBudgets } from './budgets';
import { benchColumns } from './columns';
import { benchEdits } from './edits';
import { writeGenerated } from './generated';
import { type BenchResults, formatBudgets, formatReport } from './report';
import { benchBundle, benchTally, benchWorkbook } from './tasks';

const RESULT_MARK = '@@BENCH_RESULT ';
const root = process.env.OTOP_ROOT ?? process.cwd();
const seed = Number(process.env.BENCH_SEED ?? 20220325);
/** The last whole run's results (beside the compiled bench, in node_modules/.cache). */
const LAST_RUN = join(root, 'node_modules', '.cache', 'otop-bench', 'last-run.json');

/** Runs one task in this process and prints its JSON result. */
function runTask(args: string[]): void {
  const [task, scale, option] = args;
  let result: unknown;
  if (task === 'bundle') result = benchBundle(root, 20, process.env.OTOP_PREVIOUS_BUNDLE ?? null);
  else if (task === 'tally') result = benchTally(root, scale, seed);
  else if (task === 'columns') result = benchColumns(root, seed);
  else if (task === 'edits') result = benchEdits(root, scale, seed);
  else if (task === 'workbook') result = benchWorkbook(root, scale, seed, option === 'naive');
  else if (task === 'budgets') result = benchBudgets(root, scale, seed, process.env.OTOP_PREVIOUS_BUNDLE ?? null);
  else throw new Error(`unknown bench task ${task}`);
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
}

/** Runs a task in a child process with this process's node flags; its result or an error. */
function child<T>(args: string[]): T | { error: string } {
  process.stderr.write(`bench ${args.join(' ')}\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  const line = (run.stdout ?? '').split('\n').find((l) => l.startsWith(RESULT_MARK));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status === 0 && line) {
    process.stderr.write(`  done in ${seconds} s\n`);
    return JSON.parse(line.slice(RESULT_MARK.length)) as T;
  }
  const why = run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
  process.stderr.write(`  failed after ${seconds} s (${why})\n`);
  return { error: `failed after ${seconds} s (${why}${run.error ? `: ${run.error.message}` : ''})` };
}

/**
 * Runs every task and prints the report.
 * @param write also write the figures into README and docs/performance.md (generated.ts)
 */
function runAll(write: boolean): void {
  const started = performance.now();
  const load = loadavg()[0];
  const results: BenchResults = {
    seed,
    totalMs: 0,
    load: [load, 0],
    bundle: child(['bundle']),
    tally: {},
    columns: child(['columns']),
    edits: {},
    budgets: {},
    workbooks: {},
  };
  for (const scale of ['province', 'province ×10', 'province 30']) results.budgets[scale] = child(['budgets', scale]);
  for (const scale of ['province', 'province ×10', 'province 30']) results.edits[scale] = child(['edits', scale]);
  for (const scale of ['province', 'nation rows']) results.tally[scale] = child(['tally', scale]);
  results.workbooks.province = child(['workbook', 'province', 'naive']);
  results.workbooks['nation rows'] = child(['workbook', 'nation rows']);
  results.workbooks['province 30'] = child(['workbook', 'province 30']);
  results.totalMs = performance.now() - started;
  results.load[1] = loadavg()[0];
  process.stdout.write(`\n${formatReport(results)}\n`);
  // kept, so that the documents can be written again from this run (`--write-last`)
  writeFileSync(LAST_RUN, JSON.stringify(results));
  if (write) {
    writeGenerated(root, results, new Date().toISOString().slice(0, 10));
    process.stdout.write('\nwrote the figures into README.md and docs/performance.md\n');
  }
}

/** The round trips per action at every scale (a few seconds), and their report. */
function runBudgets(): void {
  const budgets: BenchResults['budgets'] = {};
  for (const scale of ['province', 'province ×10', 'province 30']) budgets[scale] = child(['budgets', scale]);
  process.stdout.write(`\n${formatBudgets(budgets)}\n`);
}

process.env.TZ = 'Asia/Bangkok';
const args = process.argv.slice(2);
if (args.length === 1 && args[0] === 'budgets') runBudgets();
else if (args.length === 1 && args[0] === '--write') runAll(true);
else if (args.length === 1 && args[0] === '--write-last') {
  const last = JSON.parse(readFileSync(LAST_RUN, 'utf8')) as BenchResults;
  writeGenerated(root, last, new Date(statSync(LAST_RUN).mtimeMs).toISOString().slice(0, 10));
} else if (args.length > 0) runTask(args);
else runAll(false);
