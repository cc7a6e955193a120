/**
 * The reports' record sheet as data (issue 26, "reports kept as records"): one sealed, numbered
 * row per report made (platform/sealedRows.ts seals it, as the submissions' rows), holding its
 * record (reportRecord.ts ReportRecord: kind, period, fiscal year, provisional, made at, by whom)
 * with the name of the sheet it was rendered to, its identity (the mark's and the log row's `ref`)
 * and its document as JSON split over cells. A cell holds at most 50 000 characters (Sheets help,
 * "Files you can store in Google Drive": "Google Sheets … 50,000 characters" in one cell; the
 * Sheets API refuses more with "Your input contains more than the maximum of 50000 characters
 * in a single cell"; also MAX_CELL_CHARACTERS in features/mobile/rules/entryForm.ts): each part
 * is kept well below it. A document too large for all its columns (a round summary over a
 * nation's entries) is kept without its document (parts 0): its sheet is then its record, as
 * before. Pure: both sides of the door read and write the rows with it.
 */
import { defineLayout } from '../../../kernel/layout';
import type { ReportMark } from '../../setup/sheets/sheetMarkers';
import type { ReportDocument } from './officialForm';
import type { RecordRead, ReportRecord } from './reportRecord';

/** The characters a document's part holds: well below Sheets' 50 000 a cell. */
export const PART_LIMIT = 45_000;

/** The document's columns, named by Thai letters (a header's digits are not told apart: kernel/layout.ts). */
const PART_NAMES = ['ก', 'ข', 'ค', 'ง', 'จ', 'ฉ', 'ช', 'ซ', 'ฌ', 'ญ', 'ฎ', 'ฏ', 'ฐ', 'ฑ'] as const;

/** A document part's column key. */
type PartKey = `part${number}`;

/** The record sheet's columns: the record's fields, its document's parts, its seal and number. */
export const REPORT_RECORD_LAYOUT = /* @__PURE__ */ defineLayout<
  | 'made'
  | 'kind'
  | 'period'
  | 'fiscalYear'
  | 'provisional'
  | 'by'
  | 'sheet'
  | 'ref'
  | 'parts'
  | PartKey
  | 'seal'
  | 'seq'
>('บันทึกรายงาน', [
  { key: 'made', header: 'จัดทำเมื่อ (ISO)', width: 170 },
  { key: 'kind', header: 'ชนิดรายงาน', width: 80 },
  { key: 'period', header: 'งวด', width: 70 },
  { key: 'fiscalYear', header: 'ปีงบประมาณ', width: 80 },
  { key: 'provisional', header: 'ฉบับชั่วคราว', width: 80 },
  { key: 'by', header: 'ผู้จัดทำ', width: 180 },
  { key: 'sheet', header: 'ชีตรายงาน', width: 200 },
  { key: 'ref', header: 'อ้างอิง', width: 220 },
  { key: 'parts', header: 'จำนวนส่วนของเอกสาร', width: 80 },
  ...PART_NAMES.map((letter, i) => ({
    key: `part${i + 1}` as PartKey,
    header: `เอกสาร ส่วน${letter}`,
    width: 80,
    note: i === 0 ? 'ข้อมูลรายงานตามที่จัดทำ (ส่วนเสริมอ่านเมื่อส่งรายงาน) อย่าแก้ไข' : undefined,
  })),
  { key: 'seal', header: 'รหัสตรวจสอบ', width: 120, note: 'ส่วนเสริมใช้ตรวจว่าแถวนี้ถูกแก้ไขด้วยมือหรือไม่ อย่าแก้ไข' },
  { key: 'seq', header: 'เลขที่', width: 60, note: 'เลขที่ของรายงาน (ส่วนเสริมใช้ตรวจว่ามีแถวถูกลบหรือไม่) อย่าแก้ไข' },
]);

/** What a report's sealed cells say of its sheet: its name and its identity. */
export interface RecordSheetOf {
  /** The name its sheet was made under (renamed when superseded: its identity finds it). */
  readonly sheet: string;
  /** The report's identity (its mark's and its log row's ref): what ties the record to its sheet. */
  readonly ref: string;
}

/** A report's record as kept in the record sheet. */
export interface KeptReport extends RecordSheetOf {
  /** Its number (เลขที่). */
  readonly seq: number;
  /** Its record; null when its document was too large to keep (its sheet is its record). */
  readonly record: ReportRecord | null;
}

/**
 * A document's JSON in parts of at most PART_LIMIT characters (a surrogate pair never split), or
 * none when it needs more parts than the sheet has columns.
 * @param doc the document
 */
export function documentParts(doc: ReportDocument): string[] {
  const json = jsonWithin_(doc, PART_LIMIT * PART_NAMES.length);
  if (json === null) return [];
  const parts: string[] = [];
  for (let at = 0; at < json.length; ) {
    let end = Math.min(json.length, at + PART_LIMIT);
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(json.slice(at, end));
    at = end;
  }
  return parts.length <= PART_NAMES.length ? parts : [];
}

/**
 * A report's sealed cells, in the layout's order (the seal and the number left to the sealing).
 * @param record the report's record
 * @param of the sheet it was rendered to and its identity
 */
export function reportRecordCells(record: ReportRecord, of: RecordSheetOf): (string | number)[] {
  const parts = documentParts(record.document);
  return [
    record.made,
    record.kind,
    record.period,
    record.fiscalYear,
    record.provisional ? 'ใช่' : 'ไม่',
    record.by,
    of.sheet,
    of.ref,
    parts.length,
    ...PART_NAMES.map((_, i) => parts[i] ?? ''),
  ];
}

/** A column's key. */
type RecordKey_ = (typeof REPORT_RECORD_LAYOUT.columns)[number]['key'];

/**
 * A sealed row read back as a kept report, or null when its cells are not a record's (a row
 * whose seal holds was written by the add-on: this only guards against a broken layout).
 * @param line the row's cells
 * @param at where each column is (0-based)
 * @param seq its number
 */
function keptReport_(
  line: readonly unknown[],
  at: Readonly<Record<RecordKey_, number>>,
  seq: number,
): KeptReport | null {
  const text = (key: keyof typeof at) => String(line[at[key]] ?? '');
  const kind = text('kind');
  if (kind !== 'round' && kind !== 'month') return null;
  const parts = Number(line[at.parts]);
  let document: ReportDocument | null = null;
  if (parts > 0) {
    try {
      const json = PART_NAMES.slice(0, parts)
        .map((_, i) => text(`part${i + 1}`))
        .join('');
      document = JSON.parse(json) as ReportDocument;
    } catch {
      return null;
    }
  }
  const record: ReportRecord | null = document
    ? {
        kind,
        period: text('period'),
        fiscalYear: Number(line[at.fiscalYear]),
        provisional: text('provisional') === 'ใช่',
        made: text('made'),
        by: text('by'),
        document,
      }
    : null;
  return { seq, sheet: text('sheet'), ref: text('ref'), record };
}

/** Where a record sheet's columns are (0-based): its sealed cells in the layout's order, its seal and number. */
export interface RecordColumnsAt {
  readonly fields: readonly number[];
  readonly seal: number;
  readonly number: number;
}

/** The reports' records as kept. */
export interface KeptRecords {
  /** The records whose seal holds, by number. */
  readonly kept: ReadonlyMap<number, KeptReport>;
  /** The numbers of rows whose seal fails (changed, typed or pasted by hand). */
  readonly broken: ReadonlySet<number>;
  /** What is wrong with the sheet, Thai, with its row. */
  readonly problems: readonly { sheet: string; row: number; message: string }[];
}

/**
 * The records of the record sheet as checked (each row by its seal).
 * @param sheet the sheet's name
 * @param values its values, the header first
 * @param rows each data row as checked: its 1-based row, its number when sealed
 * @param columns where its columns are
 * @param problems what the check found, Thai, with its row
 */
export function keptRecords(
  sheet: string,
  values: readonly (readonly unknown[])[],
  rows: readonly { readonly row: number; readonly number: number | null; readonly trusted: boolean }[],
  columns: RecordColumnsAt,
  problems: readonly { row: number; message: string }[],
): KeptRecords {
  const keys = REPORT_RECORD_LAYOUT.columns.filter((c) => c.key !== 'seal' && c.key !== 'seq').map((c) => c.key);
  const at = { seal: columns.seal, seq: columns.number } as Record<RecordKey_, number>;
  keys.forEach((key, i) => {
    at[key] = columns.fields[i];
  });
  const kept = new Map<number, KeptReport>();
  const broken = new Set<number>();
  for (const r of rows) {
    const line = values[r.row - 1] ?? [];
    const report = r.trusted && r.number !== null ? keptReport_(line, at, r.number) : null;
    if (report) kept.set(report.seq, report);
    else {
      const n = Number(line[columns.number]);
      if (Number.isInteger(n) && n > 0 && !kept.has(n)) broken.add(n);
    }
  }
  return { kept, broken, problems: problems.map((p) => ({ sheet, ...p })) };
}

/** How a report's record was read: from its sealed record, from its sheet (made before records), or its record fails. */
export type RecordKept = 'sealed' | 'none' | 'broken';

/**
 * A report as sending reads it: from its record when its mark names one (the status and sent
 * cells, which the add-on rewrites, as its sheet shows them), else from its sheet (a report made
 * before records, or whose document was too large to keep); a record whose seal fails or that is
 * gone is `broken`.
 * @param mark the report's mark
 * @param fromSheet the report read from its sheet
 * @param records the records as kept
 */
export function reportAsKept(
  mark: ReportMark,
  fromSheet: RecordRead,
  records: Pick<KeptRecords, 'kept'>,
): RecordRead & { readonly kept: RecordKept } {
  if (mark.record === undefined) return { ...fromSheet, kept: 'none' };
  const found = records.kept.get(mark.record);
  if (!found || found.ref !== mark.ref) return { ...fromSheet, kept: 'broken' };
  if (!found.record) return { ...fromSheet, kept: 'none' };
  const { status, sent } = fromSheet.record.document;
  return {
    ...fromSheet,
    record: { ...found.record, document: { ...found.record.document, status, sent } },
    kept: 'sealed',
  };
}

/** Thrown inside JSON.stringify's replacer when a document outgrows what a record keeps. */
const TOO_LARGE_ = new Error('the document is larger than a record keeps');

/**
 * A value's JSON, or null as soon as it would pass `limit` characters: a round summary over a
 * nation's entries is tens of megabytes of JSON, which a record never keeps, so it is not made
 * whole first (the texts and keys are counted as the replacer meets them; a little under the
 * JSON's own length, which the caller's parts still check).
 * @param value the value
 * @param limit the characters a record keeps
 */
function jsonWithin_(value: unknown, limit: number): string | null {
  let size = 0;
  try {
    const json = JSON.stringify(value, (key, v: unknown) => {
      size += key.length + (typeof v === 'string' ? v.length : 4);
      if (size > limit) throw TOO_LARGE_;
      return v;
    });
    return json.length > limit ? null : json;
  } catch (error) {
    if (error === TOO_LARGE_) return null;
    throw error;
  }
}
