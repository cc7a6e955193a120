/**
 * OTOP_TALLY through the built bundle, with values made in the bundle's own scope (dates
 * from another scope are not `instanceof` its Date).
 */
import { type BundleScope, loadBundle } from '../support/loadBundle';

let gas: BundleScope;
beforeAll(() => {
  gas = loadBundle();
});

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const DISTRICTS = [['เมืองหนองคาย'], ['โพนพิสัย'], ['เฝ้าไร่'], ['']];
const act = (date: string, district: string, budget = 'ไม่ใช้') =>
  `[${date}, ${JSON.stringify(district)}, 'ตลาด', '', '', ${JSON.stringify(budget)}, 5, 100, '', '']`;
const onl = (date: string, district: string, regNo: string, name: string, channel: string) =>
  `[${date}, ${JSON.stringify(district)}, ${JSON.stringify(regNo)}, ${JSON.stringify(name)}, 'ผ้า', ${JSON.stringify(channel)}, '', '', '']`;

/** Calls OTOP_TALLY in the bundle's scope with row literals evaluated there. */
function tally(activities: string[], online: string[], baseline: string[][], extra = ''): unknown {
  const rows = (list: string[], width: number) =>
    list.length ? `[${list.join(',')}]` : `[${JSON.stringify(Array(width).fill(''))}]`;
  return plain(
    gas.run(
      `OTOP_TALLY(${JSON.stringify(DISTRICTS)}, ${rows(activities, 10)}, ${rows(online, 9)}, ${JSON.stringify(baseline.length ? baseline : [['', '', '']])}${extra})`,
    ),
  );
}

test('counts per district; a blank district row gives a blank row', () => {
  const result = tally(
    [
      act("'25/03/2565'", 'อ.เมืงหนองคาย'),
      act('new Date(2565, 2, 25)', 'เมืองหนองคาย'),
      act("'๒๕ มี.ค. ๖๕'", 'โพธิ์พิสัย'),
      act("'1/11/2564'", 'เผ่าไร่', 'ใช้'),
    ],
    [
      onl("'15/01/2565'", 'เมืองหนองคาย', 'NK-๐๐๑', 'กลุ่มทอผ้า', 'เฟซบุ๊ก'),
      onl("'16/01/2565'", 'เมืองหนองคาย', 'NK-001', 'กลุ่ม ทอผ้า', 'Shopee'), // same operator (Thai digits), second channel
      onl("'17/01/2565'", 'เมืองหนองคาย', '', 'กลุ่มทอผ้า', 'ไลน์'), // no number: same by name
      onl('new Date(2022, 0, 18)', 'อำเภอ โพนพิสัย', 'NK-200', 'กลุ่มจักสาน', 'Lazada'),
      onl("'18/01/2565'", 'เฝ้าไร่', 'NK-300', 'กลุ่มเดิม', 'Facebook'), // in the baseline by number
      onl("'18/01/2565'", 'เฝ้าไร่', '', 'กลุ่ม ข้าวฮาง', 'Facebook'), // in the baseline by name
    ],
    [
      ['โพนพิสัย', 'NK-300', 'อื่น'],
      ['เฝ้าไร่', '', 'กลุ่มข้าวฮาง'],
    ],
  );
  expect(result).toEqual([
    [2, 3, 1],
    [1, 1, 1],
    [0, 0, 0],
    ['', '', ''],
  ]);
});

test('the asOf day counts, the next day does not; FY 2565 starts on 1 Oct 2564', () => {
  const rows = [
    onl("'30/09/2564'", 'เฝ้าไร่', '1', 'ก', 'LINE'),
    onl("'01/10/2564'", 'เฝ้าไร่', '2', 'ข', 'LINE'),
    onl("'25/03/2565'", 'เฝ้าไร่', '3', 'ค', 'Shopee'),
    onl("'26/03/2565'", 'เฝ้าไร่', '4', 'ง', 'Lazada'),
  ];
  expect(tally([], rows, [], ', new Date(2022, 2, 25)')).toEqual([
    [0, 0, 0],
    [0, 0, 0],
    [0, 2, 2],
    ['', '', ''],
  ]);
  expect(tally([], rows, [], ", '๒๖ มีนาคม ๒๕๖๕'")).toEqual([
    [0, 0, 0],
    [0, 0, 0],
    [0, 3, 3],
    ['', '', ''],
  ]);
});

test('bad arguments throw Thai messages', () => {
  expect(() =>
    gas.run(`OTOP_TALLY([['ท่าบ่อ']], [[1, 2]], [${JSON.stringify(Array(9).fill(''))}], [['', '', '']])`),
  ).toThrow(/OTOP_TALLY: .*10 คอลัมน์/);
  expect(() =>
    gas.run(
      `OTOP_TALLY([['ท่าบ่อ']], [${JSON.stringify(Array(10).fill(''))}], [${JSON.stringify(Array(9).fill(''))}], [['', '', '']], 'เมื่อวาน')`,
    ),
  ).toThrow(/OTOP_TALLY: /);
});
