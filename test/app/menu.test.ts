/** The OTOP menu and the sidebar, opened through the bundle's top-level functions. */
import { newHarness, OWNER } from '../support/workbook';

test('onOpen adds the OTOP menu with Thai labels calling top-level functions', () => {
  const h = newHarness();
  h.gas.onOpen({});
  const menu = h.run.ui.menus.find((m) => m.caption === 'OTOP');
  expect(menu).toBeDefined();
  const items = JSON.stringify(menu);
  for (const [label, fn] of [
    ['ตั้งค่า / ซ่อมแซมสมุดงาน', 'menuSetUp'],
    ['ตรวจข้อมูล', 'menuCheckData'],
    ['เปิดแผงควบคุม', 'showSidebar'],
  ]) {
    expect(items).toContain(label);
    expect(items).toContain(fn);
    expect(typeof h.gas[fn]).toBe('function');
  }
});

test('the menu’s set-up reports in a Thai alert; the sidebar opens', () => {
  const h = newHarness();
  h.gas.menuSetUp();
  expect(JSON.stringify(h.run.ui.alerts.at(-1))).toContain('ตั้งค่าสมุดงานเรียบร้อย');
  h.gas.menuCheckData();
  expect(JSON.stringify(h.run.ui.alerts.at(-1))).toContain('ไม่พบปัญหาในข้อมูล');
  h.gas.showSidebar();
  expect(h.run.ui.shown.length).toBe(1);
  expect(JSON.stringify(h.run.ui.shown[0])).toContain('OTOP');
});

test('a second officer’s action waits for the first and is told so in Thai', () => {
  const h = newHarness();
  const holder = h.run.globals.LockService.getScriptLock(); // the lock every action takes (platform/lock.ts)
  expect(holder.tryLock(1000)).toBe(true);
  const other = h.as(OWNER); // the same person in a second window is a second execution
  expect(() => other.gas.sidebarSetUp()).toThrow('มีผู้ใช้อื่นกำลังทำงานกับสมุดงานนี้อยู่');
  holder.releaseLock();
  expect(other.gas.sidebarSetUp().created.length).toBe(25); // every sheet, the board of duties, the dashboard and the record sheet included
});
