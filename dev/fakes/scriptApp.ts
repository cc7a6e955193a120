/** Fake ScriptApp: only what the add-on needs. */
import { instrument } from './callLedger';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

const SCRIPT_APP_METHODS = ['getOAuthToken'] as const satisfies readonly (keyof GoogleAppsScript.Script.ScriptApp)[];

/** ScriptApp. */
export class FakeScriptApp implements FakeOf<GoogleAppsScript.Script.ScriptApp, (typeof SCRIPT_APP_METHODS)[number]> {
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /** Always "fake-token". */
  getOAuthToken(): string {
    return 'fake-token';
  }
}
instrument(FakeScriptApp, 'ScriptApp', SCRIPT_APP_METHODS);
