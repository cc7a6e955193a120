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
import { readSettings, type Settings } from '../workbook/settings';
import { entrySheetName, SHEET } from '../workbook/sheetNames';
import type { WorkbookData } from '../workbook/standing';

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

/** The workbook's configuration: its districts, settings, criteria and channel names. */
export interface WorkbookConfig {
  readonly districts: WorkbookData['districts'];
  readonly settings: Settings;
  readonly criteria: WorkbookData['criteria'];
  readonly channelRows: unknown[][];
  readonly needsSetUp: boolean;
}

/** One sheet's values, [] when the sheet is missing. */
function values_(ss: Spreadsheet, name: string): unknown[][] {
  return ss.getSheetByName(name)?.getDataRange().getValues() ?? [];
}

/**
 * Reads the configuration only (three sheets), for actions that need no entries.
 * @param ss the workbook
 */
export function readConfig(ss: Spreadsheet): WorkbookConfig {
  const districtValues = values_(ss, SHEET.districts);
  const settingsValues = values_(ss, SHEET.settings);
  const districts = readDistrictFigures(districtValues, NONG_KHAI_DISTRICTS);
  const { settings } = readSettings(
    settingsValues,
    districts.map((d) => d.name),
  );
  const criteriaValues = values_(ss, SHEET.criteria);
  const parsed = criteriaFromRows(
    criteriaValues.slice(CRITERIA_LAYOUT.table - 1, CRITERIA_LAYOUT.table - 1 + CRITERIA_LAYOUT.tableRows),
  );
  return {
    districts,
    settings,
    criteria: parsed.ok ? parsed.value : CRITERIA_2565,
    channelRows: criteriaValues.slice(CRITERIA_LAYOUT.channels - 1),
    needsSetUp: districtValues.length === 0 || settingsValues.length === 0,
  };
}

/**
 * Reads the workbook: the configuration and every entry sheet.
 * @param ss the workbook
 */
export function readWorkbook(ss: Spreadsheet): ReadWorkbook {
  const config = readConfig(ss);
  const { settings } = config;
  const names = config.districts.map((d) => d.name);
  const stack = (sheets: string[], width: number) => {
    const rows: unknown[][] = [];
    const origin: Origin[] = [];
    for (const sheet of sheets) {
      values_(ss, sheet)
        .slice(1)
        .forEach((row, i) => {
          rows.push(row.slice(0, width));
          origin.push({ sheet, row: i + 2 });
        });
    }
    return { rows, origin };
  };
  const activities = stack(
    names.map((n) => entrySheetName('activities', n)),
    ACTIVITY_WIDTH,
  );
  const online = stack(
    names.map((n) => entrySheetName('online', n)),
    ONLINE_WIDTH,
  );
  const baseline = stack([SHEET.baseline], BASELINE_WIDTH);
  return {
    data: {
      province: settings.province,
      fiscalYear: settings.fiscalYear,
      percentBasis: settings.percentBasis,
      districts: config.districts,
      criteria: config.criteria,
      channelRows: config.channelRows,
      activities: activities.rows,
      online: online.rows,
      baseline: baseline.rows,
    },
    settings,
    origins: { activities: activities.origin, online: online.origin, baseline: baseline.origin },
    needsSetUp: config.needsSetUp,
  };
}
