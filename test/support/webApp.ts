/**
 * The mobile page's runs: the built bundle loaded over an execution that is a call of the web
 * app (no active spreadsheet, no document lock, no spreadsheet UI), as a user with that user's
 * own rights, the workbook's clock its clock.
 */
import type { FakeExecution } from '../../dev/fakes';
import { type BundleScope, loadBundle } from './loadBundle';
import type { Harness } from './workbook';

/**
 * The bundle as the web app runs it for `user`.
 * @param h the harness
 * @param user who opens the page
 * @param options `hideEmail`: Google withholds their address
 */
export function asWebApp(
  h: Pick<Harness, 'book'>,
  user: string,
  options: { hideEmail?: boolean } = {},
): { run: FakeExecution; gas: BundleScope } {
  const run = h.book.createExecution({ user, hideEmail: options.hideEmail, webApp: true });
  return { run, gas: loadBundle({ ...run.globals }, { now: h.book.clock.now }) };
}
