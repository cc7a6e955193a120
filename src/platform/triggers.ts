/**
 * The add-on's daily trigger, with undo. A trigger runs as the account that created it and only
 * that account can list or delete it (guides/triggers/installable: "a given account cannot see
 * triggers installed from a second account"), so these primitives work on the current user's
 * triggers of one handler. Each undo is conditional (right whether or not its change happened):
 * a creation's undo removes the user's triggers of the handler that were not there before; a
 * removal's undo makes a new daily trigger for each removed one that is gone (a trigger cannot
 * be brought back with its id, and nothing of the add-on depends on the id).
 */
import { createDailyTrigger, ownProjectTriggers, removeTrigger } from './services';
import type { Undo } from './undo';

/** When a daily trigger runs. */
export interface DailyTime {
  readonly handler: string;
  /** 0–23 */
  readonly hour: number;
  readonly timeZone: string;
}

/**
 * The current user's triggers that call a handler.
 * @param handler the top-level function's name
 */
export function ownTriggersOf(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ownProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

/**
 * Makes the current user's triggers of the handler exactly one daily trigger (any earlier ones
 * removed first, so switching on twice never makes two).
 * @param time the handler and when it runs
 * @param undo where the way back is registered
 * @return the new trigger's id
 */
export function installDailyTrigger(time: DailyTime, undo: Undo): string {
  removeOwnTriggers(time, undo);
  const before = new Set(ownTriggersOf(time.handler).map((t) => t.getUniqueId()));
  undo.add(() => {
    for (const t of ownTriggersOf(time.handler)) if (!before.has(t.getUniqueId())) removeTrigger(t);
  }, 'การแจ้งเตือนรายวัน');
  return createDailyTrigger(time.handler, time.hour, time.timeZone).getUniqueId();
}

/**
 * Removes the current user's triggers of the handler.
 * @param time the handler and when it runs (to make them again on undo)
 * @param undo where the way back is registered
 * @return how many were removed
 */
export function removeOwnTriggers(time: DailyTime, undo: Undo): number {
  const found = ownTriggersOf(time.handler);
  if (found.length === 0) return 0;
  const ids = found.map((t) => t.getUniqueId());
  undo.add(() => {
    const left = new Set(ownTriggersOf(time.handler).map((t) => t.getUniqueId()));
    for (const id of ids) if (!left.has(id)) createDailyTrigger(time.handler, time.hour, time.timeZone);
  }, 'การแจ้งเตือนรายวัน');
  for (const t of found) removeTrigger(t);
  return found.length;
}
