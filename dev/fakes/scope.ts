/**
 * A fresh global scope for the bundle (node:vm), as Apps Script gives each execution: a realm of
 * its own holding only the language's built-ins and the globals given.
 */
import { type Context, constants, createContext, Script } from 'node:vm';
import { fakeDateClass } from './clock';

/**
 * A new vm context whose globals are the built-ins and `globals`. Where Node offers it
 * (vm.constants.DONT_CONTEXTIFY: 22.8, 20.18), the context's global object is an ordinary one: a
 * contextified object reaches every global (Math, JSON, the bundle's own top-level functions)
 * through an interceptor, about 0.4 µs a lookup, a cost Apps Script does not have, which was a
 * large part of the bundle's CPU in the tests. Either way the scripts see the same globals, and
 * the returned object is their global scope: their top-level functions and vars are its properties.
 * @param globals the services and values to install as globals
 * @param now when given, the scope's `new Date()` and `Date.now()` read it (installClock_)
 */
export function globalScope(globals: Record<string, unknown>, now?: () => number): Context {
  // undefined before Node 20.18
  const plain = (constants as Partial<typeof constants>).DONT_CONTEXTIFY;
  const context = plain === undefined ? createContext({ ...globals }) : Object.assign(createContext(plain), globals);
  if (now !== undefined) installClock_(context, now);
  return context;
}

/**
 * Gives a scope a Date whose current time is `now`, built on the scope's own Date so that its
 * objects are that realm's Dates (instanceof, '[object Date]').
 * @param context the scope
 * @param now the time source
 */
function installClock_(context: Context, now: () => number): void {
  const NativeDate = new Script('Date').runInContext(context) as DateConstructor;
  const FakeDate = fakeDateClass(now, NativeDate);
  // The scope is the bundle's alone, so its Date.prototype may name the wrapper as constructor.
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: FakeDate, writable: true, configurable: true });
  context.Date = FakeDate;
}
