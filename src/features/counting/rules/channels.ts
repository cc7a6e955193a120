/**
 * Online channels: the alias table (data the province can extend on the criteria sheet) and
 * the matcher that turns a typed channel name, or a shop's link, into its canonical name.
 */
import { cleanText, isBlank, nameKey } from '../../../kernel/text';

/** Headers of the alias table: canonical name, then one alias per cell. */
export const CHANNEL_TABLE_HEADERS: readonly string[] = ['ช่องทาง', 'ชื่อเรียกอื่น (ช่องละหนึ่งชื่อ)'];

/**
 * The default alias table, one row per channel: the canonical (display) name, then aliases.
 * An alias that looks like a domain (shopee.co.th) also recognises links on that site.
 */
export const DEFAULT_CHANNEL_ROWS: readonly (readonly string[])[] = [
  [
    'Facebook',
    'เฟซบุ๊ก',
    'เฟซบุ๊ค',
    'เฟสบุ๊ค',
    'เฟสบุ๊ก',
    // Misspellings seen in officers' sheets (tone mark, ซ/ส/ช, final ก/ค).
    'เฟสบุ้ค',
    'เฟซบุ้ค',
    'เฟสบุ้ก',
    'เฟซบุ้ก',
    'เฟสบุค',
    'เฟซบุค',
    'เฟชบุ๊ค',
    'เฟสบุ๊',
    'face book',
    'เฟซ',
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
    'ไลน์@',
    'ไลน',
    'ไลน์ออฟฟิเชียล',
    'LINE SHOPPING',
    'LINE MyShop',
    'line.me',
    'lin.ee',
  ],
  ['Shopee', 'ช้อปปี้', 'ช็อปปี้', 'ชอปปี้', 'ช๊อปปี้', 'ช้อปปี', 'ช็อปปี', 'ชอปปี', 'ช๊อปปี', 'shopee.co.th', 'shp.ee'],
  ['Lazada', 'ลาซาด้า', 'ลาซาดา', 'ลาซาด้าร์', 'lazada.co.th'],
  ['JD Central', 'JD', 'JDCentral', 'เจดี', 'เจดีเซ็นทรัล', 'jd.co.th'],
  ['Google', 'Google Ads', 'กูเกิล', 'กูเกิ้ล', 'Google My Business', 'Google Business Profile', 'Google Maps', 'g.page'],
  ['YouTube', 'ยูทูป', 'ยูทูบ', 'ยูทู้ป', 'ยูทู๊ป', 'ยูทิวบ์', 'youtube.com', 'youtu.be'],
  ['Instagram', 'IG', 'ไอจี', 'อินสตาแกรม', 'อินสตราแกรม', 'อินตราแกรม', 'อินสตา', 'insta', 'instagram.com'],
  ['TikTok', 'ติ๊กต็อก', 'ติ๊กต๊อก', 'ติ๊กต๊อค', 'ติกต็อก', 'ติ้กต้อก', 'ติ๊กตอก', 'ติกตอก', 'ติ๊กต่อก', 'TikTok Shop', 'tiktok.com'],
  ['Twitter', 'ทวิตเตอร์', 'twitter.com', 'x.com'],
  ['เว็บไซต์', 'Website', 'เว็บ', 'web', 'เว็ป', 'เว็ปไซต์', 'เวปไซต์', 'homepage', 'โฮมเพจ'],
  ['Thailandpostmart', 'Thailand Post Mart', 'ไปรษณีย์ไทย', 'ไทยแลนด์โพสต์มาร์ท', 'postmart', 'thailandpostmart.com'],
  ['ไทยเท่', 'Thaitae', 'thaitae.com'],
  ['LINE MAN', 'ไลน์แมน', 'LINE MAN Wongnai'],
  ['Grab', 'GrabFood', 'GrabMart', 'แกร็บ', 'แกรบ', 'แกร๊บ'],
  ['Robinhood', 'โรบินฮู้ด'],
  ['foodpanda', 'ฟู้ดแพนด้า'],
];

/** An alias that is a bare domain, such as shopee.co.th. */
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
/** The host of a typed link: with a scheme, or starting with www., or domain/path. */
const LINK_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/?#@\s]*@)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#]|$)/i;

/**
 * A matcher for an alias table: it gives the canonical channel of a typed name (compared as
 * name keys: case, spaces and zero-width characters ignored) or of a link on a known domain,
 * or undefined for an unknown name. A header row (first cell `ช่องทาง`) and rows with a blank
 * first cell are skipped; when an alias is on two rows, the first row wins.
 * @param rows the alias table: `[canonical, alias1, alias2, ...]` per row
 */
export function channelMatcher(rows: readonly (readonly unknown[])[]): (typed: string) => string | undefined {
  const byKey = new Map<string, string>();
  const byDomain = new Map<string, string>();
  for (const name of tableRows_(rows)) {
    for (const cell of name.cells) {
      const key = nameKey(cell);
      if (key === '') continue;
      if (!byKey.has(key)) byKey.set(key, name.canonical);
      if (DOMAIN.test(key) && !byDomain.has(key)) byDomain.set(key, name.canonical);
    }
  }
  return (typed) => {
    const key = nameKey(typed);
    if (key === '') return undefined;
    return byKey.get(key) ?? (byDomain.size > 0 ? channelOfLink_(cleanText(typed), byDomain) : undefined);
  };
}

/**
 * The canonical channel names of an alias table, in table order (for a drop-down list).
 * @param rows the alias table
 */
export function channelNames(rows: readonly (readonly unknown[])[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const { canonical } of tableRows_(rows)) {
    const key = nameKey(canonical);
    if (!seen.has(key)) names.push(canonical);
    seen.add(key);
  }
  return names;
}

/** The table's channel rows as canonical name and all its spellings (canonical first). */
function tableRows_(rows: readonly (readonly unknown[])[]): { canonical: string; cells: string[] }[] {
  const headerKey = nameKey(CHANNEL_TABLE_HEADERS[0]);
  const out: { canonical: string; cells: string[] }[] = [];
  for (const row of rows) {
    if (row.length === 0 || isBlank(row[0])) continue;
    const canonical = cleanText(String(row[0]));
    if (nameKey(canonical) === headerKey) continue;
    const cells = row.filter((cell) => !isBlank(cell)).map((cell) => cleanText(String(cell)));
    out.push({ canonical, cells });
  }
  return out;
}

/** The channel of a link whose host (or a parent domain of it) is a known domain. */
function channelOfLink_(text: string, byDomain: ReadonlyMap<string, string>): string | undefined {
  const m = LINK_HOST.exec(text);
  if (!m) return undefined;
  const labels = m[1].toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const found = byDomain.get(labels.slice(i).join('.'));
    if (found !== undefined) return found;
  }
  return undefined;
}
