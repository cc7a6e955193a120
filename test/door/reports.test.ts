/**
 * The reports and sending (src/features/reports/action/reports.ts makeRoundSummary,
 * makeMonthlyReport; delivery.ts previewSending, sendToProvince) through the door in memory:
 * typed, no bundle, no stand-in. By role (src/app/roles.ts): the owner and a province editor make
 * a month's report and a round's summary (provisional only once asked), make one again (the
 * earlier kept, renamed), preview and send it (one mail with its PDF, the attempt and the outcome
 * logged, the sheet's sent status; asked before sending twice; nothing sent without quota); a
 * sheet changed by hand after it was made is flagged (its seal fails: the preview warns, sending
 * asks first, the log notes it); a district officer, someone named nowhere and a caller whose e-mail Google hides are refused in
 * Thai and nothing changes.
 */
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { previewSending, sendToProvince } from '../../src/features/reports/action/delivery';
import { makeMonthlyReport, makeRoundSummary } from '../../src/features/reports/action/reports';
import { reportLayout } from '../../src/features/reports/sheets/reportSheets';
import { SHEET } from '../../src/features/setup/sheets/sheetNames';
import { OfficerError } from '../../src/kernel/officerError';
import { LETTER_EMAIL } from '../../src/kernel/settings';
import { MemoryWorkbook } from '../support/memoryDoor';
import { OWNER, PROVINCE, STRANGER, THA_BO, thrown, withBaseline } from './workbooks';

const NOW = new Date('2022-03-15T03:00:00Z');
const LATER = new Date('2022-03-16T03:00:00Z');
const FEBRUARY = 'รายงานประจำเดือน กุมภาพันธ์ 2565';
const SENT_TO = `ส่งถึง ${LETTER_EMAIL} เมื่อ 15 มี.ค. 65 เวลา 10:00 น.`;

/** The log's rows after its header: who, what, detail, result. */
function logRows(book: MemoryWorkbook): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (book.sheet(SHEET.log)?.values ?? []).slice(1).map((r) => [r[at.who], r[at.what], r[at.detail], r[at.result]]);
}

/** The report sheets: name, state, provisional, how many sendings. */
function reports(book: MemoryWorkbook): unknown[][] {
  return book
    .snapshot()
    .sheets.filter((s) => s.role === 'report')
    .map((s) => [s.name, s.report?.state, s.report?.provisional, s.report?.sent?.length ?? 0]);
}

/** A report sheet's sent status cell. */
function sentCell(book: MemoryWorkbook, name: string): unknown {
  const sheet = book.sheet(name);
  const mark = sheet?.report;
  if (!sheet || !mark?.form) throw new Error(`no report "${name}"`);
  const [row, column] = reportLayout(mark.kind, mark.form).sentCell;
  return sheet.values[row - 1][column - 1];
}

describe.each([
  ['the owner', OWNER],
  ['a province editor', PROVINCE],
])('%s makes the reports', (_, user) => {
  test("a month's report: its sheet, current, logged, in one transaction", () => {
    const book = new MemoryWorkbook(withBaseline(user));
    expect(makeMonthlyReport(book, '2022-02', NOW, false)).toEqual({
      sheet: FEBRUARY,
      renamed: '',
      message: `สร้างชีต "${FEBRUARY}" เรียบร้อย`,
      needsConfirmation: false,
    });
    expect(reports(book)).toEqual([[FEBRUARY, 'current', false, 0]]);
    expect(book.sheet(FEBRUARY)?.values[6][2]).toBe('28 กุมภาพันธ์ 2565');
    expect(logRows(book)).toEqual([[user, `สร้าง${FEBRUARY}`, `ชีต "${FEBRUARY}"`, 'สำเร็จ']]);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
  });

  test('made again: the earlier one superseded and renamed, both logged', () => {
    const book = new MemoryWorkbook(withBaseline(user));
    makeMonthlyReport(book, '2022-02', NOW, false);
    const old = `${FEBRUARY} (แทนที่ 16-03-65 10.00)`;
    expect(makeMonthlyReport(book, '2022-02', LATER, false)).toMatchObject({ sheet: FEBRUARY, renamed: old });
    expect(reports(book)).toEqual([
      [old, 'superseded', false, 0],
      [FEBRUARY, 'current', false, 0],
    ]);
    expect(logRows(book)[1]).toEqual([user, `สร้าง${FEBRUARY}`, `ฉบับเดิมเก็บไว้ในชื่อ "${old}"`, 'สำเร็จ']);
  });

  test("a round's summary before its deadline: asked first (nothing made), then provisional", () => {
    const book = new MemoryWorkbook(withBaseline(user));
    const before = book.snapshot();
    const asked = makeRoundSummary(book, 1, NOW, false);
    expect(asked).toMatchObject({ sheet: '', needsConfirmation: true });
    expect(asked.message).toContain('ยังไม่ถึงวันตัดยอดรอบที่ 1 (25 มีนาคม 2565)');
    expect(book.snapshot()).toEqual(before);
    expect(makeRoundSummary(book, 1, NOW, true)).toMatchObject({ sheet: 'สรุปผล รอบที่ 1 (ชั่วคราว)' });
    expect(reports(book)).toEqual([['สรุปผล รอบที่ 1 (ชั่วคราว)', 'current', true, 0]]);
  });

  test('previewed (nothing changes), sent once with its PDF, logged, then asked before sending twice', () => {
    const book = new MemoryWorkbook(withBaseline(user));
    makeMonthlyReport(book, '2022-02', NOW, false);
    const before = book.snapshot();
    const preview = previewSending(book, FEBRUARY);
    expect(preview).toMatchObject({
      sheet: FEBRUARY,
      to: LETTER_EMAIL,
      subject: `[OTOP หนองคาย] ${FEBRUARY}`,
      attachment: `${FEBRUARY}.pdf`,
    });
    expect(preview.lineText).toContain('ข้อมูลถึง 28 กุมภาพันธ์ 2565');
    expect(book.snapshot()).toEqual(before);
    expect(sendToProvince(book, FEBRUARY, NOW, false)).toEqual({
      message: `ส่ง "${FEBRUARY}" ถึง ${LETTER_EMAIL} เรียบร้อย`,
      needsConfirmation: false,
    });
    const mails = book.mails();
    expect(mails.map((m) => [m.to, m.subject, m.html, m.text, m.attachments?.map((a) => a.name)])).toEqual([
      [[LETTER_EMAIL], preview.subject, preview.html, preview.lineText, [`${FEBRUARY}.pdf`]],
    ]);
    expect(mails[0].attachments?.[0].html).toContain('28 กุมภาพันธ์ 2565');
    expect(sentCell(book, FEBRUARY)).toBe(SENT_TO);
    expect(logRows(book).slice(1)).toEqual([
      [user, 'กำลังส่งรายงานถึงจังหวัด', `"${FEBRUARY}" ถึง ${LETTER_EMAIL}`, 'เริ่มส่ง'],
      [user, 'ส่งรายงานถึงจังหวัด', `"${FEBRUARY}" ถึง ${LETTER_EMAIL}`, 'สำเร็จ'],
    ]);
    const sent = book.snapshot();
    expect(sendToProvince(book, FEBRUARY, NOW, false)).toEqual({
      message: `รายงานนี้${SENT_TO}แล้ว ต้องการส่งอีกครั้งหรือไม่`,
      needsConfirmation: true,
    });
    expect(book.snapshot()).toEqual(sent);
    sendToProvince(book, FEBRUARY, NOW, true);
    expect(book.mails()).toHaveLength(2);
    expect(reports(book)).toEqual([[FEBRUARY, 'current', false, 2]]);
  });

  test('without quota: refused in Thai, nothing sent, nothing logged', () => {
    const book = new MemoryWorkbook({ ...withBaseline(user), mailQuota: 0 });
    makeMonthlyReport(book, '2022-02', NOW, false);
    const before = book.snapshot();
    const error = thrown(() => sendToProvince(book, FEBRUARY, NOW, false));
    expect(error).toBeInstanceOf(OfficerError);
    expect(error.message).toContain('วันนี้ส่งอีเมลครบโควตาของบัญชีแล้ว');
    expect(book.snapshot()).toEqual(before);
  });

  test('a sheet that is not one of its reports: refused in Thai', () => {
    const book = new MemoryWorkbook(withBaseline(user));
    const error = thrown(() => previewSending(book, SHEET.settings));
    expect(error).toBeInstanceOf(OfficerError);
    expect(error.message).toContain(`ไม่พบรายงาน "${SHEET.settings}" ที่สร้างจากเมนู OTOP`);
  });
});

describe('a report sheet changed by hand after it was made (its seal fails)', () => {
  test('its record as the sheet shows it; previewed with a warning, sent only once confirmed, the log noting it', () => {
    const book = new MemoryWorkbook(withBaseline(PROVINCE));
    makeMonthlyReport(book, '2022-02', NOW, false);
    expect(book.readReport(book.readConfig(), FEBRUARY)?.sealed).toBe(true);
    book.edit(FEBRUARY, 4, 3, 'เรื่องที่แก้ด้วยมือ');
    const read = book.readReport(book.readConfig(), FEBRUARY);
    expect(read?.sealed).toBe(false);
    expect(read?.record).toMatchObject({
      kind: 'month',
      period: '2022-02',
      fiscalYear: 2565,
      provisional: false,
      by: PROVINCE,
    });
    expect(read?.record.document.memo.subject).toBe('เรื่องที่แก้ด้วยมือ');
    const preview = previewSending(book, FEBRUARY);
    expect(preview.edited).toBe(
      'ชีตรายงานนี้ถูกแก้ไขหลังจัดทำ (ไม่ตรงกับรหัสตรวจสอบที่บันทึกไว้ตอนจัดทำ) อีเมลและ PDF จะเป็นไปตามชีตที่แก้ไขแล้ว ไม่ใช่ตามที่ส่วนเสริมจัดทำ',
    );
    expect(preview.html).toContain('เรื่องที่แก้ด้วยมือ');
    const before = book.snapshot();
    expect(sendToProvince(book, FEBRUARY, NOW, false)).toEqual({
      message: `${preview.edited} ต้องการส่งหรือไม่`,
      needsConfirmation: true,
    });
    expect(book.snapshot()).toEqual(before);
    sendToProvince(book, FEBRUARY, NOW, true);
    expect(book.mails()).toHaveLength(1);
    expect(
      logRows(book)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual([
      `"${FEBRUARY}" ถึง ${LETTER_EMAIL} (ชีตถูกแก้ไขหลังจัดทำ)`,
      `"${FEBRUARY}" ถึง ${LETTER_EMAIL} (ชีตถูกแก้ไขหลังจัดทำ)`,
    ]);
  });

  test('an unchanged sheet keeps its seal after the add-on rewrites its status and sent cells', () => {
    const book = new MemoryWorkbook(withBaseline(PROVINCE));
    makeMonthlyReport(book, '2022-02', NOW, false);
    sendToProvince(book, FEBRUARY, NOW, false);
    const { renamed } = makeMonthlyReport(book, '2022-02', LATER, false);
    const config = book.readConfig();
    expect([renamed, FEBRUARY].map((name) => book.readReport(config, name)?.sealed)).toEqual([true, true]);
    expect(previewSending(book, renamed).edited).toBeUndefined();
  });
});

describe.each([
  ['a district officer', THA_BO, 'ไม่มีสิทธิ์'],
  ['someone named nowhere', STRANGER, 'ไม่มีสิทธิ์'],
  ['a hidden e-mail', '', 'อีเมล'],
])('%s', (_, user, words) => {
  test('is refused in Thai every report action; nothing changes, no mail', () => {
    const book = new MemoryWorkbook(withBaseline(PROVINCE));
    makeMonthlyReport(book, '2022-02', NOW, false);
    book.actAs(user);
    const before = book.snapshot();
    for (const action of [
      () => makeMonthlyReport(book, '2022-02', LATER, false),
      () => makeRoundSummary(book, 1, NOW, true),
      () => previewSending(book, FEBRUARY),
      () => sendToProvince(book, FEBRUARY, NOW, true),
    ]) {
      const error = thrown(action);
      expect(error).toBeInstanceOf(OfficerError);
      expect(error.message).toContain(words);
    }
    expect(book.snapshot()).toEqual(before);
    expect(book.mails()).toEqual([]);
  });
});
