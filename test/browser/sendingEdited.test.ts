/**
 * Issue 26, "reports kept as records", seen in the sidebar: a report sheet changed by hand after
 * it was made is sent as it was made (from its sealed record), and the e-mail review says that
 * the sheet differs from what will be sent (delivery.ts EDITED_KEPT, shown after the review's own
 * line in the status of the answer bar, sticky at the bottom of the sidebar's view). In Debian's
 * Chromium, the preview page with the built bundle, as the province editor, at 1280×720 (the
 * sidebar's 300 px beside the workbook) and at a phone's 390×844 (touch; the same page, as
 * answersInView.test.ts opens it; the mobile page /app has no report sending): a round summary
 * is made, a figure typed over on its sheet as an officer types, the e-mail reviewed. The
 * sentence "the sheet differs" is inside the answer bar's, the sidebar frame's and the window's
 * view the moment the review opens, and still when the send button is scrolled to (it never
 * has to be scrolled past), drawn (its own glyph boxes not clipped, visible, ink in its
 * screenshot, contrast at least 4.5:1); the send button asks before sending; the mail sent has
 * the figure made, not the edit. An unedited report shows no such sentence and is sent without
 * a question. Screenshots in test-artifacts/.
 */
import type { Frame, Page } from 'playwright-core';
import { DEMO_PROVINCE_EDITOR } from '../../dev/preview/demo';
import { TEXT } from '../../src/sidebar/texts';
import { artifact, describeWithBrowser, launchHeadless, sharedBrowser } from './support/browser';
import {
  expectInView,
  expectTopInView,
  openPreview,
  pngInk,
  press,
  shown,
  type Size,
  SIZES,
  typeIntoCell,
} from './support/inView';

jest.setTimeout(180_000);

/** What the review says of a sheet changed by hand whose record holds (delivery.ts EDITED_KEPT). */
const EDITED_KEPT =
  'ชีตรายงานนี้ถูกแก้ไขหลังจัดทำ (ไม่ตรงกับรหัสตรวจสอบที่บันทึกไว้ตอนจัดทำ) ชีตจึงต่างจากสิ่งที่จะส่ง: อีเมลและ PDF จะเป็นไปตามรายงานที่ส่วนเสริมจัดทำและบันทึกไว้ ไม่ใช่ตามชีตที่แก้ไข หากข้อมูลต้องแก้ ให้แก้ข้อมูลในชีตของอำเภอแล้วจัดทำรายงานใหม่';
/** The words every edited sheet's warning has: the sheet differs from what will be sent. */
const DIFFERS = 'ต่างจากสิ่งที่จะส่ง';
/** The round summary made, and the district whose figure is typed over. */
const SHEET = 'สรุปผล รอบที่ 1';
const DISTRICT = 'ท่าบ่อ';
/** The column typed over: the activities counted. */
const FIGURE = 'กิจกรรม';
/** The figure typed over it by hand (no such figure anywhere in the made report). */
const TYPED = '777';

/** The sidebar at a laptop's window and at a phone's. */
const SIZES_USED = SIZES.filter((s) => s.name === 'laptop' || s.name === 'phone');

/** Where a sentence of the status is drawn, and what of it the officer can see. */
interface SentenceSeen {
  /** its glyphs' union box in the window (px, rounded) */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** how many line boxes it takes */
  readonly lines: number;
  /** every line box inside what clips it (the answer bar, any overflow), the sidebar frame's view and the window */
  readonly inView: boolean;
  /** the status and its ancestors are displayed, visible, not transparent */
  readonly shownByCss: boolean;
  /** the status's text colour against its background */
  readonly contrast: number;
}

/**
 * Where the sentence starting with `start` (to the status's end) is, by its own glyph boxes
 * (Range.getClientRects, one per line), against every box that clips it: the status and its
 * ancestors whose overflow is not visible (the answer bar: max-height, its own scroll), the
 * sidebar frame's view, the frame element in the window, the window; its styles; its contrast.
 * @param frame the sidebar
 * @param start the sentence's first words
 */
async function sentenceSeen_(frame: Frame, start: string): Promise<SentenceSeen> {
  const read = await frame.evaluate((first: string) => {
    const g = globalThis as any;
    const status = g.document.getElementById('status');
    const node = status?.firstChild;
    const at = node ? String(node.textContent).indexOf(first) : -1;
    if (!node || at < 0) return null;
    const range = g.document.createRange();
    range.setStart(node, at);
    range.setEnd(node, String(node.textContent).length);
    const rects = Array.from(range.getClientRects() as ArrayLike<any>)
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right }));
    // what clips it: the status and each ancestor that does not let overflow show (the answer bar)
    const clip = { top: -1e9, bottom: 1e9, left: -1e9, right: 1e9 };
    for (let e = status; e && e !== g.document.documentElement; e = e.parentElement) {
      const s = g.getComputedStyle(e);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const r = e.getBoundingClientRect();
      clip.top = Math.max(clip.top, r.top);
      clip.bottom = Math.min(clip.bottom, r.bottom);
      clip.left = Math.max(clip.left, r.left);
      clip.right = Math.min(clip.right, r.right);
    }
    const f = g.frameElement.getBoundingClientRect();
    let shown = true;
    for (let e = status; e; e = e.parentElement) {
      const s = g.getComputedStyle(e);
      if (s.display === 'none' || s.visibility !== 'visible' || Number(s.opacity) < 1) shown = false;
    }
    let back = 'rgba(0, 0, 0, 0)';
    for (let e = status; e && /rgba\(.*, 0\)$/.test(back); e = e.parentElement) {
      back = g.getComputedStyle(e).backgroundColor;
    }
    return {
      rects,
      clip,
      view: { width: g.innerWidth as number, height: g.innerHeight as number },
      frame: { top: f.top, bottom: f.bottom, left: f.left, right: f.right },
      window: { width: g.parent.innerWidth as number, height: g.parent.innerHeight as number },
      shown,
      color: g.getComputedStyle(status).color as string,
      back: /rgba\(.*, 0\)$/.test(back) ? 'rgb(255, 255, 255)' : back,
    };
  }, start);
  if (!read || read.rects.length === 0) throw new Error(`"${start}" is not drawn in the status`);
  const inside = (r: { top: number; bottom: number; left: number; right: number }) =>
    r.top >= read.clip.top - 1 &&
    r.bottom <= read.clip.bottom + 1 &&
    r.left >= read.clip.left - 1 &&
    r.right <= read.clip.right + 1 &&
    r.top >= -1 &&
    r.bottom <= read.view.height + 1 &&
    r.left >= -1 &&
    r.right <= read.view.width + 1 &&
    read.frame.top + r.top >= -1 &&
    read.frame.top + r.bottom <= Math.min(read.frame.bottom, read.window.height) + 1 &&
    read.frame.left + r.left >= -1 &&
    read.frame.left + r.right <= Math.min(read.frame.right, read.window.width) + 1;
  const top = Math.min(...read.rects.map((r) => r.top));
  const bottom = Math.max(...read.rects.map((r) => r.bottom));
  const left = Math.min(...read.rects.map((r) => r.left));
  const right = Math.max(...read.rects.map((r) => r.right));
  return {
    top: Math.round(read.frame.top + top),
    bottom: Math.round(read.frame.top + bottom),
    left: Math.round(read.frame.left + left),
    right: Math.round(read.frame.left + right),
    lines: new Set(read.rects.map((r) => Math.round(r.top))).size,
    inView: read.rects.every(inside),
    shownByCss: read.shown,
    contrast: Math.round(contrast_(read.color, read.back) * 10) / 10,
  };
}

/**
 * WCAG 2's contrast ratio of two rgb() colours.
 * @param a a colour as getComputedStyle gives it
 * @param b another
 */
function contrast_(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, b2] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b2);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The share of pixels of a window's part that differ from its most common colour (its
 * screenshot decoded in the page), kept at `path`.
 * @param page the page
 * @param box the part, in the window
 * @param path where to keep it
 */
async function inkOf_(
  page: Page,
  box: { top: number; bottom: number; left: number; right: number },
  path: string,
): Promise<number> {
  const png = await page.screenshot({
    path,
    clip: { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top },
  });
  return Math.round((await pngInk(page, png)) * 1000) / 1000;
}

/**
 * The cells of the first table row of an HTML text whose second cell is the district (the
 * summary's table: number, district, then the figures), as text.
 * @param html an e-mail's or its PDF's HTML
 */
function districtRow_(html: string): string[] {
  for (const row of html.split(/<tr[^>]*>/).slice(1)) {
    const cells = [...row.split('</tr>')[0].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
      m[1].replace(/<[^>]+>/g, '').trim(),
    );
    if (cells[1] === DISTRICT) return cells;
  }
  throw new Error(`no row of ${DISTRICT} in the HTML`);
}

describeWithBrowser('a report sheet edited by hand: the review says it differs, in view (issue 26)', () => {
  const shared = sharedBrowser(launchHeadless);
  const { servers } = shared;

  /**
   * The preview as the province editor with round 1's summary made from the sidebar; the
   * district's row of the summary as made, and the A1 address of its figure.
   */
  async function madeSummary(size: Size) {
    const opened = await openPreview(shared.browser, servers, size, DEMO_PROVINCE_EDITOR);
    const { frame } = opened;
    const server = servers[servers.length - 1];
    await frame.locator('#roundSelect').selectOption('1');
    await press(frame, '#btnRound');
    await shown(frame, '#status.ok');
    expect(await frame.locator('#status').textContent()).toBe(`สร้างชีต "${SHEET}" เรียบร้อย`);
    const rows = server.runtime.book.spreadsheet.getSheetByName(SHEET)!.getDataRange().getDisplayValues();
    const header = rows.findIndex((r) => r[1] === 'อำเภอ');
    const at = rows.findIndex((r) => r[1] === DISTRICT);
    const column = rows[header].indexOf(FIGURE);
    expect([header >= 0, at > header, column]).toEqual([true, true, 7]);
    const cell = `${String.fromCharCode(65 + column)}${at + 1}`;
    return { ...opened, server, made: rows[at], column, cell };
  }

  /**
   * Types into a cell of the workbook beside the sidebar, as the preview's user: in its formula
   * bar; on the phone (where the workbook's pane is a sliver beside the 300 px sidebar, its
   * cells under the tabs) the same request the formula bar sends. The outcome as the page says it.
   */
  async function typeInto(page: Page, size: Size, sheet: string, cell: string, text: string): Promise<string> {
    if (size.touch) {
      const out = (await page.evaluate(
        async (body) =>
          (
            await fetch('/api/edit', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            })
          ).json(),
        { sheet, cell, text },
      )) as { ok: boolean; message?: string };
      return out.ok ? `บันทึก ${sheet}!${cell} แล้ว` : `แก้ไข ${sheet}!${cell} ไม่ได้: ${out.message}`;
    }
    return typeIntoCell(page, sheet, cell, text);
  }

  /**
   * Opens the e-mail review of the summary; its answer shown, in the look given: a success, or
   * (the sheet differs) a warning.
   */
  async function review(frame: Frame, look: 'ok' | 'info'): Promise<void> {
    await frame.locator('#reportSelect').selectOption(SHEET);
    await press(frame, '#btnPreview');
    await shown(frame, '#sendPanel:not([hidden])');
    await shown(frame, `#status.${look}`);
  }

  for (const size of SIZES_USED) {
    test(`${size.name} ${size.width}×${size.height}: a figure typed over on the summary — "the sheet differs" in view before the send button, asked before sending, the made figure sent`, async () => {
      const { page, frame, errors, server, made, column, cell } = await madeSummary(size);
      expect(made[column]).not.toBe(TYPED);

      // typed over by hand, as the province editor types into the sheet
      expect(await typeInto(page, size, SHEET, cell, TYPED)).toContain('บันทึก');
      const sheet = server.runtime.book.spreadsheet.getSheetByName(SHEET)!;
      expect(sheet.getRange(cell).getDisplayValue()).toBe(TYPED);

      // the review: the sentence that the sheet differs, in view at once, drawn as a warning
      await review(frame, 'info');
      expect(await frame.locator('#status').textContent()).toBe(`${TEXT.reviewMail} ${EDITED_KEPT}`);
      await expectTopInView(page, frame, '#sendPanel');
      await expectInView(page, frame, '#status');
      const opened = await sentenceSeen_(frame, EDITED_KEPT);
      expect({
        ...opened,
        inView: opened.inView,
        shownByCss: opened.shownByCss,
        readable: opened.contrast >= 4.5,
      }).toEqual({ ...opened, inView: true, shownByCss: true, readable: true });
      const ink = await inkOf_(page, opened, artifact(`edited-${size.name}-differs.png`));
      expect({ ink, drawn: ink > 0.05 }).toEqual({ ink, drawn: true });
      await page.screenshot({ path: artifact(`edited-${size.name}-review.png`) });
      // the e-mail shown in the review has the figure made, not the one typed
      const mail = page.frameLocator('#sidebar').frameLocator('#sendBody');
      const shownRow = await mail
        .locator('tr')
        .filter({ has: mail.getByText(DISTRICT, { exact: true }) })
        .first()
        .locator('td')
        .allTextContents();
      expect(shownRow.slice(0, column + 1)).toEqual(made.slice(0, column + 1));

      // scrolled to the send button: the button is there to press (nothing over it), and the
      // sentence is still in view above it (the answer bar stays at the bottom of the view)
      await frame.locator('#btnSend').scrollIntoViewIfNeeded();
      const onTop = await frame.evaluate(() => {
        const g = globalThis as any;
        const b = g.document.getElementById('btnSend').getBoundingClientRect();
        const hit = g.document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return hit?.id ?? String(hit?.tagName);
      });
      expect(onTop).toBe('btnSend');
      await expectInView(page, frame, '#btnSend');
      const atButton = await sentenceSeen_(frame, EDITED_KEPT);
      expect({ ...atButton, inView: atButton.inView }).toEqual({ ...atButton, inView: true });
      await page.screenshot({ path: artifact(`edited-${size.name}-at-send.png`) });

      // the send button asks first, in the sending's words; nothing is sent until yes
      const before = server.runtime.book.sentMails.length;
      await press(frame, '#btnSend');
      await shown(frame, '#confirm:not([hidden])');
      await expectInView(page, frame, '#confirm');
      expect(await frame.locator('#confirm p').textContent()).toBe(`${EDITED_KEPT} ต้องการส่งหรือไม่`);
      expect(await frame.locator('#btnConfirmYes').textContent()).toBe(TEXT.sendAnyway);
      await expectInView(page, frame, '#btnConfirmYes');
      expect(server.runtime.book.sentMails.length).toBe(before);
      await page.screenshot({ path: artifact(`edited-${size.name}-asked.png`) });
      await press(frame, '#btnConfirmYes');
      await frame.locator('body[aria-busy="false"] #status.ok', { hasText: 'เรียบร้อย' }).waitFor();
      await expectInView(page, frame, '#status');

      // one mail: the summary as made (its HTML and its PDF), not the sheet as typed over
      const mails = server.runtime.book.sentMails.slice(before);
      expect(mails.map((m) => [m.to, m.subject])).toEqual([
        [[expect.stringContaining('@')], expect.stringContaining(SHEET)],
      ]);
      const mailRow = districtRow_(mails[0].htmlBody);
      expect(mailRow.slice(0, column + 1)).toEqual(made.slice(0, column + 1));
      expect(mailRow[column]).not.toBe(TYPED);
      const pdf = Buffer.from(mails[0].files[0].bytes).toString('utf8');
      expect(districtRow_(pdf).slice(0, column + 1)).toEqual(made.slice(0, column + 1));
      // the sheet still shows what was typed: only the sending follows the record
      expect(sheet.getRange(cell).getDisplayValue()).toBe(TYPED);
      expect(await frame.locator('#status').textContent()).toMatch(new RegExp(`^ส่ง "${SHEET}" ถึง \\S+@\\S+ เรียบร้อย$`));
      expect(errors).toEqual([]);
      await page.context().close();
    });

    test(`${size.name} ${size.width}×${size.height}: the summary as made — no "differs" sentence drawn, sent without a question`, async () => {
      const { page, frame, errors, server, made, column } = await madeSummary(size);
      await review(frame, 'ok');
      expect(await frame.locator('#status').textContent()).toBe(TEXT.reviewMail);
      await expectInView(page, frame, '#status');
      // nothing of the sidebar's text, shown or hidden, says it differs
      expect(await frame.locator('body').textContent()).not.toContain(DIFFERS);
      await page.screenshot({ path: artifact(`unedited-${size.name}-review.png`) });
      const before = server.runtime.book.sentMails.length;
      await press(frame, '#btnSend');
      await frame.locator('body[aria-busy="false"] #status.ok', { hasText: 'เรียบร้อย' }).waitFor();
      expect(await frame.locator('#confirm').isHidden()).toBe(true);
      const mails = server.runtime.book.sentMails.slice(before);
      expect(mails).toHaveLength(1);
      expect(districtRow_(mails[0].htmlBody).slice(0, column + 1)).toEqual(made.slice(0, column + 1));
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
