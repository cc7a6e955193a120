/**
 * What is sent to the province: the e-mail as an official submission (เรียน …, the report's
 * subject and paragraph, its district table with the score and level in their bands, a short
 * evidence summary, the closing line, the sender's signature block, the PDF's name and the link
 * to the sheet; all text escaped) and the short plain text for the province's LINE group (a
 * colour mark per level). Both are made from the report as read back from its sheet.
 */
import { type Criteria, levelOfScore } from '../../../kernel/criteria';
import { escapeHtml } from './html';
import { levelMark } from './levelMarks';
import { FORM_TEXT, type ReportDocument } from './officialForm';
import type { BandOf } from './reportHtml';
import type { ReportLayout } from './reportSheets';

export { escapeHtml } from './html';

/**
 * The band of a main-table row: its score's level's colours.
 * @param layout where the score is
 * @param criteria the bands
 */
export function bandOf(layout: ReportLayout, criteria: Criteria): BandOf {
  return (row) => {
    const score = row[layout.scoreColumn - 1];
    return typeof score === 'number' ? levelOfScore(criteria, score).band : null;
  };
}

/**
 * The e-mail body.
 * @param doc the report, as read back from its sheet
 * @param layout where its columns are
 * @param criteria for the band colours
 * @param link the sheet's URL
 * @param attachment the attached PDF's file name ('' when none)
 */
export function emailHtml(
  doc: ReportDocument,
  layout: ReportLayout,
  criteria: Criteria,
  link: string,
  attachment: string,
): string {
  const band = bandOf(layout, criteria);
  const painted = [layout.scoreColumn - 1, layout.levelColumn - 1];
  const td = (value: unknown, style = '') =>
    `<td style="border:1px solid #999;padding:3px 5px;vertical-align:top;${style}">${escapeHtml(value)}</td>`;
  const head = doc.table.layout.headers
    .map((h) => `<th style="border:1px solid #999;padding:3px 5px;background:#efefef">${escapeHtml(h)}</th>`)
    .join('');
  const row = (r: readonly (string | number)[], bold: boolean) => {
    const colours = band(r);
    const cells = doc.table.layout.columns.map((_, c) => {
      const paint = colours && painted.includes(c) ? `background:${colours.background};color:${colours.text};` : '';
      return td(r[c] ?? '', `${paint}${bold ? 'font-weight:bold;' : ''}`);
    });
    return `<tr>${cells.join('')}</tr>`;
  };
  const body = [...doc.table.rows.map((r) => row(r, false)), ...(doc.table.total ? [row(doc.table.total, true)] : [])];
  const evidence = doc.sections.map(
    (s) => `<li>${escapeHtml(s.title.replace(/^หลักฐาน: /, ''))}${perDistrict_(s)}</li>`,
  );
  const sign = doc.signature;
  const p = (text: string, style = '') => `<p style="margin:6px 0;${style}">${escapeHtml(text)}</p>`;
  return [
    '<div style="font-family:Sarabun,Tahoma,sans-serif;font-size:14px;line-height:1.5">',
    p(`${FORM_TEXT.subject} ${doc.memo.subject}`, 'font-weight:bold'),
    p(`${FORM_TEXT.addressee} ${doc.memo.addressee}`),
    p(doc.intro, 'text-indent:2.5em'),
    doc.status ? p(`${FORM_TEXT.status}: ${doc.status}`) : '',
    `<table style="border-collapse:collapse;margin:8px 0;font-size:13px"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`,
    p('หลักฐานการดำเนินงาน (รายละเอียดทุกรายการอยู่ในไฟล์ PDF ที่แนบและในสมุดงาน):'),
    `<ul style="margin:4px 0">${evidence.join('')}</ul>`,
    p(doc.closing, 'text-indent:2.5em'),
    `<div style="margin:16px 0 0 40%;text-align:center">${[
      sign.name ? `(${sign.name})` : '',
      sign.position,
      sign.phone ? `${FORM_TEXT.phone} ${sign.phone}` : '',
      doc.memo.agency,
    ]
      .filter(Boolean)
      .map((l) => `<div>${escapeHtml(l)}</div>`)
      .join('')}</div>`,
    attachment ? p(`ไฟล์แนบ: ${attachment}`) : '',
    `<p style="margin:6px 0">ดูรายงานในสมุดงาน: <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    '</div>',
  ].join('\n');
}

/** How many entries of a section each district has (its count, listed or not), e.g. " — ท่าบ่อ 3, สังคม 1". */
function perDistrict_(section: ReportDocument['sections'][number]): string {
  const counts = new Map<string, number>(section.perDistrict ?? []);
  if (!section.perDistrict)
    for (const r of section.table.rows) counts.set(String(r[0]), (counts.get(String(r[0])) ?? 0) + 1);
  if (counts.size === 0) return '';
  return escapeHtml(` — ${[...counts].map(([d, n]) => `${d} ${n}`).join(', ')}`);
}

/**
 * The LINE text: a title line, then one line per district: its level's colour mark, name,
 * score, level and what is still missing. Plain text, no markup.
 * @param title e.g. "สรุปผล รอบที่ 1 (ตัดยอด 25 มี.ค. 65)"
 * @param doc the report
 * @param layout where its columns are
 * @param criteria the levels' bands (the marks)
 */
export function lineText(title: string, doc: ReportDocument, layout: ReportLayout, criteria: Criteria): string {
  const lines = doc.table.rows.map((row) => {
    const score = row[layout.scoreColumn - 1];
    const next = String(row[layout.nextColumn - 1] ?? '').replace(/^ระดับถัดไป /, 'ต่อไป ');
    const mark = levelMark(criteria, typeof score === 'number' ? score : null);
    return `${mark} ${oneLine_(row[layout.nameColumn - 1])} ${score} คะแนน ${oneLine_(row[layout.levelColumn - 1])} — ${oneLine_(next)}`;
  });
  return [`OTOP ${title}`, ...lines].join('\n');
}

/** Text on one line, without control characters. */
function oneLine_(value: unknown): string {
  return (
    String(value ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ')
      .trim()
  );
}
