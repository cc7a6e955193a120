/**
 * OTOP_SUM as a pure function of its argument: the district table's total of a typed figure
 * column (registered, promoted). Sheets' SUM skips text, so a figure typed in Thai digits
 * (๒๔๑) would count in its district's row and not in the total; OTOP_SUM reads each cell with
 * the rows' own rule (figureValue), so the total is the sum of what the rows use.
 */
import { figureValue } from '../rules/districtResult';
import { type Arg, isRange } from '../../../kernel/args';

/**
 * OTOP_SUM(range): the sum of the readable figures of a range (blank and unreadable cells add
 * nothing, as in the rows, which show what to fix).
 * @param values a range or a single value
 */
export function otopSum(values: Arg): number {
  const rows = isRange(values) ? values : [[values]];
  let total = 0;
  for (const row of rows) for (const cell of row) total += figureValue(cell) ?? 0;
  return total;
}
