/** The districts of the workbook, as listed in its district table. */
import { canonicalDistrictName, type District } from '../core/districts';
import { parseCount } from '../core/numbers';
import { cleanText, isBlank } from '../core/text';
import { DISTRICT_COL, type DistrictFigures, TOTAL_LABEL } from './districtTable';

/**
 * The districts in the district table's values (rows 2 down to the total row or the first
 * blank name), or the given defaults when the table has none yet. Names are canonical, so a
 * misspelt name keeps its district's sheets.
 * @param values the district sheet's values
 * @param defaults the districts of a new workbook (the letter's nine)
 */
export function readDistrictFigures(
  values: readonly (readonly unknown[])[],
  defaults: readonly District[],
): DistrictFigures[] {
  const figures: DistrictFigures[] = [];
  for (const row of values.slice(1)) {
    const name = cleanText(String(row[DISTRICT_COL.name] ?? ''));
    if (isBlank(name) || name === TOTAL_LABEL) break;
    const count = (v: unknown) => {
      const parsed = parseCount(v);
      return parsed.ok ? parsed.value : 0;
    };
    figures.push({
      name: canonicalDistrictName(name),
      registered: count(row[DISTRICT_COL.registered]),
      promoted: count(row[DISTRICT_COL.promoted]),
    });
  }
  return figures.length > 0
    ? figures
    : defaults.map(({ name, registered, promoted }) => ({ name, registered, promoted }));
}
