/**
 * Adapter code run in a stand-in execution, as Apps Script runs the bundle: the execution's
 * service globals (SpreadsheetApp, Sheets, Session…) put on globalThis for the call, and put
 * back after it, whatever it throws.
 */

/**
 * Runs `fn` with an execution's globals installed.
 * @param globals the execution's globals (`createExecution(...).globals`)
 * @param start called once the globals are in place, before `fn` (the platform's
 *     `startExecution`, taken from the module instance the caller uses)
 * @param fn what runs
 * @param names the globals to install (every one by default)
 */
export function withExecutionGlobals<T>(
  globals: object,
  start: () => void,
  fn: () => T,
  names: readonly string[] = Object.keys(globals),
): T {
  const given = globals as Record<string, unknown>;
  const g = globalThis as Record<string, unknown>;
  const saved = names.map((n) => g[n]);
  for (const n of names) g[n] = given[n];
  start();
  try {
    return fn();
  } finally {
    names.forEach((n, i) => {
      g[n] = saved[i];
    });
  }
}
