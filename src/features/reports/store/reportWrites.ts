/**
 * The report sheets' writes behind the door (src/app/door/appsScriptDoor.ts `writeReport`) and
 * set-up's healing: the platform's report sheets (src/platform/reportSheet.ts), called in the
 * order the reports' action called them before the door.
 */
import type { ReportWritten } from '../../../app/door/door';
import { logLength } from '../../../app/auditLog';
import { stampText } from '../../../app/clock';
import type { WorkbookConfig } from '../../../app/workbookRead';
import { healReports, writeReport } from '../../../platform/reportSheet';
import type { Registry } from '../../../platform/sheetRegistry';
import type { Spreadsheet } from '../../../platform/sheetIo';
import type { Undo } from '../../../platform/undo';
import { rightsOf } from '../../setup/sheets/rights';
import { type ReportMark, reportYear } from '../../setup/sheets/sheetMarkers';
import { archiveName } from '../../setup/sheets/sheetNames';
import { formGrid } from '../sheets/officialForm';
import { type ReportRecord, reportSeal } from '../sheets/reportRecord';
import { reportName } from '../sheets/reportSheets';
import { reportRecordRow } from './reportRecordSheet';

/**
 * Heals leftovers of a killed run (building sheets, two current reports) and says what it did.
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param now the current time
 * @param undo where each step's undo is registered
 * @param fiscalYear the settings' fiscal year: a report of another year is named with its year
 */
export function healLeftovers(
  ss: Spreadsheet,
  registry: Registry,
  now: Date,
  undo: Undo,
  fiscalYear?: number,
): string[] {
  const name = (mark: ReportMark) =>
    fiscalYear === undefined || reportYear(mark) === fiscalYear
      ? reportName(mark)
      : archiveName(reportName(mark), reportYear(mark));
  return healReports(ss, registry, name, stampText(now), undo);
}

/**
 * Heals the leftovers, then writes and commits a report sheet rendered from its record, its mark
 * keeping the log's length, the sheet's seal and its record's number; the record is appended to
 * the reports' record sheet in the form's batch (reportRecordSheet.ts).
 * @param ss the workbook
 * @param config the configuration as read
 * @param report the name it gets, its record, its mark and the replacement time
 * @param now the current time
 * @param undo where each step's undo is registered
 */
export function publishReport(
  ss: Spreadsheet,
  config: WorkbookConfig,
  report: {
    readonly name: string;
    readonly record: ReportRecord;
    readonly mark: Omit<ReportMark, 'state' | 'form' | 'logAt' | 'seal'>;
    readonly stamp: string;
  },
  now: Date,
  undo: Undo,
): ReportWritten {
  const healed = healLeftovers(ss, config.registry, now, undo, config.settings.fiscalYear);
  const grid = formGrid(report.record.document);
  // — reports kept as records: its record's row, appended in the form's batch
  const kept = reportRecordRow(ss, config, report.record, { sheet: report.name, ref: report.mark.ref ?? '' }, undo);
  const written = writeReport(
    ss,
    config.registry,
    {
      name: report.name,
      grid,
      mark: { ...report.mark, logAt: logLength(), seal: reportSeal(report.mark.kind, grid), record: kept.seq },
      record: kept.row,
      criteria: config.criteria,
      rights: rightsOf({ role: 'report', sheetId: 0 }, report.name, config.settings),
      stamp: report.stamp,
    },
    undo,
  );
  return { ...written, healed };
}
