/**
 * The submissions (src/features/submissions/action/submissions.ts previewSubmission, submitDuty)
 * through the door in memory: typed, no bundle, no stand-in. By role (src/app/roles.ts): a
 * district officer previews and submits its own monthly report (on time, late; again: a new
 * record, the board showing the duty submitted); the province submits on a district's behalf; a
 * district officer submitting another district's duty, someone named nowhere and a caller whose
 * e-mail Google hides are refused in Thai, and nothing changes.
 */
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { SHEET } from '../../src/features/setup/sheets/sheetNames';
import { previewSubmission, submitDuty } from '../../src/features/submissions/action/submissions';
import { STATUS_TEXT } from '../../src/features/submissions/sheets/board';
import { OfficerError } from '../../src/kernel/officerError';
import { MemoryWorkbook } from '../support/memoryDoor';
import { PROVINCE, STRANGER, THA_BO, thrown, withBaseline } from './workbooks';

/** Before the February report's due day (5 March 2022), and after it. */
const ON_TIME = new Date('2022-03-03T03:00:00Z');
const LATE = new Date('2022-03-15T03:00:00Z');
const FEBRUARY = '2022-02';
const TITLE = 'รายงานประจำเดือน กุมภาพันธ์ 2565';

/** The log's rows after its header: who, what, detail, result. */
function logRows(book: MemoryWorkbook): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (book.sheet(SHEET.log)?.values ?? []).slice(1).map((r) => [r[at.who], r[at.what], r[at.detail], r[at.result]]);
}

/** The submissions as read back through the door: number, sequence, who, on whose behalf, timeliness. */
function records(book: MemoryWorkbook): unknown[][] {
  return book
    .readSubmissions(book.readConfig())
    .records.map((r) => [r.seq, r.district, r.number, r.sentBy, r.onBehalf, r.timeliness, r.trusted]);
}

/** The board's cells of a district that show a duty submitted (on time or late). */
function boardRow(book: MemoryWorkbook, district: string): string[] {
  const row = book.sheet(SHEET.board)?.values.find((r) => r[0] === district) ?? [];
  return row.map(String).filter((c) => c.startsWith(STATUS_TEXT.onTime) || c.startsWith(STATUS_TEXT.late));
}

describe('a district officer submits its own monthly report', () => {
  test('the preview: its district, the figures, the statement; reading changes nothing', () => {
    const book = new MemoryWorkbook(withBaseline(THA_BO));
    const before = book.snapshot();
    const preview = previewSubmission(book, 'month', FEBRUARY, ON_TIME);
    expect(preview).toMatchObject({
      kind: 'month',
      period: FEBRUARY,
      district: 'ท่าบ่อ',
      title: TITLE,
      dueText: '5 มีนาคม 2565',
      cutOffText: '28 กุมภาพันธ์ 2565',
      timeliness: 'ตรงเวลา',
      onBehalf: false,
      earlier: [],
      statement: `ข้าพเจ้า (${THA_BO}) ขอรับรองว่าข้อมูล${TITLE} ของ อ.ท่าบ่อ ที่ส่งนี้ ครบถ้วนและถูกต้อง ตามข้อมูล ณ วันที่ 28 กุมภาพันธ์ 2565`,
    });
    expect(preview.figures).toMatchObject({ target: expect.any(Number), level: expect.any(String) });
    expect(book.snapshot()).toEqual(before);
    expect(book.transactions).toEqual({ opened: 0, undone: 0 });
  });

  test('on time: one sealed record, numbered 1, the board and the log, in one transaction', () => {
    const book = new MemoryWorkbook(withBaseline(THA_BO));
    const result = submitDuty(book, 'month', FEBRUARY, ON_TIME, true);
    expect(result).toEqual({
      needsConfirmation: false,
      message: `ส่ง${TITLE} ของ อ.ท่าบ่อ ถึงจังหวัดหนองคายเรียบร้อย (ตรงเวลา)`,
    });
    expect(records(book)).toEqual([[1, 'ท่าบ่อ', 1, THA_BO, false, 'ตรงเวลา', true]]);
    expect(book.sheet(SHEET.submissions)?.sealed).toEqual([true]);
    expect(boardRow(book, 'ท่าบ่อ')).toEqual([`${STATUS_TEXT.onTime} 3 มี.ค. 65`]);
    expect(logRows(book)).toEqual([
      [THA_BO, `ส่ง${TITLE}`, `อ.ท่าบ่อ ปีงบประมาณ 2565 ครั้งที่ 1 ตรงเวลา บันทึกในชีต "${SHEET.submissions}"`, 'สำเร็จ'],
    ]);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
  });

  test('late: the record says how late, the board shows it late', () => {
    const book = new MemoryWorkbook(withBaseline(THA_BO));
    expect(previewSubmission(book, 'month', FEBRUARY, LATE).timeliness).toBe('ช้า 10 วัน');
    expect(submitDuty(book, 'month', FEBRUARY, LATE, true).message).toBe(
      `ส่ง${TITLE} ของ อ.ท่าบ่อ ถึงจังหวัดหนองคายเรียบร้อย (ช้า 10 วัน)`,
    );
    expect(records(book)).toEqual([[1, 'ท่าบ่อ', 1, THA_BO, false, 'ช้า 10 วัน', true]]);
    expect(boardRow(book, 'ท่าบ่อ')).toEqual([`${STATUS_TEXT.late} 10 วัน`]);
  });

  test('again: asked first (nothing changes), then a new record numbered 2, the earlier one kept', () => {
    const book = new MemoryWorkbook(withBaseline(THA_BO));
    submitDuty(book, 'month', FEBRUARY, ON_TIME, true);
    const before = book.snapshot();
    const asked = submitDuty(book, 'month', FEBRUARY, LATE, true);
    expect(asked.needsConfirmation).toBe(true);
    expect(asked.message).toContain(`อ.ท่าบ่อ ส่ง${TITLE} แล้ว 1 ครั้ง`);
    expect(book.snapshot()).toEqual(before);
    const again = submitDuty(book, 'month', FEBRUARY, LATE, true, undefined, true);
    expect(again.message).toBe(`ส่ง${TITLE} ของ อ.ท่าบ่อ ถึงจังหวัดหนองคายเรียบร้อย (ช้า 10 วัน) (ครั้งที่ 2 ฉบับเดิมยังเก็บไว้)`);
    expect(records(book)).toEqual([
      [1, 'ท่าบ่อ', 1, THA_BO, false, 'ตรงเวลา', true],
      [2, 'ท่าบ่อ', 2, THA_BO, false, 'ช้า 10 วัน', true],
    ]);
    // the first submission decides the timeliness: the board still shows it on time
    expect(boardRow(book, 'ท่าบ่อ')).toEqual([`${STATUS_TEXT.onTime} 3 มี.ค. 65`]);
    expect(previewSubmission(book, 'month', FEBRUARY, LATE).earlier.map((e) => e.number)).toEqual([1, 2]);
    expect(logRows(book)).toHaveLength(2);
  });

  test('without the statement confirmed, or before the month ends: refused in Thai, nothing changes', () => {
    const book = new MemoryWorkbook(withBaseline(THA_BO));
    const before = book.snapshot();
    expect(thrown(() => submitDuty(book, 'month', FEBRUARY, ON_TIME, false)).message).toBe(
      `กรุณาทำเครื่องหมายรับรองว่าข้อมูลครบถ้วนและถูกต้องก่อนส่ง${TITLE}`,
    );
    expect(thrown(() => previewSubmission(book, 'month', '2022-03', ON_TIME)).message).toContain(
      'ยังส่งรายงานประจำเดือน มีนาคม 2565ไม่ได้ เพราะยังไม่สิ้นเดือน',
    );
    expect(book.snapshot()).toEqual(before);
  });
});

describe('the province submits on a district’s behalf', () => {
  test('the preview and the record say so; the log names the district', () => {
    const book = new MemoryWorkbook(withBaseline(PROVINCE));
    const preview = previewSubmission(book, 'month', FEBRUARY, ON_TIME, 'ท่าบ่อ');
    expect(preview).toMatchObject({ district: 'ท่าบ่อ', onBehalf: true });
    expect(preview.statement).toContain(`(${PROVINCE})`);
    expect(preview.statement).toContain('ที่ส่งในนามของ อ.ท่าบ่อ นี้');
    submitDuty(book, 'month', FEBRUARY, ON_TIME, true, 'ท่าบ่อ');
    expect(records(book)).toEqual([[1, 'ท่าบ่อ', 1, PROVINCE, true, 'ตรงเวลา', true]]);
    expect(logRows(book)[0][2]).toContain('(จังหวัดส่งแทน อ.ท่าบ่อ)');
    expect(boardRow(book, 'ท่าบ่อ')).toEqual([`${STATUS_TEXT.onTime} 3 มี.ค. 65`]);
  });

  test('without a district chosen: refused in Thai, nothing changes', () => {
    const book = new MemoryWorkbook(withBaseline(PROVINCE));
    const before = book.snapshot();
    expect(thrown(() => submitDuty(book, 'month', FEBRUARY, ON_TIME, true)).message).toBe(
      'การส่งรายงานประจำเดือนแทนอำเภอ: กรุณาเลือกอำเภอ',
    );
    expect(book.snapshot()).toEqual(before);
  });
});

describe.each([
  ['a district officer, for another district', THA_BO, `${THA_BO} เป็นเจ้าหน้าที่ของ อ.ท่าบ่อ จึงส่งรายงานแทน อ.โพนพิสัย ไม่ได้`],
  ['someone named nowhere', STRANGER, `(${STRANGER} ยังไม่อยู่ในรายชื่อ)`],
  ['a caller whose e-mail Google hides', '', 'Google ไม่เปิดเผยอีเมลของบัญชีนี้'],
])('%s', (_, user, words) => {
  test.each([
    ['previews', (book: MemoryWorkbook) => previewSubmission(book, 'month', FEBRUARY, ON_TIME, 'โพนพิสัย')],
    ['submits', (book: MemoryWorkbook) => submitDuty(book, 'month', FEBRUARY, ON_TIME, true, 'โพนพิสัย', true)],
  ])('%s: refused in Thai, and nothing changes', (__, action) => {
    const book = new MemoryWorkbook(withBaseline(THA_BO));
    submitDuty(book, 'month', FEBRUARY, ON_TIME, true);
    book.actAs(user);
    const before = book.snapshot();
    const refused = thrown(() => action(book));
    expect(refused).toBeInstanceOf(OfficerError);
    expect(refused.message).toContain('การส่งรายงานประจำเดือน');
    expect(refused.message).toContain(words);
    expect(book.snapshot()).toEqual(before);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
  });
});
