/**
 * The documents (issue 24): README is the maintainers' page — at most 30 000 bytes, the two
 * commands, a sentence for every npm script, links to docs/ that exist — and docs/guide-th.md is
 * the officers' guide in Thai, with its screenshots present and a troubleshooting row for each
 * Thai failure message any action may give (src/kernel/messages.ts) and the sidebar's own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOOGLE_ERROR_TEXT } from '../../src/kernel/messages';
import { NETWORK_TEXT } from '../../src/sidebar/errors';
import { TEXT } from '../../src/sidebar/texts';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const README = read('README.md');
const GUIDE = read('docs/guide-th.md');

/** The targets of the relative links and images of a Markdown text (anchors dropped). */
function links(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target));
}

/** The first words of a message, up to its first space after 12 characters (what the guide quotes). */
function opening(message: string): string {
  const cut = message.indexOf(' ', 12);
  return cut < 0 ? message : message.slice(0, cut);
}

test('README is the maintainers’ page: at most 30 000 bytes, the two commands, every npm script, its links resolve', () => {
  expect(Buffer.byteLength(README, 'utf8')).toBeLessThanOrEqual(30_000);
  expect(README).toContain('npm install && npm start');
  expect(README).toMatch(/^npm test\b/m);
  const scripts = Object.keys(JSON.parse(read('package.json')).scripts as Record<string, string>);
  const missing = scripts.filter(
    (name) => !README.includes(name === 'test' || name === 'start' ? `npm ${name}` : `npm run ${name}`),
  );
  expect(missing).toEqual([]);
  for (const section of ['Put it on a real spreadsheet', 'How it is built', 'Trust model', 'Documents']) {
    expect(README).toContain(`## ${section}`);
  }
  const broken = links(README).filter((target) => !existsSync(join(ROOT, target)));
  expect(broken).toEqual([]);
  expect(README).toContain('docs/guide-th.md');
});

test('the Thai guide: province, district, screenshots that exist, and troubleshooting for every failure message', () => {
  for (const heading of ['## เจ้าหน้าที่ระดับจังหวัด', '## เจ้าหน้าที่อำเภอ', '## การแก้ปัญหา']) {
    expect(GUIDE).toContain(heading);
  }
  const images = links(GUIDE).filter((target) => target.endsWith('.png'));
  expect(images.length).toBeGreaterThanOrEqual(6);
  const absent = images.filter((target) => !existsSync(join(ROOT, 'docs', target)));
  expect(absent).toEqual([]);
  const troubleshooting = GUIDE.slice(GUIDE.indexOf('## การแก้ปัญหา'));
  const messages = [...Object.values(GOOGLE_ERROR_TEXT), NETWORK_TEXT, TEXT.hiddenEmail];
  const unexplained = messages.map(opening).filter((start) => !troubleshooting.includes(start));
  expect(unexplained).toEqual([]);
});

test('the maintainers’ documents moved out of README exist', () => {
  for (const path of ['first-run', 'usage', 'custom-functions', 'rules', 'reliability', 'performance', 'testing']) {
    expect(existsSync(join(ROOT, 'docs', `${path}.md`))).toBe(true);
  }
});
