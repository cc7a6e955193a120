/**
 * The report tables follow the fiscal year's measures (src/kernel/yearProfile.ts): a later
 * letter's row (FY 2570: only activities and new operators, or the three in another order) gives
 * that year's round summary and monthly report its columns, cells and total, and its sheet is
 * read back with them; every real year's tables are FY 2565's.
 */
import fc from 'fast-check';
import { dayOf } from '../../../../src/kernel/civilDate';
import { defaultSettings } from '../../../../src/kernel/settings';
import { MEASURE_BY_KEY, type MeasureOf } from '../../../../src/kernel/measures';
import { profileOf } from '../../../../src/kernel/yearProfile';
import { formGrid, readDocument } from '../../../../src/features/reports/sheets/officialForm';
import {
  type MadeBy,
  monthlyReportDocument,
  NEWEST,
  reportLayout,
  reportTables,
  roundSummaryDocument,
} from '../../../../src/features/reports/sheets/reportSheets';
import { letterDistricts, standingFor } from '../../../support/standing';
import { withLetter } from '../../../support/letterProfile';

type Reports = typeof import('../../../../src/features/reports/sheets/reportSheets');
type Form = typeof import('../../../../src/features/reports/sheets/officialForm');

const act = (date: string, district: string) => [
  date,
  district,
  'ตลาดนัด',
  'ลาน',
  'พช.',
  'ไม่ใช้',
  5,
  100,
  'https://e.x/1',
  '',
];
const onl = (date: string, district: string, reg: string, channel: string) => [
  date,
  district,
  reg,
  `กลุ่ม ${reg}`,
  'ผ้า',
  channel,
  `https://s.x/${reg}`,
  0,
  '',
];
// ท่าบ่อ: 3 activities, 2 new operators on 2 channels; distinct counts, so the columns show.
const data = letterDistricts({
  ท่าบ่อ: {
    activities: [act('25/03/2565', 'ท่าบ่อ'), act('26/03/2565', 'ท่าบ่อ'), act('27/03/2565', 'ท่าบ่อ')],
    online: [onl('25/03/2565', 'ท่าบ่อ', '1', 'FB'), onl('26/03/2565', 'ท่าบ่อ', '2', 'Shopee')],
  },
});
const MARCH_31 = dayOf(2022, 3, 31);
const FEB_28 = dayOf(2022, 2, 28);
const made: MadeBy = {
  province: 'หนองคาย',
  fiscalYear: 2565,
  who: 'p@x',
  when: '31 มี.ค. 2565',
  day: MARCH_31,
  official: defaultSettings([]).official,
  signature: { name: 'นางสาวสมใจ ใจดี', position: 'นักวิชาการพัฒนาชุมชน', phone: '0 4241 1182' },
};
const { activities, channels, newOperators } = MEASURE_BY_KEY;

/**
 * Runs `load` with the report modules loaded afresh and FY 2570's letter added to PROFILES.
 * @param measures FY 2570's measures
 * @param load what to make and read
 */
function withLetter2570<T>(measures: readonly MeasureOf[], load: (reports: Reports, form: Form) => T): T {
  return withLetter(2570, measures, () =>
    load(
      require('../../../../src/features/reports/sheets/reportSheets') as Reports,
      require('../../../../src/features/reports/sheets/officialForm') as Form,
    ),
  );
}

/** The cells of the row of a district in a table, by column key. */
const cellsOf = (
  table: { layout: { columns: readonly { key: string }[] }; rows: readonly (readonly unknown[])[] },
  i: number,
) => Object.fromEntries(table.layout.columns.map((c, k) => [c.key, table.rows[i][k]]));

describe('a year without channels', () => {
  const tha = data.findIndex((d) => d.name === 'ท่าบ่อ');

  test('the round summary: no channel column or cell; score, level and next read back from their columns', () => {
    const got = withLetter2570([activities, newOperators], (reports, form) => {
      const doc = reports.roundSummaryDocument(standingFor(data, MARCH_31), 1, { ...made, fiscalYear: 2570 }, NEWEST);
      const grid = form.formGrid(doc);
      const layout = reports.reportLayout('round', grid.shape, 2570);
      return { doc, layout, read: form.readDocument(grid.rows, layout, layout.tables), grid };
    });
    const keys = got.doc.table.layout.columns.map((c) => c.key);
    expect(keys.slice(6, 10)).toEqual(['target', 'activities', 'newOperators', 'percent']);
    expect(keys).not.toContain('channels');
    expect(got.doc.table.layout.columns.map((c) => c.header).slice(7, 9)).toEqual(['กิจกรรม', 'ผู้ประกอบการรายใหม่']);
    const row = cellsOf(got.doc.table, tha);
    expect([row.activities, row.newOperators]).toEqual([3, 2]);
    expect(got.doc.table.rows[tha]).toHaveLength(keys.length);
    expect(got.doc.table.total).toHaveLength(keys.length);
    expect(got.doc.table.total?.[keys.indexOf('activities')]).toBe(3);
    // the sheet's columns as the report's year lays them out
    expect(got.layout.scoreColumn).toBe(keys.indexOf('score') + 1);
    expect(got.layout.nextColumn).toBe(keys.indexOf('next') + 1);
    const r = got.layout.firstRow + tha;
    expect(got.grid.rows[r - 1][got.layout.levelColumn - 1]).toBe(row.level);
    expect(got.read.table.rows).toEqual(got.doc.table.rows.map((cells) => cells.map((v) => v)));
  });

  test('the monthly report: each of the year’s measures and what it added, no channel pair', () => {
    const doc = withLetter2570([activities, newOperators], (reports) =>
      reports.monthlyReportDocument(
        standingFor(data, MARCH_31),
        standingFor(data, FEB_28),
        2022,
        3,
        10,
        { ...made, fiscalYear: 2570 },
        NEWEST,
      ),
    );
    expect(doc.table.layout.columns.map((c) => c.key).slice(2, 7)).toEqual([
      'activities',
      'activitiesAdded',
      'newOperators',
      'operatorsAdded',
      'target',
    ]);
    expect(Object.values(cellsOf(doc.table, tha)).slice(2, 6)).toEqual([3, 3, 2, 2]);
    expect(doc.table.total?.slice(2, 6)).toEqual([3, 3, 2, 2]);
  });

  test('the three in another order: the round summary’s columns and cells in that order', () => {
    const doc = withLetter2570([newOperators, channels, activities], (reports) =>
      reports.roundSummaryDocument(standingFor(data, MARCH_31), 1, { ...made, fiscalYear: 2570 }, NEWEST),
    );
    expect(doc.table.layout.columns.map((c) => c.key).slice(7, 10)).toEqual(['newOperators', 'channels', 'activities']);
    expect(doc.table.rows[tha].slice(7, 10)).toEqual([2, 2, 3]);
    // channels are not added up: blank in the total, now the middle one
    expect(doc.table.total?.slice(7, 10)).toEqual([2, '', 3]);
  });
});

describe('every real year’s report tables are FY 2565’s (property)', () => {
  const round2565 = roundSummaryDocument(standingFor(data, MARCH_31), 1, made, NEWEST);
  const month2565 = monthlyReportDocument(
    standingFor(data, MARCH_31),
    standingFor(data, FEB_28),
    2022,
    3,
    10,
    made,
    NEWEST,
  );
  const shape = formGrid(round2565).shape;
  const at = reportLayout('round', shape, 2565);

  test('columns, cells, totals and the columns read back', () => {
    expect(round2565.table.layout.columns.map((c) => c.key).slice(7, 10)).toEqual([
      'activities',
      'channels',
      'newOperators',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 2565, max: 2700 }), (year) => {
        const { measures } = profileOf(year);
        const round = roundSummaryDocument(standingFor(data, MARCH_31), 1, { ...made, fiscalYear: year }, NEWEST);
        expect(round.table.layout.columns.map((c) => [c.key, c.width])).toEqual(
          round2565.table.layout.columns.map((c) => [c.key, c.width]),
        );
        expect([round.table.rows, round.table.total]).toEqual([round2565.table.rows, round2565.table.total]);
        const month = monthlyReportDocument(
          standingFor(data, MARCH_31),
          standingFor(data, FEB_28),
          2022,
          3,
          10,
          { ...made, fiscalYear: year },
          NEWEST,
        );
        expect(month.table).toEqual(month2565.table);
        expect(reportTables('month', measures)).toEqual(reportTables('month', profileOf(2565).measures));
        const l = reportLayout('round', shape, year);
        expect([l.scoreColumn, l.levelColumn, l.nameColumn, l.nextColumn]).toEqual([
          at.scoreColumn,
          at.levelColumn,
          at.nameColumn,
          at.nextColumn,
        ]);
        expect(readDocument(formGrid(round).rows, l, l.tables).table.rows).toEqual(round2565.table.rows);
      }),
      { numRuns: 30 },
    );
  });
});
