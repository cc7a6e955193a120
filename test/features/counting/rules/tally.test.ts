import { dayOf } from '../../../../src/kernel/civilDate';
import { NONG_KHAI_DISTRICTS } from '../../../../src/features/setup/rules/districts';
import { ACTIVITY_WIDTH, ONLINE_WIDTH } from '../../../../src/features/counting/rules/entryLayout';
import { type DistrictTally, tally, tallyCounts, type TallyInput } from '../../../../src/features/counting/rules/tally';

const NAMES = NONG_KHAI_DISTRICTS.map((d) => d.name);
const [MUEANG, PHON_PHISAI, THA_BO, , FAO_RAI, , , SANGKHOM] = NAMES;
const END_2565 = dayOf(2022, 9, 30);

/** A date cell. */
const d = (year: number, month: number, day: number) => new Date(year, month - 1, day);

/** An activities row. */
function act(date: unknown, district: string, name = 'ตลาดนัด', budget: unknown = 'ไม่ใช้', place = 'วัด'): unknown[] {
  const row: unknown[] = Array(ACTIVITY_WIDTH).fill('');
  [row[0], row[1], row[2], row[3], row[5]] = [date, district, name, place, budget];
  return row;
}

/** An online row. */
function onl(
  date: unknown,
  district: string,
  regNo: unknown,
  name: string,
  channel: string,
  product = 'ผ้า',
  link = '',
): unknown[] {
  const row: unknown[] = Array(ONLINE_WIDTH).fill('');
  [row[0], row[1], row[2], row[3], row[4], row[5], row[6]] = [date, district, regNo, name, product, channel, link];
  return row;
}

/**
 * Runs the tally for FY 2565 up to its end unless told otherwise; every test thereby also
 * checks that the counts-only fast path (OTOP_TALLY's) agrees with it.
 */
function run(input: Partial<TallyInput>) {
  const full: TallyInput = {
    districts: NAMES,
    activities: [],
    online: [],
    baseline: [],
    asOf: END_2565,
    fiscalYear: 2565,
    ...input,
  };
  const result = tally(full);
  expect(tallyCounts(full)).toEqual(result.districts);
  // Each district's operator days are its counted new operators' days (the trend's one source).
  for (const d of result.districts) {
    const evidence = result.newOperators.filter((o) => o.district === d.district).map((o) => o.day);
    expect([...d.operatorDays].sort((a, b) => a - b)).toEqual(evidence.sort((a, b) => a - b));
  }
  return result;
}

/** The counts of one district as [activities, channels, new operators]. */
function counts(result: { districts: readonly DistrictTally[] }, district: string): number[] {
  const t = result.districts.find((x) => x.district === district) as DistrictTally;
  return [t.activities, t.channels, t.newOperators];
}

describe('activities', () => {
  test('counts non-budget activities per district, whatever the spelling of the district', () => {
    const r = run({
      activities: [
        act(d(2022, 1, 10), 'เมืงหนองคาย'),
        act(d(2022, 2, 10), 'อำเภอเมืองหนองคาย'),
        act(d(2022, 3, 10), 'อ.เผ่าไร่'),
        act(d(2022, 3, 11), 'อำเภอ โพธิ์พิสัย'),
      ],
    });
    expect(r.districts.map((t) => t.activities)).toEqual([2, 1, 0, 0, 1, 0, 0, 0, 0]);
  });

  test('an activity that used a government budget, or whose budget cell is unreadable, does not count; blank counts', () => {
    const r = run({
      activities: [
        act(d(2022, 1, 10), THA_BO, 'ก', 'ใช้'),
        act(d(2022, 1, 11), THA_BO, 'ข', true),
        act(d(2022, 1, 12), THA_BO, 'ค', 'บางส่วน'),
        act(d(2022, 1, 13), THA_BO, 'ง', ''),
        act(d(2022, 1, 14), THA_BO, 'จ', 'no'),
        act(d(2022, 1, 15), THA_BO, 'ฉ', false),
      ],
    });
    expect(counts(r, THA_BO)[0]).toBe(3);
    expect(r.activities.map((a) => a.activity)).toEqual(['ง', 'จ', 'ฉ']);
  });

  test('reads BE text dates and BE years typed into date cells', () => {
    const r = run({
      activities: [
        act('25/03/2565', SANGKHOM, 'a'),
        act('๒๕ มี.ค. ๖๕', SANGKHOM, 'b'),
        act('25 มีนาคม 2565', SANGKHOM, 'c'),
        act(new Date(2565, 2, 25), SANGKHOM, 'd'),
      ],
    });
    expect(counts(r, SANGKHOM)[0]).toBe(4);
    expect(r.activities.every((a) => a.day === dayOf(2022, 3, 25))).toBe(true);
  });

  test('the fiscal year starts on 1 Oct 2564: 30 Sep 2564 does not count', () => {
    const r = run({
      activities: [
        act(d(2021, 9, 30), MUEANG, 'ก'),
        act(d(2021, 10, 1), MUEANG, 'ข'),
        act('30/09/2564', MUEANG, 'ค'),
        act('1/10/2564', MUEANG, 'ง'),
      ],
    });
    expect(r.activities.map((a) => a.activity)).toEqual(['ข', 'ง']);
  });

  test('asOf is inclusive: a row on asOf counts, the next day does not', () => {
    const rows = [act(d(2022, 3, 25), MUEANG, 'on'), act(d(2022, 3, 26), MUEANG, 'after')];
    expect(run({ activities: rows, asOf: dayOf(2022, 3, 25) }).activities.map((a) => a.activity)).toEqual(['on']);
    expect(run({ activities: rows, asOf: dayOf(2022, 3, 24) }).activities).toEqual([]);
  });

  test('an asOf after the fiscal year counts nothing beyond 30 Sep 2565', () => {
    const rows = [act(d(2022, 9, 30), MUEANG, 'last'), act(d(2022, 10, 1), MUEANG, 'next FY')];
    expect(run({ activities: rows, asOf: dayOf(2022, 12, 31) }).activities.map((a) => a.activity)).toEqual(['last']);
    expect(
      run({ activities: rows, asOf: dayOf(2022, 12, 31), fiscalYear: 2566 }).activities.map((a) => a.activity),
    ).toEqual(['next FY']);
  });

  test('rows with an unknown district, no date or an unreadable date do not count', () => {
    const r = run({
      activities: [
        act(d(2022, 1, 1), 'บางกอกน้อย'),
        act('', MUEANG),
        act('31/02/2565', MUEANG),
        act('เมื่อวาน', MUEANG),
        act(d(2022, 1, 1), ''),
      ],
    });
    expect(r.activities).toEqual([]);
    expect(r.districts.every((t) => t.activities === 0)).toBe(true);
  });

  test('an exact duplicate row (ignoring spaces, date as a day) counts once; a real second event counts', () => {
    const r = run({
      activities: [
        act(d(2022, 1, 10), MUEANG, 'ตลาดนัด', 'ไม่ใช้', 'วัดโพธิ์'),
        act('10/01/2565', MUEANG, 'ตลาด นัด ', 'ไม่ใช้', 'วัด โพธิ์'),
        act(d(2022, 1, 10), MUEANG, 'ตลาดนัด', 'ไม่ใช้', 'ตลาดเทศบาล'),
        act(d(2022, 1, 11), MUEANG, 'ตลาดนัด', 'ไม่ใช้', 'วัดโพธิ์'),
      ],
    });
    expect(counts(r, MUEANG)[0]).toBe(3);
    expect(r.activities.map((a) => a.row)).toEqual([0, 2, 3]);
  });

  test('blank rows in the middle are skipped and rows keep their index', () => {
    const r = run({
      activities: [act(d(2022, 1, 10), MUEANG), Array(ACTIVITY_WIDTH).fill(''), [], act(d(2022, 1, 12), MUEANG)],
    });
    expect(r.activities.map((a) => a.row)).toEqual([0, 3]);
  });

  test('the evidence lists the counted activities by district, day and row', () => {
    const r = run({
      activities: [act(d(2022, 2, 1), THA_BO, 'ข'), act(d(2022, 1, 1), THA_BO, 'ก'), act(d(2022, 3, 1), MUEANG, 'ค')],
    });
    expect(r.activities.map((a) => [a.districtIndex, a.activity, a.row])).toEqual([
      [0, 'ค', 2],
      [2, 'ก', 1],
      [2, 'ข', 0],
    ]);
  });
});

describe('new operators and channels', () => {
  test('one operator on two channels, twice on one channel and with two products counts once', () => {
    const r = run({
      online: [
        onl(d(2022, 1, 5), FAO_RAI, '4301', 'กลุ่มทอผ้า', 'Facebook', 'ผ้าไหม'),
        onl(d(2022, 1, 6), FAO_RAI, '4301', 'กลุ่มทอผ้า', 'เฟซบุ๊ก', 'ผ้าฝ้าย'),
        onl(d(2022, 1, 7), FAO_RAI, '๔๓๐๑', 'กลุ่ม ทอผ้า', 'ช้อปปี้', 'ผ้าไหม'),
      ],
    });
    expect(counts(r, FAO_RAI)).toEqual([0, 2, 1]);
    expect(r.newOperators).toEqual([
      {
        districtIndex: 4,
        district: FAO_RAI,
        regNo: '4301',
        regNoText: '4301',
        name: 'กลุ่มทอผ้า',
        day: dayOf(2022, 1, 5),
        channels: ['Facebook', 'Shopee'],
        links: [],
        rows: [0, 1, 2],
      },
    ]);
  });

  test('channels are the distinct canonical channels of the new operators, per district', () => {
    const r = run({
      online: [
        onl(d(2022, 1, 5), SANGKHOM, '1', 'ก', 'FB'),
        onl(d(2022, 1, 5), SANGKHOM, '2', 'ข', 'facebook'),
        onl(d(2022, 1, 5), SANGKHOM, '3', 'ค', 'Line OA'),
        onl(d(2022, 1, 5), SANGKHOM, '4', 'ง', 'ไลน์'),
        onl(d(2022, 1, 5), SANGKHOM, '5', 'จ', 'ลาซาด้า'),
        onl(d(2022, 1, 5), THA_BO, '6', 'ฉ', 'TikTok'),
      ],
    });
    expect(counts(r, SANGKHOM)).toEqual([0, 3, 5]);
    expect(r.districts[7].channelNames).toEqual(['Facebook', 'LINE', 'Lazada']);
    expect(counts(r, THA_BO)).toEqual([0, 1, 1]);
  });

  test('an operator in the baseline by registration number does not count, even listed in another district', () => {
    const r = run({
      baseline: [[MUEANG, '๔๓๐๑๐๐๐๑', 'ชื่ออื่น']],
      online: [
        onl(d(2022, 1, 5), THA_BO, 43010001, 'กลุ่มจักสาน', 'Shopee'),
        onl(d(2022, 1, 5), THA_BO, '43010002', 'กลุ่มจักสาน 2', 'Lazada'),
      ],
    });
    expect(counts(r, THA_BO)).toEqual([0, 1, 1]);
    expect(r.newOperators.map((o) => o.regNo)).toEqual(['43010002']);
  });

  test('an operator in the baseline by name counts as old only in the same district', () => {
    const r = run({
      baseline: [[THA_BO, '', 'กลุ่ม แม่บ้าน บ้านหม้อ']],
      online: [
        onl(d(2022, 1, 5), 'อ.ท่าบ่อ', '', 'กลุ่มแม่บ้านบ้านหม้อ', 'Shopee'),
        onl(d(2022, 1, 5), SANGKHOM, '', 'กลุ่มแม่บ้านบ้านหม้อ', 'Shopee'),
      ],
    });
    expect(counts(r, THA_BO)).toEqual([0, 0, 0]);
    expect(counts(r, SANGKHOM)).toEqual([0, 1, 1]);
  });

  test('the baseline matches by name also when the online row has a number the baseline lacks', () => {
    const r = run({
      baseline: [[THA_BO, '', 'กลุ่มปั้นหม้อ']],
      online: [onl(d(2022, 1, 5), THA_BO, '777', 'กลุ่ม ปั้นหม้อ', 'Shopee')],
    });
    expect(r.newOperators).toEqual([]);
  });

  test('a row without a number is the same operator as a numbered row with the same name in the district', () => {
    const r = run({
      online: [
        onl(d(2022, 1, 5), PHON_PHISAI, '', 'วิสาหกิจ ชุมชน ข้าวหอม', 'Facebook'),
        onl(d(2022, 1, 6), 'โพธิ์พิสัย', '5555', 'วิสาหกิจชุมชนข้าวหอม', 'Shopee'),
        onl(d(2022, 1, 7), PHON_PHISAI, '', 'วิสาหกิจชุมชนข้าวหอม ', 'LINE'),
      ],
    });
    expect(counts(r, PHON_PHISAI)).toEqual([0, 3, 1]);
    expect(r.newOperators[0]).toMatchObject({ regNo: '5555', name: 'วิสาหกิจ ชุมชน ข้าวหอม', rows: [0, 1, 2] });
  });

  test('identity is transitive: a name-only row linked through a numbered row to the baseline is old', () => {
    const r = run({
      baseline: [[MUEANG, '222', 'ชื่อในฐาน']],
      online: [
        onl(d(2022, 1, 5), SANGKHOM, '', 'กลุ่มเอ', 'Facebook'),
        onl(d(2021, 5, 1), SANGKHOM, '222', 'กลุ่มเอ', 'Facebook'),
      ],
    });
    expect(r.newOperators).toEqual([]);
  });

  test('two registration numbers with one name are two operators (issue 20: group names repeat)', () => {
    const r = run({
      online: [
        onl(d(2022, 1, 5), THA_BO, '4303-0001', 'กลุ่มแม่บ้านเกษตรกร', 'Facebook'),
        onl(d(2022, 1, 6), THA_BO, '4303-0002', 'กลุ่มแม่บ้านเกษตรกร', 'Shopee'),
      ],
    });
    expect(counts(r, THA_BO)).toEqual([0, 2, 2]);
    expect(r.newOperators.map((o) => o.regNoText)).toEqual(['4303-0001', '4303-0002']);
  });

  test('a numbered baseline row keeps out only its own number, not another number of the same name', () => {
    const r = run({
      baseline: [[THA_BO, '4303-0002', 'กลุ่มแม่บ้านเกษตรกร']],
      online: [
        onl(d(2022, 1, 5), THA_BO, '4303-0001', 'กลุ่มแม่บ้านเกษตรกร', 'Facebook'),
        onl(d(2022, 1, 6), THA_BO, '๔๓๐๓-๐๐๐๒', 'กลุ่มแม่บ้าน เกษตรกร', 'Shopee'),
      ],
    });
    expect(counts(r, THA_BO)).toEqual([0, 1, 1]);
    expect(r.newOperators.map((o) => o.regNoText)).toEqual(['4303-0001']);
  });

  test('a baseline row without a number is one operator of its name: the one listed by number, else the lowest', () => {
    const online = [
      onl(d(2022, 1, 5), THA_BO, '4303-0001', 'กลุ่มแม่บ้านเกษตรกร', 'Facebook'),
      onl(d(2022, 1, 6), THA_BO, '4303-0002', 'กลุ่มแม่บ้านเกษตรกร', 'Shopee'),
      onl(d(2022, 1, 6), SANGKHOM, '4303-0003', 'กลุ่มแม่บ้านเกษตรกร', 'Shopee'),
    ];
    // Group names repeat: the name-only row is one of the two, taken as the lowest-numbered.
    const r = run({ baseline: [[THA_BO, '', 'กลุ่มแม่บ้านเกษตรกร']], online });
    expect(counts(r, THA_BO)).toEqual([0, 1, 1]);
    expect(r.newOperators.filter((o) => o.district === THA_BO).map((o) => o.regNoText)).toEqual(['4303-0002']);
    expect(counts(r, SANGKHOM)).toEqual([0, 1, 1]);
    // Listed by number too: the name-only row is that one, and the other is new.
    const listed = run({
      baseline: [
        [THA_BO, '', 'กลุ่มแม่บ้านเกษตรกร'],
        [SANGKHOM, '4303-0002', 'กลุ่มแม่บ้านเกษตรกร'],
      ],
      online,
    });
    expect(listed.newOperators.filter((o) => o.district === THA_BO).map((o) => o.regNoText)).toEqual(['4303-0001']);
    // Only one of that name: it is that one.
    expect(counts(run({ baseline: [[THA_BO, '', 'กลุ่มแม่บ้านเกษตรกร']], online: online.slice(0, 1) }), THA_BO)).toEqual([
      0, 0, 0,
    ]);
  });

  test('a row without a number whose name two new numbered operators carry adds none and brings its channel', () => {
    const online = [
      onl(d(2022, 1, 5), THA_BO, '4303-0002', 'กลุ่มแม่บ้านเกษตรกร', 'Facebook'),
      onl(d(2022, 1, 6), THA_BO, '4303-0001', 'กลุ่มแม่บ้านเกษตรกร', 'Facebook'),
      onl(d(2022, 1, 7), THA_BO, '', 'กลุ่มแม่บ้านเกษตรกร', 'LINE'),
    ];
    const r = run({ online });
    expect(counts(r, THA_BO)).toEqual([0, 2, 2]);
    // It goes with the lowest number, whatever the row order.
    expect(r.newOperators.find((o) => o.regNoText === '4303-0001')?.rows).toEqual([1, 2]);
    expect(counts(run({ online: [...online].reverse() }), THA_BO)).toEqual([0, 2, 2]);
  });

  test("a row without a number whose name is a new and a baseline operator's counts for neither", () => {
    const r = run({
      baseline: [[THA_BO, '4303-0002', 'กลุ่มแม่บ้านเกษตรกร']],
      online: [
        onl(d(2022, 1, 5), THA_BO, '4303-0001', 'กลุ่มแม่บ้านเกษตรกร', 'Facebook'),
        onl(d(2022, 1, 7), THA_BO, '', 'กลุ่มแม่บ้านเกษตรกร', 'LINE'),
      ],
    });
    expect(counts(r, THA_BO)).toEqual([0, 1, 1]);
    expect(r.newOperators[0].rows).toEqual([0]);
  });

  test('two name-only rows with the same name in different districts are two operators', () => {
    const r = run({
      online: [
        onl(d(2022, 1, 5), SANGKHOM, '', 'กลุ่มเอ', 'Facebook'),
        onl(d(2022, 1, 5), THA_BO, '', 'กลุ่มเอ', 'Facebook'),
      ],
    });
    expect(r.newOperators.map((o) => o.district)).toEqual([THA_BO, SANGKHOM]);
  });

  test('rows with an unknown channel, unknown district, no date, or outside the period do not count', () => {
    const r = run({
      asOf: dayOf(2022, 3, 31),
      online: [
        onl(d(2022, 1, 5), SANGKHOM, '1', 'ก', 'Tinder'),
        onl(d(2022, 1, 5), SANGKHOM, '2', 'ข', ''),
        onl(d(2022, 1, 5), 'พระนคร', '3', 'ค', 'Shopee'),
        onl('', SANGKHOM, '4', 'ง', 'Shopee'),
        onl('วันนี้', SANGKHOM, '5', 'จ', 'Shopee'),
        onl(d(2021, 9, 30), SANGKHOM, '6', 'ฉ', 'Shopee'),
        onl(d(2022, 4, 1), SANGKHOM, '7', 'ช', 'Shopee'),
        onl(d(2022, 3, 31), SANGKHOM, '8', 'ซ', 'Shopee'),
        onl(d(2021, 10, 1), SANGKHOM, '9', 'ฌ', 'Shopee'),
      ],
    });
    expect(r.newOperators.map((o) => o.regNo)).toEqual(['9', '8']);
    expect(counts(r, SANGKHOM)).toEqual([0, 1, 2]);
  });

  test('an operator whose unknown-channel row does not count still counts through its other row', () => {
    const r = run({
      online: [onl(d(2022, 1, 5), SANGKHOM, '1', 'ก', 'Tinder'), onl(d(2022, 1, 6), SANGKHOM, '1', 'ก', 'IG')],
    });
    expect(r.newOperators).toMatchObject([{ channels: ['Instagram'], rows: [1] }]);
  });

  test('an operator entered in two districts counts once, in the district of its earliest row', () => {
    const r = run({
      online: [onl(d(2022, 2, 1), THA_BO, '1', 'ก', 'Shopee'), onl(d(2022, 1, 1), SANGKHOM, '1', 'ก', 'Lazada')],
    });
    expect(counts(r, SANGKHOM)).toEqual([0, 2, 1]);
    expect(counts(r, THA_BO)).toEqual([0, 0, 0]);
  });

  test('a baseline operator brings no channel to its district', () => {
    const r = run({
      baseline: [[MUEANG, '1', 'ก']],
      online: [onl(d(2022, 1, 5), MUEANG, '1', 'ก', 'TikTok'), onl(d(2022, 1, 5), MUEANG, '2', 'ข', 'Shopee')],
    });
    expect(r.districts[0].channelNames).toEqual(['Shopee']);
  });

  test('blank rows in the middle of the online and baseline sheets are skipped', () => {
    const r = run({
      baseline: [['', '', ''], [MUEANG, '1', 'ก'], []],
      online: [
        Array(ONLINE_WIDTH).fill(''),
        onl(d(2022, 1, 5), MUEANG, '1', 'ก', 'TikTok'),
        [],
        onl(d(2022, 1, 5), MUEANG, '2', 'ข', 'Shopee'),
      ],
    });
    expect(r.newOperators).toMatchObject([{ regNo: '2', rows: [3] }]);
  });

  test('uses the given channel table', () => {
    const online = [onl(d(2022, 1, 5), MUEANG, '1', 'ก', 'โอทอป ทูเดย์')];
    expect(counts(run({ online }), MUEANG)).toEqual([0, 0, 0]);
    expect(counts(run({ online, channelRows: [['ช่องทาง'], ['OTOP Today', 'โอทอปทูเดย์']] }), MUEANG)).toEqual([0, 1, 1]);
  });

  test('the evidence lists operators by district, day and row, with links', () => {
    const r = run({
      online: [
        onl(d(2022, 3, 1), SANGKHOM, '3', 'ค', 'Shopee', 'ข้าว', 'https://shopee.co.th/c'),
        onl(d(2022, 2, 1), SANGKHOM, '2', 'ข', 'Shopee'),
        onl(d(2022, 2, 1), MUEANG, '1', 'ก', 'Shopee'),
      ],
    });
    expect(r.newOperators.map((o) => [o.district, o.name, o.day, o.links])).toEqual([
      [MUEANG, 'ก', dayOf(2022, 2, 1), []],
      [SANGKHOM, 'ข', dayOf(2022, 2, 1), []],
      [SANGKHOM, 'ค', dayOf(2022, 3, 1), ['https://shopee.co.th/c']],
    ]);
  });
});

describe('the district list', () => {
  test('a name listed twice gets the same counts; a blank or unknown name gets zeros', () => {
    const r = tally({
      districts: [MUEANG, '', 'อ.เมืองหนองคาย', 'บางรัก'],
      activities: [act(d(2022, 1, 1), MUEANG)],
      online: [onl(d(2022, 1, 1), 'เมืง หนองคาย', '1', 'ก', 'Shopee')],
      baseline: [],
      asOf: END_2565,
      fiscalYear: 2565,
    });
    expect(r.districts.map((t) => [t.district, t.activities, t.channels, t.newOperators])).toEqual([
      [MUEANG, 1, 1, 1],
      ['', 0, 0, 0],
      ['อ.เมืองหนองคาย', 1, 1, 1],
      ['บางรัก', 0, 0, 0],
    ]);
  });
});

describe('a generated 100 000-row input', () => {
  test('gives the counts of its construction', () => {
    const districts = Array.from({ length: 878 }, (_, i) => `อำเภอทดสอบ${i}`);
    const channels = [
      ['Facebook', 'FB'],
      ['LINE', 'ไลน์'],
      ['Shopee', 'ช้อปปี้'],
      ['Lazada', 'ลาซาด้า'],
      ['TikTok', 'ติ๊กต็อก'],
    ];
    const OPERATORS = 30_000;
    const online: unknown[][] = [];
    const baseline: unknown[][] = [];
    const expectedOps = new Array<number>(districts.length).fill(0);
    const expectedChannels = districts.map(() => new Set<string>());
    const day = (k: number) => new Date(2021, 9 + (k % 12), 1 + (k % 28)); // Oct 2564 – Sep 2565
    for (let k = 0; k < OPERATORS; k++) {
      const district = k % districts.length;
      const name = `กลุ่ม ${k}`;
      const reg = `43${String(k).padStart(6, '0')}`;
      const [c1, c2] = [channels[k % 5], channels[(k + 1) % 5]];
      // three rows per operator: name only, number and name on another channel, the first channel again
      online.push(onl(day(k), districts[district], '', name, c1[0]));
      online.push(onl(day(k + 1), `อ. ทดสอบ${district}`, reg, `กลุ่ม${k}`, c2[1], 'สินค้า 2'));
      online.push(
        onl(
          day(k + 2),
          districts[district],
          reg.replace(/\d/g, (x) => String.fromCharCode(0x0e50 + Number(x))),
          name,
          c1[1],
          'สินค้า 3',
        ),
      );
      if (k % 10 === 0) {
        // already online: by number listed in another district, or by name in the same district
        baseline.push(
          k % 20 === 0
            ? [districts[(district + 1) % districts.length], reg, `ชื่อเดิม ${k}`]
            : [districts[district], '', name],
        );
      } else {
        expectedOps[district]++;
        expectedChannels[district].add(c1[0]).add(c2[0]);
      }
    }
    // 10 000 rows that must not count: before the year, unknown channel, unknown district
    for (let j = 0; j < 10_000; j++) {
      const kind = j % 3;
      online.push(
        onl(
          kind === 0 ? d(2021, 9, 30) : day(j),
          kind === 2 ? 'ไม่มีอำเภอนี้' : districts[j % districts.length],
          `99${j}`,
          `x${j}`,
          kind === 1 ? 'Tinder' : 'Shopee',
        ),
      );
    }
    for (let j = 0; j < 10_000; j++) baseline.push([districts[j % districts.length], `88${j}`, `ฐาน ${j}`]);
    const activities: unknown[][] = [];
    const expectedActivities = new Array<number>(districts.length).fill(0);
    for (let j = 0; j < 40_000; j++) {
      const used = j % 5 === 0;
      activities.push(act(day(j), districts[j % districts.length], `งาน ${j}`, used ? 'ใช้' : 'ไม่ใช้'));
      if (!used) expectedActivities[j % districts.length]++;
    }
    expect(online).toHaveLength(100_000);

    const input = { districts, activities, online, baseline, asOf: END_2565, fiscalYear: 2565 };
    const r = tally(input);
    expect(tallyCounts(input)).toEqual(r.districts);
    expect(r.districts.map((t) => t.newOperators)).toEqual(expectedOps);
    expect(r.districts.map((t) => t.channels)).toEqual(expectedChannels.map((s) => s.size));
    expect(r.districts.map((t) => t.activities)).toEqual(expectedActivities);
    expect(r.newOperators).toHaveLength(27_000);
    expect(r.newOperators.every((o) => o.rows.length === 3)).toBe(true);
    expect(r.activities).toHaveLength(32_000);
  });
});
