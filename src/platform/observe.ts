/**
 * The self-check's observations: each unconfirmed platform behaviour the add-on depends on
 * (docs/platform.md#sources) tried once in the real workbook, in the scratch sheet only (scratchSheet.ts), and
 * recorded as plain data (features/selfCheck/sheets/observations.ts). Each observation is made on its own: one
 * that fails is recorded with Google's message and the others still run. Writes are committed
 * (SpreadsheetApp.flush) before they are read back, so what is read is what Sheets stored.
 *
 * What a script can see of a custom function in its own run is limited: Sheets calls the function
 * in another execution, and flush only "Applies all pending Spreadsheet changes" (reference,
 * SpreadsheetApp.flush), so the probe's cells may not be computed yet when they are read. The
 * result sheet therefore keeps live copies of the probes that Sheets computes afterwards.
 */
import {
  type CustomFunctionSeen,
  cellSeen,
  domainOf,
  type Failed,
  type IntlSeen,
  type Observations,
  type RuleFields,
  type RulesSeen,
  type ServerFileSeen,
  type ThaiNameSeen,
  type TimingsSeen,
  type TypedInputSeen,
} from '../features/selfCheck/sheets/observations';
import { PROBE_CASES, PROBE_HELPERS, probeFormula } from '../features/selfCheck/sheets/probes';
import type { Scratch } from './scratchSheet';
import {
  activeUserEmail,
  effectiveUserEmail,
  flushWrites,
  newConditionalFormatRule,
  newDataValidation,
  scriptTimeZone,
  serverPartRead,
} from './services';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the observations need besides the workbook. */
export interface ObserveOptions {
  /** milliseconds now (Date.now), for the timings */
  readonly clock: () => number;
}

/** What the self-check types into automatic cells; the last one with the add-on's apostrophe. */
export const TYPED_TEXTS: readonly string[] = ['0012', '1/4', 'TRUE', '๑๒', "'0012"];

/** A known moment: 25 March 2565 (CE 2022), 12:00 in Bangkok. */
const KNOWN_MOMENT = Date.UTC(2022, 2, 25, 5, 0, 0);
/** The Intl locales tried: the Buddhist calendar, then with Thai digits too. */
export const INTL_LOCALES = { buddhist: 'th-TH-u-ca-buddhist', thaiDigits: 'th-TH-u-ca-buddhist-nu-thai' } as const;

const BLOCK_ROWS = 100;
const BLOCK_COLUMNS = 10;
const GETTER_CALLS = 5;

/**
 * Makes every observation.
 * @param ss the workbook
 * @param scratch the scratch sheet (everything written goes there)
 * @param options the clock
 */
export function observeAll(ss: Spreadsheet, scratch: Scratch, options: ObserveOptions): Observations {
  return {
    thaiSheetName: attempt_(() => thaiSheetName_(scratch)),
    customFunctions: attempt_(() => customFunctions_(scratch)),
    typedInput: attempt_(() => typedInput_(ss, scratch)),
    owner: attempt_(() => ({ ownerDomain: ownerDomain_(ss) })),
    session: attempt_(() => ({
      activeDomain: domainOf(activeUserEmail()),
      effectiveDomain: domainOf(effectiveUserEmail()),
    })),
    intl: {
      buddhist: attempt_(() => intl_(INTL_LOCALES.buddhist)),
      thaiDigits: attempt_(() => intl_(INTL_LOCALES.thaiDigits)),
    },
    rules: attempt_(() => rules_(scratch)),
    timings: attempt_(() => timings_(scratch, options.clock)),
    serverFile: attempt_(serverFile_),
    timeZones: attempt_(() => ({ spreadsheet: ss.getSpreadsheetTimeZone(), script: scriptTimeZone() })),
  };
}

/** One observation, or its failure's message. */
function attempt_<T extends object>(observe: () => T): T | Failed {
  try {
    return observe();
  } catch (error) {
    return { failed: messageOf_(error) };
  }
}

/** The owner's e-mail domain, or null when there is no owner (a shared drive). */
function ownerDomain_(ss: Spreadsheet): string | null {
  const owner = ss.getOwner();
  return owner === null ? null : domainOf(owner.getEmail());
}

/**
 * A formula pointing at the scratch sheet by its name, quoted, then unquoted: the unquoted one
 * on its own, so that Sheets refusing the write itself (rather than showing #ERROR!) reads as
 * "refused" and not as a failed observation.
 */
function thaiSheetName_({ sheet, name }: Scratch): ThaiNameSeen {
  const expected = 42;
  const written = [`=${name}!A1`, `='${name}'!A1`];
  sheet.getRange('A1').setValues([[expected]]);
  sheet.getRange('C1').setFormulas([[written[1]]]);
  flushWrites();
  let refusal = '';
  try {
    sheet.getRange('B1').setFormula(written[0]);
    flushWrites();
  } catch (error) {
    refusal = messageOf_(error);
  }
  const cells = sheet.getRange('B1:C1');
  const formulas = cells.getFormulas()[0];
  const values = cells.getValues()[0];
  const seen = (i: number) => ({ written: written[i], formula: formulas[i], value: cellSeen(values[i]) });
  const unquoted = refusal
    ? { written: written[0], formula: formulas[0], value: { kind: 'other' as const, text: `refused: ${refusal}` } }
    : seen(0);
  return { sheetName: name, expected, unquoted, quoted: seen(1) };
}

/** The message of an error (Google's may come from another realm than this script's Error). */
function messageOf_(error: unknown): string {
  return String(typeof error === 'object' && error !== null && 'message' in error ? error.message : error);
}

/** The probe's formulas, read back right after they were written (see the module header). */
function customFunctions_({ sheet }: Scratch): CustomFunctionSeen {
  const firstRow = 3;
  const helpers = sheet.getRange(firstRow, 1, PROBE_CASES.length, 1);
  const probes = sheet.getRange(firstRow, 2, PROBE_CASES.length, 1);
  const formulas = PROBE_CASES.map((which, i) => probeFormula(which, `A${firstRow + i}`));
  helpers.setFormulas(PROBE_CASES.map((which) => [PROBE_HELPERS[which]]));
  probes.setFormulas(formulas.map((f) => [f]));
  flushWrites();
  const values = probes.getValues();
  return {
    probes: PROBE_CASES.map((which, i) => ({ probe: which, formula: formulas[i], value: cellSeen(values[i][0]) })),
  };
}

/** Text written with setValues into cells of automatic format, read back with their formats. */
function typedInput_(ss: Spreadsheet, { sheet }: Scratch): TypedInputSeen {
  const cells = sheet.getRange(9, 1, 1, TYPED_TEXTS.length);
  cells.setValues([[...TYPED_TEXTS]]);
  flushWrites();
  const values = cells.getValues()[0];
  const formats = cells.getNumberFormats()[0];
  return {
    locale: ss.getSpreadsheetLocale(),
    cells: TYPED_TEXTS.map((typed, i) => ({ typed, value: cellSeen(values[i]), format: formats[i] })),
  };
}

/** A known date formatted with Intl in a Thai locale. */
function intl_(locale: string): IntlSeen {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const options = format.resolvedOptions();
  return {
    locale,
    text: format.format(new Date(KNOWN_MOMENT)),
    calendar: String(options.calendar),
    numberingSystem: String(options.numberingSystem),
  };
}

/** A dropdown and a colour rule of the add-on's kinds, set and read back. */
function rules_({ sheet }: Scratch): RulesSeen {
  const cell = sheet.getRange('A11');
  const validation = newDataValidation()
    .requireValueInList(['ดีมาก', 'ดี'], true)
    .setAllowInvalid(false)
    .setHelpText('ทดสอบรายการเลือก')
    .build();
  const setValidation: RuleFields = validationFields_(validation);
  cell.setDataValidation(validation);
  const band = sheet.getRange('A12:A13');
  const format = newConditionalFormatRule()
    .setRanges([band])
    .whenTextEqualTo('ดีมาก')
    .setBackground('#b7e1cd')
    .setFontColor('#0b5394')
    .build();
  const setFormat: RuleFields = formatFields_(format);
  sheet.setConditionalFormatRules([format]); // the scratch sheet has no other rule to keep
  flushWrites();
  const gotValidation = cell.getDataValidation();
  const [gotFormat] = sheet.getConditionalFormatRules();
  return {
    validation: { set: setValidation, got: gotValidation ? validationFields_(gotValidation) : null },
    format: { set: setFormat, got: gotFormat ? formatFields_(gotFormat) : null },
  };
}

/** The fields of a validation the add-on compares (sheetSync.ts sameValidation_). */
function validationFields_(rule: GoogleAppsScript.Spreadsheet.DataValidation): RuleFields {
  return {
    criteria: String(rule.getCriteriaType()),
    values: JSON.stringify(rule.getCriteriaValues()),
    allowInvalid: String(rule.getAllowInvalid()),
    helpText: rule.getHelpText(),
  };
}

/** The fields of a colour rule the add-on compares (bandRulesSync.ts). */
function formatFields_(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): RuleFields {
  const condition = rule.getBooleanCondition();
  return {
    ranges: rule
      .getRanges()
      .map((r: Range) => r.getA1Notation())
      .join(','),
    criteria: condition ? String(condition.getCriteriaType()) : '',
    values: condition ? JSON.stringify(condition.getCriteriaValues()) : '',
    background: condition?.getBackground() ?? '',
    fontColor: condition?.getFontColor() ?? '',
  };
}

/** One write and one read of a block, and the getters the call counts take as free. */
function timings_({ sheet }: Scratch, clock: () => number): TimingsSeen {
  const block = sheet.getRange(20, 1, BLOCK_ROWS, BLOCK_COLUMNS);
  const grid = Array.from({ length: BLOCK_ROWS }, (_, r) => Array.from({ length: BLOCK_COLUMNS }, (_, c) => r * c));
  const cells = BLOCK_ROWS * BLOCK_COLUMNS;
  flushWrites(); // the earlier observations' writes are not this write's
  const start = clock();
  block.setValues(grid);
  flushWrites(); // a write may be cached until the next read or flush: the commit is part of it
  const written = clock();
  block.getValues();
  const read = clock();
  const [marker] = sheet.getDeveloperMetadata();
  const getters: { name: string; call: () => unknown }[] = [
    { name: 'Sheet.getName', call: () => sheet.getName() },
    { name: 'Sheet.getSheetId', call: () => sheet.getSheetId() },
    { name: 'Sheet.getMaxRows', call: () => sheet.getMaxRows() },
    ...(marker ? [{ name: 'DeveloperMetadata.getValue', call: () => marker.getValue() }] : []),
  ];
  return {
    setValues: { ms: written - start, cells },
    getValues: { ms: read - written, cells },
    getters: getters.map(({ name, call }) => {
      const before = clock();
      for (let i = 0; i < GETTER_CALLS; i++) call();
      return { name, ms: Math.round(((clock() - before) / GETTER_CALLS) * 10) / 10, calls: GETTER_CALLS };
    }),
  };
}

/**
 * The server part's read, as the loader timed it when this execution began: whether that read
 * is a round trip to Google is unconfirmed, so the call counts take it as two (README,
 * Performance). Not read again here: a second read's time could be a cache's.
 */
function serverFile_(): ServerFileSeen {
  const read = serverPartRead();
  if (read === null) throw new Error('Code.js noted no read of Server.html in this execution');
  return read;
}
