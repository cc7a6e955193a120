/** The data check's output sheet: one problem a row, with a link that opens the cell. */
import { asCellText } from './cellText';
import { columnLetter } from './districtTable';

/** A problem located in a sheet of the workbook. */
export interface LocatedProblem {
  readonly sheet: string;
  /** 1-based sheet row and column. */
  readonly row: number;
  readonly column: number;
  readonly message: string;
}

export const PROBLEM_HEADERS = ['ชีต', 'เซลล์', 'ปัญหา', 'ไปที่เซลล์'];

/**
 * The A1 address of a cell.
 * @param row 1-based
 * @param column 1-based
 */
export function a1(row: number, column: number): string {
  return `${columnLetter(column - 1)}${row}`;
}

/**
 * The problems sheet's rows, header first. The link column is a HYPERLINK to the cell (the
 * `#gid=…&range=…` form opens a sheet at a range in the same spreadsheet).
 * @param problems the problems, in order
 * @param sheetIds the sheet id of each sheet name
 * @param checkedAt when the check ran, as Thai text
 */
export function problemRows(
  problems: readonly LocatedProblem[],
  sheetIds: ReadonlyMap<string, number>,
  checkedAt: string,
): string[][] {
  const rows = problems.map((p) => {
    const cell = a1(p.row, p.column);
    const id = sheetIds.get(p.sheet);
    const link = id === undefined ? '' : `=HYPERLINK("#gid=${id}&range=${cell}", "ไปที่ ${cell}")`;
    return [asCellText(p.sheet), cell, asCellText(p.message), link];
  });
  const summary =
    problems.length === 0 ? `ไม่พบปัญหา (ตรวจเมื่อ ${checkedAt})` : `พบ ${problems.length} รายการ (ตรวจเมื่อ ${checkedAt})`;
  return [PROBLEM_HEADERS, ...rows, ['', '', summary, '']];
}
