// `npm run screenshots` (after `npm run build`): the Thai guide's pictures (docs/guide-th.md),
// taken from the preview in Debian's Chromium by dev/preview/screenshots.ts into docs/img/.
// Compiled like `npm start` (scripts/start.mjs): esbuild writes one ES module for this process
// under node_modules/.cache, imported and deleted; playwright-core stays a package import.
process.env.TZ = 'Asia/Bangkok';
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'otop-preview', `screenshots-${process.pid}.mjs`);
await build({
  entryPoints: [join(root, 'dev', 'preview', 'screenshots.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
let shots;
try {
  shots = await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
const outDir = join(root, 'docs', 'img');
mkdirSync(outDir, { recursive: true });
const taken = await shots.takeGuideScreenshots(root, outDir);
let tooBig = 0;
for (const { file, bytes } of taken) {
  const big = bytes > shots.SHOT_MAX_BYTES;
  if (big) tooBig++;
  console.log(`${relative(root, file)}: ${bytes} bytes${big ? ` — over ${shots.SHOT_MAX_BYTES}` : ''}`);
}
if (tooBig > 0) process.exitCode = 1;
