/**
 * Round trips per action (issue 23): each action an officer or the province takes, run through
 * the bundle on a seeded workbook (every district's officer named, 26 Sep 2022), counted in
 * service calls with the refresh the sidebar makes after it (sidebarState, which brings the
 * duties too), and its own CPU time. Each call is a round trip to Google of about
 * 50–100 ms in real Sheets, so the calls, not the add-on's CPU, decide how long an officer waits.
 * The previous version (commit e064f7d, built by scripts/bench.mjs) runs the actions it had on
 * the same generated data, for its CPU side by side.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { classifyCall, createFakeWorkbook, type FakeExecution, type FakeWorkbook, globalScope } from '../dev/fakes';
import { LABEL } from '../src/kernel/settings';
import { entrySheetName, SHEET } from '../src/features/setup/sheets/sheetNames';
import { type BundleSource, type Gas, readBundle } from './bundle';
import { type GeneratedWorkbook, generateWorkbook } from './generator';
import { SCALES } from './scales';
import { collectGarbage } from './measure';
import { MONTH, ROUND } from './tasks';
import { BENCH_OWNER, fillEntries, recalculate, writeDistrictSheet } from './workbook';

/** When the actions run: near the end of FY 2565, August's report due, every round past. */
export const BUDGET_DAY = new Date(2022, 8, 26, 9, 0);
/** The month a district submits. */
const SUBMIT_MONTH = '2022-08';
/** An activity as an officer types it on the mobile page (that month, the entry form's keys). */
const MOBILE_ACTIVITY = {
  date: '20/08/2565',
  activity: 'ตลาดนัดชุมชนริมโขง',
  place: 'ท่าเสด็จ',
  organiser: 'พช.อำเภอ',
  budget: 'ไม่ใช้',
  operators: '8',
  sales: '15,000',
  link: 'https://example.com/market',
  note: '',
};

/** One action: its calls, the refresh's and its CPU. */
export interface BudgetAction {
  action: string;
  /** the action's own service calls (builder calls aside) */
  calls: number;
  /** the sidebar's refresh after it (sidebarState, the duties with it); 0 when it makes none */
  refreshCalls: number;
  /** the action's CPU time in this process, ms (the stand-in's included) */
  cpuMs: number;
  /** of that, the add-on's own: outside the stand-in's calls (what Google's side does set apart), ms */
  ownCpuMs: number;
  error?: string;
}

/** The previous version's CPU for an action it had. */
export interface PreviousAction {
  action: string;
  cpuMs: number;
  ownCpuMs: number;
  calls: number;
  error?: string;
}

/** A scale's actions. */
export interface BudgetResult {
  scale: string;
  districts: number;
  entries: number;
  actions: BudgetAction[];
  /** the previous version's actions on the same data; null when its bundle was not built */
  previous: PreviousAction[] | null;
}

/** An officer's address for a district (the bench names every district's officer). */
const officerOf = (index: number) => `officer${index + 1}@district.example`;

/**
 * A bundle loaded over an execution, its `new Date()` the workbook's clock (as in the tests), in
 * a scope with an ordinary global object as Apps Script's (dev/fakes/scope.ts: a contextified one
 * costs about 0.4 µs a global lookup, counted as the add-on's CPU until 7 Dec 2026).
 * @param bundle the compiled bundle
 * @param book the workbook
 * @param run the execution
 */
function loadOver_(bundle: BundleSource, book: FakeWorkbook, run: FakeExecution): Gas {
  const context = globalScope({ ...run.globals }, book.clock.now);
  bundle.script.runInContext(context);
  // This version reads its menu, trigger and sidebar functions from Server.html and compiles
  // them on an execution's first call of one (otop_.server_, scripts/build.mjs); that is done
  // here, with the load, so that an action's CPU is its own, as for the previous version, whose
  // whole bundle compiled at load. The read's calls are counted with the action's (measure_).
  (context as Gas).otop_?.server_?.();
  return context as Gas;
}

/** A workbook for the bench, its owner and every district's officer its editors. */
interface Subject_ {
  book: FakeWorkbook;
  bundle: BundleSource;
  /** a fresh execution of the bundle as a user (each sidebar call is one in Apps Script) */
  as(user: string): { run: FakeExecution; gas: Gas };
}

function subject_(bundle: BundleSource, data: GeneratedWorkbook): Subject_ {
  const book = createFakeWorkbook({
    owner: BENCH_OWNER,
    editors: data.districts.map((_, i) => officerOf(i)),
    now: BUDGET_DAY,
    htmlFiles: { ...bundle.html },
  });
  const formulas = loadOver_(bundle, book, book.createExecution({ user: BENCH_OWNER }));
  book.spreadsheet.setFunctions((name) =>
    name.startsWith('OTOP_') && typeof formulas[name] === 'function' ? formulas[name] : undefined,
  );
  return {
    book,
    bundle,
    as: (user) => {
      const run = book.createExecution({ user });
      return { run, gas: loadOver_(bundle, book, run) };
    },
  };
}

/** This process's CPU time, ms (user and system). */
function cpuNowMs_(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The calls of a run by name, most first (BENCH_CALLS=1: where an action's round trips go; BENCH_CALLS=seq: in order).
 * @param names the run's calls in order
 */
function callProfile_(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `    ${String(n).padStart(5)} ${name}`)
    .join('\n');
}

/** The inspector session of BENCH_PROFILE, opened on first use. */
let session_: Session | null = null;

/**
 * With BENCH_PROFILE=<folder>, a V8 CPU profile of one labelled action (open it in Chrome's
 * DevTools or speedscope): starts profiling and returns the function that stops it and writes
 * <folder>/<label>.cpuprofile. Without it (or without a label), nothing.
 * @param label the action's name in the report, '' for an unlabelled run
 */
function profiling_(label: string): () => void {
  const folder = process.env.BENCH_PROFILE;
  if (!folder || !label) return () => {};
  if (!session_) {
    session_ = new Session();
    session_.connect();
    session_.post('Profiler.enable');
    session_.post('Profiler.setSamplingInterval', { interval: 100 });
  }
  const session = session_;
  session.post('Profiler.start');
  return () =>
    session.post('Profiler.stop', (error, result) => {
      if (error) throw error;
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${label.replace(/[^\w]+/g, '-')}.cpuprofile`), JSON.stringify(result.profile));
    });
}

/**
 * Runs an action in a fresh execution: its service calls and CPU time.
 * @param s the workbook
 * @param user who runs it
 * @param fn the action
 */
function measure_(
  s: Subject_,
  user: string,
  fn: (gas: Gas) => unknown,
  label = '',
): { calls: number; cpuMs: number; ownCpuMs: number; error?: string } {
  recalculate(s.book.spreadsheet); // Sheets computes formulas outside the script's run
  const { run, gas } = s.as(user);
  // the server part's read (loadOver_) is this execution's round trips too, though not its CPU
  const loading = s.book.ledger.calls(run.id).filter((name) => classifyCall(name) !== 'builder');
  s.book.ledger.reset();
  // a full collection first: the garbage of earlier actions and of the stand-in is not this run's
  // to collect (a collection during the run is counted as the add-on's time)
  collectGarbage();
  const profile = profiling_(label);
  // the time inside the stand-in's calls, set apart: in Sheets that work is Google's
  s.book.ledger.meterCalls(cpuNowMs_);
  const started = process.cpuUsage();
  let error: string | undefined;
  try {
    fn(gas);
  } catch (e) {
    error = String((e as Error).message ?? e).slice(0, 160);
  }
  const cpu = process.cpuUsage(started);
  const insideMs = s.book.ledger.insideMs;
  s.book.ledger.meterCalls(null);
  profile();
  const names = [...loading, ...s.book.ledger.calls(run.id).filter((name) => classifyCall(name) !== 'builder')];
  const calls = names.length;
  if (process.env.BENCH_CALLS === 'seq') process.stderr.write(`\n    ${names.join('\n    ')}\n`);
  else if (process.env.BENCH_CALLS) process.stderr.write(`\n${callProfile_(names)}\n`);
  try {
    run.end();
  } catch {
    // a late write error: counted as the action's
  }
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { calls, cpuMs, ownCpuMs: Math.max(0, cpuMs - insideMs), ...(error ? { error } : {}) };
}

/**
 * The actions whose own CPU is compared with the previous version's and run again for it: one
 * run's CPU time varies by tens of percent with the machine's load. The first set-up cannot be
 * run again (a second run is a repeat set-up).
 */
const COMPARED_AGAIN: readonly string[] = [
  'repeat set-up',
  'open the sidebar',
  'data check',
  'round summary',
  'monthly report',
];
/** How many runs in all give a compared action's CPU (their median); BENCH_CPU_RUNS overrides it. */
const CPU_RUNS = Math.max(1, Number(process.env.BENCH_CPU_RUNS ?? 3) || 1);

/**
 * A measured action with its CPU as the median of CPU_RUNS runs when `again`: the counted run's
 * calls, and the median over it and the runs that made the same calls (a run that made other
 * calls did other work and is left out). The runs after the first are not counted anywhere else.
 * @param s the workbook
 * @param user who runs it
 * @param fn the action
 * @param first the counted run
 * @param again whether to run it again for its CPU
 */
function withCpuRuns_(
  s: Subject_,
  user: string,
  fn: (gas: Gas) => unknown,
  first: ReturnType<typeof measure_>,
  again: boolean,
): ReturnType<typeof measure_> {
  if (!again || first.error || CPU_RUNS < 2) return first;
  const runs = [first];
  for (let i = 1; i < CPU_RUNS; i++) {
    const r = measure_(s, user, fn);
    if (!r.error && r.calls === first.calls) runs.push(r);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  return {
    ...first,
    cpuMs: median(runs.map((r) => r.cpuMs)),
    ownCpuMs: median(runs.map((r) => r.ownCpuMs)),
  };
}

/**
 * The sidebar's refresh after an action (status.ts `act`): its state, which brings the duties
 * (sidebarDuties is asked only when the state could not read them: the duties panel).
 */
const SIDEBAR_REFRESH: readonly ((gas: Gas) => unknown)[] = [(gas) => gas.sidebarState()];

/**
 * Measures an action and, when the sidebar refreshes after it, the refresh.
 * @param s the workbook
 * @param out where the result goes
 * @param action its name in the report
 * @param user who runs it
 * @param fn the action
 * @param refresh whether the sidebar refreshes after it (status.ts `act`), or the calls the
 *   page makes after it, each its own execution (the mobile page: src/features/mobile/panel/main.ts)
 */
function act_(
  s: Subject_,
  out: BudgetAction[],
  action: string,
  user: string,
  fn: (gas: Gas) => unknown,
  refresh: boolean | readonly ((gas: Gas) => unknown)[],
): void {
  process.stderr.write(`  ${action}…`);
  const own = withCpuRuns_(
    s,
    user,
    fn,
    measure_(s, user, fn, process.env.BENCH_PROFILE ? `${action}` : ''),
    COMPARED_AGAIN.includes(action),
  );
  let refreshCalls = 0;
  for (const after of refresh === true ? SIDEBAR_REFRESH : refresh === false ? [] : refresh) {
    refreshCalls += measure_(s, user, after).calls;
  }
  process.stderr.write(` ${own.calls} + ${refreshCalls} calls${own.error ? ` (error: ${own.error})` : ''}\n`);
  out.push({
    action,
    calls: own.calls,
    refreshCalls,
    cpuMs: own.cpuMs,
    ownCpuMs: own.ownCpuMs,
    ...(own.error ? { error: own.error } : {}),
  });
}

/**
 * Names every district's officer in the settings sheet (owner's view, not counted).
 * @param s the workbook
 * @param data the generated workbook
 */
function nameOfficers_(s: Subject_, data: GeneratedWorkbook): void {
  const sheet = s.book.spreadsheet.getSheetByName(SHEET.settings);
  if (!sheet) throw new Error('set-up made no settings sheet');
  const labels = sheet
    .getDataRange()
    .getValues()
    .map((row) => row[0]);
  data.districts.forEach((d, i) => {
    const row = labels.indexOf(LABEL.districtEditors(d.name));
    if (row >= 0) sheet.getRange(row + 1, 2).setValue(officerOf(i));
  });
}

/**
 * Every action of issue 23's table on one scale, with the current bundle; the previous
 * version's on the same data when its bundle is there.
 * @param root the project's root
 * @param scale the scale's name
 * @param seed the generator's seed
 * @param previousBundle dist/Code.js of the previous version, if built
 */
export function benchBudgets(root: string, scale: string, seed: number, previousBundle: string | null): BudgetResult {
  const data = generateWorkbook(SCALES[scale], seed);
  const s = subject_(readBundle(root), data);
  const owner = BENCH_OWNER;
  const officer = officerOf(0);
  const actions: BudgetAction[] = [];
  writeDistrictSheet(s.book.spreadsheet, data);
  act_(s, actions, 'first set-up', owner, (gas) => gas.sidebarSetUp(), true);
  fillEntries(s.book.spreadsheet, data);
  nameOfficers_(s, data);
  measure_(s, owner, (gas) => gas.sidebarSetUp()); // the entries made the sheets grow; officers' rights applied
  act_(s, actions, 'repeat set-up', owner, (gas) => gas.sidebarSetUp(), true);
  act_(s, actions, 'open the sidebar', owner, (gas) => gas.sidebarState(), false);
  act_(s, actions, 'duties view', owner, (gas) => gas.sidebarDuties(), false);
  act_(s, actions, 'data check', owner, (gas) => gas.sidebarCheckData(), true);
  act_(s, actions, 'round summary', owner, (gas) => gas.sidebarMakeRoundSummary(ROUND, true), true);
  act_(s, actions, 'monthly report', owner, (gas) => gas.sidebarMakeMonthlyReport(MONTH, true), true);
  act_(
    s,
    actions,
    'preview a submission',
    officer,
    (gas) => gas.sidebarPreviewSubmission('month', SUBMIT_MONTH),
    false,
  );
  act_(s, actions, 'submit', officer, (gas) => gas.sidebarSubmitMonthly(SUBMIT_MONTH, true), true);
  // The mobile page (issue 25): an officer adds an activity, then corrects a cell of it; the page
  // reloads the standing after an entry, and checks the data again before it after a correction.
  const district = data.districts[0].name;
  const added = { value: '' };
  act_(
    s,
    actions,
    'add an entry (mobile page)',
    officer,
    (gas) => {
      added.value = (gas.sidebarAddEntry('activities', MOBILE_ACTIVITY, district) as { cell: string }).cell;
    },
    [(gas) => gas.sidebarState()],
  );
  const row = added.value.replace(/^[A-Z]+/, '');
  act_(
    s,
    actions,
    'fix an entry (mobile page)',
    officer,
    (gas) =>
      gas.sidebarFixEntry(entrySheetName('activities', district), `D${row}`, MOBILE_ACTIVITY.place, 'ศาลาประชาคม'),
    [(gas) => gas.sidebarCheckData(), (gas) => gas.sidebarState()],
  );
  measure_(s, owner, (gas) => gas.sidebarSetReminders(true));
  s.book.clock.set(new Date(2022, 8, 27, 8, 0)); // the next morning's trigger
  act_(s, actions, 'daily reminder run', owner, (gas) => gas.remindDistricts(), false);
  // Last: it archives the year (copies of every district's sheets) and runs set-up's steps on
  // the new year's sheets; confirmed, as the province is asked first before the year ends.
  act_(s, actions, 'fiscal-year switch', owner, (gas) => gas.sidebarStartNewFiscalYear(true), true);
  const entries =
    data.activities.reduce((n, rows) => n + rows.length, 0) +
    data.online.reduce((n, rows) => n + rows.length, 0) +
    data.baseline.length;
  return {
    scale,
    districts: data.districts.length,
    entries,
    actions,
    previous: previousBundle ? previousActions_(root, previousBundle, data) : null,
  };
}

/**
 * The previous version's actions on the same data (its own set-up's workbook): CPU and calls.
 * @param root the project's root
 * @param path its dist/Code.js
 * @param data the generated workbook
 */
function previousActions_(root: string, path: string, data: GeneratedWorkbook): PreviousAction[] {
  const text = readFileSync(path, 'utf8');
  // the previous version kept its server part inside Code.js; it is shown this version's sidebar page
  const { Sidebar } = readBundle(root).html;
  const html: Record<string, string> = Sidebar === undefined ? {} : { Sidebar };
  const bundle: BundleSource = {
    path,
    text,
    bytes: text.length,
    script: new Script(text, { filename: 'Code.js' }),
    html,
  };
  const s = subject_(bundle, data);
  const out: PreviousAction[] = [];
  const run = (action: string, fn: (gas: Gas) => unknown) => {
    process.stderr.write(`  previous: ${action}…\n`);
    const first = measure_(s, BENCH_OWNER, fn, process.env.BENCH_PROFILE ? `previous ${action}` : '');
    const r = withCpuRuns_(s, BENCH_OWNER, fn, first, COMPARED_AGAIN.includes(action));
    out.push({ action, cpuMs: r.cpuMs, ownCpuMs: r.ownCpuMs, calls: r.calls, ...(r.error ? { error: r.error } : {}) });
  };
  writeDistrictSheet(s.book.spreadsheet, data);
  run('first set-up', (gas) => gas.sidebarSetUp());
  try {
    fillEntries(s.book.spreadsheet, data);
  } catch (error) {
    out.push({ action: 'entries', cpuMs: 0, ownCpuMs: 0, calls: 0, error: String((error as Error).message) });
    return out;
  }
  measure_(s, BENCH_OWNER, (gas) => gas.sidebarSetUp());
  run('repeat set-up', (gas) => gas.sidebarSetUp());
  run('open the sidebar', (gas) => gas.sidebarState());
  run('data check', (gas) => gas.sidebarCheckData());
  run('round summary', (gas) => gas.sidebarMakeRoundSummary(ROUND));
  run('monthly report', (gas) => gas.sidebarMakeMonthlyReport(MONTH));
  return out;
}
