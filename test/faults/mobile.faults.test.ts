/**
 * Faults in the mobile page's writes (docs/mobile.md): a service call fails before it does
 * anything, or after it took effect, at sampled positions of an entry added and of a cell
 * corrected from the page (web-app runs: the workbook opened by id, the script lock). Each is
 * whole or not at all, says so in Thai, and doing it again completes it.
 */
import { journeyWorkbook, THA_BO } from '../support/journey';
import { formatSweep, sweep } from '../support/faultSweep';
import { asWebApp } from '../support/webApp';
import type { Harness } from '../support/workbook';

/** Tha Bo's officer on the page, after the README's first steps. */
const onThePage = (): Harness => {
  const h = journeyWorkbook();
  return { ...h, ...asWebApp(h, THA_BO) };
};

/** A fresh web-app run of the same officer over the same workbook. */
const fresh = (s: Harness): Harness => ({ ...s, ...asWebApp(s, THA_BO) });

const ACTIVITY = {
  date: '20/03/2565',
  activity: 'ตลาดนัดชุมชนริมโขง',
  place: 'ท่าเสด็จ',
  organiser: 'พช.อำเภอ',
  budget: 'ไม่ใช้',
  operators: '8',
  sales: '15000',
  link: 'https://example.com/market',
  note: '',
};

const add = (s: Harness) => s.gas.sidebarAddEntry('activities', ACTIVITY);
const fix = (s: Harness) => s.gas.sidebarFixEntry('กิจกรรม ท่าบ่อ', 'D2', 'ลานหน้าอำเภอ', 'ศาลาประชาคม');

describe.each([
  ['an entry added', add],
  ['a cell corrected', fix],
] as const)('%s from the phone', (_name, action) => {
  test("mode 'before': every sampled failure leaves the workbook as it was, with a Thai message", () => {
    const result = sweep(onThePage, action, { mode: 'before', stride: 7, fresh });
    expect(result.partial).toBe(0);
    expect(result.notThai).toBe(0);
    expect(result.unchanged + result.done).toBe(result.positions);
    expect(result.positions).toBeGreaterThan(5);
  });

  test("mode 'after': the call took effect, then failed: undone, and doing it again completes it", () => {
    const result = sweep(onThePage, action, { mode: 'after', stride: 7, fresh });
    expect({ partial: result.partial, unhealed: result.unhealed, notThai: result.notThai }).toEqual({
      partial: 0,
      unhealed: 0,
      notThai: 0,
    });
    console.log(formatSweep(result));
  });
});
