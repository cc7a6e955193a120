import { channelMatcher, DEFAULT_CHANNEL_ROWS } from '../../../../src/features/counting/rules/channels';
import { criteriaOrDefault } from '../../../../src/features/setup/rules/criteriaTable';
import {
  CRITERIA_LAYOUT,
  channelTableOf,
  criteriaSheetRows,
  fitChannelRows,
} from '../../../../src/features/setup/sheets/criteriaSheet';
import { profileOf } from '../../../../src/kernel/yearProfile';

/** FY 2565's measures (the letter's three). */
const FY2565 = profileOf(2565).measures;

describe('the channel alias table fits the columns the formulas read', () => {
  const rows = criteriaSheetRows(criteriaOrDefault([], FY2565).criteria, FY2565);

  test('no default row is wider than the table', () => {
    for (const row of rows.slice(CRITERIA_LAYOUT.channels - 1)) {
      expect(row.length).toBeLessThanOrEqual(CRITERIA_LAYOUT.channelWidth);
    }
  });

  test('a long row continues under the same channel name and matches every alias as before', () => {
    const fitted = fitChannelRows(DEFAULT_CHANNEL_ROWS, 5);
    expect(fitted.every((r) => r.length <= 5)).toBe(true);
    const facebook = fitted.filter((r) => r[0] === 'Facebook');
    expect(facebook.length).toBeGreaterThan(1);
    const before = channelMatcher(DEFAULT_CHANNEL_ROWS);
    const after = channelMatcher(fitted);
    for (const alias of DEFAULT_CHANNEL_ROWS.flat()) expect(after(alias)).toBe(before(alias));
  });

  test('a channel without aliases keeps its row', () => {
    expect(fitChannelRows([['ไทยเท่']], 26)).toEqual([['ไทยเท่']]);
  });

  test('the server reads the cells the formulas read, and names what lies beyond', () => {
    const values: unknown[][] = rows.map((r) => [...r]);
    const wide = Array.from({ length: 28 }, (_, i) => (i === 0 ? 'Facebook' : i === 27 ? 'เฟสบุ๊คร้านค้า' : ''));
    values.push(wide);
    const table = channelTableOf(values);
    expect(table.rows.every((r) => r.length <= CRITERIA_LAYOUT.channelWidth)).toBe(true);
    expect(table.beyond).toEqual([`AB${values.length}`]);
    expect(channelMatcher(table.rows)('เฟสบุ๊คร้านค้า')).toBeUndefined();
  });
});
