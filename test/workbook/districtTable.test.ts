import { NONG_KHAI_DISTRICTS } from '../../src/core/districts';
import { readDistrictFigures } from '../../src/workbook/districtList';
import { columnLetter, DISTRICT_COL, districtTableRows, TOTAL_LABEL } from '../../src/workbook/districtTable';

const refs = { asOf: 'ตั้งค่า!$B$4', fiscalYear: 'ตั้งค่า!$B$3' };
const rows = districtTableRows(NONG_KHAI_DISTRICTS, refs, 'registered');

describe('district table', () => {
  test('nine districts with the letter’s figures, then the province total', () => {
    expect(rows).toHaveLength(11);
    expect(
      rows.slice(1, 10).map((r) => [r[DISTRICT_COL.name], r[DISTRICT_COL.registered], r[DISTRICT_COL.promoted]]),
    ).toEqual(NONG_KHAI_DISTRICTS.map((d) => [d.name, d.registered, d.promoted]));
    expect(rows[10][DISTRICT_COL.name]).toBe(TOTAL_LABEL);
    expect(rows[10][DISTRICT_COL.registered]).toBe('=SUM(C2:C10)');
    expect(rows[10][DISTRICT_COL.operatorGoal]).toBe('=SUM(G2:G10)');
  });

  test('one formula per computed column fills all nine rows', () => {
    const first = rows[1];
    expect(first[DISTRICT_COL.operatorGoal]).toBe('=OTOP_TARGET(C2:C10, เกณฑ์!$E$3)');
    expect(first[DISTRICT_COL.score]).toBe('=OTOP_SCORE(H2:H10, I2:I10, J2:J10, C2:C10, เกณฑ์!$A$2:$H$8)');
    expect(first[DISTRICT_COL.percent]).toBe('=OTOP_PERCENT(J2:J10, C2:C10)');
    expect(rows[2][DISTRICT_COL.score]).toBe('');
    expect(rows[2][DISTRICT_COL.activityGoal]).toBe('=เกณฑ์!$C$3');
  });

  test('the tally stacks the nine districts’ entry sheets and reads the settings', () => {
    const tally = String(rows[1][DISTRICT_COL.activities]);
    expect(tally.startsWith("=OTOP_TALLY(B2:B10, {'กิจกรรม เมืองหนองคาย'!A2:J; 'กิจกรรม โพนพิสัย'!A2:J;")).toBe(true);
    expect(tally).toContain("{'ออนไลน์ เมืองหนองคาย'!A2:I; ");
    expect(tally).toContain("'ฐาน ๒๕๖๔'!A2:C, ตั้งค่า!$B$4, ตั้งค่า!$B$3, เกณฑ์!$A$12:$Z)");
    expect((tally.match(/'กิจกรรม /g) ?? []).length).toBe(9);
  });

  test('the other percentage basis divides by operators never yet online', () => {
    const other = districtTableRows(NONG_KHAI_DISTRICTS, refs, 'neverOnline');
    expect(other[1][DISTRICT_COL.percent]).toBe('=OTOP_PERCENT(J2:J10, C2:C10, D2:D10)');
    expect(other[10][DISTRICT_COL.percent]).toBe('=OTOP_PERCENT(J11, C11, D11)');
  });

  test('column letters', () => {
    expect([0, 13, 25, 26, 27].map(columnLetter)).toEqual(['A', 'N', 'Z', 'AA', 'AB']);
  });
});

describe('reading the districts back from the table', () => {
  test('a new workbook gets the letter’s nine', () => {
    expect(readDistrictFigures([], NONG_KHAI_DISTRICTS).map((d) => d.name)).toHaveLength(9);
  });
  test('names stop at the total row, misspellings are made canonical, figures kept', () => {
    const values = [
      ['ที่', 'อำเภอ'],
      [1, 'อ.เมืงหนองคาย', 240, 15],
      [2, 'บึงกาฬ', '๕๐', ''],
      ['', TOTAL_LABEL, 290],
    ];
    expect(readDistrictFigures(values, NONG_KHAI_DISTRICTS)).toEqual([
      { name: 'เมืองหนองคาย', registered: 240, promoted: 15 },
      { name: 'บึงกาฬ', registered: 50, promoted: 0 },
    ]);
  });
});
