// Builds the sidebar page, dist/Sidebar.html, from src/sidebar (the shell) and the features'
// panels (src/features/*/panel): the HTML skeleton (sidebar.html) with its stylesheet
// (sidebar.css) and its script (main.ts, bundled by esbuild for the browser) inlined. The server shows the page with
// HtmlService.createHtmlOutputFromFile('Sidebar') (src/platform/services.ts), which serves one
// file of the project as it is, without evaluating scriptlets (reference/html/html-service);
// Apps Script "requires client-side code to be placed in .html files" (guides/html/
// best-practices), so the CSS and the script go into that one file at build time instead of
// being included by a template at run time.
//
// The client must contain nothing of the server: it knows the server's functions only as types
// (src/sidebar/rpc.ts), and the build fails if any file outside src/sidebar/ and the panels
// (src/features/*/panel/) was bundled.
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const SCRIPT_TAG = '<script src="main.ts"></script>';
/** The browser code: the sidebar's shell and the features' panels (nothing else may be bundled). */
const BROWSER_CODE = /^src\/(sidebar|features\/[^/]+\/panel)\//;

/**
 * Bundles the sidebar's script for the browser.
 * @param {string} root the project folder
 * @param {boolean} readable keep white space and names
 * @param {string} entry the entry module, relative to root (another one only in tests)
 * @return {Promise<{js: string, inputs: string[]}>} the script and the files bundled into it
 */
export async function bundleSidebarScript(root, readable = false, entry = 'src/sidebar/main.ts') {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    tsconfig: 'src/sidebar/tsconfig.json',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minify: !readable,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const foreign = inputs.filter((file) => !BROWSER_CODE.test(file));
  if (foreign.length > 0) {
    throw new Error(
      `the sidebar bundle must contain only src/sidebar/ and src/features/*/panel/ (import the server as types only): ${foreign.join(', ')}`,
    );
  }
  return { js: result.outputFiles[0].text.trim(), inputs };
}

/**
 * Puts `text` once in place of `tag` in the page; the tag must be there exactly once.
 * @param {string} page the HTML
 * @param {string} tag the placeholder element
 * @param {string} text what replaces it
 */
function replaceOnce(page, tag, text) {
  const at = page.indexOf(tag);
  if (at < 0 || page.indexOf(tag, at + 1) >= 0) throw new Error(`the page's HTML skeleton must have ${tag} once`);
  return page.slice(0, at) + text + page.slice(at + tag.length);
}

/**
 * Builds the page.
 * @param {{root: string, readable?: boolean}} options the project folder; `readable` keeps the
 *   script unminified
 * @return {Promise<{html: string, js: string, css: string, inputs: string[]}>}
 */
export async function buildSidebar({ root, readable = false }) {
  return buildPage({ root, readable, folder: 'src/sidebar', name: 'sidebar' });
}

/**
 * Builds the mobile page, dist/Mobile.html (docs/mobile.md), from src/features/mobile/panel the
 * same way: it is a client of the same typed google.script.run (src/sidebar/rpc.ts) and DOM
 * helpers, a panel, so it obeys the panels' rules (nothing of the server bundled).
 * @param {{root: string, readable?: boolean}} options as buildSidebar's
 * @return {Promise<{html: string, js: string, css: string, inputs: string[]}>}
 */
export async function buildMobile({ root, readable = false }) {
  return buildPage({ root, readable, folder: 'src/features/mobile/panel', name: 'mobile' });
}

/**
 * Builds a page from `<folder>/<name>.html`, `<folder>/<name>.css` and `<folder>/main.ts`.
 * @param {{root: string, readable: boolean, folder: string, name: string}} options
 */
async function buildPage({ root, readable, folder, name }) {
  const dir = join(root, folder);
  const STYLE_TAG = `<link rel="stylesheet" href="${name}.css">`;
  const [template, stylesheet, { js, inputs }] = await Promise.all([
    readFile(join(dir, `${name}.html`), 'utf8'),
    readFile(join(dir, `${name}.css`), 'utf8'),
    bundleSidebarScript(root, readable, `${folder}/main.ts`),
  ]);
  const css = (await transform(stylesheet, { loader: 'css', minify: !readable, charset: 'utf8' })).code.trim();
  // Inline text ends its element at the first </script or </style; <!-- inside a script
  // changes how the HTML parser reads what follows (HTML standard, "script data escaped state").
  if (/<\/script|<!--/i.test(js)) throw new Error(`the ${name} script contains </script or <!--: it cannot be inlined`);
  if (/<\/style/i.test(css)) throw new Error(`${name}.css contains </style: it cannot be inlined`);
  const html = replaceOnce(
    replaceOnce(template, STYLE_TAG, `<style>${css}</style>`),
    SCRIPT_TAG,
    `<script>${js}</script>`,
  );
  return { html, js, css, inputs };
}
