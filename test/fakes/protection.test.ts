import { createFakeWorkbook, NO_PERMISSION_MESSAGE, PROTECTED_CELL_MESSAGE, ProtectionType } from '../../dev/fakes';

const OWNER = 'owner@nongkhai.example';
const ADMIN = 'admin@nongkhai.example';
const MUEANG = 'mueang@nongkhai.example';
const THABO = 'thabo@nongkhai.example';

function setup() {
  const wb = createFakeWorkbook({ owner: OWNER, editors: [ADMIN, MUEANG, THABO], sheetNames: ['เมืองหนองคาย', 'ท่าบ่อ'] });
  return { wb, admin: wb.createExecution({ user: ADMIN }), mueang: wb.createExecution({ user: MUEANG }) };
}

describe('protections', () => {
  test('a new protection mirrors the spreadsheet editors; owner and current user cannot be removed', () => {
    const { admin } = setup();
    const sheet = admin.globals.SpreadsheetApp.getActive().getSheetByName('เมืองหนองคาย');
    const protection = sheet!.protect().setDescription('อำเภอเมือง');
    expect(
      protection
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([ADMIN, MUEANG, OWNER, THABO].sort());
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ADMIN]);
    protection.addEditor(MUEANG);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ADMIN, MUEANG]);
    expect(protection.getProtectionType()).toBe(ProtectionType.SHEET);
    expect(String(protection.getProtectionType())).toBe('SHEET');
  });

  test('a user who cannot edit the protection cannot read its editors or change it', () => {
    const { wb, admin } = setup();
    const p = admin.globals.SpreadsheetApp.getActive().getSheetByName('ท่าบ่อ')!.protect();
    p.removeEditors([MUEANG, THABO]);
    const app = wb.createExecution({ user: MUEANG }).globals.SpreadsheetApp;
    const [seen] = app.getActive().getProtections(app.ProtectionType.SHEET);
    expect(seen.canEdit()).toBe(false);
    expect(() => seen.getEditors()).toThrow(NO_PERMISSION_MESSAGE);
    expect(() => seen.addEditor(MUEANG)).toThrow(NO_PERMISSION_MESSAGE);
    expect(() => seen.remove()).toThrow(NO_PERMISSION_MESSAGE);
  });

  test('canUserEdit answers per user and cell; writes into protected cells throw', () => {
    const { wb, admin, mueang } = setup();
    const ss = admin.globals.SpreadsheetApp.getActive();
    for (const [name, district] of [
      ['เมืองหนองคาย', MUEANG],
      ['ท่าบ่อ', THABO],
    ] as const) {
      const sheet = ss.getSheetByName(name)!;
      const p = sheet.protect();
      p.removeEditors(p.getEditors());
      p.addEditor(district);
      p.setUnprotectedRanges([]);
      const header = sheet.getRange('A1:J1').protect();
      header.removeEditors(header.getEditors());
    }
    const check = wb.spreadsheet;
    expect(check.canUserEdit(MUEANG, 'เมืองหนองคาย', 5, 2)).toBe(true);
    expect(check.canUserEdit(MUEANG, 'ท่าบ่อ', 5, 2)).toBe(false);
    expect(check.canUserEdit(THABO, 'ท่าบ่อ', 5, 2)).toBe(true);
    expect(check.canUserEdit(MUEANG, 'เมืองหนองคาย', 1, 2)).toBe(false);
    expect(check.canUserEdit(ADMIN, 'ท่าบ่อ', 1, 2)).toBe(true);
    expect(check.canUserEdit(OWNER, 'ท่าบ่อ', 1, 2)).toBe(true);
    expect(check.canUserEdit('stranger@example.com', 'ท่าบ่อ', 5, 2)).toBe(false);

    const mine = mueang.globals.SpreadsheetApp.getActive();
    mine.getSheetByName('เมืองหนองคาย')!.getRange('B5').setValue(10);
    expect(() => mine.getSheetByName('ท่าบ่อ')!.getRange('B5').setValue(10)).toThrow(PROTECTED_CELL_MESSAGE);
    expect(() => mine.getSheetByName('เมืองหนองคาย')!.getRange('A1').setValue('x')).toThrow(PROTECTED_CELL_MESSAGE);
    expect(mine.getSheetByName('ท่าบ่อ')!.getRange('B5').canEdit()).toBe(false);
    expect(wb.spreadsheet.getSheetByName('ท่าบ่อ')!.getRange('B5').getValue()).toBe('');
  });

  test('unprotected ranges of a protected sheet and warning-only protections let users edit', () => {
    const { wb, admin } = setup();
    const sheet = admin.globals.SpreadsheetApp.getActive().getSheetByName('ท่าบ่อ')!;
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    expect(wb.spreadsheet.canUserEdit(MUEANG, 'ท่าบ่อ', 3, 3)).toBe(false);
    p.setUnprotectedRanges([sheet.getRange('B2:D20')]);
    expect(wb.spreadsheet.canUserEdit(MUEANG, 'ท่าบ่อ', 3, 3)).toBe(true);
    expect(wb.spreadsheet.canUserEdit(MUEANG, 'ท่าบ่อ', 3, 5)).toBe(false);
    p.setWarningOnly(true);
    expect(wb.spreadsheet.canUserEdit(MUEANG, 'ท่าบ่อ', 3, 5)).toBe(true);
  });

  test("domain edit lets everyone in the owner's domain edit", () => {
    const { wb, admin } = setup();
    const p = admin.globals.SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B2').protect();
    p.removeEditors([MUEANG, THABO]);
    expect(p.canDomainEdit()).toBe(false);
    expect(wb.spreadsheet.canUserEdit(THABO, 'เมืองหนองคาย', 1, 1)).toBe(false);
    p.setDomainEdit(true);
    expect(wb.spreadsheet.canUserEdit(THABO, 'เมืองหนองคาย', 1, 1)).toBe(true);
  });

  test('protections follow inserted rows', () => {
    const { wb } = setup();
    const sheet = wb.spreadsheet.getSheets()[0];
    const p = sheet.getRange('A3:B4').protect();
    sheet.insertRowsAfter(1, 2);
    expect(p.getRange().getA1Notation()).toBe('A5:B6');
  });
});
