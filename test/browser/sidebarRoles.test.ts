/**
 * What each role sees in the sidebar (SidebarState.user.role), in Debian's Chromium: the real
 * dist/Sidebar.html over the preview, its calls run as the province (the owner), as a district
 * officer named in the settings, as an editor named nowhere, and as a caller whose address
 * Google hides. What a role may not use is not in the page at all (not merely hidden by CSS).
 */
import type { Page } from 'playwright-core';
import { DEMO_OWNER } from '../../dev/preview/demo';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import { artifact, describeWithBrowser, launchBrowser, ROOT, sharedBrowser } from './support/browser';
import { LABEL } from '../../src/kernel/settings';
import { nameInSettings, OFFICER, OFFICER_DISTRICT, officerSeed, STRANGER } from './support/roles';

jest.setTimeout(60_000);

/** The province's own controls: set-up, the round summary, the monthly report, sending. */
const PROVINCE_ONLY = [
  '#btnSetUp',
  '#btnNewYear',
  '#roundSelect',
  '#btnRound',
  '#monthSelect',
  '#btnMonth',
  '#reportSelect',
  '#reportEmail',
  '#btnPreview',
  '#btnLine',
  '#sendPanel',
  '#linePanel',
];

describeWithBrowser('each role sees only what it may do', () => {
  const shared = sharedBrowser(launchBrowser);
  const { servers } = shared;

  /**
   * The sidebar page alone, 300 px wide as Google shows it, its calls run as `user`, once the
   * first state is shown.
   */
  async function sidebarAs(user: string): Promise<{ page: Page; errors: string[]; server: PreviewServer }> {
    const server = await startPreview({ root: ROOT, port: 0, user, seed: officerSeed });
    servers.push(server);
    const page = await shared.browser.context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 300, height: 900 });
    await page.goto(`${server.url}sidebar`);
    await page.locator('.district').nth(8).waitFor();
    await page.locator('body[aria-busy="false"]').waitFor();
    return { page, errors, server };
  }

  /** How many elements of each selector the page has. */
  const counts = (page: Page, selectors: readonly string[]) =>
    Promise.all(selectors.map(async (s) => [s, await page.locator(s).count()] as const)).then(Object.fromEntries);

  test('the province (the owner): every control, shown', async () => {
    const { page, errors } = await sidebarAs(DEMO_OWNER);
    for (const selector of [
      ...PROVINCE_ONLY.filter((s) => !s.endsWith('Panel')),
      '#btnCheck',
      '#calendar',
      '#reload',
    ]) {
      expect({ selector, visible: await page.locator(selector).isVisible() }).toEqual({ selector, visible: true });
    }
    expect(await page.locator('.district.mine').count()).toBe(0);
    expect(await page.locator('#roleNotice').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a district officer: the data check, the calendar and the standing with their district marked; nothing of the province', async () => {
    const { page, errors } = await sidebarAs(OFFICER);
    expect(await counts(page, PROVINCE_ONLY)).toEqual(Object.fromEntries(PROVINCE_ONLY.map((s) => [s, 0])));
    for (const selector of ['#btnCheck', '#calendar', '#reload']) {
      expect({ selector, visible: await page.locator(selector).isVisible() }).toEqual({ selector, visible: true });
    }
    expect(await page.locator('#who').textContent()).toContain(`เจ้าหน้าที่อำเภอ${OFFICER_DISTRICT}`);
    const mine = page.locator('.district.mine');
    expect(await mine.count()).toBe(1);
    expect(await mine.locator('.name').textContent()).toBe(OFFICER_DISTRICT);
    await page.screenshot({ path: artifact('sidebar-district.png'), fullPage: true });
    expect(await page.locator('#btnCheck').isEnabled()).toBe(true);
    expect(await page.locator('#reload').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an editor named nowhere: only the standing and a Thai notice saying whom to ask; no buttons', async () => {
    const { page, errors } = await sidebarAs(STRANGER);
    expect(await page.locator('button').count()).toBe(0);
    expect(await page.locator('select').count()).toBe(0);
    expect(await page.locator('#calendar').count()).toBe(0);
    expect(await page.locator('#checkResult').count()).toBe(0);
    const notice = page.locator('#roleNotice');
    expect(await notice.isVisible()).toBe(true);
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(STRANGER);
    expect(text).toContain('“ตั้งค่า”');
    expect(text).toContain('เจ้าหน้าที่ระดับจังหวัด');
    expect(await page.locator('.district').count()).toBe(9);
    expect(await page.locator('.district.mine').count()).toBe(0);
    await page.screenshot({ path: artifact('sidebar-unknown.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a caller whose address Google hides: the same view, told to use an account named in the settings', async () => {
    const { page, errors } = await sidebarAs('');
    expect(await page.locator('button').count()).toBe(0);
    expect(await page.locator('select').count()).toBe(0);
    const text = (await page.locator('#roleNotice').textContent()) ?? '';
    expect(text).toContain('ไม่เปิดเผยอีเมล');
    expect(text).toContain('“ตั้งค่า”');
    expect(await page.locator('.district').count()).toBe(9);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the view follows the role: an officer named a province editor gets the province controls on reload', async () => {
    const { page, errors, server } = await sidebarAs(OFFICER);
    expect(await page.locator('#btnSetUp').count()).toBe(0);
    nameInSettings(server.runtime, LABEL.provinceEditors, OFFICER);
    await page.locator('#reload').click();
    await page.locator('#btnSetUp').waitFor();
    await page.locator('body[aria-busy="false"]').waitFor();
    expect(await counts(page, PROVINCE_ONLY)).toEqual(Object.fromEntries(PROVINCE_ONLY.map((s) => [s, 1])));
    expect(await page.locator('#sendPanel').isHidden()).toBe(true);
    expect(await page.locator('#btnSetUp').isEnabled()).toBe(true);
    expect(await page.locator('.district.mine').count()).toBe(0);
    expect(await page.locator('#who').textContent()).toContain('ผู้ดูแลระดับจังหวัด');
    expect(errors).toEqual([]);
    await page.close();
  });
});
