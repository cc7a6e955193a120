import { createFakeWorkbook, dump, NO_PERMISSION_MESSAGE, PROTECTED_CELL_MESSAGE } from '../../dev/fakes';

const OWNER = 'owner@example.com';
const OFFICER = 'officer@example.com';

function setup() {
  const wb = createFakeWorkbook({ owner: OWNER, editors: [OFFICER], sheetNames: ['ตั้งค่า', 'ท่าบ่อ'] });
  const run = wb.createExecution({ user: OWNER });
  return { wb, app: run.globals.SpreadsheetApp };
}

describe('developer metadata', () => {
  test('sheets and the spreadsheet carry keyed entries; finders search them', () => {
    const { app } = setup();
    const ss = app.getActive();
    const settings = ss.getSheetByName('ตั้งค่า')!;
    const thabo = ss.getSheetByName('ท่าบ่อ')!;
    const { DOCUMENT, PROJECT } = app.DeveloperMetadataVisibility;
    settings.addDeveloperMetadata('otop.sheet', 'settings');
    thabo.addDeveloperMetadata('otop.sheet', 'district', PROJECT);
    thabo.addDeveloperMetadata('otop.tag');
    ss.addDeveloperMetadata('otop.version', '3');
    ss.addDeveloperMetadata('otop.flag', PROJECT);

    const [entry] = settings.getDeveloperMetadata();
    expect([entry.getKey(), entry.getValue(), String(entry.getVisibility())]).toEqual([
      'otop.sheet',
      'settings',
      'DOCUMENT',
    ]);
    expect(entry.getVisibility()).toBe(DOCUMENT);
    const location = entry.getLocation();
    expect(String(location.getLocationType())).toBe('SHEET');
    expect(location.getSheet()!.getName()).toBe('ตั้งค่า');
    expect(location.getSpreadsheet()).toBeNull();

    expect(thabo.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      ['otop.sheet', 'district'],
      ['otop.tag', null],
    ]);
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())])).toEqual([
      ['otop.version', '3', 'DOCUMENT'],
      ['otop.flag', null, 'PROJECT'],
    ]);
    const sheets = ss
      .createDeveloperMetadataFinder()
      .withKey('otop.sheet')
      .find()
      .map((m) => m.getLocation().getSheet()!.getName());
    expect(sheets).toEqual(['ตั้งค่า', 'ท่าบ่อ']);
    const byValue = ss.createDeveloperMetadataFinder().withKey('otop.sheet').withValue('district').find();
    expect(byValue).toHaveLength(1);
    expect(ss.createDeveloperMetadataFinder().withId(byValue[0].getId()).find()[0].getValue()).toBe('district');
    expect(
      ss.createDeveloperMetadataFinder().withLocationType(app.DeveloperMetadataLocationType.SPREADSHEET).find(),
    ).toHaveLength(2);
    expect(ss.createDeveloperMetadataFinder().withVisibility(PROJECT).find()).toHaveLength(2);
    expect(thabo.createDeveloperMetadataFinder().withKey('otop.sheet').find()).toHaveLength(1);
    expect(
      new Set(
        ss
          .createDeveloperMetadataFinder()
          .find()
          .map((m) => m.getId()),
      ).size,
    ).toBe(5);
  });

  test('entries can be changed, moved and removed; deleting a sheet deletes its metadata', () => {
    const { wb, app } = setup();
    const ss = app.getActive();
    const thabo = ss.getSheetByName('ท่าบ่อ')!;
    thabo.addDeveloperMetadata('otop.sheet', 'district');
    const [entry] = thabo.getDeveloperMetadata();
    entry.setValue('district:ท่าบ่อ').setKey('otop.district');
    expect(ss.createDeveloperMetadataFinder().withKey('otop.district').find()[0].getValue()).toBe('district:ท่าบ่อ');
    entry.moveToSpreadsheet();
    expect(thabo.getDeveloperMetadata()).toEqual([]);
    expect(ss.getDeveloperMetadata()).toHaveLength(1);
    entry.moveToSheet(thabo);
    expect(dump(wb.spreadsheet).developerMetadata).toEqual([
      { key: 'otop.district', value: 'district:ท่าบ่อ', visibility: 'DOCUMENT', sheet: 'ท่าบ่อ' },
    ]);
    ss.deleteSheet(thabo);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
    ss.addDeveloperMetadata('x');
    ss.getDeveloperMetadata()[0].remove();
    expect(dump(wb.spreadsheet).developerMetadata).toEqual([]);
  });

  test('changing metadata needs edit rights on its location', () => {
    const { wb, app } = setup();
    const p = app.getActive().getSheetByName('ท่าบ่อ')!.protect();
    p.removeEditors([OFFICER]);
    app.getActive().getSheetByName('ท่าบ่อ')!.addDeveloperMetadata('otop.sheet');
    const officer = wb.createExecution({ user: OFFICER }).globals.SpreadsheetApp.getActive();
    const theirs = officer.getSheetByName('ท่าบ่อ')!;
    expect(theirs.getDeveloperMetadata()).toHaveLength(1);
    expect(() => theirs.addDeveloperMetadata('mine')).toThrow(PROTECTED_CELL_MESSAGE);
    expect(() => theirs.getDeveloperMetadata()[0].setValue('x')).toThrow(PROTECTED_CELL_MESSAGE);
    officer.getSheetByName('ตั้งค่า')!.addDeveloperMetadata('mine');
    const stranger = wb.createExecution({ user: 'stranger@example.com' }).globals.SpreadsheetApp.getActive();
    expect(() => stranger.addDeveloperMetadata('x')).toThrow(NO_PERMISSION_MESSAGE);
  });
});

test('a custom function may read metadata but not change it, nor merge, sort or copy', () => {
  const { wb, app } = setup();
  const ss = app.getActive();
  ss.addDeveloperMetadata('otop.version', '3');
  const outcomes: string[] = [];
  const attempt = (what: () => unknown): void => {
    try {
      outcomes.push(String(what()));
    } catch (e) {
      outcomes.push((e as Error).message);
    }
  };
  wb.spreadsheet.setFunctions((name) =>
    name === 'PROBE'
      ? () => {
          const [entry] = ss.createDeveloperMetadataFinder().withKey('otop.version').find();
          attempt(() => entry.getValue());
          attempt(() => entry.setValue('4'));
          attempt(() => ss.getSheets()[0].addDeveloperMetadata('x'));
          attempt(() => ss.getSheets()[0].getRange('A5:B5').merge());
          attempt(() => ss.getSheets()[0].getRange('A5:B6').sort(1));
          attempt(() => ss.duplicateActiveSheet());
          return 1;
        }
      : undefined,
  );
  ss.getSheets()[0].getRange('A1').setFormula('=PROBE()');
  expect(ss.getSheets()[0].getRange('A1').getValue()).toBe(1);
  expect(outcomes).toEqual([
    '3',
    'You do not have permission to call DeveloperMetadata.setValue',
    'You do not have permission to call Sheet.addDeveloperMetadata',
    'You do not have permission to call Range.merge',
    'You do not have permission to call Range.sort',
    'You do not have permission to call Spreadsheet.duplicateActiveSheet',
  ]);
});

describe('copying sheets', () => {
  test('copyTo makes "Copy of <name>" at the end with content, formats, rules, merges and metadata, not protections', () => {
    const { wb, app } = setup();
    const ss = app.getActive();
    const src = ss.getSheetByName('ตั้งค่า')!;
    src.getRange('A1:B2').setValues([
      ['หัวข้อ', 2],
      ['x', 3],
    ]);
    src.getRange('C1').setFormula('=SUM(B1:B2)');
    src.getRange('A1').setBackground('#cfe2f3').setNote('หมายเหตุ');
    src.getRange('B1:B2').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    src.getRange('D1:E1').merge();
    src.setFrozenRows(1);
    src.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#ff0000')
        .setRanges([src.getRange('A1:A9')])
        .build(),
    ]);
    src.addDeveloperMetadata('otop.sheet', 'settings');
    src.protect().removeEditors([OFFICER]);

    const copy = src.copyTo(ss);
    expect(copy.getName()).toBe('Copy of ตั้งค่า');
    expect(copy.getIndex()).toBe(3);
    expect(copy.getRange('A1:C2').getValues()).toEqual([
      ['หัวข้อ', 2, 5],
      ['x', 3, ''],
    ]);
    expect(copy.getRange('C1').getFormula()).toBe('=SUM(B1:B2)');
    expect(copy.getRange('A1').getBackground()).toBe('#cfe2f3');
    expect(copy.getRange('A1').getNote()).toBe('หมายเหตุ');
    expect(String(copy.getRange('B2').getDataValidation()!.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(
      copy
        .getRange('D1:E1')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['D1:E1']);
    expect(copy.getFrozenRows()).toBe(1);
    expect(copy.getConditionalFormatRules()[0].getRanges()[0].getSheet().getName()).toBe('Copy of ตั้งค่า');
    const tags = ss.createDeveloperMetadataFinder().withKey('otop.sheet').find();
    expect(tags.map((m) => m.getLocation().getSheet()!.getName())).toEqual(['ตั้งค่า', 'Copy of ตั้งค่า']);
    expect(tags[0].getId()).not.toBe(tags[1].getId());
    expect(copy.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expect(wb.spreadsheet.canUserEdit(OFFICER, 'Copy of ตั้งค่า', 1, 1)).toBe(true);
    expect(src.copyTo(ss).getName()).toBe('Copy of ตั้งค่า 2');
    src.getRange('A2').setValue('changed');
    expect(copy.getRange('A2').getValue()).toBe('x');
  });

  test('duplicateActiveSheet puts the copy after the active sheet and activates it', () => {
    const { wb } = setup();
    const run = wb.createExecution({ user: OWNER, activeSheet: 'ตั้งค่า' });
    const ss = run.globals.SpreadsheetApp.getActive();
    ss.getSheetByName('ตั้งค่า')!.getRange('A1').setValue('ต้นฉบับ');
    const copy = ss.duplicateActiveSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['ตั้งค่า', 'Copy of ตั้งค่า', 'ท่าบ่อ']);
    expect(ss.getActiveSheet().getName()).toBe('Copy of ตั้งค่า');
    expect(copy.getRange('A1').getValue()).toBe('ต้นฉบับ');
  });

  test('copying needs edit access', () => {
    const { wb } = setup();
    const stranger = wb.createExecution({ user: 'stranger@example.com' }).globals.SpreadsheetApp.getActive();
    expect(() => stranger.getSheets()[0].copyTo(stranger)).toThrow(NO_PERMISSION_MESSAGE);
  });
});
