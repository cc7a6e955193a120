/**
 * A hypothetical letter in a test: the modules loaded afresh (jest.isolateModules) with a row
 * added to src/kernel/yearProfile.ts PROFILES, so that what `load` requires counts, lays out and
 * scores that year with its measures.
 */
import type { MeasureOf } from '../../src/kernel/measures';

/**
 * Runs `load` with the modules loaded afresh and a letter for `fiscalYear` added to PROFILES.
 * @param fiscalYear the letter's first fiscal year (BE)
 * @param measures its measures, in its order
 * @param load requires the modules it needs (inside: they see the letter) and returns what it reads
 */
export function withLetter<T>(fiscalYear: number, measures: readonly MeasureOf[], load: () => T): T {
  let out: T | undefined;
  jest.isolateModules(() => {
    const year = require('../../src/kernel/yearProfile') as typeof import('../../src/kernel/yearProfile');
    (year.PROFILES as unknown as unknown[]).push({ fiscalYear, measures });
    out = load();
  });
  return out as T;
}
