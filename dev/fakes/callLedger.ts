/**
 * Call ledger: every method call on every fake service object is recorded as "Class.method",
 * classified by kind, and can be made to fail on purpose (fault injection).
 */

/** What a recorded call does, as far as round trips to Google's servers are concerned. */
export type CallKind = 'read' | 'write' | 'format' | 'builder' | 'other';

/** Counts of the ledger at one moment. */
export interface LedgerSnapshot {
  total: number;
  byKind: Record<CallKind, number>;
  byName: Record<string, number>;
}

// Builders and the rule objects they produce live in the script's process in real Apps Script.
const BUILDER_CLASSES_ = new Set([
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'BooleanCondition',
  'DataValidationBuilder',
  'DataValidation',
]);
const FORMAT_RE_ =
  /^(set.*Format.*|setBackgrounds?|setFontColors?|setFontWeights?|setNotes?|setDataValidations?|setFrozen.*|setColumnWidths?|setHorizontalAlignments?|setWraps?|setBorder|setTabColor|protect)$/;
const WRITE_RE_ = /^(setValues?|setFormulas?|clear.*|insert.*|delete.*|appendRow|copyTo)$/;

/**
 * Classifies a "Class.method" call name: get*, is*, can* read; value/formula writes, clear*,
 * insert*, delete*, appendRow, copyTo write; formatting, notes, validation, frozen panes,
 * column widths and protection changes format; builders (and the rules they build) builder.
 * @param name e.g. "Range.getValues"
 */
export function classifyCall(name: string): CallKind {
  const dot = name.lastIndexOf('.');
  const cls = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (BUILDER_CLASSES_.has(cls) || (cls === 'SpreadsheetApp' && method.startsWith('new'))) return 'builder';
  if (/^(get|is|can)[A-Z]/.test(method)) return 'read';
  if (cls === 'Protection' && /^(set|add|remove)/.test(method)) return 'format';
  if (FORMAT_RE_.test(method)) return 'format';
  if (WRITE_RE_.test(method)) return 'write';
  return 'other';
}

interface Fault_ {
  predicate: (name: string, index: number) => boolean;
  error: (name: string) => Error;
  once: boolean;
}

/** Records calls on the fake services and injects faults. One ledger per fake workbook. */
export class CallLedger {
  private calls_: string[] = [];
  private counts_ = new Map<string, number>();
  private faults_: Fault_[] = [];

  /**
   * Records one call; throws an injected fault if one matches (the call is still counted: it
   * reached the service, which then failed).
   * @param name "Class.method"
   */
  record(name: string): void {
    this.calls_.push(name);
    this.counts_.set(name, (this.counts_.get(name) ?? 0) + 1);
    const index = this.calls_.length;
    const fault = this.faults_.find((f) => f.predicate(name, index));
    if (!fault) return;
    if (fault.once) this.faults_ = this.faults_.filter((f) => f !== fault);
    throw fault.error(name);
  }

  /**
   * Number of recorded calls.
   * @param name a "Class.method" name; all calls when omitted
   */
  count(name?: string): number {
    return name === undefined ? this.calls_.length : (this.counts_.get(name) ?? 0);
  }

  /** Counts per kind (see classifyCall). */
  byKind(): Record<CallKind, number> {
    const kinds: Record<CallKind, number> = { read: 0, write: 0, format: 0, builder: 0, other: 0 };
    for (const [name, n] of this.counts_) kinds[classifyCall(name)] += n;
    return kinds;
  }

  /** Every recorded call name, in order. */
  calls(): readonly string[] {
    return this.calls_.slice();
  }

  /** A deterministic copy of the counts (names sorted). */
  snapshot(): LedgerSnapshot {
    const byName: Record<string, number> = {};
    for (const name of [...this.counts_.keys()].sort()) byName[name] = this.counts_.get(name) ?? 0;
    return { total: this.calls_.length, byKind: this.byKind(), byName };
  }

  /** Forgets every recorded call and every pending fault. */
  reset(): void {
    this.calls_ = [];
    this.counts_.clear();
    this.faults_ = [];
  }

  /**
   * Makes the n-th call from now (n = 1: the next call) throw `error` before it does anything.
   * @param n 1-based position counted from now
   * @param error the error to throw, e.g. a "Service Spreadsheets timed out" Error
   */
  failAt(n: number, error: Error): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failAt: n must be a positive integer, got ${n}`);
    const target = this.calls_.length + n;
    this.faults_.push({ predicate: (_name, index) => index === target, error: () => error, once: true });
  }

  /**
   * Makes every call whose name matches `predicate` throw, until clearFaults() or reset().
   * @param predicate tested with the "Class.method" name
   * @param error the error to throw, or a factory given the call name
   */
  failWhen(predicate: (name: string) => boolean, error?: Error | ((name: string) => Error)): void {
    const make =
      typeof error === 'function' ? error : (name: string) => error ?? new Error(`Injected failure in ${name}`);
    this.faults_.push({ predicate: (name) => predicate(name), error: make, once: false });
  }

  /** Removes pending faults but keeps the counts. */
  clearFaults(): void {
    this.faults_ = [];
  }
}

/** What instrumented methods need from `this`: a way to the ledger and the guard. */
export interface Instrumented {
  readonly ctx_: { readonly book: { readonly ledger: CallLedger; guardCall(name: string): void } };
}

/**
 * Wraps the listed prototype methods so that each call is recorded in the ledger (and checked by
 * the workbook's guard) before the real work. Methods not listed, e.g. fake-only helpers ending
 * in `_`, are not recorded.
 * @param ctor the fake class
 * @param className the Apps Script class name used in the ledger, e.g. "Range"
 * @param methods the Apps Script method names the class implements
 */
export function instrument(ctor: { prototype: object }, className: string, methods: readonly string[]): void {
  const proto = ctor.prototype as Record<string, unknown>;
  for (const method of methods) {
    const original = proto[method];
    if (typeof original !== 'function') throw new Error(`instrument: ${className}.${method} is not implemented`);
    const name = `${className}.${method}`;
    proto[method] = function (this: Instrumented, ...args: unknown[]): unknown {
      this.ctx_.book.ledger.record(name);
      this.ctx_.book.guardCall(name);
      return original.apply(this, args);
    };
  }
}
