/**
 * Reminders: an installable daily trigger (Asia/Bangkok, near 08:00) that e-mails each
 * district's officers of what is due (core/duties.ts) and the province a digest of overdue
 * districts, and rebuilds the board. The province switches them on and off; the trigger runs as
 * the account that switched them on and stops when that account loses access (PLATFORM.md), so
 * that account is kept and shown. Safe to fire twice: the day each district (and the digest)
 * was last e-mailed is kept in the document properties and written BEFORE MailApp is called, so
 * nobody gets two reminders on one day even when a send fails midway (a failed send waits for
 * the next day and is logged as uncertain). The remaining MailApp quota is checked before each
 * e-mail; what does not fit waits for the next day and is logged. Only addresses in the settings
 * are used. Every run holds the document lock (the caller's writingAction).
 */
import { dayOfDate, isoOfDay } from '../core/civilDate';
import { thaiErrorMessage } from '../core/errorText';
import { OfficerError } from '../core/officerError';
import { keep, readKept } from '../adapter/properties';
import { editorEmails, effectiveUserEmail, ownerEmail, remainingMailQuota, sendMail } from '../adapter/services';
import { installDailyTrigger, ownTriggersOf, removeOwnTriggers } from '../adapter/triggers';
import { atomically } from '../adapter/undo';
import { DIGEST_KEY, digestMail, districtMail, type ReminderMail, reminderPlan } from '../workbook/reminderMail';
import { appendLog } from './auditLog';
import { rebuildBoard } from './board';
import { nowText } from './clock';
import type { RemindersResult, RemindersView } from './dutiesApi';
import { caller, requireProvince } from './roles';
import { readSubmissions } from './submissionRecords';
import { readConfig, type WorkbookConfig } from './workbookRead';
import type { Spreadsheet } from '../adapter/sheetIo';

/** The top-level function the trigger calls (src/main.ts). */
export const REMINDER_HANDLER = 'remindDistricts';
/** When it runs: daily near 08:00 Bangkok time. */
const TIME = { handler: REMINDER_HANDLER, hour: 8, timeZone: 'Asia/Bangkok' } as const;
/** Document properties: the switch, and the day each district was last reminded. */
const STATE_KEY = 'otop.reminders';
const SENT_KEY = 'otop.reminded';
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
function state_(): ReminderState_ {
  const kept = readKept<Partial<ReminderState_> | null>(STATE_KEY, null);
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
 * @param ss the workbook (its owner and editors)
 * @param config the workbook's configuration
 * @param me the caller's e-mail
 * @param now the current time
 */
export function remindersView(ss: Spreadsheet, config: WorkbookConfig, me: string, now: Date): RemindersView {
  const s = state_();
  const mine = s.by !== '' && s.by === me;
  const warnings: string[] = [];
  if (s.on) {
    const owner = ownerEmail(ss);
    const editors = editorEmails(ss);
    if (s.by !== owner && !editors.includes(s.by)) {
      warnings.push(`บัญชี ${s.by} ที่เปิดการแจ้งเตือนไม่มีสิทธิ์แก้ไขไฟล์นี้แล้ว การแจ้งเตือนจะหยุดทำงาน ให้ปิดแล้วเปิดใหม่ด้วยบัญชีของท่าน`);
    } else if (s.by !== owner && !config.settings.provinceEditors.includes(s.by)) {
      warnings.push(`บัญชี ${s.by} ที่เปิดการแจ้งเตือนไม่ได้อยู่ในรายชื่อผู้แก้ไขระดับจังหวัดแล้ว ควรปิดแล้วเปิดใหม่ด้วยบัญชีของจังหวัด`);
    }
    if (mine && ownTriggersOf(REMINDER_HANDLER).length === 0) {
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
 * or not at all (province only; the caller holds the document lock).
 * @param ss the workbook
 * @param on on or off
 * @param now the current time
 */
export function setReminders(ss: Spreadsheet, on: boolean, now: Date): RemindersResult {
  const config = readConfig(ss);
  const who = caller(ss, config.settings);
  requireProvince(who, on ? 'การเปิดการแจ้งเตือน' : 'การปิดการแจ้งเตือน');
  if (config.needsSetUp) {
    throw new OfficerError('notSetUp', 'การแจ้งเตือน: สมุดงานยังไม่ได้ตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน');
  }
  const me = who.email;
  const was = state_();
  const when = nowText(now);
  const message = atomically((undo): string => {
    if (on) {
      keep(STATE_KEY, { on: true, by: me, since: now.toISOString(), lastRun: was.lastRun }, undo);
      const from = was.on && was.by && was.by !== me ? ` (รับช่วงจาก ${was.by} ทริกเกอร์ของบัญชีนั้นจะหยุดเองในรอบถัดไป)` : '';
      appendLog(
        ss,
        config.registry,
        [[when, me, 'เปิดการแจ้งเตือน', `ส่งทุกวันด้วยบัญชี ${me}${from}`, 'สำเร็จ']],
        config.settings,
        undo,
      );
      installDailyTrigger(TIME, undo);
      return (
        `เปิดการแจ้งเตือนแล้ว: ส่งอีเมลทุกวันประมาณ 08:00–09:00 น. ด้วยบัญชี ${me}${from} ` +
        'ถ้าบัญชีนี้ไม่มีสิทธิ์แก้ไขไฟล์อีกต่อไป การแจ้งเตือนจะหยุด'
      );
    }
    keep(STATE_KEY, { ...was, on: false, since: now.toISOString() }, undo);
    const other = was.on && was.by && was.by !== me ? ` (ทริกเกอร์ของบัญชี ${was.by} จะหยุดเองในรอบถัดไป)` : '';
    appendLog(ss, config.registry, [[when, me, 'ปิดการแจ้งเตือน', `ปิดโดย ${me}${other}`, 'สำเร็จ']], config.settings, undo);
    removeOwnTriggers(TIME, undo);
    return `ปิดการแจ้งเตือนแล้ว${other}`;
  });
  return { message, reminders: remindersView(ss, config, me, now) };
}

/** What one run did, for the log and the sidebar. */
interface RunResult_ {
  sent: string[];
  waiting: string[];
  uncertain: string[];
  unnamed: string[];
  invalid: string[];
  failure: string;
}

/**
 * The trigger's run: reminds the districts and the province, rebuilds the board, logs what it
 * did and keeps the result for the sidebar. Reminders switched off, or switched on by another
 * account since, make the run remove its own trigger and do nothing else.
 * @param ss the workbook
 * @param now the current time
 * @return what it did, Thai
 */
export function runReminders(ss: Spreadsheet, now: Date): string {
  const state = state_();
  const me = effectiveUserEmail();
  if (!state.on || (me && state.by !== me)) {
    atomically((undo) => removeOwnTriggers(TIME, undo));
    return state.on ? `การแจ้งเตือนเปิดด้วยบัญชี ${state.by} แล้ว ทริกเกอร์นี้จึงหยุด` : 'การแจ้งเตือนปิดอยู่ ทริกเกอร์นี้จึงหยุด';
  }
  const config = readConfig(ss);
  if (config.needsSetUp) throw new OfficerError('notSetUp', 'การแจ้งเตือน: สมุดงานยังไม่ได้ตั้งค่า');
  const today = dayOfDate(now);
  const records = readSubmissions(config.registry).records;
  atomically((undo) => rebuildBoard(ss, config, records, today, undo));
  const plan = reminderPlan(config.settings, config.districts, records, today);
  const sent = readKept<Record<string, string>>(SENT_KEY, {});
  const day = isoOfDay(today);
  const result: RunResult_ = { sent: [], waiting: [], uncertain: [], unnamed: [], invalid: [], failure: '' };
  const province = config.settings.province;
  const digestDue = plan.overdue.length > 0 && sent[DIGEST_KEY] !== day && plan.digestTo.length > 0;
  const mails: ReminderMail[] = [];
  for (const d of plan.districts) {
    result.invalid.push(...d.invalid);
    if (sent[d.district] === day) continue;
    if (d.to.length === 0) result.unnamed.push(d.district);
    else mails.push(districtMail(province, d, state.by));
  }
  try {
    for (const mail of mails) {
      const reserve = digestDue && !result.sent.includes(DIGEST_KEY) ? plan.digestTo.length : 0;
      if (remainingMailQuota() - reserve < mail.to.length) {
        result.waiting.push(mail.key);
        continue;
      }
      if (!send_(mail, sent, day, result)) break;
    }
    if (digestDue && !result.failure) {
      const digest = digestMail(province, plan, today, result.waiting, state.by);
      if (remainingMailQuota() < digest.to.length) result.waiting.push(DIGEST_KEY);
      else send_(digest, sent, day, result);
    }
  } catch (error) {
    result.failure = thaiErrorMessage(error);
  }
  const text = resultText_(result);
  const ok = !result.failure && result.uncertain.length === 0;
  atomically((undo) => {
    if (result.sent.length + result.waiting.length + result.uncertain.length > 0 || result.failure) {
      appendLog(
        ss,
        config.registry,
        [[nowText(now), `ระบบแจ้งเตือน (${state.by})`, 'แจ้งเตือนการส่งรายงาน', text, ok ? 'สำเร็จ' : 'ไม่ครบ']],
        config.settings,
        undo,
      );
    }
    keep(STATE_KEY, { ...state, lastRun: { at: now.toISOString(), ok, text } }, undo);
  });
  if (result.failure) throw new OfficerError('partial', `การแจ้งเตือนวันนี้ไม่ครบ: ${text}`);
  return text;
}

/**
 * Sends one e-mail, recording the day first (so it is never sent twice on one day); false when
 * MailApp failed (the e-mail may or may not have gone: it waits for the next day).
 */
function send_(mail: ReminderMail, sent: Record<string, string>, day: string, result: RunResult_): boolean {
  atomically((undo) => keep(SENT_KEY, { ...sent, [mail.key]: day }, undo));
  sent[mail.key] = day;
  try {
    sendMail({ to: mail.to.join(','), subject: mail.subject, htmlBody: mail.html, body: mail.text });
  } catch (error) {
    result.uncertain.push(mail.key);
    result.failure = thaiErrorMessage(error);
    return false;
  }
  result.sent.push(mail.key);
  return true;
}

/** A run's result in one Thai sentence. */
function resultText_(r: RunResult_): string {
  const name = (key: string) => (key === DIGEST_KEY ? 'สรุปถึงจังหวัด' : `อ.${key}`);
  const parts: string[] = [];
  const districts = r.sent.filter((k) => k !== DIGEST_KEY);
  if (districts.length > 0) parts.push(`ส่งการแจ้งเตือน ${districts.length} อำเภอ (${districts.map(name).join(', ')})`);
  if (r.sent.includes(DIGEST_KEY)) parts.push('ส่งสรุปอำเภอที่เลยกำหนดถึงจังหวัด');
  if (r.waiting.length > 0) parts.push(`รอส่งพรุ่งนี้เพราะโควตาอีเมลวันนี้หมด: ${r.waiting.map(name).join(', ')}`);
  if (r.uncertain.length > 0) parts.push(`ส่งไม่สำเร็จหรือไม่แน่ใจว่าถึง (ไม่ส่งซ้ำวันนี้): ${r.uncertain.map(name).join(', ')}`);
  if (r.unnamed.length > 0) parts.push(`ยังไม่ได้ระบุอีเมลเจ้าหน้าที่ในชีตตั้งค่า: ${r.unnamed.map(name).join(', ')}`);
  if (r.invalid.length > 0) parts.push(`อีเมลในชีตตั้งค่าที่ไม่ถูกต้อง (ไม่ได้ส่ง): ${[...new Set(r.invalid)].join(', ')}`);
  if (r.failure) parts.push(`ขัดข้อง: ${r.failure}`);
  return parts.length > 0 ? parts.join('; ') : 'ไม่มีรายงานที่ต้องแจ้งเตือนวันนี้';
}
