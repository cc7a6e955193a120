/**
 * The built sidebar page (dist/Sidebar.html, `npm run build` first): one self-contained file
 * with its stylesheet and script inline, and nothing of the server in its script.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const page = readFileSync(join(ROOT, 'dist', 'Sidebar.html'), 'utf8');
const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1] ?? '';
/** The browser code: the sidebar's shell and the features' panels. */
const BROWSER_CODE = /^src\/(sidebar|features\/[^/]+\/panel)\//;

/** Every .ts file under a folder. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The string and template literals of a TypeScript file. */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      found.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Runs scripts/sidebar.mjs's bundleSidebarScript in a child Node (the build is an ES module).
 * @param entry the entry module, relative to the project
 */
function bundle(entry: string): { inputs?: string[]; error?: string } {
  const code = `import('./scripts/sidebar.mjs').then((m) => m.bundleSidebarScript(process.cwd(), false, ${JSON.stringify(entry)}))
    .then((r) => console.log(JSON.stringify({ inputs: r.inputs })), (e) => console.log(JSON.stringify({ error: e.message })));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
}

test('one file: the stylesheet and the script inline, nothing loaded from elsewhere', () => {
  expect(page.match(/<script\b/gi)).toHaveLength(1);
  expect(page.match(/<style\b/gi)).toHaveLength(1);
  expect(page).not.toMatch(/<link\b|\ssrc=|\shref=/i);
  expect(page).toMatch(/^<!DOCTYPE html>/);
  expect(script.length).toBeGreaterThan(5000);
  expect(script).not.toMatch(/<\/script|<!--/i);
  // one minified function for the browser: no module syntax, no indented lines
  expect(script).toMatch(/^("use strict";)?\(\(\)=>\{[\s\S]*\}\)\(\);$/);
  expect(script).not.toMatch(/^\s*(import|export)\s/m);
  expect(script).not.toMatch(/\n[ \t]+\S/);
});

test('the script has nothing of the server: no Apps Script service, none of its texts', () => {
  for (const service of ['SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService', 'MailApp', 'Session']) {
    expect({ service, found: script.includes(service) }).toEqual({ service, found: false });
  }
  const browserFiles = tsFiles(join(ROOT, 'src')).filter((f) => BROWSER_CODE.test(relative(ROOT, f)));
  const sidebarText = browserFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
  const serverFiles = tsFiles(join(ROOT, 'src')).filter((f) => !BROWSER_CODE.test(relative(ROOT, f)));
  const serverTexts = [...new Set(serverFiles.flatMap(literals))].filter(
    (text) => text.trim().length >= 12 && !sidebarText.includes(text),
  );
  expect(serverTexts.length).toBeGreaterThan(100); // the check has something to find
  expect(serverTexts.filter((text) => script.includes(text))).toEqual([]);
});

test('the build bundles only src/sidebar/ and the panels, and refuses a client that imports the server', () => {
  const built = bundle('src/sidebar/main.ts');
  expect(built.error).toBeUndefined();
  expect(built.inputs?.every((f) => BROWSER_CODE.test(f))).toBe(true);
  expect(built.inputs).toEqual(
    expect.arrayContaining(['src/sidebar/main.ts', 'src/sidebar/rpc.ts', 'src/features/standing/panel/standing.ts']),
  );
  const dir = mkdtempSync(join(tmpdir(), 'otop-sidebar-'));
  try {
    const entry = join(dir, 'leaky.ts');
    writeFileSync(
      entry,
      `import { toThaiDigits } from ${JSON.stringify(join(ROOT, 'src', 'kernel', 'thaiDigits'))};\nconsole.log(toThaiDigits('1'));\n`,
    );
    const leaky = bundle(relative(ROOT, entry));
    expect(leaky.error).toContain('the sidebar bundle must contain only src/sidebar/ and src/features/*/panel/');
    expect(leaky.error).toContain('src/kernel/thaiDigits.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
