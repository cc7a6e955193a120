/**
 * The districts' submissions as data: the record sheet's columns (declared once), a
 * submission's value snapshot (figures, what changed in the month, the entries counted), its
 * row, reading rows back by their headers, and the province's round summary taking a district's
 * figures from its submission. A snapshot is JSON in one cell, kept under Sheets' limit of
 * 50 000 characters per cell (widely reported, e.g. haeminway.com/en/notes/sheet-cell-json-limit;
 * not on a Google page: unconfirmed, so the add-on stays well below it).
 */
import { type Day, dayOfDate, isDate } from '../../../kernel/civilDate';
import type { Criteria } from '../../../kernel/criteria';
import { type Duty, type DutyKind, dutyKey, parseDutyKey, sameDuty } from '../rules/duties';
import { fiscalYearOf } from '../../../kernel/fiscalYear';
import { toThaiDigits } from '../../../kernel/thaiDigits';
import { districtResult, type PercentBasis, provinceTotal } from '../../standing/rules/districtResult';
import { MEASURES, type MeasureCounts, type MeasureKey, measureCounts } from '../../../kernel/measures';
import { defineLayout, isHeaderRow, mapColumns } from '../../../kernel/layout';
import { formatThaiDate, formatThaiMonth, THAI_MONTHS_SHORT } from '../../../kernel/thaiDate';
import { profileOf } from '../../../kernel/yearProfile';
import type {
  CountedActivity,
  CountedOperator,
  DistrictStanding,
  OmittedEvidence,
  Standing,
} from '../../standing/sheets/standing';

/** The record sheet's width of each measure's column. */
const COUNT_WIDTHS: Readonly<Record<MeasureKey, number>> = { activities: 60, channels: 60, newOperators: 80 };

/**
 * The record sheet's columns: a submission's cells, its seal and its number (เลขที่, its
 * identity: the seal covers the number and every other cell, read by their headers). Its count
 * columns are the catalogue's (MEASURES), not a fiscal year's profile: the one sheet holds every
 * year's rows (FY N's September report is appended in FY N+1; the switch copies FY N's rows to
 * its kept sheet and leaves them here), under one header row that the reader requires and the
 * writer completes, and rows are never rewritten, so a year with other columns would leave
 * another year's rows unread or unsealed. The snapshot keeps its counts keyed by measure.
 */
export const SUBMISSION_LAYOUT = /* @__PURE__ */ defineLayout('การส่งรายงานของอำเภอ', [
  { key: 'when', header: 'ส่งเมื่อ', width: 140 },
  { key: 'district', header: 'อำเภอ', width: 100 },
  { key: 'duty', header: 'รายงาน', width: 190 },
  { key: 'code', header: 'รหัสรายงาน', width: 170 },
  { key: 'due', header: 'กำหนดส่ง', width: 110 },
  { key: 'timeliness', header: 'การส่ง', width: 80 },
  { key: 'cutOff', header: 'ข้อมูล ณ วันที่', width: 110 },
  ...MEASURES.map((m) => ({ key: m.key, header: m.short, width: COUNT_WIDTHS[m.key] })),
  { key: 'score', header: 'คะแนน', width: 50 },
  { key: 'level', header: 'ระดับ', width: 70 },
  { key: 'sentBy', header: 'ผู้ส่ง', width: 180 },
  { key: 'behalf', header: 'ส่งในนาม', width: 130 },
  { key: 'to', header: 'ส่งถึง', width: 120 },
  { key: 'number', header: 'ครั้งที่', width: 50 },
  { key: 'at', header: 'เวลา (ISO)', width: 170 },
  { key: 'snapshot', header: 'ข้อมูลที่ส่ง', width: 200, note: 'ค่าที่ส่ง ณ เวลาที่ส่ง (ส่วนเสริมอ่าน) อย่าแก้ไข' },
  { key: 'seal', header: 'รหัสตรวจสอบ', width: 120, note: 'ส่วนเสริมใช้ตรวจว่าแถวนี้ถูกแก้ไขด้วยมือหรือไม่ อย่าแก้ไข' },
  { key: 'seq', header: 'เลขที่', width: 60, note: 'เลขที่ของการส่ง (ส่วนเสริมใช้ตรวจว่ามีแถวถูกลบหรือไม่) อย่าแก้ไข' },
]);

/** What the ส่งในนาม column says. */
export const BEHALF = { self: 'อำเภอส่งเอง', province: 'จังหวัดส่งแทนอำเภอ' } as const;

/** The most characters a snapshot cell holds (Sheets: 50 000 per cell). */
export const SNAPSHOT_LIMIT = 40_000;
/** The most characters of one text kept in a snapshot. */
const TEXT_LIMIT = 300;

/** A counted activity as submitted. */
export interface SnapshotActivity {
  readonly day: Day | null;
  readonly activity: string;
  readonly place: string;
  readonly organiser: string;
  readonly operators: number | null;
  readonly link: string;
}

/** A counted new operator as submitted. */
export interface SnapshotOperator {
  readonly day: Day;
  readonly name: string;
  readonly regNo: string;
  readonly channels: readonly string[];
  readonly links: readonly string[];
}

/** What a district submitted: values, never formulas. */
export interface Snapshot {
  readonly v: 1;
  /**
   * The duty's machine key (dutyKey, naming its fiscal year), kept here where officers do not
   * read it; absent on snapshots of earlier versions, whose รหัสรายงาน cell held the key.
   */
  readonly duty?: string;
  /** The figures' cut-off day. */
  readonly cutOff: Day;
  readonly registered: number | null;
  readonly promoted: number | null;
  readonly counts: MeasureCounts;
  /** A monthly report: the counts at the previous month's end (what changed); null for a round. */
  readonly before: MeasureCounts | null;
  readonly target: number | null;
  readonly percent: number | null;
  readonly score: number | null;
  readonly level: string;
  /** What was still missing for the next level. */
  readonly next: string;
  /** The entries counted: a month's own, a round's all. */
  readonly activities: readonly SnapshotActivity[];
  readonly operators: readonly SnapshotOperator[];
  /** Entries left out so that the snapshot fits in its cell. */
  readonly left: number;
  /** Of those, activities and new operators (absent in snapshots made before they were kept). */
  readonly leftActivities?: number;
  readonly leftOperators?: number;
}

/**
 * The title of a duty, e.g. รายงานประจำเดือน ตุลาคม 2564, สรุปผล รอบที่ 1.
 * @param duty the duty
 */
export function dutyTitle(duty: Pick<Duty, 'kind' | 'period'>): string {
  if (duty.kind === 'round') return `สรุปผล รอบที่ ${duty.period}`;
  const [year, month] = duty.period.split('-').map(Number);
  return `รายงานประจำเดือน ${formatThaiMonth(year, month, 'arabic')}`;
}

/**
 * The label officers read in the รหัสรายงาน column, naming the fiscal year: รายงานประจำเดือน
 * มี.ค. ๖๕, สรุปผล รอบที่ ๑ ปีงบ ๒๕๖๕ (Thai digits, as on the letter).
 * @param duty the duty
 */
export function dutyLabel(duty: Pick<Duty, 'kind' | 'period' | 'fiscalYear'>): string {
  if (duty.kind === 'round') return toThaiDigits(`สรุปผล รอบที่ ${duty.period} ปีงบ ${duty.fiscalYear}`);
  const [year, month] = duty.period.split('-').map(Number);
  return toThaiDigits(`รายงานประจำเดือน ${THAI_MONTHS_SHORT[month - 1]} ${String(year + 543).slice(-2)}`);
}

/**
 * On time, or late by N days, in Thai.
 * @param daysLate days after the due day
 */
export function timelinessText(daysLate: number): string {
  return daysLate > 0 ? `ช้า ${daysLate} วัน` : 'ตรงเวลา';
}

const clip_ = (text: string) => (text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}…` : text);

/**
 * A district's snapshot from its standing at the cut-off: figures, result, and the counted
 * entries that pass `keep` (a month's own days; every day for a round), trimmed to fit.
 * @param standing the district at the cut-off
 * @param activities every counted activity of the province (the district's are taken)
 * @param operators every counted new operator of the province
 * @param before the district's counts at the previous month's end, or null
 * @param cutOff the figures' cut-off day
 * @param keep which entry days the snapshot lists
 */
export function snapshotOf(
  standing: DistrictStanding,
  activities: readonly CountedActivity[],
  operators: readonly CountedOperator[],
  before: MeasureCounts | null,
  cutOff: Day,
  keep: (day: Day) => boolean,
): Snapshot {
  const r = standing.result;
  const mine = <T extends { districtName: string }>(list: readonly T[]) =>
    list.filter((e) => e.districtName === standing.district);
  const acts = mine(activities)
    .filter((a) => a.day !== null && keep(a.day))
    .map(
      (a): SnapshotActivity => ({
        day: a.day,
        activity: clip_(a.activity),
        place: clip_(a.place),
        organiser: clip_(a.organiser),
        operators: a.operators,
        link: clip_(a.link),
      }),
    );
  const ops = mine(operators)
    .filter((o) => keep(o.day))
    .map(
      (o): SnapshotOperator => ({
        day: o.day,
        name: clip_(o.name),
        regNo: clip_(o.regNoText),
        channels: o.channels.map(clip_),
        links: o.links.slice(0, 5).map(clip_),
      }),
    );
  const base: Snapshot = {
    v: 1,
    cutOff,
    registered: standing.figures.registered,
    promoted: standing.figures.promoted,
    counts: measureCounts((m) => r?.[m.key] ?? 0),
    before,
    target: r?.target ?? null,
    percent: r?.percent ?? null,
    score: r?.score ?? null,
    level: r?.level ?? '',
    next: clip_(r?.next ?? standing.problem),
    activities: acts,
    operators: ops,
    left: 0,
  };
  return fit_(base);
}

/** Drops entries from the end (operators first) until the snapshot's JSON fits its cell. */
function fit_(snapshot: Snapshot): Snapshot {
  let acts = snapshot.activities.length;
  let ops = snapshot.operators.length;
  const total = acts + ops;
  const make = (): Snapshot => ({
    ...snapshot,
    activities: snapshot.activities.slice(0, acts),
    operators: snapshot.operators.slice(0, ops),
    left: total - acts - ops,
    leftActivities: snapshot.activities.length - acts,
    leftOperators: snapshot.operators.length - ops,
  });
  let made = make();
  while (JSON.stringify(made).length > SNAPSHOT_LIMIT && acts + ops > 0) {
    if (ops > 0) ops = Math.max(0, ops - Math.ceil(ops / 4));
    else acts = Math.max(0, acts - Math.ceil(acts / 4));
    made = make();
  }
  return made;
}

/** A new submission, ready to be written as a row. */
export interface NewSubmission {
  readonly duty: Duty;
  readonly district: string;
  /** The moment (ISO) and its Thai text. */
  readonly at: string;
  readonly when: string;
  readonly number: number;
  readonly sentBy: string;
  readonly onBehalf: boolean;
  /** To whom it goes, Thai. */
  readonly to: string;
  readonly daysLate: number;
  readonly snapshot: Snapshot;
}

const dateText_ = (day: Day) => formatThaiDate(day, { digits: 'arabic' });

/**
 * A submission's sealed cells, in the layout's order, without its seal and number (the writer
 * keeps text as text).
 * @param s the submission
 */
export function submissionRow(s: NewSubmission): (string | number)[] {
  const n = s.snapshot;
  const cells: Record<(typeof SUBMISSION_LAYOUT.columns)[number]['key'], string | number> = {
    when: s.when,
    district: s.district,
    duty: dutyTitle(s.duty),
    code: dutyLabel(s.duty),
    due: dateText_(s.duty.due),
    timeliness: timelinessText(s.daysLate),
    cutOff: dateText_(n.cutOff),
    ...measureCounts((m) => n.counts[m.key]),
    score: n.score ?? '—',
    level: n.level,
    sentBy: s.sentBy,
    behalf: s.onBehalf ? BEHALF.province : BEHALF.self,
    to: s.to,
    number: s.number,
    at: s.at,
    snapshot: JSON.stringify({ ...n, duty: dutyKey(s.duty) }),
    seal: '',
    seq: 0,
  };
  return SUBMISSION_LAYOUT.columns.filter((c) => c.key !== 'seal' && c.key !== 'seq').map((c) => cells[c.key]);
}

/** A submission as read back. */
export interface SubmissionRecord {
  /** 1-based sheet row. */
  readonly row: number;
  /** Its number (เลขที่), its identity; null for a row of the previous version or one not trusted. */
  readonly seq: number | null;
  readonly district: string;
  readonly kind: DutyKind;
  readonly period: string;
  /** The BE fiscal year of its duty (readSubmissionRows: how a record of an earlier version gets it). */
  readonly fiscalYear: number;
  /** ISO moment, its Thai text, and its day (Asia/Bangkok). */
  readonly at: string;
  readonly when: string;
  readonly day: Day;
  readonly number: number;
  readonly sentBy: string;
  readonly onBehalf: boolean;
  readonly to: string;
  /** On time or late, as recorded (Thai). */
  readonly timeliness: string;
  /** null when the cell cannot be read. */
  readonly snapshot: Snapshot | null;
  /** The row's seal follows: only such rows count. */
  readonly trusted: boolean;
}

/**
 * The records of the sheet's rows, found by their headers. A row's duty is the key in its
 * snapshot (this version) or in its รหัสรายงาน cell (earlier versions). A round record of an
 * earlier version (`round:1`) names no fiscal year: it belongs to the fiscal year of its
 * figures' cut-off (the round's deadline, or the day it was submitted when earlier: a round
 * can be submitted only from a week before its deadline, so both are in the round's year), or,
 * when its snapshot cannot be read, of the day it was submitted. Nothing is rewritten: the
 * sealed rows stay as they were and still verify.
 * @param values the sheet's values, header row first
 * @param checked for each data row, whether its seal follows and its number
 * @return the records, or null when the first row is not the layout's header
 */
export function readSubmissionRows(
  values: readonly (readonly unknown[])[],
  checked: readonly { readonly trusted: boolean; readonly number: number | null }[],
): SubmissionRecord[] | null {
  if (values.length === 0) return [];
  if (!isHeaderRow(SUBMISSION_LAYOUT, values[0])) return null;
  const at = mapColumns(SUBMISSION_LAYOUT, values[0]).index;
  const records: SubmissionRecord[] = [];
  values.slice(1).forEach((line, i) => {
    const text = (key: keyof typeof at) => (at[key] < 0 ? '' : String(line[at[key]] ?? '').trim());
    const snapshot = parseSnapshot_(text('snapshot'));
    const duty = parseDutyKey(typeof snapshot?.duty === 'string' ? snapshot.duty : text('code'));
    const moment = isDate(line[at.at]) ? (line[at.at] as Date) : new Date(text('at'));
    if (!duty || Number.isNaN(moment.getTime())) return;
    const day = dayOfDate(moment);
    const cutOff = typeof snapshot?.cutOff === 'number' && Number.isFinite(snapshot.cutOff) ? snapshot.cutOff : day;
    records.push({
      row: i + 2,
      seq: checked[i]?.number ?? null,
      district: text('district'),
      kind: duty.kind,
      period: duty.period,
      fiscalYear: duty.fiscalYear ?? fiscalYearOf(cutOff),
      at: moment.toISOString(),
      when: text('when'),
      day,
      number: Number(text('number')) || 1,
      sentBy: text('sentBy'),
      onBehalf: text('behalf') === BEHALF.province,
      to: text('to'),
      timeliness: text('timeliness'),
      snapshot,
      trusted: checked[i]?.trusted === true,
    });
  });
  return records;
}

/** A snapshot cell read back, or null. */
function parseSnapshot_(text: string): Snapshot | null {
  try {
    const parsed = JSON.parse(text) as Snapshot;
    return parsed && parsed.v === 1 && typeof parsed.counts === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The trusted submissions of one district's duty, oldest first.
 * @param records every record
 * @param district the district
 * @param duty the duty
 */
export function submissionsOf(
  records: readonly SubmissionRecord[],
  district: string,
  duty: Pick<Duty, 'kind' | 'period' | 'fiscalYear'>,
): SubmissionRecord[] {
  return records
    .filter((r) => r.trusted && r.district === district && sameDuty(r, duty))
    .sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * The fiscal years the trusted records are of, ascending (which years the workbook kept).
 * @param records every record
 */
export function keptYears(records: readonly SubmissionRecord[]): number[] {
  return [...new Set(records.filter((r) => r.trusted).map((r) => r.fiscalYear))].sort((a, b) => a - b);
}

/** The round summary's standing with the districts' submissions, and each district's source. */
export interface SubmittedStanding {
  readonly standing: Standing;
  /** Per district, in table order: where its figures come from, Thai. */
  readonly sources: readonly string[];
}

/**
 * The standing a round summary shows: for each district whose latest trusted submission of the
 * round has a snapshot, its submitted figures and evidence; the others' live figures.
 * @param live the standing from the entries
 * @param records every record
 * @param round the round
 * @param criteria the criteria (a submitted district's result follows from its submitted counts)
 * @param basis the percentage basis
 * @param fiscalYear the round's BE fiscal year (another year's submissions are not this round's)
 */
export function withRoundSubmissions(
  live: Standing,
  records: readonly SubmissionRecord[],
  round: number,
  criteria: Criteria,
  basis: PercentBasis,
  fiscalYear: number,
): SubmittedStanding {
  const activities: CountedActivity[] = [];
  const operators: CountedOperator[] = [];
  const sources: string[] = [];
  const omitted: OmittedEvidence[] = [];
  const { measures } = profileOf(fiscalYear);
  // each district's live evidence found once, not by a pass over every district's per district
  const liveActivities = byDistrict_(live.activities);
  const liveOperators = byDistrict_(live.newOperators);
  const districts = live.districts.map((d, i): DistrictStanding => {
    const latest = submissionsOf(records, d.district, { kind: 'round', period: String(round), fiscalYear })
      .filter((r) => r.snapshot !== null)
      .pop();
    if (!latest?.snapshot) {
      sources.push('ข้อมูลปัจจุบัน (อำเภอยังไม่ส่ง)');
      activities.push(...(liveActivities.get(d.district) ?? []));
      operators.push(...(liveOperators.get(d.district) ?? []));
      return d;
    }
    const s = latest.snapshot;
    const when = formatThaiDate(latest.day, { form: 'short', digits: 'arabic' });
    sources.push(latest.onBehalf ? `ตามที่จังหวัดส่งแทนเมื่อ ${when}` : `ตามที่อำเภอส่งเมื่อ ${when}`);
    const figures = { registered: s.registered, promoted: s.promoted, problems: [] };
    activities.push(...s.activities.map((a, k) => submittedActivity_(a, d.district, i, k)));
    operators.push(...s.operators.map((o) => submittedOperator_(o, d.district, i)));
    const cut = leftOut(s);
    if (cut.activities + cut.operators > 0) omitted.push({ district: d.district, ...cut });
    return { ...d, figures, result: districtResult(figures, s.counts, criteria, basis, measures), problem: '' };
  });
  const counted = districts.filter((d) => d.result !== null);
  const total =
    counted.length === districts.length
      ? provinceTotal(
          counted.map((d) => ({ figures: d.figures, result: d.result as NonNullable<DistrictStanding['result']> })),
          districts[0]?.activityGoal ?? 0,
          basis,
        )
      : null;
  return { standing: { ...live, districts, total, activities, newOperators: operators, omitted }, sources };
}

/**
 * Evidence by its district's name, each district's in the order given.
 * @param list the evidence of every district
 */
function byDistrict_<T extends { districtName: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of list) {
    const own = out.get(e.districtName);
    if (own === undefined) out.set(e.districtName, [e]);
    else own.push(e);
  }
  return out;
}

/**
 * How many counted entries a snapshot does not list (left out so that it fits in its cell). A
 * snapshot made before the split was kept lists a round's every counted entry but what was cut,
 * so its counts less its lists are what was left out.
 * @param s the snapshot
 */
export function leftOut(s: Snapshot): { activities: number; operators: number } {
  if (!(s.left > 0)) return { activities: 0, operators: 0 };
  if (typeof s.leftActivities === 'number' && typeof s.leftOperators === 'number') {
    return { activities: s.leftActivities, operators: s.leftOperators };
  }
  return {
    activities: Math.max(0, s.counts.activities - s.activities.length),
    operators: Math.max(0, s.counts.newOperators - s.operators.length),
  };
}

/** A submitted activity as the summary's evidence lists it. */
function submittedActivity_(a: SnapshotActivity, district: string, index: number, row: number): CountedActivity {
  return {
    row,
    day: a.day,
    districtIndex: index,
    budgetUsed: false,
    district,
    activity: a.activity,
    place: a.place,
    organiser: a.organiser,
    operators: a.operators,
    sales: null,
    link: a.link,
    note: '',
    problems: [],
    districtName: district,
  };
}

/** A submitted operator as the summary's evidence lists it. */
function submittedOperator_(o: SnapshotOperator, district: string, index: number): CountedOperator {
  return {
    districtIndex: index,
    district,
    regNo: '',
    regNoText: o.regNo,
    name: o.name,
    day: o.day,
    channels: o.channels,
    links: o.links,
    rows: [],
    districtName: district,
  };
}

/**
 * The reference a submission's log row carries.
 * @param seq the record's number
 */
export function submissionRef(seq: number): string {
  return `submission:${seq}`;
}

/**
 * A submission's log row (when, who, what, detail, result, reference): one rule for the
 * submission's own row and the one a later run writes for it.
 * @param r the submission
 * @param sheetName the record sheet's name
 * @param late written by a later run (the run that submitted stopped before its log row)
 */
export function submissionLogRow(
  r: Pick<
    SubmissionRecord,
    'when' | 'sentBy' | 'kind' | 'period' | 'fiscalYear' | 'district' | 'number' | 'timeliness' | 'onBehalf'
  > & {
    readonly seq: number | null;
  },
  sheetName: string,
  late = false,
): [string, string, string, string, string, string] {
  const behalf = r.onBehalf ? ` (จังหวัดส่งแทน อ.${r.district})` : '';
  const after = late ? ' (บันทึกย้อนหลัง: การส่งครั้งนั้นหยุดก่อนบันทึก)' : '';
  return [
    r.when,
    r.sentBy,
    `ส่ง${dutyTitle(r)}`,
    `อ.${r.district} ปีงบประมาณ ${r.fiscalYear} ครั้งที่ ${r.number} ${r.timeliness}${behalf} บันทึกในชีต "${sheetName}"${after}`,
    'สำเร็จ',
    r.seq ? submissionRef(r.seq) : '',
  ];
}
