/**
 * The mobile page's entries (src/features/mobile/action/entryForm.ts entryFormView, addEntry,
 * entryCell, fixEntry) through the door in memory: typed, no bundle, no stand-in. By role
 * (src/app/roles.ts): the owner and a province editor add an entry for a district they choose, a
 * district officer for its own, each written and logged in one transaction; a district officer
 * corrects a cell the data check pointed at, logged; a district officer for another district,
 * someone named nowhere and a caller whose e-mail Google hides are refused in Thai and nothing
 * changes; so is an entry the data check finds a problem in, and a correction of a cell changed
 * meanwhile.
 */
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { addEntry, entryCell, entryFormView, fixEntry } from '../../src/features/mobile/action/entryForm';
import { entrySheetName, SHEET } from '../../src/features/setup/sheets/sheetNames';
import { OfficerError } from '../../src/kernel/officerError';
import { MemoryWorkbook } from '../support/memoryDoor';
import { OWNER, PHON_PHISAI, PROVINCE, province, STRANGER, THA_BO, thrown } from './workbooks';
import { pageActivity, pageOperator } from '../support/entries';

const NOW = new Date('2022-03-15T03:00:00Z');
const ACTIVITIES = entrySheetName('activities', 'ท่าบ่อ');
const ONLINE = entrySheetName('online', 'ท่าบ่อ');

/** An activity as an officer types it on the page. */
const ACTIVITY = pageActivity('10/03/2565');

/** An online operator as an officer types it on the page. */
const OPERATOR = pageOperator('11/03/2565');

/** The row the activity becomes, in the sheet's column order (the date as the in-memory door keeps it). */
const ACTIVITY_ROW = [
  '10/03/2565',
  'ท่าบ่อ',
  'ตลาดนัดชุมชนริมโขง',
  'ท่าเสด็จ',
  'พช.อำเภอ',
  'ไม่ใช้',
  8,
  15000,
  'https://example.com/market',
  '',
];

/** The log's rows after its header: who, what, detail, result. */
function logRows(book: MemoryWorkbook): unknown[][] {
  const at = LOG_LAYOUT.at;
  return (book.sheet(SHEET.log)?.values ?? []).slice(1).map((r) => [r[at.who], r[at.what], r[at.detail], r[at.result]]);
}

/** The small province with ท่าบ่อ's activity already on row 2 (as the page added it). */
function withActivity(user: string): MemoryWorkbook {
  const book = new MemoryWorkbook(province(THA_BO));
  addEntry(book, NOW, 'activities', ACTIVITY);
  book.actAs(user);
  return book;
}

describe('the entry form', () => {
  test.each([
    ['the owner', OWNER, ['ท่าบ่อ', 'โพนพิสัย']],
    ['a province editor', PROVINCE, ['ท่าบ่อ', 'โพนพิสัย']],
    ['a district officer', THA_BO, ['ท่าบ่อ']],
    ['someone named nowhere', STRANGER, []],
    ['a caller whose e-mail Google hides', '', []],
  ])('%s is offered its districts; reading changes nothing', (_, user, districts) => {
    const book = new MemoryWorkbook(province(user));
    const before = book.snapshot();
    const form = entryFormView(book);
    expect(form.districts).toEqual(districts);
    expect(form.budgetValues).toEqual(['ใช้', 'ไม่ใช้']);
    expect(form.activities.map((f) => f.key)).toEqual([
      'date',
      'activity',
      'place',
      'organiser',
      'budget',
      'operators',
      'sales',
      'link',
      'note',
    ]);
    expect(form.activities[0]).toMatchObject({ label: 'วันที่', required: true });
    expect(form.online.map((f) => f.key)).toEqual([
      'date',
      'regNo',
      'name',
      'product',
      'channel',
      'link',
      'sales',
      'note',
    ]);
    expect(book.snapshot()).toEqual(before);
  });
});

describe.each([
  ['the owner', OWNER, 'ท่าบ่อ'],
  ['a province editor', PROVINCE, 'ท่าบ่อ'],
  ['a district officer', THA_BO, undefined],
])('%s adds entries', (_, user, requested) => {
  test('an activity and an online operator: each row below the last, logged, one transaction each', () => {
    const book = new MemoryWorkbook(province(user));
    const added = addEntry(book, NOW, 'activities', ACTIVITY, requested);
    expect(added).toEqual({
      message: `บันทึกแล้ว: เพิ่มกิจกรรม แถวที่ 2 ของชีต "${ACTIVITIES}"`,
      sheet: ACTIVITIES,
      cell: 'A2',
    });
    expect(book.sheet(ACTIVITIES)?.values.slice(1)).toEqual([ACTIVITY_ROW]);
    const online = addEntry(book, NOW, 'online', OPERATOR, requested);
    expect(online.cell).toBe('A2');
    expect(book.sheet(ONLINE)?.values[1]).toEqual([
      '11/03/2565',
      'ท่าบ่อ',
      '4303-0099',
      'กลุ่มทอผ้าบ้านโคก',
      'ผ้าฝ้าย',
      'Facebook',
      'https://facebook.com/bankhok',
      '',
      '',
    ]);
    expect(logRows(book)).toEqual([
      [user, 'เพิ่มกิจกรรม', `เพิ่มกิจกรรม แถวที่ 2 ชีต "${ACTIVITIES}" (ตลาดนัดชุมชนริมโขง) จากหน้าเว็บ`, 'สำเร็จ'],
      [user, 'เพิ่มผู้ประกอบการออนไลน์', `เพิ่มผู้ประกอบการออนไลน์ แถวที่ 2 ชีต "${ONLINE}" (กลุ่มทอผ้าบ้านโคก) จากหน้าเว็บ`, 'สำเร็จ'],
    ]);
    expect(book.transactions).toEqual({ opened: 2, undone: 0 });
    // a second activity goes below the first
    expect(addEntry(book, NOW, 'activities', { ...ACTIVITY, activity: 'งานกาชาด' }, requested).cell).toBe('A3');
  });
});

describe('a district officer corrects a cell the data check pointed at', () => {
  test('the cell as the page shows it, then corrected and logged', () => {
    const book = withActivity(THA_BO);
    expect(entryCell(book, ACTIVITIES, 'd2')).toEqual({
      sheet: ACTIVITIES,
      cell: 'D2',
      label: 'สถานที่',
      shown: 'ท่าเสด็จ',
    });
    expect(entryCell(book, ACTIVITIES, 'A2').shown).toBe('10/03/2565');
    const result = fixEntry(book, NOW, ACTIVITIES, 'D2', 'ท่าเสด็จ', 'ศาลาประชาคม');
    expect(result).toEqual({ message: `บันทึกแล้ว: แก้ช่อง D2 ของชีต "${ACTIVITIES}"`, sheet: ACTIVITIES, cell: 'D2' });
    expect(book.sheet(ACTIVITIES)?.values[1]).toEqual(ACTIVITY_ROW.map((v, i) => (i === 3 ? 'ศาลาประชาคม' : v)));
    expect(logRows(book).slice(1)).toEqual([
      [THA_BO, 'แก้ไขข้อมูล', `แก้ช่อง D2 ชีต "${ACTIVITIES}" จาก "ท่าเสด็จ" จากหน้าเว็บ`, 'สำเร็จ'],
    ]);
    expect(book.transactions).toEqual({ opened: 2, undone: 0 });
  });

  test('a cell changed meanwhile is not overwritten: refused in Thai, nothing changes', () => {
    const book = withActivity(THA_BO);
    const before = book.snapshot();
    const error = thrown(() => fixEntry(book, NOW, ACTIVITIES, 'D2', 'ลานหน้าอำเภอ', 'ศาลาประชาคม'));
    expect(error).toBeInstanceOf(OfficerError);
    expect(error.message).toContain('ถูกแก้เป็น "ท่าเสด็จ" ไปแล้ว');
    expect(book.snapshot()).toEqual(before);
  });

  test('a correction the data check finds wrong: refused in Thai, nothing changes', () => {
    const book = withActivity(THA_BO);
    const before = book.snapshot();
    const error = thrown(() => fixEntry(book, NOW, ACTIVITIES, 'F2', 'ไม่ใช้', 'บางที'));
    expect(error).toBeInstanceOf(OfficerError);
    expect(error.message).toContain('การแก้ไขข้อมูลไม่สำเร็จ ยังไม่ได้บันทึก');
    expect(book.snapshot()).toEqual(before);
  });
});

test('an entry the data check finds wrong is refused in Thai, and nothing changes', () => {
  const book = new MemoryWorkbook(province(THA_BO));
  const before = book.snapshot();
  const error = thrown(() => addEntry(book, NOW, 'activities', { ...ACTIVITY, date: '' }));
  expect(error).toBeInstanceOf(OfficerError);
  expect(error.message).toContain('การเพิ่มกิจกรรมไม่สำเร็จ');
  expect(book.snapshot()).toEqual(before);
});

describe.each([
  ["another district's officer", PHON_PHISAI, 'อ.ท่าบ่อ'],
  ['someone named nowhere', STRANGER, `(${STRANGER} ยังไม่อยู่ในรายชื่อ)`],
  ['a caller whose e-mail Google hides', '', 'Google ไม่เปิดเผยอีเมลของบัญชีนี้'],
])('%s is refused', (_, user, words) => {
  test("adding to ท่าบ่อ's sheet, reading and correcting its cell: in Thai, and nothing changes", () => {
    const book = withActivity(user);
    const before = book.snapshot();
    const refusals = [
      thrown(() => addEntry(book, NOW, 'activities', ACTIVITY, 'ท่าบ่อ')),
      thrown(() => entryCell(book, ACTIVITIES, 'D2')),
      thrown(() => fixEntry(book, NOW, ACTIVITIES, 'D2', 'ท่าเสด็จ', 'ศาลาประชาคม')),
    ];
    for (const error of refusals) {
      expect(error).toBeInstanceOf(OfficerError);
      expect(error.message).toContain(words);
    }
    expect(refusals.map((e) => e.message.startsWith('การเพิ่มกิจกรรม'))).toEqual([true, false, false]);
    expect(refusals.map((e) => e.message.startsWith('การแก้ไขข้อมูล'))).toEqual([false, true, true]);
    expect(book.snapshot()).toEqual(before);
  });
});
