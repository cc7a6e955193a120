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
import fc from 'fast-check';
import { asCellText } from '../../../../src/kernel/cellText';
import { sha256Hex } from '../../../../src/kernel/sha256';
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

/**
 * The seal as it was made before it was digested row by row (the whole JSON made at once): seals
 * already kept in reports' marks must still hold.
 */
function wholeSeal(layout: ReturnType<typeof reportLayout>, values: readonly (readonly unknown[])[]): string {
  const rows = values.map((row) => [...row]);
  for (const [r, c] of [layout.statusCell, layout.sentCell])
    if (rows[r - 1] && c - 1 < rows[r - 1].length) rows[r - 1][c - 1] = '';
  const blank = (v: unknown) => v === '' || v === null || v === undefined;
  const trimmed = rows.map((row) => {
    let end = row.length;
    while (end > 0 && blank(row[end - 1])) end--;
    return row.slice(0, end);
  });
  while (trimmed.length > 0 && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
  return sha256Hex(JSON.stringify(trimmed));
}

test('the seal made row by row is the seal made whole, on a new sheet and read back', () => {
  const { mark, values } = made();
  const shown = formGrid(readRecord(mark, values).record.document);
  const form = mark.form ?? { v: 2, width: 0, rows: 0, total: false, sections: [] };
  const layout = reportLayout(mark.kind, form, reportYear(mark));
  const cell = fc.oneof(
    fc.constantFrom('', null, undefined, "'0012", "'", ' '),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.integer({ min: -5, max: 500 }),
    fc.double({ noNaN: true }),
    fc.boolean(),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 });
  fc.assert(
    fc.property(grid, (rows) => {
      const kept = rows.map((row) =>
        row.map((v) => {
          const written = asCellText(v as never);
          return typeof written === 'string' && written.startsWith("'") ? written.slice(1) : written;
        }),
      );
      const seal = reportSeal(mark.kind, { ...shown, rows: rows as never });
      expect(seal).toBe(wholeSeal(layout, kept));
      expect(readRecord({ ...mark, seal: wholeSeal(layout, rows) }, rows).sealed).toBe(true);
    }),
    { numRuns: 400 },
  );
});
