import { type DataCheckInput, dataCheck, type DataProblem } from '../../src/core/dataCheck';
import { NONG_KHAI_DISTRICTS } from '../../src/core/districts';
import {
  ACTIVITY_COLUMNS as A,
  ACTIVITY_WIDTH,
  BASELINE_COLUMNS as B,
  ONLINE_COLUMNS as O,
  ONLINE_WIDTH,
} from '../../src/core/entryLayout';

const NAMES = NONG_KHAI_DISTRICTS.map((d) => d.name);
const d = (year: number, month: number, day: number) => new Date(year, month - 1, day);

/** An activities row with named cells. */
function act(cells: Partial<Record<keyof typeof A, unknown>> = {}): unknown[] {
  const row: unknown[] = Array(ACTIVITY_WIDTH).fill('');
  const all = { date: d(2022, 1, 10), district: 'ท่าบ่อ', activity: 'ตลาดนัด', ...cells };
  for (const [key, value] of Object.entries(all)) row[A[key as keyof typeof A]] = value;
  return row;
}

/** An online row with named cells. */
function onl(cells: Partial<Record<keyof typeof O, unknown>> = {}): unknown[] {
  const row: unknown[] = Array(ONLINE_WIDTH).fill('');
  const all = {
    date: d(2022, 1, 10),
    district: 'สังคม',
    regNo: '100',
    name: 'กลุ่มเอ',
    product: 'ผ้า',
    channel: 'Facebook',
    ...cells,
  };
  for (const [key, value] of Object.entries(all)) row[O[key as keyof typeof O]] = value;
  return row;
}

function check(input: Partial<DataCheckInput>): DataProblem[] {
  return dataCheck({ districts: NAMES, activities: [], online: [], baseline: [], fiscalYear: 2565, ...input });
}

/** Problems as [sheet, row, column] for compact comparisons. */
const where = (problems: DataProblem[]) => problems.map((p) => [p.sheet, p.row, p.column]);

describe('dataCheck', () => {
  test('clean sheets have no problems', () => {
    expect(
      check({
        activities: [
          act(),
          act({
            date: '25/03/2565',
            district: 'อ.เผ่าไร่',
            budget: 'ไม่ใช้',
            operators: '๑๒',
            sales: '1,500',
            link: 'https://fb.com/x',
          }),
        ],
        online: [
          onl(),
          onl({ regNo: '', channel: 'ไลน์', product: 'ผ้าไหม' }),
          onl({ regNo: '101', name: 'กลุ่มบี', channel: 'https://shopee.co.th/b' }),
        ],
        baseline: [
          ['สังคม', '200', 'กลุ่มซี'],
          ['', '', ''],
        ],
      }),
    ).toEqual([]);
  });

  test('unknown district, with the value quoted', () => {
    const problems = check({
      activities: [act({ district: 'บางรัก' })],
      online: [onl({ district: 'อ.พระนคร' })],
      baseline: [['ดุสิต', '1', 'ก']],
    });
    expect(where(problems)).toEqual([
      ['activities', 0, A.district],
      ['online', 0, O.district],
      ['baseline', 0, B.district],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('ไม่รู้จักอำเภอ "บางรัก"'),
      expect.stringContaining('ไม่รู้จักอำเภอ "อ.พระนคร"'),
      expect.stringContaining('ไม่รู้จักอำเภอ "ดุสิต"'),
    ]);
  });

  test('unknown channel', () => {
    const [problem] = check({ online: [onl({ channel: 'Tinder' })] });
    expect(problem).toEqual({
      sheet: 'online',
      row: 0,
      column: O.channel,
      message: expect.stringContaining('ไม่รู้จักช่องทาง "Tinder"'),
    });
    expect(problem.message).toContain('ตารางชื่อช่องทาง');
  });

  test('missing or unreadable date', () => {
    const problems = check({
      activities: [act({ date: '' }), act({ date: '31/02/2565', activity: 'ข' })],
      online: [onl({ date: 'พรุ่งนี้' })],
    });
    expect(where(problems)).toEqual([
      ['activities', 0, A.date],
      ['activities', 1, A.date],
      ['online', 0, O.date],
    ]);
    expect(problems[0].message).toContain('ไม่มีวันที่');
    expect(problems[1].message).toContain('"31/02/2565"');
    expect(problems[2].message).toContain('"พรุ่งนี้"');
  });

  test('a date outside the fiscal year, but not a date after asOf within it', () => {
    const problems = check({
      activities: [
        act({ date: d(2021, 9, 30) }),
        act({ date: d(2022, 9, 30), activity: 'ข' }),
        act({ date: d(2022, 10, 1), activity: 'ค' }),
      ],
      online: [onl({ date: '30/09/2564' })],
    });
    expect(where(problems)).toEqual([
      ['activities', 0, A.date],
      ['activities', 2, A.date],
      ['online', 0, O.date],
    ]);
    expect(problems[0].message).toContain('30 กันยายน 2564 อยู่นอกปีงบประมาณ 2565');
    expect(problems[1].message).toContain('1 ตุลาคม 2565');
    expect(problems[2].message).toContain('ใส่ไว้ในชีตฐาน');
  });

  test('a duplicate row (ignoring spaces, date as a day) names the earlier row', () => {
    const problems = check({
      activities: [act(), act({ place: 'วัด' }), act({ date: '10/01/2565', activity: ' ตลาด นัด ' })],
      online: [onl(), onl({ product: 'ผ้าไหม' })],
      baseline: [
        ['สังคม', '1', 'ก'],
        ['สังคม ', '๑', 'ก'],
      ],
    });
    expect(where(problems)).toEqual([
      ['activities', 2, 0],
      ['baseline', 1, 0],
    ]);
    expect(problems[0].message).toContain('ซ้ำกับแถวที่ 2 ชีต กิจกรรม');
    expect(problems[0].message).toContain('นับครั้งเดียว');
    expect(problems[1].message).toContain('ซ้ำกับแถวที่ 2 ชีต ฐาน ๒๕๖๔');
  });

  test('rowLabel names rows stacked from several sheets', () => {
    const problems = check({ activities: [act(), act()], rowLabel: (sheet, row) => `แถว ${row + 10} ของ ${sheet}` });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('ซ้ำกับแถว 10 ของ activities')]);
  });

  test('an online operator already in the baseline, by number or by name', () => {
    const problems = check({
      baseline: [
        ['ท่าบ่อ', '100', 'ชื่ออื่น'],
        ['สังคม', '', 'กลุ่มบี'],
      ],
      online: [onl(), onl({ regNo: '', name: 'กลุ่ม บี' }), onl({ regNo: '', name: 'กลุ่มบี', district: 'ท่าบ่อ' })],
    });
    // the number is listed in another district too, which is reported on its own
    expect(where(problems)).toEqual([
      ['online', 0, O.district],
      ['online', 0, O.regNo],
      ['online', 1, O.name],
    ]);
    expect(problems[1].message).toContain('แถวที่ 2 ชีต ฐาน ๒๕๖๔');
    expect(problems[1].message).toContain('ไม่นับเป็นรายใหม่');
    expect(problems[2].message).toContain('แถวที่ 3 ชีต ฐาน ๒๕๖๔');
  });

  test('one name in one district with two registration numbers', () => {
    const problems = check({
      online: [onl({ regNo: '100' }), onl({ regNo: '100', channel: 'LINE' }), onl({ regNo: '๑๐๑', name: 'กลุ่ม เอ' })],
    });
    expect(where(problems)).toEqual([['online', 2, O.regNo]]);
    expect(problems[0].message).toContain('ชื่อ "กลุ่ม เอ" ในอำเภอนี้ใช้เลขทะเบียน "100" แล้ว (แถวที่ 2 ชีต ออนไลน์)');
  });

  test('a registration number in two districts', () => {
    const problems = check({
      baseline: [['ท่าบ่อ', '55', 'ก']],
      online: [onl({ regNo: '55', name: 'ก', district: 'สังคม' })],
    });
    expect(where(problems)).toEqual([
      ['online', 0, O.district],
      ['online', 0, O.regNo],
    ]);
    expect(problems[0].message).toContain('เลขทะเบียน "55" อยู่ในอำเภอท่าบ่อแล้ว');
  });

  test('negative or non-numeric figures', () => {
    const problems = check({ activities: [act({ operators: '-2', sales: 'หนึ่งพัน' })], online: [onl({ sales: -50 })] });
    expect(where(problems)).toEqual([
      ['activities', 0, A.operators],
      ['activities', 0, A.sales],
      ['online', 0, O.sales],
    ]);
    expect(problems[0].message).toContain('"-2" ติดลบ');
    expect(problems[1].message).toContain('"หนึ่งพัน" ไม่ใช่ตัวเลข');
    expect(problems[2].message).toContain('"-50" ติดลบ');
  });

  test('a link that is not a web link', () => {
    const problems = check({
      activities: [act({ link: 'www.facebook.com/abc' })],
      online: [onl({ link: 'ดูในกลุ่มไลน์' })],
    });
    expect(where(problems)).toEqual([
      ['activities', 0, A.link],
      ['online', 0, O.link],
    ]);
    expect(problems[0].message).toContain('"www.facebook.com/abc"');
    expect(problems[0].message).toContain('https://');
  });

  test('a budget cell that is not ใช้ / ไม่ใช้ / blank', () => {
    const problems = check({ activities: [act({ budget: 'ใช้บางส่วน' })] });
    expect(problems).toEqual([
      { sheet: 'activities', row: 0, column: A.budget, message: expect.stringContaining('"ใช้บางส่วน"') },
    ]);
    expect(problems[0].message).toContain('"ใช้" หรือ "ไม่ใช้"');
  });

  test('quotes long or multi-line values safely', () => {
    const [problem] = check({ online: [onl({ channel: `ช่อง\nใหม่${'ก'.repeat(60)}` })] });
    expect(problem.message).not.toContain('\n');
    expect(problem.message).toContain('…"');
  });

  test('lists problems by sheet, row and column', () => {
    const problems = check({
      baseline: [['ดุสิต', '1', 'ก']],
      online: [onl({ channel: 'Tinder', district: 'บางรัก' }), onl({ date: '', regNo: '2', name: 'ข' })],
      activities: [act({ link: 'x' }), act({ district: 'x', activity: 'ข' })],
    });
    expect(where(problems)).toEqual([
      ['activities', 0, A.link],
      ['activities', 1, A.district],
      ['online', 0, O.district],
      ['online', 0, O.channel],
      ['online', 1, O.date],
      ['baseline', 0, B.district],
    ]);
  });
});
