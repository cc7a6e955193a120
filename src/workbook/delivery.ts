/**
 * What is sent to the province: the e-mail's HTML body (the report's district table with band
 * colours, all text escaped) and the short plain text for the province's LINE group.
 */
import { type Criteria, levelOfScore } from '../core/criteria';
import type { ReportLayout } from './reportSheets';

/**
 * Escapes text for HTML element content and attribute values.
 * @param value any value
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The e-mail body: the report's header lines and district table, score and level cells in
 * their bands, and a link to the sheet.
 * @param grid the report's values (as read from its sheet)
 * @param layout where its table is (a ReportGrid's layout)
 * @param criteria for the band colours
 * @param link the sheet's URL
 */
export function emailHtml(
  grid: readonly (readonly unknown[])[],
  layout: ReportLayout,
  criteria: Criteria,
  link: string,
): string {
  const cell = (value: unknown, style = '') =>
    `<td style="border:1px solid #ccc;padding:4px;${style}">${escapeHtml(value)}</td>`;
  const headerLines = grid.slice(0, layout.headerRow - 2).map(
    (row) =>
      `<p style="margin:2px 0">${row
        .filter((v) => v !== '')
        .map(escapeHtml)
        .join(' ')}</p>`,
  );
  const head = grid[layout.headerRow - 1]
    .map((v) => `<th style="border:1px solid #ccc;padding:4px;background:#efefef">${escapeHtml(v)}</th>`)
    .join('');
  const body = grid.slice(layout.headerRow, layout.lastDistrictRow + 1).map((row) => {
    const band =
      typeof row[layout.scoreColumn - 1] === 'number'
        ? levelOfScore(criteria, row[layout.scoreColumn - 1] as number).band
        : null;
    const style = band ? `background:${band.background};color:${band.text}` : '';
    return `<tr>${row.map((v, c) => cell(v, c === layout.scoreColumn - 1 || c === layout.levelColumn - 1 ? style : '')).join('')}</tr>`;
  });
  return [
    '<div style="font-family:Sarabun,Tahoma,sans-serif;font-size:14px">',
    ...headerLines,
    `<table style="border-collapse:collapse;margin-top:8px"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`,
    `<p>ดูรายละเอียดและหลักฐานทั้งหมดในสมุดงาน: <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    '</div>',
  ].join('\n');
}

/**
 * The LINE text: a title line, then one line per district: name, score, level and what is
 * still missing. Plain text, no markup.
 * @param title e.g. "สรุปผล รอบที่ 1 (ตัดยอด 25 มี.ค. 65)"
 * @param grid the report's values
 * @param layout where its table is
 */
export function lineText(title: string, grid: readonly (readonly unknown[])[], layout: ReportLayout): string {
  const nameColumn = layout.nameColumn - 1;
  const nextColumn = layout.nextColumn - 1;
  const lines = grid.slice(layout.firstDistrictRow - 1, layout.lastDistrictRow).map((row) => {
    const next = String(row[nextColumn] ?? '').replace(/^ระดับถัดไป /, 'ต่อไป ');
    return `• ${oneLine_(row[nameColumn])} ${row[layout.scoreColumn - 1]} คะแนน ${oneLine_(row[layout.levelColumn - 1])} — ${oneLine_(next)}`;
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
