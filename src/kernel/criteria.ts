/**
 * The scoring criteria as data. FY 2565's are below; a workbook supplies its own through the
 * criteria sheet (see criteriaTable.ts), so next year's thresholds need no code change.
 */

/** A colour band of the letter's five phases. */
export interface Band {
  /** Thai name of the colour, e.g. เขียวเข้ม. */
  readonly colour: string;
  /** Cell background, #rrggbb. */
  readonly background: string;
  /** Text colour readable on that background, #rrggbb. */
  readonly text: string;
}

/** One level of the criteria: a district scores it when it meets every minimum. */
export interface Level {
  /** 1–5. */
  readonly score: number;
  /** Thai level name, e.g. ดีมาก. */
  readonly name: string;
  /** Non-budget activities at least. */
  readonly minActivities: number;
  /** Online channels (with a new operator) at least. */
  readonly minChannels: number;
  /** New operators at least the operator target at this percent of registered. */
  readonly percent: number;
  readonly band: Band;
}

/** The whole criteria: levels from the highest score down, and what is below level 1. */
export interface Criteria {
  readonly levels: readonly Level[];
  readonly below: { readonly score: 0; readonly name: string; readonly band: Band };
}

const RED: Band = { colour: 'แดง', background: '#c5221f', text: '#ffffff' };

/** The bands of FY 2565, keyed by score (docs/domain.md#colour-bands). */
export const BANDS_2565: Readonly<Record<number, Band>> = {
  5: { colour: 'เขียวเข้ม', background: '#137333', text: '#ffffff' },
  4: { colour: 'เขียวอ่อน', background: '#b7e1cd', text: '#0d3b21' },
  3: { colour: 'เหลือง', background: '#ffe599', text: '#3d3100' },
  2: { colour: 'ส้ม', background: '#f6b26b', text: '#4a2300' },
  1: RED,
  0: RED,
};

/** The FY 2565 criteria of the letter's enclosure 2, as read in docs/domain.md#levels. */
export const CRITERIA_2565: Criteria = {
  levels: [
    { score: 5, name: 'ดีมาก', minActivities: 5, minChannels: 3, percent: 5, band: BANDS_2565[5] },
    { score: 4, name: 'ดี', minActivities: 4, minChannels: 2, percent: 4, band: BANDS_2565[4] },
    { score: 3, name: 'ปานกลาง', minActivities: 3, minChannels: 1, percent: 3, band: BANDS_2565[3] },
    { score: 2, name: 'พัฒนา', minActivities: 2, minChannels: 1, percent: 2, band: BANDS_2565[2] },
    // The letter says "fewer than 1 activity"; read as no minimum (docs/domain.md#level-1-has-no-minimum).
    { score: 1, name: 'ปรับปรุง', minActivities: 0, minChannels: 1, percent: 1, band: BANDS_2565[1] },
  ],
  below: { score: 0, name: 'ต่ำกว่าเกณฑ์', band: BANDS_2565[0] },
};

/**
 * The level or below-level entry of a score.
 * @param criteria the criteria
 * @param score 0–5
 */
export function levelOfScore(criteria: Criteria, score: number): { score: number; name: string; band: Band } {
  return criteria.levels.find((level) => level.score === score) ?? criteria.below;
}

/**
 * The top level (the goal: ดีมาก in FY 2565).
 * @param criteria the criteria
 */
export function topLevel(criteria: Criteria): Level {
  return criteria.levels[0];
}
