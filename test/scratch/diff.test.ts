import { dump } from '../../dev/fakes';
import { smallProvince } from '../support/faultSweep';
const norm = (h: any) =>
  JSON.stringify(dump(h.run.spreadsheet), null, 1)
    .replace(/"sheetId": ?\d+/g, '"sheetId":0')
    .split('\n');
test('diff', () => {
  const ref = smallProvince(false);
  ref.gas.sidebarSetUp();
  const clean = norm(ref);
  const h = smallProvince(false);
  h.book.ledger.reset();
  h.book.ledger.inject({
    at: Number(process.env.AT ?? 28),
    mode: (process.env.MODE ?? 'after') as any,
    error: new Error('Service Spreadsheets timed out'),
    execution: h.run.id,
  });
  try {
    h.gas.sidebarSetUp();
  } catch (e) {
    console.log((e as Error).message.slice(0, 200));
  }
  h.book.ledger.clearFaults();
  try {
    h.run.end();
  } catch (e) {
    console.log('end', (e as Error).message);
  }
  const next = h.as(h.run.user);
  try {
    next.gas.sidebarSetUp();
  } catch (e) {
    console.log('heal', (e as Error).message.slice(0, 200));
  }
  const healed = norm(h);
  const out: string[] = [];
  for (let i = 0; i < Math.max(clean.length, healed.length) && out.length < 40; i++)
    if (clean[i] !== healed[i]) out.push(`${i}: ${clean[i]} | ${healed[i]}`);
  console.log(clean.length, healed.length, out.join('\n'));
});
