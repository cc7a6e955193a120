/**
 * OTOP_TREND as a pure function of its arguments (src/main.ts exposes it to Sheets): one
 * district's new operators counted up to the end of each month of the fiscal year, as a
 * percentage of its target — the dashboard's trend, by the same rule as the district table
 * (core/districtEvaluation.ts), so the last month shown is the table's figure.
 */
import { criteriaOrDefault } from '../core/criteriaTable';
import { type Day, daysInMonth, dayOf } from '../core/civilDate';
import { evaluateDistrict } from '../core/districtEvaluation';
import { DEFAULT_CHANNEL_ROWS } from '../core/channels';
import type { Rows } from '../core/entries';
import { beToCe } from '../core/fiscalYear';
import { readSettings } from '../core/settings';
import { type Arg, argError, isRange } from './args';

const FN = 'OTOP_TREND';

/**
 * The fiscal year's month ends, October to September.
 * @param fiscalYearBE the BE fiscal year
 */
export function monthEnds(fiscalYearBE: number): { year: number; month: number; end: Day }[] {
  const ce = beToCe(fiscalYearBE);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? ce - 1 : ce;
    return { year, month, end: dayOf(year, month, daysInMonth(year, month)) };
  });
}

/**
 * OTOP_TREND(name, registered, promoted, activities, online, baseline, settings, criteria,
 * [channels]): one row of 12 — the district's new operators up to each month's end as a
 * percentage of its target (one decimal); "" for months after the settings' cut-off day, and
 * for every month when the target cannot be computed. The arguments are OTOP_DISTRICT's.
 * @param name the district's name cell
 * @param registered its registered operators
 * @param promoted its operators promoted in FY 2564
 * @param activities its activities sheet, header row included
 * @param online its online sheet, header row included
 * @param baseline the baseline sheet, header row included
 * @param settings the settings sheet (label · value rows)
 * @param criteria the criteria table
 * @param channels the channel alias table; the default one when omitted
 */
export function otopTrend(
  name: Arg,
  registered: Arg,
  promoted: Arg,
  activities: Arg,
  online: Arg,
  baseline: Arg,
  settings: Arg,
  criteria: Arg,
  channels?: Arg,
): unknown[][] {
  const { settings: read } = readSettings(range_(settings, 'ช่วงตั้งค่า'), []);
  const sources = {
    name: single_(name),
    registered: single_(registered),
    promoted: single_(promoted),
    activities: range_(activities, 'ช่วงชีตกิจกรรม'),
    online: range_(online, 'ช่วงชีตออนไลน์'),
    baseline: range_(baseline, 'ช่วงชีตฐาน ๒๕๖๔'),
  };
  const rules = {
    fiscalYear: read.fiscalYear,
    basis: read.percentBasis,
    criteria: criteriaOrDefault(range_(criteria, 'ช่วงเกณฑ์')).criteria,
    channelRows: channels === undefined || channels === '' ? DEFAULT_CHANNEL_ROWS : range_(channels, 'ช่วงชื่อช่องทาง'),
  };
  const row = monthEnds(read.fiscalYear).map(({ end }, i, all) => {
    const start = i === 0 ? end - 40 : all[i - 1].end;
    if (start >= read.asOf) return '';
    const evaluation = evaluateDistrict(sources, { ...rules, asOf: Math.min(end, read.asOf) as Day });
    if (!evaluation.ok) throw new Error(`${FN}: ${evaluation.problem}`);
    const { target, newOperators } = evaluation.result;
    return target === null || target <= 0 ? '' : Math.round((1000 * newOperators) / target) / 10;
  });
  return [row];
}

/** A range argument (a single cell arrives as its value: a one-cell range). */
function range_(arg: Arg, label: string): Rows {
  if (isRange(arg)) return arg;
  if (arg === undefined) throw argError(FN, label, -1, 'ไม่ได้ใส่');
  return [[arg]];
}

/** A single-cell argument (the first cell when a range is given). */
function single_(arg: Arg): unknown {
  return isRange(arg) ? (arg[0]?.[0] ?? '') : arg;
}
