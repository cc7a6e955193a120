// Builds the Apps Script project into dist/: Code.js, appsscript.json, the sidebar page
// (Sidebar.html, made from src/sidebar and the features' panels by scripts/sidebar.mjs) and the
// mobile page (Mobile.html, from src/features/mobile/panel, served by doGet: docs/mobile.md).
//
// Apps Script only sees *top-level function declarations*: custom functions, onOpen/onInstall
// and whatever google.script.run calls. Sheets reads a custom function's autocomplete text
// from the JSDoc directly above that declaration. esbuild drops JSDoc comments and wraps the
// code in a closure, so the bundle is made in two parts:
//   1. esbuild bundles src/main.ts as an IIFE assigned to one global, `otop_` (the trailing
//      underscore keeps it out of the client's reach and the Run menu), in two parts: the
//      custom functions compiled at load, everything else kept in a comment and compiled on
//      first use (bundleParts);
//   2. for every `export function` of src/main.ts, a stub with that function's JSDoc and
//      parameter names is generated (read with the TypeScript compiler API, not regexes),
//      forwarding its arguments to the bundled implementation.
// esbuild-gas-plugin (gas-entry-generator) was considered: it generates stubs from
// `global.x = ...` assignments but can only copy comments that survive esbuild, and esbuild
// strips JSDoc, so @customfunction would be lost.
import { build } from 'esbuild';
import ts from 'typescript';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMobile, buildSidebar } from './sidebar.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'main.ts');
const outDir = join(root, 'dist');
const GLOBAL = 'otop_';

/**
 * Reads the exported functions of the entry file: name, parameter names and leading JSDoc.
 * @param {string} file path of src/main.ts
 * @return {Promise<{name: string, params: string[], jsdoc: string}[]>}
 */
export async function readEntryPoints(file) {
  const text = await readFile(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const found = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const name = statement.name.text;
    if (name.endsWith('_')) throw new Error(`${name}: an exported entry point must not end in "_"`);
    const ranges = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
    const docs = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**'));
    if (docs.length === 0) throw new Error(`${name}: every entry point needs a JSDoc comment`);
    const params = statement.parameters.map((p) => {
      if (!ts.isIdentifier(p.name)) throw new Error(`${name}: destructured parameters are not supported`);
      return p.name.text;
    });
    found.push({ name, params, jsdoc: docs[docs.length - 1] });
  }
  return found;
}

/**
 * Renders the top-level stubs that Apps Script and Sheets see.
 * @param {{name: string, params: string[], jsdoc: string}[]} entries
 * @return {string}
 */
function renderStubs(entries) {
  return entries
    .map(
      (e) =>
        `${e.jsdoc}\nfunction ${e.name}(${e.params.join(', ')}) {\n` +
        `  return ${isCustomFunction(e) ? GLOBAL : `${GLOBAL}.server_()`}.${e.name}.apply(this, arguments);\n}\n`,
    )
    .join('\n');
}

/** The name the server part's bundle has inside its own wrapper (never a global). */
const SERVER = 'otopServer_';
/** The file name stack traces give the server part (a sourceURL comment; it is no file of dist/). */
const SERVER_URL = 'otop-server.js';

/**
 * esbuild options shared by both parts. Every custom-function call loads Code.js afresh, so it
 * is fully minified (the bench's target is < 100 KB). Local names are shortened too: nothing
 * reads a function's name, and errors reach officers as Thai messages, not stack traces. To
 * read a stack trace in the Apps Script editor, push a `npm run build -- --readable` build.
 * @param {boolean} readable keep white space and names
 */
function options(readable) {
  return {
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    minify: !readable,
    keepNames: readable,
    write: false,
    logLevel: 'warning',
  };
}

/** What stands for each `*` `/` of the server part inside its comment (a private-use character). */
const CLOSE = '\uE000';

/**
 * Builds Code.js's script in two parts, so that a custom function's recalculation (every
 * edit of a cell it reads: one execution that loads the whole of Code.js, compiling it with no
 * code cache) compiles and runs only what the custom functions need:
 *   - the custom functions (the exports whose JSDoc says @customfunction) with the core rules
 *     they use, bundled as the global `otop_`, compiled at load;
 *   - everything (src/main.ts: the menu, triggers and sidebar functions), bundled apart and kept
 *     as a comment in the body of a function, `otop_.server_`'s `source`: at load a comment is
 *     only skipped (about a third of the time a string literal of the same text takes to scan,
 *     and a tenth of compiling it). The first time an execution calls a server function,
 *     `otop_.server_()` reads the comment back with Function.prototype.toString (which returns
 *     a function's exact source text, ECMA-262 "Function.prototype.toString"), and runs it with
 *     an indirect eval in the global scope; its stack frames are named otop-server.js.
 * Apps Script runs eval like any V8 script (public scripts load libraries with
 * `eval(UrlFetchApp.fetch(url).getContentText())`, e.g. tehhowch/stack-overflow-snippets
 * google-apps-script/clasp-moment-typedef/Code.ts, gavD/gasp README); Google's reference
 * documents no restriction on it.
 * @param {{name: string, params: string[], jsdoc: string}[]} entries the entry points
 * @param {boolean} readable keep white space and names
 * @return {Promise<string>} the script before the stubs: `var otop_=...` and its server_
 */
async function bundleParts(entries, readable) {
  const server = await build({ ...options(readable), entryPoints: [entry], globalName: SERVER });
  // On the wrapper's line: no line of Code.js starts with a `var` but otop_'s.
  const serverText = `(function () { ${server.outputFiles[0].text}\nreturn ${SERVER};\n})()\n//# sourceURL=${SERVER_URL}\n`;
  if (serverText.includes(CLOSE)) throw new Error('the server part holds U+E000, which stands for */ in its comment');
  const custom = entries.filter((e) => isCustomFunction(e)).map((e) => e.name);
  const functions = await build({
    ...options(readable),
    globalName: GLOBAL,
    stdin: {
      contents: `export { ${custom.join(', ')} } from './main';`,
      resolveDir: dirname(entry),
      sourcefile: 'entry.ts',
      loader: 'ts',
    },
  });
  const loader = [
    `${GLOBAL}.server_ = (function () {`,
    '  var server;',
    `  function source() {/*${serverText.split('*/').join(CLOSE)}*/}`,
    '  return function () {',
    '    if (server === undefined) {',
    '      var text = String(source);',
    `      var code = text.slice(text.indexOf('/*') + 2, text.lastIndexOf('*/')).split('${CLOSE}').join('*/');`,
    '      server = (0, eval)(code);',
    '    }',
    '    return server;',
    '  };',
    '})();',
  ].join('\n');
  return `${functions.outputFiles[0].text}${loader}\n`;
}

/**
 * Whether an entry point is a custom function (its JSDoc says so: Sheets reads the same tag).
 * @param {{jsdoc: string}} entry the entry point
 */
function isCustomFunction(entry) {
  return /@customfunction\b/.test(entry.jsdoc);
}

/** Builds dist/ from scratch; `--readable` keeps white space and names, for debugging. */
async function main(readable = process.argv.includes('--readable')) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const entries = await readEntryPoints(entry);
  const bundle = await bundleParts(entries, readable);
  const header = '// OTOP marketing-channel KPI add-on. Generated by scripts/build.mjs from src/: do not edit.\n';
  await writeFile(join(outDir, 'Code.js'), `${header}${bundle}\n${renderStubs(entries)}`);
  await copyFile(join(root, 'appsscript.json'), join(outDir, 'appsscript.json'));
  const sidebar = await buildSidebar({ root, readable });
  await writeFile(join(outDir, 'Sidebar.html'), sidebar.html);
  console.log(`built dist/Code.js (${Buffer.byteLength(bundle)} bytes, ${entries.length} entry points)`);
  console.log(
    `built dist/Sidebar.html (${Buffer.byteLength(sidebar.html)} bytes: script ${Buffer.byteLength(sidebar.js)}, ` +
      `style ${Buffer.byteLength(sidebar.css)}, from ${sidebar.inputs.length} files of src/sidebar and the panels)`,
  );
  const mobile = await buildMobile({ root, readable });
  await writeFile(join(outDir, 'Mobile.html'), mobile.html);
  console.log(
    `built dist/Mobile.html (${Buffer.byteLength(mobile.html)} bytes, the mobile page: script ${Buffer.byteLength(mobile.js)}, ` +
      `style ${Buffer.byteLength(mobile.css)}, from ${mobile.inputs.length} browser files)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
