/** What the official reports set on cells and rows: fonts, vertical alignment, wraps, borders, row heights. */
import { createFakeWorkbook, dump } from '../../dev/fakes';

function setup() {
  const wb = createFakeWorkbook();
  const { SpreadsheetApp } = wb.createExecution({ user: 'owner@example.com' }).globals;
  const sheet = SpreadsheetApp.getActiveSheet();
  return { wb, sheet };
}

describe('fonts and alignment', () => {
  test('a new cell is Arial 10, bottom-aligned; set values are read back per cell', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B2');
    expect([range.getFontFamily(), range.getFontSize(), range.getVerticalAlignment()]).toEqual(['Arial', 10, 'bottom']);
    sheet.getRange('A1:B1').setFontFamily('Sarabun').setFontSize(12).setVerticalAlignment('top');
    expect(range.getFontFamilies()).toEqual([
      ['Sarabun', 'Sarabun'],
      ['Arial', 'Arial'],
    ]);
    expect(range.getFontSizes()).toEqual([
      [12, 12],
      [10, 10],
    ]);
    expect(sheet.getRange('B1').getVerticalAlignment()).toBe('top');
    sheet.getRange('A1').setFontFamily(null);
    expect(sheet.getRange('A1').getFontFamily()).toBe('Arial');
  });

  test('a font size that is not a positive number is refused', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setFontSize(0)).toThrow('Invalid argument');
  });

  test('setWraps sets each cell and needs the range’s shape', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setWraps([[true, false]]);
    expect([sheet.getRange('A1').getWrap(), sheet.getRange('B1').getWrap()]).toEqual([true, false]);
    expect(() => sheet.getRange('A1:B1').setWraps([[true]])).toThrow();
  });
});

describe('borders', () => {
  test('outer edges and inner lines land on the cells they belong to; null changes nothing', () => {
    const { wb, sheet } = setup();
    sheet.getRange('A1:B2').setBorder(true, true, true, true, false, false);
    let cells = dump(wb.spreadsheet).sheets[0].cells;
    expect(cells.A1.border).toBe('top left');
    expect(cells.B2.border).toBe('bottom right');
    sheet.getRange('A1:B2').setBorder(null, null, null, null, true, true);
    cells = dump(wb.spreadsheet).sheets[0].cells;
    expect(cells.A1.border).toBe('top left bottom right');
    expect(cells.B1.border).toBe('top left bottom right'); // its left is the inner vertical line
    sheet.getRange('A1:B2').setBorder(false, false, false, false, false, false);
    expect(dump(wb.spreadsheet).sheets[0].cells.A1?.border).toBeUndefined();
  });
});

describe('row heights', () => {
  test('default 21 px; set heights are kept and move with inserted and deleted rows', () => {
    const { wb, sheet } = setup();
    expect(sheet.getRowHeight(3)).toBe(21);
    sheet.setRowHeights(2, 2, 40);
    sheet.setRowHeight(5, 60);
    expect([2, 3, 4, 5].map((r) => sheet.getRowHeight(r))).toEqual([40, 40, 21, 60]);
    sheet.insertRowsAfter(1, 1);
    expect([2, 3, 4, 6].map((r) => sheet.getRowHeight(r))).toEqual([21, 40, 40, 60]);
    sheet.deleteRows(2, 2);
    expect([2, 4].map((r) => sheet.getRowHeight(r))).toEqual([40, 60]);
    expect(dump(wb.spreadsheet).sheets[0].rowHeights).toEqual({ 2: 40, 4: 60 });
  });

  test('a height that is not a whole positive number of pixels is refused', () => {
    const { sheet } = setup();
    expect(() => sheet.setRowHeight(1, 0)).toThrow('Invalid argument');
    expect(() => sheet.setRowHeights(1, 2, 2.5)).toThrow('Invalid argument');
  });
});
