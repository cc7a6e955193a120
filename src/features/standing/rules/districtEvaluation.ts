/**
 * Evaluates one district from its own two entry sheets, the baseline and the settings: the
 * one rule behind both the district table's formula (OTOP_DISTRICT, one per district row, so
 * an edit in one district's sheet recomputes that district alone) and the server's standing.
 * A district's rows count for it whatever their district cell says, so no district can move
 * rows into or out of another's count; columns are found by their headers.
 */
import { type Criteria, topLevel } from '../../../kernel/criteria';
import type { Day } from '../../../kernel/civilDate';
import { canonicalDistrictName } from '../../setup/rules/districts';
import { type DistrictFigures, type DistrictResult, districtResult, readFigures } from './districtResult';
import { cellText, type ReadMemo, type Rows, withoutHeader } from '../../counting/rules/entries';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../counting/rules/entryLayout';
import { columnProblem, type Layout, mapColumns } from '../../../kernel/layout';
import type { PercentBasis } from './districtResult';
import { tally, tallyCounts, type TallyResult } from '../../counting/rules/tally';
import { profileOf } from '../../../kernel/yearProfile';

/** What a district is evaluated from: its row of the district table and its ranges. */
export interface DistrictSources {
  /** The district's name cell. */
  readonly name: unknown;
  readonly registered: unknown;
  readonly promoted: unknown;
  /** Its activities sheet's values, header row first. */
  readonly activities: Rows;
  /** Its online sheet's values, header row first. */
  readonly online: Rows;
  /** The baseline sheet's values, header row first. */
  readonly baseline: Rows;
}

/** The settings and criteria an evaluation uses. */
export interface EvaluationRules {
  readonly fiscalYear: number;
  /** Count rows dated up to this day (inclusive). */
  readonly asOf: Day;
  readonly basis: PercentBasis;
  readonly criteria: Criteria;
  readonly channelRows: Rows;
  /** Shared by the evaluations of one run (dates and channel names read once); none by default. */
  readonly memo?: ReadMemo;
}

/** A district evaluated: its figures and result (and the evidence when asked for). */
export interface DistrictEvaluation {
  readonly ok: true;
  /** The canonical name ('' when the name cell is blank). */
  readonly district: string;
  readonly figures: DistrictFigures;
  readonly result: DistrictResult;
  /** Channel names of the counted operators. */
  readonly channelNames: readonly string[];
  /** Each counted new operator's day (the trend's months). */
  readonly operatorDays: readonly Day[];
  /** The counted rows (evidence), when asked for. */
  readonly evidence: TallyResult | null;
}

/** A district whose sheets cannot be counted, and why (Thai). */
export interface DistrictUncountable {
  readonly ok: false;
  readonly district: string;
  readonly figures: DistrictFigures;
  readonly problem: string;
}

/**
 * Evaluates a district.
 * @param sources its row's cells and its sheets' values
 * @param rules fiscal year, cut-off, basis, criteria and channel names
 * @param withEvidence also keep the rows counted (reports need them; the formula does not)
 */
export function evaluateDistrict(
  sources: DistrictSources,
  rules: EvaluationRules,
  withEvidence = false,
): DistrictEvaluation | DistrictUncountable {
  const district = canonicalDistrictName(cellText(sources.name));
  const figures = readFigures(sources.registered, sources.promoted);
  const who = district === '' ? 'อำเภอในแถวนี้' : `อ.${district}`;
  const sheets = [
    { layout: ACTIVITY_LAYOUT as Layout<string>, values: sources.activities, label: `ชีตกิจกรรมของ ${who}` },
    { layout: ONLINE_LAYOUT as Layout<string>, values: sources.online, label: `ชีตออนไลน์ของ ${who}` },
    { layout: BASELINE_LAYOUT as Layout<string>, values: sources.baseline, label: 'ชีตฐาน' },
  ];
  const maps = sheets.map(({ layout, values }) => mapColumns(layout, values[0] ?? []));
  for (let i = 0; i < sheets.length; i++) {
    const problem = columnProblem(sheets[i].layout, sheets[i].values[0] ?? [], sheets[i].label);
    if (problem) return { ok: false, district, figures, problem };
  }
  const input = {
    districts: [district],
    activities: sources.activities.slice(1),
    online: withoutHeader(sources.online, rules.memo),
    // one copy of the baseline's rows for every district of a run (its reading is shared too)
    baseline: withoutHeader(sources.baseline, rules.memo),
    asOf: rules.asOf,
    fiscalYear: rules.fiscalYear,
    channelRows: rules.channelRows,
    memo: rules.memo,
    shapes: {
      activities: { columns: maps[0].index, district: 0 },
      online: { columns: maps[1].index, district: 0 },
      baseline: { columns: maps[2].index },
    },
  } as Parameters<typeof tally>[0];
  const evidence = withEvidence ? tally(input) : null;
  const counts = evidence ? evidence.districts[0] : tallyCounts(input)[0];
  return {
    ok: true,
    district,
    figures,
    result: districtResult(figures, counts, rules.criteria, rules.basis, profileOf(rules.fiscalYear).measures),
    channelNames: counts.channelNames,
    operatorDays: counts.operatorDays,
    evidence,
  };
}

/**
 * The goals every district aims at (the top level's minimums).
 * @param criteria the criteria
 */
export function districtGoals(criteria: Criteria): { activities: number; channels: number } {
  const top = topLevel(criteria);
  return { activities: top.minActivities, channels: top.minChannels };
}
