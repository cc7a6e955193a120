/**
 * A report's official form (merges, font sizes, bold parts, alignments, bordered tables with
 * grey headers, column widths, row heights) is applied in one Sheets API batchUpdate
 * (platform/reportSheet.ts formRequests_), not a SpreadsheetApp call or two per block, and the
 * sheet still carries every part of it.
 */
import { dump } from '../../../../dev/fakes/dump';
import { newHarness } from '../../../support/workbook';

test('a round summary formats its form in one API call, and the form is all there', () => {
  const h = newHarness();
  h.gas.sidebarSetUp();
  h.book.ledger.reset();
  h.gas.sidebarMakeRoundSummary(3);
  const calls = h.book.ledger.calls();
  expect(calls.filter((c) => c === 'Sheets.Spreadsheets.batchUpdate')).toHaveLength(1);
  const perBlock = ['Range.mergeAcross', 'Range.setFontWeight', 'Range.setHorizontalAlignment', 'Range.setBorder'];
  expect(
    calls.filter((c) => perBlock.includes(c) || c === 'Sheet.setRowHeights' || c === 'Sheet.setColumnWidths'),
  ).toEqual([]);

  const sheet = dump(h.run.spreadsheet).sheets.find((s) => s.name === 'สรุปผล รอบที่ 3')!;
  const cells = new Map(Object.entries(sheet.cells));
  const last = String.fromCharCode(64 + sheet.maxColumns);
  // the memo's title: merged across the page, bold, centred, larger than the text
  expect(sheet.merges).toContain(`A1:${last}1`);
  expect(cells.get('A1')).toMatchObject({ fontWeight: 'bold', horizontalAlignment: 'center', fontFamily: 'Sarabun' });
  expect(cells.get('A1')?.fontSize).toBeGreaterThan(cells.get('A2')?.fontSize ?? 0);
  // the table's header row (frozen, so printed on every page): grey and boxed in every column
  const header = sheet.frozenRows;
  for (let c = 0; c < sheet.maxColumns; c++) {
    const cell = cells.get(`${String.fromCharCode(65 + c)}${header}`);
    expect(cell?.background).toBe('#efefef');
    expect(cell?.border).toBe('top left bottom right');
  }
  // every column and row sized from the content
  expect(Object.keys(sheet.columnWidths)).toHaveLength(sheet.maxColumns);
  expect(Object.keys(sheet.rowHeights)).toHaveLength(sheet.maxRows);
});
