/**
 * A report as a record (src/features/reports/sheets/reportRecord.ts): the record made from the
 * report's mark, maker and document; its sheet's seal, which holds for the values as made
 * (trailing blanks aside, the status and sent cells the add-on rewrites left out) and fails for
 * any other change; a report of an earlier version (no seal, or no form) is not judged.
 */
import { formGrid } from '../../../../src/features/reports/sheets/officialForm';
import { readRecord, reportRecord, reportSeal } from '../../../../src/features/reports/sheets/reportRecord';
import { reportLayout } from '../../../../src/features/reports/sheets/reportSheets';
import { type ReportMark, reportYear } from '../../../../src/features/setup/sheets/sheetMarkers';
import { makeMonthlyReport } from '../../../../src/features/reports/action/reports';
import { MemoryWorkbook } from '../../../support/memoryDoor';
import { PROVINCE, withBaseline } from '../../../door/workbooks';

const NOW = new Date('2022-03-15T03:00:00Z');

/** A month's report as made in memory: its mark and its sheet's values. */
function made(): { mark: ReportMark; values: unknown[][] } {
  const book = new MemoryWorkbook(withBaseline(PROVINCE));
  const { sheet } = makeMonthlyReport(book, '2022-02', NOW, false);
  const found = book.sheet(sheet);
  if (!found?.report) throw new Error('no report');
  return { mark: found.report, values: found.values };
}

test('the record: what the report is, who made it when, its document', () => {
  const { mark, values } = made();
  const { record, sealed } = readRecord(mark, values);
  expect(sealed).toBe(true);
  expect(record).toMatchObject({
    kind: 'month',
    period: '2022-02',
    fiscalYear: 2565,
    provisional: false,
    made: NOW.toISOString(),
    by: PROVINCE,
  });
  expect(record.document.asOf).toBe('28 กุมภาพันธ์ 2565');
  expect(reportRecord(mark, 'x', record.document)).toEqual({ ...record, by: 'x' });
});

test('the seal is the digest of the sheet as rendered from the record', () => {
  const { mark, values } = made();
  const { record } = readRecord(mark, values);
  expect(reportSeal('month', formGrid(record.document))).toBe(mark.seal);
  expect(mark.seal).toMatch(/^[0-9a-f]{64}$/);
});

test('it holds with trailing blanks and rewritten status and sent cells, and fails for any other change', () => {
  const { mark, values } = made();
  const layout = reportLayout(
    mark.kind,
    mark.form ?? { v: 2, width: 0, rows: 0, total: false, sections: [] },
    reportYear(mark),
  );
  const changed = (change: (rows: unknown[][]) => void) => {
    const rows = values.map((row) => [...row]);
    change(rows);
    return readRecord(mark, rows).sealed;
  };
  expect(changed((rows) => rows.push(rows[0].map(() => '')))).toBe(true);
  expect(
    changed((rows) => {
      rows[layout.statusCell[0] - 1][layout.statusCell[1] - 1] = 'ฉบับเก่า แทนที่เมื่อ 16-03-65 10.00';
      rows[layout.sentCell[0] - 1][layout.sentCell[1] - 1] = 'ส่งถึง a@b.c';
    }),
  ).toBe(true);
  expect(
    changed((rows) => {
      rows[layout.firstRow - 1][layout.scoreColumn - 1] = 99;
    }),
  ).toBe(false);
  expect(
    changed((rows) => {
      rows[1][2] = `${rows[1][2]} `;
    }),
  ).toBe(false);
});

test('a report of an earlier version is not judged', () => {
  const { mark, values } = made();
  const { seal: _seal, ...unsealed } = mark;
  expect(readRecord(unsealed, values).sealed).toBeNull();
});
