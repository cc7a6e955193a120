/**
 * Fake PropertiesService with Apps Script's limits: 9 KB per value and 500 KB per store
 * (guides/services/quotas). Document and script stores belong to the workbook, the user store
 * to the effective user.
 */
import { instrument } from './callLedger';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

/** Largest value, in bytes (UTF-8). */
export const MAX_VALUE_BYTES = 9 * 1024;
/** Largest store (keys + values), in bytes (UTF-8). */
export const MAX_STORE_BYTES = 500 * 1024;
/**
 * Apps Script's message when a store would exceed its quota (quoted in
 * github.com/lucasvtiradentes/gcal-sync/issues/115). The per-value error text is not
 * confirmed: the fake throws "Argument too large: value (key)".
 */
export const STORE_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes_(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const PROPERTIES_METHODS = [
  'getProperty',
  'setProperty',
  'getProperties',
  'setProperties',
  'deleteProperty',
  'getKeys',
] as const satisfies readonly (keyof GoogleAppsScript.Properties.Properties)[];

/** One property store. */
export class FakeProperties
  implements FakeOf<GoogleAppsScript.Properties.Properties, (typeof PROPERTIES_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param store_ the stored key/value pairs
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly store_: Map<string, string>,
  ) {}

  /** Replaces the store's content after checking the limits; nothing changes when they fail. */
  private commit_(next: Map<string, string>, changed: Iterable<string>): void {
    for (const key of changed) {
      const value = next.get(key);
      if (value !== undefined && bytes_(value) > MAX_VALUE_BYTES) throw new Error(`Argument too large: value (${key})`);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes_(k) + bytes_(v);
    if (total > MAX_STORE_BYTES) throw new Error(STORE_QUOTA_MESSAGE);
    this.store_.clear();
    for (const [k, v] of next) this.store_.set(k, v);
  }

  /** @param key the key; null when absent */
  getProperty(key: string): string | null {
    return this.store_.get(key) ?? null;
  }

  /** @param key the key @param value stored as a string */
  setProperty(key: string, value: string): FakeProperties {
    const next = new Map(this.store_);
    next.set(String(key), String(value));
    this.commit_(next, [String(key)]);
    return this;
  }

  /** A copy of every pair. */
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store_);
  }

  /** @param properties pairs to set @param deleteAllOthers remove the other keys */
  setProperties(properties: Record<string, string>, deleteAllOthers = false): FakeProperties {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store_);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.commit_(next, Object.keys(properties));
    return this;
  }

  /** @param key the key to remove */
  deleteProperty(key: string): FakeProperties {
    this.store_.delete(key);
    return this;
  }

  /** Every key. */
  getKeys(): string[] {
    return [...this.store_.keys()];
  }
}
instrument(FakeProperties, 'Properties', PROPERTIES_METHODS);

const SERVICE_METHODS = [
  'getDocumentProperties',
  'getScriptProperties',
  'getUserProperties',
] as const satisfies readonly (keyof GoogleAppsScript.Properties.PropertiesService)[];

/** PropertiesService. */
export class FakePropertiesService
  implements FakeOf<GoogleAppsScript.Properties.PropertiesService, (typeof SERVICE_METHODS)[number]>
{
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /** The document's store. */
  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this.ctx_, this.ctx_.book.documentProperties);
  }

  /** The script's store. */
  getScriptProperties(): FakeProperties {
    return new FakeProperties(this.ctx_, this.ctx_.book.scriptProperties);
  }

  /** The effective user's store. */
  getUserProperties(): FakeProperties {
    const stores = this.ctx_.book.userProperties;
    let store = stores.get(this.ctx_.effectiveUser);
    if (!store) {
      store = new Map();
      stores.set(this.ctx_.effectiveUser, store);
    }
    return new FakeProperties(this.ctx_, store);
  }
}
instrument(FakePropertiesService, 'PropertiesService', SERVICE_METHODS);
