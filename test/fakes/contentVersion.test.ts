/**
 * The stand-in's per-sheet content version (FakeWorkbook.contentVersion): the year simulator
 * reads a sheet again only when it changed, so a change the version misses would hide a
 * violation. Each way cells change is shown moving it, and changes that leave values alone
 * shown not to.
 */
import { createFakeWorkbook } from '../../dev/fakes';

const OWNER = 'owner@example.com';

function book() {
  const wb = createFakeWorkbook({ owner: OWNER, sheetNames: ['ก', 'ข'] });
  const [a, b] = wb.spreadsheet.getSheets();
  const versions = () => [wb.contentVersion(a.getSheetId()), wb.contentVersion(b.getSheetId())] as const;
  return { wb, a, b, versions };
}

describe('contentVersion', () => {
  test('a write to one sheet moves that sheet only; formats leave it', () => {
    const { a, b, versions } = book();
    const [a0, b0] = versions();
    a.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    const [a1, b1] = versions();
    expect(a1).not.toBe(a0);
    expect(b1).toBe(b0);
    b.getRange('A1').setFormula('=ก!A1+1');
    const [a2, b2] = versions();
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    a.getRange('A1:B2').setBackground('#ff0000').setFontWeight('bold');
    expect(versions()).toEqual([a2, b2]);
    b.appendRow(['x']);
    expect(versions()[1]).not.toBe(b2);
  });

  test('clearing, a sort and a merge move the sheet', () => {
    const { a, versions } = book();
    a.getRange('A1:A3').setValues([[3], [1], [2]]);
    let [was] = versions();
    a.getRange('A1:A3').sort(1);
    expect(a.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    expect(versions()[0]).not.toBe(was);
    [was] = versions();
    a.getRange('A1').clearContent();
    expect(versions()[0]).not.toBe(was);
    [was] = versions();
    a.getRange('B1:C1').merge();
    expect(versions()[0]).not.toBe(was);
  });

  test('rows inserted or deleted, or a sheet renamed, move every sheet (formulas elsewhere are rewritten)', () => {
    const { a, b, versions } = book();
    b.getRange('A1').setFormula('=ก!A3');
    let before = versions();
    a.insertRowsAfter(1, 2);
    expect(b.getRange('A1').getFormula()).toBe("='ก'!A5");
    let after = versions();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    before = after;
    a.setName('ค');
    expect(b.getRange('A1').getFormula()).toBe("='ค'!A5");
    after = versions();
    expect(after[1]).not.toBe(before[1]);
  });

  test('a batchUpdate that writes only formats leaves values and versions; a missing sheet has none', () => {
    const { wb, a, versions } = book();
    a.getRange('A1').setValue('คงเดิม');
    const before = versions();
    const { Sheets } = wb.createExecution({ user: OWNER }).services;
    Sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            repeatCell: {
              range: {
                sheetId: a.getSheetId(),
                startRowIndex: 0,
                endRowIndex: 1,
                startColumnIndex: 0,
                endColumnIndex: 1,
              },
              cell: { userEnteredFormat: { textFormat: { bold: true } } },
              fields: 'userEnteredFormat.textFormat.bold',
            },
          },
        ],
      },
      wb.spreadsheet.getId(),
    );
    expect(a.getRange('A1').getFontWeight()).toBe('bold');
    expect(versions()).toEqual(before);
    expect(wb.contentVersion(424242)).toBeNull();
  });
});

describe('formula results are kept while what they read stands (formulaEngine sheetCalc_)', () => {
  test('a write elsewhere leaves a custom function uncalled; a write to a sheet it reads, even through another, calls it again', () => {
    const wb = createFakeWorkbook({ owner: OWNER, sheetNames: ['ตาราง', 'กลาง', 'ข้อมูล', 'บันทึก'] });
    const [table, middle, data, log] = wb.spreadsheet.getSheets();
    let calls = 0;
    wb.spreadsheet.setFunctions((name) =>
      name === 'COUNT_ROWS'
        ? (rows: unknown) => {
            calls++;
            return (rows as unknown[][]).filter((r) => r[0] !== '').length;
          }
        : undefined,
    );
    data.getRange('A1:A2').setValues([['ก'], ['ข']]);
    middle.getRange('A1').setFormula('=ข้อมูล!A1:A3');
    table.getRange('A1').setFormula('=COUNT_ROWS(กลาง!A1:A3)');
    expect(table.getRange('A1').getValue()).toBe(2);
    expect(calls).toBe(1);
    log.getRange('A1').setValue('ไม่เกี่ยว');
    table.getRange('B1').setBackground('#eeeeee');
    expect(table.getRange('A1').getValue()).toBe(2);
    expect(calls).toBe(1);
    data.getRange('A3').setValue('ค');
    expect(table.getRange('A1').getValue()).toBe(3);
    expect(calls).toBe(2);
    table.getRange('C1').setValue('x'); // its own sheet
    expect(table.getRange('A1').getValue()).toBe(3);
    expect(calls).toBe(3);
  });

  test('NOW() is read again in every generation; a sheet deleted or renamed is noticed', () => {
    // a frozen clock: one following the host's moves between the two reads
    const wb = createFakeWorkbook({ owner: OWNER, sheetNames: ['ก', 'ข', 'ค'], now: new Date(2022, 8, 26, 9, 0) });
    const [a, b, c] = wb.spreadsheet.getSheets();
    a.getRange('A1').setFormula('=NOW()');
    const first = a.getRange('A1').getValue() as Date;
    wb.clock.advance(60_000);
    c.getRange('A1').setValue(1);
    expect((a.getRange('A1').getValue() as Date).getTime()).toBe(first.getTime() + 60_000);
    b.getRange('A1').setValue(5);
    a.getRange('B1').setFormula('=ข!A1');
    expect(a.getRange('B1').getValue()).toBe(5);
    wb.spreadsheet.deleteSheet(b);
    expect(a.getRange('B1').getDisplayValue()).toBe('#REF!');
  });
});
