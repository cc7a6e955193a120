/**
 * What officers really do to their sheets, and what Sheets itself does to text, after the
 * README's first set-up, through the built bundle: nothing typed is lost or silently
 * mis-counted, and the officer is told in Thai.
 */
import { commitsWrites, dump, invalidCells } from '../../dev/fakes';
import { BASIS_TEXT, LABEL } from '../../src/kernel/settings';
import { activityRows, onlineRows, typeRows } from '../support/entries';
import { journeyWorkbook, PROVINCE, setSetting, THA_BO } from '../support/journey';
import { districtStanding, type Harness } from '../support/workbook';

const THAI = /[\u0e00-\u0e7f]/;

/** The sidebar's standing of one district. */
function standing(h: Harness, district: string) {
  return districtStanding(h.gas, district);
}

/** A sheet's values as the owner reads them. */
function valuesOf(h: Harness, name: string): unknown[][] {
  const sheet = h.run.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

/** The district table's computed cells of one district, by header. */
function tableRow(h: Harness, district: string): Record<string, unknown> {
  const rows = h.run.spreadsheet.getSheetByName('อำเภอ')!.getDataRange().getDisplayValues();
  const header = rows[0];
  const row = rows.find((r) => r[1] === district);
  if (!row) throw new Error(`no row ${district}`);
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

/** The data check's problems on one sheet, as the officer runs it. */
function problemsOn(h: Harness, sheet: string): { row: number; column: number; message: string }[] {
  return h
    .as(THA_BO)
    .gas.sidebarCheckData()
    .problems.filter((p: { sheet: string }) => p.sheet === sheet);
}

describe('set-up never writes over typed data', () => {
  test('a deleted header row: set-up inserts a header above the first entry, which still counts', () => {
    const h = journeyWorkbook();
    const before = standing(h, 'ท่าบ่อ');
    const sheet = h.as(THA_BO).run.spreadsheet.getSheetByName('ออนไลน์ ท่าบ่อ')!;
    const typed = sheet.getRange(2, 1, 3, 9).getValues();
    sheet.deleteRow(1);
    expect(standing(h, 'ท่าบ่อ').newOperators).toBeLessThan(before.newOperators); // the first entry read as a header
    h.as(PROVINCE).gas.sidebarSetUp();
    const after = valuesOf(h, 'ออนไลน์ ท่าบ่อ');
    expect(after[0][0]).toBe('วันที่');
    expect(after.slice(1, 4)).toEqual(typed);
    expect(standing(h, 'ท่าบ่อ').newOperators).toBe(before.newOperators);
  });

  test('the sheet sorted with its header: a header row is inserted, the sorted-in header is pointed out and not counted', () => {
    const h = journeyWorkbook();
    const before = standing(h, 'ท่าบ่อ');
    const sheet = h.as(THA_BO).run.spreadsheet.getSheetByName('ออนไลน์ ท่าบ่อ')!;
    sheet.getRange(1, 1, 4, 9).sort({ column: 4, ascending: true }); // the header's "ชื่อ…" sorts last
    const typed = sheet.getRange(1, 1, 4, 9).getValues();
    expect(typed[0][0]).not.toBe('วันที่');
    h.as(PROVINCE).gas.sidebarSetUp();
    const after = valuesOf(h, 'ออนไลน์ ท่าบ่อ');
    expect(after[0][0]).toBe('วันที่');
    expect(after.slice(1, 5)).toEqual(typed);
    expect(standing(h, 'ท่าบ่อ').newOperators).toBe(before.newOperators);
    const headerLike = problemsOn(h, 'ออนไลน์ ท่าบ่อ').filter((p) => p.message.includes('หัวตาราง'));
    expect(headerLike.map((p) => p.row)).toEqual([1 + typed.findIndex((r) => r[0] === 'วันที่') + 1]);
  });

  test('a column inserted by the officer: their header and data kept, every entry still counted where it moved', () => {
    const h = journeyWorkbook();
    const before = standing(h, 'ท่าบ่อ');
    const sheet = h.as(THA_BO).run.spreadsheet.getSheetByName('ออนไลน์ ท่าบ่อ')!;
    sheet.insertColumnsAfter(2, 1); // "insert 1 column left" of C
    sheet.getRange(1, 3, 2, 1).setValues([['ผู้บันทึก'], ['สมศรี']]);
    expect(standing(h, 'ท่าบ่อ').newOperators).toBe(before.newOperators); // found by header wherever it moved
    expect(tableRow(h, 'ท่าบ่อ')['ผู้ประกอบการรายใหม่']).toBe(String(before.newOperators));
    h.as(PROVINCE).gas.sidebarSetUp();
    const after = valuesOf(h, 'ออนไลน์ ท่าบ่อ');
    expect(after[0][2]).toBe('ผู้บันทึก');
    expect(after[1][2]).toBe('สมศรี');
    expect(after[0][3]).toBe('เลขทะเบียน OTOP');
    expect(tableRow(h, 'ท่าบ่อ')['ผู้ประกอบการรายใหม่']).toBe(String(before.newOperators));
  });

  test('a district name cleared in อำเภอ: a Thai problem, the districts below kept, no second total row', () => {
    const h = journeyWorkbook();
    const table = h.as(PROVINCE).run.spreadsheet.getSheetByName('อำเภอ')!;
    const names = table
      .getRange(1, 2, table.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    const row = names.indexOf('ท่าบ่อ') + 1;
    table.getRange(row, 2).setValue('');
    const state = h.gas.sidebarState();
    expect(state.standing.map((d: { district: string }) => d.district)).toContain('สังคม');
    expect(state.notices.join('\n')).toMatch(/ชื่ออำเภอ/);
    h.as(PROVINCE).gas.sidebarSetUp();
    const after = valuesOf(h, 'อำเภอ');
    expect(after.filter((r) => r[1] === 'รวมทั้งจังหวัด' || r[0] === 'รวมทั้งจังหวัด')).toHaveLength(1);
    expect(after.some((r) => r[1] === 'สังคม')).toBe(true);
    expect(after[row - 1][2]).toBe(74); // the cleared row's figures kept
  });

  test('an edit made while set-up runs survives: set-up writes only the cells that differ from its plan', () => {
    const h = journeyWorkbook();
    const province = h.as(PROVINCE);
    const officer = h.as(THA_BO);
    const script = province.run;
    setSetting(h, LABEL.districtEditors('สังคม'), 'sang@district.example, new@district.example'); // work for set-up
    h.book.ledger.interleave(
      (name) => commitsWrites(name),
      () => {
        typeRows(officer.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '20/03/2565'));
        province.run.spreadsheet.getSheetByName('อำเภอ')!.getRange(3, 3).setValue(64);
      },
      script.id,
    );
    province.gas.sidebarSetUp();
    const activities = valuesOf(h, 'กิจกรรม ท่าบ่อ');
    expect(activities.some((r) => String(r[2]).startsWith('ตลาดนัด') && r[0] instanceof Date)).toBe(true);
    expect(activities.length).toBe(1 + 3 + 1);
    expect(valuesOf(h, 'อำเภอ')[2][2]).toBe(64);
  });
});

describe('one standing rule: the table and the sidebar agree on the edge cases', () => {
  test.each([
    ['74 ราย typed as the registered figure', '74 ราย'],
    ['0 registered', 0],
    ['registered left blank', ''],
  ])('%s', (_label, registered) => {
    const h = journeyWorkbook();
    const table = h.as(PROVINCE).run.spreadsheet.getSheetByName('อำเภอ')!;
    table.getRange(2, 3).setValue(registered);
    const side = standing(h, 'ท่าบ่อ');
    const row = tableRow(h, 'ท่าบ่อ');
    expect(row['เป้าผู้ประกอบการ']).toBe(side.target === null ? '—' : String(side.target));
    expect(row['ร้อยละ']).toBe(side.percent === null ? '—' : side.percent.toFixed(2));
    expect(row['ระดับ']).toBe(side.level);
    if (registered !== 0) {
      expect(side.target).toBeNull();
      expect(side.level).toBe('ยังประเมินไม่ได้');
      expect(side.next).toMatch(/^แก้ชีตอำเภอก่อน/);
      expect(h.gas.sidebarState().notices.join('\n')).toContain('แถวที่ 2 (อ.ท่าบ่อ)');
    } else {
      expect(side.target).toBe(1);
    }
  });

  test('registered typed in Thai digits (๗๔) is read by the row, the sidebar and the total alike (issue 20)', () => {
    const h = journeyWorkbook();
    const table = h.as(PROVINCE).run.spreadsheet.getSheetByName('อำเภอ')!;
    const totalBefore = Number(tableRow(h, 'รวมทั้งจังหวัด')['ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)']);
    const numberBefore = table.getRange(2, 3).getValue() as number;
    const sideBefore = standing(h, 'ท่าบ่อ');
    // Whether Sheets reads typed Thai digits as a number is unconfirmed: the worse case, text
    // (a cell formatted as plain text keeps what is typed as text).
    table.getRange(2, 3).setNumberFormat('@').setValue('๗๔');
    expect(table.getRange(2, 3).getValue()).toBe('๗๔');
    const side = standing(h, 'ท่าบ่อ');
    const row = tableRow(h, 'ท่าบ่อ');
    expect(side.level).not.toBe('ยังประเมินไม่ได้');
    expect(side.target).toBe(4);
    expect(row['เป้าผู้ประกอบการ']).toBe('4');
    expect(row['ระดับ']).toBe(side.level);
    expect([side.target, side.level, side.percent]).toEqual([sideBefore.target, sideBefore.level, sideBefore.percent]);
    const total = Number(tableRow(h, 'รวมทั้งจังหวัด')['ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)']);
    expect(total).toBe(totalBefore - numberBefore + 74);
  });

  test('promoted = registered under the "never online" basis', () => {
    const h = journeyWorkbook();
    setSetting(h, LABEL.percentBasis, BASIS_TEXT.neverOnline);
    h.as(PROVINCE).run.spreadsheet.getSheetByName('อำเภอ')!.getRange(2, 4).setValue(74);
    const side = standing(h, 'ท่าบ่อ');
    const row = tableRow(h, 'ท่าบ่อ');
    expect(side.percent).toBeNull();
    expect(row['ร้อยละ']).toBe('—');
    expect(row['ระดับ']).toBe(side.level);
  });
});

describe('the fiscal year and the cut-off', () => {
  test('the fiscal year changed to 2566: the dates left in 2565 are pointed out, not silently counted as 0', () => {
    const h = journeyWorkbook();
    setSetting(h, LABEL.fiscalYear, 2566);
    const state = h.gas.sidebarState();
    expect(state.fiscalYear).toBe(2566);
    expect(state.notices.join('\n')).toMatch(/ปีงบประมาณ.*2566|2566.*ปีงบประมาณ/);
    const check = problemsOn(h, 'ตั้งค่า');
    expect(check.length).toBeGreaterThan(0);
    expect(check.every((p) => THAI.test(p.message))).toBe(true);
    // a summary of a round whose deadline is still in 2565 would count nothing: refused, nothing written
    const province = h.as(PROVINCE).gas;
    const before = JSON.stringify(dump(h.run.spreadsheet));
    expect(() => province.sidebarMakeRoundSummary(2, true)).toThrow(/อยู่นอกปีงบประมาณ 2566/);
    expect(() => province.sidebarMakeMonthlyReport('2022-03', true)).toThrow(/อยู่นอกปีงบประมาณ 2566/);
    expect(JSON.stringify(dump(h.run.spreadsheet))).toBe(before);
  });

  test('a report before its cut-off is asked about, marked provisional and never ticked as the round', () => {
    const h = journeyWorkbook();
    h.book.clock.set(new Date(2022, 2, 20, 10, 0)); // before round 2's deadline
    const province = h.as(PROVINCE).gas;
    const asked = province.sidebarMakeRoundSummary(2);
    expect(asked.needsConfirmation).toBe(true);
    expect(asked.message).toMatch(/ยังไม่ถึงวันตัดยอดรอบที่ 2.*ฉบับชั่วคราว/);
    expect(h.run.spreadsheet.getSheets().some((s) => s.getName().startsWith('สรุปผล รอบที่ 2'))).toBe(false);
    const made = province.sidebarMakeRoundSummary(2, true);
    const sheet = h.run.spreadsheet.getSheetByName(made.sheet)!;
    expect(
      sheet
        .getDataRange()
        .getDisplayValues()
        .flat()
        .some((v) => v.includes('ฉบับชั่วคราว (ข้อมูล ณ วันที่')),
    ).toBe(true);
    expect(province.sidebarState().rounds[1].summarySheet).toBe('');
  });
});

describe('formulas and look-alikes in entry cells', () => {
  test('=NOW() typed in an entry: the data check points at the cell; the other district still counts', () => {
    const h = journeyWorkbook();
    const sang = standing(h, 'สังคม');
    const sheet = h.as(THA_BO).run.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!;
    sheet.getRange(3, 1).setFormula('=NOW()');
    const problems = problemsOn(h, 'กิจกรรม ท่าบ่อ');
    expect(problems.some((p) => p.row === 3 && p.column === 1 && /สูตร/.test(p.message))).toBe(true);
    expect(standing(h, 'ท่าบ่อ').problem).toMatch(/NOW/);
    expect(standing(h, 'สังคม')).toEqual(sang);
    expect(tableRow(h, 'สังคม')['ผู้ประกอบการรายใหม่']).toBe(String(sang.newOperators));
  });

  test('one operator typed with look-alike spellings (ํ + า, a doubled tone mark) counts once', () => {
    const h = journeyWorkbook();
    const before = standing(h, 'ท่าบ่อ').newOperators;
    const officer = h.as(THA_BO).run.spreadsheet;
    const row = (name: string, regNo: string) => [
      '15/03/2565',
      'ท่าบ่อ',
      regNo,
      name,
      'ผ้าทอ',
      'Facebook',
      'https://example.com/p',
      500,
      '',
    ];
    typeRows(officer, 'ออนไลน์ ท่าบ่อ', [
      row('กลุ่มทอผ้าบ้านน้ำโมง', ''),
      row('กลุ่มทอผ้าบ้านนํ้าโมง', ''), // ำ typed as ํ + ้ + า
      row('กลุ่มทอผ้าบ้านน้้ำโมง', ''), // a doubled tone mark
    ]);
    expect(standing(h, 'ท่าบ่อ').newOperators).toBe(before + 1);
    expect(tableRow(h, 'ท่าบ่อ')['ผู้ประกอบการรายใหม่']).toBe(String(before + 1));
  });

  test('misspelt channels and other budget answers count as the channel and the answer', () => {
    const h = journeyWorkbook();
    const before = standing(h, 'ท่าบ่อ');
    const officer = h.as(THA_BO).run.spreadsheet;
    const activity = activityRows('ท่าบ่อ', 1, 'วันศุกร์ที่ ๒๕ มีนาคม ๒๕๖๕')[0];
    activity[5] = 'ไม่ได้ใช้';
    typeRows(officer, 'กิจกรรม ท่าบ่อ', [activity]);
    const online = onlineRows('ท่าบ่อ', 1, 1, '3 เมษา 65')[0];
    online[2] = 'NK-new-1';
    online[3] = 'กลุ่มใหม่';
    online[5] = 'ติ้กต้อก';
    typeRows(officer, 'ออนไลน์ ท่าบ่อ', [online]);
    const after = standing(h, 'ท่าบ่อ');
    expect(after.activities).toBe(before.activities + 1);
    expect(after.channels).toBe(before.channels + 1);
    expect(after.newOperators).toBe(before.newOperators + 1);
    expect(problemsOn(h, 'กิจกรรม ท่าบ่อ')).toEqual([]);
  });
});

describe('what officers typed is what reports show', () => {
  test("'0012' and '1/4' are copied into the summary as typed, registration numbers as typed", () => {
    const h = journeyWorkbook();
    const officer = h.as(THA_BO).run.spreadsheet;
    const sheet = officer.getSheetByName('ออนไลน์ ท่าบ่อ')!;
    const last = sheet.getLastRow();
    sheet
      .getRange(last + 1, 1, 1, 9)
      .setValues([['15/03/2565', 'ท่าบ่อ', "'0012", "'1/4", 'ผ้า', 'Facebook', 'https://example.com/x', 10, 'TRUE']]);
    sheet
      .getRange(last + 2, 1, 1, 9)
      .setValues([['16/03/2565', 'ท่าบ่อ', 'NK-01-106', 'กลุ่ม NK', 'ผ้า', 'Shopee', 'https://example.com/y', 10, '']]);
    const made = h.as(PROVINCE).gas.sidebarMakeRoundSummary(2);
    const shown = valuesOf(h, made.sheet).flat().map(String);
    expect(shown).toEqual(expect.arrayContaining(['0012', '1/4', 'NK-01-106']));
    expect(shown.some((v) => /nk01106/i.test(v))).toBe(false);
    const dup = officer.getSheetByName('ออนไลน์ ท่าบ่อ')!;
    dup
      .getRange(dup.getLastRow() + 1, 1, 1, 9)
      .setValues([['17/03/2565', 'ท่าบ่อ', 'NK-01-106', 'กลุ่มอื่น', 'ผ้า', 'LINE', 'https://example.com/z', 10, '']]);
    const messages = problemsOn(h, 'ออนไลน์ ท่าบ่อ').map((p) => p.message);
    expect(messages.some((m) => m.includes('NK-01-106'))).toBe(true);
    expect(messages.some((m) => /nk01106/i.test(m))).toBe(false);
  });
});

describe("the entry sheets' own checks accept what the tally reads", () => {
  test('text dates as the letter writes them and a district written with อ. are not marked; unreadable dates are', () => {
    const h = journeyWorkbook();
    const sheet = h.as(THA_BO).run.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!;
    const first = sheet.getLastRow() + 1;
    const dates = ['๒๕ มี.ค. ๖๕', 'วันศุกร์ที่ ๒๕ มีนาคม ๒๕๖๕', 'วันที่ 2 เม.ย. 65', '3 เมษา 65', 'เมื่อวาน', 'ต้นเดือน'];
    const rows = dates.map((date, i) => {
      const row = activityRows('ท่าบ่อ', 1, date)[0];
      row[1] = i % 2 === 0 ? 'อ.ท่าบ่อ' : 'อำเภอท่าบ่อ';
      row[2] = `งานที่ ${i}`;
      return row;
    });
    sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows as never);
    const marked = invalidCells(sheet).filter((a1) => Number(a1.replace(/^[A-Z]+/, '')) >= first);
    expect(marked).toEqual([`A${first + 4}`, `A${first + 5}`]);
    const problems = problemsOn(h, 'กิจกรรม ท่าบ่อ').filter((p) => p.row >= first && p.column === 1);
    expect(problems.map((p) => p.row)).toEqual([first + 4, first + 5]);
  });
});
