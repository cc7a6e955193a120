/**
 * The registry's marks changed in one call (src/platform/sheetRegistry.ts updateMarks,
 * clearUnfinished) against the stand-in: each marker found by its metadata id, so a copy of a
 * sheet (which carries the same marker value, dev/fakes/copying.ts) keeps its own; the calls do
 * not grow with the sheets; the undo puts every old value back whether or not the call took effect.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import { clearUnfinished, markSheet, readRegistry, updateMarks } from '../../src/platform/sheetRegistry';
import { startExecution } from '../../src/platform/services';
import { Undo } from '../../src/platform/undo';
import { withExecutionGlobals } from '../support/executionGlobals';

const OWNER = 'owner@example.com';

/** Runs adapter code with an execution's globals, as Apps Script gives them to the bundle. */
const within = <T>(globals: object, fn: () => T): T =>
  withExecutionGlobals(globals, startExecution, fn, ['Sheets', 'SpreadsheetApp', 'Session', 'PropertiesService']);

/** Three sheets marked unfinished by run "r1", and a copy of the first (its marker copied). */
function marked() {
  const wb = createFakeWorkbook({ owner: OWNER, sheetNames: ['ก', 'ข', 'ค'] });
  const run = wb.createExecution({ user: OWNER });
  const globals = run.globals as unknown as Record<string, unknown>;
  const ss = run.globals.SpreadsheetApp.getActive();
  const owns = within(globals, () =>
    ss
      .getSheets()
      .map((sheet, i) =>
        markSheet(sheet, { role: 'activities', district: `d${i}`, unfinished: { as: 'made', run: 'r1' } }, new Undo()),
      ),
  );
  ss.getSheets()[0].copyTo(ss);
  run.globals.SpreadsheetApp.flush();
  const values = () =>
    ss.getSheets().map((sheet) =>
      sheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getValue() ?? '')
        .join(),
    );
  return { wb, run, globals, ss, owns, values };
}

test('unfinished flags cleared in one batchUpdate by metadata id; the copy keeps its marker; undo restores', () => {
  const { wb, run, globals, ss, owns, values } = marked();
  const before = values();
  expect(before[3]).toBe(before[0]); // the copy carries the first sheet's marker
  const undo = new Undo();
  wb.ledger.reset();
  const cleared = within(globals, () => clearUnfinished(ss, owns, undo));
  // the ids of markers this run made are read once (flush, get), then one change whatever the count
  expect(wb.ledger.calls(run.id).filter((c) => c !== 'Spreadsheet.getId')).toEqual([
    'SpreadsheetApp.flush',
    'Sheets.Spreadsheets.get',
    'SpreadsheetApp.flush',
    'Sheets.Spreadsheets.batchUpdate',
  ]);
  expect(cleared.map((own) => own.mark.unfinished)).toEqual([undefined, undefined, undefined]);
  const after = values();
  expect(after.slice(0, 3).every((v) => v.includes('"sheetId"') && !v.includes('unfinished'))).toBe(true);
  expect(after[3]).toBe(before[3]); // the copy's marker is not ours to change
  // the registry reads the new marks back, and a second change needs no id read
  const registry = within(globals, () => readRegistry(ss));
  expect(registry.sheets.map((s) => s.mark.unfinished)).toEqual([undefined, undefined, undefined]);
  wb.ledger.reset();
  within(globals, () =>
    updateMarks(
      ss,
      registry.sheets.map((own) => ({ own, mark: { ...own.mark, district: 'x' } })),
      new Undo(),
    ),
  );
  expect(wb.ledger.calls(run.id).filter((c) => c !== 'Spreadsheet.getId')).toEqual([
    'SpreadsheetApp.flush',
    'Sheets.Spreadsheets.batchUpdate',
  ]);
  within(globals, () => expect(undo.run()).toEqual([]));
  expect(values()).toEqual(before); // by id: the clear's old values, whatever came after it
});

test('the undo is right whether or not the change took effect', () => {
  const { globals, ss, owns, values } = marked();
  const before = values();
  const undo = new Undo();
  within(globals, () => clearUnfinished(ss, owns, undo));
  expect(values()).not.toEqual(before);
  within(globals, () => expect(undo.run()).toEqual([]));
  expect(values()).toEqual(before);
  // run again (nothing to undo now: the values are the old ones already): still as before
  const again = new Undo();
  within(globals, () => clearUnfinished(ss, owns, again));
  within(globals, () => expect(again.run()).toEqual([]));
  expect(values()).toEqual(before);
});

test('a marker gone before the change (its sheet deleted) is said in Thai and nothing is changed', () => {
  const { globals, ss, owns, values, run } = marked();
  ss.deleteSheet(ss.getSheets()[1]);
  run.globals.SpreadsheetApp.flush();
  const before = values();
  expect(() => within(globals, () => clearUnfinished(ss, owns, new Undo()))).toThrow('ถูกลบระหว่างที่ส่วนเสริมทำงาน');
  expect(values()).toEqual(before);
});
