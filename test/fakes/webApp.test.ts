/**
 * The stand-in's web-app runs (docs/mobile.md): a bound script run as a web app has no active
 * spreadsheet and no spreadsheet UI (Apps Script guide, container-bound scripts: "When a bound
 * script is run as a web app or via the Apps Script API, these methods are not available"), opens
 * the workbook by its id, and gets no document lock (LockService reference: null "from a
 * standalone script or webapp"); HtmlOutput.addMetaTag takes only the tags the reference allows.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import { NO_UI_MESSAGE, OPEN_BY_ID_MESSAGE } from '../../dev/fakes/spreadsheetApp';

const OWNER = 'owner@x.example';
const OFFICER = 'officer@x.example';

test('a web-app run: no active spreadsheet, the workbook by its id with the user’s own rights', () => {
  const book = createFakeWorkbook({ owner: OWNER, editors: [OFFICER], htmlFiles: { Mobile: '<html></html>' } });
  const run = book.createExecution({ user: OFFICER, webApp: true });
  const app = run.globals.SpreadsheetApp;
  expect(app.getActive()).toBeNull();
  expect(app.getActiveSpreadsheet()).toBeNull();
  expect(() => app.getUi()).toThrow(NO_UI_MESSAGE);
  expect(() => app.openById('another id')).toThrow(OPEN_BY_ID_MESSAGE);
  const ss = app.openById(book.spreadsheet.getId());
  ss.getSheets()[0].getRange('A1').setValue('x');
  expect(book.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('x');
  expect(run.globals.LockService.getDocumentLock()).toBeNull();
  expect(run.globals.LockService.getScriptLock().tryLock(10)).toBe(true);
  run.end();
});

test('a run from the sheet keeps its active spreadsheet, UI and document lock', () => {
  const book = createFakeWorkbook({ owner: OWNER });
  const run = book.createExecution({ user: OWNER });
  expect(run.globals.SpreadsheetApp.getActive()).not.toBeNull();
  expect(run.globals.LockService.getDocumentLock()).not.toBeNull();
  expect(() => run.globals.SpreadsheetApp.getUi()).not.toThrow();
});

test('addMetaTag: a viewport is kept, a tag the reference does not allow is refused', () => {
  const book = createFakeWorkbook({ owner: OWNER, htmlFiles: { Mobile: '<html></html>' } });
  const output = book
    .createExecution({ user: OWNER, webApp: true })
    .services.HtmlService.createHtmlOutputFromFile('Mobile');
  output.addMetaTag('viewport', 'width=device-width, initial-scale=1');
  expect(output.metaTags_).toEqual([{ name: 'viewport', content: 'width=device-width, initial-scale=1' }]);
  expect(() => output.addMetaTag('description', 'x')).toThrow();
});
