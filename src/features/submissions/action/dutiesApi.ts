/**
 * The sidebar contract of the districts' duties (plain JSON over google.script.run: days as
 * ISO text, moments as Thai text). Each function named here is a top-level function of
 * src/main.ts: sidebarDuties, sidebarPreviewSubmission, sidebarSubmitMonthly,
 * sidebarSubmitRound, sidebarSetReminders.
 */
import type { MeasureCounts, MeasureKey } from '../../../kernel/measures';

/** One submission of a duty, as the sidebar lists it. */
export interface SubmissionView {
  readonly number: number;
  /** When, Thai. */
  readonly whenText: string;
  readonly sentBy: string;
  readonly onBehalf: boolean;
  /** ตรงเวลา / ช้า N วัน */
  readonly timeliness: string;
  /** To whom it went, Thai. */
  readonly to: string;
}

/** One duty of a district. */
export interface DutyView {
  readonly kind: 'month' | 'round';
  /** yyyy-mm, or 1–3. */
  readonly period: string;
  /** The BE fiscal year the duty belongs to (the previous year's for its September report in October). */
  readonly fiscalYear: number;
  /** รายงานประจำเดือน ตุลาคม 2564 / สรุปผล รอบที่ 1 */
  readonly title: string;
  /** The board's column header: ต.ค. 64, รอบที่ 1. */
  readonly header: string;
  /** ISO day and Thai text. */
  readonly due: string;
  readonly dueText: string;
  readonly opensText: string;
  /** It may be submitted today. */
  readonly open: boolean;
  readonly state: 'notYetDue' | 'onTime' | 'late' | 'overdue';
  /** The board's cell text. */
  readonly text: string;
  /** Days to the due day (negative once past). */
  readonly daysLeft: number;
  /** Days late (submitted late, or overdue so far). */
  readonly daysLate: number;
  readonly submissions: readonly SubmissionView[];
}

/** One district's duties. */
export interface DistrictDutiesView {
  readonly district: string;
  /** How many officers the settings name for it (0: nobody is reminded). */
  readonly officers: number;
  readonly overdue: number;
  readonly late: number;
  readonly onTime: number;
  readonly duties: readonly DutyView[];
}

/** The reminders' switch and their last run (the province's). */
export interface RemindersView {
  readonly on: boolean;
  /** The account the trigger runs as ('' when never switched on). */
  readonly by: string;
  /** When it was switched on or off, Thai ('' when never). */
  readonly sinceText: string;
  /** The caller's own account runs them. */
  readonly mine: boolean;
  /** What may stop them, Thai ('' when nothing). */
  readonly warning: string;
  /** The last run, Thai ('' when none yet). */
  readonly lastRunText: string;
  readonly lastRunOk: boolean;
}

/** sidebarDuties(): a district officer's own duties, or the province's board at a glance. */
export interface DutiesView {
  readonly role: 'province' | 'district' | 'unknown';
  /** The caller's district ('' for the province). */
  readonly district: string;
  /** ISO day and Thai text of today. */
  readonly today: string;
  readonly todayText: string;
  /** The BE fiscal year the view is about (the settings'). */
  readonly fiscalYear: number;
  /** A district: its own; the province: every district, those with overdue duties first. */
  readonly districts: readonly DistrictDutiesView[];
  /** The province only. */
  readonly reminders: RemindersView | null;
  /** What officers should know (e.g. a submission row edited by hand), Thai. */
  readonly notices: readonly string[];
}

/** An entry listed in a submission's preview. */
export interface PreviewActivity {
  readonly dateText: string;
  readonly activity: string;
  readonly place: string;
  readonly link: string;
}

/** A new operator listed in a submission's preview. */
export interface PreviewOperator {
  readonly dateText: string;
  readonly name: string;
  readonly regNo: string;
  readonly channels: string;
  readonly links: string;
}

/** sidebarPreviewSubmission(kind, period, district): what would be submitted. */
export interface SubmissionPreview {
  readonly kind: 'month' | 'round';
  readonly period: string;
  readonly district: string;
  readonly title: string;
  readonly dueText: string;
  /** The day the figures are counted to, Thai. */
  readonly cutOffText: string;
  /** ตรงเวลา / ช้า N วัน, if submitted now. */
  readonly timeliness: string;
  readonly onBehalf: boolean;
  readonly figures: MeasureCounts & {
    readonly target: number | null;
    readonly percent: number | null;
    readonly score: number | null;
    readonly level: string;
  };
  /** What changed in the month (a monthly report), or null. */
  readonly changes: MeasureCounts | null;
  /** What is still missing for the next level, Thai. */
  readonly missing: string;
  readonly activities: readonly PreviewActivity[];
  readonly operators: readonly PreviewOperator[];
  /** Entries left out of the snapshot to fit its cell. */
  readonly left: number;
  readonly earlier: readonly SubmissionView[];
  /** The statement the officer confirms, Thai. */
  readonly statement: string;
  // — the sidebar from the fiscal year's profile
  /** The duty's fiscal year's measures in its order (profileOf(duty's year)): the figures' lines. */
  readonly measures: readonly MeasureKey[];
}

/** After sidebarSubmitMonthly / sidebarSubmitRound. */
export interface SubmitResult {
  readonly message: string;
  /** True when nothing was submitted: `message` asks first (a resubmission); call again with again=true. */
  readonly needsConfirmation: boolean;
}

/** After sidebarSetReminders(on). */
export interface RemindersResult {
  readonly message: string;
  readonly reminders: RemindersView;
}
