/**
 * An officer named for two districts (acting for a vacant one), through the built bundle: every
 * district action — the duties view, preview, submit, the data check, the reminders — works for
 * each district they are named for; a district they are not named for is refused in Thai and
 * changes nothing (dumps compared).
 */
import { LABEL } from '../../src/kernel/settings';
import { dutiesProvince, nameInSettings, SANGKHOM, sheetValues, THA_BO } from '../support/duties';
import { dumpText } from '../support/journey';
import type { Harness } from '../support/workbook';

/** 3 Nov 2564: ท่าบ่อ's officer also named for สังคม (whose post is vacant); set-up run again. */
function acting(): Harness {
  const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
  nameInSettings(h, LABEL.districtEditors('สังคม'), THA_BO);
  h.gas.sidebarSetUp();
  return h;
}

describe('an officer named for two districts', () => {
  test('sees both districts’ duties and is told they serve both', () => {
    const h = acting();
    const officer = h.as(THA_BO).gas;
    expect(officer.sidebarDuties().districts.map((d: { district: string }) => d.district)).toEqual(['ท่าบ่อ', 'สังคม']);
    expect(officer.sidebarState().user).toMatchObject({ role: 'district', districts: ['ท่าบ่อ', 'สังคม'] });
  });

  test('previews and submits for the second district as well as the first', () => {
    const h = acting();
    const officer = h.as(THA_BO).gas;
    const preview = officer.sidebarPreviewSubmission('month', '2021-10', 'สังคม');
    expect(preview).toMatchObject({ district: 'สังคม', onBehalf: false });
    expect(preview.figures.newOperators).toBe(1); // สังคม's own entry, not ท่าบ่อ's
    const second = officer.sidebarSubmitMonthly('2021-10', true, 'สังคม');
    expect(second.message).toContain('ของ อ.สังคม');
    const first = h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    expect(first.message).toContain('ของ อ.ท่าบ่อ');
    const duties = h.as(THA_BO).gas.sidebarDuties().districts;
    for (const d of duties) {
      const october = d.duties.find((x) => x.kind === 'month' && x.period === '2021-10');
      expect([d.district, october?.state]).toEqual([d.district, 'onTime']);
    }
    const log = sheetValues(h, 'บันทึก').map((r) => String(r[3]));
    expect(log.some((t) => t.includes('อ.สังคม ปีงบประมาณ 2565 ครั้งที่ 1'))).toBe(true);
    expect(log.some((t) => t.includes('อ.ท่าบ่อ ปีงบประมาณ 2565 ครั้งที่ 1'))).toBe(true);
  });

  test('a district they are not named for is refused in Thai and nothing changes', () => {
    const h = acting();
    const before = dumpText(h);
    expect(() => h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true, 'โพนพิสัย')).toThrow(
      'เป็นเจ้าหน้าที่ของ อ.ท่าบ่อ, อ.สังคม จึงส่งรายงานแทน อ.โพนพิสัย ไม่ได้',
    );
    expect(() => h.as(THA_BO).gas.sidebarPreviewSubmission('month', '2021-10', 'โพนพิสัย')).toThrow(/ไม่ได้/);
    expect(dumpText(h)).toBe(before);
    // สังคม's own officer, named for one district only, still cannot submit for ท่าบ่อ
    nameInSettings(h, LABEL.districtEditors('สังคม'), SANGKHOM);
    const again = dumpText(h);
    expect(() => h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true, 'ท่าบ่อ')).toThrow(/ไม่ได้/);
    expect(dumpText(h)).toBe(again);
  });

  test('runs the data check, which covers both districts’ sheets', () => {
    const h = acting();
    const report = h.as(THA_BO).gas.sidebarCheckData();
    expect(report.message).toBeTruthy();
    expect(sheetValues(h, 'บันทึก').some((r) => r[1] === THA_BO && r[2] === 'ตรวจข้อมูล')).toBe(true);
  });

  test('is reminded of both districts in one e-mail a day', () => {
    const h = acting();
    h.gas.sidebarSetReminders(true);
    h.book.clock.set(new Date(2021, 10, 6, 8, 0)); // both districts' October overdue
    h.gas.remindDistricts();
    const mine = h.book.sentMails.filter((m) => m.to.includes(THA_BO));
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toContain('อ.ท่าบ่อ, อ.สังคม');
    expect(mine[0].body).toContain('รายงานต่อไปนี้ของ อ.ท่าบ่อ');
    expect(mine[0].body).toContain('รายงานต่อไปนี้ของ อ.สังคม');
    h.gas.remindDistricts(); // fired again: nothing more
    expect(h.book.sentMails.filter((m) => m.to.includes(THA_BO))).toHaveLength(1);
  });
});
