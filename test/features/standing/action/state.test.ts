/** The sidebar's state from the bundle: standing, calendar, rounds, months; JSON only. */
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { newHarness } from '../../../support/workbook';

test('sidebarState is plain JSON with the standing, the calendar and the rounds', () => {
  const h = newHarness();
  const before = h.gas.sidebarState();
  expect(before.needsSetUp).toBe(true);
  h.gas.sidebarSetUp();
  typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 5));
  typeRows(h.run.spreadsheet, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 4, 3));
  h.gas.sidebarMakeRoundSummary(1);
  const state = h.gas.sidebarState();
  expect(JSON.parse(JSON.stringify(state))).toEqual(state); // nothing that google.script.run could not carry
  expect(state.user).toEqual({ email: 'province@nongkhai.example', role: 'province', district: '' });
  expect(state.needsSetUp).toBe(false);
  expect(state.standing).toHaveLength(9);
  const tha = state.standing.find((d: { district: string }) => d.district === 'ท่าบ่อ');
  expect(tha).toMatchObject({
    activities: 5,
    channels: 3,
    newOperators: 4,
    target: 4,
    score: 5,
    level: 'ดีมาก',
    band: { background: '#137333', text: '#ffffff' },
  });
  expect(state.total).toMatchObject({ registered: 818, target: 41, activities: 5, newOperators: 4 });
  expect(state.rounds.map((r: { deadline: string }) => r.deadline)).toEqual(['2022-03-25', '2022-05-27', '2022-09-23']);
  expect(state.rounds[0].summarySheet).toBe('สรุปผล รอบที่ 1');
  expect(state.rounds[1].summarySheet).toBe('');
  expect(state.rounds.every((r: { past: boolean }) => r.past)).toBe(true); // today is after FY 2565
  expect(state.months).toHaveLength(12);
  expect(state.months[0]).toEqual({ value: '2021-10', label: 'ตุลาคม 2564' });
  expect(state.reports).toEqual([
    { sheet: 'สรุปผล รอบที่ 1', kind: 'round', period: '1', provisional: false, state: 'current', sentText: '' },
  ]);
  expect(state.reportEmail).toBe('Pennung61@gmail.com');
  expect(state.fiscalDays).toBe(365);
  expect(state.today).toMatch(/^\d{4}-\d\d-\d\d$/);
});

test('each district has its monthly trend of new operators and its place worst first', () => {
  const h = newHarness();
  h.gas.sidebarSetUp();
  typeRows(h.run.spreadsheet, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 2, 2, '15/12/2564'));
  typeRows(h.run.spreadsheet, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 4, 2, '10/02/2565').slice(2));
  typeRows(h.run.spreadsheet, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 5));
  const state = h.gas.sidebarState();
  const tha = state.standing.find((d: { district: string }) => d.district === 'ท่าบ่อ')!;
  // the count-up-to day is the fiscal year's end: all 12 months; October, November none, December 2, February 4
  expect(tha.trend).toEqual([0, 0, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4]);
  expect(tha.trend.at(-1)).toBe(tha.newOperators);
  const names = state.standing.map((d: { district: string }) => d.district);
  expect([...state.worstFirst].sort()).toEqual([...names].sort()); // every district once
  expect(state.worstFirst.at(-1)).toBe('ท่าบ่อ'); // the only district with results: the last when worst first
  const worst = state.standing.find((d: { district: string }) => d.district === state.worstFirst[0])!;
  expect(worst.score).toBe(0);
});
