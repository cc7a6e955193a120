/** Developer metadata in the stand-in: stored per location, found by key and value, gone with its sheet. */
import { createFakeWorkbook, dump } from '../../dev/fakes';

function workbook() {
  const wb = createFakeWorkbook({ owner: 'o@x.th', editors: ['e@x.th'], sheetNames: ['A', 'B'] });
  const run = wb.createExecution({ user: 'o@x.th' });
  const app = run.globals.SpreadsheetApp;
  return { wb, run, app, ss: app.getActive() };
}

test('added on sheets and on the spreadsheet, found by key and value, with their locations', () => {
  const { app, ss } = workbook();
  const a = ss.getSheetByName('A')!;
  a.addDeveloperMetadata('otop', 'one', app.DeveloperMetadataVisibility.DOCUMENT);
  ss.getSheetByName('B')!.addDeveloperMetadata('otop', 'two');
  ss.addDeveloperMetadata('other');
  const found = ss.createDeveloperMetadataFinder().withKey('otop').find();
  expect(found.map((m) => [m.getValue(), m.getLocation().getSheet()?.getName()])).toEqual([
    ['one', 'A'],
    ['two', 'B'],
  ]);
  expect(a.createDeveloperMetadataFinder().withKey('otop').withValue('one').find()).toHaveLength(1);
  expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['other']);
  expect(String(found[1].getVisibility())).toBe('DOCUMENT');
});

test('it stays with its sheet when renamed, and is deleted with it', () => {
  const { ss, run } = workbook();
  const a = ss.getSheetByName('A')!;
  a.addDeveloperMetadata('otop', 'mine');
  a.setName('renamed');
  expect(ss.createDeveloperMetadataFinder().withKey('otop').find()[0].getLocation().getSheet()?.getName()).toBe(
    'renamed',
  );
  ss.deleteSheet(a);
  expect(ss.createDeveloperMetadataFinder().withKey('otop').find()).toEqual([]);
  expect(dump(run.spreadsheet).metadata).toEqual([]);
});

test('set and removed; a removed item cannot be changed; dumps show it', () => {
  const { ss, run } = workbook();
  ss.getSheetByName('A')!.addDeveloperMetadata('k', 'v');
  const [m] = ss.createDeveloperMetadataFinder().withKey('k').find();
  m.setValue('w');
  expect(dump(run.spreadsheet).metadata).toEqual([{ at: 'A', key: 'k', value: 'w', visibility: 'DOCUMENT' }]);
  m.remove();
  expect(() => m.setValue('x')).toThrow('no longer exists');
});

test('changing metadata on a protected sheet needs the right to edit it (the worse case)', () => {
  const { wb, ss } = workbook();
  const a = ss.getSheetByName('A')!;
  a.protect().removeEditors(['e@x.th']);
  const editor = wb.createExecution({ user: 'e@x.th' }).globals.SpreadsheetApp.getActive();
  expect(() => editor.getSheetByName('A')!.addDeveloperMetadata('k', 'v')).toThrow();
  expect(() => editor.getSheetByName('B')!.addDeveloperMetadata('k', 'v')).not.toThrow();
});
