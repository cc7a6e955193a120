/**
 * The official reports' PDFs: the HTML the add-on converts (taken from the e-mails the bundle
 * sent against the stand-in, whose Blob.getAs keeps the source HTML), printed to PDF by Debian's
 * Chromium with Sarabun embedded (dev/preview/reportFonts.ts), its pages rendered to PNG with
 * pdftoppm into test-artifacts/reports/. Checks: the page count (pdfinfo, and one PNG per page),
 * no text cut at a cell, page or page-width edge (element and text boxes against their cells and
 * the printable area, in the print layout), Thai text shaped in Sarabun (the font Chromium used
 * for each Thai node, and the fonts embedded in the PDF), and that the widths' estimate
 * (textWidth.ts) never falls short of Chromium's own layout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FAKE_PDF_MARKER } from '../../dev/fakes';
import { withSarabun } from '../../dev/preview/reportFonts';
import { LABEL } from '../../src/kernel/settings';
import { textWidthPx } from '../../src/features/reports/sheets/textWidth';
import { activityRows, onlineRows, typeRows } from '../support/entries';
import { newHarness } from '../support/workbook';
import { artifact, describeWithBrowser, launchBrowser, type TestBrowser } from './support/browser';

jest.setTimeout(120_000);

const MM_PX = 96 / 25.4;
/** The page's @page margins (reportHtml.ts: 14 mm top and bottom, 12 mm left and right). */
const PRINTABLE = {
  portrait: { width: Math.floor((210 - 24) * MM_PX), height: Math.floor((297 - 28) * MM_PX) },
  landscape: { width: Math.floor((297 - 24) * MM_PX), height: Math.floor((210 - 28) * MM_PX) },
};

/** The HTML pages the add-on attached to its e-mails, by report. */
function sentPages(): Record<string, string> {
  const h = newHarness({ editors: ['tha@district.example'] });
  h.gas.sidebarSetUp();
  const ss = h.run.spreadsheet;
  const settings = ss.getSheetByName('ตั้งค่า')!;
  const rowOf = (label: string) =>
    settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === label) + 1;
  settings.getRange(rowOf(LABEL.reporterName), 2).setValue('นางสาวสมใจ ใจดี');
  settings.getRange(rowOf(LABEL.reporterPosition), 2).setValue('นักวิชาการพัฒนาชุมชนชำนาญการ');
  settings.getRange(rowOf(LABEL.reporterPhone), 2).setValue("'0 4241 1182");
  typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '25/03/2565'));
  typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 4, 2, '๒๕ มี.ค. ๖๕'));
  h.gas.sidebarMakeRoundSummary(1);
  h.gas.sidebarSend('สรุปผล รอบที่ 1');
  // A long month: 30 activities and 24 operators over three districts, for pages that break.
  for (const d of ['ท่าบ่อ', 'สังคม', 'โพนพิสัย']) {
    typeRows(ss, `กิจกรรม ${d}`, activityRows(d, 10, '10/03/2565'));
    typeRows(ss, `ออนไลน์ ${d}`, onlineRows(d, 8, 3, '12/03/2565'));
  }
  const month = h.gas.sidebarMakeMonthlyReport('2022-03', true);
  h.gas.sidebarSend(month.sheet, true);
  // the self-check's sample, e-mailed to whoever runs it by the same route (issue 24)
  h.gas.runDiagnostics();
  const pages: Record<string, string> = {};
  for (const mail of h.book.sentMails) {
    const file = mail.files[0];
    const text = Buffer.from(file.bytes).toString('utf8');
    if (!text.startsWith(FAKE_PDF_MARKER)) throw new Error('not the stand-in PDF');
    pages[file.name.replace(/\.pdf$/, '')] = text.slice(text.indexOf('\n') + 1);
  }
  return pages;
}

/**
 * The words of a PDF (pdftotext -bbox) that reach outside its pages' printable area (the page
 * less the @page margins: 14 mm top and bottom, 12 mm left and right), with their page.
 * @param file the PDF
 */
function wordsOutside(file: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const pt = 72 / 25.4;
  const out: string[] = [];
  let page = 0;
  for (const pageXml of xml.split('<page ').slice(1)) {
    page++;
    const [, width, height] = /^width="([\d.]+)" height="([\d.]+)"/.exec(pageXml)?.map(Number) ?? [];
    const area = { left: 12 * pt - 1, right: width - 12 * pt + 1, top: 14 * pt - 1, bottom: height - 14 * pt + 1 };
    for (const m of pageXml.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      const [x0, y0, x1, y1] = m.slice(1, 5).map(Number);
      if (x0 < area.left || x1 > area.right || y0 < area.top || y1 > area.bottom) out.push(`page ${page}: ${m[5]}`);
    }
  }
  return out;
}

/** What one printed report measured. */
interface Printed {
  pages: number;
  pngs: string[];
  bytes: number;
  fonts: string;
}

describeWithBrowser('official reports printed to PDF', () => {
  let browser: TestBrowser;
  const dir = artifact('reports');
  const pages: Record<string, string> = sentPages();

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The page's orientation, from its @page rule. */
  const orientationOf = (html: string) => (/size: A4 landscape/.test(html) ? 'landscape' : 'portrait');

  /** Loads a report as Chromium prints it: the printable width, print media, fonts loaded. */
  async function load(html: string): Promise<Page> {
    const page = await browser.context.newPage();
    const area = PRINTABLE[orientationOf(html)];
    await page.setViewportSize({ width: area.width, height: area.height });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(withSarabun(html), { waitUntil: 'load' });
    await page.evaluate(() => (globalThis as any).document.fonts.ready.then(() => undefined));
    return page;
  }

  /** Prints a report, renders its pages, and measures them. */
  async function print(name: string, html: string): Promise<Printed> {
    const page = await load(html);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.close();
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    writeFileSync(join(dir, `${name}.html`), html);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    execFileSync('pdftoppm', ['-r', '70', '-png', file, join(dir, name)]);
    const pngs = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
    return {
      pages: count,
      pngs,
      bytes: statSync(file).size,
      fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    };
  }

  test.each(Object.keys(pages))('%s: A4 pages, one PNG each, Sarabun embedded', async (name) => {
    const printed = await print(name, pages[name]);
    const size = execFileSync('pdfinfo', [join(dir, `${name}.pdf`)], { encoding: 'utf8' });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(size) ?? [];
    const a4 = orientationOf(pages[name]) === 'portrait' ? [595, 842] : [842, 595];
    expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual(a4);
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pngs).toHaveLength(printed.pages);
    expect(printed.fonts).toMatch(/Sarabun/);
    // Every word the PDF holds lies inside its page's printable area: a line pushed to the next
    // page leaves no piece of itself (a mark above, a descender) at the bottom of the one before.
    expect(wordsOutside(join(dir, `${name}.pdf`))).toEqual([]);
    console.log(`${name}: ${printed.pages} page(s), ${printed.bytes} bytes, ${orientationOf(pages[name])}`);
  });

  test('the long month breaks into more pages than the round summary', () => {
    const count = (name: string) =>
      Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [join(dir, `${name}.pdf`)], { encoding: 'utf8' }))?.[1]);
    expect(count('รายงานประจำเดือน มีนาคม 2565')).toBeGreaterThan(count('สรุปผล รอบที่ 1'));
  });

  test.each(Object.keys(pages))('%s: ที่ is printed, never empty (issue 24, finding 9)', (name) => {
    // the printed page's text, read back from the PDF: the memo line "ที่ … วันที่ …"
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', join(dir, `${name}.pdf`), '-'], {
      encoding: 'utf8',
    });
    const line = text.split('\n').find((l) => /^\s*ที่\s/.test(l)) ?? '';
    const reference = /^\s*ที่\s+(.*?)\s+วันที่\s/.exec(line)?.[1] ?? '';
    // the settings' prefix without its running number, or (the district) the dotted line alone
    expect(reference).toBe(name.startsWith('รายงานของอำเภอ') ? '........' : 'นค 0019.3/........');
  });

  test.each(Object.keys(pages))('%s: no text cut at a cell or page edge', async (name) => {
    const page = await load(pages[name]);
    const area = PRINTABLE[orientationOf(pages[name])];
    const problems = await page.evaluate((pageHeight) => {
      const document = (globalThis as any).document;
      const out: string[] = [];
      const width = document.documentElement.clientWidth;
      for (const el of Array.from(document.querySelectorAll('td, th, h1, h2, p, .sign div, .footer') as any[])) {
        const box = el.getBoundingClientRect();
        if (el.scrollWidth > el.clientWidth + 1) out.push(`overflows its box: ${el.textContent}`);
        if (box.right > width + 0.5 || box.left < -0.5) out.push(`outside the page width: ${el.textContent}`);
        const range = document.createRange();
        range.selectNodeContents(el);
        for (const r of Array.from(range.getClientRects()) as any[]) {
          if (r.width === 0) continue;
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`text past its cell: ${el.textContent}`);
        }
      }
      // A row taller than a page would be cut whatever break-inside says.
      for (const tr of Array.from(document.querySelectorAll('tr')) as any[]) {
        if (tr.getBoundingClientRect().height > pageHeight) out.push(`row taller than a page: ${tr.textContent}`);
      }
      return out;
    }, area.height);
    await page.close();
    expect(problems).toEqual([]);
  });

  test.each(Object.keys(pages))('%s: Thai text is shaped in Sarabun, never a fallback or boxes', async (name) => {
    const page = await load(pages[name]);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'td, th, h1, p' });
    const families = new Map<string, number>();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const f of fonts) families.set(f.familyName, (families.get(f.familyName) ?? 0) + f.glyphCount);
    }
    // Thai glyphs and their marks: a missing glyph would show as a box (.notdef) of the same font.
    const shaped = await page.evaluate(() => {
      const document = (globalThis as any).document;
      const canvas = document.createElement('canvas').getContext('2d');
      canvas.font = '16px Sarabun';
      const thai = canvas.measureText('กขค').width;
      const tofu = canvas.measureText('\u{E000}\u{E001}\u{E002}').width;
      return { thai, tofu, loaded: document.fonts.check('16px Sarabun', 'ก่ำ') };
    });
    await page.close();
    expect([...families.keys()].sort()).toEqual(['Sarabun']);
    expect(shaped.loaded).toBe(true);
    expect(shaped.thai).not.toBeCloseTo(shaped.tofu, 1);
  });

  test.each(Object.keys(pages))('%s: no header breaks a word (issue 24: not "ผู้ประกอบ/การ", "ร้อย/ละ")', async (name) => {
    const page = await load(pages[name]);
    // The headers' words read as one (ICU's dictionary splits some of them, e.g. ผู้/ประกอบ/การ,
    // so the browser's own word breaks cannot be the judge)
    const units = ['ผู้ประกอบการ', 'ร้อยละ', 'กิจกรรม', 'ช่องทาง', 'รายใหม่', 'คะแนน', 'ระดับ', 'อำเภอ', 'เป้าหมาย', 'ทั้งหมด'];
    const broken = await page.evaluate((list: string[]) => {
      const g = globalThis as any;
      const out: string[] = [];
      for (const th of Array.from(g.document.querySelectorAll('th')) as any[]) {
        // every character of the header with its text node (spans or not)
        const chars: { node: any; offset: number }[] = [];
        const walker = g.document.createTreeWalker(th, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let k = 0; k < node.textContent.length; k++) chars.push({ node, offset: k });
        }
        const text = th.textContent as string;
        const inside = new Set<number>();
        for (const unit of list) {
          for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + 1)) {
            for (let i = at + 1; i < at + unit.length; i++) inside.add(i);
          }
        }
        let lastTop: number | null = null;
        for (let i = 0; i < text.length; i++) {
          const range = g.document.createRange();
          range.setStart(chars[i].node, chars[i].offset);
          range.setEnd(chars[i].node, chars[i].offset + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          // a new line begins at i: never inside one of the words
          if (lastTop !== null && rect.top > lastTop + 2 && inside.has(i))
            out.push(`${text.slice(0, i)}/${text.slice(i)}`);
          lastTop = rect.top;
        }
      }
      return out;
    }, units);
    await page.close();
    expect(broken).toEqual([]);
  });

  test('the widths’ estimate never falls short of Chromium’s Sarabun', async () => {
    const page = await load(pages['สรุปผล รอบที่ 1']);
    const texts = ['บันทึกข้อความ', 'ผู้ประกอบการรายใหม่', 'รวมทั้งจังหวัด', 'จึงเรียนมาเพื่อโปรดทราบ', 'Facebook, Shopee 0012'];
    const measured = await page.evaluate((list) => {
      const document = (globalThis as any).document;
      const canvas = document.createElement('canvas').getContext('2d');
      return list.map((t) => {
        canvas.font = '100px Sarabun';
        const regular = canvas.measureText(t).width;
        canvas.font = 'bold 100px Sarabun';
        return [regular, canvas.measureText(t).width];
      });
    }, texts);
    await page.close();
    texts.forEach((t, i) => {
      // 100 px = 75 pt
      expect(textWidthPx(t, 75)).toBeGreaterThanOrEqual(measured[i][0] - 0.5);
      expect(textWidthPx(t, 75, true)).toBeGreaterThanOrEqual(measured[i][1] - 0.5);
    });
  });
});
