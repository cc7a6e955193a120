/**
 * What the sidebar and the server say to each other over google.script.run. Everything is
 * plain JSON: google.script.run cannot carry Date values, so days travel as ISO text
 * (yyyy-mm-dd) and moments as ISO date-times. Each function listed here is a top-level
 * function of src/main.ts with the same name.
 */
import type { MeasureCounts, MeasureKey, SummedMeasureKey } from '../kernel/measures';
import type { DutiesView } from '../features/submissions/action/dutiesApi';

/** A colour band as the sidebar paints it. */
export interface BandView {
  readonly background: string;
  readonly text: string;
}

/** One district's standing: its counts of the measures, and what they make. */
export interface DistrictStanding extends MeasureCounts {
  readonly district: string;
  readonly registered: number;
  /** The operator target at the top level's percent; null when it cannot be computed. */
  readonly target: number | null;
  readonly percent: number | null;
  readonly score: number | null;
  readonly level: string;
  /** null when the district is not assessed (no band). */
  readonly band: BandView | null;
  /** What is still missing for the next level, or what to fix first, Thai. */
  readonly next: string;
  /** Why the district cannot be counted at all ('' when it can). */
  readonly problem: string;
  /** New operators counted up to each month's end of the fiscal year, to the count-up-to day. */
  readonly trend: readonly number[];
}

/** A round of the fiscal year and whether its summary exists. */
export interface RoundView {
  readonly round: number;
  /** ISO day. */
  readonly deadline: string;
  /** Thai date text. */
  readonly deadlineText: string;
  readonly past: boolean;
  readonly daysLeft: number;
  /** The newest (not provisional) summary sheet of this round, or '' when none was made. */
  readonly summarySheet: string;
}

/** A report sheet of the add-on, for "send to the province". */
export interface ReportView {
  readonly sheet: string;
  readonly kind: 'round' | 'month';
  /** 1–3, or yyyy-mm. */
  readonly period: string;
  readonly provisional: boolean;
  /** current: the newest of its period; superseded: kept. */
  readonly state: 'current' | 'superseded';
  /** When it was last sent and to whom, Thai ('' when never). */
  readonly sentText: string;
}

/** A month the monthly report can be made for. */
export interface MonthView {
  /** yyyy-mm (CE). */
  readonly value: string;
  /** Thai, e.g. มีนาคม ๒๕๖๕. */
  readonly label: string;
}

/** Everything the sidebar shows when it opens: sidebarState(). */
export interface SidebarState {
  readonly user: {
    readonly email: string;
    readonly role: 'province' | 'district' | 'unknown';
    readonly district: string;
    /** Every district the caller is named for (an officer acting for a vacant one has two). */
    readonly districts?: readonly string[];
  };
  readonly province: string;
  readonly fiscalYear: number;
  /** ISO day of today (Asia/Bangkok) and its Thai text. */
  readonly today: string;
  readonly todayText: string;
  /** Day of the fiscal year (1-based) and its length; 0 before it starts. */
  readonly fiscalDay: number;
  readonly fiscalDays: number;
  readonly nextMonthlyDue: string;
  readonly nextMonthlyDueText: string;
  readonly daysToMonthlyDue: number;
  readonly rounds: readonly RoundView[];
  readonly standing: readonly DistrictStanding[];
  /** The districts' names worst first (features/standing/sheets/trend.ts worstFirst): the order the sidebar lists them in. */
  readonly worstFirst: readonly string[];
  /** null while a district cannot be counted. */
  readonly total:
    | (Readonly<Record<SummedMeasureKey, number>> & {
        readonly registered: number;
        readonly target: number;
        readonly percent: number | null;
      })
    | null;
  /** Problems of the settings and the district table officers should fix, Thai. */
  readonly notices: readonly string[];
  readonly months: readonly MonthView[];
  /** The add-on's report sheets, newest first, for "send to the province". */
  readonly reports: readonly ReportView[];
  /** The report address from the settings. */
  readonly reportEmail: string;
  /** True when the workbook has not been set up yet. */
  readonly needsSetUp: boolean;
  /** The mobile page's address from the settings ('' when not deployed; docs/mobile.md). */
  readonly webAppUrl?: string;
  // — the sidebar from the fiscal year's profile
  /** The fiscal year's measures in its order (profileOf(fiscalYear)): what the standing shows of each district. */
  readonly measures: readonly MeasureKey[];
  /**
   * The caller's duties (sidebarDuties' answer), read in the same execution as the rest: the
   * sidebar shows both after one round of calls. Null when they could not be read with the
   * state: the sidebar then asks sidebarDuties, which says why.
   */
  readonly duties: DutiesView | null;
}

/** A made summary or report: sidebarMakeRoundSummary(round), sidebarMakeMonthlyReport(month). */
export interface MadeReport {
  readonly sheet: string;
  /** The earlier sheet it renamed, or ''. */
  readonly renamed: string;
  readonly message: string;
  /** True when nothing was made yet: `message` asks the officer to confirm (then call again, confirmed). */
  readonly needsConfirmation: boolean;
}

/** What "send to the province" will send: sidebarPreviewSending(sheet). */
export interface SendingPreview {
  readonly sheet: string;
  readonly to: string;
  readonly subject: string;
  /** The e-mail's HTML body (all user text escaped). */
  readonly html: string;
  /** The plain-text summary for the LINE group. */
  readonly lineText: string;
  /** The PDF attached to the e-mail (its file name). */
  readonly attachment: string;
  // — reports as records
  /** Present when the report's sheet no longer matches its seal: changed by hand since it was made (Thai). */
  readonly edited?: string;
}

/** After sidebarSend(sheet). */
export interface SendResult {
  readonly message: string;
  /** True when nothing was sent yet: `message` asks the officer to confirm (then call again, confirmed). */
  readonly needsConfirmation: boolean;
}
