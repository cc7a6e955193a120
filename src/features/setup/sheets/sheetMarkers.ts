/**
 * How the add-on recognises the sheets it made, whatever they are called now: each carries a
 * developer-metadata marker (key MARKER_KEY) saying what it is and the id of the sheet it was
 * put on. Officers cannot add or edit developer metadata by hand (there is no menu for it;
 * only scripts and the Sheets API can: Apps Script reference, DeveloperMetadata), so a sheet
 * an officer made or renamed to look like one of ours is not taken for it. A copy of one of
 * our sheets may carry the marker along (whether Sheets copies it is unconfirmed): the id in
 * the marker then names the original, so the copy is not ours either.
 */

import { dayOfDate, ymdOf } from '../../../kernel/civilDate';
import { fiscalYearOf, monthEnd } from '../../../kernel/fiscalYear';
import type { FormShape } from '../../reports/sheets/officialForm';

/** The developer-metadata key of the add-on's markers. */
export const MARKER_KEY = 'otop.sheet';

/** What a sheet of the add-on is. */
export type SheetRole =
  | 'settings'
  | 'criteria'
  | 'districts'
  | 'baseline'
  | 'activities'
  | 'online'
  | 'problems'
  | 'log'
  | 'report'
  /** the self-check's result sheet (features/selfCheck/action/diagnostics.ts) */
  | 'diagnostics'
  /** the self-check's scratch sheet, deleted at the end of its run (a left one is deleted by the next) */
  | 'scratch'
  /** The districts' submissions (sealed rows, written by the add-on only). */
  | 'submissions'
  /** The board of who has reported (rebuilt by the add-on). */
  | 'board'
  /** The dashboard: formulas and charts (features/standing/sheets/dashboard.ts), made and repaired by set-up. */
  | 'dashboard'
  /** A finished fiscal year's sheet kept as values by the year switch (features/fiscalYears/action/newYear.ts). */
  | 'archive'
  // — reports kept as records
  /** The reports made, one sealed record each (features/reports/sheets/reportRecords.ts), appended by the add-on only. */
  | 'reportRecords';

/** What an archive sheet keeps: which fiscal year, of which sheet (and district). */
export interface ArchiveMark {
  readonly fiscalYear: number;
  readonly of: SheetRole;
  /**
   * Made by a year switch that has not finished: a switch stopped before it moved the settings
   * left it (the next one deletes it and starts again); one stopped after, the next one finishes.
   */
  readonly pending?: boolean;
}

/** A report's identity and state. */
export interface ReportMark {
  readonly kind: 'round' | 'month';
  /** 1–3 for a round, yyyy-mm for a month. */
  readonly period: string;
  /** The BE fiscal year it is of; absent on reports of earlier versions (reportYear decides). */
  readonly fiscalYear?: number;
  /** building: not yet complete (a run stopped midway); current: the newest; superseded: kept. */
  readonly state: 'building' | 'current' | 'superseded';
  /** Made before its cut-off: never the round's summary. */
  readonly provisional: boolean;
  /** When it was made (ISO date-time): the newest of a period is the current one. */
  readonly made: string;
  /** How many districts its table has (its layout follows). */
  readonly districts: number;
  /**
   * The official form's shape it was written with (officialForm.ts: rows, sections and their
   * column spans), which its sheet is read back with; absent on reports of the previous version
   * (their fixed layout: legacyLayout in reportSheets.ts).
   */
  readonly form?: FormShape;
  /**
   * Its identity, which its log row carries (a report committed by a run stopped before its log
   * row is logged by the next run); absent on reports of earlier versions.
   */
  readonly ref?: string;
  /**
   * The log's last number when it was made: its log row comes after it, so a report whose
   * reference no log row has is logged late only when no log row after that number was deleted.
   */
  readonly logAt?: number;
  /** Each sending: to whom, when (ISO), and whether Google confirmed it. */
  readonly sent?: readonly { readonly to: string; readonly at: string; readonly confirmed: boolean }[];
  // — reports as records
  /** Who made it (their e-mail, or the words for an unknown one); absent on earlier versions. */
  readonly by?: string;
  /**
   * The seal of its sheet as made (reportRecord.ts reportSeal: a digest of its values, the
   * status and sent cells the add-on rewrites left out); absent on earlier versions.
   */
  readonly seal?: string;
  // — reports kept as records
  /** The number of its record in the reports' record sheet; absent on reports made before records. */
  readonly record?: number;
}

/** How an unfinished set-up came by a sheet, and which run it was. */
export interface Unfinished {
  readonly as: 'made' | 'adopted';
  readonly run: string;
}

/** A sheet's marker. */
export interface SheetMark {
  readonly role: SheetRole;
  /** The sheet the marker was put on. */
  readonly sheetId: number;
  /** For a district's entry sheets: the district's canonical name. */
  readonly district?: string;
  readonly report?: ReportMark;
  /** An archive sheet's year and origin (role 'archive'). */
  readonly archive?: ArchiveMark;
  /**
   * Made ('made') or taken over ('adopted') by the set-up run `run` that has not finished: a run
   * stopped midway (Apps Script's time limit, an outage) leaves it so, and nobody was told. The
   * next set-up finishes the sheet as if it did it itself (or, when that run's log row is
   * written, only clears the flag), then clears the flag.
   */
  readonly unfinished?: Unfinished;
}

/**
 * The marker's stored value.
 * @param mark the marker
 */
export function encodeMark(mark: SheetMark): string {
  // One key order whatever order the mark was built in, so equal marks are equal texts.
  return JSON.stringify({
    v: 1,
    role: mark.role,
    sheetId: mark.sheetId,
    ...(mark.district !== undefined ? { district: mark.district } : {}),
    ...(mark.report ? { report: mark.report } : {}),
    ...(mark.archive ? { archive: mark.archive } : {}),
    ...(mark.unfinished ? { unfinished: mark.unfinished } : {}),
  });
}

/**
 * A stored value read back, or null when it is not one of ours.
 * @param value the developer metadata's value
 */
export function decodeMark(value: string | null): SheetMark | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<SheetMark> & { v?: number };
    if (parsed.v !== 1 || typeof parsed.role !== 'string' || typeof parsed.sheetId !== 'number') return null;
    return {
      role: parsed.role,
      sheetId: parsed.sheetId,
      ...(typeof parsed.district === 'string' ? { district: parsed.district } : {}),
      ...(parsed.report ? { report: parsed.report } : {}),
      ...(parsed.archive && typeof parsed.archive.fiscalYear === 'number' && typeof parsed.archive.of === 'string'
        ? {
            archive: {
              fiscalYear: parsed.archive.fiscalYear,
              of: parsed.archive.of,
              ...(parsed.archive.pending === true ? { pending: true } : {}),
            },
          }
        : {}),
      ...(isUnfinished_(parsed.unfinished) ? { unfinished: parsed.unfinished } : {}),
    };
  } catch {
    return null;
  }
}

/** A marked sheet found in the workbook. */
export interface MarkedSheet<S> {
  readonly sheet: S;
  readonly mark: SheetMark;
}

/** Whether a stored value is an Unfinished. */
function isUnfinished_(value: unknown): value is Unfinished {
  const u = value as Partial<Unfinished> | null | undefined;
  return typeof u === 'object' && u !== null && (u.as === 'made' || u.as === 'adopted') && typeof u.run === 'string';
}

/**
 * The add-on's sheets among the markers found: a marker counts only on the sheet whose id it
 * names (a copied sheet's marker names the original), and one sheet counts once.
 * @param found each marker's sheet, its id and its stored value
 */
export function ownSheets<S>(found: readonly { sheet: S; sheetId: number; value: string | null }[]): MarkedSheet<S>[] {
  const seen = new Set<number>();
  const out: MarkedSheet<S>[] = [];
  for (const { sheet, sheetId, value } of found) {
    const mark = decodeMark(value);
    if (!mark || mark.sheetId !== sheetId || seen.has(sheetId)) continue;
    seen.add(sheetId);
    out.push({ sheet, mark });
  }
  return out;
}

/**
 * The BE fiscal year a report is of: its mark's; for a report of an earlier version, a month's
 * by its date, and a round's by the day it was made, less a quarter for one made in October to
 * December (no round is due then: the letter's are in March, May and September, so a round
 * summary made then is the previous year's last round, made after its deadline).
 * @param mark the report's mark
 */
export function reportYear(mark: Pick<ReportMark, 'kind' | 'period' | 'made' | 'fiscalYear'>): number {
  if (typeof mark.fiscalYear === 'number') return mark.fiscalYear;
  const month = /^(\d{4})-(\d{2})$/.exec(mark.period);
  if (mark.kind === 'month' && month) return fiscalYearOf(monthEnd(Number(month[1]), Number(month[2])));
  const made = new Date(mark.made);
  if (Number.isNaN(made.getTime())) return 0;
  const day = dayOfDate(made);
  return fiscalYearOf(day) - (ymdOf(day).month >= 10 ? 1 : 0);
}

/**
 * Whether two reports are of the same kind, period and fiscal year (provisional ones apart).
 * @param a one report's mark
 * @param b the other's
 */
export function sameReportPeriod(
  a: Pick<ReportMark, 'kind' | 'period' | 'made' | 'fiscalYear' | 'provisional'>,
  b: Pick<ReportMark, 'kind' | 'period' | 'made' | 'fiscalYear' | 'provisional'>,
): boolean {
  return (
    a.kind === b.kind && a.period === b.period && a.provisional === b.provisional && reportYear(a) === reportYear(b)
  );
}
