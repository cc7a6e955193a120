/**
 * The districts' duties through the bundle, as its users meet them: a district officer submits
 * on time, late, and again; the province submits on a district's behalf; a district tries
 * another's; a hidden address, someone named nowhere, the lock held, a failing service; the
 * round summary says where each district's figures come from.
 */
import { dump } from '../../../../dev/fakes';
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { dutiesProvince, PROVINCE_EDITOR, SANGKHOM, STRANGER, sheetValues, THA_BO } from '../../../support/duties';
import { loadBundle } from '../../../support/loadBundle';
import { type Harness, OWNER } from '../../../support/workbook';
import { expectSameDump } from '../../../support/sameDump';

const RECORDS = 'การส่งรายงานของอำเภอ';
const BOARD = 'สถานะการส่งรายงาน';
const THAI = /[\u0e00-\u0e7f]/;

/** The record sheet's data rows as objects keyed by header. */
function records(h: Harness): Record<string, unknown>[] {
  const [header, ...rows] = sheetValues(h, RECORDS);
  return rows.map((row) => Object.fromEntries(header.map((k, i) => [String(k), row[i]])));
}

/** One field of a record (by its header). */
const field = (record: Record<string, unknown>, header: string) => record[header];

/** The board's cell of a district and a column header. */
function boardCell(h: Harness, district: string, header: string): unknown {
  const values = sheetValues(h, BOARD);
  const head = values[3];
  const row = values.find((r) => r[0] === district);
  return row?.[head.indexOf(header)];
}

/** The log's rows. */
const log = (h: Harness) => sheetValues(h, 'บันทึก');

/** Sets the clock to a Bangkok moment. */
const at = (h: Harness, y: number, m: number, d: number, hour = 10) => h.book.clock.set(new Date(y, m - 1, d, hour, 0));

/** A bundle run as a user whose address Google hides. */
function hidden(h: Harness, user: string) {
  const run = h.book.createExecution({ user, hideEmail: true });
  return loadBundle({ ...run.globals }, { now: h.book.clock.now });
}

describe('a district submits its monthly report', () => {
  test('on time: a value snapshot as of the month’s last day, recorded, on the board and in the log', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    const officer = h.as(THA_BO).gas;
    const preview = officer.sidebarPreviewSubmission('month', '2021-10');
    // figures as of 31 Oct: the activity of 5 Nov is not counted; the month's own entries listed
    expect(preview.figures).toMatchObject({ activities: 2, channels: 2, newOperators: 3, score: 2, level: 'พัฒนา' });
    expect(preview.changes).toEqual({ activities: 2, channels: 2, newOperators: 3 });
    expect(preview.cutOffText).toBe('31 ตุลาคม 2564');
    expect(preview.timeliness).toBe('ตรงเวลา');
    expect(preview.activities.map((a: { dateText: string }) => a.dateText)).toEqual(['10 ต.ค. 64', '10 ต.ค. 64']);
    expect(preview.operators).toHaveLength(3);
    expect(preview.missing).toContain('เพิ่มกิจกรรมอีก 1 ครั้ง');
    expect(preview.statement).toContain('ขอรับรองว่าข้อมูลรายงานประจำเดือน ตุลาคม 2564 ของ อ.ท่าบ่อ');

    const result = officer.sidebarSubmitMonthly('2021-10', true);
    expect(result).toEqual({
      needsConfirmation: false,
      message: 'ส่งรายงานประจำเดือน ตุลาคม 2564 ของ อ.ท่าบ่อ ถึงจังหวัดหนองคายเรียบร้อย (ตรงเวลา)',
    });
    const [record] = records(h);
    expect(record).toMatchObject({
      ส่งเมื่อ: '3 พ.ย. 64 เวลา 10:00 น.',
      อำเภอ: 'ท่าบ่อ',
      รายงาน: 'รายงานประจำเดือน ตุลาคม 2564',
      รหัสรายงาน: 'รายงานประจำเดือน ต.ค. ๖๔',
      กำหนดส่ง: '5 พฤศจิกายน 2564',
      การส่ง: 'ตรงเวลา',
      'ข้อมูล ณ วันที่': '31 ตุลาคม 2564',
      กิจกรรม: 2,
      ช่องทาง: 2,
      ผู้ประกอบการรายใหม่: 3,
      คะแนน: 2,
      ระดับ: 'พัฒนา',
      ผู้ส่ง: THA_BO,
      ส่งในนาม: 'อำเภอส่งเอง',
      ส่งถึง: 'จังหวัดหนองคาย',
      ครั้งที่: 1,
    });
    const snapshot = JSON.parse(String(field(record, 'ข้อมูลที่ส่ง')));
    expect(snapshot.duty).toBe('month:2021-10'); // the machine key, where officers do not read it
    expect(snapshot.activities.map((a: { activity: string }) => a.activity)).toEqual([
      'ตลาดนัด OTOP ครั้งที่ 1',
      'ตลาดนัด OTOP ครั้งที่ 2',
    ]);
    expect(String(field(record, 'รหัสตรวจสอบ'))).toMatch(/^[0-9a-f]{24}$/);
    // values only, protected, the named officers its editors
    const sheet = h.run.spreadsheet.getSheetByName(RECORDS)!;
    expect(
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    const ss = h.run.spreadsheet;
    expect(ss.canUserEdit(STRANGER, RECORDS, 2, 1)).toBe(false);
    expect(ss.canUserEdit(SANGKHOM, RECORDS, 2, 1)).toBe(true);

    expect(boardCell(h, 'ท่าบ่อ', 'ต.ค. 64')).toBe('ส่งแล้ว 3 พ.ย. 64');
    expect(boardCell(h, 'สังคม', 'ต.ค. 64')).toBe('ยังไม่ถึงกำหนด');
    expect(log(h).at(-1)?.slice(1, 5)).toEqual([
      THA_BO,
      'ส่งรายงานประจำเดือน ตุลาคม 2564',
      `อ.ท่าบ่อ ปีงบประมาณ 2565 ครั้งที่ 1 ตรงเวลา บันทึกในชีต "${RECORDS}"`,
      'สำเร็จ',
    ]);
    // the officer sees it met; the data check finds nothing wrong with the record
    const duties = h.as(THA_BO).gas.sidebarDuties();
    expect(duties.role).toBe('district');
    expect(duties.districts.map((d: { district: string }) => d.district)).toEqual(['ท่าบ่อ']);
    expect(duties.districts[0].duties[0]).toMatchObject({ state: 'onTime', text: 'ส่งแล้ว 3 พ.ย. 64' });
    expect(duties.districts[0].duties[0].submissions[0]).toMatchObject({ sentBy: THA_BO, to: 'จังหวัดหนองคาย' });
    expect(duties.reminders).toBeNull();
    const check = h.gas.sidebarCheckData();
    expect(check.problems.filter((p: { sheet: string }) => p.sheet === RECORDS)).toEqual([]);
  });

  test('late: the board and the record say by how many days', () => {
    const h = dutiesProvince(new Date(2021, 10, 8, 16, 0));
    expect(h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true).message).toContain('(ช้า 3 วัน)');
    expect(field(records(h)[0], 'การส่ง')).toBe('ช้า 3 วัน');
    expect(boardCell(h, 'ท่าบ่อ', 'ต.ค. 64')).toBe('ส่งช้า 3 วัน');
    expect(boardCell(h, 'สังคม', 'ต.ค. 64')).toBe('เลยกำหนด ยังไม่ส่ง');
    expect(
      h.gas.sidebarDuties().districts.map((d: { district: string; overdue: number }) => [d.district, d.overdue]),
    ).toEqual([
      ['สังคม', 1], // late districts first
      ['ท่าบ่อ', 0],
    ]);
  });

  test('again: asked first, then a second record; the first is kept and still decides on time', () => {
    const h = dutiesProvince(new Date(2021, 10, 4, 9, 0));
    const officer = () => h.as(THA_BO).gas;
    officer().sidebarSubmitMonthly('2021-10', true);
    typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '30/10/2564')); // a late entry for October
    at(h, 2021, 11, 9);
    const before = dump(h.run.spreadsheet);
    const asked = officer().sidebarSubmitMonthly('2021-10', true);
    expect(asked.needsConfirmation).toBe(true);
    expect(asked.message).toContain(
      'ส่งรายงานประจำเดือน ตุลาคม 2564 แล้ว 1 ครั้ง (ล่าสุด 4 พ.ย. 64 เวลา 09:00 น. โดย tha@district.example)',
    );
    expectSameDump(h.run.spreadsheet, before); // nothing written when asked
    expect(officer().sidebarPreviewSubmission('month', '2021-10').earlier).toHaveLength(1);
    const again = officer().sidebarSubmitMonthly('2021-10', true, '', true);
    expect(again.message).toContain('(ครั้งที่ 2 ฉบับเดิมยังเก็บไว้)');
    const rows = records(h);
    expect(rows.map((r) => [field(r, 'ครั้งที่'), field(r, 'กิจกรรม'), field(r, 'การส่ง')])).toEqual([
      [1, 2, 'ตรงเวลา'],
      [2, 3, 'ช้า 4 วัน'],
    ]);
    expect(boardCell(h, 'ท่าบ่อ', 'ต.ค. 64')).toBe('ส่งแล้ว 4 พ.ย. 64');
    const note = h.run.spreadsheet.getSheetByName(BOARD)!.getRange(5, 2).getNote();
    expect(note).toContain('ครั้งที่ 1: 4 พ.ย. 64 เวลา 09:00 น. โดย tha@district.example');
    expect(note).toContain('ครั้งที่ 2: 9 พ.ย. 64 เวลา 10:00 น. โดย tha@district.example');
  });

  test('the province on a district’s behalf: the record and the board say so', () => {
    const h = dutiesProvince(new Date(2021, 10, 5, 15, 0));
    expect(() => h.gas.sidebarSubmitMonthly('2021-10', true)).toThrow('กรุณาเลือกอำเภอ');
    expect(h.gas.sidebarPreviewSubmission('month', '2021-10', 'สังคม').onBehalf).toBe(true);
    expect(h.gas.sidebarSubmitMonthly('2021-10', true, 'สังคม').message).toContain('ของ อ.สังคม');
    h.as(PROVINCE_EDITOR).gas.sidebarSubmitMonthly('2021-10', true, 'อ.ท่าบ่อ');
    expect(records(h).map((r) => [field(r, 'อำเภอ'), field(r, 'ผู้ส่ง'), field(r, 'ส่งในนาม')])).toEqual([
      ['สังคม', OWNER, 'จังหวัดส่งแทนอำเภอ'],
      ['ท่าบ่อ', PROVINCE_EDITOR, 'จังหวัดส่งแทนอำเภอ'],
    ]);
    expect(h.run.spreadsheet.getSheetByName(BOARD)!.getRange(6, 2).getNote()).toContain(`โดย ${OWNER} (จังหวัดส่งแทน)`);
    expect(log(h).at(-1)?.[3]).toContain('(จังหวัดส่งแทน อ.ท่าบ่อ)');
    expect(() => h.gas.sidebarSubmitMonthly('2021-10', true, 'เชียงใหม่')).toThrow('ไม่พบ อ.เชียงใหม่ ในตารางอำเภอ');
  });
});

describe('refusals: a Thai message and nothing written', () => {
  /** Runs a call once: it must throw a Thai message containing `message` and change nothing. */
  const refused = (h: Harness, call: () => unknown, message: string) => {
    const before = dump(h.run.spreadsheet);
    let thrown = '';
    try {
      call();
    } catch (error) {
      thrown = (error as Error).message;
    }
    expect(thrown).toMatch(THAI);
    expect(thrown).toContain(message);
    expectSameDump(h.run.spreadsheet, before);
  };

  test('a district tries another district’s report', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    refused(h, () => h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true, 'สังคม'), 'จึงส่งรายงานแทน อ.สังคม ไม่ได้');
    refused(h, () => h.as(THA_BO).gas.sidebarPreviewSubmission('round', '1', 'สังคม'), 'แทน อ.สังคม ไม่ได้');
  });

  test('before the month has ended, before a round opens, a month outside the year, no statement ticked', () => {
    const h = dutiesProvince(new Date(2021, 9, 31, 23, 30));
    const officer = () => h.as(THA_BO).gas;
    refused(h, () => officer().sidebarSubmitMonthly('2021-10', true), 'ยังไม่สิ้นเดือน ส่งได้ตั้งแต่วันที่ 1 พฤศจิกายน 2564');
    at(h, 2022, 3, 17, 12);
    refused(h, () => officer().sidebarSubmitRound(1, true), 'ส่งได้ตั้งแต่วันที่ 18 มีนาคม 2565');
    refused(h, () => officer().sidebarSubmitRound(4, true), 'ไม่มีรอบที่ 4');
    refused(h, () => officer().sidebarSubmitMonthly('2022-10', true), 'ไม่อยู่ในปีงบประมาณ 2565');
    refused(h, () => officer().sidebarSubmitMonthly('2021-10', false), 'กรุณาทำเครื่องหมายรับรอง');
  });

  test('a hidden address and someone named nowhere', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    refused(h, () => hidden(h, THA_BO).sidebarSubmitMonthly('2021-10', true), 'Google ไม่เปิดเผยอีเมลของบัญชีนี้');
    refused(h, () => h.as(STRANGER).gas.sidebarSubmitMonthly('2021-10', true), `${STRANGER} ยังไม่อยู่ในรายชื่อ`);
    for (const gas of [hidden(h, THA_BO), h.as(STRANGER).gas]) {
      expect(gas.sidebarDuties()).toMatchObject({ role: 'unknown', districts: [], reminders: null });
    }
    refused(h, () => h.as(THA_BO).gas.sidebarSetReminders(true), 'ทำได้เฉพาะเจ้าของไฟล์');
  });

  test('with the lock held (twice at once): the second waits, then is refused; afterwards it is asked first', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    const first = h.book.createExecution({ user: SANGKHOM });
    expect(first.globals.LockService.getScriptLock().tryLock(1000)).toBe(true);
    refused(h, () => h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true), 'มีผู้ใช้อื่นกำลังทำงานกับสมุดงานนี้อยู่');
    first.end();
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    const before = dump(h.run.spreadsheet);
    expect(h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true).needsConfirmation).toBe(true);
    expectSameDump(h.run.spreadsheet, before);
    expect(records(h)).toHaveLength(1);
  });

  test('a failing service midway', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    h.gas.sidebarSubmitMonthly('2021-10', true, 'สังคม'); // the sheets exist
    let failed = 0; // the board's notes fail once (the undo's own write then succeeds)
    h.book.ledger.failWhen(
      (name) => name === 'Range.setNotes' && failed++ === 0,
      new Error('Service Spreadsheets timed out while accessing document with id 1abc.'),
    );
    refused(h, () => h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true), 'บริการของ Google ขัดข้อง');
    h.book.ledger.clearFaults();
    expect(records(h)).toHaveLength(1);
    // the seal chain is whole: the next submission and the data check agree
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    expect(h.gas.sidebarDuties().notices).toEqual([]);
  });
});

describe('a district submits a round summary', () => {
  test('from a week before the deadline; the province’s summary takes its figures and says so', () => {
    const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
    const ss = h.run.spreadsheet;
    const officer = h.as(THA_BO).gas;
    const preview = officer.sidebarPreviewSubmission('round', '1');
    expect(preview.cutOffText).toBe('20 มีนาคม 2565'); // before the deadline: as of today
    expect(preview.changes).toBeNull();
    expect(preview.activities).toHaveLength(3); // a round lists every counted entry up to its cut-off
    officer.sidebarSubmitRound(1, true);
    expect(boardCell(h, 'ท่าบ่อ', 'รอบที่ 1')).toBe('ส่งแล้ว 20 มี.ค. 65');
    // typed after the submission: the province's summary keeps the district's submitted figures
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 2, '22/03/2565'));
    typeRows(
      ss,
      'ออนไลน์ สังคม',
      onlineRows('สังคม', 1, 1, '22/03/2565').map((r) => [...r.slice(0, 2), 'NK-X', 'กลุ่มใหม่', ...r.slice(4)]),
    );
    at(h, 2022, 3, 26);
    h.gas.sidebarMakeRoundSummary(1);
    const values = sheetValues(h, 'สรุปผล รอบที่ 1');
    const header = values.find((r) => r[0] === 'ที่' && r[1] === 'อำเภอ')!; // the table's header, not the memo's ที่ line
    const row = (d: string) => values.find((r) => r[1] === d)!;
    const col = (name: string) => header.indexOf(name);
    expect(row('ท่าบ่อ')[col('ที่มาของข้อมูล')]).toBe('ตามที่อำเภอส่งเมื่อ 20 มี.ค. 65');
    expect(row('ท่าบ่อ')[col('กิจกรรม')]).toBe(3); // submitted, not the live 5
    expect(row('สังคม')[col('ที่มาของข้อมูล')]).toBe('ข้อมูลปัจจุบัน (อำเภอยังไม่ส่ง)');
    expect(row('สังคม')[col('ผู้ประกอบการรายใหม่')]).toBe(2); // live
    const total = row('รวมทั้งจังหวัด');
    expect(total[col('กิจกรรม')]).toBe(3);
    // the evidence is the district's submitted list
    const evidence = values.findIndex((r) => r[0] === 'อำเภอ' && r.includes('กิจกรรม')); // the activities' header
    const activity = values[evidence].indexOf('กิจกรรม');
    expect(
      values.slice(evidence + 1).filter((r) => r[0] === 'ท่าบ่อ' && String(r[activity]).startsWith('ตลาดนัด')),
    ).toHaveLength(3);
  });

  test('a submission row edited by hand is not counted and the data check points at it', () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
    // an officer (an editor of the sheet) changes a record by hand
    h.book.createExecution({ user: THA_BO }).spreadsheet.getSheetByName(RECORDS)!.getRange(2, 8).setValue(5);
    const notices = h.gas.sidebarDuties().notices;
    expect(notices).toEqual([expect.stringContaining(`ชีต "${RECORDS}" แถวที่ 2 ไม่ตรงกับรหัสตรวจสอบ`)]);
    at(h, 2021, 11, 6);
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true, '', true); // rebuilds the board
    expect(boardCell(h, 'ท่าบ่อ', 'ต.ค. 64')).toBe('เลยกำหนด ยังไม่ส่ง');
    expect(boardCell(h, 'สังคม', 'ต.ค. 64')).toBe('ส่งแล้ว 3 พ.ย. 64');
    const problems = h.gas.sidebarCheckData().problems.filter((p: { sheet: string }) => p.sheet === RECORDS);
    expect(problems.map((p: { row: number }) => p.row)).toEqual([2]);
  });
});
