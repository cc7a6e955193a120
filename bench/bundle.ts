/**
 * The built bundle as Apps Script runs it: dist/Code.js evaluated in a fresh V8 context with
 * no Node globals, only the services installed. Apps Script does this on every execution,
 * including every custom-function call.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext, runInThisContext } from 'node:vm';
import { readProjectHtml } from '../dev/preview/projectHtml';

/** The global scope of a loaded bundle: its top-level functions by name. */
export type Gas = Record<string, any>;

/** The bundle's file, read once, and the project's HTML files. */
export interface BundleSource {
  readonly path: string;
  readonly text: string;
  readonly bytes: number;
  readonly script: Script;
  /** dist/*.html by name without .html: the pages and, since the server part moved out of Code.js, Server */
  readonly html: Readonly<Record<string, string>>;
}

/**
 * Reads dist/Code.js (and compiles it once, as a reusable Script) and dist's HTML files.
 * @param root the project's root folder
 */
export function readBundle(root: string): BundleSource {
  const path = join(root, 'dist', 'Code.js');
  const text = readFileSync(path, 'utf8');
  const html = readProjectHtml(join(root, 'dist'));
  return { path, text, bytes: statSync(path).size, script: new Script(text, { filename: 'Code.js' }), html };
}

let loads = 0;

/**
 * A fresh context with the bundle loaded. `compiled` reuses the compiled script; otherwise
 * the source is compiled again, as a cold Apps Script instance would (a unique trailing
 * comment defeats V8's in-process compilation cache).
 * @param bundle the bundle
 * @param services Apps Script globals to install
 * @param compiled reuse the compiled script
 */
export function loadBundle(bundle: BundleSource, services: Record<string, unknown> = {}, compiled = false): Gas {
  const context = createContext({ ...services });
  const script = compiled ? bundle.script : new Script(`${bundle.text}\n// load ${++loads}`, { filename: 'Code.js' });
  script.runInContext(context);
  return context as Gas;
}

/**
 * The bundle loaded into this process's own global scope, freshly compiled. A `vm` context's
 * global is guarded by interceptors that make every global lookup in the bundle (Array, Math,
 * Map...) several times slower (nodejs/node#31658); Apps Script's V8 has an ordinary global,
 * so hot-loop timings are taken here. Only for the bench's child processes: each load
 * replaces the previous one's globals.
 * @param bundle the bundle
 */
export function loadBundleGlobally(bundle: BundleSource): Gas {
  runInThisContext(`${bundle.text}\n// global load ${++loads}`, { filename: 'Code.js' });
  return globalThis as Gas;
}

/**
 * Whether the bundle declares a top-level function of that name.
 * @param gas a loaded bundle
 * @param name the function's name
 */
export function hasFunction(gas: Gas, name: string): boolean {
  return typeof gas[name] === 'function';
}
