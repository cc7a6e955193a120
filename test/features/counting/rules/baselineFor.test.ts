/**
 * baselineFor (tally.ts): the data check groups each district's online rows with only the
 * baseline rows that can change them. Whatever the rows, grouping with those rows makes of every
 * online row what grouping with the whole baseline makes: the same operator as each other online
 * row, the same ambiguity, UNDECIDED or no operator alike, and the same baseline row it is first
 * in. Small alphabets of numbers, names and districts make collisions (one name of several
 * numbers, a number in two districts, a name-only row in another district) the common case.
 */
import fc from 'fast-check';
import { baselineFor, groupOperators } from '../../../../src/features/counting/rules/tally';
import type { BaselineEntry, OnlineEntry } from '../../../../src/features/counting/rules/entries';

/** Runs of the property (each a whole baseline and several districts' online rows). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

/** What groupOperators reads of a row; the rest of an entry is not its concern. */
interface Key_ {
  regNo: string;
  districtIndex: number;
  nameKey: string;
}

const key = fc.record({
  regNo: fc.constantFrom('', '', '1', '2', '3', '4'),
  districtIndex: fc.constantFrom(-1, 0, 0, 1, 1, 2),
  nameKey: fc.constantFrom('', 'a', 'a', 'b', 'c'),
});

/** A baseline entry of a key at a row (the row is what a data check message cites). */
const baselineEntry = (k: Key_, row: number) => ({ ...k, row }) as unknown as BaselineEntry;
const onlineEntry = (k: Key_) => k as unknown as OnlineEntry;

/**
 * What the data check and the tally read of each online row after grouping: which other online
 * rows are the same operator (the first such row's index), the row's ambiguity, and the sheet row
 * of the operator's first baseline entry ('new' when none; NO_OPERATOR and UNDECIDED as such).
 */
function readings(baseline: readonly BaselineEntry[], online: readonly OnlineEntry[]): string[] {
  const groups = groupOperators(baseline, online);
  const firstOnline = new Map<number, number>();
  return online.map((_, i) => {
    const group = groups.online[i];
    if (group >= 0 && !firstOnline.has(group)) firstOnline.set(group, i);
    const first = group >= 0 ? groups.firstBaseline[group] : -1;
    const where = group < 0 ? `operator ${group}` : first < 0 ? 'new' : `row ${baseline[first].row}`;
    return `${group < 0 ? '-' : firstOnline.get(group)} ${groups.ambiguous[i]} ${where}`;
  });
}

describe('baselineFor: the baseline rows that can change some online rows', () => {
  test('grouping with them makes of every online row what grouping with the whole baseline makes', () => {
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 14 }),
        fc.array(fc.array(key, { maxLength: 8 }), { maxLength: 4 }),
        (baselineKeys, sheets) => {
          const baseline = baselineKeys.map((k, i) => baselineEntry(k, i + 2));
          for (const sheet of sheets) {
            const online = sheet.map(onlineEntry);
            const kept = baselineFor(baseline, online);
            expect(readings(kept, online)).toEqual(readings(baseline, online));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("keeps the online rows' districts' rows and their numbers' rows, in order, and no other", () => {
    const b = (regNo: string, districtIndex: number, nameKey: string, row: number) =>
      baselineEntry({ regNo, districtIndex, nameKey }, row);
    const baseline = [
      b('9', 1, 'x', 2), // another district, a number met nowhere here: out
      b('', 1, 'a', 3), // another district, no number: out
      b('5', 1, 'a', 4), // another district, a number on an online row: in
      b('', 0, 'a', 5), // the district's own: in
      b('7', 1, 'y', 6), // another district, the number of the district's own baseline row: in
      b('7', 0, 'z', 7), // the district's own: in
    ];
    const online = [onlineEntry({ regNo: '5', districtIndex: 0, nameKey: 'a' })];
    expect(baselineFor(baseline, online).map((e) => e.row)).toEqual([4, 5, 6, 7]);
  });
});
