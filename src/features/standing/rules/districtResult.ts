/**
 * One district's result from its counts and the figures the province typed: target,
 * percentage, score, level and next step. The district table's formula (OTOP_DISTRICT) and
 * the server (sidebar, summaries, e-mail, LINE text) both compute every figure here, so they
 * cannot disagree. The edge cases, each decided once:
 * - the registered figure is a whole number, in a number cell or as text (Thai digits too);
 *   blank or text that is no number ("74 ราย") makes the district unassessable: no target,
 *   percentage, score or level, and a next step saying what to fix;
 * - 0 registered: the target is still at least 1 (the letter's rule), the percentage none;
 * - promoted blank is 0; promoted unreadable leaves no percentage on the "never yet online"
 *   basis (it does not matter on the default basis);
 * - a percentage base of 0 or less (0 registered, or promoted ≥ registered on the "never yet
 *   online" basis) gives no percentage, shown as NO_FIGURE, not an error.
 */
import { type Criteria, topLevel } from '../../../kernel/criteria';
import {
  type MeasureCounts,
  type MeasureKey,
  type MeasureOf,
  measureCounts,
  type SummedMeasureKey,
  summedCounts,
} from '../../../kernel/measures';
import { parseCount } from '../../../kernel/numbers';
import { type Assessment, assess, nextStepText } from './scoring';
import { operatorTarget, percentage } from './targets';
import { isBlank } from '../../../kernel/text';
import { TREND_MONTHS } from './districtTrend';

/** How the displayed percentage is computed (docs/domain.md#the-percentages-base: all registered by default). */
export type PercentBasis = 'registered' | 'neverOnline';

/** A column of a district's result (the row OTOP_DISTRICT returns). */
export type DistrictOutput =
  | 'target'
  | MeasureKey
  | 'percent'
  | 'score'
  | 'level'
  | 'next'
  | (typeof TREND_MONTHS)[number];

/** Each list of measures' outputs, made once a list. */
const outputs_ = new Map<readonly MeasureOf[], readonly DistrictOutput[]>();

/**
 * The columns of a district's result for a year's measures, in order (the row OTOP_DISTRICT
 * returns): the target, the year's measures, the figures, then the trend's months.
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf)
 */
export function districtOutputs(measures: readonly MeasureOf[]): readonly DistrictOutput[] {
  let outputs = outputs_.get(measures);
  if (outputs === undefined) {
    outputs = ['target', ...measures.map((m) => m.key), 'percent', 'score', 'level', 'next', ...TREND_MONTHS];
    outputs_.set(measures, outputs);
  }
  return outputs;
}

/** What a cell shows where a figure cannot be computed. */
export const NO_FIGURE = '—';

/**
 * A district's row as OTOP_DISTRICT spills it, in districtOutputs(measures)'s order: the target,
 * the year's measures' counts, the percentage, score, level and next step (NO_FIGURE where a
 * figure cannot be computed), then the trend's twelve months.
 * @param result the district's result
 * @param measures the fiscal year's measures (the year it counts)
 * @param trend the twelve month cells (districtTrend.ts trendPercents)
 */
export function districtRow(
  result: DistrictResult,
  measures: readonly MeasureOf[],
  trend: readonly (number | '')[],
): (number | string)[] {
  const shown = (v: number | null) => (v === null ? NO_FIGURE : v);
  return [
    shown(result.target),
    ...measures.map((m) => result[m.key]),
    shown(result.percent),
    shown(result.score),
    result.level,
    result.next,
    ...trend,
  ];
}
/** The level text of a district that cannot be assessed. */
export const UNASSESSED = 'ยังประเมินไม่ได้';

/** A district's typed figures as read: null where unreadable, with the problems found. */
export interface DistrictFigures {
  readonly registered: number | null;
  readonly promoted: number | null;
  readonly problems: readonly string[];
}

/** A district's result: its counts, then what they make. */
export interface DistrictResult extends MeasureCounts {
  /** New operators needed at the top level's percent; null when unassessable. */
  readonly target: number | null;
  /** Percentage shown (2 decimals); null when it cannot be computed. */
  readonly percent: number | null;
  /** null when the district cannot be assessed. */
  readonly assessment: Assessment | null;
  /** Score 0–5, or null. */
  readonly score: number | null;
  /** The level name, or UNASSESSED. */
  readonly level: string;
  /** What to do next, Thai. */
  readonly next: string;
}

const REGISTERED = 'ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)';
const PROMOTED = 'ส่งเสริมแล้ว ปี ๖๔';

/**
 * Reads a figure cell: a whole number ≥ 0, in a number cell or typed as text (Thai digits
 * ๒๔๑, thousands separators and spaces read as everywhere else, docs/domain.md#what-officers-type); text that is no
 * number ("74 ราย") is refused. The total row sums with the same rule (OTOP_SUM).
 * @param value the cell value
 * @param label the column, for the problem
 * @param blank what a blank cell is: a value, or null (unreadable)
 */
function figure_(value: unknown, label: string, blank: number | null): { value: number | null; problem: string } {
  if (isBlank(value)) return { value: blank, problem: blank === null ? `ช่อง "${label}" ว่าง ให้พิมพ์จำนวนเป็นตัวเลข` : '' };
  const count = parseCount(value);
  if (count.ok) return { value: count.value, problem: '' };
  return { value: null, problem: `ช่อง "${label}" ${count.problem} ให้พิมพ์จำนวนเป็นตัวเลขอย่างเดียว เช่น 74` };
}

/**
 * A figure cell's value as the district table reads it, or null when blank or unreadable:
 * what the total row adds up (OTOP_SUM), so the total counts exactly the figures the rows use.
 * @param value the cell value
 */
export function figureValue(value: unknown): number | null {
  return isBlank(value) ? null : figure_(value, '', null).value;
}

/**
 * Reads a district row's typed figures.
 * @param registered the registered cell's value
 * @param promoted the promoted cell's value
 */
export function readFigures(registered: unknown, promoted: unknown): DistrictFigures {
  const r = figure_(registered, REGISTERED, null);
  const p = figure_(promoted, PROMOTED, 0);
  return { registered: r.value, promoted: p.value, problems: [r.problem, p.problem].filter(Boolean) };
}

/**
 * The base the percentage divides by, or null when there is none (see the module's rules).
 * @param registered the registered figure, or null
 * @param promoted the promoted figure, or null
 * @param basis the settings' basis
 */
export function percentBase(registered: number | null, promoted: number | null, basis: PercentBasis): number | null {
  if (registered === null) return null;
  const base = basis === 'neverOnline' ? (promoted === null ? null : registered - promoted) : registered;
  return base === null || base <= 0 ? null : base;
}

/**
 * The percentage of new operators over a base, or null without a base.
 * @param newOperators the count
 * @param base percentBase's result
 */
export function percentOf(newOperators: number, base: number | null): number | null {
  return base === null ? null : percentage(newOperators, base);
}

/**
 * A district's result.
 * @param figures its typed figures
 * @param counts what the tally counted (the measures are taken of it)
 * @param criteria the criteria
 * @param basis the percentage basis
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf): scoring's conditions
 */
export function districtResult(
  figures: DistrictFigures,
  counts: MeasureCounts,
  criteria: Criteria,
  basis: PercentBasis,
  measures: readonly MeasureOf[],
): DistrictResult {
  const measured = measureCounts((m) => counts[m.key]);
  // The percentage is new operators' alone: the letter's percent of the registered.
  const percent = percentOf(measured.newOperators, percentBase(figures.registered, figures.promoted, basis));
  if (figures.registered === null) {
    const fix = figures.problems[0] ?? `ช่อง "${REGISTERED}" อ่านไม่ได้`;
    return {
      ...measured,
      target: null,
      percent,
      assessment: null,
      score: null,
      level: UNASSESSED,
      next: `แก้ชีตอำเภอก่อน: ${fix}`,
    };
  }
  const assessment = assess({ ...measured, registered: figures.registered }, criteria, measures);
  return {
    ...measured,
    target: operatorTarget(figures.registered, topLevel(criteria).percent),
    percent,
    assessment,
    score: assessment.score,
    level: assessment.name,
    next: nextStepText(assessment, measures),
  };
}

/** The province's total row: the typed figures, the goals and the measures it adds up. */
export interface ProvinceTotal extends Readonly<Record<SummedMeasureKey, number>> {
  readonly registered: number;
  readonly promoted: number;
  readonly activityGoal: number;
  readonly target: number;
  readonly percent: number | null;
}

/**
 * The province total, as the district table's native total row computes it: sums of the
 * readable figures and results (Sheets' SUM skips text and blanks), and the percentage of the
 * summed figures with the same rule as a district's.
 * @param rows each district's figures and result
 * @param activityGoal the activities goal of one district (the top level's minimum)
 * @param basis the percentage basis
 */
export function provinceTotal(
  rows: readonly { figures: DistrictFigures; result: DistrictResult }[],
  activityGoal: number,
  basis: PercentBasis,
): ProvinceTotal {
  const sum = (pick: (row: { figures: DistrictFigures; result: DistrictResult }) => number | null) =>
    rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
  const registered = sum((r) => r.figures.registered);
  const promoted = sum((r) => r.figures.promoted);
  const summed = summedCounts((m) => sum((r) => r.result[m.key]));
  return {
    registered,
    promoted,
    activityGoal: activityGoal * rows.length,
    target: sum((r) => r.result.target),
    ...summed,
    percent: percentOf(summed.newOperators, percentBase(registered, promoted, basis)),
  };
}
