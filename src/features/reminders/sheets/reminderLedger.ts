/**
 * What the reminders have sent, kept per fiscal year, duty, reminder window and recipient (a
 * "ledger"), so that a reminder is sent once per window and person, at most one e-mail goes to
 * one person on one day, and what was due and not sent (the quota ran out, MailApp failed, the
 * run was killed) is still owed at the next run inside its window. An entry is written
 * `pending` before MailApp is called and `sent` after it returned; `failed` when MailApp threw.
 * A `pending` or `failed` entry of an earlier day is owed again (the e-mail may not have gone);
 * one of today blocks its recipient for the rest of the day (it may have gone). Entries whose
 * window has ended are dropped, so the ledger stays small. Pure.
 */

/** Where one reminder to one person stands. */
export type LedgerState = 'pending' | 'sent' | 'failed';

/** One reminder of one duty, window and recipient. */
export interface LedgerEntry {
  readonly state: LedgerState;
  /** The day (ISO) it was written. */
  readonly day: string;
  /** The window's last day (ISO): after it the entry is dropped. */
  readonly until: string;
}

/** The ledger, by key (ledgerKey). */
export type ReminderLedger = Readonly<Record<string, LedgerEntry>>;

/** The digest's duty in a key. */
export const DIGEST_DUTY = 'digest';

/**
 * The key of one reminder: fiscal year, duty, window and recipient, separated by spaces (an
 * address has none).
 * @param fiscalYear BE fiscal year
 * @param duty a duty's key (dutyKey) or DIGEST_DUTY
 * @param window the window's id
 * @param recipient the address
 */
export function ledgerKey(fiscalYear: number, duty: string, window: string, recipient: string): string {
  return `${fiscalYear} ${duty} ${window} ${recipient}`;
}

/**
 * A duty as a ledger key names it, after its fiscal year (ledgerKey): `month:2021-10`,
 * `round:1` (the form of earlier versions, so that what they sent is not sent again).
 * @param duty the duty
 */
export function ledgerDuty(duty: { readonly kind: string; readonly period: string }): string {
  return `${duty.kind}:${duty.period}`;
}

/**
 * The recipient of a key.
 * @param key a ledgerKey
 */
function recipientOf_(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

/**
 * The ledger as read from the properties: well-formed entries whose window has not ended.
 * @param kept what was kept (anything)
 * @param today today (ISO)
 */
export function currentLedger(kept: unknown, today: string): ReminderLedger {
  const out: Record<string, LedgerEntry> = {};
  if (!kept || typeof kept !== 'object') return out;
  for (const [key, value] of Object.entries(kept as Record<string, unknown>)) {
    const e = value as Partial<LedgerEntry> | null;
    if (!e || typeof e.day !== 'string' || typeof e.until !== 'string') continue;
    if (e.state !== 'pending' && e.state !== 'sent' && e.state !== 'failed') continue;
    if (e.until < today) continue;
    out[key] = { state: e.state, day: e.day, until: e.until };
  }
  return out;
}

/**
 * Whether a reminder is still owed: nothing kept for it, or an earlier day's attempt that may
 * not have gone.
 * @param ledger the ledger
 * @param key its key
 * @param today today (ISO)
 */
export function isOwed(ledger: ReminderLedger, key: string, today: string): boolean {
  const e = ledger[key];
  return !e || (e.state !== 'sent' && e.day < today);
}

/**
 * Whether an e-mail has gone, or may have gone, to a person today.
 * @param ledger the ledger
 * @param recipient the address
 * @param today today (ISO)
 */
export function mailedToday(ledger: ReminderLedger, recipient: string, today: string): boolean {
  return Object.entries(ledger).some(([key, e]) => e.day === today && recipientOf_(key) === recipient);
}

/**
 * Whether a reminder's e-mail of today failed or was cut short (it may or may not have gone).
 * @param ledger the ledger
 * @param key its key
 * @param today today (ISO)
 */
export function isUncertain(ledger: ReminderLedger, key: string, today: string): boolean {
  const e = ledger[key];
  return !!e && e.state !== 'sent' && e.day === today;
}

/**
 * The ledger with some entries set.
 * @param ledger the ledger
 * @param keys the keys, each with its window's last day (ISO)
 * @param state their new state
 * @param today today (ISO)
 */
export function withEntries(
  ledger: ReminderLedger,
  keys: readonly { readonly key: string; readonly until: string }[],
  state: LedgerState,
  today: string,
): ReminderLedger {
  const out: Record<string, LedgerEntry> = { ...ledger };
  for (const k of keys) out[k.key] = { state, day: today, until: k.until };
  return out;
}
