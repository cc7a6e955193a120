/** Operator targets and percentages, in integer arithmetic (93 × 0.05 is not 4.65 in binary). */

/**
 * The operator target: registered × percent ÷ 100 rounded half up, at least 1.
 * Reproduces the letter's table: 241 → 12, 93 → 5, 29 → 1 at 5 %.
 * @param registered registered operators, a whole number
 * @param percent percent, with at most two decimals (5 means 5 %)
 */
export function operatorTarget(registered: number, percent: number): number {
  const hundredths = Math.round(percent * 100);
  const target = Math.floor((registered * hundredths + 5000) / 10000);
  return Math.max(1, target);
}

/**
 * A percentage rounded half up to two decimals: 12 of 241 → 4.98.
 * @param part the count, e.g. new operators
 * @param whole the base, at least 1
 */
export function percentage(part: number, whole: number): number {
  // hundredths of a percent = round(part × 10000 ÷ whole), done in integers
  return Math.floor((2 * part * 10000 + whole) / (2 * whole)) / 100;
}
