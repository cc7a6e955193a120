/**
 * onOpen as Google runs it: a simple trigger, without asking for authorisation. "Because simple
 * triggers fire automatically, without asking the user for authorization, they are subject to
 * several restrictions: ... They cannot access services that require authorization ... They may
 * or may not be able to determine the identity of the current user" (Apps Script guide,
 * Triggers → Simple triggers → Restrictions, developers.google.com/apps-script/guides/triggers);
 * an editor add-on's onOpen may even run in ScriptApp.AuthMode.NONE, "a mode that does not allow
 * access to any services that require authorization" (reference/script/auth-mode). The bundle is
 * loaded with every service refusing every call except the spreadsheet UI's menu, so onOpen
 * must build the menu from nothing else: no e-mail, no lock, no properties, no workbook read.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import { loadBundle } from '../support/loadBundle';

const SERVICES = [
  'SpreadsheetApp',
  'Session',
  'LockService',
  'PropertiesService',
  'HtmlService',
  'MailApp',
  'Utilities',
  'Logger',
  'ScriptApp',
  'UrlFetchApp',
  'DriveApp',
  'GmailApp',
  'CacheService',
];

/** A service whose every member refuses, except the ones allowed; every touch is recorded. */
function refusing(service: string, touched: string[], allowed: Record<string, unknown> = {}): object {
  return new Proxy(
    {},
    {
      get(_target, member) {
        const name = `${service}.${String(member)}`;
        touched.push(name);
        if (typeof member === 'string' && member in allowed) return allowed[member];
        throw new Error(`You do not have permission to call ${name}`);
      },
    },
  );
}

describe('onOpen as a simple trigger (no authorisation)', () => {
  test.each(['onOpen', 'onInstall'])('%s builds the OTOP menu with every other service refusing', (trigger) => {
    const wb = createFakeWorkbook({ owner: 'province@nongkhai.example' });
    const run = wb.createExecution({ user: 'district@gmail.example', hideEmail: true });
    const ui = run.globals.SpreadsheetApp.getUi();
    const touched: string[] = [];
    const services = Object.fromEntries(
      SERVICES.map((s) => [s, refusing(s, touched, s === 'SpreadsheetApp' ? { getUi: () => ui } : {})]),
    );
    const gas = loadBundle(services);
    expect(touched).toEqual([]); // loading the bundle touches no service
    const event = { authMode: 'NONE', source: refusing('Spreadsheet', touched) };
    (gas[trigger] as (e: unknown) => void)(event);
    expect(touched).toEqual(['SpreadsheetApp.getUi']);
    expect(run.ui.menus).toHaveLength(1);
    const menu = JSON.stringify(run.ui.menus[0]);
    for (const item of ['ตั้งค่า / ซ่อมแซมสมุดงาน', 'ตรวจข้อมูล', 'เปิดแผงควบคุม', 'ตรวจสอบระบบ', 'runDiagnostics']) {
      expect(menu).toContain(item);
    }
  });

  test('the refusing services really refuse (the check above is not vacuous)', () => {
    const touched: string[] = [];
    const gas = loadBundle(Object.fromEntries(SERVICES.map((s) => [s, refusing(s, touched)])));
    expect(() => gas.onOpen({ authMode: 'NONE' })).toThrow('You do not have permission to call SpreadsheetApp.getUi');
    expect(() => gas.runDiagnostics()).toThrow(); // any action needs authorised services
  });
});
