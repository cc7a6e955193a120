/**
 * Properties of the counts, over generated district workbooks with messy Thai input (issue 20):
 * whatever is generated, the add-on's one rule (evaluateDistrict, behind OTOP_DISTRICT and the
 * server) gives the letter's counts as an independent reading computes them from the meanings;
 * the counts do not depend on row order, column order, spacing or digit script; a fresh
 * operator or event never lowers a count; a baseline operator never counts. fast-check prints
 * the seed and the shrunk case on a failure; shrunk cases found are kept below as examples.
 */
import fc from 'fast-check';
import { dayOf } from '../../src/kernel/civilDate';
import { CRITERIA_2565 } from '../../src/kernel/criteria';
import { DEFAULT_CHANNEL_ROWS } from '../../src/features/counting/rules/channels';
import { newReadMemo } from '../../src/features/counting/rules/entries';
import { type DistrictEvaluation, evaluateDistrict } from '../../src/features/standing/rules/districtEvaluation';
import {
  type Counts,
  DISTRICT,
  type DistrictMeaning,
  OTHER_DISTRICT,
  districtMeaning,
  expectedCounts,
  type RenderedDistrict,
  render,
  type Style,
  style,
} from '../support/generatedDistrict';

/** Runs per property: thousands in all, within a few seconds. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

/** The add-on's evaluation of a rendered district. */
function evaluate(r: RenderedDistrict, m: DistrictMeaning): DistrictEvaluation {
  const e = evaluateDistrict(
    {
      name: DISTRICT,
      registered: r.registered,
      promoted: 0,
      activities: r.activities,
      online: r.online,
      baseline: r.baseline,
    },
    {
      fiscalYear: m.fy,
      asOf: dayOf(m.asOf.y, m.asOf.m, m.asOf.d),
      basis: 'registered',
      criteria: CRITERIA_2565,
      channelRows: DEFAULT_CHANNEL_ROWS,
    },
    true,
  );
  if (!e.ok) throw new Error(e.problem);
  return e;
}

/** The counts of an evaluation. */
const counts = (e: DistrictEvaluation): Counts => ({
  activities: e.result.activities,
  channels: e.result.channels,
  newOperators: e.result.newOperators,
});

/** The cases the properties found (shrunk), kept so they are tried on every run. */
const FOUND: [DistrictMeaning, Style][] = [
  // Two numbers of one name counted once; the baseline's number keeping out the other (family 1).
  [
    {
      fy: 2565,
      operators: [
        { reg: '43030004', name: 'กลุ่มแม่บ้านเกษตรกร' },
        { reg: '43030015', name: 'กลุ่มแม่บ้านเกษตรกร' },
      ],
      activities: [],
      online: [
        { date: { kind: 'day', day: { y: 2021, m: 10, d: 1 } }, operator: 0, withNumber: true, channel: 'Facebook' },
      ],
      baseline: [{ operator: 1, withNumber: true, here: true }],
      asOf: { y: 2022, m: 9, d: 30 },
      registered: 0,
    },
    plainStyle(),
  ],
  // 29/02/2568 made a date cell by Sheets (CE 2568 is a leap year) counted as 1 March (family 2).
  [
    {
      fy: 2568,
      operators: [{ reg: '43030005', name: 'กลุ่มแม่บ้านเกษตรกร' }],
      activities: [{ date: { kind: 'impossible' }, budget: 'notUsed', event: 0 }],
      online: [],
      baseline: [],
      asOf: { y: 2025, m: 9, d: 30 },
      registered: 0,
    },
    { ...plainStyle(), picks: [0, 0, 18, ...Array(61).fill(0)] },
  ],
];

/** The style that types every cell in its first form, columns in their seed-0 order. */
function plainStyle(): Style {
  return { picks: Array(64).fill(0), blankAt: [], columnSeed: 0 };
}

describe('the counts, over generated district workbooks', () => {
  test('equal the letter’s counts as an independent reading of the meanings gives them', () => {
    fc.assert(
      fc.property(districtMeaning, style, (m, s) => {
        expect(counts(evaluate(render(m, s), m))).toEqual(expectedCounts(m));
      }),
      { numRuns: RUNS * 2, examples: FOUND },
    );
  });

  test('do not depend on row order, column order, spacing or digit script', () => {
    fc.assert(
      fc.property(districtMeaning, style, style, fc.nat(), (m, s1, s2, seed) => {
        const shuffled = {
          ...m,
          online: shuffle(m.online, seed),
          activities: shuffle(m.activities, seed + 1),
          baseline: shuffle(m.baseline, seed + 2),
        };
        expect(counts(evaluate(render(shuffled, s2), shuffled))).toEqual(counts(evaluate(render(m, s1), m)));
      }),
      { numRuns: RUNS },
    );
  });

  test('a fresh event or a fresh operator never lowers a count, and counts once when in the period', () => {
    fc.assert(
      fc.property(districtMeaning, style, fc.boolean(), (m, s, withNumber) => {
        const before = counts(evaluate(render(m, s), m));
        const day = { kind: 'day' as const, day: { y: m.fy - 544, m: 10, d: 1 } };
        const event = Math.max(-1, ...m.activities.map((a) => a.event)) + 1;
        const fresh: DistrictMeaning = {
          ...m,
          operators: [...m.operators, { reg: withNumber ? '43039999' : '', name: 'กลุ่มใหม่ไม่ซ้ำใคร' }],
          activities: [...m.activities, { date: day, budget: 'notUsed', event }],
          online: [...m.online, { date: day, operator: m.operators.length, withNumber, channel: 'Facebook' }],
        };
        const after = counts(evaluate(render(fresh, s), fresh));
        expect(after.activities).toBe(before.activities + 1);
        expect(after.newOperators).toBe(before.newOperators + 1);
        expect(after.channels).toBeGreaterThanOrEqual(before.channels);
      }),
      { numRuns: RUNS },
    );
  });

  test('an operator typed again (same number, or its name without one) never raises the new operators', () => {
    fc.assert(
      fc.property(districtMeaning, style, fc.nat(), (m, s, pick) => {
        if (m.online.length === 0) return;
        const again = m.online[pick % m.online.length];
        const more = { ...m, online: [...m.online, { ...again, withNumber: again.withNumber }] };
        expect(counts(evaluate(render(more, s), more)).newOperators).toBe(
          counts(evaluate(render(m, s), m)).newOperators,
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('are the same, evidence and its order included, when the districts of a run share one reading memo', () => {
    // The server evaluates every district with one memo (the baseline read once, each district
    // visiting only the baseline rows that can change its counts; a report's two days reading
    // each online sheet once); the formula with none.
    fc.assert(
      fc.property(
        districtMeaning,
        districtMeaning,
        style,
        style,
        fc.boolean(),
        fc.boolean(),
        fc.nat({ max: 400 }),
        (m, m2, s1, s2, withEvidence, again, back) => {
          const here = render(m, s1);
          const there = render(m2, s2); // another district's sheets, the same baseline
          const sources = (name: string, r: RenderedDistrict) => ({
            name,
            registered: r.registered,
            promoted: 0,
            activities: r.activities,
            online: r.online,
            baseline: here.baseline,
          });
          const districts = [sources(OTHER_DISTRICT, there), sources(DISTRICT, here), sources(OTHER_DISTRICT, here)];
          const asOf = dayOf(m.asOf.y, m.asOf.m, m.asOf.d);
          const rules = (day: number) => ({
            fiscalYear: m.fy,
            asOf: day,
            basis: 'registered' as const,
            criteria: CRITERIA_2565,
            channelRows: DEFAULT_CHANNEL_ROWS,
          });
          const memo = newReadMemo(again);
          // as a monthly report does: the month's end with the evidence, then its start without
          const shared = [
            ...districts.map((d) => evaluateDistrict(d, { ...rules(asOf), memo }, withEvidence)),
            ...districts.map((d) => evaluateDistrict(d, { ...rules(asOf - back), memo }, false)),
          ];
          const alone = [
            ...districts.map((d) => evaluateDistrict(d, rules(asOf), withEvidence)),
            ...districts.map((d) => evaluateDistrict(d, rules(asOf - back), false)),
          ];
          expect(shared).toEqual(alone);
        },
      ),
      {
        numRuns: Math.ceil(RUNS / 2),
        examples: FOUND.map(([m, s]): [DistrictMeaning, DistrictMeaning, Style, Style, boolean, boolean, number] => [
          m,
          m,
          s,
          s,
          true,
          true,
          31,
        ]),
      },
    );
  });

  test('a baseline operator never counts: every operator put in the baseline leaves none', () => {
    fc.assert(
      fc.property(districtMeaning, style, (m, s) => {
        const operators = new Set(m.online.map((r) => r.operator));
        const old: DistrictMeaning = {
          ...m,
          baseline: [...m.baseline, ...[...operators].map((operator) => ({ operator, withNumber: true, here: true }))],
        };
        const after = counts(evaluate(render(old, s), old));
        expect([after.newOperators, after.channels]).toEqual([0, 0]);
        expect(after.activities).toBe(counts(evaluate(render(m, s), m)).activities);
      }),
      { numRuns: RUNS },
    );
  });
});

/** A seeded shuffle (Fisher–Yates with a linear congruential generator). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed % 2147483648;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
