/**
 * The reports' record sheet `บันทึกรายงานที่จัดทำ` (issue 26, "reports kept as records"): one
 * sealed, numbered row per report made (platform/sealedRows.ts, as the submissions' record sheet),
 * holding its record and its document (sheets/reportRecords.ts); made, marked and protected for
 * the province on first use (only the province makes reports), read with the configuration's
 * batch and appended in the report's own batchUpdate (platform/reportSheet.ts), so that a report
 * costs no call more once the sheet exists. Sending reads a report from its record; a row whose
 * seal fails is counted nowhere, and the data check lists it. No kept state is written (it would
 * cost a call a report): a report's mark keeps its record's number instead, so a record deleted
 * or changed by hand is found from its report sheet.
 */
import { REPORT_RECORDS } from '../../../app/recordKinds';
import type { WorkbookConfig } from '../../../app/workbookRead';
import type { Settings } from '../../../kernel/settings';
import { applyProtection } from '../../../platform/protections';
import type { RecordRow } from '../../../platform/reportSheet';
import { checkRecords, recordHeader, sealedLine } from '../../../platform/sealedRows';
import { readAll, type Spreadsheet, writeBlock, writeNewHeaderText } from '../../../platform/sheetIo';
import { markSheet, type OwnSheet, type Registry } from '../../../platform/sheetRegistry';
import { blankOrNewSheet } from '../../../platform/sheetSync';
import type { Undo } from '../../../platform/undo';
import { rightsOf } from '../../setup/sheets/rights';
import { SHEET } from '../../setup/sheets/sheetNames';
import type { ReportRecord } from '../sheets/reportRecord';
import {
  type KeptRecords,
  keptRecords,
  type RecordSheetOf,
  REPORT_RECORD_LAYOUT,
  reportRecordCells,
} from '../sheets/reportRecords';
import { mapColumns } from '../../../kernel/layout';

/** The reports' kind of record. */
const KIND = REPORT_RECORDS;

/**
 * The reports' records as kept: the sealed ones by number, the numbers whose seal fails, and what
 * is wrong with the sheet (Thai, with its row).
 * @param registry the add-on's sheets
 * @param read the sheet's values, when read with the configuration (WorkbookConfig.reportRecordsValues)
 */
export function readReportRecords(registry: Registry, read?: unknown[][] | null): KeptRecords {
  const own = registry.one('reportRecords');
  if (!own) return { kept: new Map(), broken: new Set(), problems: [] };
  const values = read ?? readAll(own.sheet);
  const { columns } = recordHeader(REPORT_RECORD_LAYOUT, values[0] ?? [], 'seal', 'seq');
  const check = checkRecords(values.slice(1), columns, KIND, own.name);
  return keptRecords(own.name, values, check.rows, columns, check.problems);
}

/**
 * The record of one number as kept (sending reads one report): only the rows carrying that number
 * are checked, so sending does not digest every report's document. A second row with the number
 * is told apart as checkRecords tells it (the first sealed one counts).
 * @param registry the add-on's sheets
 * @param read the sheet's values, when read with the configuration
 * @param number the record's number (its report's mark; none for a report made before records)
 */
export function readReportRecord(
  registry: Registry,
  read: unknown[][] | null,
  number: number | undefined,
): Pick<KeptRecords, 'kept'> {
  const own = registry.one('reportRecords');
  if (!own || number === undefined) return { kept: new Map() };
  const values = read ?? readAll(own.sheet);
  const { columns } = recordHeader(REPORT_RECORD_LAYOUT, values[0] ?? [], 'seal', 'seq');
  const mine = [values[0] ?? [], ...values.slice(1).filter((line) => Number(line[columns.number]) === number)];
  const check = checkRecords(mine.slice(1), columns, KIND, own.name);
  return { kept: keptRecords(own.name, mine, check.rows, columns, []).kept };
}

/**
 * A report's record row, to be appended in the report's batch: the record sheet made on first
 * use (laid out again while it holds no record: a run stopped midway may have left it half made),
 * the rows of a report a stopped run left building (healing deletes its sheet) cleared, its
 * missing header cells written, the number after the highest in use.
 * @param ss the workbook
 * @param config the configuration as read this execution, the record sheet not written since
 * @param record the report's record
 * @param of the name its sheet is made under and its identity
 * @param undo where each step's undo is registered
 * @return the row and its number
 */
export function reportRecordRow(
  ss: Spreadsheet,
  config: WorkbookConfig,
  record: ReportRecord,
  of: RecordSheetOf,
  undo: Undo,
): { row: RecordRow; seq: number } {
  const found = config.registry.one('reportRecords');
  const own = found ?? create_(ss, undo);
  const read = found ? (config.reportRecordsValues ?? readAll(own.sheet)) : [];
  const values = read.map((line) => [...line]);
  // a record of a report a stopped run left building: that report never was (healing deletes it)
  const building = new Set(
    config.registry
      .all('report')
      .filter((r) => r.mark.report?.state === 'building')
      .map((r) => r.mark.report?.ref ?? ''),
  );
  const refAt = mapColumns(REPORT_RECORD_LAYOUT, values[0] ?? []).index.ref;
  values.forEach((line, i) => {
    if (i === 0 || refAt < 0 || !building.has(String(line[refAt] ?? '')) || line[refAt] === '') return;
    const blank = line.map(() => '');
    writeBlock(own.sheet, i + 1, 1, [blank], undo, `แถวที่ ${i + 1} ชีต "${own.name}"`);
    values[i] = blank;
  });
  let last = values.length;
  while (last > 1 && values[last - 1].every((v) => v === '' || v === null || v === undefined)) last--;
  if (last <= 1) layOut_(own, config.settings, undo);
  const header = last <= 1 ? [...REPORT_RECORD_LAYOUT.headers] : values[0];
  const { columns, missing } = recordHeader(REPORT_RECORD_LAYOUT, header, 'seal', 'seq');
  for (const m of missing) writeBlock(own.sheet, 1, m.column + 1, [[m.header]], undo, `หัวตารางของชีต "${own.name}"`);
  // after the highest number in use, a row whose seal fails included: a record changed by hand
  // keeps its number, so no later record takes it (nothing else tells them apart but their ref);
  // no seal is checked for it (each would digest a whole document), and no kept state is written
  const highest = values.slice(1, last).reduce((high: number, line) => {
    const n = Number(line[columns.number]);
    return Number.isInteger(n) && n > high ? n : high;
  }, 0);
  const seq = highest + 1;
  return {
    seq,
    row: {
      sheet: () => own.sheet,
      sheetId: own.mark.sheetId,
      name: own.name,
      lastRow: Math.max(last, 1),
      line: sealedLine(KIND, columns, seq, reportRecordCells(record, of)),
      widths: REPORT_RECORD_LAYOUT.columns.map((c) => c.width),
    },
  };
}

/** A new record sheet, marked (laid out by layOut_). */
function create_(ss: Spreadsheet, undo: Undo): OwnSheet {
  const { sheet } = blankOrNewSheet(ss, SHEET.reportRecords, undo);
  return markSheet(sheet, { role: 'reportRecords' }, undo);
}

/**
 * A record sheet holding no record laid out: its header with its notes, protected for the
 * province (its header's style, frozen row and widths go in the report's batch).
 */
function layOut_(own: OwnSheet, settings: Settings, undo: Undo): void {
  writeNewHeaderText(
    own.sheet,
    REPORT_RECORD_LAYOUT.headers,
    REPORT_RECORD_LAYOUT.columns.map((c) => c.note ?? ''),
  );
  applyProtection(own.sheet, rightsOf(own.mark, own.name, settings), undo);
}
