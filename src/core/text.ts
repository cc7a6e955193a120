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
  return text
    .replace(INVISIBLE, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Everything a name key drops: white space and invisible characters. */
const KEY_DROP = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]+/g;

/**
 * A character nameKey may change: white space, ASCII upper case, a Thai digit, or anything
 * outside ASCII and the Thai block (invisible characters, other scripts' upper case).
 */
const KEY_WORK = /[\sA-Z\u0080-\u0dff\u0e50-\u0e59\u0e80-\uffff]/;
/** A character toLowerCase may change: ASCII upper case or a letter outside ASCII and Thai. */
const MAY_HAVE_CASE = /[A-Z\u0080-\u0dff\u0e80-\uffff]/;

/**
 * The comparison key of a name: no white space or invisible characters at all (Thai puts no
 * spaces between words, so officers insert them at random), lower case, Arabic digits.
 * Runs once per row of the tally, so it avoids work when there are no Thai digits.
 * @param text a name as typed
 * @return the key; two names are the same when their keys are equal
 */
export function nameKey(text: string): string {
  if (!KEY_WORK.test(text)) return text; // already a key: one test instead of three passes
  const dropped = text.replace(KEY_DROP, '');
  // toLowerCase is slow on Thai text, which has no case: only when a cased letter may be there.
  return toArabicDigits(MAY_HAVE_CASE.test(dropped) ? dropped.toLowerCase() : dropped);
}

/** A character cleanText keeps: not white space and not invisible. */
const VISIBLE = /[^\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/;

/**
 * True for a cell value that holds nothing: "", null, undefined, or only white space.
 * @param value a cell value
 */
export function isBlank(value: unknown): boolean {
  if (typeof value === 'string') return value === '' || !VISIBLE.test(value);
  return value === null || value === undefined;
}
