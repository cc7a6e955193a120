// `npm run bench` (after `npm run build`): compiles bench/main.ts with esbuild into
// node_modules/.cache/otop-bench/ and runs it with the script time zone (Asia/Bangkok), a
// larger heap for the nation's 160 000 entries, and --expose-gc so memory is measured after a
// collection. Not part of `npm test`; never fails on a missed target.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'otop-bench');
const outfile = join(outDir, 'bench.mjs');
mkdirSync(outDir, { recursive: true });

await build({
  entryPoints: [join(root, 'bench', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

/**
 * The previous version (commit e064f7d, the add-on before per-district formulas, as
 * test/support/previousVersion.ts describes it) built once into the cache from git, so that
 * its CPU and cold start are measured beside this version's in the same run.
 * @return {string | null} its dist/Code.js, or null when git or the build is not available
 */
function previousBundle() {
  const dir = join(tmpdir(), 'otop-bench-previous-e064f7d');
  const code = join(dir, 'dist', 'Code.js');
  if (existsSync(code)) return code;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${root}" archive e064f7d | tar -x -C "${dir}"`], {
    stdio: 'inherit',
  });
  if (archive.status !== 0) return null;
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, stdio: 'inherit' });
  return built.status === 0 && existsSync(code) ? code : null;
}

const previous = previousBundle();
const run = spawnSync(
  process.execPath,
  ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      TZ: 'Asia/Bangkok',
      OTOP_ROOT: root,
      ...(previous ? { OTOP_PREVIOUS_BUNDLE: previous } : {}),
    },
  },
);
process.exit(run.status ?? 1);
