/** Round summaries, monthly reports and sending, on the in-memory workbook through the bundle. */
import { dump, effectiveFormat } from '../../../../dev/fakes';
import { CRITERIA_2565, levelOfScore } from '../../../../src/kernel/criteria';
import { LABEL } from '../../../../src/kernel/settings';
import { FORM_ROWS } from '../../../../src/features/reports/sheets/officialForm';
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { type Harness, keptHarness, newHarness } from '../../../support/workbook';
import { expectSameDump } from '../../../support/sameDump';

/** A set-up workbook: ท่าบ่อ has 3 activities and 4 operators on 2 channels before round 1's deadline. */
function workbook(): Harness {
  return keptHarness('reports', buildWorkbook_);
}

function buildWorkbook_(): Harness {
  const h = newHarness({ editors: ['tha@district.example'] });
  h.gas.sidebarSetUp();
  const ss = h.run.spreadsheet;
  typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '25/03/2565'));
  typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 4, 2, '๒๕ มี.ค. ๖๕'));
  return h;
}

const row = <T extends unknown[]>(values: T[], district: string): T => values.find((r) => r[1] === district)!;

describe('round summary', () => {
  test('is a snapshot of values as of the deadline (inclusive), with bands, total and evidence', () => {
    const h = workbook();
    const ss = h.run.spreadsheet;
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 2, '26/03/2565')); // after the cut-off
    const made = h.gas.sidebarMakeRoundSummary(1);
    expect(made.sheet).toBe('สรุปผล รอบที่ 1');
    const sheet = ss.getSheetByName('สรุปผล รอบที่ 1')!;
    const values = sheet.getDataRange().getValues();
    expect(
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    const at = (row: number, column: number) => values[row - 1][column - 1];
    expect(at(FORM_ROWS.asOf, 3)).toBe('25 มีนาคม 2565'); // sheets: BE years, Arabic digits (README, digit policy)
    expect(values.at(-1)![0]).toContain('province@nongkhai.example'); // the footer: who made it
    expect(at(FORM_ROWS.status, 3)).toBe('ฉบับล่าสุด');
    const tha = row(values, 'ท่าบ่อ');
    expect(tha.slice(2, 13)).toEqual([74, 12, 5, 3, 4, 3, 2, 4, 5.41, 3, 'ปานกลาง']);
    const total = row(values, 'รวมทั้งจังหวัด');
    expect([total[2], total[3], total[4], total[6], total[7], total[9]]).toEqual([818, 118, 45, 41, 3, 4]);
    const r = values.indexOf(tha) + 1;
    const band = levelOfScore(CRITERIA_2565, 3).band;
    expect(effectiveFormat(sheet, r, 12)).toMatchObject({ background: band.background, fontColor: band.text });
    expect(effectiveFormat(sheet, r, 13)).toMatchObject({ background: band.background });
    const evidence = values.filter((v) => v[0] === 'ท่าบ่อ');
    expect(evidence).toHaveLength(3 + 4); // 3 activities up to the deadline, 4 operators
    expect(values.flat()).toContain('หลักฐาน: กิจกรรมส่งเสริมช่องทางการตลาดที่ไม่ใช้งบประมาณที่นับ (3 ครั้ง)');
    expect(sheet.getFrozenRows()).toBe(FORM_ROWS.tableHeader);
    // sized to its content: a kept report costs its cells, not a new sheet's 1 000 × 26
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([
      values.length,
      Math.max(...values.map((v) => v.length)),
    ]);
    expect(sheet.getMaxColumns()).toBeLessThan(26);
  });

  test('made again, the earlier snapshot is kept under a new name; entries typed later change only the new one', () => {
    const h = workbook();
    const ss = h.run.spreadsheet;
    h.gas.sidebarMakeRoundSummary(1);
    const first = ss.getSheetByName('สรุปผล รอบที่ 1')!.getDataRange().getValues();
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '20/03/2565')); // a late entry for the period
    const again = h.gas.sidebarMakeRoundSummary(1);
    expect(again.renamed).toMatch(/^สรุปผล รอบที่ 1 \(แทนที่ \d\d-\d\d-\d\d \d\d\.\d\d\)$/);
    const kept = ss.getSheetByName(again.renamed)!.getDataRange().getValues();
    expect(row(kept, 'ท่าบ่อ')).toEqual(row(first, 'ท่าบ่อ'));
    expect(kept[FORM_ROWS.status - 1][2]).toMatch(/^ฉบับเก่า/);
    const newest = ss.getSheetByName('สรุปผล รอบที่ 1')!.getDataRange().getValues();
    expect(row(newest, 'ท่าบ่อ')[7]).toBe(4);
    expect(newest[FORM_ROWS.status - 1][2]).toBe('ฉบับล่าสุด');
    const log = ss.getSheetByName('บันทึก')!.getDataRange().getValues();
    expect(log.filter((r) => r[2] === 'สร้างสรุปผล รอบที่ 1')).toHaveLength(2);
  });

  test('user text copied into the snapshot stays text', () => {
    const h = workbook();
    const ss = h.run.spreadsheet;
    // typed with a leading apostrophe, so Sheets keeps it as text in the entry sheet
    typeRows(ss, 'กิจกรรม ท่าบ่อ', [
      ['10/03/2565', 'ท่าบ่อ', '\'=IMPORTXML("http://x","//a")', "'+1", "'@me", 'ไม่ใช้', 1, 0, '', ''],
    ]);
    h.gas.sidebarMakeRoundSummary(1);
    const sheet = ss.getSheetByName('สรุปผล รอบที่ 1')!;
    expect(
      sheet
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(sheet.getDataRange().getValues().flat()).toContain('=IMPORTXML("http://x","//a")');
  });

  test('a district officer cannot make a summary, even by calling the function directly', () => {
    const h = workbook();
    const settings = h.run.spreadsheet.getSheetByName('ตั้งค่า')!;
    const rows = settings.getDataRange().getValues();
    settings.getRange(rows.findIndex((r) => r[0] === 'ผู้แก้ไข อ.ท่าบ่อ (อีเมล)') + 1, 2).setValue('tha@district.example');
    const before = dump(h.run.spreadsheet);
    const officer = h.as('tha@district.example');
    expect(() => officer.gas.sidebarMakeRoundSummary(1)).toThrow(
      'ทำได้เฉพาะเจ้าของไฟล์ (province@nongkhai.example) หรือผู้แก้ไขระดับจังหวัด',
    );
    expectSameDump(h.run.spreadsheet, before);
  });

  test('a sheet deleted midway leaves the workbook as it was and reports the error', () => {
    const h = workbook();
    const before = dump(h.run.spreadsheet);
    h.book.ledger.failWhen(
      (name) => name === 'Sheet.setFrozenRows',
      new Error('Service Spreadsheets timed out while accessing document'),
    );
    expect(() => h.gas.sidebarMakeRoundSummary(2)).toThrow('timed out');
    h.book.ledger.clearFaults();
    expectSameDump(h.run.spreadsheet, before);
  });
});

describe('monthly report', () => {
  test('figures as of the month’s last day and the change during the month', () => {
    const h = workbook();
    const ss = h.run.spreadsheet;
    typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '28/02/2565'));
    const made = h.gas.sidebarMakeMonthlyReport('2022-03');
    expect(made.sheet).toBe('รายงานประจำเดือน มีนาคม 2565');
    const values = ss.getSheetByName(made.sheet)!.getDataRange().getValues();
    expect(values[FORM_ROWS.asOf - 1][2]).toBe('31 มีนาคม 2565');
    expect(values[FORM_ROWS.intro - 1][0]).toContain('กำหนดส่งภายในวันที่ 5 เมษายน 2565');
    const tha = row(values, 'ท่าบ่อ');
    expect(tha.slice(2, 13)).toEqual([4, 3, 2, 2, 4, 4, 4, 5.41, 4, 'ดี', 'ต่ำกว่าเกณฑ์']); // 4 ≥ 3 = 4 % of 74
    expect(values.filter((v) => v[0] === 'ท่าบ่อ')).toHaveLength(3 + 4); // only March's entries in the lists
  });
});

describe('sending to the province', () => {
  test('a never-sent provisional monthly report: asked in its own words (issue 24), not "send again", not "the round"', () => {
    const h = workbook();
    h.book.clock.set(new Date(2022, 3, 18, 9, 30));
    const made = h.gas.sidebarMakeMonthlyReport('2022-04', true);
    expect(made.sheet).toContain('(ชั่วคราว)');
    const asked = h.gas.sidebarSend(made.sheet);
    expect(asked.needsConfirmation).toBe(true);
    expect(asked.message).toBe('รายงานนี้เป็นฉบับชั่วคราว ยังไม่สิ้นเดือน ไม่ใช่ฉบับส่งของเดือน ต้องการส่งหรือไม่');
    expect(h.book.sentMails).toHaveLength(0);
    h.gas.sidebarSend(made.sheet, true);
    // sent once: now it is "again"
    expect(h.gas.sidebarSend(made.sheet).message).toMatch(
      /^รายงานนี้ส่ง.*แล้ว และรายงานนี้เป็นฉบับชั่วคราว.* ต้องการส่งอีกครั้งหรือไม่$/,
    );
  });

  test('previews recipient and content, sends one HTML e-mail to the settings address, and logs it', () => {
    const h = workbook();
    h.gas.sidebarMakeRoundSummary(1);
    const preview = h.gas.sidebarPreviewSending('สรุปผล รอบที่ 1');
    expect(preview.to).toBe('Pennung61@gmail.com');
    expect(preview.html).toContain('background:#ffe599'); // ท่าบ่อ in yellow
    expect(preview.lineText.split('\n')).toHaveLength(10);
    expect(preview.lineText).toContain('🟡 ท่าบ่อ 3 คะแนน ปานกลาง');
    const result = h.gas.sidebarSend('สรุปผล รอบที่ 1');
    expect(result.message).toContain('เรียบร้อย');
    expect(h.book.sentMails).toHaveLength(1);
    expect(JSON.stringify(h.book.sentMails[0])).toContain('Pennung61@gmail.com');
    const log = h.run.spreadsheet.getSheetByName('บันทึก')!.getDataRange().getValues();
    expect(log.at(-1)!.slice(1, 4)).toEqual([
      'province@nongkhai.example',
      'ส่งรายงานถึงจังหวัด',
      '"สรุปผล รอบที่ 1" ถึง Pennung61@gmail.com',
    ]);
  });

  test('an exhausted mail quota sends nothing, changes nothing and says so in Thai', () => {
    const h = workbook();
    h.gas.sidebarMakeRoundSummary(1);
    h.book.setMailQuota(0);
    const before = dump(h.run.spreadsheet);
    expect(() => h.gas.sidebarSend('สรุปผล รอบที่ 1')).toThrow('ครบโควตา');
    expect(h.book.sentMails).toHaveLength(0);
    expectSameDump(h.run.spreadsheet, before);
  });

  test('operator names with HTML are escaped in the e-mail', () => {
    const h = workbook();
    const table = h.run.spreadsheet.getSheetByName('อำเภอ')!;
    table.getRange(4, 2).setValue('ท่าบ่อ<img src=x onerror=alert(1)>');
    const made = h.gas.sidebarMakeRoundSummary(1);
    const preview = h.gas.sidebarPreviewSending(made.sheet);
    expect(preview.html).not.toContain('<img');
    expect(preview.html).toContain('&#60;img');
  });
});

describe('the official form’s settings', () => {
  test('set-up adds the header and signature rows it misses, keeps what officers typed, and reports carry them', () => {
    const h = workbook();
    const ss = h.run.spreadsheet;
    const settings = ss.getSheetByName('ตั้งค่า')!;
    const rowOf = (label: string) =>
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === label) + 1;
    settings.getRange(rowOf(LABEL.reporterName), 2).setValue('นางสาวสมใจ ใจดี');
    settings.getRange(rowOf(LABEL.reference), 2).setValue("'นค 0019.3/123");
    settings.deleteRow(rowOf(LABEL.addressee)); // as if set up by the previous version
    expect(rowOf(LABEL.addressee)).toBe(0);
    h.gas.sidebarSetUp();
    const values = settings.getDataRange().getValues();
    expect(values.find((r) => r[0] === LABEL.addressee)?.[1]).toBe('พัฒนาการจังหวัดหนองคาย');
    expect(values.find((r) => r[0] === LABEL.reporterName)?.[1]).toBe('นางสาวสมใจ ใจดี');
    expect(values.find((r) => r[0] === LABEL.reference)?.[1]).toBe('นค 0019.3/123');
    const made = h.gas.sidebarMakeRoundSummary(1);
    const report = ss.getSheetByName(made.sheet)!.getDataRange().getValues();
    expect(report[FORM_ROWS.reference - 1][2]).toBe('นค 0019.3/123');
    expect(report.flat()).toContain('(นางสาวสมใจ ใจดี)');
    const sheet = ss.getSheetByName(made.sheet)!;
    expect(sheet.getRange(1, 1).getFontFamily()).toBe('Sarabun');
    h.gas.sidebarSend(made.sheet);
    const mail = h.book.sentMails[0];
    expect(mail.files.map((f) => [f.name, f.contentType])).toEqual([['สรุปผล รอบที่ 1.pdf', 'application/pdf']]);
    expect(mail.htmlBody).toContain('เรียน พัฒนาการจังหวัดหนองคาย');
    expect(mail.htmlBody).toContain('(นางสาวสมใจ ใจดี)');
  });
});
