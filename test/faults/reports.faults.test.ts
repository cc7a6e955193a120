/** A failure at every service call of the round summary, monthly report and sending. */
import { smallProvince, sweepFaults } from '../support/faultSweep';

test('round summary (first, and made again over an earlier one)', () => {
  expect(
    sweepFaults(
      () => smallProvince(),
      (h) => h.gas.sidebarMakeRoundSummary(1),
    ),
  ).toBeGreaterThan(20);
  const withEarlier = () => {
    const h = smallProvince();
    h.gas.sidebarMakeRoundSummary(1);
    return h;
  };
  expect(sweepFaults(withEarlier, (h) => h.gas.sidebarMakeRoundSummary(1))).toBeGreaterThan(20);
});

test('monthly report', () => {
  expect(
    sweepFaults(
      () => smallProvince(),
      (h) => h.gas.sidebarMakeMonthlyReport('2022-03'),
    ),
  ).toBeGreaterThan(20);
});

test('sending to the province', () => {
  const withSummary = () => {
    const h = smallProvince();
    h.gas.sidebarMakeRoundSummary(1);
    return h;
  };
  expect(sweepFaults(withSummary, (h) => h.gas.sidebarSend('สรุปผล รอบที่ 1'))).toBeGreaterThan(10);
});
