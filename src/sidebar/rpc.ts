/**
 * The sidebar's only way to the server: google.script.run as a typed promise. The server's
 * functions are known here only as types (`import type` of src/main.ts: esbuild erases it, so
 * nothing of the server is bundled; scripts/sidebar.mjs checks that). A call with a name that is
 * not a sidebar function, or with the wrong arguments, does not compile.
 *
 * The rules of google.script.run (developers.google.com/apps-script/guides/html/communication):
 * - "allows 10 concurrent calls to server functions": at most MAX_IN_FLIGHT calls are sent at
 *   once, the others wait here in order;
 * - parameters are primitives, plain objects and arrays; "requests fail" with a Date: the type
 *   of a sidebar function's parameters must be JSON (Wire), and a Date that slips through
 *   (a cast) is refused before anything is sent;
 * - the failure handler receives an Error: the promise rejects with that very Error.
 *
 * This module uses no DOM, so it is also tested in Node (test/sidebar/rpc.test.ts).
 */

/** The server as the sidebar sees it: the top-level functions of src/main.ts. */
export type Server = typeof import('../main');

/** A value google.script.run carries both ways: JSON, no Date, no functions. */
export type Wire = string | number | boolean | null | readonly Wire[] | { readonly [key: string]: Wire };

/**
 * The functions of a server that the sidebar may call: named `sidebar…` (the menu, the
 * triggers and the custom functions are not the sidebar's) and taking only Wire parameters.
 */
export type SidebarFunctionOf<S> = {
  [K in keyof S & string]: K extends `sidebar${string}`
    ? S[K] extends (...args: infer A) => unknown
      ? A extends readonly (Wire | undefined)[]
        ? K
        : never
      : never
    : never;
}[keyof S & string];

/** The sidebar functions of src/main.ts. */
export type SidebarFunction = SidebarFunctionOf<Server>;

/** One typed server call. */
export type Call = <K extends SidebarFunction>(
  name: K,
  ...args: Parameters<Server[K]>
) => Promise<ReturnType<Server[K]>>;

/** google.script.run as the page has it: chainable handlers, then one method per server function. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
}

/** A connection to the server. */
export interface Client {
  readonly call: Call;
  /** calls sent and not yet answered */
  inFlight(): number;
  /** calls waiting for a free place */
  waiting(): number;
}

/** google.script.run's limit of concurrent calls (guides/html/communication). */
export const MAX_IN_FLIGHT = 10;

/**
 * A client over google.script.run.
 * @param run gives the runner (`() => google.script.run` in the page); asked once per call
 * @param max calls in flight at most
 */
export function createClient(run: () => ScriptRun, max = MAX_IN_FLIGHT): Client {
  let running = 0;
  const queue: (() => void)[] = [];
  const pump = () => {
    while (running < max) {
      const next = queue.shift();
      if (!next) return;
      next();
    }
  };
  const send = (
    name: string,
    args: readonly unknown[],
    resolve: (value: unknown) => void,
    reject: (e: Error) => void,
  ) => {
    running++;
    let settled = false;
    const done = () => {
      if (settled) return false;
      settled = true;
      running--;
      pump();
      return true;
    };
    try {
      const runner = run()
        .withSuccessHandler((value) => {
          if (done()) resolve(value);
        })
        .withFailureHandler((error) => {
          if (done()) reject(asError_(error));
        });
      const method = (runner as unknown as Record<string, unknown>)[name];
      if (typeof method !== 'function') {
        throw new Error(`ไม่พบฟังก์ชัน ${name} บนเซิร์ฟเวอร์ (ต้องติดตั้งสคริปต์เวอร์ชันล่าสุด)`);
      }
      method.apply(runner, args);
    } catch (error) {
      // google.script.run throws at the call for an argument it cannot send
      if (done()) reject(asError_(error));
    }
  };
  const call = ((name: string, ...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const date = datePath_(args, '');
      if (date !== null) {
        reject(new Error(`ส่งค่าวันที่ (Date) ไปยังเซิร์ฟเวอร์ไม่ได้ ต้องส่งเป็นข้อความ ISO (${name} อาร์กิวเมนต์ ${date})`));
        return;
      }
      queue.push(() => send(name, args, resolve, reject));
      pump();
    })) as Call;
  return { call, inFlight: () => running, waiting: () => queue.length };
}

/**
 * Where a Date is among the arguments ('0', '1.when'), or null. Dates are recognised across
 * realms (Object.prototype.toString), as google.script.run would meet them.
 * @param value an argument or a part of one
 * @param path where it is
 */
function datePath_(value: unknown, path: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Object.prototype.toString.call(value) === '[object Date]') return path;
  for (const [key, member] of Object.entries(value)) {
    const found = datePath_(member, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The failure as an Error (google.script.run hands an Error; anything else is wrapped).
 * @param error what failed
 */
function asError_(error: unknown): Error {
  if (error instanceof Error) return error;
  const like = error as { name?: unknown; message?: unknown } | null;
  if (typeof like === 'object' && like !== null && typeof like.message === 'string') {
    const wrapped = new Error(like.message);
    if (typeof like.name === 'string') wrapped.name = like.name;
    return wrapped;
  }
  return new Error(String(error));
}
