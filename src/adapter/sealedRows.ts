/**
 * Sheets whose rows only the add-on appends, sealed: each row's last cell is a SHA-256 digest
 * (Utilities.computeDigest) of its other cells chained to the seal stored on the row above, and
 * the document properties keep the number of rows and the last seal. A row edited by hand fails
 * its own seal, a deleted or inserted row fails the next row's, and rows deleted at the end or
 * added below show in the kept count. (Editors can read and change the script, so the seal
 * marks mistakes and casual edits, not a determined forger: PLATFORM.md.)
 */
import { storedAgain } from './cells';
import { readProperty, writeProperty } from './properties';
import { digestHex, documentProperties } from './services';
import { growRows, writeNewRows } from './sheetIo';
import type { Undo } from './undo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sealed sheet: its data start below a one-row header; the seal is its last column. */
export interface SealedSheet {
  readonly sheet: Sheet;
  /** Its name, for messages. */
  readonly name: string;
  /** Columns, the seal included. */
  readonly width: number;
  /** The document property keeping its length and last seal. */
  readonly stateKey: string;
}

/** What the document properties keep of a sealed sheet. */
interface SealState_ {
  readonly rows: number;
  readonly last: string;
}

/** How many hex digits of the SHA-256 digest a row keeps (96 bits, as the log). */
const SEAL_LENGTH = 24;

/**
 * The seal of a row chained to the seal above it (the log's and the submissions' one rule).
 * @param previous the seal stored on the row above ('' for the first row)
 * @param row the row's cells, seal left out
 */
export function sealOf(previous: string, row: readonly unknown[]): string {
  return digestHex([previous, ...row.map((v) => String(v ?? ''))].join('\u241f')).slice(0, SEAL_LENGTH);
}

/**
 * The kept state; a service failure here stops the action.
 * @param key the property
 */
function state_(key: string): SealState_ {
  const text = documentProperties().getProperty(key);
  if (text === null) return { rows: 0, last: '' };
  try {
    const parsed = JSON.parse(text) as SealState_;
    if (typeof parsed.rows === 'number' && typeof parsed.last === 'string') return parsed;
  } catch {
    // text that is not ours: read as none (the check then points at the sheet)
  }
  return { rows: 0, last: '' };
}

/**
 * Appends sealed rows below the sheet's last row (growing it when full).
 * @param target the sheet
 * @param rows the rows, without their seal (width − 1 cells each; text is kept as text)
 * @param undo where the rows' removal and the old state are registered
 */
export function appendSealed(target: SealedSheet, rows: readonly (readonly (string | number)[])[], undo: Undo): void {
  if (rows.length === 0) return;
  const { sheet, name, stateKey } = target;
  const kept = state_(stateKey);
  const next = Math.max(sheet.getLastRow(), 1) + 1;
  growRows(sheet, next + rows.length - 1, 50, undo, `แถวที่เพิ่มในชีต "${name}"`);
  let previous = kept.last;
  const sealed = rows.map((row) => {
    previous = sealOf(previous, row);
    return [...row.map(storedAgain), previous];
  });
  writeNewRows(sheet, next, sealed, undo, `แถวใหม่ในชีต "${name}"`);
  const state = JSON.stringify({ rows: kept.rows + rows.length, last: previous });
  writeProperty(stateKey, state, readProperty(stateKey), undo, `สถานะของชีต "${name}"`);
}

/** What checking a sealed sheet found. */
export interface SealCheck {
  /** For each data row: whether its seal follows. */
  readonly trusted: readonly boolean[];
  /** Thai, with the 1-based sheet row. */
  readonly problems: readonly { row: number; message: string }[];
}

/**
 * Checks a sealed sheet's data rows.
 * @param values the sheet's rows below the header, as read
 * @param width columns, the seal included
 * @param stateKey the document property of its state
 * @param sheetName how messages name it
 */
export function checkSealed(
  values: readonly (readonly unknown[])[],
  width: number,
  stateKey: string,
  sheetName: string,
): SealCheck {
  const kept = state_(stateKey);
  const trusted: boolean[] = [];
  const problems: { row: number; message: string }[] = [];
  let previous = '';
  values.forEach((line, i) => {
    const stored = String(line[width - 1] ?? '');
    const ok = stored !== '' && stored === sealOf(previous, line.slice(0, width - 1));
    trusted.push(ok);
    if (!ok) {
      problems.push({
        row: i + 2,
        message: `ชีต "${sheetName}" แถวที่ ${i + 2} ไม่ตรงกับรหัสตรวจสอบ: ถูกแก้ไข เพิ่ม หรือลบด้วยมือ (ดูประวัติการแก้ไขของไฟล์: ไฟล์ → ประวัติเวอร์ชัน) ส่วนเสริมไม่นับแถวนี้`,
      });
    }
    previous = stored;
  });
  if (values.length !== kept.rows || previous !== kept.last) {
    problems.push({
      row: values.length + 1,
      message: `ชีต "${sheetName}" มี ${values.length} แถว แต่ส่วนเสริมเขียนไว้ ${kept.rows} แถว: แถวถูกลบหรือเพิ่มด้วยมือ`,
    });
  }
  return { trusted, problems };
}
