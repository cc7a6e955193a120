/**
 * The tally of the entry sheets: per district, the non-budget activities, the online
 * channels with a new operator and the new operators, with the evidence (the rows counted).
 * One pass over each sheet with hash maps: 100 000 online rows take well under a second.
 */
import { Day } from './civilDate';
import { ActivityEntry, BaselineEntry, OnlineEntry, readActivities, readBaseline, readContext, readOnline, Rows, rowContentKey } from './entries';
import { ACTIVITY_COLUMNS, ACTIVITY_WIDTH } from './entryLayout';
import { fiscalYearBounds } from './fiscalYear';

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
}

/** The counts of one district. */
export interface DistrictTally {
  /** The district name as given in the list. */
  readonly district: string;
  /** Non-budget activities in the period. */
  readonly activities: number;
  /** Distinct channels with at least one new operator. */
  readonly channels: number;
  /** Distinct new operators. */
  readonly newOperators: number;
  /** The canonical names of those channels. */
  readonly channelNames: readonly string[];
}

/** A new operator counted, with its evidence. */
export interface NewOperator {
  /** Index in the district list of the district it counts for. */
  readonly districtIndex: number;
  /** The district name as given in the list. */
  readonly district: string;
  /** The registration number's key, '' when none of its rows has one. */
  readonly regNo: string;
  /** The first name given on its rows. */
  readonly name: string;
  /** Its earliest counted row's day. */
  readonly day: Day;
  /** Canonical channels, in row order. */
  readonly channels: readonly string[];
  /** Distinct products, in row order. */
  readonly products: readonly string[];
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

/** Operators as groups of rows: two rows are one operator when linked by number or name. */
export interface OperatorGroups {
  /** The group of each online entry (same index), -1 when it names no operator. */
  readonly online: Int32Array;
  /** The group of each baseline entry (same index), -1 when it names no operator. */
  readonly baseline: Int32Array;
  /** Per group: the index of its first baseline entry, -1 when it is not in the baseline. */
  readonly firstBaseline: Int32Array;
}

/**
 * Counts the entry sheets. Rows count when dated from the fiscal year's first day to the
 * earlier of asOf and its last day, with a known district. An activity counts unless it used
 * a government budget (an unreadable budget cell does not count either); an exact duplicate
 * row counts once. A new operator is an operator (see groupOperators) with a counted online
 * row (also needing a known channel) and no row in the baseline; it counts once, for the
 * district of its earliest counted row, and brings all its counted rows' channels there.
 * @param input the district list, the sheets' rows, the period
 */
export function tally(input: TallyInput): TallyResult {
  const T = (globalThis as any).performance; const t: number[] = [T.now()]; const lap = () => t.push(T.now());
  const context = readContext(input.districts, input.channelRows);
  const { start, end: fyEnd } = fiscalYearBounds(input.fiscalYear);
  const end = Math.min(fyEnd, input.asOf);
  const inPeriod = (day: Day | null): day is Day => day !== null && day >= start && day <= end;
  const size = input.districts.length;

  const acts = readActivities(input.activities, context); lap();
  const counted = countedActivities_(acts, input.activities, inPeriod); lap();
  const activityCount = new Array<number>(size).fill(0);
  for (const entry of counted) activityCount[entry.districtIndex]++;

  const online = readOnline(input.online, context); lap();
  const base = readBaseline(input.baseline, context); lap();
  const groups = groupOperators(base, online); lap();
  const operators = newOperators_(online, groups, inPeriod, input.districts); lap();

  const operatorCount = new Array<number>(size).fill(0);
  const channels = Array.from({ length: size }, () => new Set<string>());
  for (const op of operators) {
    operatorCount[op.districtIndex]++;
    for (const channel of op.channels) channels[op.districtIndex].add(channel);
  }
  const districts = input.districts.map((district): DistrictTally => {
    const i = context.districtOf(district); // a name listed twice gets the first one's counts
    if (i < 0) return { district, activities: 0, channels: 0, newOperators: 0, channelNames: [] };
    return { district, activities: activityCount[i], channels: channels[i].size, newOperators: operatorCount[i], channelNames: [...channels[i]] };
  });
  counted.sort((a, b) => a.districtIndex - b.districtIndex || (a.day as Day) - (b.day as Day) || a.row - b.row);
  lap(); console.log('readAct countAct readOnline readBase group newOps rest:', t.slice(1).map((x, i) => (x - t[i]).toFixed(0)).join(' '));
  return { districts, activities: counted, newOperators: operators };
}

/**
 * Groups the rows of the baseline and online sheets into operators. Two rows are the same
 * operator when they have the same registration number (in any district), or the same name
 * key in the same district (also when one of them has a number or they have different
 * numbers); the relation is transitive (union-find over number and district+name keys).
 * @param baseline the baseline entries
 * @param online the online entries
 */
export function groupOperators(baseline: readonly BaselineEntry[], online: readonly OnlineEntry[]): OperatorGroups {
  const parent: number[] = [];
  const byNumber = new Map<string, number>();
  const byName = new Map<number, Map<string, number>>(); // district → name key → node
  const node = (map: Map<string, number>, key: string): number => {
    let id = map.get(key);
    if (id === undefined) {
      id = parent.length;
      map.set(key, id);
      parent.push(id);
    }
    return id;
  };
  const find = (id: number): number => {
    while (parent[id] !== id) id = parent[id] = parent[parent[id]];
    return id;
  };
  const nodeOf = (entry: BaselineEntry | OnlineEntry): number => {
    const numberNode = entry.regNo === '' ? -1 : node(byNumber, entry.regNo);
    let nameNode = -1;
    if (entry.nameKey !== '' && entry.districtIndex >= 0) {
      let names = byName.get(entry.districtIndex);
      if (names === undefined) byName.set(entry.districtIndex, (names = new Map()));
      nameNode = node(names, entry.nameKey);
    }
    if (numberNode >= 0 && nameNode >= 0) {
      const a = find(numberNode);
      const b = find(nameNode);
      if (a !== b) parent[b] = a;
    }
    return numberNode >= 0 ? numberNode : nameNode;
  };
  const baselineNodes = baseline.map(nodeOf);
  const onlineNodes = online.map(nodeOf);

  const groupOfRoot = new Int32Array(parent.length).fill(-1);
  let groupCount = 0;
  const groupOf = (id: number): number => {
    if (id < 0) return -1;
    const root = find(id);
    if (groupOfRoot[root] < 0) groupOfRoot[root] = groupCount++;
    return groupOfRoot[root];
  };
  const baselineGroups = Int32Array.from(baselineNodes, groupOf);
  const onlineGroups = Int32Array.from(onlineNodes, groupOf);
  const firstBaseline = new Int32Array(groupCount).fill(-1);
  for (let i = baselineGroups.length - 1; i >= 0; i--) {
    if (baselineGroups[i] >= 0) firstBaseline[baselineGroups[i]] = i;
  }
  return { online: onlineGroups, baseline: baselineGroups, firstBaseline };
}

/**
 * The activities that count: in the period, a known district, no government budget, and not
 * an exact duplicate of an earlier row. Content keys are computed only for rows that share a
 * day and a district with another (duplicates always do), so most rows need none.
 */
function countedActivities_(entries: readonly ActivityEntry[], rows: Rows, inPeriod: (day: Day | null) => day is Day): ActivityEntry[] {
  const out: ActivityEntry[] = [];
  const bySlot = new Map<string, ActivityEntry | null>(); // null once that entry's key is in `keys`
  const keys = new Set<string>();
  const keyOf = (e: ActivityEntry) => rowContentKey(rows[e.row], ACTIVITY_WIDTH, { column: ACTIVITY_COLUMNS.date, day: e.day });
  for (const entry of entries) {
    if (!inPeriod(entry.day) || entry.districtIndex < 0 || entry.budgetUsed !== false) continue;
    const slot = `${entry.day}|${entry.districtIndex}`;
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

/** The new operators of the counted online rows, by district, day and row. */
function newOperators_(
  online: readonly OnlineEntry[],
  groups: OperatorGroups,
  inPeriod: (day: Day | null) => day is Day,
  districts: readonly string[],
): NewOperator[] {
  // Per group: its first and its earliest counted entry, and its counted entries as a list.
  const groupCount = groups.firstBaseline.length;
  const first = new Int32Array(groupCount).fill(-1);
  const earliest = new Int32Array(groupCount);
  const last = new Int32Array(groupCount);
  const next = new Int32Array(online.length).fill(-1);
  for (let i = 0; i < online.length; i++) {
    const entry = online[i];
    const group = groups.online[i];
    if (group < 0 || groups.firstBaseline[group] >= 0) continue;
    if (!inPeriod(entry.day) || entry.districtIndex < 0 || entry.channel === undefined) continue;
    if (first[group] < 0) {
      first[group] = earliest[group] = last[group] = i;
    } else {
      next[last[group]] = i;
      last[group] = i;
      if ((entry.day as Day) < (online[earliest[group]].day as Day)) earliest[group] = i;
    }
  }
  const operators: NewOperator[] = [];
  const order: number[] = [];
  for (let group = 0; group < groupCount; group++) {
    if (first[group] < 0) continue;
    const top = online[earliest[group]];
    const op = { districtIndex: top.districtIndex, district: districts[top.districtIndex], regNo: '', name: '', day: top.day as Day, channels: [] as string[], products: [] as string[], links: [] as string[], rows: [] as number[] };
    for (let i = first[group]; i >= 0; i = next[i]) {
      const entry = online[i];
      if (op.regNo === '') op.regNo = entry.regNo;
      if (op.name === '') op.name = entry.name;
      addOnce_(op.channels, entry.channel as string);
      addOnce_(op.products, entry.product);
      addOnce_(op.links, entry.link);
      op.rows.push(entry.row);
    }
    operators.push(op);
    order.push(first[group]);
  }
  const index = operators.map((_, i) => i);
  index.sort((a, b) => operators[a].districtIndex - operators[b].districtIndex || operators[a].day - operators[b].day || order[a] - order[b]);
  return index.map((i) => operators[i]);
}

/** Adds a non-blank text to a short list unless it is there already. */
function addOnce_(list: string[], text: string): void {
  if (text !== '' && !list.includes(text)) list.push(text);
}
