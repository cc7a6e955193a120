/** A district's score and level: the highest level whose every condition it meets. */
import { type Band, type Criteria, type Level, levelOfScore } from '../../../kernel/criteria';
import { levelMinimum, type MeasureCounts, type MeasureOf, measureCounts } from '../../../kernel/measures';
import { operatorTarget } from './targets';

/** What a district achieved, and its registered operators. */
export interface Results extends MeasureCounts {
  readonly registered: number;
}

/** What is still missing for a level, per measure (zero where that condition is met). */
export interface Gap extends MeasureCounts {
  readonly score: number;
  readonly name: string;
}

/** The assessment of one district. */
export interface Assessment {
  /** 0–5. */
  readonly score: number;
  readonly name: string;
  readonly band: Band;
  /** The highest level whose activities minimum is met (0 if none). */
  readonly activitiesLevel: number;
  /** The highest level whose channel and new-operator minimums are both met (0 if none). */
  readonly onlineLevel: number;
  /** What is missing for the next level up, or null at the top level. */
  readonly next: Gap | null;
}

/**
 * What is missing for a level: for each of the year's measures; a measure the year does not have
 * is no condition (zero).
 * @param results the district's results
 * @param level the level
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf)
 */
export function gapTo(results: Results, level: Level, measures: readonly MeasureOf[]): Gap {
  const target = (percent: number) => operatorTarget(results.registered, percent);
  const counted = new Set(measures.map((m) => m.key));
  return {
    score: level.score,
    name: level.name,
    ...measureCounts((m) => (counted.has(m.key) ? Math.max(0, levelMinimum(m, level, target) - results[m.key]) : 0)),
  };
}

/**
 * Scores a district. Counts decide, not percentages: new operators are compared with the
 * operator target at the level's percent (docs/domain.md#counts-decide).
 * @param results the district's results
 * @param criteria the criteria
 * @param measures the fiscal year's measures: the level's conditions
 */
export function assess(results: Results, criteria: Criteria, measures: readonly MeasureOf[]): Assessment {
  const levels = [...criteria.levels].sort((a, b) => b.score - a.score);
  const highest = (met: (gap: Gap) => boolean): number =>
    levels.find((level) => met(gapTo(results, level, measures)))?.score ?? 0;
  const score = highest((g) => measures.every((m) => g[m.key] === 0));
  const nextLevel = levels.filter((level) => level.score > score).pop();
  const { name, band } = levelOfScore(criteria, score);
  return {
    score,
    name,
    band,
    // The letter's two activities by name: non-budget events, and online (channels and new
    // operators); a measure the year does not have has no gap, so it never holds a level back.
    activitiesLevel: highest((g) => g.activities === 0),
    onlineLevel: highest((g) => g.channels === 0 && g.newOperators === 0),
    next: nextLevel ? gapTo(results, nextLevel, measures) : null,
  };
}

/**
 * The next step as Thai text, e.g.
 * "ระดับถัดไป ปานกลาง (3 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง, ผู้ประกอบการรายใหม่อีก 2 ราย".
 * @param assessment the district's assessment
 * @param measures the fiscal year's measures, in the order the text names them
 */
export function nextStepText(assessment: Assessment, measures: readonly MeasureOf[]): string {
  const gap = assessment.next;
  if (!gap) return `ถึงระดับสูงสุดแล้ว (${assessment.name})`;
  const needs = measures.filter((m) => gap[m.key] > 0).map((m) => `${m.noun}อีก ${gap[m.key]} ${m.unit}`);
  return `ระดับถัดไป ${gap.name} (${gap.score} คะแนน): เพิ่ม${needs.join(', ')}`;
}
