/**
 * Set-up's steps behind the Apps Script door (src/app/door/door.ts: readSetUp, runAs,
 * beginSetUp, setUpSheets, setRights, logSetUp, finishSetUp): what set-up called before the
 * door, in the same order, its run's state (the sheets read at its start, what it made) kept
 * between the steps of one transaction. It never writes over what somebody typed (settings
 * values, the district figures, edited criteria and channel names, entries, officers' own sheets
 * and columns), writes only the cells that differ from its plan (so an edit made elsewhere
 * meanwhile survives), and reports each change of rights.
 */
import { channelNames } from '../../counting/rules/channels';
import { type Day, dayOfDate } from '../../../kernel/civilDate';
import { criteriaOrDefault } from '../rules/criteriaTable';
import { NONG_KHAI_DISTRICTS } from '../rules/districts';
import { NO_FIGURE } from '../../standing/rules/districtResult';
import { LABEL, readSettings, type Settings } from '../../../kernel/settings';
import type { MeasureOf } from '../../../kernel/measures';
import { profileOf } from '../../../kernel/yearProfile';
import { cleanText, isBlank } from '../../../kernel/text';
import { applyBandRules, bandRulesHold } from '../../../platform/bandRulesSync';
import { type PlannedValue, writeChangedCells } from '../../../platform/cells';
import { makeBlockBold, setBlockFormat, setFrozenRows } from '../../../platform/change';
import { protectSheets } from '../../../platform/protections';
import { ensureSealSecret } from '../../../platform/sealedRows';
import { flushWrites, newRunId, runAsCaller } from '../../../platform/services';
import { clearUnfinished, markSheet, type OwnSheet, Registry, readRegistry } from '../../../platform/sheetRegistry';
import {
  applySheetSpec,
  blankOrNewSheet,
  fitRows,
  type Made,
  hideBlankDefaultSheets,
  setColumnWidths,
  repairGaps,
  specGaps,
  type SyncReport,
} from '../../../platform/sheetSync';
import { readSheetStates, type SheetState } from '../../../platform/sheetState';
import type { Undo } from '../../../platform/undo';
import { columnLetter, sheetRef } from '../../../kernel/a1';
import { bandRules } from '../../counting/sheets/bandRules';
import {
  CRITERIA_LAYOUT,
  channelTableOf,
  criteriaRefs,
  criteriaSheetRows,
  criteriaWidth,
} from '../sheets/criteriaSheet';
import {
  computedLabels,
  DISTRICT_COL,
  districtLayout,
  districtRowFormulas,
  spillColumns,
  TOTAL_LABEL,
  type TableRefs,
  totalRowCells,
} from '../sheets/districtTable';
import { rightsOf } from '../sheets/rights';
import type { SheetRole } from '../sheets/sheetMarkers';
import { entrySheetName, SHEET } from '../sheets/sheetNames';
import { type Layout, yearLayout } from '../../../kernel/layout';
import { yearLabel, yearNeutral } from '../../../kernel/yearLabels';
import { settingsPlan } from '../sheets/settingsPlan';
import {
  activitySheetSpec,
  baselineSheetSpec,
  districtSheetSpec,
  onlineSheetSpec,
  type SheetSpec,
} from '../sheets/sheetSpecs';
import { appendLog, finishStopped, lastLoggedRun, loggedAfterState } from '../../../app/auditLog';
import { boardOf, writeBoard } from '../../submissions/store/board';
import { writeDashboard } from '../../standing/store/dashboard';
import { layOutRecordSheet, readSubmissions, recordSheetNeverKept } from '../../submissions/store/submissionRecords';
import { healLeftovers } from '../../reports/store/reportWrites';
import { plannedRef, readRoleBlocks, readTable } from '../../../app/door/workbookFetch';
import {
  type Block,
  idOf,
  insertRowAfter,
  nameOf,
  readAll,
  type Spreadsheet,
  sheetNamed,
} from '../../../platform/sheetIo';
import type { Door, RightsSetUp, SetUpRead, SheetsSetUp } from '../../../app/door/door';

/** One set-up run's state. */
interface Run_ {
  readonly ss: Spreadsheet;
  readonly undo: Undo;
  /** This run's id, in the unfinished flags of the sheets it makes or adopts. */
  readonly id: string;
  /**
   * An earlier set-up was stopped after writing its log row: its unfinished flags are only
   * cleared (its sheets are finished, and said so).
   */
  readonly logged: boolean;
  readonly registry: OwnSheet[];
  readonly created: string[];
  readonly repaired: Set<string>;
  readonly warnings: string[];
  /** The columns of the laid-out sheets that one read showed matching their spec (left unchanged), by id. */
  readonly widths: Map<number, number>;
  /** The laid-out sheets as one read showed them before any of them was synced, by id. */
  facts: ReadonlyMap<number, SheetState>;
  /**
   * The values and formulas of the sheets set-up reads (district table, settings, criteria,
   * dashboard, records), as one batch read showed them before the run wrote anything, by id: a
   * reader takes a sheet's block only while nothing was written to it since.
   */
  readonly blocks: Map<number, Block>;
  /** The laid-out sheets the one read showed matching their spec (synced without a write), by id. */
  readonly held: Set<number>;
  /**
   * A laid-out sheet went the SpreadsheetApp way: it may have gained or lost rows or columns,
   * and Sheets then rewrites other sheets' formulas that refer to it (the district table's), so
   * the blocks read at the start no longer show those formulas.
   */
  resynced: boolean;
  /** Every sheet's id, name and visibility as the registry's read saw them (null: not read). */
  titles: Registry['titles'];
  /** The names of the sheets this run made. */
  readonly made: string[];
  /** The settings as set up (null before). */
  settings: Settings | null;
}
/** What one set-up's steps share within its transaction. */
interface Session_ {
  found?: Registry;
  blocks?: Map<number, Block>;
  logged?: boolean;
  within?: boolean;
  settingsValues?: unknown[][];
  names?: string[];
  run?: Run_;
}

/**
 * Set-up's steps over a workbook within a transaction: each registers its changes in its undo.
 * @param ss the workbook
 * @param undo the transaction's undo
 */
export function setUpSteps(
  ss: Spreadsheet,
  undo: Undo,
): Pick<Door, 'readSetUp' | 'runAs' | 'beginSetUp' | 'setUpSheets' | 'setRights' | 'logSetUp' | 'finishSetUp'> {
  const session: Session_ = {};
  const run = (): Run_ => {
    if (!session.run) throw new Error('set-up was not begun in this transaction');
    return session.run;
  };
  return {
    readSetUp: (within) => readSetUp_(ss, session, within),
    runAs: (who) => runAsCaller(who.email),
    beginSetUp: (now, fiscalYear) => beginSetUp_(ss, undo, session, now, fiscalYear),
    setUpSheets: (now, chosenYear) => setUpSheets_(run(), session, now, chosenYear),
    setRights: (settings, dataDayCell) => {
      const before = new Set(run().repaired);
      const changes = protect_(run(), settings, dataDayCell);
      return { changes, repaired: [...run().repaired].filter((n) => !before.has(n)) } satisfies RightsSetUp;
    },
    logSetUp: (rows, who, when) => {
      const r = run();
      const settings = settingsOf_(r);
      if (rows.length > 0) return appendLog(ss, readRegistryOf_(r), rows, settings, undo, r.id);
      finishStopped(ss, readRegistryOf_(r), settings, undo, who, when); // set-up repairs: a stopped run's records too
      return [];
    },
    finishSetUp: () => finish_(run()),
  };
}

/** What set-up reads before writing: the add-on's sheets, the typed settings, the districts. */
function readSetUp_(ss: Spreadsheet, session: Session_, within: boolean): SetUpRead {
  const found = readRegistry(ss);
  const blocks = readStartBlocks_(ss, found, within);
  const stopped = new Set(found.sheets.flatMap((s) => (s.mark.unfinished ? [s.mark.unfinished.run] : [])));
  // The stopped run logged if the log says so: its id kept with the log's state, or its rows
  // written and the state not (stopped in between).
  const logged = stopped.size === 1 && ([...stopped][0] === lastLoggedRun() || loggedAfterState(found));
  const settingsSheet = found.one('settings')?.sheet ?? sheetNamed(ss, SHEET.settings);
  const tableSheet = found.one('districts') ?? unmarked_(ss, 'districts', SHEET.districts);
  const table = readTable(tableSheet, found, tableSheet ? blocks.get(tableSheet.mark.sheetId) : undefined);
  const names =
    table.rows.length > 0 ? table.rows.map((r) => r.name).filter(Boolean) : NONG_KHAI_DISTRICTS.map((d) => d.name);
  const settingsOwn = found.one('settings');
  const settingsValues =
    (settingsOwn ? blocks.get(settingsOwn.mark.sheetId)?.values : undefined) ??
    (settingsSheet ? readAll(settingsSheet) : []);
  Object.assign(session, { found, blocks, logged, within, settingsValues, names });
  return { settingsValues, names };
}

/** Starts the run once its rights are checked: the seal secret, the run's id, a killed report's leftovers healed. */
function beginSetUp_(ss: Spreadsheet, undo: Undo, session: Session_, now: Date, fiscalYear: number): string[] {
  const { found, blocks } = session;
  if (!found || !blocks) throw new Error('set-up did not read the workbook first');
  // Before the run's id: a run stopped midway and the next one seal their records with the same secret.
  ensureSealSecret();
  const run: Run_ = {
    ss,
    undo,
    id: newRunId(),
    logged: session.logged === true,
    registry: [...found.sheets],
    created: [],
    repaired: new Set(),
    warnings: [],
    widths: new Map(),
    facts: new Map(),
    blocks,
    held: new Set(),
    resynced: false,
    titles: found.titles,
    made: [],
    settings: null,
  };
  session.run = run;
  // Leftovers of a killed report (the messages send officers here to repair them).
  const healed = healLeftovers(ss, found, now, undo, fiscalYear);
  if (healed.length > 0) {
    run.blocks.clear(); // read before the leftovers were healed
    flushWrites(); // the registry is read through the Sheets API, which does not see cached writes
    const again = readRegistry(ss);
    run.registry.splice(0, run.registry.length, ...again.sheets);
    run.titles = again.titles;
  }
  return healed;
}

/** Every sheet found, adopted or made and brought in line with its declaration. */
function setUpSheets_(run: Run_, session: Session_, now: Date, chosenYear?: number): SheetsSetUp {
  const { ss, undo } = run;
  const found = session.found as Registry;
  const names = session.names ?? [];
  // the sheets there before, checked in one read: only those that differ are read and repaired
  // the SpreadsheetApp way
  // the board's too, with every sheet's values: its rebuild then asks nothing that is in place
  const checked = run.registry.filter((s) => [...CHECKED, 'board'].includes(s.mark.role)).map((s) => s.name);
  const facts = new Map<number, SheetState>();
  // nothing of this run is pending before it (a healing flushed), unless set-up runs inside another action
  for (const state of readSheetStates(ss, checked, { layout: true, values: true, flush: session.within === true }))
    if (state) facts.set(state.sheetId, state);
  run.facts = facts;
  const settings = setUpSettings_(run, session.settingsValues ?? [], names, dayOfDate(now), chosenYear);
  run.settings = settings.settings;
  const criteria = setUpCriteria_(run, profileOf(settings.settings.fiscalYear).measures);
  const districtOwn = own_(run, 'districts', SHEET.districts);
  const year = settings.settings.fiscalYear;
  note_(run, districtOwn.own, sync_(run, districtOwn, districtSheetSpec(SHEET.districts, year), false, facts));

  for (const name of names) {
    const activities = own_(run, 'activities', entrySheetName('activities', name), name);
    note_(run, activities.own, sync_(run, activities, activitySheetSpec(activities.own.name, name, year), true, facts));
    const online = own_(run, 'online', entrySheetName('online', name), name);
    const onlineSpec = onlineSheetSpec(online.own.name, name, criteria.channels, year);
    note_(run, online.own, sync_(run, online, onlineSpec, true, facts));
  }
  const baseline = own_(run, 'baseline', baselineName_(run, year));
  note_(run, baseline.own, sync_(run, baseline, baselineSheetSpec(baseline.own.name, names, year), true, facts));

  const { refs, untouched } = writeDistrictTable_(
    run,
    districtOwn.own,
    names,
    settings,
    criteria.sheet,
    criteria.bands,
  );
  const dashboard = own_(run, 'dashboard', SHEET.dashboard);
  const fiscalYear = settings.settings.fiscalYear;
  const fresh = dashboard.made !== 'existing';
  const dashboardFacts = fresh ? undefined : run.facts.get(dashboard.own.mark.sheetId);
  const registry = readRegistryOf_(run);
  // as read at the start while the district table was left as it was (the dashboard's formulas read it)
  const read = untouched
    ? {
        table: run.blocks.get(districtOwn.own.mark.sheetId),
        own: fresh ? undefined : run.blocks.get(dashboard.own.mark.sheetId),
      }
    : {};
  if (
    writeDashboard(dashboard.own, fresh, registry, refs, fiscalYear, criteria.bands, undo, dashboardFacts, read) &&
    !fresh
  ) {
    run.repaired.add(dashboard.own.name);
  }
  const board = own_(run, 'board', SHEET.board);
  // The submissions' record sheet, before any submission: a district's first one then does not
  // make it (about 25 calls). One that went missing is left to the next submission, which
  // numbers on from the last and says so (submissionRecords.ts appendSubmission).
  if (run.registry.some((s) => s.mark.role === 'submissions') || recordSheetNeverKept()) {
    const records = own_(run, 'submissions', SHEET.submissions);
    if (records.made !== 'existing') layOutRecordSheet(records.own.sheet);
  }
  const recordsOwn = found.one('submissions');
  const submitted = readSubmissions(
    found,
    recordsOwn ? run.blocks.get(recordsOwn.mark.sheetId)?.values : undefined,
  ).records;
  const boardState = board.made === 'existing' ? run.facts.get(board.own.mark.sheetId) : undefined;
  writeBoard(
    board.own,
    board.made !== 'existing',
    boardOf(settings.settings, names, submitted, dayOfDate(now)),
    undo,
    boardState,
  );

  // the blank "Sheet1" Google made with the file: not left as a stray tab beside the add-on's
  // the sheets' names and visibility as the registry read them: no call when none is a stray
  const ours = new Set(run.registry.map((s) => s.name));
  const strays = hideBlankDefaultSheets(ss, ours, undo, run.titles, run.made.length);
  if (strays.length > 0) run.warnings.push(`ซ่อนชีตว่างที่ Google สร้างมากับไฟล์: ${strays.map((n) => `"${n}"`).join(', ')}`);
  return {
    settings: {
      settings: settings.settings,
      yearText: settings.yearText,
      problems: settings.problems,
      dataDayCell: settings.dataDayCell,
    },
    criteriaProblem: criteria.problem,
    created: [...run.created],
    repaired: [...run.repaired].filter((n) => !run.created.includes(n)),
    warnings: [...run.warnings],
  };
}

/** The settings as set up. */
function settingsOf_(run: Run_): Settings {
  if (!run.settings) throw new Error('set-up did not set up its sheets first');
  return run.settings;
}

/** Clears the unfinished flag of the sheets this run made or finished: set-up's last change, after its log. */
function finish_(run: Run_): void {
  const cleared = clearUnfinished(run.ss, run.registry, run.undo);
  run.registry.splice(0, run.registry.length, ...cleared);
}

/** The run's registry: the sheets found plus those made or adopted so far. */
function readRegistryOf_(run: Run_): Registry {
  return new Registry(run.registry);
}

/** Blank rows kept below the settings (room for more districts' rows). */
const SETTINGS_MARGIN = 20;
/** Blank rows kept below the channel table (room for the province's own channels). */
const CHANNEL_MARGIN = 40;

/** Roles whose sheets hold what people typed: an unmarked sheet of their name is taken as ours. */
const ADOPTABLE: readonly SheetRole[] = ['settings', 'criteria', 'districts', 'baseline', 'activities', 'online'];

/**
 * The baseline sheet's name for a fiscal year (ฐาน ๒๕๖๔ for FY 2565, ฐาน ๒๕๖๕ for FY 2566); a
 * baseline sheet already called by another year's form of the name keeps it (the sheet is found
 * by its marker, an unmarked one of an earlier version by that name), so nothing is renamed or
 * warned about; the year switch gives the new year's baseline its own name.
 */
function baselineName_(run: Run_, fiscalYear: number): string {
  const wanted = yearLabel(SHEET.baseline, fiscalYear);
  const neutral = yearNeutral(SHEET.baseline);
  const marked = run.registry.find((s) => s.mark.role === 'baseline');
  if (marked) return yearNeutral(marked.name) === neutral ? marked.name : wanted;
  // An unmarked sheet of an earlier version is called by the letter's name.
  if (wanted === SHEET.baseline || sheetNamed(run.ss, wanted) || !sheetNamed(run.ss, SHEET.baseline)) return wanted;
  return SHEET.baseline;
}

/**
 * The add-on's sheet of a role: the marked one (wherever renamed), else for a role whose sheet
 * holds typed content an unmarked sheet of its name (marked now), else a new one.
 */
function own_(run: Run_, role: SheetRole, name: string, district?: string): { own: OwnSheet; made: Made } {
  const marked = run.registry.find(
    (s) => s.mark.role === role && (district === undefined || s.mark.district === district),
  );
  if (marked) {
    const current = marked.name;
    // Made or adopted by a set-up stopped midway (nobody was told): finished now as if this run did it.
    if (marked.mark.unfinished?.as === 'made' && !run.logged) {
      run.created.push(current);
      return { own: marked, made: 'unfinished' };
    }
    if (marked.mark.unfinished?.as === 'adopted' && !run.logged) run.repaired.add(current);
    if (current !== name) {
      const impostor = sheetNamed(run.ss, name);
      run.warnings.push(
        `ชีต "${name}" ของส่วนเสริมถูกเปลี่ยนชื่อเป็น "${current}" (ยังใช้งานได้ตามปกติ)` +
          (impostor ? ` ส่วนชีตที่ชื่อ "${name}" ตอนนี้ไม่ใช่ชีตของส่วนเสริม ข้อมูลในชีตนั้นจึงไม่ถูกนับ` : ''),
      );
    }
    return { own: marked, made: 'existing' };
  }
  const absent = absent_(run, name);
  const existing = absent ? null : sheetNamed(run.ss, name);
  if (existing && ADOPTABLE.includes(role)) {
    // Adopting is a change (the sheet gets its marker), so it is counted as a repair.
    const unfinished = { as: 'adopted', run: run.id } as const;
    const own = markSheet(existing, { role, ...(district ? { district } : {}), unfinished }, run.undo);
    run.registry.push(own);
    run.repaired.add(name);
    return { own, made: 'existing' };
  }
  // A blank sheet of the name (a killed run's leftover: made, not yet marked) is taken as it is.
  const { sheet, name: free } = blankOrNewSheet(run.ss, name, run.undo, undefined, absent);
  run.made.push(free);
  if (free !== name) {
    run.warnings.push(`มีชีตชื่อ "${name}" ที่ไม่ได้สร้างจากส่วนเสริมอยู่แล้ว ส่วนเสริมไม่แตะชีตนั้น และใช้ชื่อ "${free}" แทน`);
  }
  const unfinished = { as: 'made', run: run.id } as const;
  const own = markSheet(sheet, { role, ...(district ? { district } : {}), unfinished }, run.undo);
  run.registry.push(own);
  run.created.push(free);
  return { own, made: 'new' };
}

/**
 * Whether no sheet has a name, known without a call: the registry's read named every sheet
 * (compared ignoring case, as a sheet's name is unique that way) and this run made none of it.
 */
function absent_(run: Run_, name: string): boolean {
  if (!run.titles) return false;
  const key = name.toLowerCase();
  return !run.titles.some((t) => t.title.toLowerCase() === key) && !run.made.some((n) => n.toLowerCase() === key);
}

/**
 * A sheet of the role's name that set-up will take as the add-on's (not marked yet), to read
 * before the rights check; null when there is none.
 */
function unmarked_(ss: Spreadsheet, role: SheetRole, name: string): OwnSheet | null {
  const sheet = sheetNamed(ss, name);
  return sheet ? { sheet, mark: { role, sheetId: idOf(sheet) }, name } : null;
}

/** The roles whose sheets set-up checks from one read: those that follow a spec (sheetSpecs.ts), the settings, the criteria and the dashboard. */
const CHECKED: readonly SheetRole[] = [
  'districts',
  'activities',
  'online',
  'baseline',
  'settings',
  'criteria',
  'dashboard',
];

/**
 * A sheet's facts as the run's first read showed them, when nothing was written to it since
 * (then its formats, bold, frozen rows and size are still as read); else undefined.
 * @param run the run
 * @param own the sheet
 * @param written cells written to it since the read
 */
function still_(run: Run_, own: OwnSheet, written: number): SheetState | undefined {
  return written === 0 ? run.facts.get(own.mark.sheetId) : undefined;
}

/**
 * Whether every cell of a block is as one read showed it: bold, or of a number format.
 * @param facts the sheet as read (undefined: not known)
 * @param row the block's first row (1-based)
 * @param col its first column
 * @param rows how many rows
 * @param cols how many columns
 * @param format the number format ('' for bold)
 */
function blockHolds_(
  facts: SheetState | undefined,
  row: number,
  col: number,
  rows: number,
  cols: number,
  format = '',
): boolean {
  if (!facts) return false;
  for (let r = row; r < row + rows; r++) {
    for (let c = col; c < col + cols; c++) {
      if (format === '' ? !facts.bold(r, c) : facts.format(r, c) !== format) return false;
    }
  }
  return true;
}

/**
 * Whether a sheet's size is as fitRows keeps it (content plus `margin` blank rows, give or take
 * the margin), from one read.
 * @param facts the sheet as read (undefined: not known)
 * @param margin the blank rows kept
 */
function fits_(facts: SheetState | undefined, margin: number): boolean {
  if (!facts) return false;
  const wanted = Math.max(facts.lastRow, 1) + margin;
  return facts.maxRows >= wanted && facts.maxRows <= wanted + margin;
}

/**
 * Makes a sheet match its spec: a sheet there before that one read shows already matching
 * costs no call, one lacking only its header's notes or its size is repaired from that read
 * (specGaps, repairGaps); any other is synced the SpreadsheetApp way (applySheetSpec).
 * @param run the run
 * @param sheet the sheet and how it came to be
 * @param spec its spec
 * @param sized whether it is kept to its content plus a margin of rows
 * @param facts the sheets read at the run's start, by id
 */
function sync_(
  run: Run_,
  sheet: { own: OwnSheet; made: Made },
  spec: SheetSpec,
  sized: boolean,
  facts: ReadonlyMap<number, SheetState>,
): SyncReport {
  const { own, made } = sheet;
  const known = facts.get(own.mark.sheetId);
  const gaps = made === 'existing' ? specGaps(known, spec, sized) : null;
  if (known && gaps && !gaps.notes && !gaps.size) {
    run.widths.set(own.mark.sheetId, known.maxColumns);
    run.held.add(own.mark.sheetId);
    return { changed: false, notes: [] };
  }
  if (known && gaps) {
    // only the header's notes or the size differ (a new fiscal year): repaired from the read;
    // rows removed rewrite the formulas that refer to the sheet, as the SpreadsheetApp way's
    if (gaps.size) run.resynced = true;
    repairGaps(own.sheet, spec, known, gaps, run.undo);
    run.widths.set(own.mark.sheetId, known.maxColumns);
    return { changed: true, notes: [] };
  }
  run.resynced = true;
  const report = applySheetSpec(own.sheet, spec, run.undo, made, sized);
  if (report.columns !== undefined) run.widths.set(own.mark.sheetId, report.columns);
  return report;
}

/** Records what syncing a sheet did. */
function note_(run: Run_, own: OwnSheet, report: { changed: boolean; notes: readonly string[] }): void {
  if (report.changed) run.repaired.add(own.name);
  run.warnings.push(...report.notes);
}

/**
 * The settings sheet: labels that are missing are appended; blank values get their default;
 * values somebody typed are kept.
 */
function setUpSettings_(
  run: Run_,
  existing: unknown[][],
  names: readonly string[],
  today: Day,
  chosenYear?: number,
): {
  settings: Settings;
  /** The year taken on a workbook whose settings named none ('' when they named one). */
  yearText: string;
  problems: string[];
  refs: Pick<TableRefs, 'settings' | 'basis'>;
  ownName: string;
  /** The data day's value cell (A1), which every officer may edit. */
  dataDayCell: string;
} {
  const { own, made } = own_(run, 'settings', SHEET.settings);
  const sheet = own.sheet;
  const { planned, planGrid, day, grid, dateRows, dataDayRow, yearText } = settingsPlan(
    existing,
    names,
    today,
    chosenYear,
  );
  const formulas = existing.map((row) => row.map(() => ''));
  let written = writeChangedCells(sheet, planned, { values: existing, formulas }, run.undo, made === 'new');
  if (written > 0 && made === 'existing') run.repaired.add(nameOf(sheet));
  // The add-on's own cell, today whatever it holds (dataDay.ts keeps it so every day): a new day is no repair.
  if (day) {
    written += writeChangedCells(
      sheet,
      day,
      { values: planGrid, formulas: planGrid.map((row) => row.map(() => '')) },
      run.undo,
    );
  }
  // what the first read showed, when nothing was written since (no call for what is in place)
  const facts = made === 'existing' ? still_(run, own, written) : undefined;
  // Plain text: a BE date typed there stays the text officers read (as a date cell it would show its CE year).
  for (const row of dateRows) {
    if (!blockHolds_(facts, row, 2, 1, 1, '@')) setBlockFormat(sheet, row, 2, 1, 1, '@', run.undo);
  }
  if (!blockHolds_(facts, 1, 1, 1, 3)) makeBlockBold(sheet, 1, 1, 1, 3, run.undo);
  if (facts?.frozenRows !== 1) setFrozenRows(sheet, 1, run.undo);
  // Every district row's formula reads the settings open-ended: a short sheet is cheap.
  if (!fits_(facts, SETTINGS_MARGIN) && fitRows(sheet, SETTINGS_MARGIN, run.undo) && made === 'existing') {
    run.repaired.add(nameOf(sheet));
  }
  if (made !== 'existing') setColumnWidths(sheet, [260, 260, 420]);
  const { settings, problems } = readSettings(grid, names);
  const basisRow = grid.findIndex((row) => cleanText(String(row[0])) === LABEL.percentBasis) + 1;
  return {
    settings,
    yearText,
    problems,
    ownName: nameOf(sheet),
    refs: { settings: sheetRef(nameOf(sheet), '$A$1:$C'), basis: sheetRef(nameOf(sheet), `$B$${basisRow}`) },
    dataDayCell: `B${dataDayRow}`,
  };
}

/**
 * A criteria sheet a stopped set-up made: what it wrote is part of the defaults, so the
 * defaults are written where its cells are still blank (anything typed since is kept).
 */
function finishCriteria_(
  run: Run_,
  own: OwnSheet,
  values: unknown[][],
  defaults: unknown[][],
  measures: readonly MeasureOf[],
): ReturnType<typeof setUpCriteria_> {
  const planned = new Map<number, Map<number, PlannedValue>>();
  const merged = defaults.map((row, r) =>
    row.map((v, c) => {
      const there = values[r]?.[c];
      if (!isBlank(there)) return there;
      if (!isBlank(v)) planned.set(r + 1, (planned.get(r + 1) ?? new Map()).set(c + 1, v as PlannedValue));
      return v;
    }),
  );
  writeChangedCells(own.sheet, planned, { values, formulas: values.map((r) => r.map(() => '')) }, run.undo);
  makeBlockBold(own.sheet, CRITERIA_LAYOUT.table, 1, 1, criteriaWidth(measures), run.undo);
  makeBlockBold(own.sheet, CRITERIA_LAYOUT.channelHeader, 1, 1, CRITERIA_LAYOUT.channelWidth, run.undo);
  fitRows(own.sheet, CHANNEL_MARGIN, run.undo);
  const tableEnd = CRITERIA_LAYOUT.table + CRITERIA_LAYOUT.tableRows - 1;
  const criteria = criteriaOrDefault(merged.slice(CRITERIA_LAYOUT.table - 1, tableEnd), measures);
  return {
    channels: channelNames(channelTableOf(merged).rows),
    problem: criteria.problem,
    sheet: nameOf(own.sheet),
    bands: criteria.criteria,
  };
}

/**
 * The criteria sheet: each of its two tables is written only where it is blank.
 * @param run the set-up run
 * @param measures the fiscal year's measures (the scoring table's minimum columns)
 */
function setUpCriteria_(
  run: Run_,
  measures: readonly MeasureOf[],
): {
  channels: string[];
  problem: string;
  sheet: string;
  bands: ReturnType<typeof criteriaOrDefault>['criteria'];
} {
  const { own, made } = own_(run, 'criteria', SHEET.criteria);
  const sheet = own.sheet;
  const values = made === 'new' ? [] : (run.blocks.get(own.mark.sheetId)?.values ?? readAll(sheet));
  const defaults = criteriaSheetRows(criteriaOrDefault([], measures).criteria, measures);
  const blank = (from: number, to: number) => values.slice(from - 1, to).every((row) => row.every((v) => isBlank(v)));
  const tableEnd = CRITERIA_LAYOUT.table + CRITERIA_LAYOUT.tableRows - 1;
  const width = CRITERIA_LAYOUT.channelWidth;
  const planned = new Map<number, Map<number, PlannedValue>>();
  const plan = (from: number, rows: unknown[][]) => {
    rows.forEach((row, i) => {
      planned.set(from + i, new Map(row.map((v, c) => [c + 1, (v ?? '') as PlannedValue] as [number, PlannedValue])));
    });
  };
  if (made === 'unfinished') return finishCriteria_(run, own, values, defaults, measures);
  let tableRows = values.slice(CRITERIA_LAYOUT.table - 1, tableEnd);
  if (blank(1, tableEnd)) {
    tableRows = defaults.slice(CRITERIA_LAYOUT.table - 1, tableEnd);
    plan(1, defaults.slice(0, tableEnd));
  }
  const table = channelTableOf(values);
  let channelRows = table.rows;
  if (blank(CRITERIA_LAYOUT.channelTitle, Math.max(values.length, CRITERIA_LAYOUT.channelTitle))) {
    channelRows = defaults.slice(CRITERIA_LAYOUT.channels - 1);
    plan(CRITERIA_LAYOUT.channelTitle, defaults.slice(CRITERIA_LAYOUT.channelTitle - 1));
  }
  const now = { values, formulas: values.map((r) => r.map(() => '')) };
  const written = writeChangedCells(sheet, planned, now, run.undo, made === 'new');
  if (written > 0 && made === 'existing') run.repaired.add(nameOf(sheet));
  // what the first read showed, when nothing was written since (no call for what is in place)
  const facts = made === 'existing' ? still_(run, own, written) : undefined;
  if (!blockHolds_(facts, CRITERIA_LAYOUT.table, 1, 1, criteriaWidth(measures))) {
    makeBlockBold(sheet, CRITERIA_LAYOUT.table, 1, 1, criteriaWidth(measures), run.undo);
  }
  if (!blockHolds_(facts, CRITERIA_LAYOUT.channelHeader, 1, 1, width)) {
    makeBlockBold(sheet, CRITERIA_LAYOUT.channelHeader, 1, 1, width, run.undo);
  }
  // Every district row's formula reads the channel table open-ended ($A$12:$Z): keep it short.
  if (!fits_(facts, CHANNEL_MARGIN) && fitRows(sheet, CHANNEL_MARGIN, run.undo) && made === 'existing') {
    run.repaired.add(nameOf(sheet));
  }
  const criteria = criteriaOrDefault(tableRows, measures);
  const beyond =
    table.beyond.length === 0
      ? []
      : [
          `ชีต "${nameOf(sheet)}" มีชื่อช่องทางเกินคอลัมน์ ${columnLetter(width)} (${table.beyond.slice(0, 5).join(', ')}${table.beyond.length > 5 ? ' …' : ''}) ซึ่งไม่ถูกอ่าน ให้ย้ายไปแถวใหม่ที่ขึ้นต้นด้วยชื่อหลักเดียวกัน`,
        ];
  return {
    channels: channelNames(channelRows),
    problem: [criteria.problem, ...beyond].filter((p) => p !== '').join(' '),
    sheet: nameOf(sheet),
    bands: criteria.criteria,
  };
}

/**
 * A formula of the add-on's own functions. In a computed column of a district row it is the
 * previous version's (OTOP_TALLY's stacked spill, OTOP_PERCENT/SCORE/LEVEL/NEXT over whole
 * columns): it would block the row's OTOP_DISTRICT spill (#REF!), so set-up clears it.
 */
const ADDON_FORMULA = /^=\s*OTOP_[A-Z]+\s*\(/i;

/**
 * The district table: the typed figures kept, each district row's formula over that district's
 * own sheets (as they are called now), the add-on's old formulas in its computed columns cleared
 * (a workbook of the previous version is converted), the total row after the last district (a
 * new row when that row is not free), only differing cells written; then the colour bands.
 */
function writeDistrictTable_(
  run: Run_,
  own: OwnSheet,
  names: readonly string[],
  settings: ReturnType<typeof setUpSettings_>,
  criteriaSheet: string,
  bands: ReturnType<typeof criteriaOrDefault>['criteria'],
): { refs: TableRefs; untouched: boolean } {
  const registry = readRegistryOf_(run);
  const sheet = own.sheet;
  // as read at the start when its sync wrote nothing and no sheet its formulas read was resized
  // (nothing else writes it before this)
  const table = readTable(own, registry, startBlock_(run, own));
  const { measures } = profileOf(settings.settings.fiscalYear);
  // the settings' year's table (the year switch: the new year's, set-up running after the switch)
  const layout = districtLayout(measures);
  const spill = spillColumns(layout);
  const criteria = criteriaRefs(criteriaSheet, measures);
  const baseline = registry.one('baseline');
  const refs: TableRefs = {
    baseline: baseline ? plannedRef(baseline, run.widths.get(baseline.mark.sheetId)) : '',
    settings: settings.refs.settings,
    criteria: criteria.table,
    channels: criteria.channels,
    topActivities: criteria.topActivities,
    topChannels: criteria.topChannels,
    basis: settings.refs.basis,
  };
  const planned = new Map<number, Map<number, PlannedValue>>();
  const rows =
    table.rows.length > 0
      ? table.rows.map((r) => ({ row: r.row, name: r.name, fill: false }))
      : names.map((name, i) => ({ row: i + 2, name, fill: true }));
  rows.forEach(({ row, name, fill }, i) => {
    const cells = new Map<number, PlannedValue>();
    const typed = table.values[row - 1] ?? [];
    const known = NONG_KHAI_DISTRICTS.find((d) => d.name === name);
    if (fill || isBlank(typed[DISTRICT_COL.no])) cells.set(DISTRICT_COL.no + 1, i + 1);
    if (fill) {
      cells.set(DISTRICT_COL.name + 1, name);
      if (known) {
        cells.set(DISTRICT_COL.registered + 1, known.registered);
        cells.set(DISTRICT_COL.promoted + 1, known.promoted);
      }
    }
    const activities = registry.one('activities', name);
    const online = registry.one('online', name);
    if (activities && online) {
      const formulas = districtRowFormulas(
        row,
        {
          activities: plannedRef(activities, run.widths.get(activities.mark.sheetId)),
          online: plannedRef(online, run.widths.get(online.mark.sheetId)),
        },
        refs,
      );
      for (const [c, f] of formulas) cells.set(c + 1, f);
      for (const c of spill) {
        if (ADDON_FORMULA.test(table.formulas[row - 1]?.[c] ?? '')) cells.set(c + 1, '');
      }
    }
    planned.set(row, cells);
  });
  const first = rows[0].row;
  const last = rows[rows.length - 1].row;
  let totalRow = table.totalRow || last + 1;
  const after = table.values[totalRow - 1] ?? [];
  const inserting = !table.totalRow && after.some((v) => !isBlank(v));
  if (inserting) {
    const label = `แถวรวมที่เพิ่มในชีต "${own.name}"`;
    const isTotal = (row: readonly unknown[]) => String(row[DISTRICT_COL.name]) === TOTAL_LABEL;
    insertRowAfter(sheet, last, layout.width, run.undo, label, isTotal);
    totalRow = last + 1;
  }
  const totalCells = new Map<number, PlannedValue>(
    [...totalRowCells(totalRow, first, last, refs, NO_FIGURE, measures)].map(([c, v]) => [c + 1, v]),
  );
  planned.set(totalRow, totalCells);
  if (table.values.length === 0 || table.values[0].every((v) => isBlank(v))) {
    const headers = yearLayout(layout as Layout<string>, settings.settings.fiscalYear).headers;
    planned.set(1, new Map(headers.map((h, c) => [c + 1, h])));
  } else {
    const leftovers = previousYearLeftovers_(table, layout.width, inserting ? 0 : totalRow, totalCells);
    if (leftovers.header.size > 0) planned.set(1, leftovers.header);
    for (const [c, v] of leftovers.total) totalCells.set(c, v);
  }
  const written = writeChangedCells(sheet, planned, { values: table.values, formulas: table.formulas }, run.undo);
  if (written > 0) run.repaired.add(nameOf(sheet));
  // the first read's, when the sheet was left as it was since (synced without change, no row added or cell written)
  const facts = run.widths.has(own.mark.sheetId) && !inserting ? still_(run, own, written) : undefined;
  if (!blockHolds_(facts, totalRow, 1, 1, layout.width)) {
    makeBlockBold(sheet, totalRow, 1, 1, layout.width, run.undo);
  }
  const col = (c: number) => `${columnLetter(c)}${first}:${columnLetter(c)}${last}`;
  const wanted = bandRules(bands, col(layout.at.score), col(layout.at.level));
  // the rules as the run's first read showed them, when the sheet was left as it was since
  // (a row inserted above moves rules: then they are read again)
  const known = run.widths.has(own.mark.sheetId) && !inserting ? run.facts.get(own.mark.sheetId)?.rules : undefined;
  if (!(known && bandRulesHold(known, wanted)) && applyBandRules(sheet, wanted, run.undo)) {
    run.repaired.add(nameOf(sheet));
  }
  return { refs, untouched: startBlock_(run, own) !== undefined && !inserting && written === 0 };
}

/**
 * What a year whose measures differ from the table's (the year switch to another letter's) leaves
 * of the previous year's table, each the add-on's own and cleared: a computed column's label
 * beyond the year's last column (sheetSpecs.ts rewrites those within it), and the total row's
 * sums and percentage in the columns where the year's total has none (the add-on's count sums
 * and percentage, each starting from the target total's check). Nothing for a table of the year's
 * measures.
 * @param table the district table as read
 * @param width the year's table's width
 * @param totalRow 1-based total row, 0 when set-up adds it
 * @param totalCells the year's total row as planned (1-based columns)
 * @return 1-based column → '' in the header and in the total row
 */
function previousYearLeftovers_(
  table: { readonly values: readonly (readonly unknown[])[]; readonly formulas: readonly (readonly string[])[] },
  width: number,
  totalRow: number,
  totalCells: ReadonlyMap<number, PlannedValue>,
): { header: Map<number, PlannedValue>; total: Map<number, PlannedValue> } {
  const header = new Map<number, PlannedValue>();
  const labels = computedLabels();
  (table.values[0] ?? []).forEach((v, c) => {
    if (c >= width && typeof v === 'string' && labels.includes(v.trim())) header.set(c + 1, '');
  });
  const total = new Map<number, PlannedValue>();
  const targetCheck = new RegExp(`^=\\s*IF\\(ISNUMBER\\(${columnLetter(DISTRICT_COL.target)}${totalRow}\\),`, 'i');
  (totalRow > 0 ? (table.formulas[totalRow - 1] ?? []) : []).forEach((f, c) => {
    if (c > DISTRICT_COL.target && !totalCells.has(c + 1) && targetCheck.test(f)) total.set(c + 1, '');
  });
  return { header, total };
}

/**
 * The district table's values and formulas as read at the run's start, while they still show
 * it: its sync wrote nothing, and no laid-out sheet went the SpreadsheetApp way (a row or column
 * added there rewrites the table's formulas that refer to it).
 * @param run the run
 * @param own the district table
 */
function startBlock_(run: Run_, own: OwnSheet): Block | undefined {
  return run.held.has(own.mark.sheetId) && !run.resynced ? run.blocks.get(own.mark.sheetId) : undefined;
}

/** The roles whose values set-up reads, in one batch at its start. */
const READ_AT_START: readonly SheetRole[] = ['districts', 'settings', 'criteria', 'dashboard', 'submissions'];

/**
 * The values and formulas of the sheets set-up reads, in one batch before it writes anything.
 * @param ss the workbook
 * @param found the add-on's sheets
 * @param within inside another action that may have written (its writes are flushed first: the
 *   Sheets API does not see cached writes)
 * @return the blocks by sheet id
 */
function readStartBlocks_(ss: Spreadsheet, found: Registry, within: boolean): Map<number, Block> {
  if (READ_AT_START.every((role) => !found.one(role))) return new Map();
  if (within) flushWrites();
  return readRoleBlocks(ss, found, READ_AT_START);
}

/**
 * Puts every sheet of the add-on under the protection the settings call for, and says what
 * changed: "ให้สิทธิ์ … แก้ไขชีต …", "ถอนสิทธิ์ …".
 */
function protect_(run: Run_, settings: Settings, dataDayCell: string): string[] {
  const changes: string[] = [];
  // every sheet's protection in one read; a sheet already as specified needs no other call, the
  // sheets this run made (or a stopped run made, nobody told) and have none all in one call
  const protections = protectSheets(
    run.ss,
    run.registry.map((own) => {
      const rights = rightsOf(own.mark, own.name, settings);
      return {
        sheetId: own.mark.sheetId,
        name: own.name,
        sheet: () => own.sheet,
        // The data day is every officer's to move (their sidebar keeps it at today: dataDay.ts).
        spec: own.mark.role === 'settings' && dataDayCell !== '' ? { ...rights, openCells: [dataDayCell] } : rights,
        madeNow: own.mark.unfinished !== undefined && !run.logged,
      };
    }),
    run.undo,
  );
  run.registry.forEach((own, i) => {
    const name = own.name;
    const change = protections[i];
    // The log is the add-on's record, not a sheet set-up keeps for officers: its rights changes
    // are logged line by line, it is not counted among the sheets repaired.
    if (change.changed && !run.created.includes(name) && own.mark.role !== 'log') run.repaired.add(name);
    for (const e of change.granted) changes.push(`ให้สิทธิ์ ${e} แก้ไขชีต "${name}"`);
    if (!change.created) for (const e of change.revoked) changes.push(`ถอนสิทธิ์ ${e} ไม่ให้แก้ไขชีต "${name}"`);
    if (change.warningOnly === true && !change.created) {
      changes.push(`ชีต "${name}" แก้ไขได้ทุกคน (มีคำเตือน) เพราะยังไม่ได้ระบุเจ้าหน้าที่`);
    }
    if (change.warningOnly === false && !change.created) {
      changes.push(`ชีต "${name}" แก้ไขได้เฉพาะผู้ที่ระบุในชีตตั้งค่า (เดิมทุกคนแก้ไขได้โดยมีคำเตือน)`);
    }
  });
  return changes;
}
