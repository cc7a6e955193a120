/**
 * The Thai texts of failures and refusals that any action may give, in one place to proofread.
 * (The data check's messages live with the checks that raise them: src/features/dataCheck/rules/dataCheck.ts,
 * src/features/counting/rules/entries.ts; each action's own outcomes with the action.)
 */
const UNCHANGED = 'การทำงานถูกยกเลิกและสมุดงานยังเหมือนเดิม';

/** What each kind of Google service failure means for the officer, and what to do. */
export const GOOGLE_ERROR_TEXT = {
  /** A daily quota is used up (Service invoked too many times…, …too much computer time…). */
  quota: `เกินขีดจำกัดการใช้งานของ Google สำหรับวันนี้ ${UNCHANGED} กรุณาลองใหม่ภายหลัง`,
  /** The execution ran past Apps Script's time limit. */
  timeLimit: `ใช้เวลานานเกินเวลาที่ Google จำกัด (6 นาที) ${UNCHANGED} กรุณาลองใหม่อีกครั้งในเวลาที่ใช้งานน้อย`,
  /** Another execution held the lock too long. */
  busy: 'มีผู้ใช้อื่นกำลังทำงานกับสมุดงานนี้อยู่ (เช่น ตั้งค่าหรือสร้างสรุปผล) กรุณารอสักครู่แล้วลองใหม่',
  /** The user may not do this (a protected range, no permission). */
  permission: `ท่านไม่มีสิทธิ์แก้ไขส่วนนี้ของสมุดงาน ${UNCHANGED} ถ้าจังหวัดเพิ่งเพิ่มชื่อท่านในชีต "ตั้งค่า" ให้จังหวัดกด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน (จึงจะได้สิทธิ์) แล้วลองใหม่ หรือติดต่อเจ้าของไฟล์หรือเจ้าหน้าที่จังหวัด`,
  /** A sheet or range the action used is gone (deleted or renamed meanwhile). */
  missing: `ชีตที่ต้องใช้ถูกลบหรือเปลี่ยนชื่อระหว่างทำงาน ${UNCHANGED} กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" แล้วลองใหม่`,
  /** A sheet name is taken already. */
  nameTaken: `มีชีตชื่อนี้อยู่แล้ว (อาจมีผู้สร้างขึ้นระหว่างทำงาน) ${UNCHANGED} กรุณาลองใหม่อีกครั้ง`,
  /** The sheet changed shape under the action (rows or columns removed meanwhile). */
  changed: `มีผู้ลบแถวหรือคอลัมน์ของชีตระหว่างทำงาน ${UNCHANGED} กรุณาลองใหม่อีกครั้ง`,
  /** An e-mail address the add-on was given is not one. */
  address: 'อีเมลผู้รับในชีตตั้งค่าไม่ถูกต้อง ไม่ได้ส่งอีเมล กรุณาแก้อีเมลในชีตตั้งค่าแล้วลองใหม่',
  /** Anything else: a timeout or an outage of Google's servers. */
  service: `บริการของ Google ขัดข้อง ${UNCHANGED} กรุณาลองใหม่อีกครั้ง`,
} as const;

/** Another officer's action holds the workbook (LockService). */
export const BUSY_TEXT = GOOGLE_ERROR_TEXT.busy;

/**
 * A sheet a link points at is gone.
 * @param sheet its name
 */
export function missingSheetText(sheet: string): string {
  return `ไม่พบชีต "${sheet}" (อาจถูกลบหรือเปลี่ยนชื่อ) กรุณากดตรวจข้อมูลอีกครั้ง`;
}

/**
 * A cell address that is not one.
 * @param cell what was given
 */
export function badCellText(cell: string): string {
  return `ตำแหน่งเซลล์ "${cell}" ไม่ถูกต้อง`;
}
