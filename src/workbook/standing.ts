/**
 * The standing of every district at a cut-off day: the tally of the entries, scored with the
 * criteria. Pure: the summaries, the monthly report, the sidebar and the e-mail all use it.
 */
import type { Day } from '../core/civilDate';
import { type Criteria, topLevel } from '../core/criteria';
import type { Rows } from '../core/entries';
import { assess, type Assessment, nextStepText } from '../core/scoring';
import { percentage } from '../core/targets';
import { operatorTarget } from '../core/targets';
import { tally, type TallyResult } from '../core/tally';
import type { DistrictFigures } from './districtTable';
import type { PercentBasis } from './settings';

/** Everything the standing is computed from. */
export interface WorkbookData {
  readonly province: string;
  readonly fiscalYear: number;
  readonly percentBasis: PercentBasis;
  readonly districts: readonly DistrictFigures[];
  readonly criteria: Criteria;
  readonly channelRows: Rows;
  readonly activities: Rows;
  readonly online: Rows;
  readonly baseline: Rows;
}

/** One district at the cut-off. */
export interface DistrictResult {
  readonly district: string;
  readonly registered: number;
  readonly promoted: number;
  readonly activityGoal: number;
  readonly channelGoal: number;
  readonly target: number;
  readonly activities: number;
  readonly channels: number;
  readonly channelNames: readonly string[];
  readonly newOperators: number;
  readonly percent: number;
  readonly assessment: Assessment;
  readonly next: string;
}

/** The standing of all districts, the province total and the evidence. */
export interface Standing {
  readonly asOf: Day;
  readonly districts: readonly DistrictResult[];
  readonly total: {
    registered: number;
    promoted: number;
    activityGoal: number;
    target: number;
    activities: number;
    newOperators: number;
    percent: number;
  };
  readonly tally: TallyResult;
}

/**
 * The standing at a cut-off day (inclusive).
 * @param data the workbook's figures, criteria and entries
 * @param asOf the cut-off
 */
export function standingAt(data: WorkbookData, asOf: Day): Standing {
  const result = tally({
    districts: data.districts.map((d) => d.name),
    activities: data.activities,
    online: data.online,
    baseline: data.baseline,
    asOf,
    fiscalYear: data.fiscalYear,
    channelRows: data.channelRows,
  });
  const top = topLevel(data.criteria);
  const base = (d: DistrictFigures) =>
    data.percentBasis === 'neverOnline' ? Math.max(1, d.registered - d.promoted) : Math.max(1, d.registered);
  const districts = data.districts.map((d, i): DistrictResult => {
    const counts = result.districts[i];
    const assessment = assess({ ...counts, registered: Math.max(1, d.registered) }, data.criteria);
    return {
      district: d.name,
      registered: d.registered,
      promoted: d.promoted,
      activityGoal: top.minActivities,
      channelGoal: top.minChannels,
      target: operatorTarget(d.registered, top.percent),
      activities: counts.activities,
      channels: counts.channels,
      channelNames: counts.channelNames,
      newOperators: counts.newOperators,
      percent: percentage(counts.newOperators, base(d)),
      assessment,
      next: nextStepText(assessment),
    };
  });
  const sum = (pick: (d: DistrictResult) => number) => districts.reduce((s, d) => s + pick(d), 0);
  const registered = sum((d) => d.registered);
  const newOperators = sum((d) => d.newOperators);
  const totalBase = data.percentBasis === 'neverOnline' ? registered - sum((d) => d.promoted) : registered;
  return {
    asOf,
    districts,
    total: {
      registered,
      promoted: sum((d) => d.promoted),
      activityGoal: sum((d) => d.activityGoal),
      target: sum((d) => d.target),
      activities: sum((d) => d.activities),
      newOperators,
      percent: totalBase > 0 ? percentage(newOperators, totalBase) : 0,
    },
    tally: result,
  };
}
