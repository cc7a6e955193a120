/**
 * `npm run simulate`: the year simulator (test/simulator) over many seeded sequences, each
 * played one day at a time from 1 Oct 2564 through two consecutive fiscal years (FY 2565 and,
 * after the province's switch on a day of 2–6 Oct, FY 2566), through jest (it loads the built
 * bundle over the stand-in). Options: --years N (seeds, default 200), --days N (days of each
 * seed, default 730: two fiscal years; 365: one, no switch),
 * --actions A (officers' actions a day on average, default 1.5), --faults F (share of steps
 * meeting a fault, default 0.2), --seed S (first seed, default 1), --shards K (jest processes
 * side by side, each its own share of the seeds, default 2). Prints the totals: seeds, fiscal years, switches, days,
 * actions, faults, kills and violations; each shard's figures and any failing seed's shortest
 * sequence are kept in test-artifacts/simulator/last-run-<shard>.json after every year;
 * --report prints the totals of every such file without running (a run stopped early, or one
 * continued in batches).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** The value of a --name option, or the fallback. */
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const years = Number(option('years', '200'));
const first = Number(option('seed', '1'));
const shards = Math.max(1, Math.min(years, Number(option('shards', '2'))));
const started = Date.now();
// --report: only print the totals the shards kept (after every year), e.g. of a run stopped early
const reportOnly = args.includes('--report');

/** Runs one shard's seeds in its own jest process; resolves with its exit status. */
const shard = (k) => {
  const from = first + Math.floor((years * k) / shards);
  const to = first + Math.floor((years * (k + 1)) / shards);
  const env = {
    ...process.env,
    SIMULATE_YEARS: String(to - from),
    SIMULATE_SEED: String(from),
    SIMULATE_DAYS: option('days', '730'),
    SIMULATE_FIRST_DAY: '0',
    SIMULATE_ACTIONS: option('actions', '1.5'),
    SIMULATE_FAULTS: option('faults', '0.2'),
    SIMULATE_SHARD: String(k),
  };
  const jest = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      'test/simulator',
      '-t',
      'simulated',
      '--maxWorkers=1',
      '--testTimeout=0',
    ],
    { cwd: root, env, stdio: 'inherit' },
  );
  return new Promise((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));
};

const statuses = reportOnly ? [0] : await Promise.all(Array.from({ length: shards }, (_, k) => shard(k)));
const totals = {
  years: 0,
  days: 0,
  actions: 0,
  faults: 0,
  kills: 0,
  refused: 0,
  violations: 0,
  switches: 0,
  switchFaults: 0,
};
// a run: its shards' files; --report: every shard's file there is (runs continued in batches
// keep one file each, last-run-<k>.json)
const folder = join(root, 'test-artifacts', 'simulator');
const files = reportOnly
  ? readdirSync(folder).filter((f) => /^last-run-\d+\.json$/.test(f))
  : Array.from({ length: shards }, (_, k) => `last-run-${k}.json`);
for (const file of files) {
  const figures = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += figures[key] ?? 0;
}
console.log(
  `simulated ${totals.years} seeds over ${totals.years + totals.switches} fiscal years ` +
    `(${totals.switches} switches, ${totals.switchFaults} of their runs under a fault or kill), ${totals.days} days, ${totals.actions} actions, ${totals.faults} faults ` +
    `(before, after, outage, undo, late) and ${totals.kills} kills reached, ${totals.refused} refused, ` +
    `${totals.violations} violations` +
    (reportOnly ? ' (kept by the shards)' : ` in ${Math.round((Date.now() - started) / 1000)} s (${shards} shards)`),
);
process.exit(statuses.every((s) => s === 0) ? 0 : 1);
