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
 * Thai spellings that look the same but are different code points, folded so that they
 * compare equal (what officers type on different keyboards and phones):
 * - sara am typed as nikhahit + sara aa (ํ + า, U+0E4D U+0E32) is sara am (ำ, U+0E33), also
 *   with the tone mark typed between them (นํ้า is น้ำ);
 * - sara ae typed as two sara e (เเ) is sara ae (แ);
 * - a vowel or tone mark typed twice in a row (ก่่) counts once;
 * - a tone mark typed before the vowel above it (ก่ี) is put after it (กี่), the order the
 *   Thai standard (TIS 620 input sequence) uses, since both render alike.
 * Other scripts' compatibility forms (full-width Latin, ligatures) fold by NFKC.
 */
const LOOK_ALIKE =
  /\u0e4d[\u0e48-\u0e4b]?\u0e32|\u0e40\u0e40|([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\1|[\u0e48-\u0e4b][\u0e31\u0e34-\u0e37\u0e47]/;
const NIKHAHIT_AA = /\u0e4d([\u0e48-\u0e4b]?)\u0e32/g;
const TWO_SARA_E = /\u0e40\u0e40/g;
const DOUBLED_MARK = /([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\1+/g;
const TONE_BEFORE_VOWEL = /([\u0e48-\u0e4b]+)([\u0e31\u0e34-\u0e37\u0e47])/g;
/** A character NFKC may change: outside ASCII and the Thai block. */
const NOT_ASCII_OR_THAI = /[\u0080-\u0dff\u0e80-\uffff]/;

/**
 * Folds Thai look-alike spellings (see LOOK_ALIKE) and compatibility forms.
 * @param text any text
 */
export function foldLookAlikes(text: string): string {
  let out = NOT_ASCII_OR_THAI.test(text) ? text.normalize('NFKC') : text;
  if (!LOOK_ALIKE.test(out)) return out;
  out = out.replace(NIKHAHIT_AA, '$1\u0e33').replace(TWO_SARA_E, '\u0e41').replace(TONE_BEFORE_VOWEL, '$2$1');
  return out.replace(DOUBLED_MARK, '$1');
}

/**
 * The spelling key of a name: no white space or invisible characters at all (Thai puts no
 * spaces between words, so officers insert them at random), lower case, Arabic digits; but
 * look-alike Thai spellings still differ (the data check points them out).
 * Runs once per row of the tally, so it avoids work when there are no Thai digits.
 * @param text a name as typed
 */
export function spellingKey(text: string): string {
  if (!KEY_WORK.test(text)) return text; // already a key: one test instead of three passes
  const dropped = text.replace(KEY_DROP, '');
  // toLowerCase is slow on Thai text, which has no case: only when a cased letter may be there.
  return toArabicDigits(MAY_HAVE_CASE.test(dropped) ? dropped.toLowerCase() : dropped);
}

/**
 * The comparison key of a name: its spelling key with look-alike Thai spellings folded.
 * @param text a name as typed
 * @return the key; two names are the same when their keys are equal
 */
export function nameKey(text: string): string {
  return foldLookAlikes(spellingKey(text));
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
