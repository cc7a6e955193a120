/** Snapshots of a fake workbook: restored copies are the workbook as it was, and independent. */
import { createFakeWorkbook, dump, snapshotWorkbook } from '../../dev/fakes';
import { smallProvince } from '../support/faultSweep';
import { harnessSnapshot } from '../support/workbook';

const OWNER = 'owner@example.com';

test('a restored copy is the workbook as it was, with the same execution, and changing it changes nothing else', () => {
  const book = createFakeWorkbook({ sheetNames: ['Data'], now: new Date(2022, 0, 5, 9, 0) });
  const run = book.createExecution({ user: OWNER });
  const sheet = run.spreadsheet.getSheetByName('Data')!;
  sheet.getRange('A1:B2').setValues([
    [1, new Date(2022, 0, 1)],
    ['x', '=A1+1'],
  ]);
  sheet.getRange('A1:A2').setBackground('#ff0000');
  run.globals.PropertiesService.getDocumentProperties().setProperty('k', 'v');
  run.globals.LockService.getDocumentLock().tryLock(10);
  const snapshot = snapshotWorkbook(book, [run]);
  const before = JSON.stringify(dump(book.spreadsheet));

  const first = snapshot.restore();
  const copy = first.runs[0];
  expect(JSON.stringify(dump(first.book.spreadsheet))).toBe(before);
  expect({ id: copy.id, user: copy.user }).toEqual({ id: run.id, user: run.user });
  expect(copy.globals.PropertiesService.getDocumentProperties().getProperty('k')).toBe('v');
  // the copy's execution holds the lock it held: another user's run waits for it in vain
  const other = first.book.createExecution({ user: OWNER });
  expect(other.globals.LockService.getDocumentLock().tryLock(10)).toBe(false);

  copy.spreadsheet.getSheetByName('Data')!.getRange('C3').setValue('changed');
  first.book.clock.set(new Date(2030, 0, 1));
  expect(JSON.stringify(dump(book.spreadsheet))).toBe(before);
  expect(book.clock.now()).toBe(new Date(2022, 0, 5, 9, 0).getTime());
  expect(first.book.ledger.count()).toBeGreaterThan(0);
  expect(JSON.stringify(dump(snapshot.restore().book.spreadsheet))).toBe(before);
  sheet.getRange('D4').setValue('later');
  expect(JSON.stringify(dump(snapshot.restore().book.spreadsheet))).toBe(before);
});

test('a restored harness runs the bundle as the rebuilt one does: same calls, same workbook', () => {
  const restore = harnessSnapshot(smallProvince());
  const copy = restore();
  const rebuilt = smallProvince();
  expect(JSON.stringify(dump(copy.run.spreadsheet))).toBe(JSON.stringify(dump(rebuilt.run.spreadsheet)));
  for (const h of [copy, rebuilt]) {
    h.book.ledger.reset();
    h.gas.sidebarCheckData();
  }
  expect(copy.book.ledger.calls(copy.run.id)).toEqual(rebuilt.book.ledger.calls(rebuilt.run.id));
  expect(JSON.stringify(dump(copy.run.spreadsheet))).toBe(JSON.stringify(dump(rebuilt.run.spreadsheet)));
  // and the next copy is untouched by it
  expect(JSON.stringify(dump(restore().run.spreadsheet))).not.toBe(JSON.stringify(dump(copy.run.spreadsheet)));
});
