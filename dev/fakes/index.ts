/**
 * Entry points of the in-memory Apps Script stand-in: a fake workbook, executions (simulated
 * users running the add-on, each with its own set of globals over the shared workbook), and the
 * fake-only helpers (dump, renderSheet, effectiveFormat, invalidCells).
 *
 * Typical use:
 *   const wb = createFakeWorkbook({ owner: 'owner@x.th', editors: ['a@x.th'] });
 *   const run = wb.createExecution({ user: 'a@x.th' });
 *   Object.assign(vmContext, run.globals);   // or globalThis
 */
import { FakeSheetsService } from './advancedSheets';
import type { CallLedger } from './callLedger';
import type { FakeClock } from './clock';
import { FakeHtmlService } from './htmlService';
import { FakeLockService, releaseLocksOf } from './lockService';
import { FakeLogger } from './logger';
import { FakeMailApp } from './mailApp';
import { WorkbookModel, type ExecutionContext, type SentMail, type WorkbookOptions } from './model';
import { FakePropertiesService } from './propertiesService';
import { FakeScriptApp } from './scriptApp';
import { FakeSession } from './session';
import { FakeSpreadsheet } from './spreadsheet';
import { snapshotModel } from './snapshot';
import { FakeSpreadsheetApp } from './spreadsheetApp';
import { runDueTriggers, type RunTriggersOptions, type TriggerRun } from './triggers';
import { UiLog } from './ui';
import { FakeUtilities } from './utilities';

export {
  classifyCall,
  commitsWrites,
  isDeferrable,
  CallLedger,
  EXECUTION_TIME_MESSAGE,
  type CallKind,
  type CallPlan,
  type FaultMode,
  type FaultSpec,
  type LedgerSnapshot,
} from './callLedger';
export { DAY_MS, HOUR_MS, MINUTE_MS, SCRIPT_RUNTIME_MS, FakeClock, fakeDateClass } from './clock';
export { globalScope } from './scope';
export { FAKE_PDF_MARKER } from './blob';
export { chartRangesA1, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
export {
  MAX_TRIGGERS_PER_USER,
  TOO_MANY_TRIGGERS_MESSAGE,
  TRIGGER_RUNTIME_CONSUMER_MS,
  TRIGGER_RUNTIME_MESSAGE,
  type RunTriggersOptions,
  type TriggerHandler,
  type TriggerRun,
} from './triggers';
export {
  dump,
  dumpMetadata,
  type DumpOptions,
  renderSheet,
  type WorkbookDump,
  type SheetDump,
  type CellDump,
  type RenderedCell,
} from './dump';
export { effectiveFormat, conditionHolds, type EffectiveFormat } from './effectiveFormat';
export { invalidCells, isMarkedInvalid } from './validity';
export { Button, ButtonSet, BooleanCriteria, DataValidationCriteria, ProtectionType } from './enums';
export { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './enums';
export { LOCK_TIMEOUT_MESSAGE } from './lockService';
export { MAIL_QUOTA_MESSAGE } from './mailApp';
export { NO_PERMISSION_MESSAGE, PROTECTED_CELL_MESSAGE } from './protection';
export { STORE_QUOTA_MESSAGE } from './propertiesService';
export { formatSimpleDate } from './dates';
export type { AttachedFile, FunctionResolver, SentMail, WorkbookOptions } from './model';
export { LOADING_TEXT, type PlatformVariants, VOLATILE_REFERENCE_MESSAGE } from './platform';
export type { AlertRecord, MenuRecord, ShownHtml, ToastRecord, UiLog } from './ui';
export { FakeHtmlService } from './htmlService';
export { FakeRange } from './range';
export { FakeSheet } from './sheet';
export { FakeSpreadsheet } from './spreadsheet';

/** The services as the add-on sees them: typed with the real Apps Script interfaces. */
export interface FakeGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Session: GoogleAppsScript.Base.Session;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  /** the Advanced Sheets service (advancedSheets.ts) */
  Sheets: GoogleAppsScript.Sheets;
}

/** The same services with their fake types (for tests that use fake-only members). */
export interface FakeServices {
  SpreadsheetApp: FakeSpreadsheetApp;
  LockService: FakeLockService;
  PropertiesService: FakePropertiesService;
  Session: FakeSession;
  HtmlService: FakeHtmlService;
  MailApp: FakeMailApp;
  Utilities: FakeUtilities;
  Logger: FakeLogger;
  ScriptApp: FakeScriptApp;
  Sheets: FakeSheetsService;
}

/** Who runs an execution. */
export interface ExecutionOptions {
  /**
   * the user running it: their own rights apply (editors, protections). "" is an anonymous user
   * with no rights at all (every change is refused); to model a user whose address Google
   * withholds, give their address and `hideEmail: true`
   */
  user: string;
  /**
   * Session.getActiveUser() and getEffectiveUser() return "" while `user`'s rights apply; 'active':
   * only getActiveUser() does (the address of the account the script runs as is still known)
   */
  hideEmail?: boolean | 'active';
  /** whose permissions apply; default `user` */
  effectiveUser?: string;
  /** Session.getActiveUserLocale(); default "th" */
  locale?: string;
  /** the sheet the user is looking at; default the first visible sheet */
  activeSheet?: string;
  /** names HTML templates can use besides their own properties (e.g. the vm context for include()) */
  scope?: object;
  /** sets the workbook's fake clock to this instant as the execution starts */
  now?: Date | number;
  /**
   * kills the run this long after it starts: from then on every call throws "Exceeded maximum
   * execution time" (SCRIPT_RUNTIME_MS models the 6-minute limit); default no limit
   */
  timeLimitMs?: number;
  /**
   * the run is a call of the script's web app (deployed to execute as the user accessing it):
   * SpreadsheetApp.getActive() is null (open the workbook with openById), the workbook lock is
   * null, and the spreadsheet UI cannot be reached
   */
  webApp?: boolean;
}

/** One simulated run of the add-on by one user. */
export interface FakeExecution {
  /** the execution's id (for ledger faults that target one execution) */
  readonly id: number;
  /** Session.getActiveUser() of the run */
  readonly user: string;
  /** when it started (fake clock, ms) */
  readonly startedAt: number;
  /** assign onto a vm context or globalThis */
  readonly globals: FakeGlobals;
  /** the same objects, fake-typed */
  readonly services: FakeServices;
  /** menus, sidebars, dialogs, alerts and toasts shown */
  readonly ui: UiLog;
  /** Logger lines */
  readonly logs: readonly string[];
  /** the spreadsheet as this execution sees it */
  readonly spreadsheet: FakeSpreadsheet;
  /**
   * Ends the execution: releases its locks, then throws the error of a write Sheets reported
   * late (a 'late' fault still pending: in Apps Script the run then fails after the code
   * returned). Returns normally when nothing is pending.
   */
  end(): void;
}

/** A fake spreadsheet with its script project. */
export interface FakeWorkbook {
  /**
   * the spreadsheet, seen by the owner (for setting up and inspecting tests); by the first editor
   * when the workbook has no owner (a shared drive)
   */
  readonly spreadsheet: FakeSpreadsheet;
  /** every call on every fake object of every execution */
  readonly ledger: CallLedger;
  /** "now" of the workbook, its executions, services and (with loadBundle's `now`) scripts */
  readonly clock: FakeClock;
  /** mails sent by all executions */
  readonly sentMails: readonly SentMail[];
  /** starts a simulated execution by `user` */
  createExecution(options: ExecutionOptions): FakeExecution;
  /**
   * Sets the daily recipient quota (for everyone, or what one user has left today).
   * @param recipients recipients per day
   * @param user only this user's remaining quota
   */
  setMailQuota(recipients: number, user?: string): void;
  /**
   * Fake-only: advances the clock to `until`, running each installable trigger when it falls
   * due, each in a new execution as its creator (6-minute limit), and reports every run.
   * @param until the instant to stop at
   * @param options `resolve(run, handler)` gives the handler bound to that execution's globals
   */
  runDueTriggers(until: Date, options: RunTriggersOptions<FakeExecution>): TriggerRun[];
  /**
   * Fake-only: a number that changes whenever the sheet's cells may have changed (a value, a
   * formula, a sort, a structural change anywhere), read without a call being recorded, so a
   * test can tell cheaply whether to read the sheet again; null when no sheet has the id.
   * @param sheetId the sheet's id
   */
  contentVersion(sheetId: number): number | null;
}

/**
 * The one place fakes are handed out as the real Apps Script types. Each fake implements a
 * typed subset (FakeOf) of its real interface; calling anything else fails at run time.
 * @param fake a fake service
 */
function asReal_<Real>(fake: object): Real {
  return fake as unknown as Real;
}

function context_(book: WorkbookModel, options: ExecutionOptions): ExecutionContext {
  const activeSheet = options.activeSheet === undefined ? null : (book.sheetByName(options.activeSheet) ?? null);
  if (options.activeSheet !== undefined && !activeSheet) throw new Error(`No sheet named "${options.activeSheet}".`);
  return {
    book,
    id: book.newExecutionId(),
    activeUser: options.user,
    effectiveUser: options.effectiveUser ?? options.user,
    emailHidden: options.hideEmail ?? false,
    locale: options.locale ?? 'th',
    activeSheet,
    activeRange: null,
    ui: new UiLog(),
    logs: [],
    scope: options.scope,
    webApp: options.webApp ?? false,
  };
}

function execution_(book: WorkbookModel, options: ExecutionOptions): FakeExecution {
  if (options.now !== undefined) book.clock.set(options.now);
  const ctx = context_(book, options);
  const startedAt = book.clock.now();
  if (options.timeLimitMs !== undefined) book.ledger.setDeadline(ctx.id, startedAt + options.timeLimitMs);
  return executionOf_(book, ctx, startedAt);
}

/** The backing of workbooks and executions handed out (for snapshots). */
const workbookModels_ = new WeakMap<FakeWorkbook, { book: WorkbookModel; setup: ExecutionContext }>();
const executionContexts_ = new WeakMap<FakeExecution, { ctx: ExecutionContext; startedAt: number }>();

/**
 * An execution over an existing context (a new one, or one restored from a snapshot).
 * @param book the workbook
 * @param ctx the execution's context
 * @param startedAt when it started
 */
function executionOf_(book: WorkbookModel, ctx: ExecutionContext, startedAt: number): FakeExecution {
  const services: FakeServices = {
    SpreadsheetApp: new FakeSpreadsheetApp(ctx),
    LockService: new FakeLockService(ctx),
    PropertiesService: new FakePropertiesService(ctx),
    Session: new FakeSession(ctx),
    HtmlService: new FakeHtmlService(ctx),
    MailApp: new FakeMailApp(ctx),
    Utilities: new FakeUtilities(ctx),
    Logger: new FakeLogger(ctx),
    ScriptApp: new FakeScriptApp(ctx),
    Sheets: new FakeSheetsService(ctx),
  };
  const globals: FakeGlobals = {
    SpreadsheetApp: asReal_(services.SpreadsheetApp),
    LockService: asReal_(services.LockService),
    PropertiesService: asReal_(services.PropertiesService),
    Session: asReal_(services.Session),
    HtmlService: asReal_(services.HtmlService),
    MailApp: asReal_(services.MailApp),
    Utilities: asReal_(services.Utilities),
    Logger: asReal_(services.Logger),
    ScriptApp: asReal_(services.ScriptApp),
    Sheets: asReal_(services.Sheets),
  };
  const execution: FakeExecution = {
    id: ctx.id,
    user: ctx.activeUser,
    startedAt,
    globals,
    services,
    ui: ctx.ui,
    logs: ctx.logs,
    spreadsheet: new FakeSpreadsheet(ctx),
    end: () => {
      releaseLocksOf(ctx);
      const late = book.ledger.takeLateError(ctx.id);
      if (late) throw late;
    },
  };
  executionContexts_.set(execution, { ctx, startedAt });
  return execution;
}

/**
 * Creates a fake workbook: one spreadsheet (default one sheet "Sheet1", 1000 × 26), its script
 * project (properties, locks, HTML files, mail quota) and a call ledger.
 * @param options owner, editors, name, time zone, sheet names, HTML files, mail quota
 */
export function createFakeWorkbook(options: WorkbookOptions = {}): FakeWorkbook {
  const book = new WorkbookModel(options);
  const setupUser = book.owner ?? book.editors[0];
  if (setupUser === undefined) throw new Error('createFakeWorkbook: a workbook without an owner needs an editor.');
  const setup = execution_(book, { user: setupUser });
  return workbookOf_(book, setup);
}

/**
 * The workbook handed out for a model.
 * @param book the model
 * @param setup the execution behind `spreadsheet` (the owner's view)
 */
function workbookOf_(book: WorkbookModel, setup: FakeExecution): FakeWorkbook {
  const workbook: FakeWorkbook = {
    spreadsheet: setup.spreadsheet,
    ledger: book.ledger,
    sentMails: book.sentMails,
    clock: book.clock,
    createExecution: (execOptions) => execution_(book, execOptions),
    setMailQuota: (recipients, user) => {
      if (user !== undefined) {
        book.mailRemaining.set(user, recipients);
        // "reset 24 hours after the first request": the window is taken to open now.
        if (!book.mailWindowStart.has(user)) book.mailWindowStart.set(user, book.clock.now());
      } else {
        book.mailQuota = recipients;
        book.mailRemaining.clear();
      }
    },
    runDueTriggers: (until, triggerOptions) =>
      runDueTriggers(book, until, triggerOptions, (user, timeLimitMs) => execution_(book, { user, timeLimitMs })),
    contentVersion: (sheetId) => book.sheets.find((s) => s.id === sheetId)?.contentVersion ?? null,
  };
  workbookModels_.set(workbook, { book, setup: contextOf_(setup).ctx });
  return workbook;
}

function contextOf_(run: FakeExecution): { ctx: ExecutionContext; startedAt: number } {
  const found = executionContexts_.get(run);
  if (!found) throw new Error('snapshotWorkbook: not an execution of a fake workbook');
  return found;
}

/** A workbook and executions of it, copied at one moment (snapshotWorkbook). */
export interface WorkbookSnapshot {
  /**
   * A new, independent workbook as it was when the snapshot was taken, with the executions given
   * to snapshotWorkbook restored over it (same ids, users, locks and UI logs), in that order.
   * Custom functions are not copied: register the copy's own (`spreadsheet.setFunctions`).
   */
  restore(): { book: FakeWorkbook; runs: FakeExecution[] };
}

/**
 * Fake-only: snapshots a workbook and some of its executions (snapshot.ts), so that the same
 * starting state can be restored many times without rebuilding it.
 * @param workbook the workbook
 * @param runs executions to restore with it
 */
export function snapshotWorkbook(workbook: FakeWorkbook, runs: readonly FakeExecution[]): WorkbookSnapshot {
  const backing = workbookModels_.get(workbook);
  if (!backing) throw new Error('snapshotWorkbook: not a fake workbook');
  const started = runs.map((run) => contextOf_(run));
  const snapshot = snapshotModel(backing.book, [backing.setup, ...started.map((s) => s.ctx)]);
  return {
    restore: () => {
      const { book, contexts } = snapshot.restore();
      const [setup, ...others] = contexts;
      const copy = workbookOf_(book, executionOf_(book, setup, book.clock.now()));
      return { book: copy, runs: others.map((ctx, i) => executionOf_(book, ctx, started[i].startedAt)) };
    },
  };
}
