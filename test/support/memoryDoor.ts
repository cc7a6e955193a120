/**
 * The door to the workbook in memory (src/app/door/door.ts), for typed unit tests of the
 * converted actions: the add-on's sheets as plain arrays with their marks, the kept values, the
 * caller's e-mail, the owner and editors, the daily triggers of each account, the mails sent and
 * the mail quota left. Reading goes through the same pure readers as Apps Script's door
 * (workbookRead.ts configOf and workbookOf, roles.ts callerOf, board.ts boardOf); opening it is
 * a transaction whose operations register their own undo, run newest first when the work
 * throws (a transaction of kept values only refuses to write a sheet). The submissions are a
 * record sheet of the layout's columns whose rows carry their seal state (`sealed`: a row the
 * door appends is sealed, a seed's row as the seed says; a row whose seal does not follow is
 * counted nowhere and reported as Apps Script's check words it), numbered after the highest
 * sealed number. The reports are sheets with their marks, written, superseded, healed and marked
 * sent as src/platform/reportSheet.ts does, sealed by the same pure seal (reportRecord.ts); a PDF
 * is its page, kept with the mail that attaches it. The reports' records are a record sheet of
 * their layout's columns, appended with each report (made on first use), each row's seal state
 * kept as the submissions' (a row `edit` changes by hand no longer follows its seal). Not modelled: the seals' digests, the records' kept state (a number being
 * written, finished by the log; a record sheet gone missing), the log's seals (its problems are
 * given), formulas' results, protections beyond who may edit, the board's notes and colour
 * rules, a mail service that fails. Set-up (readSetUp … finishSetUp) is modelled in less detail:
 * sheets found, adopted or made with their layout's header, widths and frozen rows, the settings
 * planned as Apps Script's, rights as editors or warning only; no formulas, notes, formats,
 * dropdowns, dashboard content, healed reports, stray sheets nor unfinished marks.
 * The fiscal-year switch (dropStoppedCopies … finishYearCopies) keeps the year's sheets as
 * copies of their values marked with the year (pending until finished) and protected as the
 * province's, carries the baseline (carriedBaseline.ts, as Apps Script's), moves the settings,
 * swaps the baseline, empties the entries kept in the copies, names the reports with their year;
 * not modelled: a row an officer changed between the switch's read and its write (kept by Apps
 * Script's writeBlockIfUnchanged), a blank tab taken for a copy (a new sheet is added), the
 * sheets' sizes, a switch killed midway (a stopped switch is seeded), and set-up's new-year
 * relabelling within it (its repairs are counted in less detail).
 * test/door/contract.test.ts runs the same cases on this door and on Apps Script's over the
 * stand-in.
 */
import type {
  DailyTrigger,
  Door,
  ListDeclaration,
  ListSheet,
  Mail,
  RecordProblem,
  Workbook,
  WorkbookReads,
  Writes,
} from '../../src/app/door/door';
// — set-up
import type { RightsSetUp, SetUpRead, SheetsSetUp } from '../../src/app/door/door';
import { channelNames } from '../../src/features/counting/rules/channels';
import { criteriaOrDefault } from '../../src/features/setup/rules/criteriaTable';
import { NONG_KHAI_DISTRICTS } from '../../src/features/setup/rules/districts';
import { CRITERIA_LAYOUT, channelTableOf, criteriaSheetRows } from '../../src/features/setup/sheets/criteriaSheet';
import { DISTRICT_COL, TOTAL_LABEL } from '../../src/features/setup/sheets/districtTable';
import { entrySheetName } from '../../src/features/setup/sheets/sheetNames';
import { type CellPlan, settingsPlan } from '../../src/features/setup/sheets/settingsPlan';
import {
  activitySheetSpec,
  baselineSheetSpec,
  districtSheetSpec,
  onlineSheetSpec,
  type SheetSpec,
} from '../../src/features/setup/sheets/sheetSpecs';
import { dayOfDate } from '../../src/kernel/civilDate';
import { readSettings, type Settings } from '../../src/kernel/settings';
import { yearLabel } from '../../src/kernel/yearLabels';
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { type Caller, callerOf } from '../../src/app/roles';
import { configOf, configRoles, sheetOfRef, workbookOf, type WorkbookConfig } from '../../src/app/workbookRead';
import { rightsOf } from '../../src/features/setup/sheets/rights';
import type { SheetMark, SheetRole } from '../../src/features/setup/sheets/sheetMarkers';
import { SHEET } from '../../src/features/setup/sheets/sheetNames';
import { yearBookOf } from '../../src/features/fiscalYears/store/yearBook';
import type { SubmissionsRead } from '../../src/features/submissions/store/submissionRecords';
import { boardOf } from '../../src/features/submissions/store/board';
import { BOARD } from '../../src/features/submissions/sheets/board';
import {
  type NewSubmission,
  readSubmissionRows,
  SUBMISSION_LAYOUT,
  type SubmissionRecord,
  submissionRow,
} from '../../src/features/submissions/sheets/submissions';
import type { Day } from '../../src/kernel/civilDate';
import { mapColumns } from '../../src/kernel/layout';
import { LABEL } from '../../src/kernel/settings';
import { cleanText } from '../../src/kernel/text';
import { beDateText } from '../../src/kernel/thaiDate';
import type { Block } from '../../src/platform/sheetIo';
import { type OwnSheet, Registry } from '../../src/platform/sheetRegistry';
// — reports and sending
import type { NewReportSheet, Pdf, ReadOptions, ReportRead, ReportWritten } from '../../src/app/door/door';
import { formGrid } from '../../src/features/reports/sheets/officialForm';
import { readRecord, reportSeal } from '../../src/features/reports/sheets/reportRecord';
import { LEGACY_CELLS, reportLayout, reportName } from '../../src/features/reports/sheets/reportSheets';
import {
  type ArchiveMark,
  type ReportMark,
  reportYear,
  sameReportPeriod,
} from '../../src/features/setup/sheets/sheetMarkers';
import { archiveName, isArchiveName } from '../../src/features/setup/sheets/sheetNames';
import { stampText } from '../../src/app/clock';
import { asCellText } from '../../src/kernel/cellText';
// — the fiscal-year switch
import type { CarriedBaseline } from '../../src/app/door/door';
import { carriedBaseline } from '../../src/features/fiscalYears/rules/carriedBaseline';
import type { CountedOperator } from '../../src/features/standing/sheets/standing';
import { fiscalYearBounds } from '../../src/kernel/fiscalYear';
import { profileOf } from '../../src/kernel/yearProfile';
import { OfficerError } from '../../src/kernel/officerError';
import { proposedRounds } from '../../src/kernel/settings';
import { formatThaiDate } from '../../src/kernel/thaiDate';
// — reports kept as records
import {
  type KeptRecords,
  keptRecords,
  REPORT_RECORD_LAYOUT,
  type RecordColumnsAt,
  reportAsKept,
  reportRecordCells,
} from '../../src/features/reports/sheets/reportRecords';

/** A sheet of the workbook in memory. */
export interface MemorySheet {
  readonly id: number;
  name: string;
  /** The add-on's mark (absent: an officer's own sheet). */
  role?: SheetRole;
  district?: string;
  /** Its values, row by row (the data range: no trailing blank rows needed). */
  values: unknown[][];
  /** Its formulas where it has some ('' elsewhere; absent: none). */
  formulas?: string[][];
  /** Its number of rows (at least its values'). */
  rows: number;
  frozenRows: number;
  widths: readonly number[];
  /** Who may edit it, when protected (null: not protected). */
  editors: readonly string[] | null;
  /** A record sheet's seal state: whether each data row's seal follows (absent: none does). */
  sealed?: boolean[];
  // — set-up
  /** Protected with a warning only (everyone may edit), when set-up protected it so. */
  warningOnly?: boolean;
  // — reports and sending
  /** A report sheet's mark. */
  // — the fiscal-year switch
  /** A finished year's copy: its year and origin (role 'archive'). */
  archive?: ArchiveMark;
  /** A report's identity and state (role 'report'). */
  report?: ReportMark;
}

/** A daily trigger of an account. */
export interface MemoryTrigger extends DailyTrigger {
  readonly id: number;
  /** The account that made it (the only one that sees it, and the one it runs as). */
  readonly account: string;
}

/** A workbook in memory as a test builds it. */
export interface MemorySeed {
  /** The owner's e-mail ('' for a shared drive). */
  readonly owner: string;
  /** The caller's e-mail ('' when Google hides it); the run is made as that account too. */
  readonly user: string;
  /** Who else may edit the file (besides the owner). */
  readonly editors?: readonly string[];
  /** How many recipients may still be e-mailed today (100 unless told). */
  readonly mailQuota?: number;
  readonly sheets: readonly Omit<MemorySheet, 'id' | 'rows' | 'frozenRows' | 'widths' | 'editors'>[];
  /** Kept values (document properties) by key. */
  readonly kept?: Record<string, unknown>;
  /** What the records' seals would find wrong (the in-memory door does not seal). */
  readonly logProblems?: readonly RecordProblem[];
}

/** What the in-memory workbook holds that a transaction may change. */
export interface MemoryState {
  readonly sheets: MemorySheet[];
  readonly kept: Record<string, unknown>;
  triggers: MemoryTrigger[];
}

/** Everything the in-memory workbook holds, for a test to compare before and after. */
export interface MemorySnapshot extends MemoryState {
  /** The mails sent, oldest first (no transaction takes one back). */
  readonly mails: MemoryMail[];
  readonly mailQuota: number;
}

// — reports and sending
/** A mail as sent in memory: with its attachments' names and pages, when it had some. */
export interface MemoryMail extends Mail {
  readonly attachments?: readonly { readonly name: string; readonly html: string }[];
}

/** The in-memory workbook's address (a report's link is it and the sheet's id). */
const MEMORY_URL = 'https://docs.google.com/spreadsheets/d/memory/edit';

/** What the in-memory door writes in a seal's cell (it computes no digest: `sealed` holds the state). */
const MEMORY_SEAL = 'sealed';

/** A deep copy of JSON-like data (the workbook holds only such). */
function copy_<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The workbook in memory, behind the door. */
export class MemoryWorkbook implements Workbook {
  private state_: MemoryState;
  private nextId_ = 1000;
  private user_: string;
  private readonly mails_: MemoryMail[] = [];
  private quota_: number;
  /** The pages behind the PDFs made (reports and sending). */
  private readonly pages_ = new WeakMap<Pdf, string>();
  /** How many transactions were opened, and how many were undone. */
  readonly transactions = { opened: 0, undone: 0 };

  /**
   * @param seed the workbook's sheets, kept values and people
   */
  constructor(private readonly seed: MemorySeed) {
    this.user_ = seed.user;
    this.quota_ = seed.mailQuota ?? 100;
    this.state_ = {
      sheets: seed.sheets.map((s, i) => ({
        ...copy_(s),
        id: i + 1,
        rows: Math.max(s.values.length, 1),
        frozenRows: s.role ? 1 : 0,
        widths: [],
        editors: null,
      })),
      kept: copy_(seed.kept ?? {}),
      triggers: [],
    };
  }

  /** A copy of everything the workbook holds. */
  snapshot(): MemorySnapshot {
    return copy_({ ...this.state_, mails: this.mails_, mailQuota: this.quota_ });
  }

  /** The mails sent, oldest first (copies). */
  mails(): MemoryMail[] {
    return copy_(this.mails_);
  }

  /**
   * A new day's quota (or what is left today), as MailApp's resets.
   * @param recipients how many recipients may still be e-mailed
   */
  setMailQuota(recipients: number): void {
    this.quota_ = recipients;
  }

  /**
   * The next calls are another account's (a new execution by that user, or a trigger of theirs):
   * the caller and the account the run is made as.
   * @param user its e-mail ('' when Google hides it)
   */
  actAs(user: string): void {
    this.user_ = user;
  }

  /**
   * A sheet by name, as it is now (a copy), or undefined.
   * @param name the sheet's name
   */
  sheet(name: string): MemorySheet | undefined {
    const found = this.state_.sheets.find((s) => s.name === name);
    return found ? copy_(found) : undefined;
  }

  /**
   * Adds a sheet, as an officer or set-up would between two actions.
   * @param sheet its name, mark and values
   */
  addSheet(sheet: MemorySeed['sheets'][number]): void {
    const added = this.add_(sheet.name, sheet.role ?? 'problems', copy_(sheet.values));
    if (!sheet.role) delete added.role;
    if (sheet.district) added.district = sheet.district;
    added.frozenRows = sheet.role ? 1 : 0;
    // — the fiscal-year switch
    if (sheet.archive) added.archive = copy_(sheet.archive);
    if (sheet.report) added.report = copy_(sheet.report);
  }

  // — reports and sending
  /**
   * Types a value into one cell, as an officer does between two actions.
   * @param name the sheet's name
   * @param row 1-based
   * @param column 1-based
   * @param value the value
   */
  edit(name: string, row: number, column: number, value: unknown): void {
    const sheet = this.named_(name);
    this.cell_(sheet, row, column, value);
    // — reports kept as records: a sealed row changed by hand no longer follows its seal
    if (sheet.sealed && row >= 2 && sheet.sealed[row - 2]) sheet.sealed[row - 2] = false;
  }

  /** The registry the pure readers are given: the marked sheets, whose Sheet objects do not exist. */
  private registry_(): Registry {
    return new Registry(
      this.state_.sheets.flatMap((s): OwnSheet[] =>
        s.role
          ? [
              {
                mark: {
                  role: s.role,
                  sheetId: s.id,
                  ...(s.district ? { district: s.district } : {}),
                  ...(s.report ? { report: s.report } : {}),
                  // — the fiscal-year switch
                  ...(s.report ? { report: copy_(s.report) } : {}),
                  ...(s.archive ? { archive: copy_(s.archive) } : {}),
                },
                name: s.name,
                get sheet(): never {
                  throw new Error('the in-memory door has no Sheet objects');
                },
              },
            ]
          : [],
      ),
      this.state_.sheets.map((s) => ({ sheetId: s.id, title: s.name, hidden: false })),
    );
  }

  /** A sheet's values and formulas. */
  private block_(sheet: MemorySheet): Block {
    const values = copy_(sheet.values);
    const formulas = values.map((row, r) => row.map((_, c) => sheet.formulas?.[r]?.[c] ?? ''));
    return { values, formulas };
  }

  /** The reads, the same inside and outside a transaction. */
  private reads_(): WorkbookReads {
    const readConfig = (options: ReadOptions = {}): WorkbookConfig => {
      const registry = this.registry_();
      const blocks = new Map<number, Block>();
      // the sheets of the roles Apps Script's door reads with these options (the records only when asked)
      const roles = configRoles(options);
      for (const own of registry.sheets) {
        const sheet = this.state_.sheets.find((s) => s.id === own.mark.sheetId);
        if (sheet && roles.includes(own.mark.role)) blocks.set(sheet.id, this.block_(sheet));
      }
      return configOf(registry, blocks);
    };
    return {
      readConfig,
      readWorkbook: (config = readConfig()) =>
        workbookOf(config, (refs) =>
          refs.map((ref) => {
            const sheet = this.state_.sheets.find((s) => s.name === sheetOfRef(ref));
            return sheet ? this.block_(sheet) : { values: [], formulas: [] };
          }),
        ),
      caller: (settings) => callerOf(this.user_, this.seed.owner, settings),
      kept: <T>(key: string, fallback: T): T =>
        key in this.state_.kept ? copy_(this.state_.kept[key] as T) : fallback,
      logProblems: () => copy_([...(this.seed.logProblems ?? [])]),
      readYear: (book, fiscalYear) =>
        yearBookOf(book, fiscalYear, (own) => copy_(this.byId_(own.mark.sheetId)?.values ?? [])),
      readSubmissions: (config) => this.readSubmissions_(config),
      owner: () => this.seed.owner,
      editors: () => [...(this.seed.owner ? [this.seed.owner] : []), ...(this.seed.editors ?? [])],
      effectiveUser: () => this.user_,
      dailyTriggers: (handler) => this.ownTriggers_(handler).length,
      readBoardAndLog: (config) => ({
        board: config.registry.one('board')?.name ?? null,
        log: config.registry.one('log')?.name ?? null,
      }),
      // — reports and sending
      readReport: (config, sheetName) => {
        recordsAsked_(config);
        const own = config.registry.all('report').find((r) => r.name === String(sheetName));
        const mark = own?.mark.report;
        const sheet = this.byId_(own?.mark.sheetId);
        if (!own || !mark || !sheet || mark.state === 'building') return null;
        const { record, layout, sealed, kept } = reportAsKept(
          mark,
          readRecord(mark, copy_(sheet.values)),
          this.reportRecords_(config),
        );
        return {
          name: own.name,
          mark: copy_(mark),
          record: copy_(record),
          layout,
          sealed,
          link: `${MEMORY_URL}#gid=${sheet.id}`,
          kept,
        };
      },
      // — reports kept as records
      reportRecordProblems: (config) => {
        recordsAsked_(config);
        return [...this.reportRecords_(config).problems];
      },
    };
  }

  /** A sheet by its id (the live object), or undefined. */
  private byId_(id: number | undefined): MemorySheet | undefined {
    return this.state_.sheets.find((s) => s.id === id);
  }

  /**
   * The submissions as read: the rows of the record sheet, each counted when its seal follows,
   * the rows whose seal does not follow reported in the words of Apps Script's check.
   */
  private readSubmissions_(config: WorkbookConfig): SubmissionsRead {
    const sheet = this.byId_(config.registry.one('submissions')?.mark.sheetId);
    if (!sheet) return { records: [], problems: [] };
    const seqAt = mapColumns(SUBMISSION_LAYOUT, sheet.values[0] ?? []).index.seq;
    const checked = sheet.values.slice(1).map((line, i) => {
      const trusted = sheet.sealed?.[i] === true;
      return { row: i + 2, trusted, number: trusted ? Number(line[seqAt]) : null };
    });
    const records = readSubmissionRows(sheet.values, checked) ?? [];
    const problems = checked
      .filter((c) => !c.trusted)
      .map((c) => ({
        sheet: sheet.name,
        row: c.row,
        message: `ชีต "${sheet.name}" แถวที่ ${c.row} ไม่ตรงกับรหัสตรวจสอบ: ถูกแก้ไข พิมพ์เพิ่ม หรือวางด้วยมือ (ดูประวัติการแก้ไขของไฟล์: ไฟล์ → ประวัติเวอร์ชัน) ส่วนเสริมไม่นับแถวนี้`,
      }));
    return { records, problems };
  }

  // — reports kept as records
  /**
   * The reports' records as read: each row of the record sheet counted when its seal follows,
   * a row whose seal does not follow reported in the words of Apps Script's check.
   */
  private reportRecords_(config: WorkbookConfig): KeptRecords {
    const sheet = this.byId_(config.registry.one('reportRecords')?.mark.sheetId);
    if (!sheet) return { kept: new Map(), broken: new Set(), problems: [] };
    const columns = recordColumnsAt_(sheet.values[0] ?? []);
    const rows = sheet.values.slice(1).map((line, i) => {
      const trusted = sheet.sealed?.[i] === true;
      return {
        row: i + 2,
        trusted,
        number: trusted ? Number(line[columns.number]) : null,
        blank: lastRow_([line]) === 0,
      };
    });
    const problems = rows
      .filter((r) => !r.trusted && !r.blank)
      .map((r) => ({
        row: r.row,
        message: `ชีต "${sheet.name}" แถวที่ ${r.row} ไม่ตรงกับรหัสตรวจสอบ: ถูกแก้ไข พิมพ์เพิ่ม หรือวางด้วยมือ (ดูประวัติการแก้ไขของไฟล์: ไฟล์ → ประวัติเวอร์ชัน) ส่วนเสริมไม่นับแถวนี้`,
      }));
    return keptRecords(sheet.name, copy_(sheet.values), rows, columns, problems);
  }

  /** The running account's triggers of a handler. */
  private ownTriggers_(handler: string): MemoryTrigger[] {
    return this.state_.triggers.filter((t) => t.account === this.user_ && t.handler === handler);
  }

  readConfig(options?: ReadOptions): WorkbookConfig {
    return this.reads_().readConfig(options);
  }

  readWorkbook(config?: WorkbookConfig) {
    return this.reads_().readWorkbook(config);
  }

  caller(settings: Parameters<WorkbookReads['caller']>[0]) {
    return this.reads_().caller(settings);
  }

  kept<T>(key: string, fallback: T): T {
    return this.reads_().kept(key, fallback);
  }

  logProblems(config: WorkbookConfig): RecordProblem[] {
    return this.reads_().logProblems(config);
  }

  readYear(book: Parameters<WorkbookReads['readYear']>[0], fiscalYear: number) {
    return this.reads_().readYear(book, fiscalYear);
  }

  readSubmissions(config: WorkbookConfig) {
    return this.reads_().readSubmissions(config);
  }

  owner(): string {
    return this.reads_().owner();
  }

  editors(): string[] {
    return this.reads_().editors();
  }

  effectiveUser(): string {
    return this.reads_().effectiveUser();
  }

  dailyTriggers(handler: string): number {
    return this.reads_().dailyTriggers(handler);
  }

  readBoardAndLog(config: WorkbookConfig) {
    return this.reads_().readBoardAndLog(config);
  }

  // — reports and sending
  readReport(config: WorkbookConfig, sheetName: string): ReportRead | null {
    return this.reads_().readReport(config, sheetName);
  }

  // — reports kept as records
  reportRecordProblems(config: WorkbookConfig): RecordProblem[] {
    return this.reads_().reportRecordProblems(config);
  }

  /**
   * A PDF of a page: its name, the page kept behind it for the mail that attaches it.
   * @param html the page
   * @param name the file's name without .pdf
   */
  pdf(html: string, name: string): Pdf {
    const pdf = { name: `${name}.pdf` };
    this.pages_.set(pdf, html);
    return pdf;
  }

  /**
   * Sends a mail with a PDF attached, as sendMail does (the same refusals).
   * @param mail the recipients, subject and bodies
   * @param pdf a PDF this workbook made
   */
  sendMailWithPdf(mail: Mail, pdf: Pdf): void {
    const html = this.pages_.get(pdf);
    if (html === undefined) throw new Error(`PDF "${pdf.name}" was not made through this door`);
    this.sendMail(mail);
    const sent = this.mails_.pop() as MemoryMail;
    this.mails_.push({ ...sent, attachments: [{ name: pdf.name, html }] });
  }

  mailQuota(): number {
    return this.quota_;
  }

  /**
   * Sends a mail: refused, as MailApp refuses it, without recipients or beyond the quota, which
   * counts recipients.
   * @param mail the recipients, subject and bodies
   */
  sendMail(mail: Mail): void {
    if (mail.to.length === 0) throw new Error('Failed to send email: no recipient');
    if (mail.to.length > this.quota_) throw new Error('Service invoked too many times for one day: email.');
    this.quota_ -= mail.to.length;
    this.mails_.push(copy_(mail));
  }

  /**
   * Keeps the settings' data day at today in its own transaction, as dataDay.ts keepDataDay does
   * (the same conditions; the configuration then read again).
   * @param config the configuration as read
   * @param today today
   * @param who the caller
   */
  keepDataDay(config: WorkbookConfig, today: Day, who: Pick<Caller, 'role'>): WorkbookConfig {
    const own = config.registry.one('settings');
    if (who.role === 'unknown' || own === null || config.settings.dataDay === today) return config;
    const row = config.settingsValues.findIndex((r) => cleanText(String(r[0] ?? '')) === LABEL.dataDay);
    if (row < 0) return config;
    this.transaction_((before) => {
      before();
      this.named_(own.name).values[row][1] = beDateText(today);
    });
    return this.readConfig();
  }

  /**
   * Opens the door: `work` runs as one transaction; each change registers its undo (the state
   * before it), run newest first when `work` throws.
   * @param work what to do through the door
   * @param writes 'kept': kept values only (a sheet's change then throws)
   */
  open<T>(work: (door: Door) => T, writes: Writes = 'sheets'): T {
    return this.transaction_((before) => work(this.door_(writes, before)));
  }

  /** A transaction: `work` is given how to register the state before a change. */
  private transaction_<T>(work: (before: () => void) => T): T {
    this.transactions.opened++;
    const undo: MemoryState[] = [];
    /** Registers the way back before a change. */
    const before = () => undo.push(copy_(this.state_));
    try {
      return work(before);
    } catch (error) {
      if (undo.length > 0) {
        this.state_ = undo[0];
        this.transactions.undone++;
      }
      throw error;
    }
  }

  /** The door of a transaction. */
  private door_(writes: Writes, before: () => void): Door {
    /** Registers the way back before a sheet's change, which a transaction of kept values refuses. */
    const beforeSheet = () => {
      if (writes === 'kept') throw new Error('a transaction of kept values only changed a sheet');
      before();
    };
    return {
      ...this.reads_(),
      keep: (key, value) => {
        before();
        this.state_.kept[key] = copy_(value);
      },
      ensureList: (declaration, config) => this.ensureList_(declaration, config, beforeSheet),
      rewriteList: (list, rows) => {
        beforeSheet();
        const sheet = this.named_(list.name);
        const last = lastRow_(sheet.values);
        const height = Math.max(rows.length, last);
        const blank = rows[0].map(() => '');
        sheet.values = Array.from({ length: height }, (_, r) => (rows[r] ?? blank).map(stored_));
        sheet.formulas = undefined;
        sheet.rows = Math.max(height, 2);
      },
      appendLog: (config, rows) => {
        beforeSheet();
        let log = this.state_.sheets.find((s) => s.id === config.registry.one('log')?.mark.sheetId);
        if (!log) {
          log = this.add_(SHEET.log, 'log', [[...LOG_LAYOUT.headers]]);
          this.finish_(
            log,
            LOG_LAYOUT.columns.map((c) => c.width),
            config,
          );
        }
        const seal = LOG_LAYOUT.at.seal;
        for (const row of rows) {
          const line: unknown[] = LOG_LAYOUT.headers.map(() => '');
          row.slice(0, 5).forEach((v, i) => {
            line[i < seal ? i : i + 2] = v;
          });
          line[LOG_LAYOUT.at.ref] = row[5] ?? '';
          log.values.push(line);
        }
        log.rows = Math.max(log.rows, log.values.length);
        return [];
      },
      appendSubmission: (config, submission) => this.appendSubmission_(config, submission, beforeSheet),
      installDailyTrigger: (trigger) => {
        before();
        const others = this.state_.triggers.filter((t) => t.account !== this.user_ || t.handler !== trigger.handler);
        const made = { id: this.nextId_++, account: this.user_, ...trigger };
        this.state_.triggers = [...others, made];
      },
      removeDailyTriggers: (trigger) => {
        const own = this.ownTriggers_(trigger.handler);
        if (own.length === 0) return 0;
        before();
        this.state_.triggers = this.state_.triggers.filter((t) => !own.some((o) => o.id === t.id));
        return own.length;
      },
      rebuildBoard: (config, records, today) => this.rebuildBoard_(config, records, today, beforeSheet),
      // — set-up
      readSetUp: () => this.readSetUp_(),
      runAs: () => undefined,
      beginSetUp: () => [],
      setUpSheets: (now, chosenYear) => this.setUpSheets_(now, chosenYear, beforeSheet),
      setRights: (settings) => this.setRights_(settings, beforeSheet),
      logSetUp: (rows) => (rows.length > 0 ? this.door_(writes, before).appendLog(this.readConfig(), rows) : []),
      finishSetUp: () => undefined,
      // — the mobile page's entries
      lastEntryRow: (config, sheet) => lastRow_(this.entrySheet_(config, sheet).values),
      appendEntryRow: (config, sheet, row, cells) => {
        const entries = this.entrySheet_(config, sheet);
        beforeSheet();
        while (entries.values.length < row) entries.values.push([]);
        entries.values[row - 1] = cells.map(entryCell_);
        entries.rows = Math.max(entries.rows, row);
      },
      writeEntryCell: (config, sheet, row, column, value) => {
        const entries = this.entrySheet_(config, sheet);
        beforeSheet();
        while (entries.values.length < row) entries.values.push([]);
        const line = entries.values[row - 1];
        while (line.length < column) line.push('');
        line[column - 1] = entryCell_(value);
        if (entries.formulas?.[row - 1]?.[column - 1]) entries.formulas[row - 1][column - 1] = '';
        entries.rows = Math.max(entries.rows, row);
      },
      // — reports and sending
      writeReport: (config, report, now) => this.writeReport_(config, report, now, beforeSheet),
      markSent: (report, sent, text) => {
        beforeSheet();
        const sheet = this.named_(report.name);
        const mark = sheet.report as ReportMark;
        if (mark.form) {
          const [row, column] = reportLayout(mark.kind, mark.form, reportYear(mark)).sentCell;
          this.cell_(sheet, row, column, text);
        } else {
          const [row, column] = LEGACY_CELLS.status;
          this.cell_(sheet, row, column + 1, 'การส่ง');
          this.cell_(sheet, row, column + 2, text);
        }
        sheet.report = { ...mark, sent: copy_(sent) };
        return { ...report, mark: copy_(sheet.report) };
      },
      // — the fiscal-year switch
      dropStoppedCopies: (book, year) => this.dropStoppedCopies_(book, year),
      keepYearAsValues: (book, year, records, added) => this.keepYearAsValues_(book, year, records, added, beforeSheet),
      commitNextYear: (book, next) => this.commitNextYear_(book, next, beforeSheet),
      startNewYearSettings: (book, year) => this.startNewYearSettings_(book, year, beforeSheet),
      swapBaseline: (book, year) => this.swapBaseline_(book, year, beforeSheet),
      emptyEntries: (book, year) => this.emptyEntries_(book, year, beforeSheet),
      nameReportsWithYear: (book, year) => this.nameReportsWithYear_(book, year, beforeSheet),
      finishYearCopies: (book) => this.finishYearCopies_(book, beforeSheet),
    };
  }

  // — the mobile page's entries
  /** An entry sheet (a district's activities or online) of the configuration, by name (the live object). */
  private entrySheet_(config: WorkbookConfig, name: string): MemorySheet {
    const own = config.registry.sheets.find(
      (s) => s.name === name && (s.mark.role === 'activities' || s.mark.role === 'online'),
    );
    const sheet = this.byId_(own?.mark.sheetId);
    if (!sheet) throw new Error(`"${name}" is not an entry sheet of this workbook`);
    return sheet;
  }

  // — reports and sending
  /**
   * Heals a killed run's leftovers and writes a report as reportSheet.ts does: building sheets
   * deleted, the older of two current reports of a period superseded, the newest given its name;
   * then the new sheet (values as the sheet keeps them, the form's widths, rows and frozen header,
   * protected for who the settings name), committed, the earlier current one of its period
   * superseded (its status cell and name), and the report's name given when free.
   */
  private writeReport_(config: WorkbookConfig, report: NewReportSheet, now: Date, before: () => void): ReportWritten {
    recordsAsked_(config);
    before();
    const stamp = stampText(now);
    const healed = this.healReports_(config.settings.fiscalYear, stamp);
    const reports = () => this.state_.sheets.filter((s) => s.role === 'report' && s.report);
    const earlier = reports().filter((s) => s.report?.state === 'current' && sameReportPeriod(s.report, report.mark));
    const grid = formGrid(report.record.document);
    // — reports kept as records: the record sheet made on first use, before the report's sheet
    const records = this.reportRecordSheet_(config);
    const sheet = this.add_(this.freeName_(`${report.name} (กำลังสร้าง)`), 'report', []);
    sheet.values = grid.rows.map((row) => row.map((v) => stored_(asCellText(v))));
    sheet.rows = grid.rows.length;
    sheet.widths = [...grid.widths];
    sheet.frozenRows = grid.layout.tableHeader;
    sheet.editors = [...rightsOf({ role: 'report', sheetId: 0 }, report.name, config.settings).editors];
    const seal = reportSeal(report.mark.kind, grid);
    const record = this.appendReportRecord_(records, report);
    sheet.report = { ...report.mark, logAt: this.logLength_(), seal, record, form: grid.shape, state: 'current' };
    let renamed = '';
    for (const old of earlier) renamed = this.supersede_(old, report.stamp) || renamed;
    const name = this.state_.sheets.some((s) => s.name === report.name)
      ? this.freeName_(`${report.name} (OTOP)`)
      : report.name;
    sheet.name = name;
    return { name, renamed, healed };
  }

  // — reports kept as records
  /** The reports' record sheet: found, or made as reportRecordSheet.ts makes it (header, widths, protected). */
  private reportRecordSheet_(config: WorkbookConfig): MemorySheet {
    const found = this.byId_(config.registry.one('reportRecords')?.mark.sheetId);
    if (found) return found;
    const sheet = this.place_(SHEET.reportRecords, 'reportRecords');
    sheet.values = [[...REPORT_RECORD_LAYOUT.headers]];
    this.finish_(
      sheet,
      REPORT_RECORD_LAYOUT.columns.map((c) => c.width),
      config,
    );
    return sheet;
  }

  /** A report's record appended, numbered after the highest sealed number, sealed; its number. */
  private appendReportRecord_(records: MemorySheet, report: NewReportSheet): number {
    const columns = recordColumnsAt_(records.values[0]);
    const sealed = records.values.slice(1).map((_, i) => records.sealed?.[i] === true);
    // after the highest number in use, a row whose seal fails included (as reportRecordSheet.ts)
    const numbers = records.values.slice(1).map((line) => Number(line[columns.number]));
    const seq = Math.max(0, ...numbers.filter((n) => Number.isInteger(n))) + 1;
    const line: unknown[] = (records.values[0] as unknown[]).map(() => '');
    reportRecordCells(report.record, { sheet: report.name, ref: report.mark.ref ?? '' }).forEach((v, i) => {
      line[columns.fields[i]] = v;
    });
    line[columns.seal] = MEMORY_SEAL;
    line[columns.number] = seq;
    records.values.push(line);
    records.sealed = [...sealed, true];
    records.rows = Math.max(records.rows, records.values.length);
    return seq;
  }

  /** The leftovers of a killed run healed, as reportSheet.ts healReports does; what was done, Thai. */
  private healReports_(fiscalYear: number, stamp: string): string[] {
    const healed: string[] = [];
    for (const s of [...this.state_.sheets]) {
      if (s.role !== 'report' || s.report?.state !== 'building') continue;
      this.state_.sheets.splice(this.state_.sheets.indexOf(s), 1);
      healed.push(`ลบชีต "${s.name}" ที่สร้างค้างไว้ (การทำงานครั้งก่อนหยุดกลางคัน)`);
    }
    const groups = new Map<string, MemorySheet[]>();
    for (const s of this.state_.sheets) {
      const m = s.report;
      if (s.role !== 'report' || m?.state !== 'current') continue;
      const key = `${m.kind}|${m.period}|${m.provisional}|${reportYear(m)}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const group of groups.values()) {
      group.sort((a, b) => String(b.report?.made).localeCompare(String(a.report?.made)) || b.id - a.id);
      const [newest, ...older] = group;
      for (const old of older) {
        this.supersede_(old, stamp);
        healed.push(`ชีต "${old.name}" เป็นฉบับเก่า (การทำงานครั้งก่อนหยุดกลางคัน)`);
      }
      const mark = newest.report as ReportMark;
      const plain = reportName(mark);
      const name = reportYear(mark) === fiscalYear ? plain : archiveName(plain, reportYear(mark));
      if (newest.name !== name && !this.state_.sheets.some((s) => s.name === name)) {
        newest.name = name;
        healed.push(`ตั้งชื่อชีต "${name}" ให้ฉบับล่าสุด (การทำงานครั้งก่อนหยุดกลางคัน)`);
      }
    }
    return healed;
  }

  /** An earlier report superseded: its mark, its status cell and its name; its new name. */
  private supersede_(old: MemorySheet, stamp: string): string {
    const mark = old.report as ReportMark;
    old.report = { ...mark, state: 'superseded' };
    const [row, column] = mark.form
      ? reportLayout(mark.kind, mark.form, reportYear(mark)).statusCell
      : LEGACY_CELLS.status;
    this.cell_(old, row, column, `ฉบับเก่า แทนที่เมื่อ ${stamp}`);
    old.name = this.freeName_(`${old.name.replace(/ \(แทนที่ .*\)$/, '')} (แทนที่ ${stamp})`);
    return old.name;
  }

  /** Writes one cell (1-based), growing the values to reach it. */
  private cell_(sheet: MemorySheet, row: number, column: number, value: unknown): void {
    while (sheet.values.length < row) sheet.values.push([]);
    const line = sheet.values[row - 1];
    while (line.length < column) line.push('');
    line[column - 1] = stored_(asCellText(value));
  }

  /** The log's length as a report keeps it: its rows after the header. */
  private logLength_(): number {
    const log = this.state_.sheets.find((s) => s.role === 'log');
    return log ? Math.max(0, log.values.length - 1) : 0;
  }

  /**
   * A submission's record appended as submissionRecords.ts appends it: the record sheet made on
   * first use (marked, the layout's header and widths, protected for who the settings name),
   * the row numbered after the highest sealed number, and sealed.
   */
  private appendSubmission_(
    config: WorkbookConfig,
    submission: NewSubmission,
    before: () => void,
  ): { sheet: string; seq: number } {
    before();
    let sheet = this.byId_(config.registry.one('submissions')?.mark.sheetId);
    if (!sheet) {
      sheet = this.place_(SHEET.submissions, 'submissions');
      sheet.values = [[...SUBMISSION_LAYOUT.headers]];
      this.finish_(
        sheet,
        SUBMISSION_LAYOUT.columns.map((c) => c.width),
        config,
      );
    }
    const at = mapColumns(SUBMISSION_LAYOUT, sheet.values[0]).index;
    const sealed = sheet.values.slice(1).map((_, i) => sheet.sealed?.[i] === true);
    const seq = Math.max(0, ...sheet.values.slice(1).map((line, i) => (sealed[i] ? Number(line[at.seq]) : 0))) + 1;
    // the sealed cells in the layout's order, then the seal and the number in their columns
    const cells = submissionRow(submission);
    const line: unknown[] = (sheet.values[0] as unknown[]).map(() => '');
    SUBMISSION_LAYOUT.columns
      .filter((c) => c.key !== 'seal' && c.key !== 'seq')
      .forEach((c, i) => {
        line[at[c.key]] = cells[i];
      });
    line[at.seal] = MEMORY_SEAL;
    line[at.seq] = seq;
    sheet.values.push(line);
    sheet.sealed = [...sealed, true];
    sheet.rows = Math.max(sheet.rows, sheet.values.length);
    return { sheet: sheet.name, seq };
  }

  /** The board rebuilt from the records as board.ts does: its values written when any differs. */
  private rebuildBoard_(
    config: WorkbookConfig,
    records: readonly SubmissionRecord[],
    today: Day,
    before: () => void,
  ): boolean {
    const grid = boardOf(config.settings, config.districts, records, today);
    const found = this.state_.sheets.find((s) => s.id === config.registry.one('board')?.mark.sheetId);
    let sheet = found;
    if (!sheet) {
      before();
      sheet = this.place_(SHEET.board, 'board');
      sheet.editors = [...rightsOf({ role: 'board', sheetId: sheet.id }, sheet.name, config.settings).editors];
    }
    const current = found ? found.values : [];
    const height = Math.max(grid.rows.length, current.length);
    const width = Math.max(grid.width, current[0]?.length ?? 0);
    const planned = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => grid.rows[r]?.[c] ?? ''),
    );
    const same = planned.every((row, r) => row.every((v, c) => v === (current[r]?.[c] ?? '')));
    const frozen = sheet.frozenRows === BOARD.headerRow;
    if (same && frozen) return false;
    before();
    sheet.values = planned;
    sheet.rows = Math.max(sheet.rows, height);
    sheet.frozenRows = BOARD.headerRow;
    return true;
  }

  /** The list of a role: found (finished when unfinished) or made from its declaration. */
  private ensureList_(declaration: ListDeclaration, config: WorkbookConfig, before: () => void): ListSheet {
    const found = this.state_.sheets.find((s) => s.id === config.registry.one(declaration.role)?.mark.sheetId);
    if (found) {
      if (found.frozenRows !== 1) {
        before();
        this.finish_(found, declaration.widths, config);
      }
      return { name: found.name };
    }
    before();
    const sheet = this.place_(declaration.name, declaration.role);
    this.finish_(sheet, declaration.widths, config);
    return { name: sheet.name };
  }

  /**
   * A new sheet of a role, marked: the blank officer's sheet of its name, or one added under
   * that name, or a free name when an officer's sheet holding something has it.
   */
  private place_(name: string, role: SheetRole): MemorySheet {
    const taken = this.state_.sheets.find((s) => s.name === name);
    if (taken && !taken.role && taken.values.length === 0) {
      taken.role = role;
      return taken;
    }
    return this.add_(taken ? this.freeName_(`${name} (OTOP)`) : name, role, []);
  }

  /** A new marked sheet at the end. */
  private add_(name: string, role: SheetRole, values: unknown[][]): MemorySheet {
    const sheet: MemorySheet = {
      id: this.nextId_++,
      name,
      role,
      values,
      rows: 1000,
      frozenRows: 0,
      widths: [],
      editors: null,
    };
    this.state_.sheets.push(sheet);
    return sheet;
  }

  /** Widths, protection for who the settings name, and the frozen header last. */
  private finish_(sheet: MemorySheet, widths: readonly number[], config: WorkbookConfig): void {
    const mark: SheetMark = { role: sheet.role ?? 'problems', sheetId: sheet.id };
    sheet.widths = [...widths];
    sheet.editors = [...rightsOf(mark, sheet.name, config.settings).editors];
    sheet.frozenRows = 1;
  }

  /** A name not taken: the name, or the name with (2), (3), … */
  private freeName_(name: string): string {
    const taken = (n: string) => this.state_.sheets.some((s) => s.name === n);
    if (!taken(name)) return name;
    let i = 2;
    while (taken(`${name} (${i})`)) i++;
    return `${name} (${i})`;
  }

  /** A sheet by name (the live object). */
  private named_(name: string): MemorySheet {
    const sheet = this.state_.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet "${name}"`);
    return sheet;
  }

  // — set-up
  /** The sheets the set-up of the open transaction made or adopted, by id. */
  private readonly madeNow_ = new Set<number>();

  /** What set-up reads first: the settings' values and the district table's names (or Nong Khai's). */
  private readSetUp_(): SetUpRead {
    const settings = this.setUpSheet_('settings', SHEET.settings);
    const table = this.setUpSheet_('districts', SHEET.districts);
    const names = (table?.values ?? [])
      .slice(1)
      .map((row) => cleanText(String(row[DISTRICT_COL.name] ?? '')))
      .filter((name) => name !== '' && name !== TOTAL_LABEL);
    return {
      settingsValues: copy_(settings?.values ?? []),
      names: names.length > 0 ? names : NONG_KHAI_DISTRICTS.map((d) => d.name),
    };
  }

  /** The add-on's sheet of a role (and district), or an unmarked one of its name that set-up would adopt. */
  private setUpSheet_(role: SheetRole, name: string, district?: string): MemorySheet | undefined {
    return (
      this.state_.sheets.find((s) => s.role === role && (district === undefined || s.district === district)) ??
      this.state_.sheets.find((s) => !s.role && s.name === name)
    );
  }

  /**
   * Set-up's sheets as setUpSteps.ts sets them up, in less detail: each found, adopted (an
   * unmarked sheet of its name, counted as repaired) or made (its layout's header, frozen, its
   * widths); the settings planned as Apps Script's (settingsPlan.ts); the criteria's defaults on
   * a blank sheet; a new district table's districts with their figures; the board from the
   * records; the record sheet's header. Not modelled: the formulas, notes, formats, dropdowns,
   * the dashboard's content, a renamed sheet's warning, a blank sheet Google made.
   */
  private setUpSheets_(now: Date, chosenYear: number | undefined, before: () => void): SheetsSetUp {
    before();
    this.madeNow_.clear();
    const created: string[] = [];
    const repaired: string[] = [];
    const today = dayOfDate(now);
    const { names } = this.readSetUp_();
    const ensure = (role: SheetRole, name: string, widths: readonly number[], district?: string) => {
      const found = this.setUpSheet_(role, name, district);
      if (found?.role) return { sheet: found, made: false };
      if (found) {
        this.madeNow_.add(found.id);
        found.role = role;
        if (district) found.district = district;
        repaired.push(found.name);
        return { sheet: found, made: false };
      }
      const sheet = this.place_(name, role);
      this.madeNow_.add(sheet.id);
      if (district) sheet.district = district;
      sheet.widths = [...widths];
      sheet.frozenRows = 1;
      created.push(sheet.name);
      return { sheet, made: true };
    };
    const write = (sheet: MemorySheet, cells: CellPlan, made: boolean) => {
      let changed = false;
      for (const [r, row] of cells) {
        for (const [c, v] of row) {
          while (sheet.values.length < r) sheet.values.push([]);
          const line = sheet.values[r - 1];
          while (line.length < c) line.push('');
          const value = stored_(v);
          if (line[c - 1] !== value) changed = true;
          line[c - 1] = value;
        }
      }
      sheet.rows = Math.max(sheet.rows, sheet.values.length);
      if (changed && !made && !repaired.includes(sheet.name)) repaired.push(sheet.name);
    };
    // the settings
    const settingsSheet = ensure('settings', SHEET.settings, [260, 260, 420]);
    const plan = settingsPlan(settingsSheet.made ? [] : copy_(settingsSheet.sheet.values), names, today, chosenYear);
    write(settingsSheet.sheet, plan.planned, settingsSheet.made);
    if (plan.day) {
      for (const [r, row] of plan.day) for (const [c, v] of row) settingsSheet.sheet.values[r - 1][c - 1] = stored_(v);
    }
    settingsSheet.sheet.frozenRows = 1;
    const { settings, problems } = readSettings(plan.grid, names);
    // the criteria: its defaults on a blank sheet
    const criteriaSheet = ensure('criteria', SHEET.criteria, []);
    const tableEnd = CRITERIA_LAYOUT.table + CRITERIA_LAYOUT.tableRows - 1;
    const { measures } = profileOf(settings.fiscalYear);
    if (criteriaSheet.sheet.values.every((row) => row.every((v) => v === '' || v === null))) {
      criteriaSheet.sheet.values = copy_(criteriaSheetRows(criteriaOrDefault([], measures).criteria, measures)).map(
        (row) => row.map((v) => v ?? ''),
      );
      criteriaSheet.sheet.rows = Math.max(criteriaSheet.sheet.rows, criteriaSheet.sheet.values.length);
    }
    const criteria = criteriaOrDefault(criteriaSheet.sheet.values.slice(CRITERIA_LAYOUT.table - 1, tableEnd), measures);
    const channels = channelNames(channelTableOf(criteriaSheet.sheet.values).rows);
    // the district table and each district's sheets, laid out
    const year = settings.fiscalYear;
    const laidOut = (spec: SheetSpec, role: SheetRole, district?: string) => {
      const { sheet, made } = ensure(
        role,
        spec.name,
        spec.columns.map((c) => c.width),
        district,
      );
      if (made || sheet.values.length === 0) sheet.values = [[...spec.layout.headers]];
      // its widths and frozen rows stand for its layout: a sheet without them is repaired
      const widths = spec.columns.map((c) => c.width);
      const laid = sheet.frozenRows === spec.frozenRows && JSON.stringify(sheet.widths) === JSON.stringify(widths);
      if (!made && !laid && !repaired.includes(sheet.name)) repaired.push(sheet.name);
      sheet.widths = widths;
      sheet.frozenRows = spec.frozenRows;
      return { sheet, made };
    };
    const table = laidOut(districtSheetSpec(SHEET.districts, year), 'districts');
    if (table.sheet.values.length <= 1) {
      names.forEach((name, i) => {
        const row: unknown[] = table.sheet.values[0].map(() => '');
        const known = NONG_KHAI_DISTRICTS.find((d) => d.name === name);
        row[DISTRICT_COL.no] = i + 1;
        row[DISTRICT_COL.name] = name;
        if (known) {
          row[DISTRICT_COL.registered] = known.registered;
          row[DISTRICT_COL.promoted] = known.promoted;
        }
        table.sheet.values.push(row);
      });
    }
    for (const name of names) {
      laidOut(activitySheetSpec(entrySheetName('activities', name), name, year), 'activities', name);
      laidOut(onlineSheetSpec(entrySheetName('online', name), name, channels, year), 'online', name);
    }
    const baselineName = this.setUpSheet_('baseline', '')?.name ?? yearLabel(SHEET.baseline, year);
    laidOut(baselineSheetSpec(baselineName, names, year), 'baseline');
    ensure('dashboard', SHEET.dashboard, []);
    // the board, from the records
    const board = ensure('board', SHEET.board, []);
    const records = this.readSubmissions_(this.readConfig()).records;
    const grid = boardOf(settings, names, records, today);
    board.sheet.values = grid.rows.map((row) => [...row]);
    board.sheet.frozenRows = BOARD.headerRow;
    // the record sheet, before any submission
    const recordSheet = ensure(
      'submissions',
      SHEET.submissions,
      SUBMISSION_LAYOUT.columns.map((c) => c.width),
    );
    if (recordSheet.made) recordSheet.sheet.values = [[...SUBMISSION_LAYOUT.headers]];
    return {
      settings: { settings, yearText: plan.yearText, problems, dataDayCell: `B${plan.dataDayRow}` },
      criteriaProblem: criteria.problem,
      created,
      repaired,
      warnings: [],
    };
  }

  /**
   * Every marked sheet protected as the settings call for, the changes said as protections.ts
   * says them: a sheet protected now grants its editors (the caller and the owner are editors of
   * every protected sheet, unsaid); one protected before grants whom it lacked and revokes whom
   * the settings no longer name; a sheet switched to or from a warning only says so.
   */
  private setRights_(settings: Settings, before: () => void): RightsSetUp {
    before();
    const changes: string[] = [];
    const repaired: string[] = [];
    const always = [this.user_, this.seed.owner].filter(Boolean);
    for (const sheet of this.state_.sheets) {
      if (!sheet.role) continue;
      const rights = rightsOf(
        { role: sheet.role, sheetId: sheet.id, ...(sheet.district ? { district: sheet.district } : {}) },
        sheet.name,
        settings,
      );
      // protected now: made by this set-up, or there before without a protection (then every
      // editor of the file could edit it: those not wanted lose it, unsaid)
      const fresh = sheet.editors === null;
      const madeNow = fresh && this.madeNow_.has(sheet.id);
      const wasWarning = sheet.warningOnly === true;
      const wanted = rights.warningOnly ? [] : [...new Set([...rights.editors, ...always].map((e) => e.toLowerCase()))];
      const current =
        madeNow || wasWarning ? always : fresh ? this.editors() : [...new Set([...(sheet.editors ?? []), ...always])];
      const granted = rights.warningOnly ? [] : wanted.filter((e) => !current.includes(e));
      const revoked = rights.warningOnly || fresh ? [] : current.filter((e) => !wanted.includes(e));
      const changed = fresh || wasWarning !== rights.warningOnly || granted.length > 0 || revoked.length > 0;
      sheet.editors = rights.warningOnly ? [] : [...rights.editors];
      sheet.warningOnly = rights.warningOnly;
      if (!changed) continue;
      if (!fresh && sheet.role !== 'log') repaired.push(sheet.name);
      for (const e of granted) changes.push(`ให้สิทธิ์ ${e} แก้ไขชีต "${sheet.name}"`);
      for (const e of revoked) changes.push(`ถอนสิทธิ์ ${e} ไม่ให้แก้ไขชีต "${sheet.name}"`);
      if (!fresh && rights.warningOnly && !wasWarning) {
        changes.push(`ชีต "${sheet.name}" แก้ไขได้ทุกคน (มีคำเตือน) เพราะยังไม่ได้ระบุเจ้าหน้าที่`);
      }
      if (!fresh && !rights.warningOnly && wasWarning) {
        changes.push(`ชีต "${sheet.name}" แก้ไขได้เฉพาะผู้ที่ระบุในชีตตั้งค่า (เดิมทุกคนแก้ไขได้โดยมีคำเตือน)`);
      }
    }
    return { changes, repaired };
  }

  // — the fiscal-year switch
  /** What a stopped switch left: its pending copies and the blank unmarked sheets of the names it gives (not undone). */
  private dropStoppedCopies_(book: WorkbookConfig, year: number): void {
    const pending = new Set(
      book.registry
        .all('archive')
        .filter((a) => a.mark.archive?.pending)
        .map((a) => a.mark.sheetId),
    );
    if (pending.size === 0) return;
    const ours = new Set(book.registry.sheets.map((s) => s.name));
    const blank = (s: MemorySheet) => s.values.every((row) => row.every((v) => v === '' || v === null));
    const made = (s: MemorySheet) =>
      !s.role &&
      !ours.has(s.name) &&
      blank(s) &&
      (isArchiveName(s.name, year) || s.name === yearLabel(SHEET.baseline, year + 1));
    const left = this.state_.sheets.filter((s) => !pending.has(s.id) && !made(s));
    this.state_.sheets.splice(0, this.state_.sheets.length, ...left);
  }

  /**
   * The year's copies as values (the district table, entry sheets, settings, criteria, the
   * year's submissions), the next year's baseline (carriedBaseline.ts), each marked pending and
   * protected as the province's.
   */
  private keepYearAsValues_(
    book: WorkbookConfig,
    year: number,
    records: readonly SubmissionRecord[],
    added: readonly CountedOperator[],
    before: () => void,
  ): CarriedBaseline {
    before();
    const values = (own: OwnSheet) => copy_(this.byId_(own.mark.sheetId)?.values ?? []);
    const made: MemorySheet[] = [];
    const keep = (name: string, rows: unknown[][], of: SheetRole, fiscalYear: number, district?: string) => {
      const sheet = this.place_(name, 'archive');
      const width = Math.max(1, ...rows.map((r) => r.length));
      sheet.values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
      sheet.rows = Math.max(1, sheet.values.length);
      sheet.archive = { fiscalYear, of, pending: true };
      if (district) sheet.district = district;
      made.push(sheet);
      return sheet;
    };
    for (const role of ['districts', 'settings', 'criteria', 'activities', 'online'] as const) {
      for (const own of book.registry.all(role)) {
        keep(archiveName(own.name, year), values(own), role, year, own.mark.district);
      }
    }
    const submissions = book.registry.one('submissions');
    if (submissions) {
      const all = values(submissions);
      const rows = new Set(records.filter((r) => r.fiscalYear === year).map((r) => r.row));
      keep(
        archiveName(submissions.name, year),
        [all[0] ?? [], ...all.filter((_, i) => rows.has(i + 1))],
        'submissions',
        year,
      );
    }
    const old = book.registry.one('baseline');
    const carried = carriedBaseline(old ? { name: old.name, values: values(old) } : null, year, added);
    const baseline = keep(
      yearLabel(SHEET.baseline, year + 1),
      copy_(carried.rows) as unknown[][],
      'baseline',
      year + 1,
    );
    for (const sheet of made) {
      sheet.editors = [...rightsOf({ role: 'archive', sheetId: sheet.id }, sheet.name, book.settings).editors];
    }
    return { name: baseline.name, rows: carried.rows.length - 1, old: carried.old, added: carried.added };
  }

  /** The settings sheet of the configuration (the live object), or the switch's Thai refusal. */
  private settingsSheet_(book: WorkbookConfig): MemorySheet {
    const sheet = this.byId_(book.registry.one('settings')?.mark.sheetId);
    if (!sheet) throw OfficerError.input(`${NEW_YEAR}: ไม่พบชีตตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน`);
    return sheet;
  }

  /** A settings value written in its row's value cell (as the sheet keeps it). */
  private setSetting_(sheet: MemorySheet, row: number, value: unknown): void {
    const line = sheet.values[row];
    while (line.length < 2) line.push('');
    line[1] = stored_(value);
  }

  /** The commit: the settings' fiscal year becomes the next. */
  private commitNextYear_(book: WorkbookConfig, next: number, before: () => void): void {
    const sheet = this.settingsSheet_(book);
    const r = book.settingsValues.findIndex((row) => cleanText(String(row[0] ?? '')) === LABEL.fiscalYear);
    if (r < 0) throw OfficerError.input(`${NEW_YEAR}: ไม่พบแถว "${LABEL.fiscalYear}" ในชีตตั้งค่า`);
    before();
    this.setSetting_(sheet, r, next);
  }

  /** The new year's deadlines proposed from the finished year's kept settings, the cut-off at its end. */
  private startNewYearSettings_(book: WorkbookConfig, year: number, before: () => void): string {
    const sheet = this.settingsSheet_(book);
    const keptSettings = book.registry
      .all('archive')
      .find((a) => a.mark.archive?.fiscalYear === year && a.mark.archive?.of === 'settings');
    const previous = keptSettings
      ? readSettings(copy_(this.byId_(keptSettings.mark.sheetId)?.values ?? []), book.districts).settings.rounds
      : book.settings.rounds;
    const rounds = proposedRounds(previous, 1);
    const row = (label: string) => book.settingsValues.findIndex((r) => cleanText(String(r[0] ?? '')) === label);
    before();
    const set = (label: string, value: string) => {
      const r = row(label);
      if (r >= 0) this.setSetting_(sheet, r, asCellText(value));
    };
    rounds.forEach((day, i) => {
      set(LABEL.round(i + 1), beDateText(day));
    });
    set(LABEL.asOf, beDateText(fiscalYearBounds(year + 1).end));
    return rounds.map((d) => formatThaiDate(d, { form: 'short', digits: 'arabic' })).join(', ');
  }

  /** The next year's baseline made the baseline, the old one the finished year's copy. */
  private swapBaseline_(book: WorkbookConfig, year: number, before: () => void): void {
    const next = this.state_.sheets.find(
      (s) => s.role === 'archive' && s.archive?.fiscalYear === year + 1 && s.archive.of === 'baseline',
    );
    if (!next) return;
    before();
    const old = this.byId_(book.registry.one('baseline')?.mark.sheetId);
    if (old) {
      old.role = 'archive';
      old.archive = { fiscalYear: year, of: 'baseline' };
    }
    next.role = 'baseline';
    delete next.archive;
  }

  /** The entry sheets' rows kept in the finished year's copies emptied (every data row when it has none). */
  private emptyEntries_(book: WorkbookConfig, year: number, before: () => void): void {
    const copies = this.state_.sheets.filter((s) => s.role === 'archive' && s.archive?.fiscalYear === year);
    for (const role of ['activities', 'online'] as const) {
      for (const own of book.registry.all(role)) {
        const sheet = this.byId_(own.mark.sheetId);
        if (!sheet || sheet.values.length < 2) continue;
        const copy = copies.find((c) => c.archive?.of === role && c.district === own.mark.district);
        const width = sheet.values[0].length;
        const key = (r: readonly unknown[]) =>
          JSON.stringify(Array.from({ length: width }, (_, c) => String(asCellText(r[c] ?? ''))));
        const left = new Map<string, number>();
        for (const r of copy?.values.slice(1) ?? []) left.set(key(r), (left.get(key(r)) ?? 0) + 1);
        before();
        sheet.values = sheet.values.map((r, i) => {
          if (i === 0) return r;
          if (!copy) return r.map(() => '');
          const n = left.get(key(r)) ?? 0;
          if (n === 0) return r;
          left.set(key(r), n - 1);
          return r.map(() => '');
        });
      }
    }
  }

  /** The finished year's reports marked with it and named with it (when that name is free). */
  private nameReportsWithYear_(book: WorkbookConfig, year: number, before: () => void): number {
    let count = 0;
    for (const own of book.registry.all('report')) {
      const sheet = this.byId_(own.mark.sheetId);
      const m = sheet?.report;
      if (!sheet || !m || m.state === 'building' || reportYear(m) !== year) continue;
      before();
      if (m.fiscalYear !== year) sheet.report = { ...m, fiscalYear: year };
      const kept = archiveName(sheet.name, year);
      if (!isArchiveName(sheet.name, year) && !this.state_.sheets.some((s) => s.name === kept)) {
        sheet.name = kept;
        count++;
      }
    }
    return count;
  }

  /** Every copy still pending marked finished. */
  private finishYearCopies_(book: WorkbookConfig, before: () => void): void {
    const ids = new Set(book.registry.all('archive').map((a) => a.mark.sheetId));
    const pending = this.state_.sheets.filter((s) => ids.has(s.id) && s.archive?.pending);
    if (pending.length === 0) return;
    before();
    for (const sheet of pending) {
      const { pending: _done, ...rest } = sheet.archive ?? { fiscalYear: 0, of: 'archive' as const };
      sheet.archive = rest;
    }
  }
}

// — the fiscal-year switch
/** The switch's name in its refusals (newYear.ts). */
const NEW_YEAR = 'การเริ่มปีงบประมาณใหม่';

/** A written value as the sheet keeps it: a leading ' marks typed text and is not kept. */
function stored_(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

/** The last row holding a value (0 when none). */
function lastRow_(values: readonly (readonly unknown[])[]): number {
  for (let r = values.length; r > 0; r--) if (values[r - 1].some((v) => v !== '' && v !== null)) return r;
  return 0;
}

// — the mobile page's entries
/** A cell of an entry sheet as the in-memory door holds it: a date as its text dd/mm/yyyy (BE), as typed. */
function entryCell_(value: unknown): unknown {
  return value instanceof Date ? beDateText(dayOfDate(value)) : value;
}

// — reports kept as records
/** Where the reports' record sheet's columns are, from its header (a column it lacks: -1). */
function recordColumnsAt_(header: readonly unknown[]): RecordColumnsAt {
  const { index } = mapColumns(REPORT_RECORD_LAYOUT, header);
  const fields = REPORT_RECORD_LAYOUT.columns
    .filter((c) => c.key !== 'seal' && c.key !== 'seq')
    .map((c) => index[c.key]);
  return { fields, seal: index.seal, number: index.seq };
}

/**
 * Refuses a configuration read without the reports' records where they are used: Apps Script's
 * door would read them again (calls more), so an action that forgets to ask is a test's failure.
 * @param config the configuration as the action read it
 */
function recordsAsked_(config: WorkbookConfig): void {
  if (config.registry.one('reportRecords') && config.reportRecordsValues === null)
    throw new Error("the reports' records were not read with the configuration: readConfig({ reportRecords: true })");
}
