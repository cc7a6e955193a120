/**
 * The stand-in's Advanced Sheets service (dev/fakes/advancedSheets.ts): Spreadsheets.get with a
 * field mask, one recorded call; refused for another spreadsheet, in a custom function, and
 * after a spreadsheet write the API may not see yet.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import { parseFieldMask } from '../../dev/fakes/advancedSheets';

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
