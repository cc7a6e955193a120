/**
 * Faults in the duties' actions: a service call fails (before it does anything, or after it
 * took effect) at sampled positions of a district's submission and of the reminders' run.
 * Submitting is whole or not at all; the reminders never e-mail anyone twice on one day, and
 * a run that failed midway says so in Thai and in the log.
 */
import { dump } from '../../dev/fakes';
import { dutiesProvince, PROVINCE_EDITOR, SANGKHOM, THA_BO } from '../support/duties';
import { formatSweep, sweep } from '../support/faultSweep';
import type { Harness } from '../support/workbook';
import { OWNER } from '../support/workbook';
import { expectSameDump } from '../support/sameDump';

/** A workbook on 3 Nov 2564 and Tha Bo's officer about to submit October. */
const officerReady = (): Harness => {
  const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
  return { ...h, ...h.as(THA_BO) };
};

/** The same, with Sangkhom's October already submitted (the record sheet exists). */
const afterAnother = (): Harness => {
  const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
  h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
  return { ...h, ...h.as(THA_BO) };
};

const submit = (s: Harness) => s.gas.sidebarSubmitMonthly('2021-10', true);

describe('a district submits its monthly report', () => {
  test("mode 'before': every sampled failure leaves the workbook as it was, with a Thai message", () => {
    for (const prepare of [officerReady, afterAnother]) {
      // stride 4: a submission makes fewer calls since it reads its own district's sheets only
      // and in one batch, the document properties once, the board and the log in one read (about 40
      // calls): about as many positions are sampled as before
      const result = sweep(prepare, submit, { mode: 'before', stride: 4 });
      expect(result.partial).toBe(0);
      expect(result.notThai).toBe(0);
      expect(result.unchanged + result.done).toBe(result.positions);
      expect(result.positions).toBeGreaterThan(8);
    }
  });

  test("mode 'after': the call took effect, then failed: undone, and submitting again completes it", () => {
    // stride 8: fewer calls since the board is read in one and one lock is taken, not two (as
    // many positions as before); from the third call: a failure of the first two, the loader's
    // read of Server.html, is met by its second read and the submission completes
    // (test/bundle/lazyServer.test.ts), so the positions sample the submission's own calls
    const result = sweep(afterAnother, submit, { mode: 'after', stride: 8, offset: 2 });
    expect({ partial: result.partial, unhealed: result.unhealed, notThai: result.notThai }).toEqual({
      partial: 0,
      unhealed: 0,
      notThai: 0,
    });
    expect(result.unchanged).toBeGreaterThan(4);
    console.log(formatSweep(result));
  });
});

/** 6 Nov 2564 07:00: both districts overdue, reminders on (the owner's account), none sent today. */
const remindersReady = (): Harness => {
  const h = dutiesProvince(new Date(2021, 10, 6, 7, 0));
  h.gas.sidebarSetReminders(true);
  h.book.clock.set(new Date(2021, 10, 6, 8, 0));
  return { ...h, ...h.as(OWNER) };
};

const remind = (s: Harness) => s.gas.remindDistricts();

describe('the reminders’ run', () => {
  for (const mode of ['before', 'after'] as const) {
    test(`mode '${mode}': nobody twice a day; a run cut short says so in Thai and the next run finishes the day`, () => {
      const violations: string[] = [];
      // stride 3: a run makes fewer calls since an e-mail's mark after it is kept with the next
      // one's pending mark (one write for both) and the board and the log are read in one call: as many
      // positions are sampled as before
      const result = sweep(remindersReady, remind, {
        mode,
        stride: 3,
        strict: false,
        heal: (s) => {
          const before = s.book.sentMails.length;
          try {
            remind(s); // the trigger fires again the same day
          } catch (error) {
            violations.push(`heal threw: ${(error as Error).message}`);
          }
          const perRecipient = new Map<string, number>();
          for (const m of s.book.sentMails)
            for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
          for (const [to, n] of perRecipient) if (n > 1) violations.push(`${to} got ${n} e-mails`);
          for (const to of s.book.sentMails.flatMap((m) => m.to)) {
            if (![THA_BO, SANGKHOM, PROVINCE_EDITOR].includes(to)) violations.push(`mail to ${to}`);
          }
          // a district whose e-mail failed is logged as uncertain and not e-mailed again today
          const log = s.run.spreadsheet.getSheetByName('บันทึก')!.getDataRange().getValues();
          const told = log.some((r) => String(r[3]).includes('ไม่แน่ใจว่าถึง'));
          if (s.book.sentMails.length - before < 0) violations.push('mails vanished');
          if (perRecipient.size < 3 && !told) violations.push(`only ${perRecipient.size} reached, and nothing logged`);
        },
      });
      expect(violations).toEqual([]);
      expect(result.notThai).toBe(0);
      expect(result.positions).toBeGreaterThan(8);
      console.log(formatSweep(result));
    });
  }

  test('a run that finds the lock held is refused in Thai and sends nothing', () => {
    const s = remindersReady();
    const holder = s.book.createExecution({ user: THA_BO });
    holder.globals.LockService.getScriptLock().tryLock(1000);
    const before = dump(s.run.spreadsheet);
    expect(() => remind(s)).toThrow('มีผู้ใช้อื่นกำลังทำงานกับสมุดงานนี้อยู่');
    expect(s.book.sentMails).toEqual([]);
    expectSameDump(s.run.spreadsheet, before);
    holder.end();
    const fresh = s.as(OWNER);
    fresh.gas.remindDistricts();
    expect(s.book.sentMails.map((m) => m.to.join()).sort()).toEqual([PROVINCE_EDITOR, SANGKHOM, THA_BO].sort());
  });
});
