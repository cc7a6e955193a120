/**
 * The adapter's document properties (src/platform/properties.ts) over the stand-in: an execution
 * reads the store once (one call) and keeps the copy in step with its own writes; it reads the
 * store afresh when it takes or leaves the locks, when a write fails, and in a new execution.
 */
import { createFakeWorkbook } from '../../dev/fakes';
import { readKept, readProperty, readPropertiesAfresh, setDocumentProperty } from '../../src/platform/properties';
import { startExecution } from '../../src/platform/services';

const OWNER = 'owner@example.com';
const OTHER = 'a@example.com';

/** A workbook with a few properties, and runs by the owner and another editor. */
function setup() {
  const wb = createFakeWorkbook({ owner: OWNER, editors: [OTHER] });
  const mine = wb.createExecution({ user: OWNER });
  const other = wb.createExecution({ user: OTHER });
  other.globals.PropertiesService.getDocumentProperties().setProperties({
    'otop.a': 'one',
    'otop.b': 'two',
    'otop.kept#': '2',
    'otop.kept#0': '{"x":',
    'otop.kept#1': '[1,2]}',
  });
  const g = globalThis as Record<string, unknown>;
  const saved = g.PropertiesService;
  g.PropertiesService = mine.globals.PropertiesService;
  startExecution();
  wb.ledger.reset();
  const calls = () => wb.ledger.calls(mine.id).filter((c) => c.startsWith('Properties.'));
  return { wb, mine, other, calls, restore: () => (g.PropertiesService = saved) };
}

let restore = () => {};
afterEach(() => restore());

test('every read of an execution comes from one call', () => {
  const s = setup();
  restore = s.restore;
  expect([readProperty('otop.a'), readProperty('otop.b'), readProperty('otop.none')]).toEqual(['one', 'two', null]);
  expect(readKept('otop.kept', null)).toEqual({ x: [1, 2] });
  expect(s.calls()).toEqual(['Properties.getProperties']);
});

test("another run's write is seen once the store is read afresh (the locks taken), or in a new execution", () => {
  const s = setup();
  restore = s.restore;
  expect(readProperty('otop.a')).toBe('one');
  s.other.globals.PropertiesService.getDocumentProperties().setProperty('otop.a', 'changed');
  expect(readProperty('otop.a')).toBe('one'); // the store as this execution first read it
  readPropertiesAfresh();
  expect(readProperty('otop.a')).toBe('changed');
  s.other.globals.PropertiesService.getDocumentProperties().setProperty('otop.a', 'again');
  startExecution();
  expect(readProperty('otop.a')).toBe('again');
  expect(s.calls()).toEqual(['Properties.getProperties', 'Properties.getProperties', 'Properties.getProperties']);
});

test('its own writes are read back without a call; after a failed write the store is asked', () => {
  const s = setup();
  restore = s.restore;
  expect(readProperty('otop.a')).toBe('one');
  setDocumentProperty('otop.a', 'mine');
  expect(readProperty('otop.a')).toBe('mine');
  expect(s.calls()).toEqual(['Properties.getProperties', 'Properties.setProperty']);
  // a write that takes effect and then fails: the copy is dropped, so the effect is read back
  s.wb.ledger.reset();
  s.wb.ledger.inject({ at: 1, mode: 'after', error: new Error('Service Properties timed out') });
  expect(() => setDocumentProperty('otop.b', 'written')).toThrow('timed out');
  expect(readProperty('otop.b')).toBe('written');
  expect(s.calls()).toEqual(['Properties.setProperty', 'Properties.getProperties']);
});
