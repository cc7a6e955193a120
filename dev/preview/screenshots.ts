/**
 * The Thai guide's screenshots (docs/guide-th.md, docs/img/), taken from the preview in
 * Debian's Chromium (playwright-core; CHROMIUM_PATH overrides /usr/bin/chromium) at 1280×720:
 * the sidebar's frame as the province and as Tha Bo's officer see it, at each step the guide
 * describes, over the demo workbook on the demo day. Run by `npm run screenshots`
 * (scripts/screenshots.mjs), which builds first: the pictures show what `npm run push` deploys.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { DEMO_OFFICER, DEMO_OWNER, seedDemoWithOfficer } from './demo';
import { startPreview } from './server';

/** The guide's pictures, by file name (docs/img/<name>.png), in the order they are taken. */
export const GUIDE_SHOTS = [
  'province-first-screen',
  'province-question',
  'province-summary-made',
  'province-email-review',
  'province-board',
  'district-first-screen',
  'district-submit-review',
  'district-submitted',
  'district-data-check',
] as const;
export type GuideShot = (typeof GUIDE_SHOTS)[number];

/** The largest a picture may be (bytes): the repository keeps them small. */
export const SHOT_MAX_BYTES = 150_000;

/** The window the pictures are taken in (a laptop: the sidebar is 300 px wide). */
const WINDOW = { width: 1280, height: 720 };

/**
 * Takes every picture of the guide into a folder.
 * @param root the project folder (dist/ must be built)
 * @param outDir where the PNGs go
 * @return each picture's file and size
 */
export async function takeGuideScreenshots(root: string, outDir: string): Promise<{ file: string; bytes: number }[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const taken: { file: string; bytes: number }[] = [];
  try {
    for (const [user, steps] of [
      [DEMO_OWNER, provinceSteps_],
      [DEMO_OFFICER, districtSteps_],
    ] as const) {
      const server = await startPreview({ root, port: 0, user, seed: seedDemoWithOfficer('ท่าบ่อ') });
      try {
        const page = await browser.newPage({ viewport: WINDOW });
        page.setDefaultTimeout(20_000);
        await page.goto(server.url);
        await page.frameLocator('#sidebar').locator('body[aria-busy="false"]').waitFor();
        const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
        if (!frame) throw new Error('no sidebar frame');
        await frame.locator('.district').nth(8).waitFor();
        const shoot = async (name: GuideShot) => {
          const file = join(outDir, `${name}.png`);
          await page.locator('#sidebar').screenshot({ path: file });
          taken.push({ file, bytes: statSync(file).size });
        };
        await steps(page, frame, shoot);
        await page.close();
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return taken;
}

/** Waits until the sidebar is idle (an action and its refresh have ended). */
const idle_ = (frame: Frame) => frame.locator('body[aria-busy="false"]').waitFor();

/** The province's steps: the first screen, a question, a summary made, the e-mail review, the board. */
async function provinceSteps_(_page: Page, frame: Frame, shoot: (name: GuideShot) => Promise<void>): Promise<void> {
  await shoot('province-first-screen');
  await frame.locator('#monthSelect').selectOption('2022-04');
  await frame.locator('#btnMonth').click();
  await frame.locator('#confirm:not([hidden])').waitFor();
  await idle_(frame);
  await shoot('province-question');
  await frame.locator('#btnConfirmNo').click();
  await frame.locator('#roundSelect').selectOption('1');
  await frame.locator('#btnRound').click();
  await frame.locator('#status.ok').waitFor();
  await idle_(frame);
  await shoot('province-summary-made');
  await frame.locator('#btnPreview').click();
  await frame.locator('#sendPanel:not([hidden])').waitFor();
  await idle_(frame);
  await shoot('province-email-review');
  await frame.locator('#btnCancelSend').click();
  await frame.locator('#boardFold > summary').click();
  await frame.locator('#boardFold').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await shoot('province-board');
}

/** The district officer's steps: the first screen, the review, the submitted duty, the data check. */
async function districtSteps_(_page: Page, frame: Frame, shoot: (name: GuideShot) => Promise<void>): Promise<void> {
  await shoot('district-first-screen');
  await frame.locator('#btnSubmit-month-2022-03').click();
  await frame.locator('#submitPanel:not([hidden])').waitFor();
  await idle_(frame);
  await shoot('district-submit-review');
  await frame.locator('#submitConfirm').check();
  await frame.locator('#btnSubmitDuty').click();
  await frame.locator('#status.ok').waitFor();
  await idle_(frame);
  await frame.locator('.doneList li[data-duty="month:2022-03"]').evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await shoot('district-submitted');
  await frame.locator('#btnCheck').click();
  await frame.locator('#checkResult li').first().waitFor();
  await idle_(frame);
  await shoot('district-data-check');
}
