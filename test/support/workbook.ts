/**
 * A fake workbook with the built bundle loaded against it, as one officer's execution: the
 * bundle's custom functions also compute the workbook's formulas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeWorkbook, type FakeExecution, type FakeWorkbook, type WorkbookOptions } from '../../dev/fakes';
import { type BundleScope, DIST, loadBundle } from './loadBundle';

export const OWNER = 'province@nongkhai.example';

/** A workbook, its owner's execution and the bundle loaded into it. */
export interface Harness {
  book: FakeWorkbook;
  run: FakeExecution;
  gas: BundleScope;
  /**
   * Runs the bundle again as another user over the same workbook, with that user's own rights;
   * `hideEmail`: Google withholds their address (Session gives '').
   */
  as(user: string, options?: { hideEmail?: boolean }): { run: FakeExecution; gas: BundleScope };
}

/** Options of newHarness: the workbook's (owner, locale, time zone, platform switches) and editors. */
export type HarnessOptions = Pick<WorkbookOptions, 'owner' | 'locale' | 'timeZone' | 'platform'> & {
  editors?: string[];
};

/**
 * A new fake workbook (one blank sheet, as Sheets makes it) with the bundle loaded as its owner
 * (as its first editor when it has no owner).
 * @param options editors, and the workbook's owner, locale, time zone and platform switches
 */
export function newHarness(options: HarnessOptions = {}): Harness {
  const { editors = [], ...workbook } = options;
  const book = createFakeWorkbook({
    owner: OWNER,
    ...workbook,
    editors,
    htmlFiles: { Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8') },
  });
  const as = (user: string, as?: { hideEmail?: boolean }) => {
    const run = book.createExecution({ user, hideEmail: as?.hideEmail });
    const gas = loadBundle({ ...run.globals }, { now: book.clock.now });
    return { run, gas };
  };
  const first = as(options.owner === null ? editors[0] : (options.owner ?? OWNER));
  // Formulas are computed by the bundle's own custom functions, as Sheets would call them.
  first.run.spreadsheet.setFunctions((name) =>
    typeof first.gas[name] === 'function' && name.startsWith('OTOP_') ? first.gas[name] : undefined,
  );
  return { book, run: first.run, gas: first.gas, as };
}
