import vm from 'node:vm';
import { createFakeWorkbook, dump } from '../../dev/fakes';
import { expectSameDump } from '../support/sameDump';

// Stands in for the built bundle: plain Apps Script code using the global services.
const SCRIPT = `
function onOpen() {
  SpreadsheetApp.getUi().createMenu('KPI').addItem('บันทึก', 'save').addToUi();
}
function save() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(5000)) throw new Error('busy');
  try {
    var sheet = SpreadsheetApp.getActive().getSheetByName('ข้อมูล');
    sheet.getRange(2, 1, 1, 3).setValues([[new Date(2022, 9, 1), 'ออนไลน์', 1500]]);
    PropertiesService.getDocumentProperties().setProperty('savedBy', Session.getActiveUser().getEmail());
  } finally {
    lock.releaseLock();
  }
}
function firstIsDate() {
  return SpreadsheetApp.getActive().getSheetByName('ข้อมูล').getRange('A2').getValue() instanceof Date;
}
/** @customfunction */
function TOTAL(rows) {
  return rows.reduce(function (sum, row) { return sum + (typeof row[2] === 'number' ? row[2] : 0); }, 0);
}
/** @customfunction */
function BROKEN() {
  throw new Error('ข้อมูลไม่ครบ');
}
`;

describe('running script code in a vm context over the fake globals', () => {
  test('menus, writes, properties and custom functions work through the globals', () => {
    const wb = createFakeWorkbook({ editors: ['officer@example.com'], sheetNames: ['สรุป', 'ข้อมูล'] });
    const run = wb.createExecution({ user: 'officer@example.com' });
    // Sharing the host Date keeps `instanceof Date` true for values returned by the fakes.
    const context = vm.createContext({ ...run.globals, Date });
    vm.runInContext(SCRIPT, context);
    wb.spreadsheet.setFunctions((name) => {
      const fn: unknown = context[name];
      return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : undefined;
    });

    context.onOpen();
    expect(run.ui.menus.map((m) => m.caption)).toEqual(['KPI']);
    context.save();
    expect(context.firstIsDate()).toBe(true);
    expect(run.globals.PropertiesService.getDocumentProperties().getProperty('savedBy')).toBe('officer@example.com');

    const summary = wb.spreadsheet.getSheetByName('สรุป')!;
    summary.getRange('A1:A2').setFormulas([["=TOTAL('ข้อมูล'!A2:C)"], ['=BROKEN()']]);
    expect(summary.getRange('A1:A2').getValues()).toEqual([[1500], ['#ERROR!']]);
    expect(summary.getFormulaError(2, 1)).toBe('ข้อมูลไม่ครบ');
  });

  test('a second execution holding the lock makes save() fail and leaves the workbook as it was', () => {
    const wb = createFakeWorkbook({ editors: ['a@example.com', 'b@example.com'], sheetNames: ['สรุป', 'ข้อมูล'] });
    const a = wb.createExecution({ user: 'a@example.com' });
    const b = wb.createExecution({ user: 'b@example.com' });
    const context = vm.createContext({ ...b.globals, Date });
    vm.runInContext(SCRIPT, context);
    expect(a.globals.LockService.getDocumentLock().tryLock(1000)).toBe(true);
    const before = dump(wb.spreadsheet);
    expect(() => context.save()).toThrow('busy');
    expectSameDump(wb.spreadsheet, before);
  });
});
