/**
 * The preview's charts: each embedded chart of a sheet (dev/fakes/charts.ts) as the data the
 * page draws (categories and series from the chart's ranges' display values, transposed when
 * the chart is), so that the dashboard can be looked at locally. A sketch of what Sheets draws,
 * not a copy: column and line charts only, the options' title and colours.
 */
import type { ChartModel } from '../fakes/charts';
import { computedBlock } from '../fakes/formulaEngine';
import type { FakeSheet } from '../fakes/sheet';

/** A chart as the preview page draws it. */
export interface ChartView {
  type: string;
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[]; color: string }[];
  /** the dashed series (the target line), by index */
  dashed: number[];
}

/**
 * The charts of a sheet.
 * @param sheet the sheet
 */
export function chartViews(sheet: FakeSheet): ChartView[] {
  return sheet.sheet_.charts.map((m) => view_(sheet, m));
}

function view_(sheet: FakeSheet, m: ChartModel): ChartView {
  // Columns of all ranges side by side (the ranges share their rows).
  // Read from the model (not through Range.getValues: the preview's reads are not the add-on's calls).
  const blocks = m.ranges.map((r) => computedBlock(sheet.ctx_.book, r.sheet, r.rect) as unknown[][]);
  let table: unknown[][] = blocks[0].map((_, i) => blocks.flatMap((b) => b[i] ?? []));
  if (m.transpose) table = table[0].map((_, c) => table.map((row) => row[c]));
  const [header, ...rows] = table;
  const colors = Array.isArray(m.options.colors) ? (m.options.colors as string[]) : [];
  const series = header.slice(1).map((name, s) => ({
    name: String(name),
    values: rows.map((row) => (typeof row[s + 1] === 'number' ? (row[s + 1] as number) : null)),
    color: colors[s] ?? '#4285f4',
  }));
  const styled = (m.options.series ?? {}) as Record<string, { lineDashStyle?: unknown }>;
  return {
    type: m.type,
    title: String(m.options.title ?? ''),
    categories: rows.map((row) => String(row[0] ?? '')),
    series,
    dashed: Object.keys(styled)
      .filter((k) => styled[k]?.lineDashStyle)
      .map(Number),
  };
}
