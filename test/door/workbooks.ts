/**
 * A small province for the door's tests: the settings (the province's editors, two districts'
 * officers), the district table of two districts, and the entry sheets of one of them (the
 * other's are missing, which the data check reports on the district table).
 */
import { LOG_LAYOUT } from '../../src/app/auditLog';
import { ACTIVITY_LAYOUT, BASELINE_LAYOUT, ONLINE_LAYOUT } from '../../src/features/counting/rules/entryLayout';
import { DISTRICT_COL, districtLayoutOf } from '../../src/features/setup/sheets/districtTable';
import { entrySheetName, SHEET } from '../../src/features/setup/sheets/sheetNames';
import { LABEL } from '../../src/kernel/settings';
import type { MemorySeed, MemoryWorkbook } from '../support/memoryDoor';
import { OfficerError } from '../../src/kernel/officerError';
// — the fiscal-year switch
import type { ReportMark } from '../../src/features/setup/sheets/sheetMarkers';
import { activityRows, onlineRows } from '../support/entries';

export const OWNER = 'owner@example.com';
export const PROVINCE = 'province@example.com';
export const THA_BO = 'thabo@example.com';
export const PHON_PHISAI = 'phonphisai@example.com';
export const STRANGER = 'stranger@example.com';

/** A district table's row of a district. */
function districtRow_(name: string, registered: number, promoted: number): unknown[] {
  const row: unknown[] = districtLayoutOf(2565).headers.map(() => '');
  row[DISTRICT_COL.name] = name;
  row[DISTRICT_COL.registered] = registered;
  row[DISTRICT_COL.promoted] = promoted;
  return row;
}

/**
 * A district's activities sheet, with its header only.
 * @param district the district
 */
export function activities(district: string): MemorySeed['sheets'][number] {
  return {
    name: entrySheetName('activities', district),
    role: 'activities',
    district,
    values: [[...ACTIVITY_LAYOUT.headers]],
  };
}

/**
 * A district's online sheet, with its header only.
 * @param district the district
 */
export function online(district: string): MemorySeed['sheets'][number] {
  return { name: entrySheetName('online', district), role: 'online', district, values: [[...ONLINE_LAYOUT.headers]] };
}

/**
 * The province's sheets, as a seed of the in-memory door (the contract suite writes the same
 * into the stand-in).
 * @param user the caller ('' when Google hides the e-mail)
 */
export function province(user: string): MemorySeed {
  return {
    owner: OWNER,
    user,
    editors: [PROVINCE, THA_BO, PHON_PHISAI, STRANGER],
    sheets: [
      {
        name: SHEET.settings,
        role: 'settings',
        values: [
          [LABEL.province, 'หนองคาย'],
          [LABEL.fiscalYear, 2565],
          [LABEL.provinceEditors, PROVINCE],
          [LABEL.districtEditors('ท่าบ่อ'), THA_BO],
          [LABEL.districtEditors('โพนพิสัย'), PHON_PHISAI],
        ],
      },
      {
        name: SHEET.districts,
        role: 'districts',
        values: [[...districtLayoutOf(2565).headers], districtRow_('ท่าบ่อ', 120, 30), districtRow_('โพนพิสัย', 90, 20)],
      },
      activities('ท่าบ่อ'),
      online('ท่าบ่อ'),
      { name: SHEET.log, role: 'log', values: [[...LOG_LAYOUT.headers]] },
    ],
  };
}

/**
 * The small province with the settings' data day (a day before the tests' today), as the
 * reminders' run keeps it.
 * @param user the caller ('' when Google hides the e-mail)
 * @param dataDay the data day's text (dd/mm/yyyy, BE)
 */
export function withDataDay(user: string, dataDay = '01/03/2565'): MemorySeed {
  const seed = province(user);
  return {
    ...seed,
    sheets: seed.sheets.map((s) =>
      s.role === 'settings' ? { ...s, values: [...s.values, [LABEL.dataDay, dataDay]] } : s,
    ),
  };
}

/**
 * The small province with the baseline (its header only), as a district's figures are counted
 * for a submission.
 * @param user the caller ('' when Google hides the e-mail)
 */
export function withBaseline(user: string): MemorySeed {
  const seed = province(user);
  return {
    ...seed,
    sheets: [...seed.sheets, { name: SHEET.baseline, role: 'baseline', values: [[...BASELINE_LAYOUT.headers]] }],
  };
}

/** What an action threw (it must throw). */
export function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the action did not throw');
}

/**
 * Expects an action refused in Thai (an OfficerError naming what was refused and why) with the
 * in-memory workbook exactly as it was.
 * @param book the workbook
 * @param action the refused action
 * @param what the refused action's Thai name, as the message gives it
 * @param why the reason's Thai words
 */
export function expectRefused(book: MemoryWorkbook, action: () => unknown, what: string, why: string): void {
  const before = book.snapshot();
  const refused = thrown(action);
  expect(refused).toBeInstanceOf(OfficerError);
  expect(refused.message).toContain(what);
  expect(refused.message).toContain(why);
  expect(book.snapshot()).toEqual(before);
}

// — the fiscal-year switch
/**
 * A current round summary of FY 2565 (its sheet marked as a report).
 * @param round 1–3
 */
function roundReport_(round: number): MemorySeed['sheets'][number] {
  const report: ReportMark = {
    kind: 'round',
    period: String(round),
    fiscalYear: 2565,
    state: 'current',
    provisional: false,
    made: '2022-09-30T03:00:00.000Z',
    districts: 2,
  };
  return { name: `สรุปผล รอบที่ ${round}`, role: 'report', report, values: [['สรุปผล']] };
}

/**
 * The small province in FY 2565 before its set-up: ท่าบ่อ's entries (an activity, two operators
 * new online), a baseline of one operator, and the round summaries made.
 * @param user the caller ('' when Google hides the e-mail)
 * @param rounds the rounds whose current summary was made
 */
export function endingYear(user: string, rounds: readonly number[]): MemorySeed {
  const seed = province(user);
  const activitiesName = entrySheetName('activities', 'ท่าบ่อ');
  const onlineName = entrySheetName('online', 'ท่าบ่อ');
  return {
    ...seed,
    sheets: [
      ...seed.sheets.map((s) =>
        s.name === activitiesName
          ? { ...s, values: [[...ACTIVITY_LAYOUT.headers], ...activityRows('ท่าบ่อ', 1)] }
          : s.name === onlineName
            ? { ...s, values: [[...ONLINE_LAYOUT.headers], ...onlineRows('ท่าบ่อ', 2, 2)] }
            : s,
      ),
      {
        name: SHEET.baseline,
        role: 'baseline',
        values: [[...BASELINE_LAYOUT.headers], ['ท่าบ่อ', 'NK-old-1', 'กลุ่มเดิม']],
      },
      ...rounds.map(roundReport_),
    ],
  };
}
