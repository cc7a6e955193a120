/**
 * The reminders (src/features/reminders/action/reminders.ts setReminders, remindersView,
 * runReminders) through the door in memory: typed, no bundle, no stand-in. By role
 * (src/app/roles.ts): the owner and a province editor switch them on and off, and the account
 * that switched them on runs them, each logged; a district officer, someone named nowhere and a
 * caller whose e-mail Google hides are refused in Thai and nothing changes (no mail, no
 * trigger, no kept value, no sheet). A run sends each due district one mail and the province
 * its digest, never the same mail twice on one day, and without quota sends nothing and says so.
 */
import type { RemindersView } from '../../src/features/submissions/action/dutiesApi';
import { LOG_LAYOUT } from '../../src/app/auditLog';
import {
  REMINDER_HANDLER,
  remindersView,
  runReminders,
  setReminders,
} from '../../src/features/reminders/action/reminders';
import { SHEET } from '../../src/features/setup/sheets/sheetNames';
import { dayOfDate } from '../../src/kernel/civilDate';
import { OfficerError } from '../../src/kernel/officerError';
import { MemoryWorkbook } from '../support/memoryDoor';
import { OWNER, PHON_PHISAI, province, PROVINCE, STRANGER, THA_BO, thrown, withDataDay } from './workbooks';

const NOW = new Date('2022-03-15T03:00:00Z');
const DAY_MS = 86_400_000;
/** The reminders' daily trigger (as reminders.ts installs it). */
const TIME = { handler: REMINDER_HANDLER, hour: 8, timeZone: 'Asia/Bangkok' } as const;
/** What the run of 15 March 2022 sends: both districts are overdue (no report since October). */
const SENT = 'ส่งการแจ้งเตือน 2 อำเภอ (อ.ท่าบ่อ, อ.โพนพิสัย); ส่งสรุปอำเภอที่เลยกำหนดถึงจังหวัด';
const NOTHING = 'ไม่มีรายงานที่ต้องแจ้งเตือนวันนี้';

/** The log's rows after its header: who, what, detail, result. */
function logRows(book: MemoryWorkbook): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (book.sheet(SHEET.log)?.values ?? []).slice(1).map((r) => [r[at.who], r[at.what], r[at.detail], r[at.result]]);
}

/** The province's sidebar view of the reminders, as `user` sees it at `now`. */
function view(book: MemoryWorkbook, user: string, now = NOW): RemindersView {
  return remindersView(book, book.readConfig(), user, now);
}

describe.each([
  ['the owner', OWNER],
  ['a province editor', PROVINCE],
])('%s switches the reminders', (_, user) => {
  test('on: one daily trigger under their account, the switch kept, logged, the view theirs', () => {
    const book = new MemoryWorkbook(province(user));
    const result = setReminders(book, true, NOW);
    expect(result.message).toBe(
      `เปิดการแจ้งเตือนแล้ว: ส่งอีเมลทุกวันประมาณ 08:00–09:00 น. ด้วยบัญชี ${user} ถ้าบัญชีนี้ไม่มีสิทธิ์แก้ไขไฟล์อีกต่อไป การแจ้งเตือนจะหยุด`,
    );
    expect(result.reminders).toMatchObject({ on: true, by: user, mine: true, warning: '', lastRunText: '' });
    expect(book.dailyTriggers(REMINDER_HANDLER)).toBe(1);
    expect(logRows(book)).toEqual([[user, 'เปิดการแจ้งเตือน', `ส่งทุกวันด้วยบัญชี ${user}`, 'สำเร็จ']]);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
    // switched on twice: still one trigger
    setReminders(book, true, NOW);
    expect(book.dailyTriggers(REMINDER_HANDLER)).toBe(1);
  });

  test('off: the trigger removed, the switch kept off, logged', () => {
    const book = new MemoryWorkbook(province(user));
    setReminders(book, true, NOW);
    const result = setReminders(book, false, NOW);
    expect(result.message).toBe('ปิดการแจ้งเตือนแล้ว');
    expect(result.reminders).toMatchObject({ on: false, by: user, warning: '' });
    expect(book.dailyTriggers(REMINDER_HANDLER)).toBe(0);
    expect(logRows(book)[1]).toEqual([user, 'ปิดการแจ้งเตือน', `ปิดโดย ${user}`, 'สำเร็จ']);
  });
});

test("a province editor takes the reminders over from the owner: the owner's trigger is told to stop itself", () => {
  const book = new MemoryWorkbook(province(OWNER));
  setReminders(book, true, NOW);
  book.actAs(PROVINCE);
  const result = setReminders(book, true, NOW);
  expect(result.message).toContain(`รับช่วงจาก ${OWNER} ทริกเกอร์ของบัญชีนั้นจะหยุดเองในรอบถัดไป`);
  expect(result.reminders).toMatchObject({ on: true, by: PROVINCE, mine: true });
  expect(book.snapshot().triggers.map((t) => t.account)).toEqual([OWNER, PROVINCE]);
});

describe.each([
  ['a district officer', THA_BO, `(${THA_BO} ไม่มีสิทธิ์นี้)`],
  ['someone named nowhere', STRANGER, `(${STRANGER} ไม่มีสิทธิ์นี้)`],
  ['a caller whose e-mail Google hides', '', 'Google ไม่เปิดเผยอีเมลของบัญชีนี้'],
])('%s may not switch the reminders', (_, user, words) => {
  test.each([
    [true, 'การเปิดการแจ้งเตือน'],
    [false, 'การปิดการแจ้งเตือน'],
  ])('on = %s: refused in Thai, and nothing changes', (on, action) => {
    const book = new MemoryWorkbook(province(PROVINCE));
    setReminders(book, true, NOW);
    book.actAs(user);
    const before = book.snapshot();
    const refused = thrown(() => setReminders(book, on, NOW));
    expect(refused).toBeInstanceOf(OfficerError);
    expect(refused.message).toContain(`${action}ทำได้เฉพาะ`);
    expect(refused.message).toContain(words);
    expect(book.snapshot()).toEqual(before);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
  });
});

describe("the province's view of the reminders warns of what may stop them", () => {
  test('nothing to warn of, and reading changes nothing', () => {
    const book = new MemoryWorkbook(province(PROVINCE));
    setReminders(book, true, NOW);
    const before = book.snapshot();
    expect(view(book, PROVINCE)).toMatchObject({ on: true, mine: true, warning: '' });
    expect(view(book, OWNER)).toMatchObject({ on: true, mine: false, warning: '' });
    expect(book.snapshot()).toEqual(before);
  });

  test('the account that switched them on no longer edits the file', () => {
    const book = new MemoryWorkbook({ ...province(PROVINCE), editors: [THA_BO, PHON_PHISAI] });
    setReminders(book, true, NOW);
    expect(view(book, OWNER).warning).toBe(
      `บัญชี ${PROVINCE} ที่เปิดการแจ้งเตือนไม่มีสิทธิ์แก้ไขไฟล์นี้แล้ว การแจ้งเตือนจะหยุดทำงาน ให้ปิดแล้วเปิดใหม่ด้วยบัญชีของท่าน`,
    );
  });

  test("its trigger is gone from the caller's account", () => {
    const book = new MemoryWorkbook(province(PROVINCE));
    setReminders(book, true, NOW);
    book.open((door) => door.removeDailyTriggers(TIME));
    expect(view(book, PROVINCE).warning).toBe(
      'ไม่พบทริกเกอร์การแจ้งเตือนในบัญชีของท่าน (อาจถูกลบในหน้า Apps Script) ให้ปิดแล้วเปิดใหม่',
    );
  });

  test('no run for days', () => {
    const book = new MemoryWorkbook(province(PROVINCE));
    setReminders(book, true, NOW);
    expect(view(book, PROVINCE, new Date(NOW.getTime() + 3 * DAY_MS)).warning).toBe(
      `การแจ้งเตือนไม่ได้ทำงานมา 3 วัน ให้ตรวจสิทธิ์ของบัญชี ${PROVINCE} หรือปิดแล้วเปิดใหม่`,
    );
  });
});

describe.each([
  ['the owner', OWNER],
  ['a province editor', PROVINCE],
])("the run of the account that switched them on (%s's trigger)", (_, user) => {
  test('each due district one mail and the province its digest; the board, the data day, the log, the last run', () => {
    const book = new MemoryWorkbook(withDataDay(user));
    setReminders(book, true, NOW);
    expect(runReminders(book, NOW)).toBe(SENT);
    expect(book.mails().map((m) => [m.to, m.subject])).toEqual([
      [[THA_BO], '[OTOP หนองคาย] แจ้งเตือนการส่งรายงาน อ.ท่าบ่อ'],
      [[PHON_PHISAI], '[OTOP หนองคาย] แจ้งเตือนการส่งรายงาน อ.โพนพิสัย'],
      [[PROVINCE], '[OTOP หนองคาย] สรุปอำเภอที่เลยกำหนดส่งรายงาน 15 มีนาคม 2565'],
    ]);
    expect(book.mailQuota()).toBe(97);
    expect(logRows(book)[1]).toEqual([`ระบบแจ้งเตือน (${user})`, 'แจ้งเตือนการส่งรายงาน', SENT, 'สำเร็จ']);
    expect(book.readConfig().settings.dataDay).toBe(dayOfDate(NOW));
    expect(book.sheet(SHEET.board)?.values[4]?.[0]).toBe('ท่าบ่อ');
    expect(view(book, user)).toMatchObject({ lastRunOk: true, lastRunText: expect.stringContaining(SENT) });
  });

  test('run again the same day: no mail sent twice, nothing more logged', () => {
    const book = new MemoryWorkbook(province(user));
    setReminders(book, true, NOW);
    runReminders(book, NOW);
    const sent = book.mails();
    const log = logRows(book);
    expect(runReminders(book, new Date(NOW.getTime() + 3_600_000))).toBe(NOTHING);
    expect(book.mails()).toEqual(sent);
    expect(logRows(book)).toEqual(log);
  });
});

test('a run with no quota left sends nothing and says so; the next run with quota sends what waited', () => {
  const book = new MemoryWorkbook({ ...province(PROVINCE), mailQuota: 0 });
  setReminders(book, true, NOW);
  const text = runReminders(book, NOW);
  expect(text).toBe('รอส่งพรุ่งนี้เพราะโควตาอีเมลวันนี้หมด: อ.ท่าบ่อ, อ.โพนพิสัย, สรุปถึงจังหวัด');
  expect(book.mails()).toEqual([]);
  expect(logRows(book)[1]).toEqual([`ระบบแจ้งเตือน (${PROVINCE})`, 'แจ้งเตือนการส่งรายงาน', text, 'ยังไม่ส่ง รอส่งรอบถัดไป']);
  expect(view(book, PROVINCE)).toMatchObject({ lastRunOk: false });
  book.setMailQuota(100);
  expect(runReminders(book, NOW)).toBe(SENT);
  expect(book.mails()).toHaveLength(3);
});

test("a quota that runs out midway keeps the digest's share: a district waits, the digest goes", () => {
  const book = new MemoryWorkbook({ ...province(PROVINCE), mailQuota: 2 });
  setReminders(book, true, NOW);
  expect(runReminders(book, NOW)).toBe(
    'ส่งการแจ้งเตือน 1 อำเภอ (อ.ท่าบ่อ); ส่งสรุปอำเภอที่เลยกำหนดถึงจังหวัด; รอส่งพรุ่งนี้เพราะโควตาอีเมลวันนี้หมด: อ.โพนพิสัย',
  );
  expect(book.mails().map((m) => m.to)).toEqual([[THA_BO], [PROVINCE]]);
});

describe.each([
  ['a district officer', THA_BO, `(${THA_BO} ไม่ใช่บัญชีนั้น)`],
  ['someone named nowhere', STRANGER, `(${STRANGER} ไม่ใช่บัญชีนั้น)`],
  ['a caller whose e-mail Google hides', '', 'Google ไม่เปิดเผยอีเมลของบัญชีนี้ จึงตรวจสิทธิ์ไม่ได้'],
])('a run as %s (the reminders on by the province)', (_, user, words) => {
  test('is refused in Thai: no mail, and nothing changes', () => {
    const book = new MemoryWorkbook(province(PROVINCE));
    setReminders(book, true, NOW);
    book.actAs(user);
    const before = book.snapshot();
    const refused = thrown(() => runReminders(book, NOW));
    expect(refused).toBeInstanceOf(OfficerError);
    expect(refused.message).toContain(`การส่งการแจ้งเตือนทำได้เฉพาะทริกเกอร์ของบัญชีที่เปิดการแจ้งเตือน (${PROVINCE})`);
    expect(refused.message).toContain(words);
    expect(refused.message).toContain('ไม่ได้ส่งอีเมลใด');
    expect(book.snapshot()).toEqual(before);
    expect(book.mails()).toEqual([]);
  });
});

test("the owner's trigger, the province having switched them off, removes itself and sends nothing", () => {
  const book = new MemoryWorkbook(province(OWNER));
  setReminders(book, true, NOW);
  book.actAs(PROVINCE);
  setReminders(book, false, NOW);
  book.actAs(OWNER);
  expect(book.dailyTriggers(REMINDER_HANDLER)).toBe(1);
  expect(runReminders(book, NOW)).toBe('การแจ้งเตือนปิดอยู่ ทริกเกอร์นี้จึงหยุด');
  expect(book.dailyTriggers(REMINDER_HANDLER)).toBe(0);
  expect(book.mails()).toEqual([]);
});

test('a trigger of the owner, the province editor having taken them over, removes itself and sends nothing', () => {
  const book = new MemoryWorkbook(province(OWNER));
  setReminders(book, true, NOW);
  book.actAs(PROVINCE);
  setReminders(book, true, NOW);
  book.actAs(OWNER);
  expect(runReminders(book, NOW)).toBe(`การแจ้งเตือนเปิดด้วยบัญชี ${PROVINCE} แล้ว ทริกเกอร์นี้จึงหยุด`);
  expect(book.snapshot().triggers.map((t) => t.account)).toEqual([PROVINCE]);
  expect(book.mails()).toEqual([]);
});
