/** What the sidebar shows when it opens: standing, calendar, rounds, reports. */
import { dayOfDate, isoOfDay } from '../core/civilDate';
import { fiscalMonths, fiscalYearBounds, nextMonthlyDue } from '../core/fiscalYear';
import { formatThaiDate, formatThaiMonth } from '../core/thaiDate';
import { activeSpreadsheet } from '../adapter/services';
import { reportKind, roundSheetName } from '../workbook/reportSheets';
import { standingAt } from '../workbook/standing';
import type { SidebarState } from './api';
import { caller } from './roles';
import { readWorkbook } from './workbookData';

/**
 * The sidebar's state now. The standing is computed from the entries with the same rules as
 * the district table (not read from its formulas, which Sheets may still be computing).
 * @param now the current time
 */
export function sidebarStateAt(now: Date): SidebarState {
  const ss = activeSpreadsheet();
  const book = readWorkbook(ss);
  const { settings, data } = book;
  const who = caller(ss, settings);
  const today = dayOfDate(now);
  const { start, end } = fiscalYearBounds(settings.fiscalYear);
  const standing = standingAt(data, Math.min(today, settings.asOf));
  const sheetNames = ss.getSheets().map((s) => s.getName());
  const reports = sheetNames.filter((n) => reportKind(n) !== null).reverse();
  const due = nextMonthlyDue(today, settings.monthlyDueDay);
  return {
    user: { email: who.email, role: who.role, district: who.district },
    province: settings.province,
    fiscalYear: settings.fiscalYear,
    today: isoOfDay(today),
    todayText: formatThaiDate(today),
    fiscalDay: today < start ? 0 : Math.min(today, end) - start + 1,
    fiscalDays: end - start + 1,
    nextMonthlyDue: isoOfDay(due),
    nextMonthlyDueText: formatThaiDate(due),
    daysToMonthlyDue: due - today,
    rounds: settings.rounds.map((deadline, i) => ({
      round: i + 1,
      deadline: isoOfDay(deadline),
      deadlineText: formatThaiDate(deadline),
      past: deadline < today,
      daysLeft: deadline - today,
      summarySheet: sheetNames.includes(roundSheetName(i + 1)) ? roundSheetName(i + 1) : '',
    })),
    standing: standing.districts.map((d) => ({
      district: d.district,
      registered: d.registered,
      activities: d.activities,
      channels: d.channels,
      newOperators: d.newOperators,
      target: d.target,
      percent: d.percent,
      score: d.assessment.score,
      level: d.assessment.name,
      band: { background: d.assessment.band.background, text: d.assessment.band.text },
      next: d.next,
    })),
    total: {
      registered: standing.total.registered,
      activities: standing.total.activities,
      newOperators: standing.total.newOperators,
      target: standing.total.target,
      percent: standing.total.percent,
    },
    months: fiscalMonths(settings.fiscalYear).map(({ year, month }) => ({
      value: `${year}-${String(month).padStart(2, '0')}`,
      label: formatThaiMonth(year, month),
    })),
    reports,
    reportEmail: settings.reportEmail,
    needsSetUp: book.needsSetUp,
  };
}
