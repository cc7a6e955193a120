/** The district table's plan: one district formula per row, a native total row. */
import { BASIS_TEXT } from '../../../../src/kernel/settings';
import { districtOutputs } from '../../../../src/features/standing/rules/districtResult';
import { profileOf } from '../../../../src/kernel/yearProfile';
import { columnLetter } from '../../../../src/kernel/a1';
import {
  DISTRICT_COL,
  districtLayoutOf,
  districtRowFormulas,
  spillColumns,
  totalRowCells,
  TOTAL_LABEL,
} from '../../../../src/features/setup/sheets/districtTable';
import { TABLE_REFS as refs } from '../../../support/tableRefs';

/** The letter's year: its table, outputs and columns. */
const { measures } = profileOf(2565);
const DISTRICT_LAYOUT = districtLayoutOf(2565);
const DISTRICT_OUTPUTS = districtOutputs(measures);
const AT = DISTRICT_LAYOUT.at;

describe('a district row', () => {
  const cells = districtRowFormulas(4, { activities: "'กิจกรรม ท่าบ่อ'!A1:J", online: "'ออนไลน์ ท่าบ่อ'!A1:I" }, refs);

  test('one OTOP_DISTRICT formula reads the row’s cells and only that district’s two sheets', () => {
    expect(cells.get(DISTRICT_COL.target)).toBe(
      "=OTOP_DISTRICT(B4, C4, D4, 'กิจกรรม ท่าบ่อ'!A1:J, 'ออนไลน์ ท่าบ่อ'!A1:I, 'ฐาน ๒๕๖๔'!A1:C, 'ตั้งค่า'!$A$1:$C, 'เกณฑ์'!$A$2:$H$8, 'เกณฑ์'!$A$12:$Z)",
    );
    expect(cells.get(DISTRICT_COL.activityGoal)).toBe("='เกณฑ์'!$C$3");
    expect(cells.get(DISTRICT_COL.channelGoal)).toBe("='เกณฑ์'!$D$3");
    expect([...cells.keys()].sort()).toEqual(
      [DISTRICT_COL.activityGoal, DISTRICT_COL.channelGoal, DISTRICT_COL.target].sort(),
    );
  });

  test('its eight results and twelve trend months spill into the table’s computed columns, in order', () => {
    expect(DISTRICT_OUTPUTS.map((k) => DISTRICT_LAYOUT.headers[AT[k]])).toEqual([
      'เป้าผู้ประกอบการ',
      'กิจกรรม (ครั้ง)',
      'ช่องทางออนไลน์',
      'ผู้ประกอบการรายใหม่',
      'ร้อยละ',
      'คะแนน',
      'ระดับ',
      'ขั้นต่อไป',
      ...['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'].map(
        (m) => `สะสม ${m} (%เป้า)`,
      ),
    ]);
    expect(spillColumns(DISTRICT_LAYOUT).map((c) => columnLetter(c))).toEqual([
      ...['H', 'I', 'J', 'K', 'L', 'M', 'N'],
      ...['O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'],
    ]);
  });
});

describe('the total row', () => {
  const total = totalRowCells(11, 2, 10, refs, '—', measures);

  test('native sums of the district rows (no custom function recomputes on an entry edit)', () => {
    expect(total.get(DISTRICT_COL.name)).toBe(TOTAL_LABEL);
    expect(total.get(DISTRICT_COL.target)).toBe('=SUM(G2:G10)');
    // The counts' sums show the target total's error while a district cannot be counted (issue 21).
    expect(total.get(AT.activities)).toBe('=IF(ISNUMBER(G11), SUM(H2:H10), G11)');
    expect(total.get(AT.newOperators)).toBe('=IF(ISNUMBER(G11), SUM(J2:J10), G11)');
    // The typed figures are summed by their rows' rule (Thai digits count, issue 20): a custom
    // function over the typed columns only, which no entry edit touches.
    expect(total.get(DISTRICT_COL.registered)).toBe('=OTOP_SUM(C2:C10)');
    expect(total.get(DISTRICT_COL.promoted)).toBe('=OTOP_SUM(D2:D10)');
    const custom = [...total.values()].filter((v) => /OTOP_/.test(v));
    expect(custom).toEqual(['=OTOP_SUM(C2:C10)', '=OTOP_SUM(D2:D10)']);
  });

  test('the percentage uses the core’s integer rounding on the basis the settings name', () => {
    const percent = total.get(AT.percent) as string;
    expect(percent).toContain(`TRIM('ตั้งค่า'!$B$10)="${BASIS_TEXT.neverOnline}", C11-D11, C11`);
    expect(percent).toContain('FLOOR((2*J11*10000+');
    expect(percent).toContain('"—"');
  });
});

test('column letters', () => {
  expect([0, 13, 25, 26, 27].map(columnLetter)).toEqual(['A', 'N', 'Z', 'AA', 'AB']);
});
