/**
 * A small province for the duties' tests: two districts set up by the bundle, their officers
 * and a province editor named in the settings (set-up run again to give them their rights), a
 * few entries, and the clock at a chosen moment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { type FakeExecution, globalScope, type RunTriggersOptions } from '../../dev/fakes';
import { LABEL } from '../../src/kernel/settings';
import { type BundleScope, DIST } from './loadBundle';
import { activityRows, onlineRows, typeRows, typeTwoDistricts } from './entries';
import { type Harness, type HarnessOptions, keptHarness, newHarness } from './workbook';

export const THA_BO = 'tha@district.example';
export const SANGKHOM = 'sangkhom@district.example';
export const PROVINCE_EDITOR = 'editor@province.example';
export const STRANGER = 'stranger@example.com';

/**
 * Writes an address into a settings row, as the province types it.
 * @param h the harness
 * @param label the row's label
 * @param email the address(es)
 */
export function nameInSettings(h: Harness, label: string, email: string): void {
  const settings = h.run.spreadsheet.getSheetByName('ตั้งค่า');
  if (!settings) throw new Error('no settings sheet');
  const row = settings
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no settings row ${label}`);
  settings.getRange(row + 1, 2).setValue(email);
}

/**
 * Two districts (ท่าบ่อ, สังคม) set up, officers named, entries typed; the clock at `at`. Built
 * once per moment and platform in a test file, then restored (keptHarness).
 * @param at the moment the test starts (Bangkok time)
 * @param platform the stand-in's platform variants (default: its defaults)
 */
export function dutiesProvince(at: Date, platform?: HarnessOptions['platform']): Harness {
  return keptHarness(`dutiesProvince ${at.getTime()} ${JSON.stringify(platform ?? null)}`, () =>
    buildProvince_(at, platform),
  );
}

function buildProvince_(at: Date, platform?: HarnessOptions['platform']): Harness {
  const h = newHarness({ editors: [THA_BO, SANGKHOM, PROVINCE_EDITOR, STRANGER], platform });
  h.book.clock.set(at);
  const ss = h.run.spreadsheet;
  typeTwoDistricts(ss);
  // The officers typed into a settings sheet before the first set-up, which keeps them.
  ss.insertSheet('ตั้งค่า')
    .getRange(1, 1, 4, 2)
    .setValues([
      ['การตั้งค่า', 'ค่า'],
      [LABEL.districtEditors('ท่าบ่อ'), THA_BO],
      [LABEL.districtEditors('สังคม'), SANGKHOM],
      [LABEL.provinceEditors, PROVINCE_EDITOR],
    ]);
  h.gas.sidebarSetUp();
  typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 2, '10/10/2564'));
  typeRows(ss, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 1, '05/11/2564'));
  typeRows(ss, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 3, 2, '12/10/2564'));
  typeRows(ss, 'ออนไลน์ สังคม', onlineRows('สังคม', 1, 1, '20/10/2564'));
  return h;
}

/**
 * The rows of a sheet as values (header first).
 * @param h the harness
 * @param name the sheet's name
 */
export function sheetValues(h: Harness, name: string): unknown[][] {
  const sheet = h.run.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

let compiled: Script[] | null = null;

/**
 * Loads the built bundle into a fresh global scope like loadBundle, compiling dist/ once per
 * test file: a year of daily trigger runs loads it hundreds of times.
 * @param services the execution's globals
 * @param now the fake clock
 */
export function loadCompiledBundle(services: Record<string, unknown>, now: () => number): BundleScope {
  compiled ??= readdirSync(DIST)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => new Script(readFileSync(join(DIST, f), 'utf8'), { filename: f }));
  const context = globalScope(services, now);
  for (const script of compiled) script.runInContext(context);
  const scope = context as BundleScope;
  Object.defineProperty(scope, 'run', { value: (source: string) => new Script(source).runInContext(context) });
  return scope;
}

/**
 * The resolver runDueTriggers needs: the handler of the bundle loaded in the trigger's execution.
 * @param h the harness
 */
export function triggerResolver(h: Harness): RunTriggersOptions<FakeExecution>['resolve'] {
  return (run, handler) =>
    loadCompiledBundle({ ...run.globals }, h.book.clock.now)[handler] as ReturnType<
      RunTriggersOptions<FakeExecution>['resolve']
    >;
}

/**
 * A district's duty as its officer's sidebar shows it (fails the test when it is not listed).
 * @param h the workbook
 * @param user the officer
 * @param kind 'month' or 'round'
 * @param period the month (YYYY-MM) or the round's number
 */
export function sidebarDuty(
  h: Harness,
  user: string,
  kind: string,
  period: string,
): ReturnType<BundleScope['sidebarDuties']>['districts'][number]['duties'][number] {
  const found = h
    .as(user)
    .gas.sidebarDuties()
    .districts[0]?.duties.find((d) => d.kind === kind && d.period === period);
  if (!found) throw new Error(`${user}'s sidebar lists no ${kind} ${period}`);
  return found;
}
