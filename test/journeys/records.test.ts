/**
 * Records that officers' habits cannot break (issue 21, item 1), through the built bundle: a
 * note typed under the submissions, a pasted row, a sort, a deleted row, in the record sheet
 * and in the log, never shifts, hides or re-times another record; each is reported by the data
 * check and ignored. A submission killed at any call is finished or undone by the next run,
 * and every committed submission has exactly one log row.
 */
import { LABEL } from '../../src/kernel/settings';
import {
  dutiesProvince,
  nameInSettings,
  SANGKHOM,
  sidebarDuty,
  STRANGER,
  sheetValues,
  THA_BO,
} from '../support/duties';
import { dumpText } from '../support/journey';
import type { Harness } from '../support/workbook';
import { runKilledAt } from '../support/killedRun';

const RECORDS = 'การส่งรายงานของอำเภอ';
const BOARD = 'สถานะการส่งรายงาน';
const LOG = 'บันทึก';

/** Sets the clock to a Bangkok moment. */
const at = (h: Harness, y: number, m: number, d: number, hour = 10) => h.book.clock.set(new Date(y, m - 1, d, hour, 0));

/** The board's cell of a district and a column header. */
function boardCell(h: Harness, district: string, header: string): unknown {
  const values = sheetValues(h, BOARD);
  const row = values.find((r) => r[0] === district);
  return row?.[values[3].indexOf(header)];
}

/** A sheet as an officer edits it by hand, with their own rights. */
const byHand = (h: Harness, user: string, sheet: string) =>
  h.book.createExecution({ user }).spreadsheet.getSheetByName(sheet)!;

/** The data check's problems in one sheet. */
const problemsIn = (h: Harness, sheet: string) =>
  h.gas.sidebarCheckData().problems.filter((p: { sheet: string }) => p.sheet === sheet);

/** The round summary's row of a district: its source and its activities. */
function summaryRow(h: Harness, district: string): { source: unknown; activities: unknown } {
  const values = sheetValues(h, 'สรุปผล รอบที่ 1');
  const header = values.find((r) => r[0] === 'ที่' && r[1] === 'อำเภอ')!;
  const row = values.find((r) => r[1] === district)!;
  return { source: row[header.indexOf('ที่มาของข้อมูล')], activities: row[header.indexOf('กิจกรรม')] };
}

describe('a note typed under the submission records (the issue’s scenario)', () => {
  test('สังคม’s on-time submission after ท่าบ่อ’s note counts as sent, on time, everywhere', () => {
    const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
    h.gas.sidebarSetReminders(true);
    h.as(THA_BO).gas.sidebarSubmitRound(1, true);
    const records = byHand(h, THA_BO, RECORDS);
    records.getRange(records.getLastRow() + 1, 1).setValue('หมายเหตุ: ท่าบ่อจะส่งหลักฐานเพิ่มทางไลน์');
    at(h, 2022, 3, 21);
    const told = h.as(SANGKHOM).gas.sidebarSubmitRound(1, true);
    expect(told.message).toContain('เรียบร้อย (ตรงเวลา)');

    // the sidebar
    expect(sidebarDuty(h, SANGKHOM, 'round', '1')).toMatchObject({ state: 'onTime', text: 'ส่งแล้ว 21 มี.ค. 65' });
    // the board, rebuilt by the reminders' run a day before the deadline; nobody reminded of round 1
    at(h, 2022, 3, 24, 8);
    const mailsBefore = h.book.sentMails.length;
    h.gas.remindDistricts();
    expect(boardCell(h, 'สังคม', 'รอบที่ 1')).toBe('ส่งแล้ว 21 มี.ค. 65');
    expect(boardCell(h, 'ท่าบ่อ', 'รอบที่ 1')).toBe('ส่งแล้ว 20 มี.ค. 65');
    const reminded = h.book.sentMails.slice(mailsBefore).filter((m) => m.to.includes(SANGKHOM));
    expect(reminded.filter((m) => /รอบที่ 1/.test(`${m.subject}\n${m.body}`))).toEqual([]);
    // the round summary takes the submitted figures
    at(h, 2022, 3, 26);
    h.gas.sidebarMakeRoundSummary(1);
    expect(summaryRow(h, 'สังคม').source).toBe('ตามที่อำเภอส่งเมื่อ 21 มี.ค. 65');
    // a resubmission is asked about, and the first still decides: on time
    expect(h.as(SANGKHOM).gas.sidebarSubmitRound(1, true).needsConfirmation).toBe(true);
    h.as(SANGKHOM).gas.sidebarSubmitRound(1, true, '', true);
    expect(boardCell(h, 'สังคม', 'รอบที่ 1')).toBe('ส่งแล้ว 21 มี.ค. 65');
    // the data check reports the note, and only the note
    const problems = problemsIn(h, RECORDS);
    expect(problems.map((p: { row: number }) => p.row)).toEqual([3]);
    expect(problems[0].message).toContain('ส่วนเสริมไม่นับแถวนี้');
    // the note is kept as typed
    expect(records.getRange(3, 1).getValue()).toBe('หมายเหตุ: ท่าบ่อจะส่งหลักฐานเพิ่มทางไลน์');
  });
});

describe('officers’ habits in the record sheet', () => {
  /** Both districts submitted October on time (3 and 4 Nov). */
  const submitted = (): Harness => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    at(h, 2021, 11, 4);
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
    return h;
  };
  const october = (h: Harness, user: string) => sidebarDuty(h, user, 'month', '2021-10');

  test('sorted (newest first): both submissions still count, with their own days; nothing reported', () => {
    const h = submitted();
    byHand(h, THA_BO, RECORDS).getRange('A2:T3').sort({ column: 17, ascending: false });
    expect(sheetValues(h, RECORDS)[1][1]).toBe('สังคม'); // the sort did move the rows
    expect(october(h, THA_BO)).toMatchObject({ state: 'onTime', text: 'ส่งแล้ว 3 พ.ย. 64' });
    expect(october(h, SANGKHOM)).toMatchObject({ state: 'onTime', text: 'ส่งแล้ว 4 พ.ย. 64' });
    expect(problemsIn(h, RECORDS)).toEqual([]);
    at(h, 2021, 12, 6);
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-11', true); // a new record below the sorted ones
    expect(sidebarDuty(h, THA_BO, 'month', '2021-11')).toMatchObject({ state: 'late' });
    expect(problemsIn(h, RECORDS)).toEqual([]);
  });

  test('a record pasted again counts once and is reported', () => {
    const h = submitted();
    const sheet = byHand(h, THA_BO, RECORDS);
    sheet.getRange('A4:T4').setValues(sheet.getRange('A2:T2').getValues()); // copied and pasted as values
    expect(problemsIn(h, RECORDS).map((p: { row: number; message: string }) => [p.row, p.message])).toEqual([
      [4, expect.stringContaining('ซ้ำกับรายการเลขที่ 1 ในแถวที่ 2')],
    ]);
    expect(october(h, THA_BO).submissions).toHaveLength(1);
  });

  test('a deleted record is reported; the other keeps its day; the next submission is not hidden', () => {
    const h = submitted();
    byHand(h, SANGKHOM, RECORDS).deleteRow(2); // ท่าบ่อ's record
    expect(october(h, SANGKHOM)).toMatchObject({ state: 'onTime', text: 'ส่งแล้ว 4 พ.ย. 64' });
    expect(october(h, THA_BO)).toMatchObject({ state: 'notYetDue', submissions: [] });
    expect(problemsIn(h, RECORDS).map((p: { message: string }) => p.message)).toEqual([
      expect.stringContaining('รายการเลขที่ 1 หายไป'),
    ]);
    at(h, 2021, 11, 8);
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    expect(october(h, THA_BO)).toMatchObject({ state: 'late', text: 'ส่งช้า 3 วัน' });
    expect(october(h, SANGKHOM)).toMatchObject({ state: 'onTime' });
  });

  test('a column inserted by an officer changes no record', () => {
    const h = submitted();
    const sheet = byHand(h, THA_BO, RECORDS);
    sheet.insertColumnsAfter(2, 1);
    sheet.getRange(1, 3).setValue('หมายเหตุของอำเภอ');
    sheet.getRange(2, 3).setValue('ส่งแล้ว');
    expect(october(h, THA_BO)).toMatchObject({ state: 'onTime', text: 'ส่งแล้ว 3 พ.ย. 64' });
    expect(problemsIn(h, RECORDS)).toEqual([]);
    at(h, 2021, 12, 2);
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-11', true);
    expect(sidebarDuty(h, SANGKHOM, 'month', '2021-11')).toMatchObject({ state: 'onTime' });
    expect(problemsIn(h, RECORDS)).toEqual([]);
  });
});

describe('officers’ habits in the log', () => {
  test('a note typed below, a sort: reported once, never hides the rows written after it', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    const log = byHand(h, THA_BO, LOG);
    log.getRange(log.getLastRow() + 1, 1).setValue('ตรวจแล้ว');
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
    const noteRow = sheetValues(h, LOG).findIndex((r) => r[0] === 'ตรวจแล้ว') + 1;
    expect(problemsIn(h, LOG).map((p: { row: number }) => p.row)).toEqual([noteRow]);
    log.getRange(2, 1, log.getLastRow() - 1, 8).sort({ column: 3, ascending: true });
    expect(problemsIn(h, LOG)).toHaveLength(1);
  });

  test('a deleted row in the middle is reported by its number', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
    const log = byHand(h, THA_BO, LOG);
    const values = log.getDataRange().getValues();
    const row = values.findIndex((r) => String(r[3]).startsWith('อ.ท่าบ่อ ปีงบประมาณ 2565 ครั้งที่ 1')) + 1;
    const number = values[row - 1][6];
    log.deleteRow(row);
    expect(problemsIn(h, LOG).map((p: { message: string }) => p.message)).toEqual([
      expect.stringContaining(`รายการเลขที่ ${number} หายไป`),
    ]);
  });
});

describe('a submission killed right after writing its row', () => {
  test('set-up, though it changes nothing else, logs and finishes it (the failure message sends officers there)', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true); // the record sheet exists
    h.gas.sidebarSetUp();
    const clean = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    clean.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
    clean.gas.sidebarSetUp();
    clean.book.ledger.reset();
    const officer = clean.as(THA_BO);
    officer.gas.sidebarSubmitMonthly('2021-10', true);
    const names = clean.book.ledger.calls(officer.run.id);
    const row = names.indexOf('Range.setValues') + 1; // the record's row
    const tha = h.as(THA_BO);
    h.book.ledger.reset();
    h.book.ledger.inject({ at: row + 1, mode: 'outage', error: new Error('killed'), execution: tha.run.id });
    expect(() => tha.gas.sidebarSubmitMonthly('2021-10', true)).toThrow();
    h.book.ledger.clearFaults();
    tha.run.end();
    expect(sheetValues(h, RECORDS).filter((r) => r[1] === 'ท่าบ่อ')).toHaveLength(1); // written, not logged
    expect(sheetValues(h, LOG).filter((r) => String(r[3]).startsWith('อ.ท่าบ่อ'))).toHaveLength(0);
    h.gas.sidebarSetUp();
    const logged = sheetValues(h, LOG).filter((r) => String(r[3]).startsWith('อ.ท่าบ่อ'));
    expect(logged.map((r) => [r[2], r[7]])).toEqual([['ส่งรายงานประจำเดือน ตุลาคม 2564', 'submission:2']]);
    expect(String(logged[0][3])).toContain('บันทึกย้อนหลัง');
    expect(sidebarDuty(h, THA_BO, 'month', '2021-10')).toMatchObject({ state: 'onTime' });
    expect([...problemsIn(h, RECORDS), ...problemsIn(h, LOG)]).toEqual([]);
  });
});

describe('a report’s log row deleted by hand', () => {
  test('is reported as missing, never written again as if the report had not been logged', () => {
    const h = dutiesProvince(new Date(2022, 2, 26, 10, 0));
    h.gas.sidebarMakeRoundSummary(1);
    const log = byHand(h, THA_BO, LOG);
    const row =
      log
        .getDataRange()
        .getValues()
        .findIndex((r) => r[2] === 'สร้างสรุปผล รอบที่ 1') + 1;
    log.deleteRow(row);
    h.as(THA_BO).gas.sidebarCheckData(); // a run that logs
    h.gas.sidebarSetUp();
    const made = sheetValues(h, LOG).filter((r) => r[2] === 'สร้างสรุปผล รอบที่ 1');
    expect(made).toEqual([]);
    expect(problemsIn(h, LOG).map((p: { message: string }) => p.message)).toEqual([expect.stringContaining('หายไป')]);
  });
});

describe('a submission killed at any call', () => {
  test('the next run finishes or undoes it: the next district’s submission counts, each record is logged once', () => {
    const prepare = () => {
      const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
      h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true); // the record sheet exists
      return h;
    };
    const clean = prepare();
    clean.book.ledger.reset();
    const officer = clean.as(THA_BO);
    officer.gas.sidebarSubmitMonthly('2021-10', true);
    const names = clean.book.ledger.calls(officer.run.id);
    const calls = names.length;
    // Killed right at and right after every write, and at every 5th call between (a submission
    // reads the board in one call now: as many positions as before).
    const positions = names.flatMap((name, i) =>
      /\.(set|insert|delete|flush)/.test(name) ? [i + 1, i + 2] : (i + 1) % 5 === 0 ? [i + 1] : [],
    );
    const broken: string[] = [];
    for (const n of [...new Set(positions)].filter((p) => p <= calls)) {
      const h = prepare();
      const tha = h.as(THA_BO);
      // the killed execution's lock goes with it
      runKilledAt(h.book, tha.run, n, () => tha.gas.sidebarSubmitMonthly('2021-10', true));
      // the next district's submission (a later month), then what everyone sees
      at(h, 2021, 12, 3);
      h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-11', true);
      const sang = sidebarDuty(h, SANGKHOM, 'month', '2021-11');
      const tha10 = sidebarDuty(h, THA_BO, 'month', '2021-10');
      const log = sheetValues(h, LOG);
      const logged = (district: string, month: string) =>
        log.filter((r) => String(r[2]).includes(month) && String(r[3]).startsWith(`อ.${district} `)).length;
      const recorded = tha10.submissions.length;
      const problems = [...problemsIn(h, RECORDS), ...problemsIn(h, LOG)];
      const line = `kill at ${n}/${calls}: sang ${sang.state}, tha records ${recorded} logged ${logged('ท่าบ่อ', 'ตุลาคม')}, sang logged ${logged('สังคม', 'พฤศจิกายน')}, problems ${problems.map((p: { message: string }) => p.message).join(' | ')}`;
      const ok =
        sang.state === 'onTime' &&
        logged('สังคม', 'พฤศจิกายน') === 1 &&
        logged('ท่าบ่อ', 'ตุลาคม') === recorded &&
        recorded <= 1 &&
        problems.length === 0;
      if (!ok) broken.push(line);
    }
    expect(broken).toEqual([]);
    expect(positions.length).toBeGreaterThan(20);
  });
});

describe('an officer named in ตั้งค่า acts before set-up gives them their rights', () => {
  test('refused in Thai with what to do (ask the province to run set-up), nothing changed; after set-up it succeeds', () => {
    const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
    // the province names a second officer for ท่าบ่อ and has not run set-up since
    nameInSettings(h, LABEL.districtEditors('ท่าบ่อ'), `${THA_BO}, ${STRANGER}`);
    const before = dumpText(h);
    let thrown: Error | null = null;
    try {
      h.as(STRANGER).gas.sidebarSubmitRound(1, true);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toMatch(/ตั้งค่า/);
    expect(thrown?.message).toMatch(/จังหวัด/);
    expect(thrown?.message).not.toMatch(/ย้อนกลับได้ไม่ครบ/);
    expect(dumpText(h)).toBe(before);
    h.gas.sidebarSetUp();
    expect(h.as(STRANGER).gas.sidebarSubmitRound(1, true).message).toContain('เรียบร้อย (ตรงเวลา)');
  });
});
