/**
 * Native charts kept in step with their declaration (EmbeddedChartBuilder, reference/spreadsheet/
 * embedded-chart-builder): a chart of the sheet that reads only this sheet's cells is the
 * add-on's (officers make theirs elsewhere); one whose type and ranges are declared is kept, one
 * that is declared but missing is inserted, and one of ours that is no longer declared (its
 * ranges grew with the districts) is removed. Each change registers its undo first: an inserted
 * chart is removed again; a removed one is inserted again (whether Sheets accepts a removed
 * EmbeddedChart back through insertChart is unconfirmed: the sheet's next set-up inserts it anew
 * either way).
 */
import type { ChartSpec } from '../features/standing/sheets/dashboard';
import type { Undo } from './undo';
import { nameOf } from './sheetName';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** A chart's identity for comparing: its ranges on the sheet, in order. */
function rangesKey_(ranges: readonly string[]): string {
  return ranges.join('|');
}

/**
 * Makes the sheet's charts those declared.
 * @param sheet the sheet
 * @param specs the declared charts
 * @param undo where each change is registered
 * @return whether a chart was inserted or removed
 */
export function syncCharts(sheet: Sheet, specs: readonly ChartSpec[], undo: Undo): boolean {
  const key = (c: Chart) => rangesKey_(c.getRanges().map((r) => r.getA1Notation()));
  // each chart's ranges asked once (a round trip each); ours read only this sheet, told by
  // Range.getGridId ("the grid ID of the range's parent sheet": one call where getSheet() and
  // getSheetId() are two), compared with a range of this sheet's own (whether it equals
  // getSheetId is not documented)
  const id = sheet.getRange(1, 1).getGridId();
  const ours = sheet.getCharts().flatMap((chart) => {
    const ranges = chart.getRanges();
    return ranges.every((r) => r.getGridId() === id)
      ? [{ chart, key: rangesKey_(ranges.map((r) => r.getA1Notation())) }]
      : [];
  });
  const wanted = new Set(specs.map((s) => rangesKey_(s.ranges)));
  let changed = false;
  for (const { chart, key: chartKey } of ours) {
    if (wanted.has(chartKey)) continue;
    undo.add(() => sheet.insertChart(chart), `กราฟในชีต "${nameOf(sheet)}"`);
    sheet.removeChart(chart);
    changed = true;
  }
  const kept = new Set(ours.map((o) => o.key));
  for (const spec of specs) {
    if (kept.has(rangesKey_(spec.ranges))) continue;
    const builder = sheet.newChart();
    const typed = spec.type === 'line' ? builder.asLineChart() : builder.asColumnChart();
    for (const a1 of spec.ranges) typed.addRange(sheet.getRange(a1));
    const chart = typed
      .setNumHeaders(1)
      .setTransposeRowsAndColumns(spec.transpose)
      .setOption('title', spec.title)
      .setOption('colors', [...spec.colors])
      .setOption('legend', { position: 'bottom' });
    for (const [option, value] of Object.entries(spec.options)) chart.setOption(option, value);
    const built = chart.setPosition(spec.at[0], spec.at[1], 0, 0).build();
    // Conditional undo: removes the chart of these ranges if it got onto the sheet.
    undo.add(
      () => {
        for (const c of sheet.getCharts()) if (key(c) === rangesKey_(spec.ranges)) sheet.removeChart(c);
      },
      `กราฟใหม่ในชีต "${nameOf(sheet)}"`,
    );
    sheet.insertChart(built);
    changed = true;
  }
  return changed;
}
