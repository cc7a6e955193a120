/**
 * A report as a record (issue 26): its document data (ReportRecord: kind, period, fiscal year,
 * provisional, made at, by whom, and the document with its tables' figures), made by a pure
 * function; the sheet (officialForm.ts formGrid) and the e-mail's HTML and PDF (delivery.ts,
 * reportHtml.ts) are its renderers. What keeps it: its sheet, sealed by its mark (`seal`, a
 * digest of the sheet's values as made, in the mark written with the sheet: no call of its own);
 * read back, a sheet whose values no longer match its seal was changed by hand after it was made.
 * Pure: both sides of the door read a report with it.
 */
import { asCellText } from '../../../kernel/cellText';
import { sha256HexOfParts } from '../../../kernel/sha256';
import { type ReportMark, reportYear } from '../../setup/sheets/sheetMarkers';
import { type FormGrid, type FormLayout, formLayout, readDocument, type ReportDocument } from './officialForm';
import { legacyDocument, type ReportLayout, reportLayout } from './reportSheets';

/** A report's document data: what it is, who made it when, and its document. */
export interface ReportRecord {
  readonly kind: ReportMark['kind'];
  /** 1–3 for a round, yyyy-mm for a month. */
  readonly period: string;
  /** BE */
  readonly fiscalYear: number;
  readonly provisional: boolean;
  /** When it was made (ISO date-time). */
  readonly made: string;
  /** Who made it ('' when a report of an earlier version does not say). */
  readonly by: string;
  /** Its memo, tables (the figures) and evidence, as the renderers take it. */
  readonly document: ReportDocument;
}

/** A report read back: its record, the layout its sheet has, and whether its seal holds. */
export interface RecordRead {
  readonly record: ReportRecord;
  readonly layout: ReportLayout;
  /** true: the sheet is as made; false: changed by hand since; null: made before seals. */
  readonly sealed: boolean | null;
}

/**
 * A report's record.
 * @param mark what it is and when it was made
 * @param by who made it
 * @param document its document
 */
export function reportRecord(
  mark: Pick<ReportMark, 'kind' | 'period' | 'fiscalYear' | 'provisional' | 'made'>,
  by: string,
  document: ReportDocument,
): ReportRecord {
  return {
    kind: mark.kind,
    period: mark.period,
    fiscalYear: reportYear(mark),
    provisional: mark.provisional,
    made: mark.made,
    by,
    document,
  };
}

/**
 * A report's document and layout from its sheet's values.
 * @param mark the report's mark
 * @param values the sheet's values (its data range)
 */
export function sheetDocument(
  mark: ReportMark,
  values: readonly (readonly unknown[])[],
): { doc: ReportDocument; layout: ReportLayout } {
  if (!mark.form) return legacyDocument(values, mark.kind, mark.districts, reportYear(mark));
  const layout = reportLayout(mark.kind, mark.form, reportYear(mark));
  return { doc: readDocument(values, layout, layout.tables), layout };
}

/**
 * A report read back from its sheet: its record, and whether the sheet is still as made.
 * @param mark the report's mark
 * @param values the sheet's values (its data range)
 */
export function readRecord(mark: ReportMark, values: readonly (readonly unknown[])[]): RecordRead {
  const { doc, layout } = sheetDocument(mark, values);
  const sealed = mark.seal && mark.form ? digest_(values, layout) === mark.seal : null;
  return { record: reportRecord(mark, mark.by ?? '', doc), layout, sealed };
}

/**
 * The seal a new report's mark keeps: the digest of its sheet's values as the sheet will hold
 * them (a text's leading apostrophe is not kept), the status and sent cells left out.
 * @param _kind a round's summary or a month's report (either: the cells left out are the form's)
 * @param grid its sheet as rendered
 */
export function reportSeal(_kind: ReportMark['kind'], grid: FormGrid): string {
  return digest_(grid.rows, formLayout(grid.shape), (v) => {
    const written = asCellText(v);
    return typeof written === 'string' && written.startsWith("'") ? written.slice(1) : written;
  });
}

/**
 * The digest of a report sheet's values: trailing blank cells and rows dropped (a data range
 * ends at the last value), the status and sent cells (which the add-on rewrites) blanked. It is
 * the digest of the JSON of those rows, made row by row (sha256HexOfParts): a nation's round
 * summary is tens of megabytes of JSON, never made whole, nor a copy of its rows.
 * @param values the sheet's rows
 * @param layout its layout (where the status and sent cells are)
 * @param kept what a cell keeps of a value (a new sheet's: without a text's leading apostrophe)
 */
function digest_(
  values: readonly (readonly unknown[])[],
  layout: Pick<FormLayout, 'statusCell' | 'sentCell'>,
  kept: (value: unknown) => unknown = (v) => v,
): string {
  const rewritten = [layout.statusCell, layout.sentCell];
  const blank = (v: unknown) => v === '' || v === null || v === undefined;
  const row = (r: number): unknown[] => {
    const line = values[r].map(kept);
    for (const [at, c] of rewritten) if (at - 1 === r && c - 1 < line.length) line[c - 1] = '';
    let end = line.length;
    while (end > 0 && blank(line[end - 1])) end--;
    line.length = end;
    return line;
  };
  let last = values.length;
  while (last > 0 && row(last - 1).length === 0) last--;
  // JSON escapes a lone surrogate, so each row's text is well formed
  return sha256HexOfParts(
    (function* () {
      yield '[';
      for (let r = 0; r < last; r++) yield (r > 0 ? ',' : '') + JSON.stringify(row(r));
      yield ']';
    })(),
  );
}
