/**
 * The shared in-memory state behind the fakes: the workbook (sheets, cells, protections, named
 * ranges, properties, locks, mail) and the per-execution context that every fake object holds.
 * Several executions (simulated users running the add-on at the same time) share one workbook.
 */
import { shiftForDelete, shiftForInsert, type Rect } from './a1';
import { CallLedger, classifyCall } from './callLedger';
import { FakeClock } from './clock';
import type { PlatformVariants } from './platform';
import { type DeveloperMetadataModel, SheetModel } from './sheetModel';
import { TriggerStore } from './triggers';
import type { UiLog } from './ui';
import { DEFAULT_LOCALE } from './valueParsing';

/** A stored data-validation rule. Criteria values may hold FakeRange objects. */
export interface ValidationModel {
  readonly criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

/** A rectangle on a given sheet. */
export interface SheetRect {
  sheet: SheetModel;
  rect: Rect;
}

/** A stored conditional-format rule (boolean conditions only). */
export interface RuleModel {
  ranges: SheetRect[];
  criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** A stored protection (a protected range or a protected sheet). */
export interface ProtectionModel {
  readonly id: number;
  readonly type: GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly sheet: SheetModel;
  /** null for a whole-sheet protection */
  rect: Rect | null;
  description: string;
  editors: string[];
  domainEdit: boolean;
  warningOnly: boolean;
  unprotected: Rect[];
}

/** A stored named range. */
export interface NamedRangeModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
}

/** A sent e-mail, as recorded by the fake MailApp. */
export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  /** attachment file names */
  attachments: string[];
  /** the attachments themselves */
  files: AttachedFile[];
  /** when it was sent (the fake clock, ms) */
  at: number;
}

/** A mail attachment as sent. */
export interface AttachedFile {
  name: string;
  contentType: string | null;
  /** the bytes, unsigned */
  bytes: Uint8Array;
}

/** Resolves a custom function name used in a formula to its implementation. */
export type FunctionResolver = (name: string) => ((...args: unknown[]) => unknown) | undefined;

/** Options of a fake workbook. */
export interface WorkbookOptions {
  /**
   * owner e-mail; default "owner@example.com"; null for a file in a shared drive, which has no
   * owner (Spreadsheet.getOwner(): "If the file is in a shared drive, null is returned",
   * developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getowner)
   */
  owner?: string | null;
  /** spreadsheet name; default "Fake spreadsheet" */
  name?: string;
  /** spreadsheet id; default "fake-spreadsheet-id" */
  id?: string;
  /** users with edit access besides the owner */
  editors?: string[];
  /** spreadsheet and script time zone; default "Asia/Bangkok" */
  timeZone?: string;
  /** names of the initial sheets; default ["Sheet1"] */
  sheetNames?: string[];
  /** HTML files of the script project, by name ("Sidebar" or "Sidebar.html") */
  htmlFiles?: Record<string, string>;
  /** MailApp recipients per day per user; default 100 (consumer account) */
  mailDailyQuota?: number;
  /** the fake clock's start; default: follow the host clock until set */
  now?: Date | number;
  /** spreadsheet locale (how typed text is parsed); default "th_TH" */
  locale?: string;
  /** unconfirmed platform behaviours, switched to produce each outcome (platform.ts) */
  platform?: PlatformVariants;
}

// In a custom function the Spreadsheet service is read-only and Mail/Ui are unavailable
// (docs/platform.md#custom-functions, guides/sheets/functions).
const SPREADSHEET_CLASSES_ = new Set([
  'Range',
  'Sheet',
  'Spreadsheet',
  'SpreadsheetApp',
  'Protection',
  'NamedRange',
  'DeveloperMetadata',
]);
// ScriptApp (triggers, tokens) needs authorisation too: not among the services custom functions may use.
const DENIED_IN_CUSTOM_FUNCTIONS_ = new Set([
  'MailApp',
  'Ui',
  'Menu',
  'ScriptApp',
  'Sheets.Spreadsheets',
  'Sheets.Spreadsheets.Values',
]);
// Calls that only read although their names do not say so.
const READS_ = new Set(['Spreadsheet.createDeveloperMetadataFinder', 'Sheet.createDeveloperMetadataFinder']);

/** The shared state of one fake spreadsheet and its script project. */
export class WorkbookModel {
  /** "now" for every execution, service and loaded script of this workbook */
  readonly clock: FakeClock;
  readonly ledger: CallLedger;
  /** installable triggers of the script project */
  readonly triggers = new TriggerStore();
  readonly id: string;
  name: string;
  /** null: a file in a shared drive (nobody has owner powers) */
  readonly owner: string | null;
  editors: string[];
  readonly timeZone: string;
  /** Spreadsheet.getSpreadsheetLocale() */
  locale: string;
  /** unconfirmed platform behaviours (platform.ts); tests may change them between executions */
  platform: PlatformVariants;
  /** developer metadata located on the spreadsheet itself (a sheet's own is on its SheetModel) */
  spreadsheetMetadata: DeveloperMetadataModel[] = [];
  sheets: SheetModel[] = [];
  namedRanges = new Map<string, NamedRangeModel>();
  protections: ProtectionModel[] = [];
  /** lock key → id of the execution holding it */
  readonly locks = new Map<string, number>();
  readonly documentProperties = new Map<string, string>();
  readonly scriptProperties = new Map<string, string>();
  readonly userProperties = new Map<string, Map<string, string>>();
  mailQuota: number;
  readonly mailRemaining = new Map<string, number>();
  /** user → start of the current 24-hour mail quota window (clock ms) */
  readonly mailWindowStart = new Map<string, number>();
  readonly sentMails: SentMail[] = [];
  readonly htmlFiles: Record<string, string>;
  functions: FunctionResolver | null = null;
  /** bumped on every change of content, so cached formula results are recomputed */
  generation = 0;
  /** > 0 while a custom function runs */
  customFunctionDepth = 0;
  private nextSheetId_ = 0;
  private nextProtectionId_ = 1;
  private nextExecutionId_ = 1;
  private uuidCounter_ = 0;
  private nextMetadataId_ = 1;

  /** @param options see WorkbookOptions */
  constructor(options: WorkbookOptions = {}) {
    this.clock = new FakeClock(options.now);
    this.ledger = new CallLedger(this.clock);
    this.id = options.id ?? 'fake-spreadsheet-id';
    this.name = options.name ?? 'Fake spreadsheet';
    this.owner = options.owner === undefined ? 'owner@example.com' : options.owner;
    this.editors = [...(options.editors ?? [])];
    this.timeZone = options.timeZone ?? 'Asia/Bangkok';
    this.locale = options.locale ?? DEFAULT_LOCALE;
    this.platform = { ...(options.platform ?? {}) };
    this.htmlFiles = { ...(options.htmlFiles ?? {}) };
    this.mailQuota = options.mailDailyQuota ?? 100;
    for (const name of options.sheetNames ?? ['Sheet1']) this.addSheet(name);
  }

  /**
   * Changes platform switches (platform.ts) and lets formulas be computed again under them.
   * @param patch the switches to change
   */
  switchPlatform(patch: PlatformVariants): void {
    Object.assign(this.platform, patch);
    this.touch();
  }

  /**
   * Marks content as changed (invalidates computed formula results).
   * @param sheet the one sheet whose cells changed; every sheet when omitted (a change of
   *   structure, names or formulas anywhere)
   */
  touch(sheet?: SheetModel): void {
    this.generation++;
    for (const s of sheet ? [sheet] : this.sheets) s.contentVersion = this.generation;
  }

  /**
   * Throws when a call is not allowed in the current situation (inside a custom function).
   * @param name "Class.method"
   */
  guardCall(name: string): void {
    if (this.customFunctionDepth === 0) return;
    const cls = name.slice(0, name.lastIndexOf('.'));
    const kind = classifyCall(name);
    const deniedSpreadsheetCall =
      SPREADSHEET_CLASSES_.has(cls) &&
      kind !== 'read' &&
      kind !== 'builder' &&
      name !== 'SpreadsheetApp.flush' &&
      !READS_.has(name);
    if (deniedSpreadsheetCall || DENIED_IN_CUSTOM_FUNCTIONS_.has(cls) || name === 'SpreadsheetApp.getUi') {
      throw new Error(`You do not have permission to call ${name}`);
    }
  }

  /**
   * Adds a sheet (no checks).
   * @param name tab name
   * @param index 0-based position; at the end when omitted
   */
  addSheet(name: string, index?: number): SheetModel {
    const id = this.nextSheetId_ === 0 ? 0 : 100000000 + this.nextSheetId_;
    this.nextSheetId_++;
    const sheet = new SheetModel(id, name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.touch();
    return sheet;
  }

  /**
   * The sheet with exactly this name.
   * @param name tab name
   */
  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * The sheet whose name equals this one ignoring case (Sheets keeps names unique that way).
   * @param name tab name
   */
  sheetByNameIgnoringCase(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** A new protection id. */
  newProtectionId(): number {
    return this.nextProtectionId_++;
  }

  /** A new developer metadata id (unique in the spreadsheet). */
  newMetadataId(): number {
    return this.nextMetadataId_++;
  }

  /** A new execution id. */
  newExecutionId(): number {
    return this.nextExecutionId_++;
  }

  /** A deterministic UUID for Utilities.getUuid. */
  newUuid(): string {
    this.uuidCounter_++;
    return `00000000-0000-4000-8000-${this.uuidCounter_.toString(16).padStart(12, '0')}`;
  }

  /**
   * Moves named ranges, protections and conditional-format ranges after rows or columns of
   * `sheet` were inserted or deleted; ranges that lose all their cells are dropped.
   * @param sheet the sheet whose grid changed
   * @param axis rows or columns
   * @param op insert (after `at`) or delete (from `at`)
   * @param at line after which lines were inserted, or first deleted line
   * @param count how many lines
   */
  shiftRanges(sheet: SheetModel, axis: 'rows' | 'columns', op: 'insert' | 'delete', at: number, count: number): void {
    const move = (rect: Rect): Rect | null => {
      const start = axis === 'rows' ? rect.row : rect.col;
      const size = axis === 'rows' ? rect.numRows : rect.numCols;
      const moved =
        op === 'insert'
          ? shiftForInsert(start, start + size - 1, at, count)
          : shiftForDelete(start, start + size - 1, at, count);
      if (!moved) return null;
      const [s, e] = moved;
      return axis === 'rows' ? { ...rect, row: s, numRows: e - s + 1 } : { ...rect, col: s, numCols: e - s + 1 };
    };
    for (const [name, named] of this.namedRanges) {
      if (named.sheet !== sheet) continue;
      const rect = move(named.rect);
      if (rect) named.rect = rect;
      else this.namedRanges.delete(name);
    }
    this.protections = this.protections.filter((p) => {
      if (p.sheet !== sheet) return true;
      p.unprotected = p.unprotected.map(move).filter((r): r is Rect => r !== null);
      if (!p.rect) return true;
      const rect = move(p.rect);
      if (rect) p.rect = rect;
      return rect !== null;
    });
    for (const other of this.sheets) {
      for (const rule of other.rules) {
        rule.ranges = rule.ranges
          .map((r) => (r.sheet === sheet ? { sheet, rect: move(r.rect) } : r))
          .filter((r): r is SheetRect => r.rect !== null);
      }
    }
    this.touch();
  }
}

/** What every fake object of one execution shares: the workbook and who is running. */
export interface ExecutionContext {
  readonly book: WorkbookModel;
  readonly id: number;
  /** Session.getActiveUser().getEmail(); may be "" */
  readonly activeUser: string;
  /** whose permissions apply (the real address, also when Session hides it) */
  readonly effectiveUser: string;
  /**
   * Session returns "" for the active and effective user (true), or for the active user only
   * ('active'); their rights still apply
   */
  readonly emailHidden?: boolean | 'active';
  readonly locale: string;
  activeSheet: SheetModel | null;
  activeRange: SheetRect | null;
  readonly ui: UiLog;
  readonly logs: string[];
  /** names visible to HTML templates besides the template's own properties */
  readonly scope: object | undefined;
  /**
   * The script runs as a web app (doGet and the page's google.script.run calls): it has no active
   * spreadsheet, no document lock and no spreadsheet UI (see spreadsheetApp.ts, lockService.ts)
   */
  readonly webApp?: boolean;
}
