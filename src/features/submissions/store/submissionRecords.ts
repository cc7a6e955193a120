/**
 * The sheet `การส่งรายงานของอำเภอ`: one record per submission (its number, its seal:
 * sealedRows.ts), appended by the add-on only, created, marked and protected on first use. Its
 * editors are the named officers, as for the log, because a district officer's submission runs
 * as that officer (Sheets applies the protection to the script run as its user), so the seal,
 * not the protection, keeps the records: a row that fails its seal is counted nowhere, and the
 * data check lists it. A submission is written in three steps: its number is kept as being
 * written (`writing`), its row is appended, and once its log row is written it is finished; a
 * run stopped in between is finished by the next one that logs (auditLog.ts).
 */
import {
  appendRecords,
  checkRecords,
  type RecordState,
  recordHeader,
  recordState,
  writeRecordState,
} from '../../../platform/sealedRows';
import { SUBMISSION_RECORDS } from '../../../app/recordKinds';
import { applyProtection } from '../../../platform/protections';
import { readProperty, writeProperty } from '../../../platform/properties';
import { markSheet, type OwnSheet, type Registry } from '../../../platform/sheetRegistry';
import { blankOrNewSheet, setColumnWidths } from '../../../platform/sheetSync';
import type { Undo } from '../../../platform/undo';
import type { Settings } from '../../../kernel/settings';
import { rightsOf } from '../../setup/sheets/rights';
import { SHEET } from '../../setup/sheets/sheetNames';
import { readSubmissionRows, SUBMISSION_LAYOUT, type SubmissionRecord } from '../sheets/submissions';
import { readAll, type Sheet, type Spreadsheet, writeBlock, writeNewHeader } from '../../../platform/sheetIo';

/** The submissions' kind of record. */
const KIND = SUBMISSION_RECORDS;

/** The submissions as read, and what is wrong with the sheet (Thai, with its row). */
export interface SubmissionsRead {
  readonly records: readonly SubmissionRecord[];
  readonly problems: readonly { sheet: string; row: number; message: string }[];
}

/**
 * Reads every submission (one read of the sheet) and checks the seals.
 * @param registry the add-on's sheets
 * @param read the sheet's values, when read with the configuration (WorkbookConfig.submissionsValues)
 */
export function readSubmissions(registry: Registry, read?: unknown[][] | null): SubmissionsRead {
  const own = registry.one('submissions');
  if (!own) {
    const rows = Math.max(recordState(KIND).rows, legacyRows_());
    return {
      records: [],
      problems:
        rows > 0
          ? [
              {
                sheet: SHEET.submissions,
                row: 1,
                message: `ชีต "${SHEET.submissions}" ถูกลบ (เคยมี ${rows} แถว): การส่งรายงานที่บันทึกไว้หายไป ให้ดูประวัติเวอร์ชันของไฟล์ และให้อำเภอส่งใหม่`,
              },
            ]
          : [],
    };
  }
  const values = read ?? readAll(own.sheet);
  const header = values[0] ?? [];
  const { columns } = recordHeader(SUBMISSION_LAYOUT, header, 'seal', 'seq');
  const check = checkRecords(values.slice(1), columns, KIND, own.name);
  const records = readSubmissionRows(values.length > 0 ? values : [[]], check.rows);
  const problems = check.problems.map((p) => ({ sheet: own.name, ...p }));
  if (records === null) {
    return {
      records: [],
      problems: [
        ...problems,
        { sheet: own.name, row: 1, message: `แถวที่ 1 ของชีต "${own.name}" ไม่ใช่หัวตาราง จึงอ่านการส่งรายงานไม่ได้` },
      ],
    };
  }
  return { records, problems };
}

/** The previous version's kept number of rows (0 for none or text that is not ours). */
function legacyRows_(): number {
  try {
    const rows = (JSON.parse(readProperty(KIND.legacyKey) ?? 'null') as { rows?: unknown } | null)?.rows;
    return typeof rows === 'number' ? rows : 0;
  } catch {
    return 0;
  }
}

/** The kept state. */
function state_(): RecordState {
  return recordState(KIND);
}

/**
 * Appends a submission's record (the sheet is made on first use; when it went missing, a new
 * one numbers on from the last): first the number is kept as being written, then the row. The
 * caller logs it (its log row's reference: submissionRef) and then finishes it.
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param row the submission's sealed cells (submissionRow)
 * @param settings who may write the sheet
 * @param undo where each step's undo is registered
 * @param read the sheet's values as read with the configuration this execution, not written
 *   since (WorkbookConfig.submissionsValues: two calls fewer)
 * @return the sheet and the record's number
 */
export function appendSubmission(
  ss: Spreadsheet,
  registry: Registry,
  row: readonly (string | number)[],
  settings: Settings,
  undo: Undo,
  read?: unknown[][] | null,
): { own: OwnSheet; seq: number } {
  const found = registry.one('submissions');
  const own = found ?? create_(ss, settings, undo);
  const values = found ? (read ?? readAll(own.sheet)) : [[...SUBMISSION_LAYOUT.headers]];
  const { columns, missing } = recordHeader(SUBMISSION_LAYOUT, values[0] ?? [], 'seal', 'seq');
  for (const m of missing) writeBlock(own.sheet, 1, m.column + 1, [[m.header]], undo, `หัวตารางของชีต "${own.name}"`);
  const check = checkRecords(values.slice(1), columns, KIND, own.name, true);
  const state = state_();
  // After the highest number in use: a number a stopped run kept but never wrote is reused.
  const seq = check.highest + 1;
  const from = found ? state.from : state.rows > 0 ? seq : undefined;
  writeRecordState(KIND, { ...state, ...(from ? { from } : {}), writing: seq }, undo, `สถานะของชีต "${own.name}"`);
  appendRecords(own.sheet, own.name, KIND, columns, seq, [row], undo);
  return { own, seq };
}

/**
 * The numbers of the submissions being written (kept before their rows) and not yet finished:
 * this run's own, and any a stopped run left; empty when none.
 */
export function submissionsWriting(): number[] {
  const { writing, rows } = state_();
  const out: number[] = [];
  for (let n = rows + 1; writing && n <= writing; n++) out.push(n);
  return out;
}

/**
 * The trusted records among some numbers (rows a stopped run wrote); reads the sheet.
 * @param registry the add-on's sheets
 * @param numbers the numbers
 */
export function writtenSubmissions(registry: Registry, numbers: readonly number[]): SubmissionRecord[] {
  if (numbers.length === 0) return [];
  return readSubmissions(registry).records.filter((r) => r.trusted && r.seq !== null && numbers.includes(r.seq));
}

/**
 * Finishes the submissions being written once their log rows are written: the highest number
 * written is kept as the last finished one; numbers whose rows were never written (a run
 * stopped before) are released.
 * @param written the highest number whose record is in the sheet, or null
 * @param undo where the old state is registered
 */
export function finishSubmissions(written: number | null, undo: Undo): void {
  const state = state_();
  if (!state.writing) return;
  const { writing: _writing, ...rest } = state;
  const rows = written === null ? rest.rows : Math.max(rest.rows, written);
  writeRecordState(KIND, { ...rest, rows }, undo, 'สถานะของการส่งรายงาน');
}

/**
 * Whether set-up may make the record sheet before the first submission (a district's first
 * submission then does not pay for it): no record was ever kept, neither numbered by this
 * version nor by the previous one. Otherwise the sheet went missing, and the next submission
 * makes it anew, numbering on from the last and saying so (appendSubmission).
 */
export function recordSheetNeverKept(): boolean {
  const state = recordState(KIND);
  return state.rows === 0 && !state.writing && readProperty(KIND.legacyKey) === null;
}

/**
 * Lays out a record sheet made in this run: its header with the columns' notes, frozen, and
 * its widths (its removal undoes this). One layout for set-up and for a submission that makes it.
 * @param sheet the new sheet
 */
export function layOutRecordSheet(sheet: Sheet): void {
  writeNewHeader(
    sheet,
    SUBMISSION_LAYOUT.headers,
    SUBMISSION_LAYOUT.columns.map((c) => c.note ?? ''),
  );
  setColumnWidths(
    sheet,
    SUBMISSION_LAYOUT.columns.map((c) => c.width),
  );
}

/** A new record sheet: marked, header, frozen, widths, protected. */
function create_(ss: Spreadsheet, settings: Settings, undo: Undo): OwnSheet {
  const { sheet, name } = blankOrNewSheet(ss, SHEET.submissions, undo);
  const own = markSheet(sheet, { role: 'submissions' }, undo);
  layOutRecordSheet(sheet);
  applyProtection(sheet, rightsOf(own.mark, name, settings), undo);
  const before = readProperty(KIND.legacyKey); // the previous version's chain ended with its sheet
  if (before !== null) writeProperty(KIND.legacyKey, null, before, undo, `สถานะของชีต "${name}"`);
  return own;
}
