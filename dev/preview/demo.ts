/**
 * The preview's demo workbook — ข้อมูลตัวอย่าง, invented for the preview, not real data: the
 * letter's nine districts (set up by the add-on's own sidebarSetUp) and entries typed the way
 * officers type them (BE dates as text, Thai digits, channel spellings, date cells), chosen so
 * the districts spread over every level, plus a few typing mistakes for the data check.
 */
import { LABEL } from '../../src/kernel/settings';
import type { PreviewRuntime } from './runtime';

export const DEMO_OWNER = 'province@nongkhai.example';
/** The province editor the demo names in the settings. */
export const DEMO_PROVINCE_EDITOR = 'editor@nongkhai.example';
/** One officer per district, named in the settings (invented addresses). */
export const DEMO_OFFICERS: Readonly<Record<string, string>> = {
  เมืองหนองคาย: 'mueang.nongkhai@district.example',
  โพนพิสัย: 'phon.phisai@district.example',
  ท่าบ่อ: 'tha.bo@district.example',
  รัตนวาปี: 'rattanawapi@district.example',
  เฝ้าไร่: 'fao.rai@district.example',
  ศรีเชียงใหม่: 'si.chiang.mai@district.example',
  สระใคร: 'sakhrai@district.example',
  สังคม: 'sangkhom@district.example',
  โพธิ์ตาก: 'pho.tak@district.example',
};
export const DEMO_WORKBOOK_NAME = 'ข้อมูลตัวอย่าง — สมุดงาน OTOP จังหวัดหนองคาย ปีงบประมาณ ๒๕๖๕';
/** Today in the demo: after round 1's deadline (25 Mar 2565), before round 2's. */
export const DEMO_TODAY = '2022-04-18';

/** How far each district has got: activities, channels (≤ operators), new operators. */
const PLAN: readonly { district: string; typed: string; activities: number; channels: number; operators: number }[] = [
  { district: 'เมืองหนองคาย', typed: 'อ.เมืองหนองคาย', activities: 4, channels: 2, operators: 10 }, // ดี
  { district: 'โพนพิสัย', typed: 'โพธิ์พิสัย', activities: 5, channels: 3, operators: 5 }, // ดีมาก
  { district: 'ท่าบ่อ', typed: 'ท่าบ่อ', activities: 3, channels: 1, operators: 2 }, // ปานกลาง
  { district: 'รัตนวาปี', typed: 'อำเภอรัตนวาปี', activities: 2, channels: 1, operators: 2 }, // พัฒนา
  { district: 'เฝ้าไร่', typed: 'เผ่าไร่', activities: 1, channels: 1, operators: 1 }, // ปรับปรุง
  { district: 'ศรีเชียงใหม่', typed: 'ศรีเชียงใหม่', activities: 2, channels: 0, operators: 0 }, // ต่ำกว่าเกณฑ์
  { district: 'สระใคร', typed: 'สระใคร', activities: 6, channels: 3, operators: 3 }, // ดีมาก
  { district: 'สังคม', typed: 'สังคม', activities: 4, channels: 2, operators: 3 }, // ดี
  { district: 'โพธิ์ตาก', typed: 'โพธิ์ตาก', activities: 3, channels: 1, operators: 1 }, // ปานกลาง
];

const ACTIVITIES = [
  ['ตลาดนัดสินค้า OTOP หน้าที่ว่าการอำเภอ', 'ลานหน้าที่ว่าการอำเภอ', 'พช.อำเภอ'],
  ['ตลาดริมโขง ถนนคนเดิน', 'ถนนริมโขง', 'เทศบาล'],
  ['ออกร้านงานบุญผะเหวด', 'วัดประจำหมู่บ้าน', 'กลุ่มผู้ผลิต'],
  ['ตลาดประชารัฐ สินค้าชุมชน', 'ตลาดประชารัฐ', 'OTOP Trader'],
  ['OTOP นวัตวิถี ชุมชนท่องเที่ยว', 'ศาลาประชาคมหมู่บ้าน', 'เครือข่าย OTOP'],
  ['ออกบูธงานเทศกาลบั้งไฟ', 'สนามกีฬาอำเภอ', 'ผู้ประกอบการ'],
] as const;
const GROUPS = ['กลุ่มทอผ้าฝ้าย', 'กลุ่มแม่บ้านเกษตรกร', 'วิสาหกิจชุมชนแปรรูปปลา', 'กลุ่มจักสานไม้ไผ่', 'กลุ่มสมุนไพร', 'กลุ่มผ้าไหมมัดหมี่'];
const VILLAGES = ['บ้านหาดคำ', 'บ้านโคกซวก', 'บ้านเดื่อ', 'บ้านจอมแจ้ง', 'บ้านดงสร้อย', 'บ้านนาข่า', 'บ้านหนองสองห้อง', 'บ้านวัดหลวง'];
const PRODUCTS = ['ผ้าฝ้ายย้อมคราม', 'ข้าวเกรียบปลา', 'ตะกร้าสาน', 'สบู่สมุนไพร', 'ผ้าไหมมัดหมี่', 'ปลาส้ม', 'กล้วยตาก', 'น้ำพริกปลาร้า'];
/** One spelling per channel, as officers type them (the channel table maps them to one name). */
const CHANNELS = [
  ['Facebook', 'FB', 'เพจเฟซบุ๊ก'],
  ['Shopee', 'ช้อปปี้', 'Shopee'],
  ['LINE', 'Line OA', 'ไลน์'],
] as const;
const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const thaiDigits = (text: string) => text.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);

/**
 * A date between 1 Oct 2564 and 15 Apr 2565, typed in one of the ways officers type dates.
 * @param seed picks the day and the way
 */
function typedDate(seed: number): string | Date {
  const day = new Date(2021, 9, 1 + ((seed * 37) % 196));
  const [d, m, be] = [day.getDate(), day.getMonth() + 1, day.getFullYear() + 543];
  switch (seed % 4) {
    case 0:
      return day; // a date cell
    case 1:
      return thaiDigits(`${d} ${THAI_MONTHS[m - 1]} ${be % 100}`); // ๑๕ ธ.ค. ๖๔
    default:
      return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${be}`; // 15/12/2564
  }
}

/**
 * Appends rows below a sheet's last row in one call, as officers add them.
 * @param runtime the preview
 * @param sheet the sheet's name
 * @param rows the rows
 */
export function typeRows(runtime: PreviewRuntime, sheet: string, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const target = runtime.book.spreadsheet.getSheetByName(sheet);
  if (!target) throw new Error(`no sheet ${sheet}`);
  target.getRange(target.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows as never);
}

/**
 * Runs the add-on's set-up, as the province would from the sidebar; fails loudly if it fails.
 * @param runtime the preview
 */
export function setUp(runtime: PreviewRuntime): void {
  const outcome = runtime.call('sidebarSetUp', [], runtime.owner);
  if (!outcome.ok) throw new Error(`sidebarSetUp failed: ${outcome.error.message}`);
}

/**
 * Types the demo's province editor and district officers into the settings, as the province
 * does, and runs set-up again to give them their sheets.
 * @param runtime the preview
 */
export function nameDemoOfficers(runtime: PreviewRuntime): void {
  const settings = runtime.book.spreadsheet.getSheetByName('ตั้งค่า');
  if (!settings) throw new Error('no settings sheet: set up first');
  const labels = settings
    .getRange(1, 1, settings.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  const put = (label: string, email: string) => {
    const row = labels.indexOf(label);
    if (row < 0) throw new Error(`no settings row ${label}`);
    settings.getRange(row + 1, 2).setValue(email);
  };
  put(LABEL.provinceEditors, DEMO_PROVINCE_EDITOR);
  for (const [district, email] of Object.entries(DEMO_OFFICERS)) put(LABEL.districtEditors(district), email);
  setUp(runtime);
  runtime.select('อำเภอ'); // the page opens on the district table
}

/** Seeds that act as the workbook's owner only (ownerOnly). */
const OWNER_ONLY_ = new WeakSet<(runtime: PreviewRuntime) => void>();

/**
 * Marks a seed that acts as the owner only: each call made as the owner (setUp) and typing
 * through the owner's view (runtime.book.spreadsheet), never as the preview's user. What it makes
 * then depends on the user only through the workbook's editors (the user is made one when the
 * workbook is created) and, for the owner, whether the address is hidden: the preview server
 * shares its workbook between users alike in those (an editor whose address is shown or hidden;
 * the owner and an anonymous caller).
 * @param seed the seed
 * @return the seed
 */
export function ownerOnly<S extends (runtime: PreviewRuntime) => void>(seed: S): S {
  OWNER_ONLY_.add(seed);
  return seed;
}

/**
 * Whether a seed was marked as acting as the owner only (ownerOnly).
 * @param seed the seed
 */
export function isOwnerOnly(seed: (runtime: PreviewRuntime) => void): boolean {
  return OWNER_ONLY_.has(seed);
}

/**
 * Set-up, the demo entries, then the officers named (and set-up again).
 * @param runtime the preview
 */
export function seedDemo(runtime: PreviewRuntime): void {
  setUp(runtime);
  let seed = 0;
  PLAN.forEach((plan, d) => {
    const activities = Array.from({ length: plan.activities }, (_, i) => {
      const [name, place, organiser] = ACTIVITIES[(d + i) % ACTIVITIES.length];
      const sales = 8000 + ((d * 7 + i * 13) % 20) * 1500;
      return [
        typedDate(++seed),
        plan.typed,
        `${name} ครั้งที่ ${i + 1}`,
        place,
        organiser,
        'ไม่ใช้',
        6 + ((d + i) % 9),
        sales,
        `https://example.com/demo/${d + 1}/event-${i + 1}`,
        '',
      ];
    });
    if (d === 0) {
      // used a government budget: listed, but does not count
      activities.push([
        typedDate(++seed),
        plan.typed,
        'งานแสดงสินค้า OTOP ประจำปี (งบจังหวัด)',
        'ศูนย์ราชการจังหวัด',
        'สนง.พช.จังหวัด',
        'ใช้',
        40,
        250000,
        'https://example.com/demo/fair',
        'ใช้งบประมาณจังหวัด',
      ]);
    }
    typeRows(runtime, `กิจกรรม ${plan.district}`, activities);

    const online = Array.from({ length: plan.operators }, (_, i) => {
      const channel = CHANNELS[i % Math.max(plan.channels, 1)][(d + i) % 3];
      const name = `${GROUPS[(d + i) % GROUPS.length]}${VILLAGES[(d * 3 + i) % VILLAGES.length]}`;
      const regNo = i % 5 === 4 ? '' : `NK-${String(d + 1).padStart(2, '0')}-${String(101 + i)}`;
      return [
        typedDate(++seed),
        plan.typed,
        regNo,
        name,
        PRODUCTS[(d + 2 * i) % PRODUCTS.length],
        channel,
        `https://example.com/demo/${d + 1}/shop-${i + 1}`,
        1500 + ((d + i) % 7) * 900,
        '',
      ];
    });
    // the first operator also sells on a second channel: still one operator
    if (plan.operators > 0)
      online.push([...online[0].slice(0, 5), 'TikTok', `https://example.com/demo/${d + 1}/tiktok`, 2400, 'ช่องทางที่สอง']);
    typeRows(runtime, `ออนไลน์ ${plan.district}`, online);
  });

  // Operators already online by September 2564 (not new), one of whom appears again.
  typeRows(runtime, 'ฐาน ๒๕๖๔', [
    ['เมืองหนองคาย', 'NK-01-001', 'กลุ่มทอผ้าบ้านเดิม'],
    ['ท่าบ่อ', 'NK-03-001', 'กลุ่มมะเขือเทศแปรรูปท่าบ่อ'],
    ['สังคม', 'NK-08-001', 'กลุ่มกล้วยตากบ้านผาตั้ง'],
  ]);
  typeRows(runtime, 'ออนไลน์ ท่าบ่อ', [
    [
      '๒๐ ม.ค. ๖๕',
      'ท่าบ่อ',
      'NK-03-001',
      'กลุ่มมะเขือเทศแปรรูปท่าบ่อ',
      'มะเขือเทศอบแห้ง',
      'Lazada',
      'https://example.com/demo/3/lazada',
      3200,
      'ออนไลน์ตั้งแต่ปี 2564',
    ],
  ]);

  // Typing mistakes for the data check (none of them counts).
  typeRows(runtime, 'กิจกรรม รัตนวาปี', [
    ['31/04/2565', 'รัตนวาปี', 'ตลาดนัดชุมชน', 'ลานวัด', 'กลุ่มผู้ผลิต', 'ไม่ใช้', 8, 'หนึ่งหมื่น', 'ดูในกลุ่มไลน์', ''],
  ]);
  typeRows(runtime, 'ออนไลน์ เฝ้าไร่', [
    ['10/02/2565', 'เฝ้าไร่', 'NK-05-120', 'กลุ่มจักสานบ้านโนนสวรรค์', 'กระติบข้าว', 'เว็บของกลุ่มเอง', '', '', ''],
  ]);
  nameDemoOfficers(runtime);
}
ownerOnly(seedDemo);

/** The officer the preview runs as with PREVIEW_DISTRICT (a made-up address). */
export const DEMO_OFFICER = 'officer@district.example';

/**
 * The demo workbook with one district's officer named in the settings (the province types the
 * address, then runs set-up again to give the officer their sheets), for a preview run as that
 * officer: `PREVIEW_DISTRICT=ท่าบ่อ npm start`.
 * @param district the district's canonical name
 * @param email the officer's address
 */
export function seedDemoWithOfficer(district: string, email = DEMO_OFFICER): (runtime: PreviewRuntime) => void {
  // one function per district and address: the preview server keeps what a seed made by its function
  const key = `${district} ${email}`;
  const made = officerSeeds_.get(key);
  if (made) return made;
  const seed = (runtime: PreviewRuntime) => {
    seedDemo(runtime);
    const settings = runtime.book.spreadsheet.getSheetByName('ตั้งค่า');
    const rows = settings?.getDataRange().getValues() ?? [];
    const row = rows.findIndex((r) => r[0] === `ผู้แก้ไข อ.${district} (อีเมล)`);
    if (!settings || row < 0) throw new Error(`PREVIEW_DISTRICT: no district "${district}" in the settings`);
    settings.getRange(row + 1, 2).setValue(email);
    setUp(runtime);
  };
  officerSeeds_.set(key, ownerOnly(seed));
  return seed;
}

const officerSeeds_ = new Map<string, (runtime: PreviewRuntime) => void>();
