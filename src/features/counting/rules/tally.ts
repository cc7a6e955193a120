/**
 * The tally of the entry sheets: per district, the non-budget activities, the online
 * channels with a new operator and the new operators, with the evidence (the rows counted);
 * and operator identity (which rows are one operator), shared with the data check.
 * One pass over each sheet with hash maps and typed arrays, no per-row search: 100 000
 * online rows take a fraction of a second.
 */
import type { Day } from '../../../kernel/civilDate';
import {
  ACTIVITY_SHAPE,
  type ActivityEntry,
  type ActivityKey,
  BASELINE_SHAPE,
  type BaselineEntry,
  cellText,
  layoutColumns,
  ONLINE_SHAPE,
  type OnlineEntry,
  readActivities,
  readActivityKeys,
  forEachBaselineKey,
  forEachBaselineKeyFor,
  NO_DAY,
  onlineKeys,
  type OnlineKeys,
  readContext,
  type ReadContext,
  type ReadMemo,
  regNoKey,
  type Rows,
  rowContentKey,
  type SheetShape,
} from './entries';
import { ACTIVITY_LAYOUT, type ActivityColumn, type BaselineColumn, type OnlineColumn } from './entryLayout';
import { fiscalYearBounds } from '../../../kernel/fiscalYear';
import type { MeasureCounts } from '../../../kernel/measures';
import { OperatorIndex, type OperatorKey } from './operatorIdentity';

/** What the tally reads. */
export interface TallyInput {
  /** The district names, in table order (one result per name). */
  readonly districts: readonly string[];
  /** Activities sheet rows (layout ACTIVITY_COLUMNS), without the header. */
  readonly activities: Rows;
  /** Online sheet rows (layout ONLINE_COLUMNS), without the header. */
  readonly online: Rows;
  /** Baseline sheet rows (layout BASELINE_COLUMNS), without the header. */
  readonly baseline: Rows;
  /** Rows dated after this day are not counted yet. */
  readonly asOf: Day;
  /** The BE fiscal year counted, e.g. 2565. */
  readonly fiscalYear: number;
  /** The channel alias table; the default one when omitted. */
  readonly channelRows?: Rows;
  /**
   * Where the sheets keep their columns and whose sheets they are: by default the layouts'
   * own order, each row's district cell deciding (rows stacked from several sheets).
   */
  readonly shapes?: TallyShapes;
  /** What an earlier tally's reading may share with this one (dates, channel names). */
  readonly memo?: ReadMemo;
}

/** Where each sheet of a tally keeps its columns (see SheetShape). */
export interface TallyShapes {
  readonly activities?: SheetShape<ActivityColumn>;
  readonly online?: SheetShape<OnlineColumn>;
  readonly baseline?: SheetShape<BaselineColumn>;
}

/**
 * The counts of one district: its measures (non-budget activities in the period, distinct
 * channels with at least one new operator, distinct new operators) and their evidence.
 */
export interface DistrictTally extends MeasureCounts {
  /** The district name as given in the list. */
  readonly district: string;
  /** The canonical names of the channels counted. */
  readonly channelNames: readonly string[];
  /** Each new operator's day (its earliest counted row's), in no order: the trend's months. */
  readonly operatorDays: readonly Day[];
}

/** A new operator counted, with its evidence. */
export interface NewOperator {
  /** Index in the district list of the district it counts for. */
  readonly districtIndex: number;
  /** The district name as given in the list. */
  readonly district: string;
  /** The registration number's key, '' when none of its rows has one. */
  readonly regNo: string;
  /** That registration number as the officer typed it (what reports show). */
  readonly regNoText: string;
  /** The first name given on its rows. */
  readonly name: string;
  /** Its earliest counted row's day. */
  readonly day: Day;
  /** Canonical channels, in row order. */
  readonly channels: readonly string[];
  /** Distinct links, in row order. */
  readonly links: readonly string[];
  /** The 0-based online rows counted for it. */
  readonly rows: readonly number[];
}

/** The tally: counts per district, in the order of the district list, and the evidence. */
export interface TallyResult {
  readonly districts: readonly DistrictTally[];
  /** The activities counted, by district, day and row. */
  readonly activities: readonly ActivityEntry[];
  /** The new operators counted, by district, day and row. */
  readonly newOperators: readonly NewOperator[];
}

/** Operators as groups of rows (operatorIdentity.ts). */
export interface OperatorGroups {
  /**
   * The group of each online entry (same index): NO_OPERATOR when it names none, UNDECIDED
   * when its name is several numbered operators' and only some are in the baseline.
   */
  readonly online: Int32Array;
  /** The group of each baseline entry (same index), NO_OPERATOR when it names none. */
  readonly baseline: Int32Array;
  /** Per group: the index of its first baseline entry, -1 when it is not in the baseline. */
  readonly firstBaseline: Int32Array;
  /** Per online entry: 1 when it has no number and its name is several numbered operators'. */
  readonly ambiguous: Uint8Array;
  /** Per baseline entry: the same (it is taken as one of them: see operatorIdentity.ts). */
  readonly baselineAmbiguous: Uint8Array;
}

/**
 * Counts the entry sheets. Rows count when dated from the fiscal year's first day to the
 * earlier of asOf and its last day, with a known district. An activity counts unless it used
 * a government budget (an unreadable budget cell does not count either); an exact duplicate
 * row counts once. A new operator is an operator (see groupOperators) with a counted online
 * row (also needing a known channel) and no row in the baseline; it counts once, for the
 * district of its earliest counted row, and brings all its counted rows' channels there.
 * @param input the district list, the sheets' rows, the period
 * @return the counts with their evidence (the rows counted)
 */
export function tally(input: TallyInput): TallyResult {
  const pass = countingPass_(input, readActivities);
  const activities = pass.activities.sort(
    (a, b) => a.districtIndex - b.districtIndex || (a.day as Day) - (b.day as Day) || a.row - b.row,
  );
  return {
    districts: districtTallies_(input, pass),
    activities,
    newOperators: newOperatorEvidence_(input, pass.operators),
  };
}

/**
 * The counts of tally() alone, without building the evidence: what OTOP_TALLY needs, on
 * every recalculation, for up to hundreds of thousands of rows.
 * @param input the district list, the sheets' rows, the period
 */
export function tallyCounts(input: TallyInput): DistrictTally[] {
  return districtTallies_(input, countingPass_(input, readActivityKeys));
}

/** What one pass over the sheets finds: the counted activities and the operators. */
interface CountingPass<A extends ActivityKey> {
  readonly context: ReadContext;
  readonly activities: A[];
  readonly operators: CountedOperators;
}

/** The shared pass of tally and tallyCounts; `read` reads the activity rows in full or not. */
function countingPass_<A extends ActivityKey>(
  input: TallyInput,
  read: (rows: Rows, context: ReadContext, shape: SheetShape<ActivityColumn>) => A[],
): CountingPass<A> {
  const context = readContext(input.districts, input.channelRows, input.memo);
  const { start, end: fyEnd } = fiscalYearBounds(input.fiscalYear);
  const end = Math.min(fyEnd, input.asOf);
  const inPeriod = (day: Day | null): day is Day => day !== null && day >= start && day <= end;
  const shape = input.shapes?.activities ?? ACTIVITY_SHAPE;
  const activities = countedActivities_(
    read(input.activities, context, shape),
    input.activities,
    shape,
    input.districts.length,
    inPeriod,
  );
  return { context, activities, operators: countedOperators_(input, context, inPeriod) };
}

/** The counts per district, in the order of the district list. */
function districtTallies_(input: TallyInput, pass: CountingPass<ActivityKey>): DistrictTally[] {
  const size = input.districts.length;
  const activityCount = new Array<number>(size).fill(0);
  for (const entry of pass.activities) activityCount[entry.districtIndex]++;
  const { rows, first, earliest, next } = pass.operators;
  const operatorCount = new Array<number>(size).fill(0);
  const days = Array.from({ length: size }, (): Day[] => []);
  const channels = Array.from({ length: size }, () => new Set<string>());
  for (let group = 0; group < first.length; group++) {
    if (first[group] < 0) continue;
    const district = rows.district[earliest[group]];
    operatorCount[district]++;
    days[district].push(rows.day[earliest[group]] as Day);
    for (let i = first[group]; i >= 0; i = next[i]) channels[district].add(rows.channelNames[rows.channel[i]]);
  }
  // Each measure is counted its own way (events, distinct channels, distinct operators), so they are named here.
  return input.districts.map((district): DistrictTally => {
    const i = pass.context.districtOf(district); // a name listed twice gets the first one's counts
    if (i < 0) return { district, activities: 0, channels: 0, newOperators: 0, channelNames: [], operatorDays: [] };
    return {
      district,
      activities: activityCount[i],
      channels: channels[i].size,
      newOperators: operatorCount[i],
      channelNames: [...channels[i]],
      operatorDays: days[i],
    };
  });
}

/**
 * Groups the rows of the baseline and online sheets into operators by the identity rule
 * (operatorIdentity.ts): the same registration number (in any district), or, where a side has
 * no number, the same name key in the same district.
 * @param baseline the baseline entries
 * @param online the online entries
 */
export function groupOperators(baseline: readonly BaselineEntry[], online: readonly OnlineEntry[]): OperatorGroups {
  const index = new OperatorIndex();
  const baselineNodes = baseline.map((e) => index.add(e));
  const onlineNodes = online.map((e) => index.add(e));
  const resolved = index.resolve(baselineNodes);
  const operatorOf = (node: number) => resolved.operatorOf(node);
  const firstBaseline = new Int32Array(resolved.size);
  for (let op = 0; op < resolved.size; op++) firstBaseline[op] = resolved.baselineRowOf(op);
  return {
    online: Int32Array.from(onlineNodes, operatorOf),
    baseline: Int32Array.from(baselineNodes, operatorOf),
    firstBaseline,
    ambiguous: Uint8Array.from(onlineNodes, (node) => (resolved.isAmbiguous(node) ? 1 : 0)),
    baselineAmbiguous: Uint8Array.from(baselineNodes, (node) => (resolved.isAmbiguous(node) ? 1 : 0)),
  };
}

/**
 * The baseline rows that can change what groupOperators makes of some online rows (which
 * operator each is, whether it is ambiguous, and which baseline row it is first in): the rows
 * of the online rows' districts, and the numbered rows of any district whose number is on one
 * of those online or baseline rows, in their order. A name counts only within its district
 * (operatorIdentity.ts), so another district's row without a number, or with a number met
 * nowhere here, names an operator none of these online rows can be: leaving it out changes no
 * operator of them, and no first row of one. The data check groups each district's online rows
 * with the baseline; with this, not with all of it.
 * @param baseline the baseline entries, in row order
 * @param online the online entries (a district's)
 * @return the kept entries, in row order (a subsequence of baseline)
 */
export function baselineFor<B extends OperatorKey>(baseline: readonly B[], online: readonly OperatorKey[]): B[] {
  const districts = new Set<number>();
  const numbers = new Set<string>();
  for (const e of online) {
    districts.add(e.districtIndex);
    if (e.regNo !== '') numbers.add(e.regNo);
  }
  for (const e of baseline) if (e.regNo !== '' && districts.has(e.districtIndex)) numbers.add(e.regNo);
  return baseline.filter((e) => districts.has(e.districtIndex) || (e.regNo !== '' && numbers.has(e.regNo)));
}

/**
 * The activities that count: in the period, a known district, no government budget, and not
 * an exact duplicate of an earlier row. Content keys are computed only for rows that share a
 * day and a district with another (duplicates always do), so most rows need none.
 */
function countedActivities_<A extends ActivityKey>(
  entries: readonly A[],
  rows: Rows,
  shape: SheetShape<ActivityColumn>,
  districts: number,
  inPeriod: (day: Day | null) => day is Day,
): A[] {
  const out: A[] = [];
  const bySlot = new Map<number, A | null>(); // null once that entry's key is in `keys`
  const keys = new Set<string>();
  const cells = layoutColumns(ACTIVITY_LAYOUT, shape.columns);
  const keyOf = (e: A) => rowContentKey(rows[e.row], cells, { column: shape.columns.date, day: e.day });
  for (const entry of entries) {
    if (!inPeriod(entry.day) || entry.districtIndex < 0 || entry.budgetUsed !== false) continue;
    const slot = entry.day * districts + entry.districtIndex; // a number: no string per row
    const other = bySlot.get(slot);
    if (other === undefined) {
      bySlot.set(slot, entry);
      out.push(entry);
      continue;
    }
    if (other !== null) {
      keys.add(keyOf(other));
      bySlot.set(slot, null);
    }
    const key = keyOf(entry);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(entry);
  }
  return out;
}

/** The counting cells of the online rows, one slot per row. */
interface CountingRows {
  /** The operator node of a row that counts, -1 for any other row. */
  readonly node: Int32Array;
  readonly day: Int32Array;
  readonly district: Int32Array;
  /** Index in channelNames. */
  readonly channel: Int32Array;
  readonly channelNames: readonly string[];
}

/**
 * The new operators as groups of counted online rows: groups (operators) with a counted row
 * and no baseline row have `first` >= 0, their rows linked through `next`.
 */
interface CountedOperators {
  readonly rows: CountingRows;
  /** Per group: its first counted row, -1 when it is not a new operator. */
  readonly first: Int32Array;
  /** Per group: its earliest counted row (the first of those with the lowest day). */
  readonly earliest: Int32Array;
  /** Per online row: the next counted row of its group, -1 at the end. */
  readonly next: Int32Array;
}

/** Groups the counted online rows into new operators (typed arrays, no object per row). */
function countedOperators_(
  input: TallyInput,
  context: ReadContext,
  inPeriod: (day: Day | null) => day is Day,
): CountedOperators {
  const index = new OperatorIndex();
  const baselineNodes: number[] = [];
  // The online rows are read first (the baseline's rows a memo leaves out depend on their
  // numbers), but the baseline's keys still enter the index before theirs.
  const keys = onlineKeys(input.online, context, input.shapes?.online ?? ONLINE_SHAPE, input.memo);
  const baselineShape = input.shapes?.baseline ?? BASELINE_SHAPE;
  const addBaseline = (key: OperatorKey) => baselineNodes.push(index.add(key));
  if (input.memo) {
    forEachBaselineKeyFor(input.baseline, context, baselineShape, input.memo, numbersOf_(keys), addBaseline);
  } else {
    forEachBaselineKey(input.baseline, context, baselineShape, addBaseline);
  }
  const size = input.online.length;
  const rows = countingRows_(keys, index, inPeriod);
  const resolved = index.resolve(baselineNodes);
  const count = resolved.size;
  const first = new Int32Array(count).fill(-1);
  const earliest = new Int32Array(count);
  const last = new Int32Array(count);
  const next = new Int32Array(size).fill(-1);
  for (let i = 0; i < size; i++) {
    if (rows.node[i] < 0) continue;
    const group = resolved.operatorOf(rows.node[i]);
    if (group < 0 || resolved.baselineRowOf(group) >= 0) continue;
    if (first[group] < 0) {
      first[group] = earliest[group] = last[group] = i;
    } else {
      next[last[group]] = i;
      last[group] = i;
      if (rows.day[i] < rows.day[earliest[group]]) earliest[group] = i;
    }
  }
  return { rows, first, earliest, next };
}

/**
 * The new operators with their evidence, by district, day and row. The evidence cells
 * (number, name, link) are read for their rows only.
 */
function newOperatorEvidence_(input: TallyInput, operators: CountedOperators): NewOperator[] {
  const { rows: counting, first, earliest, next } = operators;
  const rows = input.online;
  const O = (input.shapes?.online ?? ONLINE_SHAPE).columns;
  const cell = (row: readonly unknown[], column: number) => (column >= 0 ? row[column] : '');
  const out: NewOperator[] = [];
  for (let group = 0; group < first.length; group++) {
    if (first[group] < 0) continue;
    const top = earliest[group];
    const district = counting.district[top];
    const op = {
      districtIndex: district,
      district: input.districts[district],
      regNo: '',
      regNoText: '',
      name: '',
      day: counting.day[top],
      channels: [] as string[],
      links: [] as string[],
      rows: [] as number[],
    };
    for (let i = first[group]; i >= 0; i = next[i]) {
      const row = rows[i];
      if (op.regNo === '') {
        op.regNo = regNoKey(cell(row, O.regNo));
        if (op.regNo !== '') op.regNoText = cellText(cell(row, O.regNo));
      }
      if (op.name === '') op.name = cellText(cell(row, O.name));
      addOnce_(op.channels, counting.channelNames[counting.channel[i]]);
      addOnce_(op.links, cellText(cell(row, O.link)));
      op.rows.push(i);
    }
    out.push(op);
  }
  return out.sort((a, b) => a.districtIndex - b.districtIndex || a.day - b.day || a.rows[0] - b.rows[0]);
}

/** The distinct registration numbers' keys of online rows. */
function numbersOf_(keys: OnlineKeys): Set<string> {
  const numbers = new Set<string>();
  for (let i = 0; i < keys.size; i++) if (keys.regNo[i] !== '') numbers.add(keys.regNo[i]);
  return numbers;
}

/**
 * One pass over the online rows' keys: every row adds its operator keys to the index (identity
 * links hold whatever the row's date or channel); the rows that count keep their cells in
 * typed arrays, so no object is kept per row.
 */
function countingRows_(
  keys: OnlineKeys,
  index: OperatorIndex,
  inPeriod: (day: Day | null) => day is Day,
): CountingRows {
  const size = keys.size;
  const node = new Int32Array(size).fill(-1);
  const day = new Int32Array(size);
  const district = new Int32Array(size);
  const channel = new Int32Array(size);
  const channelNames: string[] = [];
  const channelIds = new Map<string, number>();
  const key = { regNo: '', districtIndex: -1, nameKey: '' }; // OperatorIndex.add keeps no key
  for (let i = 0; i < size; i++) {
    if (keys.present[i] === 0) continue;
    key.regNo = keys.regNo[i];
    key.districtIndex = keys.districtIndex[i];
    key.nameKey = keys.nameKey[i];
    const id = index.add(key);
    const rowDay = keys.day[i] === NO_DAY ? null : (keys.day[i] as Day);
    const rowChannel = keys.channel[i];
    if (id < 0 || !inPeriod(rowDay) || key.districtIndex < 0 || rowChannel === undefined) continue;
    let channelId = channelIds.get(rowChannel);
    if (channelId === undefined) {
      channelId = channelNames.push(rowChannel) - 1;
      channelIds.set(rowChannel, channelId);
    }
    node[i] = id;
    day[i] = rowDay;
    district[i] = key.districtIndex;
    channel[i] = channelId;
  }
  return { node, day, district, channel, channelNames };
}

/** Adds a non-blank text to a short list unless it is there already. */
function addOnce_(list: string[], text: string): void {
  if (text !== '' && !list.includes(text)) list.push(text);
}
