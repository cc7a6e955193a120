/**
 * The project's knowledge is in the project (issue 26): no file cites the notes kept outside the
 * repository (the domain and platform pages of the project's briefing, the letter's copy beside
 * it), and every citation of a document, `docs/<file>.md#anchor` anywhere or a Markdown link
 * between documents, names a file that exists and a heading of it (anchors as GitHub makes them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The documents' folder, spelt apart so that the made-up citations below are not read as this file's. */
const DOCS = 'docs';

/** Folders and files .gitignore keeps out of the repository, and the repository itself. */
const IGNORED = new Set(['node_modules', 'dist', 'test-artifacts', 'coverage', '.git', '.clasp.json']);

/** Citations of what is outside the repository (written so that this file does not match them). */
const OUTSIDE = /\b(?:DOMAIN|PLATFORM)\.md\b|\.\.\/shared\/|\/work\/shared\b/g;

/** `docs/<file>.md` with an optional `#anchor`, not as part of a longer path. */
const DOC_CITATION = /(?<![\w/.-])docs\/([\w.-]+\.md)(?:#([\p{L}\p{M}\p{N}_-]+))?/gu;

/** A Markdown link's target: `[text](file.md#anchor)`, `(file.md)` or `(#anchor)`, relative. */
const MARKDOWN_LINK = /\]\((?![a-z]+:)([^)#\s]*\.md)?(?:#([^)\s]+))?\)/g;

/**
 * Every text file of the repository, as paths relative to its root with `/` separators.
 * @param dir the folder to list, relative to the root ('' for the root)
 */
function repositoryFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    if (IGNORED.has(entry.name) || entry.name.endsWith('.log')) return [];
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return repositoryFiles(path);
    const text = readFileSync(join(ROOT, path), 'utf8');
    return text.includes('\u0000') || text.includes('\uFFFD') ? [] : [path];
  });
}

/**
 * The anchor GitHub gives a heading: its text without Markdown links' targets and HTML tags,
 * lower-cased, with punctuation and symbols dropped (letters, marks, digits, `_`, `-` and spaces
 * kept) and spaces as hyphens.
 * @param heading the heading's text, without its leading #s
 */
function githubAnchor(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The anchors of a Markdown text: its headings' (outside code fences; a repeated one gets -1, -2,
 * as on GitHub) and explicit `<a id|name="…">`.
 * @param markdown the document
 */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = githubAnchor(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  }
  return anchors;
}

/**
 * What is wrong with one citation: '' when its file and anchor exist.
 * @param docPath the cited document, relative to the root
 * @param anchor the cited anchor, or undefined
 * @param read reads a document relative to the root, null when it does not exist
 */
function citationProblem(docPath: string, anchor: string | undefined, read: (path: string) => string | null): string {
  const text = read(docPath);
  if (text === null) return `${docPath} does not exist`;
  if (anchor === undefined || anchorsOf(text).has(decodeURIComponent(anchor))) return '';
  return `${docPath} has no heading #${anchor}`;
}

/**
 * The broken document citations of one file's text, as "file:line: problem".
 * @param file the citing file, relative to the root
 * @param text its content
 * @param read reads a document relative to the root, null when it does not exist
 */
function brokenCitations(file: string, text: string, read: (path: string) => string | null): string[] {
  const broken: string[] = [];
  text.split('\n').forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    for (const m of line.matchAll(DOC_CITATION)) {
      const problem = citationProblem(`docs/${m[1]}`, m[2], read);
      if (problem) broken.push(`${at}: ${problem}`);
    }
    if (!file.endsWith('.md')) return;
    for (const m of line.matchAll(MARKDOWN_LINK)) {
      if (m[1] === undefined && m[2] === undefined) continue;
      const target = m[1] === undefined ? file : posix.normalize(posix.join(posix.dirname(file), m[1]));
      const problem = citationProblem(target, m[2], read);
      if (problem) broken.push(`${at}: ${problem}`);
    }
  });
  return broken;
}

/**
 * A file of the repository, or null when there is none.
 * @param path relative to the root
 */
function readRepositoryFile(path: string): string | null {
  try {
    return readFileSync(join(ROOT, ...path.split('/')), 'utf8');
  } catch {
    return null;
  }
}

const FILES = repositoryFiles();

test('the scan covers the code, the tests, the stand-in, the scripts and the documents', () => {
  for (const path of ['src/main.ts', 'dev/fakes/platform.ts', 'test/docs/citations.test.ts', 'README.md']) {
    expect(FILES).toContain(path);
  }
  expect(FILES.filter((path) => path.startsWith(`${DOCS}/`) && path.endsWith('.md')).length).toBeGreaterThan(10);
});

test('GitHub-style anchors: punctuation dropped, Thai kept, repeats numbered', () => {
  expect(githubAnchor('Edge cases, decided once (`src/features/standing/rules/districtResult.ts`)')).toBe(
    'edge-cases-decided-once-srcfeaturesstandingrulesdistrictresultts',
  );
  expect(githubAnchor("The percentage's base")).toBe('the-percentages-base');
  expect(githubAnchor('setValues parsing')).toBe('setvalues-parsing');
  expect(githubAnchor('เจ้าหน้าที่อำเภอ: ส่งรายงานใน 3 นาที')).toBe('เจ้าหน้าที่อำเภอ-ส่งรายงานใน-3-นาที');
  expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n### B <a id="x"></a>')]).toEqual(['a', 'a-1', 'b', 'x']);
});

test('a citation of a missing document or heading is found', () => {
  const docs: Record<string, string> = {
    [`${DOCS}/a.md`]: '# Title\n## Some part\n',
    [`${DOCS}/c.md`]: '# C\n',
  };
  const read = (path: string) => docs[path] ?? null;
  const text = [
    `see ${DOCS}/a.md#some-part, ${DOCS}/a.md and [t](a.md#title)`,
    `${DOCS}/a.md#no-part and ${DOCS}/b.md`,
    '[x](a.md#some-part) [y](#nowhere) [z](#c) [w](d.md)',
  ].join('\n');
  expect(brokenCitations(`${DOCS}/c.md`, text, read)).toEqual([
    `${DOCS}/c.md:2: ${DOCS}/a.md has no heading #no-part`,
    `${DOCS}/c.md:2: ${DOCS}/b.md does not exist`,
    `${DOCS}/c.md:3: ${DOCS}/c.md has no heading #nowhere`,
    `${DOCS}/c.md:3: ${DOCS}/d.md does not exist`,
  ]);
});

test('no file cites the domain or platform notes kept outside the repository', () => {
  const outside = FILES.flatMap((file) =>
    (readRepositoryFile(file) ?? '')
      .split('\n')
      .flatMap((line, index) => [...line.matchAll(OUTSIDE)].map((m) => `${file}:${index + 1}: ${m[0]}`)),
  );
  expect(outside).toEqual([]);
});

test('every docs/<file>.md#anchor citation and every link between documents resolves', () => {
  const broken = FILES.flatMap((file) => brokenCitations(file, readRepositoryFile(file) ?? '', readRepositoryFile));
  expect(broken).toEqual([]);
});
