/**
 * A report as an A4 page of HTML: what its PDF is made from (Utilities.newBlob(html).getAs(PDF)
 * on Google's side; Chromium's print to PDF in the local preview). The same document as the
 * sheet (officialForm.ts), in Sarabun: the memo header, the table with its total and bands,
 * the evidence, the closing line and the signature block. Made to hold on any page size the
 * converter picks (whether Google's converter honours `@page` is unconfirmed): tables are
 * `width:100%` with percentage columns from the sheet's widths, long words wrap
 * (`overflow-wrap:anywhere`), rows are not split across pages, and table headers repeat.
 */
import {
  FORM_FONT,
  FORM_TEXT,
  type FormTable,
  formGrid,
  memoReference,
  PAGE_WIDTH_PX,
  type ReportDocument,
  tableWidths,
} from './officialForm';
import { headerPieces } from './headerWords';
import { escapeHtml } from './html';

/** A cell's band colours (the level's), or null. */
export type BandOf = (row: readonly (string | number)[]) => { background: string; text: string } | null;

/** The fonts to try, Sarabun first (Sheets' font; Thai fonts a converter may have after it). */
export const FONT_STACK = `${FORM_FONT.family}, 'TH Sarabun New', 'Noto Sans Thai', Laksaman, Garuda, Tahoma, sans-serif`;

/**
 * The page rule, the only style sheet left: Google's converter is reported to honour tables,
 * HTML attributes and inline styles and little else (issue 24, finding 9), so every table, row,
 * cell and block carries its own look inline (STYLE), and the band colours are also given as
 * `bgcolor` and the level as text.
 */
function pageRule_(orientation: 'portrait' | 'landscape'): string {
  return `@page { size: A4 ${orientation}; margin: 14mm 12mm; }`;
}

/** Each element's inline style. */
const STYLE = {
  body: `font-family:${FONT_STACK};font-size:${FORM_FONT.text}pt;color:#000;margin:0;line-height:1.6`,
  h1: `font-size:${FORM_FONT.title}pt;text-align:center;margin:0 0 4pt`,
  h2: 'font-size:inherit;margin:6pt 0 2pt;padding-top:4pt;break-after:avoid;page-break-after:avoid;break-inside:avoid;page-break-inside:avoid',
  p: 'margin:4pt 0;overflow-wrap:anywhere',
  memo: 'width:100%;border-collapse:collapse;margin-bottom:4pt',
  memoRow: 'break-inside:avoid;page-break-inside:avoid',
  memoTh: 'text-align:left;white-space:nowrap;padding:1pt 6pt 1pt 0;vertical-align:top;width:1%',
  memoTd: 'padding:1pt 2pt;vertical-align:top;overflow-wrap:anywhere',
  memoHalf: 'padding:1pt 2pt;vertical-align:top;overflow-wrap:anywhere;width:45%',
  data: `width:100%;border-collapse:collapse;table-layout:fixed;font-size:${FORM_FONT.table}pt;margin:4pt 0 8pt`,
  head: 'display:table-header-group',
  row: 'break-inside:avoid;page-break-inside:avoid',
  th: 'border:0.6pt solid #000;padding:3pt 3pt 1.5pt;vertical-align:top;background:#efefef;text-align:center;font-weight:bold',
  td: 'border:0.6pt solid #000;padding:3pt 3pt 1.5pt;vertical-align:top;overflow-wrap:anywhere',
  keep: 'white-space:nowrap',
  end: 'padding-top:4pt;break-inside:avoid;page-break-inside:avoid',
  sign: 'margin:14pt 0 0 50%;text-align:center',
  line: 'margin:0',
  footer: `font-size:${FORM_FONT.table}pt;color:#555;margin-top:10pt`,
} as const;

/** The header background, also as the `bgcolor` attribute. */
const HEADER_BACKGROUND = '#efefef';

/**
 * A header's HTML: escaped, each of its words that read as one kept on one line (headerWords.ts).
 * @param text the header
 */
function headerHtml_(text: string): string {
  return headerPieces(text)
    .map((p) => (p.kept ? `<span style="${STYLE.keep}">${escapeHtml(p.text)}</span>` : escapeHtml(p.text)))
    .join('');
}

/** A table's HTML, its columns sized in percent of the given pixel widths. */
function table_(
  table: FormTable,
  widths: readonly number[],
  band?: BandOf,
  bandColumns: readonly number[] = [],
): string {
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const cols = widths.map((w) => `<col style="width:${((w / sum) * 100).toFixed(2)}%">`).join('');
  const head = table.layout.headers
    .map((h) => `<th bgcolor="${HEADER_BACKGROUND}" style="${STYLE.th}">${headerHtml_(h)}</th>`)
    .join('');
  const align = (c: number) => (table.align[c] === 'right' ? 'right' : table.align[c] === 'center' ? 'center' : 'left');
  const row = (r: readonly (string | number)[], total = false) => {
    const colours = band?.(r) ?? null;
    const cells = table.layout.columns.map((_, c) => {
      const coloured = colours && bandColumns.includes(c);
      const paint = coloured ? `;background:${colours.background};color:${colours.text}` : '';
      const bg = coloured ? ` bgcolor="${colours.background}"` : '';
      const weight = total ? ';font-weight:bold' : '';
      return `<td align="${align(c)}"${bg} style="${STYLE.td};text-align:${align(c)}${weight}${paint}">${escapeHtml(r[c] ?? '')}</td>`;
    });
    return `<tr style="${STYLE.row}">${cells.join('')}</tr>`;
  };
  const body = table.rows.map((r) => row(r)).join('');
  const total = table.total ? row(table.total, true) : '';
  return (
    `<table class="data" border="1" cellspacing="0" cellpadding="3" width="100%" style="${STYLE.data}"><colgroup>${cols}</colgroup>` +
    `<thead style="${STYLE.head}"><tr style="${STYLE.row}">${head}</tr></thead><tbody>${body}${total}</tbody></table>`
  );
}

/**
 * The report as a whole HTML page for A4.
 * @param doc the report
 * @param band the band colours of a main-table row (its score's level), or none
 * @param bandColumns 0-based main-table columns painted in the band (score and level)
 */
export function reportHtml(doc: ReportDocument, band?: BandOf, bandColumns: readonly number[] = []): string {
  const grid = formGrid(doc);
  const memoTh = (label: string) => `<th align="left" style="${STYLE.memoTh}">${escapeHtml(label)}</th>`;
  const memoLine = (label: string, value: string) =>
    `<tr style="${STYLE.memoRow}">${memoTh(label)}<td colspan="3" style="${STYLE.memoTd}">${escapeHtml(value)}</td></tr>`;
  const memo = [
    memoLine(FORM_TEXT.agency, doc.memo.agency),
    `<tr style="${STYLE.memoRow}">${memoTh(FORM_TEXT.reference)}<td style="${STYLE.memoHalf}">${escapeHtml(memoReference(doc.memo.reference))}</td>` +
      `${memoTh(FORM_TEXT.date)}<td style="${STYLE.memoTd}">${escapeHtml(doc.memo.date)}</td></tr>`,
    memoLine(FORM_TEXT.subject, doc.memo.subject),
    memoLine(FORM_TEXT.addressee, doc.memo.addressee),
    memoLine(FORM_TEXT.status, doc.sent ? `${doc.status} · ${FORM_TEXT.sent} ${doc.sent}` : doc.status),
    memoLine(FORM_TEXT.asOf, doc.asOf),
  ].join('');
  // Each evidence table sized on its own for the page (the sheet shares the main table's columns).
  const sections = doc.sections.map(
    (s) =>
      `<h2 style="${STYLE.h2}">${escapeHtml(s.title)}</h2>${table_(s.table, tableWidths(s.table, PAGE_WIDTH_PX[grid.orientation]).widths)}`,
  );
  const sign = doc.signature;
  const signature = [
    FORM_TEXT.sign,
    sign.name ? `(${sign.name})` : FORM_TEXT.blankName,
    `${FORM_TEXT.position} ${sign.position || '........................................'}`,
    `${FORM_TEXT.phone} ${sign.phone || '........................................'}`,
  ]
    .map((l) => `<div style="${STYLE.line}">${escapeHtml(l)}</div>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="th"><head><meta charset="utf-8">',
    `<title>${escapeHtml(doc.memo.subject)}</title>`,
    `<style>${pageRule_(grid.orientation)}</style></head><body style="${STYLE.body}">`,
    `<h1 style="${STYLE.h1}">${FORM_TEXT.title}</h1>`,
    `<table class="memo" width="100%" cellspacing="0" style="${STYLE.memo}">${memo}</table>`,
    `<p style="${STYLE.p}">${escapeHtml(doc.intro)}</p>`,
    table_(doc.table, grid.widths, band, bandColumns),
    ...sections,
    `<div class="end" style="${STYLE.end}"><p style="${STYLE.p}">${escapeHtml(doc.closing)}</p><div class="sign" style="${STYLE.sign}">${signature}</div></div>`,
    `<div class="footer" style="${STYLE.footer}">${escapeHtml(doc.footer)}</div>`,
    '</body></html>',
  ].join('\n');
}
