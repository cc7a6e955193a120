/**
 * The duties as the sidebar shows them (reading only): a district officer's own duties with
 * days left and their submissions; the province's board at a glance, districts with overdue
 * duties first, and the reminders' switch; anyone else nothing.
 */
import { type Day, dayOfDate, isoOfDay } from '../../../kernel/civilDate';
import { type Duty, dueInNextYear, dutyStatus, yearDuties } from '../rules/duties';
import { formatThaiDate } from '../../../kernel/thaiDate';
import { dutyHeader, statusText } from '../sheets/board';
import { dutyTitle, keptYears, type SubmissionRecord, submissionsOf } from '../sheets/submissions';
import type { DistrictDutiesView, DutiesView, DutyView } from './dutiesApi';
import { remindersView } from '../../reminders/action/reminders';
import type { WorkbookReads } from '../../../app/door/door';
import type { Caller } from '../../../app/roles';
import type { WorkbookConfig } from '../../../app/workbookRead';
import { submissionView } from './submissions';

/**
 * The caller's duties view now.
 * @param workbook the workbook's reads, through the door
 * @param now the current time
 */
export function dutiesView(workbook: WorkbookReads, now: Date): DutiesView {
  const config = workbook.readConfig();
  return dutiesOf(workbook, config, workbook.caller(config.settings), now);
}

/**
 * A caller's duties view from a configuration already read (the sidebar's state reads it once
 * for both: sidebarStateAt).
 * @param workbook the workbook's reads, through the door
 * @param config the configuration as read
 * @param who the caller
 * @param now the current time
 */
export function dutiesOf(workbook: WorkbookReads, config: WorkbookConfig, who: Caller, now: Date): DutiesView {
  const today = dayOfDate(now);
  const base = { today: isoOfDay(today), todayText: formatThaiDate(today, { digits: 'arabic' }) };
  if (who.role === 'unknown' || config.needsSetUp) {
    return {
      role: who.role,
      district: who.district,
      ...base,
      fiscalYear: config.settings.fiscalYear,
      districts: [],
      reminders: null,
      notices: [],
    };
  }
  const read = workbook.readSubmissions(config);
  const duties = yearDuties(config.settings, keptYears(read.records));
  const own = config.districts.filter((d) => who.districts.includes(d));
  const names = who.role === 'district' ? (own.length > 0 ? own : who.districts) : config.districts;
  const districts = names.map((d) =>
    districtView_(
      d,
      duties,
      read.records,
      today,
      config.settings.districtEditors[d]?.length ?? 0,
      config.settings.fiscalYear,
    ),
  );
  if (who.role === 'province') {
    districts.sort(
      (a, b) => b.overdue - a.overdue || b.late - a.late || names.indexOf(a.district) - names.indexOf(b.district),
    );
  }
  return {
    role: who.role,
    district: who.district,
    ...base,
    fiscalYear: config.settings.fiscalYear,
    districts,
    reminders: who.role === 'province' ? remindersView(workbook, config, who.email, now) : null,
    notices: read.problems.map((p) => p.message),
  };
}

/**
 * What the sidebar adds to a due date in another fiscal year than the one shown: FY N's
 * September report, due in October of FY N+1, says so in FY N; in FY N+1 it says whose year it is.
 * @param duty the duty
 * @param shown the fiscal year the view is about
 */
export function dueYearNote(duty: Duty, shown: number): string {
  if (duty.fiscalYear !== shown) return ` (รายงานของปีงบประมาณ ${duty.fiscalYear})`;
  return dueInNextYear(duty) ? ` (อยู่ในปีงบประมาณ ${duty.fiscalYear + 1})` : '';
}

/** One district's duties. */
function districtView_(
  district: string,
  duties: readonly Duty[],
  records: readonly SubmissionRecord[],
  today: Day,
  officers: number,
  shown: number,
): DistrictDutiesView {
  const views = duties.map((duty): DutyView => {
    const mine = submissionsOf(records, district, duty);
    const status = dutyStatus(duty, mine[0]?.day ?? null, today);
    return {
      kind: duty.kind,
      period: duty.period,
      fiscalYear: duty.fiscalYear,
      title: dutyTitle(duty),
      header: dutyHeader(duty),
      due: isoOfDay(duty.due),
      dueText: formatThaiDate(duty.due, { digits: 'arabic' }) + dueYearNote(duty, shown),
      opensText: formatThaiDate(duty.opens, { digits: 'arabic' }),
      open: status.open,
      state: status.state,
      text: statusText(status),
      daysLeft: status.daysLeft,
      daysLate: status.daysLate,
      submissions: mine.map((r) => submissionView(duty, r)),
    };
  });
  const count = (state: DutyView['state']) => views.filter((v) => v.state === state).length;
  return { district, officers, overdue: count('overdue'), late: count('late'), onTime: count('onTime'), duties: views };
}
