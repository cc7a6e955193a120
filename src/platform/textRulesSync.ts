/**
 * Colours a block by its text with native conditional-format rules ("text is exactly",
 * "text starts with"), keeping every other rule of the sheet: setConditionalFormatRules
 * replaces ALL of a sheet's rules (Apps Script reference, Sheet.setConditionalFormatRules), so
 * the sheet's rules are read, ours (one of our ranges, a text condition) replaced, the rest kept.
 */
import { newConditionalFormatRule } from './services';
import type { Undo } from './undo';
import { nameOf } from './sheetName';
import type { StateRule } from './sheetState';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** One text rule. */
export interface TextRule {
  /** A1 range on its sheet, e.g. B5:P13. */
  readonly range: string;
  readonly when: 'equals' | 'startsWith';
  readonly text: string;
  readonly background: string;
  readonly fontColor: string;
}

const CRITERIA: Record<TextRule['when'], string> = { equals: 'TEXT_EQUAL_TO', startsWith: 'TEXT_STARTS_WITH' };

/** The same conditions as the Sheets API names them (ConditionType), as a read of the sheet's state gives them. */
const API_TYPES: Record<TextRule['when'], string> = { equals: 'TEXT_EQ', startsWith: 'TEXT_STARTS_WITH' };

/**
 * Puts the rules on the sheet, in order (the first that holds wins), unless they are there.
 * @param sheet the sheet
 * @param rules the rules
 * @param undo where the old rules are registered
 * @return true when the sheet's rules changed
 */
export function applyTextRules(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rules: readonly TextRule[],
  undo: Undo,
): boolean {
  const current = sheet.getConditionalFormatRules();
  const ranges = new Set(rules.map((r) => r.range));
  // each rule's range asked once (a call each), for the test below and for its key
  const a1 = new Map<Rule, string>();
  const a1Of = (rule: Rule, on = rule.getRanges()): string => {
    if (!a1.has(rule)) a1.set(rule, on[0].getA1Notation());
    return a1.get(rule) ?? '';
  };
  const ours = (rule: Rule) => {
    const on = rule.getRanges();
    const type = String(rule.getBooleanCondition()?.getCriteriaType() ?? '');
    return on.length === 1 && ranges.has(a1Of(rule, on)) && Object.values(CRITERIA).includes(type);
  };
  const present = current.filter(ours).map((rule) => ruleKey_(rule, a1Of(rule)));
  if (sameKeys_(present, rules)) return false;
  const built = rules.map((r) => {
    const builder = newConditionalFormatRule()
      .setRanges([sheet.getRange(r.range)])
      .setBackground(r.background)
      .setFontColor(r.fontColor);
    if (r.when === 'equals') builder.whenTextEqualTo(r.text);
    else builder.whenTextStartsWith(r.text);
    return builder.build();
  });
  undo.add(() => sheet.setConditionalFormatRules(current), `สีของชีต "${nameOf(sheet)}"`);
  sheet.setConditionalFormatRules([...current.filter((rule) => !ours(rule)), ...built]);
  return true;
}

/**
 * Whether the sheet's rules, as read with its state (sheetState.ts), are already ours as
 * applyTextRules would leave them (then it need not be called: it would read them again and
 * change nothing). The same test as applyTextRules': ours are the rules on one of our ranges
 * alone with a text condition, in order.
 * @param current the sheet's rules as read
 * @param rules the rules wanted
 */
export function textRulesInPlace(current: readonly StateRule[], rules: readonly TextRule[]): boolean {
  const ranges = new Set(rules.map((r) => r.range));
  const types = Object.values(API_TYPES);
  const present = current
    .filter((rule) => rule.ranges.length === 1 && ranges.has(rule.ranges[0]) && types.includes(rule.type))
    .map((rule) =>
      [rule.ranges[0], rule.type, rule.values[0] ?? '', rule.background, rule.text].join('|').toLowerCase(),
    );
  return sameKeys_(present, rules, API_TYPES);
}

/**
 * Whether the keys of the rules present are those of the rules wanted, in order.
 * @param present the keys of our rules on the sheet
 * @param rules the rules wanted
 * @param types how the present keys name the conditions (SpreadsheetApp's or the API's names)
 */
function sameKeys_(
  present: readonly string[],
  rules: readonly TextRule[],
  types: Record<TextRule['when'], string> = CRITERIA,
): boolean {
  const wanted = rules.map((r) => [r.range, types[r.when], r.text, r.background, r.fontColor].join('|').toLowerCase());
  return present.length === wanted.length && present.every((key, i) => key === wanted[i]);
}

/**
 * A comparable key of one of our rules as the sheet has it.
 * @param rule the rule
 * @param range its range's A1, as already asked
 */
function ruleKey_(rule: Rule, range: string): string {
  const c = rule.getBooleanCondition() as GoogleAppsScript.Spreadsheet.BooleanCondition;
  return [
    range,
    String(c.getCriteriaType()),
    String(c.getCriteriaValues()[0]),
    c.getBackground() ?? '',
    c.getFontColor() ?? '',
  ]
    .join('|')
    .toLowerCase();
}
