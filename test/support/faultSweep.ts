/**
 * Fails the Nth service call of an action, for every N the action makes, and checks that the
 * workbook is afterwards exactly as before (complete dumps: values, formulas, formats, rules,
 * validations, protections) or fully done, and that the officer got a Thai message.
 */
import { dump } from '../../dev/fakes';
import { activityRows, onlineRows, typeRows } from './entries';
import { type Harness, newHarness } from './workbook';

/** The errors Google's services throw, in turn. */
const FAULTS = [
  'Service Spreadsheets timed out while accessing document with id 1abc.',
  'Service invoked too many times for one day: spreadsheets.',
  'Exception: Service Spreadsheets failed while accessing document with id 1abc.',
];

/** A dump without the minute-dependent texts (made-at times, name stamps). */
function normalised(h: Harness): string {
  return JSON.stringify(dump(h.run.spreadsheet))
    .replace(/เวลา \d\d:\d\d น\./g, 'เวลา HH:MM น.')
    .replace(/\d\d-\d\d-\d\d \d\d\.\d\d/g, 'DD-MM-YY HH.MM');
}

/**
 * A small province (two districts) set up, with entries: cheap to dump many times. Its entry
 * sheets exist already with 40 rows (set-up formats and validates every row of them, so the
 * dumps stay small); the settings and criteria sheets are created by set-up.
 */
export function smallProvince(setUp = true): Harness {
  const h = newHarness();
  const ss = h.run.spreadsheet;
  const table = ss.insertSheet('อำเภอ');
  table.getRange(1, 1, 3, 4).setValues([
    ['ที่', 'อำเภอ', 'ผู้ประกอบการทั้งหมด', 'ส่งเสริมแล้ว'],
    [1, 'ท่าบ่อ', 74, 12],
    [2, 'สังคม', 63, 6],
  ]);
  for (const name of ['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ', 'กิจกรรม สังคม', 'ออนไลน์ สังคม', 'ฐาน ๒๕๖๔']) {
    ss.insertSheet(name).deleteRows(41, 960);
  }
  if (setUp) {
    h.gas.sidebarSetUp();
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '10/03/2565'));
    typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 3, 2, '11/03/2565'));
    typeRows(ss, 'ออนไลน์ สังคม', [['12/03/2565', 'สังคม', '', 'กลุ่ม <b>', 'ผ้า', 'MySpace', '', '', '']]);
  }
  return h;
}

/**
 * Sweeps every call position of an action.
 * @param prepare makes the workbook the action starts from (deterministic)
 * @param action the action, called through the bundle
 * @return how many positions were tried
 */
export function sweepFaults(prepare: () => Harness, action: (h: Harness) => unknown): number {
  const reference = prepare();
  const before = normalised(reference);
  reference.book.ledger.reset();
  action(reference);
  const calls = reference.book.ledger.count();
  const done = normalised(reference);
  expect(done).not.toEqual(before); // the action does change the workbook
  for (let n = 1; n <= calls; n++) {
    const h = prepare();
    h.book.ledger.reset();
    h.book.ledger.failAt(n, new Error(FAULTS[n % FAULTS.length]));
    let thrown: unknown = null;
    try {
      action(h);
    } catch (error) {
      thrown = error;
    }
    const after = normalised(h);
    if (thrown) {
      expect({ n, message: (thrown as Error).message }).toEqual({
        n,
        message: expect.stringMatching(/[\u0e00-\u0e7f]/),
      });
      expect({ n, same: after === before }).toEqual({ n, same: true });
    } else {
      expect({ n, outcome: after === done || after === before }).toEqual({ n, outcome: true });
    }
  }
  return calls;
}
