/**
 * A finished fiscal year's workbook as read: after the year switch its entries, baseline and
 * settings are in the sheets kept as values for that year (role `archive`, newYear.ts), so what
 * is still owed of it (its September report, due in October of the next year) is counted from
 * them, as the live sheets were on its last day. A year with no kept sheets (the settings' year
 * changed by hand) is read from the live sheets, which still hold its entries.
 */
import { readSettings } from '../../../kernel/settings';
import { readAll } from '../../../platform/sheetIo';
import type { OwnSheet } from '../../../platform/sheetRegistry';
import type { SheetRole } from '../../setup/sheets/sheetMarkers';
import type { SheetRead, WorkbookRead } from '../../../app/workbookRead';

/**
 * The workbook as it was in a fiscal year: the book itself for its own year or a year not kept.
 * @param book the workbook as read now
 * @param fiscalYear BE fiscal year
 */
export function yearBook(book: WorkbookRead, fiscalYear: number): WorkbookRead {
  return yearBookOf(book, fiscalYear, (own) => readAll(own.sheet));
}

/**
 * The workbook as it was in a fiscal year, its kept sheets' values fetched by `valuesOf` (the
 * reading separated from the fetching, for the in-memory door).
 * @param book the workbook as read now
 * @param fiscalYear BE fiscal year
 * @param valuesOf a kept sheet's values
 */
export function yearBookOf(
  book: WorkbookRead,
  fiscalYear: number,
  valuesOf: (own: OwnSheet) => unknown[][],
): WorkbookRead {
  if (fiscalYear === book.settings.fiscalYear) return book;
  const kept = book.registry.all('archive').filter((s) => s.mark.archive?.fiscalYear === fiscalYear);
  if (kept.length === 0) return book;
  const sheet = (of: SheetRole, district?: string): SheetRead | null => {
    const own = kept.find((s) => s.mark.archive?.of === of && (district === undefined || s.mark.district === district));
    if (!own) return null;
    const values = valuesOf(own);
    return { name: own.name, values, formulas: values.map((r) => r.map(() => '')) };
  };
  const settingsSheet = sheet('settings');
  const settings = settingsSheet ? readSettings(settingsSheet.values, book.districts).settings : book.settings;
  const baseline = sheet('baseline') ?? book.baseline;
  const districtsRead = book.districtsRead.map((d) => {
    const activities = sheet('activities', d.row.name) ?? d.activities;
    const online = sheet('online', d.row.name) ?? d.online;
    return {
      ...d,
      activities,
      online,
      sources: {
        ...d.sources,
        activities: activities?.values ?? [],
        online: online?.values ?? [],
        baseline: baseline?.values ?? [],
      },
    };
  });
  return { ...book, settings: { ...settings, fiscalYear }, districtsRead, baseline };
}
