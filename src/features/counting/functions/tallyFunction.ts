/**
 * OTOP_TALLY as a pure function of its arguments: src/main.ts exposes it to Sheets.
 */
import { type Day, dayOf } from '../../../kernel/civilDate';
import { DEFAULT_CHANNEL_ROWS } from '../rules/channels';
import { parseDate } from '../../../kernel/dateParse';
import { ACTIVITY_WIDTH, BASELINE_WIDTH, ONLINE_WIDTH } from '../rules/entryLayout';
import { cellText, type Rows } from '../rules/entries';
import { fiscalYearBounds, fiscalYearOf } from '../../../kernel/fiscalYear';
import { parseCount } from '../../../kernel/numbers';
import { tallyCounts } from '../rules/tally';
import { isBlank } from '../../../kernel/text';
import { type Arg, argError, isRange, required } from '../../../kernel/args';
import { profileOf } from '../../../kernel/yearProfile';

const FN = 'OTOP_TALLY';
const LABELS = {
  districts: 'ช่วงอำเภอ',
  activities: 'ช่วงกิจกรรม',
  online: 'ช่วงออนไลน์',
  baseline: 'ช่วงฐาน',
  asOf: 'วันที่ตัดยอด',
  fiscalYear: 'ปีงบประมาณ',
  channels: 'ช่วงตารางชื่อช่องทาง',
};
/** The end of FY 2565, the default cut-off day. */
const END_OF_FY_2565: Day = dayOf(2022, 9, 30);
/** Plausible BE fiscal years. */
const MIN_BE_YEAR = 2400;
const MAX_BE_YEAR = 2700;

/**
 * OTOP_TALLY(districts, activities, online, baseline, [asOf], [fiscalYear], [channels]):
 * per district row, each measure's count of the fiscal year's measures (kernel/yearProfile.ts:
 * FY 2565's `[activities, channels, newOperators]`) counted from the entry ranges.
 * A blank district row gives a blank row.
 * @param districts district names: a one-column range or a single value
 * @param activities the activities range, columns A–J (ranges of several sheets may be stacked)
 * @param online the online range, columns A–I
 * @param baseline the baseline range, columns A–C
 * @param asOf the cut-off day (a date or BE text date); the end of the fiscal year when
 *   omitted, 30 Sep 2565 when the fiscal year is omitted too
 * @param fiscalYear the BE fiscal year; the one containing asOf when omitted
 * @param channels the channel alias table range; the default table when omitted
 * @return an N×3 range (a column per measure of the year)
 */
export function otopTally(
  districts: Arg,
  activities: Arg,
  online: Arg,
  baseline: Arg,
  asOf?: Arg,
  fiscalYear?: Arg,
  channels?: Arg,
): unknown[][] {
  const names = readDistricts_(districts);
  const period = readPeriod_(asOf, fiscalYear);
  const counts = tallyCounts({
    districts: names,
    activities: readRange_(activities, LABELS.activities, ACTIVITY_WIDTH, 'A–J'),
    online: readRange_(online, LABELS.online, ONLINE_WIDTH, 'A–I'),
    baseline: readRange_(baseline, LABELS.baseline, BASELINE_WIDTH, 'A–C'),
    asOf: period.asOf,
    fiscalYear: period.fiscalYear,
    channelRows: readChannels_(channels),
  });
  const { measures } = profileOf(period.fiscalYear);
  return counts.map((d, i) => measures.map((m) => (names[i] === '' ? '' : d[m.key])));
}

/** The district names, '' for a blank row. */
function readDistricts_(arg: Arg): string[] {
  if (!isRange(arg)) return [cellText(arg)];
  if (arg.some((row) => row.length !== 1)) throw argError(FN, LABELS.districts, -1, 'ต้องเป็นช่วงคอลัมน์เดียว เช่น A5:A13');
  return arg.map((row) => cellText(row[0]));
}

/** An entry range, with at least the layout's columns. */
function readRange_(arg: Arg, label: string, width: number, columns: string): Rows {
  if (!isRange(arg)) throw argError(FN, label, -1, `ต้องเป็นช่วงข้อมูล ${width} คอลัมน์ ${columns} ไม่ใช่ค่าเดียว`);
  const narrow = arg.find((row) => row.length < width);
  if (narrow) throw argError(FN, label, -1, `ต้องมี ${width} คอลัมน์ ${columns} (ที่ใส่มามี ${narrow.length} คอลัมน์)`);
  return arg;
}

/** The channel alias table: the default one when omitted. */
function readChannels_(arg: Arg): Rows {
  if (arg === undefined || isBlank(arg)) return DEFAULT_CHANNEL_ROWS;
  if (!isRange(arg)) throw argError(FN, LABELS.channels, -1, 'ต้องเป็นช่วงตาราง (ชื่อช่องทาง แล้วตามด้วยชื่อเรียกอื่น)');
  return arg;
}

/** The cut-off day and the fiscal year, with their defaults. */
function readPeriod_(asOfArg: Arg, yearArg: Arg): { asOf: Day; fiscalYear: number } {
  const hasAsOf = asOfArg !== undefined && !isBlank(asOfArg);
  const hasYear = yearArg !== undefined && !isBlank(yearArg);
  if (isRange(asOfArg) || isRange(yearArg)) {
    throw argError(FN, isRange(asOfArg) ? LABELS.asOf : LABELS.fiscalYear, -1, 'ต้องเป็นค่าเดียว ไม่ใช่ช่วง');
  }
  const asOf = hasAsOf ? required(parseDate(asOfArg), FN, LABELS.asOf, -1) : undefined;
  let fiscalYear: number;
  if (hasYear) {
    fiscalYear = required(parseCount(yearArg), FN, LABELS.fiscalYear, -1);
    if (fiscalYear < MIN_BE_YEAR || fiscalYear > MAX_BE_YEAR) {
      throw argError(FN, LABELS.fiscalYear, -1, `${fiscalYear} ไม่ใช่ปี พ.ศ. ให้ใส่ปีงบประมาณเป็น พ.ศ. เช่น 2565`);
    }
  } else {
    fiscalYear = fiscalYearOf(asOf ?? END_OF_FY_2565);
  }
  return { asOf: asOf ?? (hasYear ? fiscalYearBounds(fiscalYear).end : END_OF_FY_2565), fiscalYear };
}
