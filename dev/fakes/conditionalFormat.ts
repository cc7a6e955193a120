/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule() builder, the rules it builds
 * and their boolean conditions. Only boolean conditions are modelled (no gradients).
 */
import { instrument } from './callLedger';
import { BooleanCriteria } from './enums';
import type { ExecutionContext, RuleModel, SheetRect } from './model';
import { FakeRange } from './range';
import type { FakeOf } from './types';

type Criteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;

/**
 * Colour as Sheets reports it (lower-case hex); null stays null.
 * @param color CSS colour
 */
export function normalizeColor(color: string | null): string | null {
  return color === null ? null : color.trim().toLowerCase();
}

/**
 * A copy of a stored rule (ranges and values copied).
 * @param rule the rule
 */
export function copyRule(rule: RuleModel): RuleModel {
  return {
    ...rule,
    ranges: rule.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    values: [...rule.values],
  };
}

const BUILDER_METHODS = [
  'build',
  'copy',
  'getRanges',
  'getBooleanCondition',
  'setBackground',
  'setBold',
  'setFontColor',
  'setRanges',
  'whenCellEmpty',
  'whenNumberBetween',
  'whenNumberEqualTo',
  'whenNumberGreaterThan',
  'whenNumberGreaterThanOrEqualTo',
  'whenNumberLessThan',
  'whenTextContains',
  'whenTextEqualTo',
  'whenTextStartsWith',
  'withCriteria',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder)[];

/** Builder for conditional-format rules. */
export class FakeConditionalFormatRuleBuilder
  implements FakeOf<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, (typeof BUILDER_METHODS)[number]>
{
  private rule_: RuleModel;
  private hasCondition_: boolean;

  /**
   * @param ctx_ the execution
   * @param from_ a rule to start from (copy())
   */
  constructor(
    readonly ctx_: ExecutionContext,
    from_?: RuleModel,
  ) {
    this.rule_ = from_
      ? copyRule(from_)
      : {
          ranges: [],
          criteria: BooleanCriteria.CELL_NOT_EMPTY,
          values: [],
          background: null,
          fontColor: null,
          bold: null,
        };
    this.hasCondition_ = from_ !== undefined;
  }

  private when_(criteria: Criteria, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this.rule_.criteria = criteria;
    this.rule_.values = values;
    this.hasCondition_ = true;
    return this;
  }

  /** Builds the rule. */
  build(): FakeConditionalFormatRule {
    if (!this.hasCondition_) throw new Error('The conditional format rule has no condition.');
    return new FakeConditionalFormatRule(this.ctx_, copyRule(this.rule_));
  }

  /** A builder with the same settings. */
  copy(): FakeConditionalFormatRuleBuilder {
    const copy = new FakeConditionalFormatRuleBuilder(this.ctx_, this.rule_);
    copy.hasCondition_ = this.hasCondition_;
    return copy;
  }

  /** The ranges set so far. */
  getRanges(): FakeRange[] {
    return this.rule_.ranges.map((r) => new FakeRange(this.ctx_, r.sheet, r.rect));
  }

  /** The condition set so far, if any. */
  getBooleanCondition(): FakeBooleanCondition | null {
    return this.hasCondition_ ? new FakeBooleanCondition(this.ctx_, copyRule(this.rule_)) : null;
  }

  /** @param color background when the condition holds (null: unchanged) */
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.rule_.background = normalizeColor(color);
    return this;
  }

  /** @param bold bold when the condition holds (null: unchanged) */
  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    this.rule_.bold = bold;
    return this;
  }

  /** @param color font colour when the condition holds (null: unchanged) */
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.rule_.fontColor = normalizeColor(color);
    return this;
  }

  /** @param ranges the ranges the rule applies to */
  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    this.rule_.ranges = ranges.map((r): SheetRect => ({ sheet: r.sheet_, rect: { ...r.rect_ } }));
    return this;
  }

  /** Condition: the cell is empty. */
  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.CELL_EMPTY, []);
  }

  /** @param start lower bound @param end upper bound */
  whenNumberBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.NUMBER_BETWEEN, [start, end]);
  }

  /** @param n the number */
  whenNumberEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.NUMBER_EQUAL_TO, [n]);
  }

  /** @param n exclusive lower bound */
  whenNumberGreaterThan(n: number): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.NUMBER_GREATER_THAN, [n]);
  }

  /** @param n inclusive lower bound */
  whenNumberGreaterThanOrEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]);
  }

  /** @param n exclusive upper bound */
  whenNumberLessThan(n: number): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.NUMBER_LESS_THAN, [n]);
  }

  /** @param text substring */
  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.TEXT_CONTAINS, [text]);
  }

  /** @param text the text */
  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }

  /** @param text prefix */
  whenTextStartsWith(text: string): FakeConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.TEXT_STARTS_WITH, [text]);
  }

  /** @param criteria any boolean criteria @param args its values */
  withCriteria(criteria: Criteria, args: unknown[]): FakeConditionalFormatRuleBuilder {
    return this.when_(criteria, [...args]);
  }
}
instrument(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder', BUILDER_METHODS);

const RULE_METHODS = [
  'copy',
  'getBooleanCondition',
  'getGradientCondition',
  'getRanges',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.ConditionalFormatRule)[];

/** A conditional-format rule. */
export class FakeConditionalFormatRule
  implements FakeOf<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, (typeof RULE_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param model_ the rule
   * @param readBack_ read back from a sheet (not a builder's local object: platform.ts ruleGetters)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: RuleModel,
    readonly readBack_ = false,
  ) {}

  /** A builder starting from this rule. */
  copy(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this.ctx_, this.model_);
  }

  /** The rule's boolean condition. */
  getBooleanCondition(): FakeBooleanCondition {
    return new FakeBooleanCondition(this.ctx_, this.model_, this.readBack_);
  }

  /** Always null: gradients are not modelled. */
  getGradientCondition(): null {
    return null;
  }

  /** The ranges the rule applies to. */
  getRanges(): FakeRange[] {
    return this.model_.ranges.map((r) => new FakeRange(this.ctx_, r.sheet, r.rect));
  }
}
instrument(FakeConditionalFormatRule, 'ConditionalFormatRule', RULE_METHODS);

const CONDITION_METHODS = [
  'getBackground',
  'getBold',
  'getCriteriaType',
  'getCriteriaValues',
  'getFontColor',
  'getItalic',
  'getStrikethrough',
  'getUnderline',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.BooleanCondition)[];

/** The condition and formatting of a rule. */
export class FakeBooleanCondition
  implements FakeOf<GoogleAppsScript.Spreadsheet.BooleanCondition, (typeof CONDITION_METHODS)[number]>
{
  /**
   * @param ctx_ the execution
   * @param model_ the rule
   * @param readBack_ read back from a sheet (platform.ts ruleGetters applies)
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly model_: RuleModel,
    readonly readBack_ = false,
  ) {}

  /** Background applied when the condition holds, or null (capitals read back under `ruleGetters: 'lossy'`). */
  getBackground(): string | null {
    return this.readBack_ ? lossy_(this.ctx_, this.model_.background) : this.model_.background;
  }

  /** Bold applied when the condition holds, or null. */
  getBold(): boolean | null {
    return this.model_.bold;
  }

  /** The criteria, e.g. NUMBER_BETWEEN. */
  getCriteriaType(): Criteria {
    return this.model_.criteria;
  }

  /** The criteria's values. */
  getCriteriaValues(): unknown[] {
    return [...this.model_.values];
  }

  /** Font colour applied when the condition holds, or null (capitals read back under `ruleGetters: 'lossy'`). */
  getFontColor(): string | null {
    return this.readBack_ ? lossy_(this.ctx_, this.model_.fontColor) : this.model_.fontColor;
  }

  /** Not modelled: null. */
  getItalic(): null {
    return null;
  }

  /** Not modelled: null. */
  getStrikethrough(): null {
    return null;
  }

  /** Not modelled: null. */
  getUnderline(): null {
    return null;
  }
}
instrument(FakeBooleanCondition, 'BooleanCondition', CONDITION_METHODS);

/** A colour as the getters give it back (platform.ts `ruleGetters`). */
function lossy_(ctx: ExecutionContext, colour: string | null): string | null {
  return ctx.book.platform.ruleGetters === 'lossy' && colour !== null ? colour.toUpperCase() : colour;
}
