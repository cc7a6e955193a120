/**
 * How wide a text is in Sarabun, and how many lines it takes in a column: what the official
 * reports size their columns and rows by, so that nothing is clipped in the sheet or on A4.
 * Widths are pixels at 96 px per inch (1 pt = 4/3 px). Where a line may break: at white space,
 * and inside Thai text (written without spaces) between words when the runtime has
 * Intl.Segmenter (whether Apps Script's V8 has it is unconfirmed), else between any two
 * characters that are not marks; an estimate that allows more breaks can only give wider
 * minimums, never narrower ones, because a piece's width is what cannot be broken further.
 */
import { Remembered } from '../../../kernel/remembered';
import { ASCII_BOLD, ASCII_REGULAR, THAI_BOLD, THAI_REGULAR } from './sarabunMetrics';

/** Pixels per point (96 px per inch, 72 pt per inch). */
export const PX_PER_PT = 4 / 3;
/** The width of a character the table does not know (emoji, other scripts): a whole em, the wide case. */
const UNKNOWN_EM = 1000;

/**
 * The width of a text on one line, in pixels.
 * @param text the text
 * @param pt the font size in points
 * @param bold bold weight
 */
export function textWidthPx(text: string, pt: number, bold = false): number {
  const ascii = bold ? ASCII_BOLD : ASCII_REGULAR;
  const thai = bold ? THAI_BOLD : THAI_REGULAR;
  let thousandths = 0;
  // By index, not the string iterator (a report measures every cell's words): one step per code point.
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    if (cp >= 0x20 && cp <= 0x7e) thousandths += ascii[cp - 0x20];
    else if (cp >= 0x0e01 && cp <= 0x0e5b) thousandths += thai[cp - 0x0e01];
    else if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff || cp < 0x20) thousandths += 0;
    else thousandths += UNKNOWN_EM;
  }
  return (thousandths / 1000) * pt * PX_PER_PT;
}

/** A Thai mark above or below (no advance of its own): no line breaks before it. */
const MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;

/**
 * The pieces a text can be broken into for wrapping: words separated by white space (the
 * space stays with the word before it), Thai words further split at word boundaries.
 * @param text the text
 */
export function breakPieces(text: string): string[] {
  return [...piecesOf_(text)];
}

/** Texts already broken into pieces (a report repeats its names, channels and headers). */
const pieces_ = new Remembered(breakPiecesNow_, 20000);

/**
 * breakPieces, computed once per distinct text of the run: a report sizes every row by its
 * texts, and Thai word segmentation is most of that time. The same text always breaks into the
 * same pieces, so the result is the same; callers must not change the array.
 * @param text the text
 */
function piecesOf_(text: string): readonly string[] {
  return pieces_.of(text);
}

/** breakPieces itself, uncached. */
function breakPiecesNow_(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.split(/(?<=\s)/)) {
    if (!/[\u0e00-\u0e7f]/.test(word)) {
      if (word) pieces.push(word);
      continue;
    }
    pieces.push(...thaiPieces_(word));
  }
  return pieces;
}

type SegmenterLike = { segment(text: string): Iterable<{ segment: string }> };

/** The Thai word segmenter once made (null: the runtime has none); undefined until first needed. */
let segmenter: SegmenterLike | null | undefined;

/**
 * Intl.Segmenter for Thai words, when the runtime has it: made on first use and kept for the
 * run (making one loads the locale's break rules: made for every word it was about a third of a
 * round summary's time). Its locale and granularity are fixed when it is made, and each
 * segment(text) call returns a new Segments object for that text only (ECMA-402, "Segmenter
 * Objects" and "Segments Objects", tc39.es/proposal-intl-segmenter), so one serves every call.
 */
function segmenter_(): SegmenterLike | null {
  if (segmenter === undefined) {
    const intl = Intl as unknown as { Segmenter?: new (locale: string, options: object) => SegmenterLike };
    segmenter = typeof intl.Segmenter === 'function' ? new intl.Segmenter('th', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Thai word runs already split (names and places recur across a report's rows). */
const thaiPiecesOf_ = new Remembered(thaiPiecesNow_, 20000);

/** A Thai word run split where lines may break, once per distinct run (see thaiPiecesNow_). */
function thaiPieces_(word: string): readonly string[] {
  return thaiPiecesOf_.of(word);
}

/** A Thai word run split where lines may break. */
function thaiPiecesNow_(word: string): string[] {
  const segmenter = segmenter_();
  if (segmenter) return Array.from(segmenter.segment(word), (s) => s.segment);
  const pieces: string[] = [];
  for (const ch of word) {
    if (pieces.length > 0 && MARK.test(ch)) pieces[pieces.length - 1] += ch;
    else pieces.push(ch);
  }
  return pieces;
}

/**
 * The widest piece of a text that a line cannot break, in pixels: a column narrower than this
 * breaks inside a word.
 * @param text the text
 * @param pt the font size in points
 * @param bold bold weight
 */
export function longestPiecePx(text: string, pt: number, bold = false): number {
  let widest = 0;
  for (const p of piecesOf_(text)) widest = Math.max(widest, textWidthPx(p.trimEnd(), pt, bold));
  return widest;
}

/**
 * How many lines a text takes in a width, filling each line greedily (explicit line breaks
 * start new lines; a piece wider than the line is broken anywhere).
 * @param text the text
 * @param widthPx the line's width in pixels
 * @param pt the font size in points
 * @param bold bold weight
 */
export function lineCount(text: string, widthPx: number, pt: number, bold = false): number {
  // Most cells are one paragraph: no split (a runtime call and an array per cell of a report).
  if (text.indexOf('\n') < 0) return paragraphLines_(text, widthPx, pt, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += paragraphLines_(paragraph, widthPx, pt, bold);
  return lines;
}

/**
 * How many lines one paragraph (no line break) takes in a width (see lineCount).
 * @param paragraph the paragraph
 * @param widthPx the line's width in pixels
 * @param pt the font size in points
 * @param bold bold weight
 */
function paragraphLines_(paragraph: string, widthPx: number, pt: number, bold: boolean): number {
  let lines = 1;
  // A paragraph narrower than the line (with a margin far above rounding) takes one line: the
  // loop below would never break it, since its pieces' widths add up to the paragraph's.
  if (textWidthPx(paragraph, pt, bold) * (1 + 1e-9) < widthPx) return lines;
  let used = 0;
  for (const piece of piecesOf_(paragraph)) {
    const w = textWidthPx(piece, pt, bold);
    const visible = textWidthPx(piece.trimEnd(), pt, bold);
    if (used > 0 && used + visible > widthPx) {
      lines++;
      used = 0;
    }
    if (used === 0 && visible > widthPx) {
      lines += Math.ceil(visible / widthPx) - 1;
      used = visible % widthPx;
      continue;
    }
    used += w;
  }
  return lines;
}
