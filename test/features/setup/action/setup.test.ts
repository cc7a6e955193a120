/**
 * Set-up on the in-memory workbook, through the built bundle: every sheet, header, dropdown,
 * band rule and protection; idempotent; nothing typed is lost.
 */
import { dump } from '../../../../dev/fakes';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../../../src/features/counting/rules/entryLayout';
import { NONG_KHAI_DISTRICTS } from '../../../../src/features/setup/rules/districts';
import { LABEL } from '../../../../src/kernel/settings';
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { newHarness, OWNER } from '../../../support/workbook';
import { expectSameDump } from '../../../support/sameDump';

const NAMES = NONG_KHAI_DISTRICTS.map((d) => d.name);

describe('set-up on an empty workbook', () => {
  const h = newHarness({ editors: ['someone@district.example'] });
  const report = h.gas.sidebarSetUp();
  const ss = h.run.spreadsheet;

  test('creates every sheet', () => {
    const names = ss.getSheets().map((s) => s.getName());
    for (const n of [
      'อำเภอ',
      'ตั้งค่า',
      'เกณฑ์',
      'ฐาน ๒๕๖๔',
      'สถานะการส่งรายงาน',
      ...NAMES.flatMap((d) => [`กิจกรรม ${d}`, `ออนไลน์ ${d}`]),
    ]) {
      expect(names).toContain(n);
    }
    expect(report.created).toHaveLength(25); // the board of the districts' duties, the dashboard and the submissions' record sheet too
  });

  test('entry sheets have exactly the agreed columns, frozen header and dropdowns', () => {
    const act = ss.getSheetByName('กิจกรรม ท่าบ่อ')!;
    expect(act.getRange(1, 1, 1, 10).getValues()[0]).toEqual(ACTIVITY_LAYOUT.headers);
    expect(act.getFrozenRows()).toBe(1);
    // the district's own name in every form the readers accept; anything else only warns
    expect(act.getRange(2, 2).getDataValidation()!.getCriteriaValues()[0]).toEqual(['ท่าบ่อ', 'อ.ท่าบ่อ', 'อำเภอท่าบ่อ']);
    expect(act.getRange(2, 2).getDataValidation()!.getAllowInvalid()).toBe(true);
    // sized to a header and ROW_MARGIN blank rows (fewer blank cells go to the district formula)
    expect([act.getMaxRows(), act.getMaxColumns()]).toEqual([201, 10]);
    expect(act.getRange(201, 6).getDataValidation()!.getCriteriaValues()[0]).toEqual(['ใช้', 'ไม่ใช้']);
    const online = ss.getSheetByName('ออนไลน์ ท่าบ่อ')!;
    expect(online.getRange(1, 1, 1, 9).getValues()[0]).toEqual(ONLINE_LAYOUT.headers);
    expect(online.getRange(2, 6).getDataValidation()!.getCriteriaValues()[0]).toEqual(
      expect.arrayContaining(['Facebook', 'LINE', 'Shopee', 'Lazada']),
    );
    expect(online.getRange(1, 6).getNote()).toContain('Facebook');
    expect(ss.getSheetByName('ฐาน ๒๕๖๔')!.getRange(1, 1, 1, 3).getValues()[0]).toEqual(BASELINE_LAYOUT.headers);
  });

  test('settings are prefilled from the letter', () => {
    const values = ss.getSheetByName('ตั้งค่า')!.getDataRange().getValues();
    const value = (label: string) => values.find((r) => r[0] === label)?.[1];
    expect(value(LABEL.reportEmail)).toBe('Pennung61@gmail.com');
    expect(value(LABEL.fiscalYear)).toBe(2565);
    // the letter's deadline as officers read it: BE text, not a date cell showing 25/03/2022 (issue 24)
    expect(value(LABEL.round(1))).toBe('25/03/2565');
    expect(values.filter((r) => String(r[0]).startsWith('ผู้แก้ไข อ.'))).toHaveLength(9);
  });

  test('the district table reproduces the letter’s totals and its targets', () => {
    const table = ss.getSheetByName('อำเภอ')!.getRange(1, 1, 11, 14).getValues();
    expect(table.slice(1, 10).map((r) => r[6])).toEqual([12, 5, 4, 6, 5, 2, 3, 3, 1]);
    expect([table[10][2], table[10][3], table[10][4], table[10][6]]).toEqual([818, 118, 45, 41]);
    expect(table.slice(1, 10).every((r) => r[12] === 'ต่ำกว่าเกณฑ์')).toBe(true);
  });

  test('colour bands are value-based conditional-format rules on score and level', () => {
    const rules = ss.getSheetByName('อำเภอ')!.getConditionalFormatRules();
    expect(rules).toHaveLength(12);
    const ranges = new Set(rules.map((r) => r.getRanges()[0].getA1Notation()));
    expect(ranges).toEqual(new Set(['L2:L10', 'M2:M10']));
  });

  test('province sheets are protected; district sheets warn while no officer is named', () => {
    const settings = ss.getSheetByName('ตั้งค่า')!.getProtections(h.run.globals.SpreadsheetApp.ProtectionType.SHEET);
    expect(settings).toHaveLength(1);
    expect(settings[0].isWarningOnly()).toBe(false);
    expect(ss.canUserEdit('someone@district.example', 'อำเภอ', 2, 8)).toBe(false);
    expect(ss.canUserEdit('someone@district.example', 'กิจกรรม ท่าบ่อ', 2, 1)).toBe(true);
    expect(report.warnings.filter((w: string) => w.includes('ยังไม่ได้ระบุอีเมลผู้แก้ไข'))).toHaveLength(9);
    // issue 24: each warning names the district's own sheets, not "ชีตของอำเภอนี้"
    expect(report.warnings.find((w: string) => w.includes('อ.ท่าบ่อ'))).toContain(
      'ชีต "กิจกรรม ท่าบ่อ" และ "ออนไลน์ ท่าบ่อ" ของ อ.ท่าบ่อ แก้ไขได้ทุกคน',
    );
    expect(report.warnings.join('\n')).not.toContain('ชีตของอำเภอนี้');
  });

  test('running it again changes nothing', () => {
    const before = dump(ss);
    const again = h.gas.sidebarSetUp();
    expectSameDump(ss, before);
    expect(again.created).toEqual([]);
    expect(again.repaired).toEqual([]);
    expect(again.message).toBe('สมุดงานครบถ้วนแล้ว ไม่มีสิ่งใดต้องแก้ไข');
  });
});

describe('set-up on a filled workbook', () => {
  test('keeps entries, typed settings, edited figures and the users’ own rules; repairs what was broken', () => {
    const h = newHarness();
    h.gas.sidebarSetUp();
    const ss = h.run.spreadsheet;
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3));
    typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 4, 2));
    const settings = ss.getSheetByName('ตั้งค่า')!;
    const values = settings.getDataRange().getValues();
    const emailRow = values.findIndex((r) => r[0] === LABEL.reportEmail) + 1;
    settings.getRange(emailRow, 2).setValue('otop@nongkhai.example');
    const table = ss.getSheetByName('อำเภอ')!;
    table.getRange(4, 3).setValue(80); // ท่าบ่อ's registered corrected by the province
    table.getRange(2, 7).setValue(''); // somebody deleted the first district's formula
    const app = h.run.globals.SpreadsheetApp; // the real Apps Script types, as the add-on sees them
    const realTable = app.getActive().getSheetByName('อำเภอ')!;
    const own = app
      .newConditionalFormatRule()
      .whenNumberGreaterThan(10)
      .setBackground('#0000ff')
      .setRanges([realTable.getRange('C2:C10')])
      .build();
    realTable.setConditionalFormatRules([own]); // and replaced the band rules with their own
    ss.deleteSheet(ss.getSheetByName('ออนไลน์ โพธิ์ตาก')!);
    const entriesBefore = ['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ'].map((n) => ss.getSheetByName(n)!.getDataRange().getValues());

    const report = h.gas.sidebarSetUp();

    expect(report.created).toEqual(['ออนไลน์ โพธิ์ตาก']);
    expect(['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ'].map((n) => ss.getSheetByName(n)!.getDataRange().getValues())).toEqual(
      entriesBefore,
    );
    expect(settings.getRange(emailRow, 2).getValue()).toBe('otop@nongkhai.example');
    expect(table.getRange(4, 3).getValue()).toBe(80);
    expect(table.getRange(4, 7).getValue()).toBe(4); // 80 × 5 % = 4
    expect(table.getRange(2, 7).getFormula()).toMatch(/^=OTOP_DISTRICT\(B2, C2, D2, 'กิจกรรม เมืองหนองคาย'!A1:J/);
    const rules = table.getConditionalFormatRules();
    expect(rules).toHaveLength(13);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('C2:C10');
    expect(table.getRange(4, 8, 1, 3).getValues()[0]).toEqual([3, 2, 4]);
  });
});

describe('protection by district', () => {
  test('each district edits its own sheets only; the table’s formulas are the province’s', () => {
    const h = newHarness({ editors: ['tha@district.example', 'sang@district.example', 'prov@nongkhai.example'] });
    h.gas.sidebarSetUp();
    const ss = h.run.spreadsheet;
    const settings = ss.getSheetByName('ตั้งค่า')!;
    const rows = settings.getDataRange().getValues();
    const set = (label: string, value: string) =>
      settings.getRange(rows.findIndex((r) => r[0] === label) + 1, 2).setValue(value);
    set(LABEL.provinceEditors, 'prov@nongkhai.example');
    set(LABEL.districtEditors('ท่าบ่อ'), 'tha@district.example');
    set(LABEL.districtEditors('สังคม'), 'sang@district.example');
    h.gas.sidebarSetUp();
    expect(ss.canUserEdit('tha@district.example', 'กิจกรรม ท่าบ่อ', 5, 1)).toBe(true);
    expect(ss.canUserEdit('tha@district.example', 'ออนไลน์ ท่าบ่อ', 5, 1)).toBe(true);
    expect(ss.canUserEdit('tha@district.example', 'กิจกรรม สังคม', 5, 1)).toBe(false);
    expect(ss.canUserEdit('sang@district.example', 'ออนไลน์ ท่าบ่อ', 5, 1)).toBe(false);
    expect(ss.canUserEdit('tha@district.example', 'อำเภอ', 2, 12)).toBe(false);
    expect(ss.canUserEdit('tha@district.example', 'ตั้งค่า', 2, 2)).toBe(false);
    expect(ss.canUserEdit('prov@nongkhai.example', 'อำเภอ', 2, 12)).toBe(true);
    expect(ss.canUserEdit('prov@nongkhai.example', 'กิจกรรม สังคม', 5, 1)).toBe(true);
  });

  test('a district officer running set-up is told in Thai to ask the owner, and nothing changes', () => {
    const h = newHarness({ editors: ['tha@district.example'] });
    h.gas.sidebarSetUp();
    const before = dump(h.run.spreadsheet);
    const officer = h.as('tha@district.example');
    expect(() => officer.gas.sidebarSetUp()).toThrow(`การตั้งค่าสมุดงานทำได้เฉพาะเจ้าของไฟล์ (${OWNER})`);
    expectSameDump(h.run.spreadsheet, before);
  });
});

describe('the blank tab Google makes with the file (issue 24)', () => {
  test('a blank "Sheet1" is hidden and said so; one with something typed in it stays in view', () => {
    const h = newHarness();
    const ss = h.run.spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']); // a new file
    const report = h.gas.sidebarSetUp();
    expect(ss.getSheetByName('Sheet1')!.isSheetHidden()).toBe(true);
    expect(report.warnings).toContain('ซ่อนชีตว่างที่ Google สร้างมากับไฟล์: "Sheet1"');

    const kept = newHarness();
    kept.run.spreadsheet.getSheetByName('Sheet1')!.getRange('B3').setValue('บันทึกของฉัน');
    kept.gas.sidebarSetUp();
    const mine = kept.run.spreadsheet.getSheetByName('Sheet1')!;
    expect(mine.isSheetHidden()).toBe(false);
    expect(mine.getRange('B3').getValue()).toBe('บันทึกของฉัน');
  });
});
