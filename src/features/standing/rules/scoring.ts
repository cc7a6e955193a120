/** A district's score and level: the highest level whose every condition it meets. */
import { type Band, type Criteria, type Level, levelOfScore } from '../../../kernel/criteria';
import { operatorTarget } from './targets';

/** What a district achieved, and its registered operators. */
export interface Results {
  readonly activities: number;
  readonly channels: number;
  readonly newOperators: number;
  readonly registered: number;
}

/** What is still missing for a level (zero where that condition is met). */
export interface Gap {
  readonly score: number;
  readonly name: string;
  readonly activities: number;
  readonly channels: number;
  readonly newOperators: number;
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
 * The new-operator target of a level for a district.
 * @param level the level
 * @param registered the district's registered operators
 */
export function levelTarget(level: Level, registered: number): number {
  return operatorTarget(registered, level.percent);
}

/**
 * What is missing for a level.
 * @param results the district's results
 * @param level the level
 */
export function gapTo(results: Results, level: Level): Gap {
  return {
    score: level.score,
    name: level.name,
    activities: Math.max(0, level.minActivities - results.activities),
    channels: Math.max(0, level.minChannels - results.channels),
    newOperators: Math.max(0, levelTarget(level, results.registered) - results.newOperators),
  };
}

/**
 * Scores a district. Counts decide, not percentages: new operators are compared with the
 * operator target at the level's percent (docs/domain.md#counts-decide).
 * @param results the district's results
 * @param criteria the criteria
 */
export function assess(results: Results, criteria: Criteria): Assessment {
  const levels = [...criteria.levels].sort((a, b) => b.score - a.score);
  const highest = (met: (gap: Gap) => boolean): number =>
    levels.find((level) => met(gapTo(results, level)))?.score ?? 0;
  const score = highest((g) => g.activities === 0 && g.channels === 0 && g.newOperators === 0);
  const nextLevel = levels.filter((level) => level.score > score).pop();
  const { name, band } = levelOfScore(criteria, score);
  return {
    score,
    name,
    band,
    activitiesLevel: highest((g) => g.activities === 0),
    onlineLevel: highest((g) => g.channels === 0 && g.newOperators === 0),
    next: nextLevel ? gapTo(results, nextLevel) : null,
  };
}

/**
 * The next step as Thai text, e.g.
 * "ระดับถัดไป ปานกลาง (3 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง, ผู้ประกอบการรายใหม่อีก 2 ราย".
 * @param assessment the district's assessment
 */
export function nextStepText(assessment: Assessment): string {
  const gap = assessment.next;
  if (!gap) return `ถึงระดับสูงสุดแล้ว (${assessment.name})`;
  const needs = [
    gap.activities > 0 ? `กิจกรรมอีก ${gap.activities} ครั้ง` : '',
    gap.channels > 0 ? `ช่องทางออนไลน์อีก ${gap.channels} ช่องทาง` : '',
    gap.newOperators > 0 ? `ผู้ประกอบการรายใหม่อีก ${gap.newOperators} ราย` : '',
  ].filter(Boolean);
  return `ระดับถัดไป ${gap.name} (${gap.score} คะแนน): เพิ่ม${needs.join(', ')}`;
}
