/**
 * เริ่มปีงบประมาณใหม่: the province ends fiscal year N and begins N+1 in one whole-or-nothing
 * action with its log row (docs/fiscal-years.md). The finished year stays readable: its district
 * table, entry sheets, settings, criteria and submissions are copied as values into sheets marked
 * `archive` with their year (nothing is deleted), its reports renamed with their year; the
 * baseline is carried forward (the old baseline plus every operator counted new in year N, each
 * row saying where it came from); the settings move to N+1 with the deadlines proposed from N's
 * (each round on the same weekday of the same week of its month) and the same monthly due day;
 * the criteria stay for the province to edit (year N's kept in its archive); the registered
 * counts are kept and the province asked to update them; the entry sheets are emptied, ready;
 * protections and officers stay as they were; then set-up's steps relabel and rebuild for N+1.
 * Refused in Thai for anyone but the province; asked first when year N has not ended or a round
 * summary of it is missing. Service calls grow with the number of sheets, never of rows.
 */
import { type Day, dayOfDate } from '../../../kernel/civilDate';
import { fiscalYearBounds } from '../../../kernel/fiscalYear';
import { OfficerError } from '../../../kernel/officerError';
import { LABEL, proposedRounds, readSettings } from '../../../kernel/settings';
import { cleanText } from '../../../kernel/text';
import { beDateText, formatThaiDate } from '../../../kernel/thaiDate';
import { BASELINE_LAYOUT } from '../../counting/rules/entryLayout';
import { type Layout, yearLayout } from '../../../kernel/layout';
import { yearLabel } from '../../../kernel/yearLabels';
import { protectSheets } from '../../../platform/protections';
import { markSheet, type OwnSheet, renameOwn, updateMark, updateMarks } from '../../../platform/sheetRegistry';
import { blankOrNewSheet, deleteLeftovers } from '../../../platform/sheetSync';
import { atomically, type Undo } from '../../../platform/undo';
import { readBlocks } from '../../../platform/batchRead';
import { flushWrites } from '../../../platform/services';
import {
  growColumns,
  growRows,
  readAll,
  clearedOnUndo,
  sheetNamed,
  type Spreadsheet,
  writeBlock,
  writeBlockIfUnchanged,
} from '../../../platform/sheetIo';
import { asCellText } from '../../../kernel/cellText';
import { rightsOf } from '../../setup/sheets/rights';
import { type ReportMark, reportYear, type SheetRole } from '../../setup/sheets/sheetMarkers';
import { archiveName, isArchiveName, SHEET } from '../../setup/sheets/sheetNames';
import { standingOf } from '../../standing/sheets/standing';
import { appendLog } from '../../../app/auditLog';
import { nowText } from '../../../app/clock';
import { caller, requireProvince } from '../../../app/roles';
import { setUpWithin } from '../../setup/action/setup';
import { setUpDoorOver } from '../../../app/door/setUpSteps';
import { readSubmissions } from '../../submissions/action/submissionRecords';
import { evaluateAll, readWorkbook, type WorkbookRead } from '../../../app/workbookRead';

/** What the action answers. */
export interface NewYearResult {
  readonly needsConfirmation: boolean;
  /** Thai: the question, or what was done and what the province is asked to check. */
  readonly message: string;
  /** The new fiscal year, once begun. */
  readonly fiscalYear?: number;
}

const ACTION = 'การเริ่มปีงบประมาณใหม่';

/** The roles whose sheets are kept as values for the finished year. */
const KEPT: readonly SheetRole[] = ['districts', 'settings', 'criteria', 'activities', 'online', 'submissions'];

/** The provenance column of a carried baseline. */
export const BASELINE_SOURCE = 'ที่มา';

/**
 * Ends the settings' fiscal year and begins the next, whole or not at all. Killed midway (Apps
 * Script's time limit), it is safe to run again: the year's copies are made first, marked
 * pending; moving the settings' year is the commit. A run stopped before it left copies the next
 * run deletes and makes again; one stopped after it is finished by the next run (entries emptied,
 * baseline swapped, reports renamed, set-up's steps, the log row, the copies' marks cleared last).
 * @param ss the workbook
 * @param now the current time
 * @param confirmed the province confirmed after being asked (year not ended, a round summary missing)
 */
export function startNewFiscalYear(ss: Spreadsheet, now: Date, confirmed = false): NewYearResult {
  const book = readWorkbook(ss);
  const who = caller(ss, book.settings);
  requireProvince(who, ACTION);
  if (book.needsSetUp) {
    throw new OfficerError('notSetUp', `${ACTION}: สมุดงานยังไม่ได้ตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน`);
  }
  const me = who.email || 'ไม่ทราบอีเมล';
  const pending = book.registry.all('archive').filter((a) => a.mark.archive?.pending);
  const current = book.settings.fiscalYear;
  if (pending.some((a) => a.mark.archive?.fiscalYear === current - 1)) {
    // A switch to this year was committed and stopped: finished now.
    const done = atomically((undo) => finishSwitch_(ss, now, current - 1, me, undo));
    return {
      needsConfirmation: false,
      fiscalYear: current,
      message: `เริ่มปีงบประมาณ ${current} ต่อจนเสร็จ (การทำงานครั้งก่อนหยุดกลางคัน) กำหนดส่งสรุปผลที่เสนอ: ${done}`,
    };
  }
  const year = current;
  const next = year + 1;
  const today = dayOfDate(now);
  const { end } = fiscalYearBounds(year);
  const reasons: string[] = [];
  if (today <= end) {
    reasons.push(
      `ปีงบประมาณ ${year} ยังไม่สิ้นสุด (สิ้นสุดวันที่ ${formatThaiDate(end, { digits: 'arabic' })}) ข้อมูลที่บันทึกหลังจากนี้จะเป็นของปีงบประมาณ ${next}`,
    );
  }
  const missing = missingRounds_(book, year);
  if (missing.length > 0) {
    reasons.push(
      `ยังไม่ได้จัดทำสรุปผล ${missing.map((r) => `รอบที่ ${r}`).join(', ')} ของปีงบประมาณ ${year} (ให้กด "จัดทำสรุป" ก่อน หรือเริ่มปีใหม่โดยไม่มีสรุปรอบนี้)`,
    );
  }
  if (reasons.length > 0 && !confirmed) {
    return {
      needsConfirmation: true,
      message: `${reasons.join(' และ')} ต้องการเริ่มปีงบประมาณ ${next} ตอนนี้หรือไม่`,
    };
  }
  // Year N's new operators, counted to its last day (or today, when it has not ended).
  const cutOff = Math.min(end, today);
  const standing = standingOf(evaluateAll(book, cutOff, true), book.criteria, book.settings.percentBasis, cutOff);
  const records = readSubmissions(book.registry).records;
  const done = atomically((undo) => {
    // What a switch stopped before its commit left: copies only (the live sheets untouched), and
    // the blank sheet it had just made and not yet marked, so that the copies are made again in order.
    if (pending.length > 0) {
      const ours = new Set(book.registry.sheets.map((s) => s.name));
      const made = (name: string) =>
        !ours.has(name) && (isArchiveName(name, year) || name === yearLabel(SHEET.baseline, next));
      deleteLeftovers(
        ss,
        pending.map((left) => left.sheet),
        made,
      );
    }
    const live = pending.length > 0 ? readWorkbook(ss) : book;
    const kept = readKept_(ss, live);
    const made: OwnSheet[] = [];
    keepYear_(ss, live, year, kept, undo, made);
    keepSubmissions_(ss, live, year, records, kept, undo, made);
    const carried = carryBaseline_(ss, live, year, standing.newOperators, kept, undo, made);
    protectArchives_(ss, live, made, undo);
    commit_(live, next, undo);
    const deadlines = finishSwitch_(ss, now, year, me, undo, carried);
    return { carried, deadlines };
  });
  return {
    needsConfirmation: false,
    fiscalYear: next,
    message:
      `เริ่มปีงบประมาณ ${next} เรียบร้อย ข้อมูลปีงบประมาณ ${year} เก็บไว้ในชีตที่ลงท้ายว่า "ปีงบ ${year}" ` +
      `ฐานปีใหม่ ${done.carried.rows} ราย (ชีต "${done.carried.name}") ` +
      `กรุณาตรวจสอบ: กำหนดส่งสรุปผลที่เสนอ (${done.deadlines}) และวันส่งรายงานประจำเดือนในชีตตั้งค่า, เกณฑ์ในชีตเกณฑ์, ` +
      `และปรับจำนวนผู้ประกอบการทั้งหมดและที่ส่งเสริมแล้วของแต่ละอำเภอในชีตอำเภอให้เป็นของปีใหม่`,
  };
}

/** The commit: the settings' fiscal year becomes the next (one cell). */
function commit_(book: WorkbookRead, next: number, undo: Undo): void {
  const own = book.registry.one('settings');
  if (!own) throw OfficerError.input(`${ACTION}: ไม่พบชีตตั้งค่า กรุณากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ก่อน`);
  const r = book.settingsValues.findIndex((row) => cleanText(String(row[0] ?? '')) === LABEL.fiscalYear);
  if (r < 0) throw OfficerError.input(`${ACTION}: ไม่พบแถว "${LABEL.fiscalYear}" ในชีตตั้งค่า`);
  writeBlock(own.sheet, r + 1, 2, [[next]], undo, `ชีตตั้งค่า "${LABEL.fiscalYear}"`, [[book.settingsValues[r][1]]]);
}

/**
 * Everything after the commit, each step safe to run again: the settings' deadlines and cut-off
 * (from the year's kept settings), the baseline swapped, the entry sheets emptied, the reports
 * named with their year, set-up's steps, the log row, then the copies' pending marks cleared.
 * @return the proposed deadlines, Thai
 */
function finishSwitch_(
  ss: Spreadsheet,
  now: Date,
  year: number,
  me: string,
  undo: Undo,
  carried?: { name: string; rows: number; old: number; added: number },
): string {
  const book = readWorkbook(ss);
  const kept = book.registry.all('archive').filter((a) => a.mark.archive?.fiscalYear === year);
  const keptSettings = kept.find((a) => a.mark.archive?.of === 'settings');
  const rounds = keptSettings
    ? readSettings(readAll(keptSettings.sheet), book.districts).settings.rounds
    : book.settings.rounds;
  const deadlines = moveSettings_(book, year, rounds, undo);
  swapBaseline_(book, year, undo);
  clearEntries_(ss, book, year, undo);
  const reports = keepReports_(ss, book, year, undo);
  setUpWithin(setUpDoorOver(ss, undo), now);
  const detail =
    `ปีงบประมาณ ${year} → ${year + 1}: เก็บ ${kept.length} ชีตเป็นค่า (ชื่อลงท้าย "ปีงบ ${year}") ` +
    `เปลี่ยนชื่อรายงาน ${reports} ชีต` +
    (carried ? ` ฐานปีใหม่ ${carried.rows} ราย (เดิม ${carried.old} + รายใหม่ปี ${year} ${carried.added})` : '') +
    ` กำหนดส่งสรุปผล ${deadlines}`;
  const after = readWorkbook(ss);
  appendLog(ss, after.registry, [[nowText(now), me, 'เริ่มปีงบประมาณใหม่', detail, 'สำเร็จ']], after.settings, undo);
  // Last, in one call: a run stopped before this is finished by the next one.
  const finished = after.registry.all('archive').flatMap((own) => {
    const archive = own.mark.archive;
    if (!archive?.pending) return [];
    const { pending: _done, ...rest } = archive;
    return [{ own, mark: { ...own.mark, archive: rest } }];
  });
  updateMarks(ss, finished, undo);
  return deadlines;
}

/** The next year's baseline made the baseline; the old one kept as the year's (each step once). */
function swapBaseline_(book: WorkbookRead, year: number, undo: Undo): void {
  const next = book.registry
    .all('archive')
    .find((a) => a.mark.archive?.fiscalYear === year + 1 && a.mark.archive.of === 'baseline');
  if (!next) return;
  const old = book.registry.one('baseline');
  if (old) updateMark(old, { ...old.mark, role: 'archive', archive: { fiscalYear: year, of: 'baseline' } }, undo);
  const { archive: _was, ...mark } = next.mark;
  updateMark(next, { ...mark, role: 'baseline' }, undo);
}

/** The rounds of a year with no current summary (provisional ones do not count). */
function missingRounds_(book: WorkbookRead, year: number): number[] {
  const made = new Set(
    book.registry
      .all('report')
      .map((r) => r.mark.report)
      .filter(
        (m): m is ReportMark =>
          !!m && m.kind === 'round' && m.state === 'current' && !m.provisional && reportYear(m) === year,
      )
      .map((m) => Number(m.period)),
  );
  return book.settings.rounds.map((_, i) => i + 1).filter((r) => !made.has(r));
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
function protectArchives_(ss: Spreadsheet, book: WorkbookRead, made: readonly OwnSheet[], undo: Undo): void {
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
function readKept_(ss: Spreadsheet, book: WorkbookRead): ReadonlyMap<number, unknown[][]> {
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
  book: WorkbookRead,
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
  book: WorkbookRead,
  year: number,
  records: ReturnType<typeof readSubmissions>['records'],
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
function keepReports_(ss: Spreadsheet, book: WorkbookRead, year: number, undo: Undo): number {
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
  book: WorkbookRead,
  year: number,
  added: ReturnType<typeof standingOf>['newOperators'],
  kept: ReadonlyMap<number, unknown[][]>,
  undo: Undo,
  made: OwnSheet[],
): { name: string; rows: number; old: number; added: number } {
  const next = year + 1;
  const layout = yearLayout(BASELINE_LAYOUT as Layout<string>, next);
  const header = [...layout.headers, BASELINE_SOURCE];
  const rows: string[][] = [];
  const old = book.registry.one('baseline');
  if (old) {
    const values = keptValues_(kept, old);
    const at = (h: string) => (values[0] ?? []).findIndex((v) => cleanText(String(v)) === h);
    const cols = BASELINE_LAYOUT.headers.map(at);
    const source = (values[0] ?? []).findIndex((v) => cleanText(String(v)) === BASELINE_SOURCE);
    values.slice(1).forEach((r, i) => {
      const cells = cols.map((c) => (c < 0 ? '' : String(r[c] ?? '').trim()));
      if (cells.every((c) => c === '')) return;
      const was = source >= 0 ? String(r[source] ?? '').trim() : '';
      rows.push([...cells, was || `ฐานของปีงบประมาณ ${year} (ชีต "${old.name}" แถว ${i + 2})`]);
    });
  }
  const oldCount = rows.length;
  for (const o of added) {
    const day = formatThaiDate(o.day, { form: 'short', digits: 'arabic' });
    rows.push([
      o.districtName,
      o.regNoText,
      o.name,
      `รายใหม่ปีงบประมาณ ${year} ของ อ.${o.districtName} (ออนไลน์ ${day} ${o.channels.join(', ')})`,
    ]);
  }
  const name = yearLabel(SHEET.baseline, next);
  const { sheet, name: free } = blankOrNewSheet(ss, name, undo);
  // The baseline from the commit on (swapBaseline_); until then the year's copy, pending.
  const own = markSheet(sheet, { role: 'archive', archive: { fiscalYear: next, of: 'baseline', pending: true } }, undo);
  const block = [header, ...rows].map((r) => r.map((v) => asCellText(v)));
  growRows(sheet, block.length, 1, undo, `แถวของชีต "${free}"`);
  clearedOnUndo(sheet, block.length, Math.max(1, ...block.map((r) => r.length)), undo, `ชีต "${free}"`);
  writeBlock(sheet, 1, 1, block, undo, `ชีต "${free}"`, null);
  made.push(own);
  return { name: free, rows: rows.length, old: oldCount, added: added.length };
}

/**
 * The entry sheets' data rows kept in their year's copies emptied (a row not in the copy, typed
 * after a stopped commit, stays), headers kept. The entry sheets and their copies are read in one
 * batch (after the writes so far are committed: the API reads what is saved); each run of rows
 * to empty is read again just before it is written, and left as it is when an officer changed a
 * row of it since (writeBlockIfUnchanged: what they typed is the new year's).
 */
function clearEntries_(ss: Spreadsheet, book: WorkbookRead, year: number, undo: Undo): void {
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
function moveSettings_(book: WorkbookRead, year: number, previous: readonly Day[], undo: Undo): string {
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
