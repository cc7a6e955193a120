/**
 * Platform behaviours that no source confirms, as switches, so that each possible outcome can be
 * produced in a test (the add-on's self-check, src/features/selfCheck/action/diagnostics.ts, observes them in the
 * province's real workbook). The defaults are what the stand-in modelled before (the worse case
 * for the add-on where one is known); each switch names the other outcomes. Switches are read at
 * the moment of each call; change them with `book.switchPlatform({...})`, which also lets cached
 * formula results be computed again.
 *
 * Sources and status:
 * - thaiSheetNames: whether Sheets accepts a sheet name with combining marks (ั ่ ้ ์) unquoted in a
 *   formula, and how getFormula returns such names, is unconfirmed (docs/platform.md#thai-sheet-names). Sheets drops
 *   quotes it does not need from ASCII names (familiar UI behaviour, unconfirmed for scripts).
 * - errorArguments: whether an error cell reaches a custom function is unconfirmed (docs/platform.md#error-arguments).
 * - volatileArguments: "built-in spreadsheet functions that return a different result each time
 *   they calculate — such as NOW() or RAND() — are not allowed as arguments to a custom
 *   function ... it will display Loading... indefinitely"
 *   (developers.google.com/apps-script/guides/sheets/functions#arguments); a custom function
 *   referencing a cell with NOW()/RAND() shows "This function is not allowed to reference a cell
 *   with NOW(), RAND(), or RANDBETWEEN()" (docs/platform.md#volatile-arguments). TODAY() is unconfirmed: blocked alike.
 * - customFunctionReads: what a script reads from a custom-function cell it wrote in the same
 *   run is unconfirmed: the function runs in its own execution, and SpreadsheetApp.flush() only
 *   "Applies all pending Spreadsheet changes" (reference/spreadsheet/spreadsheet-app#flush()).
 *   'loading' models a read that comes back "Loading..." (the text Sheets shows; that getValue
 *   returns exactly it is unconfirmed).
 * - typedText / thaiDigits: see valueParsing.ts (the parsing is sourced; Thai digits are not).
 * - ruleGetters: whether getDataValidations / getConditionalFormatRules give back exactly what
 *   was set is unconfirmed; 'lossy' (help text dropped, colours in capitals, on rules read back
 *   from a sheet; a builder's own rule is a local object and keeps what it was given) is a test
 *   switch for "not a round trip", not a reported behaviour.
 * - fileContent: HtmlOutput.getContent() "Gets the content of this HtmlOutput"
 *   (reference/html/html-output#getContent()); that an output made from a project file gives the
 *   file's text unchanged is unconfirmed (Google's include() pattern relies on it for a page's
 *   script, guides/html/best-practices). HtmlTemplate.getRawContent() "Returns the unprocessed
 *   content of this template" (reference/html/html-template#getRawContent()). 'escaped' and
 *   'replaced' are test switches for "not the file as written", not reported behaviours.
 * - scriptTimeZone: a script's time zone is its manifest's; "spreadsheets have a separate time
 *   zone ... Spreadsheet time zones that differ from the script time zone are a frequent source
 *   of scripting bugs" (reference/base/session#getScriptTimeZone()).
 */
import { findReferences } from './formulaRefs';

/** The switchable behaviours; every field is optional (its default applies). */
export interface PlatformVariants {
  /**
   * 'as-written' (default): unquoted Thai names are accepted and getFormula returns the formula as
   * written; 'quoted': accepted, getFormula returns non-ASCII names quoted; 'unquoted': accepted,
   * quotes a name does not need (no spaces or punctuation) are dropped; 'refused': an unquoted
   * name with a combining mark is a parse error (#ERROR!)
   */
  thaiSheetNames?: 'as-written' | 'quoted' | 'unquoted' | 'refused';
  /** 'blocked' (default): the cell shows the argument's error; 'passed': the function gets its text, e.g. '#DIV/0!' */
  errorArguments?: 'blocked' | 'passed';
  /** 'blocked' (default): see the module header; 'passed': NOW()/TODAY() arrive as Dates */
  volatileArguments?: 'blocked' | 'passed';
  /** 'computed' (default): a script reads the custom function's result; 'loading': it reads "Loading..." */
  customFunctionReads?: 'computed' | 'loading';
  /** 'parsed' (default): setValue(s) reads text as typed input; 'kept': text stays text */
  typedText?: 'parsed' | 'kept';
  /** true (default): Thai digits are digits when typed text is parsed */
  thaiDigits?: boolean;
  /** 'exact' (default): rule getters return what was set; 'lossy': help text '' and colours in capitals */
  ruleGetters?: 'exact' | 'lossy';
  /**
   * 'unchanged' (default): getContent() of an HtmlOutput made from a project file gives the file's
   * text as written; 'escaped': with & < > written as entities; 'replaced': every UTF-16 unit
   * past U+007F as U+FFFD, the same length (a file decoded wrongly). What is served is unchanged.
   */
  fileContent?: 'unchanged' | 'escaped' | 'replaced';
  /** Session.getScriptTimeZone(); default the spreadsheet's time zone */
  scriptTimeZone?: string;
}

/** What a script reads from a custom-function cell while its result is pending. */
export const LOADING_TEXT = 'Loading...';

/** The error a custom function referencing a volatile cell shows (docs/platform.md#volatile-arguments). */
export const VOLATILE_REFERENCE_MESSAGE =
  'This function is not allowed to reference a cell with NOW(), RAND(), or RANDBETWEEN().';

const MARK_ = /\p{M}/u;
const NON_ASCII_ = /[^\x20-\x7e]/;
// A name Sheets can read unquoted: letters, marks, digits and underscores, not a cell address.
const PLAIN_NAME_ = /^[\p{L}\p{M}\p{N}_]+$/u;
const CELL_LIKE_ = /^[A-Za-z]{1,3}[0-9]+$/;

/**
 * The sheet name as written at a reference's start: quoted or not, and its length.
 * @param formula the formula text
 * @param start the reference's first character
 * @param name the unquoted name
 */
function writtenName_(formula: string, start: number, name: string): { quoted: boolean; length: number } {
  if (formula[start] === "'") return { quoted: true, length: name.replace(/'/g, "''").length + 2 };
  return { quoted: false, length: name.length };
}

/**
 * A formula as Sheets stores it (and getFormula returns it) under the thaiSheetNames switch.
 * @param variants the platform switches
 * @param formula the formula as written
 */
export function storedFormula(variants: PlatformVariants, formula: string): string {
  const mode = variants.thaiSheetNames ?? 'as-written';
  if (mode === 'as-written' || mode === 'refused') return formula;
  let out = '';
  let last = 0;
  for (const ref of findReferences(formula)) {
    if (ref.sheetName === null) continue;
    const written = writtenName_(formula, ref.start, ref.sheetName);
    const rest = formula.slice(ref.start + written.length, ref.end); // "!A1:B2"
    let name: string | null = null;
    if (mode === 'quoted' && !written.quoted && NON_ASCII_.test(ref.sheetName)) {
      name = `'${ref.sheetName.replace(/'/g, "''")}'`;
    } else if (
      mode === 'unquoted' &&
      written.quoted &&
      PLAIN_NAME_.test(ref.sheetName) &&
      !CELL_LIKE_.test(ref.sheetName) &&
      !/^(TRUE|FALSE)$/i.test(ref.sheetName)
    ) {
      name = ref.sheetName;
    }
    if (name === null) continue;
    out += formula.slice(last, ref.start) + name + rest;
    last = ref.end;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/**
 * Whether Sheets refuses the formula under the thaiSheetNames switch ('refused': a sheet name
 * with a combining mark written without quotes).
 * @param variants the platform switches
 * @param formula the formula
 */
export function refusesFormula(variants: PlatformVariants, formula: string): boolean {
  if (variants.thaiSheetNames !== 'refused') return false;
  return findReferences(formula).some(
    (ref) => ref.sheetName !== null && formula[ref.start] !== "'" && MARK_.test(ref.sheetName),
  );
}
