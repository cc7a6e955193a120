/** The standing: one card per district in its level's colours, and the province's total. */
import type { DistrictStanding, SidebarState } from '../../../app/api';
import { add, el } from '../../../sidebar/dom';
import { colour, num } from '../../../sidebar/format';
import type { Part } from '../../../sidebar/state';
import type { MeasureKey } from '../../../kernel/measures';
import { cardLine, totalLine } from './standingText';

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
  // Worst first: the districts that most need help come first (the server's order).
  const place = (d: DistrictStanding) => {
    const at = (state.worstFirst ?? []).indexOf(d.district);
    return at < 0 ? rows.length : at;
  };
  const ordered = [...rows].sort((a, b) => place(a) - place(b));
  const measures = state.measures;
  for (const d of ordered) add(box, card_(d, mine !== '' && d.district === mine, measures));
  const t = state.total;
  if (!t) {
    add(
      box,
      add(el('div', 'total'), el('strong', '', 'รวมทั้งจังหวัด'), el('div', 'missing', 'รวมไม่ได้จนกว่าทุกอำเภอจะนับได้')),
    );
  } else {
    add(box, add(el('div', 'total'), el('strong', '', 'รวมทั้งจังหวัด'), el('div', '', totalLine(t, measures))));
  }
}

/**
 * One district's card.
 * @param d the district's standing
 * @param mine whether it is the caller's own district
 * @param measures the fiscal year's measures
 */
function card_(d: DistrictStanding, mine: boolean, measures: readonly MeasureKey[]): HTMLElement {
  const band = d.band ?? { background: '', text: '' };
  const card = el('div', mine ? 'district mine' : 'district');
  card.style.borderLeftColor = colour(band.background, '#dadce0');
  const chip = el('span', 'chip', d.score === null ? d.level || '' : `${num(d.score)} · ${d.level || ''}`);
  chip.style.backgroundColor = colour(band.background, '#e8eaed');
  chip.style.color = colour(band.text, '#202124');
  add(card, add(el('div', 'top'), el('span', 'name', d.district), add(el('span', 'right'), sparkline_(d), chip)));
  add(card, el('div', '', cardLine(d, measures)));
  if (d.next) add(card, el('div', 'next', d.next));
  return card;
}

const SVG = 'http://www.w3.org/2000/svg';
/** The sparkline's size in CSS pixels. */
const SPARK = { width: 64, height: 18, pad: 2 } as const;

/**
 * A district's trend: its new operators counted by each month's end as a line, its target as a
 * dashed line (inline SVG, no text from the workbook in it). Empty when there is no trend yet.
 * @param d the district's standing
 */
function sparkline_(d: DistrictStanding): Element | null {
  const points = d.trend ?? [];
  if (points.length === 0) return null;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', String(SPARK.width));
  svg.setAttribute('height', String(SPARK.height));
  svg.setAttribute('viewBox', `0 0 ${SPARK.width} ${SPARK.height}`);
  svg.setAttribute('role', 'img');
  const target = typeof d.target === 'number' && d.target > 0 ? d.target : 0;
  const top = Math.max(1, target, ...points);
  const x = (i: number) => SPARK.pad + (i * (SPARK.width - 2 * SPARK.pad)) / 11;
  const y = (v: number) => SPARK.height - SPARK.pad - (v / top) * (SPARK.height - 2 * SPARK.pad);
  const title = document.createElementNS(SVG, 'title');
  title.textContent = `รายใหม่สะสมรายเดือน: ${points.join(', ')}${target ? ` (เป้า ${target})` : ''}`;
  svg.appendChild(title);
  if (target) {
    const goal = document.createElementNS(SVG, 'line');
    goal.setAttribute('x1', String(SPARK.pad));
    goal.setAttribute('x2', String(SPARK.width - SPARK.pad));
    goal.setAttribute('y1', y(target).toFixed(1));
    goal.setAttribute('y2', y(target).toFixed(1));
    goal.setAttribute('class', 'goal');
    svg.appendChild(goal);
  }
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '));
  line.setAttribute('class', 'line');
  svg.appendChild(line);
  // The latest month in the level's colour.
  const last = document.createElementNS(SVG, 'circle');
  last.setAttribute('cx', x(points.length - 1).toFixed(1));
  last.setAttribute('cy', y(points[points.length - 1]).toFixed(1));
  last.setAttribute('r', '2.5');
  last.setAttribute('fill', colour(d.band?.background ?? '', '#e8eaed'));
  last.setAttribute('class', 'now');
  svg.appendChild(last);
  return svg;
}
