/**
 * A district's submission as an official report (the same form as the province's reports,
 * officialForm.ts): the district office's memo to the province, its figures as submitted (one
 * row, with what changed in the month for a monthly report), the entries it counted, and its
 * reporter's signature from the settings. Made from the submitted snapshot only, so that the
 * page shows what was sent, not what the entries say today.
 */
import type { Day } from '../core/civilDate';
import { NO_FIGURE } from '../core/districtResult';
import type { Duty } from '../core/duties';
import { defineLayout, type Layout } from '../core/layout';
import type { OfficialSettings } from '../core/settings';
import { formatThaiDate } from '../core/thaiDate';
import { type Align, memoReference, type ReportDocument } from './officialForm';
import { reportTables, TITLE } from './reportSheets';
import { dutyTitle, type Snapshot, timelinessText } from './submissions';

/** The submission's table: the district's figures. */
export const SUBMISSION_TABLE = /* @__PURE__ */ defineLayout('รายงานของอำเภอ', [
  { key: 'district', header: 'อำเภอ', width: 90 },
  { key: 'activities', header: 'กิจกรรม', width: 50 },
  { key: 'channels', header: 'ช่องทาง', width: 50 },
  { key: 'newOperators', header: 'ผู้ประกอบการรายใหม่', width: 60 },
  { key: 'target', header: 'เป้าผู้ประกอบการ', width: 55 },
  { key: 'percent', header: 'ร้อยละ', width: 45 },
  { key: 'score', header: 'คะแนน', width: 40 },
  { key: 'level', header: 'ระดับ', width: 60 },
  { key: 'next', header: 'ขั้นต่อไป', width: 170 },
]);

const ALIGN: readonly Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'center', 'left'];

/** What a submission page is made from. */
export interface SubmissionFacts {
  readonly duty: Pick<Duty, 'kind' | 'period'>;
  readonly district: string;
  readonly snapshot: Snapshot;
  /** The day it was sent. */
  readonly day: Day;
  /** Thai date-time text of the sending. */
  readonly when: string;
  readonly sentBy: string;
  readonly number: number;
  readonly daysLate: number;
}

const figure_ = (v: number | null) => (v === null ? NO_FIGURE : v);
const date_ = (day: Day | null) => (day === null ? '' : formatThaiDate(day, { form: 'short', digits: 'arabic' }));

/**
 * A district's submission as an official report.
 * @param s the submission
 * @param official the settings' header block and the district's reporter
 * @param province the province's name
 * @param fiscalYear BE fiscal year
 */
export function submissionDocument(
  s: SubmissionFacts,
  official: OfficialSettings,
  province: string,
  fiscalYear: number,
): ReportDocument {
  const snap = s.snapshot;
  const title = dutyTitle(s.duty);
  const cutOff = formatThaiDate(snap.cutOff, { digits: 'arabic' });
  const counts = snap.counts;
  const changes = snap.before
    ? ` ในเดือนนี้เพิ่มกิจกรรม ${counts.activities - snap.before.activities} ครั้ง ช่องทาง ${counts.channels - snap.before.channels} ช่องทาง ผู้ประกอบการรายใหม่ ${counts.newOperators - snap.before.newOperators} ราย`
    : '';
  const [activityTable, operatorTable] = reportTables('round').sections;
  return {
    memo: {
      agency: `สำนักงานพัฒนาชุมชนอำเภอ${s.district} จังหวัด${province}`,
      // the settings hold no district office code: the dotted line for its registry's number
      reference: memoReference(''),
      date: formatThaiDate(s.day, { digits: 'arabic' }),
      subject: `${title} ${TITLE} อำเภอ${s.district} ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`,
      addressee: official.addressee,
    },
    status: `ส่งครั้งที่ ${s.number} (${timelinessText(s.daysLate)})`,
    sent: s.when,
    asOf: cutOff,
    intro: `อำเภอ${s.district}ขอส่ง${title} ข้อมูล ณ วันที่ ${cutOff} ดังนี้${changes}`,
    table: {
      layout: SUBMISSION_TABLE as Layout<string>,
      align: ALIGN,
      rows: [
        [
          s.district,
          counts.activities,
          counts.channels,
          counts.newOperators,
          figure_(snap.target),
          figure_(snap.percent),
          figure_(snap.score),
          snap.level,
          snap.next,
        ],
      ],
      total: null,
    },
    sections: [
      {
        title: `หลักฐาน: กิจกรรมที่นับ (${snap.activities.length} ครั้ง)`,
        table: {
          ...activityTable,
          total: null,
          rows: snap.activities.map((a) => [
            s.district,
            date_(a.day),
            a.activity,
            a.place,
            a.organiser,
            a.operators ?? '',
            a.link,
          ]),
        },
      },
      {
        title: `หลักฐาน: ผู้ประกอบการรายใหม่ที่นับ (${snap.operators.length} ราย)${snap.left > 0 ? ` ละไว้ ${snap.left} รายการ` : ''}`,
        table: {
          ...operatorTable,
          total: null,
          rows: snap.operators.map((o) => [
            s.district,
            date_(o.day),
            o.name,
            o.regNo,
            o.channels.join(', '),
            o.links.join(' '),
          ]),
        },
      },
    ],
    closing: 'จึงเรียนมาเพื่อโปรดทราบ',
    signature: official.districtReporters[s.district] ?? { name: '', position: '', phone: '' },
    footer: `ส่งด้วยส่วนเสริม OTOP โดย ${s.sentBy} เมื่อ ${s.when}`,
  };
}
