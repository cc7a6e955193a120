/**
 * OTOP_DISTRICT as a pure function of its arguments: one district's whole row of the district
 * table from that district's own sheets, so an edit in one district's sheet recomputes one
 * formula (src/main.ts exposes it to Sheets).
 */
import { criteriaOrDefault } from '../../setup/rules/criteriaTable';
import { evaluateDistrict } from '../rules/districtEvaluation';
import { districtRow } from '../rules/districtResult';
import { trendPercents } from '../rules/districtTrend';
import { DEFAULT_CHANNEL_ROWS } from '../../counting/rules/channels';
import type { Rows } from '../../counting/rules/entries';
import { readSettings } from '../../../kernel/settings';
import { type Arg, argError, isRange } from '../../../kernel/args';
import { profileOf } from '../../../kernel/yearProfile';

const FN = 'OTOP_DISTRICT';

/**
 * OTOP_DISTRICT(name, registered, promoted, activities, online, baseline, settings, criteria,
 * [channels]): one row — target, each measure's count (the measures of the fiscal year it counts:
 * kernel/yearProfile.ts profileOf, the district table's columns of that year), percentage, score, level, next step, then the trend: new operators up to the end of each month, October to September, as
 * a percentage of the target ("" for months after the count-up-to day). A figure that cannot be computed shows NO_FIGURE; a sheet that cannot be counted
 * (its header row or a column that decides the count is missing) is a Thai error.
 * @param name the district's name cell
 * @param registered its registered operators (a number cell)
 * @param promoted its operators promoted in FY 2564
 * @param activities its activities sheet, header row included
 * @param online its online sheet, header row included
 * @param baseline the baseline sheet, header row included
 * @param settings the settings sheet (label · value rows)
 * @param criteria the criteria table
 * @param channels the channel alias table; the default one when omitted
 */
export function otopDistrict(
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
  const { measures } = profileOf(read.fiscalYear);
  const evaluation = evaluateDistrict(
    {
      name: single_(name),
      registered: single_(registered),
      promoted: single_(promoted),
      activities: range_(activities, 'ช่วงชีตกิจกรรม'),
      online: range_(online, 'ช่วงชีตออนไลน์'),
      baseline: range_(baseline, 'ช่วงชีตฐาน (ผู้ที่ออนไลน์แล้วก่อนปีงบประมาณ)'),
    },
    {
      fiscalYear: read.fiscalYear,
      asOf: read.countedTo,
      basis: read.percentBasis,
      criteria: criteriaOrDefault(range_(criteria, 'ช่วงเกณฑ์'), measures).criteria,
      channelRows: channels === undefined || channels === '' ? DEFAULT_CHANNEL_ROWS : range_(channels, 'ช่วงชื่อช่องทาง'),
    },
  );
  if (!evaluation.ok) throw new Error(`${FN}: ${evaluation.problem}`);
  const r = evaluation.result;
  return [districtRow(r, measures, trendPercents(evaluation.operatorDays, read.fiscalYear, read.countedTo, r.target))];
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
