/**
 * A colour mark per level for plain text (LINE has no colours): 🔴 ปรับปรุง and below, 🟠 พัฒนา,
 * 🟡 ปานกลาง, 🟢 ดี, and 🏆 for the top level (the goal). Read from the level's band, so a
 * criteria sheet with other colours keeps the marks in step; a colour it does not know gets ⚪.
 */
import { type Criteria, levelOfScore, topLevel } from '../../../kernel/criteria';

const BY_COLOUR: Readonly<Record<string, string>> = {
  แดง: '🔴',
  ส้ม: '🟠',
  เหลือง: '🟡',
  เขียวอ่อน: '🟢',
  เขียว: '🟢',
  เขียวเข้ม: '🟢',
};
/** The top level's mark. */
export const TOP_MARK = '🏆';
/** The mark of a district that cannot be assessed. */
export const NO_MARK = '⚪';

/**
 * The mark of a score.
 * @param criteria the criteria (its bands)
 * @param score 0–5, or null when it cannot be assessed
 */
export function levelMark(criteria: Criteria, score: number | null): string {
  if (score === null || !Number.isFinite(score)) return NO_MARK;
  if (score === topLevel(criteria).score) return TOP_MARK;
  return BY_COLOUR[levelOfScore(criteria, score).band.colour] ?? NO_MARK;
}
