/**
 * The stand-in's Advanced Sheets service (dev/fakes/advancedSheets.ts): Spreadsheets.get with a
 * field mask, one recorded call; refused for another spreadsheet, in a custom function, and
 * after a spreadsheet write the API may not see yet.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import { parseFieldMask } from '../../dev/fakes/advancedSheets';
import { dump } from '../../dev/fakes/dump';
import { ProtectionType } from '../../dev/fakes/enums';

const OWNER = 'owner@example.com';
const FIELDS = 'sheets(properties(sheetId,title),developerMetadata(metadataId,metadataKey,metadataValue))';

function setup() {
  const wb = createFakeWorkbook({ owner: OWNER, sheetNames: ['ตั้งค่า', 'ท่าบ่อ'] });
  const run = wb.createExecution({ user: OWNER });
  const ss = run.globals.SpreadsheetApp.getActive();
  return { wb, run, ss, Sheets: run.globals.Sheets };
}

test('one call returns every sheet in tab order with its metadata, cut to the fields asked for', () => {
  const { wb, run, ss, Sheets } = setup();
  ss.getSheetByName('ท่าบ่อ')!.addDeveloperMetadata('otop.sheet', 'district');
  ss.addDeveloperMetadata('otop.version', '3');
  ss.getSheetByName('ตั้งค่า')!.setName('ตั้งค่า 2');
  SpreadsheetAppFlush(run);
  wb.ledger.reset();
  const got = Sheets.Spreadsheets!.get(ss.getId(), { fields: FIELDS });
  expect(wb.ledger.calls(run.id)).toEqual(['Spreadsheet.getId', 'Sheets.Spreadsheets.get']);
  const ids = ss.getSheets().map((s) => s.getSheetId());
  expect(got).toEqual({
    sheets: [
      // a field at its default (sheet id 0) is left out of the JSON (proto3 JSON mapping)
      { properties: { ...(ids[0] === 0 ? {} : { sheetId: ids[0] }), title: 'ตั้งค่า 2' } },
      {
        properties: { sheetId: ids[1], title: 'ท่าบ่อ' },
        developerMetadata: [{ metadataId: expect.any(Number), metadataKey: 'otop.sheet', metadataValue: 'district' }],
      },
    ],
  });
  const all = Sheets.Spreadsheets!.get(ss.getId(), { fields: 'developerMetadata,sheets.properties.title' });
  expect(all).toEqual({
    developerMetadata: [
      {
        metadataId: expect.any(Number),
        metadataKey: 'otop.version',
        metadataValue: '3',
        visibility: 'DOCUMENT',
        location: { locationType: 'SPREADSHEET', spreadsheet: true },
      },
    ],
    sheets: [{ properties: { title: 'ตั้งค่า 2' } }, { properties: { title: 'ท่าบ่อ' } }],
  });
});

test('another spreadsheet, a malformed mask, an unseen write and a custom function are refused', () => {
  const { ss, Sheets, wb } = setup();
  expect(() => Sheets.Spreadsheets!.get('another-id', { fields: FIELDS })).toThrow('Requested entity was not found.');
  expect(() => Sheets.Spreadsheets!.get(ss.getId(), { fields: 'sheets(properties' })).toThrow(
    'Invalid field selection',
  );
  const id = ss.getId(); // a spreadsheet read: it would commit the writes before it
  const sheet = ss.getSheetByName('ท่าบ่อ')!;
  const cellA1 = sheet.getRange('A1');
  sheet.addDeveloperMetadata('otop.sheet', 'district');
  expect(() => Sheets.Spreadsheets!.get(id, { fields: FIELDS })).toThrow('stand-in');
  cellA1.getValue(); // a read commits the writes before it
  expect(() => Sheets.Spreadsheets!.get(id, { fields: FIELDS })).not.toThrow();
  cellA1.setValue('x');
  expect(() => Sheets.Spreadsheets!.get(id, { fields: FIELDS })).toThrow('stand-in');

  const api = Sheets;
  ss.getRange('A2').getValue();
  wb.spreadsheet.setFunctions((name) =>
    name === 'PROBE' ? () => JSON.stringify(api.Spreadsheets!.get(id)) : undefined,
  );
  const cell = ss.getSheetByName('ตั้งค่า')!.getRange('A1');
  cell.setFormula('=PROBE()');
  expect(String(cell.getValue())).toMatch(/permission|#ERROR!/i);
});

test("protections: a sheet's is fully unbounded, editors only for those who may edit it, defaults left out", () => {
  const wb = createFakeWorkbook({
    owner: OWNER,
    editors: ['a@example.com', 'b@example.com'],
    sheetNames: ['ตั้งค่า', 'ท่าบ่อ', 'เตือน'],
  });
  const run = wb.createExecution({ user: OWNER });
  const ss = run.globals.SpreadsheetApp.getActive();
  const [settings, district, warned] = ['ตั้งค่า', 'ท่าบ่อ', 'เตือน'].map((n) => ss.getSheetByName(n)!);
  const p = settings.protect().setDescription('ตั้งค่า');
  p.removeEditors(['b@example.com']);
  p.setUnprotectedRanges([settings.getRange('B3'), settings.getRange('A1:C2')]);
  district.getRange('C2:D5').protect().setDescription('ช่วง');
  warned.protect().setWarningOnly(true);
  run.globals.SpreadsheetApp.flush();
  const fields = 'sheets(properties(sheetId),protectedRanges(range,description,warningOnly,editors,unprotectedRanges))';
  const [s1, s2, s3] = [settings, district, warned].map((s) => s.getSheetId());
  const byOwner = run.globals.Sheets.Spreadsheets!.get(ss.getId(), { fields });
  const sheetIdOf = (id: number) => (id === 0 ? {} : { sheetId: id }); // 0 is a default: left out
  expect(byOwner.sheets).toEqual([
    {
      properties: sheetIdOf(s1),
      protectedRanges: [
        {
          range: sheetIdOf(s1),
          description: 'ตั้งค่า',
          editors: { users: [OWNER, 'a@example.com'] },
          unprotectedRanges: [
            { ...sheetIdOf(s1), startRowIndex: 2, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 },
            { ...sheetIdOf(s1), endRowIndex: 2, endColumnIndex: 3 },
          ],
        },
      ],
    },
    {
      properties: { sheetId: s2 },
      protectedRanges: [
        {
          range: { ...sheetIdOf(s2), startRowIndex: 1, endRowIndex: 5, startColumnIndex: 2, endColumnIndex: 4 },
          description: 'ช่วง',
          editors: { users: [OWNER, 'a@example.com', 'b@example.com'] },
        },
      ],
    },
    // warning-only: no editors ("Editors are not supported with warning_only protection")
    { properties: { sheetId: s3 }, protectedRanges: [{ range: sheetIdOf(s3), warningOnly: true }] },
  ]);
  // someone the protection leaves out sees it, without its editors
  const b = wb.createExecution({ user: 'b@example.com' });
  const byB = b.globals.Sheets.Spreadsheets!.get(ss.getId(), { fields: 'sheets.protectedRanges(description,editors)' });
  expect(byB.sheets?.[0]).toEqual({ protectedRanges: [{ description: 'ตั้งค่า' }] });
});

test('field masks parse nested and dotted forms', () => {
  expect(parseFieldMask('')).toBeNull();
  expect(parseFieldMask('a.b(c,d),a.e')).toEqual(
    new Map([
      [
        'a',
        new Map([
          [
            'b',
            new Map([
              ['c', null],
              ['d', null],
            ]),
          ],
          ['e', null],
        ]),
      ],
    ]),
  );
});

/** SpreadsheetApp.flush() of a run. */
function SpreadsheetAppFlush(run: { globals: { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp } }) {
  run.globals.SpreadsheetApp.flush();
}

describe('batchUpdate', () => {
  /** A sheet as the stand-in stores it (every cell's format, merges, sizes), its name and id aside. */
  function looks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string) {
    const { name: _n, sheetId: _id, ...rest } = dump(ss).sheets.find((s) => s.name === name)!;
    return rest;
  }

  test('applies merges, formats, borders and sizes in one call, as SpreadsheetApp would', () => {
    const wb = createFakeWorkbook({ owner: OWNER, sheetNames: ['api', 'app'] });
    const run = wb.createExecution({ user: OWNER });
    const ss = run.globals.SpreadsheetApp.getActive();
    const api = ss.getSheetByName('api')!;
    const app = ss.getSheetByName('app')!;
    const sheetId = api.getSheetId();
    const grid = { sheetId, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 3 };
    wb.ledger.reset();
    run.globals.Sheets.Spreadsheets!.batchUpdate(
      {
        requests: [
          { mergeCells: { range: grid, mergeType: 'MERGE_ROWS' } },
          {
            repeatCell: {
              range: { ...grid, startRowIndex: 2, endRowIndex: 3 },
              cell: { userEnteredFormat: { textFormat: { bold: true, fontSize: 14 } } },
              fields: 'userEnteredFormat.textFormat.bold,userEnteredFormat.textFormat.fontSize',
            },
          },
          {
            repeatCell: {
              range: { sheetId, startRowIndex: 3, endRowIndex: 4, startColumnIndex: 1, endColumnIndex: 2 },
              // a colour's missing component is 0 (proto3 JSON)
              cell: { userEnteredFormat: { horizontalAlignment: 'RIGHT', backgroundColor: { red: 1, green: 1 } } },
              fields: 'userEnteredFormat.horizontalAlignment,userEnteredFormat.backgroundColor',
            },
          },
          {
            updateBorders: {
              range: { ...grid, startRowIndex: 2, endRowIndex: 4 },
              top: { style: 'SOLID' },
              bottom: { style: 'SOLID' },
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 3 },
              properties: { pixelSize: 40 },
              fields: 'pixelSize',
            },
          },
          {
            updateDimensionProperties: {
              range: { sheetId, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
              properties: { pixelSize: 200 },
              fields: 'pixelSize',
            },
          },
        ],
      },
      ss.getId(),
    );
    expect(wb.ledger.calls(run.id)).toEqual(['Spreadsheet.getId', 'Sheets.Spreadsheets.batchUpdate']);
    app.getRange('A1:C2').mergeAcross();
    app.getRange('A3:C3').setFontWeight('bold').setFontSize(14);
    app.getRange('B4').setHorizontalAlignment('right').setBackground('#ffff00');
    app.getRange('A3:C4').setBorder(true, null, true, null, null, null);
    app.setRowHeights(2, 2, 40);
    app.setColumnWidths(1, 1, 200);
    expect(looks(ss, 'api')).toEqual(looks(ss, 'app'));
    expect(looks(ss, 'api').merges).toEqual(['A1:C1', 'A2:C2']);
  });

  test('all or nothing: one invalid request and none is applied; unmodelled requests and unseen writes refused', () => {
    const wb = createFakeWorkbook({ owner: OWNER, sheetNames: ['api'] });
    const run = wb.createExecution({ user: OWNER });
    const ss = run.globals.SpreadsheetApp.getActive();
    const sheet = ss.getSheetByName('api')!;
    const sheetId = sheet.getSheetId();
    const id = ss.getId();
    const bold = {
      repeatCell: {
        range: { sheetId, endRowIndex: 1, endColumnIndex: 1 },
        cell: { userEnteredFormat: { textFormat: { bold: true } } },
        fields: 'userEnteredFormat.textFormat.bold',
      },
    };
    const beyond = { mergeCells: { range: { sheetId, endRowIndex: 5000, endColumnIndex: 2 }, mergeType: 'MERGE_ALL' } };
    const batch = run.globals.Sheets.Spreadsheets!;
    expect(() => batch.batchUpdate({ requests: [bold, beyond] }, id)).toThrow('exceeds grid limits');
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
    expect(() => batch.batchUpdate({ requests: [bold, { sortRange: {} }] }, id)).toThrow('not modelled');
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
    sheet.getRange('B2').setValue('x'); // a cached write the API may not see
    expect(() => batch.batchUpdate({ requests: [bold] }, id)).toThrow('stand-in');
    run.globals.SpreadsheetApp.flush();
    batch.batchUpdate({ requests: [bold] }, id);
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
  });

  test('a protected range the user may not edit refuses the whole batch', () => {
    const wb = createFakeWorkbook({ owner: OWNER, editors: ['a@example.com'], sheetNames: ['api'] });
    const owner = wb.createExecution({ user: OWNER });
    const sheet = owner.globals.SpreadsheetApp.getActive().getSheetByName('api')!;
    sheet.protect().removeEditors(['a@example.com']);
    const sheetId = sheet.getSheetId();
    owner.globals.SpreadsheetApp.flush();
    const a = wb.createExecution({ user: 'a@example.com' });
    const id = a.globals.SpreadsheetApp.getActive().getId();
    expect(() =>
      a.globals.Sheets.Spreadsheets!.batchUpdate(
        {
          requests: [{ mergeCells: { range: { sheetId, endRowIndex: 1, endColumnIndex: 2 }, mergeType: 'MERGE_ALL' } }],
        },
        id,
      ),
    ).toThrow('protected');
    expect(sheet.getRange('A1:B1').isPartOfMerge()).toBe(false);
  });
});

describe('batchUpdate for set-up: addProtectedRange and updateDeveloperMetadata', () => {
  const A = 'a@example.com';
  const B = 'b@example.com';

  function protecting() {
    const wb = createFakeWorkbook({ owner: OWNER, editors: [A, B], sheetNames: ['ก', 'ข'] });
    const run = wb.createExecution({ user: OWNER });
    const ss = run.globals.SpreadsheetApp.getActive();
    return { wb, run, ss, batch: run.globals.Sheets.Spreadsheets!, id: ss.getId() };
  }

  test('a whole-sheet protection with its editors named, its open cells and a warning-only one, in one call', () => {
    const { wb, run, ss, batch, id } = protecting();
    const [k, kh] = ss.getSheets();
    const [kId, khId] = [k.getSheetId(), kh.getSheetId()];
    wb.ledger.reset();
    const reply = batch.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: kId },
                description: 'จังหวัด',
                warningOnly: false,
                editors: { users: [OWNER, A], domainUsersCanEdit: false },
                unprotectedRanges: [
                  { sheetId: kId, startRowIndex: 4, endRowIndex: 5, startColumnIndex: 1, endColumnIndex: 2 },
                ],
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: { range: { sheetId: khId }, description: 'อำเภอ', warningOnly: true },
            },
          },
        ],
      },
      id,
    );
    expect(wb.ledger.calls(run.id)).toEqual(['Sheets.Spreadsheets.batchUpdate']);
    const [first] = k.getProtections(run.globals.SpreadsheetApp.ProtectionType.SHEET);
    expect(first.getDescription()).toBe('จังหวัด');
    expect(first.isWarningOnly()).toBe(false);
    expect(first.getEditors().map((u) => u.getEmail())).toEqual([OWNER, A]);
    expect(first.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B5']);
    const [second] = kh.getProtections(run.globals.SpreadsheetApp.ProtectionType.SHEET);
    expect([second.getDescription(), second.isWarningOnly()]).toEqual(['อำเภอ', true]);
    // the reply names what was made
    const made = reply.replies?.map((r) => r.addProtectedRange?.protectedRange?.protectedRangeId);
    expect(made).toHaveLength(2);
    expect(made?.every((n) => typeof n === 'number')).toBe(true);
    // what it protects binds: B may not write the sheet, anyone may write the open cell
    const b = wb.createExecution({ user: B }).globals.SpreadsheetApp.getActive().getSheetByName('ก')!;
    expect(() => b.getRange('A1').setValue('x')).toThrow('protected');
    b.getRange('B5').setValue('ok');
    expect(k.getRange('B5').getValue()).toBe('ok');
  });

  test('refused whole: editors on a warning-only protection, a bounded range, a sheet that is not there', () => {
    const { ss, batch, id } = protecting();
    const sheetId = ss.getSheets()[0].getSheetId();
    const good = { addProtectedRange: { protectedRange: { range: { sheetId }, description: 'x' } } };
    const warned = {
      addProtectedRange: { protectedRange: { range: { sheetId }, warningOnly: true, editors: { users: [A] } } },
    };
    expect(() => batch.batchUpdate({ requests: [good, warned] }, id)).toThrow('warning_only');
    expect(ss.getProtections(ProtectionType.SHEET)).toHaveLength(0);
    const bounded = { addProtectedRange: { protectedRange: { range: { sheetId, endRowIndex: 2 } } } };
    expect(() => batch.batchUpdate({ requests: [good, bounded] }, id)).toThrow('not modelled');
    const elsewhere = { addProtectedRange: { protectedRange: { range: { sheetId: 987654 } } } };
    expect(() => batch.batchUpdate({ requests: [good, elsewhere] }, id)).toThrow('No grid with id');
    expect(ss.getProtections(ProtectionType.SHEET)).toHaveLength(0);
  });

  test('metadata values changed by key and value, every match at once; a filter matching nothing refuses the batch', () => {
    const { wb, run, ss, batch, id } = protecting();
    const [k, kh] = ss.getSheets();
    k.addDeveloperMetadata('otop.sheet', 'old-k');
    kh.addDeveloperMetadata('otop.sheet', 'old-kh');
    kh.addDeveloperMetadata('other', 'old-kh');
    run.globals.SpreadsheetApp.flush();
    const update = (from: string, to: string) => ({
      updateDeveloperMetadata: {
        dataFilters: [{ developerMetadataLookup: { metadataKey: 'otop.sheet', metadataValue: from } }],
        developerMetadata: { metadataValue: to },
        fields: 'metadataValue',
      },
    });
    const values = () =>
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => `${m.getKey()}=${m.getValue()}`);
    expect(() => batch.batchUpdate({ requests: [update('old-k', 'new-k'), update('gone', 'x')] }, id)).toThrow(
      'No developer metadata matches',
    );
    expect(values()).toEqual(['otop.sheet=old-k', 'otop.sheet=old-kh', 'other=old-kh']);
    wb.ledger.reset();
    const reply = batch.batchUpdate({ requests: [update('old-k', 'new-k'), update('old-kh', 'new-kh')] }, id);
    expect(wb.ledger.calls(run.id)).toEqual(['Sheets.Spreadsheets.batchUpdate']);
    // only the key asked for: the other key's entry of the same value is left
    expect(values()).toEqual(['otop.sheet=new-k', 'otop.sheet=new-kh', 'other=old-kh']);
    expect(reply.replies?.[0].updateDeveloperMetadata?.developerMetadata?.map((m) => m.metadataValue)).toEqual([
      'new-k',
    ]);
    const byId = ss.createDeveloperMetadataFinder().withKey('other').find()[0].getId();
    batch.batchUpdate(
      {
        requests: [
          {
            updateDeveloperMetadata: {
              dataFilters: [{ developerMetadataLookup: { metadataId: byId } }],
              developerMetadata: { metadataValue: 'by-id' },
              fields: 'metadataValue',
            },
          },
        ],
      },
      id,
    );
    expect(values()).toEqual(['otop.sheet=new-k', 'otop.sheet=new-kh', 'other=by-id']);
  });

  test("a protected sheet's metadata is changed only by those the protection allows", () => {
    const { wb, ss, run } = protecting();
    const k = ss.getSheets()[0];
    k.addDeveloperMetadata('otop.sheet', 'v');
    k.protect().removeEditors([A, B]);
    run.globals.SpreadsheetApp.flush();
    const a = wb.createExecution({ user: A });
    const request = {
      updateDeveloperMetadata: {
        dataFilters: [{ developerMetadataLookup: { metadataKey: 'otop.sheet', metadataValue: 'v' } }],
        developerMetadata: { metadataValue: 'w' },
        fields: 'metadataValue',
      },
    };
    expect(() => a.globals.Sheets.Spreadsheets!.batchUpdate({ requests: [request] }, ss.getId())).toThrow();
    expect(k.createDeveloperMetadataFinder().find()[0].getValue()).toBe('v');
  });
});

test('grid data: with ranges, only the sheets they touch, each cell as the API writes CellData, trailing empties left out', () => {
  const { wb, run, ss, Sheets } = setup();
  const app = run.globals.SpreadsheetApp;
  const sheet = ss.getSheetByName('ท่าบ่อ')!;
  sheet
    .getRange('A1:B1')
    .setValues([['วันที่', 'ยอด']])
    .setFontWeight('bold')
    .setBackground('#EFEFEF');
  sheet.getRange('A1').setNote('วว/ดด/ปปปป');
  sheet.getRange('B2:B3').setNumberFormat('#,##0');
  sheet.getRange('A2').setValue('=1+1');
  sheet.getRange('B2').setValue(5);
  const list = app
    .newDataValidation()
    .requireValueInList(['ก', 'ข'], true)
    .setAllowInvalid(false)
    .setHelpText('เลือก')
    .build();
  sheet.getRange('C2:C3').setDataValidation(list);
  sheet.getRange('D2').setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
  sheet.setFrozenRows(1);
  sheet.setTabColor('#6aa84f');
  const rule = app
    .newConditionalFormatRule()
    .setRanges([sheet.getRange('B2:B3')])
    .whenNumberEqualTo(3)
    .setBackground('#ff0000')
    .setFontColor('#ffffff')
    .build();
  sheet.setConditionalFormatRules([rule]);
  SpreadsheetAppFlush(run);
  wb.ledger.reset();
  const got = Sheets.Spreadsheets!.get(ss.getId(), {
    ranges: [`'ท่าบ่อ'`],
    fields:
      'sheets(properties(title,gridProperties(rowCount,frozenRowCount),tabColor),conditionalFormats,' +
      'data(startRow,rowData(values(userEnteredValue,userEnteredFormat(numberFormat(pattern),textFormat(bold),backgroundColor),note,dataValidation))))',
  }) as { sheets: Record<string, unknown>[] };
  expect(wb.ledger.calls(run.id)).toEqual(['Spreadsheet.getId', 'Sheets.Spreadsheets.get']);
  expect(got.sheets).toHaveLength(1);
  const grey = 0xef / 255;
  expect(got.sheets[0]).toEqual({
    properties: {
      title: 'ท่าบ่อ',
      gridProperties: { rowCount: sheet.getMaxRows(), frozenRowCount: 1 },
      tabColor: { red: 0x6a / 255, green: 0xa8 / 255, blue: 0x4f / 255 },
    },
    conditionalFormats: [
      {
        ranges: [
          { sheetId: sheet.getSheetId(), startRowIndex: 1, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 },
        ],
        booleanRule: {
          condition: { type: 'NUMBER_EQ', values: [{ userEnteredValue: '3' }] },
          // the API gives each colour twice: as a Color and as a ColorStyle (ConditionalFormatRule's CellFormat)
          format: {
            backgroundColor: { red: 1 },
            backgroundColorStyle: { rgbColor: { red: 1 } },
            textFormat: {
              foregroundColor: { red: 1, green: 1, blue: 1 },
              foregroundColorStyle: { rgbColor: { red: 1, green: 1, blue: 1 } },
            },
          },
        },
      },
    ],
    data: [
      {
        rowData: [
          {
            values: [
              {
                userEnteredValue: { stringValue: 'วันที่' },
                userEnteredFormat: {
                  textFormat: { bold: true },
                  backgroundColor: { red: grey, green: grey, blue: grey },
                },
                note: 'วว/ดด/ปปปป',
              },
              {
                userEnteredValue: { stringValue: 'ยอด' },
                userEnteredFormat: {
                  textFormat: { bold: true },
                  backgroundColor: { red: grey, green: grey, blue: grey },
                },
              },
            ],
          },
          {
            values: [
              { userEnteredValue: { formulaValue: '=1+1' } },
              { userEnteredValue: { numberValue: 5 }, userEnteredFormat: { numberFormat: { pattern: '#,##0' } } },
              {
                dataValidation: {
                  condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'ก' }, { userEnteredValue: 'ข' }] },
                  inputMessage: 'เลือก',
                  strict: true,
                  showCustomUi: true,
                },
              },
              {
                dataValidation: { condition: { type: 'NUMBER_GREATER_THAN_EQ', values: [{ userEnteredValue: '0' }] } },
              },
            ],
          },
          // row 3: the format and the dropdown; nothing after them
          {
            values: [
              {},
              { userEnteredFormat: { numberFormat: { pattern: '#,##0' } } },
              {
                dataValidation: {
                  condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'ก' }, { userEnteredValue: 'ข' }] },
                  inputMessage: 'เลือก',
                  strict: true,
                  showCustomUi: true,
                },
              },
            ],
          },
        ],
      },
    ],
  });
  // a block below row 1 says where it starts (0-based)
  const block = Sheets.Spreadsheets!.get(ss.getId(), { ranges: [`'ท่าบ่อ'!B3:B4`], fields: 'sheets.data' }) as {
    sheets: { data: unknown[] }[];
  };
  expect(block.sheets[0].data).toEqual([
    {
      startRow: 2,
      startColumn: 1,
      rowData: [{ values: [{ userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '#,##0' } } }] }],
    },
  ]);
});
