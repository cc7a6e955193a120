/**
 * One rule, two paths: on the bench generator's workbooks (several seeds, a small province),
 * each district row's OTOP_DISTRICT result in the district table equals the generator's
 * per-district truth and the server's standing (sidebarState through the bundle), figure by
 * figure, the total row included; also for districts whose registered figure is text or 0, or
 * whose promoted figure equals the registered one on the "never yet online" basis.
 */
import { generateWorkbook, type ScaleSpec } from '../../bench/generator';
import { fillEntries, writeDistrictSheet } from '../../bench/workbook';
import { NO_FIGURE, UNASSESSED } from '../../src/features/standing/rules/districtResult';
import { BASIS_TEXT, LABEL } from '../../src/kernel/settings';
import { newHarness } from '../support/workbook';

const SMALL: ScaleSpec = { name: 'small', districts: 'letter', activities: 160, online: 420, baseline: 90 };
/** So few entries that districts fall below the top level (next steps and bands differ). */
const TINY: ScaleSpec = { name: 'tiny', districts: 'letter', activities: 30, online: 70, baseline: 30 };
const CASES: [number, ScaleSpec][] = [
  [1, SMALL],
  [7, TINY],
  [4242, TINY],
  [20220325, SMALL],
];
/** Table rows of the odd figures: a text registered, a 0 registered, promoted = registered. */
const TEXT_ROW = 3;
const ZERO_ROW = 5;
const EQUAL_ROW = 7;

/** What the table shows for a standing row's figures. */
const shown = (v: number | null) => (v === null ? NO_FIGURE : v);

describe.each(CASES)('seed %i', (seed, scale) => {
  const neverOnline = seed % 2 === 1;
  const data = generateWorkbook(scale, seed);
  const h = newHarness();
  const ss = h.run.spreadsheet;
  writeDistrictSheet(ss, data);
  h.gas.sidebarSetUp();
  fillEntries(ss, data);
  const table = ss.getSheetByName('อำเภอ')!;
  table.getRange(TEXT_ROW, 3).setValue('ไม่ทราบ');
  table.getRange(ZERO_ROW, 3).setValue(0);
  table.getRange(EQUAL_ROW, 4).setValue(table.getRange(EQUAL_ROW, 3).getValue());
  if (neverOnline) {
    const settings = ss.getSheetByName('ตั้งค่า')!;
    const row =
      settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === LABEL.percentBasis) + 1;
    settings.getRange(row, 2).setValue(BASIS_TEXT.neverOnline);
  }
  const n = data.districts.length;
  const values = table.getRange(1, 1, n + 2, 14).getValues();
  const rows = values.slice(1, n + 1);
  const state = h.gas.sidebarState();

  test('every district row counts what the generator made for it', () => {
    expect(new Set(rows.map((r) => r[12])).size).toBeGreaterThan(1); // levels differ: a real comparison
    expect(rows.map((r) => r.slice(7, 10))).toEqual(data.truth.map((t) => [t.activities, t.channels, t.newOperators]));
    expect(rows.map((_, i) => table.getFormulaError(i + 2, 7))).toEqual(rows.map(() => null));
  });

  test('the table and the server agree on every figure of every district', () => {
    expect(state.standing.map((s: { district: string }) => s.district)).toEqual(data.districts.map((d) => d.name));
    const server = state.standing.map(
      (s: {
        target: number | null;
        activities: number;
        channels: number;
        newOperators: number;
        percent: number | null;
        score: number | null;
        level: string;
        next: string;
      }) => [
        shown(s.target),
        s.activities,
        s.channels,
        s.newOperators,
        shown(s.percent),
        shown(s.score),
        s.level,
        s.next,
      ],
    );
    expect(rows.map((r) => r.slice(6, 14))).toEqual(server);
  });

  test('and on the province total', () => {
    const total = values[n + 1];
    expect(total[1]).toBe('รวมทั้งจังหวัด');
    expect({
      registered: total[2],
      target: total[6],
      activities: total[7],
      newOperators: total[9],
      percent: total[10],
    }).toEqual({ ...state.total, percent: shown(state.total?.percent ?? null) });
  });

  test('the odd figures are decided once, the same way on both paths', () => {
    const text = rows[TEXT_ROW - 2];
    expect([text[6], text[10], text[11], text[12]]).toEqual([NO_FIGURE, NO_FIGURE, NO_FIGURE, UNASSESSED]);
    const zero = rows[ZERO_ROW - 2];
    expect([zero[6], zero[10]]).toEqual([1, NO_FIGURE]);
    const equal = rows[EQUAL_ROW - 2];
    if (neverOnline) expect(equal[10]).toBe(NO_FIGURE);
    else expect(typeof equal[10]).toBe('number');
  });
});
