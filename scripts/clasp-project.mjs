// The clasp project file, .clasp.json, is not committed: clasp 3 refuses `clasp create` and
// `clasp clone` where one exists ("Project file already exists."), so a committed placeholder
// blocks both (docs/platform.md#clasp; google/clasp#1128). The repository keeps `.clasp.example.json`
// instead, and .clasp.json is made on first use: by `clasp create` / `clasp clone` themselves,
// or from the example by `npm run bind -- <scriptId>` for an existing bound project.
//
//   node scripts/clasp-project.mjs bind <scriptId>   write .clasp.json for that script (once)
//   node scripts/clasp-project.mjs check             fail, saying what to do, when there is none
//   node scripts/clasp-project.mjs bind --webapp <deploymentId>
//                                                    record the mobile page's web-app deployment
//   node scripts/clasp-project.mjs deploy            after a push, move that deployment to the
//                                                    new code, so its URL stays the same
//
// The mobile page (docs/mobile.md) is a web app: a deployment serves the version it was made
// with until it is moved on. `clasp deploy -i <deploymentId>` "redeploys" an existing deployment
// (commands/create-deployment.js of @google/clasp 3.4.1: option `-i, --deploymentId <id>`, "The
// deployment ID to redeploy"; core/project.js then makes a new version and updates that
// deployment rather than creating one), which keeps its /exec URL.
import { spawnSync } from 'node:child_process';
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

/** A web-app deployment id ("AKfycb…", the id in the /macros/s/<id>/exec URL). */
const DEPLOYMENT_ID = /^AKfy[A-Za-z0-9_-]{20,}$/;

/**
 * Records the mobile page's deployment in .clasp.json (clasp reads only its own keys there).
 * @param {string | undefined} deploymentId the deployment's id
 */
function bindWebApp(deploymentId) {
  if (!existsSync(project)) done(HOW, 1);
  if (!deploymentId || !DEPLOYMENT_ID.test(deploymentId)) {
    done(
      `npm run bind -- --webapp <deploymentId>: "${deploymentId ?? ''}" is not a web-app deployment id ` +
        '(Deploy → Manage deployments → the web app → Deployment ID, "AKfy…").',
      1,
    );
  }
  writeFileSync(project, `${JSON.stringify({ ...readProject(), webAppDeploymentId: deploymentId }, null, 2)}\n`);
  done(
    `recorded the mobile page's deployment ${deploymentId}: npm run push now keeps it on the new code (same URL)`,
    0,
  );
}

/** After a push: moves the recorded web-app deployment to the code just pushed, or says there is none. */
function deploy() {
  const id = existsSync(project) ? readProject().webAppDeploymentId : undefined;
  if (!id) {
    done(
      'no web-app deployment recorded (npm run bind -- --webapp <deploymentId>): the mobile page, if deployed, ' +
        'still serves the version it was deployed with; see docs/mobile.md, "Updating keeps the URL"',
      0,
    );
  }
  // The project's own clasp (npm puts node_modules/.bin on the PATH of `npm run push`).
  const local = join(root, 'node_modules', '.bin', 'clasp');
  const clasp = existsSync(local) ? local : 'clasp';
  const description = `npm run push ${new Date().toISOString().slice(0, 16)}`;
  console.log(`clasp deploy -i ${id}: the mobile page's deployment moves to the code just pushed (same URL)`);
  const result = spawnSync(clasp, ['deploy', '-i', id, '-d', description], { cwd: root, stdio: 'inherit' });
  if (result.error) done(`could not run clasp (${result.error.message}): run npm install first`, 1);
  process.exit(result.status ?? 1);
}

const [command, arg, more] = process.argv.slice(2);
if (command === 'bind' && arg === '--webapp') bindWebApp(more);
else if (command === 'bind') bind(arg);
else if (command === 'check') check();
else if (command === 'deploy') deploy();
else done('usage: node scripts/clasp-project.mjs bind <scriptId> | bind --webapp <deploymentId> | check | deploy', 2);
