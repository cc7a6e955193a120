/**
 * A district whose evidence does not fit in its submission's snapshot cell, through the bundle:
 * the round summary built from the submission says how many entries are left out and where
 * they are, and every count agrees — the district table, the evidence titles (a title's count
 * is the count, not the number of listed rows) and the e-mail.
 */
import { SNAPSHOT_LIMIT } from '../../../../src/features/submissions/sheets/submissions';
import { activityRows, onlineRows, typeRows } from '../../../support/entries';
import { dutiesProvince, THA_BO } from '../../../support/duties';

/** 20 Mar 2565: ท่าบ่อ has 28 more new operators and 30 more activities, every text long. */
function crowded() {
  const h = dutiesProvince(new Date(2022, 2, 20, 10, 0));
  const ss = h.run.spreadsheet;
  const long = (text: string, i: number) => `${text} ${i} ${'ยาว'.repeat(100)}`;
  typeRows(
    ss,
    'ออนไลน์ ท่าบ่อ',
    onlineRows('ท่าบ่อ', 28, 2, '15/03/2565').map((r, i) => {
      const row = [...r];
      row[2] = `NK-LONG-${i}`;
      row[3] = long('กลุ่มผู้ผลิตผ้าทอ', i);
      row[6] = `https://example.com/${'p'.repeat(280)}/${i}`;
      return row;
    }),
  );
  typeRows(
    ss,
    'กิจกรรม ท่าบ่อ',
    activityRows('ท่าบ่อ', 30, '10/03/2565').map((r, i) => {
      const row = [...r];
      row[2] = long('ตลาดนัด OTOP', i);
      row[3] = long('ลานหน้าอำเภอ', i);
      row[4] = long('พช.อำเภอ', i);
      row[8] = `https://example.com/${'e'.repeat(280)}/${i}`;
      return row;
    }),
  );
  return h;
}

const countIn = (title: string) => Number(/\((\d+) (?:ราย|ครั้ง)\)/.exec(title)?.[1]);

test('evidence left out of a snapshot is said, with where it is; counts and titles agree', () => {
  const h = crowded();
  h.as(THA_BO).gas.sidebarSubmitRound(1, true);
  const record = h.run.spreadsheet.getSheetByName('การส่งรายงานของอำเภอ')!.getDataRange().getValues();
  // The snapshot's column, by its header (the records' seal and number follow it).
  const snapshot = JSON.parse(String(record.at(-1)![record[0].indexOf('ข้อมูลที่ส่ง')]));
  expect(JSON.stringify(snapshot).length).toBeLessThanOrEqual(SNAPSHOT_LIMIT);
  expect(snapshot.left).toBeGreaterThan(0); // the test's premise: something did not fit
  expect(snapshot.operators.length).toBeLessThan(snapshot.counts.newOperators);

  const made = h.gas.sidebarMakeRoundSummary(1, true);
  const values = h.run.spreadsheet.getSheetByName(made.sheet)!.getDataRange().getValues();
  const tableRow = (d: string) => values.find((r) => r[1] === d && typeof r[0] === 'number')!;
  const operatorsOf = (d: string) => Number(tableRow(d)[9]);
  const activitiesOf = (d: string) => Number(tableRow(d)[7]);
  expect(operatorsOf('ท่าบ่อ')).toBe(31); // 3 typed by the harness and 28 here
  const titles = values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('หลักฐาน: '));
  const operatorTitle = titles.find((t) => t.includes('ผู้ประกอบการรายใหม่'))!;
  const activityTitle = titles.find((t) => t.includes('กิจกรรม'))!;
  expect(countIn(operatorTitle)).toBe(operatorsOf('ท่าบ่อ') + operatorsOf('สังคม'));
  expect(countIn(activityTitle)).toBe(activitiesOf('ท่าบ่อ') + activitiesOf('สังคม'));
  const listed = values.filter((r) => r[0] === 'ท่าบ่อ' && r.some((c) => /^NK-/.test(String(c)))).length;
  expect(listed).toBe(snapshot.operators.length);
  const cut = snapshot.counts.newOperators - snapshot.operators.length;
  expect(operatorTitle).toContain(`ละไว้ ${cut} ราย`);
  expect(operatorTitle).toContain(`อ.ท่าบ่อ ${cut} ราย (ดูได้ในชีต "ออนไลน์ ท่าบ่อ")`);
  expect(listed + cut).toBe(operatorsOf('ท่าบ่อ'));

  const mail = h.gas.sidebarPreviewSending(made.sheet).html;
  expect(mail).toContain(`ผู้ประกอบการรายใหม่ที่นับ (${countIn(operatorTitle)} ราย)`);
  expect(mail).toContain(`ท่าบ่อ ${operatorsOf('ท่าบ่อ')}`);
  expect(mail).toContain('ละไว้');
});
