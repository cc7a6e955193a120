/**
 * Set-up reads every sheet's protection in one Sheets API call (platform/protections.ts
 * readSheetProtections): a protection already as the settings ask costs no SpreadsheetApp call,
 * and one changed by hand in Sheets (an editor added, domain edit, its description, an opened
 * range) is still put back.
 */
import { LABEL } from '../../../../src/kernel/settings';
import { PROVINCE, setSetting, THA_BO } from '../../../support/journey';
import { newHarness } from '../../../support/workbook';

const INTRUDER = 'intruder@nongkhai.example';

/** A workbook set up with the province's and one district's officers named. */
function namedWorkbook() {
  const h = newHarness({ editors: [PROVINCE, THA_BO, INTRUDER] });
  h.gas.sidebarSetUp();
  setSetting(h, LABEL.provinceEditors, PROVINCE);
  setSetting(h, LABEL.districtEditors('ท่าบ่อ'), THA_BO);
  h.gas.sidebarSetUp();
  return h;
}

/** A sheet's protection, as the owner sees it. */
function protectionOf(h: ReturnType<typeof newHarness>, name: string) {
  const sheet = h.run.spreadsheet.getSheetByName(name)!;
  return sheet.getProtections(h.run.globals.SpreadsheetApp.ProtectionType.SHEET)[0];
}

test('a repeat set-up with every protection as specified asks SpreadsheetApp about none', () => {
  const h = namedWorkbook();
  h.book.ledger.reset();
  const again = h.gas.sidebarSetUp();
  expect(again.rights).toEqual([]);
  const calls = h.book.ledger.calls();
  expect(calls.filter((c) => c.startsWith('Protection.') || c === 'Sheet.getProtections')).toEqual([]);
  expect(calls.filter((c) => c === 'Sheets.Spreadsheets.get').length).toBeGreaterThan(0);
});

test('protections changed by hand are put back by the next set-up', () => {
  const h = namedWorkbook();
  const before = ['กิจกรรม ท่าบ่อ', 'อำเภอ', 'ตั้งค่า'].map((n) => {
    const p = protectionOf(h, n);
    return {
      description: p.getDescription(),
      editors: p.getEditors().map((u) => u.getEmail()),
      domain: p.canDomainEdit(),
      open: p.getUnprotectedRanges().map((r) => r.getA1Notation()),
    };
  });
  protectionOf(h, 'กิจกรรม ท่าบ่อ').addEditor(INTRUDER);
  protectionOf(h, 'อำเภอ').setDomainEdit(true).setDescription('แก้เอง');
  protectionOf(h, 'ตั้งค่า').setUnprotectedRanges([h.run.spreadsheet.getSheetByName('ตั้งค่า')!.getRange('A1:B2')]);
  const again = h.gas.sidebarSetUp();
  expect(again.rights).toContain(`ถอนสิทธิ์ ${INTRUDER} ไม่ให้แก้ไขชีต "กิจกรรม ท่าบ่อ"`);
  const after = ['กิจกรรม ท่าบ่อ', 'อำเภอ', 'ตั้งค่า'].map((n) => {
    const p = protectionOf(h, n);
    return {
      description: p.getDescription(),
      editors: p.getEditors().map((u) => u.getEmail()),
      domain: p.canDomainEdit(),
      open: p.getUnprotectedRanges().map((r) => r.getA1Notation()),
    };
  });
  expect(after).toEqual(before);
});
