/** A failure at every service call of the round summary, monthly report and sending. */
import { dump } from '../../dev/fakes';
import { smallProvince, sweepFaults } from '../support/faultSweep';

test('round summary (first, and made again over an earlier one)', () => {
  expect(
    sweepFaults(
      () => smallProvince(),
      (h) => h.gas.sidebarMakeRoundSummary(1),
    ),
  ).toBeGreaterThan(20);
  const withEarlier = () => {
    const h = smallProvince();
    h.gas.sidebarMakeRoundSummary(1);
    return h;
  };
  expect(sweepFaults(withEarlier, (h) => h.gas.sidebarMakeRoundSummary(1))).toBeGreaterThan(20);
});

test('monthly report', () => {
  expect(
    sweepFaults(
      () => smallProvince(),
      (h) => h.gas.sidebarMakeMonthlyReport('2022-03'),
    ),
  ).toBeGreaterThan(20);
});

test('sending to the province: never two e-mails, never an e-mail without its attempt logged', () => {
  const withSummary = () => {
    const h = smallProvince();
    h.gas.sidebarMakeRoundSummary(1);
    return h;
  };
  const reference = withSummary();
  reference.book.ledger.reset();
  reference.gas.sidebarSend('สรุปผล รอบที่ 1');
  const calls = reference.book.ledger.count();
  const outcomes = { unchanged: 0, sent: 0, attemptLogged: 0 };
  for (let n = 1; n <= calls; n++) {
    const h = withSummary();
    const before = dump(h.run.spreadsheet);
    h.book.ledger.reset();
    h.book.ledger.failAt(n, new Error('Service Spreadsheets timed out while accessing document with id 1abc.'));
    let message = '';
    try {
      message = h.gas.sidebarSend('สรุปผล รอบที่ 1').message;
    } catch (error) {
      message = (error as Error).message;
    }
    const log = h.run.spreadsheet.getSheetByName('บันทึก')!.getDataRange().getValues();
    const attempted = log.some((row) => row[2] === 'กำลังส่งรายงานถึงจังหวัด');
    const mails = h.book.sentMails.length;
    expect({ n, thai: /[\u0e00-\u0e7f]/.test(message) }).toEqual({ n, thai: true });
    expect({ n, mails: mails <= 1 }).toEqual({ n, mails: true });
    if (mails === 1) {
      // delivered: the attempt was logged before MailApp, and the officer is told not to resend
      expect({ n, attempted }).toEqual({ n, attempted: true });
      expect({ n, told: /เรียบร้อย/.test(message) }).toEqual({ n, told: true });
      outcomes.sent++;
    } else if (attempted) {
      // MailApp failed: the officer is told the e-mail may have gone, and to check first
      expect({ n, told: /อาจส่งไปแล้ว/.test(message) }).toEqual({ n, told: true });
      outcomes.attemptLogged++;
    } else {
      expect({ n, same: JSON.stringify(dump(h.run.spreadsheet)) === JSON.stringify(before) }).toEqual({
        n,
        same: true,
      });
      outcomes.unchanged++;
    }
  }
  expect(outcomes.unchanged).toBeGreaterThan(5);
  expect(outcomes.sent).toBeGreaterThan(3);
  expect(outcomes.attemptLogged).toBeGreaterThanOrEqual(1);
});
