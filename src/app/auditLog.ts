/**
 * The log sheet: one record per action that writes, sends or changes rights (when, who, what,
 * detail, result, and the reference of the record it is about), as evidence. Each row is a
 * record of sealedRows.ts: numbered, and sealed on its own (a secret, its number, its cells), so
 * an edit by hand, a note typed or a row pasted in the log, a sort or a deleted row never
 * shifts or hides another row, and each is found by the data check (a deleted row as a missing
 * number; a deleted log by its kept length): a log that went missing is never silently started
 * afresh.
 */
import { defineLayout } from '../kernel/layout';
import type { Settings } from '../kernel/settings';
import { setFrozenRows } from '../platform/change';
import { applyProtection } from '../platform/protections';
import { readProperty, writeProperty } from '../platform/properties';
import {
  appendRecords,
  checkRecords,
  type RecordCheck,
  type RecordColumns,
  type RecordHeader,
  type RecordState,
  recordHeader,
  recordState,
  writeRecordState,
} from '../platform/sealedRows';
import { LOG_RECORDS } from './recordKinds';
import { markSheet, type OwnSheet, type Registry } from '../platform/sheetRegistry';
import type { SheetState } from '../platform/sheetState';
import { blankOrNewSheet, setColumnWidths } from '../platform/sheetSync';
import type { Undo } from '../platform/undo';
import { reportName } from '../features/reports/sheets/reportSheets';
import { rightsOf } from '../features/setup/sheets/rights';
import { SHEET } from '../features/setup/sheets/sheetNames';
import { frozenRows, readAll, type Spreadsheet, writeBlock, writeHeader } from '../platform/sheetIo';
import { nowText } from './clock';
import {
  finishSubmissions,
  submissionsWriting,
  writtenSubmissions,
} from '../features/submissions/store/submissionRecords';
import { submissionLogRow, submissionRef } from '../features/submissions/sheets/submissions';

/** The log's columns. */
export const LOG_LAYOUT = /* @__PURE__ */ defineLayout('บันทึก', [
  { key: 'when', header: 'เวลา', width: 150 },
  { key: 'who', header: 'ผู้ใช้', width: 200 },
  { key: 'what', header: 'การทำงาน', width: 170 },
  { key: 'detail', header: 'รายละเอียด', width: 380 },
  { key: 'result', header: 'ผล', width: 80 },
  { key: 'seal', header: 'รหัสตรวจสอบ', width: 120, note: 'ส่วนเสริมใช้ตรวจว่าบันทึกถูกแก้ไขด้วยมือหรือไม่ อย่าแก้ไข' },
  { key: 'seq', header: 'เลขที่', width: 60, note: 'เลขที่ของบันทึก (ส่วนเสริมใช้ตรวจว่ามีแถวถูกลบหรือไม่) อย่าแก้ไข' },
  { key: 'ref', header: 'อ้างอิง', width: 160, note: 'รหัสของรายการที่บันทึกนี้กล่าวถึง (การส่งรายงาน รายงาน) อย่าแก้ไข' },
]);

/**
 * A log row: when (Thai text), who, what, detail, result, and the reference of the record it
 * is about (a submission, a report), when it is about one.
 */
export type LogRow = [when: string, who: string, what: string, detail: string, result: string, ref?: string];

/** The log's kind of record (sealedRows.ts). */
const KIND = LOG_RECORDS;

/** The log's rows as read: their columns and their check. */
interface LogRead_ {
  readonly columns: RecordColumns;
  readonly check: RecordCheck;
  /** The references its rows carry. */
  readonly refs: ReadonlySet<string>;
}

/**
 * Reads and checks the log.
 * @param own the log sheet
 * @param numbering only what appending needs (checkRecords): no digest for the rows kept
 * @param read its values, when already read this execution (its state, read before the action wrote)
 */
function readLog_(
  own: OwnSheet,
  numbering = false,
  read?: unknown[][] | null,
): LogRead_ & { missing: RecordHeader['missing'] } {
  const values = read ?? readAll(own.sheet);
  const { columns, missing } = recordHeader(LOG_LAYOUT, values[0] ?? [], 'seal', 'seq');
  const check = checkRecords(values.slice(1), columns, KIND, own.name, numbering);
  const ref = columns.fields[REF_FIELD];
  const refs = new Set<string>();
  check.rows.forEach((_, i) => {
    // Any row naming a record, trusted or not: an edited log row is reported, never replaced.
    const text = String(values[i + 1]?.[ref] ?? '');
    if (text !== '') refs.add(text);
  });
  return { columns, check, refs, missing };
}

/** The ref cell's place among a log row's sealed cells. */
const REF_FIELD = 5;

/** The previous version's kept log state ({rows, last, run}). */
function legacyState_(): { rows: number; run?: string } {
  try {
    const parsed = JSON.parse(readProperty(KIND.legacyKey) ?? 'null') as { rows?: unknown; run?: unknown } | null;
    return {
      rows: typeof parsed?.rows === 'number' ? parsed.rows : 0,
      ...(typeof parsed?.run === 'string' ? { run: parsed.run } : {}),
    };
  } catch {
    return { rows: 0 };
  }
}

/**
 * Appends rows to the log (created and protected on first use; when the log went missing, the
 * new one starts by saying so). It is also the journal of the records: before the rows, it
 * logs what a run stopped after committing and before logging left unlogged (a submission whose
 * row was written, a report committed), then finishes them.
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param rows the rows to append
 * @param settings who may write the log
 * @param undo where the rows' removal is registered
 * @param run the id of the run writing them, kept with the log's state (lastLoggedRun)
 * @param by who logs, and when, when `rows` is empty (finishStopped)
 * @param logState the log's state as read before the action's first write (readSheetStates: its
 *   values, frozen rows, last row and size; five calls fewer), when the action read it
 * @return what officers should know, in Thai (an officer's own sheet named like the log)
 */
export function appendLog(
  ss: Spreadsheet,
  registry: Registry,
  rows: readonly LogRow[],
  settings: Settings,
  undo: Undo,
  run?: string,
  by?: { who: string; when: string },
  logState?: SheetState | null,
): string[] {
  const state = recordState(KIND);
  const legacy = legacyState_();
  const found = registry.one('log');
  const [when, who] = rows[0] ?? [by?.when ?? '', by?.who ?? ''];
  let own = found;
  const all: LogRow[] = [];
  const notes: string[] = [];
  if (!own) {
    own = createLog_(ss, settings, undo);
    if (own.name !== SHEET.log) {
      notes.push(`มีชีตชื่อ "${SHEET.log}" ที่ไม่ได้สร้างจากส่วนเสริมอยู่แล้ว ส่วนเสริมไม่แตะชีตนั้น และบันทึกไว้ในชีต "${own.name}" แทน`);
    }
    const kept = Math.max(state.rows, legacy.rows);
    const before = readProperty(KIND.legacyKey); // the previous version's chain ended with its sheet
    if (before !== null) writeProperty(KIND.legacyKey, null, before, undo, 'สถานะของบันทึก');
    if (kept > 0) {
      all.push([when, who, 'เริ่มบันทึกใหม่', `ชีตบันทึกเดิม (${kept} แถว) หายไปจากสมุดงาน`, 'แจ้งเตือน']);
    }
  }
  // Its making was stopped midway: finished now (and then its rows are asked again below).
  const finishing = !!found && (logState ? logState.frozenRows : frozenRows(own.sheet)) !== 1;
  if (finishing) finishLog_(own, settings, undo);
  const known = found && logState && !finishing ? logState : null;
  const read = found
    ? readLog_(own, true, known?.values)
    : { ...recordHeader(LOG_LAYOUT, LOG_LAYOUT.headers, 'seal', 'seq'), check: null, refs: new Set<string>() };
  for (const m of read.missing) {
    writeBlock(own.sheet, 1, m.column + 1, [[m.header]], undo, `หัวตารางของชีต "${own.name}"`);
  }
  const asked = new Set(rows.map((r) => r[REF_FIELD] ?? '').filter(Boolean));
  const logged = (ref: string) => read.refs.has(ref) || asked.has(ref);
  // Submissions being written: this run's own (its log row in `rows`), and any a stopped run wrote.
  const writing = submissionsWriting();
  const mine = writing.filter((n) => asked.has(submissionRef(n)));
  const stopped = writtenSubmissions(
    registry,
    writing.filter((n) => !mine.includes(n)),
  );
  for (const r of stopped) {
    if (!logged(submissionRef(r.seq as number))) all.push(submissionLogRow(r, submissionRecordsSheet_(registry), true));
  }
  const present = new Set(read.check?.rows.flatMap((r) => (r.number === null ? [] : [r.number])) ?? []);
  const intact = (after: number) => {
    for (let n = after + 1; n <= state.rows; n++) if (!present.has(n)) return false;
    return read.check !== null;
  };
  all.push(...unloggedReports_(registry, logged, intact, who));
  all.push(...rows);
  if (all.length === 0) {
    if (writing.length > 0) finishSubmissions(null, undo); // numbers kept but never written: released
    return notes;
  }
  const first = (read.check ? read.check.highest : state.rows) + 1;
  const numbers = appendRecords(
    own.sheet,
    own.name,
    KIND,
    read.columns,
    first,
    all.map((r) => [r[0], r[1], r[2], r[3], r[4], r[REF_FIELD] ?? '']),
    undo,
    // as read, when only its header could have been written since (row 1: the last row stays)
    known ? { lastRow: known.lastRow, maxRows: known.maxRows } : undefined,
  );
  const from = found ? state.from : state.rows > 0 || legacy.rows > 0 ? first : undefined;
  const after: RecordState = {
    rows: numbers[numbers.length - 1],
    ...(from ? { from } : {}),
    ...(run ? { run } : {}),
  };
  writeRecordState(KIND, after, undo, 'สถานะของบันทึก');
  if (writing.length > 0) {
    const written = [...mine, ...stopped.map((r) => r.seq as number)];
    finishSubmissions(written.length > 0 ? Math.max(...written) : null, undo);
  }
  return notes;
}

/**
 * Finishes what a stopped run left unlogged (a submission written, a report committed), when
 * there may be any, logging it as `who`: for an action that logs nothing itself (set-up that
 * changed nothing). Cheap when there is nothing: one property read and the report marks.
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param settings who may write the log
 * @param undo where each step's undo is registered
 * @param who the account of the run
 * @param when the run's time, Thai
 */
export function finishStopped(
  ss: Spreadsheet,
  registry: Registry,
  settings: Settings,
  undo: Undo,
  who: string,
  when: string,
): void {
  const logged = logLength();
  const reports = registry
    .all('report')
    .some((r) => r.mark.report?.ref && r.mark.report.state !== 'building' && (r.mark.report.logAt ?? -1) >= logged);
  if (!reports && submissionsWriting().length === 0) return;
  appendLog(ss, registry, [], settings, undo, undefined, { who, when });
}

/** The submissions sheet's name, for a log row's detail. */
function submissionRecordsSheet_(registry: Registry): string {
  return registry.one('submissions')?.name ?? SHEET.submissions;
}

/**
 * Log rows for the reports committed by a run stopped before its log row: a report whose mark
 * carries a reference no log row has, when no log row after the report was made was deleted.
 * @param registry the add-on's sheets
 * @param logged whether a reference is logged (or about to be)
 * @param intact whether every log row numbered after a number is still there
 * @param who the account of the run that logs them now
 */
function unloggedReports_(
  registry: Registry,
  logged: (ref: string) => boolean,
  intact: (after: number) => boolean,
  who: string,
): LogRow[] {
  const out: LogRow[] = [];
  for (const r of registry.all('report')) {
    const mark = r.mark.report;
    if (!mark?.ref || mark.state === 'building' || logged(mark.ref)) continue;
    if (mark.logAt === undefined || !intact(mark.logAt)) continue; // a deleted log row, reported as such
    const made = new Date(mark.made);
    out.push([
      Number.isNaN(made.getTime()) ? mark.made : nowText(made),
      who,
      `สร้าง${reportName(mark)}`,
      `ชีต "${r.name}" (บันทึกย้อนหลัง: การทำงานที่สร้างรายงานนี้หยุดก่อนบันทึก)`,
      'สำเร็จ',
      mark.ref,
    ]);
  }
  return out;
}

/**
 * Whether the log has rows the add-on wrote after its kept state (a run stopped right after
 * writing them): that run did log.
 * @param registry the add-on's sheets
 */
export function loggedAfterState(registry: Registry): boolean {
  const own = registry.one('log');
  if (!own) return false;
  return readLog_(own, true).check.pending.length > 0;
}

/** The log's last finished number (0 for none): a report keeps it, and its log row comes after. */
export function logLength(): number {
  return recordState(KIND).rows;
}

/** The id of the run that wrote the log's last rows, if it gave one. */
export function lastLoggedRun(): string | null {
  return recordState(KIND).run ?? legacyState_().run ?? null;
}

/** A new log sheet, marked, with its header and protection. */
function createLog_(ss: Spreadsheet, settings: Settings, undo: Undo): OwnSheet {
  const { sheet } = blankOrNewSheet(ss, SHEET.log, undo);
  const own = markSheet(sheet, { role: 'log' }, undo);
  finishLog_(own, settings, undo);
  return own;
}

/**
 * Gives the log sheet its header, widths and protection, and freezes the header last: a log
 * without its frozen header is one whose making was stopped midway, finished at the next append.
 */
function finishLog_(own: OwnSheet, settings: Settings, undo: Undo): void {
  const sheet = own.sheet;
  writeHeader(sheet, LOG_LAYOUT.headers, undo, `หัวตารางของชีต "${own.name}"`);
  setColumnWidths(
    sheet,
    LOG_LAYOUT.columns.map((c) => c.width),
  );
  applyProtection(sheet, rightsOf(own.mark, own.name, settings), undo);
  setFrozenRows(sheet, 1, undo);
}

/**
 * What is wrong with the log, in Thai (empty when it is whole): a row edited, typed or pasted by
 * hand (its seal does not follow), a copied record, records deleted, or the log sheet deleted.
 * @param registry the add-on's sheets
 */
export function logProblems(registry: Registry): { sheet: string; row: number; message: string }[] {
  const own = registry.one('log');
  if (!own) {
    const kept = Math.max(recordState(KIND).rows, legacyState_().rows);
    return kept > 0
      ? [{ sheet: SHEET.log, row: 1, message: `ชีตบันทึกถูกลบ (เคยมี ${kept} แถว) บันทึกใหม่จะเริ่มโดยระบุว่าบันทึกเดิมหายไป` }]
      : [];
  }
  return readLog_(own).check.problems.map((p) => ({ sheet: own.name, ...p }));
}
