import { createFakeWorkbook, dump, NO_PERMISSION_MESSAGE, PROTECTED_CELL_MESSAGE } from '../../dev/fakes';

const OWNER = 'owner@nongkhai.example';
const ADMIN = 'admin@nongkhai.example';
const MUEANG = 'mueang@nongkhai.example';
const THABO = 'thabo@nongkhai.example';

function setup(owner: string | null = OWNER) {
  const wb = createFakeWorkbook({ owner, editors: [ADMIN, MUEANG, THABO], sheetNames: ['เมืองหนองคาย', 'ท่าบ่อ', 'สรุป'] });
  return {
    wb,
    app: (user: string, hideEmail = false) => wb.createExecution({ user, hideEmail }).globals.SpreadsheetApp,
  };
}

/** Protects a sheet for `admin` and `keep` only. */
function protectFor(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, sheetName: string, keep: string[]) {
  const p = app.getActive().getSheetByName(sheetName)!.protect();
  p.removeEditors(p.getEditors());
  p.addEditors(keep);
  return p;
}

describe('who runs an execution', () => {
  test('a hidden user runs with their own rights, and Session shows "" for both users', () => {
    const { wb, app } = setup();
    protectFor(app(ADMIN), 'ท่าบ่อ', [THABO]);
    const run = wb.createExecution({ user: MUEANG, hideEmail: true });
    expect(run.globals.Session.getActiveUser().getEmail()).toBe('');
    expect(run.globals.Session.getEffectiveUser().getEmail()).toBe('');
    const ss = run.globals.SpreadsheetApp.getActive();
    expect(() => ss.getSheetByName('ท่าบ่อ')!.getRange('B5').setValue(1)).toThrow(PROTECTED_CELL_MESSAGE);
    ss.getSheetByName('เมืองหนองคาย')!.getRange('B5').setValue(1);
    expect(wb.spreadsheet.getSheetByName('เมืองหนองคาย')!.getRange('B5').getValue()).toBe(1);
  });

  test('removeEditors keeps a hidden current user by their real address', () => {
    const { app } = setup();
    const p = app(ADMIN, true).getActive().getSheetByName('ท่าบ่อ')!.protect();
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, ADMIN]);
  });

  test('user "" is an anonymous user with no rights', () => {
    const { wb } = setup();
    const run = wb.createExecution({ user: '' });
    expect(run.globals.Session.getEffectiveUser().getEmail()).toBe('');
    const ss = run.globals.SpreadsheetApp.getActive();
    expect(() => ss.getSheets()[0].getRange('A1').setValue(1)).toThrow(NO_PERMISSION_MESSAGE);
    expect(() => ss.insertSheet('x')).toThrow(NO_PERMISSION_MESSAGE);
    expect(wb.spreadsheet.canUserEdit('', 'สรุป', 1, 1)).toBe(false);
  });
});

describe('a workbook without an owner (shared drive)', () => {
  test('getOwner() is null; protections list the editors and bind everyone they do not name', () => {
    const { wb, app } = setup(null);
    expect(wb.spreadsheet.getOwner()).toBeNull();
    expect(wb.spreadsheet.getEditors().map((u) => u.getEmail())).toEqual([ADMIN, MUEANG, THABO]);
    expect(dump(wb.spreadsheet).owner).toBeNull();
    const p = app(ADMIN).getActive().getSheetByName('สรุป')!.protect();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([ADMIN, MUEANG, THABO]);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([ADMIN]);
    expect(wb.spreadsheet.canUserEdit(MUEANG, 'สรุป', 2, 2)).toBe(false);
    expect(wb.spreadsheet.canUserEdit(ADMIN, 'สรุป', 2, 2)).toBe(true);
    expect(() => app(MUEANG).getActive().getSheetByName('สรุป')!.getRange('B2').setValue(1)).toThrow(
      PROTECTED_CELL_MESSAGE,
    );
  });

  test('a protection made by one editor binds the others, who cannot lift it', () => {
    const { app } = setup(null);
    protectFor(app(THABO), 'ท่าบ่อ', []);
    const [seen] = app(ADMIN).getActive().getSheetByName('ท่าบ่อ')!.getProtections(app(ADMIN).ProtectionType.SHEET);
    expect(seen.canEdit()).toBe(false);
    expect(() => seen.remove()).toThrow(NO_PERMISSION_MESSAGE);
  });

  test('it needs at least one editor to set up', () => {
    expect(() => createFakeWorkbook({ owner: null })).toThrow('needs an editor');
  });
});

describe('protections guard the structure of a sheet', () => {
  test('deleting a protected sheet is refused to those the protection does not name', () => {
    const { app } = setup();
    protectFor(app(ADMIN), 'ท่าบ่อ', [THABO]);
    const mine = app(MUEANG).getActive();
    expect(() => mine.deleteSheet(mine.getSheetByName('ท่าบ่อ')!)).toThrow(PROTECTED_CELL_MESSAGE);
    const thabo = app(THABO).getActive();
    thabo.deleteSheet(thabo.getSheetByName('ท่าบ่อ')!);
    expect(thabo.getSheetByName('ท่าบ่อ')).toBeNull();
  });

  test('a protected range on a sheet also blocks deleting the sheet', () => {
    const { app } = setup();
    const p = app(ADMIN).getActive().getSheetByName('สรุป')!.getRange('A1:C1').protect();
    p.removeEditors([MUEANG, THABO]);
    const mine = app(MUEANG).getActive();
    expect(() => mine.deleteSheet(mine.getSheetByName('สรุป')!)).toThrow(PROTECTED_CELL_MESSAGE);
    p.setWarningOnly(true);
    mine.deleteSheet(mine.getSheetByName('สรุป')!);
  });

  test('renaming, inserting and deleting rows and columns, and sorting are refused', () => {
    const { app } = setup();
    const p = protectFor(app(ADMIN), 'ท่าบ่อ', [THABO]);
    const sheet = app(ADMIN).getActive().getSheetByName('ท่าบ่อ')!;
    p.setUnprotectedRanges([sheet.getRange('A2:Z100')]);
    const theirs = app(MUEANG).getActive().getSheetByName('ท่าบ่อ')!;
    theirs.getRange('B5').setValue(3); // inside the unprotected range
    expect(() => theirs.setName('x')).toThrow(PROTECTED_CELL_MESSAGE);
    expect(() => theirs.insertRowsAfter(5, 1)).toThrow(PROTECTED_CELL_MESSAGE);
    expect(() => theirs.insertColumnsAfter(1, 1)).toThrow(PROTECTED_CELL_MESSAGE);
    expect(() => theirs.deleteRows(5, 1)).toThrow(PROTECTED_CELL_MESSAGE);
    expect(() => theirs.deleteColumns(2, 1)).toThrow(PROTECTED_CELL_MESSAGE);
    expect(() => theirs.getRange('A1:B10').sort(1)).toThrow(PROTECTED_CELL_MESSAGE);
    theirs.getRange('A2:B10').sort(2);
  });

  test('warning-only protections do not stop a script', () => {
    const { wb, app } = setup();
    protectFor(app(ADMIN), 'ท่าบ่อ', [THABO]).setWarningOnly(true);
    const theirs = app(MUEANG).getActive();
    theirs.getSheetByName('ท่าบ่อ')!.getRange('A1').setValue('ok');
    theirs.getSheetByName('ท่าบ่อ')!.insertRowsAfter(1, 1);
    expect(wb.spreadsheet.getSheetByName('ท่าบ่อ')!.getRange('A1').getValue()).toBe('ok');
  });
});
