/** Utilities digests and base64 (signed bytes), the PDF stub of Blob.getAs, mail attachments. */
import { createFakeWorkbook, FAKE_PDF_MARKER } from '../../dev/fakes';

const OWNER = 'owner@example.com';
const services = () => createFakeWorkbook().createExecution({ user: OWNER }).globals;

describe('Utilities.base64*', () => {
  const { Utilities } = services();

  test("the reference's examples, with Java's signed bytes", () => {
    // reference/utilities/utilities#base64Decode(String)
    expect(Utilities.base64Decode('R29vZ2xlIOOCsOODq+ODvOODlw==')).toEqual([
      71, 111, 111, 103, 108, 101, 32, -29, -126, -80, -29, -125, -85, -29, -125, -68, -29, -125, -105,
    ]);
    expect(Utilities.newBlob(Utilities.base64Decode('R29vZ2xlIOOCsOODq+ODvOODlw==')).getDataAsString()).toBe(
      'Google グループ',
    );
    expect(Utilities.base64Encode('Google グループ', Utilities.Charset.UTF_8)).toBe('R29vZ2xlIOOCsOODq+ODvOODlw==');
    expect(Utilities.base64EncodeWebSafe('Google グループ', Utilities.Charset.UTF_8)).toBe(
      'R29vZ2xlIOOCsOODq-ODvOODlw==',
    );
    expect(Utilities.base64EncodeWebSafe(Utilities.newBlob('A string here').getBytes())).toBe('QSBzdHJpbmcgaGVyZQ==');
    expect(Utilities.base64DecodeWebSafe('R29vZ2xlIOOCsOODq-ODvOODlw==')).toEqual(
      Utilities.base64Decode('R29vZ2xlIOOCsOODq+ODvOODlw=='),
    );
  });

  test('signed and unsigned byte arrays encode alike; text that is not base64 is refused', () => {
    expect(Utilities.base64Encode([-1, 0, 127, -128])).toBe(Utilities.base64Encode([255, 0, 127, 128]));
    expect(Utilities.base64Encode([-1, 0, 127, -128])).toBe('/wB/gA==');
    expect(() => Utilities.base64Decode('not base64!')).toThrow('Could not decode string.');
    expect(() => Utilities.base64Decode('R29v-2xl')).toThrow('Could not decode string.'); // web-safe in standard
  });
});

describe('Utilities.computeDigest', () => {
  const { Utilities } = services();

  test('MD5 of "thisisteststring" in US-ASCII (stackoverflow.com/questions/16216868)', () => {
    expect(
      Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'thisisteststring', Utilities.Charset.US_ASCII),
    ).toEqual([8, 30, -43, 124, -101, 114, -37, 10, 78, -13, -102, 51, 65, -24, -83, 81]);
  });

  test('SHA-256 of "abc" (FIPS 180-2 vector ba7816bf…15ad) as signed bytes; strings and bytes agree', () => {
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    expect(digest.slice(-2)).toEqual([21, -83]);
    expect(digest.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, [97, 98, 99])).toEqual(digest);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, 'abc')).toHaveLength(20);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_512, 'abc')).toHaveLength(64);
  });

  test('charsets: Thai in UTF-8 is its bytes; in US-ASCII each character becomes "?"', () => {
    const { DigestAlgorithm, Charset } = Utilities;
    const utf8 = Utilities.computeDigest(DigestAlgorithm.MD5, 'ผ้า');
    expect(utf8).toEqual(Utilities.computeDigest(DigestAlgorithm.MD5, Utilities.newBlob('ผ้า').getBytes()));
    expect(Utilities.computeDigest(DigestAlgorithm.MD5, 'ผ้า', Charset.US_ASCII)).toEqual(
      Utilities.computeDigest(DigestAlgorithm.MD5, '???', Charset.US_ASCII),
    );
    expect(() => Utilities.computeDigest(DigestAlgorithm.MD2, 'abc')).toThrow('not supported');
  });
});

describe('Blob.getAs', () => {
  test("'application/pdf' of an HTML blob: a recorded stub, typed PDF, renamed, with the marker bytes", () => {
    const wb = createFakeWorkbook();
    const { Utilities } = wb.createExecution({ user: OWNER }).globals;
    const html = Utilities.newBlob('<h1>สรุปผล</h1>', 'text/html', 'report.2565.html');
    wb.ledger.reset();
    const pdf = html.getAs('application/pdf');
    expect(wb.ledger.calls()).toEqual(['Blob.getAs']);
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('report.2565.pdf');
    expect(pdf.getDataAsString()).toBe(`${FAKE_PDF_MARKER}text/html\n<h1>สรุปผล</h1>`);
    expect(html.getAs('text/html').getDataAsString()).toBe('<h1>สรุปผล</h1>');
    expect(() => html.getAs('image/png')).toThrow('not supported');
  });
});

describe('MailApp options', () => {
  test('attachments (Blobs), cc, bcc, name and replyTo are recorded; recipients of all three count', () => {
    const wb = createFakeWorkbook();
    const { MailApp, Utilities } = wb.createExecution({ user: OWNER }).globals;
    const pdf = Utilities.newBlob('<p>x</p>', 'text/html', 'รายงาน.html').getAs('application/pdf');
    const csv = Utilities.newBlob([0xef, 0xbb, 0xbf, 0x61], 'text/csv', 'kpi.csv');
    wb.ledger.reset();
    MailApp.sendEmail('a@example.com', 'รายงาน', 'body', {
      attachments: [pdf, csv],
      cc: 'c@example.com',
      bcc: 'd@example.com, e@example.com',
      name: 'สำนักงานพัฒนาชุมชน',
      replyTo: 'reply@example.com',
    });
    expect(wb.ledger.calls()).toEqual(['MailApp.sendEmail']); // the attachments are read on Google's side
    const [mail] = wb.sentMails;
    expect(mail).toMatchObject({
      to: ['a@example.com'],
      cc: ['c@example.com'],
      bcc: ['d@example.com', 'e@example.com'],
      name: 'สำนักงานพัฒนาชุมชน',
      replyTo: 'reply@example.com',
      attachments: ['รายงาน.pdf', 'kpi.csv'],
    });
    expect(mail.files.map((f) => [f.name, f.contentType, f.bytes.length])).toEqual([
      ['รายงาน.pdf', 'application/pdf', pdf.getBytes().length],
      ['kpi.csv', 'text/csv', 4],
    ]);
    expect(Array.from(mail.files[1].bytes)).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });
});
