/** Jest runs the TypeScript tests through SWC (fast transpile only); `npm run typecheck` does the type checking. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  // Dates are read in the script time zone; Apps Script projects here run in Asia/Bangkok.
  globalSetup: '<rootDir>/test/support/globalSetup.js',
};
