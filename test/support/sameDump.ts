/**
 * Comparing whole-workbook dumps quickly. A dump is plain JSON data built in a fixed order, so
 * two dumps with the same JSON text are equal; jest's deep `toEqual` walks every key of both
 * (a province's dump has tens of thousands of cells), which made it the costliest step of the
 * refusal tests (issue 23: 9 of 19 s in one file). The texts are compared first, and only when
 * they differ is `toEqual` asked, so the verdict and the difference it prints are jest's own.
 */
import { dump, type WorkbookDump } from '../../dev/fakes';

/** What dump() takes. */
type Dumped_ = Parameters<typeof dump>[0];

/**
 * Expects a dump to equal the one taken before (as `expect(after).toEqual(before)`).
 * @param after the dump now, or the spreadsheet to dump
 * @param before the dump taken before
 */
export function expectSameDump(after: WorkbookDump | Dumped_, before: WorkbookDump): void {
  const now = isSpreadsheet_(after) ? dump(after) : after;
  if (JSON.stringify(now) !== JSON.stringify(before)) expect(now).toEqual(before);
}

/** Whether a value is a spreadsheet (to dump) rather than a dump. */
function isSpreadsheet_(value: WorkbookDump | Dumped_): value is Dumped_ {
  return typeof (value as { getSheets?: unknown }).getSheets === 'function';
}
