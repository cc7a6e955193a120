/**
 * Set-up failing at sampled service calls in every fault mode (faultSweep.ts, sweepEvery): on a
 * new workbook, repairing one, run by the province editor, and switching the districts'
 * protections from warning-only to enforced. Set-up makes about 800 calls on this workbook, so
 * positions are sampled with a stride (the output says how many were tried).
 */
import { LABEL } from '../../src/core/settings';
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';
import { setSetting } from '../support/journey';

const PROVINCE = 'prov@nongkhai.example';
const OFFICER = 'tha@district.example';

test('set-up on a new workbook', () => {
  sweepEvery(
    'setup-new',
    () => smallProvince(false),
    (h) => h.gas.sidebarSetUp(),
    plan({ before: 29, after: 47, outage: 41, undo: 97, late: 13 }),
  );
});

test('set-up repairing a workbook (a deleted formula, header, dropdown and colour rules)', () => {
  const broken = () => {
    const h = smallProvince();
    const ss = h.run.spreadsheet;
    const table = ss.getSheetByName('อำเภอ')!;
    table.getRange(2, 12).setValue('');
    table.setConditionalFormatRules([]);
    ss.getSheetByName('ออนไลน์ สังคม')!.getRange(1, 6).setValue('ช่อง');
    ss.getSheetByName('กิจกรรม ท่าบ่อ')!.getRange(2, 6, 39, 1).clearDataValidations();
    return h;
  };
  sweepEvery(
    'setup-repair',
    broken,
    (h) => h.gas.sidebarSetUp(),
    plan({ before: 37, after: 53, outage: 47, undo: 113, late: 11 }),
  );
});

test('set-up by the province editor, naming the districts’ officers (protections switched to enforced)', () => {
  const named = () => {
    const h = smallProvince(false, [PROVINCE, OFFICER]);
    h.gas.sidebarSetUp();
    setSetting(h, LABEL.provinceEditors, PROVINCE);
    h.gas.sidebarSetUp();
    setSetting(h, LABEL.districtEditors('ท่าบ่อ'), OFFICER);
    return { ...h, ...h.as(PROVINCE) };
  };
  sweepEvery(
    'setup-officers',
    named,
    (h) => h.gas.sidebarSetUp(),
    plan({ before: 37, after: 53, outage: 47, undo: 113, late: 11 }),
  );
});
