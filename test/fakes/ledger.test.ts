import { classifyCall, createFakeWorkbook, dump } from '../../dev/fakes';
import { expectSameDump } from '../support/sameDump';

describe('call ledger', () => {
  test("meterCalls: the time inside the stand-in's calls, a nested call once, nothing when off", () => {
    const wb = createFakeWorkbook();
    const { SpreadsheetApp } = wb.createExecution({ user: 'owner@example.com' }).globals;
    let now = 0;
    // a clock that moves 10 ms at every read: each outermost call reads it twice
    wb.ledger.meterCalls(() => (now += 10));
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue(1); // two calls
    expect(wb.ledger.insideMs).toBe(30); // three calls, 10 ms between each one's two reads
    // a call made inside another (a read that recalculates a custom function calling a service)
    // is metered once, as part of the outer one: the outer's start and end only
    now = 0;
    wb.ledger.meterCalls(() => (now += 10));
    const outer = wb.ledger.enterCall(); // clock 10
    const inner = wb.ledger.enterCall(); // not read
    wb.ledger.leaveCall(inner); // not read
    now += 100;
    wb.ledger.leaveCall(outer); // clock 120
    expect(wb.ledger.insideMs).toBe(110);
    wb.ledger.meterCalls(null);
    sheet.getRange('A2').setValue(2);
    expect(wb.ledger.insideMs).toBe(0);
  });

  test('every call is recorded as Class.method and classified by kind', () => {
    const wb = createFakeWorkbook();
    const { SpreadsheetApp } = wb.createExecution({ user: 'owner@example.com' }).globals;
    wb.ledger.reset();
    const sheet = SpreadsheetApp.getActiveSheet();
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.setBackground('#ff0000');
    sheet.setFrozenRows(1);
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberEqualTo(1)
      .setBackground('#00ff00')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([rule]);
    range.protect().setDescription('x');
    expect(wb.ledger.calls()).toEqual([
      'SpreadsheetApp.getActiveSheet',
      'Sheet.getRange',
      'Range.setValues',
      'Range.getValues',
      'Range.setBackground',
      'Sheet.setFrozenRows',
      'SpreadsheetApp.newConditionalFormatRule',
      'ConditionalFormatRuleBuilder.whenNumberEqualTo',
      'ConditionalFormatRuleBuilder.setBackground',
      'ConditionalFormatRuleBuilder.setRanges',
      'ConditionalFormatRuleBuilder.build',
      'Sheet.setConditionalFormatRules',
      'Range.protect',
      'Protection.setDescription',
    ]);
    expect(wb.ledger.count('Range.getValues')).toBe(1);
    expect(wb.ledger.count()).toBe(14);
    expect(wb.ledger.byKind()).toEqual({ read: 3, write: 1, format: 5, builder: 5, other: 0 });
    expect(wb.ledger.snapshot().byName['Range.setValues']).toBe(1);
  });

  test('classification rules', () => {
    expect(classifyCall('Range.getValues')).toBe('read');
    expect(classifyCall('Protection.canEdit')).toBe('read');
    expect(classifyCall('Sheet.isSheetHidden')).toBe('read');
    expect(classifyCall('Range.setValue')).toBe('write');
    expect(classifyCall('Range.setFormulas')).toBe('write');
    expect(classifyCall('Range.clearContent')).toBe('write');
    expect(classifyCall('Spreadsheet.insertSheet')).toBe('write');
    expect(classifyCall('Sheet.deleteRows')).toBe('write');
    expect(classifyCall('Sheet.appendRow')).toBe('write');
    expect(classifyCall('Range.setNumberFormats')).toBe('format');
    expect(classifyCall('Range.setFontColors')).toBe('format');
    expect(classifyCall('Range.setDataValidation')).toBe('format');
    expect(classifyCall('Sheet.setColumnWidths')).toBe('format');
    expect(classifyCall('Protection.removeEditors')).toBe('format');
    expect(classifyCall('DataValidationBuilder.requireValueInList')).toBe('builder');
    expect(classifyCall('SpreadsheetApp.newDataValidation')).toBe('builder');
    expect(classifyCall('Ui.showSidebar')).toBe('other');
    expect(classifyCall('Lock.tryLock')).toBe('other');
  });

  test('reading 10 000 rows × 10 columns is one call', () => {
    const wb = createFakeWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0];
    sheet.insertRowsAfter(1000, 9000);
    const data = Array.from({ length: 10000 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
    const range = sheet.getRange(1, 1, 10000, 10);
    range.setValues(data);
    wb.ledger.reset();
    const values = range.getValues();
    expect(values[9999][9]).toBe(99999);
    expect(wb.ledger.count()).toBe(1);
    expect(wb.ledger.calls()).toEqual(['Range.getValues']);
  });

  test('failAt makes exactly the n-th call from now throw, and that call does nothing', () => {
    const wb = createFakeWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0];
    const range = sheet.getRange('A1');
    const before = dump(wb.spreadsheet);
    const timeout = new Error('Service Spreadsheets timed out while accessing document with id fake-spreadsheet-id.');
    wb.ledger.failAt(2, timeout);
    expect(range.getValue()).toBe('');
    expect(() => range.setValue('x')).toThrow(timeout);
    expectSameDump(wb.spreadsheet, before);
    expect(wb.ledger.calls().slice(-2)).toEqual(['Range.getValue', 'Range.setValue']);
    range.setValue('y');
    expect(range.getValue()).toBe('y');
  });

  test('failWhen fails every matching call until cleared', () => {
    const wb = createFakeWorkbook();
    const range = wb.spreadsheet.getSheets()[0].getRange('A1');
    wb.ledger.failWhen(
      (name) => name.startsWith('Range.set'),
      (name) => new Error(`boom: ${name}`),
    );
    expect(() => range.setValue(1)).toThrow('boom: Range.setValue');
    expect(() => range.setValues([[1]])).toThrow('boom: Range.setValues');
    expect(range.getValue()).toBe('');
    wb.ledger.clearFaults();
    range.setValue(1);
    expect(range.getValue()).toBe(1);
  });

  test('fake-only helpers are not recorded', () => {
    const wb = createFakeWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0];
    wb.ledger.reset();
    sheet.getFormulaError(1, 1);
    wb.spreadsheet.canUserEdit('owner@example.com', 'Sheet1', 1, 1);
    dump(wb.spreadsheet);
    expect(wb.ledger.count()).toBe(0);
  });
});

describe('interleaved edits', () => {
  test("another user's edit lands just before the picked call of a run, once", () => {
    const wb = createFakeWorkbook({ owner: 'owner@example.com', editors: ['b@example.com'] });
    const script = wb.createExecution({ user: 'owner@example.com' });
    const person = wb.createExecution({ user: 'b@example.com' });
    const sheet = script.globals.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    wb.ledger.interleave(
      (name) => name === 'Range.setValues',
      () => person.globals.SpreadsheetApp.getActiveSheet().getRange('A2').setValue('typed meanwhile'),
      script.id,
    );
    const read = sheet.getRange('A1:A2').getValues();
    sheet.getRange('A1').setValues([[`${read[0][0]}!`]]);
    sheet.getRange('A1').setValues([['again']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['again'], ['typed meanwhile']]);
    expect(read[1][0]).toBe('b');
    expect(wb.ledger.calls().filter((c) => c === 'Range.setValue')).toHaveLength(1);
  });
});
