/**
 * The KPI's measures, declared once and in order (docs/domain.md#what-is-measured): what the
 * tally counts per district, what the criteria set a minimum for, and the columns the district
 * table, OTOP_DISTRICT, the submissions, the reports and the sidebar show. Every per-measure
 * repetition iterates this list; a record keyed by MeasureKey (MeasureCounts, or a layout's own
 * Record<MeasureKey, …>) makes the compiler list what a new measure still needs.
 */
import type { Level } from './criteria';

/**
 * How a level's minimum of a measure is set: a count from the criteria table's column (the
 * Level field named), or a percent of the district's registered operators turned into a count
 * (the operator target, docs/domain.md#counts-decide).
 */
export type MeasureMinimum =
  | { readonly kind: 'count'; readonly field: 'minActivities' | 'minChannels' }
  | { readonly kind: 'percentOfRegistered'; readonly field: 'percent' };

/** One measure of the KPI and its Thai words, exactly as the sheets and texts show them. */
export interface Measure {
  readonly key: string;
  /** The district table's column header (ตารางอำเภอ). */
  readonly header: string;
  /** The short header of the report tables and the submissions record. */
  readonly short: string;
  /** The criteria table's column header of its minimum. */
  readonly criteriaHeader: string;
  /** The scoring functions' argument label (OTOP_SCORE, OTOP_LEVEL, OTOP_NEXT). */
  readonly argument: string;
  /** What is missing, as "เพิ่ม<noun>อีก N <unit>" says it (nextStepText). */
  readonly noun: string;
  readonly unit: string;
  readonly minimum: MeasureMinimum;
  /**
   * Whether the province total adds it up: channels are distinct per district, and the same
   * channel in two districts is one channel, so the total row leaves channels blank.
   */
  readonly summed: boolean;
}

/** The measures, in the order every table, text and row shows them. */
export const MEASURES = [
  {
    key: 'activities',
    header: 'กิจกรรม (ครั้ง)',
    short: 'กิจกรรม',
    criteriaHeader: 'กิจกรรม (ครั้ง) ≥',
    argument: 'จำนวนกิจกรรม',
    noun: 'กิจกรรม',
    unit: 'ครั้ง',
    minimum: { kind: 'count', field: 'minActivities' },
    summed: true,
  },
  {
    key: 'channels',
    header: 'ช่องทางออนไลน์',
    short: 'ช่องทาง',
    criteriaHeader: 'ช่องทางออนไลน์ ≥',
    argument: 'จำนวนช่องทางออนไลน์',
    noun: 'ช่องทางออนไลน์',
    unit: 'ช่องทาง',
    minimum: { kind: 'count', field: 'minChannels' },
    summed: false,
  },
  {
    key: 'newOperators',
    header: 'ผู้ประกอบการรายใหม่',
    short: 'ผู้ประกอบการรายใหม่',
    criteriaHeader: 'ผู้ประกอบการรายใหม่ ≥ ร้อยละ',
    argument: 'จำนวนผู้ประกอบการรายใหม่',
    noun: 'ผู้ประกอบการรายใหม่',
    unit: 'ราย',
    // The letter sets new operators' minimum as a percent of the registered (the operator target).
    minimum: { kind: 'percentOfRegistered', field: 'percent' },
    summed: true,
  },
] as const satisfies readonly Measure[];

/** A measure's key: activities, channels, newOperators. */
export type MeasureKey = (typeof MEASURES)[number]['key'];

/** A measure the province total adds up (activities and new operators). */
type SummedMeasure_ = Extract<(typeof MEASURES)[number], { readonly summed: true }>;
/** Its key. */
export type SummedMeasureKey = SummedMeasure_['key'];

/** A count of each measure: what the tally counted, a district's result, a snapshot's figures. */
export type MeasureCounts = Readonly<Record<MeasureKey, number>>;

/** One entry of MEASURES, with its literal key and words. */
export type MeasureOf = (typeof MEASURES)[number];

/** Each measure by its key, for the code that is about one measure (new operators' percentage). */
export const MEASURE_BY_KEY = Object.fromEntries(MEASURES.map((m) => [m.key, m])) as {
  readonly [K in MeasureKey]: Extract<MeasureOf, { readonly key: K }>;
};

/**
 * Counts made measure by measure, keys in the list's order (a snapshot's JSON keeps that order).
 * @param count the count of a measure, given the measure and its place in the list
 */
export function measureCounts(count: (measure: MeasureOf, index: number) => number): MeasureCounts {
  const counts = {} as Record<MeasureKey, number>;
  MEASURES.forEach((m, i) => {
    counts[m.key] = count(m, i);
  });
  return counts;
}

/**
 * The counts of the measures the province total adds up, in the list's order.
 * @param count the count of a measure
 */
export function summedCounts(count: (measure: SummedMeasure_) => number): Readonly<Record<SummedMeasureKey, number>> {
  const counts = {} as Record<SummedMeasureKey, number>;
  for (const m of MEASURES) if (m.summed) counts[m.key] = count(m);
  return counts;
}

/**
 * A level's minimum of a measure as a count: the criteria's count, or the operator target at
 * the level's percent of the district's registered operators.
 * @param measure the measure
 * @param level the level
 * @param target the operator target of a percent (targets.ts operatorTarget, given registered)
 */
export function levelMinimum(
  measure: MeasureOf,
  level: Pick<Level, MeasureMinimum['field']>,
  target: (percent: number) => number,
): number {
  const { minimum } = measure;
  return minimum.kind === 'count' ? level[minimum.field] : target(level[minimum.field]);
}
