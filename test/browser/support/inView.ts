/**
 * Seeing as the officer sees (issue 24): the preview page in Chromium at a window size, its
 * calls run as a user, and where an element of the sidebar is — inside the sidebar frame's
 * scrolled view and that frame inside the window — by bounding boxes, not by the text being
 * somewhere in the page; and whether a box is drawn (the pixels of its screenshot not blank).
 */
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { seedDemoWithOfficer } from '../../../dev/preview/demo';
import { type PreviewServer, startPreview } from '../../../dev/preview/server';
import { ROOT } from './browser';

/** The window sizes: a phone (touch), a laptop, a desktop. */
export const SIZES = [
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'laptop', width: 1280, height: 720, touch: false },
  { name: 'desktop', width: 1440, height: 900, touch: false },
] as const;
export type Size = (typeof SIZES)[number];

/** Where an element is, seen by the officer: its box in the window, and the parts of it in view. */
export interface Seen {
  readonly selector: string;
  readonly top: number;
  readonly bottom: number;
  /** its top is inside the sidebar frame's view and the window */
  readonly topInView: boolean;
  /** all of it is inside both */
  readonly wholeInView: boolean;
}

/**
 * The preview page at a size, its calls run as `user` (Tha Bo's officer named), once the
 * sidebar shows the state.
 * @param browser Chromium
 * @param servers the servers started, closed by the caller
 * @param size the window
 * @param user the caller's e-mail ('' hidden)
 */
export async function openPreview(
  browser: Browser,
  servers: PreviewServer[],
  size: Size,
  user: string,
): Promise<{ page: Page; frame: Frame; errors: string[] }> {
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

/**
 * The sidebar is idle again (an action and its state refresh have ended).
 * @param frame the sidebar
 */
export const idle = (frame: Frame) => frame.locator('body[aria-busy="false"]').waitFor();

/**
 * Where an element is as the officer sees it: inside the sidebar frame's scrolled view, and
 * that frame inside the window.
 * @param page the page
 * @param frame the sidebar
 * @param selector the element (its first match)
 */
export async function seen(page: Page, frame: Frame, selector: string): Promise<Seen> {
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

/**
 * Expects an element wholly in view (a message, a question).
 * @param page the page
 * @param frame the sidebar
 * @param selector the element
 */
export async function expectInView(page: Page, frame: Frame, selector: string): Promise<void> {
  const where = await seen(page, frame, selector);
  expect({ ...where, wholeInView: where.wholeInView }).toEqual({ ...where, wholeInView: true });
}

/**
 * Expects the top of an element in view (a panel taller than the view).
 * @param page the page
 * @param frame the sidebar
 * @param selector the element
 */
export async function expectTopInView(page: Page, frame: Frame, selector: string): Promise<void> {
  const where = await seen(page, frame, selector);
  expect({ ...where, topInView: where.topInView }).toEqual({ ...where, topInView: true });
}

/**
 * Clicks a control as the officer does: scrolled to it first (Playwright scrolls it into view).
 * @param frame the sidebar
 * @param selector the control (its first match)
 */
export const press = async (frame: Frame, selector: string) => {
  await frame.locator(selector).first().click();
};

/**
 * Expects every button and select in view of the touch screen at least 40 px tall.
 * @param frame the sidebar
 */
export async function expectTouchTargets(frame: Frame): Promise<void> {
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

/**
 * The share of pixels of an element's screenshot that differ from its most common colour: 0
 * for a box drawn in one colour (a blank e-mail body), more for text and lines.
 * @param page the page (its canvas decodes the PNG)
 * @param locator the element
 * @param path where to keep the screenshot
 */
export async function inkShare(page: Page, locator: Locator, path?: string): Promise<number> {
  const png = await locator.screenshot(path ? { path } : {});
  return inkOf_(page, png);
}

/** What the officer sees of an element without scrolling: its box cut to the view, and its ink. */
export interface Drawn {
  readonly selector: string;
  /** the height in px of the part inside the window and the sidebar's view, above the answer bar */
  readonly visibleHeight: number;
  /** the share of that part's pixels that differ from its most common colour */
  readonly ink: number;
}

/**
 * What is drawn of an element where it is, not scrolled to: a screenshot of the window clipped
 * to the element's box inside the sidebar frame's view, the window, and above the sticky answer
 * bar (which covers what is under it), and the share of its pixels that are not blank.
 * @param page the page
 * @param frame the sidebar
 * @param selector the element
 * @param path where to keep the screenshot
 */
export async function drawnInView(page: Page, frame: Frame, selector: string, path: string): Promise<Drawn> {
  const rect = (e: any) => {
    const r = e.getBoundingClientRect();
    return { top: r.top as number, bottom: r.bottom as number, left: r.left as number, right: r.right as number };
  };
  const inner = await frame.locator(selector).first().evaluate(rect);
  const answers = await frame.locator('#answers').evaluate((e: any) => {
    const r = e.getBoundingClientRect();
    return e.hidden || r.height === 0 ? null : (r.top as number);
  });
  const viewHeight = await frame.evaluate(() => (globalThis as any).innerHeight as number);
  const box = await page.locator('#sidebar').evaluate(rect);
  const windowSize = page.viewportSize() ?? { width: 0, height: 0 };
  const top = Math.max(box.top + inner.top, box.top, 0);
  const bottom = Math.min(
    box.top + inner.bottom,
    box.bottom,
    box.top + viewHeight,
    windowSize.height,
    answers === null ? Number.POSITIVE_INFINITY : box.top + answers,
  );
  const left = Math.max(box.left + inner.left, box.left, 0);
  const right = Math.min(box.left + inner.right, box.right, windowSize.width);
  const visibleHeight = Math.max(0, Math.floor(bottom - top));
  if (visibleHeight < 2 || right - left < 2) return { selector, visibleHeight, ink: 0 };
  const png = await page.screenshot({
    path,
    clip: { x: left, y: top, width: Math.floor(right - left), height: visibleHeight },
  });
  const ink = await inkOf_(page, png);
  return { selector, visibleHeight, ink: Math.round(ink * 1000) / 1000 };
}

/**
 * The share of a PNG's pixels that differ from its most common colour (decoded by the page).
 * @param page a page to decode it in
 * @param png the image
 */
function inkOf_(page: Page, png: Buffer): Promise<number> {
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
