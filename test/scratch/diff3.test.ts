import { dump } from '../../dev/fakes';
import { smallProvince } from '../support/faultSweep';
const norm = (h: any) =>
  JSON.stringify(dump(h.run.spreadsheet), null, 1)
    .replace(/"sheetId": ?\d+/g, '"sheetId":0')
    .replace(/\\"sheetId\\":\d+/g, 'SID')
    .split('\n');
const PREP: Record<string, () => any> = {
  check: () => smallProvince(),
  checkAgain: () => {
    const h = smallProvince();
    h.gas.sidebarCheckData();
    return h;
  },
  round: () => smallProvince(),
  roundAgain: () => {
    const h = smallProvince();
    h.gas.sidebarMakeRoundSummary(1);
    return h;
  },
  month: () => smallProvince(),
  send: () => {
    const h = smallProvince();
    h.gas.sidebarMakeRoundSummary(1);
    return h;
  },
};
const ACT: Record<string, (h: any) => unknown> = {
  check: (h) => h.gas.sidebarCheckData(),
  checkAgain: (h) => h.gas.sidebarCheckData(),
  round: (h) => h.gas.sidebarMakeRoundSummary(1),
  roundAgain: (h) => h.gas.sidebarMakeRoundSummary(1),
  month: (h) => h.gas.sidebarMakeMonthlyReport('2022-03'),
  send: (h) => h.gas.sidebarSend('สรุปผล รอบที่ 1', true),
};
test('diff', () => {
  const a = process.env.ACT ?? 'checkAgain';
  const ref = PREP[a]();
  ref.book.ledger.reset();
  ACT[a](ref);
  const calls = ref.book.ledger.calls(ref.run.id);
  const clean = norm(ref);
  for (const at of (process.env.ATS ?? '49').split(',').map(Number)) {
    const h = PREP[a]();
    const before = norm(h);
    h.book.ledger.reset();
    h.book.ledger.inject({
      at,
      mode: (process.env.MODE ?? 'outage') as any,
      undoAt: Number(process.env.K ?? 1),
      error: new Error('Service Spreadsheets timed out'),
      execution: h.run.id,
    });
    let msg = '';
    try {
      ACT[a](h);
    } catch (e) {
      msg = (e as Error).message.slice(0, 160);
    }
    h.book.ledger.clearFaults();
    try {
      h.run.end();
    } catch (e) {}
    const mid = norm(h);
    const next = h.as(h.run.user);
    try {
      ACT[a](next);
    } catch (e) {
      console.log('heal', (e as Error).message.slice(0, 200));
    }
    const healed = norm(h);
    const out: string[] = [];
    for (let i = 0; i < Math.max(clean.length, healed.length); i++)
      if (clean[i] !== healed[i]) out.push(`${i}: ${clean[i]} | ${healed[i]}`);
    console.log(
      at,
      calls[at - 1],
      'unchanged:',
      JSON.stringify(mid) === JSON.stringify(before),
      msg,
      '\n',
      out.length,
      out.slice(0, 8).join('\n'),
    );
  }
});
