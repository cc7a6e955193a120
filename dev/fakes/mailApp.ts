/**
 * Fake MailApp: records sent mails and enforces the daily recipient quota (100 for consumer
 * accounts, 1 500 for Workspace; 50 recipients per message — guides/services/quotas).
 */
import { instrument } from './callLedger';
import type { ExecutionContext, SentMail } from './model';
import type { FakeOf } from './types';

/** Apps Script's message when the daily e-mail quota is used up. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
/** Largest number of recipients of one message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

/** MailApp options, with attachments reduced to what the fake reads (their names). */
export type MailOptions = Omit<GoogleAppsScript.Mail.MailAdvancedParameters, 'attachments' | 'inlineImages'> & {
  attachments?: Array<{ getBlob(): { getName(): string | null } }>;
  inlineImages?: unknown;
};

function addresses_(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/**
 * Remaining recipients today for the execution's effective user.
 * @param ctx the execution
 */
export function remainingQuota(ctx: ExecutionContext): number {
  return ctx.book.mailRemaining.get(ctx.effectiveUser) ?? ctx.book.mailQuota;
}

const MAIL_METHODS = [
  'sendEmail',
  'getRemainingDailyQuota',
] as const satisfies readonly (keyof GoogleAppsScript.Mail.MailApp)[];

/** MailApp. */
export class FakeMailApp implements FakeOf<GoogleAppsScript.Mail.MailApp, (typeof MAIL_METHODS)[number]> {
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /**
   * sendEmail(message), sendEmail(recipient, subject, body, options?) or
   * sendEmail(to, replyTo, subject, body).
   */
  sendEmail(a: string | MailOptions, b?: string, c?: string, d?: string | MailOptions): void {
    let message: MailOptions;
    if (typeof a === 'object') message = a;
    else if (typeof d === 'string') message = { to: a, replyTo: b, subject: c, body: d };
    else message = { ...(d ?? {}), to: a, subject: b, body: c };
    const to = addresses_(message.to);
    const cc = addresses_(message.cc);
    const bcc = addresses_(message.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw new Error('Failed to send email: no recipient');
    const invalid = all.find((addr) => !/^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/.test(addr));
    if (invalid) throw new Error(`Invalid email: ${invalid}`);
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE) throw new Error('Limit Exceeded: Email Recipients Per Message.');
    const remaining = remainingQuota(this.ctx_);
    if (all.length > remaining) throw new Error(MAIL_QUOTA_MESSAGE);
    this.ctx_.book.mailRemaining.set(this.ctx_.effectiveUser, remaining - all.length);
    const sent: SentMail = {
      from: this.ctx_.effectiveUser,
      to,
      cc,
      bcc,
      replyTo: message.replyTo ?? '',
      subject: message.subject ?? '',
      body: message.body ?? '',
      htmlBody: message.htmlBody ?? '',
      name: message.name ?? '',
      attachments: (message.attachments ?? []).map((att) => att.getBlob().getName() ?? ''),
    };
    this.ctx_.book.sentMails.push(sent);
  }

  /** Recipients the effective user may still address today. */
  getRemainingDailyQuota(): number {
    return remainingQuota(this.ctx_);
  }
}
instrument(FakeMailApp, 'MailApp', MAIL_METHODS);
