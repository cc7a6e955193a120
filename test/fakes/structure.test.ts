import { createFakeWorkbook } from '../../dev/fakes';
import { findReferences, type LineEdit, mapReferences, shiftedReference } from '../../dev/fakes/formulaRefs';

/** A formula with every reference shifted as after `edit` on the one sheet it names. */
function shift(formula: string, edit: LineEdit): string {
  return mapReferences(formula, (ref) => shiftedReference(ref, edit));
}

const insertRowsAfter = (at: number, count = 1): LineEdit => ({ axis: 'rows', op: 'insert', at, count });
const deleteRows = (at: number, count = 1): LineEdit => ({ axis: 'rows', op: 'delete', at, count });
const insertColumnsAfter = (at: number, count = 1): LineEdit => ({ axis: 'columns', op: 'insert', at, count });
const deleteColumns = (at: number, count = 1): LineEdit => ({ axis: 'columns', op: 'delete', at, count });

describe('finding references in formula text', () => {
  test('references anywhere, not strings, function names or error literals', () => {
    const refs = findReferences(
      `=SUM(A1, $B$2:C3, {'ชื่อ ชีต'!A2:J; Sheet2!A:C}, "D4", LOG10(E5), 1:3, #REF!, Named, ATAN2(1,2))`,
    );
    expect(refs.map((r) => [r.sheetName, r.a, r.b])).toEqual([
      [null, { col: 1, row: 1, colAbs: false, rowAbs: false }, null],
      [null, { col: 2, row: 2, colAbs: true, rowAbs: true }, { col: 3, row: 3, colAbs: false, rowAbs: false }],
      ['ชื่อ ชีต', { col: 1, row: 2, colAbs: false, rowAbs: false }, { col: 10, row: null, colAbs: false, rowAbs: false }],
      [
        'Sheet2',
        { col: 1, row: null, colAbs: false, rowAbs: false },
        { col: 3, row: null, colAbs: false, rowAbs: false },
      ],
      [null, { col: 5, row: 5, colAbs: false, rowAbs: false }, null],
      [null, { col: null, row: 1, colAbs: false, rowAbs: false }, { col: null, row: 3, colAbs: false, rowAbs: false }],
    ]);
  });
});

describe('shifting references after a structural edit', () => {
  test.each<[string, LineEdit, string]>([
    ['=A5', insertRowsAfter(4), '=A6'],
    ['=A5', insertRowsAfter(5), '=A5'],
    ['=$A$5', insertRowsAfter(1, 3), '=$A$8'],
    ['=SUM(A2:A10)', insertRowsAfter(5, 2), '=SUM(A2:A12)'],
    ['=SUM(A2:A10)', insertRowsAfter(10), '=SUM(A2:A10)'],
    ['=SUM(A2:A10)', insertRowsAfter(1), '=SUM(A3:A11)'],
    ['=X(A2:J)', insertRowsAfter(1, 2), '=X(A4:J)'],
    ['=X(A2:J)', insertRowsAfter(5), '=X(A2:J)'],
    ['=X(A:C)', insertRowsAfter(1), '=X(A:C)'],
    ['=X(A:C)', insertColumnsAfter(1), '=X(A:D)'],
    ['=X(A2:J)', insertColumnsAfter(10), '=X(A2:J)'],
    ['=X(A2:J)', insertColumnsAfter(0), '=X(B2:K)'],
    ['=X(2:4)', insertRowsAfter(2), '=X(2:5)'],
    ['=X(2:4)', insertColumnsAfter(1), '=X(2:4)'],
    ['=A5', deleteRows(5), '=#REF!'],
    ['=SUM(A5, B7)', deleteRows(5), '=SUM(#REF!, B6)'],
    ['=SUM(A2:A10)', deleteRows(4, 3), '=SUM(A2:A7)'],
    ['=SUM(A2:A10)', deleteRows(1, 3), '=SUM(A1:A7)'],
    ['=SUM(A2:A3)', deleteRows(2, 2), '=SUM(#REF!)'],
    ['=X(A2:J)', deleteRows(1, 5), '=X(A1:J)'],
    ['=X(A2:J)', deleteColumns(3, 2), '=X(A2:H)'],
    ['=X(C:D)', deleteColumns(3, 2), '=X(#REF!)'],
    ['=X($C$2:$E$9)', deleteColumns(1), '=X($B$2:$D$9)'],
    ['={A2:B3; A5:B6}', insertRowsAfter(3), '={A2:B3; A6:B7}'],
    ['=X("A5", A5)', insertRowsAfter(1), '=X("A5", A6)'],
  ])('%s after %o → %s', (formula, edit, expected) => {
    expect(shift(formula, edit)).toBe(expected);
  });
});

function book() {
  const wb = createFakeWorkbook({ owner: 'owner@example.com', sheetNames: ['ข้อมูล', 'สรุป', 'Sheet3'] });
  const ss = wb.spreadsheet;
  const data = ss.getSheetByName('ข้อมูล')!;
  const summary = ss.getSheetByName('สรุป')!;
  data.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
  return { wb, ss, data, summary, third: ss.getSheetByName('Sheet3')! };
}

describe('stored formulas follow structural edits', () => {
  test('inserting rows rewrites formulas on every sheet that point at the edited sheet', () => {
    const { data, summary, third } = book();
    summary.getRange('A1').setFormula("=SUM('ข้อมูล'!A1:A4)");
    summary.getRange('A2').setFormula('=SUM(A5:A6)'); // its own sheet: unchanged
    third.getRange('A1').setFormula("=MAX('ข้อมูล'!$A$3, 'ข้อมูล'!A2:A)");
    data.getRange('B1').setFormula('=SUM(A3:A4)');
    data.insertRowsAfter(2, 2);
    expect(summary.getRange('A1').getFormula()).toBe("=SUM('ข้อมูล'!A1:A6)");
    expect(summary.getRange('A2').getFormula()).toBe('=SUM(A5:A6)');
    expect(third.getRange('A1').getFormula()).toBe("=MAX('ข้อมูล'!$A$5, 'ข้อมูล'!A2:A)");
    expect(data.getRange('B1').getFormula()).toBe('=SUM(A5:A6)');
    expect(summary.getRange('A1').getValue()).toBe(10);
    expect(data.getRange('B1').getValue()).toBe(7);
  });

  test('deleting the referenced cells leaves #REF! in the text and the value', () => {
    const { data, summary } = book();
    summary.getRange('A1').setFormula("=SUM('ข้อมูล'!A3)");
    summary.getRange('A2').setFormula("=SUM('ข้อมูล'!A1:A4)");
    data.deleteRows(3, 1);
    expect(summary.getRange('A1').getFormula()).toBe('=SUM(#REF!)');
    expect(summary.getRange('A1').getValue()).toBe('#REF!');
    expect(summary.getFormulaError(1, 1)).toBe('Reference does not exist.');
    expect(summary.getRange('A2').getFormula()).toBe("=SUM('ข้อมูล'!A1:A3)");
    expect(summary.getRange('A2').getValue()).toBe(7);
  });

  test('renaming a sheet rewrites the formulas that name it, quoting when needed', () => {
    const { data, summary, third } = book();
    summary.getRange('A1').setFormula("=SUM('ข้อมูล'!A1:A4, Sheet3!B1)");
    third.setName('รายงาน');
    expect(summary.getRange('A1').getFormula()).toBe("=SUM('ข้อมูล'!A1:A4, 'รายงาน'!B1)");
    data.setName('Data');
    expect(summary.getRange('A1').getFormula()).toBe("=SUM(Data!A1:A4, 'รายงาน'!B1)");
    data.setName('AB12');
    expect(summary.getRange('A1').getFormula()).toBe("=SUM('AB12'!A1:A4, 'รายงาน'!B1)");
    expect(summary.getRange('A1').getValue()).toBe(10);
  });

  test('deleting a sheet turns references to it into #REF!', () => {
    const { ss, data, summary } = book();
    summary.getRange('A1').setFormula("=SUM('ข้อมูล'!A1:A4, B1)");
    summary.getRange('B1').setValue(5);
    ss.deleteSheet(data);
    expect(summary.getRange('A1').getFormula()).toBe('=SUM(#REF!, B1)');
    expect(summary.getRange('A1').getValue()).toBe('#REF!');
    ss.insertSheet('ข้อมูล');
    expect(summary.getRange('A1').getFormula()).toBe('=SUM(#REF!, B1)');
  });

  test('merges, conditional-format ranges and validation criteria ranges follow too', () => {
    const { wb, data, summary } = book();
    const app = wb.createExecution({ user: 'owner@example.com' }).services.SpreadsheetApp;
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#ff0000')
      .setRanges([data.getRange('B2:B4')])
      .build();
    data.setConditionalFormatRules([rule]);
    summary
      .getRange('C1:C3')
      .setDataValidation(app.newDataValidation().requireValueInRange(data.getRange('A1:A4')).build());
    data.getRange('D2:E3').merge();
    data.insertRowsAfter(1, 1);
    expect(
      data
        .getConditionalFormatRules()[0]
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B3:B5']);
    const [range] = summary.getRange('C2').getDataValidation()!.getCriteriaValues() as [{ getA1Notation(): string }];
    expect(range.getA1Notation()).toBe('A1:A5');
    expect(
      data
        .getRange('D1:E9')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['D3:E4']);
    data.deleteRows(3, 1);
    expect(
      data
        .getRange('D1:E9')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['D3:E3']);
    data.deleteColumns(5, 1);
    expect(data.getRange('D1:E9').getMergedRanges()).toEqual([]);
  });
});
