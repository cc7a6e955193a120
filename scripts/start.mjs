// `npm start` (after `npm run build`): the local preview of the sidebar and the workbook
// (dev/preview/README.md). The preview is TypeScript in dev/preview (it uses the in-memory
// stand-in, dev/fakes); esbuild (already a dependency) compiles it here into one ES module,
// written for this process only under node_modules/.cache (never into dist/, which clasp
// pushes), imported, and deleted. It serves the built dist/Sidebar.html and runs the built
// dist/Code.js: what you see is what `npm run push` would deploy.
process.env.TZ = 'Asia/Bangkok';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'otop-preview', `preview-${process.pid}.mjs`);
await build({
  entryPoints: [join(root, 'dev', 'preview', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
});
let main;
try {
  ({ main } = await import(pathToFileURL(outfile).href));
} finally {
  rmSync(outfile, { force: true });
}
await main(root);
