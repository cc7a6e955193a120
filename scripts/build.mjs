// Builds the Apps Script project into dist/: Code.js, its server part (Server.html, read on an
// execution's first server call: bundleParts), appsscript.json, the sidebar page (Sidebar.html,
// made from src/sidebar and the features' panels by scripts/sidebar.mjs) and the mobile page
// (Mobile.html, from src/features/mobile/panel, served by doGet: docs/mobile.md).
//
// Apps Script only sees *top-level function declarations*: custom functions, onOpen/onInstall
// and whatever google.script.run calls. Sheets reads a custom function's autocomplete text
// from the JSDoc directly above that declaration. esbuild drops JSDoc comments and wraps the
// code in a closure, so the bundle is made in two parts:
//   1. esbuild bundles src/main.ts as an IIFE assigned to one global, `otop_` (the trailing
//      underscore keeps it out of the client's reach and the Run menu), in two parts: the
//      custom functions and simple triggers compiled at load, everything else kept in
//      Server.html and compiled on first use (bundleParts);
//   2. for every `export function` of src/main.ts, a stub with that function's JSDoc and
//      parameter names is generated (read with the TypeScript compiler API, not regexes),
//      forwarding its arguments to the bundled implementation.
// esbuild-gas-plugin (gas-entry-generator) was considered: it generates stubs from
// `global.x = ...` assignments but can only copy comments that survive esbuild, and esbuild
// strips JSDoc, so @customfunction would be lost.
import { build } from 'esbuild';
import ts from 'typescript';
import { createHash } from 'node:crypto';
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
        `  return ${loadsWithCode(e) ? GLOBAL : `${GLOBAL}.server_()`}.${e.name}.apply(this, arguments);\n}\n`,
    )
    .join('\n');
}

/** The name the server part's bundle has inside its own wrapper (never a global). */
const SERVER = 'otopServer_';
/** The file name stack traces give the server part (a sourceURL comment; it is no script file of dist/). */
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

/** The project HTML file the server part is kept in (dist/Server.html), without .html. */
const SERVER_FILE = 'Server';

/**
 * Builds the script in two parts, so that a custom function's recalculation (every edit of a
 * cell it reads: one execution that loads every script file of the project, compiling it with
 * no code cache) compiles and runs only what the custom functions need:
 *   - Code.js: the custom functions (the exports whose JSDoc says @customfunction) and the
 *     simple triggers onOpen/onInstall (which must touch no service but the menu's), with the
 *     core rules they use, bundled as the global `otop_`, compiled at load;
 *   - Server.html: everything else of src/main.ts (the menu's actions, triggers and sidebar
 *     functions), a project HTML file, which no execution loads by itself. The first time an
 *     execution calls a server function, `otop_.server_()` reads it with
 *     `HtmlService.createHtmlOutputFromFile(name).getContent()` (the call Google's guide uses
 *     to inline a project file's JavaScript into a page: guides/html/best-practices, "Separate
 *     HTML, CSS, and JavaScript") and runs it with an indirect eval in the global scope; its
 *     stack frames are named otop-server.js. Should getContent fail or give another text (not
 *     documented either way), it reads the file again with
 *     `HtmlService.createTemplateFromFile(name).getRawContent()`, documented as the template's
 *     unprocessed content (reference/html/html-template), and notes which read gave the part.
 * The server text sits between two markers carrying its SHA-256 and every non-ASCII character
 * it holds: the loader takes what is between them and runs it only if its length is the one
 * built, so a Server.html of another build (another marker), one cut short or lengthened (an
 * edit in the editor), or one whose Thai came back changed character for character (the
 * marker's own Thai changed with it) is not run: read the second way, then refused in Thai.
 * The SHA-256 is not computed again at run time (a whole hash of 285 000 characters, about
 * 35 ms cold, in every execution): another edit that keeps the length is not caught.
 * Apps Script runs eval like any V8 script (public scripts load libraries with
 * `eval(UrlFetchApp.fetch(url).getContentText())`, e.g. tehhowch/stack-overflow-snippets
 * google-apps-script/clasp-moment-typedef/Code.ts, gavD/gasp README); Google's reference
 * documents no restriction on it.
 * @param {{name: string, params: string[], jsdoc: string}[]} entries the entry points
 * @param {boolean} readable keep white space and names
 * @return {Promise<{code: string, serverHtml: string}>} Code.js's script before the stubs
 *     (`var otop_=...` and its server_) and Server.html
 */
async function bundleParts(entries, readable) {
  const server = await build({ ...options(readable), entryPoints: [entry], globalName: SERVER });
  const serverText = `(function () { ${server.outputFiles[0].text}\nreturn ${SERVER};\n})()\n//# sourceURL=${SERVER_URL}\n`;
  const stamp = createHash('sha256').update(serverText).digest('hex').slice(0, 16);
  // Every character of the part outside ASCII, once, in the marker: a file read back with those
  // characters changed one for one (the same length: a fault in decoding it) no longer holds the
  // marker the loader looks for, so it is read the second way, never run with its Thai changed.
  const probes = [...new Set(serverText.match(/[^\p{ASCII}]/gu) ?? [])].sort().join('');
  const marker = `/*otop-server:${stamp}:${probes}*/`;
  // Inside a <script> element, as the guide's JavaScript.html is: whatever HtmlService does with
  // a page's markup, a script element's text is left as it is (the loader ignores the tags).
  if (/<\/script|<\?/i.test(serverText)) throw new Error('the server part holds </script or <?, which its file cannot');
  const serverHtml =
    '<!-- OTOP add-on: the server part of Code.js, run by otop_.server_() (scripts/build.mjs). Not a page; do not edit. -->\n' +
    `<script>${marker}${serverText}${marker}</script>\n`;
  const local = entries.filter((e) => loadsWithCode(e)).map((e) => e.name);
  // `otop_` is assigned a plain object, not made with esbuild's globalName: that wraps the
  // exports in a namespace object of getters, copied property by property at every load.
  const functions = await build({
    ...options(readable),
    plugins: [sideEffectFree],
    banner: { js: `var ${GLOBAL};` },
    stdin: {
      contents: `import { ${local.join(', ')} } from './main';\n${GLOBAL} = { ${local.join(', ')} };`,
      resolveDir: dirname(entry),
      sourcefile: 'entry.ts',
      loader: 'ts',
    },
  });
  const say = (text) => JSON.stringify(text);
  const loader = [
    `${GLOBAL}.server_ = (function () {`,
    '  var server;',
    `  var marker = ${say(marker)};`,
    // the text between the markers, or null when the file is not this build's part at its length
    '  function part(text) {',
    "    if (typeof text !== 'string') return null;",
    '    var start = text.indexOf(marker) + marker.length;',
    '    var end = text.lastIndexOf(marker);',
    `    return start < marker.length || end - start !== ${serverText.length} ? null : text.slice(start, end);`,
    '  }',
    '  function unread(e) {',
    `    return new Error(${say(MESSAGES.unread)} + ' (' + (e && e.message ? e.message : e) + ')');`,
    '  }',
    '  return function () {',
    '    if (server === undefined) {',
    "      var text = '', code = null, via = 'content', failed = null;",
    '      var started = Date.now();',
    '      try {',
    `        text = HtmlService.createHtmlOutputFromFile(${say(SERVER_FILE)}).getContent();`,
    '        code = part(text);',
    '      } catch (e) { failed = String(e && e.message ? e.message : e); }',
    // getContent is not documented to give the file unchanged; a template's getRawContent is
    // ("Returns the unprocessed content of this template", reference/html/html-template). Read
    // that way too when the first read failed, before saying anything to the officer; the
    // execution's log (Executions) keeps why, for a failure outside the self-check's run.
    '      if (code === null) {',
    "        via = 'raw';",
    '        try {',
    "          Logger.log('OTOP: Server.html read again with getRawContent: ' + (failed === null ? 'getContent gave another text' : failed));",
    '        } catch (e) {}',
    '        try {',
    `          text = HtmlService.createTemplateFromFile(${say(SERVER_FILE)}).getRawContent();`,
    '        } catch (e) { throw unread(e); }',
    '        code = part(text);',
    '      }',
    // what the self-check reports of this read (platform/services.ts serverPartRead)
    `      ${GLOBAL}.serverRead_ = { ms: Date.now() - started, chars: typeof text === 'string' ? text.length : 0, via: via, firstError: failed };`,
    `      if (code === null) throw new Error(${say(MESSAGES.mismatch)});`,
    '      server = (0, eval)(code);',
    '    }',
    '    return server;',
    '  };',
    '})();',
  ].join('\n');
  return { code: `${functions.outputFiles[0].text}${loader}\n`, serverHtml };
}

/**
 * What the loader says when the server part cannot be run (Thai: officers read it in the
 * sidebar's or the menu's error).
 */
const MESSAGES = {
  unread: 'เปิดส่วนการทำงานของส่วนเสริม (ไฟล์ Server.html) ไม่ได้ในครั้งนี้ ไม่มีอะไรถูกเปลี่ยน ลองใหม่อีกครั้ง ถ้ายังไม่ได้ให้แจ้งผู้ดูแลระบบ',
  mismatch:
    'ไฟล์ Server.html ของส่วนเสริมไม่ตรงกับ Code.js (อาจกำลังส่งโค้ดขึ้นใหม่ ส่งขึ้นไม่ครบ หรือถูกแก้ไข) จึงไม่ได้ทำงานใด ๆ ลองใหม่อีกครั้ง ถ้ายังขึ้นข้อความนี้ ให้ผู้ดูแลระบบส่งโค้ดขึ้นใหม่ทั้งชุดด้วย npm run push',
};

/** The simple triggers: built into Code.js, since onOpen may run where no service but the menu's answers. */
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onInstall']);

/**
 * Whether an entry point is compiled with Code.js (a custom function or a simple trigger)
 * rather than read from Server.html on first use.
 * @param {{name: string, jsdoc: string}} entry the entry point
 */
function loadsWithCode(entry) {
  return isCustomFunction(entry) || SIMPLE_TRIGGERS.has(entry.name);
}

/**
 * Marks every module of src/ as free of side effects at load (esbuild's `sideEffects: false`,
 * as a package.json would), for Code.js's part only. Its entry imports src/main.ts, which
 * imports every feature: esbuild keeps any top-level statement it cannot prove pure (a table
 * built by a call, a property read) of every module in that graph, so reports', submissions'
 * and messages' tables were built at every recalculation's load, unused (12 KB of Code.js).
 * With the mark, a module none of whose exports the custom functions use is left out whole.
 * What src/ runs at load only builds tables and registers forgetting hooks; no module is
 * imported for its side effects alone (nothing does `import './x'`).
 */
const sideEffectFree = {
  name: 'side-effect-free',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\// }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
    });
  },
};

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
  const code = `${header}${bundle.code}\n${renderStubs(entries)}`;
  await writeFile(join(outDir, 'Code.js'), code);
  await writeFile(join(outDir, `${SERVER_FILE}.html`), bundle.serverHtml);
  await copyFile(join(root, 'appsscript.json'), join(outDir, 'appsscript.json'));
  const sidebar = await buildSidebar({ root, readable });
  await writeFile(join(outDir, 'Sidebar.html'), sidebar.html);
  console.log(
    `built dist/Code.js (${Buffer.byteLength(code)} bytes, ${entries.length} entry points) and ` +
      `dist/${SERVER_FILE}.html (${Buffer.byteLength(bundle.serverHtml)} bytes, the server part)`,
  );
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
