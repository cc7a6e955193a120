// `npm run reliability`: the reliability table of docs/reliability.md, from the figures the fault sweeps of
// test/faults keep in test-artifacts/reliability/<action>.json (test/support/faultSweep.ts,
// sweepEvery → writeFigures_: one object per fault mode with its counts). Prints Markdown:
// one row per action and mode. Run the sweeps first (`npx jest test/faults`), then paste the
// output into docs/reliability.md.
//
//   node scripts/reliabilityTable.mjs [--modes before,after,outage,undo,late] [--legend] [folder]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The actions swept, in the order an officer meets them, with what each file's name means. */
const ACTIONS = {
  'setup-new': 'set-up, new workbook',
  'setup-repair': 'set-up, repair',
  'setup-officers': 'set-up, province editor naming officers',
  'check-first': 'data check, first',
  'check-again': 'data check, again',
  'round-first': 'round summary, first',
  'round-again': 'round summary, made again',
  'month-first': 'monthly report, first',
  'month-again': 'monthly report, made again',
};

/** The fault modes (test/support/faultSweep.ts), in order, as the README names them. */
const MODES = {
  before: 'before (the call fails, nothing done)',
  after: 'after (the call took effect, then failed)',
  outage: 'outage (killed: nothing gets through from that call on)',
  undo: 'undo failure (a fault, then an undo step fails too)',
  late: 'late write (a cached write fails at a later call)',
};

const HEADER = [
  'action',
  'mode',
  'positions swept',
  'calls (clean run)',
  'stride',
  'unchanged',
  'done',
  'partial',
  'healed by the next run',
  'not healed but allowed',
  'of which only the log differs',
  'not Thai',
];

/**
 * The command line: the modes to show and the folder of figures.
 * @param {string[]} args the arguments after the script
 * @return {{modes: string[], folder: string}}
 */
function parseArgs(args) {
  let modes = Object.keys(MODES);
  let folder = join(root, 'test-artifacts', 'reliability');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--legend') continue;
    if (args[i] === '--modes')
      modes = String(args[++i] ?? '')
        .split(',')
        .filter(Boolean);
    else folder = args[i];
  }
  return { modes, folder };
}

/**
 * One table row of a mode's counts.
 * @param {string} action the action's label
 * @param {string} mode the mode's key
 * @param {Record<string, number|boolean|string>} c the counts (SweepCounts & { toldNotHealed })
 * @return {string[]} the cells
 */
function row(action, mode, c) {
  const tried = c.healed + c.unhealed;
  const healed = c.healing ? `${c.healed} of ${tried}` : 'not run';
  const positions = c.stride === 1 ? `all ${c.candidates}` : `${c.positions} of ${c.candidates}`;
  return [
    action,
    mode,
    positions,
    String(c.calls),
    String(c.stride),
    String(c.unchanged),
    String(c.done),
    String(c.partial),
    healed,
    String(c.toldNotHealed ?? 0),
    String(c.logOnly ?? 0),
    String(c.notThai),
  ];
}

/**
 * The table's rows: known actions first in their order, then any other file by name.
 * @param {string} folder where the figures are
 * @param {string[]} modes the modes to show
 * @return {string[][]}
 */
function rows(folder, modes) {
  // A sweep split by mode into test files of its own keeps each mode in <name>.<mode>.json
  // (test/support/faultSweep.ts sweepEvery): merged into <name>'s figures here.
  const byName = new Map();
  // A mode's own file is newer than a whole sweep's left from before the split: it comes last.
  const parts = (f) => f.split('.').length;
  const jsons = readdirSync(folder).filter((f) => f.endsWith('.json'));
  for (const file of jsons.sort((a, b) => parts(a) - parts(b) || (a < b ? -1 : 1))) {
    const [name] = file.slice(0, -'.json'.length).split('.');
    byName.set(name, { ...byName.get(name), ...JSON.parse(readFileSync(join(folder, file), 'utf8')) });
  }
  const files = [...byName.keys()];
  const known = Object.keys(ACTIONS).filter((name) => files.includes(name));
  const others = files.filter((name) => !(name in ACTIONS)).sort();
  const out = [];
  for (const name of [...known, ...others]) {
    const figures = byName.get(name);
    for (const mode of modes) {
      if (figures[mode]) out.push(row(ACTIONS[name] ?? name, mode, figures[mode]));
    }
  }
  return out;
}

/**
 * Markdown for a header and rows.
 * @param {string[]} header the column names
 * @param {string[][]} body the rows
 * @return {string}
 */
function markdown(header, body) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

const { modes, folder } = parseArgs(process.argv.slice(2));
if (!existsSync(folder)) {
  console.error(`no figures in ${folder}: run the fault sweeps first (npx jest test/faults)`);
  process.exit(1);
}
const body = rows(folder, modes);
if (body.length === 0) {
  console.error(`no sweep figures in ${folder} for the modes ${modes.join(', ')}`);
  process.exit(1);
}
console.log(markdown(HEADER, body));
if (process.argv.includes('--legend')) {
  console.log('');
  console.log(`Modes: ${modes.map((m) => `**${m}** — ${MODES[m] ?? m}`).join('; ')}.`);
}
