/**
 * The bench's scales. "Nation" is re-scoped (issue 16): one workbook per province, the
 * national roll-up on paper; a 30-district province is the large case. "nation rows" keeps the
 * nation's entries in the province's 18 sheets, to show that calls do not grow with rows.
 */
import { NATION, PROVINCE, type ScaleSpec } from './generator';

/** The letter's province with ten times its entries. */
export const PROVINCE_10X: ScaleSpec = {
  name: 'province ×10',
  districts: 'letter',
  activities: PROVINCE.activities * 10,
  online: PROVINCE.online * 10,
  baseline: PROVINCE.baseline * 10,
};

/** A large province: 30 districts with the letter's entries per district (≈ 333). */
export const PROVINCE_30: ScaleSpec = {
  name: 'province 30',
  districts: 30,
  activities: 2_300,
  online: 6_700,
  baseline: 1_000,
};

/** Scales by name. */
export const SCALES: Record<string, ScaleSpec> = {
  province: PROVINCE,
  'province ×10': PROVINCE_10X,
  'province 30': PROVINCE_30,
  'nation rows': { ...NATION, name: 'nation rows', districts: 'letter' },
};
