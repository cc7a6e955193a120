/**
 * The fiscal-year switch's steps behind the Apps Script door (src/app/door/door.ts:
 * dropStoppedCopies, keepYearAsValues, commitNextYear, startNewYearSettings, swapBaseline,
 * emptyEntries, nameReportsWithYear, finishYearCopies): what the switch
 * (features/fiscalYears/action/newYear.ts) called before the door, in the same order, each
 * registering its undo in the transaction's (dropStoppedCopies aside: a deleted sheet cannot come
 * back, and what it deletes is only what a stopped switch left). Service calls grow with the
 * number of sheets, never of rows.
 */
import type { CountedOperator } from '../../standing/sheets/standing';
import { carriedBaseline } from '../rules/carriedBaseline';
import { rightsOf } from '../../setup/sheets/rights';
import { reportYear, type SheetRole } from '../../setup/sheets/sheetMarkers';
import { archiveName, isArchiveName, SHEET } from '../../setup/sheets/sheetNames';
import type { SubmissionRecord } from '../../submissions/sheets/submissions';
import { asCellText } from '../../../kernel/cellText';
import type { Day } from '../../../kernel/civilDate';
import { fiscalYearBounds } from '../../../kernel/fiscalYear';
import { OfficerError } from '../../../kernel/officerError';
import { LABEL, proposedRounds, readSettings } from '../../../kernel/settings';
import { cleanText } from '../../../kernel/text';
import { beDateText, formatThaiDate } from '../../../kernel/thaiDate';
import { yearLabel } from '../../../kernel/yearLabels';
import { readBlocks } from '../../../platform/batchRead';
import { protectSheets } from '../../../platform/protections';
import { flushWrites } from '../../../platform/services';
import { markSheet, type OwnSheet, renameOwn, updateMark, updateMarks } from '../../../platform/sheetRegistry';
import {
  clearedOnUndo,
  growColumns,
  growRows,
  readAll,
  sheetNamed,
  type Spreadsheet,
  writeBlock,
  writeBlockIfUnchanged,
} from '../../../platform/sheetIo';
import { blankOrNewSheet, deleteLeftovers } from '../../../platform/sheetSync';
import type { Undo } from '../../../platform/undo';
import type { WorkbookConfig } from '../../../app/workbookRead';
import type { CarriedBaseline, Door } from '../../../app/door/door';

const ACTION = 'การเริ่มปีงบประมาณใหม่';

/** The roles whose sheets are kept as values for the finished year. */
const KEPT: readonly SheetRole[] = ['districts', 'settings', 'criteria', 'activities', 'online', 'submissions'];

/**
 * The year switch's steps over a workbook within a transaction: each registers its changes in its undo.
 * @param ss the workbook
 * @param undo the transaction's undo
 */
export function newYearSteps(
  ss: Spreadsheet,
  undo: Undo,
): Pick<
  Door,
  | 'dropStoppedCopies'
  | 'keepYearAsValues'
  | 'commitNextYear'
  | 'startNewYearSettings'
  | 'swapBaseline'
  | 'emptyEntries'
  | 'nameReportsWithYear'
  | 'finishYearCopies'
> {
  return {
    dropStoppedCopies: (book, year) => dropStoppedCopies_(ss, book, year),
    keepYearAsValues: (book, year, records, added) => {
      const kept = readKept_(ss, book);
      const made: OwnSheet[] = [];
      keepYear_(ss, book, year, kept, undo, made);
      keepSubmissions_(ss, book, year, records, kept, undo, made);
      const carried = carryBaseline_(ss, book, year, added, kept, undo, made);
      protectArchives_(ss, book, made, undo);
      return carried;
    },
    commitNextYear: (book, next) => commit_(book, next, undo),
    startNewYearSettings: (book, year) => {
      const keptSettings = book.registry
        .all('archive')
        .find((a) => a.mark.archive?.fiscalYear === year && a.mark.archive?.of === 'settings');
      const rounds = keptSettings
        ? readSettings(readAll(keptSettings.sheet), book.districts).settings.rounds
        : book.settings.rounds;
      return moveSettings_(book, year, rounds, undo);
    },
    swapBaseline: (book, year) => swapBaseline_(book, year, undo),
    emptyEntries: (book, year) => clearEntries_(ss, book, year, undo),
    nameReportsWithYear: (book, year) => keepReports_(ss, book, year, undo),
    finishYearCopies: (book) => {
      const finished = book.registry.all('archive').flatMap((own) => {
        const archive = own.mark.archive;
        if (!archive?.pending) return [];
        const { pending: _done, ...rest } = archive;
        return [{ own, mark: { ...own.mark, archive: rest } }];
      });
      updateMarks(ss, finished, undo);
    },
  };
}

/**
 * What a switch stopped before its commit left: copies only (the live sheets untouched), and the
 * blank sheet it had just made and not yet marked, so that the copies are made again in order.
 */
function dropStoppedCopies_(ss: Spreadsheet, book: WorkbookConfig, year: number): void {
  const pending = book.registry.all('archive').filter((a) => a.mark.archive?.pending);
  if (pending.length === 0) return;
  const ours = new Set(book.registry.sheets.map((s) => s.name));
  const made = (name: string) =>
    !ours.has(name) && (isArchiveName(name, year) || name === yearLabel(SHEET.baseline, year + 1));
  deleteLeftovers(
    ss,
    pending.map((left) => left.sheet),
    made,
  );
}

/** The commit: the settings' fiscal year becomes the next (one cell). */
function commit_(book: WorkbookConfig, next: number, undo: Undo): void {
  const own = book.registry.one('settings');
  if (!own) throw OfficerError.input(`${ACTION}: ไม่พบชีตตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน`);
  const r = book.settingsValues.findIndex((row) => cleanText(String(row[0] ?? '')) === LABEL.fiscalYear);
  if (r < 0) throw OfficerError.input(`${ACTION}: ไม่พบแถว "${LABEL.fiscalYear}" ในชีตตั้งค่า`);
  writeBlock(own.sheet, r + 1, 2, [[next]], undo, `ชีตตั้งค่า "${LABEL.fiscalYear}"`, [[book.settingsValues[r][1]]]);
}

/** The next year's baseline made the baseline; the old one kept as the year's (each step once). */
function swapBaseline_(book: WorkbookConfig, year: number, undo: Undo): void {
  const next = book.registry
    .all('archive')
    .find((a) => a.mark.archive?.fiscalYear === year + 1 && a.mark.archive.of === 'baseline');
  if (!next) return;
  const old = book.registry.one('baseline');
  if (old) updateMark(old, { ...old.mark, role: 'archive', archive: { fiscalYear: year, of: 'baseline' } }, undo);
  const { archive: _was, ...mark } = next.mark;
  updateMark(next, { ...mark, role: 'baseline' }, undo);
}

/**
 * A new sheet holding values, marked as the year's archive of a sheet (protected with the
 * others afterwards: protectArchives_).
 */
function writeArchive_(
  ss: Spreadsheet,
  name: string,
  values: readonly (readonly unknown[])[],
  archive: { fiscalYear: number; of: SheetRole; district?: string },
  undo: Undo,
): OwnSheet {
  const { sheet, name: made } = blankOrNewSheet(ss, name, undo);
  const own = markSheet(
    sheet,
    {
      role: 'archive',
      ...(archive.district ? { district: archive.district } : {}),
      archive: { fiscalYear: archive.fiscalYear, of: archive.of, pending: true },
    },
    undo,
  );
  const width = Math.max(1, ...values.map((r) => r.length));
  if (values.length > 0) {
    growRows(sheet, values.length, 1, undo, `แถวของชีต "${made}"`);
    growColumns(sheet, width, undo, `คอลัมน์ของชีต "${made}"`);
    const block = values.map((r) => Array.from({ length: width }, (_, c) => asCellText(r[c] ?? '')));
    // a blank tab taken for the copy is not removed by the undo: what is written in it is cleared
    clearedOnUndo(sheet, block.length, width, undo, `ชีต "${made}"`);
    writeBlock(sheet, 1, 1, block, undo, `ชีต "${made}"`, null);
  }
  return own;
}

/**
 * The year's copies protected as the province's (protectSheets: those the switch made, in one
 * call; a blank tab it took that has a protection already, changed the SpreadsheetApp way).
 */
function protectArchives_(ss: Spreadsheet, book: WorkbookConfig, made: readonly OwnSheet[], undo: Undo): void {
  protectSheets(
    ss,
    made.map((own) => ({
      sheetId: own.mark.sheetId,
      name: own.name,
      sheet: () => own.sheet,
      spec: rightsOf(own.mark, own.name, book.settings),
      madeNow: true,
    })),
    undo,
  );
}

/** The roles whose sheets the switch copies as values (every kept one and the baseline). */
const COPIED: readonly SheetRole[] = [...new Set<SheetRole>([...KEPT, 'baseline'])];

/**
 * The values of every sheet the switch copies, in one batch read (three calls, rather than
 * three a sheet), by sheet id; taken before anything is written.
 * @param ss the workbook
 * @param book the workbook as read
 */
function readKept_(ss: Spreadsheet, book: WorkbookConfig): ReadonlyMap<number, unknown[][]> {
  const owns = COPIED.flatMap((role) => book.registry.all(role));
  const blocks = readBlocks(
    ss,
    owns.map((own) => ({ dataOf: own.name })),
  );
  return new Map(owns.map((own, i) => [own.mark.sheetId, blocks[i].values]));
}

/**
 * A copied sheet's values as readKept_ read them.
 * @param kept what readKept_ read
 * @param own the sheet
 */
function keptValues_(kept: ReadonlyMap<number, unknown[][]>, own: OwnSheet): unknown[][] {
  const values = kept.get(own.mark.sheetId);
  if (!values) throw new Error(`sheet "${own.name}" was not read with the others`);
  return values;
}

/** The district table, entry sheets, settings and criteria as values; how many sheets. */
function keepYear_(
  ss: Spreadsheet,
  book: WorkbookConfig,
  year: number,
  kept: ReadonlyMap<number, unknown[][]>,
  undo: Undo,
  made: OwnSheet[],
): number {
  let count = 0;
  for (const role of KEPT.filter((r) => r !== 'submissions')) {
    for (const own of book.registry.all(role)) {
      const values = keptValues_(kept, own);
      const copy = writeArchive_(
        ss,
        archiveName(own.name, year),
        values,
        { fiscalYear: year, of: role, district: own.mark.district },
        undo,
      );
      made.push(copy);
      count++;
    }
  }
  return count;
}

/** The year's submissions (rows of its duties) as values, header first; 1 when kept, else 0. */
function keepSubmissions_(
  ss: Spreadsheet,
  book: WorkbookConfig,
  year: number,
  records: readonly SubmissionRecord[],
  kept: ReadonlyMap<number, unknown[][]>,
  undo: Undo,
  made: OwnSheet[],
): number {
  const own = book.registry.one('submissions');
  if (!own) return 0;
  const values = keptValues_(kept, own);
  const rows = new Set(records.filter((r) => r.fiscalYear === year).map((r) => r.row));
  const rowsKept = [values[0] ?? [], ...values.filter((_, i) => rows.has(i + 1))];
  made.push(writeArchive_(ss, archiveName(own.name, year), rowsKept, { fiscalYear: year, of: 'submissions' }, undo));
  return 1;
}

/** The year's reports named with their year and marked with it; how many were renamed. */
function keepReports_(ss: Spreadsheet, book: WorkbookConfig, year: number, undo: Undo): number {
  let count = 0;
  for (const own of book.registry.all('report')) {
    const m = own.mark.report;
    if (!m || m.state === 'building' || reportYear(m) !== year) continue;
    const marked =
      m.fiscalYear === year ? own : updateMark(own, { ...own.mark, report: { ...m, fiscalYear: year } }, undo);
    const kept = archiveName(own.name, year);
    if (!isArchiveName(own.name, year) && !sheetNamed(ss, kept)) {
      renameOwn(marked, kept, undo);
      count++;
    }
  }
  return count;
}

/**
 * The next year's baseline: a new sheet named for its year (ฐาน ๒๕๖๕ for FY 2566) with the old
 * baseline's rows and every operator counted new in the year, each with where it came from; the
 * old baseline sheet stays, marked as the year's archive.
 */
function carryBaseline_(
  ss: Spreadsheet,
  book: WorkbookConfig,
  year: number,
  added: readonly CountedOperator[],
  kept: ReadonlyMap<number, unknown[][]>,
  undo: Undo,
  made: OwnSheet[],
): CarriedBaseline {
  const next = year + 1;
  const old = book.registry.one('baseline');
  const carried = carriedBaseline(old ? { name: old.name, values: keptValues_(kept, old) } : null, year, added);
  const name = yearLabel(SHEET.baseline, next);
  const { sheet, name: free } = blankOrNewSheet(ss, name, undo);
  // The baseline from the commit on (swapBaseline_); until then the year's copy, pending.
  const own = markSheet(sheet, { role: 'archive', archive: { fiscalYear: next, of: 'baseline', pending: true } }, undo);
  const block = carried.rows.map((r) => r.map((v) => asCellText(v)));
  growRows(sheet, block.length, 1, undo, `แถวของชีต "${free}"`);
  clearedOnUndo(sheet, block.length, Math.max(1, ...block.map((r) => r.length)), undo, `ชีต "${free}"`);
  writeBlock(sheet, 1, 1, block, undo, `ชีต "${free}"`, null);
  made.push(own);
  return { name: free, rows: carried.rows.length - 1, old: carried.old, added: carried.added };
}

/**
 * The entry sheets' data rows kept in their year's copies emptied (a row not in the copy, typed
 * after a stopped commit, stays), headers kept. The entry sheets and their copies are read in one
 * batch (after the writes so far are committed: the API reads what is saved); each run of rows
 * to empty is read again just before it is written, and left as it is when an officer changed a
 * row of it since (writeBlockIfUnchanged: what they typed is the new year's).
 */
function clearEntries_(ss: Spreadsheet, book: WorkbookConfig, year: number, undo: Undo): void {
  const kept = book.registry.all('archive').filter((a) => a.mark.archive?.fiscalYear === year);
  const pairs = (['activities', 'online'] as const).flatMap((role) =>
    book.registry.all(role).map((own) => ({
      own,
      copy: kept.find((a) => a.mark.archive?.of === role && a.mark.district === own.mark.district),
    })),
  );
  if (pairs.length === 0) return;
  flushWrites();
  const toRead = pairs.flatMap(({ own, copy }) => (copy ? [own, copy] : [own]));
  const blocks = readBlocks(
    ss,
    toRead.map((own) => ({ dataOf: own.name })),
  );
  const valuesOf = (own: OwnSheet) => blocks[toRead.indexOf(own)].values;
  for (const { own, copy } of pairs) {
    const values = valuesOf(own);
    if (values.length < 2) continue;
    const width = values[0].length;
    const key = (r: readonly unknown[]) =>
      JSON.stringify(Array.from({ length: width }, (_, c) => String(asCellText(r[c] ?? ''))));
    const empty = (from: number, to: number) => {
      const blank = values.slice(from, to).map((r) => r.map(() => ''));
      writeBlockIfUnchanged(own.sheet, from + 1, 1, blank, values.slice(from, to), key, undo, `ข้อมูลในชีต "${own.name}"`);
    };
    if (!copy) {
      empty(1, values.length);
      continue;
    }
    // Only the rows kept in the year's copy: a row typed after the commit (a switch stopped
    // and finished later) is the new year's and stays.
    const left = new Map<string, number>();
    for (const r of valuesOf(copy).slice(1)) left.set(key(r), (left.get(key(r)) ?? 0) + 1);
    const cleared = values.map((r, i) => {
      if (i === 0) return false;
      const n = left.get(key(r)) ?? 0;
      if (n > 0) left.set(key(r), n - 1);
      return n > 0;
    });
    for (let i = 1; i < values.length; i++) {
      if (!cleared[i]) continue;
      let end = i;
      while (end + 1 < values.length && cleared[end + 1]) end++;
      empty(i, end + 1);
      i = end;
    }
  }
}

/**
 * The settings of the next year (its number already written: the commit): the deadlines proposed
 * from the finished year's, the cut-off at its end; the monthly due day and everything else kept.
 * The proposed deadlines, Thai.
 */
function moveSettings_(book: WorkbookConfig, year: number, previous: readonly Day[], undo: Undo): string {
  const own = book.registry.one('settings');
  if (!own) throw OfficerError.input(`${ACTION}: ไม่พบชีตตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน`);
  const next = year + 1;
  const rounds = proposedRounds(previous, 1);
  const values = book.settingsValues;
  const row = (label: string) => values.findIndex((r) => cleanText(String(r[0] ?? '')) === label);
  const set = (label: string, value: unknown) => {
    const r = row(label);
    if (r < 0) return;
    writeBlock(own.sheet, r + 1, 2, [[value]], undo, `ชีตตั้งค่า "${label}"`, [[values[r][1]]]);
  };
  rounds.forEach((day, i) => {
    set(LABEL.round(i + 1), asCellText(beDateText(day)));
  });
  set(LABEL.asOf, asCellText(beDateText(fiscalYearBounds(next).end)));
  return rounds.map((d: Day) => formatThaiDate(d, { form: 'short', digits: 'arabic' })).join(', ');
}
