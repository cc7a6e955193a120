/**
 * What an officer reads when an action fails. The add-on's own errors (OfficerError, any kind)
 * carry their Thai message. Everything else came from Google's services and is classified by
 * what it says, not by its script: Google's messages are English but may quote a Thai sheet
 * name ('A sheet with the name "สรุปผล รอบที่ 1" already exists…'), so "has Thai letters" does
 * not mean "ours". Each kind has its Thai explanation (src/kernel/messages.ts); Google's own
 * text follows in brackets for whoever helps the officer.
 */
import { GOOGLE_ERROR_TEXT } from './messages';
import { isOfficerError } from './officerError';

/** What kind of failure a Google service error is (each with its Thai text in messages.ts). */
export type GoogleErrorKind = keyof typeof GOOGLE_ERROR_TEXT;

/**
 * Google's error texts by kind, matched in order. Each pattern is a text Google's services
 * give (sources: Apps Script quotas page, "Exceeded maximum execution time"; LockService
 * reference, "Lock timeout: another process was holding the lock for too long"; Sheets' own
 * editor and API texts, as the stand-in reproduces them in dev/fakes with their sources).
 */
const PATTERNS: readonly [GoogleErrorKind, RegExp][] = [
  ['quota', /too many times|too much computer time|quota|rate limit|Limit Exceeded/i],
  ['timeLimit', /Exceeded maximum execution time/i],
  ['busy', /Lock timeout|another process was holding the lock/i],
  ['permission', /permission|protected cell or object|not allowed|access denied|authori[sz]ation is required/i],
  ['nameTaken', /already exists\. Please enter another name/i],
  ['missing', /Range not found|not found|does not exist|No sheet named|no longer exists|was deleted/i],
  ['changed', /outside the dimensions of the sheet|out of bounds|starting (?:row|column) of the range is too small/i],
  ['address', /Invalid email|Invalid argument: (?:recipient|to)|no recipient/i],
];

/**
 * The kind of a Google service error, from its message.
 * @param message the error's message
 */
export function googleErrorKind(message: string): GoogleErrorKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(message)) return kind;
  return 'service';
}

/**
 * The Thai message for an error: the add-on's own as it is, Google's explained by its kind.
 * @param error what was thrown
 */
export function thaiErrorMessage(error: unknown): string {
  const message =
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
      ? String((error as Error).message)
      : String(error);
  if (isOfficerError(error)) return message;
  return `${GOOGLE_ERROR_TEXT[googleErrorKind(message)]} (${message})`;
}
