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

/** SpreadsheetApp bound to the workbook's spreadsheet (container-bound script). */
export class FakeSpreadsheetApp implements AppApi {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;

  /** @param ctx_ the execution */
  constructor(readonly ctx_: ExecutionContext) {}

  /** The spreadsheet the script is bound to. */
  getActive(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.ctx_);
  }

  /** The spreadsheet the script is bound to. */
  getActiveSpreadsheet(): FakeSpreadsheet {
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
    return new FakeUi(this.ctx_);
  }

  /** Nothing to flush: writes apply at once. */
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
