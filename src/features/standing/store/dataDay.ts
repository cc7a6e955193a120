/**
 * Keeps the settings' data day (LABEL.dataDay) at today. The district table's formulas count
 * up to it (Settings.countedTo), and so does the server, which reads the same cell: the figures
 * agree everywhere, and an activity dated ahead starts counting on the day the cell reaches it.
 * A custom function cannot read the clock and stay current: Sheets reruns it only when an
 * argument changes, and may not give it NOW() or a cell holding it (docs/platform.md#custom-functions: custom
 * functions, from the Apps Script guide "Custom functions in Google Sheets"), so the new day
 * written here is what reruns the district formulas once a day.
 */
import type { Day } from '../../../kernel/civilDate';
import { beDateText } from '../../../kernel/thaiDate';
import { asCellText } from '../../../kernel/cellText';
import { LABEL, readSettings } from '../../../kernel/settings';
import { cleanText } from '../../../kernel/text';
import { atomically } from '../../../platform/undo';
import { writeBlock } from '../../../platform/sheetIo';
import type { Caller } from '../../../app/roles';
import type { WorkbookConfig } from '../../../app/workbookRead';

/**
 * Writes today into the data day when it holds another day and the caller is named (the
 * province, or a district's officer: set-up leaves the cell open to them in the protected
 * settings sheet, so any officer's opening of the sidebar keeps the day); nobody else writes.
 * @param config the configuration as read
 * @param today today
 * @param who the caller
 * @return the configuration with today's data day (the same object when nothing was written)
 */
export function keepDataDay(config: WorkbookConfig, today: Day, who: Pick<Caller, 'role'>): WorkbookConfig {
  const { settings, settingsValues } = config;
  const own = config.registry.one('settings');
  if (who.role === 'unknown' || own === null || settings.dataDay === today) return config;
  // The first row of the label: the one readSettings reads and set-up opens to every officer.
  const row = settingsValues.findIndex((r) => cleanText(String(r[0] ?? '')) === LABEL.dataDay);
  if (row < 0) return config; // set-up adds the row
  try {
    atomically((undo) =>
      writeBlock(own.sheet, row + 1, 2, [[asCellText(beDateText(today))]], undo, LABEL.dataDay, [
        [settingsValues[row][1]],
      ]),
    );
  } catch {
    // Not written (a quota, an outage): the table still counts to the day in the cell, and so
    // does the server with the configuration as read; the next action tries again.
    return config;
  }
  // (atomically flushed the write: what is read next through the Sheets API sees it)
  const values = settingsValues.map((r, i) => (i === row ? [r[0], beDateText(today), ...r.slice(2)] : r));
  const { settings: updated, problems } = readSettings(values, config.districts);
  return { ...config, settings: updated, settingsProblems: problems, settingsValues: values };
}
