/**
 * Every hostile value of the fixture through every reader: the custom functions, the tally
 * (the district table), the data check, the round summary, the sidebar state, the e-mail and
 * the LINE text. Each gives a result or a Thai message; nothing is executed, rendered as
 * markup or written back as a formula.
 */
import { HOSTILE_VALUES } from '../fixtures/hostileValues';
import { newHarness } from '../support/workbook';

const THAI = /[\u0e00-\u0e7f]/;

test('the fixture holds at least 200 values', () => {
  expect(HOSTILE_VALUES.length).toBeGreaterThanOrEqual(200);
});

test('custom functions give a value or a Thai error for every hostile value', () => {
  const h = newHarness();
  const calls: [string, (v: unknown) => unknown][] = [
    ['OTOP_TARGET', (v) => h.gas.OTOP_TARGET(v)],
    ['OTOP_PERCENT', (v) => h.gas.OTOP_PERCENT(v, 241)],
    ['OTOP_SCORE', (v) => h.gas.OTOP_SCORE(v, 1, 1, 29)],
    ['OTOP_LEVEL', (v) => h.gas.OTOP_LEVEL(1, 1, 1, v)],
    ['OTOP_NEXT', (v) => h.gas.OTOP_NEXT([[v, 1, 1, 29]])],
    ['OTOP_THAI', (v) => h.gas.OTOP_THAI(v)],
    [
      'OTOP_TALLY',
      (v) =>
        h.gas.OTOP_TALLY(
          [['ท่าบ่อ']],
          [[v, 'ท่าบ่อ', v, v, v, v, v, v, v, v]],
          [[v, 'ท่าบ่อ', v, v, v, v, v, v, v]],
          [['ท่าบ่อ', v, v]],
          v,
        ),
    ],
  ];
  let tried = 0;
  for (const value of HOSTILE_VALUES) {
    for (const [name, call] of calls) {
      tried++;
      try {
        const result = call(value);
        expect({ name, value, ok: result !== undefined }).toEqual({ name, value, ok: true });
      } catch (error) {
        expect({ name, value, message: (error as Error).message }).toEqual({
          name,
          value,
          message: expect.stringMatching(THAI),
        });
      }
    }
  }
  expect(tried).toBe(HOSTILE_VALUES.length * calls.length);
});

test('entry sheets full of hostile values: the workbook keeps working and copies nothing as a formula or markup', () => {
  const h = newHarness();
  h.gas.sidebarSetUp();
  const ss = h.run.spreadsheet;
  // Typed as officers type: a value starting with = becomes a formula in their own sheet, as in
  // Sheets; the same values are also typed as text (leading apostrophe).
  const asTyped = HOSTILE_VALUES.map((v) => (v === null || v === undefined ? '' : v));
  const asText = asTyped.map((v) => (typeof v === 'string' ? `'${v}` : v));
  const rows = (width: number, district: string, values: unknown[]) =>
    values.map((v, i) =>
      Array.from({ length: width }, (_, c) =>
        c === 1 ? (i % 3 === 0 ? v : district) : c === 0 && i % 2 ? '15/01/2565' : v,
      ),
    );
  const fill = (sheet: string, data: unknown[][]) => {
    const target = ss.getSheetByName(sheet)!;
    target.insertRowsAfter(target.getMaxRows(), data.length);
    target.getRange(2, 1, data.length, data[0].length).setValues(data as never);
  };
  fill('กิจกรรม ท่าบ่อ', rows(10, 'ท่าบ่อ', asText));
  fill('ออนไลน์ ท่าบ่อ', rows(9, 'ท่าบ่อ', asText));
  fill('ฐาน ๒๕๖๔', rows(3, 'ท่าบ่อ', asText).slice(0, 50));
  const errors = ss
    .getSheetByName('อำเภอ')!
    .getRange(2, 8, 10, 7)
    .getValues()
    .flat()
    .filter((v) => String(v).startsWith('#'));
  expect({ errors, formulaError: ss.getSheetByName('อำเภอ')!.getFormulaError(2, 8) }).toEqual({
    errors: [],
    formulaError: null,
  }); // every result computed

  // Values typed raw: those starting with = run as formulas in the officer's own sheet, as in
  // Sheets; a broken one shows #ERROR! there, which the district table then shows too (Sheets
  // passes no error into a custom function) and the data check points at.
  fill('กิจกรรม สังคม', rows(10, 'สังคม', asTyped));
  fill('ออนไลน์ สังคม', rows(9, 'สังคม', asTyped));
  const check = h.gas.sidebarCheckData();
  expect(check.problems.some((p: { sheet: string }) => p.sheet === 'ออนไลน์ สังคม')).toBe(true);
  expect(check.problems.length).toBeGreaterThan(200);
  expect(check.problems.every((p: { message: string }) => THAI.test(p.message) && !p.message.startsWith('='))).toBe(
    true,
  );
  const problems = ss.getSheetByName('ปัญหาข้อมูล')!;
  expect(
    problems
      .getRange(1, 1, problems.getLastRow(), 3)
      .getFormulas()
      .flat()
      .every((f) => f === ''),
  ).toBe(true);

  const made = h.gas.sidebarMakeRoundSummary(1);
  const summary = ss.getSheetByName(made.sheet)!;
  expect(
    summary
      .getDataRange()
      .getFormulas()
      .flat()
      .every((f) => f === ''),
  ).toBe(true);

  const state = h.gas.sidebarState();
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);

  const preview = h.gas.sidebarPreviewSending(made.sheet);
  expect(preview.html).not.toMatch(/<(script|img|svg|iframe)/i);
  expect(preview.lineText.split('\n')).toHaveLength(10);
});
