/**
 * Code.js in two parts (scripts/build.mjs bundleParts): a custom function's recalculation runs
 * only the custom functions' part; the menu, trigger and sidebar functions are compiled from
 * their comment on an execution's first call of one, once.
 */
import { loadBundle } from '../support/loadBundle';

test('custom functions run without compiling the server part; a server function compiles it once', () => {
  const gas = loadBundle();
  const evals: number[] = [];
  const realEval = gas.run('eval') as (code: string) => unknown;
  // The context's own eval, counted (the loader calls it indirectly, in the global scope).
  gas.eval = (code: string) => {
    evals.push(code.length);
    return realEval(code);
  };
  expect(gas.OTOP_TARGET(241)).toBe(12);
  expect(gas.OTOP_THAI(818)).toBe('๘๑๘');
  expect(evals).toEqual([]);
  // No SpreadsheetApp here: the sidebar's state fails, in Thai, after the server part is compiled.
  expect(() => gas.sidebarState()).toThrow(/[\u0e00-\u0e7f]/);
  expect(() => gas.sidebarDuties()).toThrow(/[\u0e00-\u0e7f]/);
  expect(evals).toHaveLength(1);
  expect(evals[0]).toBeGreaterThan(100000); // the whole of src/main.ts
});
