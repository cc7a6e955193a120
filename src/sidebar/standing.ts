/** The standing: one card per district in its level's colours, and the province's total. */
import type { DistrictStanding, SidebarState } from '../server/api';
import { add, el } from './dom';
import { colour, num, pct } from './format';
import type { Part } from './state';

/**
 * The standing, shown in its box.
 * @param box the #standing element
 * @param ownDistrict the caller's district, marked; '' for none
 */
export function standingPart(box: HTMLElement, ownDistrict: string): Part {
  return { show: (state) => showStanding_(box, state, ownDistrict), enable: () => undefined };
}

/**
 * Renders the standing.
 * @param box the #standing element
 * @param state the sidebar state
 * @param mine the caller's district
 */
function showStanding_(box: HTMLElement, state: SidebarState, mine: string): void {
  box.replaceChildren();
  const rows = state.standing ?? [];
  if (rows.length === 0) {
    add(box, el('p', 'muted', state.needsSetUp ? 'ยังไม่มีตารางอำเภอ' : 'ยังไม่มีข้อมูล'));
    return;
  }
  for (const d of rows) add(box, card_(d, mine !== '' && d.district === mine));
  const t = state.total;
  if (!t) {
    add(
      box,
      add(el('div', 'total'), el('strong', '', 'รวมทั้งจังหวัด'), el('div', 'missing', 'รวมไม่ได้จนกว่าทุกอำเภอจะนับได้')),
    );
  } else {
    add(
      box,
      add(
        el('div', 'total'),
        el('strong', '', 'รวมทั้งจังหวัด'),
        el(
          'div',
          '',
          `กิจกรรม ${num(t.activities)} ครั้ง · รายใหม่ ${num(t.newOperators)}/${num(t.target)} ราย (${figure_(t.percent, pct)}% ของ ${num(t.registered)} ราย)`,
        ),
      ),
    );
  }
}

/**
 * One district's card.
 * @param d the district's standing
 * @param mine whether it is the caller's own district
 */
function card_(d: DistrictStanding, mine: boolean): HTMLElement {
  const band = d.band ?? { background: '', text: '' };
  const card = el('div', mine ? 'district mine' : 'district');
  card.style.borderLeftColor = colour(band.background, '#dadce0');
  const chip = el('span', 'chip', d.score === null ? d.level || '' : `${num(d.score)} · ${d.level || ''}`);
  chip.style.backgroundColor = colour(band.background, '#e8eaed');
  chip.style.color = colour(band.text, '#202124');
  add(card, add(el('div', 'top'), el('span', 'name', d.district), chip));
  add(
    card,
    el(
      'div',
      '',
      d.problem
        ? 'นับไม่ได้'
        : `กิจกรรม ${num(d.activities)} ครั้ง · ช่องทาง ${num(d.channels)} · รายใหม่ ${num(d.newOperators)}/${figure_(d.target, String)} ราย (${figure_(d.percent, pct)}%)`,
    ),
  );
  if (d.next) add(card, el('div', 'next', d.next));
  return card;
}

/**
 * A figure, or — where the server could not compute it.
 * @param value the figure, or null
 * @param show how to write it
 */
function figure_(value: number | null | undefined, show: (n: number) => string): string {
  return typeof value === 'number' && Number.isFinite(value) ? show(value) : '—';
}
