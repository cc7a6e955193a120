/**
 * Reads everything the rules need from the workbook, one getValues per sheet: settings,
 * criteria, channel names, the district table's figures and every entry sheet, stacked by
 * kind with each row's origin (for messages that point at a cell).
 */
import { CRITERIA_2565 } from '../core/criteria';
import { criteriaFromRows } from '../core/criteriaTable';
import { NONG_KHAI_DISTRICTS } from '../core/districts';
import { ACTIVITY_WIDTH, BASELINE_WIDTH, ONLINE_WIDTH } from '../core/entryLayout';
import { CRITERIA_LAYOUT } from '../workbook/criteriaSheet';
import { readDistrictFigures } from '../workbook/districtList';
import { readSettings, Settings } from '../workbook/settings';
import { entrySheetName, SHEET } from '../workbook/sheetNames';
import { WorkbookData } from '../workbook/standing';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where each stacked row came from. */
export interface Origin {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
}

/** The workbook as read. */
export interface ReadWorkbook {
  readonly data: WorkbookData;
  readonly settings: Settings;
  readonly origins: { readonly activities: Origin[]; readonly online: Origin[]; readonly baseline: Origin[] };
  /** True when the district table or settings sheet is missing (set-up never ran). */
  readonly needsSetUp: boolean;
}

/**
 * Reads the workbook.
 * @param ss the workbook
 */
export function readWorkbook(ss: Spreadsheet): ReadWorkbook {
  const values = (name: string) => ss.getSheetByName(name)?.getDataRange().getValues() ?? [];
  const districtValues = values(SHEET.districts);
  const settingsValues = values(SHEET.settings);
  const districts = readDistrictFigures(districtValues, NONG_KHAI_DISTRICTS);
  const names = districts.map((d) => d.name);
  const { settings } = readSettings(settingsValues, names);
  const criteriaValues = values(SHEET.criteria);
  const parsed = criteriaFromRows(criteriaValues.slice(CRITERIA_LAYOUT.table - 1, CRITERIA_LAYOUT.table - 1 + CRITERIA_LAYOUT.tableRows));
  const stack = (sheets: string[], width: number) => {
    const rows: unknown[][] = [];
    const origin: Origin[] = [];
    for (const sheet of sheets) {
      values(sheet).slice(1).forEach((row, i) => {
        rows.push(row.slice(0, width));
        origin.push({ sheet, row: i + 2 });
      });
    }
    return { rows, origin };
  };
  const activities = stack(names.map((n) => entrySheetName('activities', n)), ACTIVITY_WIDTH);
  const online = stack(names.map((n) => entrySheetName('online', n)), ONLINE_WIDTH);
  const baseline = stack([SHEET.baseline], BASELINE_WIDTH);
  return {
    data: {
      province: settings.province,
      fiscalYear: settings.fiscalYear,
      percentBasis: settings.percentBasis,
      districts,
      criteria: parsed.ok ? parsed.value : CRITERIA_2565,
      channelRows: criteriaValues.slice(CRITERIA_LAYOUT.channels - 1),
      activities: activities.rows,
      online: online.rows,
      baseline: baseline.rows,
    },
    settings,
    origins: { activities: activities.origin, online: online.origin, baseline: baseline.origin },
    needsSetUp: districtValues.length === 0 || settingsValues.length === 0,
  };
}
