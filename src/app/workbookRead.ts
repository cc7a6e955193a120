/**
 * Reads what the rules need from the workbook, one call per block: the add-on's sheets by their
 * markers, the settings, the criteria, the district table (values and formulas), and each
 * district's own sheets exactly as its formula in the district table reads them, so the
 * sidebar, the summaries and the e-mail show what the table shows.
 */
import { cellAddress } from '../kernel/cellAddress';
import { firstErrorCell } from '../kernel/errorValues';
import { DEFAULT_CHANNEL_ROWS } from '../features/counting/rules/channels';
import type { Day } from '../kernel/civilDate';
import { criteriaOrDefault } from '../features/setup/rules/criteriaTable';
import { profileOf } from '../kernel/yearProfile';
import {
  type DistrictEvaluation,
  type DistrictSources,
  type DistrictUncountable,
  evaluateDistrict,
  type EvaluationRules,
} from '../features/standing/rules/districtEvaluation';
import { canonicalDistrictName, NONG_KHAI_DISTRICTS } from '../features/setup/rules/districts';
import { readFigures } from '../features/standing/rules/districtResult';
import { cellText, newReadMemo, type ReadMemo, type Rows } from '../features/counting/rules/entries';
import { readSettings, type Settings } from '../kernel/settings';
import { isBlank } from '../kernel/text';
import type { OwnSheet, Registry } from '../platform/sheetRegistry';
import type { SheetRole } from '../features/setup/sheets/sheetMarkers';
import { quoteSheet } from '../kernel/a1';
import { CRITERIA_LAYOUT, channelTableOf } from '../features/setup/sheets/criteriaSheet';
import { DISTRICT_COL, TOTAL_LABEL } from '../features/setup/sheets/districtTable';
import { callArguments } from '../features/setup/sheets/formulaArgs';
import type { Block } from '../platform/sheetIo';

/** A row of the district table that is a district. */
export interface DistrictRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** The canonical name: typed, or recovered from the row's formula when the name was cleared. */
  readonly name: string;
  /** Whether the name cell is blank (the name was recovered, or is unknown). */
  readonly nameBlank: boolean;
  readonly registered: unknown;
  readonly promoted: unknown;
  /** The row's district formula ('' when missing). */
  readonly formula: string;
}

/** The district table as read. */
export interface TableRead {
  readonly own: OwnSheet | null;
  readonly values: unknown[][];
  readonly formulas: string[][];
  readonly rows: readonly DistrictRow[];
  /** 1-based row of the total, or 0 when there is none. */
  readonly totalRow: number;
  /** Problems of the table, in Thai, with their cell. */
  readonly problems: readonly { row: number; column: number; message: string }[];
}

/** The workbook's configuration. */
export interface WorkbookConfig {
  readonly registry: Registry;
  readonly settings: Settings;
  readonly settingsProblems: readonly string[];
  /** The settings sheet's rows, as read. */
  readonly settingsValues: unknown[][];
  readonly criteria: EvaluationRules['criteria'];
  readonly criteriaProblem: string;
  readonly channelRows: Rows;
  readonly table: TableRead;
  /** The district names, in table order. */
  readonly districts: readonly string[];
  /** True when set-up has not made the district table or the settings yet. */
  readonly needsSetUp: boolean;
  /** The submissions sheet's values as read with the configuration (null when it has none). */
  readonly submissionsValues: unknown[][] | null;
  // — reports kept as records
  /**
   * The reports' record sheet's values as read with the configuration: null when it has none, or
   * when it was not asked for (ReadOptions: the actions that use it ask).
   */
  readonly reportRecordsValues: unknown[][] | null;
}

/** A district's own sheet as its formula reads it. */
export interface SheetRead {
  readonly name: string;
  readonly values: Rows;
  readonly formulas: readonly (readonly string[])[];
}

/** A district as read: its row, its sheets and its sources. */
export interface DistrictRead {
  readonly row: DistrictRow;
  readonly activities: SheetRead | null;
  readonly online: SheetRead | null;
  /** Why its sheets cannot be read, Thai ('' when they can). */
  readonly unreadable: string;
  readonly sources: DistrictSources;
}

/** The workbook as read: configuration, districts and baseline. */
export interface WorkbookRead extends WorkbookConfig {
  readonly districtsRead: readonly DistrictRead[];
  readonly baseline: SheetRead | null;
  /**
   * Reads these districts' sheets not read yet, and the baseline, in one batch (a few calls
   * whatever their number); each district is otherwise read when first used. Absent on a
   * workbook put together otherwise (a year's kept sheets).
   */
  readonly readDistricts?: (districts: readonly DistrictRead[]) => void;
}

/**
 * What more a configuration reads, at no call more (the same batch). The reports' record sheet
 * holds every report's document (up to 630 KB each) and grows with every report made: only the
 * actions that use it read it (making a report, sending and its preview, the data check), so
 * the bytes every other action reads (opening the sidebar, submitting, the reminders) do not
 * grow with the reports made.
 */
export interface ReadOptions {
  /** The reports' record sheet too (WorkbookConfig.reportRecordsValues; null when not asked). */
  readonly reportRecords?: boolean;
  /**
   * Every district's own sheets and the baseline too, in the same batch, for an action that reads
   * them all next (readWorkbook of this configuration then takes them from it): the Apps Script
   * door saves the three calls of a second batch; the in-memory door has nothing to save.
   */
  readonly entries?: boolean;
}

/**
 * The roles whose sheets a configuration reads with these options (either door asks for these).
 * @param options what more to read
 */
export function configRoles(options: ReadOptions = {}): readonly SheetRole[] {
  return options.reportRecords ? CONFIG_ROLES : CONFIG_ROLES.filter((role) => role !== 'reportRecords');
}

/** The roles whose sheets the configuration reads, the reports' records included. */
const CONFIG_ROLES: readonly SheetRole[] = [
  'districts',
  'settings',
  'criteria',
  'submissions',
  // — reports kept as records
  'reportRecords',
];

/**
 * The configuration from its sheets' values (pure: whoever fetched them, the Apps Script door or
 * the in-memory one).
 * @param registry the add-on's sheets
 * @param blocks the data ranges of the sheets of configRoles, by sheet id (a role not read has none)
 */
export function configOf(registry: Registry, blocks: ReadonlyMap<number, Block>): WorkbookConfig {
  const owns = CONFIG_ROLES.map((role) => registry.one(role));
  const blockOf = (own: OwnSheet | null): Block | null => (own ? (blocks.get(own.mark.sheetId) ?? null) : null);
  const table = tableOf(owns[0], registry, blockOf(owns[0]) ?? undefined);
  const districts = table.rows.length > 0 ? table.rows.map((r) => r.name) : NONG_KHAI_DISTRICTS.map((d) => d.name);
  const settingsValues = blockOf(owns[1])?.values ?? [];
  const { settings, problems } = readSettings(settingsValues, districts);
  let criteriaRead: Pick<WorkbookConfig, 'criteria' | 'criteriaProblem' | 'channelRows'> | null = null;
  const criteriaOf = () => {
    if (!criteriaRead) {
      const criteriaValues = blockOf(owns[2])?.values ?? [];
      const tableRows = criteriaValues.slice(
        CRITERIA_LAYOUT.table - 1,
        CRITERIA_LAYOUT.table - 1 + CRITERIA_LAYOUT.tableRows,
      );
      const criteria = criteriaOrDefault(tableRows, profileOf(settings.fiscalYear).measures);
      const channels = channelTableOf(criteriaValues).rows;
      criteriaRead = {
        criteria: criteria.criteria,
        criteriaProblem: criteria.problem,
        channelRows: channels.length > 0 ? channels : DEFAULT_CHANNEL_ROWS,
      };
    }
    return criteriaRead;
  };
  return {
    registry,
    settings,
    settingsProblems: problems,
    settingsValues,
    get criteria() {
      return criteriaOf().criteria;
    },
    get criteriaProblem() {
      return criteriaOf().criteriaProblem;
    },
    get channelRows() {
      return criteriaOf().channelRows;
    },
    table,
    districts,
    // A set-up stopped midway left sheets it has not finished: the next set-up finishes them.
    needsSetUp: !table.own || !registry.one('settings') || registry.sheets.some((s) => s.mark.unfinished),
    submissionsValues: blockOf(owns[3])?.values ?? null,
    // — reports kept as records
    reportRecordsValues: blockOf(owns[4])?.values ?? null,
  };
}

/**
 * Reads the district table: its district rows (a row whose name was cleared is still a
 * district, recovered from its formula) and its total row, wherever they are.
 * @param own the marked district table, or null
 * @param registry the add-on's sheets
 * @param block its data range's values and formulas (the Apps Script door's readTable reads it
 *   when it was not read with others)
 */
export function tableOf(own: OwnSheet | null, registry: Registry, block: Block | undefined): TableRead {
  if (!own || !block) return { own, values: [], formulas: [], rows: [], totalRow: 0, problems: [] };
  const { values, formulas } = block;
  const c = DISTRICT_COL;
  let totalRow = 0;
  for (let r = 1; r < values.length && !totalRow; r++) {
    if (cellText(values[r][c.name]) === TOTAL_LABEL || /^=\s*SUM\(/i.test(formulas[r][c.registered] ?? ''))
      totalRow = r + 1;
  }
  const end = totalRow ? totalRow - 1 : values.length;
  const rows: DistrictRow[] = [];
  const problems: TableRead['problems'][number][] = [];
  const seen = new Set<string>();
  for (let r = 1; r < end; r++) {
    const line = values[r];
    const formula = formulas[r][c.target] ?? '';
    const typed = cellText(line[c.name]);
    if (typed === '' && isBlank(line[c.registered]) && isBlank(line[c.promoted]) && formula === '') continue;
    const name = typed !== '' ? canonicalDistrictName(typed) : (districtOfFormula_(formula, registry) ?? '');
    if (typed === '') {
      problems.push({
        row: r + 1,
        column: c.name + 1,
        message: `ชื่ออำเภอในแถวที่ ${r + 1} ว่าง${name ? ` (น่าจะเป็น อ.${name} จากสูตรของแถวนี้)` : ''} ให้พิมพ์ชื่ออำเภอกลับ แถวนี้ยังนับตามชีตของอำเภอเดิม`,
      });
    } else if (seen.has(name)) {
      problems.push({
        row: r + 1,
        column: c.name + 1,
        message: `อ.${name} อยู่ในตารางอำเภอมากกว่าหนึ่งแถว ผลรวมจังหวัดจะนับซ้ำ ให้ลบแถวที่เกิน`,
      });
    }
    seen.add(name);
    for (const message of readFigures(line[c.registered], line[c.promoted]).problems) {
      problems.push({ row: r + 1, column: c.registered + 1, message: `แถวที่ ${r + 1} (อ.${name || '?'}): ${message}` });
    }
    rows.push({
      row: r + 1,
      name,
      nameBlank: typed === '',
      registered: line[c.registered],
      promoted: line[c.promoted],
      formula,
    });
  }
  return { own, values, formulas, rows, totalRow, problems };
}

/** The district whose marked sheet a district formula reads, or undefined. */
function districtOfFormula_(formula: string, registry: Registry): string | undefined {
  const args = callArguments(formula, 'OTOP_DISTRICT');
  const sheetName = args?.[3] ? sheetOfRef(args[3]) : null;
  return registry.sheets.find((s) => s.mark.role === 'activities' && s.name === sheetName)?.mark.district;
}

/** The sheet name of a reference like `'กิจกรรม ท่าบ่อ'!A1:J` (or `'กิจกรรม ท่าบ่อ'`: all its cells), or null. */
export function sheetOfRef(ref: string): string | null {
  const m = sheetPart_(ref);
  return m ? m[1].replace(/''/g, "'") : null;
}

/** The range of a reference after its sheet's name (`A1:J`; '' for all its cells), or null as sheetOfRef. */
export function rangeOfRef(ref: string): string | null {
  const m = sheetPart_(ref);
  return m ? ref.slice(m[0].length) : null;
}

/** A reference's sheet part with its "!" (quoted, or plain before a "!"); group 1 the name as written. */
function sheetPart_(ref: string): RegExpExecArray | null {
  return /^'((?:[^']|'')*)'(?:!|$)/.exec(ref) ?? /^([^'!]+)!/.exec(ref);
}

/**
 * The workbook from its configuration and a fetcher of blocks (pure but for what `fetch`
 * does): every district's sheets and the baseline are fetched when first used, in batches.
 * @param config the configuration as read
 * @param fetch the values and formulas of A1 references of the add-on's sheets, in their order
 */
export function workbookOf(config: WorkbookConfig, fetch: (refs: readonly string[]) => Block[]): WorkbookRead {
  const { registry } = config;
  const baselineOwn = registry.one('baseline');
  // All the baseline's cells: the block of plannedRef, without asking the sheet its width.
  const baselineRef = baselineOwn ? quoteSheet(baselineOwn.name) : null;
  const read = new Map<string, SheetRead | null>();
  /** Reads the references not read yet in one batch (the add-on's sheets only). */
  const load = (refs: readonly (string | null)[]) => {
    const wanted = [...new Set(refs.filter((r): r is string => r !== null && !read.has(r)))];
    const ours = wanted.filter((ref) => {
      const name = sheetOfRef(ref);
      const known = name !== null && registry.sheets.some((s) => s.name === name);
      if (!known) read.set(ref, null);
      return known;
    });
    const blocks = fetch(ours);
    ours.forEach((ref, i) => {
      read.set(ref, { name: sheetOfRef(ref) ?? '', ...blocks[i] });
    });
  };
  const baselineRead = (): SheetRead | null => {
    if (baselineRef === null) return null;
    load([baselineRef]);
    return read.get(baselineRef) ?? null;
  };
  const refsOf = new Map<DistrictRow, readonly (string | null)[]>();
  const districtsRead = config.table.rows.map((row): DistrictRead => {
    const args = callArguments(row.formula, 'OTOP_DISTRICT');
    const ref = (i: number, role: 'activities' | 'online') => {
      if (args?.[i] && !/#REF!/i.test(args[i])) return args[i];
      const own = registry.one(role, row.name);
      return own ? quoteSheet(own.name) : null;
    };
    const refs = [ref(3, 'activities'), ref(4, 'online')];
    refsOf.set(row, refs);
    // A district's two sheets are read when first needed, with the baseline (a submission's
    // preview needs its own district's only), or with every district's (readDistricts).
    let done: Omit<DistrictRead, 'row'> | null = null;
    const readNow = (): Omit<DistrictRead, 'row'> => {
      if (done) return done;
      load([baselineRef, ...refs]);
      const [activities, online] = refs.map((r) => (r ? (read.get(r) ?? null) : null));
      const baseline = baselineRead();
      const missing = [activities ? '' : 'กิจกรรม', online ? '' : 'ออนไลน์'].filter(Boolean);
      const unreadable = missing.length
        ? `ไม่พบชีต${missing.join('และ')}ของ อ.${row.name || '?'} (อาจถูกลบ) ให้กด "ตั้งค่า / ซ่อมแซมสมุดงาน"`
        : '';
      done = {
        activities,
        online,
        unreadable,
        sources: {
          name: row.name,
          registered: row.registered,
          promoted: row.promoted,
          activities: activities?.values ?? [],
          online: online?.values ?? [],
          baseline: baseline?.values ?? [],
        },
      };
      return done;
    };
    return {
      row,
      get activities() {
        return readNow().activities;
      },
      get online() {
        return readNow().online;
      },
      get unreadable() {
        return readNow().unreadable;
      },
      get sources() {
        return readNow().sources;
      },
    };
  });
  return {
    ...config,
    districtsRead,
    get baseline() {
      return baselineRead();
    },
    readDistricts: (districts) => load([baselineRef, ...districts.flatMap((d) => refsOf.get(d.row) ?? [])]),
  };
}

/** Functions a custom function may not depend on (see features/dataCheck/rules/dataCheck.ts). */
const VOLATILE = /\b(NOW|TODAY|RAND|RANDARRAY|RANDBETWEEN)\s*\(/i;

/**
 * Evaluates every district as the district table does at a cut-off day: a district whose
 * sheets are missing, cannot be counted, or hold a formula Sheets refuses to pass to a custom
 * function, is uncountable with the reason (the table shows its error).
 * @param book the workbook as read
 * @param asOf the cut-off day (the settings' count-up-to day for the live standing)
 * @param withEvidence keep the rows counted (reports)
 * @param memo what the readings share (dates, channel names): an action evaluating the workbook
 *   at two days passes one to both
 */
export function evaluateAll(
  book: WorkbookRead,
  asOf: Day,
  withEvidence = false,
  memo: ReadMemo = newReadMemo(),
): (DistrictEvaluation | DistrictUncountable)[] {
  const rules: EvaluationRules = {
    fiscalYear: book.settings.fiscalYear,
    asOf,
    basis: book.settings.percentBasis,
    criteria: book.criteria,
    channelRows: book.channelRows,
    memo,
  };
  book.readDistricts?.(book.districtsRead);
  // each sheet's first error cell looked for once: the baseline is every district's
  const errorCells = new Map<SheetRead, ErrorCell_>();
  const errorCellOf = (sheet: SheetRead): ErrorCell_ => {
    if (!errorCells.has(sheet)) errorCells.set(sheet, firstErrorCell(sheet.values, sheet.formulas));
    return errorCells.get(sheet) ?? null;
  };
  return book.districtsRead.map((d) => {
    const figures = readFigures(d.row.registered, d.row.promoted);
    if (d.unreadable) return { ok: false, district: d.row.name, figures, problem: d.unreadable };
    // Most cells hold no formula: '' is skipped before the pattern (CPU only, the same answer).
    const volatile = [d.activities, d.online].find((s) =>
      s?.formulas.some((row) => row.some((f) => f !== '' && VOLATILE.test(f))),
    );
    if (volatile) {
      return {
        ok: false,
        district: d.row.name,
        figures,
        problem: `ชีต "${volatile.name}" มีสูตรที่เปลี่ยนค่าเอง (เช่น NOW, TODAY, RAND) ซึ่ง Sheets ไม่ยอมให้สูตรของตารางอำเภออ่าน ให้กด "ตรวจข้อมูล" เพื่อดูเซลล์ แล้วพิมพ์ค่าแทนสูตร`,
      };
    }
    const error = errorProblem_(d, book.baseline, errorCellOf);
    if (error) return { ok: false, district: d.row.name, figures, problem: error };
    return evaluateDistrict(d.sources, rules, withEvidence);
  });
}

/** A sheet's first cell showing an error value, or null (firstErrorCell). */
type ErrorCell_ = ReturnType<typeof firstErrorCell>;

/**
 * Why a district cannot be counted when a cell its formula reads shows an error value (#DIV/0!,
 * #N/A, … from a formula), anywhere in its two sheets or the baseline, or ''. Sheets shows such
 * an error in the district table's row (the stand-in's default: it does not call a custom
 * function whose argument holds an error; whether Sheets ever passes one is unconfirmed,
 * docs/platform.md#error-arguments), so nothing else counts the district either: the sidebar, submissions, reports
 * and the total agree with the table, and the message names the cell to fix.
 * @param d the district as read
 * @param baseline the baseline as read
 * @param errorCellOf a sheet's first error cell (firstErrorCell, each sheet looked at once)
 */
function errorProblem_(
  d: DistrictRead,
  baseline: SheetRead | null,
  errorCellOf: (sheet: SheetRead) => ErrorCell_,
): string {
  const who = d.row.name ? `อ.${d.row.name}` : 'อำเภอในแถวนี้';
  for (const sheet of [d.activities, d.online, baseline]) {
    const cell = sheet ? errorCellOf(sheet) : null;
    if (sheet && cell) {
      return (
        `ชีต "${sheet.name}" ช่อง ${cellAddress(cell.row, cell.column)} แสดงข้อผิดพลาด ${cell.value} ` +
        `จึงนับผลของ ${who} ไม่ได้ (ตารางอำเภอก็คำนวณไม่ได้) ให้แก้สูตรหรือพิมพ์ค่าแทนในช่องนั้น แล้วกด "ตรวจข้อมูล"`
      );
    }
  }
  return '';
}
