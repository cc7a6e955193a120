/**
 * The door to the workbook in Apps Script (src/app/door/door.ts): each operation is the
 * platform's or the actions' plumbing the actions called before the door, so the service calls
 * are the same, in the same order; opening it is `atomically` (src/platform/undo.ts), whose undo
 * list the operations close over. It sits in src/app, not src/platform, because some operations
 * are the actions' shared plumbing (the log, the configuration's reader), which the platform may
 * not import; what is the platform's own is src/platform/door.ts.
 */
import { keepDataDay } from '../../features/standing/store/dataDay';
import { readBoardAndLog, rebuildBoard } from '../../features/submissions/store/board';
import { yearBook } from '../../features/fiscalYears/store/yearBook';
import { appendSubmission, readSubmissions } from '../../features/submissions/store/submissionRecords';
import { submissionRow } from '../../features/submissions/sheets/submissions';
import { ensureListSheet, rewriteListSheet } from '../../platform/door';
import { keep, readKept } from '../../platform/properties';
import { editorEmails, effectiveUserEmail, ownerEmail, remainingMailQuota, sendMail } from '../../platform/services';
import type { OwnSheet } from '../../platform/sheetRegistry';
import type { Spreadsheet } from '../../platform/sheetIo';
import type { SheetState } from '../../platform/sheetState';
import { installDailyTrigger, ownTriggersOf, removeOwnTriggers } from '../../platform/triggers';
import { atomically } from '../../platform/undo';
import { appendLog, logProblems } from '../auditLog';
import { caller } from './session';
import { readConfig, readWorkbook } from './workbookFetch';
// — the mobile page's entries
import { a1 } from '../../kernel/a1';
import { asCellText } from '../../kernel/cellText';
import type { WorkbookConfig } from '../workbookRead';
import type { BoardAndLogRead, Door, ListSheet, Pdf, ReportRead, Workbook, WorkbookReads } from './door';
import { setUpSteps } from '../../features/setup/store/setUpSteps';
// — reports and sending
import { publishReport } from '../../features/reports/store/reportWrites';
import { readRecord } from '../../features/reports/sheets/reportRecord';
import { markSent } from '../../platform/reportSheet';
import { pdfFromHtml } from '../../platform/services';
import { growRows, lastRow, readAll, sheetLink, writeBlock, writeNewRows } from '../../platform/sheetIo';
// — the fiscal-year switch
import { newYearSteps } from '../../features/fiscalYears/store/newYearSteps';
// — reports kept as records
import { readReportRecord, readReportRecords } from '../../features/reports/store/reportRecordSheet';
import { reportAsKept } from '../../features/reports/sheets/reportRecords';

/** The sheets' states behind a read of the board and the log. */
interface BoardAndLogStates_ {
  readonly board: SheetState | null;
  readonly log: SheetState | null;
}

/**
 * The workbook behind the Apps Script door.
 * @param ss the workbook
 */
export function appsScriptWorkbook(ss: Spreadsheet): Workbook {
  // the sheets' states behind each read of the board and the log, for the writes that follow
  const states = new WeakMap<BoardAndLogRead, BoardAndLogStates_>();
  // — reports and sending: the sheet behind each report read, and the blob behind each PDF
  const reports = new WeakMap<ReportRead, OwnSheet>();
  const pdfs = new WeakMap<Pdf, ReturnType<typeof pdfFromHtml>>();
  const reads: WorkbookReads = {
    readConfig: (options) => readConfig(ss, undefined, options),
    readWorkbook: (config) => readWorkbook(ss, config),
    readYear: (book, fiscalYear) => yearBook(book, fiscalYear),
    caller: (settings) => caller(ss, settings),
    kept: (key, fallback) => readKept(key, fallback),
    logProblems: (config) => logProblems(config.registry),
    readSubmissions: (config) => readSubmissions(config.registry, config.submissionsValues),
    owner: () => ownerEmail(ss),
    editors: () => editorEmails(ss),
    effectiveUser: () => effectiveUserEmail(),
    dailyTriggers: (handler) => ownTriggersOf(handler).length,
    readBoardAndLog: (config) => {
      const read = readBoardAndLog(ss, config);
      const names = {
        board: config.registry.one('board')?.name ?? null,
        log: config.registry.one('log')?.name ?? null,
      };
      states.set(names, read);
      return names;
    },
    // — reports and sending
    readReport: (config, sheetName) => {
      const own = config.registry.all('report').find((r) => r.name === String(sheetName));
      const mark = own?.mark.report;
      if (!own || !mark || mark.state === 'building') return null;
      // — reports kept as records: from its sealed record (read with the configuration) when it has one
      const records = readReportRecord(config.registry, config.reportRecordsValues, mark.record);
      const { record, layout, sealed, kept } = reportAsKept(mark, readRecord(mark, readAll(own.sheet)), records);
      const read: ReportRead = { name: own.name, mark, record, layout, sealed, link: sheetLink(ss, own.sheet), kept };
      reports.set(read, own);
      return read;
    },
    // — reports kept as records
    reportRecordProblems: (config) => [...readReportRecords(config.registry, config.reportRecordsValues).problems],
  };
  return {
    ...reads,
    mailQuota: () => remainingMailQuota(),
    sendMail: (mail) =>
      sendMail({ to: mail.to.join(','), subject: mail.subject, htmlBody: mail.html, body: mail.text }),
    keepDataDay: (config, today, who) => keepDataDay(config, today, who),
    // — reports and sending
    pdf: (html, name) => {
      const pdf = { name: `${name}.pdf` };
      pdfs.set(pdf, pdfFromHtml(html, name));
      return pdf;
    },
    sendMailWithPdf: (mail, pdf) => {
      const blob = pdfs.get(pdf);
      if (!blob) throw new Error(`PDF "${pdf.name}" was not made through this door`);
      sendMail({
        to: mail.to.join(','),
        subject: mail.subject,
        htmlBody: mail.html,
        body: mail.text,
        attachments: [blob],
      });
    },
    open: (work, writes = 'sheets') =>
      atomically((undo) => {
        // the sheets behind the lists this transaction found or made
        const lists = new Map<ListSheet, OwnSheet>();
        const door: Door = {
          ...reads,
          keep: (key, value) => keep(key, value, undo),
          ensureList: (declaration, config) => {
            const own = ensureListSheet(ss, config.registry, declaration, config.settings, undo);
            const list = { name: own.name };
            lists.set(list, own);
            return list;
          },
          rewriteList: (list, rows) => rewriteListSheet(ownOf_(lists, list), rows, undo),
          appendLog: (config, rows, read) => {
            const logState = read ? statesOf_(states, read).log : undefined;
            return appendLog(ss, config.registry, rows, config.settings, undo, undefined, undefined, logState);
          },
          appendSubmission: (config, submission) => {
            // the record sheet as read with the configuration (nothing wrote it since)
            const row = submissionRow(submission);
            const { own, seq } = appendSubmission(
              ss,
              config.registry,
              row,
              config.settings,
              undo,
              config.submissionsValues,
            );
            return { sheet: own.name, seq };
          },
          installDailyTrigger: (trigger) => {
            installDailyTrigger(trigger, undo);
          },
          removeDailyTriggers: (trigger) => removeOwnTriggers(trigger, undo),
          rebuildBoard: (config, records, today, read) =>
            rebuildBoard(ss, config, records, today, undo, read ? statesOf_(states, read).board : undefined),
          // — set-up
          ...setUpSteps(ss, undo),
          // — the mobile page's entries
          lastEntryRow: (config, sheet) => lastRow(entrySheet_(config, sheet).sheet),
          appendEntryRow: (config, sheet, row, cells) => {
            const own = entrySheet_(config, sheet);
            const label = `แถวที่ ${row} ชีต "${own.name}"`;
            growRows(own.sheet, row, 1, undo, label);
            writeNewRows(own.sheet, row, [cells.map((v) => asCellText(v))], undo, label);
          },
          writeEntryCell: (config, sheet, row, column, value) => {
            const own = entrySheet_(config, sheet);
            const label = `ช่อง ${a1(row, column)} ชีต "${own.name}"`;
            writeBlock(own.sheet, row, column, [[asCellText(value)]], undo, label);
          },
          // — reports and sending
          writeReport: (config, report, now) => publishReport(ss, config, report, now, undo),
          markSent: (report, sent, text) => {
            const own = reports.get(report);
            if (!own) throw new Error(`report "${report.name}" was not read through this door`);
            const marked = markSent(own, sent, text, undo);
            const read: ReportRead = { ...report, mark: marked.mark.report as NonNullable<typeof marked.mark.report> };
            reports.set(read, marked);
            return read;
          },
          // — the fiscal-year switch
          ...newYearSteps(ss, undo),
        };
        return work(door);
      }, writes === 'sheets'),
  };
}

/** The sheets' states behind a read of the board and the log this workbook made. */
function statesOf_(states: WeakMap<BoardAndLogRead, BoardAndLogStates_>, read: BoardAndLogRead): BoardAndLogStates_ {
  const found = states.get(read);
  if (!found) throw new Error('the board and the log were not read through this door');
  return found;
}

/** The sheet behind a list this transaction found or made. */
function ownOf_(lists: ReadonlyMap<ListSheet, OwnSheet>, list: ListSheet): OwnSheet {
  const own = lists.get(list);
  if (!own) throw new Error(`list "${list.name}" was not found or made by this transaction`);
  return own;
}

// — the mobile page's entries
/** An entry sheet (a district's activities or online) of the configuration, by name. */
function entrySheet_(config: WorkbookConfig, sheet: string): OwnSheet {
  const own = config.registry.sheets.find(
    (s) => s.name === sheet && (s.mark.role === 'activities' || s.mark.role === 'online'),
  );
  if (!own) throw new Error(`"${sheet}" is not an entry sheet of this workbook`);
  return own;
}
