/**
 * Entry points of the in-memory Apps Script stand-in: a fake workbook, executions (simulated
 * users running the add-on, each with its own set of globals over the shared workbook), and the
 * fake-only helpers (dump, renderSheet, effectiveFormat).
 *
 * Typical use:
 *   const wb = createFakeWorkbook({ owner: 'owner@x.th', editors: ['a@x.th'] });
 *   const run = wb.createExecution({ user: 'a@x.th' });
 *   Object.assign(vmContext, run.globals);   // or globalThis
 */
import type { CallLedger } from './callLedger';
import { FakeHtmlService } from './htmlService';
import { FakeLockService, releaseLocksOf } from './lockService';
import { FakeLogger } from './logger';
import { FakeMailApp } from './mailApp';
import { WorkbookModel, type ExecutionContext, type SentMail, type WorkbookOptions } from './model';
import { FakePropertiesService } from './propertiesService';
import { FakeScriptApp } from './scriptApp';
import { FakeSession } from './session';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheetApp';
import { UiLog } from './ui';
import { FakeUtilities } from './utilities';

export { classifyCall, CallLedger, type CallKind, type LedgerSnapshot } from './callLedger';
export { dump, renderSheet, type WorkbookDump, type SheetDump, type CellDump, type RenderedCell } from './dump';
export { effectiveFormat, conditionHolds, type EffectiveFormat } from './effectiveFormat';
export { Button, ButtonSet, BooleanCriteria, DataValidationCriteria, ProtectionType } from './enums';
export { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './enums';
export { LOCK_TIMEOUT_MESSAGE } from './lockService';
export { MAIL_QUOTA_MESSAGE } from './mailApp';
export { NO_PERMISSION_MESSAGE, PROTECTED_CELL_MESSAGE } from './protection';
export { STORE_QUOTA_MESSAGE } from './propertiesService';
export { formatSimpleDate } from './dates';
export type { FunctionResolver, SentMail, WorkbookOptions } from './model';
export type { AlertRecord, MenuRecord, ShownHtml, ToastRecord, UiLog } from './ui';
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
}

/** Who runs an execution. */
export interface ExecutionOptions {
  /**
   * the user running it: their own rights apply (editors, protections). "" is an anonymous user
   * with no rights at all (every change is refused); to model a user whose address Google
   * withholds, give their address and `hideEmail: true`
   */
  user: string;
  /** Session.getActiveUser() and getEffectiveUser() return "" while `user`'s rights apply */
  hideEmail?: boolean;
  /** whose permissions apply; default `user` */
  effectiveUser?: string;
  /** Session.getActiveUserLocale(); default "th" */
  locale?: string;
  /** the sheet the user is looking at; default the first visible sheet */
  activeSheet?: string;
  /** names HTML templates can use besides their own properties (e.g. the vm context for include()) */
  scope?: object;
}

/** One simulated run of the add-on by one user. */
export interface FakeExecution {
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
  /** ends the execution: releases its locks */
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
  };
}

function execution_(book: WorkbookModel, options: ExecutionOptions): FakeExecution {
  const ctx = context_(book, options);
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
  };
  return {
    globals,
    services,
    ui: ctx.ui,
    logs: ctx.logs,
    spreadsheet: new FakeSpreadsheet(ctx),
    end: () => releaseLocksOf(ctx),
  };
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
  return {
    spreadsheet: setup.spreadsheet,
    ledger: book.ledger,
    sentMails: book.sentMails,
    createExecution: (execOptions) => execution_(book, execOptions),
    setMailQuota: (recipients, user) => {
      if (user !== undefined) {
        book.mailRemaining.set(user, recipients);
      } else {
        book.mailQuota = recipients;
        book.mailRemaining.clear();
      }
    },
  };
}
