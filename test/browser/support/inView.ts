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
  /** its text (textContent), read with its box */
  readonly text: string;
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
 * An action's answer is shown and the sidebar is idle again: `selector` visible inside the idle
 * body, waited for in one locator (not the answer, then idleness, one after the other).
 * @param frame the sidebar
 * @param selector the answer (its first match)
 */
export const shown = (frame: Frame, selector: string) =>
  frame.locator(`body[aria-busy="false"] ${selector}`).first().waitFor();

/** An element's box and its sidebar frame's, read in the frame in one round trip. */
interface Boxes_ {
  /** the element's box in the frame's view */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** the frame's view height (its innerHeight) */
  readonly viewHeight: number;
  /** the frame element's box in the window */
  readonly frameTop: number;
  readonly frameBottom: number;
  readonly frameLeft: number;
  readonly frameRight: number;
  /** the window's innerHeight */
  readonly windowHeight: number;
  /** the top of the answer bar in the frame's view, null when it is hidden or empty */
  readonly answersTop: number | null;
  readonly text: string;
}

/**
 * The boxes of the first match of `selector` in the sidebar and of the sidebar frame in the
 * window, read in one evaluate (the frame is the page's own origin, so its frameElement and
 * parent are reachable); waits for the element to be attached if it is not yet.
 * @param frame the sidebar
 * @param selector the element
 */
async function boxes_(frame: Frame, selector: string): Promise<Boxes_> {
  const read = () =>
    frame.evaluate((sel: string) => {
      const g = globalThis as any;
      const e = g.document.querySelector(sel);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      const f = g.frameElement.getBoundingClientRect();
      const answers = g.document.getElementById('answers');
      const a = answers?.getBoundingClientRect();
      return {
        top: r.top as number,
        bottom: r.bottom as number,
        left: r.left as number,
        right: r.right as number,
        viewHeight: g.innerHeight as number,
        frameTop: f.top as number,
        frameBottom: f.bottom as number,
        frameLeft: f.left as number,
        frameRight: f.right as number,
        windowHeight: g.parent.innerHeight as number,
        answersTop: !answers || answers.hidden || a.height === 0 ? null : (a.top as number),
        text: (e.textContent ?? '') as string,
      };
    }, selector);
  const first = await read();
  if (first) return first;
  await frame.locator(selector).first().waitFor({ state: 'attached' });
  const again = await read();
  if (!again) throw new Error(`${selector} is not in the sidebar`);
  return again;
}

/**
 * Where an element is as the officer sees it: inside the sidebar frame's scrolled view, and
 * that frame inside the window. One round trip to the browser (the element's and the frame's
 * boxes read together).
 * @param page the page
 * @param frame the sidebar
 * @param selector the element (its first match)
 */
export async function seen(_page: Page, frame: Frame, selector: string): Promise<Seen> {
  const b = await boxes_(frame, selector);
  const top = b.frameTop + b.top;
  const bottom = b.frameTop + b.bottom;
  const visibleTop = Math.max(0, b.frameTop);
  const visibleBottom = Math.min(b.windowHeight, b.frameBottom, b.frameTop + b.viewHeight);
  return {
    selector,
    top: Math.round(top),
    bottom: Math.round(bottom),
    topInView: top >= visibleTop - 1 && top + 16 <= visibleBottom + 1,
    wholeInView: top >= visibleTop - 1 && bottom <= visibleBottom + 1,
    text: b.text,
  };
}

/**
 * Expects an element wholly in view (a message, a question).
 * @param page the page
 * @param frame the sidebar
 * @param selector the element
 * @return where it is, and its text
 */
export async function expectInView(page: Page, frame: Frame, selector: string): Promise<Seen> {
  const where = await seen(page, frame, selector);
  expect({ ...where, wholeInView: where.wholeInView }).toEqual({ ...where, wholeInView: true });
  return where;
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
 * No control of the sidebar navigates, so the click does not wait for navigations afterwards
 * (each test waits for the answer it expects).
 * @param frame the sidebar
 * @param selector the control (its first match)
 */
export const press = async (frame: Frame, selector: string) => {
  await frame.locator(selector).first().click({ noWaitAfter: true });
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
  return pngInk(page, png);
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
  const b = await boxes_(frame, selector);
  const inner = { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
  const answers = b.answersTop;
  const viewHeight = b.viewHeight;
  const box = { top: b.frameTop, bottom: b.frameBottom, left: b.frameLeft, right: b.frameRight };
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
  const ink = await pngInk(page, png);
  return { selector, visibleHeight, ink: Math.round(ink * 1000) / 1000 };
}

/**
 * The share of a PNG's pixels that differ from its most common colour (decoded by the page).
 * @param page a page to decode it in
 * @param png the image
 */
export function pngInk(page: Page, png: Buffer): Promise<number> {
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

/**
 * Types into a cell of the workbook beside the sidebar, as the preview's user: the sheet's tab,
 * the cell, the formula bar, Enter. The notice that follows.
 * @param page the preview page
 * @param sheet the sheet's name
 * @param cell its A1 address
 * @param text what is typed
 */
export async function typeIntoCell(page: Page, sheet: string, cell: string, text: string): Promise<string> {
  await page.locator(`#tabs button[data-sheet="${sheet}"]`).click();
  await page.locator(`table.grid[data-sheet="${sheet}"] td[data-cell="${cell}"]`).click();
  await page.locator('#cellRef', { hasText: `${sheet}!${cell}` }).waitFor();
  await page.locator('#cellInput').fill(text);
  await page.locator('#cellInput').press('Enter');
  const notice = page.locator('#notice', { hasText: cell });
  await notice.waitFor();
  return (await notice.textContent()) ?? '';
}
