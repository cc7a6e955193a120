/** OTOP_THAI: values with Thai digits, dates as Thai BE dates. */
import { dayOfDate, isDate } from '../core/civilDate';
import { formatThaiDate } from '../core/thaiDate';
import { toThaiDigits } from '../core/thaiDigits';
import { type Arg, isRange, type Result } from './args';

/**
 * OTOP_THAI(value): a value or range with Thai digits; a date becomes `๒๕ มีนาคม ๒๕๖๕`.
 * @param value a value or a range (any shape: the result has the same shape)
 */
export function otopThai(value: Arg): Result {
  return isRange(value) ? value.map((row) => row.map(thaiOf_)) : thaiOf_(value);
}

/** One value in Thai. */
function thaiOf_(value: unknown): unknown {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : formatThaiDate(dayOfDate(value));
  if (typeof value === 'number') return toThaiDigits(numberText_(value));
  if (typeof value === 'string') return toThaiDigits(value);
  return value ?? '';
}

/** A number as plain text, never with an exponent (1e21, 1e-7). */
function numberText_(value: number): string {
  return Number.isFinite(value)
    ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 })
    : String(value);
}
