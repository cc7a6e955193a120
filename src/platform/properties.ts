/**
 * Values the add-on keeps for the whole workbook in the script's document properties (not in a
 * sheet, so officers cannot edit them by hand), as JSON split over several properties: one
 * property holds at most 9 KB (Apps Script quotas: "Properties value size 9 KB / val").
 */
import { documentProperties, forgetEachExecution } from './services';
import type { Undo } from './undo';

/** Characters per property: under 9 KB even for three-byte Thai characters. */
const CHUNK = 3000;

/**
 * The store as this execution read it, kept in step with its own writes: read once (one call)
 * and again after the action takes or leaves the locks (lock.ts).
 * - Holding the locks, no other execution writes the document properties (every writing action
 *   and the reminders' run take the same locks): the copy is the store.
 * - Without them (a read-only view: the sidebar's duties, a preview), every read of the
 *   execution sees the store as it was at one moment, rather than each read a later one; every
 *   decision that depends on another run's writes is taken under the locks, where the store is
 *   read afresh. Three properties and the kept values of the duties view: 4 calls → 1.
 */
let held_: Record<string, string> | null = null;
forgetEachExecution(() => {
  held_ = null;
});

/** The action takes or leaves the locks (lock.ts): the next read asks the store afresh. */
export function readPropertiesAfresh(): void {
  held_ = null;
}

/** Every property (one call the first time in a stretch). */
function all_(): Record<string, string> {
  held_ ??= documentProperties().getProperties();
  return held_;
}

/**
 * Writes through to the store and the held copy; after a failed write the copy is dropped (the
 * call may have taken effect: the next read asks the store).
 * @param write the write
 * @param apply the same change on the held copy
 */
function write_(
  write: (store: GoogleAppsScript.Properties.Properties) => void,
  apply: (held: Record<string, string>) => void,
): void {
  try {
    write(documentProperties());
  } catch (error) {
    held_ = null;
    throw error;
  }
  if (held_) apply(held_);
}

/**
 * Sets document properties.
 * @param values the properties
 */
export function setDocumentProperties(values: Record<string, string>): void {
  write_(
    (store) => store.setProperties(values),
    (held) => Object.assign(held, values),
  );
}

/**
 * Sets one document property.
 * @param key the property
 * @param value its value
 */
export function setDocumentProperty(key: string, value: string): void {
  write_(
    (store) => store.setProperty(key, value),
    (held) => {
      held[key] = value;
    },
  );
}

/**
 * Deletes one document property.
 * @param key the property
 */
export function deleteDocumentProperty(key: string): void {
  write_(
    (store) => store.deleteProperty(key),
    (held) => {
      delete held[key];
    },
  );
}

/**
 * A kept value, or the fallback when there is none or it cannot be read (one call).
 * @param key the value's key
 * @param fallback what to return otherwise
 */
export function readKept<T>(key: string, fallback: T): T {
  // One read of the store gives the count and its chunks together (one call, not two).
  const all = all_();
  const count = Number(all[`${key}#`] ?? '0');
  if (!count) return fallback;
  let text = '';
  for (let i = 0; i < count; i++) text += all[`${key}#${i}`] ?? '';
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Keeps a value, registering the old one.
 * @param key the value's key
 * @param value any JSON value
 * @param undo where the old value is registered
 */
export function keep(key: string, value: unknown, undo: Undo): void {
  const text = JSON.stringify(value);
  const chunks: Record<string, string> = { [`${key}#`]: String(Math.ceil(text.length / CHUNK)) };
  for (let i = 0; i * CHUNK < text.length; i++) chunks[`${key}#${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
  const before = all_();
  const old: Record<string, string> = {};
  for (const name of Object.keys(before))
    if (name === `${key}#` || name.startsWith(`${key}#`)) old[name] = before[name];
  if (Object.keys(chunks).every((k) => old[k] === chunks[k]) && Object.keys(old).every((k) => k in chunks)) return;
  undo.add(() => {
    for (const name of Object.keys(chunks)) if (!(name in old)) deleteDocumentProperty(name);
    setDocumentProperties(old);
  }, 'ข้อมูลที่ส่วนเสริมเก็บไว้');
  for (const name of Object.keys(old)) if (!(name in chunks)) deleteDocumentProperty(name);
  setDocumentProperties(chunks);
}

/**
 * One document property as kept (null when there is none).
 * @param key the property
 */
export function readProperty(key: string): string | null {
  return all_()[key] ?? null;
}

/**
 * Sets (or, for null, deletes) one document property, registering the value it had.
 * @param key the property
 * @param value the new value, or null to delete it
 * @param before the value it has now, as the caller read it
 * @param undo where the old value is registered
 * @param label what the undo brings back, in Thai
 */
export function writeProperty(
  key: string,
  value: string | null,
  before: string | null,
  undo: Undo,
  label: string,
): void {
  undo.add(() => {
    if (before === null) deleteDocumentProperty(key);
    else setDocumentProperty(key, before);
  }, label);
  if (value === null) deleteDocumentProperty(key);
  else setDocumentProperty(key, value);
}
