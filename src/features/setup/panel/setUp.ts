/** "Set up / repair the workbook" (the province's). */
import { add, button, el, option, withId } from '../../../sidebar/dom';
import type { Part, Sidebar } from '../../../sidebar/state';
import { act } from '../../../sidebar/status';
import { fiscalYearOfIso, LETTER_YEAR } from '../../fiscalYears/panel/fiscalYear';

/**
 * The set-up button, appended to a parent; on a workbook not yet set up, a choice of fiscal
 * year above it: the current one (proposed) or the letter's FY 2565.
 * @param parent where it goes
 * @param app the sidebar
 */
export function setUpPart(parent: HTMLElement, app: Sidebar): Part {
  const choice = withId('div', 'setUpYear');
  const select = withId('select', 'setUpYearChoice');
  add(choice, el('label', '', 'ปีงบประมาณของสมุดงานใหม่ '), select);
  choice.hidden = true;
  const setUp = button('btnSetUp', 'wide', 'ตั้งค่า / ซ่อมแซมสมุดงาน', () => {
    const year = choice.hidden ? undefined : Number(select.value);
    void act(
      app,
      'กำลังตั้งค่าสมุดงาน… อาจใช้เวลาสักครู่',
      () => (year === undefined ? app.call('sidebarSetUp') : app.call('sidebarSetUp', year)),
      (report) => {
        const warnings = report.warnings ?? [];
        return (report.message || 'ตั้งค่าเรียบร้อย') + (warnings.length ? `\nข้อควรทราบ:\n• ${warnings.join('\n• ')}` : '');
      },
    );
  });
  add(parent, choice, setUp);
  return {
    show: (state) => {
      choice.hidden = !state.needsSetUp;
      if (!state.needsSetUp || !state.today) return;
      const current = fiscalYearOfIso(state.today);
      const kept = select.value;
      select.replaceChildren(option(current, `${current} (ปีงบประมาณปัจจุบัน)`));
      if (current !== LETTER_YEAR) add(select, option(LETTER_YEAR, `${LETTER_YEAR} (ตามหนังสือจังหวัด ก.พ. 2565)`));
      if (kept) select.value = kept;
      if (!select.value) select.value = String(current);
    },
    enable: () => undefined,
  };
}
