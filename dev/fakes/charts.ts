/**
 * Embedded charts: what the add-on's dashboard calls. Sheet.newChart() gives a builder
 * ("Returns a builder to create a new chart for this sheet", reference/spreadsheet/sheet#newChart());
 * its ranges, type (asColumnChart, asLineChart: "Sets the chart type to ColumnChart and returns
 * an EmbeddedColumnChartBuilder", reference/spreadsheet/embedded-chart-builder), options
 * (setOption: "Sets advanced options for this chart", see the chart gallery's option names),
 * position (setPosition(anchorRowPos, anchorColPos, offsetX, offsetY)), transposing and header
 * count are kept; build() makes an EmbeddedChart that Sheet.insertChart adds ("Adds a new chart
 * to this sheet", reference/spreadsheet/sheet#insertChart(EmbeddedChart)), getCharts lists and
 * removeChart removes. Nothing is drawn. The ranges stay where they were given: whether Sheets
 * moves a chart's ranges with inserted rows is not modelled (the add-on rebuilds what differs).
 * Inserting or removing a chart needs edit rights on the whole sheet (unconfirmed: the worse case).
 */
import { rectA1 } from './a1';
import { instrument } from './callLedger';
import { ChartType } from './enums';
import type { ExecutionContext } from './model';
import { FakeRange } from './range';
import type { SheetModel } from './sheetModel';
import type { FakeOf } from './types';

/** A chart as the sheet keeps it. */
export interface ChartModel {
  /** unique in the workbook ("Returns a stable identifier for the chart that is unique across the spreadsheet") */
  id: number;
  type: string;
  ranges: { sheet: SheetModel; rect: FakeRange['rect_'] }[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  transpose: boolean;
  numHeaders: number;
}

let nextChartId_ = 1;

/** A copy of a chart model (ranges' rectangles copied, sheets shared). */
export function copyChart(m: ChartModel): ChartModel {
  return {
    ...m,
    ranges: m.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: structuredClone(m.options),
    position: { ...m.position },
  };
}

const BUILDER_METHODS = [
  'addRange',
  'asColumnChart',
  'asLineChart',
  'build',
  'clearRanges',
  'getChartType',
  'getRanges',
  'setNumHeaders',
  'setOption',
  'setPosition',
  'setTransposeRowsAndColumns',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder)[];

/** EmbeddedChartBuilder (and the column and line builders it becomes: the same members). */
export class FakeEmbeddedChartBuilder
  implements FakeOf<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, (typeof BUILDER_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param sheet_ the sheet the chart is for
   * @param model_ what it builds (a copy of a chart's when modifying one)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly sheet_: SheetModel,
    readonly model_: ChartModel,
  ) {}

  /** @param range a range of any sheet of the workbook */
  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this.model_.ranges.push({ sheet: range.sheet_, rect: { ...range.rect_ } });
    return this;
  }

  /** The chart as a column chart. */
  asColumnChart(): FakeEmbeddedChartBuilder {
    this.model_.type = ChartType.COLUMN as unknown as string;
    return this;
  }

  /** The chart as a line chart. */
  asLineChart(): FakeEmbeddedChartBuilder {
    this.model_.type = ChartType.LINE as unknown as string;
    return this;
  }

  /** The chart (not yet on the sheet: insertChart adds it). */
  build(): FakeEmbeddedChart {
    if (this.model_.ranges.length === 0) throw new Error('Charts must have at least one data range.'); // unconfirmed wording
    return new FakeEmbeddedChart(this.ctx_, this.sheet_, copyChart(this.model_));
  }

  /** Removes every range. */
  clearRanges(): FakeEmbeddedChartBuilder {
    this.model_.ranges = [];
    return this;
  }

  /** The chart type. */
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.model_.type as unknown as GoogleAppsScript.Charts.ChartType;
  }

  /** The ranges given so far. */
  getRanges(): FakeRange[] {
    return this.model_.ranges.map((r) => new FakeRange(this.ctx_, r.sheet, r.rect));
  }

  /** @param headers how many rows or columns are headers */
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.model_.numHeaders = headers;
    return this;
  }

  /** @param option e.g. "title", "colors", "series" @param value its value */
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.model_.options[option] = structuredClone(value);
    return this;
  }

  /** @param anchorRowPos row @param anchorColPos column @param offsetX px @param offsetY px */
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    this.model_.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  /** @param transpose rows as series (true) or columns (false, the default) */
  setTransposeRowsAndColumns(transpose: boolean): FakeEmbeddedChartBuilder {
    this.model_.transpose = transpose;
    return this;
  }
}
instrument(FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder', BUILDER_METHODS);

const CHART_METHODS = [
  'getChartId',
  'getRanges',
  'modify',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.EmbeddedChart)[];

/** EmbeddedChart. */
export class FakeEmbeddedChart
  implements FakeOf<GoogleAppsScript.Spreadsheet.EmbeddedChart, (typeof CHART_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param sheet_ its sheet
   * @param model_ the chart (the sheet's own once inserted)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly sheet_: SheetModel,
    readonly model_: ChartModel,
  ) {}

  /** Its id, or null before it is inserted (unconfirmed: the worse case). */
  getChartId(): number | null {
    return this.sheet_.charts.some((m) => m.id === this.model_.id) ? this.model_.id : null;
  }

  /** Its ranges. */
  getRanges(): FakeRange[] {
    return this.model_.ranges.map((r) => new FakeRange(this.ctx_, r.sheet, r.rect));
  }

  /** A builder with this chart's settings (Sheet.updateChart applies it). */
  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.ctx_, this.sheet_, copyChart(this.model_));
  }
}
instrument(FakeEmbeddedChart, 'EmbeddedChart', CHART_METHODS);

/** A new chart model for a sheet's builder. */
export function newChartModel(): ChartModel {
  return {
    id: nextChartId_++,
    type: ChartType.COLUMN as unknown as string,
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    transpose: false,
    numHeaders: -1,
  };
}

/** A chart's ranges as A1 text with their sheets, for dumps and tests. */
export function chartRangesA1(m: ChartModel): string[] {
  return m.ranges.map((r) => `${r.sheet.name}!${rectA1(r.rect)}`);
}
