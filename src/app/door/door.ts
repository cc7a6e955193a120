/**
 * The door to the workbook (issue 26): the operations a converted action needs, in the domain's
 * terms, and nothing of Apps Script. An action is given a Workbook; it reads through it and
 * opens it (`open`) to change anything: opening starts a transaction, whole or not at all, whose
 * operations register their own undo, so an action never holds an undo list. Two
 * implementations: Apps Script's (src/app/door/appsScriptDoor.ts over src/platform/door.ts),
 * making exactly the calls the actions made before, and the tests' in-memory one
 * (test/support/memoryDoor.ts); test/door/contract.test.ts shows they agree.
 */
import type { ReportRecord } from '../../features/reports/sheets/reportRecord';
import type { RecordKept } from '../../features/reports/sheets/reportRecords';
import type { ReportLayout } from '../../features/reports/sheets/reportSheets';
import type { ReportMark, SheetRole } from '../../features/setup/sheets/sheetMarkers';
import type { SubmissionsRead } from '../../features/submissions/store/submissionRecords';
import type { NewSubmission, SubmissionRecord } from '../../features/submissions/sheets/submissions';
import type { Day } from '../../kernel/civilDate';
import type { Settings } from '../../kernel/settings';
import type { LogRow } from '../auditLog';

/** A log row (when, who, what, detail, result…), for the actions that build their own. */
export type { LogRow };
import type { Caller } from '../roles';
import type { ReadOptions, WorkbookConfig, WorkbookRead } from '../workbookRead';

export type { ReadOptions } from '../workbookRead';
// — the fiscal-year switch
import type { CountedOperator } from '../../features/standing/sheets/standing';

/** A list sheet the add-on keeps (the problems list): made from its declaration on first use. */
export interface ListDeclaration {
  readonly role: SheetRole;
  /** Its name when made (a sheet of that name that is not the add-on's is left alone). */
  readonly name: string;
  /** Its columns' widths, px. */
  readonly widths: readonly number[];
}

/** A list sheet as found or made. */
export interface ListSheet {
  readonly name: string;
}

/** A problem of the records (the log, the submissions), with its sheet and row. */
export interface RecordProblem {
  readonly sheet: string;
  readonly row: number;
  readonly message: string;
}

/** An e-mail: its recipients, subject, HTML body and the body's plain-text twin. */
export interface Mail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/** A daily trigger: the top-level function it calls, and when (near that hour in that zone). */
export interface DailyTrigger {
  readonly handler: string;
  /** 0–23 */
  readonly hour: number;
  readonly timeZone: string;
}

/**
 * The board and the log as read in one go before a run's first write (readBoardAndLog), handed
 * back to the writes that follow so they need not ask the sheets again. What was read stays
 * behind the door: the names say which sheets were there (null: not made yet).
 */
export interface BoardAndLogRead {
  readonly board: string | null;
  readonly log: string | null;
}

/** A submission's record as appended: its sheet and its number (เลขที่). */
export interface SubmissionAppended {
  /** The record sheet's name (the log row names it). */
  readonly sheet: string;
  readonly seq: number;
}

/** What any side of the door reads: no transaction is needed. */
export interface WorkbookReads {
  /**
   * The configuration: the add-on's sheets, the settings, the criteria, the district table.
   * @param options what more to read in the same batch (see ReadOptions)
   */
  readConfig(options?: ReadOptions): WorkbookConfig;
  /**
   * The workbook: the configuration and every district's sheets and the baseline, read when
   * first used (readDistricts reads them all in one batch).
   * @param config the configuration, when already read
   */
  readWorkbook(config?: WorkbookConfig): WorkbookRead;
  /**
   * The workbook as it was in a fiscal year: a finished year's entries, baseline and settings
   * from the sheets kept for it (read when asked), else the book itself.
   * @param book the workbook as read now
   * @param fiscalYear BE fiscal year
   */
  readYear(book: WorkbookRead, fiscalYear: number): WorkbookRead;
  /**
   * Who calls, and their role by the settings.
   * @param settings the editors lists
   */
  caller(settings: Settings): Caller;
  /**
   * A value the add-on kept in the document (the fallback when there is none).
   * @param key the value's key
   * @param fallback what to return otherwise
   */
  kept<T>(key: string, fallback: T): T;
  /**
   * What is wrong with the log's records (Thai, with their row).
   * @param config the configuration as read
   */
  logProblems(config: WorkbookConfig): RecordProblem[];
  /**
   * The submissions' records and what is wrong with them.
   * @param config the configuration as read (with the submissions' values)
   */
  readSubmissions(config: WorkbookConfig): SubmissionsRead;
  /** The file's owner's e-mail, lower case ('' on a shared drive). */
  owner(): string;
  /** The e-mails of those who may edit the file, lower case, the owner among them. */
  editors(): string[];
  /**
   * The account the run is made as (a trigger's run: the account that made the trigger), lower
   * case; '' when Google hides it.
   */
  effectiveUser(): string;
  /**
   * How many daily triggers of the running account call a handler (another account's cannot
   * be seen).
   * @param handler the top-level function's name
   */
  dailyTriggers(handler: string): number;
  /**
   * The board and the log, read in one go before a run's first write.
   * @param config the configuration as read
   */
  readBoardAndLog(config: WorkbookConfig): BoardAndLogRead;
  // — reports and sending
  /**
   * One of the add-on's committed report sheets (a building one is none): its mark, its record
   * as read back (and whether its sheet still matches its seal), and its link; null when there is
   * none of that name.
   * @param config the configuration as read
   * @param sheetName the report's sheet
   */
  readReport(config: WorkbookConfig, sheetName: string): ReportRead | null;
  // — reports kept as records
  /**
   * What is wrong with the reports' record sheet (a row whose seal fails: Thai, with its row).
   * @param config the configuration as read (with the record sheet's values)
   */
  reportRecordProblems(config: WorkbookConfig): RecordProblem[];
}

/** The door opened: a transaction. Each change registers how to undo it. */
export interface Door extends WorkbookReads {
  /**
   * Keeps a value in the document.
   * @param key the value's key
   * @param value any JSON value
   */
  keep(key: string, value: unknown): void;
  /**
   * The list sheet of a role: found by its marker (finished when its making was stopped midway),
   * or made from its declaration (marked, widths, protected for who the settings name).
   * @param declaration the sheet's role, name and widths
   * @param config the configuration as read (the add-on's sheets; who may write it)
   */
  ensureList(declaration: ListDeclaration, config: WorkbookConfig): ListSheet;
  /**
   * Rewrites a list whole, from A1: its rows, then blank rows over what the previous list left,
   * the sheet sized to the longer of the two (and at least two rows).
   * @param list the list sheet
   * @param rows the rows (the header first), all of one width
   */
  rewriteList(list: ListSheet, rows: readonly (readonly unknown[])[]): void;
  /**
   * Appends rows to the log (made on first use).
   * @param config the configuration as read
   * @param rows the rows
   * @param read the log as read before this run's first write and not written since (then its
   *   rows are not asked again)
   * @return what officers should know, Thai
   */
  appendLog(config: WorkbookConfig, rows: readonly LogRow[], read?: BoardAndLogRead): string[];
  /**
   * Appends a submission's record, sealed and numbered after the highest number in use, the
   * record sheet made, marked and protected on first use (numbering on from the last when it
   * went missing); whole or not at all with the transaction. Its number is kept as being written
   * until the log row that names it is appended (appendLog finishes it).
   * @param config the configuration as read this execution, the record sheet not written since
   *   (its values are not asked again)
   * @param submission the submission
   * @return the record sheet's name and the record's number
   */
  appendSubmission(config: WorkbookConfig, submission: NewSubmission): SubmissionAppended;
  /**
   * Makes the running account's triggers of the handler exactly one daily trigger (earlier ones
   * removed first, so switching on twice never makes two).
   * @param trigger the handler and when it runs
   */
  installDailyTrigger(trigger: DailyTrigger): void;
  /**
   * Removes the running account's triggers of the handler.
   * @param trigger the handler and when it runs (to make them again on undo)
   * @return how many were removed
   */
  removeDailyTriggers(trigger: DailyTrigger): number;
  /**
   * Rebuilds the board from the submissions (made, marked and protected on first use); only
   * what differs is written.
   * @param config the configuration as read
   * @param records the submissions' records
   * @param today the day the board is about
   * @param read the board as read before this run's first write (readBoardAndLog)
   * @return true when anything on it changed
   */
  rebuildBoard(
    config: WorkbookConfig,
    records: readonly SubmissionRecord[],
    today: Day,
    read?: BoardAndLogRead,
  ): boolean;
  // — set-up
  /**
   * What set-up reads before writing: the add-on's sheets, the settings as typed and the
   * district table's names (a set-up within another action first commits that action's writes).
   * @param within inside another action that may have written already (the year switch)
   */
  readSetUp(within: boolean): SetUpRead;
  /**
   * Set-up's run is made as the caller: the protections it makes are theirs.
   * @param who the caller
   */
  runAs(who: Caller): void;
  /**
   * Starts set-up's run after its rights are checked: the records' seal secret kept, a run id
   * taken, and a killed report's leftovers healed (reports.ts healLeftovers).
   * @param now the current time
   * @param fiscalYear the settings' fiscal year
   * @return what was healed, Thai
   */
  beginSetUp(now: Date, fiscalYear: number): string[];
  /**
   * Every sheet of the add-on found, adopted or made from its declaration and brought in line
   * with it, writing only the cells that differ from its plan and keeping whatever was typed:
   * the settings (their defaults where blank, the data day at today), the criteria, the
   * district table and each district's sheets, the baseline, the dashboard, the board, the
   * submissions' record sheet; a blank sheet Google made with the file hidden.
   * @param now the current time
   * @param chosenYear the fiscal year chosen for a workbook whose settings name none
   */
  setUpSheets(now: Date, chosenYear?: number): SheetsSetUp;
  /**
   * Every sheet of the add-on under the protection the settings call for (the data day's cell
   * open to every officer).
   * @param settings the settings as set up
   * @param dataDayCell the data day's value cell ('' when none)
   */
  setRights(settings: Settings, dataDayCell: string): RightsSetUp;
  /**
   * Set-up's log rows (made on first use), marked with its run; with no row, a stopped run's
   * records are finished.
   * @param rows the rows
   * @param who the caller's e-mail, and when (for a stopped run's records)
   * @param when the time's text
   * @return what officers should know, Thai
   */
  logSetUp(rows: readonly LogRow[], who: string, when: string): string[];
  /** Set-up's last change: the sheets it made or finished are marked finished. */
  finishSetUp(): void;
  // — the mobile page's entries
  /**
   * The last row of an entry sheet (a district's activities or online) holding anything, as the
   * sheet holds it now (0 when none).
   * @param config the configuration as read this transaction (the sheet's mark)
   * @param sheet the entry sheet's name
   */
  lastEntryRow(config: WorkbookConfig, sheet: string): number;
  /**
   * Writes a new row of an entry sheet (the sheet grown when it has no such row), each cell as
   * Sheets keeps what is typed (text stays text); undone by clearing it.
   * @param config the configuration as read this transaction (the sheet's mark)
   * @param sheet the entry sheet's name
   * @param row the row's number, below the last holding anything
   * @param cells its cells from column A
   */
  appendEntryRow(config: WorkbookConfig, sheet: string, row: number, cells: readonly unknown[]): void;
  /**
   * Writes one cell of an entry sheet (text stays text); undone by writing back what it held.
   * @param config the configuration as read this transaction (the sheet's mark)
   * @param sheet the entry sheet's name
   * @param row the cell's row
   * @param column the cell's column
   * @param value the new value
   */
  writeEntryCell(config: WorkbookConfig, sheet: string, row: number, column: number, value: unknown): void;
  // — reports and sending
  /**
   * Heals what a killed run left (building sheets, two current reports of a period), then writes
   * a new report sheet rendered from its record and commits it: the earlier current one of its
   * period superseded and renamed; its mark keeps the log's length (its log row comes after) and
   * the sheet's seal (written with the mark: no call of its own). Its record is appended, sealed
   * and numbered, to the reports' record sheet (made, marked and protected on first use) in the
   * form's own batch, its number kept in the mark; it relies on the configuration read this
   * execution (the record sheet's values).
   * @param config the configuration as read (the add-on's sheets, the settings, the criteria)
   * @param report the report: its name, record, mark and the replacement time
   * @param now the current time (the healed reports' stamp)
   * @return the name it got, the name the earlier one was renamed to, what was healed (Thai)
   */
  writeReport(config: WorkbookConfig, report: NewReportSheet, now: Date): ReportWritten;
  /**
   * Writes a report's sent status into its sheet and its mark.
   * @param report the report as read (or as returned by an earlier markSent)
   * @param sent the sendings so far
   * @param text the status text, Thai
   * @return the report with its new mark
   */
  markSent(report: ReportRead, sent: NonNullable<ReportMark['sent']>, text: string): ReportRead;
  // — the fiscal-year switch
  /**
   * Deletes what a switch stopped before its commit left (nothing else): the year's copies still
   * pending and the blank sheet it had just made and not yet marked, so that the copies are made
   * again in order. Not undoable (a deleted sheet cannot come back); nothing when none is pending.
   * @param book the workbook as read
   * @param year the fiscal year being finished
   */
  dropStoppedCopies(book: WorkbookConfig, year: number): void;
  /**
   * Keeps a finished year's sheets as values: its district table, entry sheets, settings and
   * criteria copied into sheets marked as the year's archive (pending until the switch
   * finishes), its submissions (the rows of its duties, header first), and the next year's
   * baseline made (the old baseline's rows and the year's new operators, each with where it came
   * from, marked pending as the next year's); every copy protected as the province's. All are
   * read in one batch before anything is written.
   * @param book the workbook as read
   * @param year the finished fiscal year
   * @param records the submissions' records
   * @param added the operators counted new in the year
   * @return the next year's baseline
   */
  keepYearAsValues(
    book: WorkbookConfig,
    year: number,
    records: readonly SubmissionRecord[],
    added: readonly CountedOperator[],
  ): CarriedBaseline;
  /**
   * The switch's commit: the settings' fiscal year becomes the next (one cell).
   * @param book the workbook as read
   * @param next the new fiscal year
   */
  commitNextYear(book: WorkbookConfig, next: number): void;
  /**
   * Starts the new year's settings (its number already committed): the summary deadlines
   * proposed from the finished year's (from its kept settings; each round on the same weekday of
   * the same week of its month), the cut-off at the new year's end; the rest kept.
   * @param book the workbook as read after the commit
   * @param year the finished fiscal year
   * @return the proposed deadlines, Thai
   */
  startNewYearSettings(book: WorkbookConfig, year: number): string;
  /**
   * The next year's baseline made the baseline, the old one marked as the finished year's copy
   * (each step once).
   * @param book the workbook as read
   * @param year the finished fiscal year
   */
  swapBaseline(book: WorkbookConfig, year: number): void;
  /**
   * Empties the entry sheets' rows kept in the finished year's copies (headers kept; a row not
   * in the copy, or changed by an officer since it was read, stays: it is the new year's).
   * @param book the workbook as read
   * @param year the finished fiscal year
   */
  emptyEntries(book: WorkbookConfig, year: number): void;
  /**
   * Names the finished year's reports with their year and marks them with it.
   * @param book the workbook as read
   * @param year the finished fiscal year
   * @return how many were renamed
   */
  nameReportsWithYear(book: WorkbookConfig, year: number): number;
  /**
   * The switch's last change: every copy still pending marked finished, in one go (a switch
   * stopped before it is finished by the next).
   * @param book the workbook as read
   */
  finishYearCopies(book: WorkbookConfig): void;
}

/**
 * What a transaction writes: the sheets (the default; its last step commits their pending
 * writes, so one Sheets rejects late is undone too), or kept values only (written at once:
 * nothing to commit, and the commit's call is saved).
 */
export type Writes = 'sheets' | 'kept';

/** The workbook, closed: reads, what no transaction can undo, and opening. */
export interface Workbook extends WorkbookReads {
  /**
   * Opens the door: runs `work` as one transaction, whole or not at all (a failure undoes its
   * changes, newest first, before the error goes on).
   * @param work what to do through the door
   * @param writes what it writes ('kept': kept values only)
   */
  open<T>(work: (door: Door) => T, writes?: Writes): T;
  /**
   * How many more recipients the running account may e-mail today (the quota counts
   * recipients, not e-mails).
   */
  mailQuota(): number;
  /**
   * Sends one e-mail from the running account. Outside any transaction: a sent e-mail cannot
   * be taken back.
   * @param mail the recipients, subject and bodies
   */
  sendMail(mail: Mail): void;
  /**
   * Keeps the settings' data day at today, in its own transaction, when it holds another day
   * and the caller is named (a failure leaves it: the next action tries again).
   * @param config the configuration as read
   * @param today today
   * @param who the caller (only a named officer writes)
   * @return the configuration with today's data day (the same object when nothing was written)
   */
  keepDataDay(config: WorkbookConfig, today: Day, who: Pick<Caller, 'role'>): WorkbookConfig;
  // — reports and sending
  /**
   * A PDF of an HTML page (made before anything is recorded: a conversion that fails leaves
   * nothing to undo).
   * @param html the page
   * @param name the file's name, without .pdf
   */
  pdf(html: string, name: string): Pdf;
  /**
   * Sends one e-mail with a PDF attached, from the running account; outside any transaction.
   * @param mail the recipients, subject and bodies
   * @param pdf the attachment
   */
  sendMailWithPdf(mail: Mail, pdf: Pdf): void;
}

// — reports and sending
/** A committed report sheet as read: its name, mark, record (and the layout it was read with), seal, link. */
export interface ReportRead {
  readonly name: string;
  readonly mark: ReportMark;
  readonly record: ReportRecord;
  readonly layout: ReportLayout;
  /** true: the sheet is as made; false: changed by hand since; null: made before seals. */
  readonly sealed: boolean | null;
  readonly link: string;
  // — reports kept as records
  /**
   * Where its record was read from: its sealed row in the reports' record sheet ('sealed'), its
   * sheet (made before records: 'none'), or its record's seal fails or the row is gone ('broken').
   */
  readonly kept: RecordKept;
}

/** A new report sheet: what writeReport writes. */
export interface NewReportSheet {
  /** The name it gets once committed (another when an officer's sheet has it). */
  readonly name: string;
  /** What it is: the sheet is rendered from it. */
  readonly record: ReportRecord;
  /** Its mark, with its identity (ref) and maker; the log's length and the seal are the door's. */
  readonly mark: Omit<ReportMark, 'state' | 'form' | 'logAt' | 'seal'>;
  /** The replacement time for the earlier report's new name, e.g. "24-11-69 21.30". */
  readonly stamp: string;
}

/** A report sheet as written. */
export interface ReportWritten {
  readonly name: string;
  /** The name the earlier report of its period was renamed to, or ''. */
  readonly renamed: string;
  /** What healing the leftovers of a killed run did, Thai, for the log. */
  readonly healed: string[];
}

/** A PDF made for an e-mail (what it holds stays behind the door). */
export interface Pdf {
  readonly name: string;
}

// — set-up
/** What set-up reads before it writes anything: the settings as typed and the districts' names. */
export interface SetUpRead {
  /** The settings sheet's values (or an unmarked sheet of its name; [] when there is none). */
  readonly settingsValues: readonly (readonly unknown[])[];
  /** The districts of the district table, else the province's (Nong Khai's) by default. */
  readonly names: readonly string[];
}

/** The settings as set-up wrote them. */
export interface SettingsSetUp {
  readonly settings: Settings;
  /** The year taken on a workbook whose settings named none ('' when they named one). */
  readonly yearText: string;
  /** What is wrong with the typed settings (Thai). */
  readonly problems: readonly string[];
  /** The data day's value cell (A1), which every officer may edit. */
  readonly dataDayCell: string;
}

/** What set-up's sheets came to: made, repaired, and what officers should know (Thai). */
export interface SheetsSetUp {
  readonly settings: SettingsSetUp;
  /** What is wrong with the criteria sheet (Thai; '' when nothing). */
  readonly criteriaProblem: string;
  /** The sheets made (a stopped set-up's among them), in the order made. */
  readonly created: readonly string[];
  /** The sheets repaired (not made by this run). */
  readonly repaired: readonly string[];
  readonly warnings: readonly string[];
}

/** A change of the sheets' rights, for the report and the log. */
export interface RightsSetUp {
  /** Each change of rights, Thai ("ให้สิทธิ์ …", "ถอนสิทธิ์ …", a sheet open with a warning). */
  readonly changes: readonly string[];
  /** The sheets whose protection changed (not made by this run, the log aside). */
  readonly repaired: readonly string[];
}

// — the fiscal-year switch
/** The next year's baseline as the switch made it. */
export interface CarriedBaseline {
  /** Its sheet's name. */
  readonly name: string;
  /** Its rows (the old baseline's and the year's new operators). */
  readonly rows: number;
  /** The old baseline's rows carried. */
  readonly old: number;
  /** The operators counted new in the finished year. */
  readonly added: number;
}

/** Set-up's steps, as the action takes them (set-up's door, or the year switch's: the same door). */
export type SetUpDoor = Pick<
  Door,
  | 'caller'
  | 'owner'
  | 'editors'
  | 'effectiveUser'
  | 'readSetUp'
  | 'runAs'
  | 'beginSetUp'
  | 'setUpSheets'
  | 'setRights'
  | 'logSetUp'
  | 'finishSetUp'
>;
