/** Round summaries and monthly reports (the province's): choose, then make the sheet. */
import type { MadeReport, SidebarState } from '../../../app/api';
import { add, button, el, label, option, refill, withId } from '../../../sidebar/dom';
import { reportMonth } from '../../../sidebar/format';
import type { Part, Sidebar } from '../../../sidebar/state';
import { confirmThen, waiting } from '../../../sidebar/confirm';
import { act } from '../../../sidebar/status';

/**
 * The two report forms, appended to a parent.
 * @param parent where they go
 * @param app the sidebar
 */
export function reportsPart(parent: HTMLElement, app: Sidebar): Part {
  const roundSelect = withId('select', 'roundSelect');
  const monthSelect = withId('select', 'monthSelect');
  const makeRound = (confirmed: boolean) => {
    const round = Number(roundSelect.value);
    void act(
      app,
      `กำลังจัดทำสรุปผลรอบที่ ${round}…`,
      () => app.call('sidebarMakeRoundSummary', round, confirmed),
      (made) => madeText_(app, made, () => makeRound(true)),
    );
  };
  const makeMonth = (confirmed: boolean) => {
    const month = monthSelect.value;
    const chosen = monthSelect.selectedOptions[0]?.textContent || month;
    void act(
      app,
      `กำลังจัดทำรายงานประจำเดือน ${chosen}…`,
      () => app.call('sidebarMakeMonthlyReport', month, confirmed),
      (made) => madeText_(app, made, () => makeMonth(true)),
    );
  };
  const roundButton = button('btnRound', '', 'จัดทำสรุป', () => makeRound(false));
  const monthButton = button('btnMonth', '', 'จัดทำรายงาน', () => makeMonth(false));
  add(
    parent,
    label('roundSelect', 'สรุปผลรายรอบ'),
    add(el('div', 'row'), roundSelect, roundButton),
    label('monthSelect', 'รายงานประจำเดือน'),
    add(el('div', 'row'), monthSelect, monthButton),
  );
  return {
    show: (state) => fillSelects_(state, roundSelect, monthSelect),
    enable: () => {
      monthButton.disabled = !monthSelect.value;
    },
  };
}

/**
 * Offers the rounds (preferring the latest past one without a summary, else the next) and the
 * months (preferring the month the next monthly report covers).
 * @param state the sidebar state
 * @param roundSelect the rounds
 * @param monthSelect the months
 */
function fillSelects_(state: SidebarState, roundSelect: HTMLSelectElement, monthSelect: HTMLSelectElement): void {
  const rounds = state.rounds ?? [];
  refill(roundSelect, (s) => {
    for (const r of rounds) {
      add(s, option(r.round, `รอบที่ ${r.round} (ส่ง ${r.deadlineText || r.deadline})${r.summarySheet ? ' ✓' : ''}`));
    }
    if (rounds.length === 0) for (const n of [1, 2, 3]) add(s, option(n, `รอบที่ ${n}`));
    const due = rounds.filter((r) => r.past && !r.summarySheet);
    const upcoming = rounds.filter((r) => !r.past);
    const pick = due.length > 0 ? due[due.length - 1] : (upcoming[0] ?? rounds[rounds.length - 1]);
    return pick ? String(pick.round) : '1';
  });
  refill(monthSelect, (s) => {
    for (const m of state.months ?? []) add(s, option(m.value, m.label));
    return reportMonth(state.nextMonthlyDue);
  });
}

/**
 * The message for a made sheet; the sheet is offered first for sending. When the server asks
 * first (a provisional report), the question is shown and `again` makes it on yes.
 * @param app the sidebar
 * @param made what the server made
 * @param again makes the report, confirmed
 */
function madeText_(app: Sidebar, made: MadeReport | null, again: () => void): string {
  if (!made) return 'เรียบร้อย';
  if (made.needsConfirmation) {
    confirmThen(made.message, 'ทำฉบับชั่วคราว', again);
    return waiting();
  }
  if (made.sheet) app.made = made.sheet;
  return (made.message || `สร้างชีต ${made.sheet} แล้ว`) + (made.renamed ? `\nฉบับเดิมเปลี่ยนชื่อเป็น “${made.renamed}”` : '');
}
