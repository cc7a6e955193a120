/**
 * Set-up's dashboard step: the dashboard sheet's computed range (only the cells that differ
 * are written, so a repair keeps the sheet as it is when right) and its native charts
 * (platform/charts.ts), from the declaration in features/standing/sheets/dashboard.ts.
 */
import type { Criteria } from '../../../kernel/criteria';
import { type PlannedValue, writeChangedCells } from '../../../platform/cells';
import { makeBlockBold, setBlockFormat } from '../../../platform/change';
import { syncCharts } from '../../../platform/charts';
import type { SheetState } from '../../../platform/sheetState';
import type { OwnSheet, Registry } from '../../../platform/sheetRegistry';
import { type Block, readAllWithFormulas } from '../../../platform/sheetIo';
import { setColumnWidths } from '../../../platform/sheetSync';
import type { Undo } from '../../../platform/undo';
import { dashboardPlan } from '../sheets/dashboard';
import type { TableRefs } from '../../setup/sheets/districtTable';
import { readTable } from '../../../app/door/workbookFetch';

/**
 * Writes or repairs the dashboard.
 * @param own the dashboard sheet
 * @param fresh whether set-up has just made it (its column widths are set)
 * @param registry the add-on's sheets (the district table and each district's sheets)
 * @param refs the district table's references
 * @param fiscalYear BE fiscal year
 * @param criteria the bands (the achieved series' colour: the top level's)
 * @param undo where each change is registered
 * @param facts the sheet as set-up's one read showed it (before this step), when it was there:
 *   a format or bold already in place is not asked again
 * @param read the district table's and the dashboard's values and formulas as set-up read them
 *   at its start, when nothing was written to them since (else each is read here)
 * @return whether anything changed
 */
export function writeDashboard(
  own: OwnSheet,
  fresh: boolean,
  registry: Registry,
  refs: TableRefs,
  fiscalYear: number,
  criteria: Criteria,
  undo: Undo,
  facts?: SheetState,
  read: { readonly table?: Block; readonly own?: Block } = {},
): boolean {
  const tableOwn = registry.one('districts');
  const table = readTable(tableOwn, registry, read.table);
  // The districts whose row has its formula (both its sheets exist), in the table's order.
  const districts = table.rows
    .filter((r) => registry.one('activities', r.name) && registry.one('online', r.name))
    .map((r) => ({ row: r.row }));
  if (!tableOwn || districts.length === 0) return false;
  const top = criteria.levels[0].band.background;
  const plan = dashboardPlan(tableOwn.name, districts, refs, fiscalYear, { achieved: top, activities: '#6fa8dc' });
  const sheet = own.sheet;
  const now = read.own ?? readAllWithFormulas(sheet);
  const all = (row: number, from: number, to: number, holds: (r: number, c: number) => boolean) => {
    for (let c = from; c <= to; c++) if (!holds(row, c)) return false;
    return true;
  };
  if (!(facts && all(plan.labelRow, 2, 13, (r, c) => facts.format(r, c) === '@'))) {
    setBlockFormat(sheet, plan.labelRow, 2, 1, 12, '@', undo);
  }
  let changed =
    writeChangedCells(sheet, plan.cells as ReadonlyMap<number, ReadonlyMap<number, PlannedValue>>, now, undo) > 0;
  // bold as the read showed it while no cell was written since
  const known = changed ? undefined : facts;
  for (const row of plan.boldRows) {
    if (!(known && all(row, 1, plan.width, (r, c) => known.bold(r, c))))
      makeBlockBold(sheet, row, 1, 1, plan.width, undo);
  }
  if (fresh) setColumnWidths(sheet, [200, ...Array<number>(12).fill(72)]);
  changed = syncCharts(sheet, plan.charts, undo) || changed;
  return changed;
}
