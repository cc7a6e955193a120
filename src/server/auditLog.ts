/**
 * The log sheet: one row per action that writes, sends or changes rights (when, who, what,
 * detail, result), as evidence. Each row carries a digest of itself chained to the row before
 * (SHA-256 through Utilities.computeDigest), and the document properties keep the number of
 * rows and the last digest, so an edit by hand, a deleted row and a deleted log are found by
 * the data check; a log that went missing is never silently started afresh.
 */
import { defineLayout } from '../core/layout';
import type { Settings } from '../core/settings';
import { storedAgain } from '../adapter/cells';
import { setFrozenRows } from '../adapter/change';
import { applyProtection } from '../adapter/protections';
import { readProperty, writeProperty } from '../adapter/properties';
import { sealOf } from '../adapter/sealedRows';
import { markSheet, type OwnSheet, type Registry } from '../adapter/sheetRegistry';
import { blankOrNewSheet, setColumnWidths } from '../adapter/sheetSync';
import type { Undo } from '../adapter/undo';
import { rightsOf } from '../workbook/rights';
import { SHEET } from '../workbook/sheetNames';
import {
  frozenRows,
  growRows,
  lastRow,
  readAll,
  readBlock,
  type Spreadsheet,
  writeHeader,
  writeNewRows,
} from '../adapter/sheetIo';

/** The log's columns. */
export const LOG_LAYOUT = defineLayout('บันทึก', [
  { key: 'when', header: 'เวลา', width: 150 },
  { key: 'who', header: 'ผู้ใช้', width: 200 },
  { key: 'what', header: 'การทำงาน', width: 170 },
  { key: 'detail', header: 'รายละเอียด', width: 380 },
  { key: 'result', header: 'ผล', width: 80 },
  { key: 'seal', header: 'รหัสตรวจสอบ', width: 120, note: 'ส่วนเสริมใช้ตรวจว่าบันทึกถูกแก้ไขด้วยมือหรือไม่ อย่าแก้ไข' },
]);

/** A log row: when (Thai text), who, what, detail, result. */
export type LogRow = [when: string, who: string, what: string, detail: string, result: string];

/** The document property holding the log's length and last digest. */
const STATE_KEY = 'otop.log';

/** The log's length and last seal, as kept in the document properties. */
interface LogState_ {
  readonly rows: number;
  readonly last: string;
  /** The run that wrote the last rows, when it said (set-up: so a run stopped after it is told apart). */
  readonly run?: string;
}

/** The kept state, or an empty log's. */
function state_(): LogState_ {
  const text = readProperty(STATE_KEY); // a service failure here stops the action
  if (text === null) return { rows: 0, last: '' };
  try {
    const parsed = JSON.parse(text) as LogState_;
    if (typeof parsed.rows === 'number' && typeof parsed.last === 'string') return parsed;
  } catch {
    // kept text that is not ours: treated as no log state (the data check then points at the log)
  }
  return { rows: 0, last: '' };
}

/**
 * Appends rows to the log (created and protected on first use; when the log went missing, the
 * new one starts by saying so).
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param rows the rows to append
 * @param settings who may write the log
 * @param undo where the rows' removal is registered
 * @param run the id of the run writing them, kept with the log's state (lastLoggedRun)
 * @return what officers should know, in Thai (an officer's own sheet named like the log)
 */
export function appendLog(
  ss: Spreadsheet,
  registry: Registry,
  rows: readonly LogRow[],
  settings: Settings,
  undo: Undo,
  run?: string,
): string[] {
  const kept = state_();
  const found = registry.one('log');
  let own = found;
  const all: unknown[][] = [];
  const notes: string[] = [];
  if (!own) {
    own = createLog_(ss, settings, undo);
    if (own.name !== SHEET.log) {
      notes.push(`มีชีตชื่อ "${SHEET.log}" ที่ไม่ได้สร้างจากส่วนเสริมอยู่แล้ว ส่วนเสริมไม่แตะชีตนั้น และบันทึกไว้ในชีต "${own.name}" แทน`);
    }
    if (kept.rows > 0) {
      all.push([rows[0][0], rows[0][1], 'เริ่มบันทึกใหม่', `ชีตบันทึกเดิม (${kept.rows} แถว) หายไปจากสมุดงาน`, 'แจ้งเตือน']);
    }
  } else if (frozenRows(own.sheet) !== 1) finishLog_(own, settings, undo); // its making was stopped midway
  all.push(...rows);
  const sheet = own.sheet;
  const next = Math.max(lastRow(sheet), 1) + 1;
  const state = found ? caughtUp_(own, kept, next - 2) : kept;
  growRows(sheet, next + all.length - 1, 100, undo, `แถวที่เพิ่มในชีต "${own.name}"`);
  let previous = state.last;
  const sealed = all.map((row) => {
    previous = sealOf(previous, row);
    return [...row.map(storedAgain), previous];
  });
  const before = readProperty(STATE_KEY);
  // The state right after the rows: a run stopped between the two is one call wide.
  writeNewRows(sheet, next, sealed, undo, `แถวใหม่ในชีต "${own.name}"`);
  const after: LogState_ = { rows: state.rows + all.length, last: previous, ...(run ? { run } : {}) };
  writeProperty(STATE_KEY, JSON.stringify(after), before, undo, 'สถานะของบันทึก');
  return notes;
}

/**
 * The kept state caught up with rows the add-on wrote after it: a run stopped between writing
 * its rows and the state leaves them, and they chain from the kept seal (an officer's row does
 * not). Other rows are left for the data check to point out.
 * @param own the log
 * @param kept the kept state
 * @param rows the log's rows below its header now
 */
function caughtUp_(own: OwnSheet, kept: LogState_, rows: number): LogState_ {
  if (rows <= kept.rows) return kept;
  const extra = readBlock(own.sheet, kept.rows + 2, 1, rows - kept.rows, LOG_LAYOUT.width);
  let previous = kept.last;
  for (const row of extra) {
    const expected = sealOf(previous, row.slice(0, LOG_LAYOUT.width - 1));
    if (String(row[LOG_LAYOUT.width - 1] ?? '') !== expected) return kept;
    previous = expected;
  }
  return { rows, last: previous };
}

/**
 * Whether the log has rows the add-on wrote after its kept state (a run stopped right after
 * writing them): that run did log.
 * @param registry the add-on's sheets
 */
export function loggedAfterState(registry: Registry): boolean {
  const own = registry.one('log');
  if (!own) return false;
  const kept = state_();
  const caught = caughtUp_(own, kept, Math.max(lastRow(own.sheet), 1) - 1);
  return caught.rows > kept.rows;
}

/** The id of the run that wrote the log's last rows, if it gave one. */
export function lastLoggedRun(): string | null {
  return state_().run ?? null;
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
 * What is wrong with the log, in Thai (empty when it is whole): a row edited by hand (its seal
 * does not follow), rows deleted, or the log sheet deleted.
 * @param registry the add-on's sheets
 */
export function logProblems(registry: Registry): { sheet: string; row: number; message: string }[] {
  const kept = state_();
  const own = registry.one('log');
  if (!own) {
    return kept.rows > 0
      ? [{ sheet: SHEET.log, row: 1, message: `ชีตบันทึกถูกลบ (เคยมี ${kept.rows} แถว) บันทึกใหม่จะเริ่มโดยระบุว่าบันทึกเดิมหายไป` }]
      : [];
  }
  const name = own.name;
  const values = readAll(own.sheet).slice(1);
  let previous = '';
  for (let i = 0; i < values.length; i++) {
    const row = values[i].slice(0, LOG_LAYOUT.width - 1);
    const expected = sealOf(previous, row);
    if (String(values[i][LOG_LAYOUT.width - 1] ?? '') !== expected) {
      return [
        {
          sheet: name,
          row: i + 2,
          message: `บันทึกแถวที่ ${i + 2} ไม่ตรงกับรหัสตรวจสอบ: ถูกแก้ไข เพิ่ม หรือลบด้วยมือ ตั้งแต่แถวนี้ (ดูประวัติการแก้ไขของไฟล์: ไฟล์ → ประวัติเวอร์ชัน)`,
        },
      ];
    }
    previous = expected;
  }
  if (values.length !== kept.rows || previous !== kept.last) {
    return [
      {
        sheet: name,
        row: values.length + 1,
        message: `บันทึกมี ${values.length} แถว แต่ส่วนเสริมเขียนไว้ ${kept.rows} แถว: แถวท้ายถูกลบหรือเพิ่มด้วยมือ`,
      },
    ];
  }
  return [];
}
