/**
 * Snapshots of a fake workbook: a structural copy of the whole stand-in model (sheets, cells,
 * protections, metadata, properties, locks, mails, triggers, ledger, clock) and of the contexts of
 * chosen executions, restored as many times as needed as an independent workbook. A test that
 * needs the same starting workbook again and again (the fault sweeps) builds it once through the
 * bundle and restores copies, instead of rebuilding it every time.
 *
 * The copy keeps every object's prototype and every shared reference (two cells holding the same
 * rule object still share one copy of it); cells are copied field by field (copyCell_); frozen objects other than plain ones (enum members,
 * constants) and functions are kept as they are. The workbook's custom-function resolver is
 * not copied: it belongs to a loaded bundle, which the restorer loads anew over the copy.
 */
import { FakeClock } from './clock';
import type { ExecutionContext, WorkbookModel } from './model';
import { StoredCell } from './sheetModel';

// Built-ins of the per-cell paths, read once: under jest's default environment a global lookup
// passes the test realm's global proxy, about 0.4 µs.
const Array_ = Array;
const isArray_ = Array.isArray;

/**
 * Where a copy keeps track of shared references: `seen`, originals already copied → their
 * copies; `shared`, when known, the only originals reached more than once (sharedIn_), so that
 * the others (most cells and rows) are copied without being looked up or recorded.
 */
interface Copying_ {
  seen: Map<object, unknown>;
  shared: Set<object> | null;
}

/**
 * A structural copy of a value and everything it reaches.
 * @param value the value
 * @param c originals already copied → their copies (shared references stay shared)
 */
function copyOf_<T>(value: T, c: Copying_): T {
  if (typeof value !== 'object' || value === null) return value;
  const tracked = c.shared === null || c.shared.has(value);
  if (tracked) {
    const known = c.seen.get(value);
    if (known !== undefined) return known as T;
  }
  if (isArray_(value)) {
    const array: unknown[] = new Array_(value.length);
    if (tracked) c.seen.set(value, array);
    // Sparse rows stay sparse: only the indices present are copied.
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item !== 'object' || item === null) {
        if (item !== undefined || i in value) array[i] = item;
      } else if (item instanceof StoredCell) {
        // a row's cells copied here, not through a call of copyOf_ each (half a restore's time)
        const cellTracked = c.shared === null || c.shared.has(item);
        const known = cellTracked ? c.seen.get(item) : undefined;
        array[i] = known !== undefined ? known : copyCell_(item, cellTracked, c);
      } else array[i] = copyOf_(item, c);
    }
    return array as T;
  }
  if (value instanceof StoredCell) return copyCell_(value, tracked, c) as T;
  // Plain objects (rules, rectangles) are most of the rest: the quick path. (A check of
  // the constructor costs less here than Object.getPrototypeOf or Object.isFrozen.)
  if ((value as { constructor?: unknown }).constructor === Object) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (tracked) c.seen.set(value, copy);
    for (const key in copy) {
      const field = copy[key];
      if (typeof field === 'object' && field !== null) copy[key] = copyOf_(field, c);
    }
    return copy as T;
  }
  return copySpecial_(value, c);
}

/**
 * A copy of a stored cell (most of a workbook), field by field: its value (a Date copied), rule
 * and rule offset as copyOf_ copies them; the style shared, being frozen (cellStyle.ts).
 * @param cell the cell
 * @param tracked whether the cell is reached more than once (recorded in `c.seen`)
 * @param c the copy's bookkeeping
 */
function copyCell_(cell: StoredCell, tracked: boolean, c: Copying_): StoredCell {
  const copy = new StoredCell();
  if (tracked) c.seen.set(cell, copy);
  const value = cell.value;
  copy.value = typeof value === 'object' && value !== null ? copyOf_(value, c) : value;
  copy.formula = cell.formula;
  copy.note = cell.note;
  if (cell.validation !== undefined) copy.validation = copyOf_(cell.validation, c);
  const at = cell.validationAt;
  // an offset pair reached from this cell only (the usual case) is copied without copyOf_'s walk
  if (at !== undefined)
    copy.validationAt = c.shared !== null && !c.shared.has(at) && at.length === 2 ? [at[0], at[1]] : copyOf_(at, c);
  copy.style = cell.style;
  return copy;
}

/**
 * The objects a copy (copyOf_) of a value reaches more than once, by the same edges copyOf_
 * follows: a copy needs to look up and record only these to keep every shared reference (and
 * every cycle, whose entry is reached twice) as it is.
 * @param root the value (reached once)
 * @param kept objects copyOf_ keeps as they are (a context's scope): counted as shared
 */
function sharedIn_(root: unknown, kept: readonly object[]): Set<object> {
  const reached = new Set<object>();
  const shared = new Set<object>(kept);
  const stack: unknown[] = [root];
  const visit = (value: unknown) => {
    if (typeof value === 'object' && value !== null) stack.push(value);
  };
  while (stack.length > 0) {
    const value = stack.pop() as object;
    if (shared.has(value)) continue;
    if (reached.has(value)) {
      shared.add(value);
      continue;
    }
    reached.add(value);
    if (isArray_(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i]);
    } else if (value instanceof StoredCell) {
      // the fields copyCell_ copies (the style is frozen: kept)
      visit(value.value);
      visit(value.validation);
      visit(value.validationAt);
    } else if ((value as { constructor?: unknown }).constructor === Object) {
      // copyOf_ copies the fields for…in lists (a symbol's value is kept as it is)
      for (const key in value) visit((value as Record<string, unknown>)[key]);
    } else if (Object.isFrozen(value) || value instanceof FakeClock || value instanceof Date) {
      // kept, or copied without what they reach
    } else if (Object.prototype.toString.call(value) === '[object Date]' || value instanceof Uint8Array) {
      // copied without what they reach
    } else if (value instanceof Map) {
      for (const [k, v] of value) {
        visit(k);
        visit(v);
      }
    } else if (value instanceof Set) {
      for (const v of value) visit(v);
    } else {
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
        if ('value' in descriptor) visit(descriptor.value);
      }
    }
  }
  return shared;
}

/**
 * A copy of anything but an array or a plain object: a clock, a Date, bytes, a Map, a Set, a
 * class instance (own data properties copied with their attributes); frozen objects as they are.
 * @param value the object
 * @param seen originals already copied → their copies
 */
function copySpecial_<T extends object>(value: T, c: Copying_): T {
  if (Object.isFrozen(value)) return value;
  const seen = c.seen;
  let copy: object;
  if (value instanceof FakeClock) copy = value.copy();
  else if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    copy = new (value.constructor as DateConstructor)((value as unknown as Date).getTime());
  else if (value instanceof Uint8Array) copy = value.slice();
  else if (value instanceof Map) {
    const map = new Map();
    seen.set(value, map);
    for (const [k, v] of value) map.set(copyOf_(k, c), copyOf_(v, c));
    return map as T;
  } else if (value instanceof Set) {
    const set = new Set();
    seen.set(value, set);
    for (const v of value) set.add(copyOf_(v, c));
    return set as T;
  } else {
    const object = Object.create(Object.getPrototypeOf(value)) as Record<PropertyKey, unknown>;
    seen.set(value, object);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      if ('value' in descriptor) descriptor.value = copyOf_(descriptor.value, c);
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
  // A context's template scope (a vm context's globals) is the test's, not the workbook's: kept.
  const scopes = (of: readonly ExecutionContext[]) =>
    of.flatMap((c) => (typeof c.scope === 'object' && c.scope !== null ? [c.scope as object] : []));
  const take = () => {
    const seen = new Map<object, unknown>();
    for (const scope of scopes(contexts)) seen.set(scope, scope);
    const c: Copying_ = { seen, shared: null };
    const copy = copyOf_(book, c);
    copy.functions = null;
    return { book: copy, contexts: contexts.map((context) => copyOf_(context, c)) };
  };
  const frozen = take();
  const kept = scopes(frozen.contexts);
  // The snapshot never changes: what its copies must keep shared is found once.
  const shared = sharedIn_(frozen, kept);
  return {
    restore: () => {
      const seen = new Map<object, unknown>();
      for (const scope of kept) seen.set(scope, scope);
      const again = copyOf_(frozen, { seen, shared });
      return { book: again.book, contexts: again.contexts };
    },
  };
}
