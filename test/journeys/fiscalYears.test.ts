/**
 * Issue 22's findings through the built bundle: a workbook that lived through FY 2565 and whose
 * settings the province moved to FY 2566. Another year's submissions are never read as this
 * year's (sidebar, board, reminders, resubmission question, the round summary); FY 2565's
 * September report stays owed in October of FY 2566, for the district and the province on its
 * behalf; a round record of an earlier version (`round:1`) keeps its year; the record sheet's
 * รหัสรายงาน column is Thai. Each test failed on the code before fiscal years were keys.
 */
import { createHash } from 'node:crypto';
import { LABEL } from '../../src/kernel/settings';
import { activityRows, onlineRows, typeRows } from '../support/entries';
import {
  dutiesProvince,
  PROVINCE_EDITOR,
  SANGKHOM,
  sheetValues,
  sidebarDuty,
  THA_BO,
  triggerResolver,
} from '../support/duties';
import { setSetting } from '../support/journey';
import type { Harness } from '../support/workbook';

const RECORDS = 'การส่งรายงานของอำเภอ';
const BOARD = 'สถานะการส่งรายงาน';

/** Sets the clock to a Bangkok moment. */
const at = (h: Harness, y: number, m: number, d: number, hour = 10) => h.book.clock.set(new Date(y, m - 1, d, hour, 0));

/** The province moves the settings to FY 2566 with its deadlines (4th Fridays, as in 2565). */
function toFy2566(h: Harness): void {
  setSetting(h, LABEL.fiscalYear, 2566);
  setSetting(h, LABEL.round(1), '24/03/2566');
  setSetting(h, LABEL.round(2), '26/05/2566');
  setSetting(h, LABEL.round(3), '22/09/2566');
  setSetting(h, LABEL.asOf, '30/09/2566');
}

/** The board's cell of a district under a column header. */
function boardCell(h: Harness, district: string, header: string): unknown {
  const values = sheetValues(h, BOARD);
  const head = values[3];
  return values.find((r) => r[0] === district)?.[head.indexOf(header)];
}

/** A district officer's duty of a kind and period as the sidebar shows it. */
function duty(h: Harness, user: string, kind: string, period: string) {
  return sidebarDuty(h, user, kind, period);
}

/** ท่าบ่อ submitted FY 2565's round 1 on 20 Mar 65; the settings then moved to FY 2566. */
function lastYearsRoundSubmitted(): Harness {
  const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
  expect(h.as(THA_BO).gas.sidebarSubmitRound(1, true).needsConfirmation).toBe(false);
  at(h, 2023, 3, 10);
  toFy2566(h);
  // FY 2566's entries of ท่าบ่อ: 5 activities, 6 new operators
  typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 5, '10/01/2566'));
  typeRows(h.run.spreadsheet, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 6, 3, '12/01/2566'));
  return h;
}

describe('another year’s round submission is not this year’s', () => {
  test('the sidebar and the board show FY 2566’s round 1 as not yet submitted, and say which year', () => {
    const h = lastYearsRoundSubmitted();
    const view = h.as(THA_BO).gas.sidebarDuties();
    expect(view.fiscalYear).toBe(2566);
    const round = duty(h, THA_BO, 'round', '1');
    expect(round).toMatchObject({ fiscalYear: 2566, state: 'notYetDue', submissions: [] });
    expect(round.text).not.toMatch(/ส่งแล้ว/);
    h.gas.sidebarSetUp(); // rebuilds the board
    expect(sheetValues(h, BOARD)[0][0]).toBe('สถานะการส่งรายงานของอำเภอ ปีงบประมาณ 2566');
    expect(boardCell(h, 'ท่าบ่อ', 'รอบที่ 1')).toBe('ยังไม่ถึงกำหนด');
  });

  test('a real FY 2566 submission is not asked about as a resubmission; the summary shows 2566’s figures', () => {
    const h = lastYearsRoundSubmitted();
    at(h, 2023, 3, 20);
    const sent = h.as(THA_BO).gas.sidebarSubmitRound(1, true);
    expect(sent.needsConfirmation).toBe(false);
    expect(sent.message).not.toMatch(/ครั้งที่ 2/);
    const [, first, second] = sheetValues(h, RECORDS);
    const header = sheetValues(h, RECORDS)[0];
    const code = header.indexOf('รหัสรายงาน');
    expect([first[code], second[code]]).toEqual(['สรุปผล รอบที่ ๑ ปีงบ ๒๕๖๕', 'สรุปผล รอบที่ ๑ ปีงบ ๒๕๖๖']);
    at(h, 2023, 3, 25);
    const made = h.as(PROVINCE_EDITOR).gas.sidebarMakeRoundSummary(1, true);
    const text = sheetValues(h, made.sheet)
      .map((r) => r.join(' | '))
      .join('\n');
    expect(text).toContain('ตามที่อำเภอส่งเมื่อ 20 มี.ค. 66');
    expect(text).not.toContain('ตามที่อำเภอส่งเมื่อ 20 มี.ค. 65');
    // its headers name FY 2566's baseline year (2565), not the letter's
    expect(text).toContain('ส่งเสริมแล้ว ปี ๖๕');
    expect(text).not.toMatch(/๖๔/);
    const row = sheetValues(h, made.sheet).find((r) => r.includes('ท่าบ่อ'));
    expect(row).toBeDefined();
    expect(row).toEqual(expect.arrayContaining([5, 6]));
  });

  test('ท่าบ่อ gets FY 2566’s 7-day reminder of round 1', () => {
    const h = lastYearsRoundSubmitted();
    at(h, 2023, 3, 16, 7);
    h.gas.sidebarSetReminders(true);
    h.book.runDueTriggers(new Date(2023, 2, 17, 12, 0), { resolve: triggerResolver(h) });
    const toTha = h.book.sentMails.filter((m) => m.to.includes(THA_BO));
    expect(toTha.map((m) => m.htmlBody).join('\n')).toMatch(/สรุปผล รอบที่ 1/);
  });
});

describe('FY 2565’s September report in October of FY 2566', () => {
  /** FY 2565 kept (a round submitted), the settings moved to 2566 on 3 Oct 65. */
  function october(): Harness {
    const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
    h.as(THA_BO).gas.sidebarSubmitRound(1, true);
    at(h, 2022, 10, 3);
    toFy2566(h);
    return h;
  }

  test('still owed, named with its year and its due date; the district submits it', () => {
    const h = october();
    const sept = duty(h, THA_BO, 'month', '2022-09');
    expect(sept).toMatchObject({ fiscalYear: 2565, state: 'notYetDue', open: true });
    expect(sept.dueText).toBe('5 ตุลาคม 2565 (รายงานของปีงบประมาณ 2565)');
    const sent = h.as(THA_BO).gas.sidebarSubmitMonthly('2022-09', true);
    expect(sent.message).toBe('ส่งรายงานประจำเดือน กันยายน 2565 ของ อ.ท่าบ่อ ถึงจังหวัดหนองคายเรียบร้อย (ตรงเวลา)');
    expect(boardCell(h, 'ท่าบ่อ', 'ก.ย. 65 (ปีงบ 2565)')).toBe('ส่งแล้ว 3 ต.ค. 65');
  });

  test('the province submits it on a district’s behalf, late', () => {
    const h = october();
    at(h, 2022, 10, 7);
    const sent = h.as(PROVINCE_EDITOR).gas.sidebarSubmitMonthly('2022-09', true, 'สังคม');
    expect(sent.message).toContain('(ช้า 2 วัน)');
    expect(boardCell(h, 'สังคม', 'ก.ย. 65 (ปีงบ 2565)')).toBe('ส่งช้า 2 วัน');
    expect(duty(h, SANGKHOM, 'month', '2022-09')).toMatchObject({ state: 'late', daysLate: 2 });
  });

  test('in FY 2565 the board says the September report is due in the next fiscal year', () => {
    const h = dutiesProvince(new Date(2022, 8, 20, 10, 0));
    const line = sheetValues(h, BOARD)[2].join(' ');
    expect(line).toContain('กำหนดส่ง 5 ต.ค. 65 ซึ่งอยู่ในปีงบประมาณ 2566');
    expect(duty(h, THA_BO, 'month', '2022-09').dueText).toBe('5 ตุลาคม 2565 (อยู่ในปีงบประมาณ 2566)');
  });
});

describe('records of earlier versions keep their year', () => {
  /** The previous version's seal: SHA-256 of the previous seal and the row's cells (as legacyRecords.test.ts). */
  const chained = (previous: string, cells: readonly unknown[]) =>
    createHash('sha256')
      .update([previous, ...cells.map((v) => String(v ?? ''))].join('\u241f'), 'utf8')
      .digest('hex')
      .slice(0, 24);

  test('a `round:1` row sealed by an earlier version still verifies and counts for FY 2565 only', () => {
    const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
    h.as(THA_BO).gas.sidebarSubmitRound(1, true);
    // the row as the previous version wrote it: code `round:1`, no key in its snapshot, chained seal
    const sheet = h.run.spreadsheet.getSheetByName(RECORDS)!;
    const values = sheet.getDataRange().getValues();
    const header = values[0].map(String);
    const row = [...values[1]];
    row[header.indexOf('รหัสรายงาน')] = 'round:1';
    const { duty: _key, ...snapshot } = JSON.parse(String(row[header.indexOf('ข้อมูลที่ส่ง')]));
    row[header.indexOf('ข้อมูลที่ส่ง')] = JSON.stringify(snapshot);
    const seal = header.indexOf('รหัสตรวจสอบ');
    sheet.deleteColumns(seal + 2, header.length - seal - 1);
    const cells = row.slice(0, seal);
    sheet.getRange(2, 1, 1, seal).setValues([cells]);
    const last = chained('', cells);
    sheet.getRange(2, seal + 1).setValue(last);
    const properties = h.run.globals.PropertiesService.getDocumentProperties();
    properties.setProperty('otop.submissions', JSON.stringify({ rows: 1, last }));
    properties.deleteProperty('otop.submissions.records');

    const problems = h.gas
      .sidebarCheckData()
      .problems.filter((p: { sheet: string }) => p.sheet === RECORDS)
      .map((p: { message: string }) => p.message);
    expect(problems).toEqual([]);
    expect(duty(h, THA_BO, 'round', '1')).toMatchObject({ fiscalYear: 2565, state: 'onTime' });
    at(h, 2023, 3, 20);
    toFy2566(h);
    expect(duty(h, THA_BO, 'round', '1')).toMatchObject({ fiscalYear: 2566, state: 'notYetDue', submissions: [] });
    expect(h.as(THA_BO).gas.sidebarSubmitRound(1, true).needsConfirmation).toBe(false);
  });
});
