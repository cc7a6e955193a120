/**
 * Puts the colour-band rules on a sheet. setConditionalFormatRules replaces ALL of a sheet's
 * rules (Apps Script reference, Sheet.setConditionalFormatRules), so the users' own rules are
 * read and kept; only rules on our ranges with our kind of condition are replaced.
 */
import type { BandRule } from '../features/counting/sheets/bandRules';
import type { StateRule } from './sheetState';
import type { Undo } from './undo';
import { newConditionalFormatRule } from './services';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/**
 * Applies band rules, keeping every other rule; does nothing when they are already there.
 * @param sheet the sheet
 * @param bands the rules that must be there
 * @param undo where the old rules are registered
 * @return true when the sheet's rules were changed
 */
export function applyBandRules(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  bands: readonly BandRule[],
  undo: Undo,
): boolean {
  const current = sheet.getConditionalFormatRules();
  const ours = new Set(bands.map((b) => b.range));
  const wanted = bands.map(bandKey_);
  const kept = current.filter((rule) => !isOurs_(rule, ours));
  const present = current.filter((rule) => isOurs_(rule, ours)).map(ruleKey_);
  if (present.length === wanted.length && present.every((key, i) => key === wanted[i])) return false;
  const built = bands.map((b) => {
    const builder = newConditionalFormatRule()
      .setRanges([sheet.getRange(b.range)])
      .setBackground(b.background)
      .setFontColor(b.text);
    if (b.when.kind === 'numberEquals') builder.whenNumberEqualTo(b.when.value);
    else builder.whenTextEqualTo(b.when.value);
    return builder.build();
  });
  undo.add(() => sheet.setConditionalFormatRules(current));
  sheet.setConditionalFormatRules([...kept, ...built]);
  return true;
}

/**
 * Whether the band rules are already there, judged from one read of the sheet's rules
 * (sheetState.ts) without a call: the same test as applyBandRules (our rules, in order, as
 * wanted), on the API's form of them (condition types NUMBER_EQ and TEXT_EQ: Sheets API
 * reference, ConditionType). False whenever applyBandRules would change something, so the
 * caller runs it then.
 * @param known the sheet's rules as read
 * @param bands the rules that must be there
 */
export function bandRulesHold(known: readonly StateRule[], bands: readonly BandRule[]): boolean {
  const ours = new Set(bands.map((b) => b.range));
  const present = known
    .filter((r) => r.ranges.length === 1 && ours.has(r.ranges[0]) && (r.type === 'NUMBER_EQ' || r.type === 'TEXT_EQ'))
    .map((r) =>
      [
        r.ranges[0],
        r.type === 'NUMBER_EQ' ? 'numberEquals' : 'textEquals',
        r.values[0] ?? '',
        r.background,
        r.text,
      ].join('|'),
    );
  const wanted = bands.map(bandKey_);
  return present.length === wanted.length && present.every((key, i) => key === wanted[i]);
}

/** A rule is ours when it covers exactly one of our ranges with an equals condition. */
function isOurs_(rule: Rule, ours: ReadonlySet<string>): boolean {
  const ranges = rule.getRanges();
  const condition = rule.getBooleanCondition();
  if (!condition || ranges.length !== 1 || !ours.has(ranges[0].getA1Notation())) return false;
  const type = String(condition.getCriteriaType());
  return type === 'NUMBER_EQUAL_TO' || type === 'TEXT_EQUAL_TO';
}

/** Comparable key of an existing rule. */
function ruleKey_(rule: Rule): string {
  const c = rule.getBooleanCondition() as GoogleAppsScript.Spreadsheet.BooleanCondition; // isOurs_ checked it
  const kind = String(c.getCriteriaType()) === 'NUMBER_EQUAL_TO' ? 'numberEquals' : 'textEquals';
  return [
    rule.getRanges()[0].getA1Notation(),
    kind,
    String(c.getCriteriaValues()[0]),
    lower_(c.getBackground()),
    lower_(c.getFontColor()),
  ].join('|');
}

/** Comparable key of a wanted rule. */
function bandKey_(b: BandRule): string {
  return [b.range, b.when.kind, String(b.when.value), lower_(b.background), lower_(b.text)].join('|');
}

function lower_(colour: string | null): string {
  return (colour ?? '').toLowerCase();
}
