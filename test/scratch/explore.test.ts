import { formatSweep, smallProvince, sweep } from '../support/faultSweep';
import type { FaultMode } from '../../dev/fakes';
const ACTIONS: Record<string, [() => any, (h: any) => unknown]> = {
  setupNew: [() => smallProvince(false), (h) => h.gas.sidebarSetUp()],
  check: [() => smallProvince(), (h) => h.gas.sidebarCheckData()],
  round: [() => smallProvince(), (h) => h.gas.sidebarMakeRoundSummary(1)],
  roundAgain: [
    () => {
      const h = smallProvince();
      h.gas.sidebarMakeRoundSummary(1);
      return h;
    },
    (h) => h.gas.sidebarMakeRoundSummary(1),
  ],
  checkAgain: [
    () => {
      const h = smallProvince();
      h.gas.sidebarCheckData();
      return h;
    },
    (h) => h.gas.sidebarCheckData(),
  ],
  month: [() => smallProvince(), (h) => h.gas.sidebarMakeMonthlyReport('2022-03')],
  send: [
    () => {
      const h = smallProvince();
      h.gas.sidebarMakeRoundSummary(1);
      return h;
    },
    (h) => h.gas.sidebarSend('สรุปผล รอบที่ 1', true),
  ],
};
const which = (process.env.ACT ?? 'setupNew').split(',');
const modes = (process.env.MODES ?? 'after,outage,undo,late').split(',') as FaultMode[];
const stride = Number(process.env.STRIDE ?? 7);
jest.setTimeout(3_000_000);
test('explore', () => {
  for (const a of which) {
    for (const mode of modes) {
      const t = Date.now();
      const r = sweep(ACTIONS[a][0], ACTIONS[a][1], { mode, stride, undoStride: 20 });
      console.log(
        a,
        formatSweep(r),
        `${Date.now() - t} ms`,
        '\n',
        r.results
          .filter((x) => x.outcome === 'partial' || x.healed === false)
          .slice(0, 8)
          .map((x) => `${x.at}/${x.undoAt} ${x.outcome} healed=${x.healed} ${x.message?.slice(0, 140)}`)
          .join('\n'),
      );
    }
  }
});
