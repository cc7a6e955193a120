/** The nine districts of Nong Khai, every spelling the letter uses, and district-name matching. */
import { madeOnFirstUse } from '../../../kernel/remembered';
import { nameKey } from '../../../kernel/text';

/** A district of the letter's target table (enclosure 1). */
export interface District {
  readonly no: number;
  /** Canonical name, without the prefix อำเภอ. */
  readonly name: string;
  /** Other spellings seen in the letter (or in use) for the same district. */
  readonly variants: readonly string[];
  /** Registered operators, September 2564. */
  readonly registered: number;
  /** Operators promoted (already online) in FY 2564. */
  readonly promoted: number;
}

/** Nong Khai's districts with the letter's figures (docs/domain.md#targets). */
export const NONG_KHAI_DISTRICTS: readonly District[] = [
  { no: 1, name: 'เมืองหนองคาย', variants: ['เมืงหนองคาย', 'เมือง'], registered: 241, promoted: 16 },
  { no: 2, name: 'โพนพิสัย', variants: ['โพธิ์พิสัย'], registered: 102, promoted: 18 },
  { no: 3, name: 'ท่าบ่อ', variants: [], registered: 74, promoted: 12 },
  { no: 4, name: 'รัตนวาปี', variants: [], registered: 115, promoted: 10 },
  { no: 5, name: 'เฝ้าไร่', variants: ['เผ่าไร่'], registered: 93, promoted: 20 },
  { no: 6, name: 'ศรีเชียงใหม่', variants: [], registered: 39, promoted: 16 },
  { no: 7, name: 'สระใคร', variants: [], registered: 62, promoted: 16 },
  { no: 8, name: 'สังคม', variants: [], registered: 63, promoted: 6 },
  { no: 9, name: 'โพธิ์ตาก', variants: [], registered: 29, promoted: 4 },
];

/**
 * The matching key of a district name: the name key without the prefix อำเภอ or อ.
 * @param name a district name as typed, e.g. "อ. เมือง หนองคาย"
 */
export function districtKey(name: string): string {
  return nameKey(name).replace(/^(อำเภอ|อ\.)/, '');
}

const knownByKey_ = madeOnFirstUse<ReadonlyMap<string, District>>(
  () => new Map(NONG_KHAI_DISTRICTS.flatMap((d) => [d.name, ...d.variants].map((n) => [districtKey(n), d] as const))),
);

/**
 * The known district a name spells, or undefined.
 * @param name a district name as typed
 */
export function knownDistrict(name: string): District | undefined {
  return knownByKey_().get(districtKey(name));
}

/**
 * A matcher for a list of districts (the district table's names, any province): it gives the
 * index in the list of a typed name, or -1. A listed name that is one of the letter's
 * districts also matches every other spelling of that district.
 * @param names the district names, in table order
 */
export function districtMatcher(names: readonly string[]): (typed: string) => number {
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    const known = knownDistrict(name);
    const spellings = known ? [name, known.name, ...known.variants] : [name];
    for (const spelling of spellings) {
      const key = districtKey(spelling);
      if (key !== '' && !index.has(key)) index.set(key, i);
    }
  });
  return (typed) => index.get(districtKey(typed)) ?? -1;
}

/**
 * The canonical name of a typed district name: the letter's spelling for a known district,
 * otherwise the cleaned name as typed (without prefix).
 * @param name a district name as typed
 */
export function canonicalDistrictName(name: string): string {
  return knownDistrict(name)?.name ?? name.replace(/^\s*(อำเภอ|อ\.)\s*/, '').trim();
}
