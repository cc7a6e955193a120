/** Data validation: SpreadsheetApp.newDataValidation() builder and the rules it builds. */
import { instrument } from './callLedger';
import { DataValidationCriteria } from './enums';
import type { ExecutionContext, ValidationModel } from './model';
import type { FakeRange } from './range';
import type { FakeOf } from './types';
import { isDate } from './values';

type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

/**
 * A deep-enough copy of criteria values (arrays and Dates copied, ranges shared).
 * @param values criteria values
 */
export function copyCriteriaValues(values: readonly unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : isDate(v) ? new Date(v.getTime()) : v));
}

const BUILDER_METHODS = [
  'build',
  'copy',
  'requireCheckbox',
  'requireDate',
  'requireNumberBetween',
  'requireNumberGreaterThanOrEqualTo',
  'requireTextIsEmail',
  'requireTextIsUrl',
  'requireValueInList',
  'requireValueInRange',
  'requireFormulaSatisfied',
  'setAllowInvalid',
  'setHelpText',
  'withCriteria',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DataValidationBuilder)[];

/** Builder for data-validation rules. New rules allow invalid data (with a warning) by default. */
export class FakeDataValidationBuilder
  implements FakeOf<GoogleAppsScript.Spreadsheet.DataValidationBuilder, (typeof BUILDER_METHODS)[number]>
{
  private criteria_: Criteria | null = null;
  private values_: unknown[] = [];
  private allowInvalid_ = true;
  private helpText_ = '';

  /**
   * @param ctx_ the execution
   * @param from_ a rule to start from (copy())
   */
  constructor(
    readonly ctx_: ExecutionContext,
    from_?: ValidationModel,
  ) {
    if (from_) {
      this.criteria_ = from_.criteria;
      this.values_ = copyCriteriaValues(from_.values);
      this.allowInvalid_ = from_.allowInvalid;
      this.helpText_ = from_.helpText;
    }
  }

  private set_(criteria: Criteria, values: unknown[]): FakeDataValidationBuilder {
    this.criteria_ = criteria;
    this.values_ = values;
    return this;
  }

  /** Builds the rule. */
  build(): FakeDataValidation {
    if (this.criteria_ === null) throw new Error('The data validation rule has no criteria.');
    return new FakeDataValidation(this.ctx_, {
      criteria: this.criteria_,
      values: copyCriteriaValues(this.values_),
      allowInvalid: this.allowInvalid_,
      helpText: this.helpText_,
    });
  }

  /** A builder with the same settings. */
  copy(): FakeDataValidationBuilder {
    const copy = new FakeDataValidationBuilder(this.ctx_);
    copy.criteria_ = this.criteria_;
    copy.values_ = copyCriteriaValues(this.values_);
    copy.allowInvalid_ = this.allowInvalid_;
    copy.helpText_ = this.helpText_;
    return copy;
  }

  /** @param checked optional checked value @param unchecked optional unchecked value */
  requireCheckbox(checked?: unknown, unchecked?: unknown): FakeDataValidationBuilder {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.set_(DataValidationCriteria.CHECKBOX, values);
  }

  /** Requires a date. */
  requireDate(): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }

  /** @param start lower bound @param end upper bound */
  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }

  /** @param n inclusive lower bound */
  requireNumberGreaterThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]);
  }

  /** Requires an e-mail address. */
  requireTextIsEmail(): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }

  /** Requires a URL. */
  requireTextIsUrl(): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.TEXT_IS_VALID_URL, []);
  }

  /** @param values allowed values @param showDropdown show a dropdown (default true) */
  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }

  /** @param range range holding the allowed values @param showDropdown show a dropdown (default true) */
  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }

  /** @param formula a custom formula (stored, not evaluated) */
  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    return this.set_(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }

  /** @param allowInvalid false: reject invalid input; true: only warn */
  setAllowInvalid(allowInvalid: boolean): FakeDataValidationBuilder {
    this.allowInvalid_ = allowInvalid;
    return this;
  }

  /** @param helpText text shown on hover */
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.helpText_ = helpText;
    return this;
  }

  /** @param criteria any criteria @param args its values */
  withCriteria(criteria: Criteria, args: unknown[]): FakeDataValidationBuilder {
    return this.set_(criteria, copyCriteriaValues(args));
  }
}
instrument(FakeDataValidationBuilder, 'DataValidationBuilder', BUILDER_METHODS);

const RULE_METHODS = [
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DataValidation)[];

/**
 * A data-validation rule. One read from a cell (getDataValidation(s)) also knows where that cell
 * sat in the block the rule was set on, so writing it back (setDataValidations, e.g. an undo)
 * restores the same rule; a rule from build() has no place of its own.
 */
export class FakeDataValidation
  implements FakeOf<GoogleAppsScript.Spreadsheet.DataValidation, (typeof RULE_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param model_ the rule
   * @param at_ the cell's [row, col] in the block the rule was set on, when read from a cell
   * @param readBack_ read back from a cell (not a builder's local object: platform.ts ruleGetters)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: ValidationModel,
    readonly at_?: readonly [number, number],
    readonly readBack_ = false,
  ) {}

  /** A builder starting from this rule. */
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.ctx_, this.model_);
  }

  /** Whether invalid input is only warned about. */
  getAllowInvalid(): boolean {
    return this.model_.allowInvalid;
  }

  /** The criteria, e.g. VALUE_IN_LIST. */
  getCriteriaType(): Criteria {
    return this.model_.criteria;
  }

  /** The criteria's values, e.g. [["a", "b"], true] for a list with a dropdown. */
  getCriteriaValues(): unknown[] {
    return copyCriteriaValues(this.model_.values);
  }

  /** The help text ("" when none; read back, always "" under platform.ts `ruleGetters: 'lossy'`). */
  getHelpText(): string {
    return this.readBack_ && this.ctx_.book.platform.ruleGetters === 'lossy' ? '' : this.model_.helpText;
  }
}
instrument(FakeDataValidation, 'DataValidation', RULE_METHODS);
