/** Jest runs the TypeScript tests through SWC (fast transpile only); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Whole-workbook tests build 20+ sheets and compare complete dumps: seconds, not milliseconds.
  testTimeout: 300000,
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // Dates are read in the script time zone; Apps Script projects here run in Asia/Bangkok.
  globalSetup: '<rootDir>/test/support/globalSetup.js',
};
