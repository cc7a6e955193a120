/** One sheet's grid (cells addressed 1-based, stored sparsely) and its sheet-level settings. */
import type { Rect } from './a1';
import type { CellStyle } from './cellStyle';
import type { RuleModel, ValidationModel } from './model';
import type { Scalar } from './values';

/**
 * Per-cell data. Absent (undefined) fields mean the Sheets default. Stored cells are
 * StoredCell objects (one fixed shape, so that V8 keeps a million cells small); the formats are
 * one shared style.
 */
export interface CellData {
  value?: Scalar;
  formula?: string;
  note?: string;
  validation?: ValidationModel;
  /**
   * where the cell sits in the block its rule was set on ([row, col] from the block's first
   * cell): a custom formula's relative references are read from that first cell (validity.ts)
   */
  validationAt?: readonly [number, number];
  /** The cell's formats, shared with every cell formatted alike (cellStyle.ts); undefined: none. */
  style?: CellStyle;
}

/**
 * A stored cell: every field present (one object shape for all cells; fields are cleared to
 * undefined, never deleted). A class so that snapshots copy cells field by field
 * (snapshot.ts), not as generic objects.
 */
export class StoredCell implements CellData {
  declare value: Scalar | undefined;
  declare formula: string | undefined;
  declare note: string | undefined;
  declare validation: ValidationModel | undefined;
  declare validationAt: readonly [number, number] | undefined;
  declare style: CellStyle | undefined;

  /** An empty cell. */
  constructor() {
    // plain assignments (field initialisers compile to a defineProperty call each at ES2020)
    this.value = undefined;
    this.formula = undefined;
    this.note = undefined;
    this.validation = undefined;
    this.validationAt = undefined;
    this.style = undefined;
  }
}

import type { ChartModel } from './charts';

/** A stored developer metadata entry (on a sheet, or on the spreadsheet when `sheet` is null). */
export interface DeveloperMetadataModel {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  sheet: SheetModel | null;
}

/**
 * Default size of a new sheet, as in Sheets (1000 rows × 26 columns; e.g. the gridProperties
 * of a new spreadsheet in the Sheets API response quoted at docs.autoro.io/actions/google-spreadsheet).
 */
export const DEFAULT_ROWS = 1000;
/** Default number of columns of a new sheet. */
export const DEFAULT_COLUMNS = 26;
/** Default column width in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;
/**
 * Default row height in pixels (21: Sheets' default, e.g. the defaultRowHeight of a new sheet
 * in the Sheets API's SheetProperties; unconfirmed for every locale and font).
 */
export const DEFAULT_ROW_HEIGHT = 21;

/**
 * Whether a cell holds content (a value or a formula), as getLastRow counts it.
 * @param cell the cell, if any
 */
export function hasContent(cell: CellData | undefined): boolean {
  return cell !== undefined && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''));
}

/** One sheet: its grid and sheet-level settings. */
export class SheetModel {
  /** rows[r - 1][c - 1]; sparse */
  rows: Array<Array<CellData | undefined> | undefined> = [];
  hidden = false;
  /** The workbook's generation when the cells last changed (WorkbookModel.touch). */
  contentVersion = 0;
  tabColor: string | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  /** Rows given a height (Sheet.setRowHeight(s)); the others have DEFAULT_ROW_HEIGHT. */
  rowHeights = new Map<number, number>();
  rules: RuleModel[] = [];
  /** embedded charts (Sheet.insertChart), in the order inserted */
  charts: ChartModel[] = [];
  /** merged blocks (each at least two cells), in the order they were made */
  merges: Rect[] = [];
  /** developer metadata located on this sheet */
  metadata: DeveloperMetadataModel[] = [];

  /**
   * @param id the sheet id (gid)
   * @param name the tab name
   * @param maxRows number of rows
   * @param maxColumns number of columns
   */
  constructor(
    readonly id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxColumns = DEFAULT_COLUMNS,
  ) {}

  /**
   * The cell at (row, col), if anything was ever stored there.
   * @param row 1-based
   * @param col 1-based
   */
  cell(row: number, col: number): CellData | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /**
   * The cell at (row, col), created when missing.
   * @param row 1-based
   * @param col 1-based
   */
  cellForWrite(row: number, col: number): CellData {
    let cells = this.rows[row - 1];
    if (!cells) this.rows[row - 1] = cells = [];
    let cell = cells[col - 1];
    if (!cell) cells[col - 1] = cell = new StoredCell();
    return cell;
  }

  /** Last row holding a value or formula (0 when none). */
  lastContentRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) if (this.rows[r]?.some(hasContent)) return r + 1;
    return 0;
  }

  /** Last column holding a value or formula (0 when none). */
  lastContentColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length - 1; c >= last; c--) {
        if (hasContent(cells[c])) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /**
   * Inserts empty rows after `after` (grid only).
   * @param after 0..maxRows
   * @param count how many
   */
  insertRows(after: number, count: number): void {
    if (after < this.rows.length) {
      this.rows = this.rows.slice(0, after).concat(new Array(count).fill(undefined), this.rows.slice(after));
    }
    const heights = new Map<number, number>();
    for (const [r, h] of this.rowHeights) heights.set(r > after ? r + count : r, h);
    this.rowHeights = heights;
    this.maxRows += count;
  }

  /**
   * Deletes rows first..first+count-1 (grid only).
   * @param first 1-based
   * @param count how many
   */
  deleteRows(first: number, count: number): void {
    this.rows.splice(first - 1, count);
    const heights = new Map<number, number>();
    for (const [r, h] of this.rowHeights) {
      if (r < first) heights.set(r, h);
      else if (r >= first + count) heights.set(r - count, h);
    }
    this.rowHeights = heights;
    this.maxRows -= count;
  }

  /**
   * Inserts empty columns after `after` (grid only).
   * @param after 0..maxColumns
   * @param count how many
   */
  insertColumns(after: number, count: number): void {
    this.rows = this.rows.map((cells) =>
      cells && after < cells.length
        ? cells.slice(0, after).concat(new Array(count).fill(undefined), cells.slice(after))
        : cells,
    );
    const widths = new Map<number, number>();
    for (const [c, w] of this.columnWidths) widths.set(c > after ? c + count : c, w);
    this.columnWidths = widths;
    this.maxColumns += count;
  }

  /**
   * Deletes columns first..first+count-1 (grid only).
   * @param first 1-based
   * @param count how many
   */
  deleteColumns(first: number, count: number): void {
    for (const cells of this.rows) cells?.splice(first - 1, count);
    const widths = new Map<number, number>();
    for (const [c, w] of this.columnWidths) {
      if (c < first) widths.set(c, w);
      else if (c >= first + count) widths.set(c - count, w);
    }
    this.columnWidths = widths;
    this.maxColumns -= count;
  }
}
