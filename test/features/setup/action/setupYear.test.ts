/**
 * Set-up on a new workbook takes the fiscal year the sidebar proposes — the current one from the
 * date in Asia/Bangkok (2570 on 6 Dec 2026 CE) — or the letter's FY 2565, one choice away, and
 * says which it took; a year already in the settings is kept; another year's round deadlines are
 * the letter's weekdays (the fourth Fridays of March, May and September).
 */
import { dump } from '../../../../dev/fakes';
import { LABEL } from '../../../../src/kernel/settings';
import { fiscalYearOfIso } from '../../../../src/features/fiscalYears/panel/fiscalYear';
import { activityRows, typeRows } from '../../../support/entries';
import { districtStanding, newHarness, OWNER } from '../../../support/workbook';

const TODAY = new Date(2026, 11, 6, 9, 0); // 6 Dec 2569 BE, FY 2570

/** The settings sheet's value of a label (a date as its Bangkok yyyy-mm-dd). */
function setting(h: ReturnType<typeof newHarness>, label: string): unknown {
  const row = h.run.spreadsheet
    .getSheetByName('ตั้งค่า')!
    .getDataRange()
    .getValues()
    .find((r) => r[0] === label);
  const v = row?.[1];
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return v;
}

describe('set-up on a new workbook and the fiscal year', () => {
  test('the sidebar proposes the current fiscal year from the Bangkok date', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    const state = h.gas.sidebarState();
    expect(state.needsSetUp).toBe(true);
    expect(fiscalYearOfIso(state.today)).toBe(2570);
    expect(fiscalYearOfIso('2022-09-30')).toBe(2565);
    expect(fiscalYearOfIso('2022-10-01')).toBe(2566);
  });

  test('the current year taken: said so, its rounds on the letter’s weekdays', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    const report = h.gas.sidebarSetUp(2570);
    expect(report.fiscalYear).toBe(2570);
    expect(report.message).toContain('ตั้งเป็นปีงบประมาณ 2570 (ปีงบประมาณปัจจุบันตามวันที่วันนี้)');
    expect(setting(h, LABEL.fiscalYear)).toBe(2570);
    // fourth Fridays: 26 Mar, 28 May, 24 Sep 2570 BE (2027 CE)
    expect([1, 2, 3].map((n) => setting(h, LABEL.round(n)))).toEqual(['26/03/2570', '28/05/2570', '24/09/2570']);
    expect(h.gas.sidebarState().fiscalYear).toBe(2570);
    const log = h.run.spreadsheet.getSheetByName('บันทึก')!.getDataRange().getValues();
    expect(log.map((r) => r.join(' ')).join('\n')).toContain('ปีงบประมาณ 2570 (ปีงบประมาณปัจจุบันตามวันที่วันนี้)');
  });

  test('the menu, which asks nothing, takes the current fiscal year on a new workbook and says so', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    h.gas.menuSetUp();
    expect(JSON.stringify(h.run.ui.alerts.at(-1))).toContain('ตั้งเป็นปีงบประมาณ 2570 (ปีงบประมาณปัจจุบันตามวันที่วันนี้)');
    expect(setting(h, LABEL.fiscalYear)).toBe(2570);
    h.book.clock.set(new Date(2022, 2, 1, 9, 0)); // a year already in the settings is kept
    h.gas.menuSetUp();
    expect(setting(h, LABEL.fiscalYear)).toBe(2570);
  });

  test('the letter’s FY 2565, one choice away: its deadlines and figures exactly the letter’s', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    const report = h.gas.sidebarSetUp(2565);
    expect(report.message).toContain('ตั้งเป็นปีงบประมาณ 2565 (ตามหนังสือจังหวัด ก.พ. 2565)');
    expect([1, 2, 3].map((n) => setting(h, LABEL.round(n)))).toEqual(['25/03/2565', '27/05/2565', '23/09/2565']);
    const state = h.gas.sidebarState();
    expect(state.fiscalYear).toBe(2565);
    expect(state.total?.registered).toBe(818);
  });

  test('a year already in the settings is kept whatever is chosen', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    h.gas.sidebarSetUp(2570);
    const again = h.gas.sidebarSetUp(2565);
    expect(again.fiscalYear).toBe(2570);
    expect(again.message).not.toContain('ตั้งเป็น');
    expect(setting(h, LABEL.fiscalYear)).toBe(2570);
  });

  test('a year that is not a BE year is refused in Thai and nothing is written', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    const before = JSON.stringify(dump(h.run.spreadsheet));
    expect(() => h.as(OWNER).gas.sidebarSetUp(2027)).toThrow(/ปีงบประมาณ "2027" ไม่ถูกต้อง/);
    expect(JSON.stringify(dump(h.run.spreadsheet))).toBe(before);
  });
});

describe('labels derived from the year', () => {
  /** Every text of the workbook's cells and notes, with where it is. */
  function texts(h: ReturnType<typeof newHarness>): { where: string; text: string }[] {
    const out: { where: string; text: string }[] = [];
    for (const sheet of h.run.spreadsheet.getSheets()) {
      const range = sheet.getDataRange();
      const values = range.getValues();
      const notes = range.getNotes();
      values.forEach((row, r) => {
        row.forEach((v, c) => {
          if (typeof v === 'string' && v) out.push({ where: `${sheet.getName()}!R${r + 1}C${c + 1}`, text: v });
          const note = notes[r]?.[c];
          if (note) out.push({ where: `${sheet.getName()}!R${r + 1}C${c + 1} note`, text: note });
        });
      });
      out.push({ where: 'sheet name', text: sheet.getName() });
    }
    return out;
  }

  test('a workbook set up for FY 2570 names 2569 as its baseline year and never the letter’s years', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    h.gas.sidebarSetUp(2570);
    const all = texts(h);
    expect(all.filter((t) => /๖๔|๒๕๖๔|2564|๖๕|๒๕๖๕|2565/.test(t.text))).toEqual([]);
    const names = h.run.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toContain('ฐาน ๒๕๖๙');
    const header = h.run.spreadsheet.getSheetByName('อำเภอ')!.getRange(1, 1, 1, 4).getValues()[0];
    expect(header).toEqual(['ที่', 'อำเภอ', 'ผู้ประกอบการทั้งหมด (ก.ย. ๖๙)', 'ส่งเสริมแล้ว ปี ๖๙']);
    // the whole-workbook figures are read under the year's headers
    expect(h.gas.sidebarState().total?.registered).toBe(818);
  });

  test('FY 2565 keeps exactly the letter’s labels', () => {
    const h = newHarness();
    h.book.clock.set(TODAY);
    h.gas.sidebarSetUp(2565);
    const header = h.run.spreadsheet.getSheetByName('อำเภอ')!.getRange(1, 1, 1, 4).getValues()[0];
    expect(header).toEqual(['ที่', 'อำเภอ', 'ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)', 'ส่งเสริมแล้ว ปี ๖๔']);
    expect(h.run.spreadsheet.getSheetByName('ฐาน ๒๕๖๔')).not.toBeNull();
  });

  test('moved from FY 2565 to 2566, set-up relabels its own headers and keeps finding the baseline by its marker', () => {
    const h = newHarness();
    h.book.clock.set(new Date(2022, 9, 3, 9, 0));
    h.gas.sidebarSetUp(2565);
    const before = h.gas.sidebarState().total;
    const settings = h.run.spreadsheet.getSheetByName('ตั้งค่า')!;
    const row = settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === LABEL.fiscalYear);
    settings.getRange(row + 1, 2).setValue(2566);
    const report = h.gas.sidebarSetUp();
    const header = h.run.spreadsheet.getSheetByName('อำเภอ')!.getRange(1, 1, 1, 4).getValues()[0];
    expect(header).toEqual(['ที่', 'อำเภอ', 'ผู้ประกอบการทั้งหมด (ก.ย. ๖๕)', 'ส่งเสริมแล้ว ปี ๖๕']);
    expect(report.warnings.join('\n')).not.toMatch(/เปลี่ยนชื่อ|ถูกเปลี่ยนเป็นอย่างอื่น/);
    expect(h.run.spreadsheet.getSheets().filter((s) => s.getName().startsWith('ฐาน'))).toHaveLength(1);
    expect(h.gas.sidebarState().total?.registered).toBe(before?.registered);
  });
});

describe('dates in ตั้งค่า are Buddhist-era text (issue 24)', () => {
  /** The district table's cell of a district under a header. */
  function tableCell(h: ReturnType<typeof newHarness>, district: string, header: string): unknown {
    const values = h.run.spreadsheet.getSheetByName('อำเภอ')!.getDataRange().getValues();
    return values.find((r) => r[1] === district)?.[values[0].indexOf(header)];
  }

  /** Writes a settings value as an officer types it. */
  function type(h: ReturnType<typeof newHarness>, label: string, value: unknown): void {
    const sheet = h.run.spreadsheet.getSheetByName('ตั้งค่า')!;
    const row = sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === label);
    sheet.getRange(row + 1, 2).setValue(value);
  }

  test('the cut-off typed as BE text is read by the table’s formulas and the server alike', () => {
    const h = newHarness();
    h.book.clock.set(new Date(2022, 2, 1, 9, 0));
    h.gas.sidebarSetUp(2565);
    typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 2, '10/10/2564'));
    typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '10/12/2564'));
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe(5);
    type(h, LABEL.asOf, '31/10/2564');
    const cell = h.run.spreadsheet
      .getSheetByName('ตั้งค่า')!
      .getDataRange()
      .getValues()
      .find((r) => r[0] === LABEL.asOf)?.[1];
    expect(cell).toBe('31/10/2564'); // plain text: Sheets does not make it a date of CE 2564
    expect(tableCell(h, 'ท่าบ่อ', 'กิจกรรม (ครั้ง)')).toBe(2);
    const standing = districtStanding(h.gas, 'ท่าบ่อ');
    expect(standing.activities).toBe(2);
  });

  test('a date that does not exist is flagged by the data check, in Thai', () => {
    const h = newHarness();
    h.book.clock.set(new Date(2022, 2, 1, 9, 0));
    h.gas.sidebarSetUp(2565);
    type(h, LABEL.round(2), '31/02/2565');
    const problems = h.gas.sidebarCheckData().problems.map((p: { message: string }) => p.message);
    expect(problems.join('\n')).toContain(LABEL.round(2));
  });

  test('a date cell of an earlier version becomes the same day as BE text at the next set-up', () => {
    const h = newHarness();
    h.book.clock.set(new Date(2022, 2, 1, 9, 0));
    h.gas.sidebarSetUp(2565);
    type(h, LABEL.round(1), new Date(2022, 2, 25));
    h.gas.sidebarSetUp();
    expect(setting(h, LABEL.round(1))).toBe('25/03/2565');
    expect(h.gas.sidebarState().rounds[0]).toMatchObject({ deadline: '2022-03-25' });
  });
});
