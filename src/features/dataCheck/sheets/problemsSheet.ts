/** The data check's output sheet: one problem a row, with a link that opens the cell. */
import { defineLayout } from '../../../kernel/layout';
import { a1 } from '../../../kernel/a1';

/** A problem located in a sheet of the workbook. */
export interface LocatedProblem {
  readonly sheet: string;
  /** 1-based sheet row and column. */
  readonly row: number;
  readonly column: number;
  readonly message: string;
}

/** The problems sheet's columns. */
export const PROBLEM_LAYOUT = /* @__PURE__ */ defineLayout('ปัญหาข้อมูล', [
  { key: 'sheet', header: 'ชีต', width: 160 },
  { key: 'cell', header: 'เซลล์', width: 60 },
  { key: 'message', header: 'ปัญหา', width: 520 },
  { key: 'link', header: 'ไปที่เซลล์', width: 100 },
]);

/**
 * The problems sheet's rows, header first, then a summary row. The link column is a
 * HYPERLINK to the cell (the `#gid=…&range=…` form opens a sheet at a range in the same
 * spreadsheet). The writer writes the other cells as text.
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
    return [p.sheet, cell, p.message, link];
  });
  const summary =
    problems.length === 0 ? `ไม่พบปัญหา (ตรวจเมื่อ ${checkedAt})` : `พบ ${problems.length} รายการ (ตรวจเมื่อ ${checkedAt})`;
  return [[...PROBLEM_LAYOUT.headers], ...rows, ['', '', summary, '']];
}
