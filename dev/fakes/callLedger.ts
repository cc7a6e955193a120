/**
 * Call ledger: every method call on every fake service object is recorded as "Class.method",
 * classified by kind, and can be made to fail on purpose (fault injection) the ways real runs
 * fail: before the call, after its effect, from a call on (outage), in an undo step, or late
 * (Sheets' write cache). It also lets the clock pass per call and kills executions at their
 * time limit.
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
  'TriggerBuilder',
  'EmbeddedChartBuilder',
]);
const FORMAT_RE_ =
  /^(set.*Format.*|setBackgrounds?|setFontColors?|setFontWeights?|setNotes?|setDataValidations?|setFrozen.*|setColumnWidths?|setHorizontalAlignments?|setVerticalAlignments?|setFontFamil(y|ies)|setFontSizes?|setRowHeights?|setWraps?|setBorder|setTabColor|protect)$/;
const WRITE_RE_ = /^(setValues?|setFormulas?|clear.*|insert.*|delete.*|remove(Chart)|updateChart|appendRow|copyTo)$/;

/**
 * Classifies a "Class.method" call name: get*, is*, can* read; value/formula writes, clear*,
 * insert*, delete*, appendRow, copyTo write; formatting, notes, validation, frozen panes,
 * column widths and protection changes format; builders (and the rules they build, and clock
 * trigger builders until create()) builder.
 * @param name e.g. "Range.getValues"
 */
export function classifyCall(name: string): CallKind {
  const dot = name.lastIndexOf('.');
  const cls = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (BUILDER_CLASSES_.has(cls) || ((cls === 'SpreadsheetApp' || cls === 'ScriptApp') && method.startsWith('new'))) {
    return 'builder';
  }
  // A clock trigger builder is local until create() registers the trigger with Google.
  if (cls === 'ClockTriggerBuilder') return method === 'create' ? 'other' : 'builder';
  // A metadata search is put together locally; find() asks the spreadsheet.
  if (cls === 'DeveloperMetadataFinder') return method === 'find' ? 'read' : 'builder';
  if (cls === 'DeveloperMetadata' && /^(set|remove)/.test(method)) return 'write';
  if (/^addDeveloperMetadata$/.test(method)) return 'write';
  if (/^(get|is|can)[A-Z]/.test(method)) return 'read';
  if (cls === 'Protection' && /^(set|add|remove)/.test(method)) return 'format';
  if (FORMAT_RE_.test(method)) return 'format';
  if (WRITE_RE_.test(method)) return 'write';
  return 'other';
}

/** How an injected fault fails a call (see CallLedger.inject). */
export type FaultMode = 'before' | 'after' | 'outage' | 'undo' | 'late';

/** One injected fault. */
export interface FaultSpec {
  /**
   * 1-based position of the call that fails, counted from now (1: the next call); with
   * `execution`, counted among that execution's calls only.
   */
  at: number;
  /**
   * - 'before' (default): that call throws before doing anything;
   * - 'after': that call does its work, then throws (the effect stays: a timeout after the
   *   server applied it);
   * - 'outage': that call and every later one throw before doing anything, until clearFaults()
   *   or reset() (a killed run or a lost connection, as the workbook sees it: undo fails too);
   * - 'undo': that call throws before doing anything, and so does, once, the `undoAt`-th call
   *   after it (the code's first undo steps run, one fails);
   * - 'late': that call, if it is a deferrable spreadsheet write (isDeferrable; otherwise the
   *   first deferrable call after it), returns normally without its effect, and its error is
   *   thrown by the execution's next spreadsheet read or SpreadsheetApp.flush(), or by
   *   FakeExecution.end() (Apps Script's write cache, see commitsWrites).
   */
  mode?: FaultMode;
  /** the error to throw, or a factory given the "Class.method" name of the failing call */
  error: Error | ((name: string) => Error);
  /** 'undo' only: k ≥ 1; the call at position at + k also throws, once */
  undoAt?: number;
  /** only calls of this execution (FakeExecution.id) count and fail */
  execution?: number;
}

/** What an instrumented method does once its call is recorded. */
export interface CallPlan {
  /** return without doing the work (a write Sheets will report late) */
  readonly skipEffect: boolean;
  /** do the work, then throw this */
  readonly throwAfter: Error | null;
}

/** Apps Script's error once a run passed its time limit (benlcollins/apps_script#1). */
export const EXECUTION_TIME_MESSAGE = 'Exceeded maximum execution time';

// Objects whose calls go to the spreadsheet itself (Sheets' write cache applies to them).
const SPREADSHEET_FAMILY_ = new Set(['Range', 'Sheet', 'Spreadsheet', 'Protection', 'NamedRange']);
// Calls that hand back a new object cannot be answered from a cache: never deferred.
const NOT_DEFERRED_RE_ = /^(protect|insertSheet.*|copyTo|duplicate.*)$/;

function parts_(name: string): [cls: string, method: string] {
  const dot = name.lastIndexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/**
 * Whether Sheets may cache a call and report its failure later: a write or format call on a
 * spreadsheet object that returns itself or nothing. Which calls Apps Script really caches is
 * unconfirmed ("we do some look ahead caching, and some write caching", Apps Script blog,
 * "Optimizing Spreadsheet Operations"); the fake takes all of them (the worse case).
 * @param name "Class.method"
 */
export function isDeferrable(name: string): boolean {
  const [cls, method] = parts_(name);
  const kind = classifyCall(name);
  return SPREADSHEET_FAMILY_.has(cls) && (kind === 'write' || kind === 'format') && !NOT_DEFERRED_RE_.test(method);
}

/**
 * Whether a call commits Sheets' write cache, so that a pending write error surfaces there: any
 * read on a spreadsheet object ("Every time you do a read, we must first empty (commit) the
 * write cache", Apps Script blog, "Optimizing Spreadsheet Operations") and SpreadsheetApp.flush()
 * ("Applies all pending Spreadsheet changes", reference/spreadsheet/spreadsheet-app#flush()).
 * Whether local reads such as getRange commit too is unconfirmed; the fake says yes.
 * @param name "Class.method"
 */
export function commitsWrites(name: string): boolean {
  if (name === 'SpreadsheetApp.flush') return true;
  const [cls] = parts_(name);
  return SPREADSHEET_FAMILY_.has(cls) && classifyCall(name) === 'read';
}

interface Fault_ {
  readonly mode: FaultMode | 'when';
  readonly predicate: (name: string) => boolean;
  readonly target: number;
  readonly undoAt: number;
  readonly execution: number | undefined;
  readonly error: (name: string) => Error;
}

// Calls recorded without an execution (e.g. through a patched record()).
const NO_EXECUTION_ = -1;
const NORMAL_: CallPlan = Object.freeze({ skipEffect: false, throwAfter: null });

/** Records calls on the fake services and injects faults. One ledger per fake workbook. */
export class CallLedger {
  private calls_: string[] = [];
  private callExecutions_: number[] = [];
  private counts_ = new Map<string, number>();
  private executionCounts_ = new Map<number, number>();
  private faults_: Fault_[] = [];
  private readonly lateErrors_ = new Map<number, Error>();
  private readonly deadlines_ = new Map<number, number>();
  private readonly killed_ = new Set<number>();
  private plan_: CallPlan = NORMAL_;
  private interleaved_: {
    when: (name: string, position: number) => boolean;
    action: () => void;
    execution?: number;
  }[] = [];
  private interleaving_ = false;
  private meter_: (() => number) | null = null;
  private depth_ = 0;
  private inside_ = 0;

  /** @param clock_ advanced by its msPerCall on every call, and read for execution deadlines */
  constructor(private readonly clock_?: { now(): number; tickForCall(): void }) {}

  /**
   * Meters the time spent inside the stand-in's calls (the bench: what Google's side would
   * spend, set apart from the add-on's own CPU): `meter` reads a clock in ms (process CPU time);
   * null stops metering (the default: no cost in tests).
   * @param meter the clock, or null
   */
  meterCalls(meter: (() => number) | null): void {
    this.meter_ = meter;
    this.depth_ = 0;
    this.inside_ = 0;
  }

  /** The metered time inside the stand-in's calls since meterCalls, ms (nested calls once). */
  get insideMs(): number {
    return this.inside_;
  }

  /**
   * An instrumented call starts (its time is metered when it is the outermost one).
   * @return the clock at the start, or -1 when not metered
   */
  enterCall(): number {
    if (!this.meter_) return -1;
    return this.depth_++ === 0 ? this.meter_() : -1;
  }

  /**
   * An instrumented call ends.
   * @param started what enterCall returned
   */
  leaveCall(started: number): void {
    if (!this.meter_) return;
    this.depth_--;
    if (started >= 0) this.inside_ += this.meter_() - started;
  }

  /**
   * Records one call and says how it goes: throws an injected fault that fails it before its
   * effect, a pending late write error it commits, or the time-limit error of a killed
   * execution (the call is still counted: it reached the service, which then failed).
   * @param name "Class.method"
   * @param execution the calling execution's id
   * What the method does next is then given by takePlan() (kept apart so that tools can wrap
   * record() as before).
   */
  record(name: string, execution?: number): void {
    this.plan_ = NORMAL_;
    const exec = execution ?? NO_EXECUTION_;
    this.runInterleaved_(name, exec);
    this.calls_.push(name);
    this.callExecutions_.push(exec);
    this.counts_.set(name, (this.counts_.get(name) ?? 0) + 1);
    const execIndex = (this.executionCounts_.get(exec) ?? 0) + 1;
    this.executionCounts_.set(exec, execIndex);
    const index = this.calls_.length;
    this.checkDeadline_(exec);
    this.clock_?.tickForCall();
    const late = this.lateErrors_.get(exec);
    if (late && commitsWrites(name)) {
      this.lateErrors_.delete(exec);
      throw late;
    }
    for (const fault of this.faults_) {
      if (fault.execution !== undefined && fault.execution !== exec) continue;
      const plan = this.apply_(fault, name, fault.execution === undefined ? index : execIndex, exec);
      if (plan) {
        this.plan_ = plan;
        return;
      }
    }
  }

  /**
   * Runs `action` once, just before the first call that `when` picks (by its name and its
   * position in its execution): another user's edit landing in the middle of a run, as people
   * keep typing while a script works (LockService serialises scripts, not people). Calls the
   * action makes are recorded as usual and never trigger it again.
   * @param when picks the call, e.g. the run's first write: `(name) => commitsWrites(name)`
   * @param action the edit (typically through another execution's globals)
   * @param execution only calls of this execution; any when omitted
   */
  interleave(when: (name: string, position: number) => boolean, action: () => void, execution?: number): void {
    this.interleaved_.push({ when, action, execution });
  }

  private runInterleaved_(name: string, exec: number): void {
    if (this.interleaving_ || this.interleaved_.length === 0) return;
    const position = (this.executionCounts_.get(exec) ?? 0) + 1;
    const due = this.interleaved_.find(
      (i) => (i.execution === undefined || i.execution === exec) && i.when(name, position),
    );
    if (!due) return;
    this.interleaved_ = this.interleaved_.filter((i) => i !== due);
    this.interleaving_ = true;
    try {
      due.action();
    } finally {
      this.interleaving_ = false;
    }
  }

  /** What the call just recorded does next: skip its effect, throw after it, or go as usual. */
  takePlan(): CallPlan {
    const plan = this.plan_;
    this.plan_ = NORMAL_;
    return plan;
  }

  private checkDeadline_(exec: number): void {
    const deadline = this.deadlines_.get(exec);
    if (this.killed_.has(exec) || (deadline !== undefined && this.clock_ && this.clock_.now() >= deadline)) {
      // Once killed, nothing of the run gets through any more (the script has stopped).
      this.killed_.add(exec);
      throw new Error(EXECUTION_TIME_MESSAGE);
    }
  }

  /** Throws, returns a plan, or returns null when the fault does not concern this call. */
  private apply_(fault: Fault_, name: string, position: number, exec: number): CallPlan | null {
    switch (fault.mode) {
      case 'when':
        if (fault.predicate(name)) throw fault.error(name);
        return null;
      case 'before':
        if (position !== fault.target) return null;
        this.remove_(fault);
        throw fault.error(name);
      case 'after':
        if (position !== fault.target) return null;
        this.remove_(fault);
        return { skipEffect: false, throwAfter: fault.error(name) };
      case 'outage':
        if (position >= fault.target) throw fault.error(name);
        return null;
      case 'undo':
        if (position === fault.target) throw fault.error(name);
        if (position !== fault.target + fault.undoAt) return null;
        this.remove_(fault);
        throw fault.error(name);
      case 'late':
        if (position < fault.target || !isDeferrable(name)) return null;
        this.remove_(fault);
        this.lateErrors_.set(exec, fault.error(name));
        return { skipEffect: true, throwAfter: null };
    }
  }

  private remove_(fault: Fault_): void {
    this.faults_ = this.faults_.filter((f) => f !== fault);
  }

  /**
   * Number of recorded calls.
   * @param name a "Class.method" name; all calls when omitted
   */
  count(name?: string): number {
    return name === undefined ? this.calls_.length : (this.counts_.get(name) ?? 0);
  }

  /**
   * Number of calls one execution made since the last reset().
   * @param execution FakeExecution.id
   */
  countOf(execution: number): number {
    return this.executionCounts_.get(execution) ?? 0;
  }

  /** Counts per kind (see classifyCall). */
  byKind(): Record<CallKind, number> {
    const kinds: Record<CallKind, number> = { read: 0, write: 0, format: 0, builder: 0, other: 0 };
    for (const [name, n] of this.counts_) kinds[classifyCall(name)] += n;
    return kinds;
  }

  /**
   * Every recorded call name, in order.
   * @param execution only this execution's calls
   */
  calls(execution?: number): readonly string[] {
    if (execution === undefined) return this.calls_.slice();
    return this.calls_.filter((_, i) => this.callExecutions_[i] === execution);
  }

  /**
   * One execution's calls, the latest first, read from the ledger in place: a check that stops at
   * the first call that decides it costs what it reads, not a copy of every call so far.
   * @param execution FakeExecution.id
   */
  *latestFirst(execution: number): Generator<string> {
    for (let i = this.calls_.length - 1; i >= 0; i--) if (this.callExecutions_[i] === execution) yield this.calls_[i];
  }

  /** A deterministic copy of the counts (names sorted). */
  snapshot(): LedgerSnapshot {
    const byName: Record<string, number> = {};
    for (const name of [...this.counts_.keys()].sort()) byName[name] = this.counts_.get(name) ?? 0;
    return { total: this.calls_.length, byKind: this.byKind(), byName };
  }

  /** Forgets every recorded call, every pending fault and every pending late write error. */
  reset(): void {
    this.calls_ = [];
    this.callExecutions_ = [];
    this.counts_.clear();
    this.executionCounts_.clear();
    this.faults_ = [];
    this.lateErrors_.clear();
    this.interleaved_ = [];
  }

  /**
   * Injects one fault (see FaultSpec for the modes).
   * @param spec position, mode, error, undo step, execution
   */
  inject(spec: FaultSpec): void {
    const mode = spec.mode ?? 'before';
    if (!Number.isInteger(spec.at) || spec.at < 1) {
      throw new Error(`inject: at must be a positive integer, got ${spec.at}`);
    }
    const undoAt = spec.undoAt ?? 0;
    if (mode === 'undo' && (!Number.isInteger(undoAt) || undoAt < 1)) {
      throw new Error(`inject: mode 'undo' needs undoAt ≥ 1, got ${spec.undoAt}`);
    }
    const now = spec.execution === undefined ? this.calls_.length : this.countOf(spec.execution);
    const { error } = spec;
    this.faults_.push({
      mode,
      predicate: () => false,
      target: now + spec.at,
      undoAt,
      execution: spec.execution,
      error: typeof error === 'function' ? error : () => error,
    });
  }

  /**
   * Makes the n-th call from now (n = 1: the next call) throw `error` before it does anything:
   * inject({ at: n, mode: 'before', error }).
   * @param n 1-based position counted from now
   * @param error the error to throw, e.g. a "Service Spreadsheets timed out" Error
   */
  failAt(n: number, error: Error): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failAt: n must be a positive integer, got ${n}`);
    this.inject({ at: n, mode: 'before', error });
  }

  /**
   * Makes every call whose name matches `predicate` throw, until clearFaults() or reset().
   * @param predicate tested with the "Class.method" name
   * @param error the error to throw, or a factory given the call name
   */
  failWhen(predicate: (name: string) => boolean, error?: Error | ((name: string) => Error)): void {
    const make =
      typeof error === 'function' ? error : (name: string) => error ?? new Error(`Injected failure in ${name}`);
    this.faults_.push({ mode: 'when', predicate, target: 0, undoAt: 0, execution: undefined, error: make });
  }

  /** Removes pending faults but keeps the counts and any late write error already pending. */
  clearFaults(): void {
    this.faults_ = [];
  }

  /**
   * Takes the late write error an execution still has pending (see FaultSpec 'late'), if any.
   * @param execution FakeExecution.id
   */
  takeLateError(execution: number): Error | null {
    const error = this.lateErrors_.get(execution) ?? null;
    this.lateErrors_.delete(execution);
    return error;
  }

  /**
   * Kills an execution at an instant of the clock: from then on each of its calls throws
   * EXECUTION_TIME_MESSAGE (the 6-minute limit; the script would stop, so nothing gets through).
   * @param execution FakeExecution.id
   * @param at instant in ms
   */
  setDeadline(execution: number, at: number): void {
    this.deadlines_.set(execution, at);
  }

  /**
   * Whether an execution was killed by its deadline.
   * @param execution FakeExecution.id
   */
  isKilled(execution: number): boolean {
    return this.killed_.has(execution);
  }
}

/** What instrumented methods need from `this`: a way to the ledger and the guard. */
export interface Instrumented {
  readonly ctx_: {
    readonly id?: number;
    readonly book: { readonly ledger: CallLedger; guardCall(name: string): void };
  };
}

/** Each instrumented method's own body, by "Class.method" (callUnrecorded). */
const ORIGINALS_ = new Map<string, (...args: unknown[]) => unknown>();

/**
 * Runs an instrumented method's body without recording a call: for the stand-in's composite
 * calls (one Sheets API batchUpdate applies what several SpreadsheetApp methods would), which
 * are recorded once themselves.
 * @param target the fake object
 * @param name "Class.method"
 * @param args the method's arguments
 */
export function callUnrecorded(target: object, name: string, ...args: unknown[]): unknown {
  const original = ORIGINALS_.get(name);
  if (!original) throw new Error(`callUnrecorded: ${name} is not instrumented`);
  return original.apply(target, args);
}

/**
 * Wraps the listed prototype methods so that each call is recorded in the ledger (and checked by
 * the workbook's guard) before the real work, and fails as the ledger's faults say. Methods not listed, e.g. fake-only helpers ending
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
    ORIGINALS_.set(name, original as (...args: unknown[]) => unknown);
    proto[method] = function (this: Instrumented, ...args: unknown[]): unknown {
      const ledger = this.ctx_.book.ledger;
      const started = ledger.enterCall();
      try {
        ledger.record(name, this.ctx_.id);
        const plan = ledger.takePlan();
        this.ctx_.book.guardCall(name);
        // A deferred write returns its object (for chaining) and does nothing (isDeferrable).
        if (plan.skipEffect) return this;
        const result = original.apply(this, args);
        if (plan.throwAfter) throw plan.throwAfter;
        return result;
      } finally {
        ledger.leaveCall(started);
      }
    };
  }
}
