/**
 * The province's work of today, at the top of its sidebar: what is due (the next round and the
 * next monthly report, with days left), what is late (a past round without its summary; the
 * districts with an overdue duty, from the board), and then the actions below it.
 */
import type { SidebarState } from '../../../app/api';
import { add, el, withId } from '../../../sidebar/dom';
import { daysText } from '../../../sidebar/format';
import type { Part } from '../../../sidebar/state';

/** The agenda: a part, told the late districts once the board has loaded. */
export interface Agenda extends Part {
  /** Shows the districts with an overdue duty. */
  late(districts: readonly string[]): void;
}

/**
 * The agenda, appended to a parent.
 * @param parent where it goes
 */
export function agendaPart(parent: HTMLElement): Agenda {
  const list = withId('ul', 'agenda', 'agenda');
  const lateLine = withId('li', 'agendaLate', 'missing');
  lateLine.hidden = true;
  add(parent, list);
  return {
    show: (state) => {
      list.replaceChildren(...agendaItems_(state), lateLine);
    },
    enable: () => undefined,
    late: (districts) => {
      lateLine.textContent =
        districts.length > 0
          ? `⚠ อำเภอที่มีรายงานเลยกำหนดยังไม่ส่ง ${districts.length} อำเภอ: ${districts.map((d) => `อ.${d}`).join(' ')}`
          : '';
      lateLine.hidden = districts.length === 0;
    },
  };
}

/**
 * The lines of what is due and what is late from the state.
 * @param state the sidebar state
 */
function agendaItems_(state: SidebarState): HTMLElement[] {
  const out: HTMLElement[] = [];
  const rounds = state.rounds ?? [];
  for (const r of rounds) {
    if (r.past && !r.summarySheet) {
      out.push(el('li', 'missing', `⚠ ยังไม่ได้จัดทำสรุปผลรอบที่ ${r.round} (กำหนดส่ง ${r.deadlineText || r.deadline})`));
    }
  }
  const next = rounds.find((r) => !r.past);
  if (next) {
    out.push(
      add(
        el('li', 'due'),
        `สรุปผลรอบที่ ${next.round} ส่งภายใน ${next.deadlineText || next.deadline} `,
        el('strong', '', `(${daysText(next.daysLeft)})`),
      ),
    );
  }
  if (state.nextMonthlyDue) {
    out.push(
      add(
        el('li', 'due'),
        `รายงานประจำเดือนครั้งถัดไป ภายใน ${state.nextMonthlyDueText || state.nextMonthlyDue} `,
        el('strong', '', `(${daysText(state.daysToMonthlyDue)})`),
      ),
    );
  }
  return out;
}
