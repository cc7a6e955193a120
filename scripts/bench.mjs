// `npm run bench` (after `npm run build`): compiles bench/main.ts with esbuild into
// node_modules/.cache/otop-bench/ and runs it with the script time zone (Asia/Bangkok), a
// larger heap for the nation's 160 000 entries, and --expose-gc so memory is measured after a
// collection. Not part of `npm test`; never fails on a missed target.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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

const run = spawnSync(
  process.execPath,
  ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'Asia/Bangkok', OTOP_ROOT: root },
  },
);
process.exit(run.status ?? 1);
