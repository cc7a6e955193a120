/**
 * A bounded run of the year simulator (yearSimulator.ts) in `npm test`: a few seeded years with
 * kills; `npm run simulate` runs more (SIMULATE_YEARS, SIMULATE_STEPS, SIMULATE_FAULTS,
 * SIMULATE_SEED). A failing seed prints its shortest failing sequence, to be kept as a
 * regression test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planYear, runYear, shrink } from './yearSimulator';

const YEARS = Number(process.env.SIMULATE_YEARS ?? 2);
const STEPS = Number(process.env.SIMULATE_STEPS ?? 30);
const FAULTS = Number(process.env.SIMULATE_FAULTS ?? 0.25);
const FIRST = Number(process.env.SIMULATE_SEED ?? 1);

test(`${YEARS} simulated years of ${STEPS} steps, ${Math.round(FAULTS * 100)} % killed: no invariant violated`, () => {
  const totals = { years: 0, steps: 0, faults: 0, refused: 0, violations: 0 };
  const failures: string[] = [];
  for (let seed = FIRST; seed < FIRST + YEARS; seed++) {
    const steps = planYear(seed, STEPS, FAULTS);
    const result = runYear(seed, steps);
    totals.years++;
    totals.steps += result.steps;
    totals.faults += result.faults;
    totals.refused += result.refused;
    if (result.violations.length > 0) {
      totals.violations += result.violations.length;
      const shortest = shrink(seed, steps.slice(0, result.failedAt + 1));
      failures.push(
        `seed ${seed}: ${result.violations.join('; ')}\nshortest failing sequence: ${JSON.stringify(shortest)}`,
      );
    }
  }
  const folder = join(__dirname, '..', '..', 'test-artifacts', 'simulator');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'last-run.json'), `${JSON.stringify({ ...totals, failures }, null, 2)}\n`);
  console.log(`simulator: ${JSON.stringify(totals)}`);
  expect(failures).toEqual([]);
});
