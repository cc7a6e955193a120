/**
 * The self-check's sample report PDF (issue 24, finding 9), through the built bundle against the
 * stand-in: made by the real reports' route (the add-on's HTML page through Blob.getAs, whose
 * stand-in keeps the source HTML after its marker) and e-mailed only to the person running it,
 * with the result sheet's link and what to look at; the result sheet and its JSON say what
 * became of it. Per role: the owner and a province editor get it; a district officer, an editor
 * named nowhere and a hidden e-mail are refused, nothing changes and nothing is sent. A refused
 * conversion, a used-up mail quota and a failed e-mail are told, and the findings still written.
 */
import { dump, FAKE_PDF_MARKER, type SentMail } from '../../../../dev/fakes';
import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import { LABEL } from '../../../../src/kernel/settings';
import { JSON_TITLE, TECHNICAL_TITLE } from '../../../../src/features/selfCheck/sheets/diagnosticsSheet';
import { SAMPLE_CHECKS, SAMPLE_PDF_NAME } from '../../../../src/features/selfCheck/sheets/samplePdf';
import { SHEET } from '../../../../src/features/setup/sheets/sheetNames';
import { loadBundle } from '../../../support/loadBundle';
import { type Harness, newHarness, OWNER } from '../../../support/workbook';
import { expectSameDump } from '../../../support/sameDump';

const OFFICER = 'tha@district.example';
const EDITOR = 'pcd@nongkhai.example';
const STRANGER = 'stranger@example.com';

/** A set-up workbook naming a province editor and Tha Bo's officer (set-up run again). */
function named(): Harness {
  const h = newHarness({ editors: [OFFICER, EDITOR, STRANGER] });
  h.gas.sidebarSetUp();
  const settings = h.run.spreadsheet.getSheetByName(SHEET.settings)!;
  const put = (label: string, email: string) => {
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === label) + 1;
    settings.getRange(row, 2).setValue(email);
  };
  put(LABEL.provinceEditors, EDITOR);
  put(LABEL.districtEditors('ท่าบ่อ'), OFFICER);
  h.gas.sidebarSetUp();
  return h;
}

/** The result sheet's rows and JSON block. */
function result(h: Harness): { rows: unknown[][]; json: any } {
  const rows = h.book.spreadsheet.getSheetByName(SHEET.diagnostics)!.getDataRange().getValues();
  const at = rows.findIndex((r) => r[0] === JSON_TITLE);
  return { rows, json: JSON.parse(String(rows[at + 1][0])) };
}

/** The HTML page a stand-in "PDF" was made from. */
function sourceOf(mail: SentMail): string {
  const text = Buffer.from(mail.files[0].bytes).toString('utf8');
  expect(text.startsWith(FAKE_PDF_MARKER)).toBe(true);
  return text.slice(text.indexOf('\n') + 1);
}

describe('the self-check e-mails a sample report PDF to whoever runs it', () => {
  test.each([
    ['the owner', OWNER],
    ['a province editor', EDITOR],
  ])('%s gets one e-mail, to them only, with the PDF, what to look at and the sheet link', (_who, user) => {
    const h = named();
    const sent = h.book.sentMails.length;
    const me = user === OWNER ? h : h.as(user);
    me.gas.runDiagnostics();
    const mails = h.book.sentMails.slice(sent);
    expect(mails.map((m) => [m.from, m.to, m.cc, m.bcc])).toEqual([[user, [user], [], []]]);
    const [mail] = mails;
    expect(mail.files.map((f) => [f.name, f.contentType])).toEqual([[`${SAMPLE_PDF_NAME}.pdf`, 'application/pdf']]);
    // the real reports' page: the memo, the header words, each level as text and in its colour
    const page = sourceOf(mail);
    expect(page).toContain('บันทึกข้อความ');
    expect(page).toMatch(/>ที่<\/th><td[^>]*>นค 0019\.3\/\.{8}<\/td>/);
    expect(page).not.toMatch(/<link|<script/);
    for (const level of [...CRITERIA_2565.levels, CRITERIA_2565.below]) {
      expect(page).toMatch(
        new RegExp(`background(?:-color)?:\\s*${level.band.background}[^>]*>\\s*${level.name}\\s*<`, 'i'),
      );
    }
    // the e-mail: what to look at, to forward it, and the result sheet's link
    const link = `${h.book.spreadsheet.getUrl()}#gid=${h.book.spreadsheet.getSheetByName(SHEET.diagnostics)!.getSheetId()}`;
    for (const check of SAMPLE_CHECKS) {
      expect(mail.body).toContain(check);
      expect(mail.htmlBody).toContain(check);
    }
    expect(mail.body).toContain('ส่งต่อ');
    expect(mail.body).toContain(link);
    expect(mail.htmlBody).toContain(`href="${link}"`);
    // the sheet says where it went, under the Thai summary; the JSON says it was made and sent
    const { rows, json } = result(h);
    expect(String(rows[3][0])).toBe(
      `PDF ตัวอย่าง: ส่งทางอีเมลถึง ${user} แล้ว กรุณาเปิดไฟล์แนบ ดูตามรายการในอีเมล แล้วส่งต่ออีเมลนั้นถึงผู้ดูแลระบบ`,
    );
    expect(json.samplePdf).toEqual({ made: true, sent: true });
  });

  test.each([
    ['a district officer', OFFICER, {}, 'ทำได้เฉพาะเจ้าของไฟล์'],
    ['an editor named nowhere', STRANGER, {}, 'ทำได้เฉพาะเจ้าของไฟล์'],
    ['a hidden e-mail', OFFICER, { hideEmail: true }, 'Google ไม่เปิดเผยอีเมลของบัญชีนี้'],
  ])('%s is refused in Thai: nothing changes and nothing is sent', (_who, user, options, message) => {
    const h = named();
    const before = dump(h.run.spreadsheet);
    const sent = h.book.sentMails.length;
    expect(() => h.as(user, options).gas.runDiagnostics()).toThrow(message);
    expectSameDump(h.run.spreadsheet, before);
    expect(h.book.sentMails).toHaveLength(sent);
  });

  test('a hidden e-mail, even of the owner, is refused and sent nothing', () => {
    const h = newHarness();
    const run = h.book.createExecution({ user: OWNER, hideEmail: true });
    const gas = loadBundle({ ...run.globals }, { now: h.book.clock.now });
    expect(() => gas.runDiagnostics()).toThrow('Google ไม่เปิดเผยอีเมลของบัญชีนี้');
    expect(h.book.sentMails).toHaveLength(0);
  });
});

describe('when the sample cannot go, the officer is told and the findings are still written', () => {
  test('the conversion refused: no e-mail; the sheet and the JSON say so', () => {
    const h = newHarness();
    h.book.ledger.failWhen(
      (name) => name === 'Blob.getAs',
      new Error('Conversion from text/html to application/pdf failed.'),
    );
    h.gas.runDiagnostics();
    h.book.ledger.clearFaults();
    expect(h.book.sentMails).toHaveLength(0);
    const { rows, json } = result(h);
    expect(String(rows[3][0])).toMatch(/^PDF ตัวอย่าง: Google แปลงเป็น PDF ไม่สำเร็จ .*Conversion from text\/html/);
    expect(json.samplePdf).toEqual({
      made: false,
      sent: false,
      error: 'Conversion from text/html to application/pdf failed.',
    });
    expect(json.findings.length).toBeGreaterThan(3);
  });

  test('the mail quota used up: no e-mail; the sheet says to run it again tomorrow', () => {
    const h = newHarness();
    h.book.setMailQuota(0, OWNER);
    h.gas.runDiagnostics();
    expect(h.book.sentMails).toHaveLength(0);
    const { rows, json } = result(h);
    expect(String(rows[3][0])).toContain('วันนี้ส่งอีเมลครบโควตาของบัญชีแล้ว');
    expect(json.samplePdf).toMatchObject({ made: true, sent: false });
  });

  test('the e-mail failed: the sheet says so, and the JSON keeps no address', () => {
    const h = newHarness();
    h.book.ledger.failWhen((name) => name === 'MailApp.sendEmail', new Error(`Service unavailable: Mail for ${OWNER}`));
    h.gas.runDiagnostics();
    h.book.ledger.clearFaults();
    expect(h.book.sentMails).toHaveLength(0);
    const { rows, json } = result(h);
    expect(String(rows[3][0])).toContain(`PDF ตัวอย่าง: ส่งอีเมลถึง ${OWNER} ไม่สำเร็จ`);
    expect(json.samplePdf).toMatchObject({ made: true, sent: false });
    expect(JSON.stringify(json.samplePdf)).not.toContain(OWNER);
  });
});

describe('the result sheet is led by Thai, the technical details below (issue 24, finding 7)', () => {
  test.each([
    ['everything passes', {}],
    ['the time zone to fix', { timeZone: 'America/New_York' }],
  ])('%s: every line above the technical heading is Thai, the code words below it', (_case, options) => {
    const h = newHarness(options);
    h.gas.runDiagnostics();
    const { rows } = result(h);
    const technical = rows.findIndex((r) => r[0] === TECHNICAL_TITLE);
    expect(technical).toBeGreaterThan(3);
    const lead = rows
      .slice(0, technical)
      .flat()
      .map(String)
      .filter((c) => c !== '');
    expect(lead.every((c) => /[\u0E00-\u0E7F]/.test(c))).toBe(true);
    // the code words officers do not read are below it
    const below = rows.slice(technical).flat().map(String).join(' ');
    expect(below).toMatch(/setValues/);
    expect(lead.join(' ')).not.toMatch(
      /setValues|getValues|getActiveUser|getEffectiveUser|Session|Intl|JSON|getFormula/,
    );
  });
});
