/**
 * A district's trend over its fiscal year, one rule for the district table (OTOP_DISTRICT's
 * twelve month columns, which the dashboard's chart reads) and the sidebar's sparkline: its new operators counted up to each month's end, from the days the tally counted
 * them on (each operator's earliest counted row), so the last month shown is the table's figure.
 */
import { type Day, dayOf, daysInMonth } from '../../../kernel/civilDate';
import { fiscalMonths } from '../../../kernel/fiscalYear';

/** The table's month columns, October to September, as keys. */
export const TREND_MONTHS = [
  'oct',
  'nov',
  'dec',
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
] as const;

/**
 * The cumulative counts at each month's end, up to the count-up-to day (later months left out).
 * @param days the days the district's new operators were counted on
 * @param fiscalYear BE fiscal year
 * @param asOf the count-up-to day
 */
export function monthlyTrend(days: readonly Day[], fiscalYear: number, asOf: Day): number[] {
  const sorted = [...days].sort((a, b) => a - b);
  const out: number[] = [];
  let previousEnd = Number.NEGATIVE_INFINITY;
  let counted = 0;
  for (const { year, month } of fiscalMonths(fiscalYear)) {
    if (previousEnd >= asOf) break;
    const end = Math.min(dayOf(year, month, daysInMonth(year, month)), asOf);
    while (counted < sorted.length && sorted[counted] <= end) counted++;
    out.push(counted);
    previousEnd = end;
  }
  return out;
}

/**
 * The twelve month cells of the trend: each month's cumulative count as a percentage of the
 * target (one decimal); "" for months after the count-up-to day, and for every month when the
 * target cannot be computed.
 * @param days the days the district's new operators were counted on
 * @param fiscalYear BE fiscal year
 * @param asOf the count-up-to day
 * @param target the district's operator target, or null
 */
export function trendPercents(
  days: readonly Day[],
  fiscalYear: number,
  asOf: Day,
  target: number | null,
): (number | '')[] {
  const counts = target === null || target <= 0 ? [] : monthlyTrend(days, fiscalYear, asOf);
  return TREND_MONTHS.map((_, i) =>
    i < counts.length && target !== null ? Math.round((1000 * counts[i]) / target) / 10 : '',
  );
}
