/**
 * The layers of src/, checked in `npm test` (npm run layers): the rules live in core; the
 * custom functions and the workbook's layout depend on core only; the adapter is the only code
 * that talks to Apps Script and never depends on the actions above it; the sidebar (browser
 * code) knows the server only through type-only imports of its contract.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core holds the rules: it imports nothing outside src/core.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'functions-on-core',
      comment: 'The custom functions depend on the rules only.',
      severity: 'error',
      from: { path: '^src/functions/' },
      to: { pathNot: '^src/(core|functions)/' },
    },
    {
      name: 'workbook-on-core',
      comment: "The workbook's layout as data depends on the rules only.",
      severity: 'error',
      from: { path: '^src/workbook/' },
      to: { pathNot: '^src/(core|workbook)/' },
    },
    {
      name: 'adapter-below-server',
      comment: 'The adapter is below the actions: it never imports src/server, src/sidebar or src/main.ts.',
      severity: 'error',
      from: { path: '^src/adapter/' },
      to: { path: '^src/(server|sidebar)/|^src/main\\.ts$' },
    },
    {
      name: 'server-below-main',
      comment: 'Only src/main.ts is the entry point: nothing imports it (the sidebar only as types).',
      severity: 'error',
      from: { path: '^src/(core|functions|workbook|adapter|server)/' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'sidebar-types-only',
      comment: 'The sidebar runs in the browser: it imports the server only for types (nothing of it is bundled).',
      severity: 'error',
      from: { path: '^src/sidebar/' },
      to: { pathNot: '^src/sidebar/', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'no-circular-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-on-dev-or-test',
      comment: 'What ships never imports the stand-in, the preview, the bench or the tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(dev|test|bench)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
