/**
 * Values the add-on keeps for the whole workbook in the script's document properties (not in a
 * sheet, so officers cannot edit them by hand), as JSON split over several properties: one
 * property holds at most 9 KB (Apps Script quotas: "Properties value size 9 KB / val").
 */
import { documentProperties } from './services';
import type { Undo } from './undo';

/** Characters per property: under 9 KB even for three-byte Thai characters. */
const CHUNK = 3000;

/**
 * A kept value, or the fallback when there is none or it cannot be read (one call).
 * @param key the value's key
 * @param fallback what to return otherwise
 */
export function readKept<T>(key: string, fallback: T): T {
  // One read of the store gives the count and its chunks together (one call, not two).
  const all = documentProperties().getProperties();
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
  const properties = documentProperties();
  const text = JSON.stringify(value);
  const chunks: Record<string, string> = { [`${key}#`]: String(Math.ceil(text.length / CHUNK)) };
  for (let i = 0; i * CHUNK < text.length; i++) chunks[`${key}#${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
  const before = properties.getProperties();
  const old: Record<string, string> = {};
  for (const name of Object.keys(before))
    if (name === `${key}#` || name.startsWith(`${key}#`)) old[name] = before[name];
  if (Object.keys(chunks).every((k) => old[k] === chunks[k]) && Object.keys(old).every((k) => k in chunks)) return;
  undo.add(() => {
    for (const name of Object.keys(chunks)) if (!(name in old)) properties.deleteProperty(name);
    properties.setProperties(old);
  }, 'ข้อมูลที่ส่วนเสริมเก็บไว้');
  for (const name of Object.keys(old)) if (!(name in chunks)) properties.deleteProperty(name);
  properties.setProperties(chunks);
}

/**
 * One document property as kept (null when there is none).
 * @param key the property
 */
export function readProperty(key: string): string | null {
  return documentProperties().getProperty(key);
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
  const properties = documentProperties();
  undo.add(() => {
    if (before === null) properties.deleteProperty(key);
    else properties.setProperty(key, before);
  }, label);
  if (value === null) properties.deleteProperty(key);
  else properties.setProperty(key, value);
}
