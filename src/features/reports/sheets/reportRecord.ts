/**
 * A report read back: its document from its sheet's values, through its mark's form (or the
 * previous version's fixed layout). Pure: both sides of the door read a report sheet with it.
 */
import type { ReportMark } from '../../setup/sheets/sheetMarkers';
import { readDocument, type ReportDocument } from './officialForm';
import { legacyDocument, type ReportLayout, reportLayout } from './reportSheets';

/**
 * A report's document and layout from its sheet's values.
 * @param mark the report's mark
 * @param values the sheet's values (its data range)
 */
export function sheetDocument(
  mark: ReportMark,
  values: readonly (readonly unknown[])[],
): { doc: ReportDocument; layout: ReportLayout } {
  if (!mark.form) return legacyDocument(values, mark.kind, mark.districts);
  const layout = reportLayout(mark.kind, mark.form);
  return { doc: readDocument(values, layout, layout.tables), layout };
}
