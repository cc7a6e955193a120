/**
 * The reminders' switch (the province's): on or off, whose account runs them (a trigger runs as
 * the account that switched it on and stops when that account loses access), what may stop
 * them, and the last run's result.
 */
import type { DutiesView } from '../../submissions/action/dutiesApi';
import { add, button, el, withId } from '../../../sidebar/dom';
import type { Sidebar } from '../../../sidebar/state';
import { act } from '../../../sidebar/status';

/** The reminders panel. */
export interface RemindersPanel {
  show(view: DutiesView): void;
  enable(): void;
}

/**
 * The reminders panel, appended to a parent.
 * @param parent where it goes
 * @param app the sidebar
 */
export function remindersView(parent: HTMLElement, app: Sidebar): RemindersPanel {
  let on: boolean | null = null;
  const box = withId('div', 'reminders', 'panel');
  const status = withId('p', 'remindersStatus');
  const warning = withId('p', 'remindersWarning', 'missing');
  const last = withId('p', 'remindersLast', 'muted');
  const toggle = button('btnReminders', '', 'เปิดการแจ้งเตือน', () => {
    if (on === null) return;
    const wanted = !on;
    void act(
      app,
      wanted ? 'กำลังเปิดการแจ้งเตือน…' : 'กำลังปิดการแจ้งเตือน…',
      () => app.call('sidebarSetReminders', wanted),
      (result) => result?.message || 'เรียบร้อย',
    );
  });
  add(
    box,
    el('strong', '', 'การแจ้งเตือนทางอีเมล'),
    el(
      'p',
      'muted',
      'ทุกวันประมาณ 08:00 น.: อำเภอที่รายงานประจำเดือนใกล้ครบกำหนด (3 วัน) หรือเลยกำหนด และก่อนส่งสรุปผลรายรอบ 7 วันและ 1 วัน; จังหวัดได้รับสรุปอำเภอที่เลยกำหนด',
    ),
    status,
    warning,
    last,
    toggle,
  );
  add(parent, box);
  return {
    show: (view) => {
      const r = view.reminders;
      if (!r) {
        box.hidden = true;
        return;
      }
      box.hidden = false;
      on = r.on;
      status.textContent = r.on
        ? `เปิดอยู่ ทำงานด้วยบัญชี ${r.by}${r.mine ? ' (บัญชีของท่าน)' : ''} ตั้งแต่ ${r.sinceText}`
        : r.by
          ? `ปิดอยู่ (ปิดเมื่อ ${r.sinceText})`
          : 'ปิดอยู่';
      warning.textContent = r.warning;
      warning.hidden = !r.warning;
      last.textContent = r.lastRunText ? `ทำงานครั้งล่าสุด ${r.lastRunText}` : 'ยังไม่เคยทำงาน';
      last.className = r.lastRunOk ? 'muted' : 'missing';
      toggle.textContent = r.on ? 'ปิดการแจ้งเตือน' : 'เปิดการแจ้งเตือน';
      toggle.className = r.on ? 'secondary' : '';
    },
    enable: () => {
      toggle.disabled = app.busy || on === null;
    },
  };
}
