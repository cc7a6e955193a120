/** Snapshots of a fake workbook: restored copies are the workbook as it was, and independent. */
import { createFakeWorkbook, dump, snapshotWorkbook } from '../../dev/fakes';
import type { WorkbookModel } from '../../dev/fakes/model';
import { snapshotModel } from '../../dev/fakes/snapshot';
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

test('a restored copy keeps every shared reference and cycle of the model, and shares nothing with it', () => {
  // A model-like graph: one rule on two cells, a row holding one cell twice, a cycle (a sheet and
  // its metadata), a Map whose value is also a field, class instances, a frozen constant (as the
  // enums' members: kept as they are).
  class Kind_ {
    readonly name = 'CUSTOM_FORMULA';
  }
  class Sheet_ {
    metadata: { sheet: Sheet_ | null }[] = [];
    rows: unknown[][] = [];
  }
  const KIND = Object.freeze(new Kind_());
  const rule = { criteria: KIND, values: ['=A1>0'] };
  const cell = { value: 1, validation: rule };
  const sheet = new Sheet_();
  sheet.rows = [[cell, cell, { value: 2, validation: rule }]];
  sheet.metadata.push({ sheet });
  const byName = new Map([['Data', sheet]]);
  const model = { sheets: [sheet], byName, first: sheet, functions: null };
  const snapshot = snapshotModel(model as unknown as WorkbookModel, []);
  for (const { book } of [snapshot.restore(), snapshot.restore()]) {
    const copy = book as unknown as typeof model;
    const [s] = copy.sheets;
    expect(s).toBeInstanceOf(Sheet_);
    expect(s).not.toBe(sheet);
    expect(copy.first).toBe(s);
    expect(copy.byName.get('Data')).toBe(s);
    expect(s.metadata[0].sheet).toBe(s);
    const [a, b, c] = s.rows[0] as (typeof cell)[];
    expect(a).not.toBe(cell);
    expect(a).toBe(b);
    expect(a.validation).toBe(c.validation);
    expect(a.validation).not.toBe(rule);
    expect(a.validation.criteria).toBe(KIND);
    expect(c).toEqual({ value: 2, validation: { criteria: KIND, values: ['=A1>0'] } });
  }
  expect(snapshot.restore().book).not.toBe(snapshot.restore().book);
});
