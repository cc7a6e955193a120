/** How set-up names the fiscal year it took on a new workbook. */
import type { Day } from '../../../kernel/civilDate';
import { CALENDAR_2565 } from '../../../kernel/calendar';
import { fiscalYearOf } from '../../../kernel/fiscalYear';

/**
 * How set-up names the fiscal year it took on a new workbook.
 * @param year the year taken
 * @param today the day
 */
export function yearTakenText(year: number, today: Day): string {
  const why =
    year === fiscalYearOf(today)
      ? 'ปีงบประมาณปัจจุบันตามวันที่วันนี้'
      : year === CALENDAR_2565.fiscalYear
        ? 'ตามหนังสือจังหวัด ก.พ. 2565'
        : 'ตามที่เลือก';
  return `ปีงบประมาณ ${year} (${why})`;
}
