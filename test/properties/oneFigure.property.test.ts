/**
 * One figure everywhere (issue 20), over generated district workbooks typed into the stand-in
 * (which reads typed text as Sheets does) and counted through the built bundle: the district
 * table's formula row, the sidebar's standing, the district's round submission (its preview,
 * what is recorded) and the province's round summary as sent (its LINE text) show the same
 * counts, score and level, and they are the letter's counts as the independent reading gives them. Fewer cases than the core properties: each is a workbook.
 */
import fc from 'fast-check';
import { LABEL } from '../../src/kernel/settings';
import { typeTwoDistricts } from '../support/entries';
import { type DistrictMeaning, districtMeaning, expectedCounts, render, style } from '../support/generatedDistrict';
import { PROVINCE, SANGKHOM, setSetting, THA_BO } from '../support/journey';
import { districtStanding, newHarness } from '../support/workbook';

/** Workbooks generated: each is set up and counted through the bundle (about half a second). */
const RUNS = Number(process.env.ONE_FIGURE_RUNS ?? 15);
/** Round 3's deadline, FY 2565: the cut-off of the table, the sidebar and the submission alike. */
const CUT_OFF = { y: 2022, m: 9, d: 23 };

/** Writes a rendered sheet (its header included, columns as rendered) over a sheet from A1. */
function writeSheet(h: ReturnType<typeof newHarness>, name: string, rows: unknown[][]): void {
  const sheet = h.run.spreadsheet.getSheetByName(name)!;
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows as never);
}

test('the table, the sidebar, the submission and the round summary show one figure: the letter’s', () => {
  fc.assert(
    fc.property(
      districtMeaning.filter((m) => m.fy === 2565),
      style,
      (generated, s) => {
        const m: DistrictMeaning = { ...generated, asOf: CUT_OFF };
        const h = newHarness({ editors: [PROVINCE, THA_BO, SANGKHOM] });
        h.book.clock.set(new Date(2022, 9, 3, 9, 0));
        typeTwoDistricts(h.run.spreadsheet);
        h.gas.sidebarSetUp();
        setSetting(h, LABEL.districtEditors('ท่าบ่อ'), THA_BO);
        setSetting(h, LABEL.asOf, '23/09/2565');
        h.gas.sidebarSetUp();
        const r = render(m, s, 'asLaidOut');
        writeSheet(h, 'กิจกรรม ท่าบ่อ', r.activities);
        writeSheet(h, 'ออนไลน์ ท่าบ่อ', r.online);
        writeSheet(h, 'ฐาน ๒๕๖๔', r.baseline);
        const table = h.run.spreadsheet.getSheetByName('อำเภอ')!.getDataRange().getValues();
        const header = table[0];
        const row = table.find((x) => x[1] === 'ท่าบ่อ')!;
        const cell = (name: string) => row[header.indexOf(name)];
        const fromTable = [
          cell('กิจกรรม (ครั้ง)'),
          cell('ช่องทางออนไลน์'),
          cell('ผู้ประกอบการรายใหม่'),
          cell('คะแนน'),
          cell('ระดับ'),
        ];
        const side = districtStanding(h.as(THA_BO).gas, 'ท่าบ่อ');
        const fromSidebar = [side.activities, side.channels, side.newOperators, side.score, side.level];
        const preview = h.as(THA_BO).gas.sidebarPreviewSubmission('round', '3').figures;
        const fromSubmission = [
          preview.activities,
          preview.channels,
          preview.newOperators,
          preview.score,
          preview.level,
        ];
        const expected = expectedCounts(m);
        expect(fromTable.slice(0, 3)).toEqual([expected.activities, expected.channels, expected.newOperators]);
        expect(fromSidebar).toEqual(fromTable);
        expect(fromSubmission).toEqual(fromTable);
        // The round summary and what goes to the LINE group and the e-mail carry the same score and level.
        const made = h.gas.sidebarMakeRoundSummary(3, true);
        const sending = h.gas.sidebarPreviewSending(made.sheet);
        expect(sending.lineText).toContain(`ท่าบ่อ ${fromTable[3]} คะแนน ${fromTable[4]}`);
      },
    ),
    // A failure prints its case and seed unshrunk: shrinking through the bundle takes minutes.
    { numRuns: RUNS, endOnFailure: true },
  );
});
