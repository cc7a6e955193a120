/**
 * Who may edit each of the add-on's sheets, from the settings: the province's sheets for the
 * province's editors; a district's entry sheets for that district's officers and the province;
 * the problem list, the log, the submissions and the board for everyone named (their data checks
 * and submissions write them). Sheets protect ranges, not rows, hence one pair of entry sheets per
 * district. A district with nobody named yet has warning-only sheets, so its officers can start
 * typing.
 */
import type { Settings } from '../../../kernel/settings';
import type { SheetMark } from './sheetMarkers';

/** Who may edit a sheet. */
export interface Rights {
  readonly description: string;
  readonly editors: readonly string[];
  readonly warningOnly: boolean;
}

/**
 * Everyone named in the settings: the province's editors and every district's officers.
 * @param settings the settings
 */
export function namedOfficers(settings: Settings): string[] {
  return [...new Set([...settings.provinceEditors, ...Object.values(settings.districtEditors).flat()])];
}

/**
 * The rights of one of the add-on's sheets.
 * @param mark what the sheet is
 * @param name its name now (for the description officers see)
 * @param settings who is named
 */
export function rightsOf(mark: SheetMark, name: string, settings: Settings): Rights {
  const province = settings.provinceEditors;
  switch (mark.role) {
    case 'activities':
    case 'online': {
      const district = settings.districtEditors[mark.district ?? ''] ?? [];
      return {
        description: `OTOP: ${name} (อ.${mark.district ?? ''} และจังหวัด)`,
        editors: [...new Set([...province, ...district])],
        warningOnly: district.length === 0,
      };
    }
    case 'problems':
    case 'log':
    // A district officer's submission writes these two, as the officer (the script runs as its user).
    case 'submissions':
    case 'board':
      return { description: `OTOP: ${name} (เขียนโดยส่วนเสริม)`, editors: namedOfficers(settings), warningOnly: false };
    default:
      return { description: `OTOP: ${name} (จังหวัด)`, editors: province, warningOnly: false };
  }
}
