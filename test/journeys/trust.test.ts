/**
 * The trust model's failures, one test each, through the built bundle: rights kept in step
 * with the settings and logged; no role check failing open (hidden e-mails, shared drives);
 * the add-on acting only on the sheets it made; a row counting only for its sheet's district;
 * the log as evidence.
 */
import { LABEL } from '../../src/kernel/settings';
import { onlineRows, typeRows } from '../support/entries';
import {
  dumpText,
  journeyWorkbook,
  logRows,
  PROVINCE,
  REMOVED,
  SANGKHOM,
  setSetting,
  THA_BO,
} from '../support/journey';
import { districtStanding, newHarness, OWNER } from '../support/workbook';

const THAI = /[\u0e00-\u0e7f]/;
const editorsOf = (h: ReturnType<typeof journeyWorkbook>, sheet: string) =>
  h.run.spreadsheet
    .getSheetByName(sheet)!
    .getProtections(h.run.globals.SpreadsheetApp.ProtectionType.SHEET)[0]
    .getEditors()
    .map((u) => u.getEmail());

describe('set-up keeps every protection in step with the settings, and says so', () => {
  test('naming officers gives them their sheets, the problem list and the log; removing one takes it all back', () => {
    const h = newHarness({ editors: [PROVINCE, THA_BO, REMOVED] });
    h.gas.sidebarSetUp();
    setSetting(h, LABEL.provinceEditors, PROVINCE);
    setSetting(h, LABEL.districtEditors('ท่าบ่อ'), `${THA_BO}, ${REMOVED}`);
    const named = h.gas.sidebarSetUp();
    expect(named.rights).toEqual(
      expect.arrayContaining([
        `ให้สิทธิ์ ${THA_BO} แก้ไขชีต "กิจกรรม ท่าบ่อ"`,
        `ให้สิทธิ์ ${REMOVED} แก้ไขชีต "ออนไลน์ ท่าบ่อ"`,
        `ให้สิทธิ์ ${THA_BO} แก้ไขชีต "บันทึก"`,
        `ให้สิทธิ์ ${PROVINCE} แก้ไขชีต "อำเภอ"`,
      ]),
    );
    expect(
      logRows(h)
        .filter((r) => r[2] === 'ให้สิทธิ์')
        .map((r) => r[3]),
    ).toEqual(named.rights.filter((r: string) => r.startsWith('ให้')));
    h.as(REMOVED).gas.sidebarCheckData(); // the officer can check and log while named
    expect(editorsOf(h, 'ปัญหาข้อมูล')).toContain(REMOVED);

    setSetting(h, LABEL.districtEditors('ท่าบ่อ'), THA_BO);
    const removed = h.gas.sidebarSetUp();
    expect(removed.rights).toEqual(
      expect.arrayContaining([
        `ถอนสิทธิ์ ${REMOVED} ไม่ให้แก้ไขชีต "กิจกรรม ท่าบ่อ"`,
        `ถอนสิทธิ์ ${REMOVED} ไม่ให้แก้ไขชีต "ออนไลน์ ท่าบ่อ"`,
        `ถอนสิทธิ์ ${REMOVED} ไม่ให้แก้ไขชีต "บันทึก"`,
        `ถอนสิทธิ์ ${REMOVED} ไม่ให้แก้ไขชีต "ปัญหาข้อมูล"`,
      ]),
    );
    for (const sheet of ['กิจกรรม ท่าบ่อ', 'ออนไลน์ ท่าบ่อ', 'บันทึก', 'ปัญหาข้อมูล']) {
      expect(editorsOf(h, sheet)).not.toContain(REMOVED);
    }
    expect(logRows(h).some((r) => r[2] === 'ถอนสิทธิ์' && String(r[3]).includes(REMOVED))).toBe(true);
  });
});

describe('no role check fails open', () => {
  test('a caller whose e-mail Google hides is refused set-up, even on a new workbook', () => {
    const h = newHarness({ editors: ['someone@gmail.example'] });
    const hidden = h.as('someone@gmail.example', { hideEmail: true });
    const before = dumpText(h);
    expect(() => hidden.gas.sidebarSetUp()).toThrow(/Google ไม่เปิดเผยอีเมล/);
    expect(dumpText(h)).toBe(before);
    // even the owner, if Google hid the owner's address
    expect(() => h.as(OWNER, { hideEmail: true }).gas.sidebarSetUp()).toThrow(THAI);
    expect(dumpText(h)).toBe(before);
  });

  test('a shared-drive workbook (no owner) needs its first province editor named by hand', () => {
    const first = 'lead@nongkhai.example';
    const other = 'clerk@nongkhai.example';
    const h = newHarness({ owner: null, editors: [first, other] });
    expect(h.run.globals.SpreadsheetApp.getActive().getOwner()).toBeNull();
    const before = dumpText(h);
    expect(() => h.gas.sidebarSetUp()).toThrow(/ไดรฟ์ที่แชร์.*ช่อง A1/);
    expect(dumpText(h)).toBe(before);
    // the lead types the settings sheet by hand, as the message says
    const settings = h.run.spreadsheet.insertSheet('ตั้งค่า');
    settings.getRange(1, 1, 1, 2).setValues([[LABEL.provinceEditors, first]]);
    expect(() => h.as(other).gas.sidebarSetUp()).toThrow(/ทำได้เฉพาะผู้แก้ไขระดับจังหวัด/);
    const report = h.as(first).gas.sidebarSetUp();
    expect(report.created.length).toBeGreaterThan(10);
    expect(editorsOf(h as never, 'อำเภอ')).toEqual([first]);
  });
});

describe('the add-on acts only on sheets it made', () => {
  test('officers’ own sheets named like the problem list and the log are left alone', () => {
    const h = newHarness({ editors: [THA_BO] });
    const ss = h.run.spreadsheet;
    ss.insertSheet('บันทึก').getRange(1, 1).setValue('บันทึกการประชุมของอำเภอ');
    ss.insertSheet('ปัญหาข้อมูล').getRange(1, 1).setValue('ปัญหาที่พบในหมู่บ้าน');
    const report = h.gas.sidebarSetUp();
    expect(report.warnings.join('\n')).toContain('มีชีตชื่อ "บันทึก" ที่ไม่ได้สร้างจากส่วนเสริมอยู่แล้ว');
    const check = h.gas.sidebarCheckData();
    expect(check.message).toContain('ปัญหาข้อมูล (OTOP)');
    expect(ss.getSheetByName('บันทึก')!.getDataRange().getValues()).toEqual([['บันทึกการประชุมของอำเภอ']]);
    expect(ss.getSheetByName('ปัญหาข้อมูล')!.getDataRange().getValues()).toEqual([['ปัญหาที่พบในหมู่บ้าน']]);
    expect(ss.getSheetByName('บันทึก (OTOP)')!.getRange(1, 1, 1, 3).getValues()[0]).toEqual(['เวลา', 'ผู้ใช้', 'การทำงาน']);
  });

  test('a forged summary is not listed, previewed or sent; the real one gets another name', () => {
    const h = journeyWorkbook();
    const forged = h.as(PROVINCE).run.spreadsheet.insertSheet('สรุปผล รอบที่ 2');
    forged.getRange(1, 1, 2, 3).setValues([
      ['ที่', 'อำเภอ', 'คะแนน'],
      [1, 'ท่าบ่อ', 5],
    ]);
    const province = h.as(PROVINCE).gas;
    expect(province.sidebarState().reports.map((r: { sheet: string }) => r.sheet)).not.toContain('สรุปผล รอบที่ 2');
    expect(() => province.sidebarPreviewSending('สรุปผล รอบที่ 2')).toThrow(/ไม่พบรายงาน/);
    expect(() => province.sidebarSend('สรุปผล รอบที่ 2', true)).toThrow(/ไม่พบรายงาน/);
    const made = province.sidebarMakeRoundSummary(2);
    expect(made.sheet).toBe('สรุปผล รอบที่ 2 (OTOP)');
    expect(forged.getRange(2, 3).getValue()).toBe(5);
    // a copy of a real report carries its marker along, but is still not a report
    h.run.spreadsheet.getSheetByName('สรุปผล รอบที่ 1')!.copyTo(h.run.spreadsheet);
    const listed = province.sidebarState().reports.map((r: { sheet: string }) => r.sheet);
    expect(listed.filter((name: string) => name.includes('สรุปผล รอบที่ 1'))).toEqual(['สรุปผล รอบที่ 1']);
  });

  test('a renamed entry sheet is still its district’s; a same-named new one is not counted', () => {
    const h = journeyWorkbook();
    const ss = h.run.spreadsheet;
    const before = districtStanding(h.gas, 'ท่าบ่อ');
    ss.getSheetByName('ออนไลน์ ท่าบ่อ')!.setName('ออนไลน์ท่าบ่อ ปี65');
    const impostor = ss.insertSheet('ออนไลน์ ท่าบ่อ');
    impostor.getRange(1, 1, 2, 9).setValues([
      ['วันที่', 'อำเภอ', 'เลขทะเบียน OTOP', 'ชื่อผู้ประกอบการ / กลุ่ม', 'ผลิตภัณฑ์', 'ช่องทาง', 'ลิงก์', 'ยอดจำหน่าย (บาท)', 'หมายเหตุ'],
      ['01/03/2565', 'ท่าบ่อ', 'X-1', 'ปลอม', 'ผ้า', 'Facebook', '', '', ''],
    ]);
    const report = h.gas.sidebarSetUp();
    expect(report.warnings.join('\n')).toContain('ถูกเปลี่ยนชื่อเป็น "ออนไลน์ท่าบ่อ ปี65"');
    expect(report.warnings.join('\n')).toContain('ไม่ใช่ชีตของส่วนเสริม');
    expect(report.created).toEqual([]);
    const after = districtStanding(h.gas, 'ท่าบ่อ');
    expect(after.newOperators).toBe(before.newOperators);
    expect(ss.getSheetByName('อำเภอ')!.getRange(2, 10).getValue()).toBe(before.newOperators); // the table agrees
  });
});

describe('a row counts only for the district whose sheet it is in', () => {
  const standingOf = (h: ReturnType<typeof journeyWorkbook>, district: string) => districtStanding(h.gas, district);

  test('another district’s name in the district cell does not move a row there', () => {
    const h = journeyWorkbook();
    const tha = standingOf(h, 'ท่าบ่อ');
    const sang = standingOf(h, 'สังคม');
    typeRows(h.as(SANGKHOM).run.spreadsheet, 'กิจกรรม สังคม', [
      ['01/03/2565', 'ท่าบ่อ', 'งานที่ย้ายไม่ได้', 'ตลาด', 'อำเภอ', 'ไม่ใช้', 5, 100, '', ''],
    ]);
    expect(standingOf(h, 'ท่าบ่อ').activities).toBe(tha.activities);
    expect(standingOf(h, 'สังคม').activities).toBe(sang.activities + 1);
  });

  test('another district cannot take or merge an operator; the second claimer is pointed out', () => {
    const h = journeyWorkbook();
    h.as(THA_BO).gas.sidebarCheckData(); // ท่าบ่อ's numbers are recorded as ท่าบ่อ's
    const tha = standingOf(h, 'ท่าบ่อ');
    const [first, second] = onlineRows('ท่าบ่อ', 2, 1).map((r) => r[2]);
    typeRows(h.as(SANGKHOM).run.spreadsheet, 'ออนไลน์ สังคม', [
      ['01/10/2564', 'ท่าบ่อ', first, 'กลุ่มเดียวกัน', 'ผ้า', 'Facebook', '', '', ''],
      ['01/10/2564', 'สังคม', second, 'กลุ่มเดียวกัน', 'ผ้า', 'LINE', '', '', ''],
    ]);
    expect(standingOf(h, 'ท่าบ่อ')).toEqual(tha);
    const problems = h.as(THA_BO).gas.sidebarCheckData().problems;
    const claimed = problems.filter((p: { message: string }) => p.message.includes('บันทึกไว้ก่อนแล้ว'));
    expect(claimed.length).toBe(2);
    expect(claimed.every((p: { sheet: string }) => p.sheet === 'ออนไลน์ สังคม')).toBe(true);
  });
});

describe('the log is evidence', () => {
  test('an edit by hand, a deleted row and a deleted log are found; a new log says the old one went missing', () => {
    const h = journeyWorkbook();
    const log = () => h.run.spreadsheet.getSheetByName('บันทึก')!;
    expect(h.gas.sidebarCheckData().problems.filter((p: { sheet: string }) => p.sheet === 'บันทึก')).toEqual([]);
    log().getRange(3, 4).setValue('แก้ไขด้วยมือ');
    const edited = h.gas.sidebarCheckData().problems.filter((p: { sheet: string }) => p.sheet === 'บันทึก');
    expect(edited).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining('ไม่ตรงกับรหัสตรวจสอบ') }),
    ]);

    const h2 = journeyWorkbook();
    const rows = h2.run.spreadsheet.getSheetByName('บันทึก')!.getLastRow();
    h2.run.spreadsheet.getSheetByName('บันทึก')!.deleteRow(rows);
    const cut = h2.gas.sidebarCheckData().problems.filter((p: { sheet: string }) => p.sheet === 'บันทึก');
    expect(cut[0].message).toContain('แถวท้ายถูกลบหรือเพิ่มด้วยมือ');

    const h3 = journeyWorkbook();
    const kept = logRows(h3).length;
    h3.run.spreadsheet.deleteSheet(h3.run.spreadsheet.getSheetByName('บันทึก')!);
    const gone = h3.gas.sidebarCheckData().problems.filter((p: { sheet: string }) => p.sheet === 'บันทึก');
    expect(gone[0].message).toContain(`ชีตบันทึกถูกลบ (เคยมี ${kept} แถว)`);
    expect(logRows(h3)[0].slice(2, 4)).toEqual(['เริ่มบันทึกใหม่', `ชีตบันทึกเดิม (${kept} แถว) หายไปจากสมุดงาน`]);
  });
});
