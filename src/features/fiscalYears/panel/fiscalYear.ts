/** The fiscal year the sidebar proposes for a new workbook (no DOM: tested directly). */

/** The letter's fiscal year, one choice away on a new workbook. */
export const LETTER_YEAR = 2565;

/**
 * The BE fiscal year of an ISO day (FY N runs 1 Oct N−1 – 30 Sep N): the server's today, in
 * Asia/Bangkok, so the proposal does not follow the browser's time zone.
 * @param iso yyyy-mm-dd
 */
export function fiscalYearOfIso(iso: string): number {
  const [year, month] = iso.split('-').map(Number);
  return (month >= 10 ? year + 1 : year) + 543;
}
