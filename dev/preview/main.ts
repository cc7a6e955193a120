/**
 * `npm start` runs this (compiled by scripts/start.mjs): the preview on localhost, port 8080
 * or PORT (a busy port falls back to a free one), until Ctrl-C.
 * Environment: PORT; PREVIEW_TODAY ('yyyy-mm-dd', or 'real' for the real clock);
 * PREVIEW_LATENCY_MS (delay per google.script.run call, e.g. 600 to see the busy states);
 * PREVIEW_DISTRICT (run the sidebar as that district's officer, named in the settings).
 */
import { DEMO_OFFICER, seedDemoWithOfficer } from './demo';
import { startPreview } from './server';

/**
 * Starts the preview and stops it cleanly on SIGINT / SIGTERM.
 * @param root the project folder
 */
export async function main(root: string): Promise<void> {
  process.env.TZ = 'Asia/Bangkok';
  const wanted = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535)
    throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  const today = process.env.PREVIEW_TODAY === 'real' ? null : process.env.PREVIEW_TODAY || undefined;
  const district = process.env.PREVIEW_DISTRICT || '';
  const preview = await startPreview({
    root,
    ...(district ? { user: DEMO_OFFICER, seed: seedDemoWithOfficer(district) } : {}),
    distDir: process.env.PREVIEW_DIST || undefined,
    port: wanted,
    today,
    latencyMs: Number(process.env.PREVIEW_LATENCY_MS) || 0,
  });
  if (wanted !== 0 && preview.port !== wanted) console.log(`port ${wanted} is busy: using ${preview.port}`);
  console.log(`OTOP sidebar preview (ข้อมูลตัวอย่าง, no Google account needed): ${preview.url}`);
  console.log(`the mobile page (web app, docs/mobile.md), as the chosen user: ${preview.url}app`);
  if (district) console.log(`running as the officer of อ.${district} (${DEMO_OFFICER})`);
  console.log('Ctrl-C to stop.');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the preview`);
    preview.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
