/**
 * The add-on's own errors: what an officer did or may not do, in Thai, with a kind the code
 * can test. Google's service errors are classified apart (errorText.ts).
 */

/** What went wrong, for the code; the message is for the officer. */
export type OfficerErrorKind =
  /** The caller's role may not do this. */
  | 'forbidden'
  /** Another action holds the workbook. */
  | 'busy'
  /** Something typed or chosen cannot be used. */
  | 'input'
  /** A sheet the action needs is missing, or is not the add-on's. */
  | 'missingSheet'
  /** The workbook has not been set up. */
  | 'notSetUp'
  /** The action failed and could not undo everything. */
  | 'partial'
  /** A daily quota of Google's is used up. */
  | 'quota'
  /** The action stopped itself before Apps Script's time limit, and was undone. */
  | 'tooLong'
  /** One of Google's service errors, explained in Thai (errorText.ts). */
  | 'google';

/** An error of the add-on, whose message an officer reads. */
export class OfficerError extends Error {
  /**
   * @param kind what went wrong
   * @param message the Thai message
   */
  constructor(
    readonly kind: OfficerErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'OfficerError';
  }

  /**
   * The caller may not do this.
   * @param message Thai: what, and whom to ask
   */
  static forbidden(message: string): OfficerError {
    return new OfficerError('forbidden', message);
  }

  /**
   * Something typed or chosen cannot be used.
   * @param message Thai: what, and what to do
   */
  static input(message: string): OfficerError {
    return new OfficerError('input', message);
  }

  /**
   * The action ran so long that it stopped itself (and was undone) before Apps Script's limit.
   * @param minutes how long it had run
   */
  static tooLong(minutes: number): OfficerError {
    return new OfficerError(
      'tooLong',
      `ใช้เวลานานเกินไป (${minutes.toFixed(1)} นาที) จึงหยุดก่อนถึงเวลาที่ Google จำกัด (6 นาที) และย้อนกลับทั้งหมดแล้ว ` +
        'สมุดงานยังเหมือนเดิม กรุณาลองใหม่อีกครั้งในเวลาที่ใช้งานน้อย',
    );
  }

  /**
   * The action failed and some of its undo steps failed too.
   * @param cause the first failure
   * @param left what may be left, in Thai
   */
  static partial(cause: unknown, left: readonly string[]): OfficerError {
    const why = cause instanceof Error ? cause.message : String(cause);
    return new OfficerError(
      'partial',
      `ทำไม่สำเร็จ และย้อนกลับได้ไม่ครบ: อาจยังเหลือ ${left.join(', ')} ที่ทำค้างไว้ ` +
        `กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" (หรือทำรายการเดิมอีกครั้ง) เพื่อซ่อมส่วนที่ค้าง (สาเหตุ: ${why})`,
    );
  }
}

/**
 * True for an error of the add-on (also one made in another global scope).
 * @param error anything thrown
 */
export function isOfficerError(error: unknown): error is OfficerError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'OfficerError';
}
