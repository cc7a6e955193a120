/**
 * The self-check's scratch sheet: made for one run, marked, and deleted at the end of it
 * whatever happened in between. Its name carries Thai combining marks (ั ่ ์) and nothing that
 * needs quoting otherwise, so formulas can name it unquoted. A run killed before its end leaves
 * the sheet behind; the next run finds it by its marker and deletes it first. A run killed after
 * making the sheet and before marking it (two calls apart) leaves it unmarked: so the name it is
 * about to use is kept in a document property first, and the next run deletes a sheet of that
 * name when it is still unmarked and empty (an officer's sheet of that name has content, or was
 * there before, when the run took another name).
 */
import { encodeMark, MARKER_KEY } from '../features/setup/sheets/sheetMarkers';
import { readProperty, writeProperty } from './properties';
import { documentVisibility } from './services';
import type { Registry } from './sheetRegistry';
import { newSheet } from './sheetSync';
import type { Undo } from './undo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The scratch sheet's name: Thai letters with combining marks, no space, no punctuation. */
export const SCRATCH_NAME = 'ตรวจระบบชั่วคราวเกณฑ์';

/** The document property keeping the name of the scratch sheet being made. */
const MAKING_KEY = 'otop.scratch';

/** A scratch sheet in use. */
export interface Scratch {
  readonly sheet: Sheet;
  readonly name: string;
}

/** What using a scratch sheet left. */
export interface ScratchOutcome<T> {
  readonly result: T;
  /** scratch sheets of earlier runs that were deleted first */
  readonly leftoversDeleted: number;
}

/**
 * Runs `use` on a new scratch sheet and deletes the sheet afterwards, also when `use` throws;
 * deleting it is registered in the undo list too, so a failed deletion is retried by the undo
 * and, if that fails as well, reported as left behind.
 * @param ss the workbook
 * @param registry the add-on's sheets (for scratch sheets left by earlier runs)
 * @param undo the action's undo list
 * @param use the observations
 */
export function withScratchSheet<T>(
  ss: Spreadsheet,
  registry: Registry,
  undo: Undo,
  use: (scratch: Scratch) => T,
): ScratchOutcome<T> {
  let leftoversDeleted = 0;
  const marked = registry.all('scratch');
  for (const left of marked) {
    ss.deleteSheet(left.sheet); // a killed run's: nothing in it is anyone's
    leftoversDeleted++;
  }
  const making = readProperty(MAKING_KEY);
  const unmarked = making === null ? null : ss.getSheetByName(making);
  if (
    unmarked &&
    !marked.some((m) => m.name === making) &&
    unmarked.getLastRow() === 0 &&
    unmarked.getLastColumn() === 0
  ) {
    ss.deleteSheet(unmarked); // made by a run killed before it marked it: empty, nobody's
    leftoversDeleted++;
  }
  const name = freeScratchName_(ss);
  writeProperty(MAKING_KEY, name, making, undo, 'ชื่อชีตทดสอบ');
  const sheet = newSheet(ss, name, undo);
  let result: T;
  try {
    // Marked without an undo step of its own: the marker goes with the sheet, and an undo step on
    // a sheet deleted below would fail.
    sheet.addDeveloperMetadata(
      MARKER_KEY,
      encodeMark({ role: 'scratch', sheetId: sheet.getSheetId() }),
      documentVisibility(),
    );
    result = use({ sheet, name });
  } catch (error) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // the undo (newSheet's) deletes it again
    }
    throw error;
  }
  ss.deleteSheet(sheet); // a failure here fails the action, whose undo deletes it again
  writeProperty(MAKING_KEY, null, name, undo, 'ชื่อชีตทดสอบ');
  return { result, leftoversDeleted };
}

/** The scratch name, or the name with _2, _3, … when an officer's sheet has it. */
function freeScratchName_(ss: Spreadsheet): string {
  let candidate = SCRATCH_NAME;
  for (let n = 2; ss.getSheetByName(candidate) !== null; n++) candidate = `${SCRATCH_NAME}_${n}`;
  return candidate;
}
