/** Jest runs the TypeScript tests through SWC (fast transpile only); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Whole-workbook tests build 20+ sheets and compare complete dumps: seconds, not milliseconds.
  testTimeout: 300000,
  // Two workers on the 2-core CI machine: the tests are CPU-bound and the parent process idles,
  // so jest's default (cores − 1 = 1 worker) leaves a core unused.
  maxWorkers: 2,
  // A worker's heap grows with every file it runs (--logHeapUsage: 300–650 MB more after a heavy
  // file, 2.6 and 1.3 GB at the end of a run; --detectLeaks finds no test environment kept), and
  // its collections then slow every later file. Jest replaces a worker whose heap is above this
  // after a file (jestjs/jest#13056): 546 → 471 s wall, 853 → 713 s user CPU on the idle 2-core
  // machine (docs/performance.md, "The whole suite, 7 Dec 2026, fourth session").
  workerIdleMemoryLimit: '800MB',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // The costliest files first (test/support/sequencer.js), so that both workers finish together.
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Dates are read in the script time zone; Apps Script projects here run in Asia/Bangkok.
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  // The property tests' fixed seed (test/support/propertySeed.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/propertySeed.ts'],
};
