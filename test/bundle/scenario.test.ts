/**
 * The whole workbook with the letter's nine districts: entries typed so that each district
 * reaches a chosen level; the live table shows that level in its colour band.
 */
import { effectiveFormat } from '../../dev/fakes';
import { CRITERIA_2565, levelOfScore } from '../../src/kernel/criteria';
import { NONG_KHAI_DISTRICTS } from '../../src/features/setup/rules/districts';
import { operatorTarget } from '../../src/features/standing/rules/targets';
import { activityRows, onlineRows, typeRows } from '../support/entries';
import { newHarness } from '../support/workbook';

const CHOSEN = [5, 4, 3, 2, 1, 0, 5, 3, 2];
// spellings officers use, with and without the prefix
const TYPED = ['อ.เมืงหนองคาย', 'โพธิ์พิสัย', 'อำเภอท่าบ่อ', 'รัตนวาปี', 'เผ่าไร่', 'ศรีเชียงใหม่', 'สระใคร', 'สังคม', 'โพธิ์ตาก'];

test('each district shows its chosen level, in the band rule of that level', () => {
  const h = newHarness();
  h.gas.sidebarSetUp();
  const ss = h.run.spreadsheet;
  NONG_KHAI_DISTRICTS.forEach((d, i) => {
    const score = CHOSEN[i];
    const level = CRITERIA_2565.levels.find((l) => l.score === score);
    const activities = level ? level.minActivities : 5;
    const operators = level ? operatorTarget(d.registered, level.percent) : 0;
    const channels = level ? level.minChannels : 0;
    typeRows(ss, `กิจกรรม ${d.name}`, activityRows(TYPED[i], activities, '๑๕ ธ.ค. ๖๔'));
    typeRows(ss, `ออนไลน์ ${d.name}`, onlineRows(TYPED[i], operators, Math.max(channels, 1), new Date(2565, 0, 20)));
  });
  const table = ss.getSheetByName('อำเภอ')!;
  const values = table.getRange(2, 1, 9, 14).getValues();
  expect(values.map((r) => r[11])).toEqual(CHOSEN);
  expect(values.map((r) => r[12])).toEqual(CHOSEN.map((s) => levelOfScore(CRITERIA_2565, s).name));
  CHOSEN.forEach((score, i) => {
    const band = levelOfScore(CRITERIA_2565, score).band;
    expect(effectiveFormat(table, i + 2, 12)).toMatchObject({ background: band.background, fontColor: band.text });
    expect(effectiveFormat(table, i + 2, 13)).toMatchObject({ background: band.background, fontColor: band.text });
  });
  expect(values[0][13]).toBe('ถึงระดับสูงสุดแล้ว (ดีมาก)');
  expect(values[5][13]).toContain('ระดับถัดไป ปรับปรุง');

  // an entry dated after "as of" does not count until the date is moved
  const settings = ss.getSheetByName('ตั้งค่า')!;
  const asOfRow =
    settings
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'นับผลถึงวันที่') + 1;
  settings.getRange(asOfRow, 2).setValue(new Date(2022, 0, 19));
  expect(table.getRange(2, 10).getValue()).toBe(0); // the online rows are dated 20 Jan 2565
  settings.getRange(asOfRow, 2).setValue(new Date(2022, 0, 20));
  expect(table.getRange(2, 10).getValue()).toBe(12);
});
