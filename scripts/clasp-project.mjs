// The clasp project file, .clasp.json, is not committed: clasp 3 refuses `clasp create` and
// `clasp clone` where one exists ("Project file already exists."), so a committed placeholder
// blocks both (PLATFORM.md; google/clasp#1128). The repository keeps `.clasp.example.json`
// instead, and .clasp.json is made on first use: by `clasp create` / `clasp clone` themselves,
// or from the example by `npm run bind -- <scriptId>` for an existing bound project.
//
//   node scripts/clasp-project.mjs bind <scriptId>   write .clasp.json for that script (once)
//   node scripts/clasp-project.mjs check             fail, saying what to do, when there is none
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.OTOP_PROJECT_ROOT || join(dirname(fileURLToPath(import.meta.url)), '..');
const project = join(root, '.clasp.json');
const example = join(root, '.clasp.example.json');
const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';
// Apps Script project ids are long base64url-like strings (the "Script ID" of Project settings).
const SCRIPT_ID = /^[A-Za-z0-9_-]{20,}$/;

const HOW = [
  'No Apps Script project is bound to this folder yet (.clasp.json is missing). Either:',
  '  - a new spreadsheet with its own script:  npx clasp create --type sheets --title "OTOP KPI" --rootDir dist',
  '  - the existing provincial workbook:       open it, Extensions → Apps Script → Project settings → copy the Script ID, then',
  '                                            npm run bind -- <scriptId>   (or: npx clasp clone <scriptId> --rootDir dist)',
  'Sign in first with: npx clasp login. See README, "Put it on a real spreadsheet".',
].join('\n');

/**
 * Prints a message and ends the process with a status.
 * @param {string} message what to say
 * @param {number} code the exit status
 */
function done(message, code) {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

/**
 * Writes .clasp.json from the example with the script id.
 * @param {string | undefined} scriptId the Script ID
 */
function bind(scriptId) {
  if (!scriptId || !SCRIPT_ID.test(scriptId) || scriptId === PLACEHOLDER) {
    done(`npm run bind -- <scriptId>: "${scriptId ?? ''}" is not a Script ID (Project settings → IDs → Script ID).`, 1);
  }
  if (existsSync(project)) {
    done(`.clasp.json exists already (${readProject().scriptId}); remove it first to bind another script.`, 1);
  }
  const settings = JSON.parse(readFileSync(example, 'utf8'));
  writeFileSync(project, `${JSON.stringify({ ...settings, scriptId }, null, 2)}\n`);
  done(`wrote .clasp.json for script ${scriptId} (rootDir ${settings.rootDir}); next: npm run push`, 0);
}

/** The project file's settings. */
function readProject() {
  return JSON.parse(readFileSync(project, 'utf8'));
}

/** Fails with what to do unless a real project is bound, pushing dist/. */
function check() {
  if (!existsSync(project)) done(HOW, 1);
  const settings = readProject();
  if (!settings.scriptId || settings.scriptId === PLACEHOLDER) done(`.clasp.json has no Script ID.\n${HOW}`, 1);
  if ((settings.rootDir ?? settings.srcDir) !== 'dist') {
    done('.clasp.json must push dist/ only ("rootDir": "dist"): the sources, tests and maps never go up.', 1);
  }
  done(`clasp project: script ${settings.scriptId}, rootDir dist`, 0);
}

const [command, arg] = process.argv.slice(2);
if (command === 'bind') bind(arg);
else if (command === 'check') check();
else done('usage: node scripts/clasp-project.mjs bind <scriptId> | check', 2);
