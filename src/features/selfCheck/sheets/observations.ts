/**
 * What the self-check observed in the real workbook (src/platform/observe.ts makes them;
 * platformFindings.ts says what they mean): plain JSON, no Date, no address (an e-mail is kept
 * as its domain only), so the block the province copies to the maintainers holds nothing private.
 */

/** An observation that could not be made: Google's error message. */
export interface Failed {
  readonly failed: string;
}

/** A cell's value as read back: its JavaScript kind and text (a date as ISO). */
export interface CellSeen {
  readonly kind: 'number' | 'string' | 'boolean' | 'date' | 'empty' | 'other';
  readonly text: string;
}

/** One formula written and read back. */
export interface FormulaSeen {
  /** what the add-on wrote */
  readonly written: string;
  /** what getFormula returned */
  readonly formula: string;
  readonly value: CellSeen;
}

/** A Thai sheet name with combining marks in formulas, unquoted and quoted. */
export interface ThaiNameSeen {
  readonly sheetName: string;
  /** the value the formulas point at */
  readonly expected: number;
  readonly unquoted: FormulaSeen;
  readonly quoted: FormulaSeen;
}

/** The cases of the custom-function probe. */
export type ProbeCase = 'plain' | 'errorCell' | 'nowArgument' | 'todayArgument' | 'todayCell';

/** The probe's formulas, read back in the run that wrote them. */
export interface CustomFunctionSeen {
  readonly probes: readonly { readonly probe: ProbeCase; readonly formula: string; readonly value: CellSeen }[];
}

/** Text written with setValues into cells of automatic format. */
export interface TypedInputSeen {
  /** Spreadsheet.getSpreadsheetLocale() */
  readonly locale: string;
  readonly cells: readonly { readonly typed: string; readonly value: CellSeen; readonly format: string }[];
}

/** Who owns the file. */
export interface OwnerSeen {
  /** the owner's e-mail domain; null when getOwner() returned null (a shared drive) */
  readonly ownerDomain: string | null;
}

/** What Session reveals of the caller. */
export interface SessionSeen {
  /** Session.getActiveUser().getEmail(): its domain, or '' when blank */
  readonly activeDomain: string;
  /** Session.getEffectiveUser().getEmail(): its domain, or '' when blank */
  readonly effectiveDomain: string;
}

/** A known date formatted with Intl. */
export interface IntlSeen {
  readonly locale: string;
  readonly text: string;
  /** resolvedOptions() */
  readonly calendar: string;
  readonly numberingSystem: string;
}

/** A data-validation rule and a conditional-format rule, set and read back. */
export interface RulesSeen {
  readonly validation: { readonly set: RuleFields; readonly got: RuleFields | null };
  readonly format: { readonly set: RuleFields; readonly got: RuleFields | null };
}

/** The fields of a rule that the add-on compares, as text. */
export type RuleFields = Readonly<Record<string, string>>;

/** How long calls took, in milliseconds. */
export interface TimingsSeen {
  readonly getValues: { readonly ms: number; readonly cells: number };
  readonly setValues: { readonly ms: number; readonly cells: number };
  /** average of several calls of each getter the call counts take as free */
  readonly getters: readonly { readonly name: string; readonly ms: number; readonly calls: number }[];
}

/**
 * The add-on's server part (dist/Server.html) read as Code.js's loader reads it on an execution's
 * first server call (scripts/build.mjs), and how long that took.
 */
export interface ServerFileSeen {
  readonly ms: number;
  /** the length of the text HtmlService gave */
  readonly chars: number;
  /**
   * 'content': HtmlOutput.getContent gave the part as built; 'raw': that read failed or gave
   * another text, and the loader's second read, HtmlTemplate.getRawContent, was made (two calls
   * more)
   */
  readonly via: 'content' | 'raw';
  /** why the first read gave nothing, when it failed (via 'raw'); absent when its text differed */
  readonly firstError?: string;
}

/** The two time zones. */
export interface TimeZonesSeen {
  readonly spreadsheet: string;
  readonly script: string;
}

/** Everything the self-check observed; each part may have failed on its own. */
export interface Observations {
  readonly thaiSheetName: ThaiNameSeen | Failed;
  readonly customFunctions: CustomFunctionSeen | Failed;
  readonly typedInput: TypedInputSeen | Failed;
  readonly owner: OwnerSeen | Failed;
  readonly session: SessionSeen | Failed;
  readonly intl: { readonly buddhist: IntlSeen | Failed; readonly thaiDigits: IntlSeen | Failed };
  readonly rules: RulesSeen | Failed;
  readonly timings: TimingsSeen | Failed;
  readonly serverFile: ServerFileSeen | Failed;
  readonly timeZones: TimeZonesSeen | Failed;
}

/** What the live probe cells of the result sheet showed when the self-check ran again. */
export interface LiveSeen {
  /** when the previous run made them (its header's text) */
  readonly madeAt: string;
  readonly probes: readonly { readonly probe: ProbeCase; readonly value: CellSeen }[];
}

/**
 * Whether an observation failed.
 * @param seen an observation
 */
export function failed(seen: object): seen is Failed {
  return typeof (seen as Partial<Failed>).failed === 'string';
}

/**
 * A value as the self-check records it.
 * @param value a cell value (or anything)
 */
export function cellSeen(value: unknown): CellSeen {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const time = (value as Date).getTime();
    return { kind: 'date', text: Number.isNaN(time) ? 'invalid' : (value as Date).toISOString() };
  }
  if (value === '' || value === null || value === undefined) return { kind: 'empty', text: '' };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return { kind: typeof value as 'number' | 'string' | 'boolean', text: String(value) };
  }
  return { kind: 'other', text: String(value) };
}

/**
 * The domain of an e-mail address ('' for a blank one).
 * @param email the address
 */
export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? (email ? '?' : '') : email.slice(at + 1).toLowerCase();
}
