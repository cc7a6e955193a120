/**
 * The settings sheet: one setting a row (label · value · help), read by label so rows can be
 * moved. Defaults are FY 2565's, from the letter. The district table's formulas and the server
 * read the settings with readSettings, so both see the same fiscal year, cut-off and basis.
 */
import { CALENDAR_2565 } from './calendar';
import type { Day } from './civilDate';
import { parseDate } from './dateParse';
import type { PercentBasis } from '../features/standing/rules/districtResult';
import { fiscalYearBounds, sameWeekdayOfMonth } from './fiscalYear';
import { parseCount } from './numbers';
import { cleanText, isBlank, nameKey } from './text';
import { formatThaiDate } from './thaiDate';

export type { PercentBasis } from '../features/standing/rules/districtResult';

/** The workbook's settings. */
export interface Settings {
  readonly province: string;
  /** BE fiscal year. */
  readonly fiscalYear: number;
  /** The count-up-to day the province set (the fiscal year's last day by default). */
  readonly asOf: Day;
  /**
   * The data day: today as the add-on last wrote it (set-up, the sidebar, the daily run), null
   * when the row is missing. A formula cannot read the clock and stay current (Sheets reruns a
   * custom function only when its arguments change), so the day is a cell the formulas read.
   */
  readonly dataDay: Day | null;
  /**
   * What the live figures count up to, inclusive: the earlier of asOf and the data day, so an
   * activity dated ahead (planned) counts from its day, never before (issue 20).
   */
  readonly countedTo: Day;
  readonly rounds: readonly Day[];
  readonly monthlyDueDay: number;
  readonly reportEmail: string;
  readonly percentBasis: PercentBasis;
  readonly provinceEditors: readonly string[];
  /** Editors of each district's entry sheets, by canonical district name. */
  readonly districtEditors: Readonly<Record<string, readonly string[]>>;
  /** The official reports' header block and signature (src/features/reports/sheets/officialForm.ts). */
  readonly official: OfficialSettings;
  /** The mobile page's address (the web app's /exec URL, docs/mobile.md); '' when not deployed. */
  readonly webAppUrl: string;
}

/** Who signs a report: name, position, telephone ('' when not given: a dotted line is printed). */
export interface Signatory {
  readonly name: string;
  readonly position: string;
  readonly phone: string;
}

/** What an official report's header block and signature block take from the settings. */
export interface OfficialSettings {
  /** ส่วนราชการ: the province office (and its group, telephone). */
  readonly agency: string;
  /** ที่: the reference number (prefix, e.g. นค 0019.3/). */
  readonly reference: string;
  /** เรียน: to whom the province's reports go. */
  readonly addressee: string;
  /** The province's reporter. */
  readonly reporter: Signatory;
  /** Each district's reporter, by canonical district name. */
  readonly districtReporters: Readonly<Record<string, Signatory>>;
}

export const BASIS_TEXT: Record<PercentBasis, string> = {
  registered: 'ผู้ประกอบการที่ลงทะเบียนทั้งหมด',
  neverOnline: 'ผู้ประกอบการที่ยังไม่เคยออนไลน์',
};

export const LABEL = {
  province: 'จังหวัด',
  fiscalYear: 'ปีงบประมาณ (พ.ศ.)',
  asOf: 'นับผลถึงวันที่',
  dataDay: 'ข้อมูล ณ วันที่',
  round: (n: number) => `กำหนดส่งสรุปผล รอบที่ ${n}`,
  monthlyDueDay: 'ส่งรายงานประจำเดือนภายในวันที่',
  reportEmail: 'อีเมลจังหวัดสำหรับส่งรายงาน',
  percentBasis: 'ฐานการคิดร้อยละ',
  provinceEditors: 'ผู้แก้ไขระดับจังหวัด (อีเมล)',
  districtEditors: (district: string) => `ผู้แก้ไข อ.${district} (อีเมล)`,
  agency: 'ส่วนราชการ (หัวรายงาน)',
  reference: 'ที่ (เลขที่หนังสือ)',
  addressee: 'เรียน (ผู้รับรายงาน)',
  reporterName: 'ผู้รายงาน (ชื่อ-สกุล)',
  reporterPosition: 'ตำแหน่งผู้รายงาน',
  reporterPhone: 'โทรศัพท์ผู้รายงาน',
  districtReporter: (district: string) => `ผู้รายงาน อ.${district} (ชื่อ; ตำแหน่ง; โทร.)`,
  webAppUrl: 'ลิงก์หน้าเว็บสำหรับโทรศัพท์',
};

/** The help of the mobile page's row. */
export const WEB_APP_URL_HELP =
  'ลิงก์ของหน้าเว็บ (Deploy → Web app ลงท้ายด้วย /exec) แผงควบคุมและอีเมลแจ้งเตือนจะแสดงลิงก์นี้ ว่างไว้ได้';

/** The letter's office, group and telephone (its signature block). */
export const LETTER_AGENCY = 'สำนักงานพัฒนาชุมชนจังหวัดหนองคาย กลุ่มงานส่งเสริมการพัฒนาชุมชน โทร. 0 4241 1182';
/** The letter's reference prefix (ที่ นค ๐๐๑๙.๓/๑๑๖๖๖): the running number is the registry's. */
export const LETTER_REFERENCE = 'นค 0019.3/';
/** To whom the province's summaries go by default (the head of the provincial office). */
export const LETTER_ADDRESSEE = 'พัฒนาการจังหวัดหนองคาย';

const NOBODY: Signatory = { name: '', position: '', phone: '' };

/**
 * A district reporter cell: "name; position; telephone" (any part may be missing).
 * @param text the cell's text
 */
export function signatoryOf(text: string): Signatory {
  const [name = '', position = '', phone = ''] = text.split(/[;；]/).map((p) => cleanText(p));
  return { name, position, phone };
}

/** The letter's report address. */
export const LETTER_EMAIL = 'Pennung61@gmail.com';

/**
 * The round deadlines of a fiscal year: the letter's for FY 2565; for another year each round on
 * the same weekday of the same week of its month (the letter's are the fourth Fridays of March,
 * May and September: FY 2566's are Fridays 24 March, 26 May and 22 September 2566), to be
 * checked by the province, which set-up says.
 * @param fiscalYear BE fiscal year
 */
export function defaultRounds(fiscalYear: number): readonly Day[] {
  return proposedRounds(CALENDAR_2565.rounds, fiscalYear - CALENDAR_2565.fiscalYear);
}

/**
 * A later year's round deadlines proposed from a year's: each on the same weekday of the same
 * week of its month (sameWeekdayOfMonth).
 * @param rounds the year's deadlines
 * @param years how many years later
 */
export function proposedRounds(rounds: readonly Day[], years: number): readonly Day[] {
  return rounds.map((day) => sameWeekdayOfMonth(day, years));
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
    dataDay: null,
    countedTo: fiscalYearBounds(fiscalYear).end,
    rounds: defaultRounds(fiscalYear),
    monthlyDueDay: CALENDAR_2565.monthlyDueDay,
    reportEmail: LETTER_EMAIL,
    percentBasis: 'registered',
    provinceEditors: [],
    districtEditors: Object.fromEntries(districts.map((d) => [d, []])),
    official: {
      agency: LETTER_AGENCY,
      reference: LETTER_REFERENCE,
      addressee: LETTER_ADDRESSEE,
      reporter: NOBODY,
      districtReporters: Object.fromEntries(districts.map((d) => [d, NOBODY])),
    },
    webAppUrl: '',
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
    [LABEL.agency, settings.official.agency, 'ส่วนราชการในหัวรายงานและหนังสือส่ง (ชื่อสำนักงาน กลุ่มงาน โทร.)'],
    [LABEL.reference, settings.official.reference, 'เลขที่หนังสือ (ที่) ในหัวรายงาน เช่น นค 0019.3/'],
    [LABEL.addressee, settings.official.addressee, 'ผู้รับรายงานของจังหวัด (เรียน …) ในรายงานและอีเมล'],
    [LABEL.reporterName, settings.official.reporter.name, 'ชื่อในช่องลงชื่อของรายงานจังหวัด (ว่างไว้ได้: พิมพ์เส้นให้เขียน)'],
    [LABEL.reporterPosition, settings.official.reporter.position, 'ตำแหน่งของผู้รายงาน'],
    [LABEL.reporterPhone, settings.official.reporter.phone, 'โทรศัพท์ของผู้รายงาน'],
    ...districts.map(
      (d): SettingRow => [
        LABEL.districtReporter(d),
        signatoryText_(settings.official.districtReporters[d] ?? NOBODY),
        `ผู้ลงชื่อในรายงานที่ อ.${d} ส่ง: ชื่อ; ตำแหน่ง; โทร. (คั่นด้วย ;)`,
      ],
    ),
    [LABEL.dataDay, settings.dataDay === null ? '' : { day: settings.dataDay }, DATA_DAY_HELP],
    [LABEL.webAppUrl, settings.webAppUrl, WEB_APP_URL_HELP],
  ];
}

/** The help of the data day's row. */
export const DATA_DAY_HELP =
  'ส่วนเสริมปรับเป็นวันนี้เองทุกวัน (ไม่ต้องแก้): ตารางอำเภอนับรายการถึงวันนี้ รายการที่ลงวันที่ล่วงหน้า (วางแผนไว้) นับเมื่อถึงวันนั้น';

/**
 * What officers are told when the live figures do not count up to today: the data day's row is
 * missing (planned entries then count), behind today (nobody named opened the sidebar today) or
 * ahead of it (typed by hand); '' when it is today.
 * @param settings the settings as read
 * @param today today
 */
export function dataDayNotice(settings: Settings, today: Day): string {
  const day = (d: Day) => formatThaiDate(d, { digits: 'arabic' });
  if (settings.dataDay === null) {
    return `ไม่พบแถว "${LABEL.dataDay}" ในชีตตั้งค่า ตารางอำเภอจึงนับรายการที่ลงวันที่ล่วงหน้าด้วย ให้จังหวัดกด "ตั้งค่า / ซ่อมแซมสมุดงาน" เพื่อเพิ่มกลับ`;
  }
  if (settings.dataDay < today) {
    return `ตัวเลขนับรายการถึงวันที่ ${day(settings.dataDay)} ("${LABEL.dataDay}" ในชีตตั้งค่า) ยังไม่ถึงวันนี้ เจ้าหน้าที่ที่มีชื่อในชีตตั้งค่าเปิดแถบด้านข้างแล้วจะปรับเป็นวันนี้`;
  }
  if (settings.dataDay > today) {
    return `"${LABEL.dataDay}" ในชีตตั้งค่าเป็นวันที่ ${day(settings.dataDay)} ซึ่งเลยวันนี้ รายการที่ลงวันที่ล่วงหน้าจึงถูกนับด้วย เจ้าหน้าที่ที่มีชื่อในชีตตั้งค่าเปิดแถบด้านข้างแล้วจะปรับเป็นวันนี้`;
  }
  return '';
}

/** A signatory as its settings cell. */
function signatoryText_(s: Signatory): string {
  return s.name || s.position || s.phone ? [s.name, s.position, s.phone].join('; ') : '';
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
  // The first row of the label: the cell set-up opens to every officer and keeps (a copied row
  // below changes nothing).
  const dataDayValue = rows.find((row) => !isBlank(row[0]) && cleanText(String(row[0])) === LABEL.dataDay)?.[1];
  const dataDayParsed = isBlank(dataDayValue) ? null : parseDate(dataDayValue);
  if (dataDayParsed && !dataDayParsed.ok) problems.push(`ตั้งค่า "${LABEL.dataDay}": ${dataDayParsed.problem}`);
  const dataDay = dataDayParsed === null ? null : dataDayParsed.ok ? dataDayParsed.value : end;
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
  const webAppUrl = text(LABEL.webAppUrl, '');
  const phonePage = /^https:\/\/script\.google\.com\/\S+$/.test(webAppUrl);
  if (webAppUrl && !phonePage) {
    problems.push(
      `ตั้งค่า "${LABEL.webAppUrl}": ${JSON.stringify(webAppUrl)} ไม่ใช่ลิงก์หน้าเว็บของ Apps Script (ขึ้นต้นด้วย https://script.google.com/) จึงไม่แสดง`,
    );
  }
  return {
    settings: {
      webAppUrl: phonePage ? webAppUrl : '',
      province: text(LABEL.province, defaults.province),
      fiscalYear,
      asOf,
      dataDay,
      countedTo: dataDay === null ? asOf : Math.min(asOf, dataDay),
      rounds,
      monthlyDueDay: number(LABEL.monthlyDueDay, defaults.monthlyDueDay, (n) => n >= 1 && n <= 31),
      reportEmail: text(LABEL.reportEmail, defaults.reportEmail),
      percentBasis: percentBasis ?? 'registered',
      provinceEditors: emails(LABEL.provinceEditors),
      districtEditors: Object.fromEntries(districts.map((d) => [d, emails(LABEL.districtEditors(d))])),
      official: {
        agency: text(LABEL.agency, defaults.official.agency),
        reference: text(LABEL.reference, defaults.official.reference),
        addressee: text(LABEL.addressee, defaults.official.addressee),
        reporter: {
          name: text(LABEL.reporterName, ''),
          position: text(LABEL.reporterPosition, ''),
          phone: text(LABEL.reporterPhone, ''),
        },
        districtReporters: Object.fromEntries(
          districts.map((d) => [d, signatoryOf(text(LABEL.districtReporter(d), ''))]),
        ),
      },
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
