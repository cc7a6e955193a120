/**
 * The sidebar's own Thai texts that officers read most (one place to proofread them). Texts that
 * carry the server's figures are built where they are shown from the parts given here.
 */
export const TEXT = {
  /** the status while a yes/no question waits in the answer bar */
  waiting: 'รอการยืนยัน: กดปุ่มในกรอบคำถามด้านล่าง',
  /** the status after "ยกเลิก" on a question */
  cancelled: 'ยกเลิกแล้ว ไม่มีการเปลี่ยนแปลงใด ๆ',
  /** the status after cancelling the e-mail review */
  sendCancelled: 'ยกเลิกการส่งแล้ว ยังไม่ได้ส่งอีเมล',
  /** the status after cancelling the review of a submission */
  submitCancelled: 'ยกเลิกแล้ว ยังไม่ได้ส่งรายงาน',
  /** the province's section of today's work */
  provinceWork: 'งานของจังหวัด',
  /** the district officer's section of the data check */
  districtCheck: 'ตรวจข้อมูลของอำเภอ',
  /** the province's sending section: the round summaries and reports go out, by e-mail or LINE */
  sendingTitle: 'ส่งสรุปผลและรายงานออกทางอีเมลหรือ LINE',
  /** the board's fold */
  boardTitle: 'สถานะการส่งรายงานของทุกอำเภอ',
  /** a submitted duty's line: ส่งแล้ว (ตรงเวลา / ช้า N วัน) เมื่อ … */
  submitted: (timeliness: string, when: string) => `ส่งแล้ว (${timeliness}) เมื่อ ${when}`,
  /** the review of the e-mail, shown in view */
  reviewMail: 'ตรวจทานอีเมลในกรอบ “ตรวจทานอีเมล” แล้วกด “ยืนยันส่งอีเมล”',
  /** the review of a submission, shown in view */
  reviewSubmission: 'ตรวจทานข้อมูลในกรอบที่เปิดขึ้น ทำเครื่องหมายรับรอง แล้วกด “ยืนยันส่งรายงาน”',
  /** the button that sends a report again after a first send */
  sendAgain: 'ส่งอีกครั้ง',
  /** the same button for a report never sent (the server asks about something else) */
  sendAnyway: 'ยืนยันส่ง',
  /**
   * An account whose e-mail Google hides (app/roles.ts refuses it even when named): what is
   * true and what works, not "ask the province to add your address".
   */
  hiddenEmail:
    'Google ไม่เปิดเผยอีเมลของบัญชีนี้ (เช่น บัญชี Gmail ส่วนตัวหรือบัญชีนอกหน่วยงาน) ส่วนเสริมจึงตรวจสิทธิ์ไม่ได้ ' +
    'และบัญชีนี้ทำได้เพียงดูผลการดำเนินงาน แม้จะมีชื่ออยู่ในชีต “ตั้งค่า” ก็ตาม ' +
    'กรุณาออกจากระบบแล้วเปิดไฟล์นี้ด้วยบัญชีที่ระบุไว้ในชีต “ตั้งค่า” (บัญชีของหน่วยงาน) ' +
    'หากยังไม่มีบัญชีที่ระบุไว้ กรุณาแจ้งเจ้าหน้าที่ระดับจังหวัดพร้อมบอกอีเมลของบัญชีของหน่วยงานที่ท่านใช้',
} as const;
