import { dump } from '../../dev/fakes';
import { smallProvince } from '../support/faultSweep';
const norm = (h: any) =>
  JSON.stringify(dump(h.run.spreadsheet), null, 1)
    .replace(/"sheetId": ?\d+/g, '"sheetId":0')
    .replace(/\\"sheetId\\":\d+/g, 'SID')
    .split('\n');
test('diff', () => {
  const ref = smallProvince(false);
  ref.gas.sidebarSetUp();
  const clean = norm(ref);
  for (const at of (process.env.ATS ?? '20,60,150,250,350,450,550,650,750,800,830').split(',').map(Number)) {
    const h = smallProvince(false);
    h.book.ledger.reset();
    h.book.ledger.inject({
      at,
      mode: 'outage',
      error: new Error('Service Spreadsheets timed out'),
      execution: h.run.id,
    });
    try {
      h.gas.sidebarSetUp();
    } catch (e) {}
    const name = h.book.ledger.calls(h.run.id)[at - 1];
    h.book.ledger.clearFaults();
    try {
      h.run.end();
    } catch (e) {}
    const next = h.as(h.run.user);
    try {
      next.gas.sidebarSetUp();
    } catch (e) {
      console.log('heal', (e as Error).message.slice(0, 200));
    }
    const healed = norm(h);
    const out: string[] = [];
    for (let i = 0; i < Math.max(clean.length, healed.length); i++)
      if (clean[i] !== healed[i]) out.push(`${i}: ${clean[i]} | ${healed[i]}`);
    console.log(at, name, clean.length, healed.length, out.length, out.slice(0, 6).join('\n'));
  }
});
