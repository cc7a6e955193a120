/**
 * The duties view (src/features/submissions/action/duties.ts dutiesView) through the door in
 * memory: typed, no bundle, no stand-in. Reading only, by role (src/app/roles.ts): the owner and
 * a province editor see every district, the most overdue first, and the reminders' switch; a
 * district officer its own duties and their submissions; someone named nowhere and a caller
 * whose e-mail Google hides see nothing (the view refuses nobody: it shows them no district).
 * Nothing changes and no transaction is opened for anyone.
 */
import { dutiesView } from '../../src/features/submissions/action/duties';
import type { DutiesView } from '../../src/features/submissions/action/dutiesApi';
import { submitDuty } from '../../src/features/submissions/action/submissions';
import { MemoryWorkbook } from '../support/memoryDoor';
import { OWNER, PROVINCE, STRANGER, THA_BO, withBaseline } from './workbooks';

/** After the February report's due day (5 March 2022): October to February are overdue. */
const NOW = new Date('2022-03-15T03:00:00Z');
/** Before it, when ท่าบ่อ submits February's on time. */
const ON_TIME = new Date('2022-03-03T03:00:00Z');
/** The months due by 15 March 2022, in the fiscal year's order. */
const DUE = ['2021-10', '2021-11', '2021-12', '2022-01', '2022-02'];

/** Each duty of a district's view as [period, state], those not yet due left out. */
function states(view: DutiesView, district: string): [string, string][] {
  const found = view.districts.find((d) => d.district === district);
  return (found?.duties ?? []).filter((d) => d.state !== 'notYetDue').map((d) => [d.period, d.state]);
}

describe.each([
  ['the owner', OWNER],
  ['a province editor', PROVINCE],
])('%s sees the province', (_, user) => {
  test('every district, the most overdue first, and the reminders; nothing changes', () => {
    const book = new MemoryWorkbook(withBaseline(THA_BO));
    submitDuty(book, 'month', '2022-02', ON_TIME, true);
    book.actAs(user);
    const before = book.snapshot();
    const view = dutiesView(book, NOW);
    expect(view).toMatchObject({ role: 'province', district: '', today: '2022-03-15', fiscalYear: 2565 });
    expect(view.todayText).toBe('15 มีนาคม 2565');
    // โพนพิสัย has five overdue, ท่าบ่อ four (February submitted): โพนพิสัย first
    expect(view.districts.map((d) => [d.district, d.officers, d.overdue, d.late, d.onTime])).toEqual([
      ['โพนพิสัย', 1, 5, 0, 0],
      ['ท่าบ่อ', 1, 4, 0, 1],
    ]);
    expect(states(view, 'โพนพิสัย')).toEqual(DUE.map((p) => [p, 'overdue']));
    expect(view.districts[1].duties.find((d) => d.period === '2022-02')?.submissions).toEqual([
      expect.objectContaining({ number: 1, sentBy: THA_BO, onBehalf: false, timeliness: 'ตรงเวลา' }),
    ]);
    expect(view.reminders).toMatchObject({ on: false, by: '', mine: false, lastRunText: '' });
    expect(view.notices).toEqual([]);
    expect(book.snapshot()).toEqual(before);
    expect(book.transactions).toEqual({ opened: 1, undone: 0 }); // the submission's only
  });
});

test('a district officer sees its own duties and submissions, no reminders; nothing changes', () => {
  const book = new MemoryWorkbook(withBaseline(THA_BO));
  const before = book.snapshot();
  const view = dutiesView(book, NOW);
  expect(view).toMatchObject({ role: 'district', district: 'ท่าบ่อ', reminders: null });
  expect(view.districts.map((d) => d.district)).toEqual(['ท่าบ่อ']);
  expect(states(view, 'ท่าบ่อ')).toEqual(DUE.map((p) => [p, 'overdue']));
  const february = view.districts[0].duties.find((d) => d.period === '2022-02');
  expect(february).toMatchObject({ title: 'รายงานประจำเดือน กุมภาพันธ์ 2565', dueText: '5 มีนาคม 2565', daysLate: 10 });
  expect(book.snapshot()).toEqual(before);
  expect(book.transactions).toEqual({ opened: 0, undone: 0 });
});

describe.each([
  ['someone named nowhere', STRANGER],
  ['a caller whose e-mail Google hides', ''],
])('%s sees nothing', (_, user) => {
  test('no district, no reminders, no notices; nothing changes', () => {
    const book = new MemoryWorkbook(withBaseline(user));
    const before = book.snapshot();
    expect(dutiesView(book, NOW)).toEqual({
      role: 'unknown',
      district: '',
      today: '2022-03-15',
      todayText: '15 มีนาคม 2565',
      fiscalYear: 2565,
      districts: [],
      reminders: null,
      notices: [],
    });
    expect(book.snapshot()).toEqual(before);
    expect(book.transactions).toEqual({ opened: 0, undone: 0 });
  });
});
