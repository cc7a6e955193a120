/**
 * Sending a summary to the province failing at every service call, in one mode that can strike
 * it (before a call, after it took effect, or an outage from it on): never two e-mails without
 * the officer agreeing, never an e-mail whose attempt is not logged first, and the officer told
 * whether it may have gone; a second press without agreeing only asks. One test file per mode
 * (test/faults/sending.*.faults.test.ts), so that jest's two workers share them evenly.
 */
import type { FaultMode } from '../../dev/fakes';
import { smallProvince } from './faultSweep';
import { dumpText } from './sameDump';
import { harnessSnapshot } from './workbook';

const REPORT = 'สรุปผล รอบที่ 1';
const THAI = /[\u0e00-\u0e7f]/;

const withSummary = () => {
  const h = smallProvince();
  h.gas.sidebarMakeRoundSummary(1);
  return h;
};

/**
 * Registers the test of one mode: sending fails at every call of a clean send.
 * @param mode the fault mode
 */
export function sendingAtEveryCall(mode: FaultMode): void {
  describe(`sending, a failure ${mode}`, () => {
    test('at every call', () => {
      // The workbook with its summary is made once; every run starts from a copy of it.
      const start = harnessSnapshot(withSummary());
      const before = dumpText(start().run.spreadsheet);
      const reference = start();
      reference.book.ledger.reset();
      reference.gas.sidebarSend(REPORT, true);
      const calls = reference.book.ledger.count();
      const outcomes = { unchanged: 0, sent: 0, mayHaveGone: 0, recordLeft: 0 };
      for (let n = 1; n <= calls; n++) {
        const h = start();
        h.book.ledger.reset();
        h.book.ledger.inject({
          at: n,
          mode,
          error: new Error('Service Spreadsheets timed out while accessing document with id 1abc.'),
        });
        let message = '';
        try {
          message = h.gas.sidebarSend(REPORT, true).message;
        } catch (error) {
          message = (error as Error).message;
        }
        h.book.ledger.clearFaults();
        try {
          h.run.end(); // the execution ends: its lock is released, late writes surface
        } catch {
          // a late write error: what it left is checked below
        }
        const log = h.run.spreadsheet.getSheetByName('บันทึก')!.getDataRange().getValues();
        const attempted = log.some((row) => row[2] === 'กำลังส่งรายงานถึงจังหวัด');
        const mails = h.book.sentMails.length;
        // MailApp reached (whether or not the e-mail went): from then on the officer must be told it may have gone
        const mailTried = h.book.ledger.calls().some((c) => c.startsWith('MailApp.send'));
        expect({ n, thai: THAI.test(message) }).toEqual({ n, thai: true });
        expect({ n, mails: mails <= 1 }).toEqual({ n, mails: true });
        if (mails === 1) {
          expect({ n, attempted }).toEqual({ n, attempted: true }); // logged before MailApp
          expect({ n, told: /เรียบร้อย|อาจส่งไปแล้ว/.test(message) }).toEqual({ n, told: true });
          outcomes.sent++;
        } else if (mailTried) {
          expect({ n, attempted, told: /อาจส่งไปแล้ว/.test(message) }).toEqual({ n, attempted: true, told: true });
          outcomes.mayHaveGone++;
        } else if (attempted) {
          // stopped while logging the attempt, before MailApp: nothing was sent, and the officer is
          // told what may be left of the attempt's record
          expect({ n, told: /อาจยังเหลือ/.test(message) }).toEqual({ n, told: true });
          outcomes.recordLeft++;
        } else {
          expect({ n, same: dumpText(h.run.spreadsheet) === before }).toEqual({ n, same: true });
          outcomes.unchanged++;
        }
        // pressing again without agreeing to resend never sends: it asks, saying when it last went
        if (mailTried) {
          const again = h.as(h.run.user).gas.sidebarSend(REPORT, false);
          expect({ n, asked: again.needsConfirmation === true, mails: h.book.sentMails.length }).toEqual({
            n,
            asked: true,
            mails,
          });
        }
      }
      console.log(
        `sending, ${mode}: ${calls} positions: ${outcomes.unchanged} unchanged, ${outcomes.sent} sent, ` +
          `${outcomes.mayHaveGone} may have gone, ${outcomes.recordLeft} stopped while recording the attempt`,
      );
      expect(outcomes.unchanged + outcomes.sent + outcomes.mayHaveGone + outcomes.recordLeft).toBe(calls);
      expect(outcomes.unchanged).toBeGreaterThan(3);
    });
  });
}
