/**
 * Set-up: creates or repairs every sheet of the workbook. Idempotent: a second run changes
 * nothing that is right, and never overwrites what somebody typed (settings values, the
 * district figures, edited criteria and channel names, entries).
 */
import { CRITERIA_2565, type Criteria } from '../core/criteria';
import { criteriaFromRows } from '../core/criteriaTable';
import { channelNames } from '../core/channels';
import { dateOfDay, isDate } from '../core/civilDate';
import { NONG_KHAI_DISTRICTS } from '../core/districts';
import { isBlank } from '../core/text';
import { applyBandRules } from '../adapter/bandRulesSync';
import { makeBold, setFormat, setFrozenRows } from '../adapter/change';
import { atomically, type Undo } from './undo';
import { appendLog, logEditors } from './auditLog';
import { nowText } from './clock';
import { applyProtection, type ProtectionSpec } from '../adapter/protections';
import { effectiveUserEmail } from '../adapter/services';
import { applySheetSpec, ensureSheet, setColumnWidths } from '../adapter/sheetSync';
import { bandRules } from '../workbook/bandRules';
import { CRITERIA_LAYOUT, criteriaSheetRows } from '../workbook/criteriaSheet';
import {
  columnLetter,
  DISTRICT_COL,
  DISTRICT_INPUT_COLUMNS,
  type DistrictFigures,
  districtTableRows,
} from '../workbook/districtTable';
import { readDistrictFigures } from '../workbook/districtList';
import { defaultSettings, LABEL, readSettings, type Settings, settingsRows } from '../workbook/settings';
import { activitySheetSpec, baselineSheetSpec, districtSheetSpec, onlineSheetSpec } from '../workbook/sheetSpecs';
import { entrySheetName, SHEET } from '../workbook/sheetNames';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What set-up did, for the menu's alert and the sidebar. */
export interface SetupReport {
  readonly created: string[];
  readonly repaired: string[];
  readonly warnings: string[];
  /** One Thai sentence. */
  readonly message: string;
}

/**
 * Sets up or repairs the workbook, whole or not at all. The caller holds the document lock.
 * @param ss the workbook
 */
export function setUpWorkbook(ss: Spreadsheet): SetupReport {
  return atomically((undo) => setUp_(ss, undo));
}

/** Set-up's steps; every change registers its undo. */
function setUp_(ss: Spreadsheet, undo: Undo): SetupReport {
  const created: string[] = [];
  const repaired = new Set<string>();
  const warnings: string[] = [];

  const districtSheet = ensureSheet(ss, SHEET.districts, created, undo);
  const districtValues = districtSheet.getDataRange().getValues();
  const figures = readDistrictFigures(districtValues, NONG_KHAI_DISTRICTS);
  const names = figures.map((f) => f.name);

  const settingsSheet = ss.getSheetByName(SHEET.settings);
  const settingsValues = settingsSheet ? settingsSheet.getDataRange().getValues() : [];
  assertMayChangeProtections_(ss, readSettings(settingsValues, names).settings);

  const { settings, refs } = setUpSettings_(ss, undo, settingsValues, names, created, repaired, warnings);
  const { criteria, channels } = setUpCriteria_(ss, undo, created, repaired, warnings);

  const specs = names.flatMap((name) => [
    activitySheetSpec(entrySheetName('activities', name), name),
    onlineSheetSpec(entrySheetName('online', name), name, channels),
  ]);
  specs.push(baselineSheetSpec(SHEET.baseline, names));
  for (const spec of specs) {
    const sheet = ensureSheet(ss, spec.name, created, undo);
    if (applySheetSpec(sheet, spec, undo, created.includes(spec.name))) repaired.add(spec.name);
  }

  if (writeDistrictTable_(districtSheet, undo, districtValues, figures, refs, settings)) repaired.add(SHEET.districts);
  applySheetSpec(districtSheet, districtSheetSpec(SHEET.districts), undo, created.includes(SHEET.districts));
  const last = names.length + 1;
  makeBold(districtSheet.getRange(last + 1, 1, 1, DISTRICT_COL.next + 1), undo);
  const col = (c: number) => `${columnLetter(c)}2:${columnLetter(c)}${last}`;
  if (applyBandRules(districtSheet, bandRules(criteria, col(DISTRICT_COL.score), col(DISTRICT_COL.level)), undo)) {
    repaired.add(SHEET.districts);
  }

  protect_(ss, undo, settings, names, warnings);
  if (created.length > 0 || repaired.size > 0) {
    const what = `สร้าง ${created.length} ชีต ซ่อมแซม ${[...repaired].filter((n) => !created.includes(n)).length} ชีต`;
    appendLog(ss, [nowText(), effectiveUserEmail(), 'ตั้งค่า / ซ่อมแซมสมุดงาน', what, 'สำเร็จ'], logEditors(settings), undo);
  }

  const changed = [...repaired].filter((n) => !created.includes(n));
  const message =
    created.length === 0 && changed.length === 0
      ? 'สมุดงานครบถ้วนแล้ว ไม่มีสิ่งใดต้องแก้ไข'
      : `ตั้งค่าสมุดงานเรียบร้อย: สร้างชีตใหม่ ${created.length} ชีต ซ่อมแซม ${changed.length} ชีต`;
  return { created: [...created], repaired: changed, warnings, message };
}

/**
 * The settings sheet: labels that are missing are appended; blank values get their default;
 * values somebody typed are kept.
 */
function setUpSettings_(
  ss: Spreadsheet,
  undo: Undo,
  existing: unknown[][],
  names: string[],
  created: string[],
  repaired: Set<string>,
  warnings: string[],
): { settings: Settings; refs: { asOf: string; fiscalYear: string } } {
  const sheet = ensureSheet(ss, SHEET.settings, created, undo);
  const grid: unknown[][] = existing.map((row) => [row[0] ?? '', row[1] ?? '', row[2] ?? '']);
  if (grid.length === 1 && grid[0].every((v) => isBlank(v))) grid.length = 0;
  if (grid.length === 0) grid.push(['การตั้งค่า', 'ค่า', 'คำอธิบาย']);
  const dateRows: number[] = [];
  for (const [label, value, help] of settingsRows(defaultSettings(names), names)) {
    let r = grid.findIndex((row) => String(row[0]).trim() === label);
    if (r < 0) {
      grid.push([label, '', help]);
      r = grid.length - 1;
    }
    const typed = typeof value === 'object' ? dateOfDay(value.day) : value;
    if (isBlank(grid[r][1])) grid[r][1] = typed;
    if (isBlank(grid[r][2])) grid[r][2] = help;
    if (typeof value === 'object') dateRows.push(r + 1);
  }
  const changed =
    grid.length !== existing.length || grid.some((row, r) => row.some((v, c) => !same_(v, existing[r]?.[c])));
  if (changed) {
    const block = sheet.getRange(1, 1, grid.length, 3);
    undo.add(() => block.setValues(grid.map((_, r) => [0, 1, 2].map((c) => existing[r]?.[c] ?? ''))));
    block.setValues(grid);
    if (!created.includes(SHEET.settings)) repaired.add(SHEET.settings);
  }
  for (const row of dateRows) setFormat(sheet.getRange(row, 2), 'dd/mm/yyyy', undo);
  makeBold(sheet.getRange(1, 1, 1, 3), undo);
  setFrozenRows(sheet, 1, undo);
  if (created.includes(SHEET.settings)) setColumnWidths(sheet, [260, 260, 420]);
  const { settings, problems } = readSettings(grid, names);
  warnings.push(...problems);
  const ref = (label: string) => `${SHEET.settings}!$B$${grid.findIndex((row) => String(row[0]).trim() === label) + 1}`;
  return { settings, refs: { asOf: ref(LABEL.asOf), fiscalYear: ref(LABEL.fiscalYear) } };
}

/** The criteria sheet: each of its two tables is written only where it is blank. */
function setUpCriteria_(
  ss: Spreadsheet,
  undo: Undo,
  created: string[],
  repaired: Set<string>,
  warnings: string[],
): { criteria: Criteria; channels: string[] } {
  const sheet = ensureSheet(ss, SHEET.criteria, created, undo);
  const width = CRITERIA_LAYOUT.channelWidth;
  const values = sheet.getDataRange().getValues();
  const defaults = criteriaSheetRows(CRITERIA_2565);
  const pad = (row: unknown[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');
  const blank = (from: number, to: number) => values.slice(from - 1, to).every((row) => row.every((v) => isBlank(v)));
  const tableEnd = CRITERIA_LAYOUT.table + CRITERIA_LAYOUT.tableRows - 1;
  const writeBlock = (from: number, rows: unknown[][]) => {
    const block = sheet.getRange(from, 1, rows.length, width);
    undo.add(() => block.setValues(rows.map((_, r) => pad(values[from - 1 + r] ?? []))));
    block.setValues(rows.map(pad));
    if (!created.includes(SHEET.criteria)) repaired.add(SHEET.criteria);
  };
  let tableRows = values.slice(CRITERIA_LAYOUT.table - 1, tableEnd);
  if (blank(1, tableEnd)) {
    tableRows = defaults.slice(CRITERIA_LAYOUT.table - 1, tableEnd);
    writeBlock(1, defaults.slice(0, tableEnd));
  }
  let channelRows = values.slice(CRITERIA_LAYOUT.channels - 1);
  if (blank(CRITERIA_LAYOUT.channelTitle, values.length)) {
    channelRows = defaults.slice(CRITERIA_LAYOUT.channels - 1);
    writeBlock(CRITERIA_LAYOUT.channelTitle, defaults.slice(CRITERIA_LAYOUT.channelTitle - 1));
  }
  makeBold(sheet.getRange(CRITERIA_LAYOUT.table, 1, 1, CRITERIA_LAYOUT.width), undo);
  makeBold(sheet.getRange(CRITERIA_LAYOUT.channelHeader, 1, 1, width), undo);
  const parsed = criteriaFromRows(tableRows);
  if (!parsed.ok) warnings.push(`ตารางเกณฑ์ในชีต ${SHEET.criteria} มีปัญหา: ${parsed.problem} (ใช้เกณฑ์ปี ๒๕๖๕ ระบายสีแทน)`);
  return { criteria: parsed.ok ? parsed.value : CRITERIA_2565, channels: channelNames(channelRows) };
}

/** Computed columns of the district table: a formula in the first row spills down them. */
const SPILL_COLUMNS: readonly number[] = [
  DISTRICT_COL.operatorGoal,
  DISTRICT_COL.activities,
  DISTRICT_COL.channels,
  DISTRICT_COL.newOperators,
  DISTRICT_COL.percent,
  DISTRICT_COL.score,
  DISTRICT_COL.level,
  DISTRICT_COL.next,
];

/**
 * Writes the district table in one call when anything in it differs; the district names and
 * figures somebody typed are kept, the formulas are the add-on's.
 * @return true when written
 */
function writeDistrictTable_(
  sheet: Sheet,
  undo: Undo,
  values: unknown[][],
  figures: DistrictFigures[],
  refs: { asOf: string; fiscalYear: string },
  settings: Settings,
): boolean {
  const planned = districtTableRows(figures, refs, settings.percentBasis);
  const height = planned.length;
  const width = planned[0].length;
  const formulas = sheet.getRange(1, 1, height, width).getFormulas();
  const grid = planned.map((row, r) =>
    row.map((cell, c) => {
      const typed = values[r]?.[c];
      return r > 0 && DISTRICT_INPUT_COLUMNS.includes(c) && !isBlank(typed) && isBlank(formulas[r][c]) ? typed : cell;
    }),
  );
  // A planned blank may show a formula's spilled result, so only its formula is compared.
  const right = (cell: unknown, r: number, c: number) =>
    typeof cell === 'string' && cell.startsWith('=')
      ? formulas[r][c] === cell
      : isBlank(formulas[r][c]) && (cell === '' || same_(cell, values[r]?.[c] ?? ''));
  const differs = grid.some((row, r) => row.some((cell, c) => !right(cell, r, c)));
  if (differs) {
    const block = sheet.getRange(1, 1, height, width);
    block.setValues(grid);
    // The old content: formulas where there were formulas, else the values, except where a
    // formula's result spills (those cells hold nothing of their own).
    const spilled = (r: number, c: number) => r > 0 && r < height - 1 && SPILL_COLUMNS.includes(c);
    const old = formulas.map((row, r) => row.map((f, c) => f || (spilled(r, c) ? '' : (values[r]?.[c] ?? ''))));
    undo.add(() => block.setValues(old));
  }
  return differs;
}

/**
 * Set-up changes protected sheets and protections, which only the owner or a province editor
 * may do: anyone else is told, in Thai, whom to ask, before anything is touched.
 */
function assertMayChangeProtections_(ss: Spreadsheet, settings: Settings): void {
  const me = effectiveUserEmail();
  const owner = ss.getOwner()?.getEmail().toLowerCase() ?? '';
  if (!me || !owner || me === owner || settings.provinceEditors.includes(me)) return;
  throw new Error(
    `การตั้งค่าสมุดงานทำได้เฉพาะเจ้าของไฟล์หรือผู้แก้ไขระดับจังหวัด: ผู้ใช้ ${me} ไม่มีสิทธิ์นี้ ` +
      `กรุณาให้เจ้าของไฟล์ (${owner}) กด "ตั้งค่าสมุดงาน" หรือเพิ่มอีเมลของท่านในชีต${SHEET.settings} ช่อง "${LABEL.provinceEditors}"`,
  );
}

/**
 * Protects the province's sheets for the province's editors and each district's entry sheets
 * for that district's editors and the province's. A district with nobody named yet gets a
 * warning-only protection, so its officers can start typing.
 */
function protect_(ss: Spreadsheet, undo: Undo, settings: Settings, names: string[], warnings: string[]): void {
  const province = settings.provinceEditors;
  const specs: [string, ProtectionSpec][] = [
    ...[SHEET.settings, SHEET.criteria, SHEET.districts, SHEET.baseline].map((name): [string, ProtectionSpec] => [
      name,
      { description: `OTOP: ${name} (จังหวัด)`, editors: province, warningOnly: false },
    ]),
  ];
  for (const name of names) {
    const district = settings.districtEditors[name] ?? [];
    if (district.length === 0)
      warnings.push(`ยังไม่ได้ระบุอีเมลผู้แก้ไขของ อ.${name} ในชีต${SHEET.settings}: ชีตของอำเภอนี้แก้ไขได้ทุกคน (มีคำเตือน)`);
    for (const kind of ['activities', 'online'] as const) {
      specs.push([
        entrySheetName(kind, name),
        {
          description: `OTOP: ${entrySheetName(kind, name)}`,
          editors: [...province, ...district],
          warningOnly: district.length === 0,
        },
      ]);
    }
  }
  for (const [name, spec] of specs) {
    const sheet = ss.getSheetByName(name);
    if (sheet) applyProtection(sheet, spec, undo);
  }
}

/** Cell values equal, dates by time. */
function same_(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b || (isBlank(a) && isBlank(b));
}
