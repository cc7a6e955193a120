/**
 * The Thai message an officer sees when an action fails: our own messages are Thai already;
 * Google's service errors (English) are explained, with what to do, and kept in brackets for
 * whoever helps them.
 */

const THAI = /[\u0e00-\u0e7f]/;

/**
 * The Thai message for an error.
 * @param error what was thrown
 */
export function thaiErrorMessage(error: unknown): string {
  const message =
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
      ? String((error as Error).message)
      : String(error);
  if (THAI.test(message)) return message;
  const detail = ` (${message})`;
  if (/too many times|quota|rate limit/i.test(message)) {
    return `เกินขีดจำกัดการใช้งานของ Google สำหรับวันนี้ การทำงานถูกยกเลิกและสมุดงานยังเหมือนเดิม กรุณาลองใหม่ภายหลัง${detail}`;
  }
  if (/permission|protected|not allowed|access denied/i.test(message)) {
    return `ท่านไม่มีสิทธิ์แก้ไขส่วนนี้ของสมุดงาน การทำงานถูกยกเลิก กรุณาติดต่อเจ้าของไฟล์หรือเจ้าหน้าที่จังหวัด${detail}`;
  }
  if (/not found|does not exist|no sheet|deleted/i.test(message)) {
    return `ชีตที่ต้องใช้ถูกลบหรือเปลี่ยนชื่อระหว่างทำงาน การทำงานถูกยกเลิกและสมุดงานยังเหมือนเดิม กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" แล้วลองใหม่${detail}`;
  }
  return `บริการของ Google ขัดข้อง การทำงานถูกยกเลิกและสมุดงานยังเหมือนเดิม กรุณาลองใหม่อีกครั้ง${detail}`;
}
