/**
 * เริ่มปีงบประมาณใหม่ through the built bundle: a workbook living FY 2565 → 2566 → 2567 (entries,
 * submissions, reports, reminders, the switch, late September reports counted from the kept
 * entries, a baseline carried twice), and the switch as each role.
 */
import { dump } from '../../dev/fakes';
import { LABEL } from '../../src/kernel/settings';
import { onlineRows, typeRows } from '../support/entries';
import {
  dutiesProvince,
  loadCompiledBundle,
  PROVINCE_EDITOR,
  SANGKHOM,
  STRANGER,
  sheetValues,
  THA_BO,
  triggerResolver,
} from '../support/duties';
import { type Harness, OWNER } from '../support/workbook';

const RECORDS = 'การส่งรายงานของอำเภอ';

/** Sets the clock to a Bangkok moment. */
const at = (h: Harness, y: number, m: number, d: number, hour = 10) => h.book.clock.set(new Date(y, m - 1, d, hour, 0));

/** The whole workbook as text. */
const snapshot = (h: Harness) => JSON.stringify(dump(h.run.spreadsheet));

/** The sheets' names. */
const names = (h: Harness) => h.run.spreadsheet.getSheets().map((s) => s.getName());

/** A settings value. */
function setting(h: Harness, label: string): unknown {
  return sheetValues(h, 'ตั้งค่า').find((r) => r[0] === label)?.[1];
}

/** The rows of a sheet with something typed in them (header excluded). */
const dataRows = (h: Harness, name: string) =>
  sheetValues(h, name)
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));

/** The three round summaries of a year made by the province on their deadlines. */
function makeRounds(h: Harness, days: readonly (readonly [number, number, number])[]): void {
  days.forEach(([y, m, d], i) => {
    at(h, y, m, d, 18);
    expect(h.as(PROVINCE_EDITOR).gas.sidebarMakeRoundSummary(i + 1, true).needsConfirmation).toBe(false);
  });
}

/** A record's cells by header. */
function lastRecord(h: Harness): Record<string, unknown> {
  const [header, ...rows] = sheetValues(h, RECORDS);
  const row = rows[rows.length - 1];
  return Object.fromEntries(header.map((k, i) => [String(k), row[i]]));
}

/** A district's standing in the sidebar. */
const standing = (h: Harness, district: string) =>
  h.gas.sidebarState().standing.find((d: { district: string }) => d.district === district);

/** FY 2565 lived: ท่าบ่อ's October report and round 1, the three summaries. */
function fy2565(): Harness {
  const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
  h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
  at(h, 2022, 3, 20);
  h.as(THA_BO).gas.sidebarSubmitRound(1, true);
  makeRounds(h, [
    [2022, 3, 25],
    [2022, 5, 27],
    [2022, 9, 23],
  ]);
  return h;
}

describe('a workbook through FY 2565 → 2566 → 2567', () => {
  test('each year’s figures, duties and reports are its own; the baseline carried twice', () => {
    const h = fy2565();
    expect(standing(h, 'ท่าบ่อ')).toMatchObject({ newOperators: 3 });
    const before = h.run.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!.getDataRange().getValues();

    // 2 Oct 65: the switch, the year having ended and its summaries made: no question
    at(h, 2022, 10, 2);
    const first = h.as(PROVINCE_EDITOR).gas.sidebarStartNewFiscalYear();
    expect(first).toMatchObject({ needsConfirmation: false, fiscalYear: 2566 });
    expect(first.message).toContain('24 มี.ค. 66, 26 พ.ค. 66, 22 ก.ย. 66');
    expect(first.message).toMatch(/ปรับจำนวนผู้ประกอบการทั้งหมด/);
    expect(setting(h, LABEL.fiscalYear)).toBe(2566);
    expect([1, 2, 3].map((n) => setting(h, LABEL.round(n)))).toEqual(['24/03/2566', '26/05/2566', '22/09/2566']);
    expect(setting(h, LABEL.monthlyDueDay)).toBe(5);
    // the finished year readable: values in sheets named with the year, nothing deleted
    expect(names(h)).toEqual(
      expect.arrayContaining([
        'อำเภอ ปีงบ 2565',
        'กิจกรรม ท่าบ่อ ปีงบ 2565',
        'ออนไลน์ สังคม ปีงบ 2565',
        'ตั้งค่า ปีงบ 2565',
        'เกณฑ์ ปีงบ 2565',
        `${RECORDS} ปีงบ 2565`,
        'สรุปผล รอบที่ 1 ปีงบ 2565',
        'สรุปผล รอบที่ 3 ปีงบ 2565',
        'ฐาน ๒๕๖๔',
        'ฐาน ๒๕๖๕',
      ]),
    );
    expect(sheetValues(h, 'กิจกรรม ท่าบ่อ ปีงบ 2565')).toEqual(before);
    expect(
      h.run.spreadsheet
        .getSheetByName('อำเภอ ปีงบ 2565')!
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    // the entry sheets empty and ready, their officers as they were
    expect(dataRows(h, 'กิจกรรม ท่าบ่อ')).toEqual([]);
    expect(dataRows(h, 'ออนไลน์ ท่าบ่อ')).toEqual([]);
    const ss = h.run.spreadsheet;
    expect(ss.canUserEdit(THA_BO, 'กิจกรรม ท่าบ่อ', 2, 1)).toBe(true);
    expect(ss.canUserEdit(SANGKHOM, 'กิจกรรม ท่าบ่อ', 2, 1)).toBe(false);
    expect(ss.canUserEdit(THA_BO, 'กิจกรรม ท่าบ่อ ปีงบ 2565', 2, 1)).toBe(false);
    // the baseline carried: every operator counted new in 2565, each with where it came from
    const base2566 = dataRows(h, 'ฐาน ๒๕๖๕');
    expect(sheetValues(h, 'ฐาน ๒๕๖๕')[0]).toEqual(['อำเภอ', 'เลขทะเบียน OTOP', 'ชื่อผู้ประกอบการ / กลุ่ม', 'ที่มา']);
    expect(base2566).toHaveLength(4);
    expect(base2566.every((r) => /รายใหม่ปีงบประมาณ 2565 ของ อ\./.test(String(r[3])))).toBe(true);
    // headers the officers typed themselves are theirs: kept (set-up's own are relabelled: setupYear.test.ts)
    expect(sheetValues(h, 'อำเภอ')[0].slice(2, 4)).toEqual(['ผู้ประกอบการทั้งหมด', 'ส่งเสริมแล้ว']);
    expect(standing(h, 'ท่าบ่อ')).toMatchObject({ activities: 0, newOperators: 0 });
    expect(sheetValues(h, 'บันทึก').at(-1)?.slice(1, 3)).toEqual([PROVINCE_EDITOR, 'เริ่มปีงบประมาณใหม่']);

    // 3 Oct 65: the reminder of FY 2565's September report goes to both districts
    at(h, 2022, 10, 3, 7);
    h.gas.sidebarSetReminders(true);
    h.book.runDueTriggers(new Date(2022, 9, 3, 12, 0), { resolve: triggerResolver(h) });
    const mails = h.book.sentMails.filter((m) => m.to.includes(THA_BO));
    expect(mails.map((m) => m.htmlBody).join('\n')).toContain('กันยายน 2565');

    // 4 Oct: ท่าบ่อ's September 2565 report counts its kept 2565 entries; 7 Oct the province's for สังคม, late
    at(h, 2022, 10, 4);
    expect(h.as(THA_BO).gas.sidebarSubmitMonthly('2022-09', true).message).toContain('(ตรงเวลา)');
    expect(lastRecord(h)).toMatchObject({ อำเภอ: 'ท่าบ่อ', กิจกรรม: 3, ผู้ประกอบการรายใหม่: 3, การส่ง: 'ตรงเวลา' });
    at(h, 2022, 10, 7);
    expect(h.as(PROVINCE_EDITOR).gas.sidebarSubmitMonthly('2022-09', true, 'สังคม').message).toContain('(ช้า 2 วัน)');
    expect(lastRecord(h)).toMatchObject({ อำเภอ: 'สังคม', ผู้ประกอบการรายใหม่: 1, ส่งในนาม: 'จังหวัดส่งแทนอำเภอ' });

    // FY 2566: ท่าบ่อ puts five operators online; three were counted in 2565 (now the baseline)
    at(h, 2023, 1, 15);
    typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 5, 2, '12/01/2566'));
    expect(standing(h, 'ท่าบ่อ')).toMatchObject({ newOperators: 2 });
    at(h, 2023, 3, 20);
    expect(h.as(THA_BO).gas.sidebarSubmitRound(1, true).needsConfirmation).toBe(false);
    makeRounds(h, [
      [2023, 3, 24],
      [2023, 5, 26],
      [2023, 9, 22],
    ]);

    // 1 Oct 66: the second switch carries the carried baseline on
    at(h, 2023, 10, 1);
    expect(h.as(OWNER).gas.sidebarStartNewFiscalYear()).toMatchObject({ needsConfirmation: false, fiscalYear: 2567 });
    const base2567 = dataRows(h, 'ฐาน ๒๕๖๖');
    expect(base2567).toHaveLength(6);
    expect(base2567.filter((r) => /รายใหม่ปีงบประมาณ 2565/.test(String(r[3])))).toHaveLength(4);
    expect(base2567.filter((r) => /รายใหม่ปีงบประมาณ 2566/.test(String(r[3])))).toHaveLength(2);
    expect([1, 2, 3].map((n) => setting(h, LABEL.round(n)))).toEqual(['22/03/2567', '24/05/2567', '27/09/2567']);
    expect(names(h)).toEqual(expect.arrayContaining(['สรุปผล รอบที่ 1 ปีงบ 2566', 'ออนไลน์ ท่าบ่อ ปีงบ 2566']));

    // FY 2567: seven operators online, five in the baseline; FY 2566's September report from its kept entries
    at(h, 2023, 10, 3);
    expect(h.as(THA_BO).gas.sidebarSubmitMonthly('2023-09', true).message).toContain('(ตรงเวลา)');
    expect(lastRecord(h)).toMatchObject({ อำเภอ: 'ท่าบ่อ', ผู้ประกอบการรายใหม่: 2, รหัสรายงาน: 'รายงานประจำเดือน ก.ย. ๖๖' });
    typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 7, 2, '02/10/2566'));
    expect(standing(h, 'ท่าบ่อ')).toMatchObject({ newOperators: 2 });
    const duties = h.as(THA_BO).gas.sidebarDuties();
    expect(duties.fiscalYear).toBe(2567);
    const round1 = duties.districts[0].duties.find(
      (d: { kind: string; period: string }) => d.kind === 'round' && d.period === '1',
    );
    expect(round1).toMatchObject({ fiscalYear: 2567, state: 'notYetDue', submissions: [] });
    // every record still verifies
    const check = h.gas.sidebarCheckData();
    expect(check.problems.filter((p: { sheet: string }) => p.sheet === RECORDS || p.sheet === 'บันทึก')).toEqual([]);
  });
});

describe('the switch as each role', () => {
  test('a district officer, someone named nowhere and a hidden e-mail are refused in Thai; nothing changes', () => {
    const h = fy2565();
    at(h, 2022, 10, 2);
    const before = snapshot(h);
    expect(() => h.as(THA_BO).gas.sidebarStartNewFiscalYear(true)).toThrow(/การเริ่มปีงบประมาณใหม่ทำได้เฉพาะ/);
    expect(() => h.as(STRANGER).gas.sidebarStartNewFiscalYear(true)).toThrow(/ทำได้เฉพาะ/);
    const hidden = h.book.createExecution({ user: SANGKHOM, hideEmail: true });
    expect(() => loadCompiledBundle({ ...hidden.globals }, h.book.clock.now).sidebarStartNewFiscalYear(true)).toThrow(
      /ทำได้เฉพาะเจ้าหน้าที่ระดับจังหวัด/,
    );
    expect(snapshot(h)).toBe(before);
  });

  test('before the year ends the province is asked, nothing written until it confirms', () => {
    const h = fy2565();
    at(h, 2022, 9, 26);
    const before = snapshot(h);
    const asked = h.as(PROVINCE_EDITOR).gas.sidebarStartNewFiscalYear();
    expect(asked.needsConfirmation).toBe(true);
    expect(asked.message).toMatch(/ปีงบประมาณ 2565 ยังไม่สิ้นสุด.*ต้องการเริ่มปีงบประมาณ 2566 ตอนนี้หรือไม่/);
    expect(snapshot(h)).toBe(before);
    expect(h.as(PROVINCE_EDITOR).gas.sidebarStartNewFiscalYear(true)).toMatchObject({ fiscalYear: 2566 });
  });

  test('a round summary of the year missing: the province is asked which', () => {
    const h = dutiesProvince(new Date(2022, 2, 25, 18, 0));
    h.as(PROVINCE_EDITOR).gas.sidebarMakeRoundSummary(1, true);
    at(h, 2022, 10, 2);
    const before = snapshot(h);
    const asked = h.as(OWNER).gas.sidebarStartNewFiscalYear();
    expect(asked).toMatchObject({ needsConfirmation: true });
    expect(asked.message).toContain('ยังไม่ได้จัดทำสรุปผล รอบที่ 2, รอบที่ 3 ของปีงบประมาณ 2565');
    expect(snapshot(h)).toBe(before);
  });
});
