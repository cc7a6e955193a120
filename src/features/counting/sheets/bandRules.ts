/**
 * Colour bands as conditional-format rules (value-based: number or text equals), so a cell
 * changes colour the moment its score changes.
 */
import type { Criteria } from '../../../kernel/criteria';

/** One conditional-format rule. */
export interface BandRule {
  /** A1 range on its sheet, e.g. L2:L10. */
  readonly range: string;
  readonly when: { kind: 'numberEquals'; value: number } | { kind: 'textEquals'; value: string };
  readonly background: string;
  readonly text: string;
}

/**
 * The band rules of a score column and a level column.
 * @param criteria the criteria (levels, names and colours)
 * @param scoreRange A1 range of scores
 * @param levelRange A1 range of level names
 */
export function bandRules(criteria: Criteria, scoreRange: string, levelRange: string): BandRule[] {
  const all = [...criteria.levels, criteria.below];
  return [
    ...all.map(
      (l): BandRule => ({
        range: scoreRange,
        when: { kind: 'numberEquals', value: l.score },
        background: l.band.background,
        text: l.band.text,
      }),
    ),
    ...all.map(
      (l): BandRule => ({
        range: levelRange,
        when: { kind: 'textEquals', value: l.name },
        background: l.band.background,
        text: l.band.text,
      }),
    ),
  ];
}
