/**
 * The sidebar's state (src/features/standing/action/state.ts sidebarStateAt) through the door in
 * memory: typed, no bundle, no stand-in. By role (src/app/roles.ts): the owner, a province editor
 * and a district officer open the sidebar and the settings' data day is kept at today in one
 * transaction (the standing counted to it); someone named nowhere and a caller whose e-mail
 * Google hides see the same standing counted to the day in the cell, told so, and nothing
 * changes. Opening the sidebar refuses nobody and logs nothing.
 */
import { SHEET } from '../../src/features/setup/sheets/sheetNames';
import { sidebarStateAt } from '../../src/features/standing/action/state';
import { LABEL } from '../../src/kernel/settings';
import type { MemorySeed } from '../support/memoryDoor';
import { MemoryWorkbook } from '../support/memoryDoor';
import { OWNER, PROVINCE, STRANGER, THA_BO, withBaseline } from './workbooks';

const NOW = new Date('2022-03-15T03:00:00Z');

/**
 * The small province with its baseline, the data day at 1 March 2022, and two activities of
 * ท่าบ่อ: one on 10 March (counted once the data day is today), one on 20 February.
 */
function seed(user: string): MemorySeed {
  const base = withBaseline(user);
  return {
    ...base,
    sheets: base.sheets.map((s) => {
      if (s.role === 'settings') return { ...s, values: [...s.values, [LABEL.dataDay, '01/03/2565']] };
      if (s.role === 'activities' && s.district === 'ท่าบ่อ') {
        return {
          ...s,
          values: [
            ...s.values,
            ['20/02/2565', 'ท่าบ่อ', 'ตลาดนัด OTOP', 'ตลาดเทศบาล', 'อำเภอ', 'ไม่ใช้', 3, 1000, '', ''],
            ['10/03/2565', 'ท่าบ่อ', 'งานกาชาด', 'ศาลากลาง', 'จังหวัด', 'ไม่ใช้', 2, 500, '', ''],
          ],
        };
      }
      return s;
    }),
  };
}

/** The data day's cell of the settings. */
function dataDay(book: MemoryWorkbook): unknown {
  return book.sheet(SHEET.settings)?.values.find((r) => r[0] === LABEL.dataDay)?.[1];
}

describe.each([
  ['the owner', OWNER, 'province', ''],
  ['a province editor', PROVINCE, 'province', ''],
  ['a district officer', THA_BO, 'district', 'ท่าบ่อ'],
])('%s opens the sidebar', (_, user, role, district) => {
  test('the data day kept at today in one transaction, the standing counted to it, nothing logged', () => {
    const book = new MemoryWorkbook(seed(user));
    const log = book.sheet(SHEET.log);
    const state = sidebarStateAt(book, NOW);
    expect(state.user).toEqual({ email: user, role, district });
    expect(state).toMatchObject({
      province: 'หนองคาย',
      fiscalYear: 2565,
      today: '2022-03-15',
      fiscalDay: 166,
      fiscalDays: 365,
      nextMonthlyDue: '2022-04-05',
      daysToMonthlyDue: 21,
      needsSetUp: false,
    });
    expect(state.rounds.map((r) => [r.round, r.deadline, r.past, r.daysLeft])).toEqual([
      [1, '2022-03-25', false, 10],
      [2, '2022-05-27', false, 73],
      [3, '2022-09-23', false, 192],
    ]);
    expect(state.standing.map((d) => [d.district, d.registered, d.activities])).toEqual([
      ['ท่าบ่อ', 120, 2],
      ['โพนพิสัย', 90, 0],
    ]);
    expect(state.standing[1].problem).toContain('ไม่พบชีตกิจกรรมและออนไลน์ของ อ.โพนพิสัย');
    expect(state.notices.some((n) => n.includes('ข้อมูล ณ วันที่'))).toBe(false);
    expect(dataDay(book)).toBe('15/03/2565');
    expect(book.sheet(SHEET.log)).toEqual(log);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
    // opened again the same day: nothing more is written
    sidebarStateAt(book, NOW);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 });
  });
});

describe.each([
  ['someone named nowhere', STRANGER],
  ['a caller whose e-mail Google hides', ''],
])('%s opens the sidebar', (_, user) => {
  test('counted to the day in the cell and told so; nothing changes', () => {
    const book = new MemoryWorkbook(seed(user));
    const before = book.snapshot();
    const state = sidebarStateAt(book, NOW);
    expect(state.user).toEqual({ email: user, role: 'unknown', district: '' });
    // the activity of 10 March is after the data day: not counted yet
    expect(state.standing.map((d) => [d.district, d.activities])).toEqual([
      ['ท่าบ่อ', 1],
      ['โพนพิสัย', 0],
    ]);
    expect(state.notices[0]).toContain('ตัวเลขนับรายการถึงวันที่ 1 มีนาคม 2565');
    expect(book.snapshot()).toEqual(before);
    expect(book.transactions).toEqual({ opened: 0, undone: 0 });
  });
});
