/**
 * The self-check's sample report (issue 24, finding 9): a round summary of made-up districts,
 * one row for each level of the criteria, laid out by the same official form and turned into
 * the same HTML page (reportHtml.ts) that the real reports' PDFs are made from, so that the
 * province sees in its own account what Google's converter (Blob.getAs('application/pdf'))
 * makes of Thai marks, header words, borders, band colours and the level written beside them.
 * Its e-mail asks the officer to open the PDF, look at each point below, and forward it to the
 * maintainers; docs/first-run.md's checklist says the same.
 */
import type { Criteria } from '../../../kernel/criteria';
import type { OfficialSettings } from '../../../kernel/settings';
import { escapeHtml } from '../../reports/sheets/html';
import { memoReference, type ReportDocument } from '../../reports/sheets/officialForm';
import type { BandOf } from '../../reports/sheets/reportHtml';
import { reportTables, ROUND_TABLE } from '../../reports/sheets/reportSheets';
import { profileOf } from '../../../kernel/yearProfile';
import { LABEL_FISCAL_YEAR } from '../../../kernel/yearLabels';

/** The sample PDF's file name (without .pdf). */
export const SAMPLE_PDF_NAME = 'ตัวอย่างรายงาน OTOP (ตรวจสอบระบบ)';

/** What the officer looks at in the sample PDF, in the e-mail and in docs/first-run.md. */
export const SAMPLE_CHECKS: readonly string[] = [
  'ตัวอักษรไทยอ่านได้ สระและวรรณยุกต์อยู่ถูกที่ ไม่เป็นกล่องสี่เหลี่ยม',
  'หัวตารางไม่ตัดกลางคำ เช่น “ผู้ประกอบการ” และ “ร้อยละ” อยู่ในบรรทัดเดียวกัน',
  'ตารางมีเส้นครบทุกช่อง และตัวเลขไม่ล้นช่อง',
  'ช่องระดับมีทั้งชื่อระดับ (ดีมาก ดี ปานกลาง พัฒนา ปรับปรุง ต่ำกว่าเกณฑ์) และสีพื้น',
  'บรรทัด “ที่” ไม่ว่าง และหน้ากระดาษเป็น A4',
];

/** A column of the round summary's table. */
type RoundKey = (typeof ROUND_TABLE.columns)[number]['key'];

/** The made-up figures of one district of the sample, for a score. */
function row_(criteria: Criteria, score: number, n: number): (string | number)[] {
  const level = score > 0 ? criteria.levels.find((l) => l.score === score) : undefined;
  const name = level?.name ?? criteria.below.name;
  const activities = level ? level.minActivities : 0;
  const channels = level ? level.minChannels : 0;
  const registered = 100 + n * 7;
  const newOperators = level ? Math.ceil((registered * level.percent) / 100) : 0;
  const percent = Math.round((newOperators / registered) * 10000) / 100;
  const byKey: Record<RoundKey, string | number> = {
    no: n,
    district: `อำเภอตัวอย่าง ${n}`,
    registered,
    promoted: 10 + n,
    activityGoal: 5,
    channelGoal: 3,
    target: Math.ceil(registered * 0.05),
    activities,
    channels,
    newOperators,
    percent,
    score,
    level: name,
    next: score === 5 ? 'ถึงระดับสูงสุดแล้ว (ดีมาก)' : 'ตัวอย่างข้อความขั้นต่อไป: เพิ่มผู้ประกอบการอีก 1 ราย',
    source: 'ตัวอย่าง (ไม่ใช่ข้อมูลจริง)',
  };
  return ROUND_TABLE.columns.map((c) => byKey[c.key]);
}

/**
 * The sample report: one made-up district per level of the criteria, from the highest down to
 * below level 1, under the settings' memo header and signature, as the real reports have them.
 * @param criteria the workbook's criteria (its levels and their colours)
 * @param official the settings' header block and reporter
 * @param made who made it and when (Thai), and the day (Thai, BE)
 */
export function sampleReportDocument(
  criteria: Criteria,
  official: OfficialSettings,
  made: { who: string; when: string; date: string },
): ReportDocument {
  const scores = [...criteria.levels.map((l) => l.score), criteria.below.score];
  // the letter's year's table, as ROUND_TABLE (the sample's rows are keyed by its columns)
  const { main, sections } = reportTables('round', profileOf(LABEL_FISCAL_YEAR).measures);
  return {
    memo: {
      agency: official.agency,
      reference: memoReference(official.reference),
      date: made.date,
      subject: 'ตัวอย่างรายงานสรุปผลการดำเนินงาน (ตรวจสอบการแปลงเป็น PDF) — ไม่ใช่รายงานจริง',
      addressee: official.addressee,
    },
    status: 'ตัวอย่าง ไม่ใช่ฉบับส่ง',
    sent: '',
    asOf: made.date,
    intro:
      'เอกสารนี้ทำขึ้นเมื่อกด “ตรวจสอบระบบ” เพื่อดูว่า Google แปลงรายงานเป็น PDF ได้ถูกต้อง ' +
      'ตัวเลขและชื่ออำเภอเป็นตัวอย่างทั้งหมด หนึ่งแถวต่อหนึ่งระดับของเกณฑ์',
    table: {
      layout: main.layout,
      align: main.align,
      rows: scores.map((s, i) => row_(criteria, s, i + 1)),
      total: null,
    },
    sections: [
      {
        title: 'หลักฐาน: กิจกรรมที่นับ (ตัวอย่าง 1 ครั้ง)',
        table: {
          layout: sections[0].layout,
          align: sections[0].align,
          rows: [
            [
              'อำเภอตัวอย่าง 1',
              '๒ มี.ค. ๖๕',
              'ตลาดนัดผลิตภัณฑ์ชุมชนหน้าที่ว่าการอำเภอ',
              'ลานอเนกประสงค์',
              'สำนักงานพัฒนาชุมชนอำเภอ',
              12,
              'https://example.com/หลักฐาน',
            ],
          ],
          total: null,
        },
      },
    ],
    closing: 'จึงเรียนมาเพื่อโปรดทราบ',
    signature: official.reporter,
    footer: `ตัวอย่างจากการตรวจสอบระบบ โดย ${made.who} เมื่อ ${made.when}`,
  };
}

/**
 * The sample's band colours: a row's score column's level.
 * @param criteria the criteria
 */
export function sampleBandOf(criteria: Criteria): BandOf {
  const at = ROUND_TABLE.at.score;
  return (row) => {
    const score = row[at];
    if (typeof score !== 'number') return null;
    return (criteria.levels.find((l) => l.score === score) ?? criteria.below).band;
  };
}

/** The sample's painted columns (score and level), 0-based. */
export function sampleBandColumns(): readonly number[] {
  return [ROUND_TABLE.at.score, ROUND_TABLE.at.level];
}

/**
 * The e-mail that carries the sample PDF: what it is, what to look at, and to forward it to the
 * maintainers; the result sheet's link.
 * @param sheetName the self-check's result sheet
 * @param link its URL
 * @param when Thai date-time of the run
 */
export function sampleMail(
  sheetName: string,
  link: string,
  when: string,
): { subject: string; html: string; text: string } {
  const subject = 'OTOP ตรวจสอบระบบ: PDF ตัวอย่าง — กรุณาเปิดดู แล้วส่งต่อถึงผู้ดูแลระบบ';
  const lead =
    `อีเมลนี้ส่งจากการตรวจสอบระบบ (เมนู OTOP → ตรวจสอบระบบ) เมื่อ ${when} ` +
    'ไฟล์แนบทำด้วยวิธีเดียวกับรายงานจริงที่ส่งให้จังหวัด (Google แปลงหน้า HTML ของส่วนเสริมเป็น PDF)';
  const ask = 'กรุณาเปิดไฟล์แนบ แล้วดูว่า:';
  const back = 'จากนั้นกด “ส่งต่อ” (Forward) อีเมลนี้พร้อมไฟล์แนบถึงผู้ดูแลระบบ และเขียนว่าข้อใดไม่เป็นอย่างที่ว่า (ถ้ามี)';
  const result = `ผลตรวจสอบระบบอยู่ในชีต “${sheetName}”:`;
  const html = [
    `<p>${escapeHtml(lead)}</p>`,
    `<p>${escapeHtml(ask)}</p>`,
    `<ol>${SAMPLE_CHECKS.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ol>`,
    `<p>${escapeHtml(back)}</p>`,
    `<p>${escapeHtml(result)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
  ].join('\n');
  const text = [
    lead,
    '',
    ask,
    ...SAMPLE_CHECKS.map((c, i) => `${i + 1}. ${c}`),
    '',
    back,
    '',
    `${result} ${link}`,
  ].join('\n');
  return { subject, html, text };
}
