/**
 * The sidebar in the local preview (dev/preview), driven in Debian's Chromium: the real
 * dist/Sidebar.html, its google.script.run calls running the real dist/Code.js against the
 * in-memory workbook, and the workbook view beside it.
 */
import type { Frame, Page } from 'playwright-core';
import { CRITERIA_2565 } from '../../src/kernel/criteria';
import { setUp, typeRows } from '../../dev/preview/demo';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import type { PreviewRuntime } from '../../dev/preview/runtime';
import { artifact, describeWithBrowser, launchBrowser, rgb, ROOT, sharedBrowser } from './support/browser';

jest.setTimeout(60_000);

/** Level name → its band, FY 2565 (what the server's band rules paint). */
const BANDS = new Map([...CRITERIA_2565.levels, CRITERIA_2565.below].map((l) => [l.name, l.band]));

interface Opened {
  page: Page;
  sidebar: Frame;
  /** messages of every alert/confirm/prompt any frame opened */
  dialogs: string[];
  /** uncaught errors of the page and the sidebar */
  errors: string[];
}

describeWithBrowser('the sidebar in the local preview', () => {
  const shared = sharedBrowser(launchBrowser);
  const { servers } = shared;

  async function preview(seed?: (runtime: PreviewRuntime) => void): Promise<PreviewServer> {
    const server = await startPreview({ root: ROOT, port: 0, seed });
    servers.push(server);
    return server;
  }

  /** Opens the preview page and waits until the sidebar has shown the state. */
  async function open(server: PreviewServer): Promise<Opened> {
    const page = await shared.browser.context.newPage();
    page.setDefaultTimeout(10_000);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    // the first sidebarState has been shown once the sidebar is no longer busy
    await page.frameLocator('#sidebar').locator('body[aria-busy="false"]').waitFor();
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
    if (!frame) throw new Error('no sidebar frame');
    return { page, sidebar: frame, dialogs, errors };
  }

  const idle = (o: Opened) => o.sidebar.locator('body[aria-busy="false"]').waitFor();

  /** Display text and computed colours of every cell of a sheet in the workbook view. */
  async function cellsOf(page: Page, sheet: string) {
    const table = page.locator(`table.grid[data-sheet="${sheet}"]`);
    await table.waitFor();
    return table.locator('td').evaluateAll((tds: any[]) =>
      tds.map((td) => {
        const style = (globalThis as any).getComputedStyle(td);
        return {
          cell: td.dataset.cell as string,
          text: td.textContent as string,
          background: style.backgroundColor as string,
          color: style.color as string,
        };
      }),
    );
  }

  describe('with the demo workbook', () => {
    let server: PreviewServer;
    let opened: Opened;

    beforeAll(async () => {
      server = await preview();
      opened = await open(server);
    });

    test('shows each district in its level band, the province total and the calendar', async () => {
      const cards = opened.sidebar.locator('.district');
      expect(await cards.count()).toBe(9);
      const chips = await opened.sidebar.locator('.district .chip').evaluateAll((els: any[]) =>
        els.map((e) => ({
          text: e.textContent as string,
          background: (globalThis as any).getComputedStyle(e).backgroundColor as string,
        })),
      );
      const levels = chips.map((c) => c.text.replace(/^\d+ · /, ''));
      expect(new Set(levels).size).toBeGreaterThanOrEqual(5); // the demo spreads over the levels
      chips.forEach((chip, i) => {
        expect(chip.background).toBe(rgb(BANDS.get(levels[i])!.background));
      });
      await opened.sidebar.getByText('รวมทั้งจังหวัด').waitFor();
      await opened.sidebar.locator('#calendar .round').nth(2).waitFor();
      expect(await opened.sidebar.locator('#calendar').textContent()).toContain('วันนี้');
      expect(await opened.sidebar.locator('.district').first().textContent()).toMatch(/ระดับถัดไป|ถึงระดับสูงสุด/);
      // worst first: the scores never fall down the list; each card has its trend beside its level
      const scores = chips.map((c) => Number(/^(\d+) · /.exec(c.text)?.[1] ?? -1));
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(await opened.sidebar.locator('.district .top svg.spark polyline').count()).toBe(9);
      await opened.sidebar.locator('#standing').screenshot({ path: artifact('sidebar-standing.png') });
    });

    test('the dashboard sheet shows its three charts in the preview', async () => {
      const { page } = opened;
      await page.locator('#tabs button[data-sheet="แดชบอร์ด"]').click();
      const charts = page.locator('#sheet svg.chart');
      await charts.nth(2).waitFor();
      expect(await charts.evaluateAll((els: any[]) => els.map((e) => e.dataset.type))).toEqual([
        'COLUMN',
        'COLUMN',
        'LINE',
      ]);
      expect(await charts.nth(0).locator('rect').count()).toBeGreaterThan(9); // bars of districts that have a figure
      expect(await charts.nth(2).locator('polyline').count()).toBe(10); // nine districts and the 100 % line
      await page.locator('#sheet').screenshot({ path: artifact('dashboard.png') });
      for (let i = 0; i < 3; i++) await charts.nth(i).screenshot({ path: artifact(`dashboard-chart-${i + 1}.png`) });
    });

    test('the board sheet shows its columns as wide as set (issue 24: not one three times as wide)', async () => {
      const { page } = opened;
      await page.locator('#tabs button[data-sheet="สถานะการส่งรายงาน"]').click();
      const heads = page.locator('table.grid[data-sheet="สถานะการส่งรายงาน"] thead th:not(.rowno)');
      await heads.first().waitFor();
      const widths = await heads.evaluateAll((ths: any[]) =>
        ths.map((th) => Math.round(th.getBoundingClientRect().width)),
      );
      const duties = widths.slice(1, 16); // the twelve months and three rounds
      expect(Math.max(...duties) - Math.min(...duties)).toBeLessThanOrEqual(2);
      await page.locator('#sheet').screenshot({ path: artifact('board-sheet.png') });
    });

    test('makes the round-1 summary: the new sheet shows in the workbook view in the band colours', async () => {
      const { page, sidebar } = opened;
      await sidebar.locator('#roundSelect').selectOption('1');
      await sidebar.locator('#btnRound').click();
      await sidebar.locator('#status.ok').waitFor();
      await idle(opened);
      const tab = page.locator('#tabs button[data-sheet^="สรุปผล รอบที่ 1"]');
      await tab.waitFor();
      const sheet = (await tab.getAttribute('data-sheet'))!;
      await tab.click();
      const cells = await cellsOf(page, sheet);
      const levelCells = cells.filter((c) => BANDS.has(c.text));
      expect(levelCells.length).toBeGreaterThanOrEqual(9);
      for (const c of levelCells) {
        const band = BANDS.get(c.text)!;
        expect({ cell: c.cell, background: c.background, color: c.color }).toEqual({
          cell: c.cell,
          background: rgb(band.background),
          color: rgb(band.text),
        });
      }
      // the calendar now says round 1's summary was made, and it can be sent
      expect(await sidebar.locator('#calendar .round').first().textContent()).toContain(sheet);
      expect(await sidebar.locator('#reportSelect option').allTextContents()).toContain(sheet);
      expect(opened.errors).toEqual([]);
    });

    test('sends a report to the province after a confirmation showing recipient, subject and content', async () => {
      const { page, sidebar } = opened;
      const sheet = await sidebar.locator('#reportSelect').inputValue();
      expect(sheet).toMatch(/^สรุปผล รอบที่ 1/); // made by the test above
      await sidebar.locator('#btnPreview').click();
      await sidebar.locator('#sendPanel:not([hidden])').waitFor();
      await idle(opened);
      expect(await sidebar.locator('#sendTo').textContent()).toContain('@');
      expect(await sidebar.locator('#sendSubject').textContent()).toContain(sheet);
      await page.frameLocator('#sidebar').frameLocator('#sendBody').getByText('เมืองหนองคาย').first().waitFor();
      expect(server.runtime.book.sentMails).toHaveLength(0); // nothing sent before the confirmation
      await sidebar.locator('#btnSend').click();
      await sidebar.locator('#status.ok').waitFor();
      await idle(opened);
      expect(await sidebar.locator('#sendPanel').isHidden()).toBe(true);
      expect(server.runtime.book.sentMails).toHaveLength(1);
      await page.locator('#tabs button[data-sheet^="\u2709"]').click();
      await page.locator('.mail', { hasText: sheet }).waitFor();
    });

    test('"copy for LINE" shows the LINE text and puts it on the clipboard', async () => {
      const { page, sidebar } = opened;
      await shared.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: server.url.replace(/\/$/, ''),
      });
      await sidebar.locator('#btnLine').click();
      await sidebar.locator('#linePanel:not([hidden])').waitFor();
      await sidebar.locator('#status', { hasText: 'คัดลอก' }).waitFor();
      const text = await sidebar.locator('#lineText').inputValue();
      expect(text).toContain('เมืองหนองคาย');
      expect(await sidebar.locator('#status').textContent()).toContain('คัดลอกข้อความแล้ว');
      expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(text);
    });

    test('google.script.run in the page follows the Apps Script rules', async () => {
      const result = await opened.sidebar.evaluate(async () => {
        const g = globalThis as any;
        const run = g.google.script.run;
        const thrown = (f: () => void) => {
          try {
            f();
            return '';
          } catch (e) {
            return (e as Error).message;
          }
        };
        const call = (fn: string, ...args: unknown[]) =>
          new Promise((resolve) =>
            run
              .withSuccessHandler((value: unknown, user: unknown) => resolve({ ok: true, value, user }))
              .withFailureHandler((error: any, user: unknown) =>
                resolve({ ok: false, isError: error instanceof Error, message: error.message, user }),
              )
              .withUserObject({ tag: fn })
              [fn](...args),
          );
        const out: Record<string, unknown> = {
          privateHidden: typeof run.presentArgs_ === 'undefined' && typeof run.otop_ === 'undefined',
          servicesHidden: typeof run.SpreadsheetApp === 'undefined',
          publicThere: typeof run.sidebarState === 'function' && typeof run.OTOP_TARGET === 'function',
          chainingIsNew: run.withSuccessHandler(() => 0) !== run,
          dateArg: thrown(() => run.OTOP_TARGET(new Date())),
          nestedDateArg: thrown(() => run.OTOP_TARGET({ when: [1, new Date()] })),
          circularArg: thrown(() => {
            const a: any = {};
            a.self = a;
            run.OTOP_TARGET(a);
          }),
          failure: await call('sidebarMakeRoundSummary', 7),
          success: await call('OTOP_TARGET', 241),
        };
        const before = g.__gasPreview.calls;
        out.fifteen = await Promise.all(Array.from({ length: 15 }, (_, i) => call('OTOP_TARGET', 100 * (i + 1))));
        out.sent = g.__gasPreview.calls - before;
        out.maxInFlight = g.__gasPreview.maxInFlight;
        return out;
      });
      expect(result).toMatchObject({
        privateHidden: true,
        servicesHidden: true,
        publicThere: true,
        chainingIsNew: true,
        dateArg: 'Failed due to illegal value in property: 0',
        nestedDateArg: 'Failed due to illegal value in property: 1',
        circularArg: 'Failed due to circular reference.',
        failure: { ok: false, isError: true, user: { tag: 'sidebarMakeRoundSummary' } },
        success: { ok: true, value: 12, user: { tag: 'OTOP_TARGET' } },
        sent: 15,
        maxInFlight: 10,
      });
      expect((result.failure as { message: string }).message).toMatch(/[\u0E00-\u0E7F]/); // the server's Thai message
      expect((result.fifteen as { value: number }[]).map((r) => r.value)).toEqual([
        5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75,
      ]);
    });

    test('keeps a screenshot of the sidebar (test-artifacts/)', async () => {
      const page = await shared.browser.context.newPage();
      page.setDefaultTimeout(10_000);
      await page.setViewportSize({ width: 300, height: 900 });
      await page.goto(`${server.url}sidebar`);
      await page.locator('.district').nth(8).waitFor();
      await page.locator('body[aria-busy="false"]').waitFor();
      await page.screenshot({ path: artifact('sidebar.png'), fullPage: true });
      await opened.page.screenshot({ path: artifact('preview.png') });
      // nothing is wider than the sidebar
      const overflow = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(300);
      await page.close();
    });
  });

  test('a new workbook: the sidebar asks for set-up, and set-up builds the district table', async () => {
    const server = await preview(() => undefined);
    const opened = await open(server);
    await opened.sidebar.locator('#setupNotice:not([hidden])').waitFor();
    await opened.sidebar.locator('#btnSetUp').click();
    await opened.sidebar.locator('#status.ok').waitFor();
    await idle(opened);
    expect(await opened.sidebar.locator('.district').count()).toBe(9);
    expect(await opened.sidebar.locator('#setupNotice').isHidden()).toBe(true);
    await opened.page.locator('#tabs button[data-sheet="อำเภอ"]').waitFor();
    expect(opened.errors).toEqual([]);
  });

  test('the data check lists a known bad row, and its link selects the cell in the workbook', async () => {
    const server = await preview((runtime) => {
      setUp(runtime);
      typeRows(runtime, 'กิจกรรม ท่าบ่อ', [
        ['31/04/2565', 'ท่าบ่อ', 'ตลาดนัดชุมชน', 'ลานวัด', 'กลุ่มผู้ผลิต', 'ไม่ใช้', 5, 1000, 'https://example.com/x', ''],
      ]);
    });
    const opened = await open(server);
    await opened.sidebar.locator('#btnCheck').click();
    const item = opened.sidebar.locator('#problems li', { hasText: 'กิจกรรม ท่าบ่อ A2' });
    await item.waitFor();
    expect(await item.textContent()).toContain('31/04/2565');
    await idle(opened);
    await item.locator('button.link').click();
    await opened.page.locator('table.grid[data-sheet="กิจกรรม ท่าบ่อ"] td.sel[data-cell="A2"]').waitFor();
    expect(await opened.page.locator('#tabs button[aria-selected="true"]').getAttribute('data-sheet')).toBe(
      'กิจกรรม ท่าบ่อ',
    );
    expect(opened.errors).toEqual([]);
  });

  describe('when a call fails', () => {
    let opened: Opened;
    beforeAll(async () => {
      opened = await open(await preview());
    });
    afterEach(() => opened.page.unrouteAll());

    test("the server's message is shown as it is, whatever its language", async () => {
      // An error Apps Script raises outside the add-on's code reaches the failure handler as is.
      const message = 'Exception: Service Spreadsheets timed out while accessing document with id 1x.';
      await opened.page.route('**/gas/run', (route) =>
        route.fulfill({ json: { ok: false, error: { name: 'Error', message } } }),
      );
      await opened.sidebar.locator('#btnCheck').click();
      await opened.sidebar.locator('#status.error').waitFor();
      expect(await opened.sidebar.locator('#status').textContent()).toBe(`ทำไม่สำเร็จ — ${message}`);
      await idle(opened);
      expect(opened.errors).toEqual([]);
    });

    test('a network failure of google.script.run gets its own Thai text', async () => {
      await opened.page.route('**/gas/run', (route) => route.abort('internetdisconnected'));
      await opened.sidebar.locator('#reload').click();
      await opened.sidebar.locator('#status.error').waitFor();
      const text = (await opened.sidebar.locator('#status').textContent()) ?? '';
      expect(text).toMatch(/^โหลดข้อมูลไม่สำเร็จ — ติดต่อ Google ไม่ได้/);
      expect(text).toContain('(NetworkError: Connection failure due to HTTP 0)');
      await idle(opened);
      // the standing already shown stays
      expect(await opened.sidebar.locator('.district').count()).toBe(9);
    });
  });

  test('names with <script> and <img onerror> are shown as text and never run', async () => {
    const DISTRICT = '<img src=x onerror=alert("district")>';
    const OPERATOR = '<script>alert("operator")</script>';
    const CHANNEL = '<img src=x onerror=alert("channel")>';
    const server = await preview((runtime) => {
      setUp(runtime);
      // a renamed district in the district table, shown in the standing
      runtime.book.spreadsheet.getSheetByName('อำเภอ')!.getRange(10, 2).setValue(DISTRICT); // โพธิ์ตาก's row
      typeRows(runtime, 'ออนไลน์ สังคม', [
        ['15/01/2565', 'สังคม', 'NK-X-1', OPERATOR, 'ผ้าทอ', 'Facebook', 'https://example.com/p', 1000, ''],
        ['16/01/2565', 'สังคม', 'NK-X-2', 'กลุ่มทดสอบ', 'ผ้าทอ', CHANNEL, '', '', ''],
      ]);
      typeRows(runtime, 'กิจกรรม สังคม', [
        ['10/01/2565', 'สังคม', OPERATOR, 'ลานวัด', 'พช.อำเภอ', 'ไม่ใช้', 5, 1000, 'https://example.com/e', ''],
      ]);
    });
    const opened = await open(server);
    const { page, sidebar } = opened;
    await sidebar.getByText(DISTRICT, { exact: true }).waitFor(); // a standing card's name

    await sidebar.locator('#btnCheck').click();
    await sidebar.locator('#problems li', { hasText: CHANNEL }).waitFor();
    await idle(opened);

    await sidebar.locator('#roundSelect').selectOption('1');
    await sidebar.locator('#btnRound').click();
    await sidebar.locator('#status.ok').waitFor();
    await idle(opened);
    await sidebar.locator('#btnPreview').click();
    await sidebar.locator('#sendPanel:not([hidden])').waitFor();
    await idle(opened);
    const mail = page.frameLocator('#sidebar').frameLocator('#sendBody');
    await mail.getByText(DISTRICT).first().waitFor(); // the server escaped it: text in the e-mail
    await sidebar.locator('#btnLine').click();
    await sidebar.locator('#linePanel:not([hidden])').waitFor();
    await idle(opened);

    // the workbook view shows the same text literally
    const tab = page.locator('#tabs button[data-sheet^="สรุปผล รอบที่ 1"]');
    await tab.click();
    await page.locator('table.grid td', { hasText: OPERATOR }).first().waitFor();

    expect(opened.dialogs).toEqual([]);
    expect(await sidebar.locator('img').count()).toBe(0);
    expect(await page.locator('#sheet img, #sheet script').count()).toBe(0);
    expect(await sidebar.locator('body').textContent()).toContain(DISTRICT);
    expect(opened.errors).toEqual([]);
  });
});
