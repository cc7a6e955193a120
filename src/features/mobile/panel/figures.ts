/**
 * What the mobile page says of the measures (no DOM): the fiscal year's measures in its order,
 * as the server's state and preview list them, each in the catalogue's words.
 */
import type { DistrictStanding } from '../../../app/api';
import type { MeasureCounts, MeasureKey } from '../../../kernel/measures';
import { num, pct } from '../../../sidebar/format';

/** Each measure's short label and unit on the page. */
const WORDS: Readonly<Record<MeasureKey, readonly [label: string, unit: string]>> = {
  activities: ['กิจกรรม', 'ครั้ง'],
  channels: ['ช่องทาง', 'ช่องทาง'],
  newOperators: ['รายใหม่', 'ราย'],
};

/**
 * How a district's card says each measure; `alone`: on a line of its own (new operators, with
 * the target and the percentage), the others side by side.
 */
const CARD: Readonly<Record<MeasureKey, { readonly alone: boolean; readonly text: (d: DistrictStanding) => string }>> =
  {
    activities: { alone: false, text: (d) => `กิจกรรม ${num(d.activities)} ครั้ง` },
    channels: { alone: false, text: (d) => `ช่องทาง ${num(d.channels)} ช่องทาง` },
    newOperators: {
      alone: true,
      text: (d) =>
        `ผู้ประกอบการรายใหม่ ${num(d.newOperators)}/${d.target === null ? '–' : num(d.target)} ราย (${d.percent === null ? '–' : pct(d.percent)}%)`,
    },
  };

/**
 * A district card's lines of its measures, in the year's order: a measure that stands alone on
 * its own line, the others in between joined on one.
 * @param d the district's standing
 * @param measures the fiscal year's measures (the state's)
 */
export function cardLines(d: DistrictStanding, measures: readonly MeasureKey[]): string[] {
  const lines: string[][] = [];
  let joined: string[] | null = null;
  for (const key of measures) {
    const { alone, text } = CARD[key];
    if (alone) {
      lines.push([text(d)]);
      joined = null;
    } else {
      if (!joined) {
        joined = [];
        lines.push(joined);
      }
      joined.push(text(d));
    }
  }
  return lines.map((line) => line.join(' · '));
}

/**
 * A preview's figures in one line: each of the duty's year's measures, its count and unit.
 * @param figures the counts
 * @param measures the duty's fiscal year's measures (the preview's)
 */
export function figuresLine(figures: MeasureCounts, measures: readonly MeasureKey[]): string {
  return measures.map((key) => `${WORDS[key][0]} ${num(figures[key])} ${WORDS[key][1]}`).join(' · ');
}

/**
 * What a monthly report's month added, in one line (without units).
 * @param changes the month's changes
 * @param measures the duty's fiscal year's measures (the preview's)
 */
export function changesLine(changes: MeasureCounts | null, measures: readonly MeasureKey[]): string {
  return `เดือนนี้เพิ่ม: ${measures.map((key) => `${WORDS[key][0]} ${num(changes?.[key])}`).join(' · ')}`;
}
