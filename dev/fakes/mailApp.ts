/**
 * Fake MailApp: records sent mails (recipients, cc, bcc, name, replyTo, attachments, time) and
 * enforces the daily recipient quota (100 for consumer accounts, 1 500 for Workspace; 50
 * recipients per message — guides/services/quotas). "Quotas are per user and reset 24 hours
 * after the first request" (same page): each user's window opens at their first send and
 * closes 24 hours later on the fake clock (not at a fixed midnight). A send that fails after
 * delivering is the ledger's 'after' fault: the mail stays recorded as sent.
 */
import { FakeBlob } from './blob';
import { instrument } from './callLedger';
import { DAY_MS } from './clock';
import type { AttachedFile, ExecutionContext, SentMail } from './model';
import type { FakeOf } from './types';

/** Apps Script's message when the daily e-mail quota is used up. */
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
/** Largest number of recipients of one message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

/** What the fake reads of an attachment (a Blob or any BlobSource). */
export interface AttachmentSource {
  getBlob(): { getName(): string | null; getContentType(): string | null; getBytes(): number[] };
}

/** MailApp options, with attachments reduced to what the fake reads. */
export type MailOptions = Omit<GoogleAppsScript.Mail.MailAdvancedParameters, 'attachments' | 'inlineImages'> & {
  attachments?: AttachmentSource[];
  inlineImages?: unknown;
};

// MailApp reads attachments on Google's side: a fake blob is read without recording calls.
function file_(source: AttachmentSource): AttachedFile {
  if (source instanceof FakeBlob) {
    const data = source.data_();
    return { name: data.name ?? '', contentType: data.contentType, bytes: data.bytes };
  }
  const blob = source.getBlob();
  return { name: blob.getName() ?? '', contentType: blob.getContentType(), bytes: Uint8Array.from(blob.getBytes()) };
}

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
  const book = ctx.book;
  const user = ctx.effectiveUser;
  const start = book.mailWindowStart.get(user);
  if (start !== undefined && book.clock.now() >= start + DAY_MS) {
    book.mailWindowStart.delete(user);
    book.mailRemaining.delete(user);
  }
  return book.mailRemaining.get(user) ?? book.mailQuota;
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
    const book = this.ctx_.book;
    const files = (message.attachments ?? []).map(file_);
    book.mailRemaining.set(this.ctx_.effectiveUser, remaining - all.length);
    if (!book.mailWindowStart.has(this.ctx_.effectiveUser)) {
      book.mailWindowStart.set(this.ctx_.effectiveUser, book.clock.now());
    }
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
      attachments: files.map((f) => f.name),
      files,
      at: book.clock.now(),
    };
    book.sentMails.push(sent);
  }

  /** Recipients the effective user may still address in the current 24-hour window. */
  getRemainingDailyQuota(): number {
    return remainingQuota(this.ctx_);
  }
}
instrument(FakeMailApp, 'MailApp', MAIL_METHODS);
