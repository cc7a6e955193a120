/**
 * Issue 24: every answer, question and error appears where the officer is looking. In Debian's
 * Chromium, the preview page at a phone's 390×844 (a touch screen), 1280×720 and 1440×900, as
 * the province, a district officer, an editor named nowhere and an account whose e-mail Google
 * hides: after each action the result or the question is inside the visible part of the sidebar
 * — its box inside the sidebar frame's view and inside the window — measured by bounding boxes,
 * not by the text being somewhere in the page. The e-mail review is drawn: the pixels of its
 * box's screenshot are not blank. Screenshots are kept in test-artifacts/.
 */
import { DEMO_OFFICER, DEMO_OWNER } from '../../dev/preview/demo';
import { artifact, describeWithBrowser, launchHeadless, sharedBrowser } from './support/browser';
import {
  expectInView,
  expectTopInView,
  expectTouchTargets,
  inkShare,
  openPreview,
  press,
  SIZES,
  shown,
  type Size,
} from './support/inView';

jest.setTimeout(120_000);

describeWithBrowser('answers appear where the officer is looking (issue 24)', () => {
  const shared = sharedBrowser(launchHeadless);
  const { servers } = shared;

  const open = (size: Size, user: string) => openPreview(shared.browser, servers, size, user);

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
      await shown(frame, '#confirm:not([hidden])');
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
      await shown(frame, '#status.ok');
      await expectInView(page, frame, '#status');

      // the e-mail review: in view, and drawn
      await press(frame, '#btnPreview');
      await shown(frame, '#sendPanel:not([hidden])');
      await expectTopInView(page, frame, '#sendPanel');
      await expectInView(page, frame, '#status');
      const body = page.frameLocator('#sidebar').locator('#sendBody');
      await body.scrollIntoViewIfNeeded();
      await body.screenshot({ path: artifact(`answers-${size.name}-mail-body.png`) });
      expect(await inkShare(page, body)).toBeGreaterThan(0.02); // text, lines: not a blank box
      await page.screenshot({ path: artifact(`answers-${size.name}-province-review.png`) });

      // sending: the result in view
      await press(frame, '#btnSend');
      await shown(frame, '#status.ok');
      await expectInView(page, frame, '#status');

      // a provisional April report, made, listed once as provisional, and asked about before
      // its first sending in the sending's own words (not "send again"); the question in view
      await frame.locator('#monthSelect').selectOption('2022-04');
      await press(frame, '#btnMonth');
      await shown(frame, '#confirm:not([hidden])');
      await press(frame, '#btnConfirmYes');
      await shown(frame, '#status.ok');
      const april = (await frame.locator('#reportSelect option').allTextContents()).find((t) => t.includes('เมษายน'));
      expect(april).toBe('รายงานประจำเดือน เมษายน 2565 (ชั่วคราว)');
      await press(frame, '#btnPreview');
      await shown(frame, '#sendPanel:not([hidden])');
      await press(frame, '#btnSend');
      await shown(frame, '#confirm:not([hidden])');
      await expectInView(page, frame, '#confirm');
      expect(await frame.locator('#btnConfirmYes').textContent()).toBe('ยืนยันส่ง');
      expect(await frame.locator('#confirm p').textContent()).toContain('ต้องการส่งหรือไม่');
      await press(frame, '#btnConfirmNo');
      await expectInView(page, frame, '#status');

      // the data check: its message in view, not in the success colour when it found problems
      await press(frame, '#btnCheck');
      await shown(frame, '#checkResult li');
      await expectInView(page, frame, '#status');
      await expectTopInView(page, frame, '#checkResult');
      expect(await frame.locator('#status').getAttribute('class')).toBe('info');

      // the reminders' switch, far down: its result in view
      await press(frame, '#btnReminders');
      await shown(frame, '#status.ok');
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
      await shown(frame, '#submitPanel:not([hidden])');
      await expectTopInView(page, frame, '#submitPanel');
      await expectInView(page, frame, '#status');
      await frame.locator('#submitConfirm').check();
      await press(frame, '#btnSubmitDuty');
      await shown(frame, '#status.ok');
      await expectInView(page, frame, '#status');
      // the submitted duty stays in view, saying when and how late
      const done = '.doneList li[data-duty="month:2022-03"]';
      await frame.locator(done).waitFor();
      await expectTopInView(page, frame, done);
      expect(await frame.locator(`${done} .submitted`).textContent()).toMatch(/^ส่งแล้ว \(ช้า 13 วัน\) เมื่อ /);
      await page.screenshot({ path: artifact(`answers-${size.name}-district-submitted.png`) });

      // submitting again: the question in view; "ยกเลิก" leaves no "waiting" behind
      await press(frame, `${done} button`);
      await shown(frame, '#submitPanel:not([hidden])');
      await frame.locator('#submitConfirm').check();
      await press(frame, '#btnSubmitDuty');
      await shown(frame, '#confirm:not([hidden])');
      await expectInView(page, frame, '#confirm');
      await page.screenshot({ path: artifact(`answers-${size.name}-district-question.png`) });
      await press(frame, '#btnConfirmNo');
      expect(await frame.locator('#status').textContent()).not.toContain('รอการยืนยัน');
      await expectInView(page, frame, '#status');

      // the data check: in view, not in the success colour while problems are listed
      await press(frame, '#btnCheck');
      await shown(frame, '#checkResult li');
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
