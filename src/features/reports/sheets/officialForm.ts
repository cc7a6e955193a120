/**
 * The official report form, declared once: a report is a ReportDocument (the memo header of a
 * Thai official report — ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน —, a paragraph, the table with its
 * total, the evidence tables, the closing line and the signature block), laid out in a sheet by
 * formGrid (values, merges, fonts, column widths computed from the content so that nothing is
 * clipped on A4, row heights, borders) and read back from the sheet by readDocument through the
 * same declaration (FORM_ROWS, and the form's shape kept in the report's marker). The HTML the
 * PDF is made from (reportHtml.ts) renders the same document.
 */
import type { Layout } from '../../../kernel/layout';
import type { Signatory } from '../../../kernel/settings';
import { headerBreakPieces } from './headerWords';
import { lineCount, longestPiecePx, textWidthPx } from './textWidth';

/** A cell of a report. */
export type FormValue = string | number;
/** How a column's cells are aligned. */
export type Align = 'left' | 'center' | 'right';

/** A table of a report: its declared columns, body and total rows. */
export interface FormTable {
  readonly layout: Layout<string>;
  readonly align: readonly Align[];
  readonly rows: readonly (readonly FormValue[])[];
  /** The total row, or null. */
  readonly total: readonly FormValue[] | null;
}

/** An evidence section: a title line and its table. */
export interface FormSection {
  readonly title: string;
  readonly table: FormTable;
  /** Each district's count (its listed rows and any left out), for the e-mail; else its rows. */
  readonly perDistrict?: readonly (readonly [string, number])[];
}

/** The memo header of a Thai official report (บันทึกข้อความ). */
export interface Memo {
  /** ส่วนราชการ */
  readonly agency: string;
  /** ที่ */
  readonly reference: string;
  /** วันที่ (BE, Arabic digits) */
  readonly date: string;
  /** เรื่อง */
  readonly subject: string;
  /** เรียน */
  readonly addressee: string;
}

/** A whole report. */
export interface ReportDocument {
  readonly memo: Memo;
  /** ฉบับล่าสุด, ฉบับชั่วคราว (…), ฉบับเก่า … */
  readonly status: string;
  /** Sent status text ('' until sent). */
  readonly sent: string;
  /** The day its figures are from (BE, Arabic digits). */
  readonly asOf: string;
  /** The paragraph above the table. */
  readonly intro: string;
  readonly table: FormTable;
  readonly sections: readonly FormSection[];
  /** จึงเรียนมาเพื่อโปรดทราบ */
  readonly closing: string;
  readonly signature: Signatory;
  /** The line under the signature: who made it with the add-on, and when. */
  readonly footer: string;
}

/** The form's fixed rows (1-based); the table's header follows INTRO. */
export const FORM_ROWS = {
  title: 1,
  agency: 2,
  reference: 3,
  subject: 4,
  addressee: 5,
  status: 6,
  asOf: 7,
  intro: 8,
  tableHeader: 9,
} as const;

/** The form's labels. */
export const FORM_TEXT = {
  title: 'บันทึกข้อความ',
  agency: 'ส่วนราชการ',
  reference: 'ที่',
  date: 'วันที่',
  subject: 'เรื่อง',
  addressee: 'เรียน',
  status: 'สถานะ',
  sent: 'การส่ง',
  asOf: 'ข้อมูล ณ วันที่',
  sign: '(ลงชื่อ) ........................................ ผู้รายงาน',
  blankName: '(........................................)',
  position: 'ตำแหน่ง',
  phone: 'โทร.',
} as const;

/**
 * What ที่ shows where the registry's running number is still to be given: a dotted line, as on
 * a paper memo, on which the number is written by hand.
 */
export const REFERENCE_BLANK = '........';

/**
 * The memo's ที่ as printed, never empty (issue 24, finding 9): the settings' reference as typed
 * when it carries its running number (นค 0019.3/1166); a prefix without one (นค 0019.3/, or
 * นค 0019.3) gets the dotted line after its slash (นค 0019.3/........); nothing at all — the
 * district memo, whose office code the settings do not hold — is the dotted line alone. The
 * add-on keeps no register of letters, so it never invents a number. Idempotent, so a report
 * read back from its sheet prints the same.
 * @param reference the settings' reference (ที่ (เลขที่หนังสือ)) or ''
 */
export function memoReference(reference: string): string {
  const typed = reference.trim();
  if (typed === '' || /^[.\s]+$/.test(typed)) return REFERENCE_BLANK;
  const slash = typed.lastIndexOf('/');
  if (slash < 0) return `${typed}/${REFERENCE_BLANK}`;
  return typed.slice(slash + 1).trim() === '' ? `${typed}${REFERENCE_BLANK}` : typed;
}

/** Font sizes (points) of the form's parts. Sarabun is the font Sheets offers for Thai. */
export const FORM_FONT = { family: 'Sarabun', title: 16, text: 12, table: 10 } as const;

/**
 * Printable widths in pixels at 96 px per inch: A4 (210 × 297 mm) less Sheets' "Normal" margins
 * of 0.75 inch a side (File → Print; how Sheets maps column pixels to paper at 100 % scale is
 * unconfirmed, so the report also says to print with "Fit to width").
 */
export const PAGE_WIDTH_PX = { portrait: 650, landscape: 978 } as const;

/** Cell padding (left + right) and a line's height per point of font size. */
const PADDING_PX = 10;
const LINE_PX_PER_PT = 1.8;
const ROW_PADDING_PX = 6;
/** The widest a column is made before its text is wrapped instead. */
const MAX_COLUMN_PX = 300;
/** Label columns of the memo lines. */
const LABEL_SPAN = 2;

/** Where a section is in the sheet, kept in the report's marker (its rows and column spans). */
export interface SectionShape {
  readonly rows: number;
  /** 1-based [first, last] sheet columns of each of its columns. */
  readonly spans: readonly (readonly [number, number])[];
  /** Each district's count when it differs from its listed rows (FormSection.perDistrict). */
  readonly perDistrict?: readonly (readonly [string, number])[];
}

/** What a report's marker keeps to read its sheet back. */
export interface FormShape {
  readonly v: 2;
  readonly width: number;
  readonly rows: number;
  readonly total: boolean;
  readonly sections: readonly SectionShape[];
}

/** Where a report's parts are (1-based rows), from its shape. */
export interface FormLayout {
  readonly shape: FormShape;
  readonly width: number;
  readonly tableHeader: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** The total row, or 0. */
  readonly totalRow: number;
  /** Each section's title row, header row and first body row. */
  readonly sections: readonly { readonly title: number; readonly header: number; readonly first: number }[];
  readonly closing: number;
  /** The first of the signature block's four rows. */
  readonly signature: number;
  readonly footer: number;
  /** The status and sent cells (row, column). */
  readonly statusCell: readonly [number, number];
  readonly sentCell: readonly [number, number];
}

/**
 * The layout of a report of a shape.
 * @param shape the shape (from the report's marker)
 */
export function formLayout(shape: FormShape): FormLayout {
  const tableHeader = FORM_ROWS.tableHeader;
  const firstRow = tableHeader + 1;
  const lastRow = tableHeader + shape.rows;
  const totalRow = shape.total ? lastRow + 1 : 0;
  let row = (totalRow || lastRow) + 2;
  const sections = shape.sections.map((s) => {
    const at = { title: row, header: row + 1, first: row + 2 };
    row += 2 + s.rows + 1;
    return at;
  });
  const half = halfOf_(shape.width);
  return {
    shape,
    width: shape.width,
    tableHeader,
    firstRow,
    lastRow,
    totalRow,
    sections,
    closing: row,
    signature: row + 2,
    footer: row + 6,
    statusCell: [FORM_ROWS.status, LABEL_SPAN + 1],
    sentCell: [FORM_ROWS.status, half + 2],
  };
}

/** The column where a memo line's second half starts (its label). */
function halfOf_(width: number): number {
  return Math.max(LABEL_SPAN + 1, Math.floor(width / 2) + 1);
}

/** A block of cells given a style (1-based, inclusive). */
export interface StyledBlock {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Everything the writer needs to put a report into a sheet. */
export interface FormGrid {
  readonly rows: FormValue[][];
  readonly shape: FormShape;
  readonly layout: FormLayout;
  readonly orientation: 'portrait' | 'landscape';
  /** Pixel width of each column. */
  readonly widths: readonly number[];
  /** Pixel height of each row. */
  readonly heights: readonly number[];
  /**
   * The heights as blocks of rows, one per call: each row of the form's fixed parts on its own,
   * each table body as one block at its tallest row's height, so that the calls that set them
   * do not grow with the rows.
   */
  readonly heightBlocks: readonly { readonly row: number; readonly rows: number; readonly height: number }[];
  /** Blocks whose rows are each merged across (Range.mergeAcross). */
  readonly merges: readonly StyledBlock[];
  readonly bold: readonly StyledBlock[];
  /** Font sizes by block. */
  readonly sizes: readonly (StyledBlock & { readonly pt: number })[];
  /** Table blocks: bordered; their first row is a grey header. */
  readonly tables: readonly StyledBlock[];
  /** Blocks aligned otherwise than left. */
  readonly aligned: readonly (StyledBlock & { readonly align: Align })[];
}

const text_ = (v: FormValue | undefined) => (v === undefined ? '' : String(v));

/**
 * The widest a column's minimum is made for one unbreakable piece (a link, a long code): wider
 * pieces are broken anywhere, by Sheets' wrap and by the page's `overflow-wrap: anywhere`.
 */
const MAX_PIECE_PX = 160;

/**
 * The columns' widths of a table on a page width: each at least its longest unbreakable piece
 * (header and cells, capped at MAX_PIECE_PX), at most what its longest cell needs on one line
 * (capped at MAX_COLUMN_PX), shrunk toward the minimums to fit the page.
 * @param table the table
 * @param page the page's printable width in pixels, or null to pick portrait or landscape:
 *   portrait when the ideal widths fit it
 */
export function tableWidths(
  table: Pick<FormTable, 'layout' | 'rows' | 'total'>,
  page: number | null = null,
): { widths: number[]; orientation: FormGrid['orientation'] } {
  const pt = FORM_FONT.table;
  const cells = (c: number) => [...table.rows.map((r) => text_(r[c])), ...(table.total ? [text_(table.total[c])] : [])];
  const piece = (t: string, bold = false) => Math.min(MAX_PIECE_PX, longestPiecePx(t, pt, bold));
  // a header's words that read as one are never split (headerWords.ts)
  const headerPiece = (h: string) =>
    Math.min(MAX_PIECE_PX, Math.max(0, ...headerBreakPieces(h).map((p) => textWidthPx(p.trim(), pt, true))));
  const min = table.layout.columns.map((col, c) =>
    Math.ceil(Math.max(headerPiece(col.header), ...cells(c).map((t) => piece(t))) + PADDING_PX),
  );
  const ideal = table.layout.columns.map((col, c) =>
    Math.max(
      min[c],
      Math.ceil(
        Math.min(
          MAX_COLUMN_PX,
          Math.max(textWidthPx(col.header, pt, true) / 2, ...cells(c).map((t) => textWidthPx(t, pt))) + PADDING_PX,
        ),
      ),
    ),
  );
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const orientation = sum(ideal) <= PAGE_WIDTH_PX.portrait ? 'portrait' : 'landscape';
  const room = page ?? PAGE_WIDTH_PX[orientation];
  if (sum(ideal) <= room) return { widths: ideal, orientation };
  const spare = Math.max(0, room - sum(min));
  const slack = sum(ideal) - sum(min);
  // Shared out in proportion to what each column would like beyond its minimum; floors keep the sum on the page.
  const widths = min.map((m, c) => m + Math.floor((spare * (ideal[c] - m)) / slack));
  return { widths, orientation };
}

/** The main table's widths and the page's orientation. */
function columnWidths_(table: FormTable): { widths: number[]; orientation: FormGrid['orientation'] } {
  return tableWidths(table);
}

/**
 * Spans of the sheet's columns for a section's columns: contiguous, in order, each span as
 * close as can be to the share of the width its column is declared with (and at least its
 * header's longest word), found by dynamic programming over the few columns. From the
 * declaration, not the content: the same kind of report always merges the same spans (a fixed
 * number of calls), and a cell longer than its span wraps (its row's height is computed).
 */
function spansOf_(table: FormTable, widths: readonly number[]): [number, number][] {
  const pt = FORM_FONT.table;
  const k = table.layout.columns.length;
  const n = widths.length;
  if (k >= n) return table.layout.columns.map((_, j) => [Math.min(j, n - 1) + 1, Math.min(j, n - 1) + 1]);
  const want = table.layout.columns.map((col) =>
    Math.max(col.width, textWidthPx(col.header, pt, true) / 2 + PADDING_PX),
  );
  const need = table.layout.columns.map((col) => longestPiecePx(col.header, pt, true) + PADDING_PX);
  const total = widths.reduce((a, b) => a + b, 0);
  const wantTotal = want.reduce((a, b) => a + b, 0);
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1] + w);
  const cost = (j: number, from: number, to: number) => {
    const w = prefix[to] - prefix[from];
    const share = (want[j] / wantTotal) * total;
    return Math.abs(w - share) + (w < need[j] ? 1000 * (need[j] - w) : 0);
  };
  // best[j][i]: the least cost of columns 0..j-1 over sheet columns 0..i-1.
  const best: number[][] = Array.from({ length: k + 1 }, () => Array(n + 1).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: k + 1 }, () => Array(n + 1).fill(0));
  best[0][0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n - (k - j); i++) {
      for (let s = j - 1; s < i; s++) {
        const c = best[j - 1][s] + cost(j - 1, s, i);
        if (c < best[j][i]) {
          best[j][i] = c;
          from[j][i] = s;
        }
      }
    }
  }
  const spans: [number, number][] = [];
  for (let j = k, i = n; j > 0; j--) {
    const s = from[j][i];
    spans.unshift([s + 1, i]);
    i = s;
  }
  return spans;
}

/** Whether a section's per-district counts are just its rows per district (nothing left out). */
function samePerDistrict_(s: FormSection): boolean {
  const rows = new Map<string, number>();
  for (const r of s.table.rows) rows.set(String(r[0]), (rows.get(String(r[0])) ?? 0) + 1);
  const given = s.perDistrict ?? [];
  return given.length === rows.size && given.every(([d, n]) => rows.get(d) === n);
}

/**
 * A report laid out in a sheet.
 * @param doc the report
 */
export function formGrid(doc: ReportDocument): FormGrid {
  const table = doc.table;
  const width = table.layout.width;
  const { widths, orientation } = columnWidths_(table);
  const sections = doc.sections.map(
    (s): SectionShape => ({
      rows: s.table.rows.length,
      spans: spansOf_(s.table, widths),
      // kept only where entries are left out, so that the e-mail made from the sheet says the count
      ...(s.perDistrict && !samePerDistrict_(s) ? { perDistrict: s.perDistrict } : {}),
    }),
  );
  const shape: FormShape = { v: 2, width, rows: table.rows.length, total: table.total !== null, sections };
  const layout = formLayout(shape);
  const height = layout.footer;
  const rows: FormValue[][] = Array.from({ length: height }, () => Array<FormValue>(width).fill(''));
  const merges: StyledBlock[] = [];
  const bold: StyledBlock[] = [];
  const sizes: (StyledBlock & { pt: number })[] = [];
  const tables: StyledBlock[] = [];
  const aligned: (StyledBlock & { align: Align })[] = [];
  const block = (row: number, column: number, rowCount = 1, columns = 1): StyledBlock => ({
    row,
    column,
    rows: rowCount,
    columns,
  });
  const put = (row: number, column: number, value: FormValue) => {
    rows[row - 1][column - 1] = value;
  };
  const span = (row: number, first: number, last: number, value: FormValue) => {
    put(row, first, value);
    if (last > first) merges.push(block(row, first, 1, last - first + 1));
  };
  const half = halfOf_(width);
  // The memo header.
  span(FORM_ROWS.title, 1, width, FORM_TEXT.title);
  aligned.push({ ...block(FORM_ROWS.title, 1, 1, width), align: 'center' });
  sizes.push({ ...block(FORM_ROWS.title, 1, 1, width), pt: FORM_FONT.title });
  bold.push(block(FORM_ROWS.title, 1));
  const line = (row: number, label: string, value: string, first = 1, last = width) => {
    span(row, first, first + LABEL_SPAN - 1, label);
    span(row, first + LABEL_SPAN, last, value);
    bold.push(block(row, first));
  };
  line(FORM_ROWS.agency, FORM_TEXT.agency, doc.memo.agency);
  line(FORM_ROWS.reference, FORM_TEXT.reference, memoReference(doc.memo.reference), 1, half - 1);
  span(FORM_ROWS.reference, half, half, FORM_TEXT.date);
  span(FORM_ROWS.reference, half + 1, width, doc.memo.date);
  bold.push(block(FORM_ROWS.reference, half));
  line(FORM_ROWS.subject, FORM_TEXT.subject, doc.memo.subject);
  line(FORM_ROWS.addressee, FORM_TEXT.addressee, doc.memo.addressee);
  line(FORM_ROWS.status, FORM_TEXT.status, doc.status, 1, half);
  span(FORM_ROWS.status, half + 1, half + 1, FORM_TEXT.sent);
  span(FORM_ROWS.status, half + 2, width, doc.sent);
  line(FORM_ROWS.asOf, FORM_TEXT.asOf, doc.asOf);
  sizes.push({ ...block(FORM_ROWS.agency, 1, FORM_ROWS.intro - FORM_ROWS.agency + 1, width), pt: FORM_FONT.text });
  span(FORM_ROWS.intro, 1, width, doc.intro);
  // The table.
  const tableRows = table.rows.length + (table.total ? 1 : 0) + 1;
  rows[layout.tableHeader - 1] = [...table.layout.headers];
  table.rows.forEach((r, i) => {
    rows[layout.firstRow + i - 1] = table.layout.columns.map((_, c) => r[c] ?? '');
  });
  if (table.total) {
    rows[layout.totalRow - 1] = table.layout.columns.map((_, c) => table.total?.[c] ?? '');
    bold.push(block(layout.totalRow, 1, 1, width));
  }
  bold.push(block(layout.tableHeader, 1, 1, width));
  tables.push(block(layout.tableHeader, 1, tableRows, width));
  sizes.push({ ...block(layout.tableHeader, 1, tableRows, width), pt: FORM_FONT.table });
  table.align.forEach((a, c) => {
    if (a !== 'left') aligned.push({ ...block(layout.firstRow, c + 1, tableRows - 1, 1), align: a });
  });
  aligned.push({ ...block(layout.tableHeader, 1, 1, width), align: 'center' });
  // The evidence.
  doc.sections.forEach((s, k) => {
    const at = layout.sections[k];
    const spans = sections[k].spans;
    span(at.title, 1, width, s.title);
    bold.push(block(at.title, 1));
    sizes.push({ ...block(at.title, 1, 1, width), pt: FORM_FONT.text });
    const cells = [s.table.layout.headers, ...s.table.rows];
    cells.forEach((r, i) => {
      for (const [j, [first]] of spans.entries()) put(at.header + i, first, r[j] ?? '');
    });
    for (const [first, last] of spans) {
      if (last > first) merges.push(block(at.header, first, cells.length, last - first + 1));
    }
    bold.push(block(at.header, 1, 1, width));
    aligned.push({ ...block(at.header, 1, 1, width), align: 'center' });
    tables.push(block(at.header, 1, cells.length, width));
    sizes.push({ ...block(at.header, 1, cells.length, width), pt: FORM_FONT.table });
    s.table.align.forEach((a, j) => {
      if (a !== 'left' && s.table.rows.length > 0) {
        const [first, last] = spans[j];
        aligned.push({ ...block(at.first, first, s.table.rows.length, last - first + 1), align: a });
      }
    });
  });
  // The closing line and the signature, on the right half.
  span(layout.closing, 1, width, doc.closing);
  const sign = doc.signature;
  const signLines = [
    FORM_TEXT.sign,
    sign.name ? `(${sign.name})` : FORM_TEXT.blankName,
    `${FORM_TEXT.position} ${sign.position || '........................................'}`,
    `${FORM_TEXT.phone} ${sign.phone || '........................................'}`,
  ];
  signLines.forEach((t, i) => {
    span(layout.signature + i, half, width, t);
  });
  aligned.push({ ...block(layout.signature, half, 4, width - half + 1), align: 'center' });
  span(layout.footer, 1, width, doc.footer);
  sizes.push({ ...block(layout.closing, 1, layout.footer - layout.closing, width), pt: FORM_FONT.text });
  sizes.push({ ...block(layout.footer, 1, 1, width), pt: FORM_FONT.table });
  const measured = heights_(rows, widths, merges, sizes, bold);
  const bodies = [
    { row: layout.firstRow, rows: shape.rows },
    ...layout.sections.map((at, k) => ({ row: at.first, rows: shape.sections[k].rows })),
  ].filter((b) => b.rows > 0);
  const heightBlocks: { row: number; rows: number; height: number }[] = [];
  for (let row = 1; row <= measured.length; ) {
    const body = bodies.find((b) => b.row === row);
    const count = body ? body.rows : 1;
    heightBlocks.push({ row, rows: count, height: Math.max(...measured.slice(row - 1, row - 1 + count)) });
    row += count;
  }
  const heights = heightBlocks.flatMap((b) => Array<number>(b.rows).fill(b.height));
  return { rows, shape, layout, orientation, widths, heights, heightBlocks, merges, bold, sizes, tables, aligned };
}

/** Whether a cell is inside a block. */
function inside_(b: StyledBlock, row: number, column: number): boolean {
  return row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns;
}

/**
 * Each row's height: the most lines any of its cells wraps to in its width (a merged cell's
 * width is its columns'), at its font size. Rows are sized explicitly: whether Sheets grows a
 * row for wrapped text in merged cells is unconfirmed (reported not to), so the worse case.
 */
function heights_(
  rows: readonly FormValue[][],
  widths: readonly number[],
  merges: readonly StyledBlock[],
  sizes: readonly (StyledBlock & { pt: number })[],
  bold: readonly StyledBlock[],
): number[] {
  // Only the blocks that cross a row are searched for its cells (the same first or last match),
  // found by row once: a report of thousands of rows has thousands of blocks.
  const sizesByRow = byRow_([...sizes].reverse(), rows.length);
  const mergesByRow = byRow_(merges, rows.length);
  const boldByRow = byRow_(bold, rows.length);
  return rows.map((r, i) => {
    const row = i + 1;
    let lines = 1;
    let pt: number = FORM_FONT.text;
    const rowSizes = sizesByRow[row] ?? [];
    const rowMerges = mergesByRow[row] ?? [];
    const rowBold = boldByRow[row] ?? [];
    // Plain loops, no closure per cell: a report sizes every cell of thousands of rows.
    for (let c = 0; c < r.length; c++) {
      const column = c + 1;
      const size = firstInside_(rowSizes, row, column)?.pt ?? FORM_FONT.text;
      const merge = firstInside_(rowMerges, row, column);
      if (merge && merge.column !== column) continue;
      let cellWidth = widths[c];
      if (merge) {
        cellWidth = 0;
        for (let k = c; k < c + merge.columns && k < widths.length; k++) cellWidth += widths[k];
      }
      const isBold = firstInside_(rowBold, row, column) !== undefined;
      const text = text_(r[c]);
      const n = text === '' ? 1 : lineCount(text, cellWidth - PADDING_PX, size, isBold);
      if (n > lines || (n === lines && size > pt)) pt = size;
      lines = Math.max(lines, n);
    }
    return Math.ceil(lines * pt * LINE_PX_PER_PT + ROW_PADDING_PX);
  });
}

/**
 * The first of a row's blocks that holds a cell, or undefined.
 * @param blocks the blocks that cross the cell's row, in the order searched
 * @param row the cell's row
 * @param column the cell's column
 */
function firstInside_<B extends StyledBlock>(blocks: readonly B[], row: number, column: number): B | undefined {
  for (let i = 0; i < blocks.length; i++) if (inside_(blocks[i], row, column)) return blocks[i];
  return undefined;
}

/**
 * The blocks that cross each row (1-based), in the order given.
 * @param blocks the blocks
 * @param rows the rows there are
 */
function byRow_<B extends StyledBlock>(blocks: readonly B[], rows: number): (B[] | undefined)[] {
  const out: (B[] | undefined)[] = [];
  for (const b of blocks) {
    for (let row = Math.max(b.row, 1); row < b.row + b.rows && row <= rows; row++) {
      const list = out[row] ?? [];
      list.push(b);
      out[row] = list;
    }
  }
  return out;
}

/**
 * A report read back from its sheet's values through its layout: what the PDF and the e-mail
 * are made from, so that they show what the sheet holds.
 * @param values the sheet's values
 * @param layout the report's layout (formLayout of the shape in its marker)
 * @param tables the main table's and each section's declared columns and alignment
 */
export function readDocument(
  values: readonly (readonly unknown[])[],
  layout: FormLayout,
  tables: {
    readonly main: Omit<FormTable, 'rows' | 'total'>;
    readonly sections: readonly Omit<FormTable, 'rows' | 'total'>[];
  },
): ReportDocument {
  const cell = (row: number, column: number): FormValue => {
    const v = values[row - 1]?.[column - 1];
    return typeof v === 'number' ? v : v instanceof Date ? v.toISOString() : String(v ?? '');
  };
  const width = layout.width;
  const half = halfOf_(width);
  const range = (row: number, first: number, count: number) =>
    Array.from({ length: count }, (_, c) => cell(row, first + c));
  const body: FormValue[][] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++) body.push(range(r, 1, tables.main.layout.width));
  const sections = layout.shape.sections.map((shape, k): FormSection => {
    const at = layout.sections[k];
    const declared = tables.sections[k];
    const rows: FormValue[][] = [];
    for (let i = 0; i < shape.rows; i++) rows.push(shape.spans.map(([first]) => cell(at.first + i, first)));
    const counted = shape.perDistrict ? { perDistrict: shape.perDistrict } : {};
    return { title: String(cell(at.title, 1)), table: { ...declared, rows, total: null }, ...counted };
  });
  const signLine = (i: number) => String(cell(layout.signature + i, half));
  const after = (text: string, label: string) => text.replace(label, '').trim().replace(/^\.+$/, '');
  const name = signLine(1).replace(/^\(|\)$/g, '');
  return {
    memo: {
      agency: String(cell(FORM_ROWS.agency, LABEL_SPAN + 1)),
      reference: String(cell(FORM_ROWS.reference, LABEL_SPAN + 1)),
      date: String(cell(FORM_ROWS.reference, half + 1)),
      subject: String(cell(FORM_ROWS.subject, LABEL_SPAN + 1)),
      addressee: String(cell(FORM_ROWS.addressee, LABEL_SPAN + 1)),
    },
    status: String(cell(...layout.statusCell)),
    sent: String(cell(...layout.sentCell)),
    asOf: String(cell(FORM_ROWS.asOf, LABEL_SPAN + 1)),
    intro: String(cell(FORM_ROWS.intro, 1)),
    table: {
      ...tables.main,
      rows: body,
      total: layout.totalRow ? range(layout.totalRow, 1, tables.main.layout.width) : null,
    },
    sections,
    closing: String(cell(layout.closing, 1)),
    signature: {
      name: /^\.+$/.test(name) ? '' : name,
      position: after(signLine(2), FORM_TEXT.position),
      phone: after(signLine(3), FORM_TEXT.phone),
    },
    footer: String(cell(layout.footer, 1)),
  };
}
