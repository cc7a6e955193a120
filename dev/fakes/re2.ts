/**
 * RE2 patterns (what REGEXMATCH reads: "Google products use RE2 for regular expressions. Google
 * Sheets supports RE2 except Unicode character class matching", support.google.com/docs/answer/3098292)
 * rendered as JavaScript RegExps with the u flag, for the subset whose meaning both engines share.
 * Syntax: github.com/google/re2/wiki/Syntax.
 *
 * Translated: `\x{HEX}` and `\xHH` (→ `\u{HEX}`), octal `\123`, `\a`, escaped punctuation (any
 * ASCII punctuation may be escaped in RE2, only some in JavaScript), `\Q…\E`, `\A` and `\z`,
 * RE2's ASCII `\s` (`[\t\n\f\r ]`, JavaScript's is Unicode-wide) and `\w`, `.` (every character but
 * `\n`, JavaScript also excludes `\r`, U+2028, U+2029), POSIX classes `[[:alpha:]]`, `(?P<name>`,
 * a `{` or `}` that is no repetition (a literal in RE2, an error under the u flag), a leading `]`
 * in a class, and flags `(?i)`, `(?m)`, `(?s)` at the start of the pattern.
 * Refused as RE2 refuses them (Sheets shows #REF!): lookaround, backreferences, `\Z`, unknown
 * letter escapes, repetition counts over 1000, and anything JavaScript itself cannot compile.
 * Valid RE2 the stand-in does not model (an Error is thrown, so no test passes by accident):
 * `\p{…}` classes (which Sheets does not support either, in a way not documented), `\C`, negated
 * POSIX classes, `\S` inside a class, flags after the start or `(?flags:…)`, `(?U)`.
 */

/** A pattern RE2 refuses; REGEXMATCH then shows #REF!. */
export class Re2SyntaxError extends Error {}

const POSIX_: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\u{0}-\\u{7f}',
  blank: '\\t ',
  cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  digit: '0-9',
  graph: '\\u{21}-\\u{7e}',
  lower: 'a-z',
  print: '\\u{20}-\\u{7e}',
  punct: '\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const RE2_SPACE_ = '\\t\\n\\f\\r ';
const WORD_ = '0-9A-Za-z_';
const MAX_REPEAT_ = 1000;

/** A code point as a JavaScript escape. */
function codePoint_(code: number): string {
  return `\\u{${code.toString(16)}}`;
}

/** Walks an RE2 pattern and writes its JavaScript form. */
class Translator_ {
  private pos = 0;
  private out = '';
  flags = '';

  /** @param src the RE2 pattern */
  constructor(private readonly src: string) {}

  private notModelled_(what: string): never {
    throw new Error(`formulaEngine: the RE2 construct ${what} is not modelled by the stand-in`);
  }

  private refuse_(why: string): never {
    throw new Re2SyntaxError(why);
  }

  /** The JavaScript pattern source. */
  translate(): string {
    this.leadingFlags_();
    const { src } = this;
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === '\\') this.out += this.escape_(false);
      else if (ch === '[') this.class_();
      else if (ch === '(') this.group_();
      else if (ch === '.') {
        this.pos++;
        this.out += this.flags.includes('s') ? '[\\s\\S]' : '[^\\n]';
      } else if (ch === '{') this.brace_();
      else if (ch === '}' || ch === ']') {
        this.pos++;
        this.out += `\\${ch}`;
      } else {
        this.pos++;
        this.out += ch;
      }
    }
    return this.out;
  }

  private leadingFlags_(): void {
    const m = /^\(\?([ims]+)\)/.exec(this.src);
    if (!m) return;
    this.flags = [...new Set(m[1])].join('');
    this.pos = m[0].length;
  }

  private group_(): void {
    const rest = this.src.slice(this.pos);
    if (!rest.startsWith('(?')) {
      this.pos++;
      this.out += '(';
      return;
    }
    if (rest.startsWith('(?:')) {
      this.pos += 3;
      this.out += '(?:';
      return;
    }
    const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      this.pos += named[0].length;
      this.out += `(?<${named[1]}>`;
      return;
    }
    if (/^\(\?(?:[=!]|<[=!]|P=)/.test(rest)) this.refuse_('lookaround and backreferences are not RE2');
    if (/^\(\?[imsU-]+[:)]/.test(rest)) this.notModelled_('flags after the start of the pattern, or (?U)');
    this.refuse_('invalid or unsupported Perl syntax');
  }

  /** A repetition {n}, {n,}, {n,m}; otherwise a literal brace. */
  private brace_(): void {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.pos));
    if (!m) {
      this.pos++;
      this.out += '\\{';
      return;
    }
    const counts = [m[1], m[2]].filter((n) => n !== undefined && n !== '').map(Number);
    if (counts.some((n) => n > MAX_REPEAT_)) this.refuse_('bad repetition operator');
    this.pos += m[0].length;
    this.out += m[0];
  }

  private class_(): void {
    const { src } = this;
    this.pos++;
    let body = '';
    if (src[this.pos] === '^') {
      body += '^';
      this.pos++;
    }
    if (src[this.pos] === ']') {
      body += '\\]';
      this.pos++;
    }
    for (;;) {
      if (this.pos >= src.length) this.refuse_('missing closing ]');
      const ch = src[this.pos];
      if (ch === ']') {
        this.pos++;
        break;
      }
      if (src.startsWith('[:', this.pos)) {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(this.pos));
        if (m) {
          if (m[1]) this.notModelled_(`[[:^${m[2]}:]]`);
          const set = POSIX_[m[2]];
          if (set === undefined) this.refuse_('invalid character class range');
          body += set;
          this.pos += m[0].length;
          continue;
        }
      }
      if (ch === '\\') body += this.escape_(true);
      else {
        this.pos++;
        body += ch === '[' ? '\\[' : ch;
      }
    }
    this.out += `[${body}]`;
  }

  /** An escape sequence at pos, in or outside a class. */
  private escape_(inClass: boolean): string {
    const { src } = this;
    const next = src[this.pos + 1];
    if (next === undefined) this.refuse_('trailing \\');
    const rest = src.slice(this.pos + 1);
    let m = /^x\{([0-9A-Fa-f]{1,8})\}/.exec(rest) ?? /^x([0-9A-Fa-f]{2})/.exec(rest);
    if (m) {
      const code = Number.parseInt(m[1], 16);
      if (code > 0x10ffff) this.refuse_('invalid escape sequence');
      this.pos += 1 + m[0].length;
      return codePoint_(code);
    }
    if (next === 'x') this.refuse_('invalid escape sequence');
    // Octal: \0, \0nn, or \1-\7 followed by more octal digits; a lone \1-\9 is a backreference.
    m = /^(0[0-7]{0,2}|[1-7][0-7]{1,2})/.exec(rest);
    if (m) {
      this.pos += 1 + m[0].length;
      return codePoint_(Number.parseInt(m[0], 8));
    }
    if (/[0-9]/.test(next)) this.refuse_('invalid escape sequence (backreferences are not RE2)');
    this.pos += 2;
    if (next === 'Q') return this.quoted_();
    const simple: Readonly<Record<string, string>> = {
      a: codePoint_(7),
      f: '\\f',
      n: '\\n',
      r: '\\r',
      t: '\\t',
      v: '\\v',
      d: inClass ? '0-9' : '[0-9]',
      D: inClass ? '\\D' : '[^0-9]',
      w: inClass ? WORD_ : `[${WORD_}]`,
      W: inClass ? '\\W' : `[^${WORD_}]`,
      s: inClass ? RE2_SPACE_ : `[${RE2_SPACE_}]`,
    };
    if (simple[next] !== undefined) return simple[next];
    if (next === 'S') return inClass ? this.notModelled_('\\S inside a class') : `[^${RE2_SPACE_}]`;
    if (!inClass && (next === 'b' || next === 'B')) return `\\${next}`;
    if (!inClass && next === 'A') return '(?<![\\s\\S])';
    if (!inClass && next === 'z') return '(?![\\s\\S])';
    if (next === 'p' || next === 'P') this.notModelled_(`\\${next} (Unicode classes)`);
    if (next === 'C') this.notModelled_('\\C');
    if (/[!-/:-@[-`{-~]/.test(next)) return codePoint_(next.charCodeAt(0));
    return this.refuse_('invalid escape sequence');
  }

  /** \Q…\E: every character literal up to \E or the end. */
  private quoted_(): string {
    const end = this.src.indexOf('\\E', this.pos);
    const text = this.src.slice(this.pos, end < 0 ? this.src.length : end);
    this.pos = end < 0 ? this.src.length : end + 2;
    return [...text].map((c) => codePoint_(c.codePointAt(0) ?? 0)).join('');
  }
}

const cache_ = new Map<string, RegExp | Re2SyntaxError>();

/**
 * The JavaScript RegExp (u flag) for an RE2 pattern; results are cached by pattern. Throws
 * Re2SyntaxError for a pattern RE2 refuses, and an Error for RE2 the stand-in does not model.
 * @param pattern the RE2 pattern as REGEXMATCH gets it
 */
export function re2ToRegExp(pattern: string): RegExp {
  let compiled = cache_.get(pattern);
  if (compiled === undefined) {
    try {
      const translator = new Translator_(pattern);
      const source = translator.translate();
      compiled = new RegExp(source, `u${translator.flags}`);
    } catch (e) {
      if (e instanceof Re2SyntaxError) compiled = e;
      else if (e instanceof SyntaxError) compiled = new Re2SyntaxError(e.message);
      else throw e;
    }
    if (cache_.size > 1000) cache_.clear();
    cache_.set(pattern, compiled);
  }
  if (compiled instanceof Re2SyntaxError) throw compiled;
  return compiled;
}
