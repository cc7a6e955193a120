/**
 * The province's board at a glance: one line per district, those with overdue duties first,
 * with a coloured square per duty (the twelve months, then the rounds; its text as the
 * square's title and label) and the counts; then submitting on a district's behalf.
 */
import type { DutiesView } from '../action/dutiesApi';
import { add, button, el, label, option, refill, withId } from '../../../sidebar/dom';
import type { SubmitFlow } from './submitFlow';

/**
 * The board, as an element.
 * @param view the duties
 * @param flow the submit panel
 */
export function boardView(view: DutiesView, flow: SubmitFlow): HTMLElement {
  const out = withId('div', 'board');
  const districts = view.districts ?? [];
  if (districts.length === 0) {
    add(out, el('p', 'muted', 'ยังไม่มีตารางอำเภอ'));
    return out;
  }
  for (const d of districts) {
    const line = el('div', `boardRow${d.overdue > 0 ? ' late' : ''}`);
    line.dataset.district = d.district;
    const counts = [
      d.overdue ? `เลยกำหนด ${d.overdue}` : '',
      d.late ? `ส่งช้า ${d.late}` : '',
      `ส่งแล้ว ${d.onTime + d.late}`,
    ]
      .filter(Boolean)
      .join(' · ');
    add(line, add(el('div', 'top'), el('strong', '', `อ.${d.district}`), el('span', 'muted', counts)));
    const cells = el('div', 'cells');
    for (const x of d.duties) {
      const cell = el('span', `cell ${x.state}`, x.kind === 'round' ? `ร${x.period}` : '');
      cell.title = `${x.header}: ${x.text}`;
      cell.setAttribute('aria-label', `${x.header} ${x.text}`);
      add(cells, cell);
    }
    add(line, cells);
    if (d.officers === 0) add(line, el('div', 'missing', 'ยังไม่ได้ระบุอีเมลเจ้าหน้าที่ (ไม่ได้รับการแจ้งเตือน)'));
    add(out, line);
  }
  add(
    out,
    el(
      'p',
      'muted',
      'สี: เขียว ส่งแล้ว · เหลือง ส่งช้า · แดง เลยกำหนด ยังไม่ส่ง · เทา ยังไม่ถึงกำหนด (รายละเอียดในชีต “สถานะการส่งรายงาน”)',
    ),
  );
  add(out, behalf_(view, flow));
  return out;
}

/** Choosing a district and an open duty to submit on its behalf. */
function behalf_(view: DutiesView, flow: SubmitFlow): HTMLElement {
  const box = withId('div', 'behalf');
  const districtSelect = withId('select', 'behalfDistrict');
  const dutySelect = withId('select', 'behalfDuty');
  const districts = view.districts ?? [];
  const fillDuties = () => {
    const d = districts.find((x) => x.district === districtSelect.value);
    refill(dutySelect, (s) => {
      const open = (d?.duties ?? []).filter((x) => x.open);
      if (open.length === 0) add(s, option('', '— ยังไม่มีรายงานที่ส่งได้ —'));
      for (const x of open) add(s, option(`${x.kind}:${x.period}`, `${x.title} (${x.text})`));
      const first = open.find((x) => x.state === 'overdue' || x.state === 'notYetDue') ?? open[0];
      return first ? `${first.kind}:${first.period}` : '';
    });
  };
  refill(districtSelect, (s) => {
    for (const d of districts) add(s, option(d.district, `อ.${d.district}`));
    return districts[0]?.district ?? '';
  });
  fillDuties();
  districtSelect.addEventListener('change', fillDuties);
  const go = button('btnBehalf', 'secondary', 'ตรวจทานก่อนส่งแทน', () => {
    const [kind, period] = dutySelect.value.split(':');
    if (!kind || !period) return;
    flow.open({ kind: kind === 'round' ? 'round' : 'month', period, district: districtSelect.value });
  });
  add(
    box,
    label('behalfDistrict', 'ส่งรายงานแทนอำเภอ'),
    add(el('div', 'row'), districtSelect),
    add(el('div', 'row spaced'), dutySelect),
    add(el('div', 'row spaced'), go),
  );
  return box;
}
