/**
 * Set-up (src/features/setup/action/setup.ts setUpWorkbook) through the door in memory: typed,
 * no bundle, no stand-in. The owner sets up a new workbook and again, nothing typed lost, each
 * run logged; a province editor repairs the small province; a district officer, someone named
 * nowhere and a hidden e-mail are refused in Thai and nothing changes.
 */
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { NONG_KHAI_DISTRICTS } from '../../src/features/setup/rules/districts';
import { DISTRICT_COL } from '../../src/features/setup/sheets/districtTable';
import { entrySheetName, SHEET } from '../../src/features/setup/sheets/sheetNames';
import { setUpWorkbook } from '../../src/features/setup/action/setup';
import { SUBMISSION_LAYOUT } from '../../src/features/submissions/sheets/submissions';
import { LABEL } from '../../src/kernel/settings';
import { yearLabel } from '../../src/kernel/yearLabels';
import { MemoryWorkbook } from '../support/memoryDoor';
import { expectRefused, OWNER, PHON_PHISAI, PROVINCE, province, STRANGER, THA_BO } from './workbooks';

const NOW = new Date('2022-03-15T03:00:00Z');
const LATER = new Date('2022-03-16T03:00:00Z');

/** The log's rows after its header: who, what, detail. */
function logRows(book: MemoryWorkbook): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (book.sheet(SHEET.log)?.values ?? []).slice(1).map((r) => [r[at.who], r[at.what], r[at.detail]]);
}

/** A settings value by its label. */
function setting(book: MemoryWorkbook, label: string): unknown {
  return book.sheet(SHEET.settings)?.values.find((row) => row[0] === label)?.[1];
}

/** The sheets' names in the workbook, in order. */
function names(book: MemoryWorkbook): string[] {
  return book.snapshot().sheets.map((s) => s.name);
}

describe('the owner sets up a new workbook', () => {
  const districts = NONG_KHAI_DISTRICTS.map((d) => d.name);
  const entrySheets = districts.flatMap((d) => [entrySheetName('activities', d), entrySheetName('online', d)]);

  test('every sheet is made, marked and protected, the year taken, the run logged', () => {
    const book = new MemoryWorkbook({ owner: OWNER, user: OWNER, sheets: [] });
    const report = setUpWorkbook(book, NOW, 2565);
    const made = [
      SHEET.settings,
      SHEET.criteria,
      SHEET.districts,
      ...entrySheets,
      yearLabel(SHEET.baseline, 2565),
      SHEET.dashboard,
      SHEET.board,
      SHEET.submissions,
    ];
    expect(report.created).toEqual(made);
    expect(report.repaired).toEqual([]);
    expect(report.rights).toEqual([]); // nobody is named yet: the owner alone
    expect(report.fiscalYear).toBe(2565);
    expect(report.yearText).toBe('ปีงบประมาณ 2565 (ปีงบประมาณปัจจุบันตามวันที่วันนี้)');
    expect(report.message).toBe(
      `ตั้งค่าสมุดงานเรียบร้อย: สร้างชีตใหม่ ${made.length} ชีต ซ่อมแซม 0 ชีต ตั้งเป็นปีงบประมาณ 2565 (ปีงบประมาณปัจจุบันตามวันที่วันนี้)`,
    );
    // each district with nobody named is warned about
    expect(report.warnings.filter((w) => w.startsWith('ยังไม่ได้ระบุอีเมลผู้แก้ไขของ'))).toHaveLength(districts.length);
    expect(names(book)).toEqual([...made, SHEET.log]);
    expect(setting(book, LABEL.fiscalYear)).toBe(2565);
    expect(setting(book, LABEL.dataDay)).toBe('15/03/2565');
    const table = book.sheet(SHEET.districts);
    expect(table?.values.slice(1).map((r) => [r[DISTRICT_COL.name], r[DISTRICT_COL.registered]])).toEqual(
      NONG_KHAI_DISTRICTS.map((d) => [d.name, d.registered]),
    );
    expect(book.sheet(SHEET.submissions)?.values).toEqual([[...SUBMISSION_LAYOUT.headers]]);
    expect(book.sheet(entrySheets[0])).toMatchObject({ role: 'activities', district: districts[0], frozenRows: 1 });
    expect(book.sheet(entrySheets[0])?.warningOnly).toBe(true);
    expect(book.sheet(SHEET.settings)?.editors).toEqual([]);
    expect(logRows(book)).toEqual([
      [OWNER, 'ตั้งค่า / ซ่อมแซมสมุดงาน', `สร้าง ${made.length} ชีต ซ่อมแซม 0 ชีต ปีงบประมาณ 2565 (ปีงบประมาณปัจจุบันตามวันที่วันนี้)`],
    ]);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
  });

  test('again after officers typed: nothing typed is lost, the rights follow the settings, logged', () => {
    const book = new MemoryWorkbook({ owner: OWNER, user: OWNER, sheets: [] });
    setUpWorkbook(book, NOW, 2565);
    // the province names its editor and one district's officer; a district's figure is typed
    const settings = book.snapshot().sheets.find((s) => s.name === SHEET.settings)?.values ?? [];
    const typed = settings.map((row) =>
      row[0] === LABEL.provinceEditors
        ? [row[0], PROVINCE, row[2]]
        : row[0] === LABEL.districtEditors(districts[0])
          ? [row[0], THA_BO, row[2]]
          : row,
    );
    book.open((door) => door.rewriteList({ name: SHEET.settings }, typed));
    const report = setUpWorkbook(book, LATER);
    expect(report.created).toEqual([]);
    expect(setting(book, LABEL.provinceEditors)).toBe(PROVINCE);
    expect(setting(book, LABEL.districtEditors(districts[0]))).toBe(THA_BO);
    expect(setting(book, LABEL.fiscalYear)).toBe(2565); // a year in the settings is kept
    expect(setting(book, LABEL.dataDay)).toBe('16/03/2565'); // the data day at today: no repair
    expect(report.repaired).toContain(SHEET.settings);
    expect(report.rights).toContain(`ให้สิทธิ์ ${PROVINCE} แก้ไขชีต "${SHEET.settings}"`);
    expect(report.rights).toContain(`ให้สิทธิ์ ${THA_BO} แก้ไขชีต "${entrySheets[0]}"`);
    expect(report.rights).toContain(`ชีต "${entrySheets[0]}" แก้ไขได้เฉพาะผู้ที่ระบุในชีตตั้งค่า (เดิมทุกคนแก้ไขได้โดยมีคำเตือน)`);
    expect(report.yearText).toBeUndefined();
    expect(book.sheet(entrySheets[0])?.editors).toEqual([PROVINCE, THA_BO]);
    const logged = logRows(book);
    expect(
      logged
        .slice(1)
        .filter((r) => r[1] === 'ให้สิทธิ์')
        .map((r) => r[2]),
    ).toEqual(report.rights.filter((r) => r.startsWith('ให้สิทธิ์')));
    expect(logged[logged.length - 1]).toEqual([
      OWNER,
      'ตั้งค่า / ซ่อมแซมสมุดงาน',
      `สร้าง 0 ชีต ซ่อมแซม ${report.repaired.length} ชีต`,
    ]);
    // a third run the same day finds nothing to do, and changes nothing
    const before = book.snapshot();
    const third = setUpWorkbook(book, LATER);
    expect(third.message).toBe('สมุดงานครบถ้วนแล้ว ไม่มีสิ่งใดต้องแก้ไข');
    expect(book.snapshot()).toEqual(before);
  });
});

test("a province editor repairs the small province: its typed values kept, the missing district's sheets made", () => {
  const book = new MemoryWorkbook(province(PROVINCE));
  const report = setUpWorkbook(book, NOW);
  expect(report.created).toEqual(
    expect.arrayContaining([SHEET.criteria, entrySheetName('activities', 'โพนพิสัย'), SHEET.board]),
  );
  expect(report.created).not.toContain(entrySheetName('activities', 'ท่าบ่อ'));
  expect(report.repaired).toEqual(expect.arrayContaining([SHEET.settings]));
  expect(setting(book, LABEL.province)).toBe('หนองคาย');
  expect(setting(book, LABEL.provinceEditors)).toBe(PROVINCE);
  expect(
    book
      .sheet(SHEET.districts)
      ?.values.slice(1)
      .map((r) => r[DISTRICT_COL.registered]),
  ).toEqual([120, 90]);
  expect(book.sheet(entrySheetName('online', 'โพนพิสัย'))?.editors).toEqual([PROVINCE, PHON_PHISAI]);
  expect(report.rights).toContain(`ให้สิทธิ์ ${PHON_PHISAI} แก้ไขชีต "${entrySheetName('online', 'โพนพิสัย')}"`);
  // the editor the settings name nowhere is warned about
  expect(report.warnings.some((w) => w.includes(STRANGER))).toBe(true);
  const logged = logRows(book);
  expect(logged.map((r) => r[0])).toEqual(logged.map(() => PROVINCE));
  expect(logged[logged.length - 1][1]).toBe('ตั้งค่า / ซ่อมแซมสมุดงาน');
});

describe.each([
  ['a district officer', THA_BO, `(${THA_BO} ไม่มีสิทธิ์นี้)`],
  ['someone named nowhere', STRANGER, `(${STRANGER} ไม่มีสิทธิ์นี้)`],
  ['a caller whose e-mail Google hides', '', 'Google ไม่เปิดเผยอีเมลของบัญชีนี้'],
])('%s is refused', (_, user, words) => {
  test('in Thai, and the workbook does not change', () => {
    const book = new MemoryWorkbook(province(user));
    expectRefused(book, () => setUpWorkbook(book, NOW), 'การตั้งค่าสมุดงาน', words);
  });
});

test('a fiscal year that is not one is refused in Thai before the door opens', () => {
  const book = new MemoryWorkbook({ owner: OWNER, user: OWNER, sheets: [] });
  expect(() => setUpWorkbook(book, NOW, 1999)).toThrow('ปีงบประมาณ "1999" ไม่ถูกต้อง');
  expect(book.transactions.opened).toBe(0);
});
