/**
 * The role rules fail when broken (issue 26: "show each once"). `npm run layers` checks src/ with
 * dependency-cruiser (.dependency-cruiser.cjs) and scripts/serviceCalls.mjs; here each rule runs,
 * with the project's own configuration, on a small tree that breaks it once, and must name that
 * break; the same tree without the breaks passes. A rule that stopped firing (a path renamed, a
 * config key mistyped) fails this test instead of passing silently.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Each dependency-cruiser rule, the file that breaks it and the import that does. */
const BREAKS: readonly { rule: string; file: string; text: string }[] = [
  {
    rule: 'rules-are-pure',
    file: 'src/features/standing/rules/rule.ts',
    text: "import { act } from '../action/action';\nexport const r = act;",
  },
  {
    rule: 'rules-are-pure',
    file: 'src/kernel/dates.ts',
    text: "import { layout } from '../features/reports/sheets/layout';\nexport const k = layout;",
  },
  {
    rule: 'functions-on-rules',
    file: 'src/features/counting/functions/fn.ts',
    text: "import { io } from '../../../platform/io';\nexport const f = io;",
  },
  {
    rule: 'sheets-on-rules',
    file: 'src/features/reports/sheets/layout.ts',
    text: "import { act } from '../../standing/action/action';\nexport const layout = act;",
  },
  {
    rule: 'platform-below-actions',
    file: 'src/platform/io.ts',
    text: "import { act } from '../features/standing/action/action';\nexport const io = act;",
  },
  {
    rule: 'actions-through-the-door',
    file: 'src/features/dataCheck/action/dataCheck.ts',
    text: "import type { Door } from '../../../app/door/door';\nimport { io } from '../../../platform/io';\nexport const c = io;\nexport type D = Door;",
  },
  {
    rule: 'actions-through-the-door',
    file: 'src/features/reminders/action/reminders.ts',
    text: "import type { Workbook } from '../../../app/door/door';\nimport type { Io } from '../../../platform/io';\nexport type R = Workbook | Io;",
  },
  {
    rule: 'actions-through-the-door',
    file: 'src/features/standing/action/uses-store.ts',
    text: "import { show } from '../store/show';\nexport const u = show;",
  },
  {
    rule: 'actions-through-the-door',
    file: 'src/features/standing/action/uses-log.ts',
    text: "import { log } from '../../../app/auditLog';\nexport const u = log;",
  },
  {
    rule: 'app-shared-pure',
    file: 'src/app/workbookRead.ts',
    text: "import type { Io } from '../platform/io';\nimport { io } from '../platform/io';\nexport const w: Io = io;",
  },
  {
    rule: 'nothing-imports-main',
    file: 'src/features/standing/action/uses-main.ts',
    text: "import { entry } from '../../../main';\nexport const u = entry;",
  },
  {
    rule: 'panels-types-only',
    file: 'src/features/standing/panel/panel.ts',
    text: "import { act } from '../action/action';\nexport const p = act;",
  },
  {
    rule: 'no-circular-in-src',
    file: 'src/app/loop-a.ts',
    text: "import { b } from './loop-b';\nexport const a = b;",
  },
  {
    rule: 'src-not-on-dev-or-test',
    file: 'src/app/uses-dev.ts',
    text: "import { fake } from '../../dev/fake';\nexport const d = fake;",
  },
];

/** Files every tree has (what the breaks import), each of them within the rules. */
const BASE: Record<string, string> = {
  'src/features/standing/action/action.ts': 'export const act = 1;',
  'src/main.ts': "import { act } from './features/standing/action/action';\nexport const entry = act;",
  'src/app/loop-b.ts': "import { a } from './loop-a';\nexport const b = 1;\nexport const c = a;",
  'dev/fake.ts': 'export const fake = 1;',
  'src/platform/io.ts': 'export const io = 1;\nexport type Io = number;',
  'src/features/reports/sheets/layout.ts': 'export const layout = 1;',
  // what each role may use: a rule uses the kernel and another feature's rules, a sheet rules and
  // another feature's sheets, a custom function rules and another feature's functions, the platform
  // sheets and rules, an action all of these
  'src/kernel/text.ts': 'export const text = 1;',
  'src/features/counting/rules/tally.ts': "import { text } from '../../../kernel/text';\nexport const tally = text;",
  'src/features/standing/rules/score.ts':
    "import { tally } from '../../counting/rules/tally';\nimport { text } from '../../../kernel/text';\nexport const score = tally + text;",
  'src/features/standing/sheets/board.ts':
    "import { score } from '../rules/score';\nimport { layout } from '../../reports/sheets/layout';\nexport const board = score + layout;",
  'src/features/counting/functions/args.ts': 'export const args = 1;',
  'src/features/standing/functions/fn.ts':
    "import { args } from '../../counting/functions/args';\nimport { score } from '../rules/score';\nexport const fn = args + score;",
  'src/platform/sheets.ts':
    "import { board } from '../features/standing/sheets/board';\nimport { text } from '../kernel/text';\nexport const put = board + text;",
  // a store (a feature's part of the door's Apps Script side) uses the platform; an action the rest
  'src/features/standing/store/show.ts':
    "import { put } from '../../../platform/sheets';\nimport { fn } from '../functions/fn';\nimport { board } from '../sheets/board';\nexport const show = put + fn + board;",
  'src/features/standing/action/tell.ts':
    "import { fn } from '../functions/fn';\nimport { board } from '../sheets/board';\nimport { role } from '../../../app/roles';\nexport const tell = fn + board + role;",
  'src/app/auditLog.ts': "import { io } from '../platform/io';\nexport const log = io;",
  // a shared module the actions import may name a type of the platform, nothing more
  'src/app/roles.ts': "import type { Io } from '../platform/io';\nexport const role: Io = 1;",
  'src/sidebar/rpc.ts': "import type { entry } from '../main';\nexport type Entry = typeof entry;",
  // an action reaches the workbook through the door only
  'src/app/door/door.ts':
    'export interface Door {\n  readonly x: number;\n}\nexport interface Workbook {\n  readonly y: number;\n}',
  'src/features/dataCheck/action/dataCheck.ts':
    "import type { Door } from '../../../app/door/door';\nexport type D = Door;",
  'src/features/reminders/action/reminders.ts':
    "import type { Workbook } from '../../../app/door/door';\nexport type R = Workbook;",
};

/**
 * A project tree with the project's dependency-cruiser configuration and a tsconfig of its own.
 * @param files path → text
 */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'otop-layers-'));
  copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  const tsconfig = {
    compilerOptions: {
      target: 'ES2020',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      types: ['google-apps-script'],
    },
    include: ['src/**/*.ts', 'dev/**/*.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `${text}\n`);
  }
  return dir;
}

/**
 * The rules dependency-cruiser reports on a tree, with the file each came from.
 * @param dir the tree
 */
function cruise(dir: string): { rule: string; from: string }[] {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      'src',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'json',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  const result = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string }[] } };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from }));
}

/**
 * scripts/serviceCalls.mjs on a tree: its exit status and what it printed.
 * @param dir the tree
 */
function serviceCalls(dir: string): { status: number | null; text: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'serviceCalls.mjs')], {
    env: { ...process.env, SERVICE_CALLS_ROOT: dir },
    encoding: 'utf8',
  });
  return { status: run.status, text: `${run.stdout}${run.stderr}` };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test('each dependency-cruiser rule names the one file that breaks it', () => {
  const files = { ...BASE, ...Object.fromEntries(BREAKS.map((b) => [b.file, b.text])) };
  const dir = tree(files);
  made.push(dir);
  const found = cruise(dir);
  for (const b of BREAKS) expect(found).toContainEqual({ rule: b.rule, from: b.file });
  // and nothing else: every break is where it was put
  expect(new Set(found.map((f) => f.rule))).toEqual(new Set(BREAKS.map((b) => b.rule)));
});

test('the same tree without the breaks passes every rule', () => {
  const clean = {
    ...BASE,
    'src/app/loop-b.ts': 'export const b = 1;',
    'src/features/standing/panel/panel.ts':
      "import type { act } from '../action/action';\nimport type { Entry } from '../../../sidebar/rpc';\nexport type P = typeof act | Entry;",
  };
  const dir = tree(clean);
  made.push(dir);
  expect(cruise(dir)).toEqual([]);
});

test('only the platform may reach Apps Script: a call, a service and a type in an action each fail npm run layers', () => {
  const dir = tree({
    'src/features/setup/action/reaches.ts': [
      'export function reach(): string {',
      '  const ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive();',
      '  return ss.getName();',
      '}',
      'export const app = SpreadsheetApp;',
    ].join('\n'),
    'src/platform/allowed.ts': 'export function name(): string {\n  return SpreadsheetApp.getActive().getName();\n}',
  });
  made.push(dir);
  const run = serviceCalls(dir);
  expect(run.status).toBe(1);
  expect(run.text).toContain(
    'src/features/setup/action/reaches.ts:2: names the Apps Script type GoogleAppsScript.Spreadsheet',
  );
  expect(run.text).toContain('src/features/setup/action/reaches.ts:5: uses the service SpreadsheetApp');
  expect(run.text).toContain('src/features/setup/action/reaches.ts:2: calls getActive() of Apps Script');
  expect(run.text).toContain('src/features/setup/action/reaches.ts:3: calls getName() of Apps Script');
  expect(run.text).not.toContain('src/platform/allowed.ts'); // the project itself: npm run layers, before jest
});
