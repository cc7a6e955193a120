/**
 * The duties the sidebar's state brings (issue 23: the sidebar shows both after one execution's
 * calls, not two in a row), through the bundle, for each role: the same view sidebarDuties gives.
 * When a service fails while the duties are read, the state is still given without them (null),
 * nothing is written, and sidebarDuties, which the sidebar then asks, says in Thai what failed.
 */
import { dump } from '../../../../dev/fakes';
import { dutiesProvince, PROVINCE_EDITOR, STRANGER, THA_BO } from '../../../support/duties';
import { loadBundle } from '../../../support/loadBundle';
import { expectSameDump } from '../../../support/sameDump';
import { type Harness, OWNER } from '../../../support/workbook';

/** A bundle run as a user whose address Google hides. */
function hidden(h: Harness, user: string) {
  const run = h.book.createExecution({ user, hideEmail: true });
  return loadBundle({ ...run.globals }, { now: h.book.clock.now });
}

const h = dutiesProvince(new Date(2021, 10, 3, 10, 0));

test.each([
  ['the owner', () => h.as(OWNER).gas, 'province'],
  ['a province editor', () => h.as(PROVINCE_EDITOR).gas, 'province'],
  ['a district officer', () => h.as(THA_BO).gas, 'district'],
  ['someone named nowhere', () => h.as(STRANGER).gas, 'unknown'],
  ['a caller whose e-mail is hidden', () => hidden(h, THA_BO), 'unknown'],
])('%s: the state brings the duties sidebarDuties gives', (_, gas, role) => {
  const state = gas().sidebarState();
  const duties = gas().sidebarDuties();
  expect(duties.role).toBe(role);
  expect(state.duties).toEqual(duties);
  if (role !== 'unknown') expect(duties.districts.length).toBeGreaterThan(0);
});

test('a service failing while the duties are read: the state without them, nothing written; sidebarDuties says why', () => {
  const officer = h.as(THA_BO);
  // where the duties' read of the kept values comes in the state's calls
  h.book.ledger.reset();
  const whole = officer.gas.sidebarState();
  const at = h.book.ledger.calls(officer.run.id).indexOf('Properties.getProperties') + 1;
  expect(at).toBeGreaterThan(0);
  const before = dump(h.run.spreadsheet);
  const again = h.as(THA_BO);
  h.book.ledger.reset();
  h.book.ledger.inject({
    at,
    execution: again.run.id,
    error: new Error('Service Properties timed out'),
  });
  const state = again.gas.sidebarState();
  expect(state.duties).toBeNull();
  expect({ ...state, duties: whole.duties }).toEqual(whole);
  expectSameDump(dump(h.run.spreadsheet), before);
  const asked = h.as(THA_BO);
  h.book.ledger.inject({
    at: 1,
    execution: asked.run.id,
    mode: 'outage',
    error: new Error('Service Properties timed out'),
  });
  expect(() => asked.gas.sidebarDuties()).toThrow(/[\u0e00-\u0e7f]/);
  h.book.ledger.clearFaults();
  expect(h.as(THA_BO).gas.sidebarDuties()).toEqual(whole.duties);
});
