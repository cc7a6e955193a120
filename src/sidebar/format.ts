/** Small pure helpers for the sidebar's text (no DOM). */

/**
 * A finite number, else 0: the state is the server's, but a missing number must not print NaN.
 * @param value a number from the state
 */
export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * A percentage with two decimals.
 * @param value the percentage
 */
export function pct(value: unknown): string {
  return num(value).toFixed(2);
}

/**
 * A CSS colour from the state if it is a hex colour, else the fallback (nothing else reaches a style).
 * @param value '#rrggbb' or similar
 * @param fallback the colour otherwise
 */
export function colour(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(value) ? value : fallback;
}

/**
 * Days from today in Thai: วันนี้, พรุ่งนี้, อีก n วัน, เลยมา n วัน.
 * @param days days until (negative: since)
 */
export function daysText(days: unknown): string {
  const n = num(days);
  if (n === 0) return 'วันนี้';
  if (n === 1) return 'พรุ่งนี้';
  return n > 0 ? `อีก ${n} วัน` : `เลยมา ${-n} วัน`;
}

/**
 * The month a report due on the given day covers: the month before (yyyy-mm), or ''.
 * @param due the due day, yyyy-mm-dd
 */
export function reportMonth(due: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(due || '');
  if (!m) return '';
  let year = Number(m[1]);
  let month = Number(m[2]) - 1;
  if (month === 0) {
    year--;
    month = 12;
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}
