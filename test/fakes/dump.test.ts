import { createFakeWorkbook, dump, ProtectionType, type FakeServices, type FakeSpreadsheet } from '../../dev/fakes';
import { expectSameDump } from '../support/sameDump';

interface Built {
  ss: FakeSpreadsheet;
  app: FakeServices['SpreadsheetApp'];
}

function build(): Built {
  const wb = createFakeWorkbook({
    owner: 'owner@example.com',
    editors: ['a@example.com'],
    sheetNames: ['ตั้งค่า', 'ข้อมูล'],
  });
  const ss = wb.spreadsheet;
  const app = wb.createExecution({ user: 'owner@example.com' }).services.SpreadsheetApp;
  ss.setFunctions((name) => (name === 'PAIR' ? () => [[1, 2]] : undefined));
  const data = ss.getSheetByName('ข้อมูล')!;
  data.getRange('A1:C2').setValues([
    ['วันที่', 'ยอดขาย', 'ช่องทาง'],
    [new Date(Date.UTC(2022, 0, 31, 17)), 1500, 'ออนไลน์'],
  ]);
  data.getRange('E1').setFormula('=PAIR()');
  data.getRange('A1:C1').setFontWeight('bold').setBackground('#cfe2f3');
  data.setFrozenRows(1);
  data.setColumnWidth(1, 140);
  data.getRange('C2:C').setDataValidation(app.newDataValidation().requireValueInList(['ออนไลน์', 'ออฟไลน์']).build());
  const p = data.getRange('A1:C1').protect().setDescription('หัวตาราง');
  p.removeEditors(['a@example.com']);
  ss.setNamedRange('ยอดขาย', data.getRange('B2:B'));
  return { ss, app };
}

describe('dump', () => {
  test('is complete, JSON-serialisable and deterministic', () => {
    const d = dump(build().ss);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect(JSON.stringify(dump(build().ss))).toBe(JSON.stringify(d));
    const data = d.sheets[1];
    expect(data.name).toBe('ข้อมูล');
    expect(data.frozenRows).toBe(1);
    expect(data.columnWidths).toEqual({ '1': 140 });
    expect(data.cells.A2).toEqual({ value: { date: '2022-01-31T17:00:00.000Z' } });
    expect(data.cells.A1).toEqual({ value: 'วันที่', background: '#cfe2f3', fontWeight: 'bold' });
    expect(data.cells.E1).toEqual({ value: 1, formula: '=PAIR()' });
    expect(data.cells.F1).toEqual({ value: 2 });
    expect(data.cells.C3.validation).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: [['ออนไลน์', 'ออฟไลน์'], true],
      allowInvalid: true,
      helpText: '',
    });
    expect(d.protections).toEqual([
      {
        type: 'RANGE',
        range: "'ข้อมูล'!A1:C1",
        description: 'หัวตาราง',
        editors: ['owner@example.com'],
        domainEdit: false,
        warningOnly: false,
        unprotectedRanges: [],
      },
    ]);
    expect(d.namedRanges).toEqual([{ name: 'ยอดขาย', range: "'ข้อมูล'!B2:B1000" }]);
  });

  const changes: Array<[string, (b: Built) => void]> = [
    ['a value', ({ ss }) => ss.getRange("'ข้อมูล'!B2").setValue(1501)],
    ['a formula', ({ ss }) => ss.getRange("'ข้อมูล'!E1").setFormula('=SUM(B2:B2)')],
    ['a number format', ({ ss }) => ss.getRange("'ข้อมูล'!B2").setNumberFormat('#,##0')],
    ['a background', ({ ss }) => ss.getRange("'ข้อมูล'!B2").setBackground('#ff0000')],
    ['a font colour', ({ ss }) => ss.getRange("'ข้อมูล'!B2").setFontColor('#ff0000')],
    ['a font weight', ({ ss }) => ss.getRange("'ข้อมูล'!A1").setFontWeight('normal')],
    ['a note', ({ ss }) => ss.getRange("'ข้อมูล'!B2").setNote('ตรวจแล้ว')],
    ['an alignment', ({ ss }) => ss.getRange("'ข้อมูล'!B2").setHorizontalAlignment('center')],
    ['a wrap', ({ ss }) => ss.getRange("'ข้อมูล'!B2").setWrap(true)],
    ['a validation', ({ ss }) => ss.getRange("'ข้อมูล'!C5").clearDataValidations()],
    ['frozen rows', ({ ss }) => ss.getSheetByName('ข้อมูล')!.setFrozenRows(2)],
    ['a column width', ({ ss }) => ss.getSheetByName('ข้อมูล')!.setColumnWidth(2, 90)],
    ['a tab colour', ({ ss }) => ss.getSheetByName('ข้อมูล')!.setTabColor('#00ff00')],
    ['a hidden sheet', ({ ss }) => ss.getSheetByName('ข้อมูล')!.hideSheet()],
    ['a sheet name', ({ ss }) => ss.getSheetByName('ข้อมูล')!.setName('ข้อมูล 2565')],
    ['a new sheet', ({ ss }) => ss.insertSheet('ใหม่')],
    ['inserted rows', ({ ss }) => ss.getSheetByName('ตั้งค่า')!.insertRowsAfter(1, 1)],
    ['a protection editor', ({ ss }) => ss.getProtections(ProtectionType.RANGE)[0].addEditor('b@example.com')],
    ['a protection setting', ({ ss }) => ss.getProtections(ProtectionType.RANGE)[0].setWarningOnly(true)],
    ['a new protection', ({ ss }) => ss.getSheetByName('ตั้งค่า')!.protect()],
    ['a named range', ({ ss }) => ss.removeNamedRange('ยอดขาย')],
    [
      'a conditional format rule',
      ({ ss, app }) => {
        const sheet = ss.getSheetByName('ข้อมูล')!;
        sheet.setConditionalFormatRules([
          app
            .newConditionalFormatRule()
            .whenNumberGreaterThan(1000)
            .setBackground('#00ff00')
            .setRanges([sheet.getRange('B2:B')])
            .build(),
        ]);
      },
    ],
    ['a spreadsheet editor', ({ ss }) => ss.addEditor('c@example.com')],
    ['the custom functions', ({ ss }) => ss.setFunctions(() => () => [[3, 4]])],
  ];

  test.each(changes)('changes after %s changes', (_label, change) => {
    const built = build();
    const before = dump(built.ss);
    expectSameDump(built.ss, before);
    change(built);
    expect(dump(built.ss)).not.toEqual(before);
    // the quick comparison (test/support/sameDump.ts) fails on the same change, with jest's diff
    expect(() => expectSameDump(built.ss, before)).toThrow('toEqual');
  });

  test('a failing multi-step action shows up as a difference (partial write)', () => {
    const wb = createFakeWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0];
    const before = dump(wb.spreadsheet);
    // calls: getRange, setValue, getRange, setValue — the 4th (second write) times out
    wb.ledger.failAt(
      4,
      new Error('Service Spreadsheets timed out while accessing document with id fake-spreadsheet-id.'),
    );
    expect(() => {
      sheet.getRange('A1').setValue('step 1');
      sheet.getRange('A2').setValue('step 2');
    }).toThrow('timed out');
    expect(dump(wb.spreadsheet)).not.toEqual(before);
    expect(dump(wb.spreadsheet).sheets[0].cells).toEqual({ A1: { value: 'step 1' } });
  });
});

test('validationText maps each rule’s text values once, and every cell keeps its own values', () => {
  const wb = createFakeWorkbook({ sheetNames: ['Data'] });
  const app = wb.createExecution({ user: 'owner@example.com' }).services.SpreadsheetApp;
  const sheet = wb.spreadsheet.getSheetByName('Data')!;
  sheet.getRange('A1:A3').setDataValidation(app.newDataValidation().requireFormulaSatisfied('=LEN(A1)>2').build());
  sheet.getRange('B1:B2').setDataValidation(app.newDataValidation().requireValueInList(['x', 'y']).build());
  const seen: string[] = [];
  const mapped = dump(wb.spreadsheet, {
    validationText: (text) => {
      seen.push(text);
      return { text };
    },
  });
  const plain = dump(wb.spreadsheet);
  expect(seen).toEqual(['=LEN(A1)>2']); // one rule, mapped once for its three cells
  const cells = mapped.sheets[0].cells;
  expect(cells.A1.validation?.values).toEqual([{ text: '=LEN(A1)>2' }]);
  expect(cells.A1.validation?.values).not.toBe(cells.A2.validation?.values);
  // everything else as without the option
  const { values: _a, ...rest } = cells.A3.validation!;
  const { values: _b, ...plainRest } = plain.sheets[0].cells.A3.validation!;
  expect(rest).toEqual(plainRest);
  expect(cells.B1).toEqual(plain.sheets[0].cells.B1);
  expect({ ...mapped, sheets: [] }).toEqual({ ...plain, sheets: [] });
});
