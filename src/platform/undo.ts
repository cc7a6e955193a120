/**
 * Whole or not at all: an action registers how to undo each change as it makes it, and a
 * failure (a service timeout, a quota, a sheet deleted by someone else midway, a write that
 * Sheets rejects late) undoes the changes made so far, newest first, before the error reaches
 * the officer. An undo step that itself fails is reported, never hidden: the officer is then
 * told what may be left (and that set-up repairs it), not that nothing changed.
 */
import { googleErrorKind } from '../kernel/errorText';
import { OfficerError } from '../kernel/officerError';
import { flushWrites } from './services';

/** One registered undo step. */
interface Step_ {
  readonly run: () => void;
  /** What it restores, in Thai, for the message when it fails. */
  readonly what: string;
}

/**
 * How long an action may run before it stops itself. Apps Script ends an execution after 6
 * minutes (developers.google.com/apps-script/guides/services/quotas, "Script runtime"), and a
 * killed run undoes nothing: an action stops at 3.5 minutes, leaving its undo time to run.
 */
export const ACTION_BUDGET_MS = 3.5 * 60_000;

/** The undo steps of one action. */
export class Undo {
  private readonly steps_: Step_[] = [];

  /**
   * @param startedAt when the action started (ms)
   * @param budget how long it may run (ms)
   */
  constructor(
    private readonly startedAt = Date.now(),
    private readonly budget = ACTION_BUDGET_MS,
  ) {}

  /**
   * Registers how to undo a change (register before making the change when the step is
   * harmless if the change never happened, so a change that took effect and then failed is
   * still undone).
   * @param step the undo step
   * @param what what it restores, in Thai (e.g. 'ชีต "ปัญหาข้อมูล"')
   */
  add(step: () => void, what = 'การเปลี่ยนแปลงบางส่วน'): void {
    // Every change registers its undo first: the one place a long action can stop in time.
    const elapsed = Date.now() - this.startedAt;
    if (elapsed > this.budget) throw OfficerError.tooLong(elapsed / 60_000);
    this.steps_.push({ run: step, what });
  }

  /**
   * Undoes every change, newest first; a step that fails does not stop the others.
   * @param harmless a step failing with such an error restored nothing because nothing was changed
   * @return what the failed steps should have restored (empty when all worked)
   */
  run(harmless: (error: unknown) => boolean = () => false): string[] {
    const failed: string[] = [];
    for (const step of this.steps_.reverse()) {
      try {
        step.run();
      } catch (error) {
        if (!harmless(error)) failed.push(step.what);
      }
    }
    this.steps_.length = 0;
    return failed;
  }
}

/**
 * Runs an action so that it is done whole or not at all. Its last step commits the pending
 * writes (SpreadsheetApp.flush), so a write that Sheets rejects late is undone too.
 * @param action the action, given its undo list
 * @param sheets false when the action writes no spreadsheet (document properties only, which
 *   are written at once): there is nothing to commit, and the flush's call is saved
 */
export function atomically<T>(action: (undo: Undo) => T, sheets = true): T {
  const undo = new Undo();
  try {
    const result = action(undo);
    if (sheets) flushWrites();
    return result;
  } catch (error) {
    // An action a protection refused: an undo step refused by a protection too undoes a change
    // that was refused as well (the same user, the same protections), so nothing is left there.
    const failed = undo.run(refusedByProtection(error) ? refusedByProtection : undefined);
    try {
      if (sheets) flushWrites(); // the undo's own writes, so one Sheets rejects late is known too
    } catch {
      failed.push('การย้อนกลับบางส่วน');
    }
    if (failed.length === 0) throw error;
    throw OfficerError.partial(error, [...new Set(failed)]);
  }
}

/**
 * Whether Google refused a change for want of rights (a protected range or sheet).
 * @param error what was thrown
 */
export function refusedByProtection(error: unknown): boolean {
  return googleErrorKind(error instanceof Error ? error.message : String(error)) === 'permission';
}
