/**
 * The door to the workbook (issue 26): the operations a converted action needs, in the domain's
 * terms, and nothing of Apps Script. An action is given a Workbook; it reads through it and
 * opens it (`open`) to change anything: opening starts a transaction, whole or not at all, whose
 * operations register their own undo, so an action never holds an undo list. Two
 * implementations: Apps Script's (src/app/door/appsScriptDoor.ts over src/platform/door.ts),
 * making exactly the calls the actions made before, and the tests' in-memory one
 * (test/support/memoryDoor.ts); test/door/contract.test.ts shows they agree.
 */
import type { SheetRole } from '../../features/setup/sheets/sheetMarkers';
import type { SubmissionsRead } from '../../features/submissions/action/submissionRecords';
import type { Settings } from '../../kernel/settings';
import type { LogRow } from '../auditLog';
import type { Caller } from '../roles';
import type { WorkbookConfig, WorkbookRead } from '../workbookRead';

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

/** What any side of the door reads: no transaction is needed. */
export interface WorkbookReads {
  /** The configuration: the add-on's sheets, the settings, the criteria, the district table. */
  readConfig(): WorkbookConfig;
  /**
   * The workbook: the configuration and every district's sheets and the baseline, read when
   * first used (readDistricts reads them all in one batch).
   * @param config the configuration, when already read
   */
  readWorkbook(config?: WorkbookConfig): WorkbookRead;
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
   * @return what officers should know, Thai
   */
  appendLog(config: WorkbookConfig, rows: readonly LogRow[]): string[];
}

/** The workbook, closed: reads, and opening. */
export interface Workbook extends WorkbookReads {
  /**
   * Opens the door: runs `work` as one transaction, whole or not at all (a failure undoes its
   * changes, newest first, before the error goes on).
   * @param work what to do through the door
   */
  open<T>(work: (door: Door) => T): T;
}
