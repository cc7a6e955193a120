/** Fake Utilities: formatDate (Java SimpleDateFormat subset), newBlob, sleep, getUuid. */
import { FakeBlob } from './blob';
import { instrument } from './callLedger';
import { formatSimpleDate } from './dates';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

const UTILITIES_METHODS = [
  'formatDate',
  'newBlob',
  'sleep',
  'getUuid',
] as const satisfies readonly (keyof GoogleAppsScript.Utilities.Utilities)[];

/** Utilities. */
export class FakeUtilities implements FakeOf<GoogleAppsScript.Utilities.Utilities, (typeof UTILITIES_METHODS)[number]> {
  /** Milliseconds the script asked to sleep (time does not pass in the fake). */
  slept_ = 0;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /**
   * @param date the instant
   * @param timeZone e.g. "Asia/Bangkok" or "GMT+7"
   * @param format SimpleDateFormat pattern, e.g. "yyyy-MM-dd HH:mm"
   */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return formatSimpleDate(new Date(date.getTime()), timeZone, format);
  }

  /** @param data text or bytes @param contentType MIME type @param name file name */
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    const bytes =
      typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : Uint8Array.from(data, (b) => b & 255);
    return new FakeBlob(this.ctx_, bytes, contentType ?? null, name ?? null);
  }

  /** @param milliseconds recorded, not waited */
  sleep(milliseconds: number): void {
    this.slept_ += milliseconds;
  }

  /** A deterministic UUID (counter-based, per workbook). */
  getUuid(): string {
    return this.ctx_.book.newUuid();
  }
}
instrument(FakeUtilities, 'Utilities', UTILITIES_METHODS);
