/**
 * The local preview as a place to try the add-on, in Debian's Chromium: typing into the
 * in-memory workbook's cells as officers type (the stand-in reads the text as Sheets reads
 * typing), switching between the owner, the province editor, each district's officer, an editor
 * named nowhere and an account whose e-mail Google hides, setting the day scripts see as today,
 * and running the OTOP menu as the bundle's own onOpen builds it.
 */
import type { Frame, Page } from 'playwright-core';
import { DEMO_OFFICERS, DEMO_OWNER, DEMO_PROVINCE_EDITOR } from '../../dev/preview/demo';
import { HIDDEN_USER, OUTSIDER } from '../../dev/preview/runtime';
import { startPreview, type PreviewServer } from '../../dev/preview/server';
import { artifact, describeWithBrowser, launchBrowser, ROOT, type TestBrowser } from './support/browser';
import { typeIntoCell } from './support/inView';

jest.setTimeout(90_000);

const THA_BO = DEMO_OFFICERS.ท่าบ่อ;

describeWithBrowser('trying the add-on in the preview', () => {
  let browser: TestBrowser;
  let server: PreviewServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPreview({ root: ROOT, port: 0 });
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto(server.url);
    await sidebarIdle();
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  const sidebar = (): Frame => {
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
    if (!frame) throw new Error('no sidebar frame');
    return frame;
  };
  async function sidebarIdle(): Promise<void> {
    await page.frameLocator('#sidebar').locator('body[aria-busy="false"]').waitFor();
  }

  /** Switches the user in the page's list; the sidebar reloads as that user. */
  async function asUser(email: string, hidden = false): Promise<void> {
    await page.locator('#user').selectOption(`${email}|${hidden ? 'hidden' : ''}`);
    await page.locator('#notice', { hasText: 'ผู้ใช้:' }).waitFor();
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('#sidebar').hidden);
    await sidebarIdle();
  }

  /** Types into a cell as the current user (select it, type, Enter); the notice that follows. */
  async function typeInto(sheet: string, cell: string, text: string): Promise<string> {
    return typeIntoCell(page, sheet, cell, text);
  }

  /** A cell's text in the workbook view. */
  const shown = (sheet: string, cell: string) =>
    page.locator(`table.grid[data-sheet="${sheet}"] td[data-cell="${cell}"]`).textContent();

  /** Tha Bo's activities in the district table (read from the in-memory workbook). */
  const thaBoActivities = () => {
    const rows = server.runtime.book.spreadsheet.getSheetByName('อำเภอ')!.getDataRange().getValues();
    const header = rows[0].map(String);
    return rows.find((r) => r[1] === 'ท่าบ่อ')![header.indexOf('กิจกรรม (ครั้ง)')];
  };

  test('the users to switch between: the owner, the province editor, each district’s officer, an outsider, a hidden address', async () => {
    const values = await page.locator('#user option').evaluateAll((os: any[]) => os.map((o) => o.value as string));
    expect(values).toEqual([
      `${DEMO_OWNER}|`,
      `${DEMO_PROVINCE_EDITOR}|`,
      ...Object.values(DEMO_OFFICERS).map((e) => `${e}|`),
      `${OUTSIDER}|`,
      `${HIDDEN_USER}|hidden`,
    ]);
    expect(await page.locator('#user').inputValue()).toBe(`${DEMO_OWNER}|`);
    const labels = await page.locator('#user option').allTextContents();
    expect(labels[4]).toContain('เจ้าหน้าที่ อ.ท่าบ่อ');
    expect(labels.at(-1)).toContain('อีเมลถูกซ่อน');
  });

  test('a district officer types a row into their own sheet, as Sheets reads typing, and the table counts it', async () => {
    await asUser(THA_BO);
    expect(await sidebar().locator('#who').textContent()).toContain('เจ้าหน้าที่อำเภอท่าบ่อ');
    expect(await sidebar().locator('.district.mine .name').textContent()).toBe('ท่าบ่อ');
    const before = thaBoActivities();
    const sheet = 'กิจกรรม ท่าบ่อ';
    const row = server.runtime.book.spreadsheet.getSheetByName(sheet)!.getLastRow() + 1;
    for (const [column, text] of [
      ['A', '25/03/2565'],
      ['B', 'ท่าบ่อ'],
      ['C', 'ตลาดนัดทดลองพิมพ์'],
      ['F', 'ไม่ใช้'],
      ['G', '๑๒'],
      ['H', '0012'],
      ['J', "'0012"],
    ]) {
      expect(await typeInto(sheet, `${column}${row}`, text)).toContain('บันทึก');
    }
    expect(await shown(sheet, `A${row}`)).toBe('25/03/2565'); // in the column's date format
    const typed = server.runtime.book.spreadsheet.getSheetByName(sheet)!.getRange(`A${row}:H${row}`).getValues()[0];
    expect(typed[0]).toBeInstanceOf(Date); // a date cell (year 2565 CE: the add-on reads it as BE)
    expect(await shown(sheet, `G${row}`)).toBe('12'); // Thai digits typed: a number
    expect(await shown(sheet, `H${row}`)).toBe('12.00'); // leading zeros typed: a number, in the column's format
    expect(await shown(sheet, `J${row}`)).toBe('0012'); // an apostrophe keeps text
    expect(thaBoActivities()).toBe(Number(before) + 1);
    // the formula bar shows what a cell holds: its formula in the district table
    await page.locator('#tabs button[data-sheet="อำเภอ"]').click();
    await page.locator('table.grid[data-sheet="อำเภอ"] td[data-cell="G2"]').click();
    await page.locator('#cellRef', { hasText: 'อำเภอ!G2' }).waitFor();
    expect(await page.locator('#cellInput').inputValue()).toMatch(/^=OTOP_DISTRICT\(/);
  });

  test('the officer may not type into another district’s sheet, nor the outsider into the province’s', async () => {
    await asUser(THA_BO);
    const other = `C${server.runtime.book.spreadsheet.getSheetByName('กิจกรรม สังคม')!.getLastRow() + 1}`;
    const refused = await typeInto('กิจกรรม สังคม', other, 'ไม่ใช่ของอำเภอฉัน');
    expect(refused).toContain('ไม่ได้: ');
    expect(await shown('กิจกรรม สังคม', other)).toBe('');
    await asUser(OUTSIDER);
    expect(await typeInto('ตั้งค่า', 'B2', '2566')).toContain('ไม่ได้: ');
    expect(await sidebar().locator('#roleNotice').textContent()).toContain(OUTSIDER);
    expect(await sidebar().locator('button').count()).toBe(0);
  });

  test('an account whose e-mail Google hides: told so in the sidebar; its rights still apply', async () => {
    await asUser(HIDDEN_USER, true);
    expect(await sidebar().locator('#roleNotice').textContent()).toContain('ไม่เปิดเผยอีเมล');
    const cell = `C${server.runtime.book.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!.getLastRow() + 2}`;
    expect(await typeInto('กิจกรรม ท่าบ่อ', cell, 'พิมพ์โดยบัญชีที่ซ่อนอีเมล')).toContain('ไม่ได้: ');
  });

  test('the clock: another today shows in the sidebar’s calendar; the real clock comes back', async () => {
    await asUser(DEMO_OWNER);
    expect(await sidebar().locator('#calendar').textContent()).toContain('วันนี้ 18 เมษายน 2565');
    await page.locator('#today').fill('2022-06-01');
    await page.locator('#notice', { hasText: 'วันนี้ของสคริปต์: 2022-06-01' }).waitFor();
    await sidebarIdle();
    await sidebar().locator('#calendar', { hasText: 'วันนี้ 1 มิถุนายน 2565' }).waitFor();
    expect(await page.locator('.banner').textContent()).toContain('2022-06-01');
    await page.locator('#realClock').click();
    await page.locator('#notice', { hasText: 'วันที่จริง' }).waitFor();
    await sidebarIdle();
    expect(await page.locator('.banner').textContent()).toContain('วันที่จริง');
    await page.locator('#today').fill('2022-04-18'); // back to the demo's day for the tests after
    await page.locator('#notice', { hasText: 'วันนี้ของสคริปต์: 2022-04-18' }).waitFor();
    await sidebarIdle();
  });

  test('the menu, as onOpen builds it: the owner runs the self-check; an officer is refused in Thai', async () => {
    await asUser(DEMO_OWNER);
    const items = await page.locator('#menu option').allTextContents();
    expect(items).toEqual(['ตั้งค่า / ซ่อมแซมสมุดงาน', 'ตรวจข้อมูล', 'เปิดแผงควบคุม', 'ตรวจสอบระบบ']);
    await page.locator('#menu').selectOption('runDiagnostics');
    await page.locator('#runMenu').click();
    await page.locator('#notice', { hasText: 'ตรวจสอบระบบ OTOP' }).waitFor();
    expect(await page.locator('#notice').textContent()).toContain('ผลตรวจสอบระบบ');
    await page.locator('#tabs button[data-sheet="ผลตรวจสอบระบบ"][aria-selected="true"]').waitFor();
    await page.locator('table.grid[data-sheet="ผลตรวจสอบระบบ"] td', { hasText: 'OTOP:number:42' }).first().waitFor();
    await page.screenshot({ path: artifact('preview-selfcheck.png') });
    await asUser(THA_BO);
    await page.locator('#menu').selectOption('runDiagnostics');
    await page.locator('#runMenu').click();
    const refused = page.locator('#notice.error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('การตรวจสอบระบบทำได้เฉพาะ');
  });

  test('a menu refusal names the item once (issue 24: not "ตรวจข้อมูล: การตรวจข้อมูล: …")', async () => {
    await asUser(HIDDEN_USER, true);
    await page.locator('#menu').selectOption('menuCheckData');
    await page.locator('#runMenu').click();
    const refused = page.locator('#notice.error');
    await refused.waitFor();
    const text = (await refused.textContent()) ?? '';
    expect(text).toContain('Google ไม่เปิดเผยอีเมลของบัญชีนี้');
    expect(text).not.toMatch(/ตรวจข้อมูล: การตรวจข้อมูล/);
    expect(text).toMatch(/^เมนู “ตรวจข้อมูล” ทำไม่สำเร็จ — /);
  });

  test('keeps a screenshot of the preview being edited (test-artifacts/)', async () => {
    await asUser(THA_BO);
    await page.locator('#tabs button[data-sheet="กิจกรรม ท่าบ่อ"]').click();
    const sheet = server.runtime.book.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!;
    const cell = `C${sheet.getLastRow()}`;
    await page.locator(`table.grid[data-sheet="กิจกรรม ท่าบ่อ"] td[data-cell="${cell}"]`).dblclick();
    await page.locator('#cellRef', { hasText: cell }).waitFor();
    await page.screenshot({ path: artifact('preview-editing.png') });
    expect(errors).toEqual([]);
  });
});
