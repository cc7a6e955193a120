/**
 * The KPI's measures as a list (src/kernel/measures.ts): the tables, OTOP_DISTRICT's row and the
 * scoring texts follow the list, shown by loading them over a variant of it (the measures in
 * reverse order, with other words); and scoring over the list agrees with the per-field scoring
 * it replaced, on random criteria and results.
 */
import fc from 'fast-check';
import { type Criteria, CRITERIA_2565, type Level, levelOfScore } from '../../src/kernel/criteria';
import { type Measure, MEASURES } from '../../src/kernel/measures';
import { assess, type Gap, nextStepText, type Results } from '../../src/features/standing/rules/scoring';
import { operatorTarget } from '../../src/features/standing/rules/targets';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../src/features/counting/rules/entryLayout';
import { defaultSettings, settingsRows } from '../../src/kernel/settings';
import { dateOfDay } from '../../src/kernel/civilDate';
import { profileOf } from '../../src/kernel/yearProfile';

type Kernel = typeof import('../../src/kernel/measures');
type Entry = Measure;

/**
 * Runs `load` with the modules loaded afresh over a variant of the measures' list: the kernel's
 * array changed in place before any consumer is loaded.
 * @param change the variant of the list
 * @param load what to load and read
 */
function overVariant<T>(change: (list: readonly Entry[]) => Entry[], load: () => T): T {
  let out: T | undefined;
  jest.isolateModules(() => {
    const kernel = require('../../src/kernel/measures') as Kernel;
    const next = change(kernel.MEASURES);
    (kernel.MEASURES as unknown as Entry[]).splice(0, next.length, ...next);
    out = load();
  });
  return out as T;
}

/** The measures reversed, each word marked: what the old named fields cannot produce. */
const reversed = (list: readonly Entry[]): Entry[] =>
  [...list]
    .reverse()
    .map((m) => ({ ...m, header: `H ${m.header}`, short: `S ${m.short}`, criteriaHeader: `C ${m.criteriaHeader}` }));

describe('the list', () => {
  test('three measures in the letter’s order, keys and Thai words as the sheets show them', () => {
    expect(MEASURES.map((m) => m.key)).toEqual(['activities', 'channels', 'newOperators']);
    expect(MEASURES.map((m) => [m.header, m.short, m.criteriaHeader])).toEqual([
      ['กิจกรรม (ครั้ง)', 'กิจกรรม', 'กิจกรรม (ครั้ง) ≥'],
      ['ช่องทางออนไลน์', 'ช่องทาง', 'ช่องทางออนไลน์ ≥'],
      ['ผู้ประกอบการรายใหม่', 'ผู้ประกอบการรายใหม่', 'ผู้ประกอบการรายใหม่ ≥ ร้อยละ'],
    ]);
    expect(MEASURES.map((m) => m.summed)).toEqual([true, false, true]);
  });
});

describe('generated from the list: a variant list changes every table the same way', () => {
  test('the district table’s measure columns and OTOP_DISTRICT’s outputs', () => {
    const { layout, outputs } = overVariant(reversed, () => {
      const table =
        require('../../src/features/setup/sheets/districtTable') as typeof import('../../src/features/setup/sheets/districtTable');
      const result =
        require('../../src/features/standing/rules/districtResult') as typeof import('../../src/features/standing/rules/districtResult');
      const { measures } = (
        require('../../src/kernel/yearProfile') as typeof import('../../src/kernel/yearProfile')
      ).profileOf(2565);
      return { layout: table.districtLayout(measures), outputs: result.districtOutputs(measures) };
    });
    const at = layout.columns.findIndex((c) => c.key === 'target');
    expect(layout.columns.slice(at + 1, at + 4).map((c) => [c.key, c.header, c.width])).toEqual([
      ['newOperators', 'H ผู้ประกอบการรายใหม่', 110],
      ['channels', 'H ช่องทางออนไลน์', 90],
      ['activities', 'H กิจกรรม (ครั้ง)', 90],
    ]);
    expect(outputs.slice(0, 5)).toEqual(['target', 'newOperators', 'channels', 'activities', 'percent']);
  });

  test('the criteria table: its headers, rows, reading back and the top level’s references', () => {
    const got = overVariant(reversed, () => {
      const table =
        require('../../src/features/setup/rules/criteriaTable') as typeof import('../../src/features/setup/rules/criteriaTable');
      const sheet =
        require('../../src/features/setup/sheets/criteriaSheet') as typeof import('../../src/features/setup/sheets/criteriaSheet');
      const { measures } = (
        require('../../src/kernel/yearProfile') as typeof import('../../src/kernel/yearProfile')
      ).profileOf(2565);
      const rows = table.criteriaToRows(CRITERIA_2565, measures);
      return {
        headers: table.criteriaHeaders(measures),
        rows,
        back: table.criteriaFromRows(rows, measures),
        refs: sheet.criteriaRefs('เกณฑ์', measures),
      };
    });
    expect(got.headers).toEqual([
      'คะแนน',
      'ระดับ',
      'C ผู้ประกอบการรายใหม่ ≥ ร้อยละ',
      'C ช่องทางออนไลน์ ≥',
      'C กิจกรรม (ครั้ง) ≥',
      'สีพื้น',
      'สีตัวอักษร',
      'ชื่อสี',
    ]);
    // level 1: 1 % of new operators, 1 channel, no activities minimum
    expect(got.rows[5].slice(0, 5)).toEqual([1, 'ปรับปรุง', 1, 1, 0]);
    expect(got.back).toEqual({ ok: true, value: CRITERIA_2565 });
    expect(got.refs.topActivities).toBe("'เกณฑ์'!$E$3");
    expect(got.refs.topChannels).toBe("'เกณฑ์'!$D$3");
    expect(got.refs.table).toBe("'เกณฑ์'!$A$2:$H$8");
  });

  test('the report tables and the submissions record', () => {
    const keys = overVariant(reversed, () => {
      const reports =
        require('../../src/features/reports/sheets/reportSheets') as typeof import('../../src/features/reports/sheets/reportSheets');
      const subs =
        require('../../src/features/submissions/sheets/submissions') as typeof import('../../src/features/submissions/sheets/submissions');
      const cols = (layout: { columns: readonly { key: string; header: string }[] }, from: string, n: number) => {
        const at = layout.columns.findIndex((c) => c.key === from);
        return layout.columns.slice(at, at + n).map((c) => `${c.key}:${c.header}`);
      };
      const { measures } = (
        require('../../src/kernel/yearProfile') as typeof import('../../src/kernel/yearProfile')
      ).profileOf(2565);
      return {
        round: cols(reports.roundTable(measures), 'newOperators', 3),
        month: cols(reports.monthTable(measures), 'newOperators', 6),
        record: cols(subs.SUBMISSION_LAYOUT, 'newOperators', 3),
      };
    });
    expect(keys.round).toEqual(['newOperators:S ผู้ประกอบการรายใหม่', 'channels:S ช่องทาง', 'activities:S กิจกรรม']);
    expect(keys.month).toEqual([
      'newOperators:S ผู้ประกอบการรายใหม่',
      'operatorsAdded:เพิ่มในเดือน',
      'channels:S ช่องทาง',
      'channelsAdded:เพิ่มในเดือน',
      'activities:S กิจกรรม',
      'activitiesAdded:เพิ่มในเดือน',
    ]);
    expect(keys.record).toEqual(['newOperators:S ผู้ประกอบการรายใหม่', 'channels:S ช่องทาง', 'activities:S กิจกรรม']);
  });

  test('OTOP_DISTRICT’s row and the next step’s text follow the list’s order', () => {
    const A = ACTIVITY_LAYOUT.at;
    const O = ONLINE_LAYOUT.at;
    const activity = (n: number) => {
      const row: unknown[] = Array(ACTIVITY_LAYOUT.width).fill('');
      row[A.date] = '10/01/2565';
      row[A.activity] = `งาน ${n}`;
      row[A.budget] = 'ไม่ใช้';
      return row;
    };
    const online = (i: number, channel: string) => {
      const row: unknown[] = Array(ONLINE_LAYOUT.width).fill('');
      row[O.date] = '10/01/2565';
      row[O.regNo] = `R${i}`;
      row[O.name] = `กลุ่ม ${i}`;
      row[O.channel] = channel;
      return row;
    };
    const settings = [
      ['การตั้งค่า', 'ค่า'],
      ...settingsRows(defaultSettings([]), []).map(([l, v]) => [l, typeof v === 'object' ? dateOfDay(v.day) : v]),
    ];
    // 4 activities, 3 new operators on 2 channels: distinct counts, so their order shows.
    const acts = [[...ACTIVITY_LAYOUT.headers], ...[1, 2, 3, 4].map(activity)];
    const onl = [[...ONLINE_LAYOUT.headers], online(0, 'Facebook'), online(1, 'Shopee'), online(2, 'Facebook')];
    const run = () => {
      const fn =
        require('../../src/features/standing/functions/districtFunction') as typeof import('../../src/features/standing/functions/districtFunction');
      const table =
        require('../../src/features/setup/rules/criteriaTable') as typeof import('../../src/features/setup/rules/criteriaTable');
      const scoring =
        require('../../src/features/standing/rules/scoring') as typeof import('../../src/features/standing/rules/scoring');
      const { measures } = (
        require('../../src/kernel/yearProfile') as typeof import('../../src/kernel/yearProfile')
      ).profileOf(2565);
      const row = fn.otopDistrict(
        'ท่าบ่อ',
        74,
        12,
        acts,
        onl,
        [[...BASELINE_LAYOUT.headers]],
        settings,
        table.criteriaToRows(CRITERIA_2565, measures),
      )[0];
      const next = scoring.nextStepText(
        scoring.assess({ activities: 2, channels: 1, newOperators: 1, registered: 74 }, CRITERIA_2565, measures),
        measures,
      );
      return { counts: row.slice(0, 4), next };
    };
    expect(run()).toEqual({
      counts: [4, 4, 2, 3],
      next: 'ระดับถัดไป ปานกลาง (3 คะแนน): เพิ่มกิจกรรมอีก 1 ครั้ง, ผู้ประกอบการรายใหม่อีก 1 ราย',
    });
    expect(overVariant(reversed, run)).toEqual({
      counts: [4, 3, 2, 4],
      next: 'ระดับถัดไป ปานกลาง (3 คะแนน): เพิ่มผู้ประกอบการรายใหม่อีก 1 ราย, กิจกรรมอีก 1 ครั้ง',
    });
  });
});

/** The scoring this list replaced, each measure a named field (commit 29b8137's scoring.ts). */
const perField = {
  gapTo(results: Results, level: Level): Gap {
    return {
      score: level.score,
      name: level.name,
      activities: Math.max(0, level.minActivities - results.activities),
      channels: Math.max(0, level.minChannels - results.channels),
      newOperators: Math.max(0, operatorTarget(results.registered, level.percent) - results.newOperators),
    };
  },
  assess(results: Results, criteria: Criteria) {
    const levels = [...criteria.levels].sort((a, b) => b.score - a.score);
    const highest = (met: (gap: Gap) => boolean): number =>
      levels.find((level) => met(perField.gapTo(results, level)))?.score ?? 0;
    const score = highest((g) => g.activities === 0 && g.channels === 0 && g.newOperators === 0);
    const nextLevel = levels.filter((level) => level.score > score).pop();
    const { name, band } = levelOfScore(criteria, score);
    return {
      score,
      name,
      band,
      activitiesLevel: highest((g) => g.activities === 0),
      onlineLevel: highest((g) => g.channels === 0 && g.newOperators === 0),
      next: nextLevel ? perField.gapTo(results, nextLevel) : null,
    };
  },
  nextStepText(gap: Gap | null, name: string): string {
    if (!gap) return `ถึงระดับสูงสุดแล้ว (${name})`;
    const needs = [
      gap.activities > 0 ? `กิจกรรมอีก ${gap.activities} ครั้ง` : '',
      gap.channels > 0 ? `ช่องทางออนไลน์อีก ${gap.channels} ช่องทาง` : '',
      gap.newOperators > 0 ? `ผู้ประกอบการรายใหม่อีก ${gap.newOperators} ราย` : '',
    ].filter(Boolean);
    return `ระดับถัดไป ${gap.name} (${gap.score} คะแนน): เพิ่ม${needs.join(', ')}`;
  },
};

describe('scoring over the list agrees with the per-field scoring', () => {
  const level = (score: number) =>
    fc
      .record({
        minActivities: fc.nat(8),
        minChannels: fc.nat(5),
        percent: fc.oneof(fc.nat(10), fc.double({ min: 0, max: 10, noNaN: true })),
      })
      .map((m): Level => ({ score, name: `ระดับ ${score}`, ...m, band: CRITERIA_2565.below.band }));
  const criteria = fc
    .subarray([1, 2, 3, 4, 5], { minLength: 1 })
    .chain((scores) => fc.tuple(...scores.map(level)))
    .map((levels): Criteria => ({ levels, below: CRITERIA_2565.below }));
  const results = fc.record({
    activities: fc.nat(10),
    channels: fc.nat(6),
    newOperators: fc.nat(30),
    registered: fc.nat(600),
  });

  test('the same assessment and next step on random criteria and results', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(CRITERIA_2565), criteria), results, (c, r) => {
        const now = assess(r, c, profileOf(2565).measures);
        const was = perField.assess(r, c);
        expect(now).toEqual(was);
        expect(nextStepText(now, profileOf(2565).measures)).toBe(perField.nextStepText(was.next, was.name));
      }),
      { numRuns: 2000 },
    );
  });
});
