/**
 * The sheet `การส่งรายงานของอำเภอ`: one sealed row per submission, appended by the add-on only
 * (its editors are the named officers, as for the log, because a district officer's submission
 * runs as that officer), created, marked and protected on first use. Rows that fail their seal
 * are not counted anywhere, and the data check lists them.
 */
import { appendSealed, checkSealed } from '../adapter/sealedRows';
import { applyProtection } from '../adapter/protections';
import { readProperty, writeProperty } from '../adapter/properties';
import { markSheet, type OwnSheet, type Registry } from '../adapter/sheetRegistry';
import { blankOrNewSheet, setColumnWidths } from '../adapter/sheetSync';
import type { Undo } from '../adapter/undo';
import type { Settings } from '../core/settings';
import { rightsOf } from '../workbook/rights';
import { SHEET } from '../workbook/sheetNames';
import { readSubmissionRows, SUBMISSION_LAYOUT, type SubmissionRecord } from '../workbook/submissions';
import { readAll, type Spreadsheet, writeNewHeader } from '../adapter/sheetIo';

/** The document property keeping the sheet's length and last seal. */
const STATE_KEY = 'otop.submissions';

/** The submissions as read, and what is wrong with the sheet (Thai, with its row). */
export interface SubmissionsRead {
  readonly records: readonly SubmissionRecord[];
  readonly problems: readonly { sheet: string; row: number; message: string }[];
}

/**
 * Reads every submission (one read of the sheet) and checks the seals.
 * @param registry the add-on's sheets
 */
export function readSubmissions(registry: Registry): SubmissionsRead {
  const own = registry.one('submissions');
  if (!own) {
    const rows = keptRows_(readProperty(STATE_KEY));
    return {
      records: [],
      problems:
        rows > 0
          ? [
              {
                sheet: SHEET.submissions,
                row: 1,
                message: `ชีต "${SHEET.submissions}" ถูกลบ (เคยมี ${rows} แถว): การส่งรายงานที่บันทึกไว้หายไป ให้ดูประวัติเวอร์ชันของไฟล์ และให้อำเภอส่งใหม่`,
              },
            ]
          : [],
    };
  }
  const values = readAll(own.sheet);
  const data = values.length > 1 ? values.slice(1) : [];
  const check = checkSealed(data, SUBMISSION_LAYOUT.width, STATE_KEY, own.name);
  const records = readSubmissionRows(values.length > 0 ? values : [[]], check.trusted);
  const problems = check.problems.map((p) => ({ sheet: own.name, ...p }));
  if (records === null) {
    return {
      records: [],
      problems: [
        ...problems,
        { sheet: own.name, row: 1, message: `แถวที่ 1 ของชีต "${own.name}" ไม่ใช่หัวตาราง จึงอ่านการส่งรายงานไม่ได้` },
      ],
    };
  }
  return { records, problems };
}

/** The kept number of rows ('0' for none or text that is not ours). */
function keptRows_(text: string | null): number {
  try {
    const rows = text ? (JSON.parse(text) as { rows?: unknown }).rows : 0;
    return typeof rows === 'number' ? rows : 0;
  } catch {
    return 0;
  }
}

/**
 * Appends a submission's row (the sheet is made on first use; when it went missing, a new one
 * starts its own seal chain).
 * @param ss the workbook
 * @param registry the add-on's sheets
 * @param row the row without its seal
 * @param settings who may write the sheet
 * @param undo where each step's undo is registered
 * @return the sheet
 */
export function appendSubmission(
  ss: Spreadsheet,
  registry: Registry,
  row: readonly (string | number)[],
  settings: Settings,
  undo: Undo,
): OwnSheet {
  const own = registry.one('submissions') ?? create_(ss, settings, undo);
  appendSealed({ sheet: own.sheet, name: own.name, width: SUBMISSION_LAYOUT.width, stateKey: STATE_KEY }, [row], undo);
  return own;
}

/** A new record sheet: marked, header, frozen, widths, protected; the seal chain starts afresh. */
function create_(ss: Spreadsheet, settings: Settings, undo: Undo): OwnSheet {
  const { sheet, name } = blankOrNewSheet(ss, SHEET.submissions, undo);
  const own = markSheet(sheet, { role: 'submissions' }, undo);
  writeNewHeader(
    sheet,
    SUBMISSION_LAYOUT.headers,
    SUBMISSION_LAYOUT.columns.map((c) => c.note ?? ''),
  );
  setColumnWidths(
    sheet,
    SUBMISSION_LAYOUT.columns.map((c) => c.width),
  );
  applyProtection(sheet, rightsOf(own.mark, name, settings), undo);
  const before = readProperty(STATE_KEY);
  if (before !== null) writeProperty(STATE_KEY, null, before, undo, `สถานะของชีต "${name}"`);
  return own;
}
