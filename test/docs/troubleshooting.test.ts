/**
 * The Thai guide's troubleshooting table is the code's (issue 24): every failure message an
 * officer can read — each OfficerError the source makes, Google's failures explained
 * (src/kernel/messages.ts), the sidebar's network and hidden-e-mail texts — has its row with a
 * cause and what to do, found by scripts/officerMessages.mjs (`npm run guide-messages` rewrites
 * the table; --check fails when a message of the code is missing, a row's message is gone, or a
 * row is still TODO). The guide's pictures are the ones `npm run screenshots` takes, each small.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDE_SHOTS, SHOT_MAX_BYTES } from '../../dev/preview/screenshots';
import { GOOGLE_ERROR_TEXT } from '../../src/kernel/messages';
import { NETWORK_TEXT } from '../../src/sidebar/errors';
import { TEXT } from '../../src/sidebar/texts';

const ROOT = join(__dirname, '..', '..');
const GUIDE = readFileSync(join(ROOT, 'docs', 'guide-th.md'), 'utf8');
const TROUBLESHOOTING = GUIDE.slice(GUIDE.indexOf('## การแก้ปัญหา'));

/** What the script says of the guide: its exit code and messages. */
function check(): { code: number; output: string } {
  try {
    const output = execFileSync('node', [join(ROOT, 'scripts', 'officerMessages.mjs'), '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

/** The messages the script finds in the code. */
function messages(): { text: string; at: string }[] {
  return JSON.parse(
    execFileSync('node', [join(ROOT, 'scripts', 'officerMessages.mjs'), '--list'], { cwd: ROOT, encoding: 'utf8' }),
  );
}

test('the troubleshooting table is the code’s: a row with a cause and what to do for every message', () => {
  expect(check()).toEqual({ code: 0, output: '' });
});

test('the messages found include every text the code keeps in its tables, word for word in the guide', () => {
  const found = messages().map((m) => m.text);
  const tables = [...Object.values(GOOGLE_ERROR_TEXT), NETWORK_TEXT, TEXT.hiddenEmail];
  expect(tables.filter((t) => !found.includes(t))).toEqual([]);
  expect(tables.filter((t) => !TROUBLESHOOTING.includes(t))).toEqual([]);
  // and the refusals made in the server (roles, sending, submitting, reports, reminders)
  const files = new Set(found.length > 0 ? messages().map((m) => m.at.split(':')[0]) : []);
  for (const file of [
    'src/app/roles.ts',
    'src/features/reports/action/delivery.ts',
    'src/features/submissions/action/submissions.ts',
    'src/features/reports/action/reports.ts',
  ]) {
    expect(files).toContain(file);
  }
});

test('the guide’s pictures are the ones npm run screenshots takes, each present and small', () => {
  const shown = [...GUIDE.matchAll(/!\[[^\]]*\]\(img\/([a-z-]+)\.png\)/g)].map((m) => m[1]).sort();
  expect(shown).toEqual([...GUIDE_SHOTS].sort());
  for (const name of GUIDE_SHOTS) {
    const file = join(ROOT, 'docs', 'img', `${name}.png`);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(SHOT_MAX_BYTES);
  }
});
