/** Standings built from per-district rows, as the district table's formula evaluates them. */
import type { Day } from '../../src/kernel/civilDate';
import { CRITERIA_2565 } from '../../src/kernel/criteria';
import { DEFAULT_CHANNEL_ROWS } from '../../src/features/counting/rules/channels';
import { evaluateDistrict } from '../../src/features/standing/rules/districtEvaluation';
import type { PercentBasis } from '../../src/features/standing/rules/districtResult';
import { NONG_KHAI_DISTRICTS } from '../../src/features/setup/rules/districts';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../src/features/counting/rules/entryLayout';
import { type Standing, standingOf } from '../../src/features/standing/sheets/standing';

/** One district's sheets' data rows (no header) and its typed figures. */
export interface DistrictData {
  readonly name: string;
  readonly registered: unknown;
  readonly promoted: unknown;
  readonly activities?: unknown[][];
  readonly online?: unknown[][];
}

/** The letter's nine districts with the given rows per district name. */
export function letterDistricts(
  rows: Record<string, { activities?: unknown[][]; online?: unknown[][] }>,
): DistrictData[] {
  return NONG_KHAI_DISTRICTS.map((d) => ({
    name: d.name,
    registered: d.registered,
    promoted: d.promoted,
    ...rows[d.name],
  }));
}

/**
 * The standing at a cut-off, each district evaluated from its own sheets.
 * @param districts the districts, in table order
 * @param asOf the cut-off
 * @param options baseline rows, basis
 */
export function standingFor(
  districts: readonly DistrictData[],
  asOf: Day,
  options: { baseline?: unknown[][]; basis?: PercentBasis } = {},
): Standing {
  const basis = options.basis ?? 'registered';
  const rules = { fiscalYear: 2565, asOf, basis, criteria: CRITERIA_2565, channelRows: DEFAULT_CHANNEL_ROWS };
  const evaluations = districts.map((d) =>
    evaluateDistrict(
      {
        name: d.name,
        registered: d.registered,
        promoted: d.promoted,
        activities: [[...ACTIVITY_LAYOUT.headers], ...(d.activities ?? [])],
        online: [[...ONLINE_LAYOUT.headers], ...(d.online ?? [])],
        baseline: [[...BASELINE_LAYOUT.headers], ...(options.baseline ?? [])],
      },
      rules,
      true,
    ),
  );
  return standingOf(evaluations, CRITERIA_2565, basis, asOf);
}
