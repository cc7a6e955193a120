/**
 * Readers of the entry sheets: raw rows (as Range.getValues gives them: "" for blank, Date,
 * number, string, boolean) become typed records with their 0-based row index and the
 * problems found in their own cells. Each column is read where the sheet has it (a column
 * map from its header row; the layout's own order by default), so officers may move columns
 * and add their own. Fully blank rows are skipped (blank rows in the middle are normal);
 * missing cells read as blank. A row of a district's own sheet counts for that district,
 * whatever its district cell says. Checks across rows are in dataCheck.ts.
 */
import { channelMatcher, DEFAULT_CHANNEL_ROWS } from './channels';
import { type Day, isDate } from '../../../kernel/civilDate';
import { parseDate } from '../../../kernel/dateParse';
import { districtMatcher } from '../../setup/rules/districts';
import {
  ACTIVITY_LAYOUT,
  type ActivityColumn,
  BASELINE_LAYOUT,
  type BaselineColumn,
  ONLINE_LAYOUT,
  type OnlineColumn,
  parseBudget,
} from './entryLayout';
import type { ColumnIndex, Layout } from '../../../kernel/layout';
import { parseCount, parseNumber } from '../../../kernel/numbers';
import type { OperatorKey } from './operatorIdentity';
import { type Parsed, quote } from '../../../kernel/parsed';
import { Remembered } from '../../../kernel/remembered';
import { cleanText, isBlank, nameKey } from '../../../kernel/text';

/** Rows of a range, as Range.getValues or a custom-function argument gives them. */
export type Rows = readonly (readonly unknown[])[];

/** A problem in one cell of an entry row. */
export interface EntryProblem {
  /** 0-based column of the sheet. */
  readonly column: number;
  /** What is wrong and what to do, in Thai. */
  readonly message: string;
}

/** The cells of an activity row that decide whether it counts. */
export interface ActivityKey {
  /** 0-based index within the rows read. */
  readonly row: number;
  /** null when missing or unreadable. */
  readonly day: Day | null;
  /** Index in the district list, -1 when unknown or blank. */
  readonly districtIndex: number;
  /** True when a government budget was used; null when the cell is unreadable. */
  readonly budgetUsed: boolean | null;
}

/** A row of the activities sheet. */
export interface ActivityEntry extends ActivityKey {
  /** The district as typed (cleaned). */
  readonly district: string;
  readonly activity: string;
  readonly place: string;
  readonly organiser: string;
  /** Operators taking part; null when blank or unreadable. */
  readonly operators: number | null;
  /** Sales in baht; null when blank or unreadable. */
  readonly sales: number | null;
  readonly link: string;
  readonly note: string;
  readonly problems: readonly EntryProblem[];
}

/** A row of the online sheet: one operator's product on one channel. */
export interface OnlineEntry {
  readonly row: number;
  readonly day: Day | null;
  readonly districtIndex: number;
  readonly district: string;
  /** The comparable key of the registration number (see regNoKey), '' when none. */
  readonly regNo: string;
  /** The registration number as typed (cleaned), '' when none: what reports show. */
  readonly regNoText: string;
  /** The operator's name as typed (cleaned). */
  readonly name: string;
  /** The name's comparison key, '' when none. */
  readonly nameKey: string;
  readonly product: string;
  /** The canonical channel, undefined when blank or unknown. */
  readonly channel: string | undefined;
  /** The channel as typed (cleaned). */
  readonly channelText: string;
  readonly link: string;
  readonly sales: number | null;
  readonly note: string;
  readonly problems: readonly EntryProblem[];
}

/** A row of the baseline sheet: an operator already online by September 2564. */
export interface BaselineEntry {
  readonly row: number;
  readonly districtIndex: number;
  readonly district: string;
  readonly regNo: string;
  /** The registration number as typed (cleaned), '' when none. */
  readonly regNoText: string;
  readonly name: string;
  readonly nameKey: string;
  readonly problems: readonly EntryProblem[];
}

/** How typed district and channel names are matched; lookups are cached per typed text. */
export interface ReadContext {
  /** Index in the district list of a typed district name, or -1. */
  districtOf(typed: string): number;
  /** Canonical channel of a typed channel name or link, or undefined. */
  channelOf(typed: string): string | undefined;
  /** parseDate of a date cell; the same text or instant is parsed once. */
  dateOf(value: unknown): Parsed<Day>;
}

/**
 * Where a sheet keeps its columns and whose sheet it is: the columns found in its header row
 * (the layout's own order by default), and the index of the district whose sheet it is, for a
 * district's own sheet (its rows count for it), or undefined for rows stacked from several
 * sheets, whose district cell decides.
 */
export interface SheetShape<K extends string> {
  readonly columns: ColumnIndex<K>;
  readonly district?: number;
}

/**
 * The layout's own order, rows' district cells deciding. Getters: a layout's index is worked out
 * on first use, not at the bundle's load (kernel/layout.ts defineLayout).
 */
export const ACTIVITY_SHAPE: SheetShape<ActivityColumn> = {
  get columns() {
    return ACTIVITY_LAYOUT.at;
  },
};
export const ONLINE_SHAPE: SheetShape<OnlineColumn> = {
  get columns() {
    return ONLINE_LAYOUT.at;
  },
};
export const BASELINE_SHAPE: SheetShape<BaselineColumn> = {
  get columns() {
    return BASELINE_LAYOUT.at;
  },
};

/** The cells of an online row that decide whether it counts and for which operator. */
export interface OnlineKey {
  readonly day: Day | null;
  readonly districtIndex: number;
  readonly regNo: string;
  readonly nameKey: string;
  readonly channel: string | undefined;
}

const NOT_COUNTED = 'แถวนี้จึงยังไม่นับ';
/** A web link: http(s), a host with a dot, then anything without spaces. */
const URL = /^https?:\/\/[^\s/?#.]+(\.[^\s/?#.]+)+([/?#]\S*)?$/i;
/** Characters dropped from registration numbers: dashes, dots and underscores (slashes stay). */
const REG_NO_NOISE = /[-‐‑‒–—―_.]/g;
const LEADING_ZEROS = /^0+(?=\d)/;
const ALL_DIGITS = /^\d+$/;
const BAHT = /\s*(บาท|บ\.)\s*$/;
const TRAILING_COMMA = /,$/;
/** Name keys of what officers type for "no registration number". */
const NO_REG_NO = new Set(['', 'ไม่มี', 'ไม่ระบุ', 'n/a', 'na', 'none', 'null']);
/** Separator of cells in a row's content key (not white space, so not removed by nameKey). */
const CELL_SEPARATOR = '\u241f';

/**
 * What readings of several district lists can share: dates (a text or an instant means the same
 * day whatever the districts) and channel names (for one alias table). The server evaluates
 * each district on its own, as the district formula does, and shares one memo across them.
 */
export interface ReadMemo {
  readonly textDates: Map<string, Parsed<Day>>;
  readonly instantDates: Map<number, Parsed<Day>>;
  /** The alias table the channel matcher and cache are for. */
  channelRows: Rows | null;
  channelOf: ((typed: string) => string | undefined) | null;
  readonly channels: Map<string, string | undefined>;
  /**
   * The baseline's rows read once for every district (see forEachBaselineKeyFor), by its rows
   * without the header. A memo is for one reading of the workbook: rows are not changed while
   * it is used.
   */
  readonly baselines: WeakMap<Rows, BaselineTable_>;
  /** Rows without their header row (withoutHeader), by the rows: one copy per sheet, not per district. */
  readonly headless: WeakMap<Rows, Rows>;
  /**
   * A district's online rows' counting cells, by its rows without the header, kept when the
   * readings evaluate the same sheets again (a report's two days): see onlineKeys.
   */
  readonly online: WeakMap<Rows, OnlineKeys> | null;
}

/**
 * A memo to share across readContext calls (see ReadMemo).
 * @param again the readings evaluate the same district sheets more than once (a monthly
 *   report's month end and start): each online sheet's counting cells are then kept, about
 *   40 bytes a row, and read once
 */
export function newReadMemo(again = false): ReadMemo {
  return {
    textDates: new Map(),
    instantDates: new Map(),
    channelRows: null,
    channelOf: null,
    channels: new Map(),
    baselines: new WeakMap(),
    headless: new WeakMap(),
    online: again ? new WeakMap() : null,
  };
}

/**
 * A sheet's rows without the header row; the same copy for the same rows while a memo is shared.
 * @param rows the sheet's rows, header first
 * @param memo what the readings share, if any
 */
export function withoutHeader(rows: Rows, memo?: ReadMemo): Rows {
  if (!memo) return rows.slice(1);
  let headless = memo.headless.get(rows);
  if (headless === undefined) {
    headless = rows.slice(1);
    memo.headless.set(rows, headless);
  }
  return headless;
}

/**
 * The matching context of a district list and a channel alias table.
 * @param districts the district names, in table order
 * @param channelRows the channel alias table; the default table when omitted
 * @param memo what earlier contexts read and this one may reuse; a fresh one when omitted
 */
export function readContext(
  districts: readonly string[],
  channelRows: Rows = DEFAULT_CHANNEL_ROWS,
  memo: ReadMemo = newReadMemo(),
): ReadContext {
  const district = districtMatcher(districts);
  const districtCache = new Map<string, number>();
  if (memo.channelRows !== channelRows || !memo.channelOf) {
    memo.channels.clear();
    memo.channelRows = channelRows;
    memo.channelOf = channelMatcher(channelRows);
  }
  const channel = memo.channelOf;
  const channelCache = memo.channels;
  // A sheet has few distinct dates (a year of days in a handful of formats): parsing each
  // once keeps Thai-digit folding, regexes and calendar checks out of the per-row cost.
  const { textDates, instantDates } = memo;
  return {
    districtOf(typed) {
      let index = districtCache.get(typed);
      if (index === undefined) {
        index = district(typed);
        districtCache.set(typed, index);
      }
      return index;
    },
    channelOf(typed) {
      if (channelCache.has(typed)) return channelCache.get(typed);
      const found = channel(typed);
      channelCache.set(typed, found);
      return found;
    },
    dateOf(value) {
      if (typeof value === 'string') return parsedOnce_(textDates, value, value);
      if (isDate(value)) return parsedOnce_(instantDates, value.getTime(), value);
      return parseDate(value);
    },
  };
}

/** parseDate of a value, remembered under a key. */
function parsedOnce_<K>(cache: Map<K, Parsed<Day>>, key: K, value: unknown): Parsed<Day> {
  let parsed = cache.get(key);
  if (parsed === undefined) {
    parsed = parseDate(value);
    cache.set(key, parsed);
  }
  return parsed;
}

/**
 * The comparable key of an OTOP registration number: Thai digits as Arabic, no spaces,
 * dashes or dots, lower case; an all-digit number without leading zeros (a number cell and
 * a text cell then agree). "-", "ไม่มี" and the like give ''.
 * @param value the cell value
 */
export function regNoKey(value: unknown): string {
  if (typeof value === 'string' && ALL_DIGITS.test(value)) return value.replace(LEADING_ZEROS, '');
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (isBlank(value) || typeof value === 'boolean') return '';
  // A number typed as text (4303-0001) is an operator's on each of its rows: worked out once.
  return typeof value === 'string' ? regNoKeys_.of(value) : regNoKeyNow_(value);
}

/** regNoKey of a value that is not all digits, uncached. */
function regNoKeyNow_(value: unknown): string {
  const key = nameKey(String(value)).replace(REG_NO_NOISE, '');
  if (NO_REG_NO.has(key)) return '';
  return ALL_DIGITS.test(key) ? key.replace(LEADING_ZEROS, '') : key;
}

/** Typed registration numbers' keys worked out so far. */
const regNoKeys_ = new Remembered(regNoKeyNow_, 50000);

/**
 * Operators' names' keys worked out so far: an operator's name recurs on its rows and in the
 * baseline, and every district's evaluation (twice for a monthly report) reads every row.
 */
const nameKeys_ = new Remembered(nameKey, 50000);

/**
 * The content key of a row for finding duplicates: its layout cells with white space and
 * zero-width characters ignored, case ignored, Thai digits as Arabic, and the date cell
 * compared as its day when readable (so 25/03/2565 and a date cell of that day agree).
 * @param row the raw row
 * @param columns the sheet columns of the layout's cells, in layout order (-1: not in the sheet)
 * @param date the date column and the day read from it, or undefined for a layout without one
 */
export function rowContentKey(
  row: readonly unknown[],
  columns: readonly number[],
  date?: { column: number; day: Day | null },
): string {
  let key = '';
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const value = c >= 0 && c < row.length ? row[c] : '';
    if (i > 0) key += CELL_SEPARATOR;
    if (date !== undefined && c === date.column && date.day !== null) key += `#${date.day}`;
    else key += isDate(value) ? `@${value.getTime()}` : String(value ?? '');
  }
  return nameKey(key);
}

/**
 * The sheet columns of a layout's cells, in layout order, for rowContentKey.
 * @param layout the layout
 * @param columns where the sheet has them
 */
export function layoutColumns<K extends string>(layout: Layout<K>, columns: ColumnIndex<K>): number[] {
  return layout.columns.map((c) => columns[c.key]);
}

/**
 * Reads an activities sheet.
 * @param rows the rows, without the header
 * @param context district and channel matching
 * @param shape where the sheet has its columns, and whose sheet it is
 */
export function readActivities(
  rows: Rows,
  context: ReadContext,
  shape: SheetShape<ActivityColumn> = ACTIVITY_SHAPE,
): ActivityEntry[] {
  const out: ActivityEntry[] = [];
  const problems = new RowProblems_();
  const A = shape.columns;
  const cells = layoutColumns(ACTIVITY_LAYOUT, A);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const core = readActivityCore_(row, index, context, shape, cells, problems);
    if (core === null) continue;
    const activity = cellText(cell_(row, A.activity));
    if (activity === '') problems.add(at_(A.activity), 'ไม่มีชื่อกิจกรรม ให้ใส่ชื่อกิจกรรมหรืองานที่จัด');
    out.push({
      row: index,
      day: core.day,
      districtIndex: core.districtIndex,
      district: core.district,
      activity,
      place: cellText(cell_(row, A.place)),
      organiser: cellText(cell_(row, A.organiser)),
      budgetUsed: core.budgetUsed,
      operators: readCount_(cell_(row, A.operators), at_(A.operators), problems),
      sales: readBaht_(cell_(row, A.sales), at_(A.sales), problems),
      link: readLink_(cell_(row, A.link), at_(A.link), problems),
      note: cellText(cell_(row, A.note)),
      problems: problems.take(),
    });
  }
  return out;
}

/**
 * Reads only the cells of the activity rows that decide whether they count (the tally's
 * fast path: no other cell is read and no problem is kept).
 * @param rows the rows, without the header
 * @param context district matching
 * @param shape where the sheet has its columns, and whose sheet it is
 */
export function readActivityKeys(
  rows: Rows,
  context: ReadContext,
  shape: SheetShape<ActivityColumn> = ACTIVITY_SHAPE,
): ActivityKey[] {
  const out: ActivityKey[] = [];
  const cells = layoutColumns(ACTIVITY_LAYOUT, shape.columns);
  for (let index = 0; index < rows.length; index++) {
    const key = readActivityCore_(rows[index], index, context, shape, cells, IGNORE_PROBLEMS);
    if (key !== null) out.push(key);
  }
  return out;
}

/** The counting cells of an activity row (problems noted), or null for a blank row. */
function readActivityCore_(
  row: readonly unknown[],
  index: number,
  context: ReadContext,
  shape: SheetShape<ActivityColumn>,
  cells: readonly number[],
  problems: ProblemSink_,
): (ActivityKey & { district: string }) | null {
  if (isBlankRow_(row, cells)) return null;
  const A = shape.columns;
  const budget = parseBudget(cell_(row, A.budget));
  if (!budget.ok) problems.add(at_(A.budget), `${budget.problem} ${NOT_COUNTED}`);
  const day = readDay_(cell_(row, A.date), at_(A.date), context, problems);
  const district = cellText(cell_(row, A.district));
  const districtIndex = readDistrict_(district, at_(A.district), context, shape.district, problems);
  return { row: index, day, districtIndex, district, budgetUsed: budget.ok ? budget.value : null };
}

/**
 * Reads an online sheet.
 * @param rows the rows, without the header
 * @param context district and channel matching
 * @param shape where the sheet has its columns, and whose sheet it is
 */
export function readOnline(
  rows: Rows,
  context: ReadContext,
  shape: SheetShape<OnlineColumn> = ONLINE_SHAPE,
): OnlineEntry[] {
  const out: OnlineEntry[] = [];
  const problems = new RowProblems_();
  const O = shape.columns;
  const cells = layoutColumns(ONLINE_LAYOUT, O);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const core = readOnlineCore_(row, context, shape, cells, problems);
    if (core === null) continue;
    out.push({
      row: index,
      day: core.day,
      districtIndex: core.districtIndex,
      district: core.district,
      regNo: core.regNo,
      regNoText: core.regNo === '' ? '' : cellText(cell_(row, O.regNo)),
      name: core.name,
      nameKey: core.nameKey,
      product: cellText(cell_(row, O.product)),
      channel: core.channel,
      channelText: core.channelText,
      link: readLink_(cell_(row, O.link), at_(O.link), problems),
      sales: readBaht_(cell_(row, O.sales), at_(O.sales), problems),
      note: cellText(cell_(row, O.note)),
      problems: problems.take(),
    });
  }
  return out;
}

/** OnlineKeys' day of a row whose date is missing or unreadable (no day is that far back). */
export const NO_DAY = -0x80000000;

/**
 * The counting cells of an online sheet's rows, column by column (no object per row), as
 * readOnlineKey reads them.
 */
export interface OnlineKeys {
  /** The rows read (blank rows included). */
  readonly size: number;
  /** Per row: 1 when it is not blank (readOnlineKey gives a key). */
  readonly present: Uint8Array;
  /** Per row: its day, NO_DAY when null. */
  readonly day: Int32Array;
  readonly districtIndex: Int32Array;
  readonly regNo: readonly string[];
  readonly nameKey: readonly string[];
  readonly channel: readonly (string | undefined)[];
  /** What it was read for (a kept reading serves the same columns, district and channel table). */
  readonly cells: readonly number[];
  readonly district: number | undefined;
  readonly channelOf: ReadMemo['channelOf'];
}

/**
 * The counting cells of every online row. A memo made for evaluating the same sheets again
 * keeps a district's own sheet's reading (its rows count for the sheet's district, so the
 * reading does not depend on the district list) and gives it again for the same rows, columns,
 * district and channel table: the month start of a monthly report reads no row again.
 * @param rows the rows, without the header
 * @param context district and channel matching (the memo's, when one is given)
 * @param shape where the sheet has its columns, and whose sheet it is
 * @param memo what the readings share, if any
 */
export function onlineKeys(
  rows: Rows,
  context: ReadContext,
  shape: SheetShape<OnlineColumn>,
  memo?: ReadMemo,
): OnlineKeys {
  const cells = layoutColumns(ONLINE_LAYOUT, shape.columns);
  const kept = memo?.online && shape.district !== undefined ? memo.online : null;
  const known = kept?.get(rows);
  if (
    known &&
    known.district === shape.district &&
    known.channelOf === memo?.channelOf &&
    sameCells_(known.cells, cells)
  ) {
    return known;
  }
  const size = rows.length;
  const present = new Uint8Array(size);
  const day = new Int32Array(size).fill(NO_DAY);
  const districtIndex = new Int32Array(size).fill(-1);
  const regNo = new Array<string>(size).fill('');
  const nameKey = new Array<string>(size).fill('');
  const channel = new Array<string | undefined>(size).fill(undefined);
  for (let i = 0; i < size; i++) {
    const key = readOnlineCore_(rows[i], context, shape, cells, IGNORE_PROBLEMS);
    if (key === null) continue;
    present[i] = 1;
    if (key.day !== null) day[i] = key.day;
    districtIndex[i] = key.districtIndex;
    regNo[i] = key.regNo;
    nameKey[i] = key.nameKey;
    channel[i] = key.channel;
  }
  const read: OnlineKeys = {
    size,
    present,
    day,
    districtIndex,
    regNo,
    nameKey,
    channel,
    cells,
    district: shape.district,
    channelOf: memo?.channelOf ?? null,
  };
  kept?.set(rows, read);
  return read;
}

/** The identifying cells of an online row (problems noted), or null for a blank row. */
function readOnlineCore_(
  row: readonly unknown[],
  context: ReadContext,
  shape: SheetShape<OnlineColumn>,
  cells: readonly number[],
  problems: ProblemSink_,
): (OnlineKey & { district: string; name: string; channelText: string }) | null {
  if (isBlankRow_(row, cells)) return null;
  const O = shape.columns;
  const day = readDay_(cell_(row, O.date), at_(O.date), context, problems);
  const district = cellText(cell_(row, O.district));
  const districtIndex = readDistrict_(district, at_(O.district), context, shape.district, problems);
  const regNo = readRegNo_(cell_(row, O.regNo), at_(O.regNo), problems);
  const name = cellText(cell_(row, O.name));
  const key = readIdentity_(regNo, name, at_(O.regNo), problems);
  const channelText = cellText(cell_(row, O.channel));
  const channel = readChannel_(channelText, at_(O.channel), context, problems);
  return { day, districtIndex, district, regNo, name, nameKey: key, channelText, channel };
}

/**
 * Reads the baseline sheet. A blank district is a problem only when there is no registration
 * number (a number alone identifies the operator).
 * @param rows the rows, without the header
 * @param context district matching
 * @param shape where the sheet has its columns
 */
export function readBaseline(
  rows: Rows,
  context: ReadContext,
  shape: SheetShape<BaselineColumn> = BASELINE_SHAPE,
): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  const problems = new RowProblems_();
  const B = shape.columns;
  baselineRows_(rows, B, (index, own) => {
    for (const problem of own.problems) problems.add(problem.column, problem.message);
    const districtIndex = readBaselineDistrict_(own.district, at_(B.district), context, own.regNo === '', problems);
    out.push({
      row: index,
      districtIndex,
      district: own.district,
      regNo: own.regNo,
      regNoText: own.regNoText,
      name: own.name,
      nameKey: own.nameKey,
      problems: problems.take(),
    });
  });
  return out;
}

/**
 * Visits the operator key of each non-blank baseline row, in row order, as readBaseline reads
 * it, without its problems or an object per row: every district's evaluation reads the whole
 * baseline. The key object is reused: it is valid during the visit only.
 * @param rows the rows, without the header
 * @param context district matching
 * @param shape where the sheet has its columns
 * @param visit called with each row's key
 */
export function forEachBaselineKey(
  rows: Rows,
  context: ReadContext,
  shape: SheetShape<BaselineColumn>,
  visit: (key: OperatorKey) => void,
): void {
  const B = shape.columns;
  const key = { regNo: '', districtIndex: -1, nameKey: '' };
  baselineRows_(rows, B, (_, own) => {
    key.regNo = own.regNo;
    key.nameKey = own.nameKey;
    key.districtIndex = readBaselineDistrict_(own.district, at_(B.district), context, false, IGNORE_PROBLEMS);
    visit(key);
  });
}

/**
 * The baseline's non-blank rows, their district-independent keys and where each district name
 * and number is: read once per memo, so that each district's evaluation visits only the rows
 * that can change its counts (forEachBaselineKeyFor).
 */
interface BaselineTable_ {
  /** The sheet columns of the layout's cells it was read through. */
  readonly cells: readonly number[];
  /** Per non-blank row, in row order: its number's key and name key. */
  readonly regNo: readonly string[];
  readonly nameKey: readonly string[];
  /** Per non-blank row: the index of its district text in districtTexts. */
  readonly district: Int32Array;
  /** The distinct district texts (cleaned), '' included. */
  readonly districtTexts: readonly string[];
  /** Per number key: its non-blank rows. */
  readonly byNumber: ReadonlyMap<string, readonly number[]>;
}

/**
 * Whether a kept reading was made through the same sheet columns (layoutColumns).
 * @param kept the columns the kept reading used
 * @param cells the columns asked for now
 */
function sameCells_(kept: readonly number[], cells: readonly number[]): boolean {
  return kept.length === cells.length && kept.every((c, i) => c === cells[i]);
}

/**
 * The memo's reading of the baseline through these columns, made on first use.
 * @param rows the rows, without the header
 * @param columns where the sheet has its columns
 * @param memo what the readings share
 */
function baselineTable_(rows: Rows, columns: SheetShape<BaselineColumn>['columns'], memo: ReadMemo): BaselineTable_ {
  const cells = layoutColumns(BASELINE_LAYOUT, columns);
  const known = memo.baselines.get(rows);
  if (known && sameCells_(known.cells, cells)) return known;
  const regNo: string[] = [];
  const nameKey: string[] = [];
  const district: number[] = [];
  const districtTexts: string[] = [];
  const districtIds = new Map<string, number>();
  const byNumber = new Map<string, number[]>();
  baselineRows_(rows, columns, (_, own) => {
    const at = regNo.length;
    regNo.push(own.regNo);
    nameKey.push(own.nameKey);
    let id = districtIds.get(own.district);
    if (id === undefined) {
      id = districtTexts.push(own.district) - 1;
      districtIds.set(own.district, id);
    }
    district.push(id);
    if (own.regNo !== '') {
      const list = byNumber.get(own.regNo);
      if (list === undefined) byNumber.set(own.regNo, [at]);
      else list.push(at);
    }
  });
  const table: BaselineTable_ = { cells, regNo, nameKey, district: Int32Array.from(district), districtTexts, byNumber };
  memo.baselines.set(rows, table);
  return table;
}

/**
 * forEachBaselineKey for a tally of online rows with these numbers, leaving out the rows that
 * cannot change its counts: rows of no listed district name an operator by their number only
 * (operatorIdentity.ts), so one whose number is on no online row is left out. That number's
 * operator is then either on no other row (never counted, never a name's candidate) or on a
 * listed district's baseline row (in the baseline either way): the other operators keep their
 * order and their baseline marks, so the counts and the evidence are the same. The baseline
 * is read once per memo; each district's evaluation then visits its own rows and the rows of
 * the numbers it meets, not the whole sheet.
 * @param rows the rows, without the header
 * @param context district matching
 * @param shape where the sheet has its columns
 * @param memo what the readings share (the baseline read once)
 * @param numbers the number keys of the online rows
 * @param visit called with each kept row's key, in row order (the key object is reused)
 */
export function forEachBaselineKeyFor(
  rows: Rows,
  context: ReadContext,
  shape: SheetShape<BaselineColumn>,
  memo: ReadMemo,
  numbers: Iterable<string>,
  visit: (key: OperatorKey) => void,
): void {
  const table = baselineTable_(rows, shape.columns, memo);
  const size = table.regNo.length;
  // Each distinct district text's index in this context ('' and unknown names: -1).
  const districtOf = table.districtTexts.map((text) => (text === '' ? -1 : context.districtOf(text)));
  const keep = new Uint8Array(size);
  for (let at = 0; at < size; at++) if (districtOf[table.district[at]] >= 0) keep[at] = 1;
  for (const number of numbers) {
    const list = table.byNumber.get(number);
    if (list !== undefined) for (const at of list) keep[at] = 1;
  }
  const key = { regNo: '', districtIndex: -1, nameKey: '' };
  for (let at = 0; at < size; at++) {
    if (keep[at] === 0) continue;
    key.regNo = table.regNo[at];
    key.nameKey = table.nameKey[at];
    key.districtIndex = districtOf[table.district[at]];
    visit(key);
  }
}

/**
 * The non-blank rows of the baseline with their district-independent cells, in row order.
 * @param rows the rows, without the header
 * @param columns where the sheet has its columns
 * @param visit called with each row's index and cells
 */
function baselineRows_(
  rows: Rows,
  columns: SheetShape<BaselineColumn>['columns'],
  visit: (index: number, own: BaselineCells_) => void,
): void {
  const cells = layoutColumns(BASELINE_LAYOUT, columns);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (!isBlankRow_(row, cells)) visit(index, baselineCells_(row, columns));
  }
}

/** What a baseline row says whatever the district list: its cells read, and their problems. */
interface BaselineCells_ {
  /** the cells they were read from: number, name, district */
  readonly cells: readonly [unknown, unknown, unknown];
  /** the number's column, where its problems are noted */
  readonly regNoAt: number;
  readonly regNo: string;
  readonly regNoText: string;
  readonly name: string;
  readonly nameKey: string;
  readonly district: string;
  readonly problems: readonly EntryProblem[];
}

/**
 * Baseline rows already read, by row: every district's evaluation reads the whole baseline
 * (as the district formula does), so the sidebar, the data check and a report read each row once
 * per district. An entry is used only while the row holds the same values in the columns read.
 */
const baselineCellsOf_ = new WeakMap<readonly unknown[], BaselineCells_>();

/**
 * The district-independent cells of a baseline row (readBaseline), read once per row and columns.
 * @param row the row
 * @param columns where the sheet has its columns
 */
function baselineCells_(row: readonly unknown[], columns: SheetShape<BaselineColumn>['columns']): BaselineCells_ {
  const B = columns;
  const regNoCell = cell_(row, B.regNo);
  const nameCell = cell_(row, B.name);
  const districtCell = cell_(row, B.district);
  const known = baselineCellsOf_.get(row);
  // The same cell values give the same reading (a row changed in place, or read through other columns, is read again).
  if (
    known &&
    known.regNoAt === at_(B.regNo) &&
    known.cells[0] === regNoCell &&
    known.cells[1] === nameCell &&
    known.cells[2] === districtCell
  ) {
    return known;
  }
  const problems = new RowProblems_();
  const regNo = readRegNo_(regNoCell, at_(B.regNo), problems);
  const name = cellText(nameCell);
  const nameKey = readIdentity_(regNo, name, at_(B.regNo), problems);
  const read: BaselineCells_ = {
    cells: [regNoCell, nameCell, districtCell],
    regNoAt: at_(B.regNo),
    regNo,
    regNoText: regNo === '' ? '' : cellText(regNoCell),
    name,
    nameKey,
    district: cellText(districtCell),
    problems: problems.take(),
  };
  baselineCellsOf_.set(row, read);
  return read;
}

/** Where the cell readers note problems. */
interface ProblemSink_ {
  add(column: number, message: string): void;
  /** True when nothing is kept: a reader then skips building a message (the tally's fast path). */
  readonly ignores?: boolean;
}

/** Collects the problems of one row at a time (one per reader call: most rows have none). */
class RowProblems_ implements ProblemSink_ {
  private list: EntryProblem[] = [];

  add(column: number, message: string): void {
    this.list.push({ column, message });
  }

  /** The problems of the row just read; the next row starts empty. */
  take(): readonly EntryProblem[] {
    if (this.list.length === 0) return NO_PROBLEMS;
    const taken = this.list;
    this.list = [];
    return taken;
  }
}

/** Drops problems (the tally's fast path keeps none). */
const IGNORE_PROBLEMS: ProblemSink_ = { add: () => undefined, ignores: true };
const NO_PROBLEMS: readonly EntryProblem[] = Object.freeze([]);

/** The cell at a column, blank when the sheet has no such column or the row is shorter. */
function cell_(row: readonly unknown[], column: number): unknown {
  return column >= 0 && column < row.length ? row[column] : '';
}

/** The sheet column a problem points at: a missing column's problems point at column A. */
function at_(column: number): number {
  return Math.max(column, 0);
}

/** True when the layout's cells of the row are all blank (officers' own columns aside). */
function isBlankRow_(row: readonly unknown[], cells: readonly number[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c < 0 || c >= row.length) continue;
    const value = row[c];
    if (value === '') continue; // most cells of a blank row: no call at all
    if (typeof value === 'string' ? cellText(value) !== '' : !isBlank(value)) return false;
  }
  return true;
}

/**
 * A cell as cleaned text (cleanText): '' for blank, numbers and other values as their text.
 * @param value the cell value
 */
export function cellText(value: unknown): string {
  // cleanText returns a clean text (most cells) as it is.
  if (typeof value === 'string') return value === '' ? '' : cleanText(value);
  if (value === null || value === undefined) return '';
  return cleanText(String(value));
}

/** The day of a date cell, or null with a problem. */
function readDay_(value: unknown, column: number, context: ReadContext, problems: ProblemSink_): Day | null {
  const day = context.dateOf(value);
  if (day.ok) return day.value;
  if (isBlank(value)) {
    problems.add(column, `ไม่มีวันที่ ให้ใส่วันที่ เช่น 25/03/2565 ${NOT_COUNTED}`);
    return null;
  }
  problems.add(column, `วันที่ ${day.problem} ${NOT_COUNTED}`);
  return null;
}

/**
 * The district a row counts for. On a district's own sheet that is the sheet's district; a
 * district cell naming another district is a problem (the row still counts for the sheet's).
 * Rows stacked from several sheets count for the district their cell names (-1 with a problem
 * when blank or unknown).
 */
function readDistrict_(
  district: string,
  column: number,
  context: ReadContext,
  sheetDistrict: number | undefined,
  problems: ProblemSink_,
): number {
  if (sheetDistrict !== undefined) {
    if (district === '') return sheetDistrict;
    const typed = context.districtOf(district);
    if (typed !== sheetDistrict && !problems.ignores) {
      const named = typed < 0 ? `ไม่รู้จักอำเภอ ${quote(district)}` : `ช่องอำเภอเป็น ${quote(district)}`;
      problems.add(
        column,
        `${named} แต่แถวนี้อยู่ในชีตของอำเภอนี้ จึงนับให้อำเภอเจ้าของชีต ให้แก้ช่องอำเภอหรือย้ายแถวไปชีตของอำเภอที่ถูกต้อง`,
      );
    }
    return sheetDistrict;
  }
  return readBaselineDistrict_(district, column, context, true, problems);
}

/** The district index of a cleaned district name (-1 with a problem when unknown). */
function readBaselineDistrict_(
  district: string,
  column: number,
  context: ReadContext,
  blankIsProblem: boolean,
  problems: ProblemSink_,
): number {
  if (district === '') {
    if (blankIsProblem) problems.add(column, `ไม่มีชื่ออำเภอ ให้เลือกอำเภอจากรายการ ${NOT_COUNTED}`);
    return -1;
  }
  const index = context.districtOf(district);
  if (index < 0 && !problems.ignores) {
    problems.add(column, `ไม่รู้จักอำเภอ ${quote(district)} ให้เลือกอำเภอจากรายการ ${NOT_COUNTED}`);
  }
  return index;
}

/** The canonical channel of a cleaned channel name (undefined with a problem when unknown). */
function readChannel_(
  channelText: string,
  column: number,
  context: ReadContext,
  problems: ProblemSink_,
): string | undefined {
  if (channelText === '') {
    problems.add(column, `ไม่มีช่องทาง ให้เลือกช่องทางจากรายการ ${NOT_COUNTED}`);
    return undefined;
  }
  const channel = context.channelOf(channelText);
  if (channel === undefined && !problems.ignores) {
    problems.add(column, `ไม่รู้จักช่องทาง ${quote(channelText)} ให้เลือกจากรายการ หรือเพิ่มชื่อนี้ในตารางชื่อช่องทาง ${NOT_COUNTED}`);
  }
  return channel;
}

/**
 * A registration number's key; a problem when Sheets made the typed number a fraction (typed
 * `4303.0010` into a column not formatted as plain text, as after moving a column: it keeps no
 * trace of the digits typed, so it may not match the same operator's other rows).
 */
function readRegNo_(value: unknown, column: number, problems: ProblemSink_): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    problems.add(
      column,
      `เลขทะเบียน ${quote(value)} เป็นตัวเลขทศนิยม (Sheets อ่านเลขที่พิมพ์ในช่องที่ไม่ใช่ข้อความธรรมดาเป็นตัวเลข จึงอาจไม่ตรงกับเลขเดิม) ให้ตั้งรูปแบบช่องเป็น "ข้อความธรรมดา" แล้วพิมพ์เลขใหม่`,
    );
  }
  return regNoKey(value);
}

/** The name key of an operator; a problem when it has neither number nor name. */
function readIdentity_(regNo: string, name: string, regNoColumn: number, problems: ProblemSink_): string {
  const key = name === '' ? '' : nameKeys_.of(name);
  if (regNo === '' && key === '') {
    problems.add(regNoColumn, `ไม่มีทั้งเลขทะเบียนและชื่อผู้ประกอบการ ให้ใส่อย่างน้อยหนึ่งอย่าง ${NOT_COUNTED}`);
  }
  return key;
}

/** A whole number of operators, 0 or more; blank or "-" is none. */
function readCount_(value: unknown, column: number, problems: ProblemSink_): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (isBlank(value) || isDash_(value)) return null;
  const count = parseCount(value);
  if (count.ok) return count.value;
  problems.add(column, `จำนวนผู้ประกอบการ: ${count.problem} ให้ใส่จำนวนราย เช่น 12`);
  return null;
}

/** An amount in baht, 0 or more ("1,200 บาท" reads as 1200); blank or "-" is none. */
function readBaht_(value: unknown, column: number, problems: ProblemSink_): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (isBlank(value) || isDash_(value)) return null;
  const amount = parseNumber(typeof value === 'string' ? value.replace(BAHT, '') : value);
  if (amount.ok && amount.value >= 0) return amount.value;
  const problem = amount.ok ? `${quote(value)} ติดลบ` : amount.problem;
  problems.add(column, `ยอดจำหน่าย: ${problem} ให้ใส่จำนวนเงินเป็นบาท 0 ขึ้นไป เช่น 12,500`);
  return null;
}

/** A link cell: one or more http(s) links separated by spaces; a problem otherwise. */
function readLink_(value: unknown, column: number, problems: ProblemSink_): string {
  const link = cellText(value);
  if (link === '') return '';
  if (URL.test(link)) return link;
  const bad = link.split(' ').find((part) => !URL.test(part.replace(TRAILING_COMMA, '')));
  if (bad !== undefined) {
    problems.add(column, `ลิงก์ ${quote(bad)} ไม่ใช่ลิงก์เว็บ ให้คัดลอกลิงก์เต็มที่ขึ้นต้นด้วย https://`);
  }
  return link;
}

/** A cell holding only a dash, which officers type for "none". */
function isDash_(value: unknown): boolean {
  return typeof value === 'string' && cleanText(value) === '-';
}
