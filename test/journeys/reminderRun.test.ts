/**
 * Who may run the reminders' function, through the built bundle, one role at a time:
 * `remindDistricts` is a top-level function anyone with the file can call from the browser
 * console. Only the account that switched the reminders on (whose trigger it is) may run it;
 * everyone else, and any account whose e-mail Google hides (even that one's), is refused in
 * Thai with nothing sent, nothing logged and nothing kept (dumps and properties compared).
 */
import { dutiesProvince, PROVINCE_EDITOR, SANGKHOM, STRANGER, THA_BO } from '../support/duties';
import { dumpText } from '../support/journey';
import { type Harness, OWNER } from '../support/workbook';

/** 6 Nov 2564 08:00: both districts overdue, reminders switched on by the owner, none sent. */
function ready(): Harness {
  const h = dutiesProvince(new Date(2021, 10, 6, 7, 0));
  h.gas.sidebarSetReminders(true);
  h.book.clock.set(new Date(2021, 10, 6, 8, 0));
  return h;
}

/** Everything a run could change: the workbook, the kept properties, the owner's triggers. */
function state(h: Harness): string {
  const run = h.as(OWNER).run;
  return JSON.stringify([
    dumpText(h),
    run.globals.PropertiesService.getDocumentProperties().getProperties(),
    run.globals.ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()),
  ]);
}

const REFUSED = /การส่งการแจ้งเตือนทำได้เฉพาะทริกเกอร์ของบัญชีที่เปิดการแจ้งเตือน/;

describe('remindDistricts refuses everyone but the account that switched reminders on', () => {
  const callers: [string, string, { hideEmail?: boolean }][] = [
    ['a province editor who did not switch them on', PROVINCE_EDITOR, {}],
    ['a district officer', THA_BO, {}],
    ['someone named nowhere', STRANGER, {}],
    ['a named officer whose e-mail Google hides', SANGKHOM, { hideEmail: true }],
    ['the very account that switched them on, its e-mail hidden', OWNER, { hideEmail: true }],
  ];
  for (const [who, email, options] of callers) {
    test(`${who}: refused in Thai, nothing sent, nothing changed`, () => {
      const h = ready();
      const before = state(h);
      expect(() => h.as(email, options).gas.remindDistricts()).toThrow(REFUSED);
      expect(h.book.sentMails).toEqual([]);
      expect(state(h)).toBe(before);
      // the province's own trigger still sends today's reminders afterwards
      h.as(OWNER).gas.remindDistricts();
      expect(h.book.sentMails.map((m) => m.to.join()).sort()).toEqual([PROVINCE_EDITOR, SANGKHOM, THA_BO].sort());
      expect(h.book.sentMails.every((m) => m.from === OWNER)).toBe(true);
    });
  }

  test('the account that switched them on: sends, logs under its name', () => {
    const h = ready();
    h.as(OWNER).gas.remindDistricts();
    expect(h.book.sentMails).toHaveLength(3);
    const log = h.run.spreadsheet.getSheetByName('บันทึก')!.getDataRange().getValues();
    expect(log.filter((r) => r[2] === 'แจ้งเตือนการส่งรายงาน').map((r) => [r[1], r[4]])).toEqual([
      [`ระบบแจ้งเตือน (${OWNER})`, 'สำเร็จ'],
    ]);
  });

  test('switched off: even the owner who had switched them on is refused, nothing sent', () => {
    const h = ready();
    h.gas.sidebarSetReminders(false);
    const before = state(h);
    expect(() => h.as(OWNER).gas.remindDistricts()).toThrow(REFUSED);
    expect(h.book.sentMails).toEqual([]);
    expect(state(h)).toBe(before);
  });
});
