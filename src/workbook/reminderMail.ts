/**
 * The reminders as data: who is reminded of what on a day (each district's officers named in
 * the settings, of every duty core/duties.ts says to remind of; one e-mail per district), the
 * province's digest of overdue districts, and the e-mails' Thai text and escaped HTML. Only
 * addresses typed in the settings are ever used; one that is not an address is left out and
 * reported.
 */
import type { Day } from '../core/civilDate';
import {
  type Duty,
  type DutyStatus,
  dutyStatus,
  fiscalDuties,
  type ReminderReason,
  reminderReason,
} from '../core/duties';
import type { Settings } from '../core/settings';
import { formatThaiDate } from '../core/thaiDate';
import { escapeHtml } from './delivery';
import { dutyTitle, type SubmissionRecord, submissionsOf } from './submissions';

/** What an address must look like to be used (as for sending reports). */
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** The key of the province's digest in the once-a-day record. */
export const DIGEST_KEY = '#province';

/** A duty a district is reminded of. */
export interface ReminderItem {
  readonly duty: Duty;
  readonly reason: ReminderReason;
  readonly status: DutyStatus;
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
 * The day's reminders.
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
  const duties = fiscalDuties(settings);
  const all = districts.map((district): DistrictReminder => {
    const items: ReminderItem[] = [];
    for (const duty of duties) {
      const status = dutyStatus(duty, submissionsOf(records, district, duty)[0]?.day ?? null, today);
      const reason = reminderReason(duty, status);
      if (reason) items.push({ duty, reason, status });
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

/** A mail's HTML from its paragraphs and list. */
function html_(lines: readonly string[], items: readonly string[], after: readonly string[]): string {
  return [
    '<div style="font-family:Sarabun,Tahoma,sans-serif;font-size:14px">',
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    ...after.map((l) => `<p style="color:#5f6368">${escapeHtml(l)}</p>`),
    '</div>',
  ].join('\n');
}

/**
 * A district's reminder.
 * @param province the province's name
 * @param d the district's reminder
 * @param by the account the reminders run as
 */
export function districtMail(province: string, d: DistrictReminder, by: string): ReminderMail {
  const items = d.items.map(itemText);
  const lines = [`เรียน เจ้าหน้าที่ อ.${d.district}`, `รายงานต่อไปนี้ของ อ.${d.district} ถึงกำหนดส่งจังหวัด${province}:`];
  const after = [
    'ส่งได้จากแผงควบคุม OTOP ในสมุดงาน (เมนู OTOP → เปิดแผงควบคุม → หน้าที่การส่งรายงาน) ถ้าส่งแล้ว ไม่ต้องทำอะไรเพิ่ม',
    `อีเมลนี้ส่งโดยระบบแจ้งเตือนอัตโนมัติของสมุดงาน OTOP จังหวัด${province} (เปิดโดย ${by}) วันละไม่เกินหนึ่งฉบับ`,
  ];
  return {
    key: d.district,
    to: d.to,
    subject: `[OTOP ${province}] แจ้งเตือนการส่งรายงาน อ.${d.district}`,
    html: html_(lines, items, after),
    text: [...lines, ...items.map((i) => `• ${i}`), ...after].join('\n'),
  };
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
  return {
    key: DIGEST_KEY,
    to: plan.digestTo,
    subject: `[OTOP ${province}] สรุปอำเภอที่เลยกำหนดส่งรายงาน ${date_(today)}`,
    html: html_(lines, items, after),
    text: [...lines, ...items.map((i) => `• ${i}`), ...after].join('\n'),
  };
}
