/**
 * A district's month-by-month trend for the sidebar: its counted new operators up to each
 * month's end of the fiscal year, up to the count-up-to day (later months are left out), from
 * the days the standing's evidence counted them on — the same operators the district table
 * counts, so the last point is the table's figure.
 */
import { type Day, dayOf, daysInMonth } from '../core/civilDate';
import { fiscalMonths } from '../core/fiscalYear';

/**
 * The cumulative counts at each month's end.
 * @param days the days the district's new operators were counted on
 * @param fiscalYear BE fiscal year
 * @param asOf the count-up-to day
 */
export function monthlyTrend(days: readonly Day[], fiscalYear: number, asOf: Day): number[] {
  const sorted = [...days].sort((a, b) => a - b);
  const out: number[] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const { year, month } of fiscalMonths(fiscalYear)) {
    if (previousEnd >= asOf) break;
    const end = Math.min(dayOf(year, month, daysInMonth(year, month)), asOf);
    out.push(sorted.filter((d) => d <= end).length);
    previousEnd = end;
  }
  return out;
}

/**
 * The order the sidebar lists districts in: worst first — those that cannot be counted, then by
 * score, then by percentage (lower first), then by name.
 * @param a a district @param b another
 */
export function worstFirst(
  a: { readonly score: number | null; readonly percent: number | null; readonly district: string },
  b: { readonly score: number | null; readonly percent: number | null; readonly district: string },
): number {
  const score = (x: typeof a) => x.score ?? -1;
  const percent = (x: typeof a) => x.percent ?? -1;
  return score(a) - score(b) || percent(a) - percent(b) || a.district.localeCompare(b.district, 'th');
}
