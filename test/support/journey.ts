/**
 * The README's "How officers use it", followed as officers do: the owner sets up, names a
 * province editor and districts' officers in ตั้งค่า, sets up again; officers type in their own
 * sheets; an officer is later removed from the settings and set-up runs again. Then one user
 * (a role) runs every action the sidebar and the menu offer, through the built bundle, with
 * that user's own rights, and each outcome is checked against what the role may do.
 */
import { dumpText as workbookText } from './sameDump';
import { LABEL } from '../../src/kernel/settings';
import { activityRows, onlineRows, typeRows, typeTwoDistricts } from './entries';
import { type Harness, keptHarness, newHarness, OWNER } from './workbook';

export const PROVINCE = 'prov@nongkhai.example';
export const THA_BO = 'tha@district.example';
export const SANGKHOM = 'sang@district.example';
export const REMOVED = 'gone@district.example';
export const NOWHERE = 'nobody@district.example';

/** The roles the journeys follow. */
export type Role =
  | 'owner'
  | 'province editor'
  | 'district officer'
  | 'named nowhere'
  | 'hidden e-mail'
  | 'removed officer';

/** Who plays each role (a hidden e-mail: a named officer whose address Google withholds). */
export const PLAYER: Record<Role, { user: string; hideEmail?: boolean }> = {
  owner: { user: OWNER },
  'province editor': { user: PROVINCE },
  'district officer': { user: THA_BO },
  'named nowhere': { user: NOWHERE },
  'hidden e-mail': { user: SANGKHOM, hideEmail: true },
  'removed officer': { user: REMOVED },
};

/**
 * Writes a settings value by its label, as the province types it.
 * @param h the harness
 * @param label the setting's label
 * @param value the value
 */
export function setSetting(h: Harness, label: string, value: unknown): void {
  const sheet = h.run.spreadsheet.getSheetByName('ตั้งค่า');
  if (!sheet) throw new Error('no settings sheet');
  const row = sheet
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no setting ${label}`);
  sheet.getRange(row + 1, 2).setValue(value);
}

/**
 * The workbook after the README's first steps: a two-district province (small dumps), set up
 * by the owner, its officers named, set up again, entries typed by the officers themselves, and
 * one officer removed again. A fixed clock after FY 2565 (its reports are not provisional).
 */
export function journeyWorkbook(): Harness {
  return keptHarness('journeyWorkbook', buildJourneyWorkbook_);
}

function buildJourneyWorkbook_(): Harness {
  const h = newHarness({ editors: [PROVINCE, THA_BO, SANGKHOM, REMOVED, NOWHERE] });
  h.book.clock.set(new Date(2022, 9, 15, 9, 30));
  const ss = h.run.spreadsheet;
  typeTwoDistricts(ss);
  h.gas.sidebarSetUp(); // 1. the owner sets up
  setSetting(h, LABEL.provinceEditors, PROVINCE); // 2. names the officers, sets up again
  setSetting(h, LABEL.districtEditors('ท่าบ่อ'), `${THA_BO}, ${REMOVED}`);
  setSetting(h, LABEL.districtEditors('สังคม'), SANGKHOM);
  h.gas.sidebarSetUp();
  // 3. officers type in their own sheets, as themselves
  const tha = h.as(THA_BO).run.spreadsheet;
  typeRows(tha, 'กิจกรรม ท่าบ่อ', activityRows('ท่าบ่อ', 3, '10/03/2565'));
  typeRows(tha, 'ออนไลน์ ท่าบ่อ', onlineRows('ท่าบ่อ', 3, 2, '11/03/2565'));
  typeRows(h.as(SANGKHOM).run.spreadsheet, 'ออนไลน์ สังคม', onlineRows('สังคม', 2, 1, '12/03/2565'));
  // 4. a district officer checks the data (the problem list appears); 5. the province makes
  // a summary to preview and send
  h.as(THA_BO).gas.sidebarCheckData();
  h.as(PROVINCE).gas.sidebarMakeRoundSummary(1);
  // an officer leaves: removed from the settings, set-up again
  setSetting(h, LABEL.districtEditors('ท่าบ่อ'), THA_BO);
  h.gas.sidebarSetUp();
  return h;
}

/** What an action is to the roles: who may run it. */
export type Right = 'everyone' | 'officers' | 'province';

/** An action the sidebar or the menu offers. */
export interface Action {
  readonly name: string;
  readonly right: Right;
  /** Whether it writes the workbook (then it is logged when it changes something). */
  readonly writes: boolean;
  readonly run: (gas: Harness['gas']) => unknown;
}

/** Every action of the menu and the sidebar, in the order an officer meets them. */
export const ACTIONS: readonly Action[] = [
  { name: 'onOpen', right: 'everyone', writes: false, run: (g) => g.onOpen() },
  { name: 'showSidebar', right: 'everyone', writes: false, run: (g) => g.showSidebar() },
  { name: 'sidebarState', right: 'everyone', writes: false, run: (g) => g.sidebarState() },
  { name: 'sidebarSelectCell', right: 'everyone', writes: false, run: (g) => g.sidebarSelectCell('กิจกรรม ท่าบ่อ', 'A2') },
  { name: 'menuCheckData', right: 'officers', writes: true, run: (g) => g.menuCheckData() },
  { name: 'sidebarCheckData', right: 'officers', writes: true, run: (g) => g.sidebarCheckData() },
  { name: 'menuSetUp', right: 'province', writes: true, run: (g) => g.menuSetUp() },
  { name: 'sidebarSetUp', right: 'province', writes: true, run: (g) => g.sidebarSetUp() },
  { name: 'sidebarMakeRoundSummary', right: 'province', writes: true, run: (g) => g.sidebarMakeRoundSummary(2) },
  {
    name: 'sidebarMakeMonthlyReport',
    right: 'province',
    writes: true,
    run: (g) => g.sidebarMakeMonthlyReport('2022-03'),
  },
  {
    name: 'sidebarPreviewSending',
    right: 'province',
    writes: false,
    run: (g) => g.sidebarPreviewSending('สรุปผล รอบที่ 1'),
  },
  { name: 'sidebarSend', right: 'province', writes: true, run: (g) => g.sidebarSend('สรุปผล รอบที่ 1', true) },
];

/** What each role may run. */
export const MAY: Record<Role, readonly Right[]> = {
  owner: ['everyone', 'officers', 'province'],
  'province editor': ['everyone', 'officers', 'province'],
  'district officer': ['everyone', 'officers'],
  'named nowhere': ['everyone'],
  'hidden e-mail': ['everyone'],
  'removed officer': ['everyone'],
};

/** The workbook's dump as text, to compare before and after (sameDump.ts dumpText). */
export function dumpText(h: Harness): string {
  return workbookText(h.run.spreadsheet);
}

/**
 * The dump texts of a workbook that a describe's tests change one after the other: each test's
 * dump before is the one the test before it took after (nothing changes the workbook between two
 * tests: jest runs them in turn), else a new one. A province's dump is most of a refusal test's
 * time (roles.test.ts: half of it).
 * @param h the workbook the tests share
 */
export function dumpsInTurn(h: Harness): { before(): string; after(): string } {
  let last: string | null = null;
  return {
    /** The workbook's dump now, at the start of a test (the last one taken after, if any). */
    before: () => {
      const text = last ?? dumpText(h);
      last = null; // a test that fails before its dump after leaves none for the next
      return text;
    },
    /** The workbook's dump now, after the test's action; the next test starts from it. */
    after: () => {
      last = dumpText(h);
      return last;
    },
  };
}

/** The log's rows (as the owner reads them). */
export function logRows(h: Harness): unknown[][] {
  return h.run.spreadsheet.getSheetByName('บันทึก')?.getDataRange().getValues().slice(1) ?? [];
}
