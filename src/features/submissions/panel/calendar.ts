/** The reporting calendar: today in the fiscal year, the rounds and the next monthly report. */
import type { RoundView, SidebarState } from '../../../app/api';
import { add, el, section, withId } from '../../../sidebar/dom';
import { daysText, num } from '../../../sidebar/format';
import type { Part } from '../../../sidebar/state';

/** Options of the calendar. */
export interface CalendarOptions {
  /** the province's: it says which past rounds have no summary yet (the province's duty) */
  readonly province: boolean;
}

/**
 * The calendar section, appended to a parent.
 * @param parent where it goes
 * @param options see CalendarOptions
 */
export function calendarPart(parent: HTMLElement, options: CalendarOptions): Part {
  const box = add(withId('div', 'calendar'), el('p', 'muted', '—'));
  add(section(parent, 'h-calendar', 'ปฏิทินการรายงาน'), box);
  return { show: (state) => showCalendar_(box, state, options), enable: () => undefined };
}

/**
 * Renders the calendar.
 * @param box the calendar's element
 * @param state the sidebar state
 * @param options see CalendarOptions
 */
function showCalendar_(box: HTMLElement, state: SidebarState, options: CalendarOptions): void {
  box.replaceChildren();
  if (!state.today) {
    add(box, el('p', 'muted', '—'));
    return;
  }
  const days = num(state.fiscalDays) || 365;
  const day = num(state.fiscalDay);
  add(box, el('p', '', `วันนี้ ${state.todayText || state.today}`));
  add(
    box,
    el(
      'p',
      'muted',
      day > 0 ? `วันที่ ${day} จาก ${days} วันของปีงบประมาณ (${Math.round((day * 100) / days)}%)` : 'ยังไม่ถึงปีงบประมาณ',
    ),
  );
  const rounds = state.rounds ?? [];
  add(box, bar_(day, days, rounds));
  if (state.nextMonthlyDue) {
    add(
      box,
      el(
        'p',
        '',
        `รายงานประจำเดือนครั้งถัดไป: ภายใน ${state.nextMonthlyDueText || state.nextMonthlyDue} (${daysText(state.daysToMonthlyDue)})`,
      ),
    );
  }
  const next = rounds.find((r) => !r.past);
  const list = el('ul');
  for (const r of rounds) {
    const item = el('li', r === next ? 'round next' : 'round');
    add(item, el('strong', '', `รอบที่ ${r.round}`), ` ส่งภายใน ${r.deadlineText || r.deadline} · `);
    add(item, r.past ? 'เลยกำหนดแล้ว' : el('strong', '', daysText(r.daysLeft)));
    // the summaries are the province's work: a district officer is not told about them
    if (options.province && r.summarySheet) add(item, el('div', 'made', `✓ จัดทำสรุปแล้ว: ${r.summarySheet}`));
    else if (options.province && r.past) add(item, el('div', 'missing', '⚠ ยังไม่ได้จัดทำสรุปผลรอบนี้'));
    add(list, item);
  }
  add(box, list);
  if (!next && rounds.length > 0) add(box, el('p', 'muted', 'ครบทุกรอบของปีงบประมาณแล้ว'));
}

/**
 * The bar of the fiscal year: the days passed, a mark at each round's deadline.
 * @param day today's day of the fiscal year
 * @param days the fiscal year's length
 * @param rounds the rounds
 */
function bar_(day: number, days: number, rounds: readonly RoundView[]): HTMLElement {
  const bar = el('div', 'bar');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', `ผ่านไปแล้ว ${day} จาก ${days} วัน`);
  const fill = el('div', 'fill');
  fill.style.width = `${Math.min(100, (day * 100) / days)}%`;
  add(bar, fill);
  for (const r of rounds) {
    const at = day + num(r.daysLeft);
    if (at < 0 || at > days) continue;
    const mark = el('div', 'mark');
    mark.style.left = `${(at * 100) / days}%`;
    mark.title = `รอบที่ ${r.round}`;
    add(bar, mark);
  }
  return bar;
}
