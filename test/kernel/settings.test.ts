import { dayOf } from '../../src/kernel/civilDate';
import {
  BASIS_TEXT,
  defaultSettings,
  LABEL,
  LETTER_EMAIL,
  readSettings,
  settingsRows,
} from '../../src/kernel/settings';

const names = ['เมืองหนองคาย', 'ท่าบ่อ'];

describe('settings', () => {
  test('defaults are FY 2565’s, with the letter’s e-mail', () => {
    const s = defaultSettings(names);
    expect(s.fiscalYear).toBe(2565);
    expect(s.asOf).toBe(dayOf(2022, 9, 30));
    expect(s.rounds).toEqual([dayOf(2022, 3, 25), dayOf(2022, 5, 27), dayOf(2022, 9, 23)]);
    expect(s.reportEmail).toBe(LETTER_EMAIL);
    expect(s.monthlyDueDay).toBe(5);
  });

  test('written rows read back as the same settings', () => {
    const rows = settingsRows(defaultSettings(names), names).map(([label, value]) => [
      label,
      typeof value === 'object' ? new Date(2022, 8, 30) : value,
    ]);
    const { settings, problems } = readSettings(rows, names);
    expect(problems).toEqual([]);
    expect(settings.fiscalYear).toBe(2565);
    expect(settings.percentBasis).toBe('registered');
  });

  test('values are read by label, with Thai digits, BE text dates and e-mail lists', () => {
    const rows = [
      [LABEL.asOf, '๓๑/๐๓/๒๕๖๕'],
      [LABEL.fiscalYear, '๒๕๖๕'],
      [LABEL.percentBasis, BASIS_TEXT.neverOnline],
      [LABEL.provinceEditors, 'A@x.go.th, b@x.go.th;c@x.go.th'],
      [LABEL.districtEditors('ท่าบ่อ'), 'tha@x.go.th'],
    ];
    const { settings } = readSettings(rows, names);
    expect(settings.asOf).toBe(dayOf(2022, 3, 31));
    expect(settings.percentBasis).toBe('neverOnline');
    expect(settings.provinceEditors).toEqual(['a@x.go.th', 'b@x.go.th', 'c@x.go.th']);
    expect(settings.districtEditors.ท่าบ่อ).toEqual(['tha@x.go.th']);
    expect(settings.districtEditors.เมืองหนองคาย).toEqual([]);
  });

  test('an unreadable value keeps its default and is reported in Thai', () => {
    const { settings, problems } = readSettings(
      [
        [LABEL.asOf, 'เมื่อวาน'],
        [LABEL.monthlyDueDay, 40],
      ],
      names,
    );
    expect(settings.asOf).toBe(dayOf(2022, 9, 30));
    expect(settings.monthlyDueDay).toBe(5);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('นับผลถึงวันที่');
  });
});
