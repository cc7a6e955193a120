/**
 * The settings sheet: one setting a row (label · value · help), read by label so rows can be
 * moved. Defaults are FY 2565's, from the letter.
 */
import { CALENDAR_2565 } from '../core/calendar';
import type { Day } from '../core/civilDate';
import { parseDate } from '../core/dateParse';
import { fiscalYearBounds } from '../core/fiscalYear';
import { parseCount } from '../core/numbers';
import { cleanText, isBlank } from '../core/text';

/** How the displayed percentage is computed. */
export type PercentBasis = 'registered' | 'neverOnline';

/** The workbook's settings. */
export interface Settings {
  readonly province: string;
  /** BE fiscal year. */
  readonly fiscalYear: number;
  /** The live tallies count entries up to this day inclusive. */
  readonly asOf: Day;
  readonly rounds: readonly Day[];
  readonly monthlyDueDay: number;
  readonly reportEmail: string;
  readonly percentBasis: PercentBasis;
  readonly provinceEditors: readonly string[];
  /** Editors of each district's entry sheets, by canonical district name. */
  readonly districtEditors: Readonly<Record<string, readonly string[]>>;
}

export const BASIS_TEXT: Record<PercentBasis, string> = {
  registered: 'ผู้ประกอบการที่ลงทะเบียนทั้งหมด',
  neverOnline: 'ผู้ประกอบการที่ยังไม่เคยออนไลน์',
};

export const LABEL = {
  province: 'จังหวัด',
  fiscalYear: 'ปีงบประมาณ (พ.ศ.)',
  asOf: 'นับผลถึงวันที่',
  round: (n: number) => `กำหนดส่งสรุปผล รอบที่ ${n}`,
  monthlyDueDay: 'ส่งรายงานประจำเดือนภายในวันที่',
  reportEmail: 'อีเมลจังหวัดสำหรับส่งรายงาน',
  percentBasis: 'ฐานการคิดร้อยละ',
  provinceEditors: 'ผู้แก้ไขระดับจังหวัด (อีเมล)',
  districtEditors: (district: string) => `ผู้แก้ไข อ.${district} (อีเมล)`,
};

/** The letter's report address. */
export const LETTER_EMAIL = 'Pennung61@gmail.com';

/**
 * FY 2565's settings for a list of districts.
 * @param districts canonical district names
 */
export function defaultSettings(districts: readonly string[]): Settings {
  return {
    province: 'หนองคาย',
    fiscalYear: CALENDAR_2565.fiscalYear,
    asOf: fiscalYearBounds(CALENDAR_2565.fiscalYear).end,
    rounds: CALENDAR_2565.rounds,
    monthlyDueDay: CALENDAR_2565.monthlyDueDay,
    reportEmail: LETTER_EMAIL,
    percentBasis: 'registered',
    provinceEditors: [],
    districtEditors: Object.fromEntries(districts.map((d) => [d, []])),
  };
}

/** A settings row: label, value (a Day is written as ISO text for the adapter to turn into a date), help. */
export type SettingRow = [label: string, value: string | number | { day: Day }, help: string];

/**
 * The rows the set-up writes, in order.
 * @param settings the settings
 * @param districts canonical district names
 */
export function settingsRows(settings: Settings, districts: readonly string[]): SettingRow[] {
  return [
    [LABEL.province, settings.province, 'ชื่อจังหวัด แสดงในหัวรายงาน'],
    [LABEL.fiscalYear, settings.fiscalYear, 'ปีงบประมาณ พ.ศ. (1 ต.ค. ปีก่อน – 30 ก.ย.)'],
    [LABEL.asOf, { day: settings.asOf }, 'ตารางอำเภอนับรายการถึงวันนี้ (รวมวันนี้)'],
    ...settings.rounds.map((day, i): SettingRow => [LABEL.round(i + 1), { day }, 'วันกำหนดส่งสรุปผลรอบนี้ (ตัดยอด ณ วันนี้)']),
    [LABEL.monthlyDueDay, settings.monthlyDueDay, 'รายงานประจำเดือนส่งภายในวันที่นี้ของเดือนถัดไป'],
    [LABEL.reportEmail, settings.reportEmail, 'อีเมลที่รับรายงานของจังหวัด'],
    [LABEL.percentBasis, BASIS_TEXT[settings.percentBasis], 'ตัวหารของร้อยละ (เปลี่ยนแล้วกดตั้งค่าสมุดงานอีกครั้ง)'],
    [LABEL.provinceEditors, settings.provinceEditors.join(', '), 'แก้ไขได้ทุกชีต คั่นหลายอีเมลด้วย ,'],
    ...districts.map(
      (d): SettingRow => [
        LABEL.districtEditors(d),
        (settings.districtEditors[d] ?? []).join(', '),
        `แก้ไขได้เฉพาะชีตของ อ.${d}`,
      ],
    ),
  ];
}

/**
 * Reads settings from the sheet's rows; a missing or unreadable value keeps its default and
 * is reported.
 * @param rows the settings sheet's values
 * @param districts canonical district names
 * @return the settings and the problems found (Thai)
 */
export function readSettings(
  rows: readonly (readonly unknown[])[],
  districts: readonly string[],
): { settings: Settings; problems: string[] } {
  const byLabel = new Map<string, unknown>();
  for (const row of rows) if (!isBlank(row[0])) byLabel.set(cleanText(String(row[0])), row[1]);
  const defaults = defaultSettings(districts);
  const problems: string[] = [];
  const text = (label: string, dflt: string) =>
    isBlank(byLabel.get(label)) ? dflt : cleanText(String(byLabel.get(label)));
  const number = (label: string, dflt: number, ok: (n: number) => boolean) => {
    const value = byLabel.get(label);
    if (isBlank(value)) return dflt;
    const parsed = parseCount(value);
    if (parsed.ok && ok(parsed.value)) return parsed.value;
    problems.push(`ตั้งค่า "${label}": ${parsed.ok ? 'ค่าไม่อยู่ในช่วงที่ใช้ได้' : parsed.problem}`);
    return dflt;
  };
  const day = (label: string, dflt: Day) => {
    const value = byLabel.get(label);
    if (isBlank(value)) return dflt;
    const parsed = parseDate(value);
    if (parsed.ok) return parsed.value;
    problems.push(`ตั้งค่า "${label}": ${parsed.problem}`);
    return dflt;
  };
  const emails = (label: string) =>
    text(label, '')
      .split(/[,;\s]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean);
  const fiscalYear = number(LABEL.fiscalYear, defaults.fiscalYear, (n) => n > 2400 && n < 2700);
  const basisText = text(LABEL.percentBasis, BASIS_TEXT.registered);
  return {
    settings: {
      province: text(LABEL.province, defaults.province),
      fiscalYear,
      asOf: day(LABEL.asOf, fiscalYear === defaults.fiscalYear ? defaults.asOf : fiscalYearBounds(fiscalYear).end),
      rounds: defaults.rounds.map((d, i) => day(LABEL.round(i + 1), d)),
      monthlyDueDay: number(LABEL.monthlyDueDay, defaults.monthlyDueDay, (n) => n >= 1 && n <= 31),
      reportEmail: text(LABEL.reportEmail, defaults.reportEmail),
      percentBasis: basisText === BASIS_TEXT.neverOnline ? 'neverOnline' : 'registered',
      provinceEditors: emails(LABEL.provinceEditors),
      districtEditors: Object.fromEntries(districts.map((d) => [d, emails(LABEL.districtEditors(d))])),
    },
    problems,
  };
}
