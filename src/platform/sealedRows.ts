/**
 * Record sheets whose rows only the add-on appends (the log, the districts' submissions). Each
 * record is verifiable on its own and by its identity, never by its position: it carries a
 * number (เลขที่, 1, 2, 3 … per sheet, never reused) and a seal, a SHA-256 digest
 * (Utilities.computeDigest) of a secret kept in the document properties, the kind of record, its
 * number and its own cells, read by their headers. So a note typed below, a pasted row, a sort,
 * an inserted column or a deleted row never shifts, hides or re-times another record: a row
 * that fails its seal is reported and ignored, a copy of a record (same number) counts once, and
 * the document properties keep the highest number finished, so a deleted record shows as a
 * missing number. A record numbered above the kept one was written by a run that stopped before
 * finishing it: it is genuine (its seal follows), and the next run finishes it (the log's
 * journal). The previous version chained each row's seal to the row above; such rows (no
 * number) are still read with that rule. (Editors can read and change the script and so the
 * secret: the seal marks mistakes and casual edits, not a determined forger: docs/platform.md#script-editors.)
 */
import { type Layout, mapColumns } from '../kernel/layout';
import { storedAgain } from './cells';
import { deleteDocumentProperty, readProperty, setDocumentProperty } from './properties';
import { digestHex, newRunId } from './services';
import { growRows, lastRow, writeNewRows } from './sheetIo';
import { refusedByProtection, Undo } from './undo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How many hex digits of the SHA-256 digest a row keeps (96 bits). */
const SEAL_LENGTH = 24;

/** The document property holding the seals' secret. */
const SECRET_KEY = 'otop.secret';

/** A kind of record: what its seals include, and where its state is kept. */
export interface RecordKind {
  /** Part of every seal: a log row cannot pass for a submission. */
  readonly domain: string;
  /** The document property keeping the highest finished number. */
  readonly stateKey: string;
  /** The previous version's chained state ({rows, last}), read only. */
  readonly legacyKey: string;
  /**
   * The kind whose rows name these records (the log): when an action's undo cannot remove its
   * rows of that kind, it keeps its rows of this kind too, so that a log row never names a
   * record that is gone (and whose number the next record would take).
   */
  readonly journal?: RecordKind;
}

/** Where a record sheet's columns are (0-based), from its header row. */
export interface RecordColumns {
  /** The sealed cells, in the layout's order. */
  readonly fields: readonly number[];
  readonly seal: number;
  readonly number: number;
  /** Cells a new row spans. */
  readonly width: number;
}

/** A record sheet's columns, and the header cells it lacks (written before a new record). */
export interface RecordHeader {
  readonly columns: RecordColumns;
  /** 0-based column and header text of each declared column the header row lacks. */
  readonly missing: readonly { column: number; header: string }[];
}

/**
 * Where a record sheet's columns are, found by their headers wherever officers moved them; a
 * declared column the header lacks (a sheet of an earlier layout, a column deleted) goes after
 * the header's last cell.
 * @param layout the sheet's layout
 * @param header the sheet's header row as read
 * @param seal the key of the seal column
 * @param number the key of the number column
 */
export function recordHeader<K extends string>(
  layout: Layout<K>,
  header: readonly unknown[],
  seal: K,
  number: K,
): RecordHeader {
  const { index } = mapColumns(layout, header);
  let end = header.length;
  while (end > 0 && (header[end - 1] === '' || header[end - 1] === null || header[end - 1] === undefined)) end--;
  const missing: { column: number; header: string }[] = [];
  const at = {} as Record<K, number>;
  for (const c of layout.columns) {
    if (index[c.key] >= 0) at[c.key] = index[c.key];
    else {
      at[c.key] = end;
      missing.push({ column: end++, header: c.header });
    }
  }
  const fields = layout.columns.filter((c) => c.key !== seal && c.key !== number).map((c) => at[c.key]);
  const width = Math.max(...layout.columns.map((c) => at[c.key])) + 1;
  return { columns: { fields, seal: at[seal], number: at[number], width }, missing };
}

/** What the document properties keep of a record sheet. */
export interface RecordState {
  /** The highest number finished (0: none). */
  readonly rows: number;
  /** The first number of the sheet as it is now (a sheet made again after one was deleted starts later). */
  readonly from?: number;
  /** The id of the run that wrote the last rows, when it said. */
  readonly run?: string;
  /** The number of a record being written (kept before its row; cleared when it is finished). */
  readonly writing?: number;
}

/**
 * A record's seal.
 * @param secret the workbook's secret
 * @param domain the kind of record
 * @param number the record's number
 * @param fields its sealed cells, in the layout's order
 */
export function recordSeal(secret: string, domain: string, number: number, fields: readonly unknown[]): string {
  const text = [secret, domain, String(number), ...fields.map((v) => String(v ?? ''))].join('\u241f');
  return digestHex(text).slice(0, SEAL_LENGTH);
}

/**
 * The previous version's chained seal (a row's cells chained to the seal of the row above).
 * @param previous the seal of the previous row ('' for the first)
 * @param row the row's cells before the seal
 */
function chainedSeal_(previous: string, row: readonly unknown[]): string {
  return digestHex([previous, ...row.map((v) => String(v ?? ''))].join('\u241f')).slice(0, SEAL_LENGTH);
}

/**
 * The seals' secret, or null when none was made yet.
 */
function secret_(): string | null {
  return readProperty(SECRET_KEY);
}

/**
 * Makes the seals' secret (a random UUID) when there is none, and returns it. Not undone when
 * the action fails: a secret seals nothing by itself, and the next run uses the same one.
 * Set-up makes it first, before anything else of its run (so that a run stopped midway and the
 * next one seal with the same secret).
 */
export function ensureSealSecret(): string {
  const kept = readProperty(SECRET_KEY);
  if (kept !== null) return kept;
  const made = newRunId();
  setDocumentProperty(SECRET_KEY, made);
  return made;
}

/**
 * The kept state of a kind of record.
 * @param kind the kind
 */
export function recordState(kind: RecordKind): RecordState {
  const text = readProperty(kind.stateKey);
  if (text === null) return { rows: 0 };
  try {
    const parsed = JSON.parse(text) as RecordState;
    if (typeof parsed.rows === 'number') return parsed;
  } catch {
    // text that is not ours: read as none (the check then points at the sheet)
  }
  return { rows: 0 };
}

/**
 * The previous version's kept state of a kind, {rows, last}.
 * @param kind the kind
 */
function legacyState_(kind: RecordKind): { rows: number; last: string } {
  try {
    const parsed = JSON.parse(readProperty(kind.legacyKey) ?? 'null') as { rows?: unknown; last?: unknown } | null;
    return {
      rows: typeof parsed?.rows === 'number' ? parsed.rows : 0,
      last: typeof parsed?.last === 'string' ? parsed.last : '',
    };
  } catch {
    return { rows: 0, last: '' };
  }
}

/**
 * Writes a kind's state, registering the old one.
 * @param kind the kind
 * @param state the new state
 * @param undo where the old state is registered
 * @param label what the undo brings back, Thai
 */
export function writeRecordState(kind: RecordKind, state: RecordState, undo: Undo, label: string): void {
  const before = readProperty(kind.stateKey);
  const text = JSON.stringify(state);
  if (before === text) return;
  const kept = keptBefore_.get(undo) ?? new Map<string, string | null>();
  if (!kept.has(kind.stateKey)) kept.set(kind.stateKey, before);
  keptBefore_.set(undo, kept);
  undo.add(() => {
    // Rows this action appended whose removal failed stay in the sheet: the state brought back
    // keeps them as being written, so that the next run that logs finishes them (a record never
    // stays in the sheet unlogged; seed 14 of the year simulator).
    const stayed = rowsStayed_.get(undo)?.get(kind.stateKey);
    const back = stayed === undefined ? before : stillWriting_(before, stayed);
    if (back === null) deleteDocumentProperty(kind.stateKey);
    else setDocumentProperty(kind.stateKey, back);
  }, label);
  setDocumentProperty(kind.stateKey, text);
}

/** Each kind's kept state as it was before an action first wrote it, by the action's undo. */
const keptBefore_ = new WeakMap<Undo, Map<string, string | null>>();

/** The highest number of each kind's rows an action's undo could not remove, by the action's undo. */
const rowsStayed_ = new WeakMap<Undo, Map<string, number>>();

/**
 * A kept state (as its text) that also says records up to a number are being written.
 * @param text the state's text, or null for none
 * @param last the highest number whose row stayed
 */
function stillWriting_(text: string | null, last: number): string {
  let state: RecordState = { rows: 0 };
  try {
    const parsed = JSON.parse(text ?? 'null') as RecordState | null;
    if (typeof parsed?.rows === 'number') state = parsed;
  } catch {
    // text that is not ours: read as none, as recordState does
  }
  return JSON.stringify({ ...state, writing: Math.max(state.writing ?? 0, last) });
}

/**
 * While undoing, brings a kind's kept state back to what it was before the action when it
 * still counts the action's records (its own undo step failed): their rows are removed next.
 * @param kind the kind
 * @param undo the action's undo
 * @param first the first number the action appended
 */
function restoreState_(kind: RecordKind, undo: Undo, first: number): void {
  const kept = keptBefore_.get(undo);
  if (!kept?.has(kind.stateKey) || recordState(kind).rows < first) return;
  const before = kept.get(kind.stateKey) ?? null;
  if (before === null) deleteDocumentProperty(kind.stateKey);
  else setDocumentProperty(kind.stateKey, before);
}

/** One data row as checked. */
export interface CheckedRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** Its number, for a trusted record of this version; null otherwise. */
  readonly number: number | null;
  /** A record the add-on wrote, counted once. */
  readonly trusted: boolean;
}

/** What checking a record sheet found. */
export interface RecordCheck {
  /** One per data row, in sheet order. */
  readonly rows: readonly CheckedRow[];
  /** Thai, with the 1-based sheet row. */
  readonly problems: readonly { row: number; message: string }[];
  /** The kept state. */
  readonly state: RecordState;
  /** The highest number in use (trusted rows or the kept state): the next record takes the one after. */
  readonly highest: number;
  /** Numbers of trusted records above the kept state: written by a run that stopped before finishing them. */
  readonly pending: readonly number[];
}

/** A cell read as a record number, or null. */
function numberOf_(value: unknown): number | null {
  const n = typeof value === 'number' ? value : /^\d+$/.test(String(value ?? '').trim()) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Whether every cell of a row is blank. */
function blank_(line: readonly unknown[]): boolean {
  return line.every((v) => v === '' || v === null || v === undefined);
}

/**
 * Checks a record sheet's data rows: each row by its own seal, the numbers against the kept
 * state (deleted records), copies of a record.
 * @param values the sheet's rows below the header, as read
 * @param columns where the columns are
 * @param kind the kind of record
 * @param sheetName how messages name the sheet
 * @param numbering only what appending needs (the numbers in use, the records above the kept
 *   state): the rows numbered up to the kept state are taken by their number and not verified
 *   (no digest per row; the data check verifies them), and nothing is reported
 */
export function checkRecords(
  values: readonly (readonly unknown[])[],
  columns: RecordColumns,
  kind: RecordKind,
  sheetName: string,
  numbering = false,
): RecordCheck {
  const state = recordState(kind);
  const secret = secret_();
  const legacy = legacyState_(kind);
  const rows: CheckedRow[] = [];
  const problems: { row: number; message: string }[] = [];
  const seen = new Map<number, number>();
  const edited = new Set<number>();
  let previous = '';
  let legacyRows = 0;
  values.forEach((line, i) => {
    const row = i + 2;
    if (blank_(line)) {
      rows.push({ row, number: null, trusted: false });
      return;
    }
    const stored = String(line[columns.seal] ?? '');
    const number = numberOf_(line[columns.number]);
    if (numbering && (number === null || number <= state.rows)) {
      if (number !== null) seen.set(number, seen.get(number) ?? row);
      rows.push({ row, number, trusted: number !== null });
      return;
    }
    if (number === null && legacy.rows > 0 && stored !== '') {
      // The previous version's row: chained to the seal stored on the previous such row.
      const chained = stored === chainedSeal_(previous, line.slice(0, columns.seal));
      previous = stored;
      legacyRows++;
      if (chained) {
        rows.push({ row, number: null, trusted: true });
        return;
      }
    }
    const sealed =
      number !== null &&
      secret !== null &&
      stored ===
        recordSeal(
          secret,
          kind.domain,
          number,
          columns.fields.map((c) => line[c]),
        );
    if (!sealed) {
      if (number !== null) edited.add(number); // reported here, not again as missing
      problems.push({
        row,
        message: `ชีต "${sheetName}" แถวที่ ${row} ไม่ตรงกับรหัสตรวจสอบ: ถูกแก้ไข พิมพ์เพิ่ม หรือวางด้วยมือ (ดูประวัติการแก้ไขของไฟล์: ไฟล์ → ประวัติเวอร์ชัน) ส่วนเสริมไม่นับแถวนี้`,
      });
      rows.push({ row, number: null, trusted: false });
      return;
    }
    const first = seen.get(number);
    if (first !== undefined) {
      problems.push({
        row,
        message: `ชีต "${sheetName}" แถวที่ ${row} ซ้ำกับรายการเลขที่ ${number} ในแถวที่ ${first} (คัดลอกหรือวางซ้ำด้วยมือ) ส่วนเสริมนับรายการนี้ครั้งเดียว`,
      });
      rows.push({ row, number: null, trusted: false });
      return;
    }
    seen.set(number, row);
    rows.push({ row, number, trusted: true });
  });
  if (numbering) problems.length = 0;
  if (legacyRows < legacy.rows && !numbering) {
    problems.push({
      row: values.length + 1,
      message: `ชีต "${sheetName}" มีแถวแบบเดิม (ก่อนมีเลขที่) ${legacyRows} แถว แต่ส่วนเสริมเขียนไว้ ${legacy.rows} แถว: แถวถูกลบด้วยมือ`,
    });
  }
  const missing: number[] = [];
  for (let n = state.from ?? 1; n <= state.rows; n++) if (!seen.has(n) && !edited.has(n)) missing.push(n);
  if (missing.length > 0 && !numbering)
    problems.push({ row: values.length + 1, message: missingMessage_(sheetName, missing, seen) });
  const numbers = [...seen.keys()];
  const highest = Math.max(state.rows, ...numbers);
  const pending = numbers.filter((n) => n > state.rows).sort((a, b) => a - b);
  return { rows, problems, state, highest, pending };
}

/** The Thai message for records whose numbers are missing. */
function missingMessage_(sheetName: string, missing: readonly number[], seen: ReadonlyMap<number, number>): string {
  const listed = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} …` : missing.join(', ');
  const present = seen.size;
  const trailing = missing.every((n) => [...seen.keys()].every((m) => m < n));
  return trailing
    ? `ชีต "${sheetName}" มี ${present} รายการ แต่ส่วนเสริมเขียนไว้ ${present + missing.length} รายการ: แถวท้ายถูกลบหรือเพิ่มด้วยมือ (รายการเลขที่ ${listed} หายไป)`
    : `ชีต "${sheetName}" รายการเลขที่ ${listed} หายไป: แถวถูกลบด้วยมือ (ดูประวัติการแก้ไขของไฟล์: ไฟล์ → ประวัติเวอร์ชัน)`;
}

/**
 * Appends records below the sheet's last row (growing it when full), each with its number and
 * seal, placed at the sheet's own columns. The kept state is not written: the caller finishes
 * the records (writeRecordState) once everything they stand for is written.
 * @param sheet the sheet
 * @param name its name, for the undo's label
 * @param kind the kind of record
 * @param columns where its columns are
 * @param first the first record's number
 * @param rows each record's sealed cells, in the layout's order (text is kept as text)
 * @param undo where the rows' removal is registered
 * @param at the sheet's last row with content and its number of rows, when already read this
 *   execution and not changed since (two calls fewer)
 * @return the records' numbers
 */
export function appendRecords(
  sheet: Sheet,
  name: string,
  kind: RecordKind,
  columns: RecordColumns,
  first: number,
  rows: readonly (readonly (string | number)[])[],
  undo: Undo,
  at?: { readonly lastRow: number; readonly maxRows: number },
): number[] {
  if (rows.length === 0) return [];
  const secret = ensureSealSecret();
  const next = Math.max(at ? at.lastRow : lastRow(sheet), 1) + 1;
  // The rows go only with their numbers' kept state: when the undo step that should have brought
  // the state back failed (it still counts these numbers), it is brought back here first, and if
  // that fails too the rows stay; never a number kept without its row (read as deleted by hand).
  // Rows that stay are kept as being written when the state is brought back (writeRecordState),
  // so the next run that logs finishes them: never a record without its log row.
  const written = new Undo();
  undo.add(() => {
    // When the kept state cannot be read, the rows stay (they may be counted by it).
    let failed: string[];
    try {
      // Named by journal rows that stayed (the year simulator's seed 54): kept, finished later.
      if (kind.journal && rowsStayed_.get(undo)?.has(kind.journal.stateKey)) throw new Error(name);
      restoreState_(kind, undo, first);
      // Clearing the rows refused by a protection: writing them was refused too (the same
      // user and protections in one execution), so nothing is left there.
      failed = written.run(refusedByProtection);
    } catch (error) {
      failed = [String(error)];
    }
    if (failed.length > 0) {
      const stayed = rowsStayed_.get(undo) ?? new Map<string, number>();
      stayed.set(kind.stateKey, Math.max(stayed.get(kind.stateKey) ?? 0, first + rows.length - 1));
      rowsStayed_.set(undo, stayed);
      throw new Error(failed.join(', '));
    }
  }, `แถวใหม่ในชีต "${name}"`);
  growRows(sheet, next + rows.length - 1, 50, written, `แถวที่เพิ่มในชีต "${name}"`, at?.maxRows);
  const numbers = rows.map((_, i) => first + i);
  const lines = rows.map((fields, i) => {
    const line: (string | number)[] = new Array(columns.width).fill('');
    columns.fields.forEach((c, k) => {
      line[c] = storedAgain(fields[k] ?? '') as string | number;
    });
    line[columns.number] = numbers[i];
    line[columns.seal] = storedAgain(recordSeal(secret, kind.domain, numbers[i], fields)) as string;
    return line;
  });
  writeNewRows(sheet, next, lines, written, `แถวใหม่ในชีต "${name}"`);
  return numbers;
}

// — reports kept as records
/**
 * A new record's cells as appendRecords lays them out (its sealed cells at the sheet's columns,
 * its number and seal), for a record appended in a batch of requests of its own caller's
 * (platform/reportSheet.ts: the report's form and its record in one batchUpdate).
 * @param kind the kind of record
 * @param columns where its columns are
 * @param number its number
 * @param fields its sealed cells, in the layout's order
 */
export function sealedLine(
  kind: RecordKind,
  columns: RecordColumns,
  number: number,
  fields: readonly (string | number)[],
): (string | number)[] {
  const secret = ensureSealSecret();
  const line: (string | number)[] = new Array(columns.width).fill('');
  columns.fields.forEach((c, k) => {
    line[c] = fields[k] ?? '';
  });
  line[columns.number] = number;
  line[columns.seal] = recordSeal(secret, kind.domain, number, fields);
  return line;
}
