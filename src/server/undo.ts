/**
 * Whole or not at all: an action registers how to undo each change as it makes it, and a
 * failure (a service timeout, a quota, a sheet deleted by someone else midway) undoes the
 * changes made so far, newest first, before the error reaches the user.
 */

/** The undo steps of one action. */
export class Undo {
  private readonly steps_: (() => void)[] = [];

  /**
   * Registers how to undo the change just made.
   * @param step the undo step
   */
  add(step: () => void): void {
    this.steps_.push(step);
  }

  /** Undoes every change, newest first; an undo step that fails does not stop the others. */
  run(): void {
    for (const step of this.steps_.reverse()) {
      try {
        step();
      } catch {
        // keep undoing: the remaining steps restore what they can
      }
    }
  }
}

/**
 * Runs an action so that it is done whole or not at all.
 * @param action the action, given its undo list
 */
export function atomically<T>(action: (undo: Undo) => T): T {
  const undo = new Undo();
  try {
    return action(undo);
  } catch (error) {
    undo.run();
    throw error;
  }
}
