/** The pure builders of the round summary, the monthly report and what is sent. */
import { dayOf } from '../../src/core/civilDate';
import { CRITERIA_2565 } from '../../src/core/criteria';
import { emailHtml, escapeHtml, lineText } from '../../src/workbook/delivery';
import { monthlyReportGrid, NEWEST, roundSummaryGrid } from '../../src/workbook/reportSheets';
import { letterDistricts, standingFor } from '../support/standing';

const act = (date: string, district: string, budget = 'ไม่ใช้') => [
  date,
  district,
  'ตลาดนัด',
  'ลาน',
  'พช.',
  budget,
  5,
  100,
  'https://e.x/1',
  '',
];
const onl = (date: string, district: string, reg: string, name: string, channel: string) => [
  date,
  district,
  reg,
  name,
  'ผ้า',
  channel,
  `https://s.x/${reg}`,
  0,
  '',
];

const data = letterDistricts({
  ท่าบ่อ: {
    activities: [act('25/03/2565', 'ท่าบ่อ'), act('26/03/2565', 'ท่าบ่อ')],
    online: [onl('25/03/2565', 'ท่าบ่อ', '1', 'ก', 'FB'), onl('26/03/2565', 'ท่าบ่อ', '2', 'ข', 'Shopee')],
  },
  สังคม: {
    activities: [act('01/03/2565', 'สังคม'), act('02/03/2565', 'สังคม', 'ใช้')],
    online: [onl('10/03/2565', 'สังคม', '3', 'ค', 'LINE'), onl('10/03/2565', 'สังคม', '3', 'ค', 'Lazada')],
  },
  โพธิ์ตาก: { activities: [act('15/02/2565', 'โพธิ์ตาก')], online: [onl('01/02/2565', 'โพธิ์ตาก', '4', 'ง', 'Facebook')] },
});
const standingAt = (day: number) => standingFor(data, day);
const made = { province: 'หนองคาย', fiscalYear: 2565, who: 'p@x', when: 'now' };
const MARCH_25 = dayOf(2022, 3, 25);

describe('standing at a cut-off', () => {
  const standing = standingAt(MARCH_25);
  test('the cut-off day is inclusive, the next day is not', () => {
    const tha = standing.districts.find((d) => d.district === 'ท่าบ่อ')!.result!;
    expect([tha.activities, tha.channels, tha.newOperators]).toEqual([1, 1, 1]);
    const later = standingAt(MARCH_25 + 1).districts.find((d) => d.district === 'ท่าบ่อ')!.result!;
    expect([later.activities, later.channels, later.newOperators]).toEqual([2, 2, 2]);
  });
  test('totals equal the sum of the districts', () => {
    const sum = (pick: (d: (typeof standing.districts)[number]) => number) =>
      standing.districts.reduce((s, d) => s + pick(d), 0);
    const total = standing.total!;
    expect(total.activities).toBe(sum((d) => d.result!.activities));
    expect(total.newOperators).toBe(sum((d) => d.result!.newOperators));
    expect(total.registered).toBe(818);
    expect(total.target).toBe(41);
    expect(total.activities).toBe(3); // the budget-used one and the 26th are out
  });
});

describe('round summary grid', () => {
  const grid = roundSummaryGrid(standingAt(MARCH_25), 1, made, NEWEST);
  const { layout } = grid;
  test('one row per district, then the total, between the header and the evidence', () => {
    expect(grid.rows[layout.headerRow - 1][0]).toBe('ที่');
    expect(layout.lastDistrictRow - layout.firstDistrictRow + 1).toBe(9);
    expect(grid.rows[layout.totalRow - 1][1]).toBe('รวมทั้งจังหวัด');
    expect(grid.rows.every((r) => r.length === layout.width)).toBe(true);
  });
  test('the evidence lists every counted activity and new operator, and nothing else', () => {
    const flat = grid.rows.map((r) => r.join('|'));
    const activityRows = grid.rows.filter((r) => r[2] === 'ตลาดนัด');
    expect(activityRows.map((r) => [r[0], r[1]])).toEqual([
      ['ท่าบ่อ', '25 มี.ค. 65'],
      ['สังคม', '1 มี.ค. 65'],
      ['โพธิ์ตาก', '15 ก.พ. 65'],
    ]);
    const operatorRows = grid.rows.filter((r) => r[4] !== '' && /^(ก|ข|ค|ง)$/.test(String(r[2])));
    expect(operatorRows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['ท่าบ่อ', 'ก', 'Facebook'],
      ['สังคม', 'ค', 'LINE, Lazada'],
      ['โพธิ์ตาก', 'ง', 'Facebook'],
    ]);
    expect(flat.some((l) => l.includes('(3 ครั้ง)'))).toBe(true);
    expect(flat.some((l) => l.includes('(3 ราย)'))).toBe(true);
  });
  test('the layout places the score and level where the declaration has them', () => {
    expect(grid.rows[layout.headerRow - 1][layout.scoreColumn - 1]).toBe('คะแนน');
    expect(grid.rows[layout.headerRow - 1][layout.levelColumn - 1]).toBe('ระดับ');
    expect(grid.rows[layout.statusRow - 1][layout.statusColumn - 1]).toBe(NEWEST);
  });
});

describe('monthly report grid', () => {
  test('the month’s change and only the month’s evidence', () => {
    const grid = monthlyReportGrid(
      standingAt(dayOf(2022, 3, 31)),
      standingAt(dayOf(2022, 2, 28)),
      2022,
      3,
      5,
      made,
      NEWEST,
    );
    const pho = grid.rows.find((r) => r[1] === 'โพธิ์ตาก')!;
    expect([pho[2], pho[3], pho[6], pho[7]]).toEqual([1, 0, 1, 0]); // all before March
    const tha = grid.rows.find((r) => r[1] === 'ท่าบ่อ')!;
    expect([tha[2], tha[3], tha[6], tha[7]]).toEqual([2, 2, 2, 2]);
    expect(grid.rows.filter((r) => r[2] === 'ตลาดนัด').map((r) => r[0])).toEqual(['ท่าบ่อ', 'ท่าบ่อ', 'สังคม']);
  });
});

describe('what is sent', () => {
  const { rows, layout } = roundSummaryGrid(standingAt(MARCH_25), 1, made, NEWEST);
  test('HTML escapes every character that could start markup', () => {
    expect(escapeHtml(`<script>"'&\``)).toBe('&#60;script&#62;&#34;&#39;&#38;&#96;');
    const html = emailHtml(
      rows.map((r) => r.map((v) => (v === 'ท่าบ่อ' ? '<b>ท่าบ่อ</b>' : v))),
      layout,
      CRITERIA_2565,
      'https://docs/x?a=1&b="2"',
    );
    expect(html).not.toContain('<b>');
    expect(html).toContain('href="https://docs/x?a=1&#38;b=&#34;2&#34;"');
  });
  test('LINE text: a title and one plain line per district', () => {
    const text = lineText('สรุปผล รอบที่ 1', rows, layout);
    const lines = text.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('OTOP สรุปผล รอบที่ 1');
    expect(lines[3]).toBe('• ท่าบ่อ 1 คะแนน ปรับปรุง — ต่อไป พัฒนา (2 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง');
  });
});
