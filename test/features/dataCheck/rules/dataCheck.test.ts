/**
 * The data check over each district's own sheets: every cause of a row not counting, counting
 * differently, or a district not counting at all, pointing at its cell.
 */
import { dayOf } from '../../../../src/kernel/civilDate';
import {
  type CheckedSheet,
  dataCheck,
  type DataCheckInput,
  type DataProblem,
} from '../../../../src/features/dataCheck/rules/dataCheck';
import { NONG_KHAI_DISTRICTS } from '../../../../src/features/setup/rules/districts';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../../../src/features/counting/rules/entryLayout';

const NAMES = NONG_KHAI_DISTRICTS.map((d) => d.name);
const THA_BO = NAMES.indexOf('ท่าบ่อ');
const SANGKHOM = NAMES.indexOf('สังคม');
const A = ACTIVITY_LAYOUT.at;
const O = ONLINE_LAYOUT.at;
const B = BASELINE_LAYOUT.at;
const d = (year: number, month: number, day: number) => new Date(year, month - 1, day);

/** An activities row with named cells. */
function act(cells: Partial<Record<keyof typeof A, unknown>> = {}): unknown[] {
  const row: unknown[] = Array(ACTIVITY_LAYOUT.width).fill('');
  const all = { date: d(2022, 1, 10), district: 'ท่าบ่อ', activity: 'ตลาดนัด', ...cells };
  for (const [key, value] of Object.entries(all)) row[A[key as keyof typeof A]] = value;
  return row;
}

/** An online row with named cells. */
function onl(cells: Partial<Record<keyof typeof O, unknown>> = {}): unknown[] {
  const row: unknown[] = Array(ONLINE_LAYOUT.width).fill('');
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

/** The sheets of the test: activities of ท่าบ่อ, online of สังคม, unless given per district. */
interface Sheets {
  activities?: unknown[][];
  online?: unknown[][];
  baseline?: unknown[][];
  /** More sheets: [district index, kind, rows]. */
  more?: [number, 'activities' | 'online', unknown[][]][];
}

function check(sheets: Sheets, extra: Partial<DataCheckInput> = {}): DataProblem[] {
  return run(sheets, extra).problems;
}

function run(sheets: Sheets, extra: Partial<DataCheckInput> = {}) {
  const list: CheckedSheet[] = [
    {
      name: 'กิจกรรม ท่าบ่อ',
      kind: 'activities',
      district: THA_BO,
      values: [[...ACTIVITY_LAYOUT.headers], ...(sheets.activities ?? [])],
    },
    {
      name: 'ออนไลน์ สังคม',
      kind: 'online',
      district: SANGKHOM,
      values: [[...ONLINE_LAYOUT.headers], ...(sheets.online ?? [])],
    },
    ...(sheets.more ?? []).map(
      ([district, kind, rows]): CheckedSheet => ({
        name: `${kind === 'activities' ? 'กิจกรรม' : 'ออนไลน์'} ${NAMES[district]}`,
        kind,
        district,
        values: [[...(kind === 'activities' ? ACTIVITY_LAYOUT : ONLINE_LAYOUT).headers], ...rows],
      }),
    ),
  ];
  return dataCheck({
    districts: NAMES,
    sheets: list,
    baseline: { name: 'ฐาน ๒๕๖๔', values: [[...BASELINE_LAYOUT.headers], ...(sheets.baseline ?? [])] },
    fiscalYear: 2565,
    ...extra,
  });
}

/** Problems as [sheet, row, column] (1-based, as officers see them) for compact comparisons. */
const where = (problems: DataProblem[]) => problems.map((p) => [p.sheet, p.row, p.column]);
const ACT = 'กิจกรรม ท่าบ่อ';
const ONL = 'ออนไลน์ สังคม';
const BASE = 'ฐาน ๒๕๖๔';

describe('dataCheck', () => {
  test('clean sheets have no problems', () => {
    expect(
      check({
        activities: [
          act(),
          act({
            date: '25/03/2565',
            district: 'อ.ท่าบ่อ',
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

  test('a district cell naming another or no known district: the row still counts for the sheet’s district', () => {
    const problems = check({
      activities: [act({ district: 'บางรัก' }), act({ district: 'สังคม', activity: 'ข' })],
      baseline: [['ดุสิต', '1', 'ก']],
    });
    expect(where(problems)).toEqual([
      [ACT, 2, A.district + 1],
      [ACT, 3, A.district + 1],
      [BASE, 2, B.district + 1],
    ]);
    expect(problems[0].message).toContain('ไม่รู้จักอำเภอ "บางรัก"');
    expect(problems[1].message).toContain('ช่องอำเภอเป็น "สังคม"');
    expect(problems[1].message).toContain('นับให้อำเภอเจ้าของชีต');
    expect(problems[2].message).toContain('ไม่รู้จักอำเภอ "ดุสิต"');
  });

  test('unknown channel', () => {
    const [problem] = check({ online: [onl({ channel: 'Tinder' })] });
    expect(problem).toEqual({
      sheet: ONL,
      row: 2,
      column: O.channel + 1,
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
      [ACT, 2, A.date + 1],
      [ACT, 3, A.date + 1],
      [ONL, 2, O.date + 1],
    ]);
    expect(problems[0].message).toContain('ไม่มีวันที่');
    expect(problems[1].message).toContain('"31/02/2565"');
    expect(problems[2].message).toContain('"พรุ่งนี้"');
  });

  test('a date outside the fiscal year, but not a date after the count-up-to day within it', () => {
    const problems = check({
      activities: [
        act({ date: d(2021, 9, 30) }),
        act({ date: d(2022, 9, 30), activity: 'ข' }),
        act({ date: d(2022, 10, 1), activity: 'ค' }),
      ],
      online: [onl({ date: '30/09/2564' })],
    });
    expect(where(problems)).toEqual([
      [ACT, 2, A.date + 1],
      [ACT, 4, A.date + 1],
      [ONL, 2, O.date + 1],
    ]);
    expect(problems[0].message).toContain('30 กันยายน 2564 อยู่นอกปีงบประมาณ 2565');
    expect(problems[1].message).toContain('1 ตุลาคม 2565');
    expect(problems[2].message).toContain('ใส่ไว้ในชีตฐาน');
  });

  test('a date cell showing 1965 (25/03/65 typed, read by Sheets as CE) counts as 2565 and is pointed out', () => {
    const problems = check({
      activities: [act({ date: d(1965, 3, 25) }), act({ date: d(2022, 3, 25), activity: 'ข' })],
    });
    expect(where(problems)).toEqual([[ACT, 2, A.date + 1]]);
    expect(problems[0].message).toContain('เซลล์แสดงปี 1965');
    expect(problems[0].message).toContain('นับเป็น 25 มีนาคม 2565');
  });

  test('a date after today is pointed out as planned: it counts from its day (issue 20)', () => {
    const problems = check({ activities: [act({ date: d(2022, 3, 20) })] }, { today: dayOf(2022, 3, 10) });
    expect(where(problems)).toEqual([[ACT, 2, A.date + 1]]);
    expect(problems[0].message).toContain('ยังมาไม่ถึง');
    expect(problems[0].message).toContain('ถ้าเป็นรายการที่วางแผนไว้ จะเริ่มนับเมื่อถึงวันนั้น');
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
    expect(where(problems).filter(([, , c]) => c === 1)).toEqual([
      [ACT, 4, 1],
      [BASE, 3, 1],
    ]);
    const duplicate = problems.find((p) => p.row === 4 && p.column === 1);
    expect(duplicate?.message).toContain('ซ้ำกับแถวที่ 2 ชีต กิจกรรม ท่าบ่อ');
    expect(duplicate?.message).toContain('นับครั้งเดียว');
  });

  test('a near duplicate activity (same day and name, other cells differ)', () => {
    const problems = check({ activities: [act({ place: 'วัด' }), act({ place: 'ตลาด', sales: 500 })] });
    expect(where(problems)).toEqual([[ACT, 3, A.activity + 1]]);
    expect(problems[0].message).toContain('อาจซ้ำกับแถวที่ 2');
  });

  test('an online operator already in the baseline, by number (any district) or by name (its district)', () => {
    const problems = check({
      baseline: [
        ['ท่าบ่อ', '100', 'ชื่ออื่น'],
        ['สังคม', '', 'กลุ่มบี'],
      ],
      online: [onl(), onl({ regNo: '', name: 'กลุ่ม บี' })],
    });
    expect(where(problems)).toEqual([
      [ONL, 2, O.regNo + 1],
      [ONL, 3, O.name + 1],
    ]);
    expect(problems[0].message).toContain('แถวที่ 2 ชีต ฐาน ๒๕๖๔');
    expect(problems[0].message).toContain('ไม่นับเป็นรายใหม่');
    expect(problems[1].message).toContain('แถวที่ 3 ชีต ฐาน ๒๕๖๔');
  });

  test('one name in one district with two registration numbers, quoted as typed', () => {
    const problems = check({
      online: [
        onl({ regNo: 'NK-01-100' }),
        onl({ regNo: 'NK-01-100', channel: 'LINE' }),
        onl({ regNo: '๑๐๑', name: 'กลุ่ม เอ' }),
      ],
    });
    expect(where(problems)).toEqual([[ONL, 4, O.regNo + 1]]);
    expect(problems[0].message).toContain(
      'ชื่อ "กลุ่ม เอ" ในอำเภอนี้มีเลขทะเบียน "NK-01-100" แล้ว (แถวที่ 2 ชีต ออนไลน์ สังคม) แถวนี้เลข "๑๐๑" จึงนับเป็นคนละราย',
    );
  });

  test('an impossible BE day in a date cell (29/02/2568) is pointed out and not counted', () => {
    const problems = check({ activities: [act({ date: d(2568, 2, 29) })] }, { fiscalYear: 2568 });
    expect(where(problems)).toEqual([[ACT, 2, A.date + 1]]);
    expect(problems[0].message).toBe('วันที่ 29/02/2568 ไม่มีวันที่นี้ในปฏิทิน (พ.ศ. 2568) แถวนี้จึงยังไม่นับ');
  });

  test('a row without a number whose name two numbered operators carry asks for its number', () => {
    const online = [
      onl({ regNo: '101' }),
      onl({ regNo: '102', channel: 'LINE' }),
      onl({ regNo: '', channel: 'Shopee' }),
    ];
    const problems = check({ online });
    const asked = problems.filter((p) => p.message.includes('ตรงกับผู้ประกอบการหลายเลขทะเบียน'));
    expect(where(asked)).toEqual([[ONL, 4, O.regNo + 1]]);
    expect(asked[0].message).toContain('ตอนนี้นับรวมกับรายหนึ่งในนั้น');
    const withBaseline = check({ online, baseline: [['สังคม', '102', 'กลุ่มเอ']] });
    expect(withBaseline.find((p) => p.message.includes('หลายเลขทะเบียน'))?.message).toContain(
      'บางรายมีในข้อมูลฐานแล้ว แถวนี้จึงยังไม่นับ',
    );
  });

  test('a baseline row without a number whose name two numbered operators carry asks for its number', () => {
    const problems = check({
      online: [onl({ regNo: '101' }), onl({ regNo: '102', channel: 'LINE' })],
      baseline: [['สังคม', '', 'กลุ่มเอ']],
    });
    const asked = problems.filter((p) => p.sheet === BASE);
    expect(where(asked)).toEqual([[BASE, 2, B.regNo + 1]]);
    expect(asked[0].message).toContain('ตรงกับผู้ประกอบการหลายเลขทะเบียนใน อ.สังคม');
  });

  test('a registration number Sheets made a fraction (4303.0010 typed in a column not plain text) is pointed out', () => {
    const problems = check({ online: [onl({ regNo: 4303.001 })], baseline: [['สังคม', 4303.002, 'กลุ่มบี']] });
    const fractions = problems.filter((p) => p.message.includes('เป็นตัวเลขทศนิยม'));
    expect(where(fractions)).toEqual([
      [BASE, 2, B.regNo + 1],
      [ONL, 2, O.regNo + 1],
    ]);
    expect(fractions[0].message).toContain('ให้ตั้งรูปแบบช่องเป็น "ข้อความธรรมดา"');
    expect(check({ online: [onl({ regNo: 43030010 })] })).toEqual([]);
  });

  test('one registration number in one district under two names, quoted as typed', () => {
    const problems = check({
      online: [
        onl({ regNo: 'NK-01-106', name: 'กลุ่ม เอ' }),
        onl({ regNo: 'nk 01 106', name: 'กลุ่ม บี', channel: 'LINE' }),
      ],
    });
    expect(where(problems)).toEqual([[ONL, 3, O.name + 1]]);
    expect(problems[0].message).toContain(
      'เลขทะเบียน "nk 01 106" ในอำเภอนี้เป็นของ "กลุ่ม เอ" แล้ว (แถวที่ 2 ชีต ออนไลน์ สังคม) แถวนี้ชื่อ "กลุ่ม บี"',
    );
    expect(problems[0].message).not.toContain('nk01106');
  });

  test('a look-alike spelling of a name in the district (counted as one operator)', () => {
    const problems = check({
      online: [onl({ regNo: '', name: 'กลุ่มทำนา' }), onl({ regNo: '', name: 'กลุ่มทํานา', channel: 'LINE' })],
    });
    expect(where(problems)).toEqual([[ONL, 3, O.name + 1]]);
    expect(problems[0].message).toContain('ตัวอักษรที่ดูเหมือนกัน');
  });

  test('a registration number claimed by two districts is pointed out in the second claimer’s sheet', () => {
    const sheets: Sheets = {
      online: [onl({ regNo: 'NK-09-55', name: 'ก', date: d(2022, 2, 1) })],
      more: [[THA_BO, 'online', [onl({ regNo: 'NK-09-55', name: 'ก', district: 'ท่าบ่อ', date: d(2022, 1, 1) })]]],
    };
    // recorded first by สังคม: ท่าบ่อ typing the number with an earlier date does not take it
    const recorded = run(sheets, { claims: new Map([['nk0955', SANGKHOM]]) });
    expect(where(recorded.problems)).toEqual([['ออนไลน์ ท่าบ่อ', 2, O.regNo + 1]]);
    expect(recorded.problems[0].message).toContain('เลขทะเบียน "NK-09-55" เป็นผู้ประกอบการที่ อ.สังคม บันทึกไว้ก่อนแล้ว');
    expect(recorded.claims.get('nk0955')).toBe(SANGKHOM);
    // nothing recorded yet: the earlier date decides, and the claim is returned to record
    const fresh = run(sheets);
    expect(where(fresh.problems)).toEqual([[ONL, 2, O.regNo + 1]]);
    expect(fresh.claims.get('nk0955')).toBe(THA_BO);
  });

  test('negative or non-numeric figures', () => {
    const problems = check({ activities: [act({ operators: '-2', sales: 'หนึ่งพัน' })], online: [onl({ sales: -50 })] });
    expect(where(problems)).toEqual([
      [ACT, 2, A.operators + 1],
      [ACT, 2, A.sales + 1],
      [ONL, 2, O.sales + 1],
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
      [ACT, 2, A.link + 1],
      [ONL, 2, O.link + 1],
    ]);
    expect(problems[0].message).toContain('"www.facebook.com/abc"');
    expect(problems[0].message).toContain('https://');
  });

  test('a budget cell that is not ใช้ / ไม่ใช้ / blank', () => {
    const problems = check({ activities: [act({ budget: 'ใช้บางส่วน' })] });
    expect(problems).toEqual([
      { sheet: ACT, row: 2, column: A.budget + 1, message: expect.stringContaining('"ใช้บางส่วน"') },
    ]);
    expect(problems[0].message).toContain('"ใช้" หรือ "ไม่ใช้"');
  });

  test('quotes long or multi-line values safely', () => {
    const [problem] = check({ online: [onl({ channel: `ช่อง\nใหม่${'ก'.repeat(60)}` })] });
    expect(problem.message).not.toContain('\n');
    expect(problem.message).toContain('…"');
  });
});

describe('dataCheck: what officers do to their sheets', () => {
  test('columns moved and an officer’s own column added: read by their headers, cells pointed at where they are', () => {
    const header = [...ACTIVITY_LAYOUT.headers];
    const moved = ['หมายเหตุของฉัน', header[A.budget], ...header.filter((_, i) => i !== A.budget)];
    const row = act({ budget: 'บางส่วน' });
    const movedRow = ['ของฉัน', row[A.budget], ...row.filter((_, i) => i !== A.budget)];
    const problems = dataCheck({
      districts: NAMES,
      sheets: [{ name: ACT, kind: 'activities', district: THA_BO, values: [moved, movedRow] }],
      baseline: { name: BASE, values: [[...BASELINE_LAYOUT.headers]] },
      fiscalYear: 2565,
    }).problems;
    expect(where(problems)).toEqual([[ACT, 2, 2]]);
    expect(problems[0].message).toContain('"บางส่วน"');
  });

  test('a missing header row (deleted, or sorted into the data) is one problem at row 1', () => {
    const problems = dataCheck({
      districts: NAMES,
      sheets: [{ name: ACT, kind: 'activities', district: THA_BO, values: [act(), act({ activity: 'ข' })] }],
      baseline: { name: BASE, values: [[...BASELINE_LAYOUT.headers]] },
      fiscalYear: 2565,
    }).problems;
    expect(where(problems)).toEqual([[ACT, 1, 1]]);
    expect(problems[0].message).toContain('ไม่ใช่หัวตาราง');
  });

  test('a header row sorted into the data is pointed out and not read', () => {
    const problems = check({ activities: [act(), [...ACTIVITY_LAYOUT.headers], act({ activity: 'ข' })] });
    expect(where(problems)).toEqual([[ACT, 3, 1]]);
    expect(problems[0].message).toContain('หัวตารางซ้ำ');
  });

  test('a counting column removed from the header stops the sheet, naming the column', () => {
    const header = ACTIVITY_LAYOUT.headers.map((h, i) => (i === A.date ? 'วัน' : h));
    const problems = dataCheck({
      districts: NAMES,
      sheets: [{ name: ACT, kind: 'activities', district: THA_BO, values: [header, act()] }],
      baseline: { name: BASE, values: [[...BASELINE_LAYOUT.headers]] },
      fiscalYear: 2565,
    }).problems;
    expect(where(problems)).toEqual([[ACT, 1, 1]]);
    expect(problems[0].message).toContain('"วันที่"');
  });

  test('formulas and error values in entry cells', () => {
    const values = [
      [...ACTIVITY_LAYOUT.headers],
      act({ date: d(2022, 1, 5) }),
      act({ activity: '#NAME?' }),
      act({ activity: 'ค', operators: 5 }),
    ];
    const formulas = values.map((row) => row.map(() => ''));
    formulas[1][A.date] = '=NOW()';
    formulas[2][A.activity] = '=XYZ()';
    formulas[3][A.operators] = '=2+3';
    const problems = dataCheck({
      districts: NAMES,
      sheets: [{ name: ACT, kind: 'activities', district: THA_BO, values, formulas }],
      baseline: { name: BASE, values: [[...BASELINE_LAYOUT.headers]] },
      fiscalYear: 2565,
    }).problems;
    expect(where(problems)).toEqual([
      [ACT, 2, A.date + 1],
      [ACT, 3, A.activity + 1],
      [ACT, 4, A.operators + 1],
    ]);
    expect(problems[0].message).toContain('ทำให้ตารางอำเภอของอำเภอนี้คำนวณไม่ได้');
    expect(problems[1].message).toContain('#NAME?');
    expect(problems[2].message).toContain('ให้พิมพ์ค่าแทนสูตร');
  });
});
