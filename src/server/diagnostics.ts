/**
 * The self-check (`OTOP → ตรวจสอบระบบ`, or `runDiagnostics` from the Apps Script editor's Run
 * menu): observes each unconfirmed platform behaviour the add-on depends on in the real
 * workbook, in a scratch sheet it always deletes, and writes what each outcome means to the
 * marked result sheet `ผลตรวจสอบระบบ`, with a block of plain JSON for the maintainers. Province
 * only (the same right as set-up); one writer at a time; whole or not at all. The result sheet
 * is its only change: it writes no log row (the sheet itself says who ran it and when), so the
 * workbook is otherwise exactly as before.
 */
import { observeAll } from '../adapter/observe';
import { withScratchSheet } from '../adapter/scratchSheet';
import { applyProtection } from '../adapter/protections';
import { markSheet, type OwnSheet } from '../adapter/sheetRegistry';
import { rewriteSheet } from '../adapter/sheetRewrite';
import { blankOrNewSheet, setColumnWidths } from '../adapter/sheetSync';
import { atomically, type Undo } from '../adapter/undo';
import { readSettings, type Settings } from '../core/settings';
import {
  DIAGNOSTICS_COLUMNS,
  DIAGNOSTICS_WIDTH,
  diagnosticsJson,
  diagnosticsSheetPlan,
  previousLive,
  statusCounts,
  summaryText,
} from '../workbook/diagnosticsSheet';
import type { FindingStatus } from '../workbook/platformFindings';
import { platformFindings } from '../workbook/platformFindings';
import { rightsOf } from '../workbook/rights';
import { SHEET } from '../workbook/sheetNames';
import { nowText } from './clock';
import { webAppNote } from './webApp';
import { caller, requireSetUpRight } from './roles';
import { writingAction } from './serverAction';
import { readConfig, type WorkbookConfig } from './workbookRead';
import { readAll, sheetNamed, showSheet, type Spreadsheet, trimNewSheetColumns } from '../adapter/sheetIo';

/** What the self-check did, for the menu's alert and the editor's log. */
export interface DiagnosticsReport {
  /** the result sheet's name */
  readonly sheet: string;
  readonly counts: Readonly<Record<FindingStatus, number>>;
  /** the summary, Thai */
  readonly message: string;
  /** the block for the maintainers */
  readonly json: string;
}

/**
 * Runs the self-check: locked, whole or not at all, errors in Thai.
 * @param ss the workbook
 * @param now the current time
 * @param clock milliseconds now (Date.now), for the timings
 */
export function runDiagnostics(ss: Spreadsheet, now: Date, clock: () => number): DiagnosticsReport {
  return writingAction(() => atomically((undo) => diagnose_(ss, now, clock, undo)));
}

/** The self-check's steps. */
function diagnose_(ss: Spreadsheet, now: Date, clock: () => number, undo: Undo): DiagnosticsReport {
  const config = readConfig(ss);
  const settings = settingsForRights_(ss, config);
  const who = caller(ss, settings);
  requireSetUpRight(who, settings, 'การตรวจสอบระบบ');
  const existing = config.registry.one('diagnostics');
  const live = existing ? previousLive(readAll(existing.sheet)) : null;
  const { result: observations, leftoversDeleted } = withScratchSheet(ss, config.registry, undo, (scratch) =>
    observeAll(ss, scratch, { clock }),
  );
  const findings = platformFindings(observations, live);
  const json = diagnosticsJson(now.toISOString(), observations, live, findings);
  const notes: string[] = [];
  if (leftoversDeleted > 0) notes.push(`ลบชีตทดสอบที่การตรวจครั้งก่อนทำค้างไว้ ${leftoversDeleted} ชีต`);
  notes.push(webAppNote());
  const own = existing ?? create_(ss, undo, notes);
  applyProtection(own.sheet, rightsOf(own.mark, own.name, settings), undo);
  const madeAt = `ตรวจเมื่อ ${nowText(now)} โดย ${who.email || 'ไม่ทราบอีเมล'}`;
  rewriteSheet(own.sheet, diagnosticsSheetPlan({ madeAt, findings, json, notes }), undo);
  showSheet(own.sheet);
  const counts = statusCounts(findings);
  return { sheet: own.name, counts, message: `${summaryText(findings)} (ดูชีต "${own.name}")`, json };
}

/**
 * The settings the rights are read from: the marked settings sheet, or before the first set-up a
 * sheet named ตั้งค่า, as set-up reads it (roles.ts requireSetUpRight: in a shared drive the
 * first province editor is named by hand there).
 */
function settingsForRights_(ss: Spreadsheet, config: WorkbookConfig): Settings {
  if (config.registry.one('settings')) return config.settings;
  const sheet = sheetNamed(ss, SHEET.settings);
  return readSettings(sheet ? readAll(sheet) : [], config.districts).settings;
}

/**
 * The result sheet, made and marked on the first run; an officer's sheet of the same name is
 * left alone and the new one named apart.
 */
function create_(ss: Spreadsheet, undo: Undo, notes: string[]): OwnSheet {
  const { sheet, name } = blankOrNewSheet(ss, SHEET.diagnostics, undo);
  if (name !== SHEET.diagnostics) {
    notes.push(`มีชีตชื่อ "${SHEET.diagnostics}" ของเจ้าหน้าที่อยู่แล้ว จึงเขียนผลไว้ในชีต "${name}" (ชีตเดิมไม่ถูกแตะ)`);
  }
  const own = markSheet(sheet, { role: 'diagnostics' }, undo);
  trimNewSheetColumns(sheet, DIAGNOSTICS_WIDTH);
  setColumnWidths(
    sheet,
    DIAGNOSTICS_COLUMNS.map((c) => c.width),
  );
  return own;
}
