/** Reading numbers as officers type them: Thai or Arabic digits, thousands separators, spaces. */
import { isDate } from './civilDate';
import { fail, ok, type Parsed, quote } from './parsed';
import { cleanText } from './text';
import { toArabicDigits } from './thaiDigits';

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/;

/**
 * Reads a number from a cell value: a number, or text such as "๒๔๑", "1,234", " 12 ".
 * @param value the cell value
 * @return the number, or a Thai problem
 */
export function parseNumber(value: unknown): Parsed<number> {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? ok(value) : fail(`${quote(value)} ไม่ใช่ตัวเลข`);
  }
  if (typeof value !== 'string') {
    if (isDate(value)) return fail(`${quote(value)} เป็นวันที่ ไม่ใช่ตัวเลข`);
    if (typeof value === 'boolean') return fail(`${quote(value)} เป็นค่าจริง/เท็จ ไม่ใช่ตัวเลข`);
    return fail('ไม่มีค่า');
  }
  const text = toArabicDigits(cleanText(value)).replace(/\s+/g, '');
  if (text === '') return fail('ไม่มีค่า');
  if (!NUMBER_TEXT.test(text)) return fail(`${quote(value)} ไม่ใช่ตัวเลข`);
  return ok(Number(text.replace(/,/g, '')));
}

/**
 * Reads a count: a whole number, zero or more (activities, channels, operators).
 * @param value the cell value
 * @return the count, or a Thai problem
 */
export function parseCount(value: unknown): Parsed<number> {
  const number = parseNumber(value);
  if (!number.ok) return number;
  if (number.value < 0) return fail(`${quote(value)} ติดลบ จำนวนต้องเป็น 0 ขึ้นไป`);
  if (!Number.isInteger(number.value)) return fail(`${quote(value)} มีทศนิยม จำนวนต้องเป็นจำนวนเต็ม`);
  return number;
}

/**
 * Reads a count that must be at least 1 (the registered operators a percentage divides by).
 * @param value the cell value
 * @return the count, or a Thai problem
 */
export function parsePositiveCount(value: unknown): Parsed<number> {
  const count = parseCount(value);
  if (count.ok && count.value === 0) return fail(`เป็น 0 ต้องมากกว่า 0 (ใช้เป็นตัวหาร)`);
  return count;
}
