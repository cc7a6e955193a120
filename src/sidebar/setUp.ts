/** "Set up / repair the workbook" (the province's). */
import { add, button } from './dom';
import type { Part, Sidebar } from './state';
import { act } from './status';

/**
 * The set-up button, appended to a parent.
 * @param parent where it goes
 * @param app the sidebar
 */
export function setUpPart(parent: HTMLElement, app: Sidebar): Part {
  const setUp = button('btnSetUp', 'wide', 'ตั้งค่า / ซ่อมแซมสมุดงาน', () => {
    void act(
      app,
      'กำลังตั้งค่าสมุดงาน… อาจใช้เวลาสักครู่',
      () => app.call('sidebarSetUp'),
      (report) => {
        const warnings = report.warnings ?? [];
        return (report.message || 'ตั้งค่าเรียบร้อย') + (warnings.length ? `\nข้อควรทราบ:\n• ${warnings.join('\n• ')}` : '');
      },
    );
  });
  add(parent, setUp);
  return { show: () => undefined, enable: () => undefined };
}
