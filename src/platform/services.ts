/**
 * The only place that names Apps Script's global services. Everything else receives the
 * objects it works on, so the rules stay pure and tests can hand in the in-memory stand-in.
 */

import { OfficerError } from '../kernel/officerError';
import { isWellFormed, sha256Hex } from '../kernel/sha256';
import { bookIdOf, forgetNames } from './sheetName';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where set-up keeps the workbook's id for the web app (script properties). */
const WORKBOOK_ID_KEY = 'otop.workbookId';

/**
 * The workbook this script is bound to. Run as the web app (the mobile page) a bound script has
 * no active spreadsheet ("When a bound script is run as a web app or via the Apps Script API,
 * these methods are not available", Apps Script guide, container-bound scripts): it opens the
 * workbook by the id set-up kept (rememberWorkbook). openById needs the `spreadsheets` scope,
 * not `spreadsheets.currentonly` (docs/mobile.md).
 */
export function activeSpreadsheet(): Spreadsheet {
  const active = SpreadsheetApp.getActive();
  if (active) return active;
  const id = PropertiesService.getScriptProperties().getProperty(WORKBOOK_ID_KEY);
  if (!id) {
    throw OfficerError.input(
      'หน้าเว็บยังไม่รู้ว่าสมุดงานใด: ให้เจ้าหน้าที่จังหวัดเปิดสมุดงานแล้วกด OTOP → "ตั้งค่า / ซ่อมแซมสมุดงาน" หนึ่งครั้ง แล้วเปิดหน้านี้ใหม่',
    );
  }
  return SpreadsheetApp.openById(id);
}

/**
 * Keeps the workbook's id for the web app (at set-up; the id never changes, so only a change is
 * written).
 * @param ss the workbook
 */
export function rememberWorkbook(ss: Spreadsheet): void {
  const store = PropertiesService.getScriptProperties();
  const id = bookIdOf(ss);
  if (store.getProperty(WORKBOOK_ID_KEY) !== id) store.setProperty(WORKBOOK_ID_KEY, id);
}

/** The spreadsheet UI (menus, alerts, sidebar). */
function ui_(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/**
 * Adds a menu to the spreadsheet's menu bar.
 * @param title the menu's title
 * @param items its items: label and the top-level function each calls
 */
export function addMenu(title: string, items: readonly (readonly [label: string, fn: string])[]): void {
  const menu = ui_().createMenu(title);
  for (const [label, fn] of items) menu.addItem(label, fn);
  menu.addToUi();
}

/**
 * Shows an alert with an OK button (throws where there is no spreadsheet UI: the editor's Run).
 * @param title its title
 * @param text its text
 */
export function alertOk(title: string, text: string): void {
  const ui = ui_();
  ui.alert(title, text, ui.ButtonSet.OK);
}

/**
 * Opens an HTML page of the project in the sidebar.
 * @param file the page's file name without .html
 * @param title the sidebar's title
 */
export function showSidebarPage(file: string, title: string): void {
  ui_().showSidebar(htmlPage(file).setTitle(title));
}

// Asked once per execution: neither the bound workbook's owner nor the account the run is made
// as changes during it. Set-up asked for both once per protected sheet (5 calls a sheet).
let owner_: string | undefined;
let effective_: string | undefined;

/**
 * Starts an execution's memory afresh (every top-level action calls it first): in Apps Script
 * each execution loads the project anew, but a test or the preview may run several actions in
 * one loaded bundle, and each must ask as a new execution would.
 */
export function startExecution(): void {
  owner_ = undefined;
  effective_ = undefined;
  documentProperties_ = undefined;
  forgetNames();
  for (const forget of forgetters_) forget();
}

/** What other modules keep for one execution (forgetEachExecution). */
const forgetters_: (() => void)[] = [];

/**
 * Has startExecution forget what a module keeps for one execution (the module registers at load:
 * this module cannot import its users).
 * @param forget empties the module's memory
 */
export function forgetEachExecution(forget: () => void): void {
  forgetters_.push(forget);
}

/**
 * The e-mail of the workbook's owner, lower case; "" when it has none (a shared drive's file:
 * Spreadsheet.getOwner() returns null there). Asked once per execution.
 * @param ss the workbook
 */
export function ownerEmail(ss: Spreadsheet): string {
  owner_ ??= ss.getOwner()?.getEmail().toLowerCase() ?? '';
  return owner_;
}

/**
 * The owner's e-mail as ownerEmail, from one of the workbook's sheets (its parent asked for only
 * when the owner is not known yet in this execution).
 * @param sheet a sheet of the workbook
 */
export function ownerEmailOf(
  sheet: GoogleAppsScript.Spreadsheet.Sheet | (() => GoogleAppsScript.Spreadsheet.Sheet),
): string {
  return owner_ ?? ownerEmail((typeof sheet === 'function' ? sheet() : sheet).getParent());
}

/**
 * The e-mails of the workbook's editors, lower case.
 * @param ss the workbook
 */
export function editorEmails(ss: Spreadsheet): string[] {
  return ss.getEditors().map((u) => u.getEmail().toLowerCase());
}

/**
 * The e-mail of the user running the script; "" when Google does not reveal it (a consumer
 * account outside the owner's domain: Session.getActiveUser() docs).
 */
export function activeUserEmail(): string {
  return (Session.getActiveUser().getEmail() || '').toLowerCase();
}

/** The script's time zone (its manifest's, appsscript.json), which may differ from the spreadsheet's. */
export function scriptTimeZone(): string {
  return Session.getScriptTimeZone();
}

/**
 * Writes a line to the execution log (the Apps Script editor's log and Executions page).
 * @param text the line
 */
export function logLine(text: string): void {
  Logger.log(text);
}

/**
 * The e-mail of the account the script runs as (its protections and edits are this user's).
 * Asked once per execution.
 */
export function effectiveUserEmail(): string {
  effective_ ??= (Session.getEffectiveUser().getEmail() || '').toLowerCase();
  return effective_;
}

/**
 * Takes the caller's e-mail for the account the run is made as, in an action an officer started
 * from the menu or the sidebar (set-up and the fiscal-year switch: never a trigger). There the
 * two are one account: "If the script is running under an installable trigger, this returns the
 * user who created the trigger ... In most other scenarios, this returns the same account as
 * getActiveUser()" (Session.getEffectiveUser reference), and the web app runs as the user
 * accessing it (appsscript.json). Saves asking Session for it (two calls); a hidden caller ('')
 * leaves it to be asked.
 * @param email the caller's e-mail (Session.getActiveUser's, or the effective user's when hidden)
 */
export function runAsCaller(email: string): void {
  if (email) effective_ ??= email.toLowerCase();
}

/**
 * Commits pending spreadsheet writes now. Apps Script caches writes and commits them at the
 * next read or at the end of the run, so a write Sheets rejects can fail later than the call
 * that made it ("Every time you do a read, we must first empty (commit) the write cache",
 * Apps Script blog "Optimizing Spreadsheet Operations"; SpreadsheetApp.flush reference:
 * "Applies all pending Spreadsheet changes").
 */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}

/** DeveloperMetadataVisibility.DOCUMENT: visible to any script of the document (see sheetMarkers.ts). */
export function documentVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
  return SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT;
}

/**
 * Applies Sheets API requests in one call (spreadsheets.batchUpdate: "validated before being
 * applied. If any request is not valid then the entire request will fail and nothing will be
 * applied ... applied together atomically", Sheets API reference). SpreadsheetApp's pending
 * writes are committed first: the API may not see cached writes (unconfirmed; the worse case).
 * @param ss the workbook
 * @param requests the requests (none: no call)
 */
export function applyRequests(ss: Spreadsheet, requests: GoogleAppsScript.Sheets.Schema.Request[]): void {
  if (requests.length === 0) return;
  flushWrites();
  sheetsApi().Spreadsheets.batchUpdate({ requests }, bookIdOf(ss));
}

/**
 * The Advanced Sheets service (the manifest enables it as `Sheets`, v4). Needs the
 * `spreadsheets` scope: the API knows no "current document only" (Sheets API reference,
 * spreadsheets/get, Authorization scopes). Custom functions never reach it.
 */
export function sheetsApi(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new Error('the Advanced Sheets service is not enabled (appsscript.json: enabledAdvancedServices Sheets v4)');
  }
  return Sheets;
}

let documentProperties_: GoogleAppsScript.Properties.Properties | undefined;

/**
 * The script's document properties (shared by every user of the workbook). The store object is
 * asked for once per execution; properties.ts reads it once per stretch (with or without the
 * locks) and writes through it.
 */
export function documentProperties(): GoogleAppsScript.Properties.Properties {
  documentProperties_ ??= PropertiesService.getDocumentProperties();
  return documentProperties_;
}

/** The script lock: one writing action at a time on this workbook (lock.ts). */
export function scriptLock(): GoogleAppsScript.Lock.Lock {
  return LockService.getScriptLock();
}

/** A conditional-format rule builder. */
export function newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
  return SpreadsheetApp.newConditionalFormatRule();
}

/** A data-validation builder. */
export function newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  return SpreadsheetApp.newDataValidation();
}

/** SpreadsheetApp.ProtectionType.SHEET. */
export function sheetProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
  return SpreadsheetApp.ProtectionType.SHEET;
}

/**
 * An HTML page of the project (the sidebar).
 * @param file the page's file name without .html
 */
export function htmlPage(file: string): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutputFromFile(file);
}

/**
 * How long Code.js's loader took to read the server part in this execution, the text's length,
 * which read gave it ('content': HtmlOutput.getContent; 'raw': HtmlTemplate.getRawContent, read
 * when the first read failed or its text was not the part built) and, when the first read
 * failed, its error, as the loader noted them on its global (scripts/build.mjs); null when it
 * did not (a server part loaded some other way). A second read's time could be a cache's, not
 * the one every server execution waits for.
 */
export function serverPartRead(): { ms: number; chars: number; via: 'content' | 'raw'; firstError?: string } | null {
  const loader = (
    globalThis as { otop_?: { serverRead_?: { ms: unknown; chars: unknown; via?: unknown; firstError?: unknown } } }
  ).otop_;
  const read = loader?.serverRead_;
  if (!read || typeof read.ms !== 'number' || typeof read.chars !== 'number') return null;
  const via = read.via === 'raw' ? 'raw' : 'content';
  return typeof read.firstError === 'string'
    ? { ms: read.ms, chars: read.chars, via, firstError: read.firstError }
    : { ms: read.ms, chars: read.chars, via };
}

/** Recipients the user may still e-mail today (MailApp quota). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/**
 * Sends one e-mail (MailApp: the script.send_mail scope, no Gmail access), with its
 * attachments ("attachments: BlobSource[] — an array of files to send with the email",
 * reference/mail/mail-app#sendEmail(Object)).
 * @param message recipient, subject, HTML body, its plain-text twin and the files
 */
export function sendMail(message: {
  to: string;
  subject: string;
  htmlBody: string;
  body: string;
  attachments?: GoogleAppsScript.Base.Blob[];
}): void {
  MailApp.sendEmail({
    to: message.to,
    subject: message.subject,
    htmlBody: message.htmlBody,
    body: message.body,
    name: 'OTOP KPI',
    ...(message.attachments && message.attachments.length > 0 ? { attachments: message.attachments } : {}),
  });
}

/**
 * A PDF made from an HTML page on Google's side, with no new scope: Utilities.newBlob
 * (https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(String,String,String))
 * and Blob.getAs — "For most blobs, 'application/pdf' is the only valid option"; conversions
 * count against a daily quota (https://developers.google.com/apps-script/reference/base/blob#getAs(String),
 * https://developers.google.com/apps-script/guides/services/quotas). Chosen over
 * Spreadsheet.getAs (the whole workbook: one sheet would need every other sheet hidden and shown
 * again, https://developers.google.com/apps-script/reference/base/blob-source) and over the
 * export URL through UrlFetchApp, which needs the script.external_request scope
 * (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app); README "PDF:
 * ways and costs". How faithfully Google's converter lays out CSS (page size, fonts) is
 * unconfirmed: the page is made to hold either way (features/reports/sheets/reportHtml.ts).
 * @param html the page
 * @param fileName the PDF's name without extension
 */
export function pdfFromHtml(html: string, fileName: string): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(html, 'text/html', `${fileName}.html`).getAs('application/pdf');
}

/** A new random id (Utilities.getUuid), telling one run from another. */
export function newRunId(): string {
  return Utilities.getUuid();
}

/**
 * The SHA-256 digest of a text (UTF-8) as hex, computed in the script (kernel/sha256.ts: no round
 * trip). A text with a lone surrogate, which has no UTF-8 form, is left to
 * Utilities.computeDigest so that its seal stays what earlier versions wrote; it returns signed
 * bytes (-128..127; Apps Script reference, Utilities.computeDigest).
 * @param text the text
 */
export function digestHex(text: string): string {
  if (isWellFormed(text)) return sha256Hex(text);
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/**
 * The installable triggers of this project that the user running the script created (Apps
 * Script reference, ScriptApp.getProjectTriggers: "associated with the current project and
 * current user"; another account's triggers are not listed). Needs the script.scriptapp scope.
 */
export function ownProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers();
}

/**
 * Creates a daily time-driven trigger that calls a top-level function near an hour of the day
 * in a time zone; it runs as the user creating it (guides/triggers/installable) "between the
 * hour and the next" (the time within the hour is Google's choice).
 * @param handler the top-level function's name
 * @param hour 0–23
 * @param timeZone an IANA zone, e.g. Asia/Bangkok
 */
export function createDailyTrigger(handler: string, hour: number, timeZone: string): GoogleAppsScript.Script.Trigger {
  return ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
}

/**
 * Removes one of the user's triggers.
 * @param trigger the trigger
 */
export function removeTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
  ScriptApp.deleteTrigger(trigger);
}
