/**
 * An action killed at a call, as Apps Script stops a run at its time limit: from call `at` of
 * its execution on, nothing gets through; then the execution ends (its lock released, a write
 * Sheets rejects late swallowed), so the next run sees what a killed run leaves behind.
 */
import { EXECUTION_TIME_MESSAGE, type FakeExecution, type FakeWorkbook } from '../../dev/fakes';

/**
 * Runs `action` in `run`, killed from its call `at` on, and ends the execution.
 * @param book the workbook (its ledger counts and injects)
 * @param run the execution the action runs in
 * @param at the 1-based call of that execution from which everything fails
 * @param action what the killed run does
 */
export function runKilledAt(book: FakeWorkbook, run: FakeExecution, at: number, action: () => unknown): void {
  book.ledger.reset();
  book.ledger.inject({ at, mode: 'outage', error: new Error(EXECUTION_TIME_MESSAGE), execution: run.id });
  try {
    action();
  } catch {
    // killed
  }
  book.ledger.clearFaults();
  try {
    run.end();
  } catch {
    // a write Sheets rejects late
  }
}
