/** Fake Session and User. */
import { instrument } from './callLedger';
import type { ExecutionContext } from './model';
import type { FakeOf } from './types';

const USER_METHODS = ['getEmail'] as const satisfies readonly (keyof GoogleAppsScript.Base.User)[];

/** A user, as returned by Session.getActiveUser() or Protection.getEditors(). */
export class FakeUser implements FakeOf<GoogleAppsScript.Base.User, (typeof USER_METHODS)[number]> {
  /**
   * @param ctx_ the execution
   * @param email_ the address ("" when hidden)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly email_: string,
  ) {}

  /** The user's e-mail address, or "" when it is not available. */
  getEmail(): string {
    return this.email_;
  }
}
instrument(FakeUser, 'User', USER_METHODS);

/**
 * The e-mail of a user given as a string or a user object (without recording a call).
 * @param user an address or a User
 */
export function emailOf(user: string | { getEmail(): string }): string {
  if (typeof user === 'string') return user;
  return user instanceof FakeUser ? user.email_ : String(user.getEmail());
}

const SESSION_METHODS = [
  'getActiveUser',
  'getEffectiveUser',
  'getScriptTimeZone',
  'getActiveUserLocale',
] as const satisfies readonly (keyof GoogleAppsScript.Base.Session)[];

/** Session: who runs the script, and the script time zone. */
export class FakeSession implements FakeOf<GoogleAppsScript.Base.Session, (typeof SESSION_METHODS)[number]> {
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /**
   * The user at the keyboard. The address is "" when Google withholds it ("If security policies
   * do not allow access to the user's identity, User.getEmail() returns a blank string",
   * developers.google.com/apps-script/reference/base/session#getactiveuser: consumer accounts
   * running someone else's script, and custom functions).
   */
  getActiveUser(): FakeUser {
    const hidden = this.ctx_.emailHidden || this.ctx_.book.customFunctionDepth > 0;
    return new FakeUser(this.ctx_, hidden ? '' : this.ctx_.activeUser);
  }

  /**
   * The user whose authority the script runs under; "" in an execution created with hideEmail
   * true (the same blank-address rule, session#geteffectiveuser; the worse case: both hidden).
   * With hideEmail 'active' the effective user's address is kept: whether Google ever hides the
   * one and not the other in a menu run is unconfirmed, so both outcomes can be produced.
   */
  getEffectiveUser(): FakeUser {
    return new FakeUser(this.ctx_, this.ctx_.emailHidden === true ? '' : this.ctx_.effectiveUser);
  }

  /**
   * The script time zone: the manifest's, which may differ from the spreadsheet's (platform.ts,
   * `scriptTimeZone`; default the spreadsheet's).
   */
  getScriptTimeZone(): string {
    return this.ctx_.book.platform.scriptTimeZone ?? this.ctx_.book.timeZone;
  }

  /** The active user's language setting. */
  getActiveUserLocale(): string {
    return this.ctx_.locale;
  }
}
instrument(FakeSession, 'Session', SESSION_METHODS);
