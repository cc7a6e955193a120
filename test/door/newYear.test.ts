/**
 * The fiscal-year switch (src/features/fiscalYears/action/newYear.ts startNewFiscalYear) through
 * the door in memory: typed, no bundle, no stand-in. The owner and a province editor are asked
 * first when the year has not ended or a round summary is missing; confirmed (or not asked), the
 * year's sheets are kept as values, the baseline carried, the entries emptied, the reports named
 * with their year, the new year set up and the switch logged; a district officer, someone named
 * nowhere and a hidden e-mail are refused in Thai and nothing changes.
 */
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { startNewFiscalYear } from '../../src/features/fiscalYears/action/newYear';
import { setUpWorkbook } from '../../src/features/setup/action/setup';
import { archiveName, entrySheetName, SHEET } from '../../src/features/setup/sheets/sheetNames';
import { LABEL } from '../../src/kernel/settings';
import { yearLabel } from '../../src/kernel/yearLabels';
import { MemoryWorkbook } from '../support/memoryDoor';
import { expectRefused, endingYear, OWNER, PROVINCE, STRANGER, THA_BO } from './workbooks';

/** In FY 2565 (before its end, 30 September 2022). */
const MARCH = new Date('2022-03-15T03:00:00Z');
/** In FY 2566: FY 2565 has ended. */
const OCTOBER = new Date('2022-10-05T03:00:00Z');

const ACTIVITIES = entrySheetName('activities', 'ท่าบ่อ');
const ONLINE = entrySheetName('online', 'ท่าบ่อ');
/** The baseline of FY 2565 and the one the switch makes for FY 2566. */
const BASELINE = SHEET.baseline;
const NEXT_BASELINE = yearLabel(SHEET.baseline, 2566);

/**
 * The small province in FY 2565 (workbooks.ts endingYear), set up by its owner.
 * @param rounds the rounds whose current summary was made
 */
function yearOf(rounds: readonly number[]): MemoryWorkbook {
  const book = new MemoryWorkbook(endingYear(OWNER, rounds));
  setUpWorkbook(book, MARCH);
  return book;
}

/** The log's rows after its header: who, what, detail. */
function logRows(book: MemoryWorkbook): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (book.sheet(SHEET.log)?.values ?? []).slice(1).map((r) => [r[at.who], r[at.what], r[at.detail]]);
}

/** A settings value by its label. */
function setting(book: MemoryWorkbook, label: string): unknown {
  return book.sheet(SHEET.settings)?.values.find((row) => row[0] === label)?.[1];
}

describe.each([
  ['the owner', OWNER],
  ['a province editor', PROVINCE],
])('%s switches', (_, user) => {
  test('asked first when a round summary is missing: nothing changes until confirmed', () => {
    const book = yearOf([1, 2]);
    book.actAs(user);
    const before = book.snapshot();
    const opened = book.transactions.opened;
    const asked = startNewFiscalYear(book, OCTOBER);
    expect(asked).toEqual({
      needsConfirmation: true,
      message:
        'ยังไม่ได้จัดทำสรุปผล รอบที่ 3 ของปีงบประมาณ 2565 (ให้กด "จัดทำสรุป" ก่อน หรือเริ่มปีใหม่โดยไม่มีสรุปรอบนี้) ต้องการเริ่มปีงบประมาณ 2566 ตอนนี้หรือไม่',
    });
    expect(book.snapshot()).toEqual(before);
    expect(book.transactions.opened).toBe(opened);
  });

  test('asked first when the year has not ended; confirmed: kept, carried, emptied, set up, logged', () => {
    const book = yearOf([1, 2, 3]);
    book.actAs(user);
    const asked = startNewFiscalYear(book, MARCH);
    expect(asked.needsConfirmation).toBe(true);
    expect(asked.message).toContain('ปีงบประมาณ 2565 ยังไม่สิ้นสุด');
    const before = book.snapshot();
    const done = startNewFiscalYear(book, MARCH, true);
    expect(done.needsConfirmation).toBe(false);
    expect(done.fiscalYear).toBe(2566);
    expect(setting(book, LABEL.fiscalYear)).toBe(2566);
    // the year's sheets kept as values, finished (no copy pending)
    const was = (name: string) => before.sheets.find((s) => s.name === name)?.values;
    for (const name of [SHEET.settings, SHEET.districts, SHEET.criteria, ACTIVITIES, ONLINE]) {
      const kept = book.sheet(archiveName(name, 2565));
      expect(kept?.role).toBe('archive');
      expect(kept?.archive?.fiscalYear).toBe(2565);
      expect(kept?.archive?.pending).toBeUndefined();
      expect(kept?.values.map((r) => r.filter((v) => v !== ''))).toEqual(
        was(name)?.map((r) => r.filter((v) => v !== '')),
      );
      expect(kept?.editors).toEqual([PROVINCE]);
    }
    // the entries emptied, their headers kept
    expect(
      book
        .sheet(ACTIVITIES)
        ?.values.slice(1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(
      book
        .sheet(ONLINE)
        ?.values.slice(1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(book.sheet(ONLINE)?.values[0]).toEqual(was(ONLINE)?.[0]);
    // the baseline carried: the old operator and the year's two new ones, each saying where from
    expect(book.sheet(NEXT_BASELINE)?.role).toBe('baseline');
    expect(book.sheet(NEXT_BASELINE)?.values.map((r) => [r[1], r[3]])).toEqual([
      ['เลขทะเบียน OTOP', 'ที่มา'],
      ['NK-old-1', `ฐานของปีงบประมาณ 2565 (ชีต "${BASELINE}" แถว 2)`],
      ['NK-ท่าบ่อ-0', 'รายใหม่ปีงบประมาณ 2565 ของ อ.ท่าบ่อ (ออนไลน์ 15 ม.ค. 65 Facebook)'],
      ['NK-ท่าบ่อ-1', 'รายใหม่ปีงบประมาณ 2565 ของ อ.ท่าบ่อ (ออนไลน์ 15 ม.ค. 65 Shopee)'],
    ]);
    expect(book.sheet(BASELINE)).toMatchObject({ role: 'archive', archive: { fiscalYear: 2565, of: 'baseline' } });
    // the reports named with their year
    expect(book.sheet(archiveName('สรุปผล รอบที่ 1', 2565))?.report?.fiscalYear).toBe(2565);
    // the new year's deadlines proposed
    expect(setting(book, LABEL.round(1))).not.toBe(
      before.sheets.find((s) => s.name === SHEET.settings)?.values.find((r) => r[0] === LABEL.round(1))?.[1],
    );
    expect(done.message).toContain(`ฐานปีใหม่ 3 ราย (ชีต "${NEXT_BASELINE}")`);
    const logged = logRows(book);
    // the year's eight sheets (both districts' entry sheets, the records among them)
    expect(logged[logged.length - 1]).toEqual([
      user,
      'เริ่มปีงบประมาณใหม่',
      'ปีงบประมาณ 2565 → 2566: เก็บ 8 ชีตเป็นค่า (ชื่อลงท้าย "ปีงบ 2565") เปลี่ยนชื่อรายงาน 3 ชีต ' +
        'ฐานปีใหม่ 3 ราย (เดิม 1 + รายใหม่ปี 2565 2) กำหนดส่งสรุปผล 24 มี.ค. 66, 26 พ.ค. 66, 22 ก.ย. 66',
    ]);
    expect(setting(book, LABEL.round(1))).toBe('24/03/2566');
    expect(setting(book, LABEL.asOf)).toBe('30/09/2566');
  });

  test('every summary made and the year ended: switched without asking, in one transaction', () => {
    const book = yearOf([1, 2, 3]);
    book.actAs(user);
    const opened = book.transactions.opened;
    const done = startNewFiscalYear(book, OCTOBER);
    expect(done.needsConfirmation).toBe(false);
    expect(done.fiscalYear).toBe(2566);
    expect(book.transactions.opened).toBe(opened + 1);
    expect(book.snapshot().sheets.filter((s) => s.archive?.pending)).toEqual([]);
  });
});

test("a stopped switch's copies (before its commit) are made again, not doubled", () => {
  const book = yearOf([1, 2, 3]);
  // a copy a switch stopped before its commit left, pending
  book.addSheet({
    name: archiveName(SHEET.settings, 2565),
    role: 'archive',
    archive: { fiscalYear: 2565, of: 'settings', pending: true },
    values: [['half']],
  });
  startNewFiscalYear(book, OCTOBER);
  const names = book.snapshot().sheets.map((s) => s.name);
  expect(names.filter((n) => n.startsWith(archiveName(SHEET.settings, 2565)))).toEqual([
    archiveName(SHEET.settings, 2565),
  ]);
  expect(book.sheet(archiveName(SHEET.settings, 2565))?.values[0]).not.toEqual(['half']);
});

describe.each([
  ['a district officer', THA_BO, `(${THA_BO} ไม่มีสิทธิ์นี้)`],
  ['someone named nowhere', STRANGER, `(${STRANGER} ไม่มีสิทธิ์นี้)`],
  ['a caller whose e-mail Google hides', '', 'Google ไม่เปิดเผยอีเมลของบัญชีนี้'],
])('%s is refused', (_, user, words) => {
  test('in Thai, and the workbook does not change', () => {
    const book = yearOf([1, 2, 3]);
    book.actAs(user);
    expectRefused(book, () => startNewFiscalYear(book, OCTOBER, true), 'การเริ่มปีงบประมาณใหม่', words);
  });
});
