/**
 * Snapshots of a fake workbook: a structural copy of the whole stand-in model (sheets, cells,
 * protections, metadata, properties, locks, mails, triggers, ledger, clock) and of the contexts of
 * chosen executions, restored as many times as needed as an independent workbook. A test that
 * needs the same starting workbook again and again (the fault sweeps) builds it once through the
 * bundle and restores copies, instead of rebuilding it every time.
 *
 * The copy keeps every object's prototype and every shared reference (two cells holding the same
 * rule object still share one copy of it); frozen objects other than plain ones (enum members,
 * constants) and functions are kept as they are. The workbook's custom-function resolver is
 * not copied: it belongs to a loaded bundle, which the restorer loads anew over the copy.
 */
import { FakeClock } from './clock';
import type { ExecutionContext, WorkbookModel } from './model';

/**
 * A structural copy of a value and everything it reaches.
 * @param value the value
 * @param seen originals already copied → their copies (shared references stay shared)
 */
function copyOf_<T>(value: T, seen: Map<object, unknown>): T {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const array: unknown[] = new Array(value.length);
    seen.set(value, array);
    // Sparse rows stay sparse: only the indices present are copied.
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item !== 'object' || item === null) {
        if (item !== undefined || i in value) array[i] = item;
      } else array[i] = copyOf_(item, seen);
    }
    return array as T;
  }
  // Plain objects (cells, rules, rectangles) are most of a workbook: the quick path. (A check of
  // the constructor costs less here than Object.getPrototypeOf or Object.isFrozen.)
  if ((value as { constructor?: unknown }).constructor === Object) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    seen.set(value, copy);
    for (const key in copy) {
      const field = copy[key];
      if (typeof field === 'object' && field !== null) copy[key] = copyOf_(field, seen);
    }
    return copy as T;
  }
  return copySpecial_(value, seen);
}

/**
 * A copy of anything but an array or a plain object: a clock, a Date, bytes, a Map, a Set, a
 * class instance (own data properties copied with their attributes); frozen objects as they are.
 * @param value the object
 * @param seen originals already copied → their copies
 */
function copySpecial_<T extends object>(value: T, seen: Map<object, unknown>): T {
  if (Object.isFrozen(value)) return value;
  let copy: object;
  if (value instanceof FakeClock) copy = value.copy();
  else if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    copy = new (value.constructor as DateConstructor)((value as unknown as Date).getTime());
  else if (value instanceof Uint8Array) copy = value.slice();
  else if (value instanceof Map) {
    const map = new Map();
    seen.set(value, map);
    for (const [k, v] of value) map.set(copyOf_(k, seen), copyOf_(v, seen));
    return map as T;
  } else if (value instanceof Set) {
    const set = new Set();
    seen.set(value, set);
    for (const v of value) set.add(copyOf_(v, seen));
    return set as T;
  } else {
    const object = Object.create(Object.getPrototypeOf(value)) as Record<PropertyKey, unknown>;
    seen.set(value, object);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      if ('value' in descriptor) descriptor.value = copyOf_(descriptor.value, seen);
      Object.defineProperty(object, key, descriptor);
    }
    return object as T;
  }
  seen.set(value, copy);
  return copy as T;
}

/** A workbook model and execution contexts, copied at one moment. */
export interface ModelSnapshot {
  /**
   * An independent copy of the model and of the contexts as they were when the snapshot was
   * taken (each call a new copy; the snapshot itself is never handed out).
   */
  restore(): { book: WorkbookModel; contexts: ExecutionContext[] };
}

/**
 * Snapshots a workbook model with the contexts of some of its executions.
 * @param book the model
 * @param contexts contexts of executions to restore too (same ids, locks and UI log)
 */
export function snapshotModel(book: WorkbookModel, contexts: readonly ExecutionContext[]): ModelSnapshot {
  const take = () => {
    const seen = new Map<object, unknown>();
    // A context's template scope (a vm context's globals) is the test's, not the workbook's.
    for (const c of contexts) if (typeof c.scope === 'object' && c.scope !== null) seen.set(c.scope, c.scope);
    const copy = copyOf_(book, seen);
    copy.functions = null;
    return { book: copy, contexts: contexts.map((c) => copyOf_(c, seen)) };
  };
  const frozen = take();
  return {
    restore: () => {
      const seen = new Map<object, unknown>();
      for (const c of frozen.contexts) if (typeof c.scope === 'object' && c.scope !== null) seen.set(c.scope, c.scope);
      const again = copyOf_(frozen, seen);
      return { book: again.book, contexts: again.contexts };
    },
  };
}
