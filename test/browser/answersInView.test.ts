/**
 * Issue 24: every answer, question and error appears where the officer is looking. In Debian's
 * Chromium, the preview page at a phone's 390×844 (a touch screen), 1280×720 and 1440×900, as
 * the province, a district officer, an editor named nowhere and an account whose e-mail Google
 * hides: after each action the result or the question is inside the visible part of the sidebar
 * — its box inside the sidebar frame's view and inside the window — measured by bounding boxes,
 * not by the text being somewhere in the page. The e-mail review is drawn: the pixels of its
 * box's screenshot are not blank. Screenshots are kept in test-artifacts/.
 */
import { type Browser, chromium, type Frame, type Locator, type Page } from 'playwright-core';
import { DEMO_OFFICER, DEMO_OWNER, seedDemoWithOfficer } from '../../dev/preview/demo';
import { type PreviewServer, startPreview } from '../../dev/preview/server';
import { artifact, CHROMIUM, describeWithBrowser, ROOT } from './support/browser';

jest.setTimeout(120_000);

/** The window sizes: a phone (touch), a laptop, a desktop. */
const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'laptop', width: 1280, height: 720, touch: false },
  { name: 'desktop', width: 1440, height: 900, touch: false },
] as const;
type Size = (typeof SIZES)[number];

/** Where an element is, seen by the officer: its box in the window, and the parts of it in view. */
interface Seen {
  readonly selector: string;
  readonly top: number;
  readonly bottom: number;
  /** its top is inside the sidebar frame's view and the window */
  readonly topInView: boolean;
  /** all of it is inside both */
  readonly wholeInView: boolean;
}

describeWithBrowser('answers appear where the officer is looking (issue 24)', () => {
  let browser: Browser;
  const servers: PreviewServer[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await browser?.close();
  });

  /** The preview page at a size, its calls run as `user`, once the sidebar shows the state. */
  async function open(size: Size, user: string): Promise<{ page: Page; frame: Frame; errors: string[] }> {
    const server = await startPreview({ root: ROOT, port: 0, user, seed: seedDemoWithOfficer('ท่าบ่อ') });
    servers.push(server);
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      hasTouch: size.touch,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.frameLocator('#sidebar').locator('body[aria-busy="false"]').waitFor();
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
    if (!frame) throw new Error('no sidebar frame');
    await frame.locator('.district').nth(8).waitFor();
    return { page, frame, errors };
  }

  /** The sidebar is idle again (an action and its state refresh have ended). */
  const idle = (frame: Frame) => frame.locator('body[aria-busy="false"]').waitFor();

  /**
   * Where an element is as the officer sees it: inside the sidebar frame's scrolled view, and
   * that frame inside the window.
   */
  async function seen(page: Page, frame: Frame, selector: string): Promise<Seen> {
    const inFrame = await frame
      .locator(selector)
      .first()
      .evaluate((e: any) => {
        const r = e.getBoundingClientRect();
        return { top: r.top as number, bottom: r.bottom as number, height: (globalThis as any).innerHeight as number };
      });
    const box = await page.locator('#sidebar').evaluate((e: any) => {
      const r = e.getBoundingClientRect();
      return { top: r.top as number, bottom: r.bottom as number, height: (globalThis as any).innerHeight as number };
    });
    const top = box.top + inFrame.top;
    const bottom = box.top + inFrame.bottom;
    const visibleTop = Math.max(0, box.top);
    const visibleBottom = Math.min(box.height, box.bottom, box.top + inFrame.height);
    return {
      selector,
      top: Math.round(top),
      bottom: Math.round(bottom),
      topInView: top >= visibleTop - 1 && top + 16 <= visibleBottom + 1,
      wholeInView: top >= visibleTop - 1 && bottom <= visibleBottom + 1,
    };
  }

  /** Expects an element wholly in view (a message, a question). */
  async function expectInView(page: Page, frame: Frame, selector: string): Promise<void> {
    const where = await seen(page, frame, selector);
    expect({ ...where, wholeInView: where.wholeInView }).toEqual({ ...where, wholeInView: true });
  }

  /** Expects the top of an element in view (a panel taller than the view). */
  async function expectTopInView(page: Page, frame: Frame, selector: string): Promise<void> {
    const where = await seen(page, frame, selector);
    expect({ ...where, topInView: where.topInView }).toEqual({ ...where, topInView: true });
  }

  /** Clicks a control as the officer does: scrolled to it first (Playwright scrolls it into view). */
  const press = async (frame: Frame, selector: string) => {
    await frame.locator(selector).first().click();
  };

  /** Expects every button and select in view of the touch screen at least 40 px tall. */
  async function expectTouchTargets(frame: Frame): Promise<void> {
    const small = await frame.locator('button:visible, select:visible, summary:visible').evaluateAll((els: any[]) =>
      els
        .map((e) => ({
          id: e.id || e.textContent.slice(0, 20),
          height: Math.round(e.getBoundingClientRect().height),
        }))
        .filter((x) => x.height < 40),
    );
    expect(small).toEqual([]);
  }

  /** The share of pixels of a PNG's box that differ from its most common colour. */
  async function inkShare(page: Page, locator: Locator): Promise<number> {
    const png = await locator.screenshot();
    return page.evaluate(async (data: string) => {
      const g = globalThis as any;
      const img = new g.Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = g.document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data as Uint8ClampedArray;
      const counts = new Map<number, number>();
      for (let i = 0; i < px.length; i += 4) {
        const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const most = Math.max(...counts.values());
      const total = px.length / 4;
      return (total - most) / total;
    }, png.toString('base64'));
  }

  for (const size of SIZES) {
    test(`${size.name} ${size.width}×${size.height}: the province's answers and questions are in view`, async () => {
      const { page, frame, errors } = await open(size, DEMO_OWNER);
      if (size.touch) await expectTouchTargets(frame);
      // today's work comes first: the round summary's button is in the first screen
      await expectTopInView(page, frame, '#h-today');
      await expectTopInView(page, frame, '#btnRound');

      // a provisional monthly report: the question is in view, and "ยกเลิก" says nothing was done
      await frame.locator('#monthSelect').selectOption('2022-04');
      await press(frame, '#btnMonth');
      await frame.locator('#confirm:not([hidden])').waitFor();
      await idle(frame);
      await expectInView(page, frame, '#confirm');
      await expectInView(page, frame, '#status');
      expect(await frame.locator('#status').getAttribute('class')).toBe('info');
      await page.screenshot({ path: artifact(`answers-${size.name}-province-question.png`) });
      await press(frame, '#btnConfirmNo');
      expect(await frame.locator('#status').textContent()).toBe('ยกเลิกแล้ว ไม่มีการเปลี่ยนแปลงใด ๆ');
      await expectInView(page, frame, '#status');

      // round 1's summary: the result in view
      await frame.locator('#roundSelect').selectOption('1');
      await press(frame, '#btnRound');
      await frame.locator('#status.ok').waitFor();
      await idle(frame);
      await expectInView(page, frame, '#status');

      // the e-mail review: in view, and drawn
      await press(frame, '#btnPreview');
      await frame.locator('#sendPanel:not([hidden])').waitFor();
      await idle(frame);
      await expectTopInView(page, frame, '#sendPanel');
      await expectInView(page, frame, '#status');
      const body = page.frameLocator('#sidebar').locator('#sendBody');
      await body.scrollIntoViewIfNeeded();
      await body.screenshot({ path: artifact(`answers-${size.name}-mail-body.png`) });
      expect(await inkShare(page, body)).toBeGreaterThan(0.02); // text, lines: not a blank box
      await page.screenshot({ path: artifact(`answers-${size.name}-province-review.png`) });

      // sending: the result in view
      await press(frame, '#btnSend');
      await frame.locator('#status.ok').waitFor();
      await idle(frame);
      await expectInView(page, frame, '#status');

      // a provisional April report, made, listed once as provisional, and asked about before
      // its first sending in the sending's own words (not "send again"); the question in view
      await frame.locator('#monthSelect').selectOption('2022-04');
      await press(frame, '#btnMonth');
      await frame.locator('#confirm:not([hidden])').waitFor();
      await idle(frame);
      await press(frame, '#btnConfirmYes');
      await frame.locator('#status.ok').waitFor();
      await idle(frame);
      const april = (await frame.locator('#reportSelect option').allTextContents()).find((t) => t.includes('เมษายน'));
      expect(april).toBe('รายงานประจำเดือน เมษายน 2565 (ชั่วคราว)');
      await press(frame, '#btnPreview');
      await frame.locator('#sendPanel:not([hidden])').waitFor();
      await idle(frame);
      await press(frame, '#btnSend');
      await frame.locator('#confirm:not([hidden])').waitFor();
      await idle(frame);
      await expectInView(page, frame, '#confirm');
      expect(await frame.locator('#btnConfirmYes').textContent()).toBe('ยืนยันส่ง');
      expect(await frame.locator('#confirm p').textContent()).toContain('ต้องการส่งหรือไม่');
      await press(frame, '#btnConfirmNo');
      await expectInView(page, frame, '#status');

      // the data check: its message in view, not in the success colour when it found problems
      await press(frame, '#btnCheck');
      await frame.locator('#checkResult li').first().waitFor();
      await idle(frame);
      await expectInView(page, frame, '#status');
      await expectTopInView(page, frame, '#checkResult');
      expect(await frame.locator('#status').getAttribute('class')).toBe('info');

      // the reminders' switch, far down: its result in view
      await press(frame, '#btnReminders');
      await frame.locator('#status.ok').waitFor();
      await idle(frame);
      await expectInView(page, frame, '#status');
      await page.screenshot({ path: artifact(`answers-${size.name}-province-reminders.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    });

    test(`${size.name} ${size.width}×${size.height}: a district officer's answers, questions and submitted duty are in view`, async () => {
      const { page, frame, errors } = await open(size, DEMO_OFFICER);
      if (size.touch) await expectTouchTargets(frame);
      // their own duties first
      await expectTopInView(page, frame, '#ownDuties');
      // the summaries are the province's: no warning about them
      expect(await frame.locator('#calendar').textContent()).not.toContain('ยังไม่ได้จัดทำสรุปผล');

      await press(frame, '#btnSubmit-month-2022-03');
      await frame.locator('#submitPanel:not([hidden])').waitFor();
      await idle(frame);
      await expectTopInView(page, frame, '#submitPanel');
      await expectInView(page, frame, '#status');
      await frame.locator('#submitConfirm').check();
      await press(frame, '#btnSubmitDuty');
      await frame.locator('#status.ok').waitFor();
      await idle(frame);
      await expectInView(page, frame, '#status');
      // the submitted duty stays in view, saying when and how late
      const done = '.doneList li[data-duty="month:2022-03"]';
      await frame.locator(done).waitFor();
      await expectTopInView(page, frame, done);
      expect(await frame.locator(`${done} .submitted`).textContent()).toMatch(/^ส่งแล้ว \(ช้า 13 วัน\) เมื่อ /);
      await page.screenshot({ path: artifact(`answers-${size.name}-district-submitted.png`) });

      // submitting again: the question in view; "ยกเลิก" leaves no "waiting" behind
      await press(frame, `${done} button`);
      await frame.locator('#submitPanel:not([hidden])').waitFor();
      await idle(frame);
      await frame.locator('#submitConfirm').check();
      await press(frame, '#btnSubmitDuty');
      await frame.locator('#confirm:not([hidden])').waitFor();
      await idle(frame);
      await expectInView(page, frame, '#confirm');
      await page.screenshot({ path: artifact(`answers-${size.name}-district-question.png`) });
      await press(frame, '#btnConfirmNo');
      expect(await frame.locator('#status').textContent()).not.toContain('รอการยืนยัน');
      await expectInView(page, frame, '#status');

      // the data check: in view, not in the success colour while problems are listed
      await press(frame, '#btnCheck');
      await frame.locator('#checkResult li').first().waitFor();
      await idle(frame);
      await expectInView(page, frame, '#status');
      expect(await frame.locator('#status').getAttribute('class')).toBe('info');
      expect(errors).toEqual([]);
      await page.context().close();
    });

    for (const [who, user] of [
      ['an editor named nowhere', 'outsider@example.com'],
      ['a hidden e-mail', ''],
    ] as const) {
      test(`${size.name} ${size.width}×${size.height}: ${who} sees why in the first screen`, async () => {
        const { page, frame, errors } = await open(size, user);
        await expectTopInView(page, frame, '#roleNotice');
        expect(await frame.locator('button').count()).toBe(0);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
