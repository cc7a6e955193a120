/**
 * A report's document kept in its record row (src/features/reports/sheets/reportRecords.ts
 * documentParts): its JSON in parts of at most PART_LIMIT characters, or none when it would need
 * more cells than the record sheet has; a document of that size is never made whole first.
 */
import { documentParts, PART_LIMIT } from '../../../../src/features/reports/sheets/reportRecords';
import type { ReportDocument } from '../../../../src/features/reports/sheets/officialForm';

/** A document-shaped value of about `chars` characters of JSON (its texts in rows). */
function documentOf(chars: number): ReportDocument {
  const row = 'กิจกรรมตลาดนัดชุมชน'.repeat(10);
  return { rows: Array.from({ length: Math.ceil(chars / (row.length + 3)) }, () => row) } as unknown as ReportDocument;
}

test('a document is kept in parts that join back to its JSON, none longer than a part may be', () => {
  const doc = documentOf(3 * PART_LIMIT);
  const parts = documentParts(doc);
  expect(parts.length).toBe(4);
  expect(parts.every((p) => p.length <= PART_LIMIT)).toBe(true);
  expect(JSON.parse(parts.join(''))).toEqual(doc);
});

test('a document larger than 14 parts is not kept, and its JSON is not made whole to find out', () => {
  const doc = documentOf(200 * PART_LIMIT);
  const stringify = jest.spyOn(JSON, 'stringify');
  expect(documentParts(doc)).toEqual([]);
  // the replacer stopped it: JSON.stringify returned nothing (it threw inside and was caught)
  expect(stringify.mock.results.map((r) => r.type)).toEqual(['throw']);
  stringify.mockRestore();
  expect(documentParts(documentOf(13 * PART_LIMIT)).length).toBe(14);
});
