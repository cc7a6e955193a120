/** เริ่มปีงบประมาณใหม่ (the province's): a button, a confirm, then the server's questions if any. */
import type { NewYearResult } from '../action/newYear';
import { add, button, el } from '../../../sidebar/dom';
import type { Part, Sidebar } from '../../../sidebar/state';
import { confirmThen, waiting } from '../../../sidebar/confirm';
import { act } from '../../../sidebar/status';

/**
 * The new-year button, appended to a parent.
 * @param parent where it goes
 * @param app the sidebar
 */
export function newYearPart(parent: HTMLElement, app: Sidebar): Part {
  let year = 0;
  const run = (confirmed: boolean) => {
    void act(
      app,
      'กำลังเริ่มปีงบประมาณใหม่… อาจใช้เวลาสักครู่',
      () => app.call('sidebarStartNewFiscalYear', confirmed),
      (result: NewYearResult | null) => {
        if (result?.needsConfirmation) {
          confirmThen(result.message, 'เริ่มปีงบประมาณใหม่', () => run(true));
          return waiting();
        }
        return result?.message || 'เริ่มปีงบประมาณใหม่เรียบร้อย';
      },
    );
  };
  const note = el('p', 'muted', '');
  const start = button('btnNewYear', 'wide secondary', 'เริ่มปีงบประมาณใหม่', () => {
    confirmThen(
      `เริ่มปีงบประมาณ ${year + 1}: ข้อมูลปีงบประมาณ ${year} จะเก็บไว้เป็นค่าในชีตที่ลงท้ายว่า "ปีงบ ${year}" ` +
        `ชีตบันทึกข้อมูลของอำเภอจะว่างพร้อมใช้ ฐานปีใหม่รวมผู้ประกอบการรายใหม่ของปี ${year} ต้องการดำเนินการหรือไม่`,
      'เริ่มปีงบประมาณใหม่',
      () => run(false),
    );
  });
  add(parent, start, note);
  return {
    show: (state) => {
      year = state.fiscalYear;
      start.textContent = `เริ่มปีงบประมาณใหม่ (${year + 1})`;
      note.textContent = `ปีงบประมาณปัจจุบันในชีตตั้งค่า: ${year}`;
    },
    enable: () => undefined,
  };
}
