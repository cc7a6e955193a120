import {
  CHANNEL_TABLE_HEADERS,
  channelMatcher,
  channelNames,
  DEFAULT_CHANNEL_ROWS,
} from '../../../../src/features/counting/rules/channels';

const match = channelMatcher(DEFAULT_CHANNEL_ROWS);

describe('channelMatcher over the default table', () => {
  test.each([
    ['Facebook', 'Facebook'],
    ['facebook', 'Facebook'],
    ['FB', 'Facebook'],
    ['fb page', 'Facebook'],
    ['เฟซบุ๊ก', 'Facebook'],
    ['เฟสบุ๊ค', 'Facebook'],
    ['เพจ', 'Facebook'],
    ['เฟสบุ้ค', 'Facebook'],
    ['เฟซบุค', 'Facebook'],
    ['Face Book', 'Facebook'],
    ['ไลน์@', 'LINE'],
    ['ช้อปปี', 'Shopee'],
    ['ติ้กต้อก', 'TikTok'],
    ['ติกตอก', 'TikTok'],
    ['ยูทู้ป', 'YouTube'],
    ['อินสตราแกรม', 'Instagram'],
    ['Line', 'LINE'],
    ['Line OA', 'LINE'],
    ['LINE Official Account', 'LINE'],
    ['ไลน์', 'LINE'],
    ['ไลน์โอเอ', 'LINE'],
    ['Shopee', 'Shopee'],
    ['ช้อปปี้', 'Shopee'],
    ['ช็อปปี้', 'Shopee'],
    ['ลาซาด้า', 'Lazada'],
    ['JD', 'JD Central'],
    ['เจดี', 'JD Central'],
    ['Google Ads', 'Google'],
    ['กูเกิล', 'Google'],
    ['ยูทูป', 'YouTube'],
    ['ยูทูบ', 'YouTube'],
    ['IG', 'Instagram'],
    ['ไอจี', 'Instagram'],
    ['อินสตาแกรม', 'Instagram'],
    ['ติ๊กต็อก', 'TikTok'],
    ['tiktok shop', 'TikTok'],
    ['เว็บไซต์', 'เว็บไซต์'],
    ['Website', 'เว็บไซต์'],
    ['เว็บ', 'เว็บไซต์'],
    ['web', 'เว็บไซต์'],
    ['ไปรษณีย์ไทย', 'Thailandpostmart'],
    ['LINE MAN', 'LINE MAN'],
    ['ไลน์แมน', 'LINE MAN'],
  ])('%s → %s', (typed, canonical) => {
    expect(match(typed)).toBe(canonical);
  });

  test('ignores case, spaces and zero-width characters', () => {
    expect(match('FACEBOOK')).toBe('Facebook');
    expect(match(' f  b ')).toBe('Facebook');
    expect(match('Face\u200bbook')).toBe('Facebook');
    expect(match('line   oa')).toBe('LINE');
    expect(match('ไลน์ โอเอ')).toBe('LINE');
  });

  test('recognises a link by its domain', () => {
    expect(match('https://shopee.co.th/xyz')).toBe('Shopee');
    expect(match('https://www.facebook.com/otop.nongkhai')).toBe('Facebook');
    expect(match('m.facebook.com/page')).toBe('Facebook');
    expect(match('https://s.lazada.co.th/s.abc')).toBe('Lazada');
    expect(match('https://lin.ee/abc')).toBe('LINE');
    expect(match('https://youtu.be/xyz')).toBe('YouTube');
  });

  test('an unknown name, an unknown site or a look-alike domain is undefined', () => {
    expect(match('Tinder')).toBeUndefined();
    expect(match('')).toBeUndefined();
    expect(match('   ')).toBeUndefined();
    expect(match('https://example.com/shop')).toBeUndefined();
    expect(match('https://notshopee.co.th/x')).toBeUndefined();
  });

  test('every alias of the default table maps to its own row (no alias on two rows)', () => {
    for (const [canonical, ...aliases] of DEFAULT_CHANNEL_ROWS) {
      for (const alias of [canonical, ...aliases]) expect([alias, match(alias)]).toEqual([alias, canonical]);
    }
  });
});

describe('channelMatcher over a table from the sheet', () => {
  const rows = [
    [...CHANNEL_TABLE_HEADERS, ''],
    ['OTOP Today', 'โอทอปทูเดย์', ''],
    ['', 'orphan', ''],
    ['Facebook', 'FB', ''],
    ['Other', 'FB', 'otoptoday.com'],
  ];
  const custom = channelMatcher(rows);

  test('reads canonical names and aliases, ignoring blank cells', () => {
    expect(custom('โอทอป ทูเดย์')).toBe('OTOP Today');
    expect(custom('otop today')).toBe('OTOP Today');
    expect(custom('fb')).toBe('Facebook');
  });

  test('skips the header row and rows without a canonical name', () => {
    expect(custom('ช่องทาง')).toBeUndefined();
    expect(custom('orphan')).toBeUndefined();
  });

  test('an alias on two rows belongs to the first', () => {
    expect(custom('FB')).toBe('Facebook');
    expect(custom('Other')).toBe('Other');
  });

  test('a domain alias added by the province recognises links', () => {
    expect(custom('https://www.otoptoday.com/shop/1')).toBe('Other');
  });

  test('only the given table counts: default names are unknown', () => {
    expect(custom('Shopee')).toBeUndefined();
  });
});

describe('channelNames', () => {
  test('lists the canonical names in table order, once each', () => {
    const names = channelNames(DEFAULT_CHANNEL_ROWS);
    expect(names.slice(0, 5)).toEqual(['Facebook', 'LINE', 'Shopee', 'Lazada', 'JD Central']);
    expect(names).toHaveLength(DEFAULT_CHANNEL_ROWS.length);
    expect(channelNames([['ช่องทาง'], ['A'], ['a '], ['B']])).toEqual(['A', 'B']);
  });
});
