/**
 * The scoring custom functions, as pure functions of their arguments (no Apps Script global):
 * src/main.ts exposes them to Sheets with their JSDoc.
 */
import { type Criteria, CRITERIA_2565 } from '../../../kernel/criteria';
import { criteriaFromRows } from '../../setup/rules/criteriaTable';
import { parseCount, parseNumber, parsePositiveCount } from '../../../kernel/numbers';
import type { Parsed } from '../../../kernel/parsed';
import { assess, type Assessment, nextStepText } from '../rules/scoring';
import { operatorTarget, percentage } from '../rules/targets';
import { isBlank } from '../../../kernel/text';
import {
  type AlignedRows,
  alignColumns,
  type Arg,
  argError,
  isRange,
  mapRows,
  rangeRows,
  required,
  type Result,
} from '../../../kernel/args';
import { MEASURE_BY_KEY, MEASURES, measureCounts } from '../../../kernel/measures';
import { columnLetter } from '../../../kernel/a1';

const LABELS = {
  // OTOP_PERCENT is about new operators alone (the letter's percent of the registered).
  newOperators: MEASURE_BY_KEY.newOperators.argument,
  registered: 'จำนวนผู้ประกอบการที่ลงทะเบียน',
  alreadyOnline: 'จำนวนผู้ประกอบการที่ออนไลน์แล้ว',
  percent: 'ร้อยละ',
  criteria: 'ช่วงเกณฑ์',
};

/**
 * OTOP_TARGET(registered, [percent]): the operator target, percent 5 by default.
 * @param registered registered operators: a value or a column
 * @param percent percent (5 means 5 %; a cell formatted as 5 % arrives as 0.05 and is read so)
 */
export function otopTarget(registered: Arg, percent?: Arg): Result {
  const fn = 'OTOP_TARGET';
  const rows = alignColumns(fn, [LABELS.registered, LABELS.percent], [registered, percent]);
  return mapRows(rows, 1, ([reg, pct], r) => {
    const count = required(parseCount(reg), fn, LABELS.registered, r);
    return operatorTarget(count, readPercent_(pct, fn, r));
  });
}

/**
 * OTOP_PERCENT(newOperators, registered, [alreadyOnline]): new operators as a percentage of
 * registered, 2 decimals. With `alreadyOnline`, of the operators never yet online instead
 * (the letter's formula line; a setting of the workbook).
 * @param newOperators new operators: a value or a column
 * @param registered registered operators: a value or a column
 * @param alreadyOnline operators already online in the baseline: a value or a column
 */
export function otopPercent(newOperators: Arg, registered: Arg, alreadyOnline?: Arg): Result {
  const fn = 'OTOP_PERCENT';
  const labels = [LABELS.newOperators, LABELS.registered, LABELS.alreadyOnline];
  const rows = alignColumns(fn, labels, [newOperators, registered, alreadyOnline]);
  return mapRows(rows, 2, ([fresh, reg, online], r) => {
    const part = countOrZero_(fresh, fn, LABELS.newOperators, r);
    const whole = required(parsePositiveCount(reg), fn, LABELS.registered, r);
    const offline = whole - countOrZero_(online, fn, LABELS.alreadyOnline, r);
    if (offline <= 0) throw argError(fn, LABELS.alreadyOnline, r, 'ต้องน้อยกว่าจำนวนผู้ประกอบการที่ลงทะเบียน');
    return percentage(part, offline);
  });
}

/**
 * OTOP_SCORE / OTOP_LEVEL / OTOP_NEXT share their arguments: a value or column per measure
 * (kernel/measures.ts: activities, channels, new operators), then registered, or one range of
 * that many columns, then an optional criteria range.
 * @param fn the function's name
 * @param args the arguments as Sheets passed them
 * @param pick what the function returns of an assessment
 */
function scoreLike_(fn: string, args: Arg[], pick: (a: Assessment) => unknown): Result {
  const width = MEASURES.length + 1; // the measures, then registered
  const wide = isRange(args[0]) && args[0].length > 0 && args[0].every((row) => row.length === width);
  const labels = [...MEASURES.map((m) => m.argument), LABELS.registered];
  let rows: AlignedRows;
  let criteriaArg: Arg;
  if (wide && args.length <= 2) {
    rows = rangeRows(args[0] as unknown[][]);
    criteriaArg = args[1];
  } else if (args.length >= width && args.length <= width + 1) {
    rows = alignColumns(fn, labels, args.slice(0, width));
    criteriaArg = args[width];
  } else {
    const names = [...MEASURES.map((m) => m.short), 'ผู้ประกอบการที่ลงทะเบียน'].join(', ');
    const example = `H5:${columnLetter(7 + width - 1)}5`;
    throw new Error(`${fn}: ต้องใส่ ${width} ค่า (${names}) หรือช่วง ${width} คอลัมน์ เช่น ${fn}(${example})`);
  }
  const criteria = readCriteria_(fn, criteriaArg);
  return mapRows(rows, width, (cells, r) => {
    const results = {
      ...measureCounts((m, k) => countOrZero_(cells[k], fn, m.argument, r)),
      // 0 registered scores as the district table does: counts decide, nothing is divided.
      registered: required(parseCount(cells[MEASURES.length]), fn, LABELS.registered, r),
    };
    // No fiscal year is at hand (the functions read their arguments only, and src/main.ts's stubs
    // name an argument per measure of the catalogue): the catalogue's measures are the conditions.
    return pick(assess(results, criteria, MEASURES));
  });
}

/**
 * OTOP_SCORE: the score 0–5.
 * @param args see scoreLike_
 */
export function otopScore(...args: Arg[]): Result {
  return scoreLike_('OTOP_SCORE', args, (a) => a.score);
}

/**
 * OTOP_LEVEL: the level name (ดีมาก … ต่ำกว่าเกณฑ์).
 * @param args see scoreLike_
 */
export function otopLevel(...args: Arg[]): Result {
  return scoreLike_('OTOP_LEVEL', args, (a) => a.name);
}

/**
 * OTOP_NEXT: what is still needed for the next level, in Thai.
 * @param args see scoreLike_
 */
export function otopNext(...args: Arg[]): Result {
  return scoreLike_('OTOP_NEXT', args, (a) => nextStepText(a, MEASURES));
}

/** A count where a blank cell means none. */
function countOrZero_(value: unknown, fn: string, label: string, row: number): number {
  return isBlank(value) ? 0 : required(parseCount(value), fn, label, row);
}

/** The percent argument: default 5; 0 < p < 1 is a percent-formatted cell (5 % → 0.05). */
function readPercent_(value: unknown, fn: string, row: number): number {
  if (isBlank(value)) return 5;
  const p = required(parseNumber(value), fn, LABELS.percent, row);
  const percent = p > 0 && p < 1 ? p * 100 : p;
  if (percent <= 0 || percent > 100) throw argError(fn, LABELS.percent, row, `${p} ต้องมากกว่า 0 และไม่เกิน 100`);
  return percent;
}

/** The criteria argument: FY 2565's when omitted. */
function readCriteria_(fn: string, value: Arg): Criteria {
  if (value === undefined || isBlank(value)) return CRITERIA_2565;
  if (!isRange(value)) throw argError(fn, LABELS.criteria, -1, 'ต้องเป็นช่วงตารางเกณฑ์ (เช่น เกณฑ์!A1:H7)');
  // the catalogue's minimum columns, as the arguments (no fiscal year at hand)
  const parsed: Parsed<Criteria> = criteriaFromRows(value, MEASURES);
  if (!parsed.ok) throw argError(fn, LABELS.criteria, -1, parsed.problem);
  return parsed.value;
}
