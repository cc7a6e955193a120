/**
 * The Advanced Sheets service (`Sheets`, the Sheets API v4 as Apps Script exposes it once the
 * manifest enables it): `Sheets.Spreadsheets.get(spreadsheetId, { fields })` (the registry of
 * sheets, platform/sheetRegistry.ts; set-up's protections, platform/protections.ts),
 * `Sheets.Spreadsheets.Values.batchGet` (many ranges' values in one call, platform/batchRead.ts;
 * facts at FakeSheetsValues) and `Sheets.Spreadsheets.batchUpdate` (a report's form,
 * platform/reportSheet.ts). Facts modelled for get and batchUpdate:
 * - one call returns the Spreadsheet resource: `sheets[].properties` (sheetId, title, index,
 *   hidden) and the `developerMetadata` located on the spreadsheet and on each sheet
 *   (metadataId, metadataKey, metadataValue, visibility, location), in tab order (Sheets API
 *   reference, REST Resource: spreadsheets; spreadsheets/get);
 * - the `fields` mask decides what comes back ("fields: … a field mask", system parameters of
 *   Google APIs): only the fields named, nested as `a(b,c)` or `a.b`; a field without a value,
 *   or an empty list, is left out of the JSON as the REST API does;
 * - each sheet's `protectedRanges` (ProtectedRange: protectedRangeId, range, description,
 *   warningOnly, requestingUserCanEdit, editors{users,domainUsersCanEdit}, unprotectedRanges).
 *   A sheet's protection has a fully unbounded range ("The range may be fully unbounded, in
 *   which case this is considered a protected sheet"); `editors` "is only visible to users with
 *   edit access to the protected range and the document" and "Editors are not supported with
 *   warning_only protection" (Sheets API reference, ProtectedRange), so both leave it out here.
 *   JSON leaves out a field at its default (proto3 JSON mapping: false, 0, ''), so a GridRange
 *   starting at row or column 0 has no startRowIndex or startColumnIndex. Unconfirmed, modelled
 *   as Protection.getEditors lists them: whether `users` names the owner (code must not rely on
 *   it either way);
 * - another spreadsheet's id fails ("Requested entity was not found.");
 * - custom functions may not call it: it needs authorisation ("custom functions … cannot use
 *   services that require authorization", Apps Script guide "Custom functions").
 * - `Sheets.Spreadsheets.batchUpdate(resource, spreadsheetId)`, the requests a report's form
 *   needs: mergeCells (MERGE_ALL, MERGE_ROWS, MERGE_COLUMNS), repeatCell of
 *   userEnteredFormat.textFormat.bold / .fontSize, .horizontalAlignment (LEFT, CENTER, RIGHT)
 *   and .backgroundColor (a Color's missing red/green/blue is 0: proto3 JSON), updateBorders
 *   ("If a field is not set, the border is not changed"; styles and colours not modelled, as
 *   Range.setBorder's) and updateDimensionProperties of pixelSize (Sheets API reference,
 *   spreadsheets/batchUpdate and its Request types). "Each request is validated before being
 *   applied. If any request is not valid then the entire request will fail and nothing will be
 *   applied ... applied together atomically": every request is checked (sheet, grid limits,
 *   the user's right to edit, fields modelled) before any is applied; one call, whatever the
 *   number of requests. A request or field the stand-in does not model is refused;
 * - for a new sheet's layout (platform/sheetSync.ts writeFresh_): repeatCell of
 *   userEnteredFormat.numberFormat (its pattern), setDataValidation ("Sets a data validation
 *   rule to every cell in the range"; SetDataValidationRequest, a custom formula relative to the
 *   range's first cell as Range.setDataValidation reads it), updateSheetProperties of
 *   gridProperties.frozenRowCount and tabColor ("fields: … The root 'properties' is implied";
 *   UpdateSheetPropertiesRequest) and deleteDimension of rows or columns (DeleteDimensionRequest;
 *   a sheet keeps one row and one column, as SpreadsheetApp's deletes refuse);
 * - for set-up's new sheets (platform/protections.ts, platform/sheetRegistry.ts): addProtectedRange
 *   of a whole sheet and updateDeveloperMetadata of a value by developerMetadataLookup (facts at
 *   their methods below); their replies carry what they made or changed;
 * - for a report's record (platform/reportSheet.ts, in the form's batch): appendCells of
 *   userEnteredValue (AppendCellsRequest: "Adds new cells after the last row with data in a
 *   sheet, inserting new rows into the sheet if necessary"; stringValue kept as text);
 * - `get` with `ranges` (A1 notation; a sheet's name alone is all its cells): "Limiting the
 *   range returns only the portions of the spreadsheet that intersect the requested ranges"
 *   (spreadsheets/get), so only the sheets a range touches are listed; with a mask naming
 *   `sheets.data` (all of each sheet without `ranges`), each with one GridData per range
 *   (startRow, startColumn 0-based and left out at 0; rowData[].values[] CellData). CellData
 *   modelled: `userEnteredValue` (an ExtendedValue: stringValue, numberValue, boolValue or
 *   formulaValue; a date as its serial number), `effectiveValue` (the computed value, spilled
 *   values included; errorValue {type, message} for an error), of `effectiveFormat` only a
 *   date's numberFormat (type DATE_TIME; what conditional formats add is not modelled),
 *   `userEnteredFormat` (numberFormat {type, pattern}, textFormat.bold, backgroundColor),
 *   `note` and `dataValidation` (a DataValidationRule: condition {type, values[{userEnteredValue}]},
 *   inputMessage, strict, showCustomUi; Sheets API reference, CellData, ExtendedValue,
 *   CellFormat, DataValidationRule, BooleanCondition/ConditionType). The Apps Script criteria map
 *   to the API's condition types by one table for rules and validations (ONE_OF_LIST,
 *   NUMBER_GREATER_THAN_EQ, TEXT_IS_URL, CUSTOM_FORMULA …); a criterion it lacks keeps its Apps
 *   Script name (nothing reads it but as "not the rule wanted"). A default (unformatted, empty) cell is `{}`; trailing empty cells and rows are left
 *   out (unconfirmed for grid data, the worse case: readers take a missing cell as empty). A
 *   custom formula is given as set on its block's first cell (whether the API shifts it below
 *   that cell is unconfirmed: readers compare it on the first cell only);
 * - `sheets.properties.gridProperties` (rowCount, columnCount, frozenRowCount,
 *   frozenColumnCount: 0 left out) and the tab colour `tabColor` (a Color; SheetProperties,
 *   GridProperties);
 * - `sheets.conditionalFormats`, the sheet's rules in order (ConditionalFormatRule: ranges as
 *   GridRanges, booleanRule {condition {type, values[{userEnteredValue}]}, format
 *   {backgroundColor(Style), textFormat {foregroundColor(Style), bold}}}; a Color's parts in
 *   0–1, 0 left out; ConditionType names: TEXT_EQ, TEXT_STARTS_WITH, TEXT_CONTAINS,
 *   NUMBER_EQ, NUMBER_GREATER …, BLANK, NOT_BLANK, CUSTOM_FORMULA; Sheets API reference,
 *   ConditionalFormatRule, BooleanCondition, ConditionType, Color);
 * Unconfirmed, the worse case: the API does not see SpreadsheetApp's pending (cached) writes
 * ("Spreadsheet operations are sometimes bundled together to improve performance",
 * reference/spreadsheet/spreadsheet-app#flush()): a get after a spreadsheet write of the same
 * execution with no read or flush in between is refused here, so the code must flush first.
 */
import { parseA1, quoteSheetName, type Rect, rectA1 } from './a1';
import { callUnrecorded, commitsWrites, instrument, isDeferrable } from './callLedger';
import { zonedParts } from './dates';
import { FakeDataValidation } from './dataValidation';
import { displayText } from './display';
import { DataValidationCriteria } from './enums';
import { computedBlock, contentExtent } from './formulaEngine';
import type { ExecutionContext, ProtectionModel, RuleModel, ValidationModel } from './model';
import { allMetadata, assertCanChangeMetadata } from './developerMetadata';
import { addSheetProtection, allowedBy, assertCanEdit, assertCanEditSheet, isSpreadsheetEditor } from './protection';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { CellStyle } from './cellStyle';
import type { CellData, DeveloperMetadataModel, SheetModel } from './sheetModel';
import { CellError, type CellValue } from './values';

// Built-ins of the per-cell paths, read once, and `instanceof Date` asked of objects only: under
// jest's default environment a global lookup passes the test realm's global proxy, about 0.4 µs,
// more than the rest of a cell's work.
const isFinite_ = Number.isFinite;
const String_ = String;

/** A field mask as a tree: a name to its sub-mask (null: the whole field). */
type Mask = Map<string, Mask | null>;

/**
 * Parses a field mask like `sheets(properties(sheetId,title),developerMetadata)`.
 * @param text the mask ('' or '*': everything)
 */
export function parseFieldMask(text: string): Mask | null {
  const s = text.replace(/\s+/g, '');
  if (s === '' || s === '*') return null;
  let i = 0;
  const list = (): Mask => {
    const mask: Mask = new Map();
    for (;;) {
      const start = i;
      while (i < s.length && /[A-Za-z0-9_.]/.test(s[i])) i++;
      const path = s.slice(start, i).split('.');
      if (path.some((p) => p === '')) throw new Error(`Invalid field selection ${text}`);
      let sub: Mask | null = null;
      if (s[i] === '(') {
        i++;
        sub = list();
        if (s[i] !== ')') throw new Error(`Invalid field selection ${text}`);
        i++;
      }
      // a.b(c) is a(b(c))
      for (let p = path.length - 1; p > 0; p--) sub = new Map([[path[p], sub]]);
      const existing = mask.get(path[0]);
      mask.set(path[0], existing === undefined ? sub : merge_(existing, sub));
      if (s[i] !== ',') return mask;
      i++;
    }
  };
  const mask = list();
  if (i !== s.length) throw new Error(`Invalid field selection ${text}`);
  return mask;
}

function merge_(a: Mask | null, b: Mask | null): Mask | null {
  if (a === null || b === null) return null;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, out.has(k) ? merge_(out.get(k) ?? null, v) : v);
  return out;
}

/**
 * A JSON value cut to a mask: objects keep the masked fields, lists are cut element-wise;
 * undefined fields and empty lists are left out.
 * @param value the full resource
 * @param mask the mask (null: all of it)
 */
function select_(value: unknown, mask: Mask | null): unknown {
  if (Array.isArray(value)) return value.map((v) => select_(v, mask));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const fields = mask ?? new Map(Object.keys(value).map((key) => [key, null] as const));
  for (const [key, sub] of fields) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = select_(v, sub);
  }
  return out;
}

/** A metadata entry as the API returns it. */
function metadataJson_(m: DeveloperMetadataModel): Record<string, unknown> {
  return {
    metadataId: m.id,
    metadataKey: m.key,
    ...(m.value === null ? {} : { metadataValue: m.value }),
    visibility: m.visibility,
    location: m.sheet
      ? { locationType: 'SHEET', sheetId: m.sheet.id }
      : { locationType: 'SPREADSHEET', spreadsheet: true },
  };
}

/**
 * A GridRange as JSON: indexes 0-based, ends exclusive, a field at 0 left out (proto3 JSON).
 * @param sheetId the sheet's id
 * @param rect the cells (null: the whole sheet, fully unbounded)
 */
function gridRangeJson_(sheetId: number, rect: Rect | null): Record<string, number> {
  const out: Record<string, number> = {};
  if (sheetId !== 0) out.sheetId = sheetId;
  if (!rect) return out;
  if (rect.row > 1) out.startRowIndex = rect.row - 1;
  out.endRowIndex = rect.row - 1 + rect.numRows;
  if (rect.col > 1) out.startColumnIndex = rect.col - 1;
  out.endColumnIndex = rect.col - 1 + rect.numCols;
  return out;
}

/**
 * A protection as the API shows it to the requesting user (the execution's effective user).
 * @param ctx the execution
 * @param p the protection
 */
function protectedRangeJson_(ctx: ExecutionContext, p: ProtectionModel): Record<string, unknown> {
  const { book, effectiveUser } = ctx;
  const canEdit = p.warningOnly ? isSpreadsheetEditor(book, effectiveUser) : allowedBy(book, p, effectiveUser);
  const showEditors = !p.warningOnly && canEdit && isSpreadsheetEditor(book, effectiveUser);
  const owner = book.owner === null ? [] : [book.owner];
  return {
    protectedRangeId: p.id,
    range: gridRangeJson_(p.sheet.id, p.rect),
    ...(p.description === '' ? {} : { description: p.description }),
    ...(p.warningOnly ? { warningOnly: true } : {}),
    ...(canEdit ? { requestingUserCanEdit: true } : {}),
    ...(showEditors
      ? {
          editors: {
            users: [...owner, ...p.editors.filter((e) => e !== book.owner)],
            ...(p.domainEdit ? { domainUsersCanEdit: true } : {}),
          },
        }
      : {}),
    unprotectedRanges: p.unprotected.map((r) => gridRangeJson_(p.sheet.id, r)),
  };
}

/**
 * Refuses an API call after a spreadsheet write of this execution with no read or flush in
 * between (the worse case of Sheets' write cache, see the module's header).
 * @param ctx the execution
 * @param call the API method, for the message
 */
function refusePendingWrite_(ctx: ExecutionContext, call: string): void {
  for (const name of ctx.book.ledger.latestFirst(ctx.id)) {
    if (name.startsWith('Sheets.')) continue;
    if (commitsWrites(name)) return;
    if (isDeferrable(name) || /^DeveloperMetadata\.(set|remove|move)/.test(name)) {
      throw new Error(
        `stand-in: ${call} after a spreadsheet write of this execution with no read or SpreadsheetApp.flush() in between (the API may not see cached writes)`,
      );
    }
  }
}

/**
 * SpreadsheetApp's BooleanCriteria and DataValidationCriteria as the API's ConditionType names
 * them (Sheets API reference, ConditionType: one enum for conditional formats and validations).
 */
const CONDITION_TYPE_: Readonly<Record<string, string>> = {
  CELL_EMPTY: 'BLANK',
  CELL_NOT_EMPTY: 'NOT_BLANK',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQ',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQ',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_EQ',
  NUMBER_LESS_THAN: 'NUMBER_LESS',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_EQ',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQ',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_NOT_CONTAINS',
  TEXT_EQUAL_TO: 'TEXT_EQ',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  VALUE_IN_LIST: 'ONE_OF_LIST',
  TEXT_IS_VALID_URL: 'TEXT_IS_URL',
};

/**
 * A conditional-format rule as the API shows it.
 * @param rule the stored rule
 */
function ruleJson_(rule: RuleModel): Record<string, unknown> {
  const background = colorJson_(rule.background);
  const text = colorJson_(rule.fontColor);
  const textFormat: Record<string, unknown> = {
    ...(text ? { foregroundColor: text, foregroundColorStyle: { rgbColor: text } } : {}),
    ...(rule.bold ? { bold: true } : {}),
  };
  const criteria = String(rule.criteria);
  const values = rule.values
    .filter((v) => v !== null && v !== undefined)
    .map((v) => ({ userEnteredValue: v instanceof Date ? v.toISOString() : String(v) }));
  return {
    ranges: rule.ranges.map((r) => gridRangeJson_(r.sheet.id, r.rect)),
    booleanRule: {
      condition: { type: CONDITION_TYPE_[criteria] ?? criteria, ...(values.length > 0 ? { values } : {}) },
      format: {
        ...(background ? { backgroundColor: background, backgroundColorStyle: { rgbColor: background } } : {}),
        ...(Object.keys(textFormat).length > 0 ? { textFormat } : {}),
      },
    },
  };
}

/** The API's ErrorType of a cell error's code (Sheets API reference, ErrorValue). */
const ERROR_TYPE_: Readonly<Record<string, string>> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
};

/**
 * A value as an ExtendedValue (undefined: empty).
 * @param value the value
 * @param timeZone the spreadsheet's time zone (a date as its serial number)
 */
function extendedValue_(value: CellValue | undefined, timeZone: string): Record<string, unknown> | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof CellError)
    return { errorValue: { type: ERROR_TYPE_[value.code] ?? 'ERROR', message: value.message } };
  if (typeof value === 'object' && value instanceof Date) return { numberValue: serialOf_(value, timeZone) };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: typeof value === 'string' ? value : String_(value) };
}

/** The options of values.batchGet the stand-in knows. */
interface BatchGetOptions_ {
  ranges?: string[] | string;
  valueRenderOption?: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
  dateTimeRenderOption?: 'SERIAL_NUMBER' | 'FORMATTED_STRING';
  majorDimension?: 'ROWS' | 'COLUMNS';
}

/**
 * The sheet and block an A1 range names (a sheet's name alone: all its cells), or the API's error.
 * @param book the workbook
 * @param text the range
 */
function resolveRange_(book: ExecutionContext['book'], text: string): { sheet: SheetModel; rect: Rect } {
  const whole = /^'(.*)'$/.exec(text)?.[1]?.replace(/''/g, "'") ?? (text.includes('!') ? null : text);
  const bare = whole !== null ? book.sheetByName(whole) : undefined;
  if (bare) return { sheet: bare, rect: { row: 1, col: 1, numRows: bare.maxRows, numCols: bare.maxColumns } };
  let ref: ReturnType<typeof parseA1>;
  try {
    ref = parseA1(text);
  } catch {
    throw new Error(`Unable to parse range: ${text}`);
  }
  const sheet = ref.sheetName === null ? book.sheets[0] : book.sheetByName(ref.sheetName);
  if (!sheet) throw new Error(`Unable to parse range: ${text}`);
  const endRow = Math.min(ref.endRow ?? sheet.maxRows, sheet.maxRows);
  const endCol = Math.min(ref.endCol ?? sheet.maxColumns, sheet.maxColumns);
  if (ref.row > endRow || ref.col > endCol) throw new Error(`Range ('${sheet.name}'!${text}) exceeds grid limits.`);
  return {
    sheet,
    rect: { row: ref.row, col: ref.col, numRows: endRow - ref.row + 1, numCols: endCol - ref.col + 1 },
  };
}

/**
 * A '#rrggbb' colour as the API's Color (red, green, blue in [0, 1]; a channel at 0 left out,
 * proto3 JSON); null for none or a colour the stand-in keeps by name.
 * @param color the stored colour
 */
function colorJson_(color: string | null | undefined): Record<string, number> | null {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!hex) return null;
  const out: Record<string, number> = {};
  (['red', 'green', 'blue'] as const).forEach((channel, i) => {
    const v = Number.parseInt(hex[i + 1], 16) / 255;
    if (v !== 0) out[channel] = v;
  });
  return out;
}

/**
 * A stored rule as the API's DataValidationRule (a field at its default left out).
 * @param rule the rule
 */
function validationJson_(rule: ValidationModel): Record<string, unknown> {
  const criteria = String(rule.criteria);
  const type = CONDITION_TYPE_[criteria] ?? criteria;
  const list = criteria === 'VALUE_IN_LIST';
  const values = list
    ? ((rule.values[0] as unknown[] | undefined) ?? []).map((v) => String(v))
    : rule.values.filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => String(v));
  return {
    condition: { type, ...(values.length > 0 ? { values: values.map((v) => ({ userEnteredValue: v })) } : {}) },
    ...(rule.helpText ? { inputMessage: rule.helpText } : {}),
    ...(rule.allowInvalid ? {} : { strict: true }),
    ...(list && rule.values[1] !== false ? { showCustomUi: true } : {}),
  };
}

/**
 * A number format's type, from its pattern (NumberFormat.type; the stand-in keeps patterns only).
 * @param pattern the pattern
 */
function formatType_(pattern: string): string {
  if (pattern === '@') return 'TEXT';
  if (/[dy]/i.test(pattern.replace(/"[^"]*"/g, ''))) return 'DATE';
  return 'NUMBER';
}

/** Each distinct cell format's JSON cut to a mask, built once and frozen: shared by the cells that have it. */
const FORMAT_JSON_ = new Map<string, Record<string, unknown>>();

/** Each rule's JSON cut to a mask (by the mask's text), built once and frozen: shared by every cell of its block. */
const VALIDATION_JSON_ = new WeakMap<ValidationModel, Map<string, { rule: unknown; alone: object }>>();

/**
 * A field of a mask (undefined: not asked for; null: all of it).
 * @param mask the mask (null: everything)
 * @param field the field
 */
function sub_(mask: Mask | null, field: string): Mask | null | undefined {
  return mask === null ? null : mask.get(field);
}

/** What a grid's mask asks of each cell, looked up once per grid (undefined: not asked; null: all). */
interface CellPlan_ {
  readonly effective: Mask | null | undefined;
  readonly shown: Mask | null | undefined;
  readonly typed: Mask | null | undefined;
  readonly format: Mask | null | undefined;
  readonly rule: Mask | null | undefined;
  readonly note: boolean;
  /** the mask's text (the shared JSONs' cache key) */
  readonly maskKey: string;
  /** the spreadsheet's time zone (a date's serial number) */
  readonly timeZone: string;
  /**
   * each cell style met in this grid → its format's shared JSON (FORMAT_JSON_), or null when it
   * says nothing: the cells sharing a style look it up by identity, not by a text key each
   */
  readonly formats: Map<CellStyle, Record<string, unknown> | null>;
}

/**
 * The plan of a grid's cells.
 * @param mask the mask of `values`
 * @param timeZone the spreadsheet's time zone
 */
function cellPlan_(mask: Mask | null, timeZone: string): CellPlan_ {
  return {
    effective: sub_(mask, 'effectiveValue'),
    shown: sub_(mask, 'effectiveFormat'),
    typed: sub_(mask, 'userEnteredValue'),
    format: sub_(mask, 'userEnteredFormat'),
    rule: sub_(mask, 'dataValidation'),
    note: sub_(mask, 'note') !== undefined,
    maskKey: JSON.stringify(maskText_(mask)),
    timeZone,
    formats: new Map(),
  };
}

/** An empty CellData, shared (frozen) by every cell with nothing to say. */
const EMPTY_CELL_: Record<string, unknown> = Object.freeze({});

/**
 * One cell as the API's CellData, cut to the mask (only what the stand-in models; see the
 * file's notes); EMPTY_CELL_ when it has nothing the mask asks.
 * @param cell the stored cell (undefined: none, though a formula may spill a value into it)
 * @param computed the cell's value as getValues sees it (formulas computed, spills filled;
 *   undefined when the mask asks neither effectiveValue nor effectiveFormat)
 * @param plan what the mask asks (cellPlan_)
 */
function cellDataJson_(
  cell: CellData | undefined,
  computed: CellValue | undefined,
  plan: CellPlan_,
): Record<string, unknown> {
  if (!cell && (computed === undefined || computed === '')) return EMPTY_CELL_;
  const out: Record<string, unknown> = {};
  let any = false;
  if (plan.effective !== undefined) {
    const effective = extendedValue_(computed, plan.timeZone);
    if (effective) {
      out.effectiveValue = plan.effective === null ? effective : select_(effective, plan.effective);
      any = true;
    }
  }
  // what getValues gives as a date: a date cell's effective number format (what conditional
  // formats add is not modelled)
  if (plan.shown !== undefined && typeof computed === 'object' && computed instanceof Date) {
    const shown = {
      numberFormat: { type: 'DATE_TIME', ...(cell?.style?.numberFormat ? { pattern: cell.style.numberFormat } : {}) },
    };
    out.effectiveFormat = plan.shown === null ? shown : select_(shown, plan.shown);
    any = true;
  }
  if (!cell) return any ? out : EMPTY_CELL_;
  const v = cell.value;
  // every value getLastRow counts has one (a NaN or an invalid Date, which Sheets cannot hold, as null)
  if (plan.typed !== undefined) {
    let value: Record<string, unknown> | undefined;
    if (cell.formula !== undefined) value = { formulaValue: cell.formula };
    else if (typeof v === 'string') value = v === '' ? undefined : { stringValue: v };
    else if (typeof v === 'number') value = { numberValue: v };
    else if (typeof v === 'boolean') value = { boolValue: v };
    else if (typeof v === 'object' && v instanceof Date) value = { numberValue: serialOf_(v, plan.timeZone) };
    else if (v !== undefined && v !== null) value = { stringValue: String_(v) };
    if (value) {
      out.userEnteredValue = plan.typed === null ? value : select_(value, plan.typed);
      any = true;
    }
  }
  const style = cell.style;
  if (plan.format !== undefined && style !== undefined) {
    let cut = plan.formats.get(style);
    if (cut === undefined) cut = formatJson_(style, plan, plan.format);
    if (cut !== null) {
      out.userEnteredFormat = cut;
      any = true;
    }
  }
  if (cell.note && plan.note) {
    out.note = cell.note;
    any = true;
  }
  if (cell.validation && plan.rule !== undefined) {
    const cache = VALIDATION_JSON_.get(cell.validation) ?? new Map<string, { rule: unknown; alone: object }>();
    VALIDATION_JSON_.set(cell.validation, cache);
    let json = cache.get(plan.maskKey);
    if (!json) {
      const rule = deepFreeze_(select_(validationJson_(cell.validation), plan.rule));
      json = { rule, alone: Object.freeze({ dataValidation: rule }) };
      cache.set(plan.maskKey, json);
    }
    // a cell with nothing but its rule (a laid-out column's empty rows) shares one frozen CellData
    if (!any) return json.alone as Record<string, unknown>;
    out.dataValidation = json.rule;
    any = true;
  }
  return any ? out : EMPTY_CELL_;
}

/**
 * A cell style's userEnteredFormat cut to the grid's mask (null when it says nothing), noted in
 * the plan for the other cells of that style: one frozen JSON per distinct format and mask
 * (FORMAT_JSON_), shared by the cells that have it.
 * @param style the cell's style
 * @param plan what the mask asks
 * @param mask the mask of userEnteredFormat (plan.format, asked for)
 */
function formatJson_(style: CellStyle, plan: CellPlan_, mask: Mask | null): Record<string, unknown> | null {
  let shared: Record<string, unknown> | null = null;
  if (style.numberFormat !== undefined || style.fontWeight === 'bold' || style.background) {
    const key = `${plan.maskKey}|${style.numberFormat ?? ''}|${style.fontWeight ?? ''}|${style.background ?? ''}`;
    let cut = FORMAT_JSON_.get(key);
    if (cut === undefined) {
      const format: Record<string, unknown> = {};
      if (style.numberFormat !== undefined)
        format.numberFormat = { type: formatType_(style.numberFormat), pattern: style.numberFormat };
      if (style.fontWeight === 'bold') format.textFormat = { bold: true };
      const background = colorJson_(style.background);
      if (background) format.backgroundColor = background;
      cut = deepFreeze_(select_(format, mask) as Record<string, unknown>);
      if (FORMAT_JSON_.size > 10_000) FORMAT_JSON_.clear();
      FORMAT_JSON_.set(key, cut);
    }
    if (Object.keys(cut).length > 0) shared = cut;
  }
  plan.formats.set(style, shared);
  return shared;
}

/**
 * A JSON value frozen throughout (a rule's JSON shared by the cells of its block: readers see
 * plain JSON, none can change another cell's).
 * @param value the value
 */
function deepFreeze_<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze_(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * A block of a sheet as the API's GridData cut to the mask: trailing empty cells and rows
 * left out.
 * @param book the workbook
 * @param sheet the sheet
 * @param rect the block
 * @param mask the mask of `data`
 */
function gridDataJson_(
  book: ExecutionContext['book'],
  sheet: SheetModel,
  rect: Rect,
  mask: Mask | null,
): Record<string, unknown> {
  const rowMask = sub_(mask, 'rowData');
  const rowData: { values?: Record<string, unknown>[] }[] = [];
  const valuesMask = rowMask === undefined ? undefined : sub_(rowMask, 'values');
  const plan = cellPlan_(valuesMask ?? null, book.timeZone);
  // computed values only when asked (they reach past the stored cells where formulas spill)
  const wantsComputed =
    valuesMask !== undefined &&
    (sub_(valuesMask, 'effectiveValue') !== undefined || sub_(valuesMask, 'effectiveFormat') !== undefined);
  const extent = wantsComputed ? contentExtent(book, sheet) : { lastRow: 0, lastColumn: 0 };
  const lastRow =
    rowMask === undefined ? 0 : Math.min(rect.row + rect.numRows - 1, Math.max(sheet.rows.length, extent.lastRow));
  const rightmost = rect.col + rect.numCols - 1;
  const computed =
    wantsComputed && lastRow >= rect.row
      ? computedBlock(book, sheet, {
          row: rect.row,
          col: rect.col,
          numRows: lastRow - rect.row + 1,
          numCols: Math.min(rightmost, Math.max(extent.lastColumn, rect.col)) - rect.col + 1,
        })
      : null;
  for (let r = rect.row; r <= lastRow; r++) {
    const values: Record<string, unknown>[] = [];
    const cells = sheet.rows[r - 1];
    const line = computed?.[r - rect.row];
    const lastCol =
      valuesMask === undefined ? 0 : Math.min(rightmost, Math.max(cells?.length ?? 0, line ? extent.lastColumn : 0));
    for (let c = rect.col; c <= lastCol; c++) values.push(cellDataJson_(cells?.[c - 1], line?.[c - rect.col], plan));
    while (values.length > 0 && values[values.length - 1] === EMPTY_CELL_) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && rowData[rowData.length - 1].values === undefined) rowData.pop();
  return {
    ...(rect.row > 1 && sub_(mask, 'startRow') !== undefined ? { startRow: rect.row - 1 } : {}),
    ...(rect.col > 1 && sub_(mask, 'startColumn') !== undefined ? { startColumn: rect.col - 1 } : {}),
    ...(rowData.length > 0 ? { rowData } : {}),
  };
}

/**
 * A mask written back as text (a cache key).
 * @param mask the mask
 */
function maskText_(mask: Mask | null): string {
  if (mask === null) return '*';
  return [...mask].map(([k, v]) => (v === null ? k : `${k}(${maskText_(v)})`)).join(',');
}

/** The validations a setDataValidation request may set, by the API's condition type (CONDITION_TYPE_ inverted). */
const CRITERIA_OF_TYPE_: Record<string, string> = Object.fromEntries(
  ['VALUE_IN_LIST', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'TEXT_IS_VALID_URL', 'CUSTOM_FORMULA'].map((c) => [
    CONDITION_TYPE_[c],
    c,
  ]),
);

/**
 * A DataValidationRule of a setDataValidation request as the rule SpreadsheetApp's builder makes
 * (requireValueInList(values, showCustomUi), requireNumberGreaterThanOrEqualTo(n),
 * requireTextIsUrl(), requireFormulaSatisfied(formula); allowInvalid = !strict, helpText =
 * inputMessage). Other condition types are refused (not modelled).
 * @param rule the rule
 * @param where the request, for errors
 */
function validationModel_(rule: GoogleAppsScript.Sheets.Schema.DataValidationRule, where: string): ValidationModel {
  const type = String(rule.condition?.type ?? '');
  const criteria = CRITERIA_OF_TYPE_[type];
  if (!criteria) throw new Error(`stand-in: setDataValidation of condition ${type} is not modelled`);
  const values = (rule.condition?.values ?? []).map((v) => String(v.userEnteredValue ?? ''));
  let stored: unknown[];
  if (type === 'ONE_OF_LIST') stored = [values, rule.showCustomUi === true];
  else if (type === 'NUMBER_GREATER_THAN_EQ') {
    const n = Number(values[0]);
    if (values.length !== 1 || !Number.isFinite(n)) throw new Error(`${where}: the condition needs one number`);
    stored = [n];
  } else if (type === 'CUSTOM_FORMULA') {
    if (values.length !== 1) throw new Error(`${where}: the condition needs one formula`);
    stored = [values[0]];
  } else stored = [];
  return {
    criteria: DataValidationCriteria[criteria as keyof typeof DataValidationCriteria],
    values: stored,
    allowInvalid: rule.strict !== true,
    helpText: rule.inputMessage ?? '',
  };
}

/** Milliseconds of Sheets' day zero, 30 December 1899, as a UTC wall clock. */
const DAY_ZERO_UTC_ = Date.UTC(1899, 11, 30);

/**
 * A date's serial number on the spreadsheet's wall clock: days since 30 December 1899, the
 * time of day as the fraction.
 * @param date the instant
 * @param timeZone the spreadsheet's time zone
 */
function serialOf_(date: Date, timeZone: string): number {
  const key = `${timeZone} ${date.getTime()}`;
  let serial = SERIALS_.get(key);
  if (serial === undefined) {
    const p = zonedParts(date, timeZone);
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
    serial = (wall - DAY_ZERO_UTC_) / 86400000;
    if (SERIALS_.size > 100_000) SERIALS_.clear();
    SERIALS_.set(key, serial);
  }
  return serial;
}

/** Serials and shown texts already worked out (Intl's zone arithmetic is slow; dates repeat). */
const SERIALS_ = new Map<string, number>();
const SHOWN_ = new Map<string, string>();

/**
 * A date as its cell shows it (display.ts), remembered.
 * @param date the date
 * @param numberFormat the cell's number format
 * @param timeZone the spreadsheet's time zone
 */
function shownDate_(date: Date, numberFormat: string | undefined, timeZone: string): string {
  const key = `${timeZone} ${numberFormat ?? ''} ${date.getTime()}`;
  let text = SHOWN_.get(key);
  if (text === undefined) {
    text = displayText(date, numberFormat, timeZone);
    if (SHOWN_.size > 100_000) SHOWN_.clear();
    SHOWN_.set(key, text);
  }
  return text;
}

/**
 * Sheets.Spreadsheets.Values (batchGet only). Facts modelled (Sheets API reference,
 * spreadsheets.values/batchGet, ValueRenderOption, DateTimeRenderOption, ValueRange):
 * - `ranges` in A1 notation, a sheet's name alone meaning all its cells ("Sheet1 refers to all
 *   the cells in Sheet1", Sheets API guide "A1 notation"); one ValueRange per range, in the
 *   order asked; an unknown sheet or a malformed range fails the whole call;
 * - `valueRenderOption`: FORMATTED_VALUE (the default: as the cells show), UNFORMATTED_VALUE
 *   ("calculated, but not formatted"), FORMULA ("Values will not be calculated. The reply will
 *   include the formulas"; a cell without a formula gives its value, unformatted);
 * - `dateTimeRenderOption` (ignored with FORMATTED_VALUE): SERIAL_NUMBER (the default: "days
 *   since December 30th 1899", the time as the fraction) or FORMATTED_STRING (the cell's
 *   number format). A date field here is a cell holding a Date (the stand-in's value model: a
 *   number under a date format stays a number, as its getValues returns it);
 * - `range` of each ValueRange is "the entire requested range, even though the values will
 *   exclude trailing rows and columns"; "empty trailing rows and columns will not be
 *   included" (each row ends at its last non-empty cell; `values` is left out when all are
 *   empty); empty cells before a value are "";
 * - errors come back as the text the cell shows (#DIV/0!, #N/A: as getValues gives them;
 *   unconfirmed for the API, where the worse reading would need the other render modes);
 * - refused in custom functions (needs authorisation) and, as `get`, after a spreadsheet write
 *   of the execution with no read or flush in between (the worse case of the write cache).
 */
export class FakeSheetsValues
  implements Pick<GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection, 'batchGet'>
{
  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /**
   * The values of several ranges in one call.
   * @param spreadsheetId the spreadsheet's id
   * @param optionalArgs `{ ranges, valueRenderOption, dateTimeRenderOption, majorDimension }`
   */
  batchGet(spreadsheetId: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    const { book } = this.ctx_;
    if (spreadsheetId !== book.id) throw new Error('Requested entity was not found.');
    refusePendingWrite_(this.ctx_, 'Sheets.Spreadsheets.Values.batchGet');
    const options = (optionalArgs ?? {}) as BatchGetOptions_;
    const ranges =
      options.ranges === undefined ? [] : Array.isArray(options.ranges) ? options.ranges : [options.ranges];
    const render = options.valueRenderOption ?? 'FORMATTED_VALUE';
    const dates = options.dateTimeRenderOption ?? 'SERIAL_NUMBER';
    const resolved = ranges.map((text) => this.resolve_(String(text)));
    const valueRanges = resolved.map(({ sheet, rect }) => {
      // only the cells up to the sheet's content: those after it are empty, and trailing empties
      // are left out below (the same answer; a whole sheet's range names every cell of the grid)
      const extent = contentExtent(book, sheet);
      const lastRow = Math.min(rect.row + rect.numRows - 1, extent.lastRow);
      const lastColumn = Math.min(rect.col + rect.numCols - 1, extent.lastColumn);
      const computed =
        lastRow >= rect.row && lastColumn >= rect.col
          ? computedBlock(book, sheet, {
              row: rect.row,
              col: rect.col,
              numRows: lastRow - rect.row + 1,
              numCols: lastColumn - rect.col + 1,
            })
          : [];
      // rendered in place: computedBlock's rows are new arrays (a summary reads 160 000 rows)
      const formatted = render === 'FORMATTED_VALUE' ? 'text' : dates;
      const rows = computed as unknown[][];
      rows.forEach((line, i) => {
        const cells = sheet.rows[rect.row - 1 + i];
        for (let j = 0; j < line.length; j++) {
          const cell = cells?.[rect.col - 1 + j];
          line[j] =
            render === 'FORMULA' && cell?.formula
              ? cell.formula
              : this.render_(line[j] as CellValue, cell?.style?.numberFormat, formatted);
        }
      });
      const lines =
        options.majorDimension === 'COLUMNS' ? (rows[0]?.map((_, j) => rows.map((line) => line[j])) ?? []) : rows;
      // trailing empty cells left out (each line is this call's own)
      for (const line of lines) {
        let end = line.length;
        while (end > 0 && line[end - 1] === '') end--;
        line.length = end;
      }
      while (lines.length > 0 && lines[lines.length - 1].length === 0) lines.pop();
      return {
        range: `${quoteSheetName(sheet.name)}!${rectA1(rect)}`,
        majorDimension: options.majorDimension ?? 'ROWS',
        ...(lines.length > 0 ? { values: lines } : {}),
      };
    });
    // every row above is a new array of plain values: the caller's JSON is its own, as over the network
    return { spreadsheetId: book.id, valueRanges };
  }

  /** The sheet and block a range names (a sheet's name alone: all its cells). */
  private resolve_(text: string): { sheet: SheetModel; rect: Rect } {
    return resolveRange_(this.ctx_.book, text);
  }

  /**
   * A computed value as the API gives it.
   * @param value the value
   * @param numberFormat the cell's number format
   * @param dates 'text' for FORMATTED_VALUE, else the dateTimeRenderOption
   */
  private render_(
    value: CellValue,
    numberFormat: string | undefined,
    dates: 'text' | 'SERIAL_NUMBER' | 'FORMATTED_STRING',
  ): string | number | boolean | null {
    const { timeZone } = this.ctx_.book;
    if (value === null || value === undefined) return '';
    if (value instanceof CellError) return value.code;
    // What JSON cannot carry (a NaN, an infinity, an invalid or out-of-range Date the stand-in
    // stored from setValues; Sheets itself cannot hold them) comes back as null.
    if (typeof value === 'number' && !isFinite_(value)) return null;
    try {
      if (dates === 'text') return displayText(value, numberFormat, timeZone);
      if (typeof value === 'object' && value instanceof Date) {
        if (!isFinite_(value.getTime())) return null;
        return dates === 'SERIAL_NUMBER' ? serialOf_(value, timeZone) : shownDate_(value, numberFormat, timeZone);
      }
    } catch {
      return null;
    }
    return value;
  }
}
instrument(FakeSheetsValues, 'Sheets.Spreadsheets.Values', ['batchGet']);

/** Sheets.Spreadsheets (get, batchUpdate, and Values.batchGet). */
export class FakeSheetsSpreadsheets {
  readonly Values: FakeSheetsValues;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {
    this.Values = new FakeSheetsValues(ctx_);
  }

  /**
   * The spreadsheet resource, cut to `optionalArgs.fields`.
   * @param spreadsheetId the spreadsheet's id
   * @param optionalArgs `{ fields }`
   */
  get(spreadsheetId: string, optionalArgs?: { fields?: string; ranges?: string | string[] }): Record<string, unknown> {
    const { book } = this.ctx_;
    if (spreadsheetId !== book.id) throw new Error('Requested entity was not found.');
    refusePendingWrite_(this.ctx_, 'Sheets.Spreadsheets.get');
    const mask = parseFieldMask(optionalArgs?.fields ?? '');
    const ranges = optionalArgs?.ranges === undefined ? null : [optionalArgs.ranges].flat().map(String);
    const resolved = ranges?.map((text) => resolveRange_(book, text)) ?? null;
    // grid data is built only when the mask names it (a mask is always set by the add-on)
    const sheetsMask = mask === null ? null : mask.get('sheets');
    const wantsData = mask !== null && sheetsMask !== undefined && (sheetsMask === null || sheetsMask.has('data'));
    const listed = resolved === null ? book.sheets : book.sheets.filter((sh) => resolved.some((r) => r.sheet === sh));
    const full = {
      spreadsheetId: book.id,
      properties: { title: book.name, locale: book.locale, timeZone: book.timeZone },
      developerMetadata: book.spreadsheetMetadata.map(metadataJson_),
      sheets: listed.map((sheet) => ({
        properties: {
          ...(sheet.id === 0 ? {} : { sheetId: sheet.id }),
          title: sheet.name,
          ...(book.sheets.indexOf(sheet) === 0 ? {} : { index: book.sheets.indexOf(sheet) }),
          ...(sheet.hidden ? { hidden: true } : {}),
          gridProperties: {
            rowCount: sheet.maxRows,
            columnCount: sheet.maxColumns,
            ...(sheet.frozenRows === 0 ? {} : { frozenRowCount: sheet.frozenRows }),
            ...(sheet.frozenColumns === 0 ? {} : { frozenColumnCount: sheet.frozenColumns }),
          },
          ...(colorJson_(sheet.tabColor) ? { tabColor: colorJson_(sheet.tabColor) } : {}),
        },
        developerMetadata: sheet.metadata.map(metadataJson_),
        protectedRanges: book.protections
          .filter((p) => p.sheet === sheet)
          .map((p) => protectedRangeJson_(this.ctx_, p)),
        conditionalFormats: sheet.rules.map(ruleJson_),
      })),
    };
    // a copy: the caller's JSON is its own, as over the network
    const out = JSON.parse(JSON.stringify(select_(full, mask))) as { sheets?: Record<string, unknown>[] };
    if (wantsData) {
      // built fresh and already cut to the mask (the rules' JSON shared, frozen): no copy needed
      const dataMask = sub_(sheetsMask ?? null, 'data') ?? null;
      listed.forEach((sheet, i) => {
        const blocks = (
          resolved ?? [{ sheet, rect: { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxColumns } }]
        ).filter((r) => r.sheet === sheet);
        const target = out.sheets?.[i];
        if (target) target.data = blocks.map((r) => gridDataJson_(book, sheet, r.rect, dataMask));
      });
    }
    return out;
  }

  /**
   * Applies requests together, all or nothing (see the file's notes for those modelled).
   * @param resource `{ requests }`
   * @param spreadsheetId the spreadsheet's id
   */
  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    const { book } = this.ctx_;
    if (spreadsheetId !== book.id) throw new Error('Requested entity was not found.');
    refusePendingWrite_(this.ctx_, 'Sheets.Spreadsheets.batchUpdate');
    const requests = resource.requests ?? [];
    // validated first, every one: then applied
    const steps = requests.map((request, i) => this.step_(request, i));
    // each step is a SpreadsheetApp call, which marks what it changes itself (WorkbookModel.touch)
    const replies = steps.map((step) => step() ?? {});
    return { spreadsheetId, replies };
  }

  /** A request checked, as the change it makes (returning its reply when it has one). */
  private step_(
    request: GoogleAppsScript.Sheets.Schema.Request,
    i: number,
  ): () => GoogleAppsScript.Sheets.Schema.Response | undefined {
    const kinds = Object.keys(request).filter((k) => (request as Record<string, unknown>)[k] !== undefined);
    if (kinds.length !== 1) throw new Error(`Invalid requests[${i}]: exactly one kind of request must be set`);
    const where = `Invalid requests[${i}].${kinds[0]}`;
    if (request.mergeCells) {
      const { range, mergeType } = request.mergeCells;
      const target = this.range_(range, where);
      const method = { MERGE_ALL: 'merge', MERGE_ROWS: 'mergeAcross', MERGE_COLUMNS: 'mergeVertically' }[
        String(mergeType)
      ];
      if (!method) throw new Error(`${where}: mergeType ${String(mergeType)} is not valid`);
      return () => void callUnrecorded(target, `Range.${method}`);
    }
    if (request.repeatCell) {
      const { range, cell, fields } = request.repeatCell;
      const target = this.range_(range, where);
      const format = cell?.userEnteredFormat ?? {};
      const changes: (() => void)[] = [];
      const names = (fields ?? '').split(',').map((f) => f.trim());
      if (names.length === 0 || names[0] === '') throw new Error(`${where}: At least one field must be specified`);
      for (const field of names) {
        if (field === 'userEnteredFormat.textFormat.bold') {
          const bold = format.textFormat?.bold === true;
          changes.push(() => callUnrecorded(target, 'Range.setFontWeight', bold ? 'bold' : 'normal'));
        } else if (field === 'userEnteredFormat.textFormat.fontSize' && format.textFormat?.fontSize) {
          const size = format.textFormat.fontSize;
          changes.push(() => callUnrecorded(target, 'Range.setFontSize', size));
        } else if (field === 'userEnteredFormat.horizontalAlignment' && format.horizontalAlignment) {
          const align = { LEFT: 'left', CENTER: 'center', RIGHT: 'right' }[String(format.horizontalAlignment)];
          if (!align) throw new Error(`${where}: horizontalAlignment ${String(format.horizontalAlignment)}`);
          changes.push(() => callUnrecorded(target, 'Range.setHorizontalAlignment', align));
        } else if (field === 'userEnteredFormat.numberFormat' && format.numberFormat?.pattern) {
          // the pattern is what Range.setNumberFormat takes (NumberFormat.pattern; its type is Sheets' to infer)
          const pattern = format.numberFormat.pattern;
          changes.push(() => callUnrecorded(target, 'Range.setNumberFormat', pattern));
        } else if (field === 'userEnteredFormat.backgroundColor' && format.backgroundColor) {
          const c = format.backgroundColor;
          const hex = (x: number | undefined) =>
            Math.round(Math.min(1, Math.max(0, x ?? 0)) * 255)
              .toString(16)
              .padStart(2, '0');
          const color = `#${hex(c.red)}${hex(c.green)}${hex(c.blue)}`;
          changes.push(() => callUnrecorded(target, 'Range.setBackground', color));
        } else {
          throw new Error(`stand-in: repeatCell field "${field}" (or clearing it) is not modelled`);
        }
      }
      return () => {
        for (const change of changes) change();
        return undefined;
      };
    }
    if (request.updateBorders) {
      const b = request.updateBorders;
      const target = this.range_(b.range, where);
      const side = (border: GoogleAppsScript.Sheets.Schema.Border | undefined) =>
        border === undefined ? null : border.style !== 'NONE';
      const args = [b.top, b.left, b.bottom, b.right, b.innerVertical, b.innerHorizontal].map(side);
      return () => void callUnrecorded(target, 'Range.setBorder', ...args);
    }
    if (request.setDataValidation) {
      const { range, rule } = request.setDataValidation;
      const target = this.range_(range, where);
      const model = rule ? validationModel_(rule, where) : null;
      const built = model ? new FakeDataValidation(this.ctx_, model) : null;
      return () => void callUnrecorded(target, 'Range.setDataValidation', built);
    }
    if (request.updateSheetProperties) {
      const { properties, fields } = request.updateSheetProperties;
      const sheet = this.sheet_(properties?.sheetId, where);
      assertCanEditSheet(this.ctx_, sheet);
      const fake = new FakeSheet(this.ctx_, sheet);
      const changes: (() => void)[] = [];
      for (const field of (fields ?? '').split(',').map((f) => f.trim())) {
        if (field === 'gridProperties.frozenRowCount') {
          const n = properties?.gridProperties?.frozenRowCount ?? 0;
          changes.push(() => callUnrecorded(fake, 'Sheet.setFrozenRows', n));
        } else if (field === 'tabColor') {
          const c = properties?.tabColor;
          const hex = (x: number | undefined) =>
            Math.round(Math.min(1, Math.max(0, x ?? 0)) * 255)
              .toString(16)
              .padStart(2, '0');
          const color = c ? `#${hex(c.red)}${hex(c.green)}${hex(c.blue)}` : null;
          changes.push(() => callUnrecorded(fake, 'Sheet.setTabColor', color));
        } else {
          throw new Error(`stand-in: updateSheetProperties of "${field}" is not modelled`);
        }
      }
      return () => {
        for (const change of changes) change();
        return undefined;
      };
    }
    if (request.deleteDimension) {
      const { range } = request.deleteDimension;
      const sheet = this.sheet_(range?.sheetId, where);
      const rows = range?.dimension === 'ROWS';
      if (!rows && range?.dimension !== 'COLUMNS') throw new Error(`${where}: dimension must be ROWS or COLUMNS`);
      const size = rows ? sheet.maxRows : sheet.maxColumns;
      const start = range?.startIndex ?? 0;
      const end = range?.endIndex ?? size;
      if (start < 0 || end <= start || end > size) throw new Error(`${where}: range exceeds grid limits`);
      // a sheet keeps at least one row and one column (as Sheet.deleteRows / deleteColumns refuse)
      if (end - start >= size)
        throw new Error(`${where}: You can't delete all the ${rows ? 'rows' : 'columns'} on the sheet.`);
      assertCanEditSheet(this.ctx_, sheet);
      const fake = new FakeSheet(this.ctx_, sheet);
      return () => void callUnrecorded(fake, rows ? 'Sheet.deleteRows' : 'Sheet.deleteColumns', start + 1, end - start);
    }
    if (request.updateDimensionProperties) {
      const { range, properties, fields } = request.updateDimensionProperties;
      if (fields !== 'pixelSize' || !properties?.pixelSize) {
        throw new Error(`stand-in: updateDimensionProperties of "${String(fields)}" is not modelled`);
      }
      const sheet = this.sheet_(range?.sheetId, where);
      const rows = range?.dimension === 'ROWS';
      if (!rows && range?.dimension !== 'COLUMNS') throw new Error(`${where}: dimension must be ROWS or COLUMNS`);
      const start = range?.startIndex ?? 0;
      const end = range?.endIndex ?? (rows ? sheet.maxRows : sheet.maxColumns);
      if (start < 0 || end <= start || end > (rows ? sheet.maxRows : sheet.maxColumns)) {
        throw new Error(`${where}: range exceeds grid limits`);
      }
      assertCanEditSheet(this.ctx_, sheet);
      const fake = new FakeSheet(this.ctx_, sheet);
      const size = properties.pixelSize;
      const method = rows ? 'Sheet.setRowHeights' : 'Sheet.setColumnWidths';
      return () => void callUnrecorded(fake, method, start + 1, end - start, size);
    }
    if (request.addProtectedRange) return this.addProtectedRange_(request.addProtectedRange, where);
    if (request.updateDeveloperMetadata) return this.updateMetadata_(request.updateDeveloperMetadata, where);
    // — reports kept as records
    if (request.appendCells) return this.appendCells_(request.appendCells, where);
    throw new Error(`stand-in: request ${kinds[0]} is not modelled`);
  }

  /**
   * addProtectedRange of a whole sheet ("The range may be fully unbounded, in which case this is
   * considered a protected sheet"; "Editors are not supported with warning_only protection":
   * refused here, the worse case; ProtectedRange, Sheets API reference). The reply carries the
   * new protectedRangeId (AddProtectedRangeResponse).
   */
  private addProtectedRange_(
    add: GoogleAppsScript.Sheets.Schema.AddProtectedRangeRequest,
    where: string,
  ): () => GoogleAppsScript.Sheets.Schema.Response {
    const p = add.protectedRange;
    const range = p?.range;
    if (!p || p.namedRangeId !== undefined || !range) throw new Error(`${where}: a range is required`);
    const { startRowIndex, endRowIndex, startColumnIndex, endColumnIndex } = range;
    if (startRowIndex || startColumnIndex || endRowIndex !== undefined || endColumnIndex !== undefined) {
      throw new Error('stand-in: addProtectedRange of a bounded range is not modelled');
    }
    const sheet = this.sheet_(range.sheetId, where);
    if (p.warningOnly && p.editors) throw new Error(`${where}: Editors are not supported with warning_only protection`);
    if (p.editors?.groups?.length) throw new Error('stand-in: addProtectedRange naming groups is not modelled');
    const unprotected = (p.unprotectedRanges ?? []).map((r) => {
      if (r.sheetId !== undefined && r.sheetId !== sheet.id)
        throw new Error(`${where}: unprotected range on another sheet`);
      return this.range_({ ...r, sheetId: sheet.id }, where).rect_;
    });
    const request = {
      description: p.description ?? '',
      warningOnly: p.warningOnly === true,
      users: p.editors ? (p.editors.users ?? []) : null,
      domainEdit: p.editors?.domainUsersCanEdit === true,
      unprotected,
    };
    assertCanEditSheet(this.ctx_, sheet);
    return () => {
      const protectedRangeId = addSheetProtection(this.ctx_, sheet, request);
      return { addProtectedRange: { protectedRange: { ...p, protectedRangeId } } };
    };
  }

  /**
   * updateDeveloperMetadata of metadataValue, the entries chosen by developerMetadataLookup
   * filters (by metadataId, or by metadataKey with metadataValue: DataFilter,
   * DeveloperMetadataLookup, Sheets API reference). Changing an entry needs edit rights on its
   * location, as DeveloperMetadata.setValue. A filter matching nothing is refused (whether the
   * API refuses it is unconfirmed; the worse case for a caller that counts on the change).
   */
  private updateMetadata_(
    update: GoogleAppsScript.Sheets.Schema.UpdateDeveloperMetadataRequest,
    where: string,
  ): () => GoogleAppsScript.Sheets.Schema.Response {
    if (update.fields !== 'metadataValue') {
      throw new Error(`stand-in: updateDeveloperMetadata of "${String(update.fields)}" is not modelled`);
    }
    const value = update.developerMetadata?.metadataValue;
    if (value === undefined) throw new Error(`${where}: developerMetadata.metadataValue is required`);
    const all = allMetadata(this.ctx_);
    const matched = new Set<DeveloperMetadataModel>();
    for (const filter of update.dataFilters ?? []) {
      const lookup = filter.developerMetadataLookup;
      if (!lookup) throw new Error('stand-in: updateDeveloperMetadata by a range is not modelled');
      const { metadataId, metadataKey, metadataValue } = lookup;
      if (metadataId === undefined && metadataKey === undefined) {
        throw new Error('stand-in: a lookup without metadataId or metadataKey is not modelled');
      }
      const hits = all.filter(
        (m) =>
          (metadataId === undefined || m.id === metadataId) &&
          (metadataKey === undefined || m.key === metadataKey) &&
          (metadataValue === undefined || m.value === metadataValue),
      );
      if (hits.length === 0) throw new Error(`${where}: No developer metadata matches the data filter`);
      for (const m of hits) matched.add(m);
    }
    if (matched.size === 0) throw new Error(`${where}: at least one data filter is required`);
    for (const m of matched) assertCanChangeMetadata(this.ctx_, m.sheet);
    return () => {
      for (const m of matched) m.value = value;
      return { updateDeveloperMetadata: { developerMetadata: [...matched].map(metadataJson_) } };
    };
  }

  /** A sheet by id, or the API's error. */
  private sheet_(sheetId: number | undefined, where: string): SheetModel {
    const sheet = this.ctx_.book.sheets.find((s) => s.id === (sheetId ?? 0));
    if (!sheet) throw new Error(`${where}: No grid with id: ${sheetId ?? 0}`);
    return sheet;
  }

  // — reports kept as records
  /**
   * appendCells of userEnteredValue ("Adds new cells after the last row with data in a sheet,
   * inserting new rows into the sheet if necessary", AppendCellsRequest): a stringValue is kept
   * as text (never parsed), a numberValue as a number, a cell without a value blank; the rows
   * go below the sheet's last row holding anything, the sheet grown when short.
   */
  private appendCells_(
    append: GoogleAppsScript.Sheets.Schema.AppendCellsRequest,
    where: string,
  ): () => GoogleAppsScript.Sheets.Schema.Response | undefined {
    if (append.fields !== 'userEnteredValue') {
      throw new Error(`stand-in: appendCells of "${String(append.fields)}" is not modelled`);
    }
    const sheet = this.sheet_(append.sheetId, where);
    assertCanEditSheet(this.ctx_, sheet);
    const rows = (append.rows ?? []).map((r) =>
      (r.values ?? []).map((c) => {
        const v = c.userEnteredValue;
        if (v?.numberValue !== undefined) return v.numberValue;
        return v?.stringValue !== undefined && v.stringValue !== '' ? `'${v.stringValue}` : '';
      }),
    );
    const width = Math.max(1, ...rows.map((r) => r.length));
    if (rows.length === 0) return () => undefined;
    if (width > sheet.maxColumns)
      throw new Error(`${where}: Range exceeds grid limits. Max columns: ${sheet.maxColumns}`);
    const fake = new FakeSheet(this.ctx_, sheet);
    return () => {
      const below = (callUnrecorded(fake, 'Sheet.getLastRow') as number) + 1;
      const short = below + rows.length - 1 - sheet.maxRows;
      if (short > 0) callUnrecorded(fake, 'Sheet.insertRowsAfter', sheet.maxRows, short);
      const range = callUnrecorded(fake, 'Sheet.getRange', below, 1, rows.length, width) as FakeRange;
      callUnrecorded(
        range,
        'Range.setValues',
        rows.map((r) => [...r, ...new Array(width - r.length).fill('')]),
      );
      return undefined;
    };
  }

  /** A GridRange's cells as a range the user may edit (0-based, ends exclusive, unset: 0 or the grid's end). */
  private range_(range: GoogleAppsScript.Sheets.Schema.GridRange | undefined, where: string): FakeRange {
    const sheet = this.sheet_(range?.sheetId, where);
    const top = range?.startRowIndex ?? 0;
    const left = range?.startColumnIndex ?? 0;
    const bottom = range?.endRowIndex ?? sheet.maxRows;
    const right = range?.endColumnIndex ?? sheet.maxColumns;
    if (top < 0 || left < 0 || bottom <= top || right <= left || bottom > sheet.maxRows || right > sheet.maxColumns) {
      throw new Error(
        `${where}: Range exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
      );
    }
    const rect = { row: top + 1, col: left + 1, numRows: bottom - top, numCols: right - left };
    assertCanEdit(this.ctx_, sheet, rect);
    return new FakeRange(this.ctx_, sheet, rect);
  }
}
instrument(FakeSheetsSpreadsheets, 'Sheets.Spreadsheets', ['get', 'batchUpdate']);

/** The `Sheets` global of the Advanced Sheets service. */
export class FakeSheetsService {
  readonly Spreadsheets: FakeSheetsSpreadsheets;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {
    this.Spreadsheets = new FakeSheetsSpreadsheets(ctx_);
  }
}
