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
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // The costliest files first (test/support/sequencer.js), so that both workers finish together.
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Dates are read in the script time zone; Apps Script projects here run in Asia/Bangkok.
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  // The property tests' fixed seed (test/support/propertySeed.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/propertySeed.ts'],
};
