import fc from 'fast-check';
import { dayOf } from '../../../../src/kernel/civilDate';
import { NONG_KHAI_DISTRICTS } from '../../../../src/features/setup/rules/districts';
import {
  forEachBaselineKey,
  newReadMemo,
  readActivities,
  readBaseline,
  readContext,
  readOnline,
  regNoKey,
  rowContentKey,
} from '../../../../src/features/counting/rules/entries';
import {
  ACTIVITY_LAYOUT,
  ACTIVITY_WIDTH,
  BASELINE_LAYOUT,
  ONLINE_LAYOUT,
  parseBudget,
} from '../../../../src/features/counting/rules/entryLayout';

const A = ACTIVITY_LAYOUT.at;
const B = BASELINE_LAYOUT.at;
const O = ONLINE_LAYOUT.at;

const NAMES = NONG_KHAI_DISTRICTS.map((d) => d.name);
const context = readContext(NAMES);
const MAR_25 = dayOf(2022, 3, 25);

/** An activities row: date, district, then named cells (blank by default). */
function activity(date: unknown, district: unknown, cells: Partial<Record<keyof typeof A, unknown>> = {}): unknown[] {
  const row: unknown[] = Array(ACTIVITY_WIDTH).fill('');
  row[A.date] = date;
  row[A.district] = district;
  row[A.activity] = 'ตลาดนัดชุมชน';
  for (const [key, value] of Object.entries(cells)) row[A[key as keyof typeof A]] = value;
  return row;
}

describe('parseBudget', () => {
  test.each([
    ['ใช้', true],
    ['ไม่ใช้', false],
    ['', false],
    ['  ', false],
    ['yes', true],
    ['No', false],
    ['Y', true],
    ['n', false],
    ['TRUE', true],
    ['false', false],
    ['มี', true],
    ['ไม่มี', false],
    ['✓', true],
    [' ไม่ ใช้ ', false],
    ['ไม่ได้ใช้', false],
    ['ไม่ได้ใช้งบประมาณ', false],
    ['ใช้งบฯ', true],
    ['ใช่', true],
    ['ไม่ใช่', false],
    ['ไม่มีงบ', false],
    [true, true],
    [false, false],
  ])('%p → %p', (value, used) => {
    expect(parseBudget(value)).toEqual({ ok: true, value: used });
  });

  test.each(['maybe', 'บางส่วน', 5])('%p is unreadable, with a Thai problem quoting it', (value) => {
    const result = parseBudget(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(`"${value}"`);
  });
});

describe('regNoKey', () => {
  test.each([
    ['43010001', '43010001'],
    [43010001, '43010001'],
    ['๔๓๐๑๐๐๐๑', '43010001'],
    ['๔๓๐๑-๐๐๐๑', '43010001'],
    ['4301 0001', '43010001'],
    ['0012', '12'],
    [12, '12'],
    ['OTOP-12/3', 'otop12/3'],
    ['-', ''],
    ['ไม่มี', ''],
    ['', ''],
    [true, ''],
  ])('%p → %p', (value, key) => {
    expect(regNoKey(value)).toBe(key);
  });
});

describe('rowContentKey', () => {
  test('ignores spaces and case, and compares the date as a day', () => {
    const a = rowContentKey(['25/03/2565', 'ท่าบ่อ', 'ตลาด นัด', 'X'], [0, 1, 2, 3], { column: 0, day: MAR_25 });
    const b = rowContentKey([new Date(2022, 2, 25), 'ท่าบ่อ ', 'ตลาดนัด', 'x'], [0, 1, 2, 3], { column: 0, day: MAR_25 });
    expect(a).toBe(b);
  });

  test('differs when a layout cell differs, and ignores the other columns', () => {
    const base = rowContentKey(['a', 'b', 'c'], [0, 1]);
    expect(rowContentKey(['a', 'b', 'other'], [0, 1])).toBe(base);
    expect(rowContentKey(['a', 'bb', 'c'], [0, 1])).not.toBe(base);
    expect(rowContentKey(['ab', '', 'c'], [0, 1])).not.toBe(rowContentKey(['a', 'b', 'c'], [0, 1]));
  });

  test('reads the layout cells where the sheet has them (a moved column)', () => {
    expect(rowContentKey(['own', 'b', 'a'], [2, 1])).toBe(rowContentKey(['a', 'b'], [0, 1]));
    expect(rowContentKey(['a'], [0, -1])).toBe(rowContentKey(['a', ''], [0, 1]));
  });
});

describe('readActivities', () => {
  test('reads every column of a row', () => {
    const [entry] = readActivities(
      [
        [
          new Date(2022, 2, 25),
          'อ. ท่าบ่อ',
          ' ตลาดนัด  OTOP ',
          'หน้าที่ว่าการอำเภอ',
          'กลุ่มผู้ประกอบการ',
          'ไม่ใช้',
          '๑๒',
          '1,200 บาท',
          'https://www.facebook.com/tabo/posts/1',
          'ขายดี',
        ],
      ],
      context,
    );
    expect(entry).toEqual({
      row: 0,
      day: MAR_25,
      districtIndex: 2,
      district: 'อ. ท่าบ่อ',
      activity: 'ตลาดนัด OTOP',
      place: 'หน้าที่ว่าการอำเภอ',
      organiser: 'กลุ่มผู้ประกอบการ',
      budgetUsed: false,
      operators: 12,
      sales: 1200,
      link: 'https://www.facebook.com/tabo/posts/1',
      note: 'ขายดี',
      problems: [],
    });
  });

  test('skips fully blank rows, keeping the row index of the others', () => {
    const rows = [
      activity(mar25(), 'ท่าบ่อ'),
      Array(ACTIVITY_WIDTH).fill(''),
      ['', ' ', '\u200b'],
      [],
      ['', '', '', '', '', '', '', '', '', '', 'extra column'],
      activity(mar25(), 'สังคม'),
    ];
    expect(readActivities(rows, context).map((e) => [e.row, e.districtIndex])).toEqual([
      [0, 2],
      [5, 7],
    ]);
  });

  test('reads a short row as if its missing cells were blank', () => {
    const [entry] = readActivities([['25/03/2565', 'โพธิ์ตาก', 'งานกาชาด']], context);
    expect(entry).toMatchObject({
      day: MAR_25,
      districtIndex: 8,
      activity: 'งานกาชาด',
      budgetUsed: false,
      operators: null,
      sales: null,
      link: '',
    });
    expect(entry.problems).toEqual([]);
  });

  test.each([
    ['25/03/2565'],
    ['๒๕ มี.ค. ๖๕'],
    ['25 มีนาคม 2565'],
    ['๒๕/๐๓/๒๕๖๕'],
    [new Date(2565, 2, 25)],
    [new Date(2022, 2, 25)],
  ])('reads the date %p as 25 March 2022', (date) => {
    expect(readActivities([activity(date, 'ท่าบ่อ')], context)[0].day).toBe(MAR_25);
  });

  test.each([
    ['เมืงหนองคาย', 0],
    ['อ.เผ่าไร่', 4],
    ['อำเภอ โพธิ์พิสัย', 1],
    ['เมืองหนองคาย', 0],
    ['อ. ศรีเชียงใหม่', 5],
  ])('reads the district %p as index %p', (district, index) => {
    expect(readActivities([activity(mar25(), district)], context)[0].districtIndex).toBe(index);
  });

  test('reads the budget cell: used, not used, blank, unreadable', () => {
    const entries = readActivities(
      [
        activity(mar25(), 'ท่าบ่อ', { budget: 'ใช้' }),
        activity(mar25(), 'ท่าบ่อ', { budget: true }),
        activity(mar25(), 'ท่าบ่อ'),
        activity(mar25(), 'ท่าบ่อ', { budget: 'บางส่วน' }),
      ],
      context,
    );
    expect(entries.map((e) => e.budgetUsed)).toEqual([true, true, false, null]);
    expect(entries[3].problems).toEqual([{ column: A.budget, message: expect.stringContaining('"บางส่วน"') }]);
  });

  test('reports each unreadable cell at its column, quoting the value', () => {
    const [entry] = readActivities(
      [['31/02/2565', 'กรุงเทพ', '', '', '', '', '-3', 'abc', 'www.facebook.com/x', '']],
      context,
    );
    const byColumn = Object.fromEntries(entry.problems.map((p) => [p.column, p.message]));
    expect(
      Object.keys(byColumn)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([A.date, A.district, A.activity, A.operators, A.sales, A.link]);
    expect(byColumn[A.date]).toContain('"31/02/2565"');
    expect(byColumn[A.district]).toContain('ไม่รู้จักอำเภอ "กรุงเทพ"');
    expect(byColumn[A.activity]).toContain('ไม่มีชื่อกิจกรรม');
    expect(byColumn[A.operators]).toContain('"-3" ติดลบ');
    expect(byColumn[A.sales]).toContain('"abc" ไม่ใช่ตัวเลข');
    expect(byColumn[A.link]).toContain('"www.facebook.com/x"');
    expect(entry).toMatchObject({ day: null, districtIndex: -1, operators: null, sales: null });
  });

  test('missing date and district are problems; "-" in a figure means none', () => {
    const [entry] = readActivities([['', '', 'งาน', '', '', '', '-', '-', '', '']], context);
    expect(entry.problems.map((p) => [p.column, p.message])).toEqual([
      [A.date, expect.stringContaining('ไม่มีวันที่')],
      [A.district, expect.stringContaining('ไม่มีชื่ออำเภอ')],
    ]);
    expect(entry).toMatchObject({ operators: null, sales: null });
  });

  test('a decimal number of operators and a negative sale are problems; numbers as cells are read', () => {
    const [a, b] = readActivities(
      [
        activity(mar25(), 'สังคม', { operators: 2.5, sales: -100 }),
        activity(mar25(), 'สังคม', { operators: 7, sales: 350.5 }),
      ],
      context,
    );
    expect(a.problems.map((p) => p.column)).toEqual([A.operators, A.sales]);
    expect(a.problems[0].message).toContain('ทศนิยม');
    expect(a.problems[1].message).toContain('"-100" ติดลบ');
    expect(b).toMatchObject({ operators: 7, sales: 350.5, problems: [] });
  });

  test('several links separated by spaces are fine if each is a web link', () => {
    const [ok, bad] = readActivities(
      [
        activity(mar25(), 'สังคม', { link: 'https://a.example.com/1 https://b.example.com/2' }),
        activity(mar25(), 'สังคม', { link: 'https://a.example.com/1 ดูในไลน์' }),
      ],
      context,
    );
    expect(ok.problems).toEqual([]);
    expect(bad.problems).toEqual([{ column: A.link, message: expect.stringContaining('"ดูในไลน์"') }]);
  });
});

describe('readOnline', () => {
  test('reads every column of a row', () => {
    const [entry] = readOnline(
      [
        [
          new Date(2022, 2, 25),
          'เผ่าไร่',
          '๔๓๐๑-๐๐๐๑',
          ' กลุ่มทอผ้า  บ้านดง ',
          'ผ้าไหม',
          'เฟซบุ๊ก',
          'https://www.facebook.com/dong',
          1500,
          'ใหม่',
        ],
      ],
      context,
    );
    expect(entry).toEqual({
      row: 0,
      day: MAR_25,
      districtIndex: 4,
      district: 'เผ่าไร่',
      regNo: '43010001',
      regNoText: '๔๓๐๑-๐๐๐๑',
      name: 'กลุ่มทอผ้า บ้านดง',
      nameKey: 'กลุ่มทอผ้าบ้านดง',
      product: 'ผ้าไหม',
      channel: 'Facebook',
      channelText: 'เฟซบุ๊ก',
      link: 'https://www.facebook.com/dong',
      sales: 1500,
      note: 'ใหม่',
      problems: [],
    });
  });

  test('an unknown or blank channel, and an operator with neither number nor name, are problems', () => {
    const entries = readOnline(
      [
        ['25/03/2565', 'สังคม', '1', 'ก', 'x', 'Tinder', '', '', ''],
        ['25/03/2565', 'สังคม', '2', 'ข', 'x', '', '', '', ''],
        ['25/03/2565', 'สังคม', '-', '', 'x', 'Shopee', '', '', ''],
      ],
      context,
    );
    expect(entries.map((e) => e.channel)).toEqual([undefined, undefined, 'Shopee']);
    expect(entries[0].problems).toEqual([
      { column: O.channel, message: expect.stringContaining('ไม่รู้จักช่องทาง "Tinder"') },
    ]);
    expect(entries[1].problems).toEqual([{ column: O.channel, message: expect.stringContaining('ไม่มีช่องทาง') }]);
    expect(entries[2].problems).toEqual([{ column: O.regNo, message: expect.stringContaining('ไม่มีทั้งเลขทะเบียนและชื่อ') }]);
    expect(entries[2]).toMatchObject({ regNo: '', nameKey: '' });
  });

  test('contexts sharing a memo read as fresh ones do, each with its own districts and channel table', () => {
    const memo = newReadMemo();
    const custom = [['OTOP Today', 'โอทอปทูเดย์']];
    const rows = [
      ['25/03/2565', 'สังคม', '1', 'ก', 'x', 'โอทอป ทูเดย์', '', '', ''],
      [new Date(2022, 2, 26), 'สังคม', '2', 'ข', 'x', 'Facebook', '', '', ''],
      ['31/02/2565', 'ท่าบ่อ', '3', 'ค', 'x', 'Facebook', '', '', ''],
    ];
    // A district list of one (as each district's evaluation reads), then the whole list, then another table.
    const reads: [string[], unknown[][] | undefined][] = [
      [['สังคม'], undefined],
      [NAMES, undefined],
      [['ท่าบ่อ'], custom],
      [NAMES, undefined],
    ];
    for (const [districts, channels] of reads) {
      const shared = readOnline(rows, readContext(districts, channels, memo));
      expect(shared).toEqual(readOnline(rows, readContext(districts, channels)));
    }
    expect(readOnline(rows, readContext(NAMES, custom, memo))[0].channel).toBe('OTOP Today');
    expect(readOnline(rows, readContext(NAMES, undefined, memo))[0].channel).toBeUndefined();
  });

  test("uses the context's channel table", () => {
    const custom = readContext(NAMES, [['OTOP Today', 'โอทอปทูเดย์']]);
    const row = ['25/03/2565', 'สังคม', '1', 'ก', 'x', 'โอทอป ทูเดย์', '', '', ''];
    expect(readOnline([row], custom)[0].channel).toBe('OTOP Today');
    expect(readOnline([row], context)[0].channel).toBeUndefined();
  });
});

describe('readBaseline', () => {
  test('reads district, number and name; a blank district is fine with a number', () => {
    const entries = readBaseline(
      [
        ['อ.เผ่าไร่', 43010001, 'กลุ่ม ทอผ้า'],
        ['', '', ''],
        ['', '๔๓๐๒', 'กลุ่มจักสาน'],
      ],
      context,
    );
    expect(entries).toEqual([
      {
        row: 0,
        districtIndex: 4,
        district: 'อ.เผ่าไร่',
        regNo: '43010001',
        regNoText: '43010001',
        name: 'กลุ่ม ทอผ้า',
        nameKey: 'กลุ่มทอผ้า',
        problems: [],
      },
      {
        row: 2,
        districtIndex: -1,
        district: '',
        regNo: '4302',
        regNoText: '๔๓๐๒',
        name: 'กลุ่มจักสาน',
        nameKey: 'กลุ่มจักสาน',
        problems: [],
      },
    ]);
  });

  test('a name without a district or number, or an unknown district, is a problem', () => {
    const entries = readBaseline(
      [
        ['', '', 'กลุ่มจักสาน'],
        ['ลาดพร้าว', '99', 'x'],
      ],
      context,
    );
    expect(entries[0].problems).toEqual([{ column: B.district, message: expect.stringContaining('ไม่มีชื่ออำเภอ') }]);
    expect(entries[1].problems).toEqual([{ column: B.district, message: expect.stringContaining('"ลาดพร้าว"') }]);
  });
});

/** A date cell of 25 March 2022 (a fresh object each time, as from getValues). */
function mar25(): Date {
  return new Date(2022, 2, 25);
}

describe('forEachBaselineKey', () => {
  /** Messy baseline cells: numbers typed every way, names, districts known, unknown and blank. */
  const cell = fc.constantFrom<unknown>(
    '',
    ' ',
    '4303-0001',
    '๔๓๐๓-๐๐๐๑',
    43030001,
    4303.001,
    'ไม่มี',
    'กลุ่มทอผ้า',
    'กลุ่ม ทอผ้า ',
    'อ.เมืองหนองคาย',
    'สังคม',
    'ท่าบ่อ',
    'อำเภอที่ไม่มี',
    new Date(2022, 2, 25),
  );
  const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { maxLength: 25 });
  const lists = fc.constantFrom(NAMES, ['สังคม'], ['ท่าบ่อ', 'สังคม'], [] as string[]);

  test("visits readBaseline's rows' operator keys, in order, for any rows and district list", () => {
    fc.assert(
      fc.property(rows, lists, (baseline, districts) => {
        const context = readContext(districts);
        const keys: [string, number, string][] = [];
        forEachBaselineKey(baseline, context, { columns: B }, (key) =>
          keys.push([key.regNo, key.districtIndex, key.nameKey]),
        );
        const expected = readBaseline(baseline, context).map((e): [string, number, string] => [
          e.regNo,
          e.districtIndex,
          e.nameKey,
        ]);
        expect(keys).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
