/**
 * A fake workbook with the built bundle loaded against it, as one officer's execution: the
 * bundle's custom functions also compute the workbook's formulas.
 */
import {
  createFakeWorkbook,
  type FakeExecution,
  type FakeWorkbook,
  snapshotWorkbook,
  type WorkbookOptions,
} from '../../dev/fakes';
import type { DistrictStanding } from '../../src/app/api';
import { type BundleScope, loadBundle, projectHtml } from './loadBundle';

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
    // the sidebar, the mobile page (docs/mobile.md, served by doGet) and the server part
    htmlFiles: projectHtml(),
  });
  const as = asUser_(book);
  const first = as(options.owner === null ? editors[0] : (options.owner ?? OWNER));
  computeFormulasWith_(first.run.spreadsheet, first.gas);
  return { book, run: first.run, gas: first.gas, as };
}

/**
 * Runs of the bundle as any user over a workbook (Harness.as).
 * @param book the workbook
 */
function asUser_(book: FakeWorkbook): Harness['as'] {
  return (user, as) => {
    const run = book.createExecution({ user, hideEmail: as?.hideEmail });
    return { run, gas: bundleFor_(book, run) };
  };
}

/** The bundle loaded over an execution, its clock the workbook's. */
function bundleFor_(book: FakeWorkbook, run: FakeExecution): BundleScope {
  return loadBundle({ ...run.globals }, { now: book.clock.now });
}

/** Formulas are computed by the bundle's own custom functions, as Sheets would call them. */
function computeFormulasWith_(spreadsheet: FakeWorkbook['spreadsheet'], gas: BundleScope): void {
  spreadsheet.setFunctions((name) =>
    typeof gas[name] === 'function' && name.startsWith('OTOP_')
      ? (gas[name] as (...args: unknown[]) => unknown)
      : undefined,
  );
}

/**
 * Snapshots a harness as it stands (its workbook and its execution, see snapshotWorkbook) and
 * returns a function giving a new, independent harness in that state each time it is called:
 * the same workbook, the same execution (id, user, locks) with the bundle loaded anew over it,
 * formulas computed by a bundle of their own (custom functions use no service). Much quicker than building the
 * workbook again through the bundle, and the same state (the stand-in is deterministic).
 * @param h the harness (or a harness-like subject with other fields, which are kept)
 */
export function harnessSnapshot<H extends Harness>(h: H): () => H {
  const snapshot = snapshotWorkbook(h.book, [h.run]);
  return () => {
    const { book, runs } = snapshot.restore();
    const run = runs[0];
    const gas = bundleFor_(book, run);
    // A bundle of its own computes the formulas, as newHarness's first one does.
    computeFormulasWith_(book.spreadsheet, bundleFor_(book, run));
    return { ...h, book, run, gas, as: asUser_(book) };
  };
}

/** The prepared workbooks of this test file (keptHarness), by key. */
const kept_ = new Map<string, () => Harness>();

/**
 * A prepared workbook built once per key in a test file and restored from its snapshot at every
 * call (harnessSnapshot: each an independent copy of the workbook, its ledger and clock, and the
 * execution that prepared it), so tests that start from the same workbook do not rebuild it.
 * @param key what makes two preparations the same (their arguments)
 * @param build prepares the workbook
 */
export function keptHarness(key: string, build: () => Harness): Harness {
  let restore = kept_.get(key);
  if (!restore) {
    restore = harnessSnapshot(build());
    kept_.set(key, restore);
  }
  return restore();
}

/**
 * A district's line of the sidebar's standing, as a caller of the bundle sees it (fails the
 * test when the district is not listed).
 * @param gas the bundle, run as some user
 * @param district the district's name
 */
export function districtStanding(gas: BundleScope, district: string): DistrictStanding {
  const found = gas.sidebarState().standing.find((d) => d.district === district);
  if (!found) throw new Error(`the sidebar lists no standing for ${district}`);
  return found;
}
