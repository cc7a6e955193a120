/** Text normalisation shared by the readers of officers' input. */
import { toArabicDigits } from './thaiDigits';

/** Zero-width and bidi control characters that officers paste in without seeing them. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/g;

/**
 * Removes invisible characters, folds runs of white space (including no-break space) to one
 * space and trims.
 * @param text raw cell text
 * @return cleaned text
 */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Everything a name key drops: white space and invisible characters. */
const KEY_DROP = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]+/g;

/**
 * The comparison key of a name: no white space or invisible characters at all (Thai puts no
 * spaces between words, so officers insert them at random), lower case, Arabic digits.
 * Runs once per row of the tally, so it avoids work when there are no Thai digits.
 * @param text a name as typed
 * @return the key; two names are the same when their keys are equal
 */
export function nameKey(text: string): string {
  const key = text.replace(KEY_DROP, '').toLowerCase();
  return /[๐-๙]/.test(key) ? toArabicDigits(key) : key;
}

/**
 * True for a cell value that holds nothing: "", null, undefined, or only white space.
 * @param value a cell value
 */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && cleanText(value) === '');
}
