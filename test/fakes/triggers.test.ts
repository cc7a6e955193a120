/** Installable clock triggers: creating, listing, deleting, and running them on the fake clock. */
import vm from 'node:vm';
import {
  createFakeWorkbook,
  EXECUTION_TIME_MESSAGE,
  fakeDateClass,
  type FakeExecution,
  type FakeWorkbook,
  MINUTE_MS,
  TOO_MANY_TRIGGERS_MESSAGE,
  TRIGGER_RUNTIME_MESSAGE,
  type TriggerHandler,
} from '../../dev/fakes';

const OWNER = 'owner@example.com';
const OFFICER = 'officer@example.com';
/** 07:00 in Bangkok on 1 March 2022. */
const START = new Date('2022-03-01T07:00:00+07:00');

// Stands in for the bundle: a reminder handler that writes who ran it, and when.
const SCRIPT = `
function remind(e) {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.appendRow([Session.getActiveUser().getEmail(), new Date().toISOString(), e.triggerUid]);
}
function slow() {
  var range = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
  for (var i = 0; i < 10; i++) range.setValue(i);
}
`;

/** Loads SCRIPT against an execution's globals, with the workbook's clock (as loadBundle does). */
function resolverFor(wb: FakeWorkbook) {
  return (run: FakeExecution, handler: string): TriggerHandler | undefined => {
    const context = vm.createContext({ ...run.globals, Date: fakeDateClass(wb.clock.now, Date) });
    vm.runInContext(SCRIPT, context);
    const fn: unknown = context[handler];
    return typeof fn === 'function' ? (fn as TriggerHandler) : undefined;
  };
}

function workbook() {
  const wb = createFakeWorkbook({ owner: OWNER, editors: [OFFICER], now: START });
  const officer = wb.createExecution({ user: OFFICER });
  return { wb, officer, ScriptApp: officer.globals.ScriptApp };
}

const rows = (wb: FakeWorkbook) => {
  const sheet = wb.spreadsheet.getSheets()[0];
  return sheet.getLastRow() === 0 ? [] : sheet.getRange(1, 1, sheet.getLastRow(), 3).getValues();
};

describe('creating, listing and deleting', () => {
  test('a daily trigger answers its handler, id, source and event type', () => {
    const { ScriptApp } = workbook();
    const trigger = ScriptApp.newTrigger('remind')
      .timeBased()
      .everyDays(1)
      .atHour(8)
      .nearMinute(30)
      .inTimezone('Asia/Bangkok')
      .create();
    expect(trigger.getHandlerFunction()).toBe('remind');
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getUniqueId()).toMatch(/^\d+$/);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
  });

  test("getProjectTriggers lists the current user's triggers only", () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('remind').timeBased().everyHours(1).create();
    const owner = wb.createExecution({ user: OWNER }).globals.ScriptApp;
    expect(owner.getProjectTriggers()).toEqual([]);
    owner.newTrigger('remind').timeBased().everyDays(1).atHour(9).create();
    expect(owner.getProjectTriggers()).toHaveLength(1);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  test('deleteTrigger removes it; deleting it again throws (worse case, unconfirmed)', () => {
    const { ScriptApp } = workbook();
    const trigger = ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(8).create();
    ScriptApp.deleteTrigger(trigger);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    expect(() => ScriptApp.deleteTrigger(trigger)).toThrow('no trigger');
  });

  test('invalid builders: everyMinutes(7), atHour without everyDays, no frequency, hour 24', () => {
    const { ScriptApp } = workbook();
    expect(() => ScriptApp.newTrigger('remind').timeBased().everyMinutes(7)).toThrow('Invalid argument');
    expect(() => ScriptApp.newTrigger('remind').timeBased().everyHours(3)).toThrow('Invalid argument');
    expect(() => ScriptApp.newTrigger('remind').timeBased().atHour(8).everyHours(1).create()).toThrow('everyDays');
    expect(() => ScriptApp.newTrigger('remind').timeBased().atHour(8).create()).toThrow('frequency');
    expect(() => ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(24)).toThrow('Invalid argument');
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
  });

  test('a user may have 20 triggers; the 21st throws', () => {
    const { wb, ScriptApp } = workbook();
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger('remind').timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('remind').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS_MESSAGE);
    // Another user has a quota of their own.
    wb.createExecution({ user: OWNER }).globals.ScriptApp.newTrigger('remind').timeBased().everyHours(1).create();
  });

  test('a custom function may not create triggers', () => {
    const wb = createFakeWorkbook();
    const run = wb.createExecution({ user: OWNER });
    wb.spreadsheet.setFunctions((name) =>
      name === 'ARM' ? () => run.globals.ScriptApp.newTrigger('remind').timeBased().everyHours(1).create() : undefined,
    );
    const cell = wb.spreadsheet.getSheets()[0].getRange('A1');
    cell.setFormula('=ARM()');
    expect(cell.getValue()).toBe('#ERROR!');
    expect(wb.spreadsheet.getSheets()[0].getFormulaError(1, 1)).toBe(
      'You do not have permission to call ScriptApp.newTrigger',
    );
    expect(run.globals.ScriptApp.getProjectTriggers()).toEqual([]);
  });

  test('builder calls are local; create is a call to the server', () => {
    const { wb, ScriptApp } = workbook();
    wb.ledger.reset();
    ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(8).create();
    expect(wb.ledger.byKind()).toEqual({ read: 0, write: 0, format: 0, builder: 4, other: 1 });
  });
});

describe('runDueTriggers', () => {
  test('a daily 08:30 trigger runs once a day at 08:30 Bangkok time, as its creator, each run a new execution', () => {
    const { wb, officer, ScriptApp } = workbook();
    const trigger = ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(8).nearMinute(30).create();
    officer.end();
    const runs = wb.runDueTriggers(new Date('2022-03-04T09:00:00+07:00'), { resolve: resolverFor(wb) });
    expect(runs.map((r) => [r.outcome, r.user, r.at.toISOString()])).toEqual([
      ['ok', OFFICER, '2022-03-01T01:30:00.000Z'],
      ['ok', OFFICER, '2022-03-02T01:30:00.000Z'],
      ['ok', OFFICER, '2022-03-03T01:30:00.000Z'],
      ['ok', OFFICER, '2022-03-04T01:30:00.000Z'],
    ]);
    expect(new Set(runs.map((r) => r.execution)).size).toBe(4);
    expect(runs.every((r) => r.execution !== officer.id)).toBe(true);
    // the handler wrote the id as text into an automatic cell: Sheets reads it as a number
    expect(rows(wb)).toEqual(runs.map((r) => [OFFICER, r.at.toISOString(), Number(trigger.getUniqueId())]));
    expect(wb.clock.date().toISOString()).toBe('2022-03-04T02:00:00.000Z'); // until
  });

  test('created after the hour: the first run is the next day; inTimezone moves the hour', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(6).create(); // 06:00 has passed
    ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(1).inTimezone('UTC').create(); // 08:00 BKK
    const runs = wb.runDueTriggers(new Date('2022-03-02T07:00:00+07:00'), { resolve: resolverFor(wb) });
    expect(runs.map((r) => r.at.toISOString())).toEqual(['2022-03-01T01:00:00.000Z', '2022-03-01T23:00:00.000Z']);
  });

  test('everyHours(2) runs every two hours from its creation; after() runs once', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('remind').timeBased().everyHours(2).create();
    ScriptApp.newTrigger('remind')
      .timeBased()
      .after(90 * MINUTE_MS)
      .create();
    const runs = wb.runDueTriggers(new Date('2022-03-01T13:00:00+07:00'), { resolve: resolverFor(wb) });
    expect(runs.map((r) => r.at.toISOString().slice(11, 16))).toEqual(['01:30', '02:00', '04:00', '06:00']);
  });

  test('jitter (off by default) is chosen once per trigger and kept from day to day', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(8).nearMinute(30).create();
    const asked: string[] = [];
    const jitterMinutes = (t: { id: string }) => {
      asked.push(t.id);
      return -12;
    };
    const runs = wb.runDueTriggers(new Date('2022-03-03T09:00:00+07:00'), { resolve: resolverFor(wb), jitterMinutes });
    expect(runs.map((r) => r.at.toISOString())).toEqual([
      '2022-03-01T01:18:00.000Z',
      '2022-03-02T01:18:00.000Z',
      '2022-03-03T01:18:00.000Z',
    ]);
    expect(asked).toHaveLength(1);
  });

  test('jitter outside ±15 minutes of nearMinute is refused', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(8).nearMinute(30).create();
    expect(() =>
      wb.runDueTriggers(new Date('2022-03-02T09:00:00+07:00'), { resolve: resolverFor(wb), jitterMinutes: () => 20 }),
    ).toThrow('outside');
  });

  test('a creator who lost edit access: the trigger is skipped and reported; the owner’s still runs', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(8).create();
    wb.createExecution({ user: OWNER })
      .globals.ScriptApp.newTrigger('remind')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .create();
    wb.spreadsheet.removeEditor(OFFICER);
    const runs = wb.runDueTriggers(new Date('2022-03-01T10:00:00+07:00'), { resolve: resolverFor(wb) });
    expect(runs.map((r) => [r.user, r.outcome, r.execution === null])).toEqual([
      [OFFICER, 'skipped', true],
      [OWNER, 'ok', false],
    ]);
    expect(rows(wb).map((r) => r[0])).toEqual([OWNER]);
  });

  test('a run is killed at 6 minutes: its later calls throw, the run is reported as an error', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('slow').timeBased().everyDays(1).atHour(8).create();
    wb.clock.setMsPerCall(MINUTE_MS);
    const [run] = wb.runDueTriggers(new Date('2022-03-01T09:00:00+07:00'), { resolve: resolverFor(wb) });
    expect(run.outcome).toBe('error');
    expect((run.error as Error).message).toBe(EXECUTION_TIME_MESSAGE);
    expect(run.runtimeMs).toBe(6 * MINUTE_MS);
    wb.clock.setMsPerCall(0);
    // getActive at 08:00, getSheets, getRange, then setValue(0..2) at 08:03..08:05: 08:06 is the limit.
    expect(wb.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe(2);
  });

  test('trigger runtime per day: once used up, runs fail with the quota error until the window closes', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('slow').timeBased().everyHours(8).create();
    wb.clock.setMsPerCall(MINUTE_MS);
    const runs = wb.runDueTriggers(new Date('2022-03-02T23:00:00+07:00'), {
      resolve: resolverFor(wb),
      dailyRuntimeMs: 10 * MINUTE_MS,
    });
    // Runs at 15:00, 23:00 (window from 15:00), 07:00, 15:00 (new window), 23:00.
    expect(runs.map((r) => r.outcome)).toEqual(['error', 'error', 'quota', 'error', 'error']);
    expect(runs[2].error).toEqual(new Error(TRIGGER_RUNTIME_MESSAGE));
  });

  test('a handler the resolver does not know is reported as missing', () => {
    const { wb, ScriptApp } = workbook();
    ScriptApp.newTrigger('gone').timeBased().everyDays(1).atHour(8).create();
    const [run] = wb.runDueTriggers(new Date('2022-03-01T09:00:00+07:00'), { resolve: resolverFor(wb) });
    expect(run.outcome).toBe('missing');
    expect((run.error as Error).message).toContain('gone');
  });
});
