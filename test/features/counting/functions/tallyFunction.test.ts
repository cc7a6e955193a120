import { NONG_KHAI_DISTRICTS } from '../../../../src/features/setup/rules/districts';
import { ACTIVITY_WIDTH, BASELINE_WIDTH, ONLINE_WIDTH } from '../../../../src/features/counting/rules/entryLayout';
import { otopTally } from '../../../../src/features/counting/functions/tallyFunction';
import fc from 'fast-check';
import { MEASURE_BY_KEY } from '../../../../src/kernel/measures';

const NAMES = NONG_KHAI_DISTRICTS.map((d) => d.name);
const column = (values: unknown[]) => values.map((v) => [v]);
const d = (year: number, month: number, day: number) => new Date(year, month - 1, day);

function act(date: unknown, district: string, name = 'ตลาดนัด', budget = ''): unknown[] {
  const row: unknown[] = Array(ACTIVITY_WIDTH).fill('');
  [row[0], row[1], row[2], row[5]] = [date, district, name, budget];
  return row;
}

function onl(date: unknown, district: string, regNo: string, name: string, channel: string): unknown[] {
  const row: unknown[] = Array(ONLINE_WIDTH).fill('');
  [row[0], row[1], row[2], row[3], row[5]] = [date, district, regNo, name, channel];
  return row;
}

const BLANK_ACTIVITIES = [Array(ACTIVITY_WIDTH).fill('')];
const BLANK_ONLINE = [Array(ONLINE_WIDTH).fill('')];
const BLANK_BASELINE = [Array(BASELINE_WIDTH).fill('')];

describe('otopTally', () => {
  const activities = [
    act(d(2022, 1, 5), 'ท่าบ่อ', 'ก'),
    act(d(2022, 1, 6), 'ท่าบ่อ', 'ข'),
    act(d(2022, 1, 7), 'ท่าบ่อ', 'ค', 'ใช้'),
    act(d(2022, 1, 8), 'สังคม'),
  ];
  const online = [
    onl(d(2022, 2, 1), 'ท่าบ่อ', '1', 'ก', 'FB'),
    onl(d(2022, 2, 1), 'ท่าบ่อ', '1', 'ก', 'ไลน์'),
    onl(d(2022, 2, 1), 'ท่าบ่อ', '2', 'ข', 'Shopee'),
    onl(d(2022, 2, 1), 'ท่าบ่อ', '3', 'ค', 'Lazada'),
  ];
  const baseline = [['ท่าบ่อ', '3', 'ค']];

  test('returns [activities, channels, new operators] per district row', () => {
    const result = otopTally(column(NAMES), activities, online, baseline);
    expect(result).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [2, 3, 2],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  test('a blank district row gives a blank row; a single district gives one row', () => {
    expect(otopTally(column(['ท่าบ่อ', '', 'อ.สังคม']), activities, online, baseline)).toEqual([
      [2, 3, 2],
      ['', '', ''],
      [1, 0, 0],
    ]);
    expect(otopTally('ท่าบ่อ', activities, online, baseline)).toEqual([[2, 3, 2]]);
  });

  test('ranges stacked from several sheets, with blank rows between, count as one', () => {
    const stacked = [...activities.slice(0, 2), ...BLANK_ACTIVITIES, ...BLANK_ACTIVITIES, ...activities.slice(2)];
    expect(otopTally('ท่าบ่อ', stacked, [...online, ...BLANK_ONLINE], [...BLANK_BASELINE, ...baseline])).toEqual([
      [2, 3, 2],
    ]);
  });

  test('by default counts FY 2565 up to 30 Sep 2565', () => {
    const rows = [
      act(d(2021, 9, 30), 'สังคม', 'ก'),
      act(d(2021, 10, 1), 'สังคม', 'ข'),
      act(d(2022, 9, 30), 'สังคม', 'ค'),
      act(d(2022, 10, 1), 'สังคม', 'ง'),
    ];
    expect(otopTally('สังคม', rows, BLANK_ONLINE, BLANK_BASELINE)).toEqual([[2, 0, 0]]);
    expect(otopTally('สังคม', rows, BLANK_ONLINE, BLANK_BASELINE, '', '')).toEqual([[2, 0, 0]]);
  });

  test('asOf as a date, a BE text date or a date cell with a BE year; the fiscal year follows it', () => {
    const rows = [act(d(2022, 3, 25), 'สังคม', 'ก'), act(d(2022, 3, 26), 'สังคม', 'ข'), act(d(2022, 10, 3), 'สังคม', 'ค')];
    const count = (asOf: unknown) => (otopTally('สังคม', rows, BLANK_ONLINE, BLANK_BASELINE, asOf) as number[][])[0][0];
    expect(count(d(2022, 3, 25))).toBe(1);
    expect(count('25/03/2565')).toBe(1);
    expect(count('๒๖ มี.ค. ๖๕')).toBe(2);
    expect(count(new Date(2565, 2, 24))).toBe(0);
    expect(count('31 ตุลาคม 2565')).toBe(1); // FY 2566: only 3 Oct 2565
  });

  test('a fiscal year without asOf counts that whole year', () => {
    const rows = [act(d(2022, 3, 25), 'สังคม', 'ก'), act(d(2022, 10, 3), 'สังคม', 'ข'), act(d(2023, 9, 30), 'สังคม', 'ค')];
    expect(otopTally('สังคม', rows, BLANK_ONLINE, BLANK_BASELINE, undefined, 2566)).toEqual([[2, 0, 0]]);
    expect(otopTally('สังคม', rows, BLANK_ONLINE, BLANK_BASELINE, '', '๒๕๖๖')).toEqual([[2, 0, 0]]);
    expect(otopTally('สังคม', rows, BLANK_ONLINE, BLANK_BASELINE, d(2023, 1, 1), 2566)).toEqual([[1, 0, 0]]);
  });

  test('the 7th argument is the channel alias table', () => {
    const rows = [onl(d(2022, 2, 1), 'สังคม', '1', 'ก', 'โอทอปทูเดย์')];
    const table = [
      ['ช่องทาง', 'ชื่อเรียกอื่น'],
      ['OTOP Today', 'โอทอปทูเดย์'],
    ];
    expect(otopTally('สังคม', BLANK_ACTIVITIES, rows, BLANK_BASELINE)).toEqual([[0, 0, 0]]);
    expect(otopTally('สังคม', BLANK_ACTIVITIES, rows, BLANK_BASELINE, undefined, undefined, table)).toEqual([[0, 1, 1]]);
  });

  test('extra columns in the ranges are ignored', () => {
    const wide = activities.map((row) => [...row, 'สูตร', 1]);
    expect(otopTally('ท่าบ่อ', wide, online, baseline)).toEqual([[2, 3, 2]]);
  });

  describe('errors, in Thai', () => {
    test('a range with too few columns', () => {
      expect(() =>
        otopTally(
          'ท่าบ่อ',
          activities.map((r) => r.slice(0, 9)),
          online,
          baseline,
        ),
      ).toThrow('OTOP_TALLY: ช่วงกิจกรรม ต้องมี 10 คอลัมน์ A–J (ที่ใส่มามี 9 คอลัมน์)');
      expect(() =>
        otopTally(
          'ท่าบ่อ',
          activities,
          online.map((r) => r.slice(0, 8)),
          baseline,
        ),
      ).toThrow('ช่วงออนไลน์ ต้องมี 9 คอลัมน์ A–I');
      expect(() => otopTally('ท่าบ่อ', activities, online, [['ท่าบ่อ', '3']])).toThrow('ช่วงฐาน ต้องมี 3 คอลัมน์ A–C');
    });

    test('a single value where a range is needed', () => {
      expect(() => otopTally('ท่าบ่อ', 'x', online, baseline)).toThrow('ช่วงกิจกรรม ต้องเป็นช่วงข้อมูล');
    });

    test('a district range of more than one column', () => {
      expect(() => otopTally([['ท่าบ่อ', 1]], activities, online, baseline)).toThrow('ช่วงอำเภอ ต้องเป็นช่วงคอลัมน์เดียว');
    });

    test('an unreadable asOf', () => {
      expect(() => otopTally('ท่าบ่อ', activities, online, baseline, 'สิ้นเดือน')).toThrow('วันที่ตัดยอด "สิ้นเดือน"');
      expect(() => otopTally('ท่าบ่อ', activities, online, baseline, [[1], [2]])).toThrow('วันที่ตัดยอด ต้องเป็นค่าเดียว');
    });

    test('a fiscal year that is not a BE year', () => {
      expect(() => otopTally('ท่าบ่อ', activities, online, baseline, undefined, 2022)).toThrow(
        'ปีงบประมาณ 2022 ไม่ใช่ปี พ.ศ.',
      );
      expect(() => otopTally('ท่าบ่อ', activities, online, baseline, undefined, 'ปีนี้')).toThrow(
        'ปีงบประมาณ "ปีนี้" ไม่ใช่ตัวเลข',
      );
    });

    test('a channel table that is a single value', () => {
      expect(() => otopTally('ท่าบ่อ', activities, online, baseline, undefined, undefined, 'Facebook')).toThrow(
        'ช่วงตารางชื่อช่องทาง ต้องเป็นช่วงตาราง',
      );
    });
  });
});

describe('OTOP_TALLY’s columns are the fiscal year’s measures (kernel/yearProfile.ts)', () => {
  // FY 2570 runs October 2026 to September 2027: ท่าบ่อ 2 activities, 3 new operators on 4 channels.
  const activities = [act(d(2027, 1, 5), 'ท่าบ่อ', 'ก'), act(d(2027, 1, 6), 'ท่าบ่อ', 'ข')];
  const online = [
    onl(d(2027, 2, 1), 'ท่าบ่อ', '1', 'ก', 'FB'),
    onl(d(2027, 2, 1), 'ท่าบ่อ', '1', 'ก', 'ไลน์'),
    onl(d(2027, 2, 1), 'ท่าบ่อ', '2', 'ข', 'Shopee'),
    onl(d(2027, 2, 1), 'ท่าบ่อ', '3', 'ค', 'Lazada'),
  ];
  test('a later letter without channels: two columns, activities and new operators', () => {
    let got: unknown;
    jest.isolateModules(() => {
      const year = require('../../../../src/kernel/yearProfile') as typeof import('../../../../src/kernel/yearProfile');
      const { activities: a, newOperators: n } = MEASURE_BY_KEY;
      (year.PROFILES as unknown as unknown[]).push({ fiscalYear: 2570, measures: [n, a] });
      const fn =
        require('../../../../src/features/counting/functions/tallyFunction') as typeof import('../../../../src/features/counting/functions/tallyFunction');
      got = [2569, 2570].map((y) =>
        fn.otopTally(column(['ท่าบ่อ', '']), activities, online, BLANK_BASELINE, d(2027, 3, 1), y),
      );
    });
    // FY 2569 (which the entries are not in) keeps the letter's three; FY 2570 its own two, in its order
    expect(got).toEqual([
      [
        [0, 0, 0],
        ['', '', ''],
      ],
      [
        [3, 2],
        ['', ''],
      ],
    ]);
  });

  test('every real year gives [activities, channels, new operators] (property)', () => {
    // the same entries moved into FY `year` (January and February of CE year − 543)
    const moved = (rows: unknown[][], year: number) => rows.map((r) => [dateIn_(r[0] as Date, year), ...r.slice(1)]);
    fc.assert(
      fc.property(fc.integer({ min: 2565, max: 2700 }), (year) => {
        const got = otopTally(
          column(['ท่าบ่อ', '']),
          moved(activities, year),
          moved(online, year),
          BLANK_BASELINE,
          d(year - 543, 3, 1),
          year,
        );
        expect(got).toEqual([
          [2, 4, 3],
          ['', '', ''],
        ]);
      }),
      { numRuns: 50 },
    );
  });
});

/**
 * A day's month and day in CE year (fiscal year − 543).
 * @param day the day
 * @param fiscalYear the BE fiscal year whose January to September it moves into
 */
function dateIn_(day: Date, fiscalYear: number): Date {
  return d(fiscalYear - 543, day.getMonth() + 1, day.getDate());
}
