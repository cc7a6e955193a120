/**
 * The panels show the fiscal year's measures (issue 26): the standing's cards and province total
 * (src/features/standing/panel/standingText.ts), the submission preview's figures
 * (src/features/submissions/panel/previewText.ts) and the phone page's card, figures and month's
 * changes (src/features/mobile/panel/figures.ts) iterate the measures the server's state or
 * preview carries, in their order, each in the catalogue's words. A hypothetical letter's lists
 * (only activities and new operators; another order) are rendered as given; the real profile's
 * texts are exactly those the panels wrote before (their fixed list, written out below).
 */
import fc from 'fast-check';
import type { DistrictStanding, SidebarState } from '../../src/app/api';
import type { SubmissionPreview } from '../../src/features/submissions/action/dutiesApi';
import { cardLines, changesLine, figuresLine } from '../../src/features/mobile/panel/figures';
import { cardLine, totalLine } from '../../src/features/standing/panel/standingText';
import { previewFigures } from '../../src/features/submissions/panel/previewText';
import type { MeasureCounts, MeasureKey } from '../../src/kernel/measures';
import { profileOf } from '../../src/kernel/yearProfile';
import { num, pct } from '../../src/sidebar/format';

type Total = NonNullable<SidebarState['total']>;

/** FY 2565's measures (the letter's three), as the state carries them. */
const REAL: readonly MeasureKey[] = profileOf(2565).measures.map((m) => m.key);
/** Hypothetical letters: two of the three; the three in another order. */
const TWO: readonly MeasureKey[] = ['activities', 'newOperators'];
const REORDERED: readonly MeasureKey[] = ['newOperators', 'activities', 'channels'];

/** A district's standing with the given counts and figures. */
function district(over: Partial<DistrictStanding> = {}): DistrictStanding {
  return {
    district: 'ท่าบ่อ',
    activities: 3,
    channels: 2,
    newOperators: 5,
    registered: 120,
    target: 6,
    percent: 4.1666,
    score: 4,
    level: 'ดี',
    band: null,
    next: '',
    problem: '',
    trend: [],
    ...over,
  };
}

const TOTAL: Total = {
  activities: 12,
  newOperators: 9,
  registered: 818,
  target: 41,
  percent: 1.1,
  channels: 0,
} as Total;

/** A monthly report's preview with the given measures. */
function preview(measures: readonly MeasureKey[], changes: MeasureCounts | null): SubmissionPreview {
  return {
    figures: { activities: 3, channels: 2, newOperators: 5, target: 6, percent: 4.17, score: 4, level: 'ดี' },
    changes,
    measures,
  } as unknown as SubmissionPreview;
}

const CHANGES: MeasureCounts = { activities: 1, channels: 0, newOperators: 2 };

describe('a hypothetical letter: only activities and new operators', () => {
  test('the sidebar: the card and the total say those two, in that order', () => {
    expect(cardLine(district(), TWO)).toBe('กิจกรรม 3 ครั้ง · รายใหม่ 5/6 ราย (4.17%)');
    expect(totalLine(TOTAL, TWO)).toBe('กิจกรรม 12 ครั้ง · รายใหม่ 9/41 ราย (1.10% ของ 818 ราย)');
  });

  test('the submission preview: a line each', () => {
    expect(previewFigures(preview(TWO, CHANGES))).toEqual([
      ['กิจกรรม', '3 ครั้ง (+1 ในเดือน)'],
      ['ผู้ประกอบการรายใหม่', '5 ราย (+2 ในเดือน)'],
    ]);
  });

  test('the phone page: the card, the figures and the month', () => {
    expect(cardLines(district(), TWO)).toEqual(['กิจกรรม 3 ครั้ง', 'ผู้ประกอบการรายใหม่ 5/6 ราย (4.17%)']);
    expect(figuresLine(preview(TWO, null).figures, TWO)).toBe('กิจกรรม 3 ครั้ง · รายใหม่ 5 ราย');
    expect(changesLine(CHANGES, TWO)).toBe('เดือนนี้เพิ่ม: กิจกรรม 1 · รายใหม่ 2');
  });
});

describe('a hypothetical letter: the three in another order (new operators first)', () => {
  test('the sidebar: the card in that order; the total its summed measures in that order', () => {
    expect(cardLine(district(), REORDERED)).toBe('รายใหม่ 5/6 ราย (4.17%) · กิจกรรม 3 ครั้ง · ช่องทาง 2');
    expect(totalLine(TOTAL, REORDERED)).toBe('รายใหม่ 9/41 ราย (1.10% ของ 818 ราย) · กิจกรรม 12 ครั้ง');
  });

  test('the submission preview in that order', () => {
    expect(previewFigures(preview(REORDERED, null))).toEqual([
      ['ผู้ประกอบการรายใหม่', '5 ราย'],
      ['กิจกรรม', '3 ครั้ง'],
      ['ช่องทาง', '2 ช่องทาง'],
    ]);
  });

  test('the phone page: new operators on their own line first, then the others together', () => {
    expect(cardLines(district(), REORDERED)).toEqual([
      'ผู้ประกอบการรายใหม่ 5/6 ราย (4.17%)',
      'กิจกรรม 3 ครั้ง · ช่องทาง 2 ช่องทาง',
    ]);
    expect(figuresLine(preview(REORDERED, null).figures, REORDERED)).toBe(
      'รายใหม่ 5 ราย · กิจกรรม 3 ครั้ง · ช่องทาง 2 ช่องทาง',
    );
    expect(changesLine(CHANGES, REORDERED)).toBe('เดือนนี้เพิ่ม: รายใหม่ 2 · กิจกรรม 1 · ช่องทาง 0');
  });
});

/** What the panels wrote before, with their fixed list (activities, channels, new operators). */
const BEFORE = {
  figure: (value: number | null | undefined, show: (n: number) => string) =>
    typeof value === 'number' && Number.isFinite(value) ? show(value) : '—',
  card(d: DistrictStanding): string {
    if (d.problem) return 'นับไม่ได้';
    return [
      `กิจกรรม ${num(d.activities)} ครั้ง`,
      `ช่องทาง ${num(d.channels)}`,
      `รายใหม่ ${num(d.newOperators)}/${BEFORE.figure(d.target, String)} ราย (${BEFORE.figure(d.percent, pct)}%)`,
    ].join(' · ');
  },
  total: (t: Total) =>
    [
      `กิจกรรม ${num(t.activities)} ครั้ง`,
      `รายใหม่ ${num(t.newOperators)}/${num(t.target)} ราย (${BEFORE.figure(t.percent, pct)}% ของ ${num(t.registered)} ราย)`,
    ].join(' · '),
  preview(p: SubmissionPreview): [string, string][] {
    const f = p.figures;
    const change = (n: number | undefined) => (p.changes && n !== undefined ? ` (+${n} ในเดือน)` : '');
    return [
      ['กิจกรรม', `${f.activities} ครั้ง${change(p.changes?.activities)}`],
      ['ช่องทาง', `${f.channels} ช่องทาง${change(p.changes?.channels)}`],
      ['ผู้ประกอบการรายใหม่', `${f.newOperators} ราย${change(p.changes?.newOperators)}`],
    ];
  },
  mobileCard: (d: DistrictStanding) => [
    `กิจกรรม ${num(d.activities)} ครั้ง · ช่องทาง ${num(d.channels)} ช่องทาง`,
    `ผู้ประกอบการรายใหม่ ${num(d.newOperators)}/${d.target === null ? '–' : num(d.target)} ราย (${d.percent === null ? '–' : pct(d.percent)}%)`,
  ],
  mobileFigures: (f: MeasureCounts) =>
    `กิจกรรม ${num(f.activities)} ครั้ง · ช่องทาง ${num(f.channels)} ช่องทาง · รายใหม่ ${num(f.newOperators)} ราย`,
  mobileChanges: (c: MeasureCounts | null) =>
    `เดือนนี้เพิ่ม: กิจกรรม ${num(c?.activities)} · ช่องทาง ${num(c?.channels)} · รายใหม่ ${num(c?.newOperators)}`,
};

const count = fc.nat({ max: 100_000 });
const counts = fc.record({ activities: count, channels: count, newOperators: count });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

test("the real profile's texts are today's, whatever the figures", () => {
  expect(REAL).toEqual(['activities', 'channels', 'newOperators']);
  fc.assert(
    fc.property(
      counts,
      maybe(count),
      maybe(fc.double({ min: 0, max: 1000, noNaN: true })),
      fc.constantFrom('', 'ไม่พบชีตกิจกรรม'),
      maybe(counts),
      (c, target, percent, problem, changes) => {
        const d = district({ ...c, target, percent, problem });
        expect(cardLine(d, REAL)).toBe(BEFORE.card(d));
        expect(cardLines(d, REAL)).toEqual(BEFORE.mobileCard(d));
        const t = { ...TOTAL, ...c, target: target ?? 0, percent } as Total;
        expect(totalLine(t, REAL)).toBe(BEFORE.total(t));
        const p = { ...preview(REAL, changes), figures: { ...preview(REAL, null).figures, ...c } } as SubmissionPreview;
        expect(previewFigures(p)).toEqual(BEFORE.preview(p));
        expect(figuresLine(p.figures, REAL)).toBe(BEFORE.mobileFigures(p.figures));
        expect(changesLine(changes, REAL)).toBe(BEFORE.mobileChanges(changes));
      },
    ),
  );
});
