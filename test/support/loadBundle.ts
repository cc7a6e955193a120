/**
 * Loads the built bundle the way Apps Script does: every .js file of dist/ run in one shared
 * global scope, with no require, module, process or other Node global — only the language's
 * built-ins and whatever Apps Script services the test installs. dist/'s HTML files are the
 * project's too (clasp pushes them with the scripts): the stand-in's HtmlService is given them,
 * so the first server call reads the server part from Server.html as it does in Apps Script.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { FakeHtmlService, globalScope } from '../../dev/fakes';
import { readProjectHtml } from '../../dev/preview/projectHtml';

export const DIST = join(__dirname, '..', '..', 'dist');

/** The top-level functions Apps Script sees: src/main.ts's exports, with their types. */
type EntryPoints = typeof import('../../src/main');

/** The global scope of a loaded bundle: call its top-level functions by name, typed. */
export type BundleScope = EntryPoints & {
  /** Evaluates source inside the bundle's scope (e.g. to make a Date of that scope). */
  run(source: string): any;
  /** Anything else of the global scope (a function looked up by a name the test holds). */
  [name: string]: unknown;
};

/** Options of loadBundle. */
export interface BundleOptions {
  /**
   * "Now" for the bundle: `new Date()` and `Date.now()` read it (e.g. `book.clock.now`, or a
   * fixed instant); every other Date behaviour is the context's own. Default: real time.
   */
  now?: (() => number) | Date | number;
}

/** Compiled script files of dist/ by name, with the modification time they were read at. */
const scripts_ = new Map<string, { mtimeMs: number; size: number; script: Script }>();

/**
 * A script file of dist/, compiled once while it is unchanged (a Script runs in any context; each
 * load still gets a fresh context and runs the file's top level there, as Apps Script does).
 * @param file the file's name in dist/
 */
function scriptOf_(file: string): Script {
  const path = join(DIST, file);
  const { mtimeMs, size } = statSync(path);
  const known = scripts_.get(file);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.script;
  const script = new Script(readFileSync(path, 'utf8'), { filename: file });
  scripts_.set(file, { mtimeMs, size, script });
  return script;
}

/** dist/'s HTML files, read again only when one of them changed (its names, times and sizes). */
let html_: { stamp: string; files: Record<string, string> } | null = null;

/** The project's HTML files (dist/*.html: the pages and the server part) by name without .html. */
export function projectHtml(): Record<string, string> {
  const stamp = readdirSync(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const { mtimeMs, size } = statSync(join(DIST, f));
      return `${f}:${mtimeMs}:${size}`;
    })
    .join('|');
  if (html_?.stamp !== stamp) html_ = { stamp, files: readProjectHtml(DIST) };
  return html_.files;
}

/**
 * Loads all script files of dist/ into a fresh context, in name order as clasp pushes them.
 * @param services Apps Script globals to install (SpreadsheetApp, Session, ...), if any
 * @param options a fake "now" for the bundle's Date
 */
export function loadBundle(services: Record<string, unknown> = {}, options: BundleOptions = {}): BundleScope {
  const { now } = options;
  const read =
    now === undefined || typeof now === 'function' ? now : () => (typeof now === 'number' ? now : now.getTime());
  if (services.HtmlService instanceof FakeHtmlService) services.HtmlService.addProjectFiles(projectHtml());
  const context = globalScope(services, read);
  for (const file of readdirSync(DIST)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    scriptOf_(file).runInContext(context);
  }
  const scope = context as BundleScope;
  Object.defineProperty(scope, 'run', { value: (source: string) => new Script(source).runInContext(context) });
  return scope;
}

/** The bundle's top-level script text. */
export function bundleText(): string {
  return readFileSync(join(DIST, 'Code.js'), 'utf8');
}
