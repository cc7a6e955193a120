/**
 * The data check of the entry sheets: every cause that makes a row not count, count
 * differently from what the officer may expect, or stop a district from being counted at all,
 * each pointing at its cell with a short Thai message saying what to do. Each district's sheets
 * are checked as its formula counts them (its rows are its own); across districts, a
 * registration number claimed by two districts is pointed out in the sheet that claimed it
 * second, never in the first claimer's.
 */
import { type Day, isDate } from '../../../kernel/civilDate';
import { shortBeYearOf } from '../../../kernel/dateParse';
import {
  type ActivityEntry,
  type BaselineEntry,
  type EntryProblem,
  layoutColumns,
  type OnlineEntry,
  readActivities,
  readBaseline,
  readContext,
  readOnline,
  type Rows,
  rowContentKey,
} from '../../counting/rules/entries';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, BASELINE_SHEET_NAME, ONLINE_LAYOUT } from '../../counting/rules/entryLayout';
import { isErrorValue } from '../../../kernel/errorValues';
import { fiscalYearBounds } from '../../../kernel/fiscalYear';
import { type ColumnIndex, columnProblem, isHeaderRow, type Layout, mapColumns } from '../../../kernel/layout';
import { quote } from '../../../kernel/parsed';
import { baselineFor, groupOperators } from '../../counting/rules/tally';
import { UNDECIDED } from '../../counting/rules/operatorIdentity';
import { nameKey, spellingKey } from '../../../kernel/text';
import { formatThaiDate } from '../../../kernel/thaiDate';

/** One district's entry sheet, as read. */
export interface CheckedSheet {
  /** The sheet's name (problems point at it). */
  readonly name: string;
  readonly kind: 'activities' | 'online';
  /** Index in the district list of the district whose sheet it is. */
  readonly district: number;
  /** Its values, header row first. */
  readonly values: Rows;
  /** Its formulas, same shape ('' where none), when read. */
  readonly formulas?: readonly (readonly string[])[];
}

/** What the data check reads. */
export interface DataCheckInput {
  /** The districts, in table order (canonical names). */
  readonly districts: readonly string[];
  readonly sheets: readonly CheckedSheet[];
  readonly baseline: {
    readonly name: string;
    readonly values: Rows;
    readonly formulas?: readonly (readonly string[])[];
  };
  /** The BE fiscal year the rows belong to. */
  readonly fiscalYear: number;
  /** The channel alias table; the default one when omitted. */
  readonly channelRows?: Rows;
  /** Today: rows dated later are pointed out. */
  readonly today?: Day;
  /** Which district first claimed each registration number (by key), as recorded earlier. */
  readonly claims?: ReadonlyMap<string, number>;
}

/** A problem in a cell of a sheet. */
export interface DataProblem {
  readonly sheet: string;
  /** 1-based sheet row and column. */
  readonly row: number;
  readonly column: number;
  /** What is wrong and what to do, in Thai. */
  readonly message: string;
}

/** The problems, and the claims of registration numbers to record (see DataCheckInput). */
export interface DataCheckResult {
  readonly problems: DataProblem[];
  readonly claims: Map<string, number>;
}

/** Functions a custom function may not depend on (docs/platform.md#volatile-arguments: "This function is not allowed to reference a cell with NOW()"); TODAY is unconfirmed, so it is treated alike. */
const VOLATILE = /\b(NOW|TODAY|RAND|RANDARRAY|RANDBETWEEN)\s*\(/i;

/** A sheet read for checking: its entries and where its rows and columns are. */
interface ReadSheet_<E> {
  readonly sheet: CheckedSheet | DataCheckInput['baseline'];
  readonly entries: readonly E[];
  readonly columns: ColumnIndex<string>;
  readonly layout: Layout<string>;
}

/**
 * Checks the workbook's entry sheets.
 * @param input the districts, their sheets, the baseline, the fiscal year, today, the claims
 */
export function dataCheck(input: DataCheckInput): DataCheckResult {
  const context = readContext(input.districts, input.channelRows);
  const problems: DataProblem[] = [];
  const at = (sheet: string, row: number, column: number, message: string) =>
    problems.push({ sheet, row: row + 2, column: column + 1, message });
  const where = (sheet: string, row: number) => `แถวที่ ${row + 2} ชีต ${sheet}`;
  const outside = outsideYear_(input.fiscalYear);

  const baseline = readSheet_(input.baseline, BASELINE_LAYOUT as Layout<string>, problems, (rows, columns) =>
    readBaseline(rows, context, { columns }),
  );
  const activities: ReadSheet_<ActivityEntry>[] = [];
  const online: ReadSheet_<OnlineEntry>[] = [];
  for (const sheet of input.sheets) {
    if (sheet.kind === 'activities') {
      const read = readSheet_(sheet, ACTIVITY_LAYOUT as Layout<string>, problems, (rows, columns) =>
        readActivities(rows, context, { columns: columns as never, district: sheet.district }),
      );
      if (read) activities.push(read);
    } else {
      const read = readSheet_(sheet, ONLINE_LAYOUT as Layout<string>, problems, (rows, columns) =>
        readOnline(rows, context, { columns: columns as never, district: sheet.district }),
      );
      if (read) online.push(read);
    }
  }

  for (const read of [...activities, ...online, ...(baseline ? [baseline] : [])]) {
    const name = read.sheet.name;
    for (const e of read.entries as readonly { row: number; problems: readonly EntryProblem[] }[]) {
      for (const p of e.problems) at(name, e.row, p.column, p.message);
    }
  }
  for (const read of [...activities, ...online]) {
    const name = read.sheet.name;
    for (const e of read.entries as readonly { row: number; day: Day | null }[]) {
      const raw = read.sheet.values[e.row + 1]?.[read.columns.date];
      const message = outside(e.day) || future_(e.day, input.today) || shortYear_(raw, e.day);
      if (message) at(name, e.row, read.columns.date, message);
    }
  }
  for (const read of activities) {
    duplicates_(
      read,
      (e) => `${e.day}`,
      (e) => e.day,
      where,
      at,
      ' (กิจกรรมที่ซ้ำนับครั้งเดียว)',
    );
    nearDuplicates_(read, where, at);
  }
  for (const read of online)
    duplicates_(
      read,
      (e) => `${e.day}|${e.nameKey}`,
      (e) => e.day,
      where,
      at,
      '',
    );
  if (baseline)
    duplicates_(
      baseline,
      (e) => `${e.districtIndex}|${e.nameKey}`,
      () => undefined,
      where,
      at,
      '',
    );

  const baselineEntries = baseline?.entries ?? [];
  if (baseline) ambiguousBaseline_(baseline, online, at);
  input.districts.forEach((_, district) => {
    const own = online.filter((r) => (r.sheet as CheckedSheet).district === district);
    const rows = own.flatMap((r) => r.entries.map((entry) => ({ sheet: r.sheet.name, entry, columns: r.columns })));
    // only the baseline rows that can change these rows' operators (baselineFor), not all of it
    const relevant = baselineFor(
      baselineEntries,
      rows.map((r) => r.entry),
    );
    inBaseline_(baseline?.sheet.name ?? BASELINE_SHEET_NAME, relevant, rows, input.fiscalYear, where, at);
    const ownBaseline = baselineEntries
      .filter((e) => e.districtIndex === district)
      .map((entry) => ({
        sheet: baseline?.sheet.name ?? BASELINE_SHEET_NAME,
        entry,
        columns: baseline?.columns ?? {},
      }));
    twoNumbers_([...ownBaseline, ...rows], where, at);
    twoNames_([...ownBaseline, ...rows], where, at);
    lookAlikes_([...ownBaseline, ...rows], where, at);
  });
  const claims = claimedTwice_(online, input.districts, input.claims ?? new Map(), where, at);

  problems.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column - b.column);
  return { problems, claims };
}

/**
 * Reads one sheet for checking: its header (a missing header or counting column is one
 * problem and the sheet is not read further), header-like rows in the data (a sort that took
 * the header along), formulas and error values in its cells, then its entries.
 */
function readSheet_<E>(
  sheet: CheckedSheet | DataCheckInput['baseline'],
  layout: Layout<string>,
  problems: DataProblem[],
  read: (rows: Rows, columns: ColumnIndex<string>) => E[],
): ReadSheet_<E> | null {
  const map = mapColumns(layout, sheet.values[0] ?? []);
  const problem = columnProblem(layout, sheet.values[0] ?? [], `ชีต ${sheet.name} `);
  if (problem) {
    problems.push({ sheet: sheet.name, row: 1, column: 1, message: problem });
    return null;
  }
  for (const key of map.missing) {
    const header = layout.columns[layout.at[key]].header;
    problems.push({
      sheet: sheet.name,
      row: 1,
      column: 1,
      message: `ไม่พบคอลัมน์ "${header}" ในแถวหัวตาราง (ไม่กระทบการนับ) กด "ตั้งค่า / ซ่อมแซมสมุดงาน" เพื่อเพิ่มกลับ`,
    });
  }
  const columns = layoutColumns(layout, map.index).filter((c) => c >= 0);
  const rows = sheet.values.slice(1).map((row, r) => {
    if (isHeaderRow(layout, row)) {
      problems.push({
        sheet: sheet.name,
        row: r + 2,
        column: 1,
        message: 'แถวนี้เป็นหัวตารางซ้ำ (อาจเกิดจากการเรียงข้อมูลรวมหัวตาราง) ไม่นับ ให้ลบแถวนี้',
      });
      return [];
    }
    return row;
  });
  cellProblems_(sheet, columns, problems);
  return { sheet, entries: read(rows, map.index), columns: map.index, layout };
}

/** Formulas typed into entry cells, and cells showing an error value. */
function cellProblems_(
  sheet: CheckedSheet | DataCheckInput['baseline'],
  columns: readonly number[],
  problems: DataProblem[],
): void {
  const formulas = sheet.formulas;
  for (let r = 1; r < sheet.values.length; r++) {
    for (const c of columns) {
      const formula = formulas?.[r]?.[c] ?? '';
      const value = sheet.values[r][c];
      let message = '';
      if (formula !== '' && VOLATILE.test(formula)) {
        message = `เซลล์นี้เป็นสูตร ${quote(formula)} ที่เปลี่ยนค่าเอง (เช่น NOW, TODAY, RAND) ทำให้ตารางอำเภอของอำเภอนี้คำนวณไม่ได้ ให้พิมพ์ค่าแทนสูตร`;
      } else if (isErrorValue(value)) {
        message = `เซลล์นี้แสดงข้อผิดพลาด ${value}${formula ? ` จากสูตร ${quote(formula)}` : ''} ให้พิมพ์ค่าที่ถูกต้องแทน`;
      } else if (formula !== '') {
        message = `เซลล์นี้เป็นสูตร ${quote(formula)} ให้พิมพ์ค่าแทนสูตร (นับตามค่าที่สูตรแสดงอยู่)`;
      }
      if (message) problems.push({ sheet: sheet.name, row: r + 1, column: c + 1, message });
    }
  }
}

/** The message for a day outside the fiscal year, or '' (also for no day). */
function outsideYear_(fiscalYear: number): (day: Day | null) => string {
  const { start, end } = fiscalYearBounds(fiscalYear);
  const text = (day: Day) => formatThaiDate(day, { digits: 'arabic' });
  const period = `ปีงบประมาณ ${fiscalYear} (${text(start)} – ${text(end)})`;
  return (day) => {
    if (day === null || (day >= start && day <= end)) return '';
    const hint = day < start ? ` ถ้าเป็นผู้ประกอบการที่ออนไลน์มาก่อนแล้ว ให้ใส่ไว้ในชีต${BASELINE_SHEET_NAME}` : '';
    return `วันที่ ${text(day)} อยู่นอก${period} แถวนี้จึงไม่นับ ให้ตรวจวันที่และปี พ.ศ. ที่พิมพ์${hint}`;
  };
}

/** The message for a date cell showing the CE year Sheets made of a two-digit BE year, or ''. */
function shortYear_(raw: unknown, day: Day | null): string {
  const be = isDate(raw) && day !== null ? shortBeYearOf(raw) : null;
  if (be === null || !isDate(raw)) return '';
  return `เซลล์แสดงปี ${raw.getFullYear()} เพราะ Sheets อ่านปี 2 หลักที่พิมพ์เป็น ค.ศ. ส่วนเสริมนับเป็น ${formatThaiDate(day as Day, { digits: 'arabic' })} (พ.ศ. ${be}) ให้พิมพ์ปี พ.ศ. 4 หลัก เช่น 25/03/2565 เพื่อให้เซลล์แสดงถูกต้อง (แถวนี้นับแล้ว)`;
}

/** The message for a day after today, or ''. */
function future_(day: Day | null, today: Day | undefined): string {
  if (day === null || today === undefined || day <= today) return '';
  const text = formatThaiDate(day, { digits: 'arabic' });
  return `วันที่ ${text} ยังมาไม่ถึง (วันนี้ ${formatThaiDate(today, { digits: 'arabic' })}) ถ้าเป็นรายการที่วางแผนไว้ จะเริ่มนับเมื่อถึงวันนั้น ถ้าพิมพ์ผิดให้แก้วันที่และปี พ.ศ.`;
}

type At_ = (sheet: string, row: number, column: number, message: string) => void;
type Where_ = (sheet: string, row: number) => string;

/**
 * Rows whose content repeats an earlier row's. Rows are first bucketed by cells already read
 * (equal content implies an equal bucket), so content keys are computed only on a collision.
 */
function duplicates_<E extends { row: number }>(
  read: ReadSheet_<E>,
  bucketOf: (entry: E) => string,
  dayOf: (entry: E) => Day | null | undefined,
  where: Where_,
  at: At_,
  effect: string,
): void {
  const cells = layoutColumns(read.layout, read.columns).filter((c) => c >= 0);
  const values = read.sheet.values;
  const contentOf = (e: E) => {
    const day = dayOf(e);
    return rowContentKey(values[e.row + 1], cells, day === undefined ? undefined : { column: read.columns.date, day });
  };
  const byBucket = new Map<string, E | null>(); // null once that entry's content is in `firstRow`
  const firstRow = new Map<string, number>();
  for (const entry of read.entries) {
    const bucket = bucketOf(entry);
    const other = byBucket.get(bucket);
    if (other === undefined) {
      byBucket.set(bucket, entry);
      continue;
    }
    if (other !== null) {
      firstRow.set(contentOf(other), other.row);
      byBucket.set(bucket, null);
    }
    const content = contentOf(entry);
    const earlier = firstRow.get(content);
    if (earlier === undefined) firstRow.set(content, entry.row);
    else {
      at(
        read.sheet.name,
        entry.row,
        cells[0] ?? 0,
        `ซ้ำกับ${where(read.sheet.name, earlier)} (ข้อมูลเหมือนกันทุกช่อง) ให้ลบแถวที่ซ้ำ${effect}`,
      );
    }
  }
}

/** Activities on the same day with the same name that differ elsewhere: maybe typed twice. */
function nearDuplicates_(read: ReadSheet_<ActivityEntry>, where: Where_, at: At_): void {
  const first = new Map<string, ActivityEntry>();
  const cells = layoutColumns(read.layout, read.columns).filter((c) => c >= 0);
  for (const e of read.entries) {
    if (e.day === null || e.activity === '') continue;
    const key = `${e.day}|${nameKey(e.activity)}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, e);
      continue;
    }
    const content = (x: ActivityEntry) =>
      rowContentKey(read.sheet.values[x.row + 1], cells, { column: read.columns.date, day: x.day });
    if (content(earlier) === content(e)) continue; // an exact duplicate: reported already
    at(
      read.sheet.name,
      e.row,
      read.columns.activity,
      `อาจซ้ำกับ${where(read.sheet.name, earlier.row)} (วันเดียวกันและชื่อกิจกรรมเดียวกัน แต่ช่องอื่นต่างกัน) ถ้าเป็นกิจกรรมเดียวกันให้ลบแถวหนึ่ง ตอนนี้นับเป็นคนละครั้ง`,
    );
  }
}

/** An operator row with its sheet and columns. */
interface OperatorRow_ {
  readonly sheet: string;
  readonly entry: OnlineEntry | BaselineEntry;
  readonly columns: ColumnIndex<string>;
}

/** Online rows of a district whose operator is in the baseline: they do not count as new. */
function inBaseline_(
  baselineName: string,
  baseline: readonly BaselineEntry[],
  rows: readonly OperatorRow_[],
  fiscalYear: number,
  where: Where_,
  at: At_,
): void {
  const online = rows.map((r) => r.entry as OnlineEntry);
  const groups = groupOperators(baseline, online);
  rows.forEach((r, i) => {
    const group = groups.online[i];
    if (groups.ambiguous[i]) {
      const effect = group === UNDECIDED ? 'บางรายมีในข้อมูลฐานแล้ว แถวนี้จึงยังไม่นับ' : 'ตอนนี้นับรวมกับรายหนึ่งในนั้น';
      at(
        r.sheet,
        r.entry.row,
        r.columns.regNo,
        `ไม่มีเลขทะเบียน และชื่อ ${quote(r.entry.name)} ตรงกับผู้ประกอบการหลายเลขทะเบียนในอำเภอนี้ (${effect}) ให้ใส่เลขทะเบียนของรายนี้`,
      );
    }
    if (group < 0 || groups.firstBaseline[group] < 0) return;
    const base = baseline[groups.firstBaseline[group]];
    const column = r.entry.regNo !== '' ? r.columns.regNo : r.columns.name;
    at(
      r.sheet,
      r.entry.row,
      column,
      `ผู้ประกอบการรายนี้มีในข้อมูลฐานแล้ว (${where(baselineName, base.row)}) คือออนไลน์ก่อนปีงบประมาณ ${fiscalYear} จึงไม่นับเป็นรายใหม่`,
    );
  });
}

/**
 * Baseline rows without a number whose name several numbered operators of their district carry:
 * each is taken as one of them (operatorIdentity.ts), so its number is asked for.
 */
function ambiguousBaseline_(
  baseline: ReadSheet_<BaselineEntry>,
  online: readonly ReadSheet_<OnlineEntry>[],
  at: At_,
): void {
  const groups = groupOperators(
    baseline.entries,
    online.flatMap((r) => r.entries),
  );
  baseline.entries.forEach((entry, i) => {
    if (!groups.baselineAmbiguous[i]) return;
    at(
      baseline.sheet.name,
      entry.row,
      baseline.columns.regNo,
      `ไม่มีเลขทะเบียน และชื่อ ${quote(entry.name)} ตรงกับผู้ประกอบการหลายเลขทะเบียนใน อ.${entry.district} (ตอนนี้นับว่าเป็นรายหนึ่งในนั้น รายอื่นนับเป็นรายใหม่ได้) ให้ใส่เลขทะเบียนของรายนี้`,
    );
  });
}

/** The same name in one district with two registration numbers (two operators: the number decides). */
function twoNumbers_(rows: readonly OperatorRow_[], where: Where_, at: At_): void {
  const numberOfName = new Map<string, OperatorRow_>();
  for (const current of rows) {
    const { entry } = current;
    if (entry.regNo === '' || entry.nameKey === '') continue;
    const first = numberOfName.get(entry.nameKey);
    if (first === undefined) numberOfName.set(entry.nameKey, current);
    else if (first.entry.regNo !== entry.regNo) {
      at(
        current.sheet,
        entry.row,
        current.columns.regNo,
        `ชื่อ ${quote(entry.name)} ในอำเภอนี้มีเลขทะเบียน ${quote(first.entry.regNoText)} แล้ว (${where(first.sheet, first.entry.row)}) แถวนี้เลข ${quote(entry.regNoText)} จึงนับเป็นคนละราย ถ้าเป็นรายเดียวกันให้แก้เลขทะเบียนให้ตรงกัน`,
      );
    }
  }
}

/** One registration number in one district under two names (counted as one operator). */
function twoNames_(rows: readonly OperatorRow_[], where: Where_, at: At_): void {
  const nameOfNumber = new Map<string, OperatorRow_>();
  for (const current of rows) {
    const { entry } = current;
    if (entry.regNo === '' || entry.nameKey === '') continue;
    const first = nameOfNumber.get(entry.regNo);
    if (first === undefined) nameOfNumber.set(entry.regNo, current);
    else if (first.entry.nameKey !== entry.nameKey) {
      at(
        current.sheet,
        entry.row,
        current.columns.name,
        `เลขทะเบียน ${quote(entry.regNoText)} ในอำเภอนี้เป็นของ ${quote(first.entry.name)} แล้ว (${where(first.sheet, first.entry.row)}) แถวนี้ชื่อ ${quote(entry.name)} ให้ตรวจว่าเลขหรือชื่อใดถูก (ตอนนี้นับเป็นรายเดียวกัน)`,
      );
    }
  }
}

/** Names that differ only in look-alike Thai spellings (counted as one operator). */
function lookAlikes_(rows: readonly OperatorRow_[], where: Where_, at: At_): void {
  const firstSpelling = new Map<string, OperatorRow_>();
  for (const current of rows) {
    const { entry } = current;
    if (entry.nameKey === '') continue;
    const first = firstSpelling.get(entry.nameKey);
    if (first === undefined) firstSpelling.set(entry.nameKey, current);
    else if (spellingKey(first.entry.name) !== spellingKey(entry.name)) {
      at(
        current.sheet,
        entry.row,
        current.columns.name,
        `ชื่อ ${quote(entry.name)} สะกดต่างจาก ${quote(first.entry.name)} (${where(first.sheet, first.entry.row)}) ด้วยตัวอักษรที่ดูเหมือนกัน นับเป็นรายเดียวกัน ให้แก้ให้สะกดตรงกัน`,
      );
    }
  }
}

/**
 * Registration numbers on online sheets of two districts. The district that claimed a number
 * first keeps it (as recorded earlier while it still has the number, else the one with the
 * earliest date, then table order); the others' rows are pointed out. Returns the claims to
 * record.
 */
function claimedTwice_(
  online: readonly ReadSheet_<OnlineEntry>[],
  districts: readonly string[],
  recorded: ReadonlyMap<string, number>,
  where: Where_,
  at: At_,
): Map<string, number> {
  const byNumber = new Map<string, Map<number, { sheet: string; entry: OnlineEntry; column: number }>>();
  for (const read of online) {
    const district = (read.sheet as CheckedSheet).district;
    for (const entry of read.entries) {
      if (entry.regNo === '') continue;
      let claimants = byNumber.get(entry.regNo);
      if (!claimants) {
        claimants = new Map();
        byNumber.set(entry.regNo, claimants);
      }
      const earlier = claimants.get(district);
      if (!earlier || (entry.day ?? Infinity) < (earlier.entry.day ?? Infinity)) {
        claimants.set(district, { sheet: read.sheet.name, entry, column: read.columns.regNo });
      }
    }
  }
  const claims = new Map<string, number>();
  for (const [number, claimants] of byNumber) {
    const kept = recorded.get(number);
    const first =
      kept !== undefined && claimants.has(kept)
        ? kept
        : [...claimants.entries()].sort(
            ([da, a], [db, b]) => (a.entry.day ?? Infinity) - (b.entry.day ?? Infinity) || da - db,
          )[0][0];
    claims.set(number, first);
    const owner = claimants.get(first);
    if (!owner) continue;
    for (const [district, claim] of claimants) {
      if (district === first) continue;
      at(
        claim.sheet,
        claim.entry.row,
        claim.column,
        `เลขทะเบียน ${quote(claim.entry.regNoText)} เป็นผู้ประกอบการที่ อ.${districts[first]} บันทึกไว้ก่อนแล้ว (${where(owner.sheet, owner.entry.row)}) ให้ตรวจเลขทะเบียนหรืออำเภอ ถ้าเป็นรายเดียวกันจะถูกนับซ้ำในผลรวมจังหวัด`,
      );
    }
  }
  return claims;
}
