import { createFakeWorkbook, effectiveFormat, renderSheet } from '../../dev/fakes';

function setup() {
  const wb = createFakeWorkbook();
  const { SpreadsheetApp } = wb.createExecution({ user: 'owner@example.com' }).globals;
  const sheet = SpreadsheetApp.getActiveSheet();
  return { wb, SpreadsheetApp, sheet };
}

describe('conditional formatting', () => {
  test('setConditionalFormatRules replaces all rules of the sheet', () => {
    const { SpreadsheetApp, sheet } = setup();
    const range = sheet.getRange('A1:A10');
    const red = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberLessThan(50)
      .setBackground('#F4CCCC')
      .setRanges([range])
      .build();
    const green = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(80)
      .setBackground('#d9ead3')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([red]);
    sheet.setConditionalFormatRules([green]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const condition = rules[0].getBooleanCondition()!;
    expect(String(condition.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(condition.getCriteriaValues()).toEqual([80]);
    expect(condition.getBackground()).toBe('#d9ead3');
    expect(rules[0].getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A10']);

    const kept = sheet.getConditionalFormatRules();
    kept.push(red);
    sheet.setConditionalFormatRules(kept);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
  });

  test("effectiveFormat: the first matching rule wins over the cell's own background", () => {
    const { SpreadsheetApp, sheet } = setup();
    const range = sheet.getRange('B2:B5');
    range.setValues([[30], [60], [90], ['']]).setBackground('#fff2cc');
    const rules = [
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberBetween(50, 100)
        .setBackground('#00ff00')
        .setBold(true)
        .setRanges([range])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberGreaterThan(80)
        .setBackground('#0000ff')
        .setFontColor('#ffffff')
        .setRanges([range])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberLessThan(50)
        .setFontColor('#ff0000')
        .setRanges([range])
        .build(),
      SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground('#cccccc').setRanges([range]).build(),
    ];
    sheet.setConditionalFormatRules(rules);
    expect(effectiveFormat(sheet, 2, 2)).toEqual({ background: '#fff2cc', fontColor: '#ff0000', bold: false });
    expect(effectiveFormat(sheet, 3, 2)).toEqual({ background: '#00ff00', fontColor: '#000000', bold: true });
    expect(effectiveFormat(sheet, 4, 2)).toEqual({ background: '#00ff00', fontColor: '#000000', bold: true });
    expect(effectiveFormat(sheet, 5, 2)).toEqual({ background: '#cccccc', fontColor: '#000000', bold: false });
    expect(effectiveFormat(sheet, 6, 2)).toEqual({ background: '#ffffff', fontColor: '#000000', bold: false });
  });

  test('text conditions and formula-backed cells', () => {
    const wb = createFakeWorkbook();
    const { SpreadsheetApp } = wb.createExecution({ user: 'owner@example.com' }).globals;
    const sheet = wb.spreadsheet.getSheets()[0];
    wb.spreadsheet.setFunctions((n) => (n === 'STATUS' ? () => [['ผ่าน'], ['ไม่ผ่าน']] : undefined));
    sheet.getRange('A1').setFormula('=STATUS()');
    const range = SpreadsheetApp.getActiveSheet().getRange('A1:A2');
    SpreadsheetApp.getActiveSheet().setConditionalFormatRules([
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo('ผ่าน')
        .setBackground('#b7e1cd')
        .setRanges([range])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextContains('ไม่')
        .setBackground('#f4c7c3')
        .setRanges([range])
        .build(),
    ]);
    const rendered = renderSheet(sheet);
    expect(rendered.map((row) => [row[0].value, row[0].background])).toEqual([
      ['ผ่าน', '#b7e1cd'],
      ['ไม่ผ่าน', '#f4c7c3'],
    ]);
    // blankRows: the grid goes on below the content, within the sheet's size
    const padded = renderSheet(sheet, { blankRows: 3 });
    expect(padded.map((row) => row[0].value)).toEqual(['ผ่าน', 'ไม่ผ่าน', '', '', '']);
    expect(renderSheet(sheet, { blankRows: 5000 })).toHaveLength(sheet.getMaxRows());
    const empty = sheet.getParent().insertSheet('ว่าง');
    expect(renderSheet(empty)).toEqual([]);
    expect(renderSheet(empty, { blankRows: 2 }).map((row) => row.length)).toEqual([10, 10]);
  });

  test('rule builders copy, and a rule without a condition cannot be built', () => {
    const { SpreadsheetApp, sheet } = setup();
    const base = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberEqualTo(1)
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('A1')]);
    const copy = base.copy().setBackground('#00ff00').build();
    expect(base.build().getBooleanCondition()?.getBackground()).toBe('#ff0000');
    expect(copy.getBooleanCondition()?.getBackground()).toBe('#00ff00');
    expect(copy.copy().build().getRanges()[0].getA1Notation()).toBe('A1');
    expect(() => SpreadsheetApp.newConditionalFormatRule().setBackground('#ff0000').build()).toThrow();
  });
});

describe('data validation', () => {
  test('rules keep criteria, values, allowInvalid and help text', () => {
    const { SpreadsheetApp, sheet } = setup();
    const list = SpreadsheetApp.newDataValidation()
      .requireValueInList(['ออนไลน์', 'ออฟไลน์'], true)
      .setAllowInvalid(false)
      .setHelpText('เลือกช่องทาง')
      .build();
    sheet.getRange('C2:C4').setDataValidation(list);
    const got = sheet.getRange('C3').getDataValidation()!;
    expect(got.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([['ออนไลน์', 'ออฟไลน์'], true]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(got.getHelpText()).toBe('เลือกช่องทาง');
    expect(
      sheet
        .getRange('C1:C2')
        .getDataValidations()
        .map((r) => r[0] === null),
    ).toEqual([true, false]);

    const inRange = SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange('Z1:Z5'), false).build();
    expect(String(inRange.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(inRange.getAllowInvalid()).toBe(true);
    const between = list.copy().requireNumberBetween(0, 100).build();
    expect([String(between.getCriteriaType()), between.getCriteriaValues(), between.getAllowInvalid()]).toEqual([
      'NUMBER_BETWEEN',
      [0, 100],
      false,
    ]);
    expect(String(SpreadsheetApp.newDataValidation().requireDate().build().getCriteriaType())).toBe(
      'DATE_IS_VALID_DATE',
    );
    expect(String(SpreadsheetApp.newDataValidation().requireCheckbox().build().getCriteriaType())).toBe('CHECKBOX');
    expect(String(SpreadsheetApp.newDataValidation().requireTextIsUrl().build().getCriteriaType())).toBe(
      'TEXT_IS_VALID_URL',
    );
    sheet.getRange('C2:C4').clearDataValidations();
    expect(sheet.getRange('C3').getDataValidation()).toBeNull();
  });
});
