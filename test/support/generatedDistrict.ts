/**
 * Generated district workbooks for the property tests (issue 20): a district's entries as
 * meanings (days, operators, channels, budget answers), rendered as officers type them (Thai
 * and Arabic digits, every date form, two-digit and BE years in date cells, impossible dates,
 * channel aliases, names with random spaces, zero-width characters and case, registration
 * numbers with and without dashes, blank rows, moved columns), and an independent reading of
 * the letter's rules over the meanings (`expectedCounts`), written from docs/domain.md alone: it
 * shares no code with the add-on's tally.
 */
import fc from 'fast-check';
import { DEFAULT_CHANNEL_ROWS } from '../../src/features/counting/rules/channels';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../src/features/counting/rules/entryLayout';
import { THAI_MONTHS, THAI_MONTHS_SHORT } from '../../src/kernel/thaiDate';

/** The district the sheets belong to, and another one. */
export const DISTRICT = 'ท่าบ่อ';
export const OTHER_DISTRICT = 'สังคม';
/** The fiscal years generated: the letter's, one with 29 Feb, one whose BE year is a CE leap year. */
export const FISCAL_YEARS = [2565, 2567, 2568] as const;
const DAY_MS = 86_400_000;
/** FY N runs 1 Oct (N−1) – 30 Sep N BE: its first and last day indices. */
const fyStart = (fy: number) => Date.UTC(fy - 544, 9, 1) / DAY_MS;
const fyEnd = (fy: number) => Date.UTC(fy - 543, 8, 30) / DAY_MS;

/** A calendar day as CE year, month, day. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** A day index (days since 1970-01-01) of a CE day. */
export const dayIndex = (x: Ymd): number => Date.UTC(x.y, x.m - 1, x.d) / DAY_MS;
const ymdOfIndex = (i: number): Ymd => {
  const t = new Date(i * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** An operator: a registration number ('' when it has none) and a name. */
export interface Operator {
  readonly reg: string;
  readonly name: string;
}

/** What a date cell holds: a real day, an impossible day, or nothing readable. */
export type DateMeaning = { kind: 'day'; day: Ymd } | { kind: 'impossible' } | { kind: 'blank' };

/** An activity row's meaning. */
export interface ActivityMeaning {
  readonly date: DateMeaning;
  readonly budget: 'notUsed' | 'blank' | 'used' | 'unreadable';
  /** Its event: rows of one event are exact duplicates (counted once). */
  readonly event: number;
}

/** An online row's meaning. */
export interface OnlineMeaning {
  readonly date: DateMeaning;
  /** Index in the operator pool. */
  readonly operator: number;
  /** Whether the row gives the operator's number (an operator without one never does). */
  readonly withNumber: boolean;
  /** A canonical channel, or null for a name that is no channel. */
  readonly channel: string | null;
}

/** A baseline row's meaning. */
export interface BaselineMeaning {
  readonly operator: number;
  readonly withNumber: boolean;
  /** Whether the row names this district (else the other one). */
  readonly here: boolean;
}

/** A district workbook's meaning. */
export interface DistrictMeaning {
  /** The BE fiscal year counted. */
  readonly fy: number;
  readonly operators: readonly Operator[];
  readonly activities: readonly ActivityMeaning[];
  readonly online: readonly OnlineMeaning[];
  readonly baseline: readonly BaselineMeaning[];
  /** The count-up-to day. */
  readonly asOf: Ymd;
  readonly registered: number;
}

/** Group names that repeat from village to village: operators often share one. */
const NAMES = ['กลุ่มแม่บ้านเกษตรกร', 'กลุ่มทอผ้าบ้านโนน', 'วิสาหกิจชุมชนข้าวหอม', 'OTOP Shop', 'ร้านป้าแดง'];
const CHANNELS = DEFAULT_CHANNEL_ROWS.map((row) => row[0]);

const ymdIn = (from: number, to: number) => fc.integer({ min: from, max: to }).map(ymdOfIndex);

/** A date meaning: mostly days of the year, some a month either side, some impossible or blank. */
const dateMeaning = (fy: number): fc.Arbitrary<DateMeaning> =>
  fc.oneof(
    { weight: 12, arbitrary: ymdIn(fyStart(fy) - 31, fyEnd(fy) + 31).map((day) => ({ kind: 'day' as const, day })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'impossible' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
  );

/**
 * A district workbook's meaning: a pool of operators (names shared, numbers distinct, some
 * without a number), its activities, online rows and baseline rows.
 */
export const districtMeaning: fc.Arbitrary<DistrictMeaning> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom(...FISCAL_YEARS),
  )
  .chain(([numbers, fy]) =>
    fc.record({
      fy: fc.constant(fy),
      operators: fc.tuple(
        ...numbers.map((n) =>
          fc.record({
            reg: fc.oneof(
              { weight: 4, arbitrary: fc.constant(`4303${String(n).padStart(4, '0')}`) },
              { weight: 1, arbitrary: fc.constant('') },
            ),
            name: fc.constantFrom(...NAMES),
          }),
        ),
      ),
      activities: fc.array(
        fc.record({
          date: dateMeaning(fy),
          budget: fc.constantFrom(
            'notUsed' as const,
            'notUsed' as const,
            'blank' as const,
            'used' as const,
            'unreadable' as const,
          ),
          event: fc.integer({ min: 0, max: 11 }),
        }),
        { maxLength: 12 },
      ),
      online: fc.array(
        fc.record({
          date: dateMeaning(fy),
          operator: fc.integer({ min: 0, max: numbers.length - 1 }),
          withNumber: fc.boolean(),
          channel: fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...CHANNELS) },
            { weight: 1, arbitrary: fc.constant(null) },
          ),
        }),
        { maxLength: 14 },
      ),
      baseline: fc.array(
        fc.record({
          operator: fc.integer({ min: 0, max: numbers.length - 1 }),
          withNumber: fc.boolean(),
          here: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
      asOf: fc.oneof(ymdIn(fyStart(fy), fyEnd(fy)), fc.constant(ymdOfIndex(fyEnd(fy)))),
      registered: fc.integer({ min: 0, max: 300 }),
    }),
  )
  .map((m) => ({
    ...m,
    // Rows of one event are one event typed again: the same day and budget answer.
    activities: m.activities.map((a) => {
      const first = m.activities.find((b) => b.event === a.event) ?? a;
      return { ...a, date: first.date, budget: first.budget };
    }),
  }));

/** The counts the letter's rules give a district. */
export interface Counts {
  readonly activities: number;
  readonly channels: number;
  readonly newOperators: number;
}

/**
 * The letter's counts of a district workbook's meaning (docs/domain.md#what-is-measured), independent of the add-on's
 * code: rows count when dated within the fiscal year up to asOf; activities without a government
 * budget (blank = none, unreadable = not counted), an event once; an operator is its number
 * when a row gives one, its name (in the district) only where a side has no number; a baseline
 * name without a number that several numbered operators carry is one of them (the one listed by
 * number, else the lowest-numbered); an online name without a number that several carry is one
 * of them: counted with them when they are all new or all in the baseline, for none otherwise.
 * @param m the meaning
 */
export function expectedCounts(m: DistrictMeaning): Counts {
  const end = Math.min(dayIndex(m.asOf), fyEnd(m.fy));
  const counted = (date: DateMeaning) =>
    date.kind === 'day' && dayIndex(date.day) >= fyStart(m.fy) && dayIndex(date.day) <= end;
  const events = new Set<number>();
  for (const a of m.activities) {
    if (counted(a.date) && (a.budget === 'notUsed' || a.budget === 'blank')) events.add(a.event);
  }
  const op = (i: number) => m.operators[i];
  const numbered = (i: number, withNumber: boolean) => withNumber && op(i).reg !== '';
  // Numbers carrying each name in this district (baseline rows here and every online row).
  const numbersNamed = (name: string) => {
    const regs = new Set<string>();
    for (const r of m.online)
      if (numbered(r.operator, r.withNumber) && op(r.operator).name === name) regs.add(op(r.operator).reg);
    for (const b of m.baseline)
      if (b.here && numbered(b.operator, b.withNumber) && op(b.operator).name === name) regs.add(op(b.operator).reg);
    return [...regs].sort();
  };
  const listedByNumber = (reg: string) =>
    m.baseline.some((b) => numbered(b.operator, b.withNumber) && op(b.operator).reg === reg);
  // A baseline row without a number is one operator of its name: the only one, the one listed by
  // number, or else the lowest-numbered (the others stay new).
  const meantByName = (name: string): string[] => {
    const regs = numbersNamed(name);
    if (regs.length <= 1 || regs.some(listedByNumber)) return regs.length === 1 ? regs : [];
    return [regs[0]];
  };
  const oldNumber = (reg: string) =>
    listedByNumber(reg) ||
    m.baseline.some(
      (b) => b.here && !numbered(b.operator, b.withNumber) && meantByName(op(b.operator).name).includes(reg),
    );
  const oldName = (name: string) => m.baseline.some((b) => b.here && op(b.operator).name === name);
  const operators = new Set<string>();
  const channels = new Set<string>();
  for (const r of m.online) {
    if (!counted(r.date) || r.channel === null) continue;
    let who: string | null;
    if (numbered(r.operator, r.withNumber)) who = oldNumber(op(r.operator).reg) ? null : `#${op(r.operator).reg}`;
    else {
      const regs = numbersNamed(op(r.operator).name);
      if (regs.length === 0) who = oldName(op(r.operator).name) ? null : `@${op(r.operator).name}`;
      else {
        const old = regs.filter(oldNumber).length;
        who = old === 0 ? `#${regs[0]}` : null; // all old or some old: counts for none
      }
    }
    if (who === null) continue;
    operators.add(who);
    channels.add(r.channel);
  }
  return { activities: events.size, channels: channels.size, newOperators: operators.size };
}

/** How a rendering varies what officers type. */
export interface Style {
  /** Per cell: which form (an index, taken modulo the forms available). */
  readonly picks: readonly number[];
  /** Where fully blank rows go (indices into the rows), and the columns' order. */
  readonly blankAt: readonly number[];
  readonly columnSeed: number;
}

/** A random style. */
export const style: fc.Arbitrary<Style> = fc.record({
  picks: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
  blankAt: fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
  columnSeed: fc.nat(),
});

/** The rendered sheets: header row first, columns in the style's order. */
export interface RenderedDistrict {
  readonly activities: unknown[][];
  readonly online: unknown[][];
  readonly baseline: unknown[][];
  readonly registered: unknown;
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thai = (s: string) => s.replace(/[0-9]/g, (c) => THAI_DIGITS[Number(c)]);
const MONTHS = THAI_MONTHS;
const SHORT = THAI_MONTHS_SHORT;
const two = (n: number) => String(n).padStart(2, '0');

/** A picker over a style's choices: each call takes the next one. */
function picker(s: Style) {
  let i = 0;
  return <T>(forms: readonly T[]): T => forms[s.picks[i++ % s.picks.length] % forms.length];
}

/** Every form officers type a real day in (README), as a cell value. */
function dateForms(x: Ymd): unknown[] {
  const be = x.y + 543;
  const forms: unknown[] = [
    new Date(x.y, x.m - 1, x.d), // a date cell
    `${two(x.d)}/${two(x.m)}/${be}`,
    `${x.d}-${x.m}-${String(be).slice(-2)}`,
    `${two(x.d)}.${two(x.m)}.${x.y}`,
    `${x.y}-${two(x.m)}-${two(x.d)}`,
    `${x.d} ${MONTHS[x.m - 1]} ${be}`,
    thai(`${x.d} ${SHORT[x.m - 1]} ${String(be).slice(-2)}`),
    `วันที่ ${x.d} ${SHORT[x.m - 1]} พ.ศ. ${be}`,
    ` ${two(x.d)} / ${two(x.m)} / ${be} `,
  ];
  // A BE year typed into a date cell lands in CE `be`: only where that day exists there.
  if (!(x.m === 2 && x.d === 29 && !isLeap(be))) forms.push(new Date(be, x.m - 1, x.d));
  // A two-digit BE year typed into a date cell: Sheets makes 19yy (1930–1999).
  const short = 1900 + (be % 100);
  if (short >= 1930 && short <= 1999 && !(x.m === 2 && x.d === 29 && !isLeap(short)))
    forms.push(new Date(short, x.m - 1, x.d));
  return forms;
}

/** Days that do not exist, typed as text or made a date cell by Sheets in the wrong calendar year. */
const IMPOSSIBLE: readonly unknown[] = [
  '31/04/2565',
  '29/02/2565',
  '๓๐ ก.พ. ๖๕',
  new Date(2568, 1, 29),
  new Date(1968, 1, 29),
];

/** Random white space and zero-width characters inside a name, and its case. */
function messyName(name: string, pick: ReturnType<typeof picker>): string {
  const noise = ['', '', ' ', '  ', '\u200b', '\u00a0', '\u200c'];
  let out = pick(['', ' ', '\u200b']);
  for (const ch of name) out += ch + pick(noise);
  out = pick([out, out.toLowerCase(), out.toUpperCase()]);
  return out;
}

/** A registration number as typed: with or without dashes and spaces, Thai or Arabic digits. */
function messyReg(reg: string, pick: ReturnType<typeof picker>): unknown {
  const dashed = `${reg.slice(0, 4)}-${reg.slice(4)}`;
  return pick([
    reg,
    dashed,
    thai(dashed),
    thai(reg),
    ` ${reg.slice(0, 4)} ${reg.slice(4)} `,
    `${reg.slice(0, 4)}.${reg.slice(4)}`,
    Number(reg),
  ]);
}

/** A channel as typed: one of its aliases, spaced or cased. */
function messyChannel(channel: string | null, pick: ReturnType<typeof picker>): string {
  if (channel === null) return pick(['ช่องทางอื่นๆ', 'ตลาดนัดออนไลน์ของหมู่บ้าน', 'Facebok Lite x']);
  const row = DEFAULT_CHANNEL_ROWS.find((r) => r[0] === channel) as readonly string[];
  const alias = pick(row.filter((a) => !a.includes('.')));
  return pick([alias, alias.toLowerCase(), ` ${alias} `, alias.split('').join(pick(['', '\u200b']))]);
}

const BUDGET: Record<ActivityMeaning['budget'], readonly unknown[]> = {
  notUsed: ['ไม่ใช้', 'ไม่ได้ใช้งบ', 'no', ' ไม่ ใช้ ', false],
  blank: ['', '  '],
  used: ['ใช้', 'ใช้งบประมาณ', 'yes', true],
  unreadable: ['อาจจะ', 'ไม่แน่ใจ'],
};

/** Rows with fully blank rows inserted. */
function withBlanks(rows: unknown[][], width: number, at: readonly number[]): unknown[][] {
  const out = [...rows];
  for (const i of at) out.splice(Math.min(i, out.length), 0, Array(width).fill(''));
  return out;
}

/** A permutation of n columns from a seed (the identity for seed 0). */
function columnOrder(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A sheet's header and rows with columns moved. */
function moved(headers: readonly string[], rows: unknown[][], seed: number | null): unknown[][] {
  const order = seed === null ? headers.map((_, i) => i) : columnOrder(headers.length, seed);
  return [order.map((c) => headers[c]), ...rows.map((r) => order.map((c) => r[c]))];
}

/**
 * Renders a meaning as officers might type it.
 * @param m the meaning
 * @param s the style
 * @param columns 'asLaidOut' keeps set-up's column order: typing into a set-up sheet, where each
 *   column has its format (a moved column takes its format along, so typing moved content over
 *   set-up's columns would not be what an officer sees)
 */
export function render(m: DistrictMeaning, s: Style, columns: 'moved' | 'asLaidOut' = 'moved'): RenderedDistrict {
  const pick = picker(s);
  const date = (x: DateMeaning): unknown =>
    x.kind === 'blank' ? pick(['', ' ']) : x.kind === 'impossible' ? pick(IMPOSSIBLE) : pick(dateForms(x.day));
  const districtCell = (here: boolean) =>
    here ? pick([DISTRICT, `อ.${DISTRICT}`, `อำเภอ${DISTRICT}`, '']) : pick([OTHER_DISTRICT, `อ.${OTHER_DISTRICT}`]);
  const A = ACTIVITY_LAYOUT.at;
  // An event typed again is an exact duplicate: the same cells but for spacing, case, digits and
  // the date's form, so its district and budget cells are chosen once per event.
  const typedOnce = new Map<number, { district: unknown; budget: unknown }>();
  const activities = m.activities.map((a) => {
    let once = typedOnce.get(a.event);
    if (once === undefined) {
      once = { district: pick([DISTRICT, '', `อ.${DISTRICT}`]), budget: pick(BUDGET[a.budget]) };
      typedOnce.set(a.event, once);
    }
    const row: unknown[] = Array(ACTIVITY_LAYOUT.width).fill('');
    row[A.date] = date(a.date);
    row[A.district] = once.district;
    row[A.activity] = messyName(`ตลาดนัด OTOP ครั้งที่ ${a.event}`, pick).replace(/\d+/, (n) => pick([n, thai(n)]));
    row[A.place] = `ลานวัดบ้าน ${a.event}`;
    row[A.budget] = once.budget;
    return row;
  });
  const O = ONLINE_LAYOUT.at;
  const online = m.online.map((r) => {
    const op = m.operators[r.operator];
    const row: unknown[] = Array(ONLINE_LAYOUT.width).fill('');
    row[O.date] = date(r.date);
    row[O.district] = pick([DISTRICT, '']);
    row[O.regNo] = r.withNumber && op.reg !== '' ? messyReg(op.reg, pick) : pick(['', '-', 'ไม่มี']);
    row[O.name] = messyName(op.name, pick);
    row[O.product] = 'ผ้าทอ';
    row[O.channel] = messyChannel(r.channel, pick);
    return row;
  });
  const B = BASELINE_LAYOUT.at;
  const baseline = m.baseline.map((b) => {
    const op = m.operators[b.operator];
    const row: unknown[] = Array(BASELINE_LAYOUT.width).fill('');
    row[B.district] = districtCell(b.here).replace(/^$/, DISTRICT);
    row[B.regNo] = b.withNumber && op.reg !== '' ? messyReg(op.reg, pick) : '';
    row[B.name] = messyName(op.name, pick);
    return row;
  });
  const seed = (k: number) => (columns === 'moved' ? s.columnSeed + k : null);
  return {
    activities: moved(ACTIVITY_LAYOUT.headers, withBlanks(activities, ACTIVITY_LAYOUT.width, s.blankAt), seed(0)),
    online: moved(ONLINE_LAYOUT.headers, withBlanks(online, ONLINE_LAYOUT.width, s.blankAt), seed(1)),
    baseline: moved(BASELINE_LAYOUT.headers, withBlanks(baseline, BASELINE_LAYOUT.width, s.blankAt), seed(2)),
    registered: pick([m.registered, thai(String(m.registered)), String(m.registered)]),
  };
}
