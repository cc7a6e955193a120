/**
 * The round summary and the monthly report as official documents (officialForm.ts) of values
 * (snapshots: no formulas): their tables declared once (the district table, the evidence), which
 * the writer lays out in the sheet and the sender reads the sheet back with. User text (names,
 * activities, links, registration numbers) is written as text, as typed, by the writer.
 */
import type { Day } from '../../../kernel/civilDate';
import { ymdOf } from '../../../kernel/civilDate';
import { NO_FIGURE, UNASSESSED } from '../../standing/rules/districtResult';
import { defineLayout, type Layout, yearLayout } from '../../../kernel/layout';
import { LABEL_FISCAL_YEAR } from '../../../kernel/yearLabels';
import type { OfficialSettings, Signatory } from '../../../kernel/settings';
import { formatThaiDate, formatThaiMonth } from '../../../kernel/thaiDate';
import {
  type Align,
  type FormLayout,
  type FormSection,
  type FormShape,
  type FormTable,
  formLayout,
  memoReference,
  type ReportDocument,
} from './officialForm';
import type { ReportMark } from '../../setup/sheets/sheetMarkers';
import { type EntryKind, entrySheetName } from '../../setup/sheets/sheetNames';
import type { DistrictStanding, OmittedEvidence, Standing } from '../../standing/sheets/standing';
import type { MeasureKey, MeasureOf } from '../../../kernel/measures';
import { profileOf } from '../../../kernel/yearProfile';

/** Who made a report and when, for its header. */
export interface MadeBy {
  readonly province: string;
  readonly fiscalYear: number;
  /** E-mail, or a Thai phrase when unknown. */
  readonly who: string;
  /** Thai date-time text. */
  readonly when: string;
  /** The day it was made (the memo's date). */
  readonly day: Day;
  /** The header block's settings. */
  readonly official: Pick<OfficialSettings, 'agency' | 'reference' | 'addressee'>;
  readonly signature: Signatory;
}

export const TITLE = 'การบริหารการส่งเสริมช่องทางการตลาดผลิตภัณฑ์ชุมชน (OTOP)';
/** The status cell of the newest report. */
export const NEWEST = 'ฉบับล่าสุด';

/** The report tables' width of each measure's column (its header is the measure's short one). */
const MEASURE_WIDTHS: Readonly<Record<MeasureKey, number>> = { activities: 50, channels: 50, newOperators: 60 };
/** The monthly table's column of what each measure added in the month, beside the measure's. */
const ADDED_KEYS = {
  activities: 'activitiesAdded',
  channels: 'channelsAdded',
  newOperators: 'operatorsAdded',
} as const;

/**
 * A report table's column of a measure.
 * @param m the measure
 */
function measureColumn_(m: MeasureOf): { key: MeasureKey; header: string; width: number } {
  return { key: m.key, header: m.short, width: MEASURE_WIDTHS[m.key] };
}

/**
 * One layout per list of measures, made once (a layout is an object the readers compare by
 * identity and cache on).
 * @param make the layout of a list
 */
function perMeasures_<T>(make: (measures: readonly MeasureOf[]) => T): (measures: readonly MeasureOf[]) => T {
  const made = new Map<readonly MeasureOf[], T>();
  return (measures) => {
    let layout = made.get(measures);
    if (layout === undefined) {
      layout = make(measures);
      made.set(measures, layout);
    }
    return layout;
  };
}

/**
 * The round summary's table of a year's measures.
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf)
 */
const roundTable_ = (measures: readonly MeasureOf[]) =>
  defineLayout('สรุปผล', [
    { key: 'no', header: 'ที่', width: 28 },
    { key: 'district', header: 'อำเภอ', width: 90 },
    { key: 'registered', header: 'ผู้ประกอบการทั้งหมด', width: 60 },
    { key: 'promoted', header: 'ส่งเสริมแล้ว ปี ๖๔', width: 55 },
    { key: 'activityGoal', header: 'เป้ากิจกรรม', width: 50 },
    { key: 'channelGoal', header: 'เป้าช่องทาง', width: 50 },
    { key: 'target', header: 'เป้าผู้ประกอบการ', width: 55 },
    ...measures.map(measureColumn_),
    { key: 'percent', header: 'ร้อยละ', width: 45 },
    { key: 'score', header: 'คะแนน', width: 40 },
    { key: 'level', header: 'ระดับ', width: 60 },
    { key: 'next', header: 'ขั้นต่อไป', width: 170 },
    // Whether the district's figures are those it submitted or the live entries (its submission).
    { key: 'source', header: 'ที่มาของข้อมูล', width: 120 },
  ]);
/** The round summary's table of a year's measures, made once a list. */
export const roundTable = /* @__PURE__ */ perMeasures_(roundTable_);
/** The round summary's table of the letter's year (the self-check's sample). */
export const ROUND_TABLE = /* @__PURE__ */ roundTable(profileOf(LABEL_FISCAL_YEAR).measures);

/**
 * The monthly report's table of a year's measures.
 * @param measures the fiscal year's measures
 */
const monthTable_ = (measures: readonly MeasureOf[]) =>
  defineLayout('รายงานประจำเดือน', [
    { key: 'no', header: 'ที่', width: 28 },
    { key: 'district', header: 'อำเภอ', width: 90 },
    // Each measure, then what it added in the month.
    ...measures.flatMap((m) => [measureColumn_(m), { key: ADDED_KEYS[m.key], header: 'เพิ่มในเดือน', width: 50 }]),
    { key: 'target', header: 'เป้าผู้ประกอบการ', width: 55 },
    { key: 'percent', header: 'ร้อยละ', width: 45 },
    { key: 'score', header: 'คะแนน', width: 40 },
    { key: 'level', header: 'ระดับ', width: 60 },
    { key: 'lastLevel', header: 'ระดับเดือนก่อน', width: 60 },
    { key: 'next', header: 'ขั้นต่อไป', width: 170 },
  ]);
/** The monthly report's table of a year's measures, made once a list. */
export const monthTable = /* @__PURE__ */ perMeasures_(monthTable_);

/** Rows of the header block above a report's table. */
/** How the round table's and the monthly table's cells are aligned (numbers right, short codes centred). */
const ALIGN: Record<string, Align> = {
  no: 'center',
  district: 'left',
  level: 'center',
  next: 'left',
  source: 'left',
  lastLevel: 'center',
};
const alignOf_ = (layout: Layout<string>): Align[] => layout.columns.map((c) => ALIGN[c.key] ?? 'right');

/** The evidence of counted activities. */
export const ACTIVITY_EVIDENCE = /* @__PURE__ */ defineLayout('หลักฐานกิจกรรม', [
  { key: 'district', header: 'อำเภอ', width: 90 },
  { key: 'date', header: 'วันที่', width: 70 },
  { key: 'activity', header: 'กิจกรรม', width: 150 },
  { key: 'place', header: 'สถานที่', width: 110 },
  { key: 'organiser', header: 'ผู้จัด', width: 90 },
  { key: 'operators', header: 'ผู้ประกอบการที่เข้าร่วม', width: 70 },
  { key: 'link', header: 'ลิงก์หลักฐาน', width: 150 },
]);

/** The evidence of counted new operators. */
export const OPERATOR_EVIDENCE = /* @__PURE__ */ defineLayout('หลักฐานผู้ประกอบการ', [
  { key: 'district', header: 'อำเภอ', width: 90 },
  { key: 'date', header: 'วันที่', width: 70 },
  { key: 'name', header: 'ชื่อผู้ประกอบการ / กลุ่ม', width: 150 },
  { key: 'regNo', header: 'เลขทะเบียน OTOP', width: 90 },
  { key: 'channels', header: 'ช่องทาง', width: 110 },
  { key: 'links', header: 'ลิงก์', width: 150 },
]);

/** A report's declared tables: what its sheet is read back with. */
export interface ReportTables {
  readonly main: Omit<FormTable, 'rows' | 'total'>;
  readonly sections: readonly Omit<FormTable, 'rows' | 'total'>[];
}

/**
 * The declared tables of a kind of report.
 * @param kind round summary or monthly report
 * @param measures the report's fiscal year's measures (its table's columns)
 * @param fiscalYear BE fiscal year: headers naming the baseline's year say it (the letter's by default)
 */
export function reportTables(
  kind: 'round' | 'month',
  measures: readonly MeasureOf[],
  fiscalYear = LABEL_FISCAL_YEAR,
): ReportTables {
  const main = yearLayout(
    (kind === 'round' ? roundTable(measures) : monthTable(measures)) as Layout<string>,
    fiscalYear,
  );
  return {
    main: { layout: main, align: alignOf_(main) },
    sections: [
      {
        layout: ACTIVITY_EVIDENCE as Layout<string>,
        align: ['left', 'center', 'left', 'left', 'left', 'right', 'left'],
      },
      { layout: OPERATOR_EVIDENCE as Layout<string>, align: ['left', 'center', 'left', 'center', 'left', 'left'] },
    ],
  };
}

/** Where a report's parts are, from its marker: the form's shape it was written with. */
export interface ReportLayout extends FormLayout {
  readonly kind: 'round' | 'month';
  readonly tables: ReportTables;
  /** 1-based columns of the score, the level, the district's name and the next step. */
  readonly scoreColumn: number;
  readonly levelColumn: number;
  readonly nameColumn: number;
  readonly nextColumn: number;
}

/**
 * A report's layout.
 * @param kind round summary or monthly report
 * @param shape the form's shape kept in its marker
 * @param fiscalYear the report's BE fiscal year (sheetMarkers.ts reportYear): its measures' columns
 */
export function reportLayout(kind: 'round' | 'month', shape: FormShape, fiscalYear: number): ReportLayout {
  const tables = reportTables(kind, profileOf(fiscalYear).measures);
  const at = tables.main.layout.at as Record<string, number>;
  return {
    ...formLayout(shape),
    kind,
    tables,
    scoreColumn: at.score + 1,
    levelColumn: at.level + 1,
    nameColumn: at.district + 1,
    nextColumn: at.next + 1,
  };
}

const ROUND_PREFIX = 'สรุปผล รอบที่';
const MONTH_PREFIX = 'รายงานประจำเดือน';
const date = (day: Day) => formatThaiDate(day, { form: 'short', digits: 'arabic' });
const shown = (v: number | null | undefined) => (v === null || v === undefined ? NO_FIGURE : v);

/**
 * The name set-up gives a round's summary.
 * @param round 1–3
 */
export function roundSheetName(round: number): string {
  return `${ROUND_PREFIX} ${round}`;
}

/**
 * The name given to a month's report.
 * @param year CE year
 * @param month 1–12
 */
export function monthSheetName(year: number, month: number): string {
  return `${MONTH_PREFIX} ${formatThaiMonth(year, month, 'arabic')}`;
}

/** What a provisional report's name ends with. */
const PROVISIONAL_SUFFIX = ' (ชั่วคราว)';

/**
 * The name a report of a kind and period gets.
 * @param mark the report's mark
 */
export function reportName(mark: Pick<ReportMark, 'kind' | 'period' | 'provisional'>): string {
  const [year, month] = mark.period.split('-').map(Number);
  const base = mark.kind === 'round' ? roundSheetName(Number(mark.period)) : monthSheetName(year, month);
  return mark.provisional ? `${base}${PROVISIONAL_SUFFIX}` : base;
}

/**
 * The status cell of a provisional report (made before its cut-off), in the words of its period.
 * @param asOf the day its figures are from
 * @param kind a round's summary or a month's report
 */
export function provisionalStatus(asOf: Day, kind: 'round' | 'month'): string {
  const made = `ฉบับชั่วคราว (ข้อมูล ณ วันที่ ${formatThaiDate(asOf, { digits: 'arabic' })})`;
  return kind === 'round' ? `${made} ไม่ใช่ฉบับส่งรอบนี้` : `${made} ยังไม่สิ้นเดือน ไม่ใช่ฉบับส่งของเดือนนี้`;
}

/** The cells of a district's result (a count per measure of the year), or NO_FIGURE where it cannot be counted. */
function result_(d: DistrictStanding, measures: readonly MeasureOf[]) {
  const r = d.result;
  return {
    target: shown(r?.target),
    counts: measures.map((m) => shown(r?.[m.key])),
    percent: shown(r?.percent),
    score: shown(r?.score),
    level: r ? r.level : UNASSESSED,
    next: r ? r.next : d.problem,
  };
}

/** The memo, closing and signature of a report made by the province. */
function frame_(made: MadeBy, subject: string) {
  return {
    memo: {
      agency: made.official.agency,
      reference: memoReference(made.official.reference),
      date: formatThaiDate(made.day, { digits: 'arabic' }),
      subject,
      addressee: made.official.addressee,
    },
    sent: '',
    closing: 'จึงเรียนมาเพื่อโปรดทราบ',
    signature: made.signature,
    footer: `จัดทำด้วยส่วนเสริม OTOP โดย ${made.who} เมื่อ ${made.when}`,
  };
}

/**
 * The round summary: the memo, the districts with registered, promoted, targets, results,
 * percentage, score, level, next step and the figures' source, the province total, then the
 * evidence (every counted activity and new operator) and the signature.
 * @param standing the standing at the cut-off
 * @param round 1–3
 * @param made province, year, who and when, the header's settings
 * @param status NEWEST, or provisionalStatus(...)
 * @param sources per district, where its figures come from (its submission or the live entries)
 */
export function roundSummaryDocument(
  standing: Standing,
  round: number,
  made: MadeBy,
  status: string,
  sources: readonly string[] = [],
): ReportDocument {
  const total = standing.total;
  const cutOff = formatThaiDate(standing.asOf, { digits: 'arabic' });
  const { measures } = profileOf(made.fiscalYear);
  const rows = standing.districts.map((d, i) => {
    const r = result_(d, measures);
    return [
      i + 1,
      d.district,
      shown(d.figures.registered),
      shown(d.figures.promoted),
      d.activityGoal,
      d.channelGoal,
      r.target,
      ...r.counts,
      r.percent,
      r.score,
      r.level,
      r.next,
      sources[i] ?? '',
    ];
  });
  const totalRow = [
    '',
    'รวมทั้งจังหวัด',
    shown(total?.registered),
    shown(total?.promoted),
    shown(total?.activityGoal),
    '',
    shown(total?.target),
    // The measures the province adds up; the others (channels) stay blank, as in the district table.
    ...measures.map((m) => (m.summed ? shown(total?.[m.key]) : '')),
    shown(total?.percent),
    '',
    '',
    total ? '' : 'รวมไม่ได้จนกว่าทุกอำเภอจะนับได้',
    '',
  ];
  const tables = reportTables('round', measures, made.fiscalYear);
  return {
    ...frame_(made, `รายงานสรุปผลการดำเนินงาน รอบที่ ${round} ${TITLE} ประจำปีงบประมาณ พ.ศ. ${made.fiscalYear}`),
    status,
    asOf: cutOff,
    intro:
      `ตามที่กรมการพัฒนาชุมชนกำหนดให้${TITLE} เป็นภารกิจสำคัญ ประจำปีงบประมาณ พ.ศ. ${made.fiscalYear} ` +
      `จังหวัด${made.province}ขอรายงานสรุปผลการดำเนินงาน รอบที่ ${round} ข้อมูล ณ วันที่ ${cutOff} ดังนี้`,
    table: { ...tables.main, rows, total: totalRow },
    sections: evidence_(standing, () => true, tables, '', standing.omitted ?? []),
  };
}

/**
 * The monthly report: the same figures as of the month's last day, what changed during the
 * month (against the previous month's last day), and the month's counted entries.
 * @param atEnd the standing at the month's last day
 * @param atStart the standing at the previous month's last day
 * @param year CE year of the month
 * @param month 1–12
 * @param dueDay the report's due day of the next month
 * @param made province, year, who and when, the header's settings
 * @param status NEWEST, or provisionalStatus(...)
 */
export function monthlyReportDocument(
  atEnd: Standing,
  atStart: Standing,
  year: number,
  month: number,
  dueDay: number,
  made: MadeBy,
  status: string,
): ReportDocument {
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const change = (now: number | null | undefined, before: number | null | undefined) =>
    typeof now === 'number' && typeof before === 'number' ? now - before : NO_FIGURE;
  const { measures } = profileOf(made.fiscalYear);
  const rows = atEnd.districts.map((d, i) => {
    const r = result_(d, measures);
    const was = atStart.districts[i]?.result;
    return [
      i + 1,
      d.district,
      ...measures.flatMap((m, k) => [r.counts[k], change(d.result?.[m.key], was?.[m.key])]),
      r.target,
      r.percent,
      r.score,
      r.level,
      was ? was.level : UNASSESSED,
      r.next,
    ];
  });
  const totalRow = [
    '',
    'รวมทั้งจังหวัด',
    ...measures.flatMap((m) =>
      m.summed ? [shown(atEnd.total?.[m.key]), change(atEnd.total?.[m.key], atStart.total?.[m.key])] : ['', ''],
    ),
    shown(atEnd.total?.target),
    shown(atEnd.total?.percent),
    '',
    '',
    '',
    atEnd.total ? '' : 'รวมไม่ได้จนกว่าทุกอำเภอจะนับได้',
  ];
  const inMonth = (day: Day) => {
    const ymd = ymdOf(day);
    return ymd.year === year && ymd.month === month;
  };
  const monthText = formatThaiMonth(year, month, 'arabic');
  const due = `${dueDay} ${formatThaiMonth(nextYear, nextMonth, 'arabic')}`;
  const tables = reportTables('month', measures);
  return {
    ...frame_(made, `รายงานผลการดำเนินงานประจำเดือน ${monthText} ${TITLE}`),
    status,
    asOf: formatThaiDate(atEnd.asOf, { digits: 'arabic' }),
    intro:
      `จังหวัด${made.province}ขอรายงานผลการดำเนินงาน${TITLE} ประจำเดือน ${monthText} ` +
      `ข้อมูลถึงวันที่ ${formatThaiDate(atEnd.asOf, { digits: 'arabic' })} (กำหนดส่งภายในวันที่ ${due}) ดังนี้`,
    table: { ...tables.main, rows, total: totalRow },
    sections: evidence_(atEnd, inMonth, tables, ' (ในเดือนนี้)'),
  };
}

/**
 * The evidence sections: counted activities and counted new operators on days that pass. A
 * title's count is the count (the entries listed and those a submission left out), and what is
 * left out is said, with where it is: the district's entry sheet.
 * @param standing the standing
 * @param keep which entry days are listed
 * @param tables the report's tables
 * @param suffix after the title's subject, e.g. " (ในเดือนนี้)"
 * @param omitted counted entries not listed, per district (a round summary from submissions)
 */
function evidence_(
  standing: Standing,
  keep: (day: Day) => boolean,
  tables: ReportTables,
  suffix = '',
  omitted: readonly OmittedEvidence[] = [],
): FormSection[] {
  const activities = standing.activities.filter((a) => a.day !== null && keep(a.day));
  const operators = standing.newOperators.filter((o) => keep(o.day));
  const [activityTable, operatorTable] = tables.sections;
  const cutActivities = omitted.filter((o) => o.activities > 0).map((o) => [o.district, o.activities] as const);
  const cutOperators = omitted.filter((o) => o.operators > 0).map((o) => [o.district, o.operators] as const);
  return [
    {
      title:
        `หลักฐาน: กิจกรรมส่งเสริมช่องทางการตลาดที่ไม่ใช้งบประมาณที่นับ${suffix} ` +
        `(${activities.length + sum_(cutActivities)} ครั้ง)${omittedText_(activities.length, cutActivities, 'activities', 'ครั้ง')}`,
      ...perDistrict_(activities, cutActivities),
      table: {
        ...activityTable,
        total: null,
        rows: activities.map((a) => [
          a.districtName,
          date(a.day as Day),
          a.activity,
          a.place,
          a.organiser,
          a.operators ?? '',
          a.link,
        ]),
      },
    },
    {
      title:
        `หลักฐาน: ผู้ประกอบการรายใหม่ที่นับ${suffix} ` +
        `(${operators.length + sum_(cutOperators)} ราย)${omittedText_(operators.length, cutOperators, 'online', 'ราย')}`,
      ...perDistrict_(operators, cutOperators),
      table: {
        ...operatorTable,
        total: null,
        rows: operators.map((o) => [
          o.districtName,
          date(o.day),
          o.name,
          o.regNoText,
          o.channels.join(', '),
          o.links.join(' '),
        ]),
      },
    },
  ];
}

/** The sum of per-district counts. */
function sum_(counts: readonly (readonly [string, number])[]): number {
  return counts.reduce((n, [, k]) => n + k, 0);
}

/**
 * Each district's count of a section when entries are left out (its listed rows and those left
 * out, in list order); nothing when every entry is listed (the rows say it).
 */
function perDistrict_(
  listed: readonly { readonly districtName: string }[],
  cut: readonly (readonly [string, number])[],
): { perDistrict?: [string, number][] } {
  if (cut.length === 0) return {};
  const counts = new Map<string, number>();
  for (const e of listed) counts.set(e.districtName, (counts.get(e.districtName) ?? 0) + 1);
  for (const [d, k] of cut) counts.set(d, (counts.get(d) ?? 0) + k);
  return { perDistrict: [...counts] };
}

/** What a section does not list and where it is, e.g. " — แสดง 21 ราย ละไว้ 7 ราย: อ.ท่าบ่อ 7 ราย (ชีต "ออนไลน์ ท่าบ่อ")". */
function omittedText_(
  listed: number,
  cut: readonly (readonly [string, number])[],
  kind: EntryKind,
  unit: string,
): string {
  if (cut.length === 0) return '';
  const where = cut.map(([d, k]) => `อ.${d} ${k} ${unit} (ดูได้ในชีต "${entrySheetName(kind, d)}")`).join(', ');
  return ` — แสดง ${listed} ${unit} ละไว้ ${sum_(cut)} ${unit} เพราะข้อมูลที่อำเภอส่งเกินขนาดช่องที่เก็บได้: ${where}`;
}

/** The previous version's report layout: a 5-row header block, the table from row 6. */
const LEGACY = { headerRow: 6, statusRow: 4, statusColumn: 2 } as const;

/**
 * Where a report of the previous version (no form in its marker) keeps its status and sent
 * cells: row 4, the status in column B, "การส่ง" and the sent text in C and D.
 */
export const LEGACY_CELLS = {
  status: [LEGACY.statusRow, LEGACY.statusColumn],
  sentLabel: [LEGACY.statusRow, LEGACY.statusColumn + 1],
} as const;

/**
 * A report of the previous version read back: its title as the subject, its header lines as
 * the paragraph, its district table and total; no evidence or signature (its sheet still has them).
 * @param values the sheet's values
 * @param kind round summary or monthly report
 * @param districts how many districts its table has (its marker's)
 * @param fiscalYear the report's BE fiscal year (sheetMarkers.ts reportYear)
 * @return the document and the layout to read its columns with
 */
export function legacyDocument(
  values: readonly (readonly unknown[])[],
  kind: 'round' | 'month',
  districts: number,
  fiscalYear: number,
): { doc: ReportDocument; layout: ReportLayout } {
  const tables = reportTables(kind, profileOf(fiscalYear).measures);
  const width = tables.main.layout.width;
  const cell = (r: number, c: number): string | number => {
    const v = values[r - 1]?.[c - 1];
    return typeof v === 'number' ? v : String(v ?? '');
  };
  const row = (r: number) => Array.from({ length: width }, (_, c) => cell(r, c + 1));
  const first = LEGACY.headerRow + 1;
  const rows = Array.from({ length: districts }, (_, i) => row(first + i));
  const lines = [2, 3].map((r) =>
    row(r)
      .filter((v) => v !== '')
      .join(' '),
  );
  const shape: FormShape = { v: 2, width, rows: districts, total: true, sections: [] };
  return {
    doc: {
      memo: { agency: '', reference: '', date: '', subject: String(cell(1, 1)), addressee: '' },
      status: String(cell(...LEGACY_CELLS.status)),
      sent: String(cell(LEGACY.statusRow, LEGACY.statusColumn + 2)),
      asOf: String(cell(3, 2)),
      intro: lines.join(' · '),
      table: { ...tables.main, rows, total: row(first + districts) },
      sections: [],
      closing: '',
      signature: { name: '', position: '', phone: '' },
      footer: '',
    },
    layout: reportLayout(kind, shape, fiscalYear),
  };
}
