/**
 * The measures the sidebar and the phone page show come from the fiscal year's profile (issue
 * 26): the state carries the settings' year's measure keys in order, a submission's preview its
 * duty's own year's. A hypothetical later letter (FY 2566: new operators, then activities; no
 * channels) stands in for PROFILES here; FY 2565 keeps the letter's three.
 */
import { startNewFiscalYear } from '../../src/features/fiscalYears/action/newYear';
import { setUpWorkbook } from '../../src/features/setup/action/setup';
import { sidebarStateAt } from '../../src/features/standing/action/state';
import { previewSubmission, submitDuty } from '../../src/features/submissions/action/submissions';
import { MemoryWorkbook } from '../support/memoryDoor';
import { endingYear, OWNER, PROVINCE, STRANGER, THA_BO, withBaseline } from './workbooks';

jest.mock('../../src/kernel/yearProfile', () => {
  const actual = jest.requireActual('../../src/kernel/yearProfile');
  const { MEASURES, MEASURE_BY_KEY } = jest.requireActual('../../src/kernel/measures');
  const rows = [
    { fiscalYear: 2565, measures: MEASURES },
    { fiscalYear: 2566, measures: [MEASURE_BY_KEY.newOperators, MEASURE_BY_KEY.activities] },
  ];
  return { ...actual, PROFILES: rows, profileOf: (year: number, profiles = rows) => actual.profileOf(year, profiles) };
});

/** In FY 2565 (March; September: August's report due); in FY 2566 (FY 2565's September report still owed). */
const MARCH = new Date('2022-03-15T03:00:00Z');
const SEPTEMBER = new Date('2022-09-02T03:00:00Z');
const OCTOBER = new Date('2022-10-05T03:00:00Z');

test("FY 2565's state and preview carry the letter's three measures, in the catalogue's order", () => {
  const book = new MemoryWorkbook(withBaseline(THA_BO));
  expect(sidebarStateAt(book, MARCH).measures).toEqual(['activities', 'channels', 'newOperators']);
  expect(previewSubmission(book, 'month', '2022-02', MARCH).measures).toEqual([
    'activities',
    'channels',
    'newOperators',
  ]);
});

test("after the switch: the state carries FY 2566's measures; the September report's preview its own year's", () => {
  const book = new MemoryWorkbook(endingYear(OWNER, [1, 2, 3]));
  setUpWorkbook(book, MARCH);
  // a submission of FY 2565 kept: its September report is owed in FY 2566
  book.actAs(THA_BO);
  expect(submitDuty(book, 'month', '2022-08', SEPTEMBER, true).needsConfirmation).toBe(false);
  book.actAs(OWNER);
  expect(startNewFiscalYear(book, OCTOBER).needsConfirmation).toBe(false);
  const owner = sidebarStateAt(book, OCTOBER);
  expect(owner.fiscalYear).toBe(2566);
  expect(owner.measures).toEqual(['newOperators', 'activities']);
  // every caller sees the same measures: the province, an officer, someone named nowhere, a hidden e-mail
  for (const user of [PROVINCE, THA_BO, STRANGER, '']) {
    book.actAs(user);
    expect({ user, measures: sidebarStateAt(book, OCTOBER).measures }).toEqual({
      user,
      measures: ['newOperators', 'activities'],
    });
  }
  book.actAs(THA_BO);
  const september = previewSubmission(book, 'month', '2022-09', OCTOBER);
  expect(september.title).toBe('รายงานประจำเดือน กันยายน 2565');
  expect(september.measures).toEqual(['activities', 'channels', 'newOperators']);
});
