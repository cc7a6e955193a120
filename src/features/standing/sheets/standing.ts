/**
 * The standing of every district at a cut-off day, from each district's evaluation (the same
 * one the district table's formula makes), and the province total as the table's total row
 * computes it. Pure: the summaries, the monthly report, the sidebar and the e-mail all use it.
 */
import type { Day } from '../../../kernel/civilDate';
import type { Criteria } from '../../../kernel/criteria';
import type { DistrictEvaluation, DistrictUncountable } from '../rules/districtEvaluation';
import { districtGoals } from '../rules/districtEvaluation';
import {
  type DistrictFigures,
  type DistrictResult,
  type PercentBasis,
  type ProvinceTotal,
  provinceTotal,
} from '../rules/districtResult';
import type { ActivityEntry } from '../../counting/rules/entries';
import type { NewOperator } from '../../counting/rules/tally';

/** One district at the cut-off. */
export interface DistrictStanding {
  readonly district: string;
  readonly figures: DistrictFigures;
  /** null when the district's sheets cannot be counted (`problem` says why). */
  readonly result: DistrictResult | null;
  readonly problem: string;
  readonly activityGoal: number;
  readonly channelGoal: number;
  readonly channelNames: readonly string[];
}

/** A counted activity with its district. */
export interface CountedActivity extends ActivityEntry {
  readonly districtName: string;
}

/** A counted new operator with its district. */
export interface CountedOperator extends NewOperator {
  readonly districtName: string;
}

/** The standing of all districts, the province total and the evidence. */
export interface Standing {
  readonly asOf: Day;
  readonly districts: readonly DistrictStanding[];
  /** null while a district cannot be counted (the table's total row shows its error too). */
  readonly total: ProvinceTotal | null;
  readonly activities: readonly CountedActivity[];
  readonly newOperators: readonly CountedOperator[];
  /**
   * Counted entries not listed in `activities` and `newOperators`, per district: a submission's
   * snapshot left them out to fit in its cell (they stay in the district's entry sheets).
   */
  readonly omitted?: readonly OmittedEvidence[];
}

/** A district's counted entries a submission's snapshot does not list. */
export interface OmittedEvidence {
  readonly district: string;
  readonly activities: number;
  readonly operators: number;
}

/**
 * The standing from the districts' evaluations.
 * @param evaluations each district's evaluation, in table order
 * @param criteria the criteria (the goals)
 * @param basis the percentage basis
 * @param asOf the cut-off day the evaluations counted to
 */
export function standingOf(
  evaluations: readonly (DistrictEvaluation | DistrictUncountable)[],
  criteria: Criteria,
  basis: PercentBasis,
  asOf: Day,
): Standing {
  const goals = districtGoals(criteria);
  const districts = evaluations.map(
    (e): DistrictStanding => ({
      district: e.district,
      figures: e.figures,
      result: e.ok ? e.result : null,
      problem: e.ok ? '' : e.problem,
      activityGoal: goals.activities,
      channelGoal: goals.channels,
      channelNames: e.ok ? e.channelNames : [],
    }),
  );
  const counted = evaluations.filter((e): e is DistrictEvaluation => e.ok);
  const total =
    counted.length === evaluations.length
      ? provinceTotal(
          counted.map((e) => ({ figures: e.figures, result: e.result })),
          goals.activities,
          basis,
        )
      : null;
  return {
    asOf,
    districts,
    total,
    activities: counted.flatMap((e) => (e.evidence?.activities ?? []).map((a) => ({ ...a, districtName: e.district }))),
    newOperators: counted.flatMap((e) =>
      (e.evidence?.newOperators ?? []).map((o) => ({ ...o, districtName: e.district })),
    ),
  };
}
