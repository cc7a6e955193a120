/**
 * The reminders over a whole fiscal year on the fake clock, with the daily trigger the province
 * switches on (dev/fakes runDueTriggers fires it near 08:00 Bangkok time, as its creator): the
 * right reminders on the right days to the right people, never two on one day (also when the
 * trigger fires twice), the province's digest, the mail quota exhausted midway, switched off.
 */
import type { SentMail } from '../../../../dev/fakes';
import { dayOfDate, isoOfDay } from '../../../../src/kernel/civilDate';
import {
  dutiesProvince,
  loadCompiledBundle,
  PROVINCE_EDITOR,
  SANGKHOM,
  sheetValues,
  THA_BO,
  triggerResolver,
} from '../../../support/duties';
import type { BundleScope } from '../../../support/loadBundle';
import { type Harness, OWNER } from '../../../support/workbook';

const DAY = 86_400_000;

/**
 * ท่าบ่อ's submissions, by the day it submits at noon: each month's report on the 3rd of the next
 * month, January's late (8 Feb), round 1 on 20 Mar, round 3 on 23 Sep; round 2 never. สังคม never
 * submits anything.
 */
const THA_BO_SUBMITS = new Map<string, { kind: 'month' | 'round'; period: string }>([
  ...[
    ['2021-10', '2021-11-03'],
    ['2021-11', '2021-12-03'],
    ['2021-12', '2022-01-03'],
    ['2022-01', '2022-02-08'],
    ['2022-02', '2022-03-03'],
    ['2022-03', '2022-04-03'],
    ['2022-04', '2022-05-03'],
    ['2022-05', '2022-06-03'],
    ['2022-06', '2022-07-03'],
    ['2022-07', '2022-08-03'],
    ['2022-08', '2022-09-03'],
    ['2022-09', '2022-10-03'],
  ].map(([period, day]) => [day, { kind: 'month' as const, period }] as const),
  ['2022-03-20', { kind: 'round', period: '1' }],
  ['2022-09-23', { kind: 'round', period: '3' }],
]);

/** Moments' Bangkok days already worked out (each mail's day is asked on every day it is searched). */
const daysOf = new Map<number, string>();
/** The Bangkok day (ISO) of a moment. */
function dayText(ms: number): string {
  let day = daysOf.get(ms);
  if (day === undefined) {
    day = isoOfDay(dayOfDate(new Date(ms)));
    daysOf.set(ms, day);
  }
  return day;
}

/**
 * An oracle written apart from src/features/submissions/rules/duties.ts: does a district that has submitted `done`
 * (duty keys, each with the ISO day it was submitted) get a reminder on `day` at 08:00?
 */
function dueOn(day: string, done: ReadonlyMap<string, string>): { remind: boolean; overdue: boolean } {
  const t = Date.parse(day);
  const days = (iso: string) => Math.round((Date.parse(iso) - t) / DAY);
  const open = (key: string) => !done.has(key) || (done.get(key) as string) >= day; // submitted at noon
  let remind = false;
  let overdue = false;
  for (let i = 0; i < 12; i++) {
    const y = i < 3 ? 2021 : 2022;
    const m = ((9 + i) % 12) + 1;
    const key = `month:${y}-${String(m).padStart(2, '0')}`;
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const first = `${ny}-${String(nm).padStart(2, '0')}-01`;
    const due = `${ny}-${String(nm).padStart(2, '0')}-05`;
    if (!open(key)) continue;
    if (day >= first && days(due) >= 0 && days(due) <= 3) remind = true;
    if (days(due) < 0) remind = overdue = true;
  }
  ['2022-03-25', '2022-05-27', '2022-09-23'].forEach((deadline, i) => {
    if (!open(`round:${i + 1}`)) return;
    if (days(deadline) === 7 || days(deadline) === 1) remind = true;
    if (days(deadline) < 0) remind = overdue = true;
  });
  return { remind, overdue };
}

/** The mails of a day, by subject's kind. */
function mailsOn(h: Harness, day: string): SentMail[] {
  return h.book.sentMails.filter((m) => dayText(m.at) === day);
}

describe('a fiscal year of reminders', () => {
  let h: Harness;
  let switchedOn: ReturnType<BundleScope['sidebarSetReminders']>;
  const done = { tha: new Map<string, string>(), sangkhom: new Map<string, string>() };
  const quotaDay = '2022-02-07';
  const twiceFrom = '2021-12-01';
  const twiceTo = '2021-12-10';
  const offDay = '2022-10-04';
  let duplicate = '';
  const runs: ReturnType<Harness['book']['runDueTriggers']> = [];
  const logsOfQuotaDay: unknown[][] = [];

  beforeAll(() => {
    h = dutiesProvince(new Date(2021, 9, 1, 7, 0));
    const resolve = triggerResolver(h);
    switchedOn = h.gas.sidebarSetReminders(true);
    for (let t = Date.UTC(2021, 9, 1); t <= Date.UTC(2022, 9, 10); t += DAY) {
      const day = isoOfDay(Math.round(t / DAY));
      const [y, m, d] = day.split('-').map(Number);
      if (day === twiceFrom) {
        // a second trigger of the same handler (installed twice by mistake): it fires too
        duplicate = h.run.globals.ScriptApp.newTrigger('remindDistricts')
          .timeBased()
          .everyDays(1)
          .atHour(8)
          .inTimezone('Asia/Bangkok')
          .create()
          .getUniqueId();
      }
      if (day === quotaDay) h.book.setMailQuota(2); // two recipients today: the run runs out midway
      runs.push(...h.book.runDueTriggers(new Date(y, m - 1, d, 12, 0), { resolve }));
      if (day === quotaDay) {
        h.book.setMailQuota(100);
        logsOfQuotaDay.push(...sheetValues(h, 'บันทึก').filter((r) => String(r[0]).startsWith('7 ก.พ. 65')));
      }
      if (day === twiceTo) {
        const trigger = h.run.globals.ScriptApp.getProjectTriggers().find((x) => x.getUniqueId() === duplicate);
        if (trigger) h.run.globals.ScriptApp.deleteTrigger(trigger);
      }
      if (day === '2021-11-06') {
        // the handler run by hand the same day (a second firing): nothing more is sent
        const again = h.book.createExecution({ user: OWNER });
        loadCompiledBundle({ ...again.globals }, h.book.clock.now).remindDistricts();
        again.end();
      }
      const submit = THA_BO_SUBMITS.get(day);
      if (submit) {
        const officer = h.as(THA_BO).gas;
        if (submit.kind === 'month') officer.sidebarSubmitMonthly(submit.period, true);
        else officer.sidebarSubmitRound(Number(submit.period), true);
        done.tha.set(`${submit.kind}:${submit.period}`, day);
      }
      if (day === offDay) h.gas.sidebarSetReminders(false);
    }
  });

  test('switching on made one daily trigger under the province’s account', () => {
    expect(switchedOn.reminders).toMatchObject({ on: true, by: OWNER, mine: true, warning: '' });
    expect(runs.every((r) => r.outcome === 'ok' && r.user === OWNER)).toBe(true);
    const hours = new Set(runs.map((r) => new Date(r.at).getHours()));
    expect([...hours]).toEqual([8]);
    expect(runs.filter((r) => dayText(r.at.getTime()) === '2021-12-05')).toHaveLength(2); // the duplicate too
  });

  test('the right districts on the right days, never two a day, only addresses from the settings', () => {
    const days = [...new Set(runs.map((r) => dayText(r.at.getTime())))];
    expect(days[0]).toBe('2021-10-01');
    const wrong: string[] = [];
    for (const day of days) {
      const mails = mailsOn(h, day);
      for (const [who, address, submitted] of [
        ['ท่าบ่อ', THA_BO, done.tha],
        ['สังคม', SANGKHOM, done.sangkhom],
      ] as const) {
        const got = mails.filter((m) => m.to.includes(address)).length;
        const want = dueOn(day, submitted).remind && !(day === quotaDay && who === 'สังคม') ? 1 : 0;
        if (got !== want) wrong.push(`${day} ${who}: ${got} (expected ${want})`);
      }
    }
    expect(wrong).toEqual([]);
    const recipients = new Set(h.book.sentMails.flatMap((m) => [...m.to, ...m.cc, ...m.bcc]));
    expect([...recipients].sort()).toEqual([PROVINCE_EDITOR, SANGKHOM, THA_BO].sort());
    expect(h.book.sentMails.every((m) => m.from === OWNER)).toBe(true);
    const perDay = new Map<string, number>();
    for (const m of h.book.sentMails) {
      const key = `${dayText(m.at)} ${m.to.join()}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect([...perDay.values()].every((n) => n === 1)).toBe(true);
  });

  test('concrete days: the report due in 3 days, on its due day, overdue; a round 7 days and 1 day ahead', () => {
    const subjects = (day: string, to: string) =>
      mailsOn(h, day)
        .filter((m) => m.to.includes(to))
        .map((m) => m.body);
    expect(subjects('2021-11-01', THA_BO)).toEqual([]); // 4 days ahead
    expect(subjects('2021-11-02', THA_BO)[0]).toContain(
      'รายงานประจำเดือน ตุลาคม 2564: กำหนดส่ง 5 พฤศจิกายน 2564 (อีก 3 วัน)',
    );
    expect(subjects('2021-11-04', THA_BO)).toEqual([]); // submitted on the 3rd
    expect(subjects('2021-11-05', SANGKHOM)[0]).toContain('รายงานประจำเดือน ตุลาคม 2564: กำหนดส่งวันนี้');
    expect(subjects('2021-11-06', SANGKHOM)[0]).toContain('เลยกำหนดส่ง (5 พฤศจิกายน 2564) มาแล้ว 1 วัน ยังไม่ได้ส่ง');
    expect(subjects('2022-02-06', THA_BO)[0]).toContain('รายงานประจำเดือน มกราคม 2565: เลยกำหนดส่ง');
    expect(subjects('2022-03-18', THA_BO)[0]).toContain('สรุปผล รอบที่ 1: กำหนดส่ง 25 มีนาคม 2565 (อีก 7 วัน)');
    expect(subjects('2022-03-19', THA_BO)).toEqual([]);
    expect(subjects('2022-03-24', THA_BO)).toEqual([]); // round 1 submitted on the 20th
    expect(subjects('2022-05-26', THA_BO)[0]).toContain('สรุปผล รอบที่ 2: กำหนดส่ง 27 พฤษภาคม 2565 (อีก 1 วัน)');
    expect(subjects('2022-05-28', THA_BO)[0]).toContain('สรุปผล รอบที่ 2: เลยกำหนดส่ง (27 พฤษภาคม 2565) มาแล้ว 1 วัน');
    const html = mailsOn(h, '2021-11-06').find((m) => m.to.includes(SANGKHOM))!.htmlBody;
    expect(html).toContain('<li>รายงานประจำเดือน ตุลาคม 2564: เลยกำหนดส่ง');
  });

  test('the province’s digest: each day some district is overdue, once, to the province’s editors', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(2021, 9, 1); t <= Date.UTC(2022, 9, 4); t += DAY) {
      const day = isoOfDay(Math.round(t / DAY));
      const digests = mailsOn(h, day).filter((m) => m.subject.includes('สรุปอำเภอที่เลยกำหนดส่งรายงาน'));
      const overdue = dueOn(day, done.tha).overdue || dueOn(day, done.sangkhom).overdue;
      if (digests.length !== (overdue ? 1 : 0)) wrong.push(`${day}: ${digests.length}`);
      if (digests.some((m) => m.to.join() !== PROVINCE_EDITOR)) wrong.push(`${day}: to ${digests[0].to}`);
    }
    expect(wrong).toEqual([]);
    const first = mailsOn(h, '2021-11-06').find((m) => m.to.includes(PROVINCE_EDITOR))!;
    expect(first.body).toContain('สรุปอำเภอที่เลยกำหนดส่งรายงาน ณ วันที่ 6 พฤศจิกายน 2564 (1 อำเภอ)');
    expect(first.body).toContain('• อ.สังคม: รายงานประจำเดือน ตุลาคม 2564 (เลยกำหนด 1 วัน)');
  });

  test('quota exhausted midway: what does not fit waits for the next day, logged and in the digest', () => {
    const mails = mailsOn(h, quotaDay);
    expect(mails.map((m) => m.to.join())).toEqual([THA_BO, PROVINCE_EDITOR]);
    expect(mails[1].body).toContain('การแจ้งเตือนที่รอส่งพรุ่งนี้ (โควตาอีเมลของวันนี้หมด): อ.สังคม');
    expect(logsOfQuotaDay.map((r) => r[3])).toEqual([
      'ส่งการแจ้งเตือน 1 อำเภอ (อ.ท่าบ่อ); ส่งสรุปอำเภอที่เลยกำหนดถึงจังหวัด; รอส่งพรุ่งนี้เพราะโควตาอีเมลวันนี้หมด: อ.สังคม',
    ]);
    expect(mailsOn(h, '2022-02-08').filter((m) => m.to.includes(SANGKHOM))).toHaveLength(1);
  });

  test('switched off: the trigger is gone and nothing more is sent; the sidebar says so', () => {
    expect(runs.filter((r) => dayText(r.at.getTime()) > offDay)).toEqual([]);
    expect(h.book.sentMails.filter((m) => dayText(m.at) > offDay)).toEqual([]);
    expect(h.run.globals.ScriptApp.getProjectTriggers()).toEqual([]);
    const view = h.gas.sidebarDuties().reminders!;
    expect(view).toMatchObject({ on: false, by: OWNER, lastRunOk: true });
    expect(view.lastRunText).toMatch(/^4 ต\.ค\. 65 เวลา 08:00 น\.: /);
  });

  test('the daily run keeps the board up to date', () => {
    const board = sheetValues(h, 'สถานะการส่งรายงาน');
    expect(board[1][1]).toBe('4 ตุลาคม 2565'); // the last run's day
    const row = (d: string) => board.find((r) => r[0] === d)!;
    expect(row('ท่าบ่อ').slice(1, 17)).toEqual([
      'ส่งแล้ว 3 พ.ย. 64',
      'ส่งแล้ว 3 ธ.ค. 64',
      'ส่งแล้ว 3 ม.ค. 65',
      'ส่งช้า 3 วัน',
      'ส่งแล้ว 3 มี.ค. 65',
      'ส่งแล้ว 3 เม.ย. 65',
      'ส่งแล้ว 3 พ.ค. 65',
      'ส่งแล้ว 3 มิ.ย. 65',
      'ส่งแล้ว 3 ก.ค. 65',
      'ส่งแล้ว 3 ส.ค. 65',
      'ส่งแล้ว 3 ก.ย. 65',
      'ส่งแล้ว 3 ต.ค. 65',
      'ส่งแล้ว 20 มี.ค. 65',
      'เลยกำหนด ยังไม่ส่ง',
      'ส่งแล้ว 23 ก.ย. 65',
      1,
    ]);
    expect(
      row('สังคม')
        .slice(1, 16)
        .every((c) => c === 'เลยกำหนด ยังไม่ส่ง' || c === 'ยังไม่ถึงกำหนด'),
    ).toBe(true);
  });
});

describe('who runs the reminders', () => {
  test('taken over by another province editor: the first account’s trigger stops itself', () => {
    const h = dutiesProvince(new Date(2021, 10, 5, 12, 0));
    const resolve = triggerResolver(h);
    h.gas.sidebarSetReminders(true);
    const editor = h.as(PROVINCE_EDITOR).gas.sidebarSetReminders(true);
    expect(editor.message).toContain(`รับช่วงจาก ${OWNER}`);
    expect(editor.reminders).toMatchObject({ on: true, by: PROVINCE_EDITOR, mine: true });
    const runs = h.book.runDueTriggers(new Date(2021, 10, 7, 12, 0), { resolve });
    // day 1: both fire; the owner's sees it is not the one and removes itself
    expect(runs.map((r) => [dayText(r.at.getTime()), r.user])).toEqual([
      ['2021-11-06', OWNER],
      ['2021-11-06', PROVINCE_EDITOR],
      ['2021-11-07', PROVINCE_EDITOR],
    ]);
    expect(h.book.sentMails.every((m) => m.from === PROVINCE_EDITOR)).toBe(true);
    expect(h.run.globals.ScriptApp.getProjectTriggers()).toEqual([]); // the owner's is gone
    // the owner sees whose account runs them, not theirs
    expect(h.gas.sidebarDuties().reminders).toMatchObject({ on: true, by: PROVINCE_EDITOR, mine: false });
  });

  test('the account that runs them loses access: the sidebar warns', () => {
    const h = dutiesProvince(new Date(2021, 10, 5, 12, 0));
    h.as(PROVINCE_EDITOR).gas.sidebarSetReminders(true);
    h.run.spreadsheet.removeEditor(PROVINCE_EDITOR);
    const view = h.gas.sidebarDuties().reminders!;
    expect(view.warning).toContain(`บัญชี ${PROVINCE_EDITOR} ที่เปิดการแจ้งเตือนไม่มีสิทธิ์แก้ไขไฟล์นี้แล้ว`);
    // the trigger's run is skipped by Google (a trigger stops when its creator loses access)
    const runs = h.book.runDueTriggers(new Date(2021, 10, 6, 12, 0), { resolve: triggerResolver(h) });
    expect(runs.map((r) => r.outcome)).toEqual(['skipped']);
    h.book.clock.set(new Date(2021, 10, 9, 12, 0));
    expect(h.gas.sidebarDuties().reminders?.warning).toContain('การแจ้งเตือนไม่ได้ทำงานมา 4 วัน');
  });
});

describe('reminders by window, not by day', () => {
  /** The bodies of the mails a person got on a day. */
  const bodies = (h: Harness, day: string, to: string) =>
    mailsOn(h, day)
      .filter((m) => m.to.includes(to))
      .map((m) => m.body);
  /** The log rows of the reminders' runs. */
  const reminderLogs = (h: Harness) => sheetValues(h, 'บันทึก').filter((r) => r[2] === 'แจ้งเตือนการส่งรายงาน');
  const ROUND2 = 'สรุปผล รอบที่ 2';

  test('the quota used up on both reminder days of a round: each goes the next run before the deadline', () => {
    const h = dutiesProvince(new Date(2022, 4, 19, 7, 0));
    const resolve = triggerResolver(h);
    h.gas.sidebarSetReminders(true);
    const quotaDays = ['2022-05-20', '2022-05-26']; // 7 days and 1 day before 27 May
    const statusOf: Record<string, unknown> = {};
    for (let d = 20; d <= 27; d++) {
      const day = `2022-05-${d}`;
      h.book.setMailQuota(quotaDays.includes(day) ? 0 : 100);
      const logged = reminderLogs(h).length;
      h.book.runDueTriggers(new Date(2022, 4, d, 12, 0), { resolve });
      statusOf[day] = reminderLogs(h).slice(logged)[0]?.[4];
    }
    expect(bodies(h, '2022-05-20', THA_BO)).toEqual([]);
    expect(bodies(h, '2022-05-21', THA_BO)[0]).toContain(`${ROUND2}: กำหนดส่ง 27 พฤษภาคม 2565 (อีก 6 วัน)`);
    for (const day of ['2022-05-22', '2022-05-23', '2022-05-24', '2022-05-25'])
      expect(bodies(h, day, THA_BO).join()).not.toContain(ROUND2); // once per window
    expect(bodies(h, '2022-05-26', THA_BO)).toEqual([]);
    expect(bodies(h, '2022-05-27', THA_BO)[0]).toContain(`${ROUND2}: กำหนดส่งวันนี้ (27 พฤษภาคม 2565)`);
    expect(bodies(h, '2022-05-27', SANGKHOM)[0]).toContain(`${ROUND2}: กำหนดส่งวันนี้ (27 พฤษภาคม 2565)`);
    // the log tells "not sent, will retry" apart from success
    expect([statusOf['2022-05-20'], statusOf['2022-05-26']]).toEqual(['ยังไม่ส่ง รอส่งรอบถัดไป', 'ยังไม่ส่ง รอส่งรอบถัดไป']);
    expect(statusOf['2022-05-21']).toBe('สำเร็จ');
  });

  /** 26 May 2565 08:00, a day before round 2's deadline, reminders on; the first e-mail's call. */
  const dayBefore = (): { h: Harness; firstSend: number } => {
    const probe = dutiesProvince(new Date(2022, 4, 26, 7, 0));
    probe.gas.sidebarSetReminders(true);
    probe.book.clock.set(new Date(2022, 4, 26, 8, 0));
    probe.book.ledger.reset();
    probe.gas.remindDistricts();
    const firstSend = probe.book.ledger.calls(probe.run.id).indexOf('MailApp.sendEmail') + 1;
    const h = dutiesProvince(new Date(2022, 4, 26, 7, 0));
    h.gas.sidebarSetReminders(true);
    h.book.clock.set(new Date(2022, 4, 26, 8, 0));
    h.book.ledger.reset();
    return { h, firstSend };
  };

  test('one district’s failed e-mail stops neither the others nor the digest; it goes the next run', () => {
    const { h, firstSend } = dayBefore();
    expect(firstSend).toBeGreaterThan(0);
    h.book.ledger.inject({
      at: firstSend,
      mode: 'before',
      error: new Error('Service unavailable'),
      execution: h.run.id,
    });
    expect(() => h.gas.remindDistricts()).toThrow('การแจ้งเตือนวันนี้ไม่ครบ');
    h.book.ledger.clearFaults();
    expect(mailsOn(h, '2022-05-26').map((m) => m.to.join())).toEqual([SANGKHOM, PROVINCE_EDITOR]);
    const log = reminderLogs(h).at(-1)!;
    expect(String(log[3])).toContain('ส่งไม่สำเร็จหรือไม่แน่ใจว่าถึง');
    expect(String(log[3])).toContain('อ.ท่าบ่อ');
    expect(log[4]).toBe('ไม่ครบ');
    h.as(OWNER).gas.remindDistricts(); // fired again the same day: nobody twice
    expect(mailsOn(h, '2022-05-26')).toHaveLength(2);
    h.book.clock.set(new Date(2022, 4, 27, 8, 0));
    h.as(OWNER).gas.remindDistricts();
    expect(bodies(h, '2022-05-27', THA_BO)[0]).toContain(`${ROUND2}: กำหนดส่งวันนี้`);
    expect(bodies(h, '2022-05-27', SANGKHOM).join()).not.toContain(ROUND2); // its window's reminder went
  });

  test('each e-mail costs two calls: its own, and one ledger write keeping its pending mark with the previous one’s sent mark', () => {
    const { h } = dayBefore();
    h.gas.remindDistricts();
    const calls = h.book.ledger.calls(h.run.id);
    const sends = calls.flatMap((name, i) => (name === 'MailApp.sendEmail' ? [i] : []));
    expect(sends).toHaveLength(3); // ท่าบ่อ, สังคม and the province's digest
    const between = (from: number, to: number) => calls.slice(from + 1, to);
    // before the first: its pending mark, after the quota read
    expect(between(calls.indexOf('MailApp.getRemainingDailyQuota'), sends[0])).toEqual(['Properties.setProperties']);
    // between two e-mails: one write (the sent mark of one and the pending mark of the next)
    for (let k = 1; k < sends.length; k++)
      expect(between(sends[k - 1], sends[k])).toEqual(['Properties.setProperties']);
    // after the last: its sent mark alone, before the log
    expect(calls[sends[2] + 1]).toBe('Properties.setProperties');
    expect(calls[sends[2] + 2]).not.toBe('Properties.setProperties');
    // and the ledger says all three went
    h.as(OWNER).gas.remindDistricts(); // fired again the same day: nobody twice
    expect(mailsOn(h, '2022-05-26')).toHaveLength(3);
  });

  test('a run killed right before an e-mail: that district is reminded the next run before the deadline', () => {
    const { h, firstSend } = dayBefore();
    h.book.ledger.inject({ at: firstSend, mode: 'outage', error: new Error('killed'), execution: h.run.id });
    expect(() => h.gas.remindDistricts()).toThrow();
    h.book.ledger.clearFaults();
    h.run.end(); // the killed run ends: its lock is released

    expect(h.book.sentMails).toEqual([]);
    h.as(OWNER).gas.remindDistricts(); // the same day: ท่าบ่อ's e-mail may have gone, so not again today
    expect(mailsOn(h, '2022-05-26').map((m) => m.to.join())).toEqual([SANGKHOM, PROVINCE_EDITOR]);
    expect(String(reminderLogs(h).at(-1)![3])).toContain('ไม่แน่ใจว่าถึง');
    h.book.clock.set(new Date(2022, 4, 27, 8, 0));
    h.as(OWNER).gas.remindDistricts();
    expect(bodies(h, '2022-05-27', THA_BO)[0]).toContain(`${ROUND2}: กำหนดส่งวันนี้`);
  });
});
