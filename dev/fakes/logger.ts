/** Fake Logger: collects lines in the execution's log. */
import { instrument } from './callLedger';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

const LOGGER_METHODS = ['log', 'getLog', 'clear'] as const satisfies readonly (keyof GoogleAppsScript.Base.Logger)[];

/**
 * Text of a logged value (objects as JSON).
 * @param value anything
 */
function text_(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return String(value);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** Logger. */
export class FakeLogger implements FakeOf<GoogleAppsScript.Base.Logger, (typeof LOGGER_METHODS)[number]> {
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /** log(data) or log(format, ...values) with %s / %d placeholders. */
  log(data: unknown, ...values: unknown[]): FakeLogger {
    let line = text_(data);
    if (values.length > 0 && typeof data === 'string') {
      let i = 0;
      line = data.replace(/%[sd]/g, (m) => (i < values.length ? text_(values[i++]) : m));
    }
    this.ctx_.logs.push(line);
    return this;
  }

  /** Every line logged, joined with newlines. */
  getLog(): string {
    return this.ctx_.logs.join('\n');
  }

  /** Forgets the lines. */
  clear(): void {
    this.ctx_.logs.length = 0;
  }
}
instrument(FakeLogger, 'Logger', LOGGER_METHODS);
