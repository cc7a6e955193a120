/**
 * The next fiscal year's baseline as the year switch carries it (docs/fiscal-years.md): the old
 * baseline's rows and every operator counted new in the finished year, each row saying where it
 * came from. Pure: both doors write what it plans.
 */
import type { NewOperator } from '../../counting/rules/tally';
import { BASELINE_LAYOUT } from '../../counting/rules/entryLayout';
import { type Layout, yearLayout } from '../../../kernel/layout';
import { cleanText } from '../../../kernel/text';
import { formatThaiDate } from '../../../kernel/thaiDate';

/** The provenance column of a carried baseline. */
const BASELINE_SOURCE = 'ที่มา';

/** The next year's baseline: its rows, the header first, and how many came from where. */
export interface CarriedRows {
  /** The header, then the rows. */
  readonly rows: readonly string[][];
  /** The old baseline's rows carried. */
  readonly old: number;
  /** The operators counted new in the finished year. */
  readonly added: number;
}

/**
 * The next year's baseline's rows.
 * @param old the old baseline's sheet (its name and values) or null when there is none
 * @param year the finished fiscal year
 * @param added the operators counted new in it, with their district's name
 */
export function carriedBaseline(
  old: { readonly name: string; readonly values: readonly (readonly unknown[])[] } | null,
  year: number,
  added: readonly (NewOperator & { readonly districtName: string })[],
): CarriedRows {
  const layout = yearLayout(BASELINE_LAYOUT as Layout<string>, year + 1);
  const header = [...layout.headers, BASELINE_SOURCE];
  const rows: string[][] = [];
  if (old) {
    const values = old.values;
    const at = (h: string) => (values[0] ?? []).findIndex((v) => cleanText(String(v)) === h);
    const cols = BASELINE_LAYOUT.headers.map(at);
    const source = (values[0] ?? []).findIndex((v) => cleanText(String(v)) === BASELINE_SOURCE);
    values.slice(1).forEach((r, i) => {
      const cells = cols.map((c) => (c < 0 ? '' : String(r[c] ?? '').trim()));
      if (cells.every((c) => c === '')) return;
      const was = source >= 0 ? String(r[source] ?? '').trim() : '';
      rows.push([...cells, was || `ฐานของปีงบประมาณ ${year} (ชีต "${old.name}" แถว ${i + 2})`]);
    });
  }
  const oldCount = rows.length;
  for (const o of added) {
    const day = formatThaiDate(o.day, { form: 'short', digits: 'arabic' });
    rows.push([
      o.districtName,
      o.regNoText,
      o.name,
      `รายใหม่ปีงบประมาณ ${year} ของ อ.${o.districtName} (ออนไลน์ ${day} ${o.channels.join(', ')})`,
    ]);
  }
  return { rows: [header, ...rows], old: oldCount, added: added.length };
}
