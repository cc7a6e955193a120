/** The fault sweep itself, against tiny actions whose outcome at every position is known. */
import { createFakeWorkbook } from '../../dev/fakes';
import { formatSweep, sweep, sweepModes, type SweepSubject } from '../support/faultSweep';

const OWNER = 'owner@example.com';

function prepare(): SweepSubject {
  const book = createFakeWorkbook({ sheetNames: ['Data'] });
  return { book, run: book.createExecution({ user: OWNER }) };
}

/**
 * Writes A1:B1, then C1; on any failure puts A1:B1 back and reports in Thai. Calls: getActive 1,
 * getSheetByName 2, getRange 3, getValues 4, setValues 5, getRange 6, setValue 7; undo: setValues.
 */
function save(s: SweepSubject): void {
  const app = s.run.globals.SpreadsheetApp;
  let range: GoogleAppsScript.Spreadsheet.Range | null = null;
  let old: unknown[][] | null = null;
  try {
    const sheet = app.getActive().getSheetByName('Data');
    if (!sheet) throw new Error('no sheet');
    range = sheet.getRange('A1:B1');
    old = range.getValues();
    range.setValues([[1, 2]]);
    sheet.getRange('C1').setValue('saved');
  } catch {
    try {
      if (range && old) range.setValues(old);
    } catch {
      // the undo failed too: the officer is told all the same
    }
    throw new Error('บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง');
  }
}

/** Appends a row, then stamps B1; not idempotent, and no undo. Calls: 1, 2, appendRow 3, getRange 4, setValue 5. */
function append(s: SweepSubject): void {
  const sheet = s.run.globals.SpreadsheetApp.getActive().getSheetByName('Data');
  if (!sheet) throw new Error('no sheet');
  sheet.appendRow(['entry']);
  sheet.getRange('B1').setValue('stamped');
}

const outcomes = (r: ReturnType<typeof sweep>) =>
  r.results.map((p) => `${p.at}${p.undoAt ? `/${p.undoAt}` : ''}:${p.outcome}`);

test("mode 'before' keeps today's strict checks and finds no partial state", () => {
  const r = sweep(prepare, save);
  expect(r).toMatchObject({ mode: 'before', positions: 7, unchanged: 7, done: 0, partial: 0, notThai: 0, calls: 7 });
  expect(r.healing).toBe(false);
});

test("mode 'after': the last write stays although its call failed — partial, and healed by a rerun", () => {
  const r = sweep(prepare, save, { mode: 'after' });
  expect(outcomes(r)).toEqual([
    '1:unchanged',
    '2:unchanged',
    '3:unchanged',
    '4:unchanged',
    '5:unchanged',
    '6:unchanged',
    '7:partial',
  ]);
  expect(r).toMatchObject({ partial: 1, healed: 7, unhealed: 0, notThai: 0 });
});

test("mode 'outage': from the failing call on nothing gets through, the undo neither", () => {
  const r = sweep(prepare, save, { mode: 'outage' });
  expect(outcomes(r)).toEqual([
    '1:unchanged',
    '2:unchanged',
    '3:unchanged',
    '4:unchanged',
    '5:unchanged',
    '6:partial',
    '7:partial',
  ]);
  expect(r).toMatchObject({ partial: 2, healed: 7, unhealed: 0 });
});

test("mode 'undo': every k along the undo path (here one step) fails once", () => {
  const r = sweep(prepare, save, { mode: 'undo' });
  expect(outcomes(r)).toEqual([
    '1/1:unchanged',
    '2/1:unchanged',
    '3/1:unchanged',
    '4/1:unchanged',
    '5/1:unchanged',
    '6/1:partial',
    '7/1:partial',
  ]);
  const given = sweep(prepare, save, { mode: 'undo', undoAt: [1, 2] });
  expect(given.positions).toBe(14);
  expect(given.partial).toBe(2); // k = 2 is past the undo path: the undo runs
});

test("mode 'late': only deferrable writes are tried; a lost last write surfaces at end()", () => {
  const r = sweep(prepare, save, { mode: 'late' });
  expect(r).toMatchObject({ candidates: 2, positions: 2, unchanged: 1, partial: 1, surfacedAtEnd: 1, healed: 2 });
  expect(r.results.map((p) => [p.at, p.outcome, p.surfacedAtEnd, p.thai])).toEqual([
    [5, 'unchanged', false, true], // surfaced at the next read, inside the try: undone, Thai
    [7, 'partial', true, null], // the action returned; the run failed after it
  ]);
});

test('healing that does not heal, and messages that are not Thai, are counted', () => {
  const r = sweep(prepare, append, { mode: 'after' });
  // After appendRow (3) or getRange (4) the row stays and a rerun appends a second one; after the
  // stamp (5) all is done. Nothing is caught, so no message is Thai.
  expect(r).toMatchObject({ positions: 5, unchanged: 2, partial: 2, done: 1, healed: 2, unhealed: 2, notThai: 5 });
  expect(r.results.filter((p) => p.healed === false).map((p) => p.at)).toEqual([3, 4]);
  expect(() => sweep(prepare, append, { mode: 'after', strict: true })).toThrow();
});

/** Makes a sheet "Final" with A1 = 1; on failure removes it again. */
function makeFinal(s: SweepSubject): void {
  const ss = s.run.globals.SpreadsheetApp.getActive();
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  try {
    sheet = ss.insertSheet('Final');
    sheet.getRange('A1').setValue(1);
  } catch {
    if (sheet) ss.deleteSheet(sheet);
    throw new Error('สร้างไม่สำเร็จ');
  }
}

test('a rerun after a failed one gets new sheet ids: compared with the clean run, ids are left out', () => {
  const r = sweep(prepare, makeFinal, { mode: 'after' });
  // insertSheet (2) fails after making the sheet: the code never got it, so "Final" stays.
  expect(outcomes(r)).toEqual(['1:unchanged', '2:partial', '3:unchanged', '4:unchanged']);
  // The heal after 3 and 4 makes "Final" with the next id, one more than the clean run's.
  expect(r.results.map((p) => p.healed)).toEqual([true, false, true, true]);
});

test('a stride samples positions, and the printed line says so', () => {
  const r = sweep(prepare, save, { mode: 'outage', stride: 3 });
  expect(r.results.map((p) => p.at)).toEqual([1, 4, 7]);
  expect(formatSweep(r)).toBe(
    'outage (3 sampled with stride 3 of 7 positions, 7 calls): 2 unchanged, 0 done, 1 partial; healed 3 of 3; 0 without Thai; 0 surfaced at end()',
  );
  expect(formatSweep(sweep(prepare, save))).toBe(
    'before (every one of 7 positions, 7 calls): 7 unchanged, 0 done, 0 partial; 0 without Thai; 0 surfaced at end()',
  );
});

test('sweepModes gives the counts by mode', () => {
  const counts = sweepModes(prepare, save, [{ mode: 'before' }, { mode: 'after' }, { mode: 'late' }]);
  expect(Object.keys(counts)).toEqual(['before', 'after', 'late']);
  expect([counts.before?.partial, counts.after?.partial, counts.late?.partial]).toEqual([0, 1, 1]);
  expect(counts.after).not.toHaveProperty('results');
});
