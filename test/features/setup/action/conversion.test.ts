/**
 * A workbook of the previous version (one stacked OTOP_TALLY and whole-column formulas in the
 * district table, sheets found by name, old protection descriptions) converted by the new
 * set-up through the bundle: nothing typed is lost, the table gets one OTOP_DISTRICT per row
 * and shows what the old table showed, and a second set-up writes nothing.
 */
import { dump } from '../../../../dev/fakes';
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { buildPreviousVersion, PREVIOUS_DISTRICTS } from '../../../support/previousVersion';
import { newHarness } from '../../../support/workbook';
import { expectSameDump } from '../../../support/sameDump';

const OLD_FUNCTIONS = /OTOP_(TALLY|TARGET|PERCENT|SCORE|LEVEL|NEXT)\s*\(/i;
const NAMES = PREVIOUS_DISTRICTS.map(([name]) => name);
const ENTRY_SHEETS = NAMES.flatMap((n) => [`กิจกรรม ${n}`, `ออนไลน์ ${n}`]).concat('ฐาน ๒๕๖๔');

describe('set-up converts a workbook of the previous version', () => {
  const h = newHarness();
  const ss = h.run.spreadsheet;
  buildPreviousVersion(ss);
  // What officers typed under the previous version.
  typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3));
  typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 4, 2));
  typeRows(ss, 'กิจกรรม สังคม', activityRows('สังคม', 2));
  typeRows(ss, 'ออนไลน์ สังคม', onlineRows('สังคม', 6, 3));
  typeRows(ss, 'ฐาน ๒๕๖๔', [['สังคม', 'NK-สังคม-0', 'กลุ่มผู้ผลิต สังคม 0']]); // already online in FY 2564
  const own = ss.getSheetByName('กิจกรรม ท่าบ่อ')!;
  own.getRange(1, 11, 2, 1).setValues([['ผู้ประสานงาน'], ['คุณสมศรี']]); // the district's own column
  const table = ss.getSheetByName('อำเภอ')!;
  table.getRange(4, 3).setValue(80); // ท่าบ่อ's registered corrected by the province
  table.getRange(9, 4).setValue(8); // สังคม's promoted corrected
  const settings = ss.getSheetByName('ตั้งค่า')!;
  settings.getRange(9, 2).setValue('otop@nongkhai.example');

  const shown = table.getRange(1, 1, 11, 14).getValues(); // what the previous version's table showed
  const entries = ENTRY_SHEETS.map((n) => ss.getSheetByName(n)!.getDataRange().getValues());
  const settingsBefore = settings.getDataRange().getValues();
  const logBefore = ss.getSheetByName('บันทึก')!.getDataRange().getValues();

  const report = h.gas.sidebarSetUp();
  const formulas = table.getRange(1, 1, 11, 14).getFormulas();

  test('the old table counted the entries (the truth the new one must show)', () => {
    expect(shown[3].slice(6, 13)).toEqual([4, 3, 2, 4, 5, 3, 'ปานกลาง']); // ท่าบ่อ: 4/80 = 5 %
    expect(shown[8].slice(6, 13)).toEqual([3, 2, 3, 5, 7.94, 2, 'พัฒนา']); // สังคม: one of 6 was online; 5/63
  });

  test('no sheet is made again and every entry, figure, setting and log row is kept', () => {
    // only what this version adds: the dashboard (issue 15), the board of who has reported (issue 14)
    // and the districts' submission records, made by set-up so that a first submission makes no sheet (issue 23)
    expect(report.created).toEqual(['แดชบอร์ด', 'สถานะการส่งรายงาน', 'การส่งรายงานของอำเภอ']);
    expect(ENTRY_SHEETS.map((n) => ss.getSheetByName(n)!.getDataRange().getValues())).toEqual(entries);
    expect(own.getRange(1, 11, 2, 1).getValues()).toEqual([['ผู้ประสานงาน'], ['คุณสมศรี']]);
    // the rows typed are kept; set-up only adds this version's rows (the official form's) below them;
    // a date cell is kept as the same day, now shown as BE text (issue 24: ตั้งค่า showed 25/03/2022)
    const settingsAfter = settings.getDataRange().getValues();
    const be = (v: unknown) =>
      v instanceof Date
        ? `${String(v.getDate()).padStart(2, '0')}/${String(v.getMonth() + 1).padStart(2, '0')}/${v.getFullYear() + 543}`
        : v;
    expect(settingsAfter.slice(0, settingsBefore.length)).toEqual(settingsBefore.map((r) => r.map(be)));
    expect(settingsAfter.slice(settingsBefore.length).map((r) => r[0])).toContain('ผู้รายงาน (ชื่อ-สกุล)');
    expect(table.getRange(1, 1, 11, 4).getValues()).toEqual(shown.map((row) => row.slice(0, 4)));
    expect(ss.getSheetByName('บันทึก')!.getDataRange().getValues()).toEqual(logBefore);
  });

  test('each district row has one OTOP_DISTRICT over its own sheets; the old formulas are gone', () => {
    NAMES.forEach((name, i) => {
      const r = i + 2;
      expect(formulas[r - 1][6]).toMatch(
        new RegExp(`^=OTOP_DISTRICT\\(B${r}, C${r}, D${r}, 'กิจกรรม ${name}'!A1:[A-Z]+, 'ออนไลน์ ${name}'!A1:[A-Z]+, `),
      );
      expect(formulas[r - 1].slice(7)).toEqual(['', '', '', '', '', '', '']); // the spill's cells hold nothing
    });
    const all = formulas.flat().filter(Boolean);
    expect(all.filter((f) => /OTOP_DISTRICT\(/.test(f))).toHaveLength(NAMES.length);
    expect(all.filter((f) => OLD_FUNCTIONS.test(f))).toEqual([]);
    // The total row is native but for the typed figures, summed by their rows' rule (issue 20).
    expect(formulas[10].filter((f) => /OTOP_/.test(f))).toEqual(['=OTOP_SUM(C2:C10)', '=OTOP_SUM(D2:D10)']);
  });

  test('the new table shows exactly what the old one showed', () => {
    expect(table.getRange(1, 1, 11, 14).getValues()).toEqual(shown);
    expect(NAMES.map((_, i) => table.getFormulaError(i + 2, 7))).toEqual(NAMES.map(() => null));
  });

  test('the entry sheets get the new protection descriptions and stay warning-only', () => {
    const type = h.run.globals.SpreadsheetApp.ProtectionType.SHEET as never;
    const [protection] = ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getProtections(type);
    expect(protection.getDescription()).toBe('OTOP: กิจกรรม ท่าบ่อ (อ.ท่าบ่อ และจังหวัด)');
    expect(protection.isWarningOnly()).toBe(true);
    expect(ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getProtections(type)).toHaveLength(1);
  });

  test('a second set-up writes nothing', () => {
    const before = dump(ss);
    const again = h.gas.sidebarSetUp();
    expectSameDump(ss, before);
    expect(again.created).toEqual([]);
    expect(again.repaired).toEqual([]);
    expect(again.message).toBe('สมุดงานครบถ้วนแล้ว ไม่มีสิ่งใดต้องแก้ไข');
  });
});
