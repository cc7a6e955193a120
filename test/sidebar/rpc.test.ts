/**
 * The sidebar's google.script.run client (src/sidebar/rpc.ts) over a scripted runner: 10 calls
 * in flight at most, in order; no Date sent; the failure handler's Error as the rejection.
 */
import { createClient, MAX_IN_FLIGHT, type ScriptRun } from '../../src/sidebar/rpc';

/** One call the runner received, with its handlers. */
interface Sent {
  name: string;
  args: unknown[];
  succeed(value: unknown): void;
  fail(error: unknown): void;
}

/**
 * A google.script.run stand-in: one method per name; `throwAtCall` makes the call throw, as
 * Google's client does for an argument it cannot send.
 * @param names the server functions it knows
 */
function scriptedRun(names: string[], throwAtCall?: Error) {
  const sent: Sent[] = [];
  const runner = (success: (v: unknown) => void, failure: (e: unknown) => void): ScriptRun => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => runner(f, failure),
      withFailureHandler: (f: (e: unknown) => void) => runner(success, f),
    };
    for (const name of names) {
      r[name] = (...args: unknown[]) => {
        if (throwAtCall) throw throwAtCall;
        sent.push({ name, args, succeed: success, fail: failure });
      };
    }
    return r as unknown as ScriptRun;
  };
  return {
    run: () =>
      runner(
        () => undefined,
        () => undefined,
      ),
    sent,
  };
}

const NAMES = ['sidebarState', 'sidebarSelectCell', 'sidebarMakeRoundSummary', 'sidebarMakeMonthlyReport'];
const flush = () => new Promise((resolve) => setImmediate(resolve));

test('a call sends its name and arguments and resolves with the success value', async () => {
  const server = scriptedRun(NAMES);
  const client = createClient(server.run);
  const answer = client.call('sidebarSelectCell', 'กิจกรรม ท่าบ่อ', 'A2');
  expect(server.sent.map((s) => [s.name, s.args])).toEqual([['sidebarSelectCell', ['กิจกรรม ท่าบ่อ', 'A2']]]);
  server.sent[0].succeed(null);
  await expect(answer).resolves.toBeNull();
  expect(client.inFlight()).toBe(0);
});

test('at most 10 calls are in flight; the others wait and go in order as places free up', async () => {
  const server = scriptedRun(NAMES);
  const client = createClient(server.run);
  const answers = Array.from({ length: 15 }, (_, i) => client.call('sidebarMakeRoundSummary', i));
  expect(MAX_IN_FLIGHT).toBe(10);
  expect(server.sent).toHaveLength(10);
  expect([client.inFlight(), client.waiting()]).toEqual([10, 5]);
  server.sent[3].succeed({ sheet: 'a' });
  server.sent[0].fail(new Error('ไม่สำเร็จ'));
  expect(server.sent.map((s) => s.args[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect([client.inFlight(), client.waiting()]).toEqual([10, 3]);
  // a second answer to the same call changes nothing
  server.sent[3].succeed({ sheet: 'again' });
  expect(client.inFlight()).toBe(10);
  for (const s of server.sent.slice(1)) if (s.args[0] !== 3) s.succeed({ sheet: String(s.args[0]) });
  for (const s of server.sent.slice(12)) s.succeed({ sheet: String(s.args[0]) });
  expect(server.sent).toHaveLength(15);
  await expect(answers[3]).resolves.toEqual({ sheet: 'a' });
  await expect(answers[0]).rejects.toThrow('ไม่สำเร็จ');
  await expect(answers[14]).resolves.toEqual({ sheet: '14' });
  expect([client.inFlight(), client.waiting()]).toEqual([0, 0]);
});

test("the failure handler's Error is the rejection, as it is", async () => {
  const server = scriptedRun(NAMES);
  const client = createClient(server.run);
  const answer = client.call('sidebarState');
  const error = new Error('Exception: Service Spreadsheets timed out');
  error.name = 'ScriptError';
  server.sent[0].fail(error);
  await expect(answer).rejects.toBe(error);
});

test('a failure that is not an Error becomes one with its message', async () => {
  const server = scriptedRun(NAMES);
  const client = createClient(server.run);
  const objectLike = client.call('sidebarState');
  server.sent[0].fail({ name: 'NetworkError', message: 'Connection failure due to HTTP 0' });
  await expect(objectLike).rejects.toMatchObject({ name: 'NetworkError', message: 'Connection failure due to HTTP 0' });
  const text = client.call('sidebarState');
  server.sent[1].fail('แค่ข้อความ');
  await expect(text).rejects.toThrow('แค่ข้อความ');
});

test('a Date anywhere in the arguments is refused before anything is sent', async () => {
  const server = scriptedRun(NAMES);
  const client = createClient(server.run);
  await expect(client.call('sidebarMakeMonthlyReport', new Date(2022, 2, 1) as never)).rejects.toThrow(
    'ส่งค่าวันที่ (Date) ไปยังเซิร์ฟเวอร์ไม่ได้ ต้องส่งเป็นข้อความ ISO (sidebarMakeMonthlyReport อาร์กิวเมนต์ 0)',
  );
  await expect(client.call('sidebarSelectCell', 'x', { when: [1, new Date()] } as never)).rejects.toThrow(
    '(sidebarSelectCell อาร์กิวเมนต์ 1.when.1)',
  );
  expect(server.sent).toEqual([]);
  expect(client.inFlight()).toBe(0);
});

test('a call that throws (an argument Google cannot send) rejects and frees its place', async () => {
  const server = scriptedRun(NAMES, new Error('Failed due to illegal value in property: 0'));
  const client = createClient(server.run, 1);
  await expect(client.call('sidebarState')).rejects.toThrow('Failed due to illegal value in property: 0');
  await expect(client.call('sidebarState')).rejects.toThrow('Failed due to illegal value');
  expect(client.inFlight()).toBe(0);
});

test('a function the installed server does not have rejects in Thai', async () => {
  const client = createClient(scriptedRun(['sidebarState']).run);
  await expect(client.call('sidebarSelectCell', 'a', 'A1')).rejects.toThrow(
    'ไม่พบฟังก์ชัน sidebarSelectCell บนเซิร์ฟเวอร์ (ต้องติดตั้งสคริปต์เวอร์ชันล่าสุด)',
  );
  await flush();
  expect(client.inFlight()).toBe(0);
});
