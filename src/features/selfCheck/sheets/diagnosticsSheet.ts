/**
 * The self-check's result sheet `ผลตรวจสอบระบบ` as data: a header (who, when, the counts), one
 * row per finding with its status in a colour, the live probe cells that Sheets computes after
 * the run (read again by the next run), and one cell of plain JSON for the maintainers.
 */
import { asCellText } from '../../../kernel/cellText';
import type { LiveSeen, Observations } from './observations';
import { cellSeen } from './observations';
import type { Finding, FindingStatus } from './platformFindings';
import { STATUS_TEXT } from './platformFindings';
import { PROBE_CASES, PROBE_HELPERS, PROBE_LABELS, probeFormula } from './probes';

/** The columns of the findings table. */
export const DIAGNOSTICS_COLUMNS = [
  { header: 'เรื่องที่ตรวจ', width: 230 },
  { header: 'ผล', width: 80 },
  { header: 'สิ่งที่พบ', width: 380 },
  { header: 'ความหมายต่อส่วนเสริม', width: 380 },
  { header: 'สิ่งที่ต้องทำ', width: 320 },
] as const;

/** The sheet's width in columns. */
export const DIAGNOSTICS_WIDTH = DIAGNOSTICS_COLUMNS.length;

/** The heading of the Thai list of what to do, first in the sheet. */
export const TODO_TITLE = 'สิ่งที่ต้องทำ';
/** Said instead when nothing needs doing. */
export const NOTHING_TO_DO = 'ไม่มีสิ่งที่ต้องทำ';
/** The heading above the findings table and the blocks for the maintainers. */
export const TECHNICAL_TITLE = 'รายละเอียดทางเทคนิค (สำหรับผู้ดูแลระบบ)';

/** The label of the live probe block (found again by the next run). */
export const LIVE_TITLE = 'ตรวจสด: ฟังก์ชันของส่วนเสริมที่ Sheets คำนวณเองหลังการตรวจ (ผลที่ถูกต้องขึ้นต้นด้วย OTOP:)';
/** The label above the JSON cell. */
export const JSON_TITLE =
  'ข้อมูลสำหรับผู้ดูแลระบบ: คลิกเซลล์ด้านล่าง กด Ctrl+C แล้ววางในข้อความที่ส่งถึงผู้ดูแลระบบ (ไม่มีอีเมลหรือข้อมูลของอำเภอ)';

const STATUS_BACKGROUND: Readonly<Record<FindingStatus, string>> = {
  ok: '#d9ead3',
  note: '#fff2cc',
  action: '#f4cccc',
  failed: '#d9d9d9',
};
const HEADER_BACKGROUND = '#efefef';
const PLAIN = '#ffffff';

/** The sheet's content: one value (or formula), background and weight per cell. */
export interface SheetPlan {
  readonly values: unknown[][];
  readonly backgrounds: string[][];
  readonly weights: ('bold' | 'normal')[][];
}

/** What the sheet shows. */
export interface DiagnosticsContent {
  /** e.g. `ตรวจเมื่อ 24 พ.ย. 69 เวลา 21:30 น. โดย x@y` */
  readonly madeAt: string;
  readonly findings: readonly Finding[];
  readonly json: string;
  /** what else the officer should know (e.g. a scratch sheet of an earlier run was deleted) */
  readonly notes: readonly string[];
  /** where the sample report PDF went, or why not (Thai) */
  readonly sample?: string;
}

/**
 * How many findings have each status.
 * @param findings the findings
 */
export function statusCounts(findings: readonly Finding[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { ok: 0, note: 0, action: 0, failed: 0 };
  for (const f of findings) counts[f.status]++;
  return counts;
}

/**
 * The summary line in Thai.
 * @param findings the findings
 */
export function summaryText(findings: readonly Finding[]): string {
  const c = statusCounts(findings);
  const counts = (Object.keys(c) as FindingStatus[]).map((s) => `${STATUS_TEXT[s]} ${c[s]}`).join(' · ');
  if (c.action > 0) return `${counts}: มีเรื่องที่ต้องแก้ไข ทำตามช่อง "สิ่งที่ต้องทำ" แล้วกด "ตรวจสอบระบบ" อีกครั้ง`;
  if (c.failed > 0) return `${counts}: บางเรื่องตรวจไม่ได้ กรุณาส่งข้อมูลท้ายชีตให้ผู้ดูแลระบบ`;
  return `${counts}: ใช้งานได้`;
}

/**
 * The sheet's rows.
 * @param content what it shows
 */
export function diagnosticsSheetPlan(content: DiagnosticsContent): SheetPlan {
  const rows: { cells: unknown[]; background: string | string[]; bold: boolean }[] = [];
  const line = (cells: unknown[], background: string | string[] = PLAIN, bold = false) =>
    rows.push({ cells, background, bold });
  line([`ผลตรวจสอบระบบ OTOP`], PLAIN, true);
  line([content.madeAt]);
  line([summaryText(content.findings)]);
  if (content.sample) line([content.sample]);
  // Thai first: what to do, in the words of each finding's "สิ่งที่ต้องทำ"; the technical
  // details (the services' names, the probes, the JSON) come under their own heading below
  const todo = content.findings.filter((f) => (f.status === 'action' || f.status === 'failed') && f.todo);
  line([todo.length > 0 ? TODO_TITLE : NOTHING_TO_DO], PLAIN, true);
  for (const f of todo) line([`• ${f.todo}`]);
  for (const note of content.notes) line([note]);
  line([]);
  line([TECHNICAL_TITLE], HEADER_BACKGROUND, true);
  line(
    DIAGNOSTICS_COLUMNS.map((c) => c.header),
    HEADER_BACKGROUND,
    true,
  );
  for (const f of content.findings) {
    line(
      [f.topic, STATUS_TEXT[f.status], f.seen, f.meaning, f.todo],
      [PLAIN, STATUS_BACKGROUND[f.status], PLAIN, PLAIN, PLAIN],
    );
  }
  line([]);
  line([LIVE_TITLE], HEADER_BACKGROUND, true);
  line(['กรณี', 'ผลที่ Sheets แสดง', 'ค่าที่ส่งให้ฟังก์ชัน'], HEADER_BACKGROUND, true);
  const liveStart = rows.length + 1;
  PROBE_CASES.forEach((which, i) => {
    const row = liveStart + i;
    line([PROBE_LABELS[which], { formula: probeFormula(which, `C${row}`) }, { formula: PROBE_HELPERS[which] }]);
  });
  line([]);
  line([JSON_TITLE], HEADER_BACKGROUND, true);
  line([content.json]);
  const width = DIAGNOSTICS_WIDTH;
  return {
    values: rows.map((r) =>
      Array.from({ length: width }, (_, c) => {
        const v = r.cells[c];
        if (v && typeof v === 'object' && 'formula' in v) return (v as { formula: string }).formula;
        return v === undefined ? '' : asCellText(v);
      }),
    ),
    backgrounds: rows.map((r) =>
      Array.from({ length: width }, (_, c) =>
        Array.isArray(r.background) ? (r.background[c] ?? PLAIN) : r.background,
      ),
    ),
    weights: rows.map((r) => Array.from({ length: width }, () => (r.bold ? 'bold' : 'normal'))),
  };
}

/**
 * The live probe cells of an earlier result sheet, as its values read now; null when the sheet
 * has no live block (or none of the add-on's).
 * @param values the sheet's values (getValues of its content)
 */
export function previousLive(values: readonly (readonly unknown[])[]): LiveSeen | null {
  const title = values.findIndex((row) => row[0] === LIVE_TITLE);
  if (title < 0) return null;
  const probes = PROBE_CASES.flatMap((which) => {
    const row = values.slice(title + 1).find((r) => r[0] === PROBE_LABELS[which]);
    return row ? [{ probe: which, value: cellSeen(row[1]) }] : [];
  });
  return probes.length > 0 ? { madeAt: String(values[1]?.[0] ?? ''), probes } : null;
}

/**
 * The block the province copies to the maintainers: plain JSON, one line.
 * @param at the run's moment (ISO)
 * @param observations what was observed
 * @param live the live probes of the previous run, if any
 * @param findings what they mean
 * @param samplePdf what became of the sample report PDF (made, e-mailed, Google's error)
 */
export function diagnosticsJson(
  at: string,
  observations: Observations,
  live: LiveSeen | null,
  findings: readonly Finding[],
  samplePdf?: { made: boolean; sent: boolean; error?: string },
): string {
  return JSON.stringify({
    otopSelfCheck: 1,
    at,
    summary: statusCounts(findings),
    findings: findings.map((f) => ({ id: f.id, status: f.status, outcome: f.outcome })),
    observations,
    previousLive: live,
    ...(samplePdf ? { samplePdf } : {}),
  });
}
