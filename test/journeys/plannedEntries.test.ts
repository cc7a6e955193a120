/**
 * What has not happened yet does not count (issue 20): an activity typed ahead of its day
 * (planned) is shown as planned and counts from its day, in the district table, the sidebar
 * and the data check alike; the data day the formulas count to is kept at today by the
 * province's actions and set-up, so the table and the server read one day.
 */
import { LABEL } from '../../src/kernel/settings';
import { triggerResolver } from '../support/duties';
import { activityRows, typeRows, typeTwoDistricts } from '../support/entries';
import { NOWHERE, PROVINCE, SANGKHOM, setSetting, THA_BO } from '../support/journey';
import { districtStanding, type Harness, newHarness, OWNER } from '../support/workbook';

/** The district table's cell of a district under a header, as displayed. */
function tableCell(h: Harness, district: string, header: string): string {
  const rows = h.run.spreadsheet.getSheetByName('อำเภอ')!.getDataRange().getDisplayValues();
  const row = rows.find((r) => r[1] === district);
  if (!row) throw new Error(`no row ${district}`);
  return row[rows[0].indexOf(header)];
}

/** The settings' data day cell: BE text (dd/mm/yyyy) as officers read it, as a local Date; a date cell as it is. */
function dataDay(h: Harness): unknown {
  const settings = h.run.spreadsheet.getSheetByName('ตั้งค่า')!.getDataRange().getValues();
  const value = settings.find((r) => r[0] === LABEL.dataDay)?.[1];
  const be = typeof value === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value) : null;
  return be ? new Date(Number(be[3]) - 543, Number(be[2]) - 1, Number(be[1])) : value;
}

/** The sidebar's standing of a district, as a user opens it. */
function standing(h: Harness, user: string, district: string) {
  return districtStanding(h.as(user).gas, district);
}

/** A two-district workbook on 18 April 2565 with four activities of ท่าบ่อ in March. */
function april(): Harness {
  const h = newHarness({ editors: [PROVINCE, THA_BO, SANGKHOM, NOWHERE] });
  h.book.clock.set(new Date(2022, 3, 18, 9, 0));
  typeTwoDistricts(h.run.spreadsheet);
  h.gas.sidebarSetUp();
  setSetting(h, LABEL.provinceEditors, PROVINCE);
  setSetting(h, LABEL.districtEditors('ท่าบ่อ'), THA_BO);
  setSetting(h, LABEL.districtEditors('สังคม'), SANGKHOM);
  h.gas.sidebarSetUp();
  typeRows(h.as(THA_BO).run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 4, '10/03/2565'));
  return h;
}

describe('an activity dated ahead (planned) counts from its day, everywhere at once', () => {
  test('typed on 18 April for 30 June: not counted in the table or the sidebar, pointed out as planned', () => {
    const h = april();
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('4');
    const planned = activityRows('ท่าบ่อ', 1, '30/06/2565');
    planned[0][2] = 'ตลาดนัดที่วางแผนไว้';
    typeRows(h.as(THA_BO).run.spreadsheet, 'กิจกรรม ท่าบ่อ', planned);
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('4');
    for (const user of [PROVINCE, THA_BO]) expect(standing(h, user, 'ท่าบ่อ').activities).toBe(4);
    expect(tableCell(h, 'ท่าบ่อ', 'ระดับ')).toBe(standing(h, PROVINCE, 'ท่าบ่อ').level);
    const problems = h.as(THA_BO).gas.sidebarCheckData().problems;
    const mine = problems.find((p) => p.sheet === 'กิจกรรม ท่าบ่อ' && p.row === 6);
    expect(mine?.message).toContain('ถ้าเป็นรายการที่วางแผนไว้ จะเริ่มนับเมื่อถึงวันนั้น');
  });

  test('on 30 June any named officer’s opening moves the data day: the table and the sidebar count it together', () => {
    const h = april();
    const planned = activityRows('ท่าบ่อ', 1, '30/06/2565');
    typeRows(h.as(THA_BO).run.spreadsheet, 'กิจกรรม ท่าบ่อ', planned);
    h.book.clock.set(new Date(2022, 5, 30, 8, 0));
    // Someone named nowhere writes nothing: the table and their sidebar agree on yesterday's day, and say so.
    const outsider = h.as(NOWHERE).gas.sidebarState();
    expect(outsider.standing.find((d) => d.district === 'ท่าบ่อ')?.activities).toBe(4);
    expect(outsider.notices.join('\n')).toContain('ตัวเลขนับรายการถึงวันที่ 18 เมษายน 2565');
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('4');
    // The district officer's opening (the cell is open to every officer) moves it: one figure, five.
    const officer = h.as(THA_BO).gas.sidebarState();
    expect(officer.standing.find((d) => d.district === 'ท่าบ่อ')?.activities).toBe(5);
    expect(officer.notices.join('\n')).not.toContain('ตัวเลขนับรายการถึงวันที่');
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('5');
    expect(standing(h, PROVINCE, 'ท่าบ่อ').activities).toBe(5);
    expect(dataDay(h)).toEqual(new Date(2022, 5, 30));
  });

  test('each role opening the sidebar on a new day: named officers move the data day, a hidden e-mail changes nothing', () => {
    const settingsDump = (h: Harness) =>
      JSON.stringify(h.run.spreadsheet.getSheetByName('ตั้งค่า')!.getDataRange().getValues());
    for (const [user, hideEmail, moves] of [
      [OWNER, false, true],
      [PROVINCE, false, true],
      [THA_BO, false, true],
      [NOWHERE, false, false],
      [THA_BO, true, false],
    ] as const) {
      const h = april();
      h.book.clock.set(new Date(2022, 3, 19, 9, 0));
      const before = settingsDump(h);
      const state = h.as(user, { hideEmail }).gas.sidebarState();
      const said = state.notices.join('\n').includes('ตัวเลขนับรายการถึงวันที่ 18 เมษายน 2565');
      expect([user, hideEmail, dataDay(h)]).toEqual([user, hideEmail, new Date(2022, 3, moves ? 19 : 18)]);
      expect([user, hideEmail, said]).toEqual([user, hideEmail, !moves]);
      if (!moves) expect(settingsDump(h)).toBe(before);
    }
  });

  test('reminders off, only the officer at work: yesterday’s entries count once they open the sidebar', () => {
    const h = april();
    h.book.clock.set(new Date(2022, 3, 26, 9, 0));
    typeRows(h.as(THA_BO).run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '25/04/2565'));
    expect(standing(h, THA_BO, 'ท่าบ่อ').activities).toBe(5);
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('5');
  });

  test('a copied data-day row: the day written is the one read; a deleted row is said and put back by set-up', () => {
    const h = april();
    const settings = h.run.spreadsheet.getSheetByName('ตั้งค่า')!;
    settings.getRange(settings.getLastRow() + 1, 1, 1, 2).setValues([[LABEL.dataDay, new Date(2022, 3, 1)]]);
    h.book.clock.set(new Date(2022, 4, 1, 9, 0));
    typeRows(h.as(THA_BO).run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '20/04/2565'));
    expect(standing(h, THA_BO, 'ท่าบ่อ').activities).toBe(5);
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('5');
    const rows = settings.getDataRange().getValues();
    for (let r = rows.length; r >= 1; r--) if (rows[r - 1][0] === LABEL.dataDay) settings.deleteRow(r);
    const state = h.as(THA_BO).gas.sidebarState();
    expect(state.notices.join('\n')).toContain('ไม่พบแถว "ข้อมูล ณ วันที่" ในชีตตั้งค่า');
    h.gas.sidebarSetUp();
    expect(dataDay(h)).toEqual(new Date(2022, 4, 1));
  });

  test('the data day not written (the quota used up): the sidebar opens, agreeing with the table', () => {
    const h = april();
    typeRows(h.as(THA_BO).run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '30/06/2565'));
    h.book.clock.set(new Date(2022, 5, 30, 8, 0));
    h.book.ledger.failWhen(
      (name) => name === 'Range.setValues',
      new Error('Service invoked too many times for one day: spreadsheets.'),
    );
    const side = standing(h, PROVINCE, 'ท่าบ่อ');
    h.book.ledger.clearFaults();
    expect(side.activities).toBe(4);
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('4');
    expect(dataDay(h)).toEqual(new Date(2022, 3, 18));
    expect(standing(h, PROVINCE, 'ท่าบ่อ').activities).toBe(5); // the next opening writes it
  });

  test('the daily run of the reminders moves the data day: the table counts on days nobody opens the sidebar', () => {
    const h = april();
    typeRows(h.as(THA_BO).run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '30/06/2565'));
    h.gas.sidebarSetReminders(true);
    h.book.runDueTriggers(new Date(2022, 5, 30, 12, 0), { resolve: triggerResolver(h) });
    expect(dataDay(h)).toEqual(new Date(2022, 5, 30));
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe('5');
    expect(standing(h, THA_BO, 'ท่าบ่อ').activities).toBe(5);
  });

  test('the trend the dashboard draws stops at today: no month after April shows a figure on 18 April', () => {
    const h = april();
    expect(tableCell(h, 'ท่าบ่อ', 'สะสม เม.ย. (%เป้า)')).not.toBe('');
    for (const month of ['พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.']) {
      expect(tableCell(h, 'ท่าบ่อ', `สะสม ${month} (%เป้า)`)).toBe('');
    }
  });

  test('a repeat set-up on a new day moves the data day and repairs nothing', () => {
    const h = april();
    h.gas.sidebarSetUp(); // the entry sheet's margin, after the typing
    h.book.clock.set(new Date(2022, 3, 19, 8, 0));
    const report = h.gas.sidebarSetUp();
    expect(report.repaired ?? []).toEqual([]);
    expect(dataDay(h)).toEqual(new Date(2022, 3, 19));
  });
});
