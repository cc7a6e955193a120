// `npm run typecheck`: type-checks every tsconfig*.json of the project, two at a time. A config
// found here is checked without being listed anywhere, so a new one cannot be forgotten. A config with project references (the sidebar's, which knows the
// server from its emitted declarations) is built with `tsc -b`, which builds the referenced
// declarations first; a referenced config is checked through the config that references it.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
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
// Two configs at a time (the CI machine has 2 cores; tsc is single-threaded), each one's output
// printed whole when it ends. A --noEmit config keeps its incremental state in
// node_modules/.cache/otop-typecheck/ (tsc --incremental): a second run re-checks only what
// changed; `tsc -b` keeps its own build info.
const cacheDir = join(root, 'node_modules', '.cache', 'otop-typecheck');
mkdirSync(cacheDir, { recursive: true });
const jobs = [];
for (const { path, config } of configs) {
  const name = relative(root, path);
  if (referenced.has(path)) {
    console.log(`${name}: checked through the config that references it`);
    continue;
  }
  const build = Boolean(config.references || config.compilerOptions?.composite);
  const info = join(cacheDir, `${name.replace(/[^\w.]+/g, '_')}.tsbuildinfo`);
  const args = build ? ['-b', path] : ['--noEmit', '--incremental', '--tsBuildInfoFile', info, '-p', path];
  jobs.push({ name, args });
}

/**
 * Runs one config's check.
 * @param {{name: string, args: string[]}} job the config and tsc's arguments
 * @return {Promise<boolean>} whether it passed
 */
function check({ name, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (status) => {
      if (output) process.stdout.write(output);
      console.log(`${name}: ${status === 0 ? 'ok' : 'FAILED'} (tsc ${args[0]}, ${Date.now() - started} ms)`);
      resolve(status === 0);
    });
  });
}

const queue = [...jobs];
let failed = 0;
await Promise.all(
  [0, 1].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) if (!(await check(job))) failed++;
  }),
);
process.exit(failed === 0 ? 0 : 1);
