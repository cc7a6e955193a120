/**
 * The data check (src/features/dataCheck/action/dataCheck.ts checkWorkbook) through the door in
 * memory: typed, no bundle, no stand-in. Each role that may check does, and the check is listed
 * and logged; whoever may not is refused in Thai and nothing changes.
 */
import { CLAIMS_KEY, checkWorkbook } from '../../src/features/dataCheck/action/dataCheck';
import { PROBLEM_LAYOUT } from '../../src/features/dataCheck/sheets/problemsSheet';
import { entrySheetName, SHEET } from '../../src/features/setup/sheets/sheetNames';
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { MemoryWorkbook } from '../support/memoryDoor';
import { expectRefused, activities, online, OWNER, PROVINCE, province, STRANGER, THA_BO } from './workbooks';

const NOW = new Date('2022-03-15T03:00:00Z');
/** The problems of the small province: no criteria, no baseline, one district's sheets missing. */
const FOUND = 3;

/** The log's rows after its header: when, who, what, detail, result. */
function logRows(book: MemoryWorkbook): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (book.sheet(SHEET.log)?.values ?? [])
    .slice(1)
    .map((r) => [r[at.when], r[at.who], r[at.what], r[at.detail], r[at.result]]);
}

describe.each([
  ['the owner', OWNER],
  ['a province editor', PROVINCE],
])('%s checks the whole workbook', (_, user) => {
  test('the list is made, marked and protected, the claims kept, the check logged', () => {
    const book = new MemoryWorkbook(province(user));
    const report = checkWorkbook(book, NOW);
    expect(report.ownSheets).toEqual([]);
    // the small province has no criteria and no baseline; โพนพิสัย has no entry sheets
    expect(report.problems.map((p) => [p.sheet, p.row])).toEqual([
      [SHEET.criteria, 2],
      [SHEET.districts, 3],
      [SHEET.baseline, 1],
    ]);
    expect(report.problems[1].message).toContain('ไม่พบชีตกิจกรรมและออนไลน์ของ อ.โพนพิสัย');
    expect(report.message).toBe(`พบปัญหา ${FOUND} รายการ ดูรายละเอียดในชีต "${SHEET.problems}"`);
    const list = book.sheet(SHEET.problems);
    expect(list).toMatchObject({ role: 'problems', frozenRows: 1, widths: PROBLEM_LAYOUT.columns.map((c) => c.width) });
    expect(list?.editors).toEqual(expect.arrayContaining([PROVINCE, THA_BO]));
    expect(list?.values[0]).toEqual(PROBLEM_LAYOUT.headers);
    expect(list?.values.slice(1).some((r) => String(r[2]).includes('โพนพิสัย'))).toBe(true);
    expect(book.kept(CLAIMS_KEY, null)).toEqual({});
    expect(logRows(book)).toEqual([[expect.any(String), user, 'ตรวจข้อมูล', report.message, 'สำเร็จ']]);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
  });
});

test("a district officer's check lists its own sheets first and logs it", () => {
  const book = new MemoryWorkbook(province(THA_BO));
  const report = checkWorkbook(book, NOW);
  expect(report.ownSheets).toEqual([entrySheetName('activities', 'ท่าบ่อ'), entrySheetName('online', 'ท่าบ่อ')]);
  expect(report.message).toBe(
    `ไม่พบปัญหาในชีตของ อ.ท่าบ่อ (และอีก ${FOUND} รายการในชีตอื่นที่จังหวัดหรืออำเภออื่นดูแล) ดูรายละเอียดในชีต "${SHEET.problems}"`,
  );
  expect(logRows(book)).toEqual([[expect.any(String), THA_BO, 'ตรวจข้อมูล', report.message, 'สำเร็จ']]);
});

test('a second check rewrites the list: the rows the previous list left are blanked', () => {
  const book = new MemoryWorkbook(province(OWNER));
  checkWorkbook(book, NOW);
  const first = book.sheet(SHEET.problems)?.values ?? [];
  // โพนพิสัย's sheets are made: one problem fewer
  book.addSheet({ ...activities('โพนพิสัย') });
  book.addSheet({ ...online('โพนพิสัย') });
  const report = checkWorkbook(book, NOW);
  const second = book.sheet(SHEET.problems)?.values ?? [];
  expect(report.problems).toHaveLength(FOUND - 1);
  expect(second).toHaveLength(first.length);
  expect(second[second.length - 1]).toEqual(['', '', '', '']);
  expect(second.slice(0, -1).some((r) => String(r[2]).includes('โพนพิสัย'))).toBe(false);
  expect(logRows(book)).toHaveLength(2);
});

describe.each([
  ['someone named nowhere', STRANGER, `(${STRANGER} ยังไม่อยู่ในรายชื่อ)`],
  ['a caller whose e-mail Google hides', '', 'Google ไม่เปิดเผยอีเมลของบัญชีนี้'],
])('%s is refused', (_, user, words) => {
  test('in Thai, and the workbook does not change', () => {
    const book = new MemoryWorkbook(province(user));
    expectRefused(book, () => checkWorkbook(book, NOW), 'การตรวจข้อมูล', words);
    expect(book.sheet(SHEET.problems)).toBeUndefined();
  });
});
