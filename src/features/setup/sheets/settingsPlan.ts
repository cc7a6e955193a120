/**
 * The settings sheet as set-up plans it, from its values as typed: labels that are missing
 * appended, blank values given their default, a date cell of an earlier version turned into the
 * same day's BE text, the data day at today; values somebody typed are kept. Both doors write
 * the same plan (src/features/setup/store/setUpSteps.ts, test/support/memoryDoor.ts).
 */
import { type Day, isDate } from '../../../kernel/civilDate';
import { CALENDAR_2565 } from '../../../kernel/calendar';
import { asCellText } from '../../../kernel/cellText';
import { parseDate } from '../../../kernel/dateParse';
import { defaultSettings, LABEL, readSettings, settingsRows } from '../../../kernel/settings';
import { cleanText, isBlank } from '../../../kernel/text';
import { beDateText } from '../../../kernel/thaiDate';
import { yearTakenText } from '../rules/yearTaken';

/** A value set-up writes in a cell. */
type Cell_ = string | number | boolean | Date;

/** Cells to write, by row then column (1-based). */
export type CellPlan = Map<number, Map<number, Cell_>>;

/** The settings sheet's plan. */
export interface SettingsPlan {
  /** The cells to write over the values as read (only those that differ are written). */
  readonly planned: CellPlan;
  /** The settings with the plan's cells, before the data day's (what the day's write is compared to). */
  readonly planGrid: unknown[][];
  /** The data day's cell at today, when it holds another day (else null). */
  readonly day: CellPlan | null;
  /** The settings as they will be, the data day at today. */
  readonly grid: unknown[][];
  /** The rows (1-based) whose value is a date kept as plain text, the data day's last. */
  readonly dateRows: number[];
  /** The data day's row (1-based). */
  readonly dataDayRow: number;
  /** The year taken on a workbook whose settings named none ('' when they named one). */
  readonly yearText: string;
}

/**
 * The settings sheet's plan.
 * @param existing its values as read ([] when there is none)
 * @param names the districts
 * @param today today
 * @param chosenYear the fiscal year chosen for a workbook whose settings name none
 */
export function settingsPlan(
  existing: readonly (readonly unknown[])[],
  names: readonly string[],
  today: Day,
  chosenYear?: number,
): SettingsPlan {
  const grid: unknown[][] = existing.map((row) => [row[0] ?? '', row[1] ?? '', row[2] ?? '']);
  if (grid.length === 1 && grid[0].every((v) => isBlank(v))) grid.length = 0;
  if (grid.length === 0) grid.push(['การตั้งค่า', 'ค่า', 'คำอธิบาย']);
  const yearTyped = grid.some((row) => cleanText(String(row[0])) === LABEL.fiscalYear && !isBlank(row[1]));
  const typedYear = yearTyped
    ? readSettings(grid, names).settings.fiscalYear
    : Number(chosenYear ?? CALENDAR_2565.fiscalYear);
  const yearText = yearTyped ? '' : yearTakenText(typedYear, today);
  const dateRows: number[] = [];
  let dataDayRow = -1;
  const planned: CellPlan = new Map();
  const plan = (r: number, c: number, v: Cell_) => {
    if (!planned.has(r + 1)) planned.set(r + 1, new Map());
    planned.get(r + 1)?.set(c + 1, v);
    grid[r][c] = v;
  };
  for (const [label, value, help] of settingsRows(defaultSettings(names, typedYear), names)) {
    let r = grid.findIndex((row) => cleanText(String(row[0])) === label);
    if (r < 0) {
      grid.push(['', '', '']);
      r = grid.length - 1;
      plan(r, 0, label);
    }
    // Dates as BE text (beDateText); a date cell of an earlier version becomes the same day's BE text.
    const typed = typeof value === 'object' ? asCellText(beDateText(value.day)) : value;
    if (label === LABEL.dataDay) dataDayRow = r;
    else if (isBlank(grid[r][1])) plan(r, 1, typed);
    else if (typeof value === 'object' && isDate(grid[r][1])) {
      const was = parseDate(grid[r][1]);
      if (was.ok) plan(r, 1, asCellText(beDateText(was.value)));
    }
    if (isBlank(grid[r][2])) plan(r, 2, help);
    if (typeof value === 'object') dateRows.push(r + 1);
  }
  if (existing.length === 0) {
    grid[0].forEach((v, c) => {
      plan(0, c, v as Cell_);
    });
  }
  const planGrid = grid.map((row) => [...row]);
  let day: CellPlan | null = null;
  // The add-on's own cell, today whatever it holds (dataDay.ts keeps it so every day): a new day is no repair.
  if (!sameDay_(grid[dataDayRow][1], today)) {
    day = new Map([[dataDayRow + 1, new Map<number, Cell_>([[2, asCellText(beDateText(today))]])]]);
    grid[dataDayRow][1] = beDateText(today);
  }
  dateRows.push(dataDayRow + 1);
  return { planned, planGrid, day, grid, dateRows, dataDayRow: dataDayRow + 1, yearText };
}

/** Whether a settings cell holds a given day (a date cell or a date typed as text). */
function sameDay_(value: unknown, day: Day): boolean {
  const parsed = parseDate(value);
  return parsed.ok && parsed.value === day;
}
