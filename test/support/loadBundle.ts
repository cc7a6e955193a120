/**
 * Loads the built bundle the way Apps Script does: every .js file of dist/ run in one shared
 * global scope, with no require, module, process or other Node global — only the language's
 * built-ins and whatever Apps Script services the test installs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext } from 'node:vm';

export const DIST = join(__dirname, '..', '..', 'dist');

/** The global scope of a loaded bundle: call its top-level functions by name. */
export type BundleScope = Record<string, any> & {
  /** Evaluates source inside the bundle's scope (e.g. to make a Date of that scope). */
  run(source: string): any;
};

/**
 * Loads all script files of dist/ into a fresh context, in name order as clasp pushes them.
 * @param services Apps Script globals to install (SpreadsheetApp, Session, ...), if any
 */
export function loadBundle(services: Record<string, unknown> = {}): BundleScope {
  const context = createContext({ ...services });
  for (const file of readdirSync(DIST)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    new Script(readFileSync(join(DIST, file), 'utf8'), { filename: file }).runInContext(context);
  }
  const scope = context as BundleScope;
  Object.defineProperty(scope, 'run', { value: (source: string) => new Script(source).runInContext(context) });
  return scope;
}

/** The bundle's top-level script text. */
export function bundleText(): string {
  return readFileSync(join(DIST, 'Code.js'), 'utf8');
}
