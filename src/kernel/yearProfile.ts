/**
 * Which measures a fiscal year's KPI has, declared once (docs/fiscal-years.md#labels-and-the-years-profile).
 * The rest of a year's profile is data in the workbook (the settings and criteria sheets, kept as
 * `ตั้งค่า ปีงบ N` / `เกณฑ์ ปีงบ N` at the switch); which measures a year counts is decided by
 * that year's letter, so it is code: one row a letter, from its fiscal year on. MEASURES stays the
 * catalogue of the measures the code can count; a year's measures are taken from it.
 */
import { MEASURES, type MeasureOf } from './measures';

/** A fiscal year's KPI: its measures, in the order its tables, texts and rows show them. */
export interface YearProfile {
  /** The BE fiscal year (in PROFILES: the first year the row holds for). */
  readonly fiscalYear: number;
  readonly measures: readonly MeasureOf[];
}

/**
 * The letters' profiles, oldest first: each holds from its fiscal year until a later row's.
 * FY 2565's letter: activities, online channels, new operators (docs/domain.md#what-is-measured).
 */
export const PROFILES: readonly YearProfile[] = [{ fiscalYear: 2565, measures: MEASURES }];

/**
 * A fiscal year's profile: the latest row that holds by that year (a year before the first row
 * takes the first: the earliest letter the code knows).
 * @param fiscalYear the BE fiscal year
 * @param profiles the rows, oldest first (PROFILES; a test gives its own)
 */
export function profileOf(fiscalYear: number, profiles: readonly YearProfile[] = PROFILES): YearProfile {
  let row = profiles[0];
  for (const p of profiles) if (p.fiscalYear <= fiscalYear) row = p;
  return { fiscalYear, measures: row.measures };
}
