/** Fake ScriptApp: the OAuth token and installable clock triggers (see triggers.ts). */
import { instrument } from './callLedger';
import { AuthMode, EventType, TriggerSource } from './enums';
import type { ExecutionContext } from './model';
import { FakeTrigger, FakeTriggerBuilder } from './triggers';
import type { FakeOf } from './types';

const SCRIPT_APP_METHODS = [
  'getOAuthToken',
  'newTrigger',
  'getProjectTriggers',
  'deleteTrigger',
] as const satisfies readonly (keyof GoogleAppsScript.Script.ScriptApp)[];

type ScriptAppApi = FakeOf<
  GoogleAppsScript.Script.ScriptApp,
  (typeof SCRIPT_APP_METHODS)[number] | 'AuthMode' | 'EventType' | 'TriggerSource'
>;

/** ScriptApp. */
export class FakeScriptApp implements ScriptAppApi {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /** Always "fake-token". */
  getOAuthToken(): string {
    return 'fake-token';
  }

  /** @param functionName the handler, a top-level function of the project */
  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this.ctx_, functionName);
  }

  /**
   * "Gets all installable triggers associated with the current project and current user"
   * (reference/script/script-app#getProjectTriggers()): other users' triggers are not listed.
   */
  getProjectTriggers(): FakeTrigger[] {
    const user = this.ctx_.effectiveUser;
    return this.ctx_.book.triggers.list.filter((t) => t.creator === user).map((t) => new FakeTrigger(this.ctx_, t));
  }

  /**
   * Removes the trigger so it no longer runs. Deleting one that no longer exists (another run
   * deleted it) throws here: Google's behaviour is unconfirmed, and throwing is the worse case.
   * @param trigger a trigger of the current user
   */
  deleteTrigger(trigger: FakeTrigger): void {
    const list = this.ctx_.book.triggers.list;
    const index = list.findIndex((t) => t.id === trigger.model_.id && t.creator === this.ctx_.effectiveUser);
    if (index < 0) throw new Error(`Fake: no trigger ${trigger.model_.id} of this user to delete (unconfirmed)`);
    list.splice(index, 1);
  }
}
instrument(FakeScriptApp, 'ScriptApp', SCRIPT_APP_METHODS);
