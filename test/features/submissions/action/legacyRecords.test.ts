/**
 * Records of the previous version (each row's seal chained to the row above, no number) stay
 * trusted after the update: read with that rule, counted, and new records numbered below them.
 * The workbook is made by this version, then its log and submissions are turned into the
 * previous version's format (columns after the seal removed, chained seals, its kept state).
 */
import { createHash } from 'node:crypto';
import { dutiesProvince, SANGKHOM, sheetValues, sidebarDuty, THA_BO } from '../../../support/duties';
import type { Harness } from '../../../support/workbook';

const RECORDS = 'การส่งรายงานของอำเภอ';
const LOG = 'บันทึก';

/** The previous version's seal: SHA-256 of the previous seal and the row's cells, 24 hex digits. */
const chained = (previous: string, cells: readonly unknown[]) =>
  createHash('sha256')
    .update([previous, ...cells.map((v) => String(v ?? ''))].join('\u241f'), 'utf8')
    .digest('hex')
    .slice(0, 24);

/**
 * Turns a record sheet into the previous version's format.
 * @param h the workbook
 * @param name the sheet
 * @param sealColumn the seal's column (1-based): the columns after it are removed
 * @param legacyKey the previous version's state property
 * @param key this version's state property (removed)
 */
function toPreviousVersion(h: Harness, name: string, sealColumn: number, legacyKey: string, key: string): void {
  const sheet = h.run.spreadsheet.getSheetByName(name)!;
  const values = sheet.getDataRange().getValues();
  sheet.deleteColumns(sealColumn + 1, values[0].length - sealColumn);
  let previous = '';
  for (let r = 1; r < values.length; r++) {
    previous = chained(previous, values[r].slice(0, sealColumn - 1));
    sheet.getRange(r + 1, sealColumn).setValue(previous);
  }
  const properties = h.run.globals.PropertiesService.getDocumentProperties();
  properties.setProperty(legacyKey, JSON.stringify({ rows: values.length - 1, last: previous }));
  properties.deleteProperty(key);
}

/** The data check's problems in the two record sheets. */
const problems = (h: Harness) =>
  h.gas
    .sidebarCheckData()
    .problems.filter((p: { sheet: string }) => p.sheet === RECORDS || p.sheet === LOG)
    .map((p: { sheet: string; row: number; message: string }) => `${p.sheet} ${p.row}: ${p.message}`);

/** A district's October as its officer's sidebar shows it. */
const october = (h: Harness, user: string) => sidebarDuty(h, user, 'month', '2021-10');

describe('records of the previous version', () => {
  const converted = () => {
    const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    toPreviousVersion(h, LOG, 6, 'otop.log', 'otop.log.records');
    toPreviousVersion(h, RECORDS, 19, 'otop.submissions', 'otop.submissions.records');
    return h;
  };

  test('are trusted, and new records are numbered below them', () => {
    const h = converted();
    expect(sheetValues(h, LOG)[0]).toHaveLength(6);
    expect(problems(h)).toEqual([]);
    expect(october(h, THA_BO)).toMatchObject({ state: 'onTime', text: 'ส่งแล้ว 3 พ.ย. 64' });
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
    expect(october(h, SANGKHOM)).toMatchObject({ state: 'onTime' });
    expect(sheetValues(h, RECORDS)[0].slice(18)).toEqual(['รหัสตรวจสอบ', 'เลขที่']);
    expect(sheetValues(h, RECORDS)[2][19]).toBe(1);
    expect(problems(h)).toEqual([]);
  });

  test('one edited by hand is reported and not counted; the others stay trusted', () => {
    const h = converted();
    h.as(SANGKHOM).gas.sidebarSubmitMonthly('2021-10', true);
    h.book.createExecution({ user: THA_BO }).spreadsheet.getSheetByName(RECORDS)!.getRange(2, 8).setValue(9);
    expect(problems(h)).toEqual([expect.stringMatching(/^การส่งรายงานของอำเภอ 2: .*ไม่ตรงกับรหัสตรวจสอบ/)]);
    expect(october(h, THA_BO)).toMatchObject({ submissions: [] });
    expect(october(h, SANGKHOM)).toMatchObject({ state: 'onTime' });
  });
});
