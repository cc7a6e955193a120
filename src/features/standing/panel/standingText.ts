/**
 * What the standing's cards and the province total say of the measures (no DOM): the fiscal
 * year's measures in its order, as the server's state lists them, each in the catalogue's words.
 */
import type { DistrictStanding, SidebarState } from '../../../app/api';
import { num, pct } from '../../../sidebar/format';
import type { MeasureKey, SummedMeasureKey } from '../../../kernel/measures';

type Total_ = NonNullable<SidebarState['total']>;

/** How a district's card says each measure. */
const CARD_TEXT: Readonly<Record<MeasureKey, (d: DistrictStanding) => string>> = {
  activities: (d) => `กิจกรรม ${num(d.activities)} ครั้ง`,
  channels: (d) => `ช่องทาง ${num(d.channels)}`,
  // New operators against the target, with the percentage (of the registered: new operators' alone).
  newOperators: (d) => `รายใหม่ ${num(d.newOperators)}/${figure_(d.target, String)} ราย (${figure_(d.percent, pct)}%)`,
};

/** How the province total says each measure it adds up (channels are not added up). */
const TOTAL_TEXT: Readonly<Record<SummedMeasureKey, (t: Total_) => string>> = {
  activities: (t) => `กิจกรรม ${num(t.activities)} ครั้ง`,
  newOperators: (t) =>
    `รายใหม่ ${num(t.newOperators)}/${num(t.target)} ราย (${figure_(t.percent, pct)}% ของ ${num(t.registered)} ราย)`,
};

/**
 * Whether the province total adds a measure up.
 * @param key the measure
 */
function summed_(key: MeasureKey): key is SummedMeasureKey {
  return key in TOTAL_TEXT;
}

/**
 * What a district's card says of its measures: the fiscal year's, in its order (the catalogue's words).
 * @param d the district's standing
 * @param measures the fiscal year's measures (the state's)
 */
export function cardLine(d: DistrictStanding, measures: readonly MeasureKey[]): string {
  return d.problem ? 'นับไม่ได้' : measures.map((key) => CARD_TEXT[key](d)).join(' · ');
}

/**
 * What the province total says: the fiscal year's measures it adds up, in its order.
 * @param t the province total
 * @param measures the fiscal year's measures (the state's)
 */
export function totalLine(t: Total_, measures: readonly MeasureKey[]): string {
  return measures
    .filter(summed_)
    .map((key) => TOTAL_TEXT[key](t))
    .join(' · ');
}

/**
 * A figure, or — where the server could not compute it.
 * @param value the figure, or null
 * @param show how to write it
 */
function figure_(value: number | null | undefined, show: (n: number) => string): string {
  return typeof value === 'number' && Number.isFinite(value) ? show(value) : '—';
}
