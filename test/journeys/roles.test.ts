/**
 * One journey per role, after the README's first set-up and the naming of officers: every
 * action of the menu and the sidebar, through the built bundle, as that user with that user's
 * own rights. What the role may do succeeds, and is logged when it writes; what it may not is
 * refused in Thai and changes nothing (complete dumps compared). Then what each role may type.
 */
import {
  ACTIONS,
  dumpsInTurn,
  journeyWorkbook,
  logRows,
  MAY,
  NOWHERE,
  PLAYER,
  PROVINCE,
  REMOVED,
  type Role,
  SANGKHOM,
  THA_BO,
} from '../support/journey';
import { OWNER } from '../support/workbook';

const THAI = /[\u0e00-\u0e7f]/;
const ROLES = Object.keys(PLAYER) as Role[];

describe.each(ROLES)('the journey of the %s', (role) => {
  const h = journeyWorkbook();
  const player = PLAYER[role];
  const me = h.as(player.user, { hideEmail: player.hideEmail });
  const dumps = dumpsInTurn(h);

  test.each(ACTIONS.map((a) => [a.name, a] as const))('%s', (_name, action) => {
    const allowed = MAY[role].includes(action.right);
    const before = dumps.before();
    const logBefore = logRows(h).length;
    let thrown: Error | null = null;
    try {
      action.run(me.gas);
    } catch (error) {
      thrown = error as Error;
    }
    if (allowed) {
      expect(thrown).toBeNull();
      if (action.writes && dumps.after() !== before) {
        const added = logRows(h).slice(logBefore);
        expect(added.length).toBeGreaterThan(0);
        expect(added.every((row) => row[1] === player.user)).toBe(true);
      }
    } else {
      expect(thrown?.message).toMatch(THAI);
      expect(dumps.after()).toBe(before);
    }
  });
});

describe('what each role may type (Google enforces the protections set-up keeps in step)', () => {
  const h = journeyWorkbook();
  const typing = (user: string, sheet: string) => {
    const target = h.as(user).run.spreadsheet.getSheetByName(sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    try {
      target.getRange(30, 3).setValue('x');
      return 'typed';
    } catch {
      return 'refused';
    }
  };
  test.each([
    [THA_BO, 'กิจกรรม ท่าบ่อ', 'typed'],
    [THA_BO, 'กิจกรรม สังคม', 'refused'],
    [THA_BO, 'อำเภอ', 'refused'],
    [THA_BO, 'ตั้งค่า', 'refused'],
    [SANGKHOM, 'ออนไลน์ สังคม', 'typed'],
    [SANGKHOM, 'ออนไลน์ ท่าบ่อ', 'refused'],
    [PROVINCE, 'อำเภอ', 'typed'],
    [PROVINCE, 'กิจกรรม ท่าบ่อ', 'typed'],
    [REMOVED, 'กิจกรรม ท่าบ่อ', 'refused'],
    [REMOVED, 'บันทึก', 'refused'],
    [NOWHERE, 'กิจกรรม ท่าบ่อ', 'refused'],
    [NOWHERE, 'บันทึก', 'refused'],
    [NOWHERE, 'ปัญหาข้อมูล', 'refused'],
    [OWNER, 'บันทึก', 'typed'],
  ])('%s in "%s": %s', (user, sheet, expected) => {
    expect(typing(user, sheet)).toBe(expected);
  });
});
