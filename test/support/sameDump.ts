/**
 * Comparing whole-workbook dumps quickly. A dump is plain JSON data built in a fixed order, so
 * two dumps with the same JSON text are equal; jest's deep `toEqual` walks every key of both
 * (a province's dump has tens of thousands of cells), which made it the costliest step of the
 * refusal tests (issue 23: 9 of 19 s in one file). The texts are compared first, and only when
 * they differ is `toEqual` asked, so the verdict and the difference it prints are jest's own.
 */
import { createHash } from 'node:crypto';
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

/** Validation texts at least this long stand for themselves by their digest in dumpText. */
const DIGEST_FROM = 512;
/** Long validation texts seen → their digest (one per distinct text). */
const digests_ = new Map<string, { sha256: string }>();

/**
 * A dump's JSON text for comparing two states of one workbook: each validation text of
 * DIGEST_FROM characters or more given as its SHA-256 digest (an object no dump holds, so it is
 * never taken for a value). Most of a province's dump is one such text, the date column's custom
 * formula (6 KB) on every row of every entry sheet: 6.3 MB of text became about a fifth, and two
 * texts are equal exactly when the full ones are. The fault sweeps do the same with their own
 * normalisations (test/support/faultSweep.ts).
 * @param spreadsheet the workbook
 */
export function dumpText(spreadsheet: Dumped_): string {
  return JSON.stringify(dump(spreadsheet, { validationText: digested_ }));
}

/**
 * What a validation's text value stands for in dumpText.
 * @param text the value
 */
function digested_(text: string): unknown {
  if (text.length < DIGEST_FROM) return text;
  let digest = digests_.get(text);
  if (digest === undefined) {
    digest = { sha256: createHash('sha256').update(text).digest('hex') };
    digests_.set(text, digest);
  }
  return digest;
}
