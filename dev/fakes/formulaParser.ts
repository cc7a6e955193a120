/**
 * Parser for the formula subset the fake evaluates: `=FN(arg, ...)` with numbers, "strings",
 * TRUE/FALSE, nested calls, A1 references (optionally sheet-qualified, open-ended like A2:J),
 * array literals `{a; b}` / `{a, b}`, error literals (#REF!), and the operators with Sheets'
 * precedence (lowest first): comparisons = <> < > <= >=, & (concatenation), + -, * /, ^, unary minus.
 */
import { parseA1Part, type A1Ref } from './a1';
import type { ErrorCode } from './values';

/** A parsed formula expression. */
export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | ({ kind: 'ref' } & A1Ref)
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'array'; rows: FormulaNode[][] }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  | { kind: 'name'; name: string }
  | { kind: 'error'; code: ErrorCode };

/** A binary operator. */
export type BinaryOp = '=' | '<>' | '<' | '>' | '<=' | '>=' | '&' | '+' | '-' | '*' | '/' | '^';

/** Operator levels, lowest first. */
const LEVELS_: readonly (readonly BinaryOp[])[] = [
  ['=', '<>', '<=', '>=', '<', '>'],
  ['&'],
  ['+', '-'],
  ['*', '/'],
  ['^'],
];

/** Thrown when a formula cannot be parsed; Sheets shows #ERROR! "Formula parse error.". */
export class FormulaParseError extends Error {}

const IDENT_CHAR_ = /[\p{L}\p{M}\p{N}_.$]/u;
// Error literals, e.g. the #REF! that a deleted reference leaves in a formula's text.
const ERROR_CODES_: readonly ErrorCode[] = ['#REF!', '#N/A', '#VALUE!', '#NAME?', '#DIV/0!', '#NUM!', '#ERROR!'];

/** Recursive-descent parser over the formula text. */
class Parser_ {
  private pos = 1;

  /** @param text the formula, starting with "=" */
  constructor(private readonly text: string) {}

  /** Parses the whole formula. */
  parse(): FormulaNode {
    const node = this.expr_();
    this.ws_();
    if (this.pos < this.text.length) this.fail_();
    return node;
  }

  private fail_(): never {
    throw new FormulaParseError('Formula parse error.');
  }

  private ws_(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private peek_(): string {
    return this.text[this.pos] ?? '';
  }

  private expect_(ch: string): void {
    this.ws_();
    if (this.peek_() !== ch) this.fail_();
    this.pos++;
  }

  private expr_(level = 0): FormulaNode {
    if (level === LEVELS_.length) return this.unary_();
    let left = this.expr_(level + 1);
    for (;;) {
      this.ws_();
      const op = LEVELS_[level].find((o) => this.text.startsWith(o, this.pos));
      if (!op) return left;
      this.pos += op.length;
      left = { kind: 'binary', op, left, right: this.expr_(level + 1) };
    }
  }

  private unary_(): FormulaNode {
    this.ws_();
    const ch = this.peek_();
    if (ch === '-') {
      this.pos++;
      return { kind: 'negate', operand: this.unary_() };
    }
    if (ch === '+') {
      this.pos++;
      return this.unary_();
    }
    if (ch === '"') return this.string_();
    if (ch === '{') return this.array_();
    if (ch === '(') {
      this.pos++;
      const inner = this.expr_();
      this.expect_(')');
      return inner;
    }
    if (/[0-9.]/.test(ch)) return this.number_();
    if (ch === '#') return this.errorLiteral_();
    if (ch === "'") return this.ref_(this.quotedSheet_());
    return this.identifier_();
  }

  private string_(): FormulaNode {
    let value = '';
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) this.fail_();
      const ch = this.text[this.pos++];
      if (ch !== '"') value += ch;
      else if (this.peek_() === '"') value += this.text[this.pos++];
      else return { kind: 'string', value };
    }
  }

  private errorLiteral_(): FormulaNode {
    const rest = this.text.slice(this.pos).toUpperCase();
    const code = ERROR_CODES_.find((c) => rest.startsWith(c));
    if (!code) this.fail_();
    this.pos += code.length;
    return { kind: 'error', code };
  }

  private number_(): FormulaNode {
    const m = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(this.text.slice(this.pos));
    if (!m) this.fail_();
    this.pos += m[0].length;
    return { kind: 'number', value: Number(m[0]) };
  }

  private array_(): FormulaNode {
    this.pos++;
    const rows: FormulaNode[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.expr_());
      this.ws_();
      const ch = this.text[this.pos++];
      if (ch === ',') continue;
      if (ch === ';') rows.push([]);
      else if (ch === '}') return { kind: 'array', rows };
      else this.fail_();
    }
  }

  private quotedSheet_(): string {
    let name = '';
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) this.fail_();
      const ch = this.text[this.pos++];
      if (ch !== "'") name += ch;
      else if (this.peek_() === "'") name += this.text[this.pos++];
      else break;
    }
    if (this.peek_() !== '!') this.fail_();
    this.pos++;
    return name;
  }

  private word_(): string {
    const start = this.pos;
    while (this.pos < this.text.length && IDENT_CHAR_.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private identifier_(): FormulaNode {
    const start = this.pos;
    const word = this.word_();
    if (!word) this.fail_();
    if (this.peek_() === '!') {
      this.pos++;
      return this.ref_(word);
    }
    if (this.peek_() === '(') {
      this.pos++;
      return { kind: 'call', name: word, args: this.args_() };
    }
    if (/^(TRUE|FALSE)$/i.test(word)) return { kind: 'boolean', value: word.toUpperCase() === 'TRUE' };
    const part = parseA1Part(word);
    if (part && part.col !== null && (part.row !== null || this.peek_() === ':')) {
      this.pos = start;
      return this.ref_(null);
    }
    return { kind: 'name', name: word };
  }

  private args_(): FormulaNode[] {
    const args: FormulaNode[] = [];
    this.ws_();
    if (this.peek_() === ')') {
      this.pos++;
      return args;
    }
    for (;;) {
      args.push(this.expr_());
      this.ws_();
      const ch = this.text[this.pos++];
      if (ch === ')') return args;
      if (ch !== ',') this.fail_();
    }
  }

  private ref_(sheetName: string | null): FormulaNode {
    const a = parseA1Part(this.word_());
    if (!a) this.fail_();
    if (this.peek_() !== ':') {
      if (a.row === null || a.col === null) this.fail_();
      return { kind: 'ref', sheetName, row: a.row, col: a.col, endRow: a.row, endCol: a.col, isRange: false };
    }
    this.pos++;
    const b = parseA1Part(this.word_());
    if (!b || a.col === null || b.col === null || (a.row === null && b.row !== null)) this.fail_();
    const row = a.row ?? 1;
    return {
      kind: 'ref',
      sheetName,
      row: b.row === null ? row : Math.min(row, b.row),
      col: Math.min(a.col, b.col),
      endRow: b.row === null ? null : Math.max(row, b.row),
      endCol: Math.max(a.col, b.col),
      isRange: true,
    };
  }
}

const cache_ = new Map<string, FormulaNode | FormulaParseError>();

/**
 * Parses a formula ("=..."); results are cached by text. Throws FormulaParseError.
 * @param text the formula
 */
export function parseFormula(text: string): FormulaNode {
  let parsed = cache_.get(text);
  if (parsed === undefined) {
    try {
      parsed = new Parser_(text).parse();
    } catch (e) {
      if (!(e instanceof FormulaParseError)) throw e;
      parsed = e;
    }
    if (cache_.size > 10000) cache_.clear();
    cache_.set(text, parsed);
  }
  if (parsed instanceof FormulaParseError) throw parsed;
  return parsed;
}
