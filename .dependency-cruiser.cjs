/**
 * The roles of src/, checked in `npm test` (npm run layers; docs/architecture.md). A file's role
 * is where it sits: src/kernel (pure shared rules), src/features/<feature>/rules (a feature's
 * pure rules), …/sheets (its sheet layouts, renderings and documents), …/functions (its custom
 * functions), …/action (its server actions, given the door), …/store (its part of the door's Apps
 * Script side), …/panel (its browser code), src/app (the shared plumbing: the door's interface and
 * the pure readers; the Apps Script door in src/app/door), src/platform (the only code that talks
 * to Apps Script), src/sidebar (the
 * sidebar's shell, browser code) and src/main.ts (the entry points). The rules are by role, not
 * by feature: a feature may use another feature's file of a role it may use.
 */

/** The pure rules: the kernel and every feature's rules. */
const PURE = '^src/(kernel|features/[^/]+/rules)/';
/**
 * The actions: every feature's action folder, given the door to the workbook
 * (src/app/door/door.ts; docs/architecture.md, "The door"). The self-check is the one action left
 * in the shell: it observes Apps Script itself (docs/architecture.md says why).
 */
const ACTIONS = '^src/features/[^/]+/action/';
const SHELL_ACTION = '^src/features/selfCheck/action/diagnostics\\.ts$';
/**
 * What talks to Apps Script, directly or not: the platform, the features' stores (their part of
 * the door's Apps Script side), the log's plumbing, the lock, the menu and the door's Apps Script
 * implementation (everything in src/app/door but the interface).
 */
const APPS_SCRIPT_SIDE =
  '^src/(platform/|features/[^/]+/store/|app/(auditLog|serverAction|menu)\\.ts$|app/door/(?!door\\.ts$))';
/** The shared modules the actions use: pure at run time (types of the platform aside). */
const APP_SHARED = '^src/app/(roles|workbookRead|clock|api|recordKinds|door/door)\\.ts$';
/** Browser code: the sidebar's shell and every feature's panel. */
const BROWSER = '^src/(sidebar|features/[^/]+/panel)/';

module.exports = {
  forbidden: [
    {
      name: 'rules-are-pure',
      comment:
        'The kernel and the features\' rules import nothing but the kernel and rules: they run anywhere, unit-tested without a workbook.',
      severity: 'error',
      from: { path: PURE },
      to: { pathNot: PURE },
    },
    {
      name: 'functions-on-rules',
      comment: 'The custom functions depend on the kernel, rules and custom functions only.',
      severity: 'error',
      from: { path: '^src/features/[^/]+/functions/' },
      to: { pathNot: '^src/(kernel|features/[^/]+/(rules|functions))/' },
    },
    {
      name: 'sheets-on-rules',
      comment: "The sheets' layouts as data depend on the kernel, rules and other sheets only.",
      severity: 'error',
      from: { path: '^src/features/[^/]+/sheets/' },
      to: { pathNot: '^src/(kernel|features/[^/]+/(rules|sheets))/' },
    },
    {
      name: 'platform-below-actions',
      comment:
        'The platform is below the actions: it never imports an action (src/app, src/features/*/action or store), the browser code or src/main.ts.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: `^src/(app|features/[^/]+/(action|store))/|${BROWSER}|^src/main\\.ts$` },
    },
    {
      name: 'actions-through-the-door',
      comment:
        "An action (src/features/*/action) imports nothing of what talks to Apps Script, not even a type: it is given a Workbook, unit-tested against the in-memory door.",
      severity: 'error',
      from: { path: ACTIONS, pathNot: SHELL_ACTION },
      to: { path: APPS_SCRIPT_SIDE },
    },
    {
      name: 'app-shared-pure',
      comment:
        "The shared modules the actions import use nothing that talks to Apps Script at run time (types aside), so no action reaches it through them.",
      severity: 'error',
      from: { path: APP_SHARED },
      to: { path: APPS_SCRIPT_SIDE, dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'nothing-imports-main',
      comment: 'Only src/main.ts is the entry point: nothing imports it (the browser code only as types).',
      severity: 'error',
      from: { path: '^src/', pathNot: `${BROWSER}|^src/main\\.ts$` },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'panels-types-only',
      comment:
        'The sidebar and the panels run in the browser: they import the server only for types (nothing of it is bundled).',
      severity: 'error',
      from: { path: BROWSER },
      to: { pathNot: BROWSER, dependencyTypesNot: ['type-only', 'type-import'] },
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
    // node_modules also where it is a link to another checkout's (a git worktree's ../main/node_modules/…)
    exclude: { path: '(^|/)node_modules/|^dist/' },
  },
};
