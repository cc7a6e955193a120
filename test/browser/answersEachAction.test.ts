/**
 * Issue 24, the gaps of answersInView.test.ts filled: for each role that has buttons (the owner,
 * a province editor, a district officer) at 390×844 (touch), 1280×720 and 1440×900, after each
 * action the sidebar offers — making a summary and a report, choosing each report under the
 * sending section and reviewing its e-mail, cancelling the review, the LINE text, reviewing and
 * cancelling a submission (on a district's behalf for the province), the data check and a
 * problem's link, set-up — its result or question is inside the visible part of the sidebar
 * (bounding boxes). The e-mail review is drawn where the officer looks (finding 2): the
 * e-mail's frame is inside the window and the sidebar's view, above the answer bar, without
 * scrolling, and the pixels of that part are not blank. Screenshots in test-artifacts/.
 */
import type { Frame, Page } from 'playwright-core';
import { DEMO_OFFICER, DEMO_OWNER, DEMO_PROVINCE_EDITOR } from '../../dev/preview/demo';
import { TEXT } from '../../src/sidebar/texts';
import { artifact, describeWithBrowser, launchHeadless, sharedBrowser } from './support/browser';
import {
  drawnInView,
  expectInView,
  expectTopInView,
  idle,
  openPreview,
  press,
  SIZES,
  shown,
  type Size,
} from './support/inView';

jest.setTimeout(180_000);

/** The least of the e-mail that must be seen without scrolling (px): its greeting and first lines. */
const SEEN_MAIL_PX = 120;

describeWithBrowser('after each action, its answer is where the officer looks (issue 24)', () => {
  const shared = sharedBrowser(launchHeadless);
  const { servers } = shared;

  const open = (size: Size, user: string) => openPreview(shared.browser, servers, size, user);

  /** Waits for an action to end (its answer shown, the state refreshed). */
  async function answered(frame: Frame, selector = '#status.ok'): Promise<void> {
    await shown(frame, selector);
  }

  /** The answer bar's message is in view, and says `text` when given. */
  async function statusInView(page: Page, frame: Frame, text?: string): Promise<void> {
    const status = await expectInView(page, frame, '#status');
    if (text !== undefined) expect(status.text).toBe(text);
  }

  /**
   * Reviews the e-mail of the report chosen in the sending section, and expects it drawn in view.
   * @return the chosen report
   */
  async function reviewDrawn(page: Page, frame: Frame, sheet: string, shot: string): Promise<void> {
    await frame.locator('#reportSelect').selectOption(sheet);
    await press(frame, '#btnPreview');
    await shown(frame, '#sendPanel:not([hidden])');
    await expectTopInView(page, frame, '#sendPanel');
    await statusInView(page, frame, TEXT.reviewMail);
    expect(await frame.locator('#sendSubject').textContent()).toContain(sheet);
    const drawn = await drawnInView(page, frame, '#sendBody', artifact(shot));
    expect({ ...drawn, seen: drawn.visibleHeight >= SEEN_MAIL_PX, drawn: drawn.ink > 0.02 }).toEqual({
      ...drawn,
      seen: true,
      drawn: true,
    });
  }

  for (const size of SIZES) {
    for (const [who, user, tag] of [
      ['the owner', DEMO_OWNER, 'owner'],
      ['a province editor', DEMO_PROVINCE_EDITOR, 'editor'],
    ] as const) {
      test(`${size.name} ${size.width}×${size.height}: ${who} — every action's answer in view, each chosen report's e-mail drawn`, async () => {
        const { page, frame, errors } = await open(size, user);

        // a round summary and a month's report: each result in view
        await frame.locator('#roundSelect').selectOption('1');
        await press(frame, '#btnRound');
        await answered(frame);
        await statusInView(page, frame);
        await frame.locator('#monthSelect').selectOption('2022-03');
        await press(frame, '#btnMonth');
        await answered(frame);
        await statusInView(page, frame);

        // each report chosen under the sending section: its e-mail review drawn in view
        const reports = await frame
          .locator('#reportSelect option')
          .evaluateAll((os: any[]) => os.map((o) => o.value as string).filter(Boolean));
        expect(reports.length).toBeGreaterThanOrEqual(2);
        for (const [i, sheet] of reports.entries()) {
          await reviewDrawn(page, frame, sheet, `actions-${size.name}-${tag}-mail-${i + 1}.png`);
        }
        // choosing the first again after the review of another (its frame emptied and refilled)
        await reviewDrawn(page, frame, reports[0], `actions-${size.name}-${tag}-mail-again.png`);
        await page.screenshot({ path: artifact(`actions-${size.name}-${tag}-review.png`) });
        await press(frame, '#btnCancelSend');
        await statusInView(page, frame, TEXT.sendCancelled);
        expect(await frame.locator('#sendPanel').isHidden()).toBe(true);

        // the LINE text: the panel and the answer in view
        await press(frame, '#btnLine');
        await shown(frame, '#linePanel:not([hidden])');
        await expectTopInView(page, frame, '#linePanel');
        await statusInView(page, frame);
        await press(frame, '#btnCloseLine');

        // a submission on a district's behalf: the review in view; cancelling it says so
        await press(frame, '#boardFold > summary');
        await frame.locator('#behalfDistrict').selectOption('ท่าบ่อ');
        expect(await frame.locator('#behalfDuty').inputValue()).not.toBe('');
        await press(frame, '#btnBehalf');
        await shown(frame, '#submitPanel:not([hidden])');
        await expectTopInView(page, frame, '#submitPanel');
        await statusInView(page, frame, TEXT.reviewSubmission);
        await press(frame, '#btnCancelSubmit');
        await statusInView(page, frame, TEXT.submitCancelled);

        // the data check, then a problem's link: each answer in view
        await press(frame, '#btnCheck');
        await shown(frame, '#checkResult li');
        await statusInView(page, frame);
        await press(frame, '#checkResult button.link');
        await answered(frame);
        await statusInView(page, frame);
        expect(await frame.locator('#status').textContent()).toMatch(/^เลือกเซลล์ \S+ ในชีต /);

        // set-up, the last button: its result in view
        await press(frame, '#btnSetUp');
        await answered(frame);
        await statusInView(page, frame);
        await page.screenshot({ path: artifact(`actions-${size.name}-${tag}-setup.png`) });
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }

    test(`${size.name} ${size.width}×${size.height}: a district officer — cancelling a review, a problem's link, reloading: each answer in view`, async () => {
      const { page, frame, errors } = await open(size, DEMO_OFFICER);
      await press(frame, '#btnSubmit-month-2022-03');
      await shown(frame, '#submitPanel:not([hidden])');
      await expectTopInView(page, frame, '#submitPanel');
      await statusInView(page, frame, TEXT.reviewSubmission);
      await press(frame, '#btnCancelSubmit');
      await statusInView(page, frame, TEXT.submitCancelled);
      expect(await frame.locator('#submitPanel').isHidden()).toBe(true);

      await press(frame, '#btnCheck');
      await shown(frame, '#checkResult li');
      await statusInView(page, frame);
      await press(frame, '#checkResult button.link');
      await answered(frame);
      await statusInView(page, frame);

      await press(frame, '#reload');
      await idle(frame);
      await expectTopInView(page, frame, '#ownDuties');
      await page.screenshot({ path: artifact(`actions-${size.name}-district.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
