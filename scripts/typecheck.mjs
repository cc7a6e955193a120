// `npm run typecheck`: type-checks every tsconfig*.json of the project, one after the other
// (the machine is shared). A config found here is checked without being listed anywhere, so a
// new one cannot be forgotten. A config with project references (the sidebar's, which knows the
// server from its emitted declarations) is built with `tsc -b`, which builds the referenced
// declarations first; a referenced config is checked through the config that references it.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', 'dist', 'coverage', 'test-artifacts']);
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The tsconfig*.json files under a folder, skipping build output and dependencies.
 * @param {string} dir the folder
 * @return {string[]} their paths
 */
function findConfigs(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findConfigs(path));
    else if (/^tsconfig.*\.json$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/**
 * A config's own text, parsed as TypeScript reads it (comments allowed).
 * @param {string} path the config
 */
function readConfig(path) {
  const { config, error } = ts.readConfigFile(path, (p) => readFileSync(p, 'utf8'));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return config;
}

const configs = findConfigs(root).map((path) => ({ path, config: readConfig(path) }));
const referenced = new Set(
  configs.flatMap(({ path, config }) =>
    (config.references ?? []).map((r) => {
      const target = join(dirname(path), r.path);
      return target.endsWith('.json') ? target : join(target, 'tsconfig.json');
    }),
  ),
);
let failed = 0;
for (const { path, config } of configs) {
  const name = relative(root, path);
  if (referenced.has(path)) {
    console.log(`${name}: checked through the config that references it`);
    continue;
  }
  const build = Boolean(config.references || config.compilerOptions?.composite);
  const args = build ? ['-b', path] : ['--noEmit', '-p', path];
  const started = Date.now();
  const run = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  console.log(`${name}: ${run.status === 0 ? 'ok' : 'FAILED'} (tsc ${args[0]}, ${Date.now() - started} ms)`);
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
