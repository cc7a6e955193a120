/** Fake SpreadsheetApp of one execution. */
import { instrument } from './callLedger';
import { FakeConditionalFormatRuleBuilder } from './conditionalFormat';
import { FakeDataValidationBuilder } from './dataValidation';
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  ProtectionType,
} from './enums';
import type { ExecutionContext } from './model';
import type { FakeRange } from './range';
import { activeSheetOf, FakeSpreadsheet } from './spreadsheet';
import { FakeSheet } from './sheet';
import type { FakeOf } from './types';
import { FakeUi } from './ui';

const APP_METHODS = [
  'getActive',
  'getActiveSpreadsheet',
  'openById',
  'getActiveSheet',
  'getActiveRange',
  'setActiveSheet',
  'setActiveRange',
  'getUi',
  'flush',
  'newConditionalFormatRule',
  'newDataValidation',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.SpreadsheetApp)[];

type AppApi = FakeOf<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | (typeof APP_METHODS)[number]
  | 'ProtectionType'
  | 'DataValidationCriteria'
  | 'BooleanCriteria'
  | 'DeveloperMetadataVisibility'
  | 'DeveloperMetadataLocationType'
>;

/**
 * What Apps Script says when openById is given an id it cannot open (a wrong id, or a file the
 * user may not see).
 */
export const OPEN_BY_ID_MESSAGE =
  'Unexpected error while getting the method or property openById on object SpreadsheetApp.';

/** What Apps Script says when a web app asks for the spreadsheet UI. */
export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

/**
 * SpreadsheetApp bound to the workbook's spreadsheet (container-bound script). Run as a web app
 * the script has no active spreadsheet and no UI: "These methods are only available to bound
 * scripts run from the script editor, menu items, dialogs, sidebars, or triggers. When a bound
 * script is run as a web app or via the Apps Script API, these methods are not available"
 * (Apps Script guide, container-bound scripts, special methods); getActive() "returns the
 * currently active spreadsheet, or null if there is none" (reference/spreadsheet/spreadsheet-app).
 */
export class FakeSpreadsheetApp implements AppApi {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /** The spreadsheet the script is bound to; null in a web app. */
  getActive(): FakeSpreadsheet {
    return this.active_();
  }

  /** The spreadsheet the script is bound to; null in a web app. */
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.active_();
  }

  private active_(): FakeSpreadsheet {
    // The real type says Spreadsheet; the reference says "or null if there is none".
    return (this.ctx_.webApp ? null : new FakeSpreadsheet(this.ctx_)) as FakeSpreadsheet;
  }

  /**
   * The workbook by its id (the only one this stand-in has), seen with the user's own rights.
   * @param id the spreadsheet's id
   */
  openById(id: string): FakeSpreadsheet {
    if (id !== this.ctx_.book.id) throw new Error(OPEN_BY_ID_MESSAGE);
    return new FakeSpreadsheet(this.ctx_);
  }

  /** The execution's active sheet. */
  getActiveSheet(): FakeSheet {
    return new FakeSheet(this.ctx_, activeSheetOf(this.ctx_));
  }

  /** The active range, or A1 of the active sheet when nothing was selected. */
  getActiveRange(): FakeRange {
    const active = this.ctx_.activeRange;
    if (active && this.ctx_.book.sheets.includes(active.sheet)) {
      return new FakeSheet(this.ctx_, active.sheet).range_(
        active.rect.row,
        active.rect.col,
        active.rect.numRows,
        active.rect.numCols,
      );
    }
    return new FakeSheet(this.ctx_, activeSheetOf(this.ctx_)).range_(1, 1, 1, 1);
  }

  /** @param sheet becomes the active sheet */
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.ctx_.activeSheet = sheet.sheet_;
    this.ctx_.activeRange = null;
    return sheet;
  }

  /** @param range becomes the active range */
  setActiveRange(range: FakeRange): FakeRange {
    this.ctx_.activeSheet = range.sheet_;
    this.ctx_.activeRange = { sheet: range.sheet_, rect: { ...range.rect_ } };
    return range;
  }

  /** The user interface of this execution. */
  getUi(): FakeUi {
    if (this.ctx_.webApp) throw new Error(NO_UI_MESSAGE);
    return new FakeUi(this.ctx_);
  }

  /**
   * "Applies all pending Spreadsheet changes" (reference/spreadsheet/spreadsheet-app#flush()):
   * writes apply at once in the fake, but the ledger throws here a write error still pending
   * from a 'late' fault (see callLedger commitsWrites).
   */
  flush(): void {}

  /** A new conditional-format rule builder. */
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.ctx_);
  }

  /** A new data-validation builder. */
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.ctx_);
  }
}
instrument(FakeSpreadsheetApp, 'SpreadsheetApp', APP_METHODS);
