/** The pure builders of the round summary, the monthly report and what is sent. */
import { dayOf } from '../../../../src/kernel/civilDate';
import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import { defaultSettings } from '../../../../src/kernel/settings';
import { emailHtml, escapeHtml, lineText } from '../../../../src/features/reports/sheets/delivery';
import { FORM_ROWS, formGrid, memoReference, readDocument } from '../../../../src/features/reports/sheets/officialForm';
import {
  provisionalStatus,
  type MadeBy,
  monthlyReportDocument,
  NEWEST,
  reportLayout,
  roundSummaryDocument,
} from '../../../../src/features/reports/sheets/reportSheets';
import { letterDistricts, standingFor } from '../../../support/standing';

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
const MARCH_25 = dayOf(2022, 3, 25);
const official = defaultSettings([]).official;
const made: MadeBy = {
  province: 'หนองคาย',
  fiscalYear: 2565,
  who: 'p@x',
  when: 'now',
  day: MARCH_25,
  official,
  signature: { name: 'นางสาวสมใจ ใจดี', position: 'นักวิชาการพัฒนาชุมชน', phone: '0 4241 1182' },
};

/** A round summary laid out in its sheet: its rows, its layout, and the document read back. */
function roundSummaryGrid(day: number) {
  const doc = roundSummaryDocument(standingAt(day), 1, made, NEWEST);
  const grid = formGrid(doc);
  const layout = reportLayout('round', grid.shape, made.fiscalYear);
  return { doc, grid, rows: grid.rows, layout, read: readDocument(grid.rows, layout, layout.tables) };
}

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
  const { grid, layout, read, doc } = roundSummaryGrid(MARCH_25);
  test('one row per district, then the total, between the header and the evidence', () => {
    expect(grid.rows[layout.tableHeader - 1][0]).toBe('ที่');
    expect(layout.lastRow - layout.firstRow + 1).toBe(9);
    expect(grid.rows[layout.totalRow - 1][1]).toBe('รวมทั้งจังหวัด');
    expect(grid.rows.every((r) => r.length === layout.width)).toBe(true);
  });
  test('the evidence lists every counted activity and new operator, and nothing else', () => {
    const [activities, operators] = read.sections;
    expect(activities.table.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['ท่าบ่อ', '25 มี.ค. 65', 'ตลาดนัด'],
      ['สังคม', '1 มี.ค. 65', 'ตลาดนัด'],
      ['โพธิ์ตาก', '15 ก.พ. 65', 'ตลาดนัด'],
    ]);
    expect(operators.table.rows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['ท่าบ่อ', 'ก', 'Facebook'],
      ['สังคม', 'ค', 'LINE, Lazada'],
      ['โพธิ์ตาก', 'ง', 'Facebook'],
    ]);
    expect(activities.title).toContain('(3 ครั้ง)');
    expect(operators.title).toContain('(3 ราย)');
  });
  test('the layout places the score and level where the declaration has them', () => {
    expect(grid.rows[layout.tableHeader - 1][layout.scoreColumn - 1]).toBe('คะแนน');
    expect(grid.rows[layout.tableHeader - 1][layout.levelColumn - 1]).toBe('ระดับ');
    expect(grid.rows[layout.statusCell[0] - 1][layout.statusCell[1] - 1]).toBe(NEWEST);
  });
  test('read back through the layout, the sheet gives the document it was made from', () => {
    expect(read).toEqual(doc);
  });
  test('the memo header, the closing line and the signature come from the settings', () => {
    const at = (row: number, column: number) => grid.rows[row - 1][column - 1];
    expect(at(FORM_ROWS.title, 1)).toBe('บันทึกข้อความ');
    expect([at(FORM_ROWS.agency, 1), at(FORM_ROWS.agency, 3)]).toEqual(['ส่วนราชการ', official.agency]);
    expect([at(FORM_ROWS.reference, 1), at(FORM_ROWS.reference, 3)]).toEqual(['ที่', 'นค 0019.3/........']);
    expect(read.memo.date).toBe('25 มีนาคม 2565');
    expect(read.memo.subject).toContain('รอบที่ 1');
    expect(read.memo.addressee).toBe('พัฒนาการจังหวัดหนองคาย');
    expect(read.closing).toBe('จึงเรียนมาเพื่อโปรดทราบ');
    expect(grid.rows[layout.signature - 1].join('')).toContain('ผู้รายงาน');
    expect(grid.rows[layout.signature].join('')).toBe('(นางสาวสมใจ ใจดี)');
    expect(read.signature).toEqual(made.signature);
  });
  test('a missing signatory leaves dotted lines to write on', () => {
    const doc = roundSummaryDocument(
      standingAt(MARCH_25),
      1,
      { ...made, signature: { name: '', position: '', phone: '' } },
      NEWEST,
    );
    const g = formGrid(doc);
    const l = reportLayout('round', g.shape, made.fiscalYear);
    expect(g.rows[l.signature].join('')).toMatch(/^\(\.+\)$/);
    expect(readDocument(g.rows, l, l.tables).signature).toEqual({ name: '', position: '', phone: '' });
  });
});

describe('monthly report grid', () => {
  test('the month’s change and only the month’s evidence', () => {
    const doc = monthlyReportDocument(
      standingAt(dayOf(2022, 3, 31)),
      standingAt(dayOf(2022, 2, 28)),
      2022,
      3,
      5,
      made,
      NEWEST,
    );
    const pho = doc.table.rows.find((r) => r[1] === 'โพธิ์ตาก')!;
    expect([pho[2], pho[3], pho[6], pho[7]]).toEqual([1, 0, 1, 0]); // all before March
    const tha = doc.table.rows.find((r) => r[1] === 'ท่าบ่อ')!;
    expect([tha[2], tha[3], tha[6], tha[7]]).toEqual([2, 2, 2, 2]);
    expect(doc.sections[0].table.rows.map((r) => r[0])).toEqual(['ท่าบ่อ', 'ท่าบ่อ', 'สังคม']);
    expect(doc.intro).toContain('กำหนดส่งภายในวันที่ 5 เมษายน 2565');
  });
});

describe('what is sent', () => {
  const { rows, layout } = roundSummaryGrid(MARCH_25);
  test('HTML escapes every character that could start markup', () => {
    expect(escapeHtml(`<script>"'&\``)).toBe('&#60;script&#62;&#34;&#39;&#38;&#96;');
    const hostile = readDocument(
      rows.map((r) => r.map((v) => (v === 'ท่าบ่อ' ? '<b>ท่าบ่อ</b>' : v))),
      layout,
      layout.tables,
    );
    const html = emailHtml(hostile, layout, CRITERIA_2565, 'https://docs/x?a=1&b="2"', 'x.pdf');
    expect(html).not.toContain('<b>');
    expect(html).toContain('href="https://docs/x?a=1&#38;b=&#34;2&#34;"');
  });
  test('the e-mail is an official submission: เรียน, subject, table in bands, evidence, closing, signature', () => {
    const { read } = roundSummaryGrid(MARCH_25);
    const html = emailHtml(read, layout, CRITERIA_2565, 'https://docs/x', 'สรุปผล รอบที่ 1.pdf');
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('เรียน พัฒนาการจังหวัดหนองคาย');
    expect(text).toContain(read.memo.subject);
    expect(html).toContain(`background:${CRITERIA_2565.levels[4].band.background}`); // ท่าบ่อ's level 1, red
    expect(text).toContain('กิจกรรมส่งเสริมช่องทางการตลาดที่ไม่ใช้งบประมาณที่นับ (3 ครั้ง) — ท่าบ่อ 1, สังคม 1, โพธิ์ตาก 1');
    expect(text).toContain('จึงเรียนมาเพื่อโปรดทราบ');
    expect(text).toContain('(นางสาวสมใจ ใจดี)');
    expect(text).toContain('ไฟล์แนบ: สรุปผล รอบที่ 1.pdf');
  });
  test('LINE text: a title and one plain line per district with its level’s colour mark', () => {
    const { read } = roundSummaryGrid(MARCH_25);
    const text = lineText('สรุปผล รอบที่ 1', read, layout, CRITERIA_2565);
    const lines = text.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('OTOP สรุปผล รอบที่ 1');
    expect(lines[3]).toBe('🔴 ท่าบ่อ 1 คะแนน ปรับปรุง — ต่อไป พัฒนา (2 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง');
  });
});

test('a provisional status speaks of its own period (issue 24: a monthly report is not "ฉบับส่งรอบนี้")', () => {
  expect(provisionalStatus(dayOf(2022, 4, 18), 'round')).toBe('ฉบับชั่วคราว (ข้อมูล ณ วันที่ 18 เมษายน 2565) ไม่ใช่ฉบับส่งรอบนี้');
  expect(provisionalStatus(dayOf(2022, 4, 18), 'month')).toBe(
    'ฉบับชั่วคราว (ข้อมูล ณ วันที่ 18 เมษายน 2565) ยังไม่สิ้นเดือน ไม่ใช่ฉบับส่งของเดือนนี้',
  );
});

describe('ที่ (the memo reference) as printed (issue 24, finding 9)', () => {
  test('a reference with its running number is printed as typed', () => {
    expect(memoReference('นค 0019.3/1166')).toBe('นค 0019.3/1166');
    expect(memoReference('นค ๐๐๑๙.๓/๑๑๖๖๖')).toBe('นค ๐๐๑๙.๓/๑๑๖๖๖');
  });
  test('a prefix without its running number gets a dotted line for the number', () => {
    expect(memoReference('นค 0019.3/')).toBe('นค 0019.3/........');
    expect(memoReference(' นค 0019.3 ')).toBe('นค 0019.3/........');
  });
  test('nothing gives the dotted line alone, never an empty ที่', () => {
    expect(memoReference('')).toBe('........');
    expect(memoReference('   ')).toBe('........');
  });
  test('printing what was printed gives the same (a report read back from its sheet)', () => {
    for (const typed of ['', 'นค 0019.3/', 'นค 0019.3', 'นค 0019.3/1166', '..']) {
      expect(memoReference(memoReference(typed))).toBe(memoReference(typed));
    }
  });
});
