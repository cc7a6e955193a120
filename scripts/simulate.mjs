/**
 * `npm run simulate`: the year simulator (test/simulator) over many seeded years, through jest
 * (it loads the built bundle over the stand-in). Options: --years N (default 200), --steps N
 * (steps per year, default 40), --faults F (share of steps killed, default 0.25), --seed S
 * (first seed, default 1). Prints the totals; the run's figures and any failing seed's shortest
 * sequence are kept in test-artifacts/simulator/last-run.json.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** The value of a --name option, or the fallback. */
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const env = {
  ...process.env,
  SIMULATE_YEARS: option('years', '200'),
  SIMULATE_STEPS: option('steps', '40'),
  SIMULATE_FAULTS: option('faults', '0.25'),
  SIMULATE_SEED: option('seed', '1'),
};
const started = Date.now();
const jest = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), 'test/simulator', '--maxWorkers=1', '--testTimeout=0'],
  { cwd: root, env, stdio: 'inherit' },
);
const figures = JSON.parse(readFileSync(join(root, 'test-artifacts', 'simulator', 'last-run.json'), 'utf8'));
console.log(
  `simulated ${figures.years} years, ${figures.steps} steps, ${figures.faults} killed, ${figures.refused} refused, ` +
    `${figures.violations} violations in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(jest.status ?? 1);
