/**
 * References in formula text, found without evaluating the formula, and rewritten the way Sheets
 * rewrites stored formulas after a structural edit (docs/platform.md#structural-edits: "Inserting or deleting
 * columns/rows rewrites references ... Renaming a sheet rewrites the formulas that reference
 * it"; the same rules as Excel's, whose documentation describes them: references at or after the
 * insertion point move, a range that spans it grows, deleted cells shrink a range and a
 * reference that loses all its cells becomes #REF!). Absolute ($) and relative references move
 * alike: this is a structural edit, not a copy. Open ends stay open (A2:J, A:C, 1:3).
 *
 * The scanner skips string literals and error literals (#REF!) and knows function names by
 * their "(", so it finds references anywhere: in function arguments, in {a; b} array literals,
 * with or without a sheet name ('ชื่อ ชีต'!A1, Sheet1!$A$2:J).
 */
import { columnLetters, columnNumber, quoteSheetName } from './a1';

/** One side of a reference: a column, a row or both, each possibly absolute. */
export interface RefPart {
  col: number | null;
  row: number | null;
  colAbs: boolean;
  rowAbs: boolean;
}

/** A reference as written in a formula. */
export interface FoundRef {
  /** offset of its first character (the sheet name, if any) */
  start: number;
  /** offset after its last character */
  end: number;
  /** the sheet name, unquoted; null when the reference has none */
  sheetName: string | null;
  /** the first (or only) side */
  a: RefPart;
  /** the second side of a range; null for one cell */
  b: RefPart | null;
}

const IDENT_CHAR_ = /[\p{L}\p{M}\p{N}_.$]/u;
const PART_RE_ = /^(?:(\$?)([A-Za-z]{1,3}))?(?:(\$?)([0-9]+))?$/;
const ERROR_LITERAL_RE_ = /^#(?:REF!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!|ERROR!)/i;
/** What a deleted reference becomes, in text and (formulaParser) in value. */
export const REF_ERROR_TEXT = '#REF!';

/**
 * Parses one side of a reference ("$B$2", "B", "12", "$C"); null when the word is not one.
 * @param word the text
 */
function part_(word: string): RefPart | null {
  const m = PART_RE_.exec(word);
  if (!m || (!m[2] && !m[4])) return null;
  if (m[4] !== undefined && Number(m[4]) === 0) return null;
  return {
    col: m[2] ? columnNumber(m[2]) : null,
    row: m[4] ? Number(m[4]) : null,
    colAbs: m[1] === '$',
    rowAbs: m[3] === '$',
  };
}

/**
 * Whether two sides make a range Sheets accepts: A1:B2, A2:J, A:C, 1:3.
 * @param a first side
 * @param b second side
 */
function rangeParts_(a: RefPart, b: RefPart): boolean {
  if (a.col !== null && a.row !== null) return b.col !== null;
  if (a.col !== null) return b.col !== null && b.row === null;
  return a.row !== null && b.row !== null && b.col === null;
}

/** Reads formula text, collecting references. */
class Scanner_ {
  private pos = 0;
  readonly found: FoundRef[] = [];

  /** @param text the formula */
  constructor(private readonly text: string) {}

  /** Scans the whole text. */
  scan(): FoundRef[] {
    const { text } = this;
    while (this.pos < text.length) {
      const ch = text[this.pos];
      if (ch === '"') this.skipString_();
      else if (ch === '#') this.skipError_();
      else if (ch === "'") this.quoted_();
      else if (IDENT_CHAR_.test(ch)) this.word_();
      else this.pos++;
    }
    return this.found;
  }

  private skipString_(): void {
    this.pos++;
    while (this.pos < this.text.length) {
      if (this.text[this.pos] === '"' && this.text[this.pos + 1] === '"') this.pos += 2;
      else if (this.text[this.pos++] === '"') return;
    }
  }

  private skipError_(): void {
    const m = ERROR_LITERAL_RE_.exec(this.text.slice(this.pos));
    this.pos += m ? m[0].length : 1;
  }

  private readWord_(): string {
    const start = this.pos;
    while (this.pos < this.text.length && IDENT_CHAR_.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A quoted sheet name: a reference follows its "!". */
  private quoted_(): void {
    const start = this.pos;
    let name = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++];
      if (ch !== "'") name += ch;
      else if (this.text[this.pos] === "'") name += this.text[this.pos++];
      else break;
    }
    if (this.text[this.pos] !== '!') return;
    this.pos++;
    this.parts_(start, name);
  }

  /** A word: a function name, a sheet name before "!", a reference, or something else. */
  private word_(): void {
    const start = this.pos;
    const word = this.readWord_();
    const next = this.text[this.pos];
    if (next === '(') return;
    if (next === '!') {
      this.pos++;
      this.parts_(start, word);
      return;
    }
    this.pos = start;
    this.parts_(start, null);
    if (this.pos === start) this.pos = start + word.length;
  }

  /** The reference after an optional sheet name; leaves pos unchanged when there is none. */
  private parts_(start: number, sheetName: string | null): void {
    const partStart = this.pos;
    const a = part_(this.readWord_());
    if (!a) {
      if (sheetName === null) this.pos = partStart;
      return;
    }
    const afterA = this.pos;
    if (this.text[this.pos] === ':') {
      this.pos++;
      const b = part_(this.readWord_());
      if (b && rangeParts_(a, b)) {
        this.found.push({ start, end: this.pos, sheetName, a, b });
        return;
      }
      this.pos = afterA;
    }
    if (a.col !== null && a.row !== null) {
      this.found.push({ start, end: afterA, sheetName, a, b: null });
      return;
    }
    if (sheetName === null) this.pos = partStart;
  }
}

/** Formulas scanned → their references (frozen: shared by every caller); bounded. */
const scanned_ = new Map<string, readonly FoundRef[]>();
const SCANNED_MAX_ = 4096;

/**
 * Every reference in a formula, in order. A formula's references depend on its text alone, so
 * each text is scanned once (a rule's 6 KB custom formula is read again for every cell it
 * validates and every row edit); the answer is frozen, as it is shared.
 * @param formula the formula text ("=...")
 */
export function findReferences(formula: string): readonly FoundRef[] {
  let found = scanned_.get(formula);
  if (found === undefined) {
    found = Object.freeze(
      new Scanner_(formula)
        .scan()
        .map((ref) =>
          Object.freeze({ ...ref, a: Object.freeze(ref.a), b: ref.b === null ? null : Object.freeze(ref.b) }),
        ),
    );
    if (scanned_.size >= SCANNED_MAX_) scanned_.clear();
    scanned_.set(formula, found);
  }
  return found;
}

/**
 * The formula with some references replaced.
 * @param formula the formula text
 * @param replace new text for a reference, or null to keep it
 */
export function mapReferences(formula: string, replace: (ref: FoundRef) => string | null): string {
  let out = '';
  let last = 0;
  for (const ref of findReferences(formula)) {
    const text = replace(ref);
    if (text === null) continue;
    out += formula.slice(last, ref.start) + text;
    last = ref.end;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/**
 * One side written back: "$B$2", "B", "12".
 * @param p the side
 */
function partText_(p: RefPart): string {
  const col = p.col === null ? '' : `${p.colAbs ? '$' : ''}${columnLetters(p.col)}`;
  const row = p.row === null ? '' : `${p.rowAbs ? '$' : ''}${p.row}`;
  return col + row;
}

/**
 * A reference written back, with a sheet name if it has one.
 * @param sheetName the (unquoted) sheet name, or null
 * @param a first side
 * @param b second side, or null
 */
export function referenceText(sheetName: string | null, a: RefPart, b: RefPart | null): string {
  const prefix = sheetName === null ? '' : `${quoteSheetName(sheetName)}!`;
  return prefix + partText_(a) + (b ? `:${partText_(b)}` : '');
}

/** A structural edit of one sheet's grid. */
export interface LineEdit {
  axis: 'rows' | 'columns';
  op: 'insert' | 'delete';
  /** insert: the line after which lines were inserted; delete: the first deleted line */
  at: number;
  count: number;
}

const OPEN_ = Number.MAX_SAFE_INTEGER;

/**
 * A reference's text after a structural edit of the sheet it points at: moved, grown, shrunk,
 * or "#REF!" when all its cells were deleted; null when it does not change.
 * @param ref the reference
 * @param edit the edit
 */
export function shiftedReference(ref: FoundRef, edit: LineEdit): string | null {
  const key = edit.axis === 'rows' ? 'row' : 'col';
  const a = { ...ref.a };
  const b = ref.b ? { ...ref.b } : null;
  const start = a[key];
  if (start === null && (b === null || b[key] === null)) return null;
  const s = start ?? 1;
  const e = b === null ? s : (b[key] ?? OPEN_);
  const lo = Math.min(s, e);
  const hi = Math.max(s, e);
  let moved: [number, number] | null;
  if (edit.op === 'insert') {
    moved = [lo > edit.at ? lo + edit.count : lo, hi > edit.at && hi !== OPEN_ ? hi + edit.count : hi];
  } else {
    const last = edit.at + edit.count - 1;
    const removedUpTo = (x: number): number => Math.max(0, Math.min(last, x) - edit.at + 1);
    const newLo = lo - removedUpTo(lo - 1);
    const newHi = hi === OPEN_ ? OPEN_ : hi - removedUpTo(hi);
    moved = newHi < newLo ? null : [newLo, newHi];
  }
  if (!moved) return REF_ERROR_TEXT;
  if (moved[0] === lo && moved[1] === hi) return null;
  if (start !== null) a[key] = moved[0];
  if (b !== null && b[key] !== null) b[key] = moved[1] === OPEN_ ? null : moved[1];
  return referenceText(ref.sheetName, a, b);
}
