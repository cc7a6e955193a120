/** What the sidebar shows when it opens: standing, calendar, rounds, reports, notices. */
import { dayOfDate, isoOfDay } from '../../../kernel/civilDate';
import { fiscalMonths, fiscalYearBounds, nextMonthlyDue } from '../../../kernel/fiscalYear';
import { dataDayNotice } from '../../../kernel/settings';
import { measureCounts, summedCounts } from '../../../kernel/measures';
import { formatThaiDate, formatThaiMonth } from '../../../kernel/thaiDate';
import { type ReportMark, reportYear } from '../../setup/sheets/sheetMarkers';
import { standingOf } from '../sheets/standing';
import { monthlyTrend } from '../rules/districtTrend';
import { worstFirst } from '../sheets/trend';
import type { ReportView, SidebarState } from '../../../app/api';
import type { Workbook } from '../../../app/door/door';
import type { Caller } from '../../../app/roles';
import type { WorkbookConfig } from '../../../app/workbookRead';
import { dutiesOf } from '../../submissions/action/duties';
import type { DutiesView } from '../../submissions/action/dutiesApi';
import { sentText } from '../../reports/action/delivery';
import { evaluateAll } from '../../../app/workbookRead';
import { profileOf } from '../../../kernel/yearProfile';

/**
 * The sidebar's state now. The standing is computed from each district's own sheets with the
 * district table's own rule (not read from its formulas, which Sheets may still be computing),
 * counted up to the day the table counts to (Settings.countedTo; the province's opening keeps
 * the data day at today first).
 * @param workbook the workbook, through the door
 * @param now the current time
 */
export function sidebarStateAt(workbook: Workbook, now: Date): SidebarState {
  const today = dayOfDate(now);
  const config = workbook.readConfig({ entries: true });
  const who = workbook.caller(config.settings);
  const book = workbook.readWorkbook(workbook.keepDataDay(config, today, who));
  const { settings } = book;
  const { start, end } = fiscalYearBounds(settings.fiscalYear);
  // Without the evidence: each district's new operators' days (operatorDays) give its trend.
  const evaluations = evaluateAll(book, settings.countedTo);
  const standing = standingOf(evaluations, book.criteria, settings.percentBasis, settings.countedTo);
  const reports = book.registry
    .all('report')
    .filter((r) => r.mark.report && r.mark.report.state !== 'building')
    .map((r) => ({ name: r.name, mark: r.mark.report as ReportMark }))
    .sort((a, b) => b.mark.made.localeCompare(a.mark.made));
  const due = nextMonthlyDue(today, settings.monthlyDueDay);
  const roundSheet = (round: number) =>
    reports.find(
      (r) =>
        r.mark.kind === 'round' &&
        r.mark.period === String(round) &&
        reportYear(r.mark) === settings.fiscalYear &&
        r.mark.state === 'current' &&
        !r.mark.provisional,
    )?.name ?? '';
  const total = standing.total;
  const districts = standing.districts.map((d, i) => {
    const r = d.result;
    const evaluation = evaluations[i];
    const band = r?.assessment?.band;
    return {
      district: d.district,
      registered: d.figures.registered ?? 0,
      ...measureCounts((m) => r?.[m.key] ?? 0),
      target: r?.target ?? null,
      percent: r?.percent ?? null,
      score: r?.score ?? null,
      level: r?.level ?? 'นับไม่ได้',
      band: band ? { background: band.background, text: band.text } : null,
      next: r?.next ?? d.problem,
      problem: d.problem,
      trend: monthlyTrend(evaluation.ok ? evaluation.operatorDays : [], settings.fiscalYear, settings.countedTo),
    };
  });
  return {
    user: {
      email: who.email,
      role: who.role,
      district: who.district,
      // an officer named for several districts (acting for a vacant one) is told so
      ...(who.districts.length > 1 ? { districts: who.districts } : {}),
    },
    province: settings.province,
    fiscalYear: settings.fiscalYear,
    today: isoOfDay(today),
    todayText: formatThaiDate(today, { digits: 'arabic' }),
    fiscalDay: today < start ? 0 : Math.min(today, end) - start + 1,
    fiscalDays: end - start + 1,
    nextMonthlyDue: isoOfDay(due),
    nextMonthlyDueText: formatThaiDate(due, { digits: 'arabic' }),
    daysToMonthlyDue: due - today,
    rounds: settings.rounds.map((deadline, i) => ({
      round: i + 1,
      deadline: isoOfDay(deadline),
      deadlineText: formatThaiDate(deadline, { digits: 'arabic' }),
      past: deadline < today,
      daysLeft: deadline - today,
      summarySheet: roundSheet(i + 1),
    })),
    standing: districts,
    worstFirst: [...districts].sort(worstFirst).map((d) => d.district),
    total: total
      ? {
          registered: total.registered,
          ...summedCounts((m) => total[m.key]),
          target: total.target,
          percent: total.percent,
        }
      : null,
    notices: [
      ...[dataDayNotice(settings, today)].filter(Boolean),
      ...book.settingsProblems,
      ...(book.criteriaProblem ? [book.criteriaProblem] : []),
      ...book.table.problems.map((p) => p.message),
    ],
    months: fiscalMonths(settings.fiscalYear).map(({ year, month }) => ({
      value: `${year}-${String(month).padStart(2, '0')}`,
      label: formatThaiMonth(year, month, 'arabic'),
    })),
    reports: reports.map(
      (r): ReportView => ({
        sheet: r.name,
        kind: r.mark.kind,
        period: r.mark.period,
        provisional: r.mark.provisional,
        state: r.mark.state === 'current' ? 'current' : 'superseded',
        sentText: sentText(r.mark),
      }),
    ),
    reportEmail: settings.reportEmail,
    needsSetUp: book.needsSetUp,
    webAppUrl: settings.webAppUrl,
    // the settings' year's measures (read with the configuration: no other read)
    measures: profileOf(settings.fiscalYear).measures.map((m) => m.key),
    duties: dutiesOrNull_(workbook, book, who, now),
  };
}

/**
 * The caller's duties from the configuration the state read, or null when they cannot be read
 * (a service failing while the rest was read): the state is still shown, and the sidebar asks
 * sidebarDuties on its own, whose answer says in Thai what failed. Reading only: nothing to undo.
 * @param workbook the workbook, through the door
 * @param config the configuration as read (with the data day kept)
 * @param who the caller
 * @param now the current time
 */
function dutiesOrNull_(workbook: Workbook, config: WorkbookConfig, who: Caller, now: Date): DutiesView | null {
  try {
    return dutiesOf(workbook, config, who, now);
  } catch {
    return null;
  }
}
