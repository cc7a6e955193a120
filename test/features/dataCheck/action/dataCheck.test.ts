/** The data check on the in-memory workbook, through the built bundle. */
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { journeyWorkbook, THA_BO } from '../../../support/journey';
import { newHarness } from '../../../support/workbook';

test('lists each problem with its sheet and cell, writes nothing into entry sheets, and clears fixed problems', () => {
  const h = newHarness();
  h.gas.sidebarSetUp();
  const ss = h.run.spreadsheet;
  typeRows(ss, 'กิจกรรม ท่าบ่อ', [
    ...activityRows('ท่าบ่อ', 2),
    ['31/04/2565', 'ท่าบ่อ', 'งานแสดงสินค้า', '', '', 'ไม่ใช้', -3, 'หนึ่งพัน', 'not a link', ''],
  ]);
  typeRows(ss, 'ออนไลน์ สังคม', [
    ...onlineRows('สังคม', 2, 2),
    ['15/01/2565', 'สังคม', '', '<script>alert(1)</script>', 'ผ้า', 'MySpace', '', '', ''],
    ['15/10/2563', 'สังคม', 'NK-X', 'กลุ่มเก่า', 'ผ้า', 'Facebook', '', '', ''],
  ]);
  typeRows(ss, 'ฐาน ๒๕๖๔', [['สังคม', 'NK-สังคม-0', 'กลุ่มผู้ผลิต สังคม 0']]);
  const entries = ['กิจกรรม ท่าบ่อ', 'ออนไลน์ สังคม'].map((n) => ss.getSheetByName(n)!.getDataRange().getValues());

  const report = h.gas.sidebarCheckData();
  const found = report.problems.map((p) => `${p.sheet}!${p.cell}: ${p.message}`);
  expect(found.find((f: string) => f.startsWith('กิจกรรม ท่าบ่อ!A4:'))).toContain('ไม่มีวันที่นี้ในปฏิทิน');
  expect(found.find((f: string) => f.startsWith('กิจกรรม ท่าบ่อ!G4:'))).toContain('ติดลบ');
  expect(found.find((f: string) => f.startsWith('กิจกรรม ท่าบ่อ!H4:'))).toBeDefined();
  expect(found.find((f: string) => f.startsWith('กิจกรรม ท่าบ่อ!I4:'))).toBeDefined();
  expect(found.find((f: string) => f.startsWith('ออนไลน์ สังคม!F4:'))).toContain('MySpace');
  expect(found.find((f: string) => f.startsWith('ออนไลน์ สังคม!A5:'))).toBeDefined(); // before the fiscal year
  expect(found.find((f: string) => f.startsWith('ออนไลน์ สังคม!C2:'))).toContain('ชีต ฐาน ๒๕๖๔');
  expect(report.message).toContain(`พบปัญหา ${report.problems.length} รายการ`);

  const sheet = ss.getSheetByName('ปัญหาข้อมูล')!;
  const listed = sheet.getDataRange().getValues();
  expect(listed).toHaveLength(report.problems.length + 2);
  expect(sheet.getRange(2, 4).getFormula()).toMatch(/^=HYPERLINK\("#gid=\d+&range=A4", "ไปที่ A4"\)$/);
  // user text in messages stays text, never a formula
  expect(
    sheet
      .getRange(2, 1, listed.length - 1, 3)
      .getFormulas()
      .flat()
      .every((f) => f === ''),
  ).toBe(true);
  expect(['กิจกรรม ท่าบ่อ', 'ออนไลน์ สังคม'].map((n) => ss.getSheetByName(n)!.getDataRange().getValues())).toEqual(entries);

  // fix everything: the list empties itself
  ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(4, 1, 1, 10).clearContent();
  ss.getSheetByName('ออนไลน์ สังคม')!.getRange(2, 1, 4, 9).clearContent();
  ss.getSheetByName('ฐาน ๒๕๖๔')!.getRange(2, 1, 1, 3).clearContent();
  const clean = h.gas.sidebarCheckData();
  expect(clean.problems).toEqual([]);
  expect(clean.message).toBe('ไม่พบปัญหาในข้อมูล');
  expect(sheet.getRange(2, 3).getValue()).toMatch(/^ไม่พบปัญหา/);
  const below = sheet.getRange(3, 1, sheet.getMaxRows() - 2, 4).getValues();
  expect(below).toHaveLength(listed.length - 2); // the old rows, blanked (the next check trims them)
  expect(below.flat().every((v) => v === '')).toBe(true);
  h.gas.sidebarCheckData();
  expect(sheet.getMaxRows()).toBe(2); // sized to the list: header and the one message
});

test('a district officer: its own problems first, how many elsewhere (issue 24); the province: the whole list', () => {
  const h = journeyWorkbook();
  const ss = h.run.spreadsheet;
  typeRows(ss, 'กิจกรรม ท่าบ่อ', [['31/04/2565', 'ท่าบ่อ', 'งานแสดงสินค้า', '', '', 'ไม่ใช้', -3, '', '', '']]);
  typeRows(ss, 'ออนไลน์ สังคม', [['15/01/2565', 'สังคม', 'NK-X', 'กลุ่ม', 'ผ้า', 'MySpace', '', '', '']]);
  const officer = h.as(THA_BO).gas.sidebarCheckData();
  expect(officer.ownSheets).toEqual(['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ']);
  const own = officer.problems.filter((p: { sheet: string }) => officer.ownSheets.includes(p.sheet)).length;
  const elsewhere = officer.problems.length - own;
  expect(own).toBeGreaterThan(0);
  expect(elsewhere).toBeGreaterThan(0);
  expect(officer.message).toMatch(
    new RegExp(`^พบปัญหา ${own} รายการในชีตของ อ\\.ท่าบ่อ \\(และอีก ${elsewhere} รายการในชีตอื่นที่จังหวัดหรืออำเภออื่นดูแล\\) `),
  );
  const province = h.gas.sidebarCheckData();
  expect(province.ownSheets).toEqual([]);
  expect(province.problems).toHaveLength(officer.problems.length); // the same check; only the telling differs
  expect(province.message).toMatch(new RegExp(`^พบปัญหา ${province.problems.length} รายการ ดูรายละเอียด`));
});
