/**
 * A fresh global scope for the bundle (node:vm), as Apps Script gives each execution: a realm of
 * its own holding only the language's built-ins and the globals given.
 */
import { type Context, constants, createContext } from 'node:vm';

/**
 * A new vm context whose globals are the built-ins and `globals`. Where Node offers it
 * (vm.constants.DONT_CONTEXTIFY: 22.8, 20.18), the context's global object is an ordinary one: a
 * contextified object reaches every global (Math, JSON, the bundle's own top-level functions)
 * through an interceptor, about 0.4 µs a lookup, a cost Apps Script does not have, which was a
 * large part of the bundle's CPU in the tests. Either way the scripts see the same globals, and
 * the returned object is their global scope: their top-level functions and vars are its properties.
 * @param globals the services and values to install as globals
 */
export function globalScope(globals: Record<string, unknown>): Context {
  // undefined before Node 20.18
  const plain = (constants as Partial<typeof constants>).DONT_CONTEXTIFY;
  if (plain === undefined) return createContext({ ...globals });
  const context = createContext(plain);
  Object.assign(context, globals);
  return context;
}
