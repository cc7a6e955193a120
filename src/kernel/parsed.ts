/** The result of reading one value typed by an officer: the value, or why it cannot be read. */
import { isDate } from './civilDate';
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * A successful reading.
 * @param value the value read
 */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/**
 * A failed reading.
 * @param problem why, in Thai, for the officer
 */
export function fail<T>(problem: string): Parsed<T> {
  return { ok: false, problem };
}

/**
 * Shows a typed value inside a Thai message: quoted, one line, at most 40 characters.
 * @param value the value as it came from the cell
 */
export function quote(value: unknown): string {
  let text = !isDate(value)
    ? String(value)
    : Number.isNaN(value.getTime())
      ? 'Invalid Date'
      : value.toISOString().slice(0, 10);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  text = text.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').trim();
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}
