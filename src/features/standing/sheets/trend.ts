/** The sidebar's order of the districts (their trend is features/standing/rules/districtTrend.ts). */

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
