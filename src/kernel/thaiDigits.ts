/** Thai digits ๐–๙ and their Arabic equivalents. */

const THAI_ZERO = 0x0e50;
const THAI_DIGIT = /[๐-๙]/;
const THAI_DIGITS = /[๐-๙]/g;

/**
 * Replaces every Arabic digit in the text with its Thai digit.
 * @param text any text, e.g. "241" or "25/03/2565"
 * @return the text with ๐–๙, e.g. "๒๔๑"
 */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

/**
 * Replaces every Thai digit in the text with its Arabic digit.
 * @param text any text, e.g. "๒๔๑"
 * @return the text with 0–9, e.g. "241"
 */
export function toArabicDigits(text: string): string {
  return THAI_DIGIT.test(text) ? text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - THAI_ZERO)) : text;
}
