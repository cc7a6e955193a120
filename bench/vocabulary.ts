/**
 * What officers type, as the synthetic generator writes it: district names and their
 * spellings, channel names and aliases, dates in every accepted form, Thai digits. Written
 * independently of src/ (the generator's ground truth must not reuse the code it checks).
 */
import type { Rng } from './prng';

/** A district of a synthetic workbook, with the letter's figures. */
export interface BenchDistrict {
  readonly name: string;
  /** Other spellings of the same district accepted by the add-on (the letter's misspellings). */
  readonly variants: readonly string[];
  readonly registered: number;
  readonly promoted: number;
}

/** The letter's nine districts of Nong Khai (docs/domain.md#targets). */
export const LETTER_DISTRICTS: readonly BenchDistrict[] = [
  { name: 'เมืองหนองคาย', variants: ['เมืงหนองคาย'], registered: 241, promoted: 16 },
  { name: 'โพนพิสัย', variants: ['โพธิ์พิสัย'], registered: 102, promoted: 18 },
  { name: 'ท่าบ่อ', variants: [], registered: 74, promoted: 12 },
  { name: 'รัตนวาปี', variants: [], registered: 115, promoted: 10 },
  { name: 'เฝ้าไร่', variants: ['เผ่าไร่'], registered: 93, promoted: 20 },
  { name: 'ศรีเชียงใหม่', variants: [], registered: 39, promoted: 16 },
  { name: 'สระใคร', variants: [], registered: 62, promoted: 16 },
  { name: 'สังคม', variants: [], registered: 63, promoted: 6 },
  { name: 'โพธิ์ตาก', variants: [], registered: 29, promoted: 4 },
];

const NAME_HEADS = [
  'บ้าน',
  'นา',
  'โนน',
  'หนอง',
  'ดอน',
  'วัง',
  'ห้วย',
  'โพธิ์',
  'ศรี',
  'ชัย',
  'กุด',
  'คำ',
  'ท่า',
  'เชียง',
  'แม่',
  'สาม',
  'พระ',
  'นิคม',
  'ภู',
  'ลำ',
  'เขา',
  'บาง',
  'ปาก',
  'กระ',
  'ไชย',
  'สว่าง',
  'ทุ่ง',
  'ดง',
  'ป่า',
  'โคก',
];
const NAME_TAILS = [
  'แดง',
  'ใหญ่',
  'น้อย',
  'สูง',
  'ทอง',
  'เงิน',
  'ยาว',
  'กลาง',
  'หลวง',
  'งาม',
  'ไพร',
  'สวรรค์',
  'บุรี',
  'พัฒนา',
  'ศิลา',
  'ชุม',
  'สมบูรณ์',
  'ทราย',
  'ขาม',
  'เจริญ',
  'แก้ว',
  'สะอาด',
  'นคร',
  'ราษฎร์',
  'วารี',
  'ธานี',
  'คีรี',
  'มงคล',
  'สามัคคี',
  'ประชา',
];

/** District names no synthetic district may take: they stand for "unknown district" in the data. */
export const UNKNOWN_DISTRICTS: readonly string[] = ['ไม่ระบุ', 'ต่างจังหวัด', 'เมืองปลอม', 'กิ่งอำเภอทดสอบ'];

/**
 * The key under which the add-on compares names (white space, zero-width characters and case
 * ignored, Thai digits as Arabic), re-implemented here so the generator can keep names apart.
 * @param text a name
 */
export function benchKey(text: string): string {
  return text
    .replace(/[\s\u200b-\u200f\u2060\ufeff\u00a0]+/g, '')
    .toLowerCase()
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * `count` district names made of two Thai syllable groups (up to 900), none equal to one of
 * the letter's districts or spellings or to an "unknown" name.
 * @param count how many (878 for the whole country)
 * @param rng the random source
 */
export function syntheticDistricts(count: number, rng: Rng): BenchDistrict[] {
  const reserved = new Set(
    [...LETTER_DISTRICTS.flatMap((d) => [d.name, ...d.variants]), ...UNKNOWN_DISTRICTS, 'เมือง'].map(benchKey),
  );
  const names = rng
    .shuffled(NAME_HEADS.flatMap((h) => NAME_TAILS.map((t) => h + t)))
    .filter((n) => !reserved.has(benchKey(n)));
  if (names.length < count) throw new Error(`at most ${names.length} synthetic districts`);
  return names
    .slice(0, count)
    .map((name) => ({ name, variants: [], registered: rng.int(20, 400), promoted: rng.int(0, 30) }));
}

/**
 * How an officer types a known district: its name, a misspelling from the letter, with the
 * prefix อ. / อำเภอ, or with stray spaces (all read as the same district).
 * @param d the district
 * @param rng the random source
 */
export function typedDistrict(d: BenchDistrict, rng: Rng): string {
  const r = rng.next();
  if (r < 0.8) return d.name;
  if (r < 0.85 && d.variants.length > 0) return rng.pick(d.variants);
  if (r < 0.9) return `อ.${d.name}`;
  if (r < 0.95) return `อำเภอ ${d.name}`;
  return ` ${d.name}  `;
}

/** Canonical channels with their weights and some of their aliases (all in the default table). */
export const CHANNELS: readonly (readonly [string, number, readonly string[]])[] = [
  ['Facebook', 35, ['Facebook', 'facebook', 'FB', 'เฟซบุ๊ก', 'เฟสบุ๊ค', 'เพจ', 'FB Page']],
  ['LINE', 15, ['LINE', 'Line OA', 'ไลน์', 'LINE@', 'ไลน์ OA']],
  ['Shopee', 15, ['Shopee', 'shopee', 'ช้อปปี้', 'ช็อปปี้', 'https://shopee.co.th/otop.shop']],
  ['Lazada', 10, ['Lazada', 'ลาซาด้า', 'LAZADA']],
  ['TikTok', 8, ['TikTok', 'ติ๊กต็อก', 'TikTok Shop']],
  ['เว็บไซต์', 5, ['เว็บไซต์', 'Website', 'เว็บ']],
  ['Instagram', 4, ['Instagram', 'IG', 'ไอจี']],
  ['YouTube', 3, ['YouTube', 'ยูทูป']],
  ['Google', 2, ['Google', 'กูเกิล', 'Google Maps']],
  ['JD Central', 1, ['JD Central', 'JD']],
  ['Thailandpostmart', 2, ['Thailandpostmart', 'ไปรษณีย์ไทย']],
];

/** Channel names that are in no alias table (the row does not count). */
export const UNKNOWN_CHANNELS: readonly string[] = ['ตลาดนัดออนไลน์', 'Kaidee', 'ร้านค้าชุมชน', 'Etsy'];

/**
 * Arabic digits written as Thai digits.
 * @param text any text
 */
export function thaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

const MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];
const MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** A calendar day (CE). */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/**
 * A day as an officer enters it: a date cell, a date cell with a BE year (2565), or text
 * 25/03/2565, ๒๕ มี.ค. ๖๕, 25 มีนาคม 2565, ๒๕/๐๓/๒๕๖๕ (all the same day).
 * @param day the day
 * @param rng the random source
 */
export function typedDate(day: Ymd, rng: Rng): unknown {
  const be = day.y + 543;
  const dd = String(day.d).padStart(2, '0');
  const mm = String(day.m).padStart(2, '0');
  const r = rng.next();
  if (r < 0.35) return new Date(day.y, day.m - 1, day.d);
  if (r < 0.45) return new Date(be, day.m - 1, day.d);
  if (r < 0.7) return `${dd}/${mm}/${be}`;
  if (r < 0.75) return `${day.d}/${day.m}/${be}`;
  if (r < 0.85) return thaiDigits(`${day.d} ${MONTHS_SHORT[day.m - 1]} ${String(be).slice(2)}`);
  if (r < 0.95) return `${day.d} ${MONTHS[day.m - 1]} ${be}`;
  return thaiDigits(`${dd}/${mm}/${be}`);
}

/** Dates no reader can make sense of. */
export const UNREADABLE_DATES: readonly string[] = ['ไม่ทราบ', '31/02/2565', 'มีนาคม', '2565'];

const MS_PER_DAY = 86_400_000;

/**
 * A random day from `from` to `to` inclusive.
 * @param from first day
 * @param to last day
 * @param rng the random source
 */
export function randomDay(from: Ymd, to: Ymd, rng: Rng): Ymd {
  const a = Date.UTC(from.y, from.m - 1, from.d) / MS_PER_DAY;
  const b = Date.UTC(to.y, to.m - 1, to.d) / MS_PER_DAY;
  const t = new Date((a + rng.int(0, b - a)) * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * A name as typed again on another row: stray spaces, a zero-width space or Thai digits (the
 * same operator to the add-on).
 * @param name the operator's name
 * @param rng the random source
 */
export function retypedName(name: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.7) return name;
  if (r < 0.8) return name.replace(/ /g, '  ');
  if (r < 0.9) return `${name.slice(0, 3)}\u200b${name.slice(3)}`;
  return thaiDigits(name);
}
