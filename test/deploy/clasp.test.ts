/**
 * The README's deploy steps on a fresh clone, run as far as they go without a Google account:
 * clasp (the project's own, node_modules/.bin) in a temporary copy of the repository's committed
 * files, with an empty home folder (no clasp credentials) and no network needed. clasp 3 refuses
 * `create` and `clone` where a .clasp.json exists ("Project file already exists."; docs/platform.md#clasp,
 * google/clasp#1128), so the repository commits .clasp.example.json and no .clasp.json; with no
 * account, both commands must stop at the sign-in ("No credentials found."), not at our files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLASP = join(ROOT, 'node_modules', '.bin', 'clasp');
/** A made-up id of the right shape (Apps Script ids are 57 characters). */
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789aBcDeFgHiJkLmNoPqRs';

jest.setTimeout(60_000);

interface Copy {
  dir: string;
  home: string;
  run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string };
}

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** The repository's committed files (what a fresh clone has) in a temporary folder, with dist/ built. */
function freshClone(): Copy {
  const base = mkdtempSync(join(tmpdir(), 'otop-clone-'));
  copies.push(base);
  const dir = join(base, 'repo');
  const home = join(base, 'home');
  mkdirSync(home);
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true }); // as `npm run build` leaves it
  const env = { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: join(home, '.config'), CI: '1' };
  return {
    dir,
    home,
    run: (command, args) => {
      const r = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
}

describe('a fresh clone', () => {
  test('commits .clasp.example.json, no .clasp.json, and ignores the one clasp or bind makes', () => {
    const c = freshClone();
    expect(existsSync(join(c.dir, '.clasp.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(c.dir, '.clasp.example.json'), 'utf8'))).toEqual({
      scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID',
      rootDir: 'dist',
    });
    expect(readFileSync(join(c.dir, '.gitignore'), 'utf8').split('\n')).toContain('.clasp.json');
  });

  test.each([
    ['create', ['create', '--type', 'sheets', '--title', 'OTOP KPI', '--rootDir', 'dist']],
    ['clone', ['clone', SCRIPT_ID, '--rootDir', 'dist']],
  ])('`clasp %s` is not blocked by the repository: it stops at the sign-in', (_name, args) => {
    const c = freshClone();
    const out = c.run(CLASP, args);
    expect(out.stderr).toContain('No credentials found.');
    expect(out.stderr + out.stdout).not.toContain('Project file already exists');
    expect(out.status).not.toBe(0);
    expect(existsSync(join(c.dir, '.clasp.json'))).toBe(false);
  });

  test('with the old committed placeholder .clasp.json, the same commands were refused (the issue)', () => {
    const c = freshClone();
    cpSync(join(c.dir, '.clasp.example.json'), join(c.dir, '.clasp.json'));
    for (const args of [
      ['create', '--type', 'sheets', '--rootDir', 'dist'],
      ['clone', SCRIPT_ID, '--rootDir', 'dist'],
    ]) {
      // clasp 3.4.1 prints the refusal on stderr and still exits 0: read the message, not the status
      expect(c.run(CLASP, args).stderr).toContain('Project file already exists.');
    }
  });

  test('`clasp create --help` lists --type and --rootDir', () => {
    const c = freshClone();
    const out = c.run(CLASP, ['create', '--help']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('--type <type>');
    expect(out.stdout).toContain('--rootDir <rootDir>');
  });

  test('`npm run push` first says what to do when no project is bound; bind writes one, once', () => {
    const c = freshClone();
    const script = join('scripts', 'clasp-project.mjs');
    const unbound = c.run('node', [script, 'check']);
    expect(unbound.status).toBe(1);
    expect(unbound.stderr).toContain('npx clasp create --type sheets --title "OTOP KPI" --rootDir dist');
    expect(unbound.stderr).toContain('npm run bind -- <scriptId>');
    expect(c.run('node', [script, 'bind', 'REPLACE_WITH_YOUR_SCRIPT_ID']).status).toBe(1);
    expect(c.run('node', [script, 'bind', 'not an id']).status).toBe(1);
    const bound = c.run('node', [script, 'bind', SCRIPT_ID]);
    expect(bound.status).toBe(0);
    expect(JSON.parse(readFileSync(join(c.dir, '.clasp.json'), 'utf8'))).toEqual({
      scriptId: SCRIPT_ID,
      rootDir: 'dist',
    });
    expect(c.run('node', [script, 'bind', SCRIPT_ID]).status).toBe(1); // never overwrites
    expect(c.run('node', [script, 'check']).status).toBe(0);
    writeFileSync(join(c.dir, '.clasp.json'), JSON.stringify({ scriptId: SCRIPT_ID, rootDir: '.' }));
    expect(c.run('node', [script, 'check']).stderr).toContain('"rootDir": "dist"');
  });

  test('the mobile page: bind --webapp records its deployment; deploy then moves it (clasp deploy -i), or says there is none', () => {
    const c = freshClone();
    const script = join('scripts', 'clasp-project.mjs');
    const WEBAPP = 'AKfycbx0123456789abcdefghijABCDEFGHIJ_-xyz';
    expect(c.run('node', [script, 'bind', '--webapp', WEBAPP]).status).toBe(1); // no project bound yet
    c.run('node', [script, 'bind', SCRIPT_ID]);
    const none = c.run('node', [script, 'deploy']);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('no web-app deployment recorded');
    expect(c.run('node', [script, 'bind', '--webapp', 'not-a-deployment']).status).toBe(1);
    expect(c.run('node', [script, 'bind', '--webapp', WEBAPP]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(c.dir, '.clasp.json'), 'utf8'))).toEqual({
      scriptId: SCRIPT_ID,
      rootDir: 'dist',
      webAppDeploymentId: WEBAPP,
    });
    // clasp reaches the sign-in (no account here): the redeploy itself needs Google
    const moved = c.run('node', [script, 'deploy']);
    expect(moved.status).not.toBe(0);
    expect(`${moved.stdout}${moved.stderr}`).toMatch(/credentials|log ?in/i);
    const status = c.run(CLASP, ['status', '--json']);
    expect(JSON.parse(status.stdout).filesToPush).toContain('dist/Mobile.html');
  });

  test('bound, `clasp status` would push exactly the bundle, the manifest and the sidebar page', () => {
    const c = freshClone();
    c.run('node', [join('scripts', 'clasp-project.mjs'), 'bind', SCRIPT_ID]);
    writeFileSync(join(c.dir, 'dist', 'notes.txt'), 'not for Apps Script');
    const out = c.run(CLASP, ['status', '--json']);
    expect(out.status).toBe(0);
    const files: string[] = JSON.parse(out.stdout).filesToPush;
    expect(files.every((f) => /^dist\/(Code\.js|appsscript\.json|\w+\.html)$/.test(f))).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['dist/Code.js', 'dist/appsscript.json', 'dist/Sidebar.html']));
  });
});

test('`npm run push` checks the project, lints, and runs every test before `clasp push --force`, then keeps the web app', () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
  expect(scripts.push).toBe(
    'node scripts/clasp-project.mjs check && npm run lint && npm test && clasp push --force && node scripts/clasp-project.mjs deploy',
  );
  expect(scripts.test).toMatch(/^npm run build && npm run typecheck && npm run layers && jest/);
  expect(scripts.bind).toBe('node scripts/clasp-project.mjs bind');
});
