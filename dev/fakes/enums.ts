/**
 * Apps Script enums as the fakes expose them. In Apps Script an enum member is an opaque object
 * whose string form is its name (`String(SpreadsheetApp.ProtectionType.RANGE) === 'RANGE'`);
 * the fakes use the name itself, typed as the real enum so that fakes and add-on code agree.
 */

/**
 * Builds a frozen name → name object typed as the real enum. The only cast of the module.
 * @param names the member names
 */
function fakeEnum_<E>(names: readonly string[]): E {
  const members: Record<string, string> = {};
  for (const name of names) members[name] = name;
  return Object.freeze(members) as unknown as E;
}

/** SpreadsheetApp.ProtectionType */
export const ProtectionType = fakeEnum_<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);

/** SpreadsheetApp.DataValidationCriteria */
export const DataValidationCriteria = fakeEnum_<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

/** SpreadsheetApp.BooleanCriteria */
export const BooleanCriteria = fakeEnum_<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

/** SpreadsheetApp.DeveloperMetadataVisibility */
export const DeveloperMetadataVisibility = fakeEnum_<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility>([
  'DOCUMENT',
  'PROJECT',
]);

/** SpreadsheetApp.DeveloperMetadataLocationType */
export const DeveloperMetadataLocationType = fakeEnum_<
  typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType
>(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);

/** Ui.Button */
export const Button = fakeEnum_<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);

/** Ui.ButtonSet */
export const ButtonSet = fakeEnum_<typeof GoogleAppsScript.Base.ButtonSet>([
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);

/** HtmlService.SandboxMode */
export const SandboxMode = fakeEnum_<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);

/** HtmlService.XFrameOptionsMode */
export const XFrameOptionsMode = fakeEnum_<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

/** ScriptApp.TriggerSource */
export const TriggerSource = fakeEnum_<typeof GoogleAppsScript.Script.TriggerSource>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);

/** ScriptApp.EventType */
export const EventType = fakeEnum_<typeof GoogleAppsScript.Script.EventType>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);

/** ScriptApp.AuthMode */
export const AuthMode = fakeEnum_<typeof GoogleAppsScript.Script.AuthMode>([
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
]);

/** Utilities.DigestAlgorithm */
export const DigestAlgorithm = fakeEnum_<typeof GoogleAppsScript.Utilities.DigestAlgorithm>([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
]);

/** Utilities.Charset */
export const Charset = fakeEnum_<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);

/** Charts.ChartType (the members the stand-in's builders set). */
export const ChartType = fakeEnum_<typeof GoogleAppsScript.Charts.ChartType>(['COLUMN', 'LINE']);
