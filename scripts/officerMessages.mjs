// `npm run guide-messages`: the troubleshooting table of the Thai guide (docs/guide-th.md), kept
// true to the code. The failure messages an officer can read are found in the source with the
// TypeScript compiler: every OfficerError made (new OfficerError(kind, message),
// OfficerError.forbidden/input(message)), every text of src/kernel/messages.ts (Google's failures
// explained), the sidebar's network text (src/sidebar/errors.ts) and its hidden-e-mail text
// (src/sidebar/texts.ts). A part that changes with the case (a sheet's name, a district) is
// shown as "…"; constants of the same file are put in. The table between the guide's markers
// gets one row per message, keeping each row's cause and what to do, a new message getting
// TODO in both for a person to write; rows of messages no longer in the code are dropped.
//   node scripts/officerMessages.mjs           rewrite the table
//   node scripts/officerMessages.mjs --check   exit 1 when the table is not the code's, or a row is TODO
//   node scripts/officerMessages.mjs --list    print the messages found (JSON)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GUIDE = join(root, 'docs', 'guide-th.md');
export const START = '<!-- officer-messages:start (npm run guide-messages writes this table from the code) -->';
export const END = '<!-- officer-messages:end -->';
export const TODO = 'TODO';
const HEADER = ['| ข้อความที่แสดง (… คือส่วนที่เปลี่ยนตามกรณี) | สาเหตุ | สิ่งที่ต้องทำ |', '|---|---|---|'];
const GAP = '…';
const THAI = /[\u0E00-\u0E7F]/;

/** Every .ts file under a folder. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The texts an expression can give: literal parts kept, the rest "…". */
function texts(node, consts) {
  if (!node) return [GAP];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return texts(node.expression, consts);
  if (ts.isTemplateExpression(node)) {
    let out = [node.head.text];
    for (const span of node.templateSpans) {
      const inner = texts(span.expression, consts);
      // a constant is put in; anything with several cases is a gap
      const part = inner.length === 1 ? inner[0] : GAP;
      out = out.map((t) => t + part + span.literal.text);
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = texts(node.left, consts);
    const right = texts(node.right, consts);
    return left.flatMap((l) => right.map((r) => l + r));
  }
  if (ts.isConditionalExpression(node)) return [...texts(node.whenTrue, consts), ...texts(node.whenFalse, consts)];
  if (ts.isIdentifier(node) && consts.has(node.text)) return consts.get(node.text);
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    const key = `${node.expression.text}.${node.name.text}`;
    if (consts.has(key)) return consts.get(key);
  }
  return [GAP];
}

/** A message as the table shows it: one line, gaps merged. */
function tidy(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/…(\s*…)+/g, GAP)
    .trim();
}

/** The file's top-level string constants (and string properties of top-level object constants). */
function constantsOf(source) {
  const consts = new Map();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      let init = d.initializer;
      while (ts.isAsExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (ts.isObjectLiteralExpression(init)) {
        for (const p of init.properties) {
          if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
            const value = texts(p.initializer, consts);
            if (!value.includes(GAP)) consts.set(`${d.name.text}.${p.name.text}`, value);
          }
        }
      } else {
        const value = texts(init, consts);
        if (!(value.length === 1 && value[0] === GAP)) consts.set(d.name.text, value);
      }
    }
  }
  return consts;
}

/** The messages an officer can read, each with where it is made. */
export function officerMessages() {
  const found = new Map();
  const add = (values, file, node, source) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    for (const value of values) {
      const text = tidy(value);
      if (!THAI.test(text) || found.has(text)) continue;
      found.set(text, `${relative(root, file)}:${line}`);
    }
  };
  for (const file of files(join(root, 'src'))) {
    const code = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
    const consts = constantsOf(source);
    const path = relative(root, file).split('\\').join('/');
    const visit = (node) => {
      // new OfficerError(kind, message)
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'OfficerError') {
        add(texts(node.arguments?.[1], consts), file, node, source);
      }
      // OfficerError.forbidden(message), OfficerError.input(message)
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === 'OfficerError' &&
        ['forbidden', 'input'].includes(node.expression.name.text)
      ) {
        add(texts(node.arguments[0], consts), file, node, source);
      }
      // src/kernel/messages.ts: its table's texts and what its functions return
      if (path === 'src/kernel/messages.ts') {
        if (ts.isPropertyAssignment(node)) add(texts(node.initializer, consts), file, node, source);
        if (ts.isReturnStatement(node)) add(texts(node.expression, consts), file, node, source);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (path === 'src/sidebar/errors.ts') add(consts.get('NETWORK_TEXT') ?? [], file, source, source);
    if (path === 'src/sidebar/texts.ts') add(consts.get('TEXT.hiddenEmail') ?? [], file, source, source);
  }
  return [...found].map(([text, at]) => ({ text, at }));
}

/** A table cell's text, and back. */
const cell = (text) => text.replace(/\|/g, '\\|');
const uncell = (text) => text.trim().replace(/\\\|/g, '|');

/** The rows of a table: its first three cells, by message. */
function rowsOf(table) {
  const rows = new Map();
  for (const line of table.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('|---')) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map(uncell);
    if (cells.length >= 3) rows.set(cells[0], [cells[1], cells[2]]);
  }
  return rows;
}

/** The guide with its table made from the code's messages. */
export function guideWithTable(guide, messages) {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/guide-th.md has no ${START} … ${END}`);
  const known = rowsOf(guide.slice(start, end));
  const rows = messages.map(({ text }) => {
    const [cause, todo] = known.get(text) ?? [TODO, TODO];
    return `| ${cell(text)} | ${cell(cause)} | ${cell(todo)} |`;
  });
  return `${guide.slice(0, start)}${[START, ...HEADER, ...rows].join('\n')}\n${guide.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const messages = officerMessages();
  const mode = process.argv[2] ?? '';
  if (mode === '--list') {
    console.log(JSON.stringify(messages, null, 1));
  } else {
    const guide = readFileSync(GUIDE, 'utf8');
    const next = guideWithTable(guide, messages);
    const todo = next
      .slice(next.indexOf(START), next.indexOf(END))
      .split('\n')
      .filter((l) => l.includes(`| ${TODO} |`));
    if (mode === '--check') {
      const stale = next !== guide;
      if (stale)
        console.error('docs/guide-th.md: the troubleshooting table is not the code’s: run npm run guide-messages');
      for (const l of todo) console.error(`to write: ${l.slice(0, 120)}`);
      process.exitCode = stale || todo.length > 0 ? 1 : 0;
    } else {
      writeFileSync(GUIDE, next);
      console.log(`docs/guide-th.md: ${messages.length} messages, ${todo.length} to write (TODO)`);
    }
  }
}
