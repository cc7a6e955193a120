/**
 * Set-up failing at sampled service calls in every fault mode (faultSweep.ts, sweepEvery): run
 * by the province editor, switching the districts' protections from warning-only to enforced.
 * Set-up makes about 800 calls on this workbook, so positions are sampled with a stride (the
 * output says how many were tried). One file per case, so that jest's two workers share the
 * sweeps evenly.
 */
import { LABEL } from '../../src/kernel/settings';
import { plan, smallProvince, sweepEvery } from '../support/faultSweep';
import { setSetting } from '../support/journey';

const PROVINCE = 'prov@nongkhai.example';
const OFFICER = 'tha@district.example';

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
