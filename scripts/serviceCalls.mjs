// `npm run layers`, second half: the rule dependency-cruiser cannot see. Only src/platform (and
// src/main.ts, the entry points) may call an Apps Script service or a method of an object a
// service returned (a Sheet, a Range, a Protection…) or name an Apps Script type; the actions
// (src/app, src/features/*/action) work through the platform's primitives. Found with the type checker: a call is the
// platform's business when the method it calls is declared in @types/google-apps-script.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// SERVICE_CALLS_ROOT: another project to check (test/layers/layerRules.test.ts shows the rule failing)
const root = process.env.SERVICE_CALLS_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The code that must reach Apps Script only through src/platform: all of src/ but the platform
 * and src/main.ts (the browser code, src/sidebar and the panels, is not in tsconfig.json's program).
 */
const GUARDED = /^src\/(?!platform\/|main\.ts$)/;
const APPS_SCRIPT_TYPES = /node_modules\/@types\/google-apps-script\//;

/**
 * Whether a symbol is declared by @types/google-apps-script.
 * @param {ts.Symbol | undefined} symbol the symbol
 * @return {boolean}
 */
function fromAppsScript(symbol) {
  return (symbol?.declarations ?? []).some((d) => APPS_SCRIPT_TYPES.test(d.getSourceFile().fileName));
}

/**
 * The program of tsconfig.json, as the type checker sees it.
 * @return {ts.Program}
 */
function loadProgram() {
  const path = join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(path, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root);
  return ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
}

/**
 * Every place in a guarded file that calls Apps Script or names its types.
 * @param {ts.Program} program the program
 * @return {string[]} "file:line: what" lines
 */
function findViolations(program) {
  const checker = program.getTypeChecker();
  const found = [];
  for (const file of program.getSourceFiles()) {
    const name = relative(root, file.fileName);
    if (!GUARDED.test(name)) continue;
    const report = (node, what) => {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${name}:${line + 1}: ${what}`);
    };
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        if (fromAppsScript(checker.getSymbolAtLocation(node.expression.name))) {
          report(node, `calls ${node.expression.name.text}() of Apps Script`);
        }
      } else if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && node.left.text === 'GoogleAppsScript') {
        report(node, `names the Apps Script type ${node.getText()}`);
        return;
      } else if (ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node.parent)) {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol && fromAppsScript(symbol) && /App$|^Session$|^Utilities$/.test(node.text)) {
          report(node, `uses the service ${node.text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

const violations = findViolations(loadProgram());
if (violations.length > 0) {
  console.error(
    `${violations.length} place(s) outside src/platform reach Apps Script directly; move them into a platform primitive:`,
  );
  for (const v of violations) console.error(`  ${v}`);
  process.exit(1);
}
console.log('service calls: only src/platform and src/main.ts reach Apps Script');
