/**
 * A workbook as the previous version's set-up left it (the add-on before per-district formulas,
 * commit d9269b4^): sheets found by their names (no markers), one stacked OTOP_TALLY in H2 of
 * the district table with OTOP_TARGET / OTOP_PERCENT / OTOP_SCORE / OTOP_LEVEL / OTOP_NEXT over
 * whole columns in row 2, unquoted `เกณฑ์!` and `ตั้งค่า!` references, entry sheets of a new
 * sheet's 1 000 × 26, protections described `OTOP: กิจกรรม ท่าบ่อ`, and a five-column log.
 * Written by hand from that version's source and checked once against its built bundle's
 * set-up run on the stand-in (same values, formulas, protections and sheet sizes).
 */
import type { FakeSpreadsheet } from '../../dev/fakes';

/** The letter's districts as the previous version listed them, with their figures. */
export const PREVIOUS_DISTRICTS: readonly (readonly [name: string, registered: number, promoted: number])[] = [
  ['เมืองหนองคาย', 241, 16],
  ['โพนพิสัย', 102, 18],
  ['ท่าบ่อ', 74, 12],
  ['รัตนวาปี', 115, 10],
  ['เฝ้าไร่', 93, 20],
  ['ศรีเชียงใหม่', 39, 16],
  ['สระใคร', 62, 16],
  ['สังคม', 63, 6],
  ['โพธิ์ตาก', 29, 4],
];

const TABLE_HEADERS = [
  'ที่',
  'อำเภอ',
  'ผู้ประกอบการทั้งหมด (ก.ย. ๖๔)',
  'ส่งเสริมแล้ว ปี ๖๔',
  'เป้ากิจกรรม (ครั้ง)',
  'เป้าช่องทาง',
  'เป้าผู้ประกอบการ',
  'กิจกรรม (ครั้ง)',
  'ช่องทางออนไลน์',
  'ผู้ประกอบการรายใหม่',
  'ร้อยละ',
  'คะแนน',
  'ระดับ',
  'ขั้นต่อไป',
];
const ACTIVITY_HEADERS = [
  'วันที่',
  'อำเภอ',
  'ชื่อกิจกรรม',
  'สถานที่',
  'ผู้จัด',
  'ใช้งบประมาณภาครัฐ (ใช้/ไม่ใช้)',
  'ผู้ประกอบการที่เข้าร่วม (ราย)',
  'ยอดจำหน่าย (บาท)',
  'ลิงก์หลักฐาน',
  'หมายเหตุ',
];
const ONLINE_HEADERS = [
  'วันที่',
  'อำเภอ',
  'เลขทะเบียน OTOP',
  'ชื่อผู้ประกอบการ / กลุ่ม',
  'ผลิตภัณฑ์',
  'ช่องทาง',
  'ลิงก์',
  'ยอดจำหน่าย (บาท)',
  'หมายเหตุ',
];
const BASELINE_HEADERS = ['อำเภอ', 'เลขทะเบียน OTOP', 'ชื่อผู้ประกอบการ / กลุ่ม'];

const SETTINGS: readonly (readonly [string, unknown, string])[] = [
  ['การตั้งค่า', 'ค่า', 'คำอธิบาย'],
  ['จังหวัด', 'หนองคาย', 'ชื่อจังหวัด แสดงในหัวรายงาน'],
  ['ปีงบประมาณ (พ.ศ.)', 2565, 'ปีงบประมาณ พ.ศ. (1 ต.ค. ปีก่อน – 30 ก.ย.)'],
  ['นับผลถึงวันที่', new Date(2022, 8, 30), 'ตารางอำเภอนับรายการถึงวันนี้ (รวมวันนี้)'],
  ['กำหนดส่งสรุปผล รอบที่ 1', new Date(2022, 2, 25), 'วันกำหนดส่งสรุปผลรอบนี้ (ตัดยอด ณ วันนี้)'],
  ['กำหนดส่งสรุปผล รอบที่ 2', new Date(2022, 4, 27), 'วันกำหนดส่งสรุปผลรอบนี้ (ตัดยอด ณ วันนี้)'],
  ['กำหนดส่งสรุปผล รอบที่ 3', new Date(2022, 8, 23), 'วันกำหนดส่งสรุปผลรอบนี้ (ตัดยอด ณ วันนี้)'],
  ['ส่งรายงานประจำเดือนภายในวันที่', 5, 'รายงานประจำเดือนส่งภายในวันที่นี้ของเดือนถัดไป'],
  ['อีเมลจังหวัดสำหรับส่งรายงาน', 'Pennung61@gmail.com', 'อีเมลที่รับรายงานของจังหวัด'],
  ['ฐานการคิดร้อยละ', 'ผู้ประกอบการที่ลงทะเบียนทั้งหมด', 'ตัวหารของร้อยละ (เปลี่ยนแล้วกดตั้งค่าสมุดงานอีกครั้ง)'],
  ['ผู้แก้ไขระดับจังหวัด (อีเมล)', '', 'แก้ไขได้ทุกชีต คั่นหลายอีเมลด้วย ,'],
  ...PREVIOUS_DISTRICTS.map(
    ([name]) => [`ผู้แก้ไข อ.${name} (อีเมล)`, '', `แก้ไขได้เฉพาะชีตของ อ.${name}`] as [string, unknown, string],
  ),
];

/** The previous version's channel alias table, as it wrote it (src/core/channels.ts at 4a7ceb8, now src/features/counting/rules/channels.ts). */
const PREVIOUS_CHANNEL_ROWS: readonly (readonly string[])[] = [
  [
    'Facebook',
    'เฟซบุ๊ก',
    'เฟซบุ๊ค',
    'เฟสบุ๊ค',
    'เฟสบุ๊ก',
    'เฟส',
    'FB',
    'FB Page',
    'Facebook Page',
    'เพจ',
    'เพจเฟซบุ๊ก',
    'เพจเฟสบุ๊ค',
    'แฟนเพจ',
    'Facebook Marketplace',
    'facebook.com',
    'fb.com',
    'fb.me',
    'fb.watch',
  ],
  [
    'LINE',
    'Line OA',
    'LINE Official Account',
    'LINE@',
    'ไลน์',
    'ไลน์โอเอ',
    'ไลน์ OA',
    'ไลน์แอด',
    'LINE SHOPPING',
    'LINE MyShop',
    'line.me',
    'lin.ee',
  ],
  ['Shopee', 'ช้อปปี้', 'ช็อปปี้', 'ชอปปี้', 'ช๊อปปี้', 'shopee.co.th', 'shp.ee'],
  ['Lazada', 'ลาซาด้า', 'ลาซาดา', 'lazada.co.th'],
  ['JD Central', 'JD', 'JDCentral', 'เจดี', 'เจดีเซ็นทรัล', 'jd.co.th'],
  ['Google', 'Google Ads', 'กูเกิล', 'กูเกิ้ล', 'Google My Business', 'Google Business Profile', 'Google Maps', 'g.page'],
  ['YouTube', 'ยูทูป', 'ยูทูบ', 'ยูทิวบ์', 'youtube.com', 'youtu.be'],
  ['Instagram', 'IG', 'ไอจี', 'อินสตาแกรม', 'อินสตา', 'insta', 'instagram.com'],
  ['TikTok', 'ติ๊กต็อก', 'ติ๊กต๊อก', 'ติ๊กต๊อค', 'ติกต็อก', 'TikTok Shop', 'tiktok.com'],
  ['Twitter', 'ทวิตเตอร์', 'twitter.com', 'x.com'],
  ['เว็บไซต์', 'Website', 'เว็บ', 'web', 'เว็ป', 'เว็ปไซต์', 'เวปไซต์', 'homepage', 'โฮมเพจ'],
  ['Thailandpostmart', 'Thailand Post Mart', 'ไปรษณีย์ไทย', 'ไทยแลนด์โพสต์มาร์ท', 'postmart', 'thailandpostmart.com'],
  ['ไทยเท่', 'Thaitae', 'thaitae.com'],
  ['LINE MAN', 'ไลน์แมน', 'LINE MAN Wongnai'],
  ['Grab', 'GrabFood', 'GrabMart', 'แกร็บ', 'แกรบ', 'แกร๊บ'],
  ['Robinhood', 'โรบินฮู้ด'],
  ['foodpanda', 'ฟู้ดแพนด้า'],
];

const CRITERIA: readonly (readonly unknown[])[] = [
  ['เกณฑ์การให้คะแนน (แก้ไขได้ ทุกสูตรในสมุดงานอ่านจากตารางนี้)'],
  ['คะแนน', 'ระดับ', 'กิจกรรม (ครั้ง) ≥', 'ช่องทางออนไลน์ ≥', 'ผู้ประกอบการรายใหม่ ≥ ร้อยละ', 'สีพื้น', 'สีตัวอักษร', 'ชื่อสี'],
  [5, 'ดีมาก', 5, 3, 5, '#137333', '#ffffff', 'เขียวเข้ม'],
  [4, 'ดี', 4, 2, 4, '#b7e1cd', '#0d3b21', 'เขียวอ่อน'],
  [3, 'ปานกลาง', 3, 1, 3, '#ffe599', '#3d3100', 'เหลือง'],
  [2, 'พัฒนา', 2, 1, 2, '#f6b26b', '#4a2300', 'ส้ม'],
  [1, 'ปรับปรุง', 0, 1, 1, '#c5221f', '#ffffff', 'แดง'],
  [0, 'ต่ำกว่าเกณฑ์', '', '', '', '#c5221f', '#ffffff', 'แดง'],
  [],
  ['ชื่อช่องทางออนไลน์: ชื่อหลัก และชื่อเรียกอื่นที่นับเป็นช่องทางเดียวกัน (เพิ่มแถวหรือชื่อได้)'],
  ['ช่องทาง', 'ชื่อเรียกอื่น (ช่องละหนึ่งชื่อ)'],
  ...PREVIOUS_CHANNEL_ROWS,
];

/** Pads rows to a width. */
function grid_(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/**
 * The previous version's district table: figures, row 2's whole-column formulas, the criteria
 * goals on every row (unquoted), the total row.
 */
function tableRows_(): unknown[][] {
  const last = PREVIOUS_DISTRICTS.length + 1;
  const span = (c: string) => `${c}2:${c}${last}`;
  const stack = (kind: string, end: string) =>
    `{${PREVIOUS_DISTRICTS.map(([name]) => `'${kind} ${name}'!A2:${end}`).join('; ')}}`;
  const score = `${span('H')}, ${span('I')}, ${span('J')}, ${span('C')}, เกณฑ์!$A$2:$H$8`;
  const rows: unknown[][] = [TABLE_HEADERS];
  PREVIOUS_DISTRICTS.forEach(([name, registered, promoted], i) => {
    const row: unknown[] = [i + 1, name, registered, promoted, '=เกณฑ์!$C$3', '=เกณฑ์!$D$3'];
    if (i === 0) {
      row.push(
        `=OTOP_TARGET(${span('C')}, เกณฑ์!$E$3)`,
        `=OTOP_TALLY(${span('B')}, ${stack('กิจกรรม', 'J')}, ${stack('ออนไลน์', 'I')}, 'ฐาน ๒๕๖๔'!A2:C, ตั้งค่า!$B$4, ตั้งค่า!$B$3, เกณฑ์!$A$12:$Z)`,
        '',
        '',
        `=OTOP_PERCENT(${span('J')}, ${span('C')})`,
        `=OTOP_SCORE(${score})`,
        `=OTOP_LEVEL(${score})`,
        `=OTOP_NEXT(${score})`,
      );
    }
    rows.push(row);
  });
  const sum = (c: string) => `=SUM(${span(c)})`;
  rows.push([
    '',
    'รวมทั้งจังหวัด',
    sum('C'),
    sum('D'),
    sum('E'),
    '',
    sum('G'),
    sum('H'),
    '',
    sum('J'),
    `=OTOP_PERCENT(J${last + 1}, C${last + 1})`,
  ]);
  return grid_(rows, TABLE_HEADERS.length);
}

/**
 * Builds the previous version's workbook in a fresh fake workbook (its one blank sheet kept),
 * as its owner: the sheets in the order that set-up made them, each with its content and
 * protection. Entries and edits are the caller's.
 * @param ss the workbook, as its owner sees it
 */
export function buildPreviousVersion(ss: FakeSpreadsheet): void {
  const sheet = (name: string, rows: readonly (readonly unknown[])[], width: number) => {
    const s = ss.insertSheet(name, ss.getNumSheets());
    s.getRange(1, 1, rows.length, width).setValues(grid_(rows, width) as never);
    s.setFrozenRows(1);
    return s;
  };
  const protect = (s: ReturnType<typeof sheet>, description: string, warningOnly: boolean) =>
    s.protect().setDescription(description).setWarningOnly(warningOnly);

  const table = sheet('อำเภอ', tableRows_(), TABLE_HEADERS.length);
  const settings = sheet('ตั้งค่า', SETTINGS, 3);
  settings.getRange(4, 2, 4, 1).setNumberFormat('dd/mm/yyyy');
  const criteria = sheet('เกณฑ์', CRITERIA, Math.max(...CRITERIA.map((row) => row.length)));
  criteria.setFrozenRows(0);
  protect(settings, 'OTOP: ตั้งค่า (จังหวัด)', false);
  protect(criteria, 'OTOP: เกณฑ์ (จังหวัด)', false);
  protect(table, 'OTOP: อำเภอ (จังหวัด)', false);
  for (const [name] of PREVIOUS_DISTRICTS) {
    protect(sheet(`กิจกรรม ${name}`, [ACTIVITY_HEADERS], 10), `OTOP: กิจกรรม ${name}`, true);
    protect(sheet(`ออนไลน์ ${name}`, [ONLINE_HEADERS], 9), `OTOP: ออนไลน์ ${name}`, true);
  }
  protect(sheet('ฐาน ๒๕๖๔', [BASELINE_HEADERS], 3), 'OTOP: ฐาน ๒๕๖๔ (จังหวัด)', false);
  const log = sheet(
    'บันทึก',
    [
      ['เวลา', 'ผู้ใช้', 'การทำงาน', 'รายละเอียด', 'ผล'],
      [
        '๑ ธ.ค. ๖๔ เวลา 09:00 น.',
        'province@nongkhai.example',
        'ตั้งค่า / ซ่อมแซมสมุดงาน',
        'สร้าง 22 ชีต ซ่อมแซม 0 ชีต',
        'สำเร็จ',
      ],
    ],
    5,
  );
  protect(log, 'OTOP: บันทึก', false);
}
