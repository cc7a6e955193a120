/**
 * The settings sheet: one setting a row (label · value · help), read by label so rows can be
 * moved. Defaults are FY 2565's, from the letter. The district table's formulas and the server
 * read the settings with readSettings, so both see the same fiscal year, cut-off and basis.
 */
import { CALENDAR_2565 } from './calendar';
import { type Day, dayOf, ymdOf } from './civilDate';
import { parseDate } from './dateParse';
import type { PercentBasis } from './districtResult';
import { fiscalYearBounds } from './fiscalYear';
import { parseCount } from './numbers';
import { cleanText, isBlank, nameKey } from './text';
import { formatThaiDate } from './thaiDate';

export type { PercentBasis } from './districtResult';

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
 * The round deadlines of a fiscal year: the letter's for FY 2565; for another year the same
 * days of month a year apart (to be checked by the province, which set-up says).
 * @param fiscalYear BE fiscal year
 */
export function defaultRounds(fiscalYear: number): readonly Day[] {
  const shift = fiscalYear - CALENDAR_2565.fiscalYear;
  return CALENDAR_2565.rounds.map((day) => {
    const { year, month, day: d } = ymdOf(day);
    return dayOf(year + shift, month, d);
  });
}

/**
 * The settings for a list of districts: FY 2565's from the letter by default.
 * @param districts canonical district names
 * @param fiscalYear BE fiscal year (2565 by default)
 */
export function defaultSettings(districts: readonly string[], fiscalYear = CALENDAR_2565.fiscalYear): Settings {
  return {
    province: 'หนองคาย',
    fiscalYear,
    asOf: fiscalYearBounds(fiscalYear).end,
    rounds: defaultRounds(fiscalYear),
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
    [LABEL.percentBasis, BASIS_TEXT[settings.percentBasis], 'ตัวหารของร้อยละ (ตารางอำเภอเปลี่ยนตามทันที)'],
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
  const year = defaultSettings(districts, fiscalYear);
  const { start, end } = fiscalYearBounds(fiscalYear);
  const inYear = (d: Day) => d >= start && d <= end;
  const dateText = (d: Day) => formatThaiDate(d, { digits: 'arabic' });
  const yearText = `ปีงบประมาณ ${fiscalYear} (${dateText(start)} – ${dateText(end)})`;
  let asOf = day(LABEL.asOf, year.asOf);
  if (!inYear(asOf)) {
    problems.push(`ตั้งค่า "${LABEL.asOf}" (${dateText(asOf)}) อยู่นอก${yearText} จึงนับผลถึงสิ้นปีงบประมาณแทน ให้แก้วันที่ในชีตตั้งค่า`);
    asOf = end;
  }
  const rounds = year.rounds.map((d, i) => {
    const deadline = day(LABEL.round(i + 1), d);
    if (!inYear(deadline)) {
      problems.push(
        `ตั้งค่า "${LABEL.round(i + 1)}" (${dateText(deadline)}) อยู่นอก${yearText} ให้แก้เป็นวันกำหนดส่งของปีงบประมาณนี้`,
      );
    }
    return deadline;
  });
  const basisText = text(LABEL.percentBasis, BASIS_TEXT.registered);
  const percentBasis = basisOf(basisText);
  if (percentBasis === null) {
    problems.push(
      `ตั้งค่า "${LABEL.percentBasis}": ${JSON.stringify(basisText)} ไม่ใช่ "${BASIS_TEXT.registered}" หรือ "${BASIS_TEXT.neverOnline}" จึงใช้ "${BASIS_TEXT.registered}"`,
    );
  }
  return {
    settings: {
      province: text(LABEL.province, defaults.province),
      fiscalYear,
      asOf,
      rounds,
      monthlyDueDay: number(LABEL.monthlyDueDay, defaults.monthlyDueDay, (n) => n >= 1 && n <= 31),
      reportEmail: text(LABEL.reportEmail, defaults.reportEmail),
      percentBasis: percentBasis ?? 'registered',
      provinceEditors: emails(LABEL.provinceEditors),
      districtEditors: Object.fromEntries(districts.map((d) => [d, emails(LABEL.districtEditors(d))])),
    },
    problems,
  };
}

/**
 * The basis a settings cell names, or null when it names neither (compared as name keys, so
 * spacing does not matter).
 * @param text the cell's text
 */
export function basisOf(text: string): PercentBasis | null {
  const key = nameKey(text);
  if (key === nameKey(BASIS_TEXT.registered)) return 'registered';
  if (key === nameKey(BASIS_TEXT.neverOnline)) return 'neverOnline';
  return null;
}
