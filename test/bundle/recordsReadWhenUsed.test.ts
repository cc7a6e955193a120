/**
 * The reports' record sheet holds every report's document (up to 630 KB each) and grows with
 * every report made: only the actions that use it read it, in the configuration's own batch (no
 * call more), so what opening the sidebar, submitting or the reminders read does not grow with
 * the reports made (src/app/door/door.ts ReadOptions). Seen through the built bundle: the
 * ranges each action asks Sheets.Spreadsheets.Values.batchGet for.
 */
import { FakeSheetsValues } from '../../dev/fakes/advancedSheets';
import { dutiesProvince, PROVINCE_EDITOR, THA_BO } from '../support/duties';

const RECORDS = 'บันทึกรายงานที่จัดทำ';

/** The ranges batchGet is asked for while `run` runs. */
function rangesAsked(run: () => unknown): string[] {
  const asked: string[] = [];
  const original = FakeSheetsValues.prototype.batchGet;
  const spy = jest.spyOn(FakeSheetsValues.prototype, 'batchGet').mockImplementation(function (
    this: FakeSheetsValues,
    id: string,
    options?: object,
  ) {
    const ranges = (options as { ranges?: unknown } | undefined)?.ranges;
    asked.push(...(Array.isArray(ranges) ? ranges : [ranges]).map(String));
    return original.call(this, id, options);
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return asked;
}

/** Whether any range asked names the record sheet. */
const readsRecords = (ranges: readonly string[]) => ranges.some((r) => r.includes(RECORDS));

test('the record sheet is read by making a report, the sending review, sending and the data check, and by no other action', () => {
  const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
  const province = h.as(PROVINCE_EDITOR).gas;
  const summary = String(province.sidebarMakeRoundSummary(1, true).sheet);
  h.gas.sidebarSetReminders(true); // the owner turns the reminders on
  expect(h.run.spreadsheet.getSheetByName(RECORDS)?.getLastRow()).toBe(2); // its header and one record

  const users = {
    province,
    district: h.as(THA_BO).gas,
  };
  const notReading = {
    'opening the sidebar (province)': () => users.province.sidebarState(),
    'opening the sidebar (district)': () => users.district.sidebarState(),
    'the duties view': () => users.district.sidebarDuties(),
    'a submission previewed': () => users.district.sidebarPreviewSubmission('monthly', '2022-02'),
    'a submission sent': () => users.district.sidebarSubmitMonthly('2022-02', true),
    'the daily reminders': () => h.gas.remindDistricts(),
    'the phone page': () => users.district.sidebarEntryForm(),
  };
  for (const [action, run] of Object.entries(notReading)) {
    const ranges = rangesAsked(run);
    expect({ action, batch: ranges.length > 0, records: readsRecords(ranges) }).toEqual({
      action,
      batch: true,
      records: false,
    });
  }
  const reading = {
    'a monthly report made': () => users.province.sidebarMakeMonthlyReport('2022-02', true),
    'the sending review': () => users.province.sidebarPreviewSending(summary),
    'a report sent': () => users.province.sidebarSend(summary, false),
    'the data check': () => users.province.sidebarCheckData(),
  };
  for (const [action, run] of Object.entries(reading)) {
    expect({ action, records: readsRecords(rangesAsked(run)) }).toEqual({ action, records: true });
  }
  // and what they read was what they used: the monthly report's record followed the summary's
  const records = h.run.spreadsheet.getSheetByName(RECORDS)!.getDataRange().getValues();
  expect(records.slice(1).map((r) => r[r.length - 1])).toEqual([1, 2]);
});
