/**
 * The reminders as data: who is reminded of what on a day (each district's officers named in
 * the settings, of every duty features/submissions/rules/duties.ts says to remind of; one e-mail per district), the
 * province's digest of overdue districts, and the e-mails' Thai text and escaped HTML. Only
 * addresses typed in the settings are ever used; one that is not an address is left out and
 * reported.
 */
import type { Day } from '../../../kernel/civilDate';
import { isoOfDay } from '../../../kernel/civilDate';
import {
  type Duty,
  type DutyStatus,
  dutyKey,
  dutyStatus,
  type ReminderReason,
  type ReminderWindow,
  reminderWindow,
  yearDuties,
} from '../../submissions/rules/duties';
import type { Settings } from '../../../kernel/settings';
import { formatThaiDate } from '../../../kernel/thaiDate';
import { escapeHtml } from '../../reports/sheets/delivery';
import {
  DIGEST_DUTY,
  isOwed,
  isUncertain,
  ledgerDuty,
  ledgerKey,
  mailedToday,
  type ReminderLedger,
} from './reminderLedger';
import { dutyTitle, keptYears, type SubmissionRecord, submissionsOf } from '../../submissions/sheets/submissions';

/** What an address must look like to be used (as for sending reports). */
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** The key of the province's digest in the once-a-day record. */
export const DIGEST_KEY = '#province';

/** A duty a district is reminded of. */
export interface ReminderItem {
  readonly duty: Duty;
  readonly reason: ReminderReason;
  readonly status: DutyStatus;
  /** The reminder window today falls in (one reminder per window and person). */
  readonly window: ReminderWindow;
}

/** One district's reminder. */
export interface DistrictReminder {
  readonly district: string;
  /** Its officers' valid addresses from the settings. */
  readonly to: readonly string[];
  /** Addresses in the settings that are not addresses. */
  readonly invalid: readonly string[];
  readonly items: readonly ReminderItem[];
  readonly overdue: boolean;
}

/** Who is reminded of what on a day. */
export interface ReminderPlan {
  /** Districts to remind, those with an overdue duty first. */
  readonly districts: readonly DistrictReminder[];
  /** Districts with overdue duties (for the digest), in table order. */
  readonly overdue: readonly DistrictReminder[];
  /** The digest's recipients: the province's editors in the settings, else its report address. */
  readonly digestTo: readonly string[];
}

/**
 * The day's reminders: every duty whose reminder window today falls in (what the ledger says
 * was already sent is left out by owedMails).
 * @param settings the settings (calendar, officers, province editors, report address)
 * @param districts the districts, in table order
 * @param records every submission record (trusted ones count)
 * @param today the day
 */
export function reminderPlan(
  settings: Settings,
  districts: readonly string[],
  records: readonly SubmissionRecord[],
  today: Day,
): ReminderPlan {
  const duties = yearDuties(settings, keptYears(records));
  const all = districts.map((district): DistrictReminder => {
    const items: ReminderItem[] = [];
    for (const duty of duties) {
      const status = dutyStatus(duty, submissionsOf(records, district, duty)[0]?.day ?? null, today);
      const window = reminderWindow(duty, status, today);
      if (window) items.push({ duty, reason: window.reason, status, window });
    }
    const named = settings.districtEditors[district] ?? [];
    return {
      district,
      to: named.filter((e) => EMAIL.test(e)),
      invalid: named.filter((e) => !EMAIL.test(e)),
      items,
      overdue: items.some((i) => i.reason === 'overdue'),
    };
  });
  const due = all.filter((d) => d.items.length > 0);
  const province = settings.provinceEditors.filter((e) => EMAIL.test(e));
  return {
    districts: [...due.filter((d) => d.overdue), ...due.filter((d) => !d.overdue)],
    overdue: due.filter((d) => d.overdue),
    digestTo: province.length > 0 ? province : EMAIL.test(settings.reportEmail) ? [settings.reportEmail] : [],
  };
}

/** One e-mail. */
export interface ReminderMail {
  /** The district, or DIGEST_KEY. */
  readonly key: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const date_ = (day: Day) => formatThaiDate(day, { digits: 'arabic' });

/**
 * What a reminder says of a duty, Thai.
 * @param item the duty and why
 */
export function itemText(item: ReminderItem): string {
  const title = dutyTitle(item.duty);
  const due = date_(item.duty.due);
  const left = item.status.daysLeft;
  if (item.reason === 'overdue') return `${title}: เลยกำหนดส่ง (${due}) มาแล้ว ${item.status.daysLate} วัน ยังไม่ได้ส่ง`;
  if (left === 0) return `${title}: กำหนดส่งวันนี้ (${due})`;
  return `${title}: กำหนดส่ง ${due} (อีก ${left} วัน)`;
}

/** A part of a mail: its paragraphs, then its list. */
interface Section_ {
  readonly lines: readonly string[];
  readonly items: readonly string[];
}

/** A mail's HTML from its sections and closing paragraphs. */
function html_(sections: readonly Section_[], after: readonly string[]): string {
  return [
    '<div style="font-family:Sarabun,Tahoma,sans-serif;font-size:14px">',
    ...sections.flatMap((s) => [
      ...s.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      ...(s.items.length > 0 ? [`<ul>${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`] : []),
    ]),
    ...after.map((l) => `<p style="color:#5f6368">${escapeHtml(l)}</p>`),
    '</div>',
  ].join('\n');
}

/** A mail's plain text from its sections and closing paragraphs. */
function text_(sections: readonly Section_[], after: readonly string[]): string {
  return [...sections.flatMap((s) => [...s.lines, ...s.items.map((i) => `• ${i}`)]), ...after].join('\n');
}

/** A district's part of a reminder. */
function districtSection_(province: string, d: DistrictReminder, greet: boolean): Section_ {
  const lines = [`รายงานต่อไปนี้ของ อ.${d.district} ถึงกำหนดส่งจังหวัด${province}:`];
  return { lines: greet ? [`เรียน เจ้าหน้าที่ อ.${d.district}`, ...lines] : lines, items: d.items.map(itemText) };
}

/** The closing paragraphs of a district's reminder. */
function districtAfter_(province: string, by: string, phoneUrl = ''): string[] {
  return [
    'ส่งได้จากแผงควบคุม OTOP ในสมุดงาน (เมนู OTOP → เปิดแผงควบคุม → หน้าที่การส่งรายงาน) ถ้าส่งแล้ว ไม่ต้องทำอะไรเพิ่ม',
    ...(phoneUrl ? [`หรือจากโทรศัพท์: ${phoneUrl}`] : []),
    `อีเมลนี้ส่งโดยระบบแจ้งเตือนอัตโนมัติของสมุดงาน OTOP จังหวัด${province} (เปิดโดย ${by}) วันละไม่เกินหนึ่งฉบับ`,
  ];
}

/**
 * A district's reminder.
 * @param province the province's name
 * @param d the district's reminder
 * @param by the account the reminders run as
 * @param phoneUrl the mobile page's address from the settings ('' when none)
 */
export function districtMail(province: string, d: DistrictReminder, by: string, phoneUrl = ''): ReminderMail {
  const sections = [districtSection_(province, d, true)];
  const after = districtAfter_(province, by, phoneUrl);
  return {
    key: d.district,
    to: d.to,
    subject: `[OTOP ${province}] แจ้งเตือนการส่งรายงาน อ.${d.district}`,
    html: html_(sections, after),
    text: text_(sections, after),
  };
}

/** The digest's section and closing paragraphs. */
function digestParts_(
  plan: ReminderPlan,
  today: Day,
  waiting: readonly string[],
  by: string,
): { section: Section_; after: string[] } {
  const items = plan.overdue.map((d) => {
    const late = d.items
      .filter((i) => i.reason === 'overdue')
      .map((i) => `${dutyTitle(i.duty)} (เลยกำหนด ${i.status.daysLate} วัน)`)
      .join(', ');
    const unnamed = d.to.length === 0 ? ' — ยังไม่ได้ระบุอีเมลเจ้าหน้าที่ในชีตตั้งค่า จึงไม่ได้แจ้งเตือนอำเภอ' : '';
    return `อ.${d.district}: ${late}${unnamed}`;
  });
  const lines = [`สรุปอำเภอที่เลยกำหนดส่งรายงาน ณ วันที่ ${date_(today)} (${plan.overdue.length} อำเภอ)`];
  const after = [
    ...(waiting.length > 0
      ? [`การแจ้งเตือนที่รอส่งพรุ่งนี้ (โควตาอีเมลของวันนี้หมด): ${waiting.map((w) => `อ.${w}`).join(', ')}`]
      : []),
    'ดูสถานะทั้งหมดในชีต "สถานะการส่งรายงาน" หรือแผงควบคุม OTOP',
    `อีเมลนี้ส่งโดยระบบแจ้งเตือนอัตโนมัติของสมุดงาน OTOP (เปิดโดย ${by}) วันละไม่เกินหนึ่งฉบับ`,
  ];
  return { section: { lines, items }, after };
}

/**
 * The province's digest of overdue districts.
 * @param province the province's name
 * @param plan the day's plan
 * @param today the day
 * @param waiting districts whose reminder waits for tomorrow (quota)
 * @param by the account the reminders run as
 */
export function digestMail(
  province: string,
  plan: ReminderPlan,
  today: Day,
  waiting: readonly string[],
  by: string,
): ReminderMail {
  const { section, after } = digestParts_(plan, today, waiting, by);
  return {
    key: DIGEST_KEY,
    to: plan.digestTo,
    subject: `[OTOP ${province}] สรุปอำเภอที่เลยกำหนดส่งรายงาน ${date_(today)}`,
    html: html_([section], after),
    text: text_([section], after),
  };
}

/** A reminder to one or more people, who are owed the same things. */
export interface MailGroup {
  readonly to: readonly string[];
  /** The districts they are reminded of, each with only the items owed. */
  readonly districts: readonly DistrictReminder[];
  /** Whether the province's digest is owed to them. */
  readonly digest: boolean;
  /** The ledger's keys the e-mail settles, each with its window's last day (ISO). */
  readonly keys: readonly { readonly key: string; readonly until: string }[];
  /** The districts (and DIGEST_KEY) it is about, for the log. */
  readonly labels: readonly string[];
}

/** What is owed today, as e-mails, and whom it must wait for. */
export interface OwedMails {
  /** District reminders first (overdue districts first), then those carrying the digest. */
  readonly groups: readonly MailGroup[];
  /** Districts (or DIGEST_KEY) owed to someone already e-mailed today: they wait for the next run. */
  readonly held: readonly string[];
  /** Districts (or DIGEST_KEY) whose e-mail of today failed or was cut short (it may have gone). */
  readonly uncertain: readonly string[];
}

/**
 * What the day's plan still owes, given what the ledger says was sent: one e-mail per person at
 * most, with every district they are named for and, for the province's editors, the digest; the
 * people owed the same things share one e-mail. Someone e-mailed (or maybe e-mailed) today gets
 * nothing more today: what they are owed waits for the next run inside its window.
 * @param plan the day's plan
 * @param ledger what was sent, current
 * @param fiscalYear BE fiscal year
 * @param today the day
 */
export function owedMails(plan: ReminderPlan, ledger: ReminderLedger, fiscalYear: number, today: Day): OwedMails {
  const day = isoOfDay(today);
  const people = [...new Set([...plan.districts.flatMap((d) => d.to), ...plan.digestTo])];
  const groups = new Map<
    string,
    { to: string[]; districts: DistrictReminder[]; digest: boolean; keys: MailGroup['keys'][number][] }
  >();
  const held: string[] = [];
  const uncertain: string[] = [];
  for (const person of people) {
    const districts: DistrictReminder[] = [];
    const keys: { key: string; until: string }[] = [];
    for (const d of plan.districts) {
      if (!d.to.includes(person)) continue;
      const owed = d.items.filter((i) => {
        const key = ledgerKey(i.duty.fiscalYear, ledgerDuty(i.duty), i.window.id, person);
        if (isUncertain(ledger, key, day)) uncertain.push(d.district);
        if (!isOwed(ledger, key, day)) return false;
        keys.push({ key, until: isoOfDay(i.window.last) });
        return true;
      });
      if (owed.length > 0) districts.push({ ...d, items: owed });
    }
    const digestKey = ledgerKey(fiscalYear, DIGEST_DUTY, `day${today}`, person);
    const digestToday = plan.overdue.length > 0 && plan.digestTo.includes(person);
    if (digestToday && isUncertain(ledger, digestKey, day)) uncertain.push(DIGEST_KEY);
    const digest = digestToday && isOwed(ledger, digestKey, day);
    if (digest) keys.push({ key: digestKey, until: day });
    if (districts.length === 0 && !digest) continue;
    const labels = [...districts.map((d) => d.district), ...(digest ? [DIGEST_KEY] : [])];
    if (mailedToday(ledger, person, day)) {
      held.push(...labels);
      continue;
    }
    const what = JSON.stringify([districts.map((d) => [d.district, d.items.map((i) => dutyKey(i.duty))]), digest]);
    const group = groups.get(what);
    if (group) {
      group.to.push(person);
      group.keys.push(...keys);
    } else groups.set(what, { to: [person], districts, digest, keys });
  }
  const all = [...groups.values()].map(
    (g): MailGroup => ({ ...g, labels: [...g.districts.map((d) => d.district), ...(g.digest ? [DIGEST_KEY] : [])] }),
  );
  return {
    groups: [...all.filter((g) => !g.digest), ...all.filter((g) => g.digest)],
    held: [...new Set(held)],
    uncertain: [...new Set(uncertain)],
  };
}

/**
 * The e-mail of a group: a district's reminder, the province's digest, or both in one e-mail
 * for someone named in both places (so nobody gets two e-mails on one day).
 * @param province the province's name
 * @param group what the e-mail carries and to whom
 * @param plan the day's plan (for the digest)
 * @param today the day
 * @param waiting districts whose reminder waits for the next run (for the digest)
 * @param by the account the reminders run as
 * @param phoneUrl the mobile page's address from the settings ('' when none)
 */
export function groupMail(
  province: string,
  group: MailGroup,
  plan: ReminderPlan,
  today: Day,
  waiting: readonly string[],
  by: string,
  phoneUrl = '',
): ReminderMail {
  const key = group.labels.join(',');
  if (group.districts.length === 1 && !group.digest)
    return { ...districtMail(province, group.districts[0], by, phoneUrl), to: group.to, key };
  if (group.districts.length === 0) return { ...digestMail(province, plan, today, waiting, by), to: group.to, key };
  const names = group.districts.map((d) => `อ.${d.district}`);
  const sections = [
    { lines: [`เรียน เจ้าหน้าที่ ${names.join(' และ ')}`], items: [] },
    ...group.districts.map((d) => districtSection_(province, d, false)),
  ].filter((s) => s.lines.length > 0);
  let after = districtAfter_(province, by, phoneUrl);
  let subject = `[OTOP ${province}] แจ้งเตือนการส่งรายงาน ${names.join(', ')}`;
  if (group.digest) {
    const digest = digestParts_(plan, today, waiting, by);
    sections.push(digest.section);
    after = [...after.slice(0, 1), ...digest.after];
    subject += ` และสรุปอำเภอที่เลยกำหนดส่งรายงาน ${date_(today)}`;
  }
  return { key, to: group.to, subject, html: html_(sections, after), text: text_(sections, after) };
}
