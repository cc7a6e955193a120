/** A1 notation: cell rectangles, column letters, parsing and printing. */

/** A rectangle of cells; rows and columns are 1-based. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A parsed A1 reference; `endRow`/`endCol` null means "to the end of the sheet". */
export interface A1Ref {
  sheetName: string | null;
  row: number;
  col: number;
  endRow: number | null;
  endCol: number | null;
  /** true when written as a range (with a colon), even a one-cell one. */
  isRange: boolean;
}

/**
 * Column number to letters: 1 → A, 27 → AA.
 * @param col 1-based column
 */
export function columnLetters(col: number): string {
  const known = LETTERS_[col];
  if (known !== undefined) return known;
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  // Dumps name every cell: the common columns' letters are kept (A … ZZ).
  if (Number.isInteger(col) && col > 0 && col <= 702) LETTERS_[col] = s;
  return s;
}

const LETTERS_: string[] = [];

/**
 * Letters to column number: A → 1, AA → 27.
 * @param letters column letters, any case
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * "B3" for one cell.
 * @param row 1-based row
 * @param col 1-based column
 */
export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/**
 * "B3" for a one-cell rectangle, "B3:D9" otherwise.
 * @param rect the rectangle
 */
export function rectA1(rect: Rect): string {
  const start = cellA1(rect.row, rect.col);
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.col + rect.numCols - 1)}`;
}

/**
 * A sheet name as written in a reference: quoted unless it is a plain identifier that cannot be
 * read as something else (a cell such as "AB12", an R1C1 address, TRUE/FALSE). Names with Thai
 * letters are always quoted (docs/platform.md#thai-sheet-names: whether Sheets needs that is unconfirmed).
 * @param name the sheet name
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^R[0-9]*C[0-9]*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Whether a rectangle contains a cell.
 * @param rect the rectangle
 * @param row 1-based row
 * @param col 1-based column
 */
export function rectContains(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.numRows && col >= rect.col && col < rect.col + rect.numCols;
}

/**
 * Whether two rectangles share at least one cell.
 * @param a first rectangle
 * @param b second rectangle
 */
export function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

const PART_RE_ = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

/**
 * Parses one side of a reference ("$B$2", "B", "12").
 * @param text the part
 */
export function parseA1Part(text: string): { row: number | null; col: number | null } | null {
  const m = PART_RE_.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row };
}

/**
 * Parses "A1", "A1:B2", "A:A", "A2:J", "1:3", optionally prefixed by a sheet name
 * ("Sheet1!A1", "'ชื่อ ชีต'!A1:B2"). Throws "Range not found" like Sheets when it cannot.
 * @param text the reference
 */
export function parseA1(text: string): A1Ref {
  let rest = text.trim();
  let sheetName: string | null = null;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const rawName = rest.slice(0, bang);
    sheetName = /^'.*'$/.test(rawName) ? rawName.slice(1, -1).replace(/''/g, "'") : rawName;
    rest = rest.slice(bang + 1);
  }
  const [first, second, extra] = rest.split(':');
  const a = parseA1Part(first ?? '');
  const b = second === undefined ? a : parseA1Part(second);
  if (!a || !b || extra !== undefined) throw new Error('Range not found');
  if (second === undefined && (a.row === null || a.col === null)) throw new Error('Range not found');
  const row = a.row ?? 1;
  const col = a.col ?? 1;
  const endRow = second === undefined ? row : b.row;
  const endCol = second === undefined ? col : b.col;
  if (a.row === null && b.row !== null) throw new Error('Range not found');
  if (a.col === null && b.col !== null) throw new Error('Range not found');
  const sortedRow = endRow === null ? null : Math.max(row, endRow);
  const sortedCol = endCol === null ? null : Math.max(col, endCol);
  return {
    sheetName,
    row: endRow === null ? row : Math.min(row, endRow),
    col: endCol === null ? col : Math.min(col, endCol),
    endRow: sortedRow,
    endCol: sortedCol,
    isRange: second !== undefined,
  };
}

/**
 * Moves a 1-D interval when `count` lines are inserted after line `after`.
 * @returns the new [start, end]
 */
export function shiftForInsert(start: number, end: number, after: number, count: number): [number, number] {
  if (start > after) return [start + count, end + count];
  if (end > after) return [start, end + count];
  return [start, end];
}

/**
 * Moves a 1-D interval when lines first..first+count-1 are deleted.
 * @returns the new [start, end], or null when the whole interval was deleted
 */
export function shiftForDelete(start: number, end: number, first: number, count: number): [number, number] | null {
  const last = first + count - 1;
  const removedUpTo = (x: number): number => Math.max(0, Math.min(last, x) - first + 1);
  const newStart = start - removedUpTo(start - 1);
  const newEnd = end - removedUpTo(end);
  return newEnd < newStart ? null : [newStart, newEnd];
}
