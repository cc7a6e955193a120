/**
 * Reminders: an installable daily trigger (Asia/Bangkok, near 08:00) that e-mails each
 * district's officers of what is due (features/submissions/rules/duties.ts) and the province a digest of overdue
 * districts, and rebuilds the board. The province switches them on and off; the trigger runs as
 * the account that switched them on and stops when that account loses access (docs/platform.md#triggers), so
 * that account is kept and shown; nobody else may run them (runReminders). Reminders go by
 * window, not by day (features/submissions/rules/duties.ts reminderWindow): what was due and not sent (the quota ran
 * out, MailApp failed, the run was killed) goes at the next run inside its window, and what was
 * sent is kept per fiscal year, duty, window and recipient in the document properties
 * (features/reminders/sheets/reminderLedger.ts), written as pending BEFORE MailApp is called, so nobody gets two
 * e-mails on one day even when the trigger fires twice or a run is cut short. The remaining
 * MailApp quota is checked before each e-mail; the log tells what was sent from what waits for
 * the next run and from what failed. Only addresses in the settings
 * are used. Every run holds the workbook lock (the caller's writingAction).
 */
import { dayOfDate, isoOfDay } from '../../../kernel/civilDate';
import { thaiErrorMessage } from '../../../kernel/errorText';
import { OfficerError } from '../../../kernel/officerError';
import { currentLedger, type LedgerState, type ReminderLedger, withEntries } from '../sheets/reminderLedger';
import {
  DIGEST_KEY,
  groupMail,
  type MailGroup,
  owedMails,
  type ReminderMail,
  reminderPlan,
} from '../sheets/reminderMail';
import { nowText } from '../../../app/clock';
import type { Workbook, WorkbookReads } from '../../../app/door/door';
import type { RemindersResult, RemindersView } from '../../submissions/action/dutiesApi';
import { requireProvince } from '../../../app/roles';
import type { WorkbookConfig } from '../../../app/workbookRead';

/** The top-level function the trigger calls (src/main.ts). */
export const REMINDER_HANDLER = 'remindDistricts';
/** When it runs: daily near 08:00 Bangkok time. */
const TIME = { handler: REMINDER_HANDLER, hour: 8, timeZone: 'Asia/Bangkok' } as const;
/** Document properties: the switch, and the ledger of what was sent (features/reminders/sheets/reminderLedger.ts). */
const STATE_KEY = 'otop.reminders';
const LEDGER_KEY = 'otop.reminderLedger';
/** Days without a run after which the sidebar warns. */
const SILENT_DAYS = 2;

/** The switch and the last run, as kept. */
interface ReminderState_ {
  readonly on: boolean;
  /** The account that switched them on (the trigger runs as it). */
  readonly by: string;
  /** When switched on or off (ISO). */
  readonly since: string;
  readonly lastRun: { readonly at: string; readonly ok: boolean; readonly text: string } | null;
}

const OFF: ReminderState_ = { on: false, by: '', since: '', lastRun: null };

/** The kept switch. */
function state_(workbook: WorkbookReads): ReminderState_ {
  const kept = workbook.kept<Partial<ReminderState_> | null>(STATE_KEY, null);
  if (!kept || typeof kept !== 'object') return OFF;
  return {
    on: kept.on === true,
    by: typeof kept.by === 'string' ? kept.by : '',
    since: typeof kept.since === 'string' ? kept.since : '',
    lastRun: kept.lastRun && typeof kept.lastRun.text === 'string' ? kept.lastRun : null,
  };
}

/**
 * The reminders as the province's sidebar shows them: on or off, whose account runs them,
 * what may stop them, the last run.
 * @param workbook the workbook's door (its owner and editors, the caller's triggers)
 * @param config the workbook's configuration
 * @param me the caller's e-mail
 * @param now the current time
 */
export function remindersView(workbook: WorkbookReads, config: WorkbookConfig, me: string, now: Date): RemindersView {
  const s = state_(workbook);
  const mine = s.by !== '' && s.by === me;
  const warnings: string[] = [];
  if (s.on) {
    const owner = workbook.owner();
    const editors = workbook.editors();
    if (s.by !== owner && !editors.includes(s.by)) {
      warnings.push(`บัญชี ${s.by} ที่เปิดการแจ้งเตือนไม่มีสิทธิ์แก้ไขไฟล์นี้แล้ว การแจ้งเตือนจะหยุดทำงาน ให้ปิดแล้วเปิดใหม่ด้วยบัญชีของท่าน`);
    } else if (s.by !== owner && !config.settings.provinceEditors.includes(s.by)) {
      warnings.push(`บัญชี ${s.by} ที่เปิดการแจ้งเตือนไม่ได้อยู่ในรายชื่อผู้แก้ไขระดับจังหวัดแล้ว ควรปิดแล้วเปิดใหม่ด้วยบัญชีของจังหวัด`);
    }
    if (mine && workbook.dailyTriggers(REMINDER_HANDLER) === 0) {
      warnings.push('ไม่พบทริกเกอร์การแจ้งเตือนในบัญชีของท่าน (อาจถูกลบในหน้า Apps Script) ให้ปิดแล้วเปิดใหม่');
    }
    const last = Date.parse(s.lastRun?.at ?? s.since);
    const silent = Number.isNaN(last) ? 0 : dayOfDate(now) - dayOfDate(new Date(last));
    if (silent >= SILENT_DAYS)
      warnings.push(`การแจ้งเตือนไม่ได้ทำงานมา ${silent} วัน ให้ตรวจสิทธิ์ของบัญชี ${s.by} หรือปิดแล้วเปิดใหม่`);
  }
  return {
    on: s.on,
    by: s.by,
    sinceText: s.since ? nowText(new Date(s.since)) : '',
    mine,
    warning: warnings.join(' '),
    lastRunText: s.lastRun ? `${nowText(new Date(s.lastRun.at))}: ${s.lastRun.text}` : '',
    lastRunOk: s.lastRun?.ok ?? true,
  };
}

/**
 * Switches the reminders on (a daily trigger under the caller's account; one only) or off, whole
 * or not at all (province only; the caller holds the workbook lock).
 * @param workbook the workbook's door
 * @param on on or off
 * @param now the current time
 */
export function setReminders(workbook: Workbook, on: boolean, now: Date): RemindersResult {
  const config = workbook.readConfig();
  const who = workbook.caller(config.settings);
  requireProvince(who, on ? 'การเปิดการแจ้งเตือน' : 'การปิดการแจ้งเตือน');
  if (config.needsSetUp) {
    throw new OfficerError('notSetUp', 'การแจ้งเตือน: สมุดงานยังไม่ได้ตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน');
  }
  const me = who.email;
  const was = state_(workbook);
  const when = nowText(now);
  const message = workbook.open((door): string => {
    if (on) {
      door.keep(STATE_KEY, { on: true, by: me, since: now.toISOString(), lastRun: was.lastRun });
      const from = was.on && was.by && was.by !== me ? ` (รับช่วงจาก ${was.by} ทริกเกอร์ของบัญชีนั้นจะหยุดเองในรอบถัดไป)` : '';
      door.appendLog(config, [[when, me, 'เปิดการแจ้งเตือน', `ส่งทุกวันด้วยบัญชี ${me}${from}`, 'สำเร็จ']]);
      door.installDailyTrigger(TIME);
      return (
        `เปิดการแจ้งเตือนแล้ว: ส่งอีเมลทุกวันประมาณ 08:00–09:00 น. ด้วยบัญชี ${me}${from} ` +
        'ถ้าบัญชีนี้ไม่มีสิทธิ์แก้ไขไฟล์อีกต่อไป การแจ้งเตือนจะหยุด'
      );
    }
    door.keep(STATE_KEY, { ...was, on: false, since: now.toISOString() });
    const other = was.on && was.by && was.by !== me ? ` (ทริกเกอร์ของบัญชี ${was.by} จะหยุดเองในรอบถัดไป)` : '';
    door.appendLog(config, [[when, me, 'ปิดการแจ้งเตือน', `ปิดโดย ${me}${other}`, 'สำเร็จ']]);
    door.removeDailyTriggers(TIME);
    return `ปิดการแจ้งเตือนแล้ว${other}`;
  });
  return { message, reminders: remindersView(workbook, config, me, now) };
}

/** What one run did, for the log and the sidebar (districts, and DIGEST_KEY for the digest). */
interface RunResult_ {
  sent: string[];
  /** Not sent for want of quota: owed at the next run. */
  waiting: string[];
  /** Owed to someone e-mailed today already: owed at the next run. */
  held: string[];
  /** MailApp failed or a run was cut short: it may have gone; owed again from the next day. */
  uncertain: string[];
  unnamed: string[];
  invalid: string[];
  failure: string;
  /** The mail quota left as last asked and counted down; null: ask (quotaLeft_). */
  quota: number | null;
}

/**
 * The trigger's run: reminds the districts and the province of what is owed (features/submissions/rules/duties.ts
 * reminder windows, less what the ledger says was sent), rebuilds the board, logs what it did
 * and keeps the result for the sidebar. It runs only as the account that switched the
 * reminders on: an installable trigger runs as the account that created it ("Installable
 * triggers always run under the account of the person who created them", Apps Script guide,
 * Installable triggers, Restrictions), so Session.getEffectiveUser() of a trigger run is that
 * account, while a call from the browser console runs as the caller (Apps Script
 * authorization guide: a script bound to Sheets runs as the user at the keyboard). A trigger of
 * another account (reminders switched off, or on by someone else since) removes itself; any
 * other caller, and one whose e-mail Google hides, is refused and nothing is sent.
 * One district's failure never stops the others or the digest. Its transactions are several and
 * apart (the data day; the board; the ledger before and after each e-mail, kept values only;
 * the log and the switch), so what is done stays done when a later step fails.
 * @param workbook the workbook's door
 * @param now the current time
 * @return what it did, Thai
 */
export function runReminders(workbook: Workbook, now: Date): string {
  const state = state_(workbook);
  const me = workbook.effectiveUser();
  if (!state.on || me === '' || state.by !== me) return stopOrRefuse_(workbook, state, me);
  const today = dayOfDate(now);
  const read = workbook.readConfig();
  if (read.needsSetUp) throw new OfficerError('notSetUp', 'การแจ้งเตือน: สมุดงานยังไม่ได้ตั้งค่า');
  // The daily run is the province's account: it moves the data day, so the table counts today's entries.
  const config = workbook.keepDataDay(read, today, { role: 'province' });
  const day = isoOfDay(today);
  const records = workbook.readSubmissions(config).records;
  // the board and the log as they stand, in one read (the data day's write above is flushed: the Sheets API sees it)
  const states = workbook.readBoardAndLog(config);
  workbook.open((door) => door.rebuildBoard(config, records, today, states));
  const plan = reminderPlan(config.settings, config.districts, records, today);
  const fiscalYear = config.settings.fiscalYear;
  const ledger: LedgerWrites_ = {
    current: currentLedger(workbook.kept<unknown>(LEDGER_KEY, null), day),
    after: [],
  };
  const owed = owedMails(plan, ledger.current, fiscalYear, today);
  const result: RunResult_ = {
    sent: [],
    waiting: [],
    held: [...owed.held],
    uncertain: [...owed.uncertain],
    unnamed: plan.districts.filter((d) => d.to.length === 0).map((d) => d.district),
    invalid: plan.districts.flatMap((d) => d.invalid),
    failure: '',
    quota: null,
  };
  const province = config.settings.province;
  const reserve = owed.groups.filter((g) => g.digest).reduce((n, g) => n + g.to.length, 0);
  for (const group of owed.groups.filter((g) => !g.digest)) {
    const mail = groupMail(province, group, plan, today, [], state.by, config.settings.webAppUrl);
    if (quotaLeft_(workbook, result) - reserve < mail.to.length) result.waiting.push(...group.labels);
    else send_(workbook, mail, group, ledger, day, result);
  }
  for (const group of owed.groups.filter((g) => g.digest)) {
    const waiting = result.waiting.filter((k) => k !== DIGEST_KEY);
    const mail = groupMail(province, group, plan, today, waiting, state.by, config.settings.webAppUrl);
    if (quotaLeft_(workbook, result) < mail.to.length) result.waiting.push(...group.labels);
    else send_(workbook, mail, group, ledger, day, result);
  }
  keepAfter_(workbook, ledger, day, result); // the last e-mail's mark after it
  const text = resultText_(result);
  const failed = result.failure !== '' || result.uncertain.length > 0;
  const later = result.waiting.length + result.held.length > 0;
  const ok = !failed && !later;
  workbook.open((door) => {
    if (
      result.sent.length + result.waiting.length + result.held.length + result.uncertain.length > 0 ||
      result.failure
    ) {
      const status = failed ? 'ไม่ครบ' : later ? 'ยังไม่ส่ง รอส่งรอบถัดไป' : 'สำเร็จ';
      door.appendLog(
        config,
        [[nowText(now), `ระบบแจ้งเตือน (${state.by})`, 'แจ้งเตือนการส่งรายงาน', text, status]],
        states, // the log not written since it was read (the board's rebuild and the ledger are not the log)
      );
    }
    door.keep(STATE_KEY, { ...state, lastRun: { at: now.toISOString(), ok, text } });
  });
  if (result.failure) throw new OfficerError('partial', `การแจ้งเตือนวันนี้ไม่ครบ: ${text}`);
  return text;
}

/**
 * A run that is not the reminders' own: a trigger of this account that is no longer wanted
 * removes itself (only the caller's own triggers can be seen or removed, docs/platform.md#triggers); any
 * other call is refused in Thai, with nothing sent or changed: a caller whose e-mail is hidden
 * cannot be told from the account that switched them on, so its trigger is left alone.
 * @param workbook the workbook's door
 * @param state the kept switch
 * @param me the effective user's e-mail ('' when hidden)
 */
function stopOrRefuse_(workbook: Workbook, state: ReminderState_, me: string): string {
  // switched off, or on by another known account: this account's trigger is not wanted any more
  const unwanted = !state.on || (me !== '' && me !== state.by);
  if (unwanted && workbook.dailyTriggers(REMINDER_HANDLER) > 0) {
    workbook.open((door) => door.removeDailyTriggers(TIME));
    return state.on ? `การแจ้งเตือนเปิดด้วยบัญชี ${state.by} แล้ว ทริกเกอร์นี้จึงหยุด` : 'การแจ้งเตือนปิดอยู่ ทริกเกอร์นี้จึงหยุด';
  }
  const whose = state.on ? `บัญชีที่เปิดการแจ้งเตือน (${state.by})` : 'บัญชีที่เปิดการแจ้งเตือน (ขณะนี้ปิดอยู่)';
  if (me === '') {
    throw OfficerError.forbidden(
      `การส่งการแจ้งเตือนทำได้เฉพาะทริกเกอร์ของ${whose}: Google ไม่เปิดเผยอีเมลของบัญชีนี้ จึงตรวจสิทธิ์ไม่ได้ ไม่ได้ส่งอีเมลใด`,
    );
  }
  throw OfficerError.forbidden(
    `การส่งการแจ้งเตือนทำได้เฉพาะทริกเกอร์ของ${whose} (${me} ไม่ใช่บัญชีนั้น) ไม่ได้ส่งอีเมลใด ` +
      'ถ้าต้องการเปิดการแจ้งเตือนด้วยบัญชีของท่าน ให้เจ้าหน้าที่จังหวัดเปิดจากแผงควบคุม',
  );
}

/**
 * The mail quota left, or 0 when it cannot be read (then nothing is sent: it waits). Asked
 * once per run and counted down by each e-mail's recipients as it goes (the quota counts
 * recipients: docs/platform.md#quotas); asked again after a failed send, which may or may not have
 * counted.
 */
function quotaLeft_(workbook: Workbook, result: RunResult_): number {
  if (result.quota !== null) return result.quota;
  try {
    result.quota = workbook.mailQuota();
    return result.quota;
  } catch (error) {
    result.failure = thaiErrorMessage(error);
    return 0;
  }
}

/**
 * The ledger as kept, and the marks after an e-mail (sent, failed) not kept yet: each is kept
 * with the next e-mail's pending mark, in the same write (one call instead of two; the ledger
 * is one value), or alone after the last e-mail (keepAfter_). A run killed between an e-mail
 * and that write leaves it pending, as a run killed before its own sent mark did: it blocks
 * today and is owed again from the next day; the next e-mail is still never sent before its
 * own pending mark is kept.
 */
interface LedgerWrites_ {
  current: ReminderLedger;
  after: { readonly group: MailGroup; readonly state: LedgerState }[];
}

/**
 * Keeps the ledger with the marks waiting (and `also`'s), in one write (a document property
 * only: nothing to flush). On success they are kept; on failure the marks after an e-mail wait
 * for the next write (an e-mail kept pending blocks today all the same).
 * @param workbook the workbook's door
 * @param ledger the ledger and the marks waiting
 * @param day today (ISO)
 * @param also another mark written with them (the next e-mail's pending mark)
 */
function keepLedger_(
  workbook: Workbook,
  ledger: LedgerWrites_,
  day: string,
  also?: { readonly group: MailGroup; readonly state: LedgerState },
): void {
  let next = ledger.current;
  for (const m of [...ledger.after, ...(also ? [also] : [])]) next = withEntries(next, m.group.keys, m.state, day);
  workbook.open((door) => door.keep(LEDGER_KEY, next), 'kept');
  ledger.current = next;
  ledger.after = [];
}

/**
 * Keeps the marks after the last e-mail, if any wait (a failure is told; the e-mail stays
 * pending: it blocks today and is owed again from the next day).
 */
function keepAfter_(workbook: Workbook, ledger: LedgerWrites_, day: string, result: RunResult_): void {
  if (ledger.after.length === 0) return;
  try {
    keepLedger_(workbook, ledger, day);
  } catch (error) {
    result.failure = thaiErrorMessage(error);
  }
}

/**
 * Sends one e-mail, keeping it in the ledger as pending first (so it is never sent twice on one
 * day; with the previous e-mail's mark after it, in one write) and as sent or failed after (with
 * the next e-mail's pending mark, or alone after the last: keepAfter_); a failure is recorded
 * and the run goes on with the next e-mail.
 */
function send_(
  workbook: Workbook,
  mail: ReminderMail,
  group: MailGroup,
  ledger: LedgerWrites_,
  day: string,
  result: RunResult_,
): void {
  try {
    keepLedger_(workbook, ledger, day, { group, state: 'pending' });
  } catch (error) {
    // not recorded, so not sent: it is still owed, at the next run
    result.waiting.push(...group.labels);
    result.failure = thaiErrorMessage(error);
    return;
  }
  try {
    workbook.sendMail(mail);
  } catch (error) {
    result.uncertain.push(...group.labels);
    result.failure = thaiErrorMessage(error);
    result.quota = null;
    // kept with the next write; until then it stays pending, the same to the next run (owed again from the next day)
    ledger.after.push({ group, state: 'failed' });
    return;
  }
  result.sent.push(...group.labels);
  if (result.quota !== null) result.quota -= mail.to.length;
  // it went; kept as pending until the next write, it blocks today and is owed again from the next day
  ledger.after.push({ group, state: 'sent' });
}

/** A run's result in one Thai sentence. */
function resultText_(r: RunResult_): string {
  const name = (key: string) => (key === DIGEST_KEY ? 'สรุปถึงจังหวัด' : `อ.${key}`);
  const parts: string[] = [];
  const districts = r.sent.filter((k) => k !== DIGEST_KEY);
  if (districts.length > 0) parts.push(`ส่งการแจ้งเตือน ${districts.length} อำเภอ (${districts.map(name).join(', ')})`);
  if (r.sent.includes(DIGEST_KEY)) parts.push('ส่งสรุปอำเภอที่เลยกำหนดถึงจังหวัด');
  if (r.waiting.length > 0) parts.push(`รอส่งพรุ่งนี้เพราะโควตาอีเมลวันนี้หมด: ${r.waiting.map(name).join(', ')}`);
  const held = r.held.filter((k) => !r.uncertain.includes(k));
  if (held.length > 0) parts.push(`ผู้รับได้อีเมลไปแล้ววันนี้ จึงรอส่งรอบถัดไป: ${held.map(name).join(', ')}`);
  if (r.uncertain.length > 0)
    parts.push(
      `ส่งไม่สำเร็จหรือไม่แน่ใจว่าถึง (ไม่ส่งซ้ำวันนี้ ส่งใหม่รอบถัดไปถ้ายังอยู่ในช่วงแจ้งเตือน): ${r.uncertain.map(name).join(', ')}`,
    );
  if (r.unnamed.length > 0) parts.push(`ยังไม่ได้ระบุอีเมลเจ้าหน้าที่ในชีตตั้งค่า: ${r.unnamed.map(name).join(', ')}`);
  if (r.invalid.length > 0) parts.push(`อีเมลในชีตตั้งค่าที่ไม่ถูกต้อง (ไม่ได้ส่ง): ${[...new Set(r.invalid)].join(', ')}`);
  if (r.failure) parts.push(`ขัดข้อง: ${r.failure}`);
  return parts.length > 0 ? parts.join('; ') : 'ไม่มีรายงานที่ต้องแจ้งเตือนวันนี้';
}
