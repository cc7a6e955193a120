/**
 * One error cell, one rule, through the built bundle: `=1/0` typed in a district's หมายเหตุ
 * column. Whether Sheets calls a custom function whose argument range holds an error is
 * unconfirmed (docs/platform.md#error-arguments); the stand-in's default ('blocked': the cell shows the error
 * without calling it) is modelled here: the district table, the sidebar, a submission and the
 * round summary agree that the district cannot be counted until the cell is fixed, each says
 * which cell, and the province total is not computed without it (its target total and
 * percentage show the error; the summary says so). Under the other variant ('passed': the
 * function would get the error's text, which it cannot tell from typed text) the table would
 * score the district: not covered (README). An error in the baseline, which every district's
 * formula reads, stops every district, each naming the baseline's cell unless its own sheets
 * hold an error first (the baseline is looked at once for all districts: the same answer).
 */
import { BASELINE_SHEET_NAME } from '../../src/features/counting/rules/entryLayout';
import { dutiesProvince, THA_BO } from '../support/duties';
import { dumpText } from '../support/journey';
import { districtStanding } from '../support/workbook';

const TABLE_ROW = (values: unknown[][], d: string) => values.find((r) => r[1] === d)!;

for (const errorArguments of ['blocked'] as const) {
  describe(`an error cell in ท่าบ่อ's หมายเหตุ column (custom functions: error arguments ${errorArguments})`, () => {
    const prepare = () => {
      const h = dutiesProvince(new Date(2022, 2, 20, 10, 0), { errorArguments });
      const sheet = h.run.spreadsheet.getSheetByName('กิจกรรม ท่าบ่อ')!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const note = header.indexOf('หมายเหตุ') + 1;
      expect(note).toBeGreaterThan(0);
      sheet.getRange(2, note).setFormula('=1/0');
      const cell = `${String.fromCharCode(64 + note)}2`;
      return { h, cell };
    };

    test('the table, the sidebar, the submission, the summary and the total agree, naming the cell', () => {
      const { h, cell } = prepare();
      const table = h.run.spreadsheet.getSheetByName('อำเภอ')!.getDataRange().getValues();
      const row = TABLE_ROW(table, 'ท่าบ่อ');
      const target = row[6];
      expect(String(target)).toMatch(/^#(DIV\/0!|ERROR!)$/); // the row is not scored
      expect(row.slice(7, 10)).toEqual(['', '', '']);
      const total = TABLE_ROW(table, 'รวมทั้งจังหวัด');
      expect(String(total[6])).toMatch(/^#/); // the target total
      expect(String(total[10])).toMatch(/^#/); // the percentage: not a figure without ท่าบ่อ
      // The activities and new operators totals say so too, never a sum without ท่าบ่อ (issue 21).
      const header = table[0];
      expect(total[header.indexOf('กิจกรรม (ครั้ง)')]).toBe(total[6]);
      expect(total[header.indexOf('ผู้ประกอบการรายใหม่')]).toBe(total[6]);

      const state = h.as(THA_BO).gas.sidebarState();
      const mine = districtStanding(h.as(THA_BO).gas, 'ท่าบ่อ');
      expect(mine.problem).toContain(`ช่อง ${cell} แสดงข้อผิดพลาด #DIV/0!`);
      expect(mine.score).toBeNull();
      expect(state.total).toBeNull();

      const before = dumpText(h);
      expect(() => h.as(THA_BO).gas.sidebarSubmitMonthly('2022-02', true)).toThrow(`ช่อง ${cell} แสดงข้อผิดพลาด`);
      expect(dumpText(h)).toBe(before);

      const made = h.gas.sidebarMakeRoundSummary(1, true);
      const summary = h.run.spreadsheet.getSheetByName(made.sheet)!.getDataRange().getValues();
      const tha = summary.find((r) => r[1] === 'ท่าบ่อ' && typeof r[0] === 'number')!;
      expect(tha.slice(7, 10)).toEqual(['—', '—', '—']);
      expect(summary.find((r) => r[1] === 'รวมทั้งจังหวัด')!.join('|')).toContain('รวมไม่ได้จนกว่าทุกอำเภอจะนับได้');

      const check = h.as(THA_BO).gas.sidebarCheckData();
      const named = check.problems.filter((p) => p.sheet === 'กิจกรรม ท่าบ่อ');
      expect(named.map((p) => p.cell)).toContain(cell);
    });

    test("an error in the baseline stops every district, naming its cell; a district's own sheets are named first", () => {
      const { h, cell } = prepare();
      const baseline = h.run.spreadsheet.getSheetByName(BASELINE_SHEET_NAME)!;
      const header = baseline.getRange(1, 1, 1, baseline.getLastColumn()).getValues()[0];
      const name = header.indexOf('ชื่อผู้ประกอบการ / กลุ่ม') + 1;
      expect(name).toBeGreaterThan(0);
      baseline.getRange(3, name).setFormula('=1/0');
      const baselineCell = `${String.fromCharCode(64 + name)}3`;
      const problems = h.gas.sidebarState().standing.map((d) => [d.district, d.problem.replace(/ แสดงข้อผิดพลาด.*/, '')]);
      expect(problems.length).toBeGreaterThan(1);
      expect(problems).toEqual(
        problems.map(([d]) => [
          d,
          d === 'ท่าบ่อ' ? `ชีต "กิจกรรม ท่าบ่อ" ช่อง ${cell}` : `ชีต "${BASELINE_SHEET_NAME}" ช่อง ${baselineCell}`,
        ]),
      );
    });
  });
}
