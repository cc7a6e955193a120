/**
 * The criteria as a table, the layout of the criteria sheet and of the optional criteria range
 * of the scoring functions: score · level · each measure's minimum (kernel/measures.ts: activities ≥ ·
 * channels ≥ · new operators ≥ %) · background · text colour · colour name. Rows whose first
 * cell is not a score are headers.
 */
import { type Band, BANDS_2565, type Criteria, CRITERIA_2565, type Level } from '../../../kernel/criteria';
import type { MeasureMinimum, MeasureOf } from '../../../kernel/measures';
import { parseCount, parseNumber } from '../../../kernel/numbers';
import { fail, ok, type Parsed } from '../../../kernel/parsed';
import { cleanText, isBlank } from '../../../kernel/text';

/**
 * Column headers of the criteria table (Thai): a minimum per measure of the year.
 * @param measures the fiscal year's measures (kernel/yearProfile.ts profileOf)
 */
export function criteriaHeaders(measures: readonly MeasureOf[]): string[] {
  return ['คะแนน', 'ระดับ', ...measures.map((m) => m.criteriaHeader), 'สีพื้น', 'สีตัวอักษร', 'ชื่อสี'];
}

/** 0-based column of the first measure's minimum; the band's three columns follow the last one's. */
const FIRST_MINIMUM = 2;

/** A level's minimums, by the Level field each measure's minimum is kept in. */
type Minimums_ = { -readonly [F in MeasureMinimum['field']]: number };

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The rows of the criteria table, header first, level 5 down to the below-level row.
 * @param criteria the criteria
 * @param measures the fiscal year's measures: a minimum column each
 */
export function criteriaToRows(criteria: Criteria, measures: readonly MeasureOf[]): (string | number)[][] {
  const band = (b: Band) => [b.background, b.text, b.colour];
  return [
    criteriaHeaders(measures),
    ...criteria.levels.map((l) => [l.score, l.name, ...measures.map((m) => l[m.minimum.field]), ...band(l.band)]),
    [0, criteria.below.name, ...measures.map(() => ''), ...band(criteria.below.band)],
  ];
}

/**
 * Reads criteria from table rows (a criteria range or sheet). Checks that each level has its
 * name and minimums and that a higher score never asks for less than a lower one.
 * @param rows the table's values
 * @param measures the fiscal year's measures: a minimum column each, in order (a measure the year
 *   does not have keeps no minimum: 0)
 * @return the criteria, or a Thai problem naming the row
 */
export function criteriaFromRows(
  rows: readonly (readonly unknown[])[],
  measures: readonly MeasureOf[],
): Parsed<Criteria> {
  const bandAt = FIRST_MINIMUM + measures.length;
  const levels: Level[] = [];
  let below: Criteria['below'] = { score: 0, name: 'ต่ำกว่าเกณฑ์', band: BANDS_2565[0] };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (isBlank(row[0]) || !parseNumber(row[0]).ok) continue;
    const where = `เกณฑ์ แถวที่ ${i + 1}`;
    const score = parseCount(row[0]);
    if (!score.ok || score.value > 9) return fail(`${where}: คะแนนต้องเป็นจำนวนเต็ม 0–9`);
    const name = cleanText(String(row[1] ?? ''));
    if (name === '') return fail(`${where}: ไม่มีชื่อระดับ`);
    const band = readBand_(row, score.value, bandAt);
    if (!band.ok) return fail(`${where}: ${band.problem}`);
    if (score.value === 0) {
      below = { score: 0, name, band: band.value };
      continue;
    }
    // a blank minimum is no minimum (level 1's activities in FY 2565)
    const numbers = measures
      .map((_, k) => row[FIRST_MINIMUM + k])
      .map((v) => (isBlank(v) ? parseNumber(0) : parseNumber(v)));
    const bad = numbers.findIndex((n) => !n.ok || n.value < 0);
    if (bad >= 0) return fail(`${where}: ${measures[bad].criteriaHeader} ต้องเป็นตัวเลข 0 ขึ้นไป`);
    const minimums: Minimums_ = { minActivities: 0, minChannels: 0, percent: 0 };
    measures.forEach((m, k) => {
      const n = numbers[k];
      minimums[m.minimum.field] = n.ok ? n.value : 0;
    });
    if (levels.some((l) => l.score === score.value)) return fail(`${where}: คะแนน ${score.value} ซ้ำ`);
    levels.push({ score: score.value, name, ...minimums, band: band.value });
  }
  if (levels.length === 0) return fail('ตารางเกณฑ์ไม่มีระดับใดเลย');
  levels.sort((a, b) => b.score - a.score);
  for (let i = 1; i < levels.length; i++) {
    const [higher, lower] = [levels[i - 1], levels[i]];
    if (measures.some((m) => higher[m.minimum.field] < lower[m.minimum.field])) {
      return fail(`เกณฑ์ระดับ ${higher.name} ต้องไม่ต่ำกว่าระดับ ${lower.name}`);
    }
  }
  return ok({ levels, below });
}

/** Reads the band colours of a row (from column bandAt); blank colours take FY 2565's band of that score. */
function readBand_(row: readonly unknown[], score: number, bandAt: number): Parsed<Band> {
  const fallback = BANDS_2565[score] ?? BANDS_2565[0];
  const colour = (value: unknown, dflt: string): string | null => {
    if (isBlank(value)) return dflt;
    const text = cleanText(String(value));
    return HEX.test(text) ? text.toLowerCase() : null;
  };
  const background = colour(row[bandAt], fallback.background);
  const text = colour(row[bandAt + 1], fallback.text);
  if (background === null || text === null) return fail('สีต้องเป็นรหัสสีแบบ #RRGGBB');
  const name = isBlank(row[bandAt + 2]) ? fallback.colour : cleanText(String(row[bandAt + 2]));
  return ok({ colour: name, background, text });
}

/**
 * The criteria a workbook scores with: its criteria table, or FY 2565's when the table cannot
 * be read (the problem is then reported, in Thai); the formulas and the server both use this.
 * @param rows the criteria table's values
 * @param measures the fiscal year's measures (its table's minimum columns)
 */
export function criteriaOrDefault(
  rows: readonly (readonly unknown[])[],
  measures: readonly MeasureOf[],
): { criteria: Criteria; problem: string } {
  const parsed = criteriaFromRows(rows, measures);
  return parsed.ok
    ? { criteria: parsed.value, problem: '' }
    : { criteria: CRITERIA_2565, problem: `ตารางเกณฑ์มีปัญหา: ${parsed.problem} (ใช้เกณฑ์ปี ๒๕๖๕ แทน)` };
}
