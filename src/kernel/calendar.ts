/** The reporting calendar of a fiscal year: monthly due day and round deadlines, as data. */
import { type Day, dayOf } from './civilDate';

/** A fiscal year's reporting calendar. */
export interface ReportingCalendar {
  /** BE fiscal year, e.g. 2565. */
  readonly fiscalYear: number;
  /** Day of month the monthly report is due (5). */
  readonly monthlyDueDay: number;
  /** Round summary deadlines, round 1 first. */
  readonly rounds: readonly Day[];
}

/** FY 2565: monthly by the 5th; rounds due Fri 25 Mar, Fri 27 May, Fri 23 Sep 2565. */
export const CALENDAR_2565: ReportingCalendar = {
  fiscalYear: 2565,
  monthlyDueDay: 5,
  rounds: [dayOf(2022, 3, 25), dayOf(2022, 5, 27), dayOf(2022, 9, 23)],
};
