/**
 * An officer named for two districts (acting for a vacant one), in the local preview in
 * Debian's Chromium (demo today: 18 Apr 2565): the sidebar lets them choose the district, shows
 * that district's duties and submits for it.
 */
import { DEMO_OFFICER, seedDemo, setUp } from '../../dev/preview/demo';
import { type PreviewServer, startPreview } from '../../dev/preview/server';
import { describeWithBrowser, launchBrowser, ROOT, type TestBrowser } from './support/browser';

jest.setTimeout(60_000);

describeWithBrowser('an officer named for two districts', () => {
  let browser: TestBrowser;
  let server: PreviewServer | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  test('chooses the district, sees its duties and submits for it', async () => {
    server = await startPreview({
      root: ROOT,
      port: 0,
      user: DEMO_OFFICER,
      seed: (runtime) => {
        seedDemo(runtime);
        const settings = runtime.book.spreadsheet.getSheetByName('ตั้งค่า')!;
        const rows = settings.getDataRange().getValues();
        for (const district of ['ท่าบ่อ', 'สังคม']) {
          const row = rows.findIndex((r) => r[0] === `ผู้แก้ไข อ.${district} (อีเมล)`);
          settings.getRange(row + 1, 2).setValue(DEMO_OFFICER);
        }
        setUp(runtime);
      },
    });
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 300, height: 1200 });
    await page.goto(`${server.url}sidebar`);
    await page.locator('#ownDistrict').waitFor();
    await page.locator('body[aria-busy="false"]').waitFor();
    expect(await page.locator('#who').textContent()).toContain('เจ้าหน้าที่อำเภอท่าบ่อ และ สังคม');
    expect(await page.locator('#ownDistrict option').allTextContents()).toEqual(['อ.ท่าบ่อ', 'อ.สังคม']);
    await page.locator('#ownDistrict').selectOption('สังคม');
    await page.locator('#btnSubmit-month-2022-03').click();
    await page.locator('#submitPanel:not([hidden])').waitFor();
    await page.locator('body[aria-busy="false"]').waitFor();
    expect(await page.locator('#submitPreview').textContent()).toContain('รายงานประจำเดือน มีนาคม 2565 · อ.สังคม');
    await page.locator('#submitConfirm').check();
    await page.locator('#btnSubmitDuty').click();
    await page.locator('#status.ok').waitFor();
    expect(await page.locator('#status').textContent()).toContain('ส่งรายงานประจำเดือน มีนาคม 2565 ของ อ.สังคม');
    expect(errors).toEqual([]);
    await page.close();
  });
});
