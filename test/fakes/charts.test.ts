/** Embedded charts: the builder calls the dashboard makes, insert, list, update and remove. */
import { chartRangesA1, createFakeWorkbook, dump } from '../../dev/fakes';

function setup(user = 'owner@example.com') {
  const wb = createFakeWorkbook();
  const { SpreadsheetApp } = wb.createExecution({ user }).globals;
  const sheet = SpreadsheetApp.getActiveSheet();
  return { wb, sheet };
}

describe('embedded charts', () => {
  test('a built chart keeps its ranges, type, options and anchor, and is on the sheet once inserted', () => {
    const { wb, sheet } = setup();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:C10'))
      .setOption('title', 'ผู้ประกอบการรายใหม่')
      .setPosition(2, 5, 0, 0)
      .setNumHeaders(1)
      .build();
    expect(chart.getChartId()).toBeNull(); // not inserted yet
    expect(sheet.getCharts()).toHaveLength(0);
    sheet.insertChart(chart);
    const [on] = sheet.getCharts();
    expect(on.getChartId()).toEqual(expect.any(Number));
    expect(on.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C10']);
    expect(String(on.modify().getChartType())).toBe('COLUMN');
    expect(dump(wb.spreadsheet).sheets[0].charts).toEqual([
      { type: 'COLUMN', ranges: ['Sheet1!A1:C10'], at: 'E2', options: { title: 'ผู้ประกอบการรายใหม่' }, transpose: false },
    ]);
  });

  test('modify and updateChart replace the chart of that id; removeChart removes it', () => {
    const { sheet } = setup();
    sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange('A1:M5')).build());
    const [chart] = sheet.getCharts();
    sheet.updateChart(
      chart.modify().setTransposeRowsAndColumns(true).clearRanges().addRange(sheet.getRange('A1:M6')).build(),
    );
    const [updated] = sheet.getCharts();
    expect(updated.getChartId()).toBe(chart.getChartId());
    expect(updated.getRanges()[0].getA1Notation()).toBe('A1:M6');
    sheet.removeChart(updated);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  test('a chart needs a range; inserting needs edit rights on the sheet', () => {
    const { wb, sheet } = setup();
    expect(() => sheet.newChart().asColumnChart().build()).toThrow();
    sheet.protect().removeEditors(['x@example.com']);
    const other = wb.createExecution({ user: 'x@example.com' }).globals.SpreadsheetApp.getActiveSheet();
    expect(() => other.insertChart(other.newChart().addRange(other.getRange('A1:B2')).build())).toThrow();
  });

  test('chart ranges are named with their sheet', () => {
    const { wb, sheet } = setup();
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('B2:C3')).build());
    expect(chartRangesA1(wb.spreadsheet.getSheets()[0].sheet_.charts[0])).toEqual(['Sheet1!B2:C3']);
  });
});
